import { WelcomeApp } from './WelcomeApp';
import '@/components/page.css';
import { mountPage } from '@/components/mount-page';

mountPage(<WelcomeApp />);
