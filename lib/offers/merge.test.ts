import { describe, expect, it } from 'vitest';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { mergeOffer, stripUndefined } from './merge';

const later = '2027-01-01T00:00:00.000Z';

describe('mergeOffer', () => {
  it('fills missing fields and never overwrites known ones', () => {
    const existing = makeOffer(1, { summaryId: undefined, partnerOffice: undefined, delegatedAdmin: null, subscriptions: [] });
    const incoming = makeOffer(2, { summaryId: 'S-2', partnerOffice: 'Lyon', usageLocation: 'Germany', delegatedAdmin: false });
    const merged = mergeOffer(existing, incoming, later);
    expect(merged.summaryId).toBe('S-2');
    expect(merged.partnerOffice).toBe('Lyon');
    expect(merged.usageLocation).toBe(existing.usageLocation);
    expect(merged.delegatedAdmin).toBe(false);
    expect(merged.subscriptions).toEqual(incoming.subscriptions);
    expect(merged.customers).toEqual([...existing.customers, ...incoming.customers]);
    expect(merged.updatedAt).toBe(later);
  });

  it('lets what the result page showed replace an earlier capture, field by field', () => {
    const existing = makeOffer(1, { partnerOffice: 'Paris', usageLocation: 'Canada', delegatedAdmin: true, subscriptions: [{ name: 'E3', licenses: 5 }] });
    const incoming = makeOffer(2, { partnerOffice: 'Lyon', usageLocation: 'France', delegatedAdmin: false, subscriptions: [{ name: 'E5', licenses: 30 }] });
    const merged = mergeOffer(existing, incoming, later, ['usageLocation', 'subscriptions', 'delegatedAdmin']);
    expect(merged).toMatchObject({ partnerOffice: 'Paris', usageLocation: 'France', delegatedAdmin: false, subscriptions: [{ name: 'E5', licenses: 30 }] });
    // A field the result page named but left empty erases nothing.
    const blank = mergeOffer(existing, { subscriptions: [], delegatedAdmin: null }, later, ['subscriptions', 'delegatedAdmin']);
    expect(blank).toBe(existing);
  });

  it('unites the same customer (by address) and fills the fields it lacked', () => {
    const existing = makeOffer(1, { customers: [makeCustomer('c1', { name: 'Ana', email: 'ana@x.example' })] });
    const merged = mergeOffer(existing, { customers: [makeCustomer('other-id', { name: 'Other', email: 'ANA@x.example', company: 'Contoso' })] }, later);
    expect(merged.customers).toEqual([expect.objectContaining({ id: 'c1', name: 'Ana', email: 'ana@x.example', company: 'Contoso' })]);
  });

  it('sees the same customer given in another key order as unchanged', () => {
    const existing = makeOffer(1, { customers: [makeCustomer('c1', { name: 'Ana', company: 'Contoso' })] });
    expect(mergeOffer(existing, { customers: [{ ...existing.customers[0]!, company: 'Contoso', name: 'Ana' }] }, later)).toBe(existing);
  });

  it('unites a customer’s history and sends and takes the latest status', () => {
    const existing = makeOffer(1);
    const [customer] = existing.customers;
    const incoming = {
      customers: [
        {
          ...customer!,
          status: 'accepted' as const,
          history: [...customer!.history, { status: 'accepted' as const, at: later }],
          sends: [{ at: later, provider: 'gmail' as const }],
        },
      ],
    };
    const merged = mergeOffer(existing, incoming, later);
    expect(merged.customers[0]).toMatchObject({ status: 'accepted', history: [{ status: 'pending' }, { status: 'accepted' }], sends: [{ at: later }] });
    expect(mergeOffer(merged, incoming, later)).toBe(merged);
  });

  it('returns the same object when nothing changes', () => {
    const existing = makeOffer(1);
    expect(mergeOffer(existing, { ...existing, partnerOffice: 'Elsewhere' }, later)).toBe(existing);
  });
});

describe('stripUndefined', () => {
  it('drops undefined keys at every depth and keeps every other value, in a copy that shares nothing', () => {
    const offer = makeOffer(1, {
      summaryId: undefined,
      notes: '',
      delegatedAdmin: null,
      subscriptions: [{ name: 'E3', licenses: null }],
      customers: [{ ...makeCustomer('c1', { name: 'Ann', email: undefined }), company: undefined }],
    });
    const stripped = stripUndefined(offer);
    expect(stripped).toEqual(JSON.parse(JSON.stringify(offer)));
    expect(Object.keys(stripped)).not.toContain('summaryId');
    expect(Object.keys(stripped.customers[0]!)).not.toContain('company');
    expect(stripped).toMatchObject({ notes: '', delegatedAdmin: null, subscriptions: [{ licenses: null }] });
    expect(stripped.customers).not.toBe(offer.customers);
    expect(stripped.customers[0]!.sends).not.toBe(offer.customers[0]!.sends);
  });
});
