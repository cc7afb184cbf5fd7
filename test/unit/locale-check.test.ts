import { describe, expect, it } from 'vitest';
import { frenchTypographyProblems, localeProblems, type Messages } from './locale-check';

const N = '\u202f';

describe('French typography check', () => {
  it('accepts a string written as Microsoft’s French writes it', () => {
    expect(frenchTypographyProblems(`Offre d’achat enregistrée${N}: ID de résumé $ID$${N}; le modèle «${N}Essai${N}» est prêt${N}!`)).toEqual([]);
    expect(frenchTypographyProblems('Il commence par https://portal.office.com/partner/… et indique type=Purchase.')).toEqual([]);
  });

  it.each([
    ["L'offre est enregistrée.", 'a straight apostrophe (write ’)'],
    ['Statut : Envoyée', '“:” without a narrow no-break space before it'],
    ['Statut: Envoyée', '“:” without a narrow no-break space before it'],
    ['Statut\u00a0: Envoyée', '“:” without a narrow no-break space before it'],
    ['Réessayez ; rien n’est perdu.', '“;” without a narrow no-break space before it'],
    ['Vraiment ?', '“?” without a narrow no-break space before it'],
    [`Le modèle « Essai${N}» est prêt.`, '“«” without a narrow no-break space after it'],
    [`Le modèle «${N}Essai» est prêt.`, '“»” without a narrow no-break space before it'],
    [`Ligne 3 ${N}: erreur`, 'a narrow no-break space next to another space'],
  ])('refuses %j', (text, problem) => {
    expect(frenchTypographyProblems(text)).toContain(problem);
  });

  it.each([
    ['Créer une invitation d’essai', 'd’essai'],
    ["Invitation d'essai", "d'essai"],
    ['Administration déléguée : Demandée', 'Demandée'],
    ['Créez-la dans Partner Center.', 'Partner Center'],
    ['ID Résumé', 'ID Résumé'],
  ])('refuses the term in %j', (text, term) => {
    expect(frenchTypographyProblems(text).some((problem) => problem.startsWith(`“${term}”`))).toBe(true);
  });

  it('reads a placeholder as a word before punctuation', () => {
    expect(frenchTypographyProblems(`$MONTH$${N}: $SENT$, $ACCEPTED$`)).toEqual([]);
    expect(frenchTypographyProblems('$MONTH$: $SENT$, $ACCEPTED$')).toEqual(['“:” without a narrow no-break space before it']);
  });
});

describe('catalog check', () => {
  const en: Messages = {
    extName: { message: 'Offer Courier' },
    kind_trial: { message: 'Trial invitation' },
    greeting: { message: 'Hello $NAME$', placeholders: { name: { content: '$1' } } },
    count_one: { message: '$COUNT$ offer', placeholders: { count: { content: '$1' } } },
    count_other: { message: '$COUNT$ offers', placeholders: { count: { content: '$1' } } },
  };
  const fr: Messages = {
    extName: { message: 'Offer Courier' },
    kind_trial: { message: 'Invitation d’évaluation' },
    greeting: { message: 'Bonjour $NAME$', placeholders: { name: { content: '$1' } } },
    count_one: { message: '$COUNT$ offre', placeholders: { count: { content: '$1' } } },
    count_other: { message: '$COUNT$ offres', placeholders: { count: { content: '$1' } } },
  };

  it('finds nothing in matching catalogs', () => {
    expect(localeProblems(en, fr, ['extName'])).toEqual([]);
  });

  it('names a key present in one language only', () => {
    const { kind_trial: _, ...withoutTrial } = fr;
    expect(localeProblems(en, withoutTrial, ['extName'])).toEqual(['fr.kind_trial: missing (present in en)']);
    expect(localeProblems(en, { ...fr, extra: { message: 'En plus' } }, ['extName'])).toEqual(['en.extra: missing (present in fr)']);
  });

  it('names French left in English, unless the key is listed as shared', () => {
    expect(localeProblems(en, { ...fr, kind_trial: { message: 'Trial invitation' } }, ['extName'])).toEqual(['fr.kind_trial: identical to English (“Trial invitation”)']);
    expect(localeProblems(en, fr, [])).toEqual(['fr.extName: identical to English (“Offer Courier”)']);
    expect(localeProblems(en, fr, ['extName', 'kind_trial'])).toEqual(['kind_trial: listed as the same in French, but translated']);
  });

  it('names placeholders that differ between the languages or from their declaration', () => {
    const problems = localeProblems(en, { ...fr, greeting: { message: 'Bonjour $WHO$', placeholders: { name: { content: '$1' } } } }, ['extName']);
    expect(problems).toEqual(['fr.greeting: declared placeholders (name) differ from the message’s', 'greeting: French and English use different placeholders']);
  });

  it('names a counted string without its other form, and a French typography problem with its key', () => {
    const { count_other: _, ...frOneOnly } = fr;
    const { count_other: __, ...enOneOnly } = en;
    expect(localeProblems(enOneOnly, frOneOnly, ['extName'])).toEqual([
      'en.count_one: a counted string needs both count_one and count_other',
      'fr.count_one: a counted string needs both count_one and count_other',
    ]);
    expect(localeProblems(en, { ...fr, kind_trial: { message: "Invitation d'évaluation" } }, ['extName'])).toEqual(['fr.kind_trial: a straight apostrophe (write ’)']);
  });
});
