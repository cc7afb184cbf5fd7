import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/client';
import type { Offer } from '@/lib/offers/schema';
import { formatDateTime, t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { customerSummary, customersLabel, offerName } from '@/lib/ui/offer-labels';
import { candidateKind, isLinkCandidate, type LinkPurpose } from '@/lib/ui/offer-links';
import { moveSelection } from '@/lib/webmail/picker-message';
import { useEnterOnAnswer, type ListedFor } from './useEnterOnAnswer';
import { useLatestRequest } from './useLatestRequest';

const LIST_SIZE = 20;
const SEARCH_DELAY_MS = 200;

/**
 * A search box over the saved offers with the matches listed under it (a combobox): the arrows
 * move through the list, Enter or a click chooses. Only offers that can take the link are listed.
 */
export function OfferSearchPicker({
  idPrefix,
  current,
  purpose,
  chosen,
  onChoose,
}: {
  idPrefix: string;
  current: Offer;
  purpose: LinkPurpose;
  chosen: Offer | null;
  onChoose: (offer: Offer) => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { data: offers, error, run } = useLatestRequest<Offer[]>();
  /** The latest list received, with the query it answers. */
  const [listed, setListed] = useState<ListedFor<Offer> | null>(null);
  const choose = useCallback((offer: Offer | undefined) => offer && onChoose(offer), [onChoose]);
  const enter = useEnterOnAnswer(query, listed, error !== undefined, choose);
  const { id, kind, replaces } = current;

  useEffect(() => {
    // Listed again when what decides the candidates changes, not on every edit of the offer shown.
    const subject = { id, kind, ...(replaces ? { replaces } : {}) };
    const searched = query.trim();
    const list = async () => {
      const filter = { kind: candidateKind(subject, purpose) };
      const { offers: found } = await sendMessage({ type: 'offers.search', query: searched, limit: LIST_SIZE, filter });
      return found.filter((offer) => isLinkCandidate(subject, purpose, offer));
    };
    void run(list, {
      delayMs: query ? SEARCH_DELAY_MS : 0,
      onAnswer: (found) => {
        setActive(0);
        setListed({ query: searched, items: found });
      },
    });
  }, [query, id, kind, replaces, purpose, run]);

  const listId = `${idPrefix}-list`;
  const optionId = (index: number) => `${idPrefix}-option-${index}`;
  const count = offers?.length ?? 0;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(moveSelection(active, event.key, count));
    } else if (event.key === 'Enter') {
      // Enter chooses the highlighted offer (or the first match of what was just typed); it never submits the form around the box.
      event.preventDefault();
      if (!event.isComposing) enter.enter(offers?.[active]);
    }
  };

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId derives from idPrefix alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, offers]);

  return (
    <div class="offer-picker">
      <div class="field">
        <label for={`${idPrefix}-search`}>{t('offerPicker_search')}</label>
        <input
          id={`${idPrefix}-search`}
          type="search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={count > 0}
          aria-controls={listId}
          aria-activedescendant={count > 0 ? optionId(active) : undefined}
          aria-describedby={`${idPrefix}-hint`}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            enter.cancel();
          }}
          onKeyDown={onKeyDown}
        />
        <span id={`${idPrefix}-hint`} class="muted">
          {t('offerPicker_hint')}
        </span>
      </div>
      {error !== undefined ? (
        <p role="alert" class="error">
          {describeError(error)}
        </p>
      ) : offers === undefined ? null : count === 0 ? (
        <p class="muted">{t('offerPicker_none')}</p>
      ) : (
        <ul id={listId} role="listbox" class="plain offer-picker-list" aria-label={t('offerPicker_matches')}>
          {offers.map((offer, index) => (
            <li
              key={offer.id}
              id={optionId(index)}
              role="option"
              aria-selected={offer.id === chosen?.id}
              class={index === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setActive(index);
                onChoose(offer);
              }}
            >
              <strong>{offerName(offer)}</strong>
              <span class="muted">
                {' · '}
                {[customersLabel(offer), customerSummary(offer), formatDateTime(offer.createdAt)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="muted" aria-live="polite">
        {chosen && t('offerPicker_chosen', offerName(chosen))}
      </p>
    </div>
  );
}
