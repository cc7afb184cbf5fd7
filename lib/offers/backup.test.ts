import { SCHEMA_V1_OFFERS } from '@/test/fixtures/db/schema-v1';
import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { createBackup, validateBackupRecords } from './backup';
import { BackupRefusedError, readBackupEnvelope } from './backup-envelope';

describe('backup envelope', () => {
  it('round-trips through JSON text, with or without a byte-order mark', () => {
    const offers = [makeOffer(1), makeOffer(2, { followUpOf: 'offer-1' })];
    const text = JSON.stringify(createBackup(offers, '2026-11-24T00:00:00.000Z'));
    expect(validateBackupRecords(readBackupEnvelope(text)).valid.map((record) => record.offer)).toEqual(offers);
    expect(readBackupEnvelope(`\uFEFF${text}`)).toHaveLength(2);
  });

  it.each([
    ['{not json', 'not-json'],
    ['\uFEFFSummary ID,Kind,Customer\r\nPO-1,Purchase offer,Contoso\r\n', 'csv-file'],
    ['ID de résumé;Type\nPO-1;Offre\n', 'csv-file'],
    ['just some words, one line', 'not-json'],
    ['{"format":"other","version":1,"offers":[]}', 'not-a-backup'],
    ['[1,2,3]', 'not-a-backup'],
    ['{"format":"offer-courier-backup","version":3,"offers":[]}', 'newer-version'],
    ['{"format":"offer-courier-backup","version":1.5,"offers":[]}', 'unsupported-version'],
    ['{"format":"offer-courier-backup","version":0,"offers":[]}', 'unsupported-version'],
    ['{"format":"offer-courier-backup","version":1}', 'not-a-backup'],
  ])('refuses %s whole as %s', (text, problem) => {
    expect(() => readBackupEnvelope(text)).toThrow(BackupRefusedError);
    try {
      readBackupEnvelope(text);
    } catch (error) {
      expect((error as BackupRefusedError).problem).toBe(problem);
    }
  });
});

describe('a version 1 backup', () => {
  it('imports each record mapped to customers, the send to an address making that address sent', () => {
    const [record] = SCHEMA_V1_OFFERS;
    const records = readBackupEnvelope(JSON.stringify({ format: 'offer-courier-backup', version: 1, exportedAt: '2026-01-07T00:00:00.000Z', offers: [record, 'junk'] }));
    const { valid, rejected } = validateBackupRecords(records, '2026-06-01T00:00:00.000Z');
    expect(rejected.map((r) => r.index)).toEqual([1]);
    expect(valid[0]?.offer).toMatchObject({
      id: 'v1-offer-1',
      notes: 'Relancer en février',
      customers: [{ email: 'elodie@fabrikam.example', name: 'Élodie Martin', company: 'Fabrikam', status: 'sent', sends: [{ provider: 'outlook', subject: 'Votre offre' }] }],
    });
    expect(valid[0]?.offer).not.toHaveProperty('status');
  });
});

describe('validateBackupRecords', () => {
  it('takes invisible and direction-changing characters out of short texts and customers, as every other way in does', () => {
    const hostile = makeOffer(1, {
      summaryId: 'PO-\u200b1001',
      partnerOffice: 'Contoso\u202e Paris',
      subscriptions: [{ name: 'Microsoft 365\u2066 E3', licenses: 5 }, { name: '\u200b\u200d', licenses: 1 }],
      customers: [makeCustomer('c1', { name: 'Dana \u202eeeS', company: '\ufeffFabrikam', email: 'dana@fabrikam.example\u200b' })],
      notes: 'Family plan 👨‍👩‍👧',
    });
    const [record] = validateBackupRecords([hostile]).valid;
    expect(record?.offer).toMatchObject({
      summaryId: 'PO-1001',
      partnerOffice: 'Contoso Paris',
      subscriptions: [{ name: 'Microsoft 365 E3', licenses: 5 }],
      customers: [{ name: 'Dana eeS', company: 'Fabrikam', email: 'dana@fabrikam.example' }],
      notes: 'Family plan 👨‍👩‍👧',
    });
  });

  it('drops a short text made only of invisible characters as a field, not as an undefined one, and keeps the fields in order', () => {
    const offer = makeOffer(1, { summaryId: '\u200b', partnerOffice: ' \u202e ', usageLocation: 'France' });
    const [record] = validateBackupRecords([offer]).valid;
    expect(Object.keys(record!.offer)).toEqual(Object.keys(offer).filter((key) => key !== 'summaryId' && key !== 'partnerOffice'));
    expect(record?.offer.usageLocation).toBe('France');
  });

  it('rejects each bad record with its index and reason, and keeps the good ones', () => {
    const good = makeOffer(1);
    const { valid, rejected } = validateBackupRecords([
      good,
      { ...makeOffer(2), customers: [{ ...makeOffer(2).customers[0], status: 'lost' }] },
      { ...makeOffer(3), url: 'https://evil.example/?type=Purchase&id=1&msppid=2' },
      'text',
      { ...makeOffer(4), summaryId: 'x'.repeat(5000) },
      { ...makeOffer(5), url: makeOffer(5).url.replace('portal.office.com/partner/partnersignup.aspx', 'login.microsoftonline.com/common/oauth2/authorize') },
    ]);
    expect(valid).toEqual([{ index: 0, offer: good }]);
    // Named by the summary ID each claims, as the advisor knows it: cut short, a hidden character taken out.
    expect(rejected).toEqual([
      { index: 1, id: 'offer-2', summaryId: 'SUM-2', problem: 'invalid-field', field: 'customers.0.status' },
      { index: 2, id: 'offer-3', summaryId: 'SUM-3', problem: 'not-an-offer-link' },
      { index: 3, problem: 'not-an-offer' },
      { index: 4, id: 'offer-4', summaryId: 'x'.repeat(64), problem: 'invalid-field', field: 'summaryId' },
      { index: 5, id: 'offer-5', summaryId: 'SUM-5', problem: 'not-an-offer-link' },
    ]);
    expect(validateBackupRecords([{ id: 'offer-9', summaryId: '\u202eSUM-9' }]).rejected).toEqual([{ index: 0, id: 'offer-9', summaryId: 'SUM-9', problem: 'invalid-field', field: 'kind' }]);
  });

  it('re-derives kind and ids from the URL', () => {
    const forged = makeOffer(1, { url: offerUrl(1, 'Trial'), kind: 'purchase', partnerId: 'someone-else' });
    expect(validateBackupRecords([forged]).valid[0]?.offer).toMatchObject({ kind: 'trial', partnerId: '4227824' });
  });

  it('brings times after the import back to the import time', () => {
    const now = '2026-06-01T12:00:00.000Z';
    const future = '2030-01-01T00:00:00.000+02:00';
    const customer = {
      ...makeCustomer('c1', { email: 'a@b.example' }, '2026-05-01T00:00:00.000Z', 'sent', [{ at: future, provider: 'gmail' }]),
      history: [
        { status: 'pending' as const, at: '2026-05-01T00:00:00.000Z' },
        { status: 'sent' as const, at: future },
      ],
    };
    const record = makeOffer(1, { createdAt: future, updatedAt: future, customers: [customer] });
    const offer = validateBackupRecords([record], now).valid[0]?.offer;
    expect(offer).toMatchObject({ createdAt: now, updatedAt: now, customers: [{ sends: [{ at: now, provider: 'gmail' }] }] });
    expect(offer?.customers[0]?.history.map((change) => change.at)).toEqual(['2026-05-01T00:00:00.000Z', now]);
    expect(validateBackupRecords([makeOffer(2)], now).valid[0]?.offer).toEqual(makeOffer(2));
  });
});
