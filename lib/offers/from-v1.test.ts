import { describe, expect, it } from 'vitest';
import { SCHEMA_V1_OFFERS } from '@/test/fixtures/db/schema-v1';
import { SCHEMA_V1_RICH_OFFERS } from '@/test/fixtures/db/schema-v1-rich';
import { offerFromV1, type V1Offer } from './from-v1';
import { LIMITS } from './limits';
import { Offer } from './schema';

const V1_FIXTURES = [...SCHEMA_V1_OFFERS, ...SCHEMA_V1_RICH_OFFERS] as unknown as V1Offer[];
const fixture = (id: string) => V1_FIXTURES.find((record) => record.id === id)!;
/** A plain v1 record: created, nobody named, nothing sent. */
const bare = (overrides: Partial<V1Offer> = {}): V1Offer => ({
  ...fixture('v1-offer-2'),
  customer: {},
  status: 'created',
  statusHistory: [{ status: 'created', at: '2026-01-06T10:00:00.000Z' }],
  sends: [],
  ...overrides,
});
const V2_FIELDS_REPLACING_V1 = new Set(['customer', 'status', 'statusHistory', 'sends', 'customerKey', 'urlKey', 'words']);

describe('offerFromV1', () => {
  it('gives every frozen v1 record a valid v2 shape, the same twice over', () => {
    for (const record of V1_FIXTURES) {
      const mapped = offerFromV1(record);
      expect(Offer.safeParse(mapped).success, record.id).toBe(true);
      expect(offerFromV1(structuredClone(record))).toEqual(mapped);
      expect(mapped.customers.map((customer) => customer.id)).toEqual(mapped.customers.map((_, i) => `${record.id}:c${i}`));
    }
  });

  it('loses nothing: other fields kept as they were, every send, recipient, status change and the customer found on a customer', () => {
    for (const record of V1_FIXTURES) {
      const mapped = offerFromV1(record) as unknown as Record<string, unknown> & Offer;
      for (const [field, value] of Object.entries(record)) {
        if (!V2_FIELDS_REPLACING_V1.has(field)) expect(mapped[field], `${record.id}.${field}`).toEqual(value);
      }
      for (const field of V2_FIELDS_REPLACING_V1) expect(mapped, record.id).not.toHaveProperty(field);
      const sends = mapped.customers.flatMap((customer) => customer.sends);
      for (const send of record.sends ?? []) {
        expect(sends, record.id).toContainEqual({ at: send.at, provider: send.provider, ...(send.subject ? { subject: send.subject } : {}) });
        for (const address of send.to?.match(/[^\s<>",]+@[^\s<>",]+/g) ?? []) {
          expect(mapped.customers.map((customer) => customer.email?.toLowerCase()), record.id).toContain(address.toLowerCase());
        }
      }
      const [main] = mapped.customers;
      for (const change of record.statusHistory ?? []) {
        if (change.status !== 'created') expect(main?.history, record.id).toContainEqual({ status: change.status, at: change.at });
      }
      if (record.customer && Object.keys(record.customer).length > 0) expect(main, record.id).toMatchObject(record.customer);
    }
  });

  it('maps a sent offer with a send to an address to that address sent', () => {
    expect(offerFromV1(fixture('v1-offer-1')).customers).toEqual([
      {
        id: 'v1-offer-1:c0',
        name: 'Élodie Martin',
        email: 'elodie@fabrikam.example',
        company: 'Fabrikam',
        status: 'sent',
        history: [
          { status: 'pending', at: '2026-01-05T09:00:00.000Z' },
          { status: 'sent', at: '2026-01-05T09:30:00.000Z' },
        ],
        sends: [{ at: '2026-01-05T09:30:00.000Z', provider: 'outlook', subject: 'Votre offre' }],
      },
    ]);
  });

  it('splits sends by address, a quoted name holding a comma staying one person, each with their own sends', () => {
    const gmail = { at: '2026-02-01T08:10:00.000Z', provider: 'gmail', subject: 'Your Microsoft 365 offer' };
    const outlook = { at: '2026-02-03T16:00:00.000Z', provider: 'outlook', subject: 'Reminder: your offer' };
    expect(offerFromV1(fixture('v1-offer-3')).customers).toEqual([
      {
        id: 'v1-offer-3:c0',
        company: 'Contoso',
        name: 'Dubois, Claire',
        email: 'claire@contoso.example',
        status: 'sent',
        history: [
          { status: 'pending', at: '2026-02-01T08:00:00.000Z' },
          { status: 'sent', at: '2026-02-01T08:10:00.000Z' },
        ],
        sends: [gmail],
      },
      {
        id: 'v1-offer-3:c1',
        email: 'bob@contoso.example',
        status: 'sent',
        history: [
          { status: 'pending', at: '2026-02-01T08:00:00.000Z' },
          { status: 'sent', at: '2026-02-01T08:10:00.000Z' },
        ],
        sends: [gmail, outlook],
      },
    ]);
  });

  it('learns the address of a customer known by name from a "Name <address>" send, and keeps a name alone as a name', () => {
    expect(offerFromV1(fixture('v1-offer-5')).customers).toMatchObject([
      { name: 'Jean Dupont', email: 'jean.dupont@northwind.example', status: 'declined', sends: [{ provider: 'gmail' }] },
    ]);
    expect(offerFromV1(fixture('v1-offer-7')).customers).toMatchObject([
      { name: 'Zoë Lambert', email: 'zoe@tailspin.example', company: 'Tailspin', status: 'withdrawn', sends: [{ provider: 'outlook' }] },
      { name: 'Marc Petit', status: 'sent', sends: [{ provider: 'outlook' }] },
    ]);
    expect(offerFromV1(fixture('v1-offer-7')).customers[1]).not.toHaveProperty('email');
    const notAnAddress = offerFromV1(bare({ status: 'sent', sends: [{ at: '2026-01-07T00:00:00.000Z', provider: 'gmail', to: 'Support @ Contoso <not an address>' }] }));
    expect(notAnAddress.customers).toMatchObject([{ name: 'Support @ Contoso <not an address>', status: 'sent' }]);
    expect(notAnAddress.customers[0]).not.toHaveProperty('email');
  });

  it('gives a send that named no one to the offer’s one customer, never to a second copy of them', () => {
    expect(offerFromV1(fixture('v1-offer-6')).customers).toMatchObject([
      { id: 'v1-offer-6:c0', company: 'Northwind Traders', status: 'expired', sends: [{ provider: 'outlook', subject: 'Votre abonnement' }] },
    ]);
    expect(offerFromV1(fixture('v1-offer-6')).customers).toHaveLength(1);
  });

  it('makes an unnamed customer only when something happened to the offer', () => {
    expect(offerFromV1(fixture('v1-offer-2')).customers).toEqual([]);
    expect(offerFromV1(bare({ customer: { name: ' Ana ' } })).customers).toMatchObject([{ name: 'Ana', status: 'pending' }]);
    expect(offerFromV1(fixture('v1-offer-4')).customers).toEqual([
      {
        id: 'v1-offer-4:c0',
        status: 'accepted',
        history: [
          { status: 'pending', at: '2026-02-10T10:00:00.000Z' },
          { status: 'sent', at: '2026-02-10T10:05:00.000Z' },
          { status: 'accepted', at: '2026-02-14T12:00:00.000Z' },
        ],
        sends: [{ at: '2026-02-10T10:05:00.000Z', provider: 'other' }],
      },
    ]);
    const withdrawn = bare({ status: 'withdrawn', statusHistory: [{ status: 'created', at: '2026-01-06T10:00:00.000Z' }, { status: 'withdrawn', at: '2026-01-08T00:00:00.000Z' }] });
    expect(offerFromV1(withdrawn).customers).toMatchObject([{ status: 'withdrawn' }]);
  });

  it.each([
    ['created', 'pending'],
    ['sent', 'sent'],
    ['accepted', 'accepted'],
    ['declined', 'declined'],
    ['expired', 'expired'],
    ['withdrawn', 'withdrawn'],
  ])('maps the v1 status %s to the customer status %s, even when the history lost that change', (v1Status, v2Status) => {
    const record = bare({ customer: { email: 'a@b.example' }, status: v1Status, updatedAt: '2026-01-09T00:00:00.000Z' });
    const [customer] = offerFromV1(record).customers;
    expect(customer?.status).toBe(v2Status);
    expect(customer?.history.at(-1)).toEqual({ status: v2Status, at: v2Status === 'pending' ? record.createdAt : '2026-01-09T00:00:00.000Z' });
  });

  it('stays within the schema’s limits: long offer ids, endless recipients and histories', () => {
    const longId = 'x'.repeat(64);
    const sends = Array.from({ length: LIMITS.history }, (_, i) => ({
      at: new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString(),
      provider: 'gmail' as const,
      to: `one${i}@a.example, two${i}@a.example`,
    }));
    const statusHistory = sends.map((send, i) => ({ status: i % 2 ? 'sent' : 'declined', at: send.at }));
    const mapped = offerFromV1(bare({ id: longId, customer: { email: 'main@a.example' }, status: 'sent', statusHistory, sends }));
    const parsed = Offer.safeParse(mapped);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(mapped.customers).toHaveLength(LIMITS.customers);
    expect(new Set(mapped.customers.map((customer) => customer.id)).size).toBe(LIMITS.customers);
    expect(mapped.customers[0]?.history.at(-1)).toEqual(statusHistory.at(-1));
  });
});
