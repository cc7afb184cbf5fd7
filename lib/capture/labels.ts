import { foldText } from '../offers/normalize';

/**
 * Label texts seen in Partner Center, per concept, in English, French, German and Spanish.
 * They are hints: structure (the URL, form controls) decides; labels name the fields. French,
 * German and Spanish come from translated documentation and may differ from the live UI, hence
 * several variants each (Microsoft's French documentation says "invitation d’évaluation"; older
 * translations say "d'essai"). Entries are written naturally and folded once at load.
 */
const DICTIONARY = {
  purchaseWizardTitle: [
    'Create purchase offer',
    'Create a purchase offer',
    "Créer une offre d'achat",
    "Créer l'offre d'achat",
    'Kaufangebot erstellen',
    'Crear oferta de compra',
    'Crear una oferta de compra',
  ],
  trialWizardTitle: [
    'Create trial invitation',
    'Create a trial invitation',
    "Créer une invitation d'évaluation",
    "Créer l'invitation d'évaluation",
    "Créer une invitation d'essai",
    "Créer l'invitation d'essai",
    'Testeinladung erstellen',
    'Crear invitación de prueba',
    'Crear una invitación de prueba',
  ],
  purchaseResultTitle: ['Send', 'Envoyer', 'Senden', 'Enviar'],
  trialResultTitle: [
    'Your trial invitation',
    "Votre invitation d'évaluation",
    "Votre invitation d'essai",
    'Ihre Testeinladung',
    'Su invitación de prueba',
    'Tu invitación de prueba',
  ],
  summaryId: [
    'Purchase offer summary ID',
    'Trial invitation summary ID',
    'Summary ID',
    "ID de résumé de l'offre d'achat",
    "ID de résumé de l'invitation d'évaluation",
    "ID de résumé de l'invitation d'essai",
    "ID du résumé de l'offre d'achat",
    "ID du résumé de l'invitation d'évaluation",
    "ID du résumé de l'invitation d'essai",
    'ID de résumé',
    'ID du résumé',
    'ID Résumé',
    'Identifiant de résumé',
    'Zusammenfassungs-ID',
    'ID der Zusammenfassung',
    'Id. de resumen',
    'ID de resumen',
  ],
  partnerOffice: ['Partner office', 'Bureau partenaire', 'Bureau du partenaire', 'Partnerbüro', 'Oficina del asociado', 'Oficina de partner'],
  usageLocation: [
    'Usage location',
    "Lieu d'utilisation",
    "Emplacement d'utilisation",
    'Pays d’utilisation',
    'Nutzungsstandort',
    'Verwendungsort',
    'Ubicación de uso',
  ],
  subscriptions: ['Subscriptions', 'Abonnements', 'Suscripciones'],
  trialSubscriptions: ['Trial subscriptions', "Abonnements d'évaluation", "Abonnements d'essai", 'Testabonnements', 'Suscripciones de prueba'],
  /**
   * One subscription, as a summary's column or row names it. Kept apart from the plural: a
   * "Subscription" column is common on other pages and must not make them look like the wizard.
   */
  subscription: [
    'Subscription',
    'Abonnement',
    'Suscripción',
    'Trial subscription',
    "Abonnement d'évaluation",
    "Abonnement d'essai",
    'Testabonnement',
    'Suscripción de prueba',
  ],
  licenseCount: [
    'License count',
    'Number of licenses',
    'Licenses',
    'Quantity',
    'Nombre de licences',
    'Licences',
    'Quantité',
    'Anzahl der Lizenzen',
    'Lizenzanzahl',
    'Lizenzen',
    'Número de licencias',
    'Licencias',
    'Cantidad',
  ],
  /** The word after a count in a summary ("25 licences"). */
  licenseUnit: ['license', 'licenses', 'licence', 'licences', 'Lizenz', 'Lizenzen', 'licencia', 'licencias'],
  delegatedAdmin: [
    'Include delegated administration privileges',
    'Include delegated administration',
    'Delegated administration privileges',
    'Delegated administration',
    'Delegated admin',
    "Inclure les privilèges d'administration déléguée",
    "Privilèges d'administration déléguée",
    'Administration déléguée',
    'Administrateur délégué',
    'Delegierte Administration',
    'Delegierte Verwaltung',
    'Administración delegada',
  ],
  yes: ['Yes', 'Oui', 'Ja', 'Sí', 'True'],
  no: ['No', 'Non', 'Nein', 'False'],
  /** What a select shows before a choice, or a row shows while it loads: never a value. */
  placeholder: [
    'Select',
    'Choose',
    'Loading',
    'Sélectionner',
    'Sélectionnez',
    'Choisir',
    'Choisissez',
    'Chargement',
    'Auswählen',
    'Wird geladen',
    'Seleccionar',
    'Cargando',
  ],
} as const;

export type LabelConcept = keyof typeof DICTIONARY;

/** Folded form used for every comparison: no accents, lower case, one kind of apostrophe. */
export function foldLabel(text: string): string {
  return foldText(text)
    .replace(/[\u2019\u2018\u02BC`\u00B4]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

// Several concepts are usually tried on the same text in a row: fold it once.
let lastText = '';
let lastFolded = '';
function foldOnce(text: string): string {
  if (text !== lastText) {
    lastFolded = foldLabel(text);
    lastText = text;
  }
  return lastFolded;
}

// Longest first, so that "ID de résumé de l'offre d'achat" wins over "ID de résumé".
const FOLDED = Object.fromEntries(
  Object.entries(DICTIONARY).map(([concept, phrases]) => [
    concept,
    [...new Set(phrases.map(foldLabel))].sort((a, b) => b.length - a.length),
  ]),
) as Record<LabelConcept, string[]>;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Decorations around a label: required-field asterisks, colons, parentheses, dashes.
const DECORATION = /^[\s:*()\-–—.]+|[\s:*()\-–—.]+$/g;

/** True when the text is exactly one of the concept's labels, decorations aside. */
export function isLabel(text: string, concept: LabelConcept): boolean {
  if (text.length > 120) return false;
  return FOLDED[concept].includes(foldOnce(text).replace(DECORATION, ''));
}

export interface LabelMatch {
  /** The value written after the label on the same line ("Summary ID: 8H3K"), if any. */
  inlineValue?: string;
}

/**
 * Whether a short text is the concept's label, possibly qualified by up to `maxPrefixWords`
 * words before it ("Your purchase offer summary ID") and possibly followed by `: value`.
 * A sentence that merely mentions the label ("Note the summary ID to track it") is not one.
 */
export function matchLabel(text: string, concept: LabelConcept, maxPrefixWords = 3): LabelMatch | null {
  if (text.length > 400) return null;
  const folded = foldOnce(text);
  for (const phrase of FOLDED[concept]) {
    let at = folded.indexOf(phrase);
    while (at >= 0) {
      const before = folded.slice(0, at);
      const after = folded.slice(at + phrase.length);
      const boundedBefore = at === 0 || !LETTER_OR_DIGIT.test(before.at(-1) ?? '');
      const boundedAfter = !LETTER_OR_DIGIT.test(after[0] ?? '');
      const prefixWords = before.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
      if (boundedBefore && boundedAfter && prefixWords <= maxPrefixWords) {
        const rest = after.replace(/^[\s*]+/, '');
        if (rest === '' || /^[:\-–—.]*$/.test(rest)) return {};
        if (/^[:\-–—]/.test(rest)) return { inlineValue: valueAfterLabel(text, folded.length - after.length) };
      }
      at = folded.indexOf(phrase, at + 1);
    }
  }
  return null;
}

/**
 * Maps a position in the folded text back to the original text. Folding removes combining
 * marks, so the original is walked character by character until the folded lengths agree.
 */
function valueAfterLabel(original: string, foldedEnd: number): string {
  let consumed = 0;
  let index = 0;
  const source = original.replace(/\s+/g, ' ').trimStart();
  while (index < source.length && consumed < foldedEnd) {
    const char = String.fromCodePoint(source.codePointAt(index) ?? 0);
    consumed += foldLabel(char).length || (char === ' ' ? 1 : 0);
    index += char.length;
  }
  return source.slice(index).replace(/^[\s*]*[:\-–—]\s*/, '').trim();
}

/** "Yes"/"No" in a supported language (first word only: "Yes, include it" is yes); else null. */
export function yesNo(text: string): boolean | null {
  const first = foldLabel(text).split(/[^\p{L}]+/u).find(Boolean) ?? '';
  if (FOLDED.yes.includes(first)) return true;
  if (FOLDED.no.includes(first)) return false;
  return null;
}

/** Text a page shows in place of a value: empty, dashes, dots, "Select...", "Loading...". */
export function isPlaceholder(text: string): boolean {
  const folded = foldLabel(text);
  if (!LETTER_OR_DIGIT.test(folded)) return true;
  return FOLDED.placeholder.some((word) => folded === word || (folded.startsWith(word) && !LETTER_OR_DIGIT.test(folded[word.length] ?? '')));
}
