import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './tag-cloud.js';
import type { OsaTagCloud } from './tag-cloud.component.js';
import { runElementSuite } from '../../kit/testing/element-suite.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { switchable } from '../../adapters/test-support.js';
import { withCache } from '../../adapters/cache.js';
import { cloudSvg } from './cloud-image.js';
import type { CloudState } from '../../core/cloud/cloud.view.js';
import { cloudFixture, distinctAnswers, SAMPLE_ANSWERS, type CloudFixture, type CloudFixtureOptions } from '../../test-support/cloud-fixtures.js';

const shadow = (el: OsaTagCloud) => el.shadowRoot!;
const text = (el: OsaTagCloud) => shadow(el).textContent!.replace(/\s+/g, ' ');
const button = (el: OsaTagCloud, label: string) => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === label || b.textContent!.includes(label));
const words = (el: OsaTagCloud) => [...shadow(el).querySelectorAll<SVGTextElement>('.stage .word')];
const positions = (el: OsaTagCloud) => new Map(words(el).map((word) => [word.dataset.key!, `${word.style.transform} ${word.getAttribute('font-size')}`]));

async function mount(fx: CloudFixture, options: { adapter?: OsaAdapter; view?: string; lang?: string } = {}): Promise<OsaTagCloud> {
  const el = await fixture<OsaTagCloud>(html`<osa-tag-cloud
    .adapter=${options.adapter ?? fx.participant}
    event=${fx.eventId}
    activity=${fx.activityId}
    view=${options.view ?? 'participant'}
    lang=${options.lang ?? 'en'}
    join-url="https://osallistu.example.fi/d/2026"
  ></osa-tag-cloud>`);
  await waitUntil(() => shadow(el).childElementCount > 0 && !shadow(el).querySelector('[aria-busy="true"]'), 'the cloud never finished loading', { timeout: 5000 });
  return el;
}

/** Waits until the cloud has laid out `count` words or more. */
const laidOut = (el: OsaTagCloud, count = 1) => waitUntil(() => words(el).length >= count, `fewer than ${count} words were placed`, { timeout: 10000 });

const states: Array<[string, CloudFixtureOptions, ('participant' | 'organiser')?, string?]> = [
  ['empty', {}],
  ['a few words, own answers', { answers: SAMPLE_ANSWERS.slice(0, 12), ownAnswers: ['kaverit'] }],
  ['1,000 distinct answers with "+N more"', { answers: distinctAnswers(1000), perPerson: 100 }],
  ['preparing', { phase: 'preparing' }],
  ['closed', { answers: SAMPLE_ANSWERS, phase: 'closed' }],
  ['cloud hidden from participants', { answers: SAMPLE_ANSWERS.slice(0, 5), ownAnswers: ['ruoka'], config: { showCloud: false } }],
  ['organiser', { answers: [...SAMPLE_ANSWERS, 'paska ruoka'] }, 'organiser', 'organiser'],
  ['presenter', { answers: SAMPLE_ANSWERS }, 'participant', 'presenter'],
  ['list view', { answers: SAMPLE_ANSWERS }, 'participant', 'list'],
];

describe('osa-tag-cloud in every state', function () {
  // axe over a cloud of 1,000 answers, five times, takes longer than the default on a shared machine.
  this.timeout(60000);
  runElementSuite({
  tagName: 'osa-tag-cloud',
  render: ({ adapter, eventId, activityId }, lang, variant) => html`<osa-tag-cloud
    .adapter=${adapter}
    event=${eventId}
    activity=${activityId}
    lang=${lang}
    view=${variant === 'list' ? 'participant' : (variant ?? 'participant')}
    display=${variant === 'list' ? 'list' : 'cloud'}
    join-url="https://osallistu.example.fi/d/2026"
  ></osa-tag-cloud>`,
  states: states.map(([name, options, who = 'participant', view]) => ({
    name,
    variant: view,
    target: async () => {
      const fx = await cloudFixture(options);
      return { adapter: who === 'organiser' ? fx.organiser : fx.participant, eventId: fx.eventId, activityId: fx.activityId };
    },
  })),
  });
});

describe('osa-tag-cloud', () => {
  describe('answering', () => {
    it('submits an answer with the keyboard only, lists it as the participant\'s own and adds it to the cloud', async () => {
      const fx = await cloudFixture({ answers: ['koulu'] });
      const el = await mount(fx, { lang: 'fi' });
      shadow(el).querySelector<HTMLInputElement>('#answer')!.focus();
      await sendKeys({ type: 'koulun' });
      const sent = oneEvent(el, 'osa-answer-submit');
      await sendKeys({ press: 'Enter' });
      expect((await sent).detail).to.deep.equal({ text: 'koulun', queued: false });
      await waitUntil(() => text(el).includes('Sinun sanasi'), 'no "your words"');
      expect(shadow(el).querySelector('[part="mine"]')!.textContent).to.include('koulun');
      await laidOut(el);
      expect(words(el)).to.have.length(1, 'koulu and koulun are one term');
      expect(words(el)[0].getAttribute('aria-label')).to.equal('koulu: 2 vastausta');
      expect(shadow(el).activeElement?.id).to.equal('answer', 'focus stays in the input for the next answer');
    });

    it('shows the limits and a counter, and refuses clearly what the organiser\'s limits do not allow', async () => {
      const fx = await cloudFixture({ config: { maxWords: 2, maxLength: 20, answersPerParticipant: 1 } });
      const el = await mount(fx);
      expect(text(el)).to.include('at most 2 words, 20 characters at most');
      const input = shadow(el).querySelector<HTMLInputElement>('#answer')!;
      input.focus();
      await sendKeys({ type: 'yksi kaksi kolme' });
      await el.updateComplete;
      expect(text(el)).to.include('3 / 2 words');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(button(el, 'Add')!.disabled).to.equal(true);
      input.select();
      await sendKeys({ type: 'the' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no refusal');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.include('are not counted');
      input.select();
      await sendKeys({ type: 'rauha' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el).includes('You have given all 1 answers'), 'the answers left were not updated');
      expect(input.disabled).to.equal(true);
    });

    it('queues an answer while offline, says so and lists it as waiting', async () => {
      const fx = await cloudFixture({});
      const { adapter: device, network } = switchable(fx.participant);
      const cached = withCache(device, { name: `cloud-offline-${Date.now()}` });
      const el = await mount(fx, { adapter: cached });
      network.offline = true;
      const input = shadow(el).querySelector<HTMLInputElement>('#answer')!;
      input.focus();
      await sendKeys({ type: 'yhteisö' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el).includes('Saved on this device'), 'no queued notice');
      expect(text(el)).to.include('waiting to be sent');
      await expect(el).to.be.accessible();
      network.offline = false;
      window.dispatchEvent(new Event('online'));
      await waitUntil(async () => ((await fx.organiser.getActivity(fx.eventId, fx.activityId)).state as CloudState).answerCount === 1, 'the queued answer never arrived', { timeout: 5000 });
      await waitUntil(() => !text(el).includes('waiting to be sent'), 'still said to be waiting');
      await laidOut(el, 1);
    });

    it('says answers are closed and offers no input', async () => {
      const fx = await cloudFixture({ answers: SAMPLE_ANSWERS, phase: 'closed' });
      const el = await mount(fx);
      expect(text(el)).to.include('Answers are closed');
      expect(shadow(el).querySelector('#answer')).to.equal(null);
      await laidOut(el, 5);
    });
  });

  describe('the cloud', () => {
    it('keeps placed words where they were when another participant answers', async () => {
      const fx = await cloudFixture({ answers: SAMPLE_ANSWERS });
      const el = await mount(fx);
      await laidOut(el, 10);
      const before = positions(el);
      await fx.answer('uusi sana');
      await fx.answer('rauha');
      await waitUntil(() => words(el).length > before.size, 'the new words never arrived');
      const after = positions(el);
      const grown = words(el).find((word) => word.textContent === 'rauha')!.dataset.key;
      const moved = [...before.keys()].filter((key) => key !== grown && after.get(key) !== before.get(key));
      expect(moved).to.deep.equal([], 'no placed word moved (the grown one may have)');
    });

    it('lays out a live cloud of 1,000 answers in one whole layout in the worker, then adds answers without moving a word', async () => {
      const fx = await cloudFixture({ answers: distinctAnswers(1000), perPerson: 100 });
      const el = await mount(fx);
      await waitUntil(() => el.stage.via !== undefined && words(el).length >= 20, 'the cloud was never laid out', { timeout: 20000 });
      expect(el.stage.via).to.equal('worker', 'the first layout of a large list ran in the worker');
      const before = positions(el);
      await fx.answer('osallistuminen');
      await fx.answer('lähiluonto');
      await waitUntil(() => el.stage.via === 'incremental', 'the new answers never reached the cloud', { timeout: 10000 });
      const after = positions(el);
      const moved = [...before.keys()].filter((key) => after.get(key) !== before.get(key));
      expect(moved).to.deep.equal([], 'no placed word moved');
      const more = shadow(el).querySelector('[part="more"]');
      const hidden = more ? Number(/\+(\d[\d\s,]*)/.exec(more.textContent!)![1].replace(/\D/g, '')) : 0;
      expect(hidden + words(el).length).to.equal(1002, 'every word is placed or counted in "+N more"');
    });

    it('moves between words with the arrow keys and selects one with Enter', async () => {
      const fx = await cloudFixture({ answers: SAMPLE_ANSWERS });
      const el = await mount(fx);
      await laidOut(el, 5);
      const first = words(el)[0];
      first.focus();
      await sendKeys({ press: 'ArrowRight' });
      const focused = shadow(el).activeElement as SVGTextElement;
      expect(focused).to.not.equal(first);
      expect(focused.classList.contains('word')).to.equal(true);
      expect(words(el).filter((word) => word.getAttribute('tabindex') === '0')).to.have.length(1, 'one Tab stop');
      const selected = oneEvent(el, 'osa-term-select');
      await sendKeys({ press: 'Enter' });
      const { detail } = await selected;
      expect(detail.key).to.equal(focused.dataset.key);
      expect(detail.text).to.equal(focused.textContent);
    });

    it('shows what does not fit as "+N more", with the full list one key press away', async () => {
      const fx = await cloudFixture({ answers: distinctAnswers(1000), perPerson: 100 });
      const el = await mount(fx);
      await laidOut(el, 20);
      const more = shadow(el).querySelector<HTMLButtonElement>('[part="more"]')!;
      expect(more, 'a "+N more" button').to.not.equal(null);
      const hidden = Number(/\+(\d[\d\s,]*)/.exec(more.textContent!)![1].replace(/\D/g, ''));
      expect(hidden + words(el).length).to.equal(1000, 'every word is placed or counted in "+N more"');
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).querySelector('[part="list"]'), 'no list');
      expect(shadow(el).querySelectorAll('[part="list"] tbody tr')).to.have.length(1000);
      expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('[part="list"]'));
    });

    it('toggles between the cloud and a list of terms with counts', async () => {
      const fx = await cloudFixture({ answers: SAMPLE_ANSWERS });
      const el = await mount(fx);
      button(el, 'List')!.click();
      await el.updateComplete;
      const rows = [...shadow(el).querySelectorAll('[part="list"] tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows[0]).to.equal('kaverit 5', 'heaviest first; kavereiden counted with kaverit');
      expect(button(el, 'List')!.getAttribute('aria-pressed')).to.equal('true');
      button(el, 'Cloud')!.click();
      await laidOut(el, 5);
    });

    it('shows only the participant\'s own answers when the organiser hides the cloud', async () => {
      const fx = await cloudFixture({ answers: ['salaisuus'], ownAnswers: ['ruoka'], config: { showCloud: false } });
      const el = await mount(fx);
      expect(text(el)).to.include('The organiser shows the cloud later');
      expect(text(el)).to.include('ruoka');
      expect(text(el)).to.not.include('salaisuus');
    });
  });

  describe('organiser', () => {
    it('merges, hides and splits terms, shown live to participants, and lists the answers behind a term', async () => {
      const fx = await cloudFixture({ answers: ['opettaja', 'opettaja', 'ope', 'rauha'] });
      const org = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      const participant = await mount(fx);
      await laidOut(participant, 3);
      const row = (label: string) => [...shadow(org).querySelectorAll('.org-table tbody tr')].find((tr) => tr.querySelector('th button')!.textContent!.trim() === label)!;
      row('ope').querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      row('opettaja').querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await org.updateComplete;
      const select = shadow(org).querySelector<HTMLSelectElement>('#merge-into')!;
      select.value = select.querySelector<HTMLOptionElement>('option:not([value="ope"])')!.value;
      select.dispatchEvent(new Event('change'));
      button(org, 'Merge selected')!.click();
      await waitUntil(() => words(participant).length === 2, 'the participant did not see the merge');
      expect(words(participant).map((word) => word.getAttribute('aria-label'))).to.include('opettaja: 3 answers');
      expect(text(org)).to.match(/includes op/);
      row('opettaja').querySelector<HTMLButtonElement>('th button')!.click();
      await org.updateComplete;
      expect([...shadow(org).querySelectorAll('.org-answers li')].map((li) => li.textContent)).to.deep.equal(['opettaja', 'opettaja', 'ope']);
      row('rauha').querySelector<HTMLButtonElement>('.actions button')!.click();
      await waitUntil(() => words(participant).length === 1, 'the participant still sees the hidden term');
      button(org, 'Split')!.click();
      await waitUntil(() => words(participant).length === 2, 'the split was not shown');
    });

    it('exports the cloud as a standalone SVG with its colours written in', async () => {
      const fx = await cloudFixture({ answers: SAMPLE_ANSWERS.slice(0, 6) });
      const org = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      await laidOut(org, 3);
      const file = cloudSvg(shadow(org).querySelector<SVGSVGElement>('.stage svg')!);
      const parsed = new DOMParser().parseFromString(file, 'image/svg+xml');
      expect(parsed.querySelector('parsererror')).to.equal(null);
      const texts = [...parsed.querySelectorAll('text')];
      expect(texts.map((node) => node.textContent)).to.deep.equal(words(org).map((word) => word.textContent));
      expect(texts.every((node) => /^rgb/.test(node.getAttribute('fill')!) && node.getAttribute('transform')!.startsWith('translate('))).to.equal(true);
      expect(file).to.not.include('<!--');
    });

    it('marks flagged terms for review without hiding them, and moves phases', async () => {
      const fx = await cloudFixture({ answers: ['paska', 'kiva'] });
      const org = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      expect(text(org)).to.include('1 term flagged for review');
      expect(shadow(org).querySelector('.badge.warning')).to.not.equal(null);
      const closed = shadow(org).querySelector<HTMLButtonElement>('[data-phase="closed"]')!;
      closed.click();
      await waitUntil(() => closed.getAttribute('aria-pressed') === 'true', 'the phase did not change');
      const state = (await fx.organiser.getActivity(fx.eventId, fx.activityId)).state as CloudState;
      expect(Object.values(state.terms).every((term) => !term.hidden)).to.equal(true);
      const participant = await mount(fx);
      await laidOut(participant, 2);
      shadow(org).querySelector<HTMLInputElement>('label.check input')!.click();
      await waitUntil(() => text(participant).includes('The organiser shows the cloud later'), 'the participant still sees the cloud');
      expect(words(participant)).to.have.length(0);
    });
  });

  describe('presenter', () => {
    it('shows the live cloud with counters and the join code, without a toggle', async () => {
      const fx = await cloudFixture({ answers: SAMPLE_ANSWERS });
      const el = await mount(fx, { view: 'presenter' });
      await laidOut(el, 5);
      expect(shadow(el).querySelector('osa-join-code')).to.not.equal(null);
      expect(text(el)).to.include('30 answers');
      expect(button(el, 'List')).to.equal(undefined);
      await fx.answer('ihan uusi');
      await waitUntil(() => text(el).includes('31 answers'), 'the counter did not follow');
    });
  });

  describe('static cloud', () => {
    it('shows { text, count } words with no server', async () => {
      const el = await fixture<OsaTagCloud>(html`<osa-tag-cloud lang="en" label="Our values" .words=${[{ text: 'trust', count: 5 }, { text: 'joy', count: 2 }]}></osa-tag-cloud>`);
      await laidOut(el, 2);
      expect(words(el).map((word) => word.getAttribute('aria-label'))).to.deep.equal(['trust: 5 answers', 'joy: 2 answers']);
      expect(text(el)).to.include('Our values');
      for (const lang of ['fi', 'sv', 'en']) {
        el.setAttribute('lang', lang);
        await el.updateComplete;
        await expect(el, lang).to.be.accessible();
      }
    });

    it('lays out a large static list (the worker, or the main thread in steps) with every word placed or counted', async () => {
      const many = distinctAnswers(400).map((text, index) => ({ text, count: 1 + (index % 7) }));
      const el = await fixture<OsaTagCloud>(html`<osa-tag-cloud lang="en" .words=${many}></osa-tag-cloud>`);
      await laidOut(el, 50);
      const more = shadow(el).querySelector('[part="more"]');
      const hidden = more ? Number(more.textContent!.replace(/\D/g, '')) : 0;
      expect(words(el).length + hidden).to.equal(400);
    });

    it('normalises plain answers on the page, and reads a JSON child', async () => {
      const el = await fixture<OsaTagCloud>(html`<osa-tag-cloud lang="fi"
        ><script type="application/json">
          ["koulu", "koulun", "kouluissa", "ja", "kirjasto"]
        </script></osa-tag-cloud
      >`);
      await laidOut(el, 2);
      expect(words(el)).to.have.length(2, 'inflected forms merged, stop words left out');
      expect(words(el)[0].getAttribute('aria-label')).to.match(/^koulu.*: 3 vastausta$/);
    });
  });
});
