import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitFor } from './adapters/conformance.js';
import { createHttpAdapter } from './adapters/http/http-adapter.js';
import { createLocalAdapter } from './adapters/local/local-adapter.js';
import { testServer, uniqueName, type TestServer } from './adapters/test-support.js';
import type { ActivityExport, OsaAdapter } from './adapters/types.js';
import { LOCAL_DATABASE } from './components/event/event.component.js';
import type { EventDefinition } from './core/event.js';
import { en } from './i18n/en.js';
import { feedbackFi } from './i18n/feedback/fi.js';
import { fi } from './i18n/fi.js';

/**
 * The README's "Add to your page" blocks as a webmaster pastes them into a CMS page. The test page
 * is served by the test runner on another port than the reference servers, so it IS a page on
 * another origin: the blocks' loader, API and live stream all cross origins, as on a
 * municipality's site. Only the server's address and the event id are replaced; the elements, their
 * activity ids and (for the local block) the event written into the page are the README's own.
 */

const SECTION = '## Add to your page';
/** The README's example server, which the blocks load the loader from and (the first) talk to. */
const EXAMPLE_SERVER = 'https://events.example.fi';

/** The section for webmasters, up to the next top-level section. */
async function readmeSection(): Promise<string> {
  const readme = await (await fetch('/README.md')).text();
  const start = readme.indexOf(SECTION);
  if (start < 0) throw new Error(`README.md has no section "${SECTION}"`);
  const end = readme.indexOf('\n## ', start + SECTION.length);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The html blocks of the section, exactly as written there: the first talks to a server, the other runs with none. */
async function readmeBlocks(): Promise<{ server: string; local: string }> {
  const blocks = [...(await readmeSection()).matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]);
  const server = blocks.find((block) => /<osa-event api=/.test(block));
  const local = blocks.find((block) => /<osa-event adapter="local"/.test(block));
  if (!server || !local) throw new Error('The README\'s section for webmasters needs an html block with <osa-event api=…> and one with <osa-event adapter="local">');
  expect(blocks.indexOf(server), 'the server block comes first').to.equal(0);
  return { server, local };
}

/** Which kind of activity each element shows. */
const KIND_OF: Record<string, string> = {
  'osa-priority-board': 'board',
  'osa-workshop-picker': 'workshops',
  'osa-feedback-form': 'feedback',
  'osa-tag-cloud': 'cloud',
};

/** The activity elements of a block, as `{ tag, activity, kind }`. */
function elementsOf(block: string): Array<{ tag: string; activity: string; kind: string }> {
  return [...block.matchAll(/<(osa-[a-z-]+) activity="([^"]+)"/g)].map(([, tag, activity]) => ({ tag, activity, kind: KIND_OF[tag] }));
}

/** The event the local block writes into the page. */
function definitionOf(localBlock: string): EventDefinition {
  const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(localBlock)?.[1];
  if (!json) throw new Error('The README\'s local block has no <script type="application/json">');
  return JSON.parse(json) as EventDefinition;
}

const slug = (prefix: string) => uniqueName(prefix).toLowerCase().replace(/[^a-z0-9-]/g, 'x');

/** A block pointed at `server` and `eventId` instead of the README's example server and event. */
function pointed(block: string, server: TestServer, eventId: string, readmeEventId?: string): string {
  expect(block, 'the block loads osallistu.js from the server').to.include(`src="${EXAMPLE_SERVER}/osallistu/osallistu.js"`);
  const moved = block.replaceAll(EXAMPLE_SERVER, server.url);
  return readmeEventId ? moved.replaceAll(`"${readmeEventId}"`, `"${eventId}"`) : moved.replace(/event="[^"]*"/, `event="${eventId}"`);
}

/** The server block pointed at `server` and `eventId`. */
async function snippetFor(server: TestServer, eventId: string): Promise<string> {
  return pointed((await readmeBlocks()).server, server, eventId);
}

/** Messages the page wrote with `console.info` (where the local back end prints the organiser key of an event it creates). */
const consoleInfo: string[] = [];

/**
 * A page of its own (a frame, so that the bundle the block loads defines its elements there),
 * filling the test page so that real mouse clicks reach it. The first script only records the
 * page's console notices for the test; the block follows it as the webmaster pasted it.
 */
async function pageWith(body: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; border: 0; background: #fff';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const recorder = '<script>const info = console.info.bind(console); console.info = (...args) => { parent.postMessage({ osaConsoleInfo: String(args[0]) }, "*"); info(...args); };</script>';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A CMS page</title>${recorder}</head><body><main>${body}</main></body></html>`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

globalThis.addEventListener('message', (event: MessageEvent<{ osaConsoleInfo?: string }>) => {
  if (typeof event.data?.osaConsoleInfo === 'string') consoleInfo.push(event.data.osaConsoleInfo);
});

const shadowOf = (page: Document, tag: string): ShadowRoot | null | undefined => page.querySelector(tag)?.shadowRoot;
const textOf = (page: Document, tag: string): string => (shadowOf(page, tag)?.textContent ?? '').replace(/\s+/g, ' ');
const everything = (page: Document): string => Object.keys(KIND_OF).map((tag) => `${tag}: ${textOf(page, tag)}`).join(' | ');

/** Waits for `what`, and says what the elements show when it never comes. */
async function until<T>(page: Document, find: () => T | null | undefined | false, what: string, timeout = 15000): Promise<T> {
  let found: T | null | undefined | false;
  await waitFor(() => Boolean((found = find())), what, timeout).catch((error: Error) => {
    throw new Error(`${error.message}; the page shows: ${everything(page)}`);
  });
  return found as T;
}

/** A real mouse click on the middle of an element inside the frame (scrolled into view first). */
async function click(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const frame = [...document.querySelectorAll('iframe')].find((candidate) => candidate.contentDocument === element.ownerDocument)!;
  const outer = frame.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(outer.left + inner.left + inner.width / 2), Math.round(outer.top + inner.top + inner.height / 2)] });
}

/** The detail of the next event of `type` on the page. */
function next<D>(page: Document, type: string): Promise<D> {
  return new Promise((resolve) => page.addEventListener(type, (event) => resolve((event as CustomEvent<D>).detail), { once: true }));
}

/** Waits for `pending`, and says what the elements show when it never settles. */
async function settled<D>(page: Document, pending: Promise<D>, what: string): Promise<D> {
  let detail: D | undefined;
  void pending.then((value) => (detail = value));
  return until(page, () => detail, what);
}

/** What the participant did, as the test checks it on the back end. */
interface Done {
  workshop: string;
  word: string;
  scale: { question: string; value: number };
}

/** A vote, a seat, a feedback answer and a word, with the mouse and the keyboard; each must reach the back end, not an outbox. */
async function takePart(page: Document): Promise<Done> {
  const choice = await until(page, () => shadowOf(page, 'osa-priority-board')?.querySelector<HTMLButtonElement>('button[part~="choice"]:not([disabled])'), 'the duel to show');
  const voted = next<{ queued: boolean }>(page, 'osa-vote');
  await click(choice);
  expect((await settled(page, voted, 'the vote to be answered')).queued, 'the vote reached the back end').to.equal(false);

  const claim = await until(page, () => shadowOf(page, 'osa-workshop-picker')?.querySelector<HTMLButtonElement>('button[data-action]:not([disabled])'), 'a workshop to claim');
  const workshop = claim.dataset.action!;
  const claimed = next<{ workshop: string; status: string }>(page, 'osa-seat-claimed');
  await click(claim);
  expect(await settled(page, claimed, 'the claim to be answered')).to.deep.equal({ workshop, status: 'confirmed' });

  const form = shadowOf(page, 'osa-feedback-form');
  const scale = await until(page, () => form?.querySelector<HTMLInputElement>('input[data-value="4"]'), 'the feedback form\'s scale');
  const question = scale.closest<HTMLElement>('[id^="q-"]')!.id.slice('q-'.length);
  await click(scale);
  await until(page, () => scale.checked, 'the answer to be chosen');
  const sent = next<{ queued: boolean }>(page, 'osa-feedback-submit');
  await click(form!.querySelector('[data-send]')!);
  expect((await settled(page, sent, 'the feedback to be sent')).queued, 'the feedback reached the back end').to.equal(false);
  await until(page, () => form!.querySelector('#thanks'), 'the thank-you');

  const input = await until(page, () => shadowOf(page, 'osa-tag-cloud')?.querySelector<HTMLInputElement>('#answer:not([disabled])'), 'the cloud\'s answer field');
  await click(input);
  const word = 'koulu';
  await sendKeys({ type: word });
  const answered = next<{ text: string; queued: boolean }>(page, 'osa-answer-submit');
  await sendKeys({ press: 'Enter' });
  expect(await settled(page, answered, 'the word to be sent')).to.deep.equal({ text: word, queued: false });
  await until(page, () => shadowOf(page, 'osa-tag-cloud')?.querySelector('[part="mine"]')?.textContent?.includes(word), 'the word among "your words"');
  return { workshop, word, scale: { question, value: 4 } };
}

/** Reads the four activities back as their organiser, and checks that each holds what the participant did, once. */
async function confirmOnBackEnd(organiser: OsaAdapter, eventId: string, ids: Record<string, string>, done: Done): Promise<void> {
  const exported = async (kind: string): Promise<ActivityExport['tables']> => (await organiser.exportActivity(eventId, ids[kind])).tables;
  const board = await exported('board');
  expect(board.votes, 'one vote on the board').to.have.length(1);
  const workshops = await exported('workshops');
  const seats = workshops.registrations.filter((row) => row.status === 'confirmed');
  expect(seats.map((row) => row.workshop), 'one seat, in the workshop clicked').to.deep.equal([done.workshop]);
  const feedback = await exported('feedback');
  expect(feedback.responses, 'one feedback response').to.have.length(1);
  expect(feedback.responses[0][done.scale.question]).to.equal(done.scale.value);
  const cloud = await exported('cloud');
  expect(cloud.answers.map((row) => row.text), 'one word in the cloud').to.deep.equal([done.word]);
}

describe('the README\'s "Add to your page" on a page of another origin', function () {
  this.timeout(60000);
  let development: TestServer;
  let production: TestServer;

  before(async function () {
    // The first request for each starts it, with an embedded database of its own: slow on a busy machine.
    this.timeout(180000);
    [development, production] = await Promise.all([testServer('development'), testServer('production')]);
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('has all four elements in each block, on the same activities: the event written into the local block has them', async () => {
    const { server, local } = await readmeBlocks();
    const definition = definitionOf(local);
    const declared = definition.activities.map(({ id, kind }) => ({ activity: id, kind }));
    for (const block of [server, local]) {
      const elements = elementsOf(block);
      expect(elements.map(({ tag }) => tag).sort(), 'one element of each kind').to.deep.equal(Object.keys(KIND_OF).sort());
      expect(elements.map(({ activity, kind }) => ({ activity, kind }))).to.have.deep.members(declared);
    }
  });

  it('runs against a server started like npm start: a vote, a seat, a feedback answer and a word, each on the server', async () => {
    const { local } = await readmeBlocks();
    // The server's event has the activities (ids, kinds, settings) the README's own event declares.
    const readmeEvent = definitionOf(local);
    const admin = createHttpAdapter({ baseUrl: development.url, adminToken: development.adminToken });
    const { eventId, organiserKey } = await admin.createEvent({ ...readmeEvent, id: slug('readme') });
    admin.setOrganiserKey(eventId, organiserKey);
    const page = await pageWith(await snippetFor(development, eventId));
    const done = await takePart(page);
    const ids = Object.fromEntries(readmeEvent.activities.map(({ id, kind }) => [kind, id]));
    await confirmOnBackEnd(admin, eventId, ids, done);
    expect(everything(page)).not.to.include(fi.errors.offline);
    expect(everything(page)).not.to.include(fi.common.offline);
  });

  it('runs with no server from the local block, and what was done is in IndexedDB after a reload', async () => {
    const { local } = await readmeBlocks();
    const readmeEvent = definitionOf(local);
    const eventId = slug('readme-local');
    // A fresh id: this browser may hold the README's event from an earlier test.
    const block = pointed(local, development, eventId, readmeEvent.id);
    const page = await pageWith(block);
    const done = await takePart(page);

    document.querySelector('iframe')!.remove();
    const again = await pageWith(block);
    await until(again, () => textOf(again, 'osa-feedback-form').includes(feedbackFi.alreadyAnswered), 'the answered form after the reload');
    await until(again, () => shadowOf(again, 'osa-tag-cloud')?.querySelector('[part="mine"]')?.textContent?.includes(done.word), 'the word after the reload');

    const created = consoleInfo.find((message) => message.includes(`"${eventId}"`));
    const key = /#key=(\S+)/.exec(created ?? '')?.[1];
    expect(key, 'the organiser key was printed in the console when the page created the event').to.be.a('string');
    // A back end of its own on the same IndexedDB: it sees only what the page stored there.
    const organiser = createLocalAdapter({ persist: LOCAL_DATABASE });
    organiser.setOrganiserKey(eventId, key);
    const ids = Object.fromEntries(readmeEvent.activities.map(({ id, kind }) => [kind, id]));
    await confirmOnBackEnd(organiser, eventId, ids, done);
  });

  it('says the event cannot be found, in the words the README\'s troubleshooting quotes, for an event the server does not have', async () => {
    const page = await pageWith(await snippetFor(development, slug('missing')));
    expect(await readmeSection()).to.include(`"${en.errors.notFound}"`);
    await until(page, () => Object.keys(KIND_OF).every((tag) => textOf(page, tag).includes(fi.errors.notFound)), 'every element to say that its activity cannot be found');
  });

  it('says that there is no connection, in the words the README\'s troubleshooting quotes, when nothing answers at the api address', async () => {
    // The loader still comes from a server; the api address is a port where nothing listens.
    const page = await pageWith((await snippetFor(development, 'paiva-2026')).replace(`api="${development.url}/"`, 'api="http://127.0.0.1:9/"'));
    expect(await readmeSection()).to.include(`"${en.errors.offline}"`);
    await until(page, () => Object.keys(KIND_OF).every((tag) => textOf(page, tag).includes(fi.errors.offline)), 'every element to say that there is no connection');
  });

  it('says that the server refuses the page\'s origin, naming the setting, when its allow-list leaves the page out', async () => {
    const page = await pageWith(await snippetFor(production, 'yhr-2026'));
    const refusal = fi.errors.originRefused(globalThis.origin);
    const board = () => textOf(page, 'osa-priority-board');
    await until(page, () => board().includes(refusal), 'the origin message');
    expect(refusal).to.include('OSA_ALLOWED_ORIGINS');
    expect(await readmeSection()).to.include(`"${en.errors.originRefused('https://…')}"`);
    expect(board()).not.to.include(fi.errors.offline);
    const alert = shadowOf(page, 'osa-priority-board')!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include(refusal);
  });
});
