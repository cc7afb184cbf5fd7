import type { CustomerStatus, Offer, OfferCustomer } from '@/lib/offers/schema';

/** Builds a valid offer URL for a numbered test offer, with a distinct GUID per number. */
export function offerUrl(n: number, type: 'Purchase' | 'Trial' = 'Purchase'): string {
  const hex = n.toString(16).padStart(12, '0');
  return `https://portal.office.com/partner/partnersignup.aspx?type=${type}&id=823604c2-4847-4219-9afd-${hex}&msppid=4227824`;
}

export function makeOffer(n: number, overrides: Partial<Offer> = {}): Offer {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    id: `offer-${n}`,
    kind: 'purchase',
    url: offerUrl(n),
    quoteId: `823604c2-4847-4219-9afd-${n.toString(16).padStart(12, '0')}`,
    partnerId: '4227824',
    summaryId: `SUM-${n}`,
    partnerOffice: 'Paris',
    usageLocation: n % 2 ? 'France' : 'Canada',
    subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 10 + (n % 5) }],
    delegatedAdmin: n % 3 === 0,
    customers: [
      makeCustomer(`c${n}`, { name: `Customer ${n}`, email: `buyer${n}@contoso.example`, company: n % 2 ? 'Société Générale' : 'Contoso' }, at),
    ],
    notes: '',
    source: 'auto',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A customer at `status` since `at`, with the sends given (a `sent` customer gets one at `at` unless told otherwise). */
export function makeCustomer(
  id: string,
  who: Pick<OfferCustomer, 'name' | 'email' | 'company'>,
  at = '2026-01-01T00:00:00.000Z',
  status: CustomerStatus = 'pending',
  sends: OfferCustomer['sends'] = status === 'sent' ? [{ at, provider: 'gmail' }] : [],
): OfferCustomer {
  const history: OfferCustomer['history'] = [{ status: 'pending', at }];
  if (status !== 'pending') history.push({ status, at });
  return { id, ...who, status, history, sends };
}

/** Sorts offers as the store lists them, newest first: by creation time, then by id, as IndexedDB compares strings. */
export const newestFirst = (a: Pick<Offer, 'createdAt' | 'id'>, b: Pick<Offer, 'createdAt' | 'id'>): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;
