// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setPendingFollowUp, clearPendingFollowUp } from '@/lib/offers/follow-up';
import type { Offer } from '@/lib/offers/schema';
import { MessagingError } from '@/lib/messaging/protocol';
import { makeOffer } from '@/test/unit/offer-factory';
import { OfferDetails } from './OfferDetails';

/** The background, as the details pane reaches it: one answer per message type. */
const background = vi.hoisted(() => ({ answer: (_message: { type: string; id?: string }): Promise<unknown> => Promise.reject(new Error('no answer')) }));
vi.mock('@/lib/messaging/client', () => ({ sendMessage: (message: { type: string }) => background.answer(message) }));

const root = document.createElement('div');
document.body.append(root);

beforeEach(() => {
  fakeBrowser.reset();
  // The message key stands for the text; its substitutions follow it.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(' '));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
});
afterEach(async () => {
  await act(() => render(null, root));
  vi.restoreAllMocks();
});

async function show(offer: Offer) {
  await act(() =>
    render(<OfferDetails offerId={offer.id} onChanged={() => undefined} onDeleted={() => undefined} onOpen={{ open: () => undefined, href: (id) => `#${id}` }} onClose={() => undefined} />, root),
  );
}

/** Types into a field and leaves it, which saves at once. */
async function type(selector: string, value: string) {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => void field.dispatchEvent(new Event('blur')));
  await settle();
}

/** Lets pending answers and storage events reach the component. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('OfferDetails', () => {
  it('says why the offer could not be loaded instead of staying busy', async () => {
    background.answer = () => Promise.reject(new Error('background gone'));
    await show(makeOffer(1));
    await settle();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('background gone');
    expect(root.querySelector('aside')?.getAttribute('aria-busy')).toBe('false');
  });

  it('keeps notes typed while a status change was on its way', async () => {
    const offer = makeOffer(1, { notes: 'stored' });
    let statusAnswer!: (answer: { offer: Offer }) => void;
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer });
      if (message.type === 'offers.setStatus') return new Promise((resolve) => (statusAnswer = resolve));
      return new Promise(() => undefined);
    };
    await show(offer);
    await settle();
    const accepted = [...root.querySelectorAll<HTMLButtonElement>('[role=group] button')].find((b) => b.textContent === 'status_accepted')!;
    await act(() => accepted.click());
    const notes = root.querySelector<HTMLTextAreaElement>('#notes')!;
    await act(() => {
      notes.value = 'stored, then typed';
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    statusAnswer({ offer: { ...offer, status: 'accepted', statusHistory: [...offer.statusHistory, { status: 'accepted', at: offer.createdAt }] } });
    await settle();
    expect(root.querySelector<HTMLTextAreaElement>('#notes')!.value).toBe('stored, then typed');
    expect(root.querySelectorAll('.timeline li')).toHaveLength(2);
    expect(accepted.getAttribute('aria-pressed')).toBe('true');
  });

  it('sends only the field typed in, with the text it was edited from', async () => {
    const offer = makeOffer(1, { notes: 'stored', customer: { name: 'Émilie', email: 'old@contoso.example' } });
    const updates: unknown[] = [];
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer });
      updates.push(message);
      return Promise.resolve({ offer: { ...offer, customer: { ...offer.customer, email: 'new@contoso.example' } } });
    };
    await show(offer);
    await settle();
    await type('#customer-email', 'new@contoso.example');
    expect(updates).toEqual([
      { type: 'offers.update', id: offer.id, patch: { customer: { email: 'new@contoso.example' } }, expected: { customer: { email: 'old@contoso.example' } } },
    ]);
  });

  it('refuses a stale edit with a Reload that shows the stored offer and keeps the refused text to copy', async () => {
    let stored = makeOffer(1, { notes: 'stored' });
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer: stored });
      return Promise.reject(new MessagingError('stale', 'changed since'));
    };
    await show(stored);
    await settle();
    stored = { ...stored, notes: 'from the other window' };
    await type('#notes', 'typed here');
    const alert = root.querySelector('.conflict[role=alert]')!;
    expect(alert.textContent).toContain('error_stale');
    expect(root.querySelector('.save-state')?.textContent).toBe('');
    const reload = [...alert.querySelectorAll('button')].find((b) => b.textContent === 'history_reloadOffer')!;
    await act(() => reload.click());
    await settle();
    expect(root.querySelector<HTMLTextAreaElement>('#notes')!.value).toBe('from the other window');
    expect(root.querySelector<HTMLTextAreaElement>('#unsaved-notes')!.value).toBe('typed here');
    expect(root.querySelector('.conflict')?.textContent).not.toContain('error_stale');
  });

  it('shows the follow-up mark of a trial as storage changes, from this page or another', async () => {
    const trial = makeOffer(3, { kind: 'trial' });
    background.answer = () => Promise.resolve({ offer: trial });
    await show(trial);
    await settle();
    const followUp = () => root.querySelector('.danger-zone button[aria-pressed]');
    expect(followUp()?.getAttribute('aria-pressed')).toBe('false');
    await act(() => setPendingFollowUp(fakeBrowser.storage.local, trial.id));
    await settle();
    expect(followUp()?.getAttribute('aria-pressed')).toBe('true');
    expect(root.textContent).toContain('history_followUpWaiting');
    await act(() => clearPendingFollowUp(fakeBrowser.storage.local));
    await settle();
    expect(followUp()?.getAttribute('aria-pressed')).toBe('false');
  });
});
