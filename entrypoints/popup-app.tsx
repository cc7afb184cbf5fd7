import { mountPage } from '@/components/mount-page';
import { startEarlyRead } from '@/lib/ui/early-read';
import { PopupApp } from './popup/PopupApp';
import '@/components/page.css';
import './popup/popup.css';

// The popup's one script (a classic one: no module graph to fetch), run at the end of its page.
// The offers are read before the first render, so the database works while the page draws.
export default defineUnlistedScript(() => {
  startEarlyRead();
  mountPage(<PopupApp />);
});
