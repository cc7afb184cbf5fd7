// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CapturedDraft, Subscription } from '../offers/schema';
import { detectWizardStep } from './detect';
import { CAPTURE_REASONS } from '../messaging/protocol';
import { captureFromCopy, captureFromPage, type CaptureResult } from './capture';
import { extractOptions, type OptionsSnapshot } from './options-step';
import { extractResult } from './result-page';
import { hostileText, pickWith, prng } from '../../test/fuzz/hostile-text';

const TREES = 1_000;
const random = prng(0xc0ffee);
const pick = <T,>(items: readonly T[]): T => pickWith(random, items);
const chance = (probability: number): boolean => random() < probability;

const hex = (length: number) => Array.from({ length }, () => pick('0123456789abcdef'.split(''))).join('');
const guid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;

const LABELS = [
  'Summary ID', 'Purchase offer summary ID', 'Trial invitation summary ID', 'ID de résumé', 'ID Résumé', 'Partner office',
  'Bureau partenaire', 'Usage location', "Lieu d'utilisation", 'Subscriptions', 'Trial subscriptions', 'License count',
  'Nombre de licences', 'Delegated administration', 'Administration déléguée', 'Yes', 'No', 'Oui', 'Non', 'Send', 'Envoyer',
  'Create purchase offer', 'Your trial invitation', 'Next', 'Select a country', 'Loading…', '—', 'Summary ID:',
  'Subscription', 'Testabonnement', 'Quantity', 'Plan (25)', 'Plan (25 licences)', 'Plan - 3 Lizenzen', 'Nombre de licences : 25', '(1 200)',
];

function offerUrl(): string {
  return pick([
    () => `https://portal.office.com/partner/partnersignup.aspx?type=${pick(['Purchase', 'Trial', 'purchase'])}&id=${guid()}&msppid=${Math.floor(random() * 1e7)}`,
    () => `https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=${guid()}&msppid=<img src=x onerror=alert(1)>`,
    () => `http://portal.office.com/partner/partnersignup.aspx?type=Trial&id=${guid()}&msppid=1`,
    () => `https://evil.example/partnersignup.aspx?type=Purchase&id=${guid()}&msppid=1`,
    () => `https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=${guid()}&msppid=1&pad=${'a'.repeat(3000)}`,
  ])();
}

function text(): string {
  return pick([
    () => pick(LABELS),
    () => `${pick(LABELS)}: ${pick(['PO-1', '<b>x</b>', '', '  ', '\u202Egnp.exe', offerUrl()])}`,
    () => offerUrl(),
    () => '<img src=x onerror=alert(1)>',
    () => pick(['a < b', '<<>>', '<img src=x onerror=alert(1)', 'x>y', '&lt;b&gt;']),
    () => '<script>alert(1)</script><!-- -->',
    () => 'x'.repeat(chance(0.1) ? 100_000 : 300),
    () => String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(random() * 0xffff))),
    () => '\uD800\uDFFF\uD800 \u0000\u200B\uFEFF',
    () => pick(['1 000', '-5', '1e9', '10.5', '999999999', '0', 'NaN', '25']),
    () => guid(),
  ])();
}

function attributes(element: Element): void {
  const names = ['id', 'for', 'aria-label', 'aria-labelledby', 'label', 'value', 'href', 'data-clipboard-text', 'role', 'aria-checked', 'aria-valuenow', 'checked', 'selected', 'slot', 'title'];
  for (let i = Math.floor(random() * 4); i > 0; i -= 1) {
    const name = pick(names);
    const value = name === 'role'
      ? pick(['checkbox', 'radio', 'switch', 'combobox', 'listbox', 'spinbutton', 'heading', 'row', 'group', 'radiogroup', 'option'])
      : name === 'id' || name === 'for' || name === 'aria-labelledby'
        ? pick(['a', 'b', 'c', 'x"y', 'a b', '\\', ''])
        : text();
    try {
      element.setAttribute(name, value);
    } catch {
      // Some random values are not valid attribute values; the DOM refusing them is fine.
    }
  }
}

const TAGS = ['div', 'span', 'p', 'label', 'select', 'option', 'input', 'textarea', 'table', 'caption', 'tr', 'td', 'th', 'thead', 'dl', 'dt', 'dd', 'ul', 'li', 'br', 'h1', 'h2', 'fieldset', 'legend', 'button', 'a', 'slot', 'template', 'script', 'b'];
const INPUT_TYPES = ['checkbox', 'radio', 'number', 'text', 'hidden', 'search', ''];

function build(parent: Element | ShadowRoot, depth: number): void {
  const children = depth > 5 ? 0 : Math.floor(random() * 5);
  for (let i = 0; i < children; i += 1) {
    if (chance(0.35)) {
      parent.append(document.createTextNode(chance(0.3) ? hostileText(random) : text()));
      continue;
    }
    if (chance(0.1)) {
      parent.append(labelledValue());
      continue;
    }
    const custom = chance(0.12);
    const element = document.createElement(custom ? `x-node-${Math.floor(random() * 5)}` : pick(TAGS));
    if (element instanceof HTMLInputElement) {
      element.type = pick(INPUT_TYPES);
      if (chance(0.5)) element.checked = true;
      if (chance(0.5)) element.value = text();
    }
    attributes(element);
    parent.append(element);
    if (custom) {
      const shadow = element.attachShadow({ mode: 'open' });
      // Now and then a long chain of nested shadow roots.
      if (chance(0.05)) nestShadows(shadow, 30 + Math.floor(random() * 60));
      else build(shadow, depth + 1);
    }
    build(element, depth + 1);
  }
}

/** A label with a hostile value beside it, in one of the layouts the extractor reads. */
function labelledValue(): Element {
  const label = pick(LABELS);
  // Hostile text goes into text and values, not attributes: happy-dom itself chokes on some slot names.
  const value = chance(0.3) ? hostileText(random) : text();
  const container = document.createElement(pick(['dl', 'p', 'div', 'tr']));
  const layout = pick(['pair', 'inline', 'field']);
  if (layout === 'inline') container.textContent = `${label}: ${value}`;
  else if (layout === 'field') {
    const labelElement = Object.assign(document.createElement('label'), { htmlFor: 'field', textContent: label });
    const input = Object.assign(document.createElement('input'), { id: 'field', value });
    container.append(labelElement, input);
  } else {
    container.append(Object.assign(document.createElement('dt'), { textContent: label }), Object.assign(document.createElement('dd'), { textContent: value }));
  }
  return container;
}

function nestShadows(root: ShadowRoot, levels: number): void {
  let current: ShadowRoot = root;
  for (let level = 0; level < levels; level += 1) {
    const host = document.createElement('x-deep');
    current.append(host);
    current = host.attachShadow({ mode: 'open' });
  }
  build(current, 3);
}

function rememberedOptions(): OptionsSnapshot | undefined {
  return pick<() => OptionsSnapshot | undefined>([
    () => undefined,
    () => extractOptions(document),
    () => ({ kind: 'purchase', partnerOffice: text(), usageLocation: text(), subscriptions: [{ name: text(), licenses: Math.floor(random() * 2e6) - 5 }], delegatedAdmin: chance(0.5) }) as const,
    () => ({ kind: 'x', subscriptions: 'nope', delegatedAdmin: 'yes', partnerOffice: 42 }) as unknown as OptionsSnapshot,
  ])();
}

function expectValid(result: CaptureResult): void {
  if (result.draft === null) {
    expect(CAPTURE_REASONS).toContain(result.reason);
    return;
  }
  expect(CapturedDraft.safeParse(result.draft).success).toBe(true);
  // No markup survives into a saved offer.
  expect(JSON.stringify(result.draft)).not.toMatch(/[<>]/);
}

describe('capture on random and malformed pages', () => {
  it(`never throws and never yields an invalid draft (${TREES} seeded trees)`, () => {
    let drafts = 0;
    let summaryIds = 0;
    let summaries = 0;
    for (let tree = 0; tree < TREES; tree += 1) {
      document.body.replaceChildren();
      build(document.body, 0);
      if (chance(0.3)) document.body.append(Object.assign(document.createElement('p'), { textContent: offerUrl() }));

      const step = detectWizardStep(document);
      expect(step === null || ['options', 'result'].includes(step.step)).toBe(true);

      const options = extractOptions(document);
      for (const subscription of options.subscriptions) expect(Subscription.safeParse(subscription).success).toBe(true);
      for (const value of [options.partnerOffice, options.usageLocation]) if (value !== undefined) expect(value.length).toBeLessThanOrEqual(200);

      const result = extractResult(document);
      if (result?.summaryId !== undefined) expect(result.summaryId.length).toBeLessThanOrEqual(200);
      for (const subscription of result?.subscriptions ?? []) expect(Subscription.safeParse(subscription).success).toBe(true);
      if (result?.subscriptions) summaries += 1;

      const fromPage = captureFromPage(document, rememberedOptions());
      expectValid(fromPage);
      expectValid(captureFromCopy(document, `${text()}\n${chance(0.7) ? offerUrl() : ''}\n${text()}`, rememberedOptions()));
      if (fromPage.draft) drafts += 1;
      if (fromPage.draft?.summaryId !== undefined) summaryIds += 1;
    }
    // The generator must exercise the success paths too, or the test proves little.
    expect(drafts).toBeGreaterThan(100);
    expect(summaryIds).toBeGreaterThan(20);
    expect(summaries).toBeGreaterThan(20);
  }, 30_000);
});
