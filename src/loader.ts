/**
 * The autoloader, published as `dist/cdn/osallistu.js`: the one `<script type="module">` a
 * webmaster pastes. It defines each element of the library when the element first appears in the
 * page (on load, then whenever the page adds one) and fetches only that element's code, from the
 * file beside it (`priority-board.js` for `<osa-priority-board>`), which a page may also load
 * directly.
 *
 * It imports no element and no Lit: everything it loads comes from the registry's dynamic
 * imports. Two copies on one page (two CMS blocks) both work: an element's file runs once, and
 * `defineElement` keeps the first definition if two copies of the library meet.
 */
import { ELEMENTS, type ElementTag } from './registry.js';

export type { ElementTag };

const loading = new Map<ElementTag, Promise<CustomElementConstructor>>();
/** Elements whose file failed to load: tried again at the next change in the page. */
let failed = false;

function isElementTag(tag: string): tag is ElementTag {
  return Object.hasOwn(ELEMENTS, tag);
}

/**
 * Loads and defines one element; resolves with its class. For pages that create elements from
 * script, so that they can wait for the class before using the element's properties. Rejects for
 * a tag that is not one of the library's, and when the element's file could not be loaded.
 */
export function load(tag: string): Promise<CustomElementConstructor> {
  const name = tag.toLowerCase();
  if (!isElementTag(name)) {
    const known = Object.keys(ELEMENTS).map((known) => `<${known}>`).join(', ');
    return Promise.reject(new Error(`osallistu: <${name}> is not an element of this library (it has ${known}).`));
  }
  let pending = loading.get(name);
  if (pending === undefined) {
    pending = ELEMENTS[name]().then(() => {
      const constructor = customElements.get(name);
      if (constructor === undefined) throw new Error(`osallistu: loading <${name}> did not define it.`);
      return constructor;
    });
    loading.set(name, pending);
    // A failed load is forgotten, so that the next try fetches the file again.
    pending.catch(() => {
      if (loading.get(name) === pending) loading.delete(name);
    });
  }
  return pending;
}

/** Loads and defines every element of the library. */
export function loadAll(): Promise<CustomElementConstructor[]> {
  return Promise.all(Object.keys(ELEMENTS).map(load));
}

/** Starts loading every library element in `root` (and `root` itself) that is not defined yet. */
function discover(root: Document | Element): void {
  const undefinedElements = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element && !root.matches(':defined')) undefinedElements.unshift(root);
  for (const element of undefinedElements) {
    const tag = element.localName;
    if (!isElementTag(tag) || loading.has(tag)) continue;
    load(tag).catch((error: unknown) => {
      failed = true;
      console.error(`osallistu: could not load <${tag}>; it is tried again when the page changes.`, error);
    });
  }
}

function onMutations(mutations: MutationRecord[]): void {
  if (failed) {
    failed = false;
    discover(document);
    return;
  }
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node instanceof Element) discover(node);
    }
  }
}

if (globalThis.document) {
  // Elements are defined in whatever order their files arrive: `defineElement` attaches the
  // page's context root, which answers an element whose <osa-event> is defined after it.
  discover(document);
  new MutationObserver(onMutations).observe(document, { childList: true, subtree: true });
}
