import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { accessibleText, keepStoppingWorker, launchExtension, startFixtureServer, type ExtensionBrowser, type FixtureHost, type FixtureServer, pressThroughBrowser } from './harness';
import { buildFixtureEditors } from './webmail-fixtures';
import {
  customersOf,
  editorText,
  expectCustomers,
  expectCaretAfterAndOneUndo,
  expectDrafted,
  insertButton,
  insertNewest,
  offerSeeder,
  pickerFrame,
  PROFILE,
  seededCustomer,
  saveSettings,
  undoUntil,
} from './webmail-helpers';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let seedOffer: ReturnType<typeof offerSeeder>;

beforeAll(async () => {
  await buildFixtureEditors();
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await saveSettings(browser, { profile: PROFILE });
  seedOffer = offerSeeder(browser, 7000);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

interface ComposePage {
  page: Page;
  dialogs: string[];
  errors: string[];
}

async function openCompose(host: FixtureHost, path: string): Promise<ComposePage> {
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(fixtures.url(host, path));
  await page.waitForFunction(() => typeof window.editorText === 'function' || document.querySelector('[g_editable]') !== null);
  await insertButton(page).waitFor();
  return { page, dialogs, errors };
}

async function expectTypingContinuesAndUndo(page: Page, offer: Offer, typedMarker: string): Promise<void> {
  await page.keyboard.type(typedMarker);
  await expect.poll(() => editorText(page)).toContain(typedMarker);
  const text = await editorText(page);
  // The caret was after the message: the typed text follows its last line (the advisor's website).
  expect(text.indexOf(typedMarker)).toBeGreaterThan(text.lastIndexOf('northwind.example'));
  expect(text.indexOf(typedMarker)).toBeGreaterThan(text.indexOf(offer.summaryId!));
  await page.waitForTimeout(600);
  const typingUndos = await undoUntil(page, async () => !(await editorText(page)).includes(typedMarker), 3);
  expect(typingUndos).toBeLessThanOrEqual(3);
  const insertionUndos = await undoUntil(page, async () => !(await editorText(page)).includes(offer.url), 2);
  expect(insertionUndos).toBeLessThanOrEqual(2);
}

describe('Outlook on the web (RoosterJS)', () => {
  it('inserts into a new compose: RoosterJS content, subject, To, draft recorded, typing and undo', async () => {
    const offer = await seedOffer();
    const { page, dialogs, errors } = await openCompose('outlook.office.com', 'webmail/outlook-compose.html');
    await page.click('#editor');
    await insertNewest(page, offer);
    const text = await editorText(page);
    expect(text).toContain(offer.summaryId);
    expect(text).toContain('Microsoft 365 Business Standard');
    expect(await page.inputValue('#subject')).toBe('Your Microsoft subscription offer from Northwind Cloud');
    expect(await page.locator('#to').textContent()).toBe(seededCustomer(offer).email);
    await expectDrafted(browser, offer);
    await expectTypingContinuesAndUndo(page, offer, 'ZZTYPED');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inserts a reply at the caret the advisor left, keeping the subject and recipients', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('outlook.office.com', 'webmail/outlook-reply.html');
    await page.getByText('Bonjour Claire,').click();
    await page.keyboard.press('End');
    await insertNewest(page, offer);
    const text = await editorText(page);
    expect(text.indexOf('Bonjour Claire,')).toBeLessThan(text.indexOf(offer.url));
    expect(text.indexOf(offer.url)).toBeLessThan(text.indexOf('Cordialement'));
    expect(await page.inputValue('#subject')).toBe('RE: Offre Microsoft 365');
    expect(await page.locator('#to').textContent()).toBe('Claire Dubois');
    // The reply's recipient becomes a customer of the offer, drafted; the customer typed before stays pending.
    await expectCustomers(browser, offer, [
      { ...seededCustomer(offer), status: 'pending', sends: [] },
      { name: 'Claire Dubois', email: 'claire@contoso.example', status: 'drafted', sends: [] },
    ]);
    await page.close();
  });
});

describe('Gmail', () => {
  it('inserts into a compose window: body, subject, To, draft recorded, typing and undo', async () => {
    const offer = await seedOffer();
    const { page, dialogs } = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
    await page.click('#editor');
    await insertNewest(page, offer);
    expect(await editorText(page)).toContain(offer.summaryId);
    expect(await page.locator('#editor ul li').count()).toBeGreaterThan(0);
    expect(await page.inputValue('#subject')).toBe('Your Microsoft subscription offer from Northwind Cloud');
    expect(await page.inputValue('#to')).toBe(seededCustomer(offer).email);
    await expectDrafted(browser, offer);
    await expectTypingContinuesAndUndo(page, offer, 'ZZTYPED');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts at the top of a pop-out compose when the advisor never placed the caret', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', 'webmail/gmail-popout.html');
    await insertNewest(page, offer);
    const text = await editorText(page);
    expect(text.indexOf(offer.url)).toBeLessThan(text.indexOf('Texte déjà écrit.'));
    expect(await page.inputValue('#subject')).not.toBe('');
    await page.close();
  });

  it('inserts through ProseMirror behind Gmail markup: the document holds the text, typing and undo', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', 'webmail/gmail-prosemirror.html');
    await page.click('#editor [contenteditable]');
    await insertNewest(page, offer);
    expect(await editorText(page)).toContain(offer.summaryId);
    await expectTypingContinuesAndUndo(page, offer, 'ZZTYPED');
    await page.close();
  });
});

describe('compose windows that come and go', () => {
  it('gives each compose window its own button and inserts into the one whose button was used', async () => {
    const offer = await seedOffer();
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('mail.google.com', 'webmail/gmail-dynamic.html'));
    const buttons = insertButton(page);
    await page.waitForTimeout(500);
    expect(await buttons.count()).toBe(0);
    await page.evaluate(() => {
      const open = (window as unknown as { openCompose: (id: string) => void }).openCompose;
      open('first');
      open('second');
    });
    await expect.poll(() => buttons.count()).toBe(2);
    await page.click('#second .body');
    await buttons.nth(1).click();
    const frame = await pickerFrame(page);
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => page.locator('#second .body').textContent()).toContain(offer.url);
    expect(await page.locator('#first .body').textContent()).toBe('');
    expect(await page.inputValue('#second input[name=subjectbox]')).not.toBe('');
    expect(await page.inputValue('#first input[name=subjectbox]')).toBe('');
    expect(await page.inputValue('#second .to')).toBe(seededCustomer(offer).email);
    await page.evaluate(() => (window as unknown as { closeCompose(id: string): void }).closeCompose('second'));
    await expect.poll(() => buttons.count()).toBe(1);
    await page.close();
  });
});

describe('Lexical behind Outlook markup', () => {
  it('inserts into the editor state, typing continues and undo removes it', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('outlook.office.com', 'webmail/outlook-lexical.html');
    await page.click('#editor');
    await insertNewest(page, offer);
    expect(await editorText(page)).toContain(offer.summaryId);
    expect(await page.inputValue('#subject')).not.toBe('');
    await expectTypingContinuesAndUndo(page, offer, 'ZZTYPED');
    await page.close();
  });
});

describe('Lexical when the page keeps paste events from the editor', () => {
  it('inserts through beforeinput into the editor state, with typing and undo', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('outlook.office.com', 'webmail/outlook-lexical-no-paste.html');
    await page.click('#editor');
    await insertNewest(page, offer);
    expect(await editorText(page)).toContain(offer.summaryId);
    expect(await page.evaluate(() => (window as unknown as { beforeInputs: string[] }).beforeInputs)).toEqual(['insertReplacementText']);
    await expectTypingContinuesAndUndo(page, offer, 'ZZTYPED');
    await page.close();
  });
});

describe('hostile values', () => {
  it('shows markup from offer, customer and profile fields as text; nothing runs', async () => {
    const hostile = {
      img: '<img src=x onerror=alert(1)>',
      script: '</p><script>alert(2)</script>',
      link: 'javascript:alert(3)',
    };
    await saveSettings(browser, {
      profile: { ...PROFILE, name: hostile.script, company: hostile.img, phone: hostile.link, website: 'https://northwind.example/?q=<script>alert(4)</script>' },
    });
    const offer = await seedOffer({
      summaryId: `${hostile.img}-SUM`,
      usageLocation: hostile.script,
      partnerOffice: hostile.link,
      subscriptions: [{ name: hostile.img, licenses: 3 }],
      customer: { name: hostile.script, company: `[x](${hostile.link})`, email: `${hostile.img}@contoso.example` },
    });
    try {
      for (const [host, path] of [
        ['outlook.office.com', 'webmail/outlook-compose.html'],
        ['mail.google.com', 'webmail/gmail-compose.html'],
      ] as const) {
        const { page, dialogs, errors } = await openCompose(host, path);
        await page.click('#editor');
        await insertNewest(page, offer);
        const text = await editorText(page);
        expect(text).toContain(hostile.img);
        expect(text).toContain('<script>alert(2)</script>');
        expect(text).toContain(hostile.link);
        await page.waitForTimeout(300);
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
        const unsafe = await page.evaluate(() => {
          const editor = document.getElementById('editor')!;
          const elements = [...editor.querySelectorAll('*')];
          return {
            scripts: editor.querySelectorAll('script').length,
            handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
            scriptLinks: elements.filter((element) => /^\s*javascript:/i.test(element.getAttribute('href') ?? '')).length,
            images: editor.querySelectorAll('img').length,
          };
        });
        expect(unsafe).toEqual({ scripts: 0, handlers: [], scriptLinks: 0, images: 0 });
        // The To field never takes a value that is not a plain address.
        expect(await page.evaluate(() => document.getElementById('to')!.textContent || (document.getElementById('to') as HTMLInputElement).value || '')).toBe('');
        await page.close();
      }
    } finally {
      await saveSettings(browser, { profile: PROFILE });
    }
  });
});

describe('the offer picker', () => {
  it('is driven by the keyboard: search, arrows, Enter; Escape closes it and gives the caret back', async () => {
    const older = await seedOffer({ customer: { company: 'Fabrikam Pickme', name: 'Dana' } });
    const newest = await seedOffer();
    const { page } = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
    await page.click('#editor');
    await page.keyboard.type('Hello ');
    await insertButton(page).click();
    let frame = await pickerFrame(page);
    expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(newest.summaryId);
    await page.keyboard.press('ArrowDown');
    expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(older.summaryId);
    await page.keyboard.press('ArrowUp');
    expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(newest.summaryId);
    await pressThroughBrowser(frame, 'Escape');
    await expect.poll(() => page.frames().some((f) => f.url().includes('/picker.html'))).toBe(false);
    await page.keyboard.type('again');
    expect(await editorText(page)).toBe('Hello again');

    await insertButton(page).click();
    frame = await pickerFrame(page);
    await page.keyboard.type('pickme');
    await expect.poll(() => frame.getByRole('option').count()).toBe(1);
    expect(await frame.getByRole('option', { selected: true }).textContent()).toContain('Fabrikam Pickme');
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => editorText(page)).toContain(older.url);
    expect((await editorText(page)).startsWith('Hello again')).toBe(true);
    expect(await editorText(page)).not.toContain(newest.url);
    await page.close();
  });

  it('shows why a message cannot be inserted and points to the settings', async () => {
    const trialOnly = [{ id: 'trial-only', name: 'Trial only', language: 'en', kind: 'trial', subject: 'Trial', body: 'Try {{offer.url}}', isDefault: true }];
    await saveSettings(browser, { templates: trialOnly });
    try {
      await seedOffer();
      const { page } = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
      await page.click('#editor');
      await insertButton(page).click();
      const frame = await pickerFrame(page);
      await page.keyboard.press('Enter');
      await expect.poll(() => frame.getByRole('alert').textContent()).toContain('No message template fits this offer');
      await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent)).toBe('Open settings');
      expect(await editorText(page)).toBe('');
      await page.close();
    } finally {
      await saveSettings(browser, { templates: [] });
    }
  });

  it('opens on the focused compose window from the popup message', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('outlook.office.com', 'webmail/outlook-compose.html');
    await page.click('#editor');
    await page.bringToFront();
    expect(await browser.send({ type: 'webmail.openPickerInActiveTab' })).toEqual({ ok: true, data: { opened: true } });
    const frame = await pickerFrame(page);
    expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(offer.summaryId);
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => editorText(page)).toContain(offer.url);
    await page.close();
  });

  it('inserts the newest offer with two keystrokes: Alt+Shift+O, then Enter', async () => {
    for (const [host, path] of [
      ['outlook.office.com', 'webmail/outlook-compose.html'],
      ['mail.google.com', 'webmail/gmail-compose.html'],
    ] as const) {
      const offer = await seedOffer();
      const { page } = await openCompose(host, path);
      await page.bringToFront();
      await page.click('#editor');
      await pressThroughBrowser(page, 'Alt+Shift+O');
      const frame = await pickerFrame(page);
      await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role'))).toBe('combobox');
      expect(await frame.getByRole('option', { selected: true }).textContent()).toContain(offer.summaryId);
      await pressThroughBrowser(frame, 'Enter');
      await expect.poll(() => editorText(page)).toContain(offer.url);
      await expectDrafted(browser, offer);
      await page.close();
    }
  });

  it('opens the picker with Alt+Shift+O for the window whose fields have the focus, not the one last typed in', async () => {
    const offer = await seedOffer();
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('mail.google.com', 'webmail/gmail-dynamic.html'));
    await page.bringToFront();
    await page.evaluate(() => (window as unknown as { openCompose: (id: string) => void }).openCompose('first'));
    await page.click('#first .body');
    await page.keyboard.type('Hello');
    await page.evaluate(() => (window as unknown as { openCompose: (id: string) => void }).openCompose('second'));
    await expect.poll(() => insertButton(page).count()).toBe(2);
    // A new window: the advisor types its recipient, its body never had the caret.
    await page.fill('#second .to', 'dana@fabrikam.example');
    await pressThroughBrowser(page, 'Alt+Shift+O');
    const frame = await pickerFrame(page);
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => page.locator('#second .body').textContent()).toContain(offer.url);
    expect(await page.locator('#first .body').textContent()).not.toContain(offer.url);
    await page.close();
  });

  it('does the same in Outlook in French, a new message opened beside a reply, its To a contenteditable well', async () => {
    const offer = await seedOffer();
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('outlook.office.com', 'webmail/outlook-reply.html'));
    await page.bringToFront();
    await insertButton(page).waitFor();
    await page.click('#editor');
    await page.keyboard.type('Merci');
    // A second compose with the same structure as the reply's, as Outlook opens a new message beside it.
    await page.evaluate(() => {
      const compose = document.createElement('div');
      const to = document.createElement('div');
      to.id = 'new-to';
      to.setAttribute('role', 'textbox');
      to.setAttribute('aria-label', 'À');
      to.contentEditable = 'true';
      const subject = document.createElement('input');
      subject.type = 'text';
      subject.setAttribute('aria-label', 'Ajouter un objet');
      const body = document.createElement('div');
      body.id = 'new-editor';
      body.setAttribute('role', 'textbox');
      body.setAttribute('aria-multiline', 'true');
      body.setAttribute('aria-label', 'Corps du message');
      body.contentEditable = 'true';
      const holder = document.createElement('div');
      holder.append(body);
      compose.append(to, subject, holder);
      document.body.append(compose);
    });
    await expect.poll(() => insertButton(page).count()).toBe(2);
    await page.click('#new-to');
    await page.keyboard.type('dana@fabrikam.example');
    await pressThroughBrowser(page, 'Alt+Shift+O');
    const frame = await pickerFrame(page);
    await pressThroughBrowser(frame, 'Enter');
    await expect.poll(() => page.locator('#new-editor').textContent()).toContain(offer.url);
    expect(await page.locator('#editor').textContent()).not.toContain(offer.url);
    await page.close();
  });

  it('answers the popup when the active tab has no compose window', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('mail.google.com', 'webmail/gmail-busy.html'));
    await page.bringToFront();
    expect(await browser.send({ type: 'webmail.openPickerInActiveTab' })).toEqual({ ok: true, data: { opened: false, reason: 'no-compose' } });
    await page.close();
  });
});

describe('faults', () => {
  const occurrences = (text: string, part: string) => text.split(part).length - 1;

  it('inserts once and records the draft after a double click on Insert and a double Enter', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('mail.google.com', 'webmail/gmail-compose.html');
    await page.click('#editor');
    await insertButton(page).dblclick();
    // The second click replaces the picker the first one opened: one picker is left.
    await page.waitForTimeout(300);
    await expect.poll(() => page.frames().filter((f) => f.url().includes('/picker.html')).length).toBe(1);
    const frame = await pickerFrame(page);
    await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role'))).toBe('combobox');
    // Two Enters in the same moment, dispatched in one go inside the picker. The insertion they
    // start may remove the frame before the driver hears back (a busy machine): no failure, what
    // they did is checked below.
    await frame
      .evaluate(() => {
        for (let i = 0; i < 2; i++) document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      })
      .catch((error: unknown) => {
        if (!String(error).includes('Frame was detached')) throw error;
      });
    await expect.poll(() => editorText(page)).toContain(offer.url);
    await expectDrafted(browser, offer);
    await page.waitForTimeout(800);
    expect(occurrences(await editorText(page), offer.url)).toBe(1);
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    await page.close();
  });

  it('inserts once into an editor that shows the paste it took well after the event (a busy page)', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('outlook.office.com', 'webmail/outlook-late-paste.html');
    await page.click('#editor');
    await insertNewest(page, offer);
    await expectDrafted(browser, offer);
    // Long enough for any other strategy's copy, or a second late one, to have shown.
    await page.waitForTimeout(1500);
    expect(occurrences(await editorText(page), offer.url)).toBe(1);
    expect(occurrences(await page.locator('#editor').innerText(), offer.url)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pastesTaken: number }).pastesTaken)).toBe(1);
    expect(await accessibleText(page)).not.toContain('press Ctrl+V');
    // The control said the insertion was under way while the editor was slow, and no longer does.
    expect(await accessibleText(page)).not.toContain('Inserting the offer…');
    await expectCaretAfterAndOneUndo(page, offer);
    await page.close();
  });

  it('records the draft while the service worker keeps being stopped', async () => {
    const offer = await seedOffer();
    const { page } = await openCompose('outlook.office.com', 'webmail/outlook-compose.html');
    await page.bringToFront();
    await page.click('#editor');
    await insertButton(page).click();
    const frame = await pickerFrame(page);
    await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('role'))).toBe('combobox');
    // Stopped every 30 ms for a while, then left alone: a slow machine's worker may never answer
    // between two stops, and the delivery must come through once it can.
    const stopStopping = await keepStoppingWorker(browser, 30);
    try {
      await pressThroughBrowser(frame, 'Enter');
      await page.waitForTimeout(1500);
    } finally {
      await stopStopping();
    }
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain(offer.url);
    // The content script sends the record again for up to a minute while the worker does not answer.
    await expect.poll(() => customersOf(browser, offer.id), { timeout: 60_000 }).toEqual([{ ...seededCustomer(offer), status: 'drafted', sends: [] }]);
    expect(occurrences(await editorText(page), offer.url)).toBe(1);
    await page.close();
  });
});

describe('when no strategy works', () => {
  it('copies the message and tells the advisor to paste it', async () => {
    const offer = await seedOffer();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixtures.url('mail.google.com', '') });
    const { page } = await openCompose('mail.google.com', 'webmail/gmail-locked.html');
    await page.click('#editor');
    await insertButton(page).click();
    const frame = await pickerFrame(page);
    await pressThroughBrowser(frame, 'Enter');
    // The notice is in the control's closed shadow root: read it as assistive technology does.
    // The editor takes (cancels) every attempt, so each gets its full wait before the fallback:
    // meanwhile the control says the insertion is under way.
    await expect.poll(() => accessibleText(page), { timeout: 3000 }).toContain('Inserting the offer…');
    await expect.poll(() => accessibleText(page), { timeout: 10_000 }).toContain('press Ctrl+V');
    expect(await accessibleText(page)).not.toContain('Inserting the offer…');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(offer.url);
    expect(await editorText(page)).toBe('Locked.');
    expect(await customersOf(browser, offer.id)).toEqual([{ ...seededCustomer(offer), status: 'pending', sends: [] }]);
    await page.close();
  });
});

describe('in French', () => {
  it('names the button « Insérer l’offre »', async () => {
    const french = await launchExtension({ locale: 'fr' });
    try {
      const page = await french.context.newPage();
      await page.goto(fixtures.url('mail.google.com', 'webmail/gmail-popout.html'));
      await insertButton(page, 'Insérer l’offre').waitFor();
      await page.close();
    } finally {
      await french.close();
    }
  });
});
