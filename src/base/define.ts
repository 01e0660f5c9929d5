/**
 * Defines a custom element unless the name is already taken, so that loading the bundle
 * twice on one page (a CMS block pasted twice, a CDN bundle beside an npm import) throws nothing.
 * When another class already holds the name the first definition wins and a warning says so.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing === undefined) {
    customElements.define(name, constructor);
  } else if (existing !== constructor) {
    console.warn(`osallistu: <${name}> is already defined by another copy of the library; keeping the first.`);
  }
}
