import { describe, expect, it, vi } from 'vitest';
import { createGrantBook } from '../messaging/grants';
import { memoryArea } from '@/test/unit/memory-area';
import type { Handlers } from '../messaging/protocol';
import { makeOffer } from '@/test/unit/offer-factory';
import { composeOpenInTab, createWebmailHandlers as createHandlers, openPickerForCommand, type TabsApi } from './routing';

const TOKEN = '0b5f8a4e-4b1c-4a53-9a6e-2f1f1d5f1c11';
const MESSAGE = { html: '<p>x</p>', text: 'x', subject: 'S', link: 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=1&msppid=2' };

function fakeTabs(active: { id?: number; url?: string } | undefined, answer: (tabId: number, message: unknown) => unknown): TabsApi & { sent: [number, unknown][] } {
  const sent: [number, unknown][] = [];
  return {
    sent,
    query: async () => (active ? [active] : []),
    sendMessage: async (tabId, message) => {
      sent.push([tabId, message]);
      const result = answer(tabId, message);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

const ignoreRecords: Handlers['offers.recordCompose'] = () => Promise.reject(new Error('no record expected'));
const createWebmailHandlers = (tabs: TabsApi, recordCompose = ignoreRecords) => createHandlers(tabs, createGrantBook(memoryArea()), recordCompose);

describe('webmail routing', () => {
  it('opens the picker in the active webmail tab and reports a missing compose window', async () => {
    const tabs = fakeTabs({ id: 4, url: 'https://mail.google.com/mail/u/0/' }, () => ({ opened: true }));
    expect(await createWebmailHandlers(tabs)['webmail.openPickerInActiveTab']({ type: 'webmail.openPickerInActiveTab' })).toEqual({ opened: true });
    expect(tabs.sent).toEqual([[4, { type: 'webmail.open' }]]);
    const none = fakeTabs({ id: 4, url: 'https://outlook.office.com/mail/' }, () => new Error('Receiving end does not exist.'));
    expect(await createWebmailHandlers(none)['webmail.openPickerInActiveTab']({ type: 'webmail.openPickerInActiveTab' })).toEqual({ opened: false, reason: 'no-compose' });
  });

  it('asks a tab whether it holds a compose window; silence or an odd answer means no', async () => {
    const open = fakeTabs(undefined, () => ({ composeOpen: true }));
    expect(await composeOpenInTab(open, 6)).toBe(true);
    expect(open.sent).toEqual([[6, { type: 'webmail.composeOpen' }]]);
    expect(await composeOpenInTab(fakeTabs(undefined, () => new Error('Receiving end does not exist.')), 6)).toBe(false);
    expect(await composeOpenInTab(fakeTabs(undefined, () => undefined), 6)).toBe(false);
    expect(await composeOpenInTab(fakeTabs(undefined, () => ({ composeOpen: 'yes' })), 6)).toBe(false);
  });

  it('does not message tabs that are not webmail', async () => {
    for (const active of [undefined, { id: 2 }, { id: 2, url: 'https://example.com/' }, { id: 2, url: 'http://mail.google.com/' }]) {
      const tabs = fakeTabs(active, () => ({ opened: true }));
      expect(await createWebmailHandlers(tabs)['webmail.openPickerInActiveTab']({ type: 'webmail.openPickerInActiveTab' })).toEqual({ opened: false, reason: 'no-webmail-tab' });
      expect(tabs.sent).toEqual([]);
    }
  });

  it("delivers the picker's message only to the picker's own tab", async () => {
    const tabs = fakeTabs(undefined, () => ({ outcome: 'inserted' }));
    const handlers = createWebmailHandlers(tabs);
    const request = { type: 'webmail.deliver' as const, token: TOKEN, offerId: 'o1', message: MESSAGE };
    expect(await handlers['webmail.deliver'](request, { id: 'ext', tab: { id: 9 } })).toEqual({ outcome: 'inserted' });
    expect(tabs.sent).toEqual([[9, { type: 'webmail.insert', token: TOKEN, message: MESSAGE }]]);
    await expect(handlers['webmail.deliver'](request, { id: 'ext' })).rejects.toThrow(/Only the offer picker/);
  });

  it('turns odd or missing answers into a failure', async () => {
    const request = { type: 'webmail.deliver' as const, token: TOKEN, offerId: 'o1', message: MESSAGE };
    expect(await createWebmailHandlers(fakeTabs(undefined, () => ({ outcome: 'weird' })))['webmail.deliver'](request, { tab: { id: 1 } })).toEqual({ outcome: 'failed' });
    expect(await createWebmailHandlers(fakeTabs(undefined, () => new Error('gone')))['webmail.deliver'](request, { tab: { id: 1 } })).toEqual({ outcome: 'failed' });
    expect(await createWebmailHandlers(fakeTabs(undefined, () => ({ outcome: 'copied' })))['webmail.deliver'](request, { tab: { id: 1 } })).toEqual({ outcome: 'copied' });
  });

  it('closes the picker in its tab', async () => {
    const tabs = fakeTabs(undefined, () => ({ closed: true }));
    expect(await createWebmailHandlers(tabs)['webmail.closePicker']({ type: 'webmail.closePicker', token: TOKEN }, { tab: { id: 3 } })).toEqual({ closed: true });
    expect(tabs.sent).toEqual([[3, { type: 'webmail.close', token: TOKEN }]]);
  });

  it('sends the command to the tab it came from, else the active tab', async () => {
    const tabs = fakeTabs({ id: 5 }, () => ({ opened: true }));
    await openPickerForCommand(tabs, 8);
    await openPickerForCommand(tabs, undefined);
    expect(tabs.sent.map(([tabId]) => tabId)).toEqual([8, 5]);
  });

  it("records one draft and one send of the delivered offer, from the picker's tab, named by the picker's token", async () => {
    const recordCompose = vi.fn<Handlers['offers.recordCompose']>(async ({ id }) => ({ offer: makeOffer(1, { id }) }));
    const at = '2026-11-29T10:00:00.000Z';
    const draft = { kind: 'draft' as const, provider: 'gmail' as const, recipients: [{ email: 'zoe@example.com' }], at };
    const record = (token: string, tabId: number, event: { kind: 'draft' | 'send'; at: string } = draft) =>
      handlers['webmail.recordCompose']({ type: 'webmail.recordCompose', token, event: { ...draft, ...event } }, { tab: { id: tabId } });
    // The content script records the draft while the background still waits for its answer to the delivery.
    const tabs = fakeTabs(undefined, () => record(TOKEN, 9).then(() => ({ outcome: 'inserted' })));
    const handlers = createWebmailHandlers(tabs, recordCompose);
    await handlers['webmail.deliver']({ type: 'webmail.deliver', token: TOKEN, offerId: 'o7', message: MESSAGE }, { tab: { id: 9 } });
    expect(recordCompose).toHaveBeenCalledExactlyOnceWith({ type: 'offers.recordCompose', id: 'o7', event: draft });
    // A retry of the same draft is accepted (the store records it once), and so is one send...
    await record(TOKEN, 9);
    const sendAt = '2026-11-29T10:05:00.000Z';
    await record(TOKEN, 9, { kind: 'send', at: sendAt });
    await record(TOKEN, 9, { kind: 'send', at: sendAt });
    expect(recordCompose).toHaveBeenCalledTimes(4);
    // ...another draft or send, another tab or a token no picker delivered to is not.
    await expect(record(TOKEN, 9, { kind: 'draft', at: sendAt })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(record(TOKEN, 9, { kind: 'send', at: '2026-11-29T10:06:00.000Z' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(record(TOKEN, 8)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(record('11111111-2222-4333-8444-555555555555', 9)).rejects.toMatchObject({ code: 'forbidden' });
    expect(recordCompose).toHaveBeenCalledTimes(4);
  });
});
