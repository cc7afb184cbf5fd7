import { SubmitOrCancel } from './FormActions';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { describeTemplateError, TEMPLATE_MAX_LENGTH, type FieldError } from '@/lib/message/parse';
import { PLACEHOLDER_NAMES, PLACEHOLDERS, type PlaceholderName } from '@/lib/message/placeholders';
import { SUBJECT_MAX_LENGTH, TEMPLATE_KINDS, type MessageTemplate, type TemplateKind } from '@/lib/message/template';
import type { Offer } from '@/lib/offers/schema';
import type { Settings } from '@/lib/settings/settings';
import { formatDateTime, t, type MessageKey } from '@/lib/i18n';
import { languageName, MESSAGE_LANGUAGES } from '@/lib/ui/format';
import { renderOfferWith, sampleFor } from '@/lib/message/offer-message';
import { customersLabel, templateKindLabel } from '@/lib/ui/offer-labels';
import { checkTemplateDraft, insertPlaceholder, isDraftChanged, isDraftValid, type TemplateDraft } from '@/lib/ui/template-list';
import { Field } from './Field';

const describe = (error: FieldError) => describeTemplateError(error, (key, subs) => browser.i18n.getMessage(key as MessageKey, subs) || key);

/** Fits the preview's frame to its message, so the whole message reads without a scrollbar. */
function fitToContent(frame: HTMLIFrameElement | null) {
  const root = frame?.contentDocument?.documentElement;
  if (!frame || !root) return;
  // Measured at no height: a frame taller than its message would report its own height.
  frame.style.height = '0';
  frame.style.height = `${root.scrollHeight}px`;
}

/**
 * Edits one template with its placeholder list, errors at their position and a live preview of
 * the whole message. Reports whether it holds unsaved changes, and while it does, closing the
 * page asks first.
 */
export function TemplateEditor({
  initial,
  settings,
  recentOffers,
  onSave,
  onCancel,
  onDirty,
}: {
  initial: MessageTemplate;
  settings: Settings;
  recentOffers: readonly Offer[];
  onSave: (template: MessageTemplate) => Promise<void>;
  onCancel: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const [previewSource, setPreviewSource] = useState('sample');
  const [submitted, setSubmitted] = useState(false);
  const subject = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const previewFrame = useRef<HTMLIFrameElement>(null);
  const check = useMemo(() => checkTemplateDraft(draft), [draft]);
  const dirty = isDraftChanged(initial, draft);

  useEffect(() => {
    onDirty(dirty);
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty, onDirty]);

  useEffect(() => {
    // A narrower page wraps more lines: the frame follows.
    const refit = () => fitToContent(previewFrame.current);
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, []);
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const previewOffer = recentOffers.find((o) => o.id === previewSource) ?? sampleFor(draft.kind === 'trial' ? 'trial' : 'purchase');
  // As the picker and "Copy message" render it: a stored offer greets the customer it would go to.
  const preview = useMemo(() => renderOfferWith(previewOffer, { ...draft, language: draft.language || 'en' }, settings.profile), [draft, previewOffer, settings.profile]);

  /** Puts the caret on an error: selects the tag in its field. */
  const showError = (error: FieldError) => {
    const control = error.field === 'subject' ? subject.current : body.current;
    if (!control) return;
    control.focus();
    control.setSelectionRange(error.offset, error.offset + error.length);
  };

  const insert = (name: PlaceholderName) => {
    const field = lastField.current;
    const control = field === 'subject' ? subject.current : body.current;
    const value = draft[field];
    const inserted = insertPlaceholder(value, control?.selectionStart ?? value.length, control?.selectionEnd ?? value.length, name);
    set(field, inserted.value);
    requestAnimationFrame(() => {
      control?.focus();
      control?.setSelectionRange(inserted.selectionStart, inserted.selectionEnd);
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    if (!isDraftValid(check)) {
      const first = check.syntax[0];
      if (first) showError(first);
      else {
        // No syntax error to select: the first field with a problem takes the focus, its message read with it.
        const field = (['name', 'language', 'subject', 'body'] as const).find((name) => check.fields[name]);
        if (field) document.getElementById(`template-${field}`)?.focus();
      }
      return;
    }
    await onSave({ ...draft, name: draft.name.trim(), language: draft.language.trim() });
  };

  /** A field's own description (its error, its hint) and the list of syntax errors, read together. */
  const describedWithSyntax = (own: string | undefined) => [own, 'template-errors'].filter(Boolean).join(' ');

  const fieldError = (field: 'name' | 'language' | 'subject' | 'body') =>
    submitted && check.fields[field] ? t(check.fields[field] as MessageKey) : undefined;
  const languages = MESSAGE_LANGUAGES.includes(draft.language as 'en') ? MESSAGE_LANGUAGES : [...MESSAGE_LANGUAGES, draft.language];

  return (
    <form class="template-editor" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="editor-heading">
      <h3 id="editor-heading">{t('options_editTemplate', initial.name)}</h3>
      <div class="grid-3">
        <Field id="template-name" label={t('options_templateName')} error={fieldError('name')}>
          {(props) => <input {...props} type="text" maxLength={100} value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}
        </Field>
        <Field id="template-language" label={t('options_templateLanguage')} error={fieldError('language')}>
          {(props) => (
            <select {...props} value={draft.language} onChange={(e) => set('language', e.currentTarget.value)}>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="template-kind" label={t('column_kind')}>
          {(props) => (
            <select {...props} value={draft.kind} onChange={(e) => set('kind', e.currentTarget.value as TemplateKind)}>
              {TEMPLATE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {templateKindLabel(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div class="inline-field">
        <input id="template-default" type="checkbox" checked={draft.isDefault} onChange={(e) => set('isDefault', e.currentTarget.checked)} />
        <label for="template-default">{t('options_templateDefaultFor')}</label>
      </div>
      <div class="editor-layout">
        <div class="stack">
          <Field id="template-subject" label={t('options_templateSubject')} error={fieldError('subject')}>
            {(props) => (
              <input
                {...props}
                ref={subject}
                type="text"
                class="mono"
                maxLength={SUBJECT_MAX_LENGTH}
                aria-invalid={props['aria-invalid'] || check.syntax.some((e) => e.field === 'subject')}
                aria-describedby={describedWithSyntax(props['aria-describedby'])}
                value={draft.subject}
                onFocus={() => (lastField.current = 'subject')}
                onInput={(e) => set('subject', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="template-body" label={t('options_templateBody')} error={fieldError('body')}>
            {(props) => (
              <textarea
                {...props}
                ref={body}
                class="mono"
                rows={16}
                maxLength={TEMPLATE_MAX_LENGTH}
                aria-invalid={props['aria-invalid'] || check.syntax.some((e) => e.field === 'body')}
                aria-describedby={describedWithSyntax(props['aria-describedby'])}
                value={draft.body}
                onFocus={() => (lastField.current = 'body')}
                onInput={(e) => set('body', e.currentTarget.value)}
              />
            )}
          </Field>
          <div id="template-errors" role="alert" class="template-errors">
            {check.syntax.length > 0 && (
              <ul>
                {check.syntax.map((error, i) => (
                  <li key={i}>
                    <button type="button" class="link" onClick={() => showError(error)}>
                      {t(error.field === 'subject' ? 'options_errorInSubject' : 'options_errorInBody')}
                    </button>{' '}
                    <span class="error">{describe(error)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <details class="placeholders">
            <summary>{t('options_placeholders')}</summary>
            <p class="muted">{t('options_placeholdersHint')}</p>
            <ul class="plain">
              {PLACEHOLDER_NAMES.map((name) => {
                const { type, label } = PLACEHOLDERS[name];
                const tag = type === 'flag' ? `{{#if ${name}}}{{/if}}` : `{{${name}}}`;
                return (
                  <li key={name}>
                    <button type="button" class="link mono" onClick={() => insert(name)} aria-label={t('options_insertPlaceholder', tag)}>
                      {tag}
                    </button>{' '}
                    <span class="muted">{t(label)}</span>
                  </li>
                );
              })}
            </ul>
          </details>
        </div>
        <div class="stack preview">
          <div class="field">
            <label for="preview-offer">{t('options_previewWith')}</label>
            <select id="preview-offer" value={previewSource} onChange={(e) => setPreviewSource(e.currentTarget.value)}>
              <option value="sample">{t('options_sampleOffer')}</option>
              {recentOffers.map((offer) => (
                <option key={offer.id} value={offer.id}>
                  {[customersLabel(offer) || offer.summaryId || offer.quoteId, formatDateTime(offer.createdAt)].join(' · ')}
                </option>
              ))}
            </select>
          </div>
          {preview.ok ? (
            <>
              <p class="preview-subject">
                <span class="muted">{t('options_previewSubjectLabel')} </span>
                {preview.subject}
              </p>
              <h4>{t('options_previewHtml')}</h4>
              {/* The renderer escapes every value; the sandbox runs no script in the preview all the same, and lets
                  this page measure it (same origin) to show the whole message. */}
              <iframe
                ref={previewFrame}
                class="preview-html"
                title={t('options_previewHtml')}
                sandbox="allow-same-origin"
                onLoad={(event) => fitToContent(event.currentTarget)}
                srcDoc={`<!doctype html><meta charset="utf-8"><body style="font:14px system-ui,sans-serif;margin:8px">${preview.html}`}
              />
              <h4>{t('options_previewText')}</h4>
              <pre class="preview-text" tabIndex={0} aria-label={t('options_previewText')}>
                {preview.text}
              </pre>
            </>
          ) : (
            <p class="muted">{t('options_previewUnavailable')}</p>
          )}
        </div>
      </div>
      <SubmitOrCancel label={t('options_saveTemplate')} onCancel={onCancel} />
    </form>
  );
}
