// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import { detailsFromText, extractResult, extractShownDetails, findOfferUrlIn, offerUrlsOf } from './result-page';

const PURCHASE = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';

beforeEach(() => {
  document.body.replaceChildren();
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

describe('offerUrlsOf', () => {
  it('prefers the shown text over the href, which the browser normalises', () => {
    renderInBody(`<a id="a" href="${PURCHASE.toLowerCase()}">${PURCHASE.replaceAll('&', '&amp;')}</a>`);
    expect(offerUrlsOf(document.querySelector('#a') as Element)[0]?.url).toBe(PURCHASE);
  });

  it('reads field values, copy-button data and hrefs', () => {
    renderInBody(`<input id="i"><button id="b" data-clipboard-text="${PURCHASE.replaceAll('&', '&amp;')}">Copy</button><a id="a" href="${PURCHASE.replaceAll('&', '&amp;')}">link</a><p id="p">none</p>`);
    (document.querySelector('#i') as HTMLInputElement).value = PURCHASE;
    expect(['#i', '#b', '#a', '#p'].map((id) => offerUrlsOf(document.querySelector(id) as Element).length)).toEqual([1, 1, 1, 0]);
  });
});

describe('findOfferUrlIn', () => {
  it('skips URLs in scripts, which the page does not show', () => {
    renderInBody(`<script>var offer = "${PURCHASE}";</script><p>nothing shown</p>`);
    expect(findOfferUrlIn(document)).toBeNull();
  });

  it('prefers text, then field values, then attributes', () => {
    const other = PURCHASE.replace('823604c2', '99999999');
    renderInBody(`<a href="${other.replaceAll('&', '&amp;')}">link</a><input value="${other.replaceAll('&', '&amp;')}"><p>${PURCHASE.replaceAll('&', '&amp;')}</p>`);
    expect(findOfferUrlIn(document)?.url).toBe(PURCHASE);
  });
});
