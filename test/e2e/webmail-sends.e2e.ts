import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { REOPEN_MS } from '../../lib/webmail/send-state';
import { keepStoppingWorker, launchExtension, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureHost, type FixtureServer } from './harness';
import {
  customersOf,
  DEFAULT_SUBJECT,
  editorText,
  expectCustomers,
  insertButton,
  insertNewest,
  offerSeeder,
  pickerFrame,
  PROFILE,
  seededCustomer,
  sendMoments,
  saveSettings,
  undoUntil,
  type ComposeScope,
} from './webmail-helpers';

/**
 * Real sends: the advisor's Send (the button, in any language, or Ctrl/Cmd+Enter) in a compose
 * window that received an offer makes its recipients `sent`, once the window goes away; closing
 * the window, deleting the offer first, or a send the page refuses leaves them `drafted`.
 */

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let seedOffer: ReturnType<typeof offerSeeder>;

beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await saveSettings(browser, { profile: PROFILE });
  seedOffer = offerSeeder(browser, 8500);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

/** Longer than the time a window has to go away after Send (SEND_GRACE_MS). */
const PAST_GRACE_MS = 4600;
/** Longer than the time Gmail has to offer to undo a send once its window is gone (UNDO_APPEAR_MS). */
const PAST_UNDO_APPEAR_MS = 5600;

const COMPOSES = [
  { name: 'Gmail', host: 'mail.google.com', path: 'webmail/gmail-compose.html', provider: 'gmail' },
  { name: 'Outlook', host: 'outlook.office.com', path: 'webmail/outlook-compose.html', provider: 'outlook' },
] as const;

async function openCompose(host: FixtureHost, path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(fixtures.url(host, path));
  await insertButton(page).waitFor();
  return { page, problems };
}

/** Inserts the newest offer into the page's compose window and waits for its draft. */
async function insertOffer(page: Page, offer: Offer, scope: ComposeScope = page): Promise<void> {
  await scope.click('#editor');
  await insertNewest(page, offer, scope);
  await expectCustomers(browser, offer, [{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
}

const pageSends = (page: Page) => page.evaluate(() => (window as unknown as { sends: number }).sends);
const composeGone = (scope: ComposeScope) => scope.evaluate(() => document.getElementById('editor') === null);

async function expectSentOnce(offer: Offer, provider: 'gmail' | 'outlook', subject: string, between: [number, number]): Promise<void> {
  await expectCustomers(browser, offer, [{ ...seededCustomer(offer), status: 'sent', sends: [{ provider, subject }] }]);
  const [at] = await sendMoments(browser, offer.id);
  expect(Date.parse(at!)).toBeGreaterThanOrEqual(between[0]);
  expect(Date.parse(at!)).toBeLessThanOrEqual(between[1]);
}

for (const { name, host, path, provider } of COMPOSES) {
  describe(`${name}: what Send records`, () => {
    it('closing the window unsent leaves the customer drafted', async () => {
      const offer = await seedOffer();
      const { page, problems } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.click(provider === 'gmail' ? '#close' : '#discard');
      await expect.poll(() => composeGone(page)).toBe(true);
      await page.waitForTimeout(500);
      expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('Ctrl+Enter outside the window (in the page’s search box) is no Send: the window closed next records nothing', async () => {
      const offer = await seedOffer();
      const { page } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.evaluate(() => {
        const search = document.createElement('input');
        search.type = 'search';
        search.id = 'mail-search';
        document.body.prepend(search);
      });
      await page.click('#mail-search');
      await page.keyboard.press('Control+Enter');
      await page.click(provider === 'gmail' ? '#close' : '#discard');
      await expect.poll(() => composeGone(page)).toBe(true);
      await page.waitForTimeout(500);
      expect(await pageSends(page)).toBe(0);
      expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
      await page.close();
    });

    it('the Send button sends: the customer is sent, with the moment and the subject', async () => {
      const offer = await seedOffer();
      const { page, problems } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.fill('#subject', 'Votre offre Microsoft 365');
      const before = Date.now();
      await page.click('#send');
      const after = Date.now();
      expect(await pageSends(page)).toBe(1);
      await expectSentOnce(offer, provider, 'Votre offre Microsoft 365', [before, after]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('two offers inserted in one email: Send records it for both', async () => {
      const first = await seedOffer();
      const { page } = await openCompose(host, path);
      await insertOffer(page, first);
      const second = await seedOffer();
      await page.click('#editor');
      await page.keyboard.press('End');
      await insertNewest(page, second);
      // The email goes to the first offer's customer (its address filled the To field): both offers reach them.
      const recipient = seededCustomer(first).email;
      const reached = async (offer: Offer) => (await customersOf(browser, offer.id)).find((customer) => customer.email === recipient);
      await expect.poll(async () => (await reached(second))?.status).toBe('drafted');
      await page.click('#send');
      await expect.poll(() => composeGone(page)).toBe(true);
      for (const offer of [first, second]) {
        await expect.poll(async () => (await reached(offer))?.status, { timeout: 5000 }).toBe('sent');
        expect((await reached(offer))?.sends).toEqual([expect.objectContaining({ provider, subject: DEFAULT_SUBJECT })]);
      }
      await page.close();
    });

    it('Ctrl+Enter in the window sends', async () => {
      const offer = await seedOffer();
      const { page } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.click('#editor');
      const before = Date.now();
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => composeGone(page)).toBe(true);
      await expectSentOnce(offer, provider, DEFAULT_SUBJECT, [before, Date.now()]);
      await page.close();
    });

    it('a window whose offer text was deleted before Send records no send', async () => {
      const offer = await seedOffer();
      const { page } = await openCompose(host, path);
      await insertOffer(page, offer);
      // In front: a page in the background may not run the editor's deferred work.
      await page.bringToFront();
      await page.click('#editor');
      // Select all and delete, as often as the editor needs (RoosterJS takes a table out on its own press).
      for (let presses = 0; presses < 8 && (await editorText(page)).includes(offer.url); presses++) {
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.waitForTimeout(250);
      }
      expect(await editorText(page)).not.toContain(offer.url);
      await page.click('#send');
      expect(await pageSends(page)).toBe(1);
      await page.waitForTimeout(800);
      expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
      await page.close();
    });

    it('a send the page refuses (no recipient: the window stays) records nothing; the next Send that goes through does', async () => {
      const offer = await seedOffer();
      const { page } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.click('#to');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.click('#send');
      if (provider === 'gmail') {
        await page.getByRole('alertdialog').waitFor();
        await page.getByRole('button', { name: 'OK' }).click();
      } else await page.getByRole('alert').waitFor();
      await page.waitForTimeout(PAST_GRACE_MS);
      expect(await pageSends(page)).toBe(0);
      expect(await composeGone(page)).toBe(false);
      expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
      await page.click('#to');
      await page.keyboard.type('dana@fabrikam.example');
      await page.click('#send');
      await expectCustomers(browser, offer, [
        { ...seededCustomer(offer), status: 'drafted', sends: [] },
        { email: 'dana@fabrikam.example', status: 'sent', sends: [{ provider, subject: DEFAULT_SUBJECT }] },
      ]);
      await page.close();
    });
  });
}

/** The fixture's ?checks variant: the page looks at the message on Send, in dialogs (Gmail: alert dialogs, Outlook: modal dialogs). */
const DIALOG_COMPOSES = COMPOSES.map((compose) => ({ ...compose, path: `${compose.path}?checks`, dialogRole: compose.provider === 'gmail' ? 'alertdialog' : 'dialog' }) as const);

for (const { name, host, path, provider, dialogRole } of DIALOG_COMPOSES) {
  describe(`${name}: a dialog the page shows on Send`, () => {
    const dialog = (page: Page) => page.getByRole(dialogRole);

    it('an error (an address not recognised) answered with OK: the window stays, nothing is recorded; the corrected Send is', async () => {
      const offer = await seedOffer();
      const { page, problems } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.click('#to');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type('dana.fabrikam.example');
      await page.click('#send');
      await dialog(page).waitFor();
      // Left open longer than the grace period: the send waits, then its OK refuses it.
      await page.waitForTimeout(PAST_GRACE_MS);
      await dialog(page).getByRole('button', { name: 'OK' }).click();
      await page.waitForTimeout(PAST_GRACE_MS);
      expect(await composeGone(page)).toBe(false);
      expect(await pageSends(page)).toBe(0);
      expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
      await page.click('#to');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type('dana@fabrikam.example');
      await page.click('#send');
      await expectCustomers(browser, offer, [
        { ...seededCustomer(offer), status: 'drafted', sends: [] },
        { email: 'dana@fabrikam.example', status: 'sent', sends: [{ provider, subject: DEFAULT_SUBJECT }] },
      ]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('a confirmation (no subject) answered with Send anyway, long after Send: the send is recorded', async () => {
      const offer = await seedOffer();
      const { page } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.fill('#subject', '');
      const before = Date.now();
      await page.click('#send');
      await dialog(page).waitFor();
      await page.waitForTimeout(PAST_GRACE_MS);
      await dialog(page).getByRole('button', { name: 'Send anyway' }).click();
      await expect.poll(() => composeGone(page)).toBe(true);
      await expectCustomers(browser, offer, [{ ...seededCustomer(offer), status: 'sent', sends: [{ provider }] }]);
      const [at] = await sendMoments(browser, offer.id);
      expect(Date.parse(at!)).toBeGreaterThanOrEqual(before);
      await page.close();
    });

    it('a confirmation answered with Don’t send, then the window discarded: nothing is recorded', async () => {
      const offer = await seedOffer();
      const { page } = await openCompose(host, path);
      await insertOffer(page, offer);
      await page.fill('#subject', '');
      await page.click('#send');
      await dialog(page).getByRole('button', { name: "Don't send" }).click();
      // Within the grace period that follows the dialog.
      await page.click(provider === 'gmail' ? '#close' : '#discard');
      await expect.poll(() => composeGone(page)).toBe(true);
      await page.waitForTimeout(PAST_UNDO_APPEAR_MS);
      expect(await pageSends(page)).toBe(0);
      expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
      await page.close();
    });
  });
}

describe('Gmail’s Undo after Send', () => {
  /** The fixture's toast offers Undo this long: time enough to press it. */
  const UNDO_PATH = 'webmail/gmail-compose.html?undo=3000';
  const undoLink = (page: Page) => page.locator('#link_undo');

  /** An offer inserted into a Gmail window of `path` and sent; resolves once the toast offers Undo, with the moment before Send. */
  async function sentWithToast(path = UNDO_PATH): Promise<{ offer: Offer; page: Page; before: number }> {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', path);
    await insertOffer(page, offer);
    const before = Date.now();
    await page.click('#send');
    await undoLink(page).waitFor();
    return { offer, page, before };
  }

  /** Sends the window, undoes the send from its toast (the link or the z key) and waits for the window Gmail reopens with the offer. */
  async function sendAndUndo(page: Page, offer: Offer, how: 'link' | 'z'): Promise<void> {
    await page.click('#send');
    await undoLink(page).waitFor();
    if (how === 'link') await undoLink(page).click();
    else await page.keyboard.press('z');
    await expect.poll(() => composeGone(page)).toBe(false);
    await insertButton(page).waitFor();
    expect(await editorText(page)).toContain(offer.url);
    expect(await pageSends(page)).toBe(0);
  }

  it('sent, undone, then the reopened window closed unsent: nothing is recorded', async () => {
    const offer = await seedOffer();
    const { page, problems } = await openCompose('mail.google.com', UNDO_PATH);
    await insertOffer(page, offer);
    await sendAndUndo(page, offer, 'link');
    await page.click('#close');
    await expect.poll(() => composeGone(page)).toBe(true);
    await page.waitForTimeout(PAST_UNDO_APPEAR_MS);
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sent and undone, the toast saying “Undoing…” a moment before it goes: nothing is recorded', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', `${UNDO_PATH}&undoing=300`);
    await insertOffer(page, offer);
    await sendAndUndo(page, offer, 'link');
    await page.click('#close');
    await expect.poll(() => composeGone(page)).toBe(true);
    await page.waitForTimeout(PAST_UNDO_APPEAR_MS);
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    await page.close();
  });

  it('sent, undone with z, then sent again from the reopened window: one send, at the second Send', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', UNDO_PATH);
    await insertOffer(page, offer);
    await sendAndUndo(page, offer, 'z');
    await page.fill('#subject', 'Votre offre, corrigée');
    const before = Date.now();
    await page.click('#send');
    await undoLink(page).waitFor();
    await expect.poll(() => undoLink(page).count(), { timeout: 6000 }).toBe(0);
    await expectSentOnce(offer, 'gmail', 'Votre offre, corrigée', [before, Date.now()]);
    await page.waitForTimeout(800);
    expect(await sendMoments(browser, offer.id)).toHaveLength(1);
    await page.close();
  });

  /** Gmail shows one toast at a time: the next action's toast, with its own Undo, takes the place of "Message sent". */
  async function showNextToast(page: Page): Promise<void> {
    await undoLink(page).evaluate((sentUndo) => {
      const toast = sentUndo.parentElement!;
      const next = toast.cloneNode(true) as HTMLElement;
      next.querySelector('.bAq')!.textContent = 'Conversation archived.';
      next.querySelector('#link_undo')!.addEventListener('click', () => next.remove());
      toast.replaceWith(next);
    });
  }

  it('sent, then another toast’s Undo used (a conversation archived and brought back): the send stands', async () => {
    const { offer, page, before } = await sentWithToast();
    await showNextToast(page);
    await undoLink(page).click();
    // No window comes back within the time Gmail takes to reopen an undone send's.
    await page.waitForTimeout(REOPEN_MS + 500);
    expect(await composeGone(page)).toBe(true);
    await expectSentOnce(offer, 'gmail', DEFAULT_SUBJECT, [before, Date.now()]);
    await page.close();
  });

  it('sent, another toast’s Undo used, then the page left before any window came back: the send stands', async () => {
    const { offer, page, before } = await sentWithToast();
    await showNextToast(page);
    await undoLink(page).click();
    await page.waitForTimeout(300);
    await page.goto('about:blank');
    await expectSentOnce(offer, 'gmail', DEFAULT_SUBJECT, [before, Date.now()]);
    await page.close();
  });

  for (const [how, style] of [
    ['faded out', 'opacity: 0'],
    ['moved off-screen', 'position: fixed; top: -200px'],
  ] as const) {
    it(`sent, and the toast ${how} but left in the page: the send is recorded, its Undo no longer offered`, async () => {
      const { offer, page, before } = await sentWithToast('webmail/gmail-compose.html?undo=20000');
      // Seen shown first (the watch looks every 100 ms): then its leaving, not a toast that never came, is what is read.
      await page.waitForTimeout(500);
      await undoLink(page).evaluate((link, hidden) => link.parentElement!.setAttribute('style', hidden), style);
      await expectSentOnce(offer, 'gmail', DEFAULT_SUBJECT, [before, Date.now()]);
      expect(await undoLink(page).count()).toBe(1);
      await page.close();
    });
  }

  it('sent and the toast left to expire: the send is recorded once the Undo is gone', async () => {
    const { offer, page, before } = await sentWithToast();
    // Still undoable: not recorded yet.
    await page.waitForTimeout(1500);
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    await expectSentOnce(offer, 'gmail', DEFAULT_SUBJECT, [before, Date.now()]);
    expect(await undoLink(page).count()).toBe(0);
    expect(await sendMoments(browser, offer.id)).toHaveLength(1);
    await page.close();
  });
});

describe('one offer sent to two customers from two compose windows (Gmail in German)', () => {
  it('gives each customer their own status, also on the history page', async () => {
    const offer = await seedOffer();
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('mail.google.com', 'webmail/gmail-dynamic.html'));
    await page.evaluate(() => {
      const open = (window as unknown as { openCompose: (id: string) => void }).openCompose;
      open('first');
      open('second');
    });
    const buttons = insertButton(page);
    await expect.poll(() => buttons.count()).toBe(2);
    for (const [id, index] of [['first', 0], ['second', 1]] as const) {
      if (id === 'second') await page.fill('#second .to', 'Dana Scully <dana@fabrikam.example>');
      await page.click(`#${id} .body`);
      await buttons.nth(index).click();
      await pressThroughBrowser(await pickerFrame(page), 'Enter');
      await expect.poll(() => page.locator(`#${id} .body`).textContent()).toContain(offer.url);
    }
    const camille = seededCustomer(offer);
    const dana = { name: 'Dana Scully', email: 'dana@fabrikam.example' };
    await expectCustomers(browser, offer, [
      { ...camille, status: 'drafted', sends: [] },
      { ...dana, status: 'drafted', sends: [] },
    ]);
    await page.click('#first .send');
    await expectCustomers(browser, offer, [
      { ...camille, status: 'sent', sends: [{ provider: 'gmail', subject: DEFAULT_SUBJECT }] },
      { ...dana, status: 'drafted', sends: [] },
    ]);

    const history = await browser.openExtensionPage(`history.html?offer=${encodeURIComponent(offer.id)}`);
    const badge = (label: string) => history.getByRole('listitem', { name: label }).locator('.customer-head .badge');
    await expect.poll(() => badge('Contoso').textContent()).toBe('Sent');
    expect(await badge('Dana Scully').textContent()).toBe('Drafted');

    await page.click('#second .body');
    await page.keyboard.press('Control+Enter');
    await expectCustomers(browser, offer, [
      { ...camille, status: 'sent', sends: [{ provider: 'gmail', subject: DEFAULT_SUBJECT }] },
      { ...dana, status: 'sent', sends: [{ provider: 'gmail', subject: DEFAULT_SUBJECT }] },
    ]);
    await history.reload();
    await expect.poll(() => badge('Dana Scully').textContent()).toBe('Sent');
    await history.close();
    await page.close();
  });
});

describe('pop-out compose windows, which go away with their Send', () => {
  it('Gmail’s pop-out page (in French): Envoyer records the send as the page leaves', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', 'webmail/gmail-popout.html');
    await insertOffer(page, offer);
    const before = Date.now();
    await page.click('#send');
    await expect.poll(() => page.url()).toBe('about:blank');
    await expectSentOnce(offer, 'gmail', DEFAULT_SUBJECT, [before, Date.now()]);
    await page.close();
  });

  it('Outlook’s pop-out frame (in French, a Fluent split button): another split button does not send, Envoyer does as the frame goes', async () => {
    const offer = await seedOffer();
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('outlook.cloud.microsoft', 'webmail/outlook-popout.html'));
    await expect.poll(() => page.frame({ name: 'compose' })?.evaluate(() => typeof window.editorText === 'function').catch(() => false)).toBe(true);
    const frame: Frame = page.frame({ name: 'compose' })!;
    await insertButton(frame).waitFor();
    await insertOffer(page, offer, frame);
    await frame.click('#font-color');
    await frame.click('#more-send');
    await page.waitForTimeout(PAST_GRACE_MS);
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    const before = Date.now();
    await frame.click('#send');
    await expect.poll(() => page.evaluate(() => document.querySelector('iframe') === null)).toBe(true);
    await expectSentOnce(offer, 'outlook', DEFAULT_SUBJECT, [before, Date.now()]);
    await page.close();
  });
});

describe('a window that received the offer twice', () => {
  it('records one send, under the latest insertion', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
    await insertOffer(page, offer);
    expect(await undoUntil(page, async () => !(await editorText(page)).includes(offer.url), 2)).toBeLessThanOrEqual(2);
    await insertNewest(page, offer);
    await page.click('#send');
    await expectSentOnce(offer, 'gmail', DEFAULT_SUBJECT, [0, Date.now()]);
    await page.waitForTimeout(800);
    expect(await sendMoments(browser, offer.id)).toHaveLength(1);
    await page.close();
  });
});

describe('the worker stopped at the moment of Send', () => {
  it('records the send exactly once', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('outlook.office.com', 'webmail/outlook-compose.html');
    await insertOffer(page, offer);
    const stopStopping = await keepStoppingWorker(browser, 30);
    try {
      await page.click('#send');
      await expect.poll(() => composeGone(page)).toBe(true);
      await page.waitForTimeout(1500);
    } finally {
      await stopStopping();
    }
    // The content script sends the record again for up to a minute while the worker does not answer.
    await expect.poll(() => sendMoments(browser, offer.id), { timeout: 60_000 }).toHaveLength(1);
    await page.waitForTimeout(1000);
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'sent', sends: [{ provider: 'outlook', subject: DEFAULT_SUBJECT }] }]);
    await page.close();
  });
});
