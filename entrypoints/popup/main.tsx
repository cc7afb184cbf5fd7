import { PopupApp } from './PopupApp';
import '@/components/page.css';
import { mountPage } from '@/components/mount-page';
import './popup.css';

mountPage(<PopupApp />);
