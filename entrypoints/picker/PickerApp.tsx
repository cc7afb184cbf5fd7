import { offerStatus } from '@/lib/offers/customers';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDateTime, t, uiLocale } from '@/lib/i18n';
import { describeTemplateError } from '@/lib/message/parse';
import { sendMessage, sendWithRetry } from '@/lib/messaging/client';
import type { MessageTemplate } from '@/lib/message/template';
import type { Offer } from '@/lib/offers/schema';
import type { TemplateChoice } from '@/lib/settings/choices';
import { loadSettings, rememberTemplateChoice } from '@/lib/settings/client';
import type { Settings } from '@/lib/settings/settings';
import { describeError } from '@/lib/ui/describe-error';
import { languageName } from '@/lib/ui/format';
import { watchVisibility, type VisibilityWatch } from '@/lib/ui/frame-visibility';
import { customerSummary, customersLabel, kindLabel, statusLabel } from '@/lib/ui/offer-labels';
import {
  chooseLanguage,
  chosenTemplate,
  effectiveChoice,
  messageAddresses,
  moveSelection,
  pickerMessage,
  templateLanguages,
  templatesForKind,
  type PickerMessage,
} from '@/lib/webmail/picker-message';
import { isPageDark, pickerRecipients, pickerToken } from '@/lib/webmail/picker-url';
import { useEnterOnAnswer, type ListedFor } from '@/components/useEnterOnAnswer';
import { useLatestRequest } from '@/components/useLatestRequest';
import { PickerProfileNotice } from '@/components/ProfileMissingNotice';
import { MessagePreview } from '@/components/MessagePreview';
import { ProblemText } from '@/components/ProblemText';
import { useDarkTheme } from '@/components/useDarkTheme';

const LIST_SIZE = 50;
const SEARCH_DELAY_MS = 150;

type Problem = { text: string; details: string[]; settings: boolean };

/** What a message that cannot be built says, with the template's errors as a list. */
function messageProblem(built: Exclude<PickerMessage, { ok: true }>): Problem {
  return built.reason === 'no-template'
    ? { text: t('webmail_picker_no_template'), details: [], settings: true }
    : {
        text: t('webmail_picker_template_errors', built.template.name),
        details: built.errors.map((error) => describeTemplateError(error, (key, subs) => t(key as never, subs))),
        settings: true,
      };
}

/** The template for an offer and whether it was chosen (now, or last time for this customer) rather than the default. */
function templateFor(offer: Offer, settings: Settings, recipients: readonly string[], madeNow: TemplateChoice | null) {
  const addresses = messageAddresses(recipients, offer);
  const choice = effectiveChoice(madeNow, settings, addresses);
  return { addresses, chosen: choice !== undefined, template: chosenTemplate(settings, offer.kind, choice, uiLocale()) };
}

/**
 * The offer picker, framed by the webmail content script. It reads offers and settings itself
 * (the page never sees them) and hands only the rendered message over, through the background.
 */
export function PickerApp() {
  const token = pickerToken(location.hash);
  const [recipients] = useState(() => pickerRecipients(location.hash));
  const dark = useDarkTheme(isPageDark(location.hash));
  const [query, setQuery] = useState('');
  const [settings, setSettings] = useState<Settings>();
  // A template or language the advisor picked in this picker: it holds for every offer highlighted after it.
  const [choiceMadeNow, setChoiceMadeNow] = useState<TemplateChoice | null>(null);
  const { data: offers, error: loadError, run: runOffersRequest } = useLatestRequest<Offer[]>();
  const [selected, setSelected] = useState(0);
  /** The latest list received, with the query it answers (the list shown until the next one comes). */
  const [listed, setListed] = useState<ListedFor<Offer> | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLElement>(null);
  const visibilityRef = useRef<VisibilityWatch | null>(null);

  useEffect(() => search.current?.focus(), []);

  // Read as the picker opens, so that neither the preview nor Enter waits for the background, and
  // again when the advisor comes back from changing them in another tab.
  useEffect(() => {
    const read = () => void loadSettings().then(setSettings, () => undefined);
    read();
    addEventListener('focus', read);
    return () => removeEventListener('focus', read);
  }, []);

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
    void runOffersRequest(listOffers, {
      delayMs: query ? SEARCH_DELAY_MS : 0,
      onAnswer: (offers) => {
        setSelected(0);
        setListed({ query: searched, items: offers });
      },
    });
  }, [query, runOffersRequest]);

  useEffect(() => {
    if (problem?.settings) settingsButton.current?.focus();
  }, [problem]);

  const close = () => {
    if (token) void sendWithRetry({ type: 'webmail.closePicker', token }).catch(() => undefined);
  };

  const insert = useCallback(async (offer: Offer | undefined) => {
    if (!offer || !token || busy) return;
    setBusy(true);
    try {
      // Keys and clicks that reach a hidden or covered picker were not meant for it.
      if (!(await visibilityRef.current?.isVisible())) return;
      const current = settings ?? (await loadSettings());
      const { addresses, chosen, template } = templateFor(offer, current, recipients, choiceMadeNow);
      const built = pickerMessage(offer, current.profile, template);
      if (!built.ok) {
        setProblem(messageProblem(built));
        return;
      }
      // Sent before the message, whose insertion removes this frame; the default needs no remembering.
      if (chosen && template && addresses.length > 0) {
        rememberTemplateChoice(addresses, { templateId: template.id, language: template.language }).catch(() => undefined);
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
  }, [token, busy, settings, recipients, choiceMadeNow]);

  const highlighted = offers?.[selected];
  const shown = useMemo(() => {
    if (!highlighted || !settings) return undefined;
    const { template } = templateFor(highlighted, settings, recipients, choiceMadeNow);
    return { offer: highlighted, template, built: pickerMessage(highlighted, settings.profile, template) };
  }, [highlighted, settings, recipients, choiceMadeNow]);

  const chooseTemplate = (templateId: string) => {
    const template = settings?.templates.find((candidate) => candidate.id === templateId);
    if (template) setChoiceMadeNow({ templateId, language: template.language });
  };

  // insert reports its own failures in the picker.
  const enter = useEnterOnAnswer(query, listed, loadError !== undefined, insert);

  const onKeyDown = (event: KeyboardEvent) => {
    const count = offers?.length ?? 0;
    // Enter that confirms a word being composed (an input method) is the input method's.
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      enter.enter(highlighted);
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
        } else if (event.key === 'Enter' && !event.isComposing && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
          // Enter inserts from the language and template choices as it does from the search box.
          event.preventDefault();
          enter.enter(highlighted);
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
      <div class="panes">
        <div class="choose">
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
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              // Typing on after Enter: the advisor is still choosing.
              enter.cancel();
            }}
            onKeyDown={onKeyDown}
          />
          {problem && (
            <div class="problem" role="alert">
              <ProblemText {...problem} />
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
            // The search box drives the list (aria-activedescendant): Tab goes past it, even once it scrolls.
            <ul id={listId} role="listbox" aria-labelledby="picker-title" tabIndex={-1}>
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
        </div>
        <section class="preview" aria-label={t('webmail_picker_preview')}>
          {settings && shown && (
            <TemplateChoiceFields
              templates={settings.templates}
              kind={shown.offer.kind}
              current={shown.template}
              onLanguage={(language) => setChoiceMadeNow(chooseLanguage(settings.templates, shown.offer.kind, language))}
              onTemplate={chooseTemplate}
            />
          )}
          <MessagePreview shown={shown} dark={dark} problemOf={messageProblem} />
        </section>
      </div>
    </main>
  );
}

interface TemplateChoiceFieldsProps {
  templates: readonly MessageTemplate[];
  kind: Offer['kind'];
  current: MessageTemplate | undefined;
  onLanguage: (language: string) => void;
  onTemplate: (templateId: string) => void;
}

/**
 * The language and template of the message, as two small groups of radio buttons (a message has
 * a few at most); the template group holds the chosen language's templates for the offer's kind.
 */
function TemplateChoiceFields({ templates, kind, current, onLanguage, onTemplate }: TemplateChoiceFieldsProps) {
  const fitting = templatesForKind(templates, kind);
  if (!current || fitting.length === 0) return null;
  return (
    <div class="template-choice">
      <fieldset>
        <legend>{t('webmail_picker_language')}</legend>
        {templateLanguages(templates, kind).map((language) => (
          <label key={language}>
            <input type="radio" name="message-language" value={language} checked={language === current.language} onChange={() => onLanguage(language)} />
            {languageName(language)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('webmail_picker_template')}</legend>
        {fitting
          .filter((template) => template.language === current.language)
          .map((template) => (
            <label key={template.id}>
              <input type="radio" name="message-template" value={template.id} checked={template.id === current.id} onChange={() => onTemplate(template.id)} />
              {template.name}
            </label>
          ))}
      </fieldset>
    </div>
  );
}
