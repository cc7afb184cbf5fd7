import { FirstAnswer } from '@/lib/ui/first-answer';
import { parseHistoryView } from '@/lib/ui/history-view';
import { requestOverview } from '@/components/PipelineOverview';
import { HistoryApp, requestListing } from './HistoryApp';
import '@/components/page.css';
import { mountPage } from '@/components/mount-page';

const view = parseHistoryView(location.search);
// Asked before the first render, the figures first: the worker reads while the page draws.
const overview = new FirstAnswer(requestOverview());
const listing = new FirstAnswer(requestListing(view));
mountPage(<HistoryApp first={{ view, listing, overview }} />);
