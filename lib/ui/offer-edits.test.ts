import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { keepingEdits, withCustomerField } from './offer-edits';

describe('offer edits', () => {
  it('sets a customer field and leaves a blank one out', () => {
    const customer = { name: 'Émilie', email: 'emilie@contoso.example' };
    expect(withCustomerField(customer, 'company', 'Contoso')).toEqual({ ...customer, company: 'Contoso' });
    expect(withCustomerField(customer, 'name', '  ')).toEqual({ email: 'emilie@contoso.example' });
    expect(withCustomerField(customer, 'name', ' Émilie D. ')).toEqual({ ...customer, name: ' Émilie D. ' });
  });

  it('takes the stored offer but keeps the customer and notes shown', () => {
    const shown = makeOffer(1, { notes: 'typed meanwhile', customer: { name: 'Typed' } });
    const stored = makeOffer(1, { status: 'accepted', notes: 'older', updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(keepingEdits(stored, shown)).toEqual({ ...stored, notes: 'typed meanwhile', customer: { name: 'Typed' } });
  });
});
