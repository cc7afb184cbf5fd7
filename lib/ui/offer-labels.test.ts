import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeCustomer, makeOffer } from '../../test/unit/offer-factory';
import { customerSummary, customersLabel } from './offer-labels';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join('|'));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
});
afterEach(() => vi.restoreAllMocks());

const withCompanies = (...companies: string[]) =>
  makeOffer(1, { customers: companies.map((company, i) => makeCustomer(`c${i}`, { company }, '2026-01-01T00:00:00.000Z', i === 0 ? 'accepted' : 'sent')) });

it('counts the customers left out of a cell in the form their number asks for', () => {
  expect(customersLabel(withCompanies('Contoso', 'Fabrikam'))).toBe('Contoso, Fabrikam');
  expect(customersLabel(withCompanies('Contoso', 'Fabrikam', 'Northwind'))).toBe('Contoso, Fabrikam customers_more_one|1');
  expect(customersLabel(withCompanies('Contoso', 'Fabrikam', 'Northwind', 'Tailspin'))).toBe('Contoso, Fabrikam customers_more_other|2');
});

it('sums an offer’s customers up with the singular for one, the plural for more, and says when there is none', () => {
  expect(customerSummary(withCompanies('Contoso'))).toBe('customers_summary_one|1|customers_countAt|1|status_accepted');
  expect(customerSummary(withCompanies('Contoso', 'Fabrikam'))).toMatch(/^customers_summary_other\|2\|/);
  expect(customerSummary(makeOffer(1, { customers: [] }))).toBe('customers_none');
});
