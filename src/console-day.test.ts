import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './components/event-console/event-console.js';
import type { OsaEventConsole } from './components/event-console/event-console.component.js';
import { createHttpAdapter } from './adapters/http/http-adapter.js';
import { testServer, uniqueName, type TestServer } from './adapters/test-support.js';
import { translations } from './i18n/localize.js';
import { clickInFrame, framePage, nextEvent, untilFound } from './test-support/frames.js';

/**
 * The organiser's first try, whole: create an event in the console from a template, copy the
 * snippet the console shows for each activity into a page of another origin (a frame served by
 * the test runner, not by the server), and take part there. What the participant did is then read
 * back on the server with the key the console showed once.
 */

const t = translations.en.console;
const rootOf = (el: OsaEventConsole) => el.shadowRoot!;
const $ = <E extends HTMLElement = HTMLElement>(el: OsaEventConsole, selector: string) => rootOf(el).querySelector<E>(selector);
const buttonNamed = (el: OsaEventConsole, name: string) => [...rootOf(el).querySelectorAll('button')].find((button) => button.textContent!.trim() === name);

function typeInto(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function settle(el: OsaEventConsole): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !rootOf(el).querySelector('[aria-busy="true"]'), 'the console stayed busy', { timeout: 15000 });
  await el.updateComplete;
}

const shadowText = (page: Document, tag: string) => (page.querySelector(tag)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('an event created in the console, pasted into a page of another origin, taken part in', function () {
  this.timeout(90000);
  let server: TestServer;

  before(async () => {
    server = await testServer();
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('from the conference template: a feedback answer and a word, each recorded on the server', async () => {
    const el = await fixture<OsaEventConsole>(html`<osa-event-console api=${server.url} lang="en"></osa-event-console>`);
    await el.updateComplete;

    // Create, as the organiser does: a template, a title, an id, the operator's admin token.
    buttonNamed(el, t.start.create)!.click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name="template"][value="conference"]')!.click();
    typeInto($(el, '#title-en'), 'Regional education conference');
    const id = uniqueName('conference').toLowerCase().replace(/[^a-z0-9-]/g, 'x');
    typeInto($(el, '#event-id'), id);
    typeInto($(el, '#admin-token'), server.adminToken);
    await el.updateComplete;
    const created = oneEvent(el, 'osa-event-created');
    $<HTMLButtonElement>(el, '#create-submit')!.click();
    expect((await created).detail.eventId).to.equal(id);
    await settle(el);
    const key = $<HTMLInputElement>(el, '#created-key')!.value;
    buttonNamed(el, t.created.continue)!.click();
    await settle(el);

    // The snippet shown for each activity, exactly as the copy button would copy it.
    const snippetOf = async (title: string): Promise<string> => {
      const item = [...rootOf(el).querySelectorAll<HTMLButtonElement>('.activity')].find((button) => button.querySelector('.title')?.textContent === title);
      expect(item, `the activity "${title}" is listed`).to.exist;
      item!.click();
      await el.updateComplete;
      return $<HTMLTextAreaElement>(el, '#share-snippet')!.value;
    };
    const feedbackSnippet = await snippetOf('Feedback');
    const cloudSnippet = await snippetOf('What matters most? In a word or two');
    expect(feedbackSnippet).to.include('<osa-feedback-form activity="feedback"></osa-feedback-form>');
    expect(cloudSnippet).to.include('<osa-tag-cloud activity="words"></osa-tag-cloud>');

    // Both pasted into one CMS page (two blocks, so the loader twice), on another origin.
    const page = await framePage(`<h1>Conference</h1>${feedbackSnippet}<p>And in a word:</p>${cloudSnippet}`);
    const describe = () => `feedback: ${shadowText(page, 'osa-feedback-form')} | cloud: ${shadowText(page, 'osa-tag-cloud')}`;
    const form = () => page.querySelector('osa-feedback-form')?.shadowRoot;

    const scale = await untilFound(() => form()?.querySelector<HTMLInputElement>('input[data-value="4"]'), 'the feedback form\'s scale', describe);
    const question = scale.closest<HTMLElement>('[id^="q-"]')!.id.slice('q-'.length);
    await clickInFrame(scale);
    await untilFound(() => scale.checked, 'the answer to be chosen', describe);
    const sent = nextEvent<{ queued: boolean }>(page, 'osa-feedback-submit');
    await clickInFrame(form()!.querySelector('[data-send]')!);
    expect((await sent).queued, 'the answer reached the server, not an outbox').to.equal(false);
    await untilFound(() => form()!.querySelector('#thanks'), 'the thank-you', describe);

    const input = await untilFound(() => page.querySelector('osa-tag-cloud')?.shadowRoot?.querySelector<HTMLInputElement>('#answer:not([disabled])'), 'the cloud\'s answer field', describe);
    await clickInFrame(input);
    await sendKeys({ type: 'yhteisöllisyys' });
    const answered = nextEvent<{ text: string; queued: boolean }>(page, 'osa-answer-submit');
    await sendKeys({ press: 'Enter' });
    expect(await answered).to.deep.equal({ text: 'yhteisöllisyys', queued: false });

    // On the server, read with the key the console showed.
    const organiser = createHttpAdapter({ baseUrl: server.url });
    organiser.setOrganiserKey(id, key);
    const responses = (await organiser.exportActivity(id, 'feedback')).tables.responses;
    expect(responses, 'one response').to.have.length(1);
    expect(question).to.equal('useful');
    expect(responses[0].useful).to.equal(4);
    const answers = (await organiser.exportActivity(id, 'words')).tables.answers;
    expect(answers.map((row) => row.text)).to.deep.equal(['yhteisöllisyys']);
  });
});
