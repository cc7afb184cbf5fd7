// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { CapturedDraft } from '../offers/schema';
import { FIXTURES, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import { captureFromCopy, captureFromPage } from './capture';
import type { OptionsSnapshot } from './options-step';

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
  document.body.replaceChildren();
});

/** Makes reading one property of one node throw, as a half-built or hostile tree can. */
function throwOnRead(node: Node, property: 'shadowRoot' | 'childNodes', message: string): void {
  Object.defineProperty(node, property, {
    get(): never {
      throw new Error(message);
    },
  });
}

describe('captureFromPage', () => {
  it('saves every detail of the English result page', () => {
    expect(captureFromPage(loadFixture(FIXTURES.resultPurchaseEn))).toEqual({
      draft: {
        url: PURCHASE,
        summaryId: 'PO-4K7Q-22XM',
        partnerOffice: 'Contoso France - Paris',
        usageLocation: 'France',
        delegatedAdmin: true,
        shownOnResultPage: ['partnerOffice', 'usageLocation', 'delegatedAdmin'],
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

  it('saves nothing from a page whose only offer-like links lead elsewhere', () => {
    const page = loadFixture(FIXTURES.resultLookalikeLinksEn);
    expect(captureFromPage(page)).toEqual({ draft: null, reason: 'no-offer-url' });
    expect(captureFromCopy(page, page.body.textContent ?? '')).toEqual({ draft: null, reason: 'no-offer-url' });
  });

  it('finds a genuine offer link on an unfamiliar layout in another language, past look-alikes', () => {
    const { draft } = captureFromPage(loadFixture(FIXTURES.resultUnfamiliarEs));
    expect(draft).toMatchObject({
      url: 'https://Portal.Office.COM/Partner/PartnerSignup.aspx?MsppId=4227824&Id=6f2b8d41-7c3e-4a95-b0d6-2e8f1a4c7b59&TYPE=trial',
      source: 'auto',
    });
  });

  it('never throws, even when what it is given does, and says what threw', () => {
    const throwing = {
      kind: null,
      get subscriptions(): never {
        throw new Error('hostile');
      },
      delegatedAdmin: null,
    } as unknown as OptionsSnapshot;
    expect(captureFromPage(loadFixture(FIXTURES.resultPurchaseEn), throwing)).toEqual({ draft: null, reason: 'extraction-failed', detail: 'hostile' });
    expect(captureFromPage({} as Document)).toMatchObject({ draft: null, reason: 'extraction-failed', detail: expect.any(String) });
  });

  it('reports a page that throws while the offer link is looked for as unreadable, not as showing no link', () => {
    const doc = loadFixture(FIXTURES.resultPurchaseEn);
    throwOnRead(doc.body, 'shadowRoot', 'shadow root gone');
    expect(captureFromPage(doc)).toEqual({ draft: null, reason: 'extraction-failed', detail: 'shadow root gone' });
  });

  it('saves the offer link alone when the summary throws while it is read, never the part read before', () => {
    renderInBody(`<p>${PURCHASE.replaceAll('&', '&amp;')}</p><h2>Subscriptions</h2><ul><li>Microsoft 365 Business Basic</li><li id="broken">Teams</li></ul>`);
    throwOnRead(document.querySelector('#broken')!, 'childNodes', 'node detached');
    expect(captureFromPage(document)).toEqual({ draft: { url: PURCHASE, source: 'auto' } });
  });

  it('always yields a draft the schema accepts', () => {
    for (const file of Object.values(FIXTURES)) {
      const { draft } = captureFromPage(loadFixture(file), rememberedPurchase);
      if (draft) expect(CapturedDraft.safeParse(draft).success).toBe(true);
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

  it('reports a page that throws while it is read, with the error', () => {
    const doc = loadFixture(FIXTURES.resultPurchaseEn);
    throwOnRead(doc.body, 'shadowRoot', 'shadow root gone');
    expect(captureFromCopy(doc, PURCHASE)).toEqual({ draft: null, reason: 'extraction-failed', detail: 'shadow root gone' });
  });
});
