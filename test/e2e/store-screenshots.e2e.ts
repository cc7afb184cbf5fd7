import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Offer } from '../../lib/offers/schema';
import { makeCustomer, makeOffer, offerUrl } from '../unit/offer-factory';
import { importOffers } from './backup-transfer';
import { accessibleText, launchExtension, ROOT, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { insertButton, pickerFrame, saveSettings } from './webmail-helpers';

/**
 * The stores' screenshots (1280x800, the size Chrome Web Store asks for), in English and French:
 * the Partner Center notice, the compose control and picker in Outlook, the popup and the history
 * page. `npm run screenshots` writes them to docs/screenshots/store/<language>/; ordinary runs
 * take them under test-results without touching the repository.
 */

const STORE_SIZE = { width: 1280, height: 800 };
const OUT = join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/store' : 'test-results/screenshots/store');
const LANGUAGES = ['en', 'fr'] as const;
type Language = (typeof LANGUAGES)[number];

// The fixtures are bare markup; in a store picture the extension should sit on a page that looks
// like the one it runs on, so each gets a light dress of the real site's layout.
const PARTNER_CENTER_DRESS = `
  body { margin: 0; font: 14px/1.6 "Segoe UI", system-ui, sans-serif; background: #f5f5f5; color: #242424; }
  body::before { content: ""; display: block; height: 48px; background: #fff; border-bottom: 1px solid #e0e0e0; }
  main { max-width: 760px; margin: 32px auto; padding: 24px 32px; background: #fff; border-radius: 4px; box-shadow: 0 1px 3px rgb(0 0 0 / 12%); }
  h1 { font-size: 24px; font-weight: 600; }
  .link-box { display: flex; gap: 8px; align-items: center; }
  .link-box input { flex: 1; padding: 6px 8px; border: 1px solid #8a8a8a; border-radius: 2px; font: inherit; }
  dl.summary { display: grid; grid-template-columns: 260px 1fr; gap: 8px 16px; }
  dt { font-weight: 600; } dd { margin: 0; }
  button { font: inherit; padding: 4px 12px; border: 1px solid #8a8a8a; border-radius: 2px; background: #fff; }`;
const OUTLOOK_DRESS = `
  body { margin: 0; font: 14px/1.5 "Segoe UI", system-ui, sans-serif; background: #f0f0f0; color: #242424; }
  [role=main] { max-width: 1000px; margin: 24px auto; padding: 16px 24px; background: #fff; border-radius: 6px; box-shadow: 0 2px 6px rgb(0 0 0 / 14%); }
  button { font: inherit; padding: 5px 16px; margin-right: 8px; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; }
  #send { background: #0f6cbd; border-color: #0f6cbd; color: #fff; }
  #to, #cc, #subject { display: block; box-sizing: border-box; width: 100%; min-height: 36px; padding: 8px 0; border: 0; border-bottom: 1px solid #e0e0e0; font: inherit; }
  #to::before, #cc::before { content: attr(aria-label) "  "; color: #616161; }
  #editor { min-height: 520px; padding: 12px 0; outline: none; }`;

/**
 * Headless Chromium lays out a date field in US order whatever its language, unless the field
 * follows its page's lang (the launch enables that); a field the page's script created before it
 * was in the document has none, so it is laid out again once it is.
 */
async function redrawDateFields(page: Page): Promise<void> {
  await page.locator('input[type="date"]').evaluateAll((fields: HTMLInputElement[]) => {
    for (const field of fields) {
      field.type = 'text';
      field.type = 'date';
    }
  });
}

interface DomNode {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The order of the first date field's parts as drawn, read from its user-agent shadow root. */
async function dateFieldOrder(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const { root } = <{ root: DomNode }>await session.send('DOM.getDocument', { depth: -1, pierce: true });
  await session.detach();
  const isDateField = (node: DomNode) => node.nodeName === 'INPUT' && (node.attributes ?? []).join(' ').includes('type date');
  const find = (node: DomNode): DomNode | undefined =>
    isDateField(node) ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    const pseudo = /^-webkit-datetime-edit-(day|month|year)-field$/.exec((node.attributes ?? [])[(node.attributes ?? []).indexOf('pseudo') + 1] ?? '');
    if (pseudo && (node.attributes ?? []).includes('pseudo')) parts.push(pseudo[1]!);
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
  };
  const field = find(root);
  if (field) walk(field);
  return parts;
}

const messages = (lang: Language) =>
  <Record<string, { message: string }>>JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));

/** The offers on the pictures: five, the newest sent to one customer who has not answered yet. */
function storeOffers(): Offer[] {
  const at = ['2026-09-02T09:00:00.000Z', '2026-09-15T14:00:00.000Z', '2026-10-01T10:30:00.000Z', '2026-10-20T08:45:00.000Z', '2026-11-03T16:10:00.000Z'] as const;
  return [
    makeOffer(1, { summaryId: 'PO-7F2K-11AB', usageLocation: 'France', customers: [makeCustomer('c1', { company: 'Boulangerie Fournil', name: 'Émilie Durand', email: 'emilie@fournil.example' }, at[0], 'accepted')], createdAt: at[0] }),
    makeOffer(2, {
      kind: 'trial',
      url: offerUrl(2, 'Trial'),
      summaryId: 'TR-3Q9D-40CE',
      usageLocation: 'Belgique',
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }],
      customers: [makeCustomer('c2', { company: 'Tailspin Toys', name: 'Jo Brown', email: 'jo@tailspin.example' }, at[1], 'sent')],
      createdAt: at[1],
    }),
    makeOffer(3, { summaryId: 'PO-8M1V-72QT', usageLocation: 'Canada', customers: [makeCustomer('c3', { company: 'Northwind Traders', email: 'it@northwind.example' }, at[2], 'declined')], createdAt: at[2] }),
    makeOffer(4, {
      summaryId: 'PO-2C6H-95LX',
      usageLocation: 'France',
      customers: [
        makeCustomer('c4', { company: 'Fabrikam', name: 'Sam Lee', email: 'sam@fabrikam.example' }, at[3], 'accepted'),
        makeCustomer('c5', { name: 'Lou Petit', email: 'lou@fabrikam.example' }, at[3], 'sent'),
      ],
      createdAt: at[3],
    }),
    makeOffer(5, {
      summaryId: 'PO-9T3R-58WN',
      usageLocation: 'France',
      delegatedAdmin: true,
      subscriptions: [
        { name: 'Microsoft 365 Business Standard', licenses: 25 },
        { name: 'Exchange Online (Plan 1)', licenses: 5 },
      ],
      notes: 'Budget approved; Teams first.',
      customers: [makeCustomer('c6', { company: 'Wingtip Toys', name: 'Camille Martin', email: 'camille@wingtip.example' }, at[4], 'sent')],
      createdAt: at[4],
    }),
  ].map((offer) => ({ ...offer, updatedAt: offer.createdAt }));
}

let fixtures: FixtureServer;
beforeAll(async () => {
  fixtures = await startFixtureServer();
});
afterAll(async () => {
  await fixtures?.close();
});

async function newPage(browser: ExtensionBrowser, size = STORE_SIZE): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light' });
  return page;
}

/** The popup as the toolbar shows it, on a plain backdrop the store's size. */
async function popupPicture(browser: ExtensionBrowser, path: string) {
  const popup = await newPage(browser, { width: 380, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('.offer-card').waitFor();
  const picture = (await popup.screenshot()).toString('base64');
  await popup.close();
  const stage = await newPage(browser);
  await stage.setContent(
    `<body style="margin:0;height:100vh;display:grid;place-items:center;background:linear-gradient(135deg,#fdf0e8,#e9eef5)">` +
      `<img alt="" src="data:image/png;base64,${picture}" style="border-radius:8px;box-shadow:0 8px 28px rgb(0 0 0 / 22%)"></body>`,
  );
  await stage.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await stage.screenshot({ path });
  await stage.close();
}

describe('store screenshots', () => {
  for (const lang of LANGUAGES) {
    it(`takes the store screenshots in ${lang} at 1280x800`, async () => {
      const dir = join(OUT, lang);
      mkdirSync(dir, { recursive: true });
      const browser = await launchExtension({ locale: lang });
      try {
        await saveSettings(browser, { profile: { name: 'Ana Silva', company: 'Contoso Cloud', email: 'ana@contoso.example', website: 'https://contoso.example' } });
        await importOffers(browser, storeOffers());

        const history = await newPage(browser);
        await history.goto(`chrome-extension://${browser.extensionId}/history.html?offer=offer-5`);
        await history.locator('#details-heading').waitFor();
        // The browser's language is the extension's: the pictures are in the language they are filed under.
        expect(await history.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
        // The list and the open offer's details, below the overview.
        await history.locator('#search').evaluate((search) => {
          const filters = search.closest('form, section') ?? search;
          window.scrollTo(0, filters.getBoundingClientRect().top + window.scrollY - 16);
        });
        await redrawDateFields(history);
        expect(await dateFieldOrder(history)).toEqual(lang === 'fr' ? ['day', 'month', 'year'] : ['month', 'day', 'year']);
        await history.screenshot({ path: join(dir, '4-history.png') });
        await history.close();

        await popupPicture(browser, join(dir, '3-popup.png'));

        const outlook = await newPage(browser);
        await outlook.goto(fixtures.url('outlook.office.com', `webmail/outlook-compose.html?lang=${lang}`));
        await outlook.addStyleTag({ content: OUTLOOK_DRESS });
        await outlook.locator('#to').fill('camille@wingtip.example');
        await outlook.click('#editor');
        await insertButton(outlook, messages(lang).webmail_insert_offer!.message).click();
        const picker = await pickerFrame(outlook);
        // The preview loads in a frame of its own: the picture waits for the message in it.
        await picker.frameLocator('iframe.preview-body').locator('a[href^="https://portal.office.com/"]').first().waitFor();
        await outlook.screenshot({ path: join(dir, '2-outlook-picker.png') });
        await outlook.close();

        // Last, as it saves one more offer: a result page loaded on its own, captured from its summary.
        const partnerCenter = await newPage(browser);
        await partnerCenter.goto(fixtures.url('partner.microsoft.com', `partner-center/result-purchase-${lang}.html`));
        await partnerCenter.addStyleTag({ content: PARTNER_CENTER_DRESS });
        const saved = messages(lang).capture_toast_saved!.message.split('$ID$')[0]!;
        await expect.poll(() => accessibleText(partnerCenter)).toContain(saved);
        await partnerCenter.screenshot({ path: join(dir, '1-partner-center-notice.png') });
        await partnerCenter.close();
        // The size the stores take, read from each PNG's header.
        const sizes = readdirSync(dir).map((file) => {
          const png = readFileSync(join(dir, file));
          return { file, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
        });
        expect(sizes.map(({ file }) => file).sort()).toEqual(['1-partner-center-notice.png', '2-outlook-picker.png', '3-popup.png', '4-history.png']);
        for (const size of sizes) expect(size).toEqual({ file: size.file, ...STORE_SIZE });
      } finally {
        await browser.close();
      }
    });
  }
});
