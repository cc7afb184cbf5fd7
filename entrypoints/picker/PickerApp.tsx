import { offerStatus } from '@/lib/offers/customers';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDateTime, t, uiLocale } from '@/lib/i18n';
import { describeTemplateError } from '@/lib/message/parse';
import { sendMessage, sendWithRetry } from '@/lib/messaging/client';
import type { Offer } from '@/lib/offers/schema';
import { loadSettings } from '@/lib/settings/client';
import { describeError } from '@/lib/ui/describe-error';
import { watchVisibility, type VisibilityWatch } from '@/lib/ui/frame-visibility';
import { customerSummary, customersLabel, kindLabel, statusLabel } from '@/lib/ui/offer-labels';
import { moveSelection, pickerMessage, pickerToken } from '@/lib/webmail/picker-message';
import { useLatestRequest } from '@/components/useLatestRequest';
import { PickerProfileNotice } from '@/components/ProfileMissingNotice';

const LIST_SIZE = 50;
const SEARCH_DELAY_MS = 150;

type Problem = { text: string; details: string[]; settings: boolean };


/**
 * The offer picker, framed by the webmail content script. It reads offers and settings itself
 * (the page never sees them) and hands only the rendered message over, through the background.
 */
export function PickerApp() {
  const token = pickerToken(location.hash);
  const [query, setQuery] = useState('');
  const { data: offers, error: loadError, run: runOffersRequest } = useLatestRequest<Offer[]>();
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLElement>(null);
  const visibilityRef = useRef<VisibilityWatch | null>(null);

  useEffect(() => search.current?.focus(), []);

  useEffect(() => {
    if (!root.current) return;
    const watch = watchVisibility(root.current);
    visibilityRef.current = watch;
    return () => watch.stop();
  }, []);

  useEffect(() => {
    const searched = query.trim();
    const listOffers = async () => {
      const answer = searched
        ? await sendMessage({ type: 'offers.search', query: searched, limit: LIST_SIZE })
        : await sendMessage({ type: 'offers.page', limit: LIST_SIZE });
      return answer.offers;
    };
    void runOffersRequest(listOffers, { delayMs: query ? SEARCH_DELAY_MS : 0, onAnswer: () => setSelected(0) });
  }, [query, runOffersRequest]);

  useEffect(() => {
    if (problem?.settings) settingsButton.current?.focus();
  }, [problem]);

  const close = () => {
    if (token) void sendWithRetry({ type: 'webmail.closePicker', token }).catch(() => undefined);
  };

  const insert = async (offer: Offer | undefined) => {
    if (!offer || !token || busy) return;
    setBusy(true);
    try {
      // Keys and clicks that reach a hidden or covered picker were not meant for it.
      if (!(await visibilityRef.current?.isVisible())) return;
      const built = pickerMessage(offer, await loadSettings(), uiLocale());
      if (!built.ok) {
        setProblem(
          built.reason === 'no-template'
            ? { text: t('webmail_picker_no_template'), details: [], settings: true }
            : {
                text: t('webmail_picker_template_errors', built.template.name),
                details: built.errors.map((error) => describeTemplateError(error, (key, subs) => t(key as never, subs))),
                settings: true,
              },
        );
        return;
      }
      // The content script removes this frame as it starts inserting; an answer that still
      // reaches the picker means no compose window took the message. A retry (the background
      // was stopped on the way) cannot insert twice: the content script takes one message per token.
      const answer = await sendWithRetry({ type: 'webmail.deliver', token, offerId: offer.id, message: built.message });
      if (answer.outcome === 'failed') setProblem({ text: t('webmail_picker_compose_gone'), details: [], settings: false });
    } catch (error) {
      setProblem({ text: t('webmail_picker_insert_failed', describeError(error)), details: [], settings: false });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = offers?.length ?? 0;
    if (event.key === 'Enter') {
      event.preventDefault();
      void insert(offers?.[selected]);
    } else if (['ArrowDown', 'ArrowUp'].includes(event.key) || (event.key === 'Home' && event.ctrlKey) || (event.key === 'End' && event.ctrlKey)) {
      event.preventDefault();
      setSelected(moveSelection(selected, event.key, count));
    }
  };

  useEffect(() => {
    document.getElementById(`offer-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, offers]);

  const listId = 'picker-offers';
  return (
    <main
      ref={root}
      class="picker"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <header>
        <h1 id="picker-title">{t('webmail_picker_title')}</h1>
        <button type="button" onClick={close}>
          {t('webmail_picker_close')}
        </button>
      </header>
      <PickerProfileNotice />
      <input
        ref={search}
        type="search"
        role="combobox"
        aria-label={t('webmail_picker_search')}
        placeholder={t('webmail_picker_search')}
        aria-expanded={(offers?.length ?? 0) > 0}
        aria-controls={listId}
        aria-activedescendant={offers && offers.length > 0 ? `offer-${selected}` : undefined}
        aria-describedby="picker-hint"
        autocomplete="off"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <div class="problem" role="alert">
          <p>{problem.text}</p>
          {problem.details.length > 0 && (
            <ul>
              {problem.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
          {problem.settings && (
            <button ref={settingsButton} type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('webmail_picker_open_settings')}
            </button>
          )}
        </div>
      )}
      {loadError !== undefined ? (
        <p class="empty" role="alert">
          {t('webmail_picker_load_failed', describeError(loadError))}
        </p>
      ) : offers === undefined ? (
        <p class="empty">{t('webmail_picker_loading')}</p>
      ) : offers.length === 0 ? (
        <p class="empty">{t(query.trim() ? 'webmail_picker_no_match' : 'webmail_picker_empty')}</p>
      ) : (
        <ul id={listId} role="listbox" aria-labelledby="picker-title">
          {offers.map((offer, index) => (
            <li
              key={offer.id}
              id={`offer-${index}`}
              role="option"
              aria-selected={index === selected}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setSelected(index);
                void insert(offer);
              }}
            >
              <div class="customer">{customersLabel(offer) || t('webmail_picker_no_customer')}</div>
              <div class="meta">
                {[kindLabel(offer), offer.summaryId, statusLabel(offerStatus(offer)), customerSummary(offer), formatDateTime(offer.createdAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p class="hint" id="picker-hint">
        {t('webmail_picker_hint')}
      </p>
    </main>
  );
}
