import { describe, expect, it } from 'vitest';
import { foldLabel, isLabel, isPlaceholder, matchLabel, yesNo } from './labels';

describe('foldLabel', () => {
  it('folds accents, case, apostrophes and spaces', () => {
    expect(foldLabel('  ID de Résumé de l’offre  d’achat ')).toBe("id de resume de l'offre d'achat");
  });
});

describe('isLabel', () => {
  it.each([
    ['Create purchase offer', 'purchaseWizardTitle'],
    ["CRÉER UNE OFFRE D'ACHAT", 'purchaseWizardTitle'],
    ['Créer une invitation d’essai', 'trialWizardTitle'],
    ['Créer une invitation d’évaluation', 'trialWizardTitle'],
    ['Send', 'purchaseResultTitle'],
    ['Envoyer', 'purchaseResultTitle'],
    ['Your trial invitation', 'trialResultTitle'],
    ["Votre invitation d'essai", 'trialResultTitle'],
    ['Votre invitation d’évaluation', 'trialResultTitle'],
    ['Partner office *', 'partnerOffice'],
    ['Bureau partenaire', 'partnerOffice'],
    ["Lieu d'utilisation :", 'usageLocation'],
    ['Nombre de licences', 'licenseCount'],
    ['Administration déléguée', 'delegatedAdmin'],
    ['Trial subscriptions', 'trialSubscriptions'],
    ['Abonnements', 'subscriptions'],
    ['Subscription', 'subscription'],
    ["Abonnement d'essai", 'subscription'],
    ['Abonnement d’évaluation', 'subscription'],
    ['Abonnements d’évaluation', 'trialSubscriptions'],
    ['Lizenzen', 'licenseUnit'],
    ['licences', 'licenseUnit'],
  ] as const)('recognises %j', (text, concept) => {
    expect(isLabel(text, concept)).toBe(true);
  });

  it('requires the whole text to be the label', () => {
    expect(isLabel('Send feedback', 'purchaseResultTitle')).toBe(false);
    expect(isLabel('Subscriptions', 'trialSubscriptions')).toBe(false);
  });
});

describe('matchLabel', () => {
  it.each(['Summary ID', 'Purchase offer summary ID', 'Trial invitation summary ID', 'ID de résumé', 'ID Résumé', "ID de résumé de l'invitation d'essai", 'ID de résumé de l’invitation d’évaluation', 'Zusammenfassungs-ID', 'Id. de resumen'])(
    'recognises the summary ID label %j',
    (text) => {
      expect(matchLabel(text, 'summaryId')).toEqual({});
    },
  );

  it('accepts a few qualifying words before the label', () => {
    expect(matchLabel('Your offer summary ID', 'summaryId')).toEqual({});
    expect(matchLabel('Note the summary ID of your new offer', 'summaryId')).toBeNull();
  });

  it('returns the value written after a colon, in the original spelling', () => {
    expect(matchLabel('Summary ID: PO-4K7Q', 'summaryId')).toEqual({ inlineValue: 'PO-4K7Q' });
    expect(matchLabel('ID de résumé de l’offre d’achat\u00A0: Éa-7', 'summaryId')).toEqual({ inlineValue: 'Éa-7' });
    expect(matchLabel('Bureau partenaire – Fabrikam Lyon', 'partnerOffice')).toEqual({ inlineValue: 'Fabrikam Lyon' });
  });

  it('rejects sentences that merely mention a label', () => {
    expect(matchLabel('Note the summary ID to track this offer.', 'summaryId')).toBeNull();
    expect(matchLabel('Summary identifiers', 'summaryId')).toBeNull();
    expect(matchLabel('Copy summary ID', 'summaryId', 0)).toBeNull();
  });

  it('ignores very long texts', () => {
    expect(matchLabel(`Summary ID: ${'x'.repeat(500)}`, 'summaryId')).toBeNull();
  });
});

describe('yesNo', () => {
  it.each([
    ['Yes', true],
    ['Oui', true],
    ['yes, include delegated administration', true],
    ['Sí', true],
    ['No', false],
    ['NON', false],
    ['Nein, danke', false],
    ['Maybe', null],
    ['', null],
  ] as const)('reads %j as %s', (text, answer) => {
    expect(yesNo(text)).toBe(answer);
  });
});

describe('isPlaceholder', () => {
  it.each(['', '—', '...', 'Loading…', 'Select a country/region', 'Sélectionnez un bureau', 'Chargement en cours'])('treats %j as no value', (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(['France', 'PO-4K7Q', 'Selectra SAS', '42'])('treats %j as a value', (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });
});
