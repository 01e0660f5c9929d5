import { ContextRoot } from '@lit/context';

const rootKey = Symbol.for('osallistu.context-root');

/**
 * Elements may be defined in any order (the loader, element files loaded directly, a CMS that put
 * the elements in the page before the script): a board defined before its <osa-event> asks for
 * the adapter while no provider listens. One context root per page, shared by every copy of the
 * library (a registered symbol), keeps those requests and replays them when the provider arrives.
 */
function ensureContextRoot(): void {
  const page = globalThis as typeof globalThis & { [rootKey]?: ContextRoot };
  if (page[rootKey] || !globalThis.document) return;
  page[rootKey] = new ContextRoot();
  page[rootKey].attach(document.documentElement);
}

/**
 * Defines a custom element unless the name is already taken, so that loading the bundle
 * twice on one page (a CMS block pasted twice, a CDN bundle beside an npm import) throws nothing.
 * When another class already holds the name the first definition wins and a warning says so.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  // Before `define`, which upgrades (and connects) the elements already in the page.
  ensureContextRoot();
  const existing = customElements.get(name);
  if (existing === undefined) {
    customElements.define(name, constructor);
  } else if (existing !== constructor) {
    console.warn(`osallistu: <${name}> is already defined by another copy of the library; keeping the first.`);
  }
}
