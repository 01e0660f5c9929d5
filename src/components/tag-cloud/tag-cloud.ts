import { defineElement } from '../../base/define.js';
import { OsaTagCloud } from './tag-cloud.component.js';

export { OsaTagCloud };

defineElement('osa-tag-cloud', OsaTagCloud);

declare global {
  interface HTMLElementTagNameMap {
    'osa-tag-cloud': OsaTagCloud;
  }
}
