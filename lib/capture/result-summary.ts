import { LIMITS } from '../offers/limits';
import { foldText } from '../offers/normalize';
import type { Subscription } from '../offers/schema';
import { deepAncestors, deepElements, deepLines, deepParent, deepQuerySelectorAll, ownText, renderedChildren, type DeepRoot } from './deep-dom';
import { isLabel, isPlaceholder, matchLabel, type LabelConcept } from './labels';
import {
  CELL_SELECTOR,
  DEFINITION_SELECTOR,
  ENTRY_SELECTOR,
  HEADER_CELL_SELECTOR,
  NOT_SUMMARY_SELECTOR,
  PEER_LABEL_SELECTOR,
  ROW_SELECTOR,
  STRUCTURE_SELECTOR,
  SUMMARY_HEADING_SELECTOR,
  TABLE_SELECTOR,
} from './selectors';
import { parseLicenseCount } from './text';

/*
 * The subscriptions a result page lists in its summary of the offer, whatever form the list
 * takes: list items, table rows (with a header row, or label/value rows), definition lists, or
 * lines where the count follows the name ("Plan (25)", "Plan - 25 licences", a "Number of
 * licenses: 25" line). The subscriptions label anchors the reading; the entries after it are
 * read until another field of the summary begins.
 */

const SUBSCRIPTION_LABELS: LabelConcept[] = ['subscriptions', 'trialSubscriptions', 'subscription'];
const OTHER_FIELDS: LabelConcept[] = ['summaryId', 'partnerOffice', 'usageLocation', 'delegatedAdmin'];
const NOT_A_NAME: LabelConcept[] = [...SUBSCRIPTION_LABELS, ...OTHER_FIELDS, 'licenseCount', 'yes', 'no'];
const MAX_SIBLINGS = LIMITS.subscriptions * 2;
const MAX_ENTRIES = LIMITS.subscriptions * 3;
// A summary has one subscriptions label; a page repeating it is not worth reading at length.
const MAX_LABELS_TRIED = 20;

const COUNT = /^(\d[\d\s.,']*?)\s*(\p{L}+)?$/u;
// "Plan (25)", "Plan (25 licences)", "Plan (Nombre de licences : 25)"
const COUNT_IN_PARENTHESES = /^(.*?\S)\s*\(([^()]{1,60})\)$/;
// "Plan - 25 licences", "Plan, Licenses: 25": after a separator, a count must say what it counts.
const COUNT_AFTER_SEPARATOR = /^(.*?\S)\s*[-–—,·|]\s+([^-–—,·|]{1,60})$/;

/** A license count as a summary writes it ("25", "1 200", "25 licences", "Licenses: 25"), else null. */
export function countFrom(text: string): number | null {
  const match = COUNT.exec((matchLabel(text, 'licenseCount', 0)?.inlineValue ?? text).trim());
  if (!match || (match[2] !== undefined && !isLabel(match[2], 'licenseUnit'))) return null;
  return parseLicenseCount(match[1] ?? '');
}

/** The text as a subscription name, or '' when it cannot be one: a label, a price, a link, a sentence, a placeholder. */
function asName(text: string): string {
  if (text.length > LIMITS.shortText || !/\p{L}/u.test(text) || isPlaceholder(text) || /https?:\/\/|\p{Sc}/u.test(text)) return '';
  if (/[.!?]$/.test(text) && text.split(' ').length > 4) return '';
  return NOT_A_NAME.some((concept) => isLabel(text, concept)) ? '' : text;
}

/** A line naming a subscription, with the count written after the name if there is one. */
function nameAndCount(line: string): Subscription | null {
  for (const pattern of [COUNT_IN_PARENTHESES, COUNT_AFTER_SEPARATOR]) {
    const [, before = '', after = ''] = pattern.exec(line) ?? [];
    const count = pattern === COUNT_IN_PARENTHESES || /\p{L}/u.test(after) ? countFrom(after) : null;
    const name = asName(before);
    if (count !== null) return name ? { name, licenses: count } : null;
  }
  return asName(line) ? { name: line, licenses: null } : null;
}

/**
 * One entry's lines: its first name is the subscription; the first count, on a line of its own
 * ("25", "Licenses: 25", after a "License count" line) or after the name, is its count.
 */
function readEntry(lines: string[]): { name?: string; licenses: number | null } {
  let name: string | undefined;
  let licenses: number | null = null;
  for (const line of lines) {
    const count = countFrom(line);
    if (count !== null) licenses ??= count;
    else if (name === undefined) {
      const named = nameAndCount(line);
      if (named) [name, licenses] = [named.name, licenses ?? named.licenses];
    }
  }
  return { name, licenses };
}

function cellsOf(row: Element): Element[] {
  return deepQuerySelectorAll(row, CELL_SELECTOR, 500);
}

function isHeaderRow(cells: Element[]): boolean {
  return cells.length >= 2 && cells.every((cell) => cell.matches(HEADER_CELL_SELECTOR));
}

/**
 * For a column header in a header row, the cell below it in the first row that is not a header
 * row; null for any other element.
 */
export function cellBelow(header: Element): Element | null {
  if (!header.matches(HEADER_CELL_SELECTOR)) return null;
  const row = deepAncestors(header, 4).find((ancestor) => ancestor.matches(ROW_SELECTOR));
  const cells = row ? cellsOf(row) : [];
  if (!row || !isHeaderRow(cells)) return null;
  for (let next = row.nextElementSibling ?? deepParent(row)?.nextElementSibling?.querySelector(ROW_SELECTOR); next; next = next.nextElementSibling) {
    if (!next.matches(ROW_SELECTOR)) continue;
    const nextCells = cellsOf(next);
    if (!isHeaderRow(nextCells)) return nextCells[cells.indexOf(header)] ?? null;
  }
  return null;
}

/**
 * A table's rows as entries. With a header row, only the subscription column (the one labelled
 * so, else the first that is not the count) and the license count column are read.
 */
function tableEntries(table: Element, entries: string[][]): void {
  let nameColumn = -1;
  let countColumn = -1;
  for (const row of deepQuerySelectorAll(table, ROW_SELECTOR, 5000).slice(0, MAX_ENTRIES)) {
    const cells = cellsOf(row);
    if (isHeaderRow(cells)) {
      const texts = cells.map((cell) => deepLines(cell, 200).join(' '));
      countColumn = texts.findIndex((text) => isLabel(text, 'licenseCount'));
      nameColumn = texts.findIndex((text) => SUBSCRIPTION_LABELS.some((concept) => isLabel(text, concept)));
      if (nameColumn < 0) nameColumn = countColumn === 0 ? 1 : 0;
    } else if (nameColumn >= 0) {
      const read = [cells[nameColumn], cells[countColumn]].filter((cell): cell is Element => cell !== undefined);
      entries.push(read.flatMap((cell) => deepLines(cell, 400)));
    } else entries.push(deepLines(row, 400));
  }
}

/**
 * Entries from elements in page order: a definition term with its descriptions, a list item or
 * a row is one entry; inside other elements, each line is one (a count alone on its line
 * belongs to the name before it).
 */
function collectEntries(elements: Element[], entries: string[][]): void {
  let term: string[] | null = null;
  for (const element of elements) {
    if (entries.length >= MAX_ENTRIES || element.matches(NOT_SUMMARY_SELECTOR)) continue;
    if (element.tagName === 'DD' && term) term.push(...deepLines(element, 400));
    else if (element.tagName === 'DT') entries.push((term = deepLines(element, 400)));
    else if (element.matches(TABLE_SELECTOR)) tableEntries(element, entries);
    else if (element.matches(ENTRY_SELECTOR)) {
      if (!isHeaderRow(cellsOf(element))) entries.push(deepLines(element, 400));
    } else if (element.tagName === 'DL' || deepQuerySelectorAll(element, STRUCTURE_SELECTOR, 2000).length > 0) {
      collectEntries(element.tagName === 'DL' ? deepQuerySelectorAll(element, DEFINITION_SELECTOR, 2000) : renderedChildren(element), entries);
    } else for (const line of deepLines(element, 400)) entries.push([line]);
    if (element.tagName !== 'DT' && element.tagName !== 'DD') term = null;
  }
}


/**
 * Where the summary moves on to another field: a heading, another field's label, or (after a
 * label in a definition list or a table) a term or row headed by anything but a subscription or
 * its count.
 */
function startsAnotherField(element: Element, peers: boolean): boolean {
  if (element.matches(SUMMARY_HEADING_SELECTOR)) return true;
  const head = element.tagName === 'DT' ? element : element.matches(ROW_SELECTOR) ? cellsOf(element)[0] : undefined;
  if (peers && head?.matches(PEER_LABEL_SELECTOR)) {
    const text = deepLines(head, 200).join(' ');
    if (![...SUBSCRIPTION_LABELS, 'licenseCount' as const].some((concept) => isLabel(text, concept))) return true;
  }
  for (const inner of [element, ...deepElements(element, 300)]) {
    const own = ownText(inner);
    if (own.trim() && own.length <= 200 && OTHER_FIELDS.some((concept) => matchLabel(own, concept, 0))) return true;
  }
  return false;
}

function* nextSiblings(element: Element): Generator<Element> {
  for (let sibling = element.nextElementSibling; sibling; sibling = sibling.nextElementSibling) yield sibling;
}

function untilAnotherField(elements: Iterable<Element>, peers: boolean): Element[] {
  const taken: Element[] = [];
  for (const element of elements) {
    if (taken.length >= MAX_SIBLINGS || startsAnotherField(element, peers)) break;
    taken.push(element);
  }
  return taken;
}

/**
 * The entries inside and after a subscriptions label: its siblings until another field starts,
 * climbing to the parent when the label stands alone in it, or is a cell whose next rows go on.
 */
function entriesAfter(label: Element, inlineValue: string | undefined): string[][] {
  const entries: string[][] = inlineValue ? [[inlineValue]] : [];
  if (cellBelow(label) || label.tagName === 'CAPTION') {
    const table = deepAncestors(label, 6).find((ancestor) => ancestor.matches(TABLE_SELECTOR)) ?? deepParent(deepParent(label) ?? label);
    if (table) tableEntries(table, entries);
    return entries;
  }
  collectEntries(untilAnotherField(renderedChildren(label), false), entries);
  const peers = label.matches(PEER_LABEL_SELECTOR);
  let current: Element | null = label;
  for (let level = 0; current && level < 3; level += 1) {
    collectEntries(untilAnotherField(nextSiblings(current), peers), entries);
    if (entries.length > 0 && !current.matches(CELL_SELECTOR)) break;
    current = deepParent(current);
  }
  return entries;
}

/** Entries read into subscriptions: a count with no name of its own goes to the name before it. */
function subscriptionsFrom(entries: string[][]): Subscription[] {
  const subscriptions: Subscription[] = [];
  const seen = new Set<string>();
  for (const { name, licenses } of entries.map(readEntry)) {
    const last = subscriptions.at(-1);
    if (name === undefined) {
      if (last && last.licenses === null) last.licenses = licenses;
    } else if (!seen.has(foldText(name)) && subscriptions.length < LIMITS.subscriptions) {
      seen.add(foldText(name));
      subscriptions.push({ name, licenses });
    }
  }
  return subscriptions;
}

/** The subscriptions, with license counts where shown, that the page's offer summary lists; [] when none. */
export function extractSubscriptionSummary(root: DeepRoot): Subscription[] {
  let tried = 0;
  for (const element of deepElements(root)) {
    if (tried >= MAX_LABELS_TRIED) break;
    // A heading may count its entries: "Subscriptions (2)".
    const own = ownText(element).replace(/\(\d+\)\s*$/, '');
    if (own.length > 200 || !own.trim()) continue;
    const match = SUBSCRIPTION_LABELS.map((concept) => matchLabel(own, concept, 0)).find(Boolean);
    if (!match || [element, ...deepAncestors(element, 12)].some((ancestor) => ancestor.matches(NOT_SUMMARY_SELECTOR))) continue;
    tried += 1;
    const subscriptions = subscriptionsFrom(entriesAfter(element, match.inlineValue));
    if (subscriptions.length > 0) return subscriptions;
  }
  return [];
}

/**
 * The result page's subscriptions win over the options step's: they are what Microsoft created.
 * A count the result page does not show is kept from the options step for the same subscription.
 */
export function mergeSubscriptions(shown: Subscription[] | undefined, fromOptions: Subscription[] | undefined): Subscription[] | undefined {
  if (!shown || shown.length === 0) return fromOptions;
  const counts = new Map((fromOptions ?? []).map((subscription) => [foldText(subscription.name), subscription.licenses]));
  return shown.map((subscription) => ({ ...subscription, licenses: subscription.licenses ?? counts.get(foldText(subscription.name)) ?? null }));
}
