import { defineElement } from '../../base/define.js';
import { OsaEventConsole } from './event-console.component.js';

export { OsaEventConsole };

defineElement('osa-event-console', OsaEventConsole);

declare global {
  interface HTMLElementTagNameMap {
    'osa-event-console': OsaEventConsole;
  }
}
