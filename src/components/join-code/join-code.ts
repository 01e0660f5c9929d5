import { defineElement } from '../../base/define.js';
import { OsaJoinCode } from './join-code.component.js';

export { OsaJoinCode };

defineElement('osa-join-code', OsaJoinCode);

declare global {
  interface HTMLElementTagNameMap {
    'osa-join-code': OsaJoinCode;
  }
}
