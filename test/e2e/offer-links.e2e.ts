import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../public/_locales/en/messages.json';
import { createBackup } from '../../lib/offers/backup';
import type { Offer } from '../../lib/offers/schema';
import type { Envelope, Request } from '../../lib/messaging/protocol';
import { makeOffer, offerUrl } from '../unit/offer-factory';
import { launchExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

// Only https://portal.office.com/partner/partnersignup.aspx is an offer: links elsewhere that carry
// the same parameters (a consent-phishing sign-in page, a form) must never be saved, sent or kept.
const QUERY = '?type=Purchase&id=9a1c4e27-3b5d-4f60-8e72-1d0c5b3a9f14&msppid=4227824';
const LOOKALIKES = {
  signIn: `https://login.microsoftonline.com/common/oauth2/v2.0/authorize${QUERY}`,
  form: `https://forms.office.com/Pages/ResponsePage.aspx${QUERY}`,
  otherPath: `https://portal.office.com/adminportal/home${QUERY}`,
  userInfo: `https://portal.office.com@evil.example/partner/partnersignup.aspx${QUERY}`,
  port: `https://portal.office.com:8443/partner/partnersignup.aspx${QUERY}`,
};

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension(), startFixtureServer()]);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});
beforeEach(async () => {
  await data({ type: 'offers.deleteAll' });
});

async function data<T>(request: Request): Promise<T> {
  const answer = await browser.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

const offerCount = async () => (await data<{ count: number }>({ type: 'offers.count' })).count;

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/**
 * Sends a message from the Partner Center content script's isolated world, as a compromised or
 * confused content script could: the strongest sender a web page can ever reach.
 */
async function sendFromContentScript(page: Page, request: unknown): Promise<Envelope<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const isolated = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(browser.extensionId));
    await expect.poll(() => isolated()).toBeDefined();
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId: isolated()!.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(request)})`,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: Envelope<unknown> }; exceptionDetails?: unknown };
    if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
    return result.value;
  } finally {
    await cdp.detach();
  }
}

describe('offer links on Partner Center', () => {
  it('saves nothing from a page whose only offer-like links lead elsewhere: not by watching, copying or the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', 'partner-center/result-lookalike-links-en.html'));
    // The page's "Send" heading keeps the watcher reading it; give it its probes and polls.
    await page.waitForTimeout(2000);
    for (const id of ['signin', 'userinfo', 'port']) {
      await page.evaluate((target) => getSelection()!.selectAllChildren(document.getElementById(target)!), id);
      await page.keyboard.press('Control+C');
    }
    await page.bringToFront();
    expect(await data({ type: 'capture.runInActiveTab' })).toEqual({ found: false, reason: 'no-offer-url' });
    await page.waitForTimeout(500);
    expect(await offerCount()).toBe(0);
    await page.close();
  });

  it('refuses look-alike links sent straight from the content script as a capture, and from an extension page as a restore', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', 'partner-center/result-lookalike-links-en.html'));
    for (const url of Object.values(LOOKALIKES)) {
      const save = await sendFromContentScript(page, { type: 'capture.save', draft: { url, source: 'auto' } });
      expect(save).toMatchObject({ ok: false, error: { code: 'invalid-offer' } });
      // Restore is for extension pages alone; even there a look-alike link is refused.
      expect(await sendFromContentScript(page, { type: 'offers.restore', offer: makeOffer(7, { url }) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await browser.send({ type: 'offers.restore', offer: makeOffer(7, { url }) })).toMatchObject({ ok: false, error: { code: 'invalid-offer' } });
    }
    expect(await offerCount()).toBe(0);
    // A genuine offer is still restored, with its ids read from the link.
    const genuine = await browser.send({ type: 'offers.restore', offer: makeOffer(8, { partnerId: 'forged' }) });
    expect(genuine).toMatchObject({ ok: true, data: { offer: { url: offerUrl(8), partnerId: '4227824' } } });
    await page.close();
  });

  it('refuses a capture sent straight from the content script with what only the advisor gives: a customer, notes, a follow-up link', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', 'partner-center/result-lookalike-links-en.html'));
    const url = offerUrl(41);
    for (const extra of [
      { customer: { email: 'attacker@evil.example' } },
      { notes: 'Pay to IBAN FR76 0000' },
      { followUpOf: 'offer-1' },
      { source: 'manual' },
    ]) {
      const save = await sendFromContentScript(page, { type: 'capture.save', draft: { url, source: 'auto', ...extra } });
      expect({ extra, save }).toMatchObject({ extra, save: { ok: false, error: { code: 'invalid-message' } } });
    }
    expect(await offerCount()).toBe(0);
    // The same capture with only what the page shows is saved.
    expect(await sendFromContentScript(page, { type: 'capture.save', draft: { url, source: 'auto', summaryId: 'PO-41' } })).toMatchObject({ ok: true });
    await page.close();
  });

  it('captures a genuine offer link on a layout it has never seen, in Spanish, past look-alikes', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', 'partner-center/result-unfamiliar-es.html'));
    await expect.poll(offerCount, { timeout: 5000 }).toBe(1);
    const { offers } = await data<{ offers: Offer[] }>({ type: 'offers.page', limit: 10 });
    expect(offers).toMatchObject([
      {
        kind: 'trial',
        source: 'auto',
        quoteId: '6f2b8d41-7c3e-4a95-b0d6-2e8f1a4c7b59',
        url: 'https://Portal.Office.COM/Partner/PartnerSignup.aspx?MsppId=4227824&Id=6f2b8d41-7c3e-4a95-b0d6-2e8f1a4c7b59&TYPE=trial',
      },
    ]);
    await page.close();
  });
});

describe('offer links typed or imported', () => {
  it('the manual form says why each look-alike link is refused, and saves none', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Add offer manually' }).click();
    const cases: [string, string][] = [
      [LOOKALIKES.signIn, en.popup_errorUrlHost.message],
      [LOOKALIKES.form, en.popup_errorUrlHost.message],
      [LOOKALIKES.otherPath, en.popup_errorUrlPath.message],
      [LOOKALIKES.userInfo, en.popup_errorUrlCredentials.message],
      [LOOKALIKES.port, en.popup_errorUrlCredentials.message],
      [offerUrl(1).replace('https:', 'http:'), en.popup_errorUrlNotHttps.message],
      [offerUrl(1).replace(/id=[^&]+/, 'id=42'), en.popup_errorUrlId.message],
    ];
    for (const [url, reason] of cases) {
      await popup.getByLabel('Offer URL').fill(url);
      await popup.getByRole('button', { name: 'Save offer' }).click();
      await expect.poll(() => popup.locator('#manual-url-error').textContent()).toBe(reason);
    }
    expect(await offerCount()).toBe(0);
    await popup.getByLabel('Offer URL').fill(offerUrl(1));
    await popup.getByRole('button', { name: 'Save offer' }).click();
    await expect.poll(offerCount).toBe(1);
    await popup.close();
  });

  it('imports a backup but rejects only its record with a look-alike link', async () => {
    const history = await browser.openExtensionPage('history.html');
    const backup = createBackup([makeOffer(1), makeOffer(2, { url: LOOKALIKES.signIn }), makeOffer(3)], new Date().toISOString());
    await history.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    const outcome = history.locator('.backup-outcome');
    await expect.poll(() => outcome.textContent()).toContain('2 added, 0 updated, 0 unchanged, 1 rejected');
    expect(await outcome.textContent()).toContain('Record 2 (SUM-2): its link is not a Partner Center offer link');
    const { offers } = await data<{ offers: Offer[] }>({ type: 'offers.page', limit: 10 });
    expect(offers.map((offer) => offer.id).sort()).toEqual(['offer-1', 'offer-3']);
    await history.close();
  });
});

describe('an offer saved before links were checked strictly', () => {
  it('gives no website snippet, refuses to copy its link, and leaves it out of the customer message', async () => {
    const legacy = makeOffer(9, { id: 'legacy-offer', url: LOOKALIKES.signIn, summaryId: 'LEGACY-9' });
    // Written straight into the database, as an earlier version's looser rule let it be saved.
    const writer = await browser.openExtensionPage('icon/128.png');
    await writer.evaluate(async (record) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('offer-courier');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(new Error(String(request.error)));
      });
      const tx = db.transaction('offers', 'readwrite');
      tx.objectStore('offers').put({ ...record, urlKey: `purchase|${record.quoteId}|${record.partnerId}`, wordKeys: [['legacy', record.createdAt]] });
      await new Promise((done) => (tx.oncomplete = done));
      db.close();
    }, legacy);
    await writer.close();
    // Read back as the store reads it (the totals, which give the count, were written around).
    expect((await data<{ offer: { summaryId: string } | null }>({ type: 'offers.get', id: 'legacy-offer' })).offer?.summaryId).toBe('LEGACY-9');

    const history = await browser.openExtensionPage('history.html?offer=legacy-offer');
    await expect.poll(() => history.locator('#details-heading').textContent()).toContain('LEGACY-9');
    await history.locator('.snippet summary').click();
    expect(await history.locator('.snippet').textContent()).toContain(en.history_snippetRefused.message);
    expect(await history.locator('.snippet textarea').count()).toBe(0);

    await history.bringToFront();
    await history.evaluate(() => navigator.clipboard.writeText('before'));
    await history.getByRole('button', { name: en.desk_copyUrl.message }).click();
    await expect.poll(() => history.locator('aside.details').textContent()).toContain(en.desk_notAnOfferLink.message);
    expect(await history.evaluate(() => navigator.clipboard.readText())).toBe('before');

    await history.getByRole('button', { name: 'Copy message' }).click();
    await expect.poll(() => history.locator('aside.details').textContent()).toContain('Message copied');
    const clip = await history.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await (await item!.getType('text/html')).text()) + (await (await item!.getType('text/plain')).text());
    });
    expect(clip).toContain('Microsoft 365 Business Standard');
    expect(clip).not.toContain('login.microsoftonline.com');
    await history.close();
  });
});
