import { describe, expect, it } from 'vitest';
import { makeCustomer } from '@/test/unit/offer-factory';
import {
  applyComposeEvent,
  cleanIdentity,
  customerStatuses,
  findCustomer,
  greetedCustomer,
  lastSentAt,
  offerStatus,
  statusCounts,
  unitedCustomers,
  withStatus,
  withStatusUndone,
  type ComposeEvent,
} from './customers';

const at = '2026-07-01T10:00:00.000Z';
let ids = 0;
const newId = () => `new-${++ids}`;
const draft = (recipients: ComposeEvent['recipients']): ComposeEvent => ({ kind: 'draft', at, provider: 'outlook', recipients });
const send = (recipients: ComposeEvent['recipients'], when = '2026-07-01T10:05:00.000Z'): ComposeEvent => ({
  kind: 'send',
  at: when,
  provider: 'outlook',
  subject: 'Your offer',
  recipients,
});

describe('customers of an offer', () => {
  it('are found by address without case, and by a name only among those without an address', () => {
    const known = [makeCustomer('a', { email: 'Ann@Contoso.example', name: 'Ann' }), makeCustomer('b', { name: 'Élodie Martin' })];
    expect(findCustomer(known, { email: 'ann@contoso.EXAMPLE' })?.id).toBe('a');
    expect(findCustomer(known, { name: 'elodie martin' })?.id).toBe('b');
    expect(findCustomer(known, { name: 'Ann' })).toBeUndefined();
    expect(findCustomer(known, { email: 'other@contoso.example', name: 'Élodie Martin' })?.id).toBe('b');
    expect(findCustomer(known, {})).toBeUndefined();
  });

  it('lose invisible characters and blank fields', () => {
    expect(cleanIdentity({ name: ' \u202EnaM\u202C ', email: ' ', company: 'Fabri\u200Bkam' })).toEqual({ name: 'naM', company: 'Fabrikam' });
  });

  it('become drafted at a draft, never moving back one already sent', () => {
    const sent = makeCustomer('s', { email: 's@x.example' }, at, 'sent');
    const customers = applyComposeEvent([sent], draft([{ email: 'S@x.example' }, { email: 'n@x.example', name: 'New' }, { name: ' ' }]), newId);
    expect(customers.map((c) => [c.email, c.status])).toEqual([
      ['s@x.example', 'sent'],
      ['n@x.example', 'drafted'],
    ]);
    expect(customers[0]).toBe(sent);
  });

  it('become sent at a send, keep an answer they gave, and record a retried send once', () => {
    const accepted = makeCustomer('a', { email: 'a@x.example' }, at, 'accepted');
    const named = makeCustomer('n', { name: 'Claire Dubois' }, at, 'drafted');
    const once = applyComposeEvent([accepted, named], send([{ email: 'a@x.example' }, { name: 'Claire Dubois', email: 'claire@x.example' }]), newId);
    expect(once.map((c) => [c.id, c.email, c.status, c.sends.length])).toEqual([
      ['a', 'a@x.example', 'accepted', 1],
      ['n', 'claire@x.example', 'sent', 1],
    ]);
    expect(once[1]!.sends[0]).toEqual({ at: '2026-07-01T10:05:00.000Z', provider: 'outlook', subject: 'Your offer' });
    const again = applyComposeEvent(once, send([{ email: 'a@x.example' }, { email: 'claire@x.example' }]), newId);
    expect(again).toEqual(once);
    expect(lastSentAt(again[1]!)).toBe('2026-07-01T10:05:00.000Z');
  });

  it('give the offer its status: a sale first, then open work, then closed; pending without customers, who stand at no status', () => {
    expect(offerStatus({ customers: [] })).toBe('pending');
    expect(customerStatuses({ customers: [] })).toEqual([]);
    const mixed = { customers: [makeCustomer('a', {}, at, 'declined'), makeCustomer('b', {}, at, 'sent'), makeCustomer('c', {}, at, 'sent')] };
    expect(offerStatus(mixed)).toBe('sent');
    expect(statusCounts(mixed)).toEqual([
      { status: 'sent', count: 2 },
      { status: 'declined', count: 1 },
    ]);
    expect(offerStatus({ customers: [...mixed.customers, makeCustomer('d', {}, at, 'accepted')] })).toBe('accepted');
    expect(offerStatus({ customers: [makeCustomer('a', {}, at, 'withdrawn'), makeCustomer('b', {}, at, 'expired')] })).toBe('expired');
  });

  it('greet the only customer, else the newest not reached yet, else nobody in particular', () => {
    const only = makeCustomer('a', { name: 'Ann' }, at, 'sent');
    expect(greetedCustomer({ customers: [only] })).toBe(only);
    const waiting = makeCustomer('b', { name: 'Bob' });
    expect(greetedCustomer({ customers: [only, waiting, makeCustomer('c', { name: 'Cy' }, at, 'sent')] })).toBe(waiting);
    expect(greetedCustomer({ customers: [only, makeCustomer('c', { name: 'Cy' }, at, 'sent')] })).toBeUndefined();
  });

  it('from two records of one offer are united by id or identity, histories and sends merged', () => {
    const mine = makeCustomer('a', { email: 'a@x.example' }, at, 'sent');
    const theirs = { ...makeCustomer('other', { email: 'A@x.example', company: 'Contoso' }, '2026-08-01T00:00:00.000Z', 'accepted'), sends: [] };
    const stranger = makeCustomer('z', { name: '\u202Ezed' });
    const united = unitedCustomers([mine], [theirs, stranger]);
    expect(united.map((c) => [c.id, c.email, c.company, c.status, c.name])).toEqual([
      ['a', 'a@x.example', 'Contoso', 'accepted', undefined],
      ['z', undefined, undefined, 'pending', 'zed'],
    ]);
    expect(united[0]!.history.map((h) => h.status)).toEqual(['pending', 'sent', 'pending', 'accepted']);
    const existing = [mine];
    expect(unitedCustomers(existing, [mine])).toBe(existing);
  });
});

describe('withStatusUndone', () => {
  const later = '2026-07-02T09:00:00.000Z';
  it('takes a customer back to the status before the move made at that time, without its timeline entry', () => {
    const before = makeCustomer('a', { email: 'a@x.example' }, at, 'sent');
    expect(withStatusUndone(withStatus(before, 'declined', later), 'declined', later)).toEqual(before);
  });

  it('leaves a customer changed since, and tells one that move never touched', () => {
    const moved = withStatus(makeCustomer('a', {}, at, 'sent'), 'declined', later);
    expect(withStatusUndone(withStatus(moved, 'accepted', later), 'declined', later)).toBe('changed-since');
    expect(withStatusUndone(makeCustomer('b', {}, at, 'declined'), 'declined', later)).toBe('untouched');
    expect(withStatusUndone(moved, 'declined', at)).toBe('untouched');
    // Set to sent, then really sent: the send adds no status, but the customer was sent to.
    const markedSent = withStatus(makeCustomer('c', {}, at), 'sent', later);
    expect(withStatusUndone({ ...markedSent, sends: [{ at: '2026-07-02T10:00:00.000Z', provider: 'gmail' }] }, 'sent', later)).toBe('changed-since');
    expect(withStatusUndone(markedSent, 'sent', later)).toMatchObject({ status: 'pending' });
  });
});
