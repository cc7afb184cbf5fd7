import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../lib/offers/schema';
import { launchExtension, offersWithQuote, pressThroughBrowser, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { insertButton, isPickerOpen, pickerFrame } from './webmail-helpers';

let browser: ExtensionBrowser;
let fixtures: FixtureServer;
let welcome: Page;
beforeAll(async () => {
  [browser, fixtures] = await Promise.all([launchExtension({ keepWelcome: true }), startFixtureServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close()]);
});

const STEPS = { profile: 'Fill in your profile', capture: 'Capture your first offer', send: 'Send your first message' } as const;
const PROFILE_WARNING = 'Your profile lacks your name or company';

const checklistItem = (step: keyof typeof STEPS) =>
  welcome.getByRole('region', { name: 'Getting started' }).getByRole('listitem').filter({ hasText: STEPS[step] });
const stepDone = async (step: keyof typeof STEPS) => {
  const text = await checklistItem(step).textContent();
  if (text === null) throw new Error(`No checklist step ${step}`);
  return text.includes('Done') && !text.includes('To do');
};
const doneSteps = async () => {
  const done: string[] = [];
  for (const step of Object.keys(STEPS) as (keyof typeof STEPS)[]) if (await stepDone(step)) done.push(step);
  return done;
};

async function openPicker(): Promise<{ page: Page; picker: Awaited<ReturnType<typeof pickerFrame>> }> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.url('mail.google.com', 'webmail/gmail-compose.html'));
  await insertButton(page).click();
  return { page, picker: await pickerFrame(page) };
}

describe('the first day', () => {
  let captured: Offer;

  it('opens the welcome page on install, with every step still to do and how the extension works', async () => {
    expect(browser.welcome).toBeDefined();
    welcome = browser.welcome!;
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to Offer Courier' }).waitFor();
    await checklistItem('profile').waitFor();
    expect(await doneSteps()).toEqual([]);
    expect(await checklistItem('capture').textContent()).toContain('In Partner Center, create a purchase offer or a trial invitation');
    const howItWorks = welcome.getByRole('region', { name: 'How it works' });
    expect(await howItWorks.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['1. Capture', '2. Insert', '3. Track']);
    expect(await welcome.locator('#profile-name').count()).toBe(1);
    expect(await welcome.locator('#reminder-enabled').count()).toBe(1);
    expect(await welcome.locator('#message-language').count()).toBe(1);
  });

  it('ticks "first offer captured" once an offer is captured in Partner Center', async () => {
    const quote = '77777777-aaaa-4bbb-8ccc-000000000077';
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('partner.microsoft.com', `partner-center/wizard-spa.html?${new URLSearchParams({ lang: 'en', kind: 'trial', quote })}`));
    await page.locator('#sub-1').check();
    await page.locator('#wizard-next').click();
    await expect.poll(() => offersWithQuote(browser, quote), { timeout: 5000 }).toHaveLength(1);
    [captured] = (await offersWithQuote(browser, quote)) as [Offer];
    // The welcome tab stays in the background: the background tells it.
    await expect.poll(doneSteps).toEqual(['capture']);
    await page.close();
  });

  it('warns in the picker while the profile is empty, and its button opens the settings, which warn too', async () => {
    const { page, picker } = await openPicker();
    const warning = picker.getByRole('note');
    await expect.poll(() => warning.textContent()).toContain(PROFILE_WARNING);
    const [options] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (opened) => opened.url().endsWith('/options.html') }),
      warning.getByRole('button', { name: 'Fill in your profile' }).click(),
    ]);
    const notice = options.getByRole('note');
    await expect.poll(() => notice.textContent()).toContain(PROFILE_WARNING);
    await notice.getByRole('link', { name: 'Fill in your name and company' }).click();
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('profile-name');
    await Promise.all([options.close(), page.close()]);
  });

  it('ticks "profile filled" when the name and company are saved on the welcome page', async () => {
    await welcome.locator('#profile-name').fill('Ada Lopez');
    await welcome.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => welcome.getByText('Profile saved.').count()).toBe(1);
    expect(await stepDone('profile')).toBe(false);
    await welcome.locator('#profile-company').fill('Contoso Cloud');
    await welcome.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(doneSteps).toEqual(['profile', 'capture']);
  });

  it('shows no warning in the picker or the settings once the profile is filled', async () => {
    const { page, picker } = await openPicker();
    // The notice reads the settings on its own: give it the time it took above.
    await page.waitForTimeout(500);
    expect(await picker.getByText(PROFILE_WARNING).count()).toBe(0);
    // Pressed in the picker's own frame: a key sent to the page while the frame it reaches
    // closes can wait forever for the browser's acknowledgement (as in hostile.e2e.ts).
    await pressThroughBrowser(picker, 'Escape');
    await expect.poll(() => isPickerOpen(page)).toBe(false);
    const options = await browser.openExtensionPage('options.html');
    await options.locator('#profile-name').waitFor();
    expect(await options.getByText(PROFILE_WARNING).count()).toBe(0);
    await Promise.all([options.close(), page.close()]);
  });

  it('ticks "first message sent" once a send is recorded, and says all is set', async () => {
    const answer = await browser.send({
      type: 'offers.recordCompose',
      id: captured.id,
      event: { kind: 'send', at: new Date().toISOString(), provider: 'gmail', recipients: [{ email: 'buyer@fabrikam.example' }] },
    });
    expect(answer.ok).toBe(true);
    await expect.poll(doneSteps).toEqual(['profile', 'capture', 'send']);
    expect(await welcome.getByText('You are all set').count()).toBe(1);
  });
});

describe('ways to the settings and back', () => {
  it('opens the settings from the history, and the welcome page from the settings', async () => {
    const history = await browser.openExtensionPage('history.html');
    const [options] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (opened) => opened.url().endsWith('/options.html') }),
      history.getByRole('button', { name: 'Settings' }).click(),
    ]);
    await options.getByRole('link', { name: 'Getting started' }).click();
    await options.waitForURL(/\/welcome\.html$/);
    await options.getByRole('heading', { level: 1, name: 'Welcome to Offer Courier' }).waitFor();
    await Promise.all([options.close(), history.close()]);
  });
});
