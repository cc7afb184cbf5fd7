import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { changedFields, fieldChanges, keepingEdits, offerEdits, rebasedEdits } from './offer-edits';

describe('offer edits', () => {
  it('sends only the notes changed, with the text they were edited from', () => {
    const base = { notes: 'call back' };
    expect(fieldChanges(base, base)).toBeNull();
    expect(changedFields({ notes: 'call back Tuesday' }, base)).toEqual(['notes']);
    expect(fieldChanges({ notes: 'call back Tuesday' }, base)).toEqual({ patch: { notes: 'call back Tuesday' }, expected: { notes: 'call back' } });
  });

  it('shows the stored offer with the text typed and not yet saved', () => {
    const stored = makeOffer(1, { notes: 'from another window' });
    const shown = makeOffer(1, { notes: 'typed here' });
    expect(keepingEdits(stored, shown, { notes: '' }).notes).toBe('typed here');
    expect(keepingEdits(stored, makeOffer(1, { notes: '' }), { notes: '' }).notes).toBe('from another window');
  });

  it('starts the next save from the stored text, except for notes still being edited', () => {
    const stored = makeOffer(1, { notes: 'stored' });
    expect(rebasedEdits({ notes: 'old' }, stored, { notes: 'old' })).toEqual(offerEdits(stored));
    expect(rebasedEdits({ notes: 'old' }, stored, { notes: 'typing' })).toEqual({ notes: 'old' });
    expect(rebasedEdits({ notes: 'old' }, stored, { notes: 'typing' }, ['notes'])).toEqual({ notes: 'stored' });
  });
});
