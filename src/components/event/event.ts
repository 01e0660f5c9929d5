import { defineElement } from '../../base/define.js';
import { OsaEvent } from './event.component.js';

export { OsaEvent };

defineElement('osa-event', OsaEvent);

declare global {
  interface HTMLElementTagNameMap {
    'osa-event': OsaEvent;
  }
}
