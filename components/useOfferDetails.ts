import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/client';
import type { Offer, OfferCustomer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { Autosaver } from '@/lib/ui/autosave';
import { describeError } from '@/lib/ui/describe-error';
import { offerName } from '@/lib/ui/offer-labels';
import { ARMED_NEXT_KEY, MessagingError, type ArmedNext, type LinkedOffers } from '@/lib/messaging/protocol';
import { changedFields, fieldChanges, fieldValue, keepingEdits, offerEdits, rebasedEdits, type EditField, type OfferEdits } from '@/lib/ui/offer-edits';
import { useLatest } from './useLatest';
import { useLatestRequest } from './useLatestRequest';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'stale';

/**
 * An edit refused because another window changed the offer: the text the advisor typed, shown
 * until they leave the offer so nothing is lost, and whether they reloaded the offer since.
 */
export interface EditConflict {
  unsaved: { field: EditField; text: string }[];
  reloaded: boolean;
}

const isStale = (error: unknown) => error instanceof MessagingError && error.code === 'stale';

/** A customer removed or merged: the offer's customers just before and after, for its Undo. */
export interface CustomersChange {
  offerId: string;
  before: OfferCustomer[];
  after: OfferCustomer[];
}

/**
 * What the details pane last did; a deletion carries the deleted offer for Undo, and a customer
 * removed or merged the customers before and after (`restore`).
 */
export interface OfferDetailsOutcome {
  ok: boolean;
  text: string;
  undo?: Offer;
  restore?: CustomersChange;
}

/**
 * One offer for the details pane: loaded by id (`undefined` while loading, `null` when it is
 * gone), the notes saved as they are typed, changes of its customers shown as the store answers
 * them, and deletion with undo.
 */
export function useOfferDetails(
  offerId: string,
  { onChanged, onDeleted, bulkChanges }: { onChanged: (offer: Offer) => void; onDeleted: () => void; bulkChanges: number },
) {
  const { data: offer, error: loadError, run: runOfferRequest, update: updateOffer } = useLatestRequest<Offer | null>();
  const { data: armed = null, run: runArmedRequest } = useLatestRequest<ArmedNext | null>();
  const { data: linked, run: runLinkedRequest } = useLatestRequest<LinkedOffers>();
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [outcome, setOutcome] = useState<OfferDetailsOutcome | null>(null);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  // By offer id, so a late answer about another offer changes nothing here: the stored text the
  // edits started from (each save names it, field by field) and the text shown.
  const basesRef = useRef(new Map<string, OfferEdits>());
  const shownRef = useRef(new Map<string, OfferEdits>());
  const startFrom = (id: string, fresh: Offer | null) => {
    if (fresh) {
      basesRef.current.set(id, offerEdits(fresh));
      shownRef.current.set(id, offerEdits(fresh));
    } else {
      basesRef.current.delete(id);
      shownRef.current.delete(id);
    }
  };

  // The saver lives as long as the offer shown; it tells whichever parent is current.
  const onChangedRef = useLatest(onChanged);
  const saver = useMemo(
    () =>
      new Autosaver<OfferEdits>(
        async (edits) => {
          const from = basesRef.current.get(offerId);
          const changes = from && fieldChanges(edits, from);
          if (!from || !changes) return;
          const answer = await sendMessage({ type: 'offers.update', id: offerId, ...changes }).catch((error: unknown) => {
            if (isStale(error)) setConflict({ unsaved: changedFields(edits, from).map((field) => ({ field, text: fieldValue(edits, field) })), reloaded: false });
            throw error;
          });
          updateOffer((current) => current && keepingEdits(answer.offer, current, from));
          basesRef.current.set(offerId, rebasedEdits(from, answer.offer, shownRef.current.get(offerId) ?? edits, changedFields(edits, from)));
          onChangedRef.current(answer.offer);
        },
        (state, error) => {
          const stale = state === 'failed' && isStale(error);
          setSaveState(stale ? 'stale' : state);
          if (state === 'failed' && !stale) setOutcome({ ok: false, text: describeError(error) });
        },
      ),
    // The ref is the same object for the component's life: it never makes a new saver.
    [offerId, updateOffer, onChangedRef],
  );

  useEffect(() => {
    setConflict(null);
    void runOfferRequest(async () => {
      const { offer: loaded } = await sendMessage({ type: 'offers.get', id: offerId });
      startFrom(offerId, loaded);
      return loaded;
    });
  }, [offerId, runOfferRequest]);

  const readLinked = useCallback(() => void runLinkedRequest(() => sendMessage({ type: 'offers.linked', id: offerId })), [offerId, runLinkedRequest]);

  useEffect(() => {
    // Another tab may arm the link, or a capture take it; another window may link an offer to this
    // one: the mark and the links are read again when the mark changes and when this page comes back to the front.
    const readLinks = () => {
      void runArmedRequest(async () => (await sendMessage({ type: 'offers.armedNext' })).armed);
      readLinked();
    };
    const onStorage = (changes: Record<string, unknown>) => {
      if (ARMED_NEXT_KEY in changes) readLinks();
    };
    readLinks();
    addEventListener('focus', readLinks);
    browser.storage.local.onChanged.addListener(onStorage);
    return () => {
      removeEventListener('focus', readLinks);
      browser.storage.local.onChanged.removeListener(onStorage);
    };
  }, [runArmedRequest, readLinked]);

  useEffect(() => {
    // Nothing typed is lost: leaving the page or the offer saves what is pending.
    const onHide = () => void saver.flush();
    // A save still in flight when the tab closes could be cut off: the browser asks first.
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsaved) return;
      void saver.flush();
      event.preventDefault();
    };
    addEventListener('pagehide', onHide);
    addEventListener('beforeunload', onLeave);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      removeEventListener('beforeunload', onLeave);
      document.removeEventListener('visibilitychange', onHide);
      void saver.flush();
    };
  }, [saver]);

  const edit = (change: (edits: OfferEdits) => OfferEdits) => {
    if (!offer) return;
    const next = change(offerEdits(offer));
    shownRef.current.set(offerId, next);
    updateOffer((current) => current && { ...current, ...next });
    saver.change(next);
  };

  const fail = (error: unknown) => setOutcome({ ok: false, text: describeError(error) });

  /** Shows the offer as the store answered it after a change; notes being typed stay. */
  const showStored = (changed: Offer) => {
    const from = basesRef.current.get(offerId);
    if (from) {
      updateOffer((current) => current && keepingEdits(changed, current, from));
      basesRef.current.set(offerId, rebasedEdits(from, changed, shownRef.current.get(offerId) ?? from));
    }
  };

  /** Shows an offer the store answered after a change elsewhere on the pane (a customer), and tells the list. */
  const showChanged = (changed: Offer) => {
    showStored(changed);
    onChanged(changed);
  };

  // A replacement made elsewhere (the armed link taken by a capture in another tab) changed this
  // offer too: its link and its withdrawn customers are shown once the links name an offer it does not.
  const linkedSince = Boolean(offer && linked && ((linked.replacedBy && linked.replacedBy.id !== offer.replacedBy) || (linked.replaces && linked.replaces.id !== offer.replaces)));
  const showChangedRef = useLatest(showChanged);
  useEffect(() => {
    if (!linkedSince) return;
    sendMessage({ type: 'offers.get', id: offerId })
      .then(({ offer: fresh }) => fresh && showChangedRef.current(fresh))
      .catch((error: unknown) => setOutcome({ ok: false, text: describeError(error) }));
  }, [linkedSince, offerId, showChangedRef]);

  // A bulk action on the list (which reloads itself) may have changed this offer: it is read again
  // and shown like the pane's own changes. One deleted is left as shown: the list closes the pane
  // after its own bulk deletion, and the pane's own deletion keeps its Undo.
  const bulkChangesSeenRef = useRef(bulkChanges);
  const showStoredRef = useLatest(showStored);
  useEffect(() => {
    if (bulkChangesSeenRef.current === bulkChanges) return;
    bulkChangesSeenRef.current = bulkChanges;
    sendMessage({ type: 'offers.get', id: offerId })
      .then(({ offer: fresh }) => fresh && showStoredRef.current(fresh))
      .catch((error: unknown) => setOutcome({ ok: false, text: describeError(error) }));
  }, [bulkChanges, offerId, showStoredRef]);

  const showArmed = () => void runArmedRequest(async () => (await sendMessage({ type: 'offers.armedNext' })).armed);

  return {
    offer,
    loadError,
    saveState,
    outcome,
    conflict,
    /** The link the next new offer takes, when it involves this offer. */
    armed: armed?.offerId === offerId ? armed : null,
    report: setOutcome,
    editNotes: (notes: string) => edit((edits) => ({ ...edits, notes })),
    saveNow: () => void saver.flush(),

    showChanged,

    /**
     * Undo of a customer removed or merged: the offer's customers as they were come back, in their
     * order, unless they changed since (another window, a send), which is said and kept.
     */
    async restore({ offerId: id, before, after }: CustomersChange) {
      try {
        const { offer: restored } = await sendMessage({ type: 'offers.restoreCustomers', id, customers: before, expected: after });
        showChanged(restored);
        setOutcome({ ok: true, text: t('customers_undone') });
      } catch (error) {
        if (isStale(error)) setOutcome({ ok: false, text: t('customers_undoStale') });
        else fail(error);
      }
    },

    /** The stale refusal of a customer edit: the offer as stored now is shown. */
    async reloadAfterStale(): Promise<Offer | null> {
      try {
        const { offer: fresh } = await sendMessage({ type: 'offers.get', id: offerId });
        if (fresh) showChanged(fresh);
        return fresh;
      } catch (error) {
        fail(error);
        return null;
      }
    },

    /** Shows the offer as stored now, after an edit was refused as stale; the refused text stays listed. */
    async reload() {
      try {
        await saver.discard();
        const { offer: fresh } = await sendMessage({ type: 'offers.get', id: offerId });
        startFrom(offerId, fresh);
        updateOffer(() => fresh);
        setSaveState('idle');
        setConflict((current) => current && { ...current, reloaded: true });
      } catch (error) {
        fail(error);
      }
    },

    /** Deletes the offer, keeping it for Undo; true once deleted. */
    async remove() {
      try {
        await saver.flush();
        const { offer: deleted } = await sendMessage({ type: 'offers.delete', id: offerId });
        onDeleted();
        setOutcome({ ok: true, text: t('history_deleted'), ...(deleted ? { undo: deleted } : {}) });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    /** The offers linked to this one (undefined until read). */
    linked,

    /** Arms (or, armed already, disarms) the next new offer to follow up this trial or replace this offer. */
    async toggleArmed(link: ArmedNext['link'], withdraw = true) {
      try {
        const current = armed?.offerId === offerId && armed.link === link;
        if (current) await sendMessage({ type: 'offers.disarmNext' });
        else await sendMessage({ type: 'offers.armNext', id: offerId, link, withdraw });
        showArmed();
        const texts = { 'follow-up': ['history_followUpArmed', 'history_followUpCancelled'], replacement: ['history_replacementArmed', 'history_replacementCancelled'] } as const;
        setOutcome({ ok: true, text: t(texts[link][current ? 1 : 0]) });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    /** `by` replaces this offer: both show the link, the customers carry over (and, with `withdraw`, are withdrawn here). */
    async replaceWith(by: Offer, withdraw: boolean) {
      try {
        const answer = await sendMessage({ type: 'offers.replace', id: offerId, by: by.id, withdraw });
        showChanged(answer.replaced);
        onChangedRef.current(answer.by);
        readLinked();
        setOutcome({ ok: true, text: t('history_replacedDone', offerName(answer.by)) });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    /** Links a purchase offer to the trial it follows up, or (without a trial) unlinks it; either may be the offer shown. */
    async linkFollowUp(purchase: Offer, trial: Offer | null) {
      try {
        const { offer: changed } = await sendMessage({ type: 'offers.update', id: purchase.id, patch: { followUpOf: trial?.id ?? null } });
        if (changed.id === offerId) showChanged(changed);
        else onChangedRef.current(changed);
        readLinked();
        setOutcome({ ok: true, text: trial ? t('history_linkedDone', offerName(purchase.id === offerId ? trial : purchase)) : t('history_unlinkedDone') });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    async undo(deleted: Offer) {
      try {
        await sendMessage({ type: 'offers.restore', offer: deleted });
        setOutcome({ ok: true, text: t('history_restored') });
        onDeleted();
      } catch (error) {
        fail(error);
      }
    },
  };
}
