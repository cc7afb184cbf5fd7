import { HistoryApp } from './HistoryApp';
import '@/components/page.css';
import { mountPage } from '@/components/mount-page';

mountPage(<HistoryApp />);
