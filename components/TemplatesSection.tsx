import { useState } from 'preact/hooks';
import type { MessageTemplate } from '@/lib/message/template';
import { templateKindLabel } from '@/lib/ui/offer-labels';
import { saveTemplates } from '@/lib/settings/client';
import { t, uiLocale } from '@/lib/i18n';
import { deleteTemplateFromList, duplicateTemplate, newTemplate, saveTemplateInList } from '@/lib/ui/template-list';
import { languageName } from '@/lib/ui/format';
import { TemplateEditor } from './TemplateEditor';
import type { Settings } from '@/lib/settings/settings';
import type { Offer } from '@/lib/offers/schema';
import { setDefaultTemplate } from '@/lib/message/pick';


const newId = () => `template-${crypto.randomUUID()}`;

/** The advisor's message templates: list, create, duplicate, edit, delete, default per language and kind. */
export function TemplatesSection({
  settings,
  recentOffers,
  onSaved,
}: {
  settings: Settings;
  recentOffers: readonly Offer[];
  onSaved: (templates: MessageTemplate[]) => void;
}) {
  const [editing, setEditing] = useState<MessageTemplate | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const templates = settings.templates;

  const store = async (next: MessageTemplate[], done: string) => {
    try {
      onSaved(await saveTemplates(next));
      setStatus({ ok: true, text: done });
      return true;
    } catch {
      setStatus({ ok: false, text: t('options_saveFailed') });
      return false;
    }
  };

  if (editing) {
    return (
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('options_templatesHeading')}</h2>
        <TemplateEditor
          initial={editing}
          settings={settings}
          recentOffers={recentOffers}
          onCancel={() => setEditing(null)}
          onSave={async (template) => {
            if (await store(saveTemplateInList(templates, template), t('options_templateSaved', template.name))) setEditing(null);
          }}
        />
      </section>
    );
  }

  return (
    <section aria-labelledby="templates-heading">
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
            <tr key={template.id}>
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
                    onClick={() => void store(setDefaultTemplate(templates, template.id), t('options_defaultChanged', template.name))}
                  >
                    {t('options_makeDefault')}
                  </button>
                )}
              </td>
              <td class="row-actions">
                <button type="button" aria-label={t('options_editNamed', template.name)} onClick={() => setEditing(template)}>
                  {t('options_edit')}
                </button>
                <button
                  type="button"
                  aria-label={t('options_duplicateNamed', template.name)}
                  onClick={() => setEditing(duplicateTemplate(template, newId(), t('options_copyOf', template.name)))}
                >
                  {t('options_duplicate')}
                </button>
                <button
                  type="button"
                  aria-label={t('options_deleteNamed', template.name)}
                  onClick={() => void store(deleteTemplateFromList(templates, template.id), t('options_templateDeleted', template.name))}
                >
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
          onClick={() => setEditing(newTemplate(newId(), uiLocale().split('-')[0] === 'fr' ? 'fr' : 'en', 'purchase', t('options_newTemplateName')))}
        >
          {t('options_newTemplate')}
        </button>
        <span role="status" class={status?.ok === false ? 'error' : 'ok'}>
          {status?.text}
        </span>
      </div>
    </section>
  );
}
