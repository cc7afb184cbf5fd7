import type { Ref } from 'preact';
import { useImperativeHandle, useRef, useState } from 'preact/hooks';
import type { MessageTemplate } from '@/lib/message/template';
import { templateKindLabel } from '@/lib/ui/offer-labels';
import { saveTemplates } from '@/lib/settings/client';
import { t, uiLocale } from '@/lib/i18n';
import {
  deleteTemplateFromList,
  differsFromShipped,
  duplicateTemplate,
  newTemplate,
  resetToShipped,
  restoreTemplateInList,
  saveTemplateInList,
} from '@/lib/ui/template-list';
import { languageName } from '@/lib/ui/format';
import { ConfirmDiscard, type DiscardReason } from './ConfirmDiscard';
import { TemplateEditor } from './TemplateEditor';
import type { Settings } from '@/lib/settings/settings';
import type { Offer } from '@/lib/offers/schema';
import { setDefaultTemplate } from '@/lib/message/pick';

const newId = () => `template-${crypto.randomUUID()}`;

/** What the last change can be undone to: a deleted template and its place, or a template before its reset. */
type Undo = { deleted: MessageTemplate; index: number } | { before: MessageTemplate };

interface Notice {
  ok: boolean;
  text: string;
  undo?: Undo;
}

/** Runs `action` at once, or after the advisor agreed to lose the editor's unsaved changes (`reason` says what would lose them). */
export type EditorGuard = (action: () => void, reason?: DiscardReason) => void;

/** The guard while no templates section is on the page: nothing to lose. */
export const runAtOnce: EditorGuard = (action) => action();

/**
 * The advisor's message templates: list, create, duplicate, edit, reset, delete with Undo,
 * default per language and kind. The editor opens under the list; leaving it with changes not
 * saved (another template, Cancel, closing the page) asks first.
 */
export function TemplatesSection({
  settings,
  recentOffers,
  onSaved,
  editorGuard,
}: {
  settings: Settings;
  recentOffers: readonly Offer[];
  onSaved: (templates: MessageTemplate[]) => void;
  /** Holds, for the page, how to leave the editor for something else (a restore of the settings): at once, or once the advisor agreed. */
  editorGuard?: Ref<EditorGuard>;
}) {
  const [editing, setEditing] = useState<{ template: MessageTemplate; opened: number } | null>(null);
  const [dirty, setDirty] = useState(false);
  // What to do once the advisor agrees to discard the editor's changes.
  const [afterDiscard, setAfterDiscard] = useState<{ action: () => void; reason: DiscardReason } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement>(null);
  const templates = settings.templates;

  const store = async (next: MessageTemplate[], done: Omit<Notice, 'ok'>) => {
    try {
      onSaved(await saveTemplates(next));
      setNotice({ ok: true, ...done });
      return true;
    } catch {
      setNotice({ ok: false, text: t('options_saveFailed') });
      return false;
    }
  };

  const leavingEditor: EditorGuard = (action, reason = 'leave') => {
    if (editing && dirty) setAfterDiscard({ action, reason });
    else action();
  };

  const openEditor = (template: MessageTemplate | null) => {
    setDirty(false);
    // A new key for each opening: the editor starts again from the template, even the same one.
    setEditing((current) => (template ? { template, opened: (current?.opened ?? 0) + 1 } : null));
    if (template) requestAnimationFrame(() => section.current?.querySelector<HTMLElement>('#template-name')?.focus());
  };

  // A restore replaces the templates under the editor: it closes, its changes discarded as agreed.
  useImperativeHandle(editorGuard ?? null, () => (action, reason) =>
    leavingEditor(() => {
      openEditor(null);
      action();
    }, reason),
  );

  /** The keyboard goes back to the template's row, or to the section's first control for a new template left unsaved. */
  const focusRow = (id: string) =>
    requestAnimationFrame(() =>
      (section.current?.querySelector<HTMLElement>(`tr[data-template-id="${CSS.escape(id)}"] button`) ?? section.current?.querySelector<HTMLElement>('button'))?.focus(),
    );

  const remove = async (template: MessageTemplate) => {
    if (editing?.template.id === template.id) openEditor(null);
    const index = templates.findIndex((t) => t.id === template.id);
    const done = { text: t('options_templateDeleted', template.name), undo: { deleted: template, index } };
    // The Delete button is gone: the keyboard goes on to the Undo beside the notice.
    if (await store(deleteTemplateFromList(templates, template.id), done)) requestAnimationFrame(() => undoButton.current?.focus());
  };

  const reset = async (template: MessageTemplate) => {
    if (editing?.template.id === template.id) openEditor(null);
    const shipped = resetToShipped(template);
    await store(saveTemplateInList(templates, shipped), { text: t('options_templateReset', shipped.name), undo: { before: template } });
  };

  const undo = async (what: Undo) => {
    const template = 'deleted' in what ? what.deleted : what.before;
    const next = 'deleted' in what ? restoreTemplateInList(templates, what.deleted, what.index) : saveTemplateInList(templates, what.before);
    if (await store(next, { text: t('options_templateRestored', template.name) })) focusRow(template.id);
  };

  return (
    <section aria-labelledby="templates-heading" ref={section}>
      <h2 id="templates-heading">{t('options_templatesHeading')}</h2>
      <table class="offer-table templates">
        <thead>
          <tr>
            <th scope="col">{t('options_templateName')}</th>
            <th scope="col">{t('options_templateLanguage')}</th>
            <th scope="col">{t('column_kind')}</th>
            <th scope="col">{t('options_templateDefault')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('options_templateActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((template) => (
            <tr key={template.id} data-template-id={template.id} aria-current={editing?.template.id === template.id ? 'true' : undefined}>
              <td>{template.name}</td>
              <td>{languageName(template.language)}</td>
              <td>{templateKindLabel(template.kind)}</td>
              <td>
                {template.isDefault ? (
                  <span class="badge">{t('options_templateIsDefault')}</span>
                ) : (
                  <button
                    type="button"
                    aria-label={t('options_makeDefaultNamed', template.name)}
                    onClick={() => void store(setDefaultTemplate(templates, template.id), { text: t('options_defaultChanged', template.name) })}
                  >
                    {t('options_makeDefault')}
                  </button>
                )}
              </td>
              <td class="row-actions">
                <button type="button" aria-label={t('options_editNamed', template.name)} onClick={() => leavingEditor(() => openEditor(template))}>
                  {t('options_edit')}
                </button>
                <button
                  type="button"
                  aria-label={t('options_duplicateNamed', template.name)}
                  onClick={() => leavingEditor(() => openEditor(duplicateTemplate(template, newId(), t('options_copyOf', template.name))))}
                >
                  {t('options_duplicate')}
                </button>
                {differsFromShipped(template) && (
                  <button type="button" aria-label={t('options_resetNamed', template.name)} onClick={() => leavingEditor(() => void reset(template))}>
                    {t('options_resetTemplate')}
                  </button>
                )}
                <button type="button" aria-label={t('options_deleteNamed', template.name)} onClick={() => leavingEditor(() => void remove(template))}>
                  {t('options_delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          onClick={() =>
            leavingEditor(() => openEditor(newTemplate(newId(), uiLocale().split('-')[0] === 'fr' ? 'fr' : 'en', 'purchase', t('options_newTemplateName'))))
          }
        >
          {t('options_newTemplate')}
        </button>
        <span role="status" class={`template-notice ${notice?.ok === false ? 'error' : 'ok'}`}>
          {notice?.text}
        </span>
        {notice?.undo && (
          <button type="button" ref={undoButton} onClick={() => notice.undo && void undo(notice.undo)}>
            {t('options_undo')}
          </button>
        )}
      </div>
      {editing && (
        <TemplateEditor
          key={editing.opened}
          initial={editing.template}
          settings={settings}
          recentOffers={recentOffers}
          onDirty={setDirty}
          onCancel={() =>
            leavingEditor(() => {
              openEditor(null);
              focusRow(editing.template.id);
            })
          }
          onSave={async (template) => {
            if (await store(saveTemplateInList(templates, template), { text: t('options_templateSaved', template.name) })) {
              openEditor(null);
              focusRow(template.id);
            }
          }}
        />
      )}
      {afterDiscard && editing && (
        <ConfirmDiscard
          name={editing.template.name}
          reason={afterDiscard.reason}
          onKeep={() => {
            setAfterDiscard(null);
            requestAnimationFrame(() => section.current?.querySelector<HTMLElement>('#template-body')?.focus());
          }}
          onDiscard={() => {
            setAfterDiscard(null);
            afterDiscard.action();
          }}
        />
      )}
    </section>
  );
}
