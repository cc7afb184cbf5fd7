import { describe, expect, it } from 'vitest';
import { MAX_RECIPIENTS, mergeRecipients, parseChip, parseTyped } from './recipients';

describe('parseChip', () => {
  it('reads "Name <address>", an address alone, or a name alone, never making up an address', () => {
    expect(parseChip('David Martin <david@fabrikam.example>')).toEqual({ name: 'David Martin', email: 'david@fabrikam.example' });
    expect(parseChip(' eve@tailspin.example ')).toEqual({ email: 'eve@tailspin.example' });
    expect(parseChip('Claire Dubois')).toEqual({ name: 'Claire Dubois' });
    expect(parseChip('dan@fabrik')).toEqual({ name: 'dan@fabrik' });
    expect(parseChip('  ')).toBeNull();
  });

  it('prefers the address and name attributes, dropping a name that only repeats the address', () => {
    expect(parseChip('Ann', 'ann@contoso.example', 'Ann Lee')).toEqual({ email: 'ann@contoso.example', name: 'Ann Lee' });
    expect(parseChip('bob@fabrikam.example', 'bob@fabrikam.example', null)).toEqual({ email: 'bob@fabrikam.example' });
    expect(parseChip('Bob', 'BOB@fabrikam.example', 'bob@fabrikam.example')).toEqual({ email: 'BOB@fabrikam.example' });
    // An attribute that holds no address is no address: the text still counts.
    expect(parseChip('Zoe <zoe@contoso.example>', 'not-an-address', null)).toEqual({ email: 'zoe@contoso.example', name: 'Zoe' });
  });

  it('keeps hostile names as short plain text', () => {
    expect(parseChip('x', 'ann@contoso.example', '<img src=x onerror=alert(1)>Ann\u202E')).toEqual({ email: 'ann@contoso.example', name: 'Ann' });
    expect(parseChip('x', 'ann@contoso.example', '<<script>>')).toEqual({ email: 'ann@contoso.example' });
    const long = parseChip('N'.repeat(5000));
    expect(long?.name).toHaveLength(200);
  });
});

describe('parseTyped', () => {
  it('reads several entries separated by commas, semicolons or lines', () => {
    expect(parseTyped('frank@northwind.example; Grace Hopper <grace@contoso.example>,\n"Dubois, Claire" <claire@contoso.example>')).toEqual([
      { email: 'frank@northwind.example' },
      { email: 'grace@contoso.example', name: 'Grace Hopper' },
      { email: 'claire@contoso.example', name: 'Dubois, Claire' },
    ]);
  });

  it('leaves out what is not a recipient yet: a half-typed address, a name being looked up', () => {
    expect(parseTyped('ann@contoso.example, dan@fabrik')).toEqual([{ email: 'ann@contoso.example' }]);
    expect(parseTyped('Claire Du')).toEqual([]);
    expect(parseTyped('Ann <ann@contoso>')).toEqual([]);
  });

  it('splits addresses separated by spaces only', () => {
    expect(parseTyped('ann@contoso.example  bob@fabrikam.example')).toEqual([{ email: 'ann@contoso.example' }, { email: 'bob@fabrikam.example' }]);
  });

  it('stops at the recipient cap', () => {
    const many = Array.from({ length: 500 }, (_, i) => `user${i}@contoso.example`).join(', ');
    expect(parseTyped(many)).toHaveLength(MAX_RECIPIENTS);
  });
});

describe('mergeRecipients', () => {
  it('keeps one entry per address without regard to case, completing a missing name', () => {
    expect(
      mergeRecipients([
        { email: 'Ann@Contoso.example' },
        { email: 'ann@contoso.example', name: 'Ann Lee' },
        { email: 'ann@contoso.example', name: 'Other' },
        { name: 'Claire Dubois' },
        { name: 'claire dubois' },
        { email: 'bob@fabrikam.example' },
      ]),
    ).toEqual([{ email: 'Ann@Contoso.example', name: 'Ann Lee' }, { name: 'Claire Dubois' }, { email: 'bob@fabrikam.example' }]);
  });

  it('caps the count', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ email: `user${i}@contoso.example` }));
    expect(mergeRecipients(many)).toHaveLength(MAX_RECIPIENTS);
  });
});
