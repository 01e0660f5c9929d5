import { expect } from '@open-wc/testing';
import { boardEvent, waitFor } from './adapters/conformance.js';
import { createHttpAdapter } from './adapters/http/http-adapter.js';
import { testServer } from './adapters/test-support.js';
import type * as Loader from './loader.js';

/**
 * The CDN build as a webmaster uses it: one `<script type="module">` for the loader, possibly
 * pasted twice by two CMS blocks (two different URLs make the browser run two copies of it), and
 * the elements in the page's HTML. The event lives on the reference server the test run started.
 */
const LOADER = '/dist/cdn/osallistu.js';

function loadLoader(query: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${LOADER}?${query}`;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load the loader (${query}); run npm run build`)));
    document.head.append(script);
  });
}

// The test framework's own files fill the default buffer of 250 entries.
performance.setResourceTimingBufferSize(100_000);

/** The element files of the CDN build this page has fetched (`priority-board` for dist/cdn/priority-board.js). */
function fetchedElementFiles(): string[] {
  const files = performance
    .getEntriesByType('resource')
    .map((entry) => /^\/dist\/cdn\/([^/]+)\.js$/.exec(new URL(entry.name).pathname)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'osallistu');
  return [...new Set(files)].sort();
}

describe('dist/cdn/osallistu.js, the loader', () => {
  const holder = document.createElement('div');
  let eventId: string;
  let server: { url: string; adminToken: string };

  before(async () => {
    server = await testServer();
    const admin = createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken });
    ({ eventId } = await admin.createEvent(boardEvent({ seed: [{ activity: 'ideas', as: 'a', command: 'submitIdea', payload: { text: 'More shade in the schoolyard' } }] })));
    document.body.append(holder);
  });

  it('fetches an element’s file only once the element appears in the page', async () => {
    await loadLoader('first');
    expect(fetchedElementFiles(), 'before any element is in the page').to.deep.equal([]);

    holder.innerHTML = '<osa-priority-board activity="ideas"></osa-priority-board>';
    await customElements.whenDefined('osa-priority-board');
    // The board's file, and the element files it imports itself (its presenter view's), if any.
    expect(fetchedElementFiles()).to.include('priority-board').and.not.include('event');

    // Its <osa-event> arrives after the board is defined: the board inside asks for the adapter
    // before osa-event is upgraded and gets it once it is.
    holder.innerHTML = `<osa-event api="${server.url}" event="${eventId}" lang="en"><osa-priority-board activity="ideas"></osa-priority-board></osa-event>`;
    const board = holder.querySelector('osa-priority-board')!;
    await waitFor(() => board.shadowRoot?.textContent?.includes('More shade in the schoolyard') ?? false, 'the board to show the idea from the server');
    expect(fetchedElementFiles()).to.include('event');
  });

  it('leaves the page accessible once its elements render', async () => {
    await expect(holder).to.be.accessible();
  });

  it('loads twice on one page without throwing and keeps the first definitions', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      const first = ['osa-event', 'osa-priority-board'].map((tag) => customElements.get(tag));
      const fetched = fetchedElementFiles();
      await loadLoader('second');
      holder.insertAdjacentHTML('beforeend', '<osa-priority-board activity="ideas"></osa-priority-board>');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).to.deep.equal([]);
      expect(['osa-event', 'osa-priority-board'].map((tag) => customElements.get(tag))).to.deep.equal(first);
      expect(fetchedElementFiles(), 'the second copy uses the same files').to.deep.equal(fetched);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('loads an element on request, and rejects a tag that is not the library’s with a clear error', async () => {
    const { load } = (await import(`${LOADER}?first`)) as typeof Loader;
    expect(await load('osa-event')).to.equal(customElements.get('osa-event'));
    let error: unknown;
    try {
      await load('osa-nope');
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/<osa-nope> is not an element of this library \(it has .*<osa-event>/);
  });
});
