import { sendMouse } from '@web/test-runner-commands';
import { waitFor } from '../adapters/conformance.js';

/**
 * Pages of their own for tests that paste a snippet as a webmaster would: a frame filling the test
 * page (so real mouse clicks reach it), whose document is the snippet in a plain HTML page. A
 * `srcdoc` frame has the test page's origin, which is another origin than the reference servers'.
 */
export async function framePage(body: string, { lang = 'en', title = 'A CMS page' }: { lang?: string; title?: string } = {}): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; border: 0; background: #fff';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** A real mouse click on the middle of an element inside a frame page (scrolled into view first). */
export async function clickInFrame(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const frame = [...document.querySelectorAll('iframe')].find((candidate) => candidate.contentDocument === element.ownerDocument);
  if (!frame) throw new Error('The element is not in a frame page of this test.');
  const outer = frame.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(outer.left + inner.left + inner.width / 2), Math.round(outer.top + inner.top + inner.height / 2)] });
}

/** Waits until `find` gives something, and says what `describe` reports when it never does. */
export async function untilFound<T>(find: () => T | null | undefined | false, what: string, describe: () => string, timeout = 15000): Promise<T> {
  let found: T | null | undefined | false;
  await waitFor(() => Boolean((found = find())), what, timeout).catch((error: Error) => {
    throw new Error(`${error.message}; the page shows: ${describe()}`);
  });
  return found as T;
}

/** The detail of the next event of `type` dispatched in `page`. */
export function nextEvent<D>(page: Document, type: string): Promise<D> {
  return new Promise((resolve) => page.addEventListener(type, (event) => resolve((event as CustomEvent<D>).detail), { once: true }));
}
