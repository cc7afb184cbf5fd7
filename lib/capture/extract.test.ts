// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { OfferDraft } from '../offers/schema';
import { FIXTURES, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import { findOfferUrlIn } from './detect';
import {
  captureFromCopy,
  captureFromPage,
  detailsFromText,
  extractOptions,
  extractResult,
  extractShownDetails,
  findLabelledValues,
  type OptionsSnapshot,
} from './extract';

const PURCHASE = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';
const OTHER = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=11111111-2222-4333-8444-555555555555&msppid=4227824';

const rememberedPurchase: OptionsSnapshot = {
  kind: 'purchase',
  partnerOffice: 'Contoso France - Paris',
  usageLocation: 'France',
  subscriptions: [{ name: 'Microsoft 365 Business Basic', licenses: 25 }],
  delegatedAdmin: false,
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('extractOptions on the fixtures', () => {
  it('reads the English purchase form', () => {
    expect(extractOptions(loadFixture(FIXTURES.optionsPurchaseEn))).toEqual({
      kind: 'purchase',
      partnerOffice: 'Contoso France - Paris',
      usageLocation: 'France',
      subscriptions: [
        { name: 'Microsoft 365 Business Basic', licenses: 25 },
        { name: 'Microsoft Defender for Business', licenses: 10 },
      ],
      delegatedAdmin: true,
    });
  });

  it('reads the French form built from nested shadow roots and ARIA controls', () => {
    expect(extractOptions(loadFixture(FIXTURES.optionsPurchaseFr))).toEqual({
      kind: 'purchase',
      partnerOffice: 'Fabrikam Conseil – Lyon',
      usageLocation: 'Belgique',
      subscriptions: [
        { name: 'Microsoft 365 Business Standard', licenses: 1200 },
        { name: 'Microsoft Teams Essentials', licenses: 8 },
      ],
      delegatedAdmin: false,
    });
  });

  it('reads the trial form: one subscription, no license count, delegated admin unchecked', () => {
    expect(extractOptions(loadFixture(FIXTURES.optionsTrialEn))).toEqual({
      kind: 'trial',
      partnerOffice: 'Contoso France - Paris',
      usageLocation: 'Canada',
      subscriptions: [{ name: 'Microsoft 365 Business Premium trial', licenses: null }],
      delegatedAdmin: false,
    });
  });

  it('follows what the advisor changes', () => {
    const doc = loadFixture(FIXTURES.optionsPurchaseEn);
    (doc.querySelector('#usage-location') as HTMLSelectElement).value = 'BE';
    (doc.querySelector('#sub-premium') as HTMLInputElement).checked = true;
    (doc.querySelector('#sub-basic') as HTMLInputElement).checked = false;
    (doc.querySelector('input[value="no"]') as HTMLInputElement).checked = true;
    const options = extractOptions(doc);
    expect(options.usageLocation).toBe('Belgium');
    expect(options.subscriptions.map((subscription) => subscription.name)).toEqual(['Microsoft 365 Business Premium', 'Microsoft Defender for Business']);
    expect(options.delegatedAdmin).toBe(false);
  });

  it('never takes a customer list for subscriptions', () => {
    expect(extractOptions(loadFixture(FIXTURES.noOfferEn))).toEqual({ kind: null, subscriptions: [], delegatedAdmin: null });
  });
});

describe('extractOptions edge cases', () => {
  it('leaves unanswered fields out and reports delegated admin as unknown', () => {
    renderInBody('<label for="o">Partner office</label><select id="o"><option value="">Select a partner office</option></select>');
    expect(extractOptions(document)).toEqual({ kind: null, subscriptions: [], delegatedAdmin: null });
  });

  it('reads delegated admin from a Yes/No select', () => {
    renderInBody('<label for="d">Delegated administration</label><select id="d"><option value="n">No</option><option value="y" selected>Yes</option></select>');
    (document.querySelector('option[value="y"]') as HTMLOptionElement).selected = true;
    expect(extractOptions(document).delegatedAdmin).toBe(true);
  });

  it('reads a fixed office shown as text, and rejects a license count it cannot read', () => {
    renderInBody(`<dl><dt>Partner office</dt><dd>Contoso &lt;b&gt;France&lt;/b&gt;</dd></dl><table>
      <tr><td><input type="checkbox" id="a" checked><label for="a">Plan A</label></td><td><input type="number" value="10.5"></td></tr>
      <tr><td><input type="checkbox" id="b" checked><label for="b">Plan A</label></td><td><input type="number" value="3"></td></tr></table>`);
    const options = extractOptions(document);
    expect(options.partnerOffice).toBe('Contoso France');
    expect(options.subscriptions).toEqual([{ name: 'Plan A', licenses: null }]);
  });

  it('caps the number of subscriptions', () => {
    const rows = Array.from({ length: 130 }, (_, i) => `<tr><td><input type="checkbox" id="s${i}" checked><label for="s${i}">Plan ${i}</label></td><td><input type="number" value="1"></td></tr>`);
    renderInBody(`<table>${rows.join('')}</table>`);
    expect(extractOptions(document).subscriptions).toHaveLength(100);
  });
});

describe('findLabelledValues', () => {
  it.each([
    ['<dl><dt>Summary ID</dt><dd>PO-1 <button>Copy summary ID</button></dd></dl>', 'PO-1'],
    ['<p>Summary ID: <strong>PO-2</strong></p>', 'PO-2'],
    ['<p>Summary ID: PO-3</p>', 'PO-3'],
    ['<div><span>Summary ID</span></div><div>PO-4</div>', 'PO-4'],
    ['<label for="x">Summary ID</label><input id="x" readonly value="PO-5">', 'PO-5'],
    ['<table><tr><th>ID Résumé</th><td>PO-6</td></tr></table>', 'PO-6'],
    ['<dl><dt>Summary ID</dt><dd>Loading…</dd></dl>', ''],
    ['<dl><dt>Summary ID</dt><dd></dd><dt>Partner office</dt><dd>Contoso</dd></dl>', ''],
    ['<p>Note the summary ID to track this offer.</p><p>Something else</p>', ''],
    [`<dl><dt>Summary ID</dt><dd>${'x'.repeat(300)}</dd></dl>`, ''],
    [`<dl><dt>Summary ID</dt><dd>${PURCHASE.replaceAll('&', '&amp;')}</dd></dl>`, ''],
  ])('%s -> %j', (markup, value) => {
    renderInBody(markup);
    expect(findLabelledValues(document, ['summaryId']).summaryId ?? '').toBe(value);
  });

  it('reads several concepts in one walk, each from its own label', () => {
    renderInBody('<dl><dt>Usage location</dt><dd>France</dd><dt>Summary ID</dt><dd>PO-8</dd></dl><p>Partner office: Lyon</p>');
    expect(findLabelledValues(document, ['summaryId', 'partnerOffice', 'usageLocation', 'delegatedAdmin'])).toEqual({
      summaryId: 'PO-8',
      partnerOffice: 'Lyon',
      usageLocation: 'France',
    });
  });
});

describe('extractShownDetails', () => {
  it('reads every detail the English result page shows', () => {
    expect(extractShownDetails(loadFixture(FIXTURES.resultPurchaseEn))).toEqual({
      summaryId: 'PO-4K7Q-22XM',
      partnerOffice: 'Contoso France - Paris',
      usageLocation: 'France',
      delegatedAdmin: true,
    });
  });

  it('reads nothing from the placeholders of a page still loading', () => {
    expect(extractShownDetails(loadFixture(FIXTURES.resultPlaceholderEn))).toEqual({});
  });
});

describe('findOfferUrlIn and extractResult', () => {
  it.each([
    [FIXTURES.resultPurchaseEn, 'purchase', '823604c2-4847-4219-9afd-177fb32dc8ab', 'PO-4K7Q-22XM'],
    [FIXTURES.resultPurchaseFr, 'purchase', '5d0c3b1e-91f4-4a57-b6de-0c2f8e7a9b41', '7d2f9c40-5b1a-4e8e-9a61-3c0b7f21d5e8'],
    [FIXTURES.resultTrialEn, 'trial', 'a1041c87-aad3-4653-a93a-0b20aa3e570a', 'TI-88310452'],
    [FIXTURES.resultTrialFr, 'trial', '0f6e2a9d-3c41-4b7a-8e55-d2c9a1b07e36', 'ESSAI-2026-0042'],
    [FIXTURES.resultNestedShadowEn, 'purchase', 'c7a1f3e9-2b64-4d0e-8f3a-5e9b1c2d4a70', 'Q-55X1-90AB'],
    [FIXTURES.resultNoSummaryEn, 'purchase', '3b9e7c12-6d4a-4f08-a1c5-9e2b0d7f6a33', undefined],
  ])('%s', (file, kind, quoteId, summaryId) => {
    const result = extractResult(loadFixture(file));
    expect(result).toMatchObject({ kind, quoteId });
    expect(result?.summaryId).toBe(summaryId);
  });

  it('keeps the URL exactly as the portal shows it (parameter case included)', () => {
    expect(findOfferUrlIn(loadFixture(FIXTURES.resultPurchaseFr))?.url).toBe(
      'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=5d0c3b1e-91f4-4a57-b6de-0c2f8e7a9b41&msppId=5120331',
    );
  });

  it('finds nothing where there is no offer', () => {
    expect(findOfferUrlIn(loadFixture(FIXTURES.noOfferEn))).toBeNull();
    expect(extractResult(loadFixture(FIXTURES.resultPlaceholderEn))).toBeNull();
  });
});

describe('detailsFromText', () => {
  it('reads label: value lines, label/value line pairs and tab-separated cells', () => {
    expect(detailsFromText(`Send\n${PURCHASE}\nPurchase offer summary ID\nPO-9\nBureau partenaire : Lyon\nUsage location\tFrance\nDelegated administration\tNo`)).toEqual({
      summaryId: 'PO-9',
      partnerOffice: 'Lyon',
      usageLocation: 'France',
      delegatedAdmin: false,
    });
  });

  it('reads nothing from a bare URL or from markup', () => {
    expect(detailsFromText(PURCHASE)).toEqual({});
    expect(detailsFromText('Summary ID: <img src=x onerror=alert(1)>')).toEqual({});
  });
});

describe('captureFromPage', () => {
  it('saves every detail of the English result page', () => {
    expect(captureFromPage(loadFixture(FIXTURES.resultPurchaseEn))).toEqual({
      draft: {
        url: PURCHASE,
        summaryId: 'PO-4K7Q-22XM',
        partnerOffice: 'Contoso France - Paris',
        usageLocation: 'France',
        delegatedAdmin: true,
        source: 'auto',
      },
    });
  });

  it('merges the options remembered from the first step, the page winning where it shows a value', () => {
    const { draft } = captureFromPage(loadFixture(FIXTURES.resultPurchaseEn), rememberedPurchase);
    expect(draft).toMatchObject({ subscriptions: rememberedPurchase.subscriptions, delegatedAdmin: true, usageLocation: 'France' });
  });

  it('fills a bare result page from the remembered options', () => {
    const { draft } = captureFromPage(loadFixture(FIXTURES.resultNoSummaryEn), rememberedPurchase);
    expect(draft).toEqual({
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=3b9e7c12-6d4a-4f08-a1c5-9e2b0d7f6a33&msppid=4227824',
      partnerOffice: 'Contoso France - Paris',
      usageLocation: 'France',
      subscriptions: [{ name: 'Microsoft 365 Business Basic', licenses: 25 }],
      delegatedAdmin: false,
      source: 'auto',
    });
  });

  it('ignores options remembered for the other kind of offer', () => {
    const { draft } = captureFromPage(loadFixture(FIXTURES.resultTrialEn), rememberedPurchase);
    expect(draft).toEqual({
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Trial&id=a1041c87-aad3-4653-a93a-0b20aa3e570a&msppid=7086220',
      summaryId: 'TI-88310452',
      source: 'auto',
    });
  });

  it('cleans remembered values like page text and drops those that fail the schema', () => {
    const hostile = {
      ...rememberedPurchase,
      partnerOffice: '<img src=x onerror=alert(1)>Contoso',
      usageLocation: 'x'.repeat(5000),
      subscriptions: [{ name: '', licenses: -1 }],
      delegatedAdmin: 'yes',
    } as unknown as OptionsSnapshot;
    const { draft } = captureFromPage(loadFixture(FIXTURES.resultNoSummaryEn), hostile);
    expect(draft).toMatchObject({ partnerOffice: 'Contoso', usageLocation: 'x'.repeat(200) });
    expect(draft).not.toHaveProperty('subscriptions');
    expect(draft).not.toHaveProperty('delegatedAdmin');
  });

  it('explains why there is nothing to save', () => {
    expect(captureFromPage(loadFixture(FIXTURES.noOfferEn))).toEqual({ draft: null, reason: 'no-offer-url' });
    expect(captureFromPage(loadFixture(FIXTURES.resultPlaceholderEn))).toEqual({ draft: null, reason: 'no-offer-url' });
  });

  it('never throws, even when what it is given does', () => {
    const throwing = {
      kind: null,
      get subscriptions(): never {
        throw new Error('hostile');
      },
      delegatedAdmin: null,
    } as unknown as OptionsSnapshot;
    expect(captureFromPage(loadFixture(FIXTURES.resultPurchaseEn), throwing)).toEqual({ draft: null, reason: 'extraction-failed' });
    expect(captureFromPage({} as Document)).toEqual({ draft: null, reason: 'no-offer-url' });
  });

  it('always yields a draft the schema accepts', () => {
    for (const file of Object.values(FIXTURES)) {
      const { draft } = captureFromPage(loadFixture(file), rememberedPurchase);
      if (draft) expect(OfferDraft.safeParse(draft).success).toBe(true);
    }
  });
});

describe('captureFromCopy', () => {
  it('captures the copied URL with what the page shows next to it', () => {
    const { draft } = captureFromCopy(loadFixture(FIXTURES.resultPurchaseEn), `Here is the link: ${PURCHASE}`);
    expect(draft).toMatchObject({ url: PURCHASE, summaryId: 'PO-4K7Q-22XM', partnerOffice: 'Contoso France - Paris', source: 'clipboard' });
  });

  it('prefers what the copied text itself says', () => {
    const { draft } = captureFromCopy(loadFixture(FIXTURES.resultPurchaseEn), `${PURCHASE}\nSummary ID: PO-FROM-TEXT`);
    expect(draft?.summaryId).toBe('PO-FROM-TEXT');
  });

  it('takes nothing from a page that shows another offer', () => {
    const { draft } = captureFromCopy(loadFixture(FIXTURES.resultPurchaseEn), OTHER, rememberedPurchase);
    expect(draft).toEqual({ url: OTHER, source: 'clipboard' });
  });

  it('uses the page and remembered options when the page shows no URL it understands', () => {
    renderInBody('<h1>Send</h1><dl><dt>Summary ID</dt><dd>PO-77</dd></dl>');
    const { draft } = captureFromCopy(document, PURCHASE, rememberedPurchase);
    expect(draft).toMatchObject({ url: PURCHASE, summaryId: 'PO-77', subscriptions: rememberedPurchase.subscriptions, source: 'clipboard' });
  });

  it('explains a copy without an offer URL', () => {
    expect(captureFromCopy(document, 'just some text')).toEqual({ draft: null, reason: 'no-offer-url' });
  });
});
