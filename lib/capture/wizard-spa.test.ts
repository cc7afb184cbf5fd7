// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { detectWizardStep } from './detect';
import { captureFromPage } from './capture';
import { extractOptions } from './options-step';

// The single-page fixture is a classic browser script (served as is to Chromium in end-to-end
// tests); importing it here runs it against happy-dom's window.
const SCRIPT = '../../test/fixtures/partner-center/wizard-spa.js';

function app(): HTMLElement & { shadowRoot: ShadowRoot } {
  return document.querySelector('pc-app') as HTMLElement & { shadowRoot: ShadowRoot };
}

function deep(selector: string): HTMLElement {
  const inApp = app().shadowRoot.querySelector(selector);
  if (inApp) return inApp as HTMLElement;
  for (const row of Array.from(app().shadowRoot.querySelectorAll('pc-subscription-row'))) {
    const inRow = row.shadowRoot?.querySelector(selector);
    if (inRow) return inRow as HTMLElement;
  }
  throw new Error(`no ${selector}`);
}

const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the wizard at `query` and waits for its placeholder rows to be replaced. */
async function open(query: string): Promise<void> {
  history.replaceState(null, '', `/fr-fr/dashboard/advisor/offers/create${query}`);
  document.body.replaceChildren(document.createElement('pc-app'));
  await settle();
}

beforeAll(async () => {
  await import(/* @vite-ignore */ SCRIPT);
});

beforeEach(() => {
  document.body.replaceChildren();
});

describe('the single-page wizard fixture', () => {
  it('shows placeholder rows first, then the options step', async () => {
    history.replaceState(null, '', '/dashboard?delay=30');
    document.body.replaceChildren(document.createElement('pc-app'));
    expect(detectWizardStep(document)).toBeNull();
    await settle(60);
    expect(detectWizardStep(document)).toEqual({ step: 'options', kind: 'purchase' });
  });

  it('walks from options to result with pushState, and the capture merges both steps', async () => {
    await open('?lang=fr&delay=0');
    expect(detectWizardStep(document)).toEqual({ step: 'options', kind: 'purchase' });
    (deep('#usage-location') as HTMLSelectElement).value = 'Belgique';
    (deep('#sub-0') as HTMLInputElement).checked = true;
    (deep('#sub-0-licenses') as HTMLInputElement).value = '12';
    (deep('#sub-2') as HTMLInputElement).checked = true;
    (deep('#dap-yes') as HTMLInputElement).checked = true;
    const remembered = extractOptions(document);
    expect(remembered).toEqual({
      kind: 'purchase',
      partnerOffice: 'Contoso France - Paris',
      usageLocation: 'Belgique',
      subscriptions: [
        { name: 'Microsoft 365 Business Basic', licenses: 12 },
        { name: 'Microsoft Defender for Business', licenses: 1 },
      ],
      delegatedAdmin: true,
    });

    const pathBefore = location.pathname;
    deep('#wizard-next').click();
    expect(location.search).toContain('step=result');
    expect(location.pathname).toBe(pathBefore);
    await settle();
    expect(detectWizardStep(document)).toEqual({ step: 'result', kind: 'purchase' });
    expect(captureFromPage(document, remembered)).toEqual({
      draft: {
        url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824',
        summaryId: 'PO-823604C2',
        partnerOffice: 'Contoso France - Paris',
        usageLocation: 'Belgique',
        subscriptions: remembered.subscriptions,
        delegatedAdmin: true,
        source: 'auto',
      },
    });
  });

  it('renders a trial result for the chosen office and quote directly from the address', async () => {
    await open('?kind=trial&step=result&office=1&quote=0F6E2A9D-3C41-4B7A-8E55-D2C9A1B07E36&delay=0');
    expect(captureFromPage(document).draft).toEqual({
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Trial&id=0f6e2a9d-3c41-4b7a-8e55-d2c9a1b07e36&msppid=4227825',
      summaryId: 'TI-0F6E2A9D',
      source: 'auto',
    });
  });

  it('goes back to the options step on popstate', async () => {
    await open('?kind=trial&step=result&delay=0');
    history.replaceState(null, '', location.pathname + '?kind=trial&delay=0');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(detectWizardStep(document)).toEqual({ step: 'options', kind: 'trial' });
    (deep('#sub-1') as HTMLInputElement).checked = true;
    expect(extractOptions(document).subscriptions).toEqual([{ name: 'Microsoft 365 Business Premium trial', licenses: null }]);
  });
});
