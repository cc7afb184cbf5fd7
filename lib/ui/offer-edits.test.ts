import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { changedFields, fieldChanges, keepingEdits, offerEdits, rebasedEdits, withCustomerField } from './offer-edits';

describe('offer edits', () => {
  it('sets a customer field and leaves a blank one out', () => {
    const customer = { name: 'Émilie', email: 'emilie@contoso.example' };
    expect(withCustomerField(customer, 'company', 'Contoso')).toEqual({ ...customer, company: 'Contoso' });
    expect(withCustomerField(customer, 'name', '  ')).toEqual({ email: 'emilie@contoso.example' });
    expect(withCustomerField(customer, 'name', ' Émilie D. ')).toEqual({ ...customer, name: ' Émilie D. ' });
  });

  it('sends only the fields changed, each with the text it was edited from', () => {
    const base = { customer: { name: 'Émilie', email: 'old@contoso.example' }, notes: 'call back' };
    expect(fieldChanges(base, base)).toBeNull();
    expect(fieldChanges({ ...base, notes: 'call back Tuesday' }, base)).toEqual({ patch: { notes: 'call back Tuesday' }, expected: { notes: 'call back' } });
    const cleared = { ...base, customer: { name: 'Émilie', company: 'Contoso' } };
    expect(changedFields(cleared, base)).toEqual(['company', 'email']);
    expect(fieldChanges(cleared, base)).toEqual({
      patch: { customer: { company: 'Contoso', email: '' } },
      expected: { customer: { company: '', email: 'old@contoso.example' } },
    });
  });

  it('shows the stored offer with the text typed and not yet saved, and another window’s change elsewhere', () => {
    const base = { customer: { name: 'Émilie' }, notes: 'older' };
    const shown = makeOffer(1, { notes: 'typed meanwhile', customer: { name: 'Émilie' } });
    const stored = makeOffer(1, { status: 'accepted', notes: 'older', customer: { name: 'Émilie', email: 'b@contoso.example' } });
    expect(keepingEdits(stored, shown, base)).toEqual({ ...stored, notes: 'typed meanwhile', customer: { name: 'Émilie', email: 'b@contoso.example' } });
  });

  it('starts the next save from the stored text, except for a field still being edited', () => {
    const base = { customer: { name: 'Émilie' }, notes: 'older' };
    const stored = makeOffer(1, { notes: 'saved by another window', customer: { name: 'Émilie', email: 'b@contoso.example' } });
    const shown = { customer: { name: 'Émilie' }, notes: 'typed here' };
    // The notes are being edited here: a later save must still be checked against 'older'.
    expect(rebasedEdits(base, stored, shown)).toEqual({ customer: { name: 'Émilie', email: 'b@contoso.example' }, notes: 'older' });
    // Once this window saved its notes, the stored notes are the new starting point.
    const savedHere = makeOffer(1, { notes: 'typed', customer: { name: 'Émilie' } });
    expect(rebasedEdits(base, savedHere, shown, ['notes'])).toEqual(offerEdits(savedHere));
  });
});
