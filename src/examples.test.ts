import { expect } from '@open-wc/testing';
import { readFile, sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitFor } from './adapters/conformance.js';
import { createHttpAdapter } from './adapters/http/http-adapter.js';
import { testServer, uniqueName } from './adapters/test-support.js';
import { boardFi } from './i18n/board/fi.js';
import { boardSv } from './i18n/board/sv.js';

/**
 * The React and Vue example apps (examples/react, examples/vue), as built by `npm run
 * examples:build`, each in a frame of its own, used with the mouse and the keyboard: the app's
 * state must show what the elements did (a vote, the feedback form's answers in the app's own
 * form) and the elements must follow the app's state (the language, the cloud's words).
 */

/** A real mouse click on the middle of an element inside the frame (scrolled into view first). */
async function click(frame: HTMLIFrameElement, element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const outer = frame.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(outer.left + inner.left + inner.width / 2), Math.round(outer.top + inner.top + inner.height / 2)] });
}

const squeeze = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Waits until `find` gives something, and says what the app shows when it never does. */
async function until<T>(page: Document, find: () => T | null | undefined | false, what: string): Promise<T> {
  let found: T | null | undefined | false;
  await waitFor(() => Boolean((found = find())), what, 15000).catch((error: Error) => {
    throw new Error(`${error.message}; the app shows: ${squeeze(page.body.textContent)}`);
  });
  return found as T;
}

/** Waits until the text of `element()` is `expected`, and fails showing the last text seen. */
async function untilText(page: Document, element: () => Element | null | undefined, expected: string, what: string): Promise<void> {
  await until(page, () => squeeze(element()?.textContent) === expected, `${what}: "${expected}" (last seen: "${squeeze(element()?.textContent)}")`);
}

async function openApp(name: string, query = ''): Promise<{ frame: HTMLIFrameElement; page: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; border: 0; background: #fff';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/examples/${name}/dist/index.html${query}`;
  document.body.append(frame);
  await loaded;
  return { frame, page: frame.contentDocument! };
}

const shadow = (page: Document, tag: string): ShadowRoot => {
  const root = page.querySelector(tag)?.shadowRoot;
  if (!root) throw new Error(`<${tag}> is not in the app, or not defined`);
  return root;
};

describe('the example apps', () => {
  it('share the same scenario and styles, each folder holding its own copy', async () => {
    for (const file of ['src/scenario.ts', 'src/app.css']) {
      const [react, vue] = await Promise.all(['react', 'vue'].map((name) => readFile({ path: `../examples/${name}/${file}` })));
      expect(react, `examples/react/${file}`).to.be.a('string').and.not.equal('');
      expect(vue, `examples/vue/${file} is the same as examples/react/${file}`).to.equal(react);
    }
  });
});

for (const name of ['react', 'vue']) {
  describe(`the ${name === 'react' ? 'React' : 'Vue'} example`, function () {
    this.timeout(60000);
    let frame: HTMLIFrameElement;
    let page: Document;

    before(async () => {
      ({ frame, page } = await openApp(name));
    });
    after(() => frame.remove());

    it('is accessible', async () => {
      await until(page, () => page.querySelector('osa-priority-board')?.shadowRoot?.querySelector('button.choice'), 'the duel');
      // axe checks the app in its own frame: loaded there, as a page's script.
      const script = page.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      await new Promise((resolve, reject) => {
        script.addEventListener('load', resolve);
        script.addEventListener('error', reject);
        page.head.append(script);
      });
      const axe = (frame.contentWindow as Window & { axe: { run(context: Element, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> } }).axe;
      const { violations } = await axe.run(page.querySelector('main')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`)).to.deep.equal([]);
    });

    it('shows in its state the vote the board sends as osa-vote', async () => {
      const choices = await until(page, () => {
        const buttons = [...(page.querySelector('osa-priority-board')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.choice:not([disabled])') ?? [])];
        return buttons.length === 2 && buttons;
      }, 'the duel');
      const [first, second] = choices.map((button) => squeeze(button.querySelector('span:nth-of-type(2)')?.textContent));
      expect(squeeze(page.querySelector('#last-vote')?.textContent)).to.equal('Et ole vielä valinnut.');
      await click(frame, choices[0]);
      await untilText(page, () => page.querySelector('#last-vote'), `Valitsit «${first}», et «${second}».`, 'the last vote in the app');
    });

    it('reads the feedback form\'s answers from its own form\'s FormData, and resets them with the form', async () => {
      const form = page.querySelector<HTMLFormElement>('form#feedback')!;
      const feedback = shadow(page, 'osa-feedback-form');
      const four = await until(page, () => feedback.querySelector<HTMLInputElement>('input[type="radio"][data-value="4"]'), 'the scale');
      await click(frame, four);
      await until(page, () => four.checked, 'the answer 4 to be chosen');
      await click(frame, feedback.querySelector('input[type="text"]')!);
      await sendKeys({ type: 'Enemmän taukoja' });
      const role = form.querySelector('select')!;
      role.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(page, () => role.value === 'principal', 'the role to be chosen');
      await click(frame, [...form.querySelectorAll('button')].find((button) => button.type === 'submit')!);

      const entries = (): string[] => [...page.querySelectorAll('#entries > div')].map((row) => `${squeeze(row.querySelector('dt')?.textContent)}=${squeeze(row.querySelector('dd')?.textContent)}`);
      await until(page, () => entries().length > 0, 'the entries the app read');
      expect(entries()).to.deep.equal(['role=principal', 'feedback.useful=4', 'feedback.improve=Enemmän taukoja']);

      await click(frame, [...form.querySelectorAll('button')].find((button) => button.type === 'reset')!);
      await until(page, () => page.querySelector('#entries') === null, 'the app to clear what it read');
      expect([...new FormData(form)].map(([key, value]) => `${key}=${String(value)}`), 'the form after reset').to.deep.equal(['role=teacher']);
      await until(page, () => !four.checked && feedback.querySelector<HTMLInputElement>('input[type="text"]')?.value === '', 'the answers to be cleared');
    });

    it('sets the language from its state on <osa-event>, and the elements follow', async () => {
      const board = shadow(page, 'osa-priority-board');
      const cantDecide = (): HTMLButtonElement | undefined =>
        [...board.querySelectorAll<HTMLButtonElement>('button')].find((button) => [boardFi.duel.cantDecide, boardSv.duel.cantDecide].some((text) => button.textContent?.includes(text)));
      const lastVote = squeeze(page.querySelector('#last-vote')?.textContent);
      await until(page, () => cantDecide()?.textContent?.includes(boardFi.duel.cantDecide), 'the board in Finnish');

      await click(frame, page.querySelector('button[lang="sv"]')!);
      await until(page, () => cantDecide()?.textContent?.includes(boardSv.duel.cantDecide), 'the board in Swedish');
      expect(page.documentElement.lang).to.equal('sv');

      await untilText(page, () => shadow(page, 'osa-feedback-form').querySelector('legend'), 'Hur nyttig var dagen? * (obligatorisk)', 'the feedback question in Swedish');
      const [, first, second] = /^Valitsit «(.*)», et «(.*)»\.$/.exec(lastVote)!;
      expect(squeeze(page.querySelector('#last-vote')?.textContent)).to.equal(`Du valde «${first}», inte «${second}».`);
    });

    it('gives <osa-event> the language as a property, which the elements inside follow whatever the page\'s language', async () => {
      // React and Vue set `lang` as the element's property (it has one), not as its attribute.
      const event = page.querySelector('osa-event')!;
      expect(event.lang).to.equal('sv');
      const board = page.querySelector('osa-priority-board')!;
      const buttonTexts = (): string => squeeze([...board.shadowRoot!.querySelectorAll('button')].map((button) => button.textContent).join(' | '));
      page.documentElement.lang = 'fi';
      try {
        // The page's language change has reached every element (a mutation observer, then a render).
        await new Promise((resolve) => setTimeout(resolve));
        await board.updateComplete;
        expect(buttonTexts(), 'the board follows <osa-event lang> set as a property, not the page (the elements inside read the attribute: does OsaElement reflect lang?)')
          .to.include(boardSv.duel.cantDecide)
          .and.not.include(boardFi.duel.cantDecide);
      } finally {
        page.documentElement.lang = 'sv';
      }
    });

    it('uses the reference server named in its address instead of the event in the page', async () => {
      // A server as `npm start` runs it (pages on any origin allowed), with a board of the same id.
      const server = await testServer('development');
      const admin = createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken });
      const { eventId, organiserKey } = await admin.createEvent({
        id: uniqueName(`example-${name}`).toLowerCase().replace(/[^a-z0-9-]/g, 'x'),
        title: { fi: 'Palvelimella' },
        activities: [{ id: 'themes', kind: 'board', config: { mode: 'duel' }, phase: 'vote' }],
        seed: [
          { activity: 'themes', as: 'p1', command: 'submitIdea', payload: { text: 'Palvelimen ensimmäinen idea' } },
          { activity: 'themes', as: 'p2', command: 'submitIdea', payload: { text: 'Palvelimen toinen idea' } },
        ],
      });
      admin.setOrganiserKey(eventId, organiserKey);
      const served = await openApp(name, `?${new URLSearchParams({ api: server.url, event: eventId })}`);
      try {
        const shown = served.page;
        await untilText(shown, () => shown.querySelector('main > p'), `Tapahtuma ${eventId} palvelimelta ${server.url}`, 'where the event comes from');
        const choices = await until(shown, () => {
          const buttons = [...(shown.querySelector('osa-priority-board')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.choice:not([disabled])') ?? [])];
          return buttons.length === 2 && buttons;
        }, 'the server\'s duel');
        const [first, second] = choices.map((button) => squeeze(button.querySelector('span:nth-of-type(2)')?.textContent));
        expect([first, second].sort()).to.deep.equal(['Palvelimen ensimmäinen idea', 'Palvelimen toinen idea']);
        await click(served.frame, choices[1]);
        await untilText(shown, () => shown.querySelector('#last-vote'), `Valitsit «${second}», et «${first}».`, 'the last vote in the app');
        const { tables } = await admin.exportActivity(eventId, 'themes');
        expect(tables.votes, 'the vote on the server').to.have.length(1);
      } finally {
        served.frame.remove();
      }
    });

    it('sets the cloud\'s words property from its state, and the cloud shows them', async () => {
      const cloud = shadow(page, 'osa-tag-cloud');
      const shown = (): string[] => [...cloud.querySelectorAll('.stage .word')].map((word) => squeeze(word.textContent));
      await until(page, () => shown().length > 0, 'the cloud');
      expect([...shown()].sort()).to.deep.equal(['hyvinvointi', 'liikunta', 'yhteistyö']);

      await click(frame, page.querySelector('form#add-word input')!);
      await sendKeys({ type: 'ulkoilu' });
      await sendKeys({ press: 'Enter' });
      await until(page, () => shown().includes('ulkoilu'), 'the new word in the cloud');
      expect([...shown()].sort()).to.deep.equal(['hyvinvointi', 'liikunta', 'ulkoilu', 'yhteistyö']);
    });
  });
}
