// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { CapturedDraft } from '../offers/schema';
import { RESULT_PAGE_FIELDS } from '../offers/result-page-fields';
import { FIXTURES, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import { captureFromPage } from './capture';
import { extractOptions, type OptionsSnapshot } from './options-step';
import { extractShownDetails } from './result-page';
import { countFrom, extractSubscriptionSummary, mergeSubscriptions } from './result-summary';

const offerUrl = (quote: string, type = 'Purchase') =>
  `https://portal.office.com/partner/partnersignup.aspx?type=${type}&amp;id=${quote}&amp;msppid=4227824`;
const QUOTE = 'bb22c3d4-0001-4e5f-8a9b-0c1d2e3f4a10';

beforeEach(() => {
  document.body.replaceChildren();
});

const summaryOf = (markup: string) => extractSubscriptionSummary(renderInBody(markup));

describe('countFrom', () => {
  it.each([
    ['25', 25],
    ['1 200', 1200],
    ['1,000', 1000],
    ['25 licences', 25],
    ['25 licenses', 25],
    ['3 Lizenzen', 3],
    ['10 licencias', 10],
    ['Nombre de licences : 25', 25],
    ['License count: 8', 8],
    ['Anzahl der Lizenzen: 4', 4],
    ['10.5', null],
    ['25 users', null],
    ['Plan 1', null],
    ['—', null],
    ['99999999', null],
    ['10,30 €', null],
  ])('%j -> %j', (text, count) => {
    expect(countFrom(text)).toBe(count);
  });
});

describe('extractSubscriptionSummary: the forms a summary takes', () => {
  it('reads list items with the count in parentheses or after a separator, under a heading', () => {
    expect(summaryOf(`<h3>Subscriptions</h3><ol><li>Microsoft 365 Business Premium (25)</li>
      <li>Microsoft 365 E3 – 12 licenses</li><li>Microsoft Teams Essentials (licenses: 4)</li></ol><h3>Delegated administration</h3><p>No</p>`)).toEqual([
      { name: 'Microsoft 365 Business Premium', licenses: 25 },
      { name: 'Microsoft 365 E3', licenses: 12 },
      { name: 'Microsoft Teams Essentials', licenses: 4 },
    ]);
  });

  it('reads list items whose name and count are separate blocks', () => {
    expect(summaryOf(`<h2>Subscriptions (2)</h2><ul><li><div>Microsoft 365 Business Basic</div><div>Annual commitment</div><div>30</div></li>
      <li><div>Microsoft Intune Plan 1</div><div>License count</div><div>6</div></li></ul>`)).toEqual([
      { name: 'Microsoft 365 Business Basic', licenses: 30 },
      { name: 'Microsoft Intune Plan 1', licenses: 6 },
    ]);
  });

  it('reads a table with a header row by its columns, whatever their order', () => {
    expect(summaryOf(`<table><thead><tr><th>License count</th><th>Price</th><th>Subscription</th></tr></thead>
      <tbody><tr><td>25</td><td>12</td><td>Microsoft 365 Business Premium</td></tr><tr><td>2</td><td>5</td><td>Microsoft 365 E3</td></tr></tbody></table>`)).toEqual([
      { name: 'Microsoft 365 Business Premium', licenses: 25 },
      { name: 'Microsoft 365 E3', licenses: 2 },
    ]);
  });

  it('reads a headed table after a subscriptions heading, the name being the first other column', () => {
    expect(summaryOf(`<h4>Abonnements</h4><table><tr><th>Produit</th><th>Quantité</th></tr><tr><td>Microsoft 365 F3</td><td>40</td></tr></table>`)).toEqual([
      { name: 'Microsoft 365 F3', licenses: 40 },
    ]);
  });

  it('reads two-column label/value rows: several lines in one cell, or a count row after each subscription', () => {
    expect(summaryOf(`<table><tr><th>Partner office</th><td>Contoso</td></tr><tr><th>Subscriptions</th><td>Microsoft 365 Business Premium (25)<br>Microsoft Defender for Business (10 licences)</td></tr>
      <tr><th>Delegated administration</th><td>Yes</td></tr></table>`)).toEqual([
      { name: 'Microsoft 365 Business Premium', licenses: 25 },
      { name: 'Microsoft Defender for Business', licenses: 10 },
    ]);
    expect(summaryOf(`<table><tr><th>Subscription</th><td>Microsoft 365 Business Basic</td></tr><tr><th>Number of licenses</th><td>25</td></tr>
      <tr><th>Subscription</th><td>Microsoft 365 E5</td></tr><tr><th>Number of licenses</th><td>3</td></tr><tr><th>Created on</th><td>29/11/2026</td></tr></table>`)).toEqual([
      { name: 'Microsoft 365 Business Basic', licenses: 25 },
      { name: 'Microsoft 365 E5', licenses: 3 },
    ]);
  });

  it('reads definition lists: descriptions after the label, or subscriptions as terms with their counts', () => {
    expect(summaryOf(`<dl><dt>Subscriptions</dt><dd>Microsoft 365 Business Basic (5)</dd><dd>Microsoft 365 E3 — 12 licenses</dd><dt>Usage location</dt><dd>France</dd></dl>`)).toEqual([
      { name: 'Microsoft 365 Business Basic', licenses: 5 },
      { name: 'Microsoft 365 E3', licenses: 12 },
    ]);
    expect(summaryOf(`<dl><dt>Subscriptions</dt><dd><dl><dt>Microsoft 365 Business Basic</dt><dd>5 licenses</dd><dt>Microsoft 365 E3</dt><dd>12 licenses</dd></dl></dd></dl>`)).toEqual([
      { name: 'Microsoft 365 Business Basic', licenses: 5 },
      { name: 'Microsoft 365 E3', licenses: 12 },
    ]);
    expect(summaryOf(`<dl><dt>Subscription</dt><dd>Microsoft 365 Business Basic</dd><dt>Number of licenses</dt><dd>7</dd><dt>Created on</dt><dd>Today</dd></dl>`)).toEqual([
      { name: 'Microsoft 365 Business Basic', licenses: 7 },
    ]);
  });

  it('reads inline forms in French, Spanish and German', () => {
    expect(summaryOf(`<div><span>Abonnements</span></div><div><p>Microsoft 365 Business Premium</p><p>Nombre de licences : 25</p></div><div><p>Microsoft 365 Apps for business (3 licences)</p></div>`)).toEqual([
      { name: 'Microsoft 365 Business Premium', licenses: 25 },
      { name: 'Microsoft 365 Apps for business', licenses: 3 },
    ]);
    expect(summaryOf(`<p>Suscripciones: Microsoft 365 Empresa Estándar (10 licencias)</p><p>Administración delegada: Sí</p>`)).toEqual([
      { name: 'Microsoft 365 Empresa Estándar', licenses: 10 },
    ]);
    expect(summaryOf(`<h3>Abonnements</h3><ul><li>Microsoft 365 Business Standard, Anzahl der Lizenzen: 15</li></ul>`)).toEqual([
      { name: 'Microsoft 365 Business Standard', licenses: 15 },
    ]);
  });

  it('reads a summary inside nested shadow roots, slotted text included', () => {
    renderInBody(`<x-page><template shadowrootmode="open"><x-card><template shadowrootmode="open">
      <x-field><template shadowrootmode="open"><h3><slot name="label"></slot></h3><slot></slot></template>
        <span slot="label">Subscriptions</span><x-item>Microsoft 365 Business Premium (25)</x-item><x-item>Exchange Online Plan 1 (2 licenses)</x-item>
      </x-field></template></x-card></template></x-page>`);
    expect(extractSubscriptionSummary(document)).toEqual([
      { name: 'Microsoft 365 Business Premium', licenses: 25 },
      { name: 'Exchange Online Plan 1', licenses: 2 },
    ]);
  });
});

describe('extractSubscriptionSummary refuses what it cannot read', () => {
  it('keeps a subscription without a count as null, never guessing one from its name', () => {
    expect(summaryOf(`<h3>Subscriptions</h3><ul><li>Exchange Online (Plan 1)</li><li>Microsoft 365 E3</li><li>Microsoft Intune Plan 2 - 2024</li><li>Microsoft 365 Business Basic (10.5)</li></ul>`)).toEqual([
      { name: 'Exchange Online (Plan 1)', licenses: null },
      { name: 'Microsoft 365 E3', licenses: null },
      { name: 'Microsoft Intune Plan 2 - 2024', licenses: null },
      { name: 'Microsoft 365 Business Basic (10.5)', licenses: null },
    ]);
  });

  it('strips markup, drops over-long names and prices, caps the list, and reads each subscription once', () => {
    const many = Array.from({ length: 130 }, (_, i) => `<li>Plan ${i} (1)</li>`).join('');
    expect(summaryOf(`<h3>Subscriptions</h3><ul><li>&lt;img src=x onerror=alert(1)&gt;Plan &lt;b&gt;A&lt;/b&gt; (2)</li><li>${'x'.repeat(300)} (4)</li>
      <li>$12.00 per user/month</li><li>plan a (9)</li><li>Plan\u202E B\u200B (3)</li></ul>`)).toEqual([
      { name: 'Plan A', licenses: 2 },
      { name: 'Plan B', licenses: 3 },
    ]);
    expect(summaryOf(`<h3>Subscriptions</h3><ul>${many}</ul>`)).toHaveLength(100);
  });

  it('reads nothing from placeholders, navigation, links or a page without a summary', () => {
    expect(summaryOf('<h3>Subscriptions</h3><ul><li>Loading…</li><li>—</li></ul>')).toEqual([]);
    expect(summaryOf('<nav><ul><li>Subscriptions</li><li>Customers</li><li>Billing</li></ul></nav><a href="/s">Subscriptions</a><p>Partner Center</p>')).toEqual([]);
    expect(summaryOf('<h3>Subscriptions</h3><h3>Delegated administration</h3><p>Yes</p>')).toEqual([]);
    expect(extractSubscriptionSummary(loadFixture(FIXTURES.resultPurchaseEn))).toEqual([]);
  });

  it('gives up on a page repeating the label at length', () => {
    const decoys = (count: number) => '<dt>Subscriptions</dt><dd>—</dd>'.repeat(count);
    expect(summaryOf(`<dl>${decoys(19)}</dl><h3>Subscriptions</h3><p>Microsoft 365 E3 (1)</p>`)).toEqual([{ name: 'Microsoft 365 E3', licenses: 1 }]);
    expect(summaryOf(`<dl>${decoys(25)}</dl><h3>Subscriptions</h3><p>Microsoft 365 E3 (1)</p>`)).toEqual([]);
  });

  it('stops at the next field of the summary', () => {
    expect(summaryOf(`<section><h3>Subscriptions</h3><p>Microsoft 365 Business Basic (1)</p></section><section><p>Usage location: France</p><p>Canada</p></section>`)).toEqual([
      { name: 'Microsoft 365 Business Basic', licenses: 1 },
    ]);
  });
});

describe('result pages read on their own', () => {
  it.each([
    [FIXTURES.resultSummaryListEn, {
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=aa11c2d3-0001-4e5f-8a9b-0c1d2e3f4a01&msppid=4227825',
      summaryId: 'PO-LIST-0001', partnerOffice: 'Contoso UK - London', usageLocation: 'Canada', delegatedAdmin: false,
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }, { name: 'Microsoft Defender for Business', licenses: 10 }],
    }],
    [FIXTURES.resultSummaryTableFr, {
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=aa11c2d3-0002-4e5f-8a9b-0c1d2e3f4a02&msppid=5120331',
      summaryId: 'PO-TABLE-0002', partnerOffice: 'Fabrikam Conseil – Lyon', usageLocation: 'Belgique', delegatedAdmin: true,
      subscriptions: [{ name: 'Microsoft 365 Business Standard', licenses: 1200 }, { name: 'Microsoft Teams Essentials', licenses: 8 }, { name: 'Exchange Online (Plan 1)', licenses: null }],
    }],
    [FIXTURES.resultSummaryDlEn, {
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=aa11c2d3-0003-4e5f-8a9b-0c1d2e3f4a03&msppid=4227824',
      summaryId: 'PO-DL-0003', partnerOffice: 'Contoso France - Paris', usageLocation: 'France', delegatedAdmin: true,
      subscriptions: [{ name: 'Microsoft 365 Business Basic', licenses: 5 }, { name: 'Microsoft 365 E3', licenses: 12 }, { name: 'Exchange Online (Plan 1)', licenses: null }],
    }],
    [FIXTURES.resultSummaryInlineFr, {
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=aa11c2d3-0004-4e5f-8a9b-0c1d2e3f4a04&msppId=5120331',
      summaryId: 'PO-INLINE-0004', partnerOffice: 'Fabrikam Conseil – Lyon', usageLocation: 'Suisse', delegatedAdmin: false,
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 25 }, { name: 'Microsoft 365 Apps for business', licenses: 3 }],
    }],
    [FIXTURES.resultSummaryShadowEn, {
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=aa11c2d3-0005-4e5f-8a9b-0c1d2e3f4a05&msppid=4227824',
      summaryId: 'Q-SHADOW-0005', usageLocation: 'Germany', delegatedAdmin: true,
      subscriptions: [{ name: 'Microsoft 365 Business Premium', licenses: 40 }, { name: 'Microsoft Intune Plan 1', licenses: 7 }],
    }],
    [FIXTURES.resultSummaryTrialDe, {
      url: 'https://portal.office.com/partner/partnersignup.aspx?type=Trial&id=aa11c2d3-0006-4e5f-8a9b-0c1d2e3f4a06&msppid=7086220',
      summaryId: 'TI-DE-0006', partnerOffice: 'Contoso Deutschland - München', usageLocation: 'Österreich', delegatedAdmin: false,
      subscriptions: [{ name: 'Microsoft 365 Business Premium Testversion', licenses: 25 }],
    }],
  ])('%s', (file, expected) => {
    const { draft } = captureFromPage(loadFixture(file));
    // Read on its own, a result page gives every field it has; each then replaces older captures.
    const shownOnResultPage = RESULT_PAGE_FIELDS.filter((field) => field in expected);
    expect(draft).toEqual({ ...expected, shownOnResultPage, source: 'auto' });
    expect(CapturedDraft.safeParse(draft).success).toBe(true);
  });

  it('reads the other fields from a header-row table and from text after a bold label', () => {
    renderInBody(`<table><tr><th>Partner office</th><th>Usage location</th><th>Delegated administration</th></tr><tr><td>Contoso</td><td>Canada</td><td>No</td></tr></table>
      <ul><li><b>Summary ID</b> PO-42</li></ul>`);
    expect(extractShownDetails(document)).toEqual({ summaryId: 'PO-42', partnerOffice: 'Contoso', usageLocation: 'Canada', delegatedAdmin: false });
  });
});

describe('merging the result page with the options step', () => {
  // What the English options step reads (Paris, France, Basic x 25, Defender x 10, delegated admin).
  const options: OptionsSnapshot = extractOptions(loadFixture(FIXTURES.optionsPurchaseEn));

  it('lets the result page win field by field, and keeps what it does not show', () => {
    renderInBody(`<h1>Send</h1><p>${offerUrl(QUOTE)}</p><dl><dt>Usage location</dt><dd>Canada</dd>
      <dt>Subscriptions</dt><dd>Microsoft 365 Business Premium (30)</dd><dd>microsoft defender for business</dd></dl>`);
    expect(captureFromPage(document, options).draft).toEqual({
      url: offerUrl(QUOTE).replaceAll('&amp;', '&'),
      partnerOffice: 'Contoso France - Paris',
      usageLocation: 'Canada',
      subscriptions: [
        { name: 'Microsoft 365 Business Premium', licenses: 30 },
        { name: 'microsoft defender for business', licenses: 10 },
      ],
      delegatedAdmin: true,
      shownOnResultPage: ['usageLocation', 'subscriptions'],
      source: 'auto',
    });
  });

  it('keeps the options step subscriptions when the result page lists none', () => {
    expect(mergeSubscriptions(undefined, options.subscriptions)).toBe(options.subscriptions);
    expect(mergeSubscriptions([], options.subscriptions)).toBe(options.subscriptions);
    expect(mergeSubscriptions([{ name: 'Plan', licenses: null }], undefined)).toEqual([{ name: 'Plan', licenses: null }]);
    expect(mergeSubscriptions([{ name: 'Plan', licenses: 3 }], [{ name: 'plan', licenses: 9 }])).toEqual([{ name: 'Plan', licenses: 3 }]);
  });
});
