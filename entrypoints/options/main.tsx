import { OptionsApp } from './OptionsApp';
import '@/components/page.css';
import { mountPage } from '@/components/mount-page';

mountPage(<OptionsApp />);
