import { render } from 'preact';
import { PopupApp } from './PopupApp';
import '@/components/page.css';
import { uiLocale } from '@/lib/i18n';
import './popup.css';

// Screen readers and spell checkers need the language the page is written in.
document.documentElement.lang = uiLocale();
render(<PopupApp />, document.getElementById('app')!);
