import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import type { Offer } from '../../lib/offers/schema';
import { offerUrl } from '../unit/offer-factory';
import { clickComposeControl, clickElement, composeControlPoint, extensionFrame, findExtensionFrame, launchFirefoxExtension, waitFor, type FirefoxExtension } from './firefox-harness';
import { startFixtureServer, type FixtureHost, type FixtureServer } from './harness';
import { buildFixtureEditors } from './webmail-fixtures';
import { saveSettings, customersOf, expectCustomers, expectDrafted, seededCustomer, sendMoments } from './webmail-helpers';

declare global {
  interface Window {
    editorText(): string;
    insertionEvents: InsertionEvent[];
  }
}

/** One event a page handler saw while the extension inserted, as the page world sees it. */
interface InsertionEvent {
  type: string;
  trusted: boolean;
  /** Length of the HTML the event carried (clipboardData or dataTransfer), -1 when it had none. */
  htmlLength: number;
}

/** The editable element of every compose fixture: the editor itself, or the one a ProseMirror wrapper holds. */
const EDITOR = '#editor[contenteditable], #editor [contenteditable]';

const PROFILE = { name: 'Alex Advisor', company: 'Northwind Cloud', email: 'alex@northwind.example', website: 'https://northwind.example', contactBlock: true };
const SUBJECT = 'Your Microsoft subscription offer from Northwind Cloud';

let firefox: FirefoxExtension;
let fixtures: FixtureServer;
let offerNumber = 9000;

beforeAll(async () => {
  await buildFixtureEditors();
  [firefox, fixtures] = await Promise.all([launchFirefoxExtension(), startFixtureServer()]);
  await saveSettings(firefox, { profile: PROFILE });
});
afterAll(async () => {
  await Promise.all([firefox?.close(), fixtures?.close()]);
});

async function seedOffer(): Promise<Offer> {
  const n = offerNumber++;
  const answer = await firefox.send({
    type: 'offers.upsert',
    draft: {
      url: offerUrl(n),
      summaryId: `SUM-FX-${n}`,
      usageLocation: 'France',
      subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 12 }],
      delegatedAdmin: false,
      customer: { name: 'Camille Martin', company: 'Contoso', email: `camille${n}@contoso.example` },
      source: 'manual',
    },
  });
  expect(answer.ok).toBe(true);
  return (answer as { data: { offer: Offer } }).data.offer;
}

/**
 * Opens a compose fixture with a recorder installed before the page's own scripts: it logs, in
 * the page world, every paste and input event with the HTML it carried.
 */
async function openCompose(host: FixtureHost, path: string): Promise<Page> {
  const page = await firefox.newPage();
  await page.evaluateOnNewDocument(() => {
    window.insertionEvents = [];
    const record = (event: Event) => {
      const data = event instanceof ClipboardEvent ? event.clipboardData : event instanceof InputEvent ? event.dataTransfer : null;
      const type = event instanceof InputEvent ? `${event.type}:${event.inputType}` : event.type;
      window.insertionEvents.push({ type, trusted: event.isTrusted, htmlLength: data ? data.getData('text/html').length : -1 });
    };
    for (const type of ['paste', 'beforeinput', 'input']) window.addEventListener(type, record, { capture: true });
  });
  await page.goto(fixtures.url(host, path));
  await page.waitForFunction(() => typeof window.editorText === 'function' || document.querySelector('[g_editable]') !== null);
  await composeControlPoint(page, EDITOR);
  return page;
}

const editorText = (page: Page) =>
  page.evaluate(() => (typeof window.editorText === 'function' ? window.editorText() : (document.getElementById('editor')!.textContent ?? '')));

/**
 * The strategy that put the text in: the last attempt the page saw. Each strategy is one event
 * dispatched by the extension (untrusted) except execCommand, which the browser reports as a
 * trusted input (Firefox leaves its inputType empty when a content script runs the command).
 */
function landedStrategy(events: InsertionEvent[]): string | undefined {
  const attempts = events.flatMap((event) => {
    if (!event.trusted && event.type === 'paste') return ['paste'];
    if (!event.trusted && /^beforeinput:insert(ReplacementText|FromPaste)$/.test(event.type)) return [event.type];
    if (event.trusted && (event.type === 'input:insertHTML' || event.type === 'input:')) return ['execCommand'];
    return [];
  });
  return attempts.at(-1);
}

/** The picker a click on "Insert offer" opened, once it has focus with an offer preselected. */
async function focusedPicker(page: Page): Promise<Frame> {
  const picker = await extensionFrame(page, '/picker.html');
  await picker.waitForSelector('[role="option"][aria-selected="true"]');
  await waitFor(
    () => picker.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role')),
    (role) => role === 'combobox',
  );
  return picker;
}

/**
 * Clicks "Insert offer" of the compose window whose body `editor` names, waits until the picker
 * has focus with the newest offer preselected, presses Enter.
 */
async function insertNewest(page: Page, offer: Offer, editor = EDITOR): Promise<string | undefined> {
  await page.evaluate(() => (window.insertionEvents = []));
  await clickComposeControl(page, editor);
  const frame = await focusedPicker(page);
  expect(await frame.$eval('[role="option"][aria-selected="true"]', (option) => option.textContent)).toContain(offer.summaryId);
  await page.keyboard.press('Enter');
  const text = editor === EDITOR ? () => editorText(page) : () => page.$eval(editor, (body) => body.textContent);
  await waitFor(text, (value) => value.includes(offer.url));
  await waitFor(() => findExtensionFrame(page, '/picker.html'), (frame) => frame === undefined);
  return landedStrategy(await page.evaluate(() => window.insertionEvents));
}

async function pressUndo(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
}

/** Presses Ctrl+Z until the check passes; returns how many presses it took (or max + 1). */
async function undoUntil(page: Page, done: () => Promise<boolean>, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await pressUndo(page);
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (await done()) return presses;
  }
  return max + 1;
}

/** Typing goes after the whole message (the caret was left after it), and undo takes the typing, then the message, out. */
async function expectTypingContinuesAndUndo(page: Page, offer: Offer): Promise<void> {
  await page.keyboard.type('ZZTYPED');
  const text = await waitFor(() => editorText(page), (value) => value.includes('ZZTYPED'));
  expect(text.indexOf('ZZTYPED')).toBeGreaterThan(text.lastIndexOf('northwind.example'));
  expect(text.indexOf('ZZTYPED')).toBeGreaterThan(text.indexOf(offer.url));
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(await undoUntil(page, async () => !(await editorText(page)).includes('ZZTYPED'), 3)).toBeLessThanOrEqual(3);
  expect(await undoUntil(page, async () => !(await editorText(page)).includes(offer.url), 2)).toBeLessThanOrEqual(2);
}

/** The insertion's draft: the seeded customer, whose address went into To, is `drafted`, nothing sent. */
const expectDraftRecorded = (offer: Offer) => expectDrafted(firefox, offer);

const inputValue = (page: Page, selector: string) => page.$eval(selector, (element) => (element as HTMLInputElement).value);

/**
 * Opens Outlook's pop-out fixture (its compose form written into an about:blank frame), opens the
 * picker from the frame's control and inserts the offer with Enter; answers the page and the frame.
 */
async function insertInOutlookPopout(offer: Offer) {
  const page = await firefox.newPage();
  await page.goto(fixtures.url('outlook.cloud.microsoft', 'webmail/outlook-popout.html'));
  const composeReady = async () => {
    for (const frame of page.frames()) {
      if (await frame.evaluate(() => window.name === 'compose' && typeof window.editorText === 'function').catch(() => false)) return frame;
    }
    return undefined;
  };
  const compose = (await waitFor(composeReady, (frame) => frame !== undefined))!;
  const frameOffset = await page.evaluate(() => {
    const frame = [...document.querySelectorAll('iframe')].find((candidate) => candidate.contentWindow?.name === 'compose');
    const box = frame?.getBoundingClientRect();
    return { x: (box?.left ?? 0) + (frame?.clientLeft ?? 0), y: (box?.top ?? 0) + (frame?.clientTop ?? 0) };
  });
  await clickElement(page, '#editor', compose, frameOffset);
  await clickComposeControl(page, '#editor', compose, frameOffset);
  await focusedPicker(page);
  await page.keyboard.press('Enter');
  await waitFor(() => compose.evaluate(() => window.editorText()), (text) => text.includes(offer.url));
  return { page, compose, frameOffset };
}

describe('inserting an offer in Firefox', () => {
  it('RoosterJS (Outlook): the editor model holds the link, caret after it, subject, To and draft recorded', async () => {
    const offer = await seedOffer();
    const page = await openCompose('outlook.office.com', 'webmail/outlook-compose.html');
    await page.click('#editor');
    const strategy = await insertNewest(page, offer);
    const html = await page.evaluate(() => (window as unknown as { editorHtml(): string }).editorHtml());
    expect(html).toContain(`href="${offer.url.replaceAll('&', '&amp;')}"`);
    expect(await inputValue(page, '#subject')).toBe(SUBJECT);
    expect(await page.$eval('#to', (to) => to.textContent)).toBe(seededCustomer(offer).email);
    await expectDraftRecorded(offer);
    await expectTypingContinuesAndUndo(page, offer);
    expect(strategy).toBe('paste');
    await page.close();
  });

  it('Gmail compose: the body holds the link as a link, caret after it, subject, To and draft recorded', async () => {
    const offer = await seedOffer();
    const page = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
    await page.click('#editor');
    const strategy = await insertNewest(page, offer);
    expect(await page.$$eval('#editor a', (links) => links.map((link) => link.getAttribute('href')))).toContain(offer.url);
    expect(await page.$$eval('#editor ul li', (items) => items.length)).toBeGreaterThan(0);
    expect(await inputValue(page, '#subject')).toBe(SUBJECT);
    expect(await inputValue(page, '#to')).toBe(seededCustomer(offer).email);
    await expectDraftRecorded(offer);
    await expectTypingContinuesAndUndo(page, offer);
    expect(strategy).toBe('execCommand');
    await page.close();
  });

  it('ProseMirror (behind Gmail markup): the document holds the link, caret after it, draft recorded', async () => {
    const offer = await seedOffer();
    const page = await openCompose('mail.google.com', 'webmail/gmail-prosemirror.html');
    await page.click('#editor [contenteditable]');
    const strategy = await insertNewest(page, offer);
    expect(await page.$$eval('#editor a', (links) => links.map((link) => link.getAttribute('href')))).toContain(offer.url);
    await expectDraftRecorded(offer);
    await expectTypingContinuesAndUndo(page, offer);
    expect(strategy).toBe('paste');
    await page.close();
  });

  it('Lexical (behind Outlook markup): the editor state holds the message, caret after it, draft recorded', async () => {
    const offer = await seedOffer();
    const page = await openCompose('outlook.office.com', 'webmail/outlook-lexical.html');
    await page.click('#editor');
    const strategy = await insertNewest(page, offer);
    expect(await editorText(page)).toContain(offer.summaryId);
    expect(await inputValue(page, '#subject')).toBe(SUBJECT);
    await expectDraftRecorded(offer);
    await expectTypingContinuesAndUndo(page, offer);
    expect(strategy).toBe('paste');
    await page.close();
  });

  it('Lexical where the page keeps paste events from the editor: beforeinput carries the message into the editor state', async () => {
    const offer = await seedOffer();
    const page = await openCompose('outlook.office.com', 'webmail/outlook-lexical-no-paste.html');
    await page.click('#editor');
    const strategy = await insertNewest(page, offer);
    expect(await editorText(page)).toContain(offer.summaryId);
    // Firefox also reports the To address typed into Outlook's recipient well (insertText).
    const beforeInputs = await page.evaluate(() => (window as unknown as { beforeInputs: string[] }).beforeInputs);
    expect(beforeInputs.filter((type) => type !== 'insertText')).toEqual(['insertReplacementText']);
    await expectDraftRecorded(offer);
    await expectTypingContinuesAndUndo(page, offer);
    expect(strategy).toBe('beforeinput:insertReplacementText');
    await page.close();
  });

  it('the pop-out compose written into an about:blank frame: inserted there, draft recorded from that frame', async () => {
    const offer = await seedOffer();
    const { page } = await insertInOutlookPopout(offer);
    // The record comes from the about:blank frame's content script, which Firefox names by its inherited origin.
    await expectDraftRecorded(offer);
    await page.close();
  });
});

describe('a hostile page in Firefox', () => {
  it('cannot collect the advisor’s Enter with a faded picker: the content script checks the frame, which Firefox cannot report', async () => {
    const offer = await seedOffer();
    const page = await firefox.newPage();
    await page.goto(fixtures.url('mail.google.com', 'pages/hostile-webmail.html'));
    await page.click('#editor');
    await clickComposeControl(page, EDITOR);
    await focusedPicker(page);
    const hostile = (action: 'fade' | 'reveal') => page.evaluate((name) => (window as unknown as { hostile: Record<string, () => void> }).hostile[name]!(), action);
    await hostile('fade');
    await page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await editorText(page)).toBe('');
    expect(await findExtensionFrame(page, '/picker.html')).toBeDefined();
    await hostile('reveal');
    await page.keyboard.press('Enter');
    await waitFor(() => editorText(page), (text) => text.includes(offer.url));
    await page.close();
  });

  it('cannot take the compose control away by replaying WXT’s start notice', async () => {
    const offer = await seedOffer();
    const page = await firefox.newPage();
    await page.goto(fixtures.url('mail.google.com', 'pages/hostile-webmail.html'));
    await page.click('#editor');
    await composeControlPoint(page, EDITOR);
    expect(await page.evaluate(() => (window as unknown as { hostile: { forgeScriptStarts(): number } }).hostile.forgeScriptStarts())).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await clickComposeControl(page, EDITOR);
    await focusedPicker(page);
    await page.keyboard.press('Enter');
    await waitFor(() => editorText(page), (text) => text.includes(offer.url));
    await page.close();
  });
});

describe('real sends in Firefox', () => {
  const pageSends = (page: Page) => page.evaluate(() => (window as unknown as { sends: number }).sends);
  const composeGone = (page: Page) => page.evaluate(() => document.getElementById('editor') === null);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Longer than the time a window has to go away after Send (SEND_GRACE_MS). */
  const PAST_GRACE_MS = 4600;

  async function pressCtrlEnter(page: Page): Promise<void> {
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
  }

  /** A compose window of the fixture with the newest offer inserted and its draft recorded. */
  async function draftInCompose(host: Parameters<typeof openCompose>[0], fixture: string) {
    const offer = await seedOffer();
    const page = await openCompose(host, fixture);
    await page.click('#editor');
    await insertNewest(page, offer);
    await expectDraftRecorded(offer);
    return { offer, page };
  }

  async function expectSentOnce(offer: Offer, provider: 'gmail' | 'outlook', between: [number, number]): Promise<void> {
    await expectCustomers(firefox, offer, [{ ...seededCustomer(offer), status: 'sent', sends: [{ provider, subject: SUBJECT }] }]);
    const moments = await sendMoments(firefox, offer.id);
    expect(moments).toHaveLength(1);
    expect(Date.parse(moments[0]!)).toBeGreaterThanOrEqual(between[0]);
    expect(Date.parse(moments[0]!)).toBeLessThanOrEqual(between[1]);
  }

  it('Gmail: the Send button sends, and the customer is sent with the moment and the subject', async () => {
    const { offer, page } = await draftInCompose('mail.google.com', 'webmail/gmail-compose.html');
    const before = Date.now();
    await page.click('#send');
    expect(await pageSends(page)).toBe(1);
    await expectSentOnce(offer, 'gmail', [before, Date.now()]);
    await page.close();
  });

  it('Outlook: Ctrl+Enter in the window sends', async () => {
    const { offer, page } = await draftInCompose('outlook.office.com', 'webmail/outlook-compose.html');
    const before = Date.now();
    await pressCtrlEnter(page);
    await waitFor(() => composeGone(page), (gone) => gone);
    await expectSentOnce(offer, 'outlook', [before, Date.now()]);
    await page.close();
  });

  it('closing the window unsent, or sending it once the offer text is deleted, leaves the customer drafted', async () => {
    const { offer: closed, page: gmail } = await draftInCompose('mail.google.com', 'webmail/gmail-compose.html');
    await gmail.click('#close');
    await waitFor(() => composeGone(gmail), (gone) => gone);
    await gmail.close();

    const { offer: deleted, page: outlook } = await draftInCompose('outlook.office.com', 'webmail/outlook-compose.html');
    for (let presses = 0; presses < 5 && (await editorText(outlook)).includes(deleted.url); presses++) {
      await outlook.keyboard.down('Control');
      await outlook.keyboard.press('a');
      await outlook.keyboard.up('Control');
      await outlook.keyboard.press('Backspace');
      await sleep(250);
    }
    expect(await editorText(outlook)).not.toContain(deleted.url);
    await outlook.click('#send');
    expect(await pageSends(outlook)).toBe(1);
    await sleep(800);
    expect(await customersOf(firefox, closed.id)).toEqual([{ ...seededCustomer(closed), status: 'drafted', sends: [] }]);
    expect(await customersOf(firefox, deleted.id)).toEqual([{ ...seededCustomer(deleted), status: 'drafted', sends: [] }]);
    await outlook.close();
  });

  it('Gmail: a send the page refuses (no recipient, an error dialog, the window stays) records nothing', async () => {
    const { offer, page } = await draftInCompose('mail.google.com', 'webmail/gmail-compose.html');
    await page.$eval('#to', (to) => {
      (to as HTMLInputElement).value = '';
    });
    await page.click('#send');
    await page.waitForSelector('[role="alertdialog"]');
    await page.click('[role="alertdialog"] button');
    await sleep(PAST_GRACE_MS);
    expect(await composeGone(page)).toBe(false);
    expect(await pageSends(page)).toBe(0);
    expect(await customersOf(firefox, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    await page.close();
  });

  it('Gmail’s pop-out page (in French): Envoyer records the send as the page leaves', async () => {
    const { offer, page } = await draftInCompose('mail.google.com', 'webmail/gmail-popout.html');
    const before = Date.now();
    await page.click('#send');
    await waitFor(async () => page.url(), (url) => url === 'about:blank');
    await expectSentOnce(offer, 'gmail', [before, Date.now()]);
    await page.close();
  });

  it('one offer sent to two customers from two compose windows (Gmail in German): each has their own status', async () => {
    const offer = await seedOffer();
    const page = await firefox.newPage();
    await page.goto(fixtures.url('mail.google.com', 'webmail/gmail-dynamic.html'));
    await page.evaluate(() => {
      const open = (window as unknown as { openCompose: (id: string) => void }).openCompose;
      open('first');
      open('second');
    });
    await page.type('#second .to', 'Dana Scully <dana@fabrikam.example>');
    for (const id of ['first', 'second']) {
      await page.click(`#${id} .body`);
      await insertNewest(page, offer, `#${id} .body`);
    }
    const camille = seededCustomer(offer);
    const dana = { name: 'Dana Scully', email: 'dana@fabrikam.example' };
    await expectCustomers(firefox, offer, [
      { ...camille, status: 'drafted', sends: [] },
      { ...dana, status: 'drafted', sends: [] },
    ]);
    await page.click('#first .send');
    await expectCustomers(firefox, offer, [
      { ...camille, status: 'sent', sends: [{ provider: 'gmail', subject: SUBJECT }] },
      { ...dana, status: 'drafted', sends: [] },
    ]);
    await page.click('#second .body');
    await pressCtrlEnter(page);
    await expectCustomers(firefox, offer, [
      { ...camille, status: 'sent', sends: [{ provider: 'gmail', subject: SUBJECT }] },
      { ...dana, status: 'sent', sends: [{ provider: 'gmail', subject: SUBJECT }] },
    ]);
    await page.close();
  });

  it('Outlook’s pop-out frame (in French, a Fluent split button): Envoyer records the send as the frame goes away', async () => {
    const offer = await seedOffer();
    const { page, compose, frameOffset } = await insertInOutlookPopout(offer);
    await expectDraftRecorded(offer);
    const before = Date.now();
    await clickElement(page, '#send', compose, frameOffset);
    await waitFor(() => page.evaluate(() => document.querySelector('iframe') === null), (gone) => gone);
    await expectSentOnce(offer, 'outlook', [before, Date.now()]);
    await page.close();
  });

  // The fixtures' ?checks variant: the page looks at the message on Send, in dialogs (Gmail: alert dialogs, Outlook: modal dialogs).
  it('Gmail: a confirmation (no subject) answered with Send anyway long after Send records the send', async () => {
    const { offer, page } = await draftInCompose('mail.google.com', 'webmail/gmail-compose.html?checks');
    await page.$eval('#subject', (subject) => {
      (subject as HTMLInputElement).value = '';
    });
    await page.click('#send');
    await page.waitForSelector('[role="alertdialog"]');
    await sleep(PAST_GRACE_MS);
    // Its first button: Send anyway.
    await page.click('[role="alertdialog"] button');
    await waitFor(() => composeGone(page), (gone) => gone);
    await expectCustomers(firefox, offer, [{ ...seededCustomer(offer), status: 'sent', sends: [{ provider: 'gmail' }] }]);
    await page.close();
  });

  it('Outlook: an error (an address not recognised) answered with OK keeps the window and records nothing', async () => {
    const { offer, page } = await draftInCompose('outlook.office.com', 'webmail/outlook-compose.html?checks');
    await page.$eval('#to', (to) => {
      to.textContent = 'dana.fabrikam.example';
    });
    await page.click('#send');
    await page.waitForSelector('[role="dialog"][aria-modal="true"]');
    await sleep(PAST_GRACE_MS);
    await page.click('[role="dialog"][aria-modal="true"] button');
    await sleep(PAST_GRACE_MS);
    expect(await composeGone(page)).toBe(false);
    expect(await pageSends(page)).toBe(0);
    expect(await customersOf(firefox, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    await page.close();
  });

  it('Outlook: a confirmation answered with Don’t send, then the window discarded, records nothing', async () => {
    const { offer, page } = await draftInCompose('outlook.office.com', 'webmail/outlook-compose.html?checks');
    await page.$eval('#subject', (subject) => {
      (subject as HTMLInputElement).value = '';
    });
    await page.click('#send');
    await page.waitForSelector('[role="dialog"][aria-modal="true"]');
    await page.click('[role="dialog"][aria-modal="true"] button:nth-of-type(2)');
    await page.click('#discard');
    await waitFor(() => composeGone(page), (gone) => gone);
    await sleep(1000);
    expect(await pageSends(page)).toBe(0);
    expect(await customersOf(firefox, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    await page.close();
  });

  it('Gmail: a send undone from its toast, then sent again from the reopened window, is recorded once', async () => {
    const { offer, page } = await draftInCompose('mail.google.com', 'webmail/gmail-compose.html?undo=3000');
    await page.click('#send');
    await page.waitForSelector('#link_undo');
    await page.click('#link_undo');
    await waitFor(() => editorText(page).catch(() => ''), (text) => text.includes(offer.url));
    await composeControlPoint(page, EDITOR);
    expect(await pageSends(page)).toBe(0);
    const before = Date.now();
    await page.click('#send');
    await page.waitForSelector('#link_undo');
    await page.waitForSelector('#link_undo', { hidden: true, timeout: 6000 });
    await expectSentOnce(offer, 'gmail', [before, Date.now()]);
    await page.close();
  });
});

describe('the picker’s template choice in Firefox', () => {
  it('inserts the French message chosen from the keyboard and remembers it for the customer', async () => {
    const offer = await seedOffer();
    const page = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
    await clickComposeControl(page, EDITOR);
    const frame = await focusedPicker(page);
    await frame.waitForSelector('input[type="radio"][value="en"]:checked');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await frame.waitForSelector('input[type="radio"][value="fr"]:checked');
    await page.keyboard.press('Enter');
    const text = await waitFor(() => editorText(page), (value) => value.includes(offer.url));
    expect(text).toContain('Veuillez trouver ci-dessous');
    // The choice went to the background as the picker handed the message over, before its frame went away.
    const address = offer.customers[0]!.email!;
    const choices = async () => ((await firefox.send({ type: 'settings.get' })) as { data: { choices: { email: string; language: string }[] } }).data.choices;
    expect(await waitFor(choices, (all) => all.some((choice) => choice.email === address))).toContainEqual(expect.objectContaining({ email: address, language: 'fr' }));
    await page.close();
  });
});
