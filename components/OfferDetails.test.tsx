// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Offer } from '@/lib/offers/schema';
import { MessagingError } from '@/lib/messaging/protocol';
import { makeOffer } from '@/test/unit/offer-factory';
import { OfferDetails } from './OfferDetails';

/** The background, as the details pane reaches it: one answer per message type. */
const background = vi.hoisted(() => ({ answer: (_message: { type: string; id?: string }): Promise<unknown> => Promise.reject(new Error('no answer')) }));
/** An offer linked to nothing, as the background answers `offers.linked` for it. */
const UNLINKED = { followUpOf: null, followedUpBy: [], replaces: null, replacedBy: null };
vi.mock('@/lib/messaging/client', () => ({
  sendMessage: (message: { type: string }) => (message.type === 'offers.linked' ? Promise.resolve(UNLINKED) : background.answer(message)),
}));

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

async function show(offer: Offer, bulkChanges = 0) {
  await act(() =>
    render(
      <OfferDetails
        offerId={offer.id}
        onChanged={() => undefined}
        onDeleted={() => undefined}
        onOpen={{ open: () => undefined, href: (id) => `#${id}` }}
        onClose={() => undefined}
        bulkChanges={bulkChanges}
      />,
      root,
    ),
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

  it('keeps notes typed while a customer’s status change was on its way', async () => {
    const offer = makeOffer(1, { notes: 'stored' });
    const [customer] = offer.customers;
    let statusAnswer!: (answer: { offer: Offer }) => void;
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer });
      if (message.type === 'offers.armedNext') return Promise.resolve({ armed: null });
      if (message.type === 'offers.setCustomerStatus') return new Promise((resolve) => (statusAnswer = resolve));
      return new Promise(() => undefined);
    };
    await show(offer);
    await settle();
    const select = root.querySelector<HTMLSelectElement>(`#customer-${customer!.id}-status`)!;
    await act(() => {
      select.value = 'accepted';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const notes = root.querySelector<HTMLTextAreaElement>('#notes')!;
    await act(() => {
      notes.value = 'stored, then typed';
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    statusAnswer({
      offer: { ...offer, customers: [{ ...customer!, status: 'accepted', history: [...customer!.history, { status: 'accepted', at: offer.createdAt }] }] },
    });
    await settle();
    expect(root.querySelector<HTMLTextAreaElement>('#notes')!.value).toBe('stored, then typed');
    expect(root.querySelectorAll('.customer-card .timeline li')).toHaveLength(2);
    expect(root.querySelector('[data-testid=customer-summary]')?.textContent).toBe('customers_summary_one 1 customers_countAt 1 status_accepted');
  });

  it('sends only the notes typed, with the text they were edited from', async () => {
    const offer = makeOffer(1, { notes: 'stored' });
    const updates: unknown[] = [];
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer });
      if (message.type === 'offers.armedNext') return Promise.resolve({ armed: null });
      updates.push(message);
      return Promise.resolve({ offer: { ...offer, notes: 'typed' } });
    };
    await show(offer);
    await settle();
    await type('#notes', 'typed');
    expect(updates).toEqual([{ type: 'offers.update', id: offer.id, patch: { notes: 'typed' }, expected: { notes: 'stored' } }]);
  });

  it('refuses a stale edit with a Reload that shows the stored offer and keeps the refused text to copy', async () => {
    let stored = makeOffer(1, { notes: 'stored' });
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer: stored });
      if (message.type === 'offers.armedNext') return Promise.resolve({ armed: null });
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

  it('arms the next purchase offer to follow up a trial, as the background keeps the mark', async () => {
    const trial = makeOffer(3, { kind: 'trial' });
    let armed: unknown = null;
    const sent: string[] = [];
    background.answer = (message) => {
      sent.push(message.type);
      if (message.type === 'offers.get') return Promise.resolve({ offer: trial });
      if (message.type === 'offers.armNext') armed = { offerId: trial.id, link: 'follow-up', withdraw: true, at: trial.createdAt };
      if (message.type === 'offers.disarmNext') armed = null;
      return Promise.resolve({ armed });
    };
    await show(trial);
    await settle();
    const followUp = () => [...root.querySelectorAll<HTMLButtonElement>('.danger-zone button[aria-pressed]')].find((b) => b.textContent?.startsWith('history_followUp'))!;
    expect(followUp().getAttribute('aria-pressed')).toBe('false');
    await act(() => followUp().click());
    await settle();
    expect(followUp().getAttribute('aria-pressed')).toBe('true');
    expect(root.textContent).toContain('history_followUpWaiting');
    await act(() => followUp().click());
    await settle();
    expect(followUp().getAttribute('aria-pressed')).toBe('false');
    expect(sent.filter((type) => type.endsWith('Next'))).toEqual(['offers.armedNext', 'offers.armNext', 'offers.armedNext', 'offers.disarmNext', 'offers.armedNext']);
  });

  it('shows what a bulk action on the list changed, keeping the notes being typed', async () => {
    const offer = makeOffer(1, { notes: 'stored' });
    const [customer] = offer.customers;
    let stored = offer;
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer: stored });
      if (message.type === 'offers.armedNext') return Promise.resolve({ armed: null });
      return new Promise(() => undefined);
    };
    await show(offer);
    await settle();
    const notes = root.querySelector<HTMLTextAreaElement>('#notes')!;
    await act(() => {
      notes.value = 'typing';
      notes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    stored = { ...offer, customers: [{ ...customer!, status: 'expired' }] };
    await show(offer, 1);
    await settle();
    expect(root.querySelector<HTMLSelectElement>(`#customer-${customer!.id}-status`)?.value).toBe('expired');
    expect(root.querySelector<HTMLTextAreaElement>('#notes')?.value).toBe('typing');
  });

  it('gives the keyboard to Undo after a deletion, and to the notice once Undo is used', async () => {
    const offer = makeOffer(1);
    background.answer = (message) => {
      if (message.type === 'offers.get') return Promise.resolve({ offer });
      if (message.type === 'offers.armedNext') return Promise.resolve({ armed: null });
      if (message.type === 'offers.delete') return Promise.resolve({ offer });
      if (message.type === 'offers.restore') return Promise.resolve({ offer });
      return new Promise(() => undefined);
    };
    await show(offer);
    await settle();
    const button = (name: string) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!;
    await act(() => button('history_delete').click());
    await settle();
    expect(document.activeElement).toBe(button('history_undo'));
    await act(() => button('history_undo').click());
    await settle();
    expect(document.activeElement?.textContent?.trim()).toBe('history_restored');
  });
});
