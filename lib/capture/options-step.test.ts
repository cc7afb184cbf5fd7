// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import { extractOptions } from './options-step';

beforeEach(() => {
  document.body.replaceChildren();
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
