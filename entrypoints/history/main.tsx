import { render } from 'preact';
import { HistoryApp } from './HistoryApp';
import '@/components/page.css';

render(<HistoryApp />, document.getElementById('app')!);
