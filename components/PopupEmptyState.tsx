import { PARTNER_CENTER_HOSTS } from '@/lib/hosts';
import { t } from '@/lib/i18n';
import { OPTIONS_PAGE } from '@/lib/ui/popup-action';

/** Partner Center's home: the path of its "Create offer" screen is not documented, the menu leading there is (see the steps). */
const PARTNER_CENTER_HOME = `https://${PARTNER_CENTER_HOSTS[0]}/dashboard/home`;

/** What a popup without offers says: where offers come from, and where to set up the messages meanwhile. */
export function PopupEmptyState({ openUrl, openSettings }: { openUrl: (url: string) => void; openSettings: () => void }) {
  const link = (href: string, text: string, open: () => void) => (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        open();
      }}
    >
      {text}
    </a>
  );
  return (
    <section class="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('popup_noOffers')}</h2>
      <p>{t('popup_noOffersNext')}</p>
      <p class="toolbar">
        {link(PARTNER_CENTER_HOME, t('popup_openPartnerCenter'), () => openUrl(PARTNER_CENTER_HOME))}
        {link(OPTIONS_PAGE, t('popup_setUpMessages'), openSettings)}
      </p>
    </section>
  );
}
