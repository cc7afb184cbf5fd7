import { describe, expect, it } from 'vitest';
import { foldText, searchWords } from './normalize';

describe('foldText', () => {
  it('removes accents and case', () => {
    expect(foldText('Société GÉNÉRALE')).toBe('societe generale');
  });
});

describe('searchWords', () => {
  it('splits on punctuation and keeps digits', () => {
    expect(searchWords('Anne-Marie <anne@Contoso.fr> x25')).toEqual(['anne', 'marie', 'anne', 'contoso', 'fr', 'x25']);
  });
});
