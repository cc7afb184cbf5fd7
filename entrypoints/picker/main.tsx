import { render } from 'preact';
import { PickerApp } from './PickerApp';
import { uiLocale } from '@/lib/i18n';
import './picker.css';

document.documentElement.lang = uiLocale();
render(<PickerApp />, document.getElementById('app')!);
