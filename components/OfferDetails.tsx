import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/client';
import type { Customer, Offer, OfferStatus } from '@/lib/offers/schema';
import { clearPendingFollowUp, readPendingFollowUp, setPendingFollowUp, PENDING_FOLLOW_UP_KEY } from '@/lib/offers/follow-up';
import { formatDateTime, t } from '@/lib/i18n';
import { Autosaver } from '@/lib/ui/autosave';
import { describeError } from '@/lib/ui/describe-error';
import { delegatedAdminLabel, kindLabel, statusBadgeClass, statusLabel } from '@/lib/ui/offer-labels';
import { SETTABLE_STATUSES } from '@/lib/offers/statuses';
import { OfferCopyButtons, type Report } from './OfferActions';
import { SubscriptionList } from './SubscriptionList';
import { WebsiteSnippet } from './WebsiteSnippet';

interface Editable {
  customer: Customer;
  notes: string;
}

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** Every field of one offer, its status and sends, and the advisor's edits (saved as they type). */
export function OfferDetails({
  offerId,
  onChanged,
  onDeleted,
  onOpen,
  onClose,
}: {
  offerId: string;
  onChanged: (offer: Offer) => void;
  onDeleted: () => void;
  onOpen: { open: (offerId: string) => void; href: (offerId: string) => string };
  onClose: () => void;
}) {
  const [offer, setOffer] = useState<Offer | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; undo?: Offer } | null>(null);
  const [pendingFollowUp, setPendingFollowUpState] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const report: Report = (o) => setOutcome(o);

  // The saver lives as long as the offer shown; it tells whichever parent is current.
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  });
  const saver = useMemo(
    () =>
      new Autosaver<Editable>(
        async (value) => {
          const answer = await sendMessage({ type: 'offers.update', id: offerId, patch: { customer: value.customer, notes: value.notes } });
          setOffer((current) => (current ? { ...current, ...answer.offer, customer: current.customer, notes: current.notes } : current));
          onChangedRef.current(answer.offer);
        },
        (state, error) => {
          setSaveState(state);
          if (state === 'failed') setOutcome({ ok: false, text: describeError(error) });
        },
      ),
    [offerId],
  );

  useEffect(() => {
    let live = true;
    sendMessage({ type: 'offers.get', id: offerId })
      .then(({ offer: found }) => {
        if (!live) return;
        setOffer(found);
        requestAnimationFrame(() => heading.current?.focus());
      })
      .catch((error: unknown) => live && setOutcome({ ok: false, text: describeError(error) }));
    const showPendingFollowUp = () =>
      void readPendingFollowUp(browser.storage.local).then((pending) => live && setPendingFollowUpState(pending?.trialId === offerId));
    showPendingFollowUp();
    const onStorage = (changes: Record<string, unknown>) => {
      if (PENDING_FOLLOW_UP_KEY in changes) showPendingFollowUp();
    };
    browser.storage.local.onChanged.addListener(onStorage);
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
      live = false;
      browser.storage.local.onChanged.removeListener(onStorage);
      removeEventListener('pagehide', onHide);
      removeEventListener('beforeunload', onLeave);
      document.removeEventListener('visibilitychange', onHide);
      void saver.flush();
    };
  }, [offerId, saver]);

  if (offer === undefined) return <aside class="details" aria-busy="true" />;
  if (offer === null) {
    return (
      <aside class="details" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('history_notFound')}</h2>
        <button type="button" onClick={onClose}>
          {t('desk_close')}
        </button>
      </aside>
    );
  }

  const edits: Editable = { customer: offer.customer, notes: offer.notes };
  const edit = (next: Editable) => {
    setOffer({ ...offer, ...next });
    saver.change(next);
  };
  const editCustomer = (field: keyof Customer) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    const { [field]: _previous, ...customer } = edits.customer;
    edit({ ...edits, customer: value.trim() ? { ...customer, [field]: value } : customer });
  };

  const setStatus = async (status: OfferStatus) => {
    try {
      const answer = await sendMessage({ type: 'offers.setStatus', id: offer.id, status });
      // What the advisor typed meanwhile stays; the autosaver sends it.
      setOffer((current) => (current ? { ...answer.offer, customer: current.customer, notes: current.notes } : current));
      onChanged(answer.offer);
      setOutcome({ ok: true, text: t('history_statusChanged', statusLabel(status)) });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error) });
    }
  };

  const remove = async () => {
    try {
      await saver.flush();
      const { offer: deleted } = await sendMessage({ type: 'offers.delete', id: offer.id });
      onDeleted();
      setOutcome({ ok: true, text: t('history_deleted'), ...(deleted ? { undo: deleted } : {}) });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error) });
    }
  };

  const undo = async (deleted: Offer) => {
    try {
      await sendMessage({ type: 'offers.restore', offer: deleted });
      setOutcome({ ok: true, text: t('history_restored') });
      onDeleted();
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error) });
    }
  };

  const toggleFollowUp = async () => {
    if (pendingFollowUp) await clearPendingFollowUp(browser.storage.local);
    else await setPendingFollowUp(browser.storage.local, offer.id);
    setOutcome({ ok: true, text: t(pendingFollowUp ? 'history_followUpCancelled' : 'history_followUpArmed') });
  };

  const deleted = outcome?.undo !== undefined;
  const savedText: Record<SaveState, string> = {
    idle: '',
    pending: t('history_unsaved'),
    saving: t('history_saving'),
    saved: t('history_saved'),
    failed: t('history_saveFailed'),
  };

  return (
    <aside class="details" aria-labelledby="details-heading">
      <div class="details-head">
        <h2 id="details-heading" tabIndex={-1} ref={heading}>
          {kindLabel(offer)} {offer.summaryId ? <span class="mono">{offer.summaryId}</span> : null}
        </h2>
        <button type="button" onClick={onClose}>
          {t('desk_close')}
        </button>
      </div>
      <div role="status" aria-live="polite" class="outcome">
        {outcome && (
          <p class={outcome.ok ? 'ok' : 'error'}>
            {outcome.text}{' '}
            {outcome.undo && (
              <button type="button" onClick={() => outcome.undo && void undo(outcome.undo)}>
                {t('history_undo')}
              </button>
            )}
          </p>
        )}
      </div>
      <fieldset disabled={deleted} class="plain-fieldset">
        <div class="toolbar">
          <OfferCopyButtons offer={offer} report={report} />
        </div>
        <dl class="facts">
          <dt>{t('desk_url')}</dt>
          <dd class="mono break">{offer.url}</dd>
          <dt>{t('column_summaryId')}</dt>
          <dd class="mono">{offer.summaryId ?? '—'}</dd>
          <dt>{t('desk_quoteId')}</dt>
          <dd class="mono">{offer.quoteId}</dd>
          <dt>{t('desk_partnerId')}</dt>
          <dd class="mono">{offer.partnerId}</dd>
          <dt>{t('desk_partnerOffice')}</dt>
          <dd>{offer.partnerOffice ?? '—'}</dd>
          <dt>{t('desk_usageLocation')}</dt>
          <dd>{offer.usageLocation ?? '—'}</dd>
          <dt>{t('column_subscriptions')}</dt>
          <dd>
            <SubscriptionList subscriptions={offer.subscriptions} />
          </dd>
          <dt>{t('desk_delegatedAdmin')}</dt>
          <dd>{delegatedAdminLabel(offer)}</dd>
          <dt>{t('desk_source')}</dt>
          <dd>{t(`desk_source_${offer.source}`)}</dd>
          <dt>{t('column_created')}</dt>
          <dd>{formatDateTime(offer.createdAt)}</dd>
          <dt>{t('desk_updated')}</dt>
          <dd>{formatDateTime(offer.updatedAt)}</dd>
          {offer.followUpOf && (
            <>
              <dt>{t('desk_followUpOf')}</dt>
              <dd>
                <a
                  href={onOpen.href(offer.followUpOf)}
                  onClick={(e) => {
                    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                    e.preventDefault();
                    if (offer.followUpOf) onOpen.open(offer.followUpOf);
                  }}
                >
                  {t('desk_openTrial')}
                </a>
              </dd>
            </>
          )}
        </dl>

        <h3>{t('column_status')}</h3>
        <div class="toolbar" role="group" aria-label={t('history_setStatus')}>
          {SETTABLE_STATUSES.map((status) => (
            <button key={status} type="button" aria-pressed={offer.status === status} onClick={() => void setStatus(status)}>
              {statusLabel(status)}
            </button>
          ))}
        </div>
        <ol class="timeline" aria-label={t('history_timeline')}>
          {offer.statusHistory.map((change, i) => (
            <li key={i}>
              <span class={statusBadgeClass(change.status)}>{statusLabel(change.status)}</span> <time dateTime={change.at}>{formatDateTime(change.at)}</time>
            </li>
          ))}
        </ol>

        <h3>{t('history_sends')}</h3>
        {offer.sends.length === 0 ? (
          <p class="muted">{t('history_noSends')}</p>
        ) : (
          <ul class="plain sends">
            {offer.sends.map((send, i) => (
              <li key={i}>
                <time dateTime={send.at}>{formatDateTime(send.at)}</time> · {t(`history_provider_${send.provider}`)}
                {send.to && <> · {send.to}</>}
                {send.subject && <div class="muted">{send.subject}</div>}
              </li>
            ))}
          </ul>
        )}

        <h3>{t('history_customerAndNotes')}</h3>
        <div class="grid-2">
          {(['company', 'name', 'email'] as const).map((field) => (
            <div class="field" key={field}>
              <label for={`customer-${field}`}>{t(`desk_customer${field === 'company' ? 'Company' : field === 'name' ? 'Name' : 'Email'}`)}</label>
              <input
                id={`customer-${field}`}
                type={field === 'email' ? 'email' : 'text'}
                value={edits.customer[field] ?? ''}
                maxLength={200}
                onInput={editCustomer(field)}
                onBlur={() => void saver.flush()}
              />
            </div>
          ))}
        </div>
        <div class="field">
          <label for="notes">{t('history_notes')}</label>
          <textarea
            id="notes"
            rows={5}
            maxLength={20_000}
            value={edits.notes}
            onInput={(e) => edit({ ...edits, notes: e.currentTarget.value })}
            onBlur={() => void saver.flush()}
          />
        </div>
        <p class="muted save-state" aria-live="polite">
          {savedText[saveState]}
        </p>

        <WebsiteSnippet offer={offer} report={report} />

        <div class="toolbar danger-zone">
          {offer.kind === 'trial' && (
            <button type="button" aria-pressed={pendingFollowUp} onClick={() => void toggleFollowUp()}>
              {pendingFollowUp ? t('history_followUpCancel') : t('history_followUp')}
            </button>
          )}
          <button type="button" class="danger" onClick={() => void remove()}>
            {t('history_delete')}
          </button>
        </div>
        {offer.kind === 'trial' && pendingFollowUp && <p class="muted">{t('history_followUpWaiting')}</p>}
      </fieldset>
    </aside>
  );
}
