import type { Offer } from '@/lib/offers/schema';
import { t, uiLocale } from '@/lib/i18n';
import { copyRich, copyText } from '@/lib/clipboard';
import { parseOfferUrl } from '@/lib/offers/offer-url';
import { browser } from 'wxt/browser';

export type Report = (outcome: { ok: boolean; text: string }) => void;

/** Copies the offer URL, unless it fails today's offer-link rule (an offer saved before the rule was strict). */
export async function copyOfferUrl(offer: Offer, report: Report) {
  if (!parseOfferUrl(offer.url)) {
    report({ ok: false, text: t('desk_notAnOfferLink') });
    return;
  }
  try {
    await copyText(offer.url);
    report({ ok: true, text: t('desk_urlCopied') });
  } catch {
    report({ ok: false, text: t('desk_copyFailed') });
  }
}

/**
 * Renders the default template for the offer and copies it as HTML and plain text; with the
 * advisor's name or company missing it says, as the settings and the picker do, that the message
 * names no company and goes out unsigned.
 */
export async function copyOfferMessage(offer: Offer, report: Report) {
  try {
    // Loaded on first use: templates and their renderer are not needed to show the popup.
    const [{ loadSettings }, { renderOfferMessage }, { describeTemplateError }, { isProfileFilled }] = await Promise.all([
      import('@/lib/settings/client'),
      import('@/lib/message/offer-message'),
      import('@/lib/message/parse'),
      import('@/lib/onboarding/checklist'),
    ]);
    const settings = await loadSettings();
    const message = renderOfferMessage(offer, settings, uiLocale());
    if (!message.template) {
      report({ ok: false, text: t('desk_noTemplate') });
      return;
    }
    if (!message.result.ok) {
      const [first] = message.result.errors;
      const reason = first ? describeTemplateError(first, (k, s) => browser.i18n.getMessage(k as 'extName', s)) : '';
      report({ ok: false, text: t('desk_templateBroken', [message.template.name, reason]) });
      return;
    }
    const copied = await copyRich(message.result);
    const unsigned = isProfileFilled(settings.profile) ? '' : ` ${t('profileNotice_text')}`;
    report(copied ? { ok: true, text: t('desk_messageCopied', message.template.name) + unsigned } : { ok: false, text: t('desk_copyFailed') });
  } catch {
    report({ ok: false, text: t('desk_copyFailed') });
  }
}

/** Copy URL and Copy message, shared by the popup card and the history details. */
export function OfferCopyButtons({ offer, report }: { offer: Offer; report: Report }) {
  return (
    <>
      <button type="button" onClick={() => void copyOfferUrl(offer, report)}>
        {t('desk_copyUrl')}
      </button>
      <button type="button" onClick={() => void copyOfferMessage(offer, report)}>
        {t('desk_copyMessage')}
      </button>
    </>
  );
}
