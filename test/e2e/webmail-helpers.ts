import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { CustomerStatus, Offer, Send } from '../../lib/offers/schema';
import { offerUrl } from '../unit/offer-factory';
import type { Envelope, Request } from '../../lib/messaging/protocol';
import { UNDO_APPEAR_MS } from '../../lib/webmail/send-state';
import { pressThroughBrowser, type ExtensionBrowser } from './harness';

/**
 * What the webmail browser tests share: seeding offers through the background, reading the
 * editor's own content (RoosterJS's model, not the DOM, where the fixture exposes it) in the
 * page or in the frame holding the compose form, and driving the picker.
 */

declare global {
  interface Window {
    editorText(): string;
    editorHtml(): string;
  }
}

/** Signed with the contact block, so the message's last line is the website (a caret after it is after the message). */
export const PROFILE = {
  name: 'Alex Advisor',
  company: 'Northwind Cloud',
  email: 'alex@northwind.example',
  phone: '+33 1 23 45 67 89',
  website: 'https://northwind.example',
  contactBlock: true,
};

export const DEFAULT_SUBJECT = 'Your Microsoft subscription offer from Northwind Cloud';

/** Either browser's harness, asking the background as an extension page does. */
export type Sender = Pick<ExtensionBrowser, 'send'>;

/** The page or frame holding a compose form. */
export type ComposeScope = Page | Frame;

/** Saves settings as the options page does, through the background that owns them (either browser's harness). */
export async function saveSettings(
  sender: { send(request: Request): Promise<Envelope<unknown>> },
  settings: { profile?: Record<string, string | boolean>; templates?: readonly object[] },
): Promise<void> {
  const requests = [
    ...(settings.profile ? [{ type: 'settings.saveProfile', profile: settings.profile }] : []),
    ...(settings.templates ? [{ type: 'settings.saveTemplates', templates: settings.templates }] : []),
  ] as Request[];
  for (const request of requests) {
    const answer = await sender.send(request);
    if (!answer.ok) throw new Error(`${request.type} refused: ${JSON.stringify(answer.error)}`);
  }
}

/** Seeds offers with distinct links, numbered from `first`. */
export function offerSeeder(browser: Sender, first: number): (extra?: Record<string, unknown>) => Promise<Offer> {
  let next = first;
  return async (extra = {}) => {
    const n = next++;
    const answer = await browser.send({
      type: 'offers.upsert',
      draft: {
        url: offerUrl(n),
        summaryId: `SUM-E2E-${n}`,
        usageLocation: 'France',
        subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 12 }],
        delegatedAdmin: false,
        customer: { name: 'Camille Martin', company: 'Contoso', email: `camille${n}@contoso.example` },
        source: 'manual',
        ...extra,
      },
    });
    expect(answer.ok).toBe(true);
    return (answer as { data: { offer: Offer } }).data.offer;
  };
}

export async function getOffer(browser: Sender, id: string): Promise<Offer> {
  const answer = await browser.send({ type: 'offers.get', id });
  return (answer as { data: { offer: Offer } }).data.offer;
}

export const editorText = (scope: ComposeScope) =>
  scope.evaluate(() => (typeof window.editorText === 'function' ? window.editorText() : (document.getElementById('editor')!.textContent ?? '')));

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** The documents of a page held in its own process: the top one, then about:blank and same-origin frames. */
function frameDocuments(node: DomNode, found: DomNode[] = []): DomNode[] {
  if (node.contentDocument) found.push(node.contentDocument);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) frameDocuments(child, found);
  return found;
}

/**
 * The on-screen boxes of the visible buttons with this accessible name, as assistive technology
 * finds them: the control lives in a closed shadow root, which page scripts and Playwright's
 * selectors cannot enter. A page scope searches the top document, a frame scope the page's frames.
 */
async function controlBoxes(scope: ComposeScope, name: string): Promise<(Box & { keyShortcuts?: string })[]> {
  const page = 'context' in scope ? scope : scope.page();
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const documents = 'context' in scope ? [root] : frameDocuments(root);
    const boxes: (Box & { keyShortcuts?: string })[] = [];
    for (const document of documents) {
      const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: document.backendNodeId, accessibleName: name, role: 'button' })) as {
        nodes: { ignored: boolean; backendDOMNodeId?: number; properties?: { name: string; value: { value?: unknown } }[] }[];
      };
      for (const node of nodes) {
        if (node.ignored || node.backendDOMNodeId === undefined) continue;
        // A node that lost its layout since the query has no quads.
        const [quad] = await cdp.send('DOM.getContentQuads', { backendNodeId: node.backendDOMNodeId }).then(
          (answer) => answer.quads,
          () => [],
        );
        if (!quad) continue;
        const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
        const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
        const keyShortcuts = node.properties?.find((property) => property.name === 'keyshortcuts')?.value.value;
        boxes.push({
          x: Math.min(...xs),
          y: Math.min(...ys),
          width: Math.max(...xs) - Math.min(...xs),
          height: Math.max(...ys) - Math.min(...ys),
          ...(typeof keyShortcuts === 'string' ? { keyShortcuts } : {}),
        });
      }
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

/**
 * The compose control's button, reached as the advisor reaches it: found through the
 * accessibility tree and pressed with a real mouse click at its position (the control ignores
 * clicks a script dispatches).
 */
export function insertButton(scope: ComposeScope, name = 'Insert offer', index = 0) {
  const page = 'context' in scope ? scope : scope.page();
  const box = async () => (await controlBoxes(scope, name))[index];
  const visibleBox = async (timeout = 5000) => {
    let found: (Box & { keyShortcuts?: string }) | undefined;
    await expect.poll(async () => (found = await box()), { timeout }).toBeDefined();
    return found!;
  };
  const centre = (found: Box) => [found.x + found.width / 2, found.y + found.height / 2] as const;
  return {
    count: async () => (await controlBoxes(scope, name)).length,
    boundingBox: box,
    keyShortcuts: async () => (await visibleBox()).keyShortcuts,
    nth: (n: number) => insertButton(scope, name, n),
    async waitFor({ state = 'visible', timeout = 5000 }: { state?: 'visible' | 'hidden'; timeout?: number } = {}) {
      if (state === 'visible') await visibleBox(timeout);
      else await expect.poll(box, { timeout }).toBeUndefined();
    },
    async click() {
      await page.mouse.click(...centre(await visibleBox()));
    },
    async dblclick() {
      await page.mouse.dblclick(...centre(await visibleBox()));
    },
  };
}

export const isPickerOpen = (page: Page) => page.frames().some((frame) => frame.url().includes('/picker.html'));

/** The picker's frame once it lists offers and its search box has the keyboard. */
export async function pickerFrame(page: Page): Promise<Frame> {
  await expect.poll(() => isPickerOpen(page)).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/picker.html'))!;
  await frame.getByRole('option').first().waitFor();
  await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role'))).toBe('combobox');
  return frame;
}

/** Clicks "Insert offer", waits until the picker has focus with the newest offer preselected, presses Enter. */
export async function insertNewest(page: Page, offer: Offer, scope: ComposeScope = page): Promise<void> {
  await insertButton(scope).click();
  const frame = await pickerFrame(page);
  expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(offer.summaryId);
  await pressThroughBrowser(frame, 'Enter');
  await expect.poll(() => editorText(scope)).toContain(offer.url);
  await expect.poll(() => isPickerOpen(page)).toBe(false);
}

/** Presses Ctrl+Z until the check passes; returns how many presses it took (or max + 1). */
export async function undoUntil(page: Page, done: () => Promise<boolean>, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(50);
    if (await done()) return presses;
  }
  return max + 1;
}

/**
 * The caret was left after the message (typing lands after its last line), and once the typing
 * is undone, one more Ctrl+Z takes the whole insertion out.
 */
export async function expectCaretAfterAndOneUndo(page: Page, offer: Offer, scope: ComposeScope = page): Promise<void> {
  const marker = 'ZZTYPED';
  await page.keyboard.type(marker);
  await expect.poll(() => editorText(scope)).toContain(marker);
  const text = await editorText(scope);
  expect(text.indexOf(marker)).toBeGreaterThan(text.lastIndexOf('northwind.example'));
  expect(text.indexOf(marker)).toBeGreaterThan(text.indexOf(offer.summaryId!));
  await page.waitForTimeout(600);
  expect(await undoUntil(page, async () => !(await editorText(scope)).includes(marker), 3)).toBeLessThanOrEqual(3);
  expect(await editorText(scope)).toContain(offer.url);
  expect(await undoUntil(page, async () => !(await editorText(scope)).includes(offer.url), 1)).toBe(1);
}

/** A customer as the tests compare them: identity, status, and the provider and subject of each send. */
export interface SeenCustomer {
  email?: string;
  name?: string;
  status: CustomerStatus;
  sends: { provider: Send['provider']; subject?: string }[];
}

export async function customersOf(browser: Sender, id: string): Promise<SeenCustomer[]> {
  const offer = ((await browser.send({ type: 'offers.get', id })) as { data: { offer: Offer } }).data.offer;
  return offer.customers.map(({ email, name, status, sends }) => ({
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
    status,
    sends: sends.map(({ provider, subject }) => ({ provider, ...(subject ? { subject } : {}) })),
  }));
}

/** The seeded customer, as the offer stores it before anything happened to them. */
export const seededCustomer = (offer: Offer): { name: string; email: string } => {
  const [customer] = offer.customers;
  return { name: customer!.name!, email: customer!.email! };
};

/** The offer's customers come to be exactly these (the background records asynchronously). */
/**
 * Waits for the offer's customers to be as expected: in Gmail a send is recorded once the page no
 * longer offers to undo it (its toast gone, or none shown within UNDO_APPEAR_MS).
 */
export async function expectCustomers(browser: Sender, offer: Offer, expected: SeenCustomer[]): Promise<void> {
  // Time for a Gmail send without a toast to be recorded, and for the background to store it.
  await expect.poll(() => customersOf(browser, offer.id), { timeout: UNDO_APPEAR_MS + 3000 }).toEqual(expected);
}

/** The insertion recorded its draft: the seeded customer, its To address, is `drafted`, and nothing was sent. */
export const expectDrafted = (browser: Sender, offer: Offer): Promise<void> =>
  expectCustomers(browser, offer, [{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);

/** Each send of the offer's customers, with its moment. */
export async function sendMoments(browser: Sender, id: string): Promise<string[]> {
  const offer = await getOffer(browser, id);
  return offer.customers.flatMap((customer) => customer.sends.map((send) => send.at));
}
