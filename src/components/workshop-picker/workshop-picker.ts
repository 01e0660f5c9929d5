import { defineElement } from '../../base/define.js';
import { OsaWorkshopPicker } from './workshop-picker.component.js';

export { OsaWorkshopPicker };
export type { WorkshopPickerView } from './workshop-picker.component.js';

defineElement('osa-workshop-picker', OsaWorkshopPicker);

declare global {
  interface HTMLElementTagNameMap {
    'osa-workshop-picker': OsaWorkshopPicker;
  }
}
