import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Dialog, Page } from 'playwright-core';
import fr from '../../public/_locales/fr/messages.json';
import { DEFAULT_TEMPLATES } from '../../lib/message/defaults';
import { createBackup } from '../../lib/offers/backup';
import type { Settings } from '../../lib/settings/settings';
import { makeCustomer, makeOffer } from '../unit/offer-factory';
import { launchExtension, type ExtensionBrowser } from './harness';
import { importOffers } from './backup-transfer';
import { axeViolations } from './axe';

/**
 * The templates section of the options page: reset a default template, Undo a deletion, no edit
 * lost without asking, placeholders from the list at the caret, a preview of the whole message;
 * the default messages signed by the webmail's signature unless the advisor asks for the contact
 * block; the spreadsheet export in the advisor's locale.
 */

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function data<T>(target: ExtensionBrowser, request: Parameters<ExtensionBrowser['send']>[0]): Promise<T> {
  const answer = await target.send(request);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer.data as T;
}

const storedTemplates = async () => (await data<Settings>(browser, { type: 'settings.get' })).templates;

const PROFILE = { name: 'Alex Advisor', company: 'Northwind Cloud', email: 'alex@northwind.example', phone: '+33 1 23 45 67 89' };

beforeEach(async () => {
  // Each test starts from the shipped templates and a profile without the contact block.
  await data(browser, { type: 'settings.saveTemplates', templates: [] });
  await data(browser, { type: 'settings.saveProfile', profile: PROFILE });
});

async function openOptions(): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await expect.poll(() => page.getByRole('button', { name: 'Edit “Purchase offer”' }).count()).toBe(1);
  return page;
}

const notice = (page: Page) => page.locator('.template-notice');
const body = (page: Page) => page.getByLabel('Message', { exact: true });
const rowNames = (page: Page) => page.locator('table.templates tbody tr td:first-child').allTextContents();

describe('templates section', () => {
  it('resets an edited default template to its shipped text, and Undo brings the edit back', async () => {
    const edited = DEFAULT_TEMPLATES.map((t) => (t.id === 'default-purchase-en' ? { ...t, body: 'My own words {{offer.url}}' } : t));
    await data(browser, { type: 'settings.saveTemplates', templates: edited });
    const page = await openOptions();
    // Only a default template that differs from what shipped can be reset.
    expect(await page.getByRole('button', { name: /^Reset “/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Reset “Purchase offer” to its shipped text' }).click();
    await expect.poll(() => notice(page).textContent()).toBe('Template “Purchase offer” reset to its shipped text.');
    expect((await storedTemplates()).find((t) => t.id === 'default-purchase-en')?.body).toBe(DEFAULT_TEMPLATES[0]!.body);
    expect(await page.getByRole('button', { name: /^Reset “/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedTemplates()).find((t) => t.id === 'default-purchase-en')?.body).toBe('My own words {{offer.url}}');
    expect(await page.getByRole('button', { name: 'Reset “Purchase offer” to its shipped text' }).count()).toBe(1);
    await page.close();
  });

  it('deletes a template, and Undo puts it back in its place with its default role', async () => {
    const page = await openOptions();
    const before = await rowNames(page);
    await page.getByRole('button', { name: 'Delete “Trial invitation”' }).click();
    await expect.poll(() => notice(page).textContent()).toBe('Template “Trial invitation” deleted.');
    expect((await storedTemplates()).map((t) => t.id)).not.toContain('default-trial-en');
    expect(await rowNames(page)).not.toContain('Trial invitation');
    // The keyboard lands on Undo, the Delete button being gone.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await expect.poll(() => rowNames(page)).toEqual(before);
    await expect.poll(() => notice(page).textContent()).toBe('Template “Trial invitation” restored.');
    expect(await storedTemplates()).toEqual(DEFAULT_TEMPLATES);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await page.close();
  });

  it('asks before an unsaved edit is lost: switching template keeps it unless discarded, closing the page asks too', async () => {
    const page = await openOptions();
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    // Nothing typed yet: another template opens at once.
    await page.getByRole('button', { name: 'Edit “Trial invitation”' }).click();
    await expect.poll(() => page.locator('#editor-heading').textContent()).toBe('Template: Trial invitation');
    expect(await page.getByRole('dialog').count()).toBe(0);

    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nP.S. Typed by hand');
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard your changes to “Trial invitation”?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep editing');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.locator('#editor-heading').textContent()).toBe('Template: Trial invitation');
    expect(await body(page).inputValue()).toMatch(/P\.S\. Typed by hand$/);

    // Cancel asks as well; "Keep editing" keeps the text.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    expect(await body(page).inputValue()).toMatch(/P\.S\. Typed by hand$/);

    // Closing the page with the edit unsaved asks the browser's question; staying keeps the page.
    const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    await page.close({ runBeforeUnload: true });
    const question = await asked;
    expect(question.type()).toBe('beforeunload');
    await question.dismiss();
    expect(page.isClosed()).toBe(false);

    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.locator('#editor-heading').textContent()).toBe('Template: Purchase offer');
    expect(await body(page).inputValue()).toBe(DEFAULT_TEMPLATES[0]!.body);
    expect((await storedTemplates()).find((t) => t.id === 'default-trial-en')?.body).toBe(DEFAULT_TEMPLATES[1]!.body);
    await page.close();
  });

  it('asks before a restore of the settings replaces an unsaved edit; offers alone restore without asking', async () => {
    const restoredTemplate = { ...DEFAULT_TEMPLATES[0]!, id: 'restored', name: 'From the backup', isDefault: false };
    const dir = mkdtempSync(join(tmpdir(), 'offer-courier-restore-'));
    const file = join(dir, 'backup.json');
    writeFileSync(file, JSON.stringify({ ...createBackup([makeOffer(71)], new Date().toISOString()), settings: { templates: [restoredTemplate] } }));
    await data(browser, { type: 'offers.deleteAll' });
    const page = await openOptions();
    const outcome = page.locator('.backup-outcome');
    const chooseFile = async (choice: 'Offers and settings' | 'Offers only') => {
      await page.getByLabel(choice).check();
      await page.locator('input[type=file][accept*=json]').setInputFiles(file);
    };
    await page.getByRole('button', { name: 'Edit “Trial invitation”' }).click();
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nP.S. Not saved yet');

    await chooseFile('Offers and settings');
    const dialog = page.getByRole('dialog', { name: 'Discard your changes to “Trial invitation”?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Restoring the settings from the backup replaces your templates');
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // Nothing was imported, and the edit is where it was.
    expect(await outcome.textContent()).toBe('');
    expect(await data(browser, { type: 'offers.count' })).toEqual({ count: 0 });
    expect(await body(page).inputValue()).toMatch(/P\.S\. Not saved yet$/);

    // The offers alone replace no template: no question, and the edit stays open.
    await chooseFile('Offers only');
    await expect.poll(() => outcome.textContent()).toContain('1 added, 0 updated, 0 unchanged, 0 rejected');
    expect(await dialog.count()).toBe(0);
    expect(await body(page).inputValue()).toMatch(/P\.S\. Not saved yet$/);

    await chooseFile('Offers and settings');
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => outcome.textContent()).toContain('Settings restored: templates.');
    expect(await outcome.textContent()).toContain('0 added, 0 updated, 1 unchanged, 0 rejected');
    await expect.poll(() => rowNames(page)).toEqual(['From the backup']);
    expect(await page.locator('#editor-heading').count()).toBe(0);
    expect(await storedTemplates()).toEqual([restoredTemplate]);
    await page.close();
    await data(browser, { type: 'offers.deleteAll' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts a placeholder from the list at the caret of the subject or the message, a condition around the selection', async () => {
    const page = await openOptions();
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    const subject = page.getByLabel('Subject', { exact: true });
    await subject.fill('Your offer, ');
    await subject.evaluate((input: HTMLInputElement) => input.setSelectionRange(10, 10));
    await page.getByText('Placeholders', { exact: true }).click();
    await page.getByRole('button', { name: 'Insert {{customer.company}}' }).click();
    await expect.poll(() => subject.inputValue()).toBe('Your offer{{customer.company}}, ');
    // The caret goes back to the subject after the next frame: typing elsewhere before then would land there.
    await expect.poll(() => subject.evaluate((input) => document.activeElement === input)).toBe(true);

    await body(page).fill('Hello,\nYour free trial starts today.\n{{offer.url}}');
    await body(page).evaluate((textarea: HTMLTextAreaElement) => textarea.setSelectionRange(7, 36));
    await page.getByRole('button', { name: 'Insert {{#if offer.isTrial}}{{/if}}' }).click();
    await expect.poll(() => body(page).inputValue()).toBe('Hello,\n{{#if offer.isTrial}}Your free trial starts today.{{/if}}\n{{offer.url}}');
    // The wrapped text stays selected, in the message that has the focus.
    expect(await body(page).evaluate((textarea: HTMLTextAreaElement) => [document.activeElement === textarea, textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)])).toEqual([
      true,
      'Your free trial starts today.',
    ]);
    // The sample offer is a purchase: the condition hides the sentence.
    await expect.poll(() => page.locator('.preview-text').textContent()).toMatch(/^Hello,\nhttps:\/\/portal\.office\.com\/\S+$/);
    expect(await page.locator('.preview-text').textContent()).not.toContain('free trial');
    await page.close();
  });

  it('shows the whole message in the preview, without scrolling inside it', async () => {
    const page = await openOptions();
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    const frame = page.frameLocator('iframe.preview-html');
    await expect.poll(() => frame.locator('body').textContent()).toContain('Kind regards,');
    // The sample offer has delegated administration: the longest message.
    expect(await frame.locator('body').textContent()).toContain('Delegated administration');
    const iframe = page.locator('iframe.preview-html');
    await expect
      .poll(() => iframe.evaluate((element: HTMLIFrameElement) => element.contentDocument!.documentElement.scrollHeight - element.clientHeight))
      .toBeLessThanOrEqual(0);
    expect(await iframe.evaluate((element: HTMLIFrameElement) => element.clientHeight)).toBeGreaterThan(600);
    const text = page.locator('.preview-text');
    expect(await text.evaluate((element) => element.scrollHeight - element.clientHeight)).toBeLessThanOrEqual(0);
    expect(await text.textContent()).toMatch(/Kind regards,$/);
    // A shorter message, a shorter frame.
    await body(page).fill('Hello {{customer.name}},');
    await expect.poll(() => iframe.evaluate((element: HTMLIFrameElement) => element.clientHeight)).toBeLessThan(100);
    await page.close();
  });
});

describe('default messages', () => {
  it('end at the closing, for the webmail signature, unless the advisor adds the contact block', async () => {
    const page = await openOptions();
    await page.getByRole('button', { name: 'Edit “Purchase offer”' }).click();
    const preview = page.locator('.preview-text');
    await expect.poll(() => preview.textContent()).toMatch(/Kind regards,$/);
    expect(await preview.textContent()).toContain('Northwind Cloud is an authorized Microsoft AI Cloud Partner');
    expect(await preview.textContent()).not.toContain('alex@northwind.example');

    const contactBlock = page.getByLabel('Add my contact block under the default messages (name, company, phone, email, website)');
    expect(await contactBlock.isChecked()).toBe(false);
    await contactBlock.check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByText('Profile saved.').count()).toBe(1);
    await expect.poll(() => preview.textContent()).toMatch(/Kind regards,\nAlex Advisor\nNorthwind Cloud\n\+33 1 23 45 67 89\nalex@northwind\.example$/);
    expect((await data<Settings>(browser, { type: 'settings.get' })).profile.contactBlock).toBe(true);

    await contactBlock.uncheck();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => preview.textContent()).toMatch(/Kind regards,$/);
    expect((await data<Settings>(browser, { type: 'settings.get' })).profile).toEqual(PROFILE);
    await page.close();
  });
});

describe('in French', () => {
  it('exports the spreadsheet with `;` and French headers, and speaks French in the templates section', async () => {
    const french = await launchExtension({ locale: 'fr' });
    try {
      const offer = makeOffer(7, {
        subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 12 }],
        customers: [makeCustomer('c7', { name: 'Zoé Martin', company: 'Fabrikam; filiale' })],
      });
      await importOffers(french, [offer]);
      const options = await french.openExtensionPage('options.html');
      const exportButton = options.getByRole('button', { name: fr.backup_exportCsv.message });
      await expect.poll(() => exportButton.count()).toBe(1);
      const [download] = await Promise.all([options.waitForEvent('download'), exportButton.click()]);
      const csv = readFileSync(await download.path(), 'utf8');
      const [head, row] = csv.slice(1).split('\r\n') as [string, string];
      expect(csv.startsWith('\uFEFFID de l’offre;Type;ID de résumé;Lien de l’offre;')).toBe(true);
      expect(head).toContain(';Lieu d’utilisation;');
      expect(row.startsWith('offer-7;purchase;')).toBe(true);
      expect(row).toContain(';"Fabrikam; filiale";');
      expect(row).toMatch(/;\d\d\/\d\d\/2026 \d\d:\d\d:\d\d;/);

      await options.getByRole('button', { name: /^Modifier «\s*Offre d’achat\s*»$/ }).click();
      await expect.poll(() => options.locator('.preview-text').textContent()).toContain('partenaire cloud Microsoft AI autorisé');
      expect(await options.locator('.preview-text').textContent()).toMatch(/Bien cordialement,$/);
      await options.close();
    } finally {
      await french.close();
    }
  });
});
