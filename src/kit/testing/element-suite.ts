/**
 * The element suite: what every osallistu activity element does, whatever its kind. Each element's
 * test file runs it with states of its own kind built on an in-page adapter:
 *
 * ```ts
 * import { runElementSuite } from '../../kit/testing/element-suite.js';
 * runElementSuite({
 *   tagName: 'osa-priority-board',
 *   render: ({ adapter, eventId, activityId }, lang, variant) =>
 *     html`<osa-priority-board .adapter=${adapter} event=${eventId} activity=${activityId} lang=${lang} view=${variant ?? 'participant'}></osa-priority-board>`,
 *   states: [{ name: 'collecting', target: () => boardTarget({ ideas: ['A', 'B'] }) }],
 * });
 * ```
 *
 * The checks: axe in every state, in fi, sv and en and in the dark scheme; the loading state; an
 * activity that is not found; no network with nothing cached (and "try again" once it is back);
 * no network with a cached view (shown, with the offline notice); any other error; and switching
 * the language of a rendered element. It uses the mocha globals `describe` and `it` and
 * `expect` from `@open-wc/testing`, so it runs in a browser (web-test-runner).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { withCache } from '../../adapters/cache.js';
import { switchable } from '../../adapters/test-support.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { LANGUAGES, type Language } from '../../core/protocol.js';
import { randomKey } from '../../core/idempotency.js';
import { translations } from '../../i18n/localize.js';

/** An activity on an adapter: what an element is pointed at. */
export interface ActivityTarget {
  adapter: OsaAdapter;
  eventId: string;
  activityId: string;
}

export interface ElementState {
  name: string;
  /** Builds the activity in this state (on an in-page adapter, seen as the viewer of the state). */
  target(): Promise<ActivityTarget>;
  /** Passed to `render`, e.g. a view such as `presenter`. */
  variant?: string;
}

export interface ElementSuiteOptions {
  tagName: string;
  /** The element pointed at `target`, with the `lang` attribute set to `lang`. */
  render(target: ActivityTarget, lang: Language, variant?: string): TemplateResult;
  /** Every state the element shows for its kind; the first is used for the generic checks. */
  states: ElementState[];
}

const shadowText = (element: Element): string => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the element has finished loading: nothing in it is busy any more. */
async function loaded(element: Element, what: string): Promise<void> {
  await waitUntil(() => element.shadowRoot && element.shadowRoot.childElementCount > 0 && !element.shadowRoot.querySelector('[aria-busy="true"]'), `${what}: never finished loading`, {
    timeout: 5000,
  });
}

async function mount(options: ElementSuiteOptions, target: ActivityTarget, lang: Language, variant?: string): Promise<HTMLElement> {
  const element = await fixture<HTMLElement>(options.render(target, lang, variant));
  await loaded(element, options.tagName);
  return element;
}

async function alertOf(element: HTMLElement): Promise<HTMLElement> {
  await waitUntil(() => element.shadowRoot!.querySelector('[role="alert"]'), 'no alert was shown', { timeout: 5000 });
  return element.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
}

function retryButton(element: HTMLElement, lang: Language): HTMLButtonElement | undefined {
  const label = translations[lang].common.retry;
  return [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === label);
}

export function runElementSuite(options: ElementSuiteOptions): void {
  const [first] = options.states;
  if (!first) throw new Error('runElementSuite needs at least one state.');

  describe(`element suite: <${options.tagName}>`, () => {
    describe('accessible in every state, language and colour scheme', () => {
      for (const state of options.states) {
        it(`is accessible: ${state.name} (fi, sv, en, dark)`, async () => {
          const target = await state.target();
          for (const lang of LANGUAGES) {
            const element = await mount(options, target, lang, state.variant);
            await expect(element, `${state.name} in ${lang}`).to.be.accessible();
          }
          const dark = await fixture<HTMLDivElement>(html`<div class="osa-dark-page">${options.render(target, 'fi', state.variant)}</div>`);
          dark.style.setProperty('--osa-color-scheme', 'dark');
          dark.style.setProperty('background', '#101317');
          const element = dark.firstElementChild as HTMLElement;
          await loaded(element, options.tagName);
          await expect(element, `${state.name} in the dark scheme`).to.be.accessible();
        });
      }
    });

    describe('loading, not found, offline and errors', () => {
      for (const lang of LANGUAGES) {
        it(`says it is loading, as a busy status (${lang})`, async () => {
          const target = await first.target();
          const never = new Proxy(target.adapter, {
            get: (inner, property, receiver) => (property === 'getActivity' ? () => new Promise(() => {}) : Reflect.get(inner, property, receiver)),
          });
          const element = await fixture<HTMLElement>(options.render({ ...target, adapter: never }, lang, first.variant));
          await waitUntil(() => element.shadowRoot!.querySelector('[role="status"][aria-busy="true"]'), 'no busy status while loading');
          expect(element.shadowRoot!.querySelector('[role="status"][aria-busy="true"]')!.textContent).to.include(translations[lang].common.loading);
          await expect(element).to.be.accessible();
        });

        it(`says when the activity does not exist, and offers to try again (${lang})`, async () => {
          const target = await first.target();
          const element = await fixture<HTMLElement>(options.render({ ...target, activityId: 'no-such-activity' }, lang, first.variant));
          expect((await alertOf(element)).textContent).to.include(translations[lang].errors.notFound);
          expect(retryButton(element, lang), 'a "try again" button').to.not.equal(undefined);
          await expect(element).to.be.accessible();
        });
      }

      it('says there is no connection when nothing is cached, and loads after "try again"', async () => {
        const target = await first.target();
        const { adapter, network } = switchable(target.adapter);
        network.offline = true;
        const element = await fixture<HTMLElement>(options.render({ ...target, adapter }, 'fi', first.variant));
        expect((await alertOf(element)).textContent).to.include(translations.fi.errors.offline);
        await expect(element).to.be.accessible();
        network.offline = false;
        retryButton(element, 'fi')!.click();
        await loaded(element, options.tagName);
        await waitUntil(() => !element.shadowRoot!.querySelector('[role="alert"]'), 'the error stayed after the network returned');
      });

      it('shows the cached view with the offline notice when the network is down', async () => {
        const target = await first.target();
        const { adapter, network } = switchable(target.adapter);
        const cached = withCache(adapter, { name: `element-suite-${randomKey(6)}` });
        try {
          const online = await mount(options, { ...target, adapter: cached }, 'fi', first.variant);
          const seen = shadowText(online);
          online.remove();
          network.offline = true;
          const element = await fixture<HTMLElement>(options.render({ ...target, adapter: cached }, 'fi', first.variant));
          await waitUntil(() => shadowText(element).includes(translations.fi.common.offline), 'no offline notice');
          expect(element.shadowRoot!.querySelector('[role="alert"]'), 'the cached view, not an error').to.equal(null);
          expect(shadowText(element).replace(translations.fi.common.offline, '').replace(/\s+/g, ' ').trim()).to.equal(seen);
          await expect(element).to.be.accessible();
        } finally {
          cached.close();
        }
      });

      it('says something went wrong, in the user\'s language, for any other failure', async () => {
        const target = await first.target();
        const { adapter, network } = switchable(target.adapter, () => new Error('The test broke the back end.'));
        network.offline = true;
        const element = await fixture<HTMLElement>(options.render({ ...target, adapter }, 'sv', first.variant));
        expect((await alertOf(element)).textContent).to.include(translations.sv.errors.unknown);
      });
    });

    describe('languages', () => {
      it('follows a change of its lang attribute without reloading', async () => {
        const target = await first.target();
        const reference: Record<string, string> = {};
        for (const lang of LANGUAGES) {
          const element = await mount(options, target, lang, first.variant);
          reference[lang] = shadowText(element);
          element.remove();
        }
        expect(new Set(Object.values(reference)).size, 'each language reads differently').to.equal(LANGUAGES.length);
        const element = await mount(options, target, 'fi', first.variant);
        for (const lang of ['sv', 'en', 'fi'] as const) {
          element.setAttribute('lang', lang);
          await waitUntil(() => shadowText(element) === reference[lang], `the text did not switch to ${lang}`);
        }
      });
    });
  });
}
