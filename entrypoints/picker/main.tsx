import { PickerApp } from './PickerApp';
import { mountPage } from '@/components/mount-page';
import './picker.css';

mountPage(<PickerApp />);
