import { useState } from 'preact/hooks';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { copyText } from '@/lib/clipboard';
import { websiteSnippet, type SnippetStyle } from '@/lib/ui/snippet';
import type { Report } from './OfferActions';

/** HTML for posting the offer on the advisor's website, as a link or a button. */
export function WebsiteSnippet({ offer, report }: { offer: Offer; report: Report }) {
  const [style, setStyle] = useState<SnippetStyle>('button');
  const [label, setLabel] = useState(() => t(offer.kind === 'trial' ? 'history_snippetLabelTrial' : 'history_snippetLabelPurchase'));
  const html = websiteSnippet(offer, label, style);
  if (html === null) {
    return (
      <details class="snippet">
        <summary>{t('history_snippet')}</summary>
        <p class="error">{t('history_snippetRefused')}</p>
      </details>
    );
  }
  return (
    <details class="snippet">
      <summary>{t('history_snippet')}</summary>
      <div class="grid-2">
        <div class="field">
          <label for="snippet-style">{t('history_snippetStyle')}</label>
          <select id="snippet-style" value={style} onChange={(e) => setStyle(e.currentTarget.value as SnippetStyle)}>
            <option value="button">{t('history_snippetButton')}</option>
            <option value="link">{t('history_snippetLink')}</option>
          </select>
        </div>
        <div class="field">
          <label for="snippet-label">{t('history_snippetText')}</label>
          <input id="snippet-label" type="text" maxLength={200} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </div>
      </div>
      <div class="field">
        <label for="snippet-html">{t('history_snippetHtml')}</label>
        <textarea id="snippet-html" class="mono" rows={3} readOnly value={html} />
      </div>
      <button
        type="button"
        onClick={() =>
          void copyText(html).then(
            () => report({ ok: true, text: t('history_snippetCopied') }),
            () => report({ ok: false, text: t('desk_copyFailed') }),
          )
        }
      >
        {t('history_snippetCopy')}
      </button>
    </details>
  );
}
