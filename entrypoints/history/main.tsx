import { render } from 'preact';
import { HistoryApp } from './HistoryApp';
import '@/components/page.css';
import { uiLocale } from '@/lib/i18n';

// Screen readers and spell checkers need the language the page is written in.
document.documentElement.lang = uiLocale();
render(<HistoryApp />, document.getElementById('app')!);
