import { expect } from '@open-wc/testing';
import { waitFor } from './adapters/conformance.js';
import { createHttpAdapter } from './adapters/http/http-adapter.js';
import { testServer, uniqueName, type TestServer } from './adapters/test-support.js';
import { fi } from './i18n/fi.js';

/**
 * The README's embed snippet as a webmaster pastes it into a CMS page. The test page is served by
 * the test runner on another port than the reference servers, so it IS a page on another origin:
 * the snippet's loader, API and live stream all cross origins, as on a municipality's site.
 */

/** The first HTML block of the README's section for webmasters, exactly as written there. */
async function readmeSnippet(): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.slice(readme.indexOf('## For webmasters: the embed'));
  const block = /```html\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no html block in the webmasters\' section');
  return block[1];
}

/** The snippet pointed at `server` and `eventId` instead of the README's example server and event. */
async function snippetFor(server: TestServer, eventId: string): Promise<string> {
  const snippet = await readmeSnippet();
  const example = /src="(https:\/\/[^/"]+)\/osallistu\/osallistu\.js"/.exec(snippet)?.[1];
  expect(example, 'the snippet loads osallistu.js from the server').to.be.a('string');
  return snippet.replaceAll(example!, server.url).replace(/event="[^"]*"/, `event="${eventId}"`);
}

/** A page of its own (a frame, so that the bundle the snippet loads defines its elements there). */
async function pageWith(body: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A CMS page</title></head><body><main>${body}</main></body></html>`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

const boardText = (page: Document): string => page.querySelector('osa-priority-board')?.shadowRoot?.textContent ?? '';

describe('the README\'s embed snippet on a page of another origin', function () {
  this.timeout(30000);
  let development: TestServer;
  let production: TestServer;

  before(async function () {
    // The first request for each starts it, with an embedded database of its own: slow on a busy machine.
    this.timeout(180000);
    [development, production] = await Promise.all([testServer('development'), testServer('production')]);
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('runs a board against a server started like npm start: the participant votes', async () => {
    const admin = createHttpAdapter({ baseUrl: development.url, adminToken: development.adminToken });
    const { eventId } = await admin.createEvent({
      id: uniqueName('readme').toLowerCase().replace(/[^a-z0-9-]/g, 'x'),
      title: 'Kehittämispäivä',
      activities: [{ id: 'themes', kind: 'board', config: { mode: 'duel' }, phase: 'vote' }],
      seed: [
        { activity: 'themes', as: 'a', command: 'submitIdea', payload: { text: 'Lisää liikuntaa välitunneille' } },
        { activity: 'themes', as: 'b', command: 'submitIdea', payload: { text: 'Hiljaisia tiloja lepoon' } },
      ],
    });
    const page = await pageWith(await snippetFor(development, eventId));
    const board = () => page.querySelector('osa-priority-board')?.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="choice"]:not([disabled])');
    await waitFor(() => Boolean(board()), 'the duel to show', 15000).catch((error: Error) => {
      throw new Error(`${error.message}; the board says: ${boardText(page)}`);
    });
    let voted: { queued: boolean } | undefined;
    page.addEventListener('osa-vote', (event) => (voted = (event as CustomEvent<{ queued: boolean }>).detail), { once: true });
    board()!.click();
    await waitFor(() => voted !== undefined, 'the vote to be answered').catch((error: Error) => {
      throw new Error(`${error.message}; the board says: ${boardText(page)}`);
    });
    expect(voted!.queued, 'the vote reached the server, not the offline outbox').to.be.false;
    expect(boardText(page)).not.to.include(fi.errors.offline);
    expect(boardText(page)).not.to.include(fi.common.offline);
  });

  it('says that the server refuses the page\'s origin, naming the setting, when its allow-list leaves the page out', async () => {
    const page = await pageWith(await snippetFor(production, 'yhr-2026'));
    const refusal = fi.errors.originRefused(globalThis.origin);
    await waitFor(() => boardText(page).includes(refusal), 'the origin message', 15000).catch((error: Error) => {
      throw new Error(`${error.message}; the board says: ${boardText(page)}`);
    });
    expect(refusal).to.include('OSA_ALLOWED_ORIGINS');
    expect(boardText(page)).not.to.include(fi.errors.offline);
    const alert = page.querySelector('osa-priority-board')!.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include(refusal);
  });
});
