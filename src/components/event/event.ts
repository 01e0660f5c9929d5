import { ContextRoot } from '@lit/context';
import { defineElement } from '../../base/define.js';
import { OsaEvent } from './event.component.js';

export { OsaEvent };

// Elements that ask for the adapter before their <osa-event> is upgraded (the CMS put them in the
// page before the script ran) are answered once it is: the root replays their requests.
const rootKey = Symbol.for('osallistu.context-root');
const page = globalThis as typeof globalThis & { [rootKey]?: ContextRoot };
if (!page[rootKey] && globalThis.document) {
  page[rootKey] = new ContextRoot();
  page[rootKey].attach(document.documentElement);
}

defineElement('osa-event', OsaEvent);

declare global {
  interface HTMLElementTagNameMap {
    'osa-event': OsaEvent;
  }
}
