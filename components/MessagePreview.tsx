import { escapeHtml } from '@/lib/html';
import { t } from '@/lib/i18n';
import type { MessageTemplate } from '@/lib/message/template';
import type { PickerMessage } from '@/lib/webmail/picker-message';
import { ProblemText } from './ProblemText';

export interface ShownMessage {
  template: MessageTemplate | undefined;
  built: PickerMessage;
}

interface MessagePreviewProps {
  shown: ShownMessage | undefined;
  dark: boolean;
  /** Why a message cannot be built, as the picker says it. */
  problemOf: (built: Exclude<PickerMessage, { ok: true }>) => { text: string; details: string[] };
}

const previewStyle = (dark: boolean) =>
  `:root{color-scheme:${dark ? 'dark' : 'light'};background:${dark ? '#1f1f1f' : '#fff'};color:${dark ? '#f3f2f1' : '#201f1e'}}` +
  `body{font:13px/1.45 system-ui,sans-serif;margin:8px;overflow-wrap:anywhere}a{color:${dark ? '#6cb8f6' : '#0f6cbd'}}p,ul{margin:0 0 .8em}`;

/**
 * The whole message as it will be inserted: its subject, then its HTML from the message
 * renderer (which escapes every value), shown in a sandboxed frame so that nothing in it runs
 * or navigates the picker.
 */
export function MessagePreview({ shown, dark, problemOf }: MessagePreviewProps) {
  if (!shown) return <p class="preview-note">{t('webmail_picker_preview_none')}</p>;
  const { built, template } = shown;
  if (!built.ok) {
    const problem = problemOf(built);
    return (
      <div class="preview-note">
        <ProblemText {...problem} />
      </div>
    );
  }
  const language = template?.language ?? '';
  const previewDocument = `<!doctype html><html lang="${escapeHtml(language)}"><meta charset="utf-8"><style>${previewStyle(dark)}</style><body>${built.message.html}`;
  return (
    <>
      <p class="preview-subject">
        {t('webmail_picker_preview_subject', built.message.subject)}
      </p>
      {/* A new frame for each message: a srcdoc changed while the previous one still loads can leave the old one shown. */}
      <iframe key={previewDocument} class="preview-body" title={t('webmail_picker_preview')} sandbox="" srcDoc={previewDocument} />
    </>
  );
}
