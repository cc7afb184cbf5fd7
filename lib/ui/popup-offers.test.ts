import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeCustomer, makeOffer } from '@/test/unit/offer-factory';
import { compactCustomers, customersToAccept, replaceOffer } from './popup-offers';

beforeEach(() => {
  fakeBrowser.reset();
  // The message key stands for the text; its substitutions follow it.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(' '));
});

describe('popup rows', () => {
  it('name the first customer and count the others', () => {
    const contoso = makeCustomer('a', { company: 'Contoso', name: 'Ann' });
    const bob = makeCustomer('b', { email: 'bob@fabrikam.example' });
    const nobody = makeCustomer('c', {});
    expect(compactCustomers({ customers: [] })).toBe('');
    expect(compactCustomers({ customers: [contoso] })).toBe('Contoso');
    expect(compactCustomers({ customers: [bob, contoso, nobody] })).toBe('popup_customersCompact bob@fabrikam.example 2');
    expect(compactCustomers({ customers: [nobody] })).toBe('customers_unnamed');
  });

  it('offer "Mark accepted" for customers still awaiting an answer, a few at most', () => {
    const customers = [
      makeCustomer('p', { name: 'P' }),
      makeCustomer('d', { name: 'D' }, undefined, 'drafted'),
      makeCustomer('a', { name: 'A' }, undefined, 'accepted'),
      makeCustomer('x', { name: 'X' }, undefined, 'declined'),
      makeCustomer('s', { name: 'S' }, undefined, 'sent'),
      makeCustomer('s2', { name: 'S2' }, undefined, 'sent'),
    ];
    expect(customersToAccept({ customers }).map((customer) => customer.id)).toEqual(['p', 'd', 's']);
    expect(customersToAccept({ customers: customers.filter((customer) => customer.status !== 'pending' && customer.status !== 'drafted' && customer.status !== 'sent') })).toEqual([]);
  });

  it('put a changed offer back in its place', () => {
    const [one, two] = [makeOffer(1), makeOffer(2)];
    const changed = { ...two, notes: 'changed' };
    expect(replaceOffer([one, two], changed)).toEqual([one, changed]);
    expect(replaceOffer([one], changed)).toEqual([one]);
  });
});
