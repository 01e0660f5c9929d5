import { defineElement } from '../../base/define.js';
import { OsaRunOfShow } from './run-of-show.component.js';
import './run-of-show-activity.js';

export { OsaRunOfShow };

defineElement('osa-run-of-show', OsaRunOfShow);

declare global {
  interface HTMLElementTagNameMap {
    'osa-run-of-show': OsaRunOfShow;
  }
}
