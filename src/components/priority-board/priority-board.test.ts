import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import './priority-board.js';
import '../event/event.js';
import type { BoardView, OsaPriorityBoard } from './priority-board.component.js';
import type { OsaChart } from '../chart/chart.component.js';
import { runElementSuite } from '../../kit/testing/element-suite.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { withCache } from '../../adapters/cache.js';
import { switchable } from '../../adapters/test-support.js';
import type { BoardState } from '../../core/board/board.js';
import { boardFixture, SAMPLE_IDEAS, type BoardFixture, type BoardFixtureOptions } from '../../test-support/board-fixtures.js';

const shadow = (el: OsaPriorityBoard) => el.shadowRoot!;
const text = (el: OsaPriorityBoard) => shadow(el).textContent!.replace(/\s+/g, ' ');
const button = (el: OsaPriorityBoard, label: string | RegExp) =>
  [...shadow(el).querySelectorAll('button')].find((b) => (typeof label === 'string' ? b.textContent!.includes(label) : label.test(b.textContent!)));

async function mount(fx: BoardFixture, options: { adapter?: OsaAdapter; view?: string; lang?: string; activity?: string } = {}): Promise<OsaPriorityBoard> {
  const el = await fixture<OsaPriorityBoard>(html`<osa-priority-board
    .adapter=${options.adapter ?? fx.participant}
    event=${fx.eventId}
    activity=${options.activity ?? fx.activityId}
    view=${options.view ?? 'participant'}
    lang=${options.lang ?? 'en'}
    join-url="https://osallistu.example.fi/d/2026"
  ></osa-priority-board>`);
  await waitUntil(() => !shadow(el).querySelector('[aria-busy="true"]'), 'the board never finished loading', { timeout: 5000 });
  return el;
}

async function board(options: BoardFixtureOptions, mountOptions: Parameters<typeof mount>[1] = {}) {
  const fx = await boardFixture(options);
  const el = await mount(fx, mountOptions);
  return { fx, el };
}

const stateOf = async (fx: BoardFixture) => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).state as BoardState;

/** The ranked ideas' ids in the order shown. */
const shownOrder = (el: OsaPriorityBoard) => [...shadow(el).querySelectorAll('[part="ranking"] li')].map((row) => row.getAttribute('data-id')!);

/** A new participant's duels, won by `ideaId` wherever it appears (ties elsewhere): it climbs the ranking. */
async function promote(fx: BoardFixture, ideaId: string, duels = 3): Promise<void> {
  const voter = fx.newParticipant();
  for (let round = 0; round < duels; round += 1) {
    const { result } = (await voter.send(fx.eventId, fx.activityId, 'nextPair', {})) as { result: { pair: [string, string] | null } };
    if (!result.pair) break;
    await voter.send(fx.eventId, fx.activityId, 'vote', { a: result.pair[0], b: result.pair[1], choice: result.pair[0] === ideaId ? 'a' : result.pair[1] === ideaId ? 'b' : 'tie' });
  }
}

const states: Array<[string, BoardFixtureOptions, ('participant' | 'organiser')?, BoardView?]> = [
  ['collect, empty', {}],
  ['collect with ideas and own ideas', { ideas: SAMPLE_IDEAS.slice(0, 4), ownIdeas: ['Oma idea'] }],
  ['discussion with questions and likes', { config: { likesWhileCollecting: true, questions: [{ id: 'q1', title: 'One' }, { id: 'q2', title: 'Two' }] }, ideas: ['A', 'B'] }],
  ['duel', { ideas: SAMPLE_IDEAS.slice(0, 5), phase: 'vote' }],
  ['upvote', { config: { mode: 'upvote', resultsVisibility: 'always' }, ideas: SAMPLE_IDEAS.slice(0, 4), phase: 'vote', voters: 3, likes: true }],
  ['results', { ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'results', voters: 6, duelsPerVoter: 8 }],
  ['results hidden', { config: { resultsVisibility: 'never' }, ideas: SAMPLE_IDEAS.slice(0, 3), phase: 'closed' }],
  ['presenter', { ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'results', voters: 6, duelsPerVoter: 8 }, 'participant', 'presenter'],
  ['organiser without key', { ideas: SAMPLE_IDEAS.slice(0, 2) }, 'participant', 'organiser'],
  ['organiser with queue, flags and log', { config: { moderation: 'pre' }, ideas: SAMPLE_IDEAS.slice(0, 3), pendingIdeas: ['Vitun huono idea'] }, 'organiser', 'organiser'],
  ['organiser while prioritising: how settled the top is, ideas to merge', { ideas: SAMPLE_IDEAS.slice(0, 8), phase: 'vote', voters: 6, duelsPerVoter: 8 }, 'organiser', 'organiser'],
];

runElementSuite({
  tagName: 'osa-priority-board',
  render: ({ adapter, eventId, activityId }, lang, variant) => html`<osa-priority-board
    .adapter=${adapter}
    event=${eventId}
    activity=${activityId}
    lang=${lang}
    view=${variant ?? 'participant'}
    join-url="https://osallistu.example.fi/d/2026"
  ></osa-priority-board>`,
  states: states.map(([name, options, who = 'participant', view]) => ({
    name,
    variant: view,
    target: async () => {
      const fx = await boardFixture(options);
      return { adapter: who === 'organiser' ? fx.organiser : fx.participant, eventId: fx.eventId, activityId: fx.activityId };
    },
  })),
});

describe('osa-priority-board', () => {
  it('shows an organiser\'s flagged words in the moderation queue', async () => {
    const fx = await boardFixture({ config: { moderation: 'pre' }, ideas: SAMPLE_IDEAS.slice(0, 3), pendingIdeas: ['Vitun huono idea'] });
    const el = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
    expect(text(el)).to.include('Flagged words: vitun');
  });

  describe('collecting', () => {
    it('submits an idea with the keyboard only and lists it as the participant\'s own', async () => {
      const { fx, el } = await board({});
      shadow(el).querySelector('textarea')!.focus();
      await sendKeys({ type: 'Lisää liikuntaa' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.textContent).to.include('Send idea');
      const submitted = oneEvent(el, 'osa-idea-submit');
      await sendKeys({ press: 'Enter' });
      const event = await submitted;
      expect(event.detail.status).to.equal('visible');
      await waitUntil(() => text(el).includes('Thank you! Your idea was sent.'));
      await waitUntil(() => shadow(el).querySelectorAll('li.idea').length > 0);
      expect(text(el)).to.include('Lisää liikuntaa');
      expect(Object.values((await stateOf(fx)).ideas).map((idea) => idea.text)).to.deep.equal(['Lisää liikuntaa']);
    });

    it('lists only the viewer\'s own ideas and likes as theirs, also when the organiser key is in the address', async () => {
      const fx = await boardFixture({ config: { likesWhileCollecting: true }, ideas: ['Toisen idea', 'Kolmannen idea'] });
      const others = (await stateOf(fx)).order;
      await fx.newParticipant().send(fx.eventId, fx.activityId, 'like', { ideaId: others[0] });
      // The organiser's device takes part too: its own idea and its own like of the second idea.
      await fx.organiser.send(fx.eventId, fx.activityId, 'submitIdea', { text: 'Järjestäjän oma idea', force: true });
      await fx.organiser.send(fx.eventId, fx.activityId, 'like', { ideaId: others[1] });
      // Participant view with the key (`#key=` in the address gives osa-event the key): the snapshot holds everyone's records.
      const el = await mount(fx, { adapter: fx.organiser });
      expect(el.live.snapshot!.viewer.organiser).to.be.true;
      const mineList = shadow(el).querySelector('h3 + ul.plain, h3 + p')!;
      expect(mineList.previousElementSibling!.textContent).to.include('Your ideas');
      expect([...mineList.querySelectorAll('li > div:first-child')].map((item) => item.textContent!.trim())).to.deep.equal(['Järjestäjän oma idea']);
      const pressed = [...shadow(el).querySelectorAll('button[aria-pressed="true"]')].map((b) => b.getAttribute('aria-label'));
      expect(pressed).to.deep.equal(['Like: Kolmannen idea']);
    });

    it('warns about a very similar idea and sends it only when asked', async () => {
      const { fx, el } = await board({ ideas: ['Koulujen ruokailun kehittäminen'] });
      const area = shadow(el).querySelector('textarea')!;
      area.value = 'koulujen ruokailun kehittäminen!';
      area.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      button(el, 'Send idea')!.click();
      await waitUntil(() => text(el).includes('A very similar idea already exists'));
      expect(Object.keys((await stateOf(fx)).ideas)).to.have.length(1);
      await expect(el).to.be.accessible();
      button(el, 'Send anyway')!.click();
      await waitUntil(async () => Object.keys((await stateOf(fx)).ideas).length === 2);
    });

    it('shows the length limit and refuses an over-long idea before sending', async () => {
      const { el } = await board({ config: { maxLength: 20 } });
      const area = shadow(el).querySelector('textarea')!;
      area.value = 'x'.repeat(25);
      area.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      expect(text(el)).to.include('25 / 20 characters');
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expect(button(el, 'Send idea')!.disabled).to.be.true;
    });

    it('says in the board\'s own words when the idea limit is reached', async () => {
      const { el } = await board({ config: { maxIdeasPerParticipant: 1 }, ownIdeas: ['Ainoa ideani'] }, { lang: 'sv' });
      const area = shadow(el).querySelector('textarea')!;
      area.value = 'Toinen idea';
      area.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      button(el, 'Skicka idén')!.click();
      await waitUntil(() => text(el).includes('Du har skickat det högsta antalet idéer per person (1).'));
      expect(shadow(el).querySelector('[role="alert"]')).to.not.equal(null);
    });

    it('renders ideas as text, never as HTML', async () => {
      const { el } = await board({ ideas: ['<img src=x onerror="window.__pwned=1"><b>bold</b>'] });
      await waitUntil(() => text(el).includes('<b>bold</b>'));
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(shadow(el).querySelector('b')).to.equal(null);
    });

    it('shows another participant\'s idea live', async () => {
      const { fx, el } = await board({});
      await fx.newParticipant().send(fx.eventId, fx.activityId, 'submitIdea', { text: 'Live idea from elsewhere' });
      await waitUntil(() => text(el).includes('Live idea from elsewhere'), 'the new idea did not arrive', { timeout: 3000 });
    });

    it('says why an action failed, in the user\'s language, and keeps what was written', async () => {
      const fx = await boardFixture({});
      // No live changes reach this element: it still shows the form after the organiser closes collecting.
      const unsubscribed = new Proxy(fx.participant, {
        get: (target, name, receiver) => (name === 'subscribe' ? () => () => {} : Reflect.get(target, name, receiver)),
      });
      const el = await mount(fx, { adapter: unsubscribed, lang: 'fi' });
      await fx.organiser.send(fx.eventId, fx.activityId, 'setPhase', { phase: 'closed' });
      const area = shadow(el).querySelector('textarea')!;
      area.value = 'Myöhästynyt idea';
      area.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      button(el, 'Lähetä idea')!.click();
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no error was shown');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.include('Tämä vaihe ei ole nyt auki');
      expect(shadow(el).querySelector('textarea')!.value).to.equal('Myöhästynyt idea');
    });
  });

  describe('duels', () => {
    it('duels with keys 1, 2 and 0, counts progress and never repeats a pair', async () => {
      const { fx, el } = await board({ ideas: SAMPLE_IDEAS.slice(0, 4), phase: 'vote' });
      await waitUntil(() => shadow(el).querySelectorAll('button.choice').length === 2);
      const seen = new Set<string>();
      for (const key of ['1', '2', '0', 'ArrowLeft', 'ArrowRight', 'ArrowDown']) {
        await waitUntil(() => shadow(el).querySelectorAll('button.choice').length === 2 || text(el).includes('compared all'));
        if (text(el).includes('compared all')) break;
        const pair = [...shadow(el).querySelectorAll('button.choice')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim()).sort().join('|');
        expect(seen.has(pair), `pair offered twice: ${pair}`).to.be.false;
        seen.add(pair);
        (shadow(el).querySelector('button.choice') as HTMLButtonElement).focus();
        const voted = oneEvent(el, 'osa-vote');
        await sendKeys({ press: key });
        await voted;
      }
      expect(seen.size).to.equal(6, 'all six pairs of four ideas');
      await waitUntil(() => text(el).includes('You have compared all the pairs available to you'));
      expect(text(el)).to.include('6 duels done');
      expect((await stateOf(fx)).duelCount).to.equal(6);
      await expect(el).to.be.accessible();
    });

    it('can stop any time and continue', async () => {
      const { el } = await board({ ideas: SAMPLE_IDEAS.slice(0, 5), phase: 'vote' });
      await waitUntil(() => shadow(el).querySelectorAll('button.choice').length === 2);
      button(el, 'Stop here')!.click();
      await el.updateComplete;
      expect(text(el)).to.include('Your choices were saved');
      await expect(el).to.be.accessible();
      button(el, 'Continue')!.click();
      await waitUntil(() => shadow(el).querySelectorAll('button.choice').length === 2);
    });
  });

  describe('offline', () => {
    it('keeps a duel vote cast offline, shows it waiting, and sends it once when the network returns', async () => {
      const fx = await boardFixture({ ideas: SAMPLE_IDEAS.slice(0, 5), phase: 'vote' });
      const { adapter: device, network } = switchable(fx.participant);
      const cached = withCache(device, { name: `board-offline-${Date.now()}` });
      const el = await mount(fx, { adapter: cached });
      await waitUntil(() => shadow(el).querySelectorAll('button.choice').length === 2);
      network.offline = true;
      (shadow(el).querySelector('button.choice') as HTMLButtonElement).focus();
      const voted = oneEvent(el, 'osa-vote');
      await sendKeys({ press: '1' });
      expect((await voted).detail.queued).to.be.true;
      await waitUntil(() => text(el).includes('1 answer waiting to be sent'), 'the waiting vote is not shown');
      expect(text(el)).to.include('The next pair comes when the connection returns.');
      await expect(el).to.be.accessible();
      expect((await stateOf(fx)).duelCount).to.equal(0);
      network.offline = false;
      window.dispatchEvent(new Event('online'));
      await waitUntil(async () => (await stateOf(fx)).duelCount === 1, 'the queued vote never arrived', { timeout: 5000 });
      await waitUntil(() => !text(el).includes('waiting to be sent'));
      await waitUntil(() => shadow(el).querySelectorAll('button.choice').length === 2, 'no new pair after the network returned');
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await stateOf(fx)).duelCount, 'sent once').to.equal(1);
    });
  });

  describe('upvotes', () => {
    it('likes and takes a like back, as a toggle button', async () => {
      const { fx, el } = await board({ config: { mode: 'upvote', resultsVisibility: 'always' }, ideas: SAMPLE_IDEAS.slice(0, 3), phase: 'vote' });
      const like = () => shadow(el).querySelector<HTMLButtonElement>('button[aria-pressed]')!;
      expect(like().getAttribute('aria-pressed')).to.equal('false');
      like().click();
      await waitUntil(() => like().getAttribute('aria-pressed') === 'true');
      expect((await stateOf(fx)).ideas.i1.likes).to.equal(1);
      like().click();
      await waitUntil(() => like().getAttribute('aria-pressed') === 'false');
      expect((await stateOf(fx)).ideas.i1.likes).to.equal(0);
    });
  });

  describe('results', () => {
    it('ranks with scores, bands and "not yet ranked", and explains the score', async () => {
      const { el } = await board({ config: { minAppearances: 6 }, ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'results', voters: 8, duelsPerVoter: 6 });
      const rows = [...shadow(el).querySelectorAll('ol.ranking li')];
      expect(rows.length).to.equal(6);
      expect(text(el)).to.include('estimated chance, from 0 to 100');
      const first = rows[0].textContent!;
      expect(first).to.match(/1\./);
      expect(first).to.match(/likely between \d+ and \d+/);
      const scores = rows
        .map((row) => row.querySelector('.value')?.textContent)
        .filter((value): value is string => value !== undefined && value !== null)
        .map((value) => Number.parseFloat(value));
      expect(scores.every((score) => score >= 0 && score <= 100)).to.be.true;
      expect([...scores].sort((a, b) => b - a)).to.deep.equal(scores);
    });

    it('holds the order while the pointer is over the list, and updates when it leaves', async () => {
      const { fx, el } = await board({ config: { minAppearances: 0, resultsVisibility: 'always' }, ideas: SAMPLE_IDEAS.slice(0, 3), phase: 'vote' });
      const list = shadow(el).querySelector('ol.ranking')!;
      list.dispatchEvent(new PointerEvent('pointerenter'));
      const before = shownOrder(el);
      const last = before.at(-1)!;
      await promote(fx, last);
      await waitUntil(() => text(el).includes('New votes arrived'));
      expect(shownOrder(el)).to.deep.equal(before);
      shadow(el).querySelector('ol.ranking')!.dispatchEvent(new PointerEvent('pointerleave'));
      await waitUntil(() => shownOrder(el)[0] === last, 'the list did not update after the pointer left');
    });

    it('draws bars and bands without style attributes, which a strict CSP blocks', async () => {
      for (const view of ['participant', 'presenter']) {
        const { el } = await board({ ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'results', voters: 5, duelsPerVoter: 6 }, { view });
        const ranking = shadow(el).querySelector('[part="ranking"]')!;
        expect(ranking.querySelectorAll('.meter .bar').length, view).to.be.greaterThan(0);
        expect(ranking.querySelectorAll('.meter .band').length, view).to.be.greaterThan(0);
        expect([...ranking.querySelectorAll('[style]')].map((item) => item.outerHTML), view).to.deep.equal([]);
      }
    });

    it('hides results from participants until the organiser shows them', async () => {
      const { el } = await board({ config: { resultsVisibility: 'afterClose' }, ideas: SAMPLE_IDEAS.slice(0, 3), phase: 'results', voters: 2, duelsPerVoter: 2 });
      expect(shadow(el).querySelector('ol.ranking')).to.equal(null);
      expect(text(el)).to.include('The results will be published by the organiser');
    });
  });

  describe('presenter', () => {
    it('shows the ranking, a chart, a QR code to join and the counters', async () => {
      const { fx, el } = await board({ ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'results', voters: 5, duelsPerVoter: 6 }, { view: 'presenter' });
      const join = shadow(el).querySelector('osa-join-code')!;
      const chart = shadow(el).querySelector('osa-chart')!;
      await waitUntil(() => join.shadowRoot?.querySelector('img[alt^="QR code"]'), 'no QR code', { timeout: 5000 });
      await waitUntil(() => chart.shadowRoot?.querySelector('canvas'), 'no chart', { timeout: 5000 });
      expect(join.getAttribute('url')).to.equal('https://osallistu.example.fi/d/2026');
      // The address is shown short, as people type it; the QR code carries the whole URL.
      const joinText = join.shadowRoot!.textContent!.replace(/\s+/g, '');
      expect(joinText).to.include('osallistu.example.fi/d/2026');
      expect(joinText).not.to.include('https://');
      const state = await stateOf(fx);
      expect(text(el)).to.include(`${state.participantCount} participants`);
      expect(text(el)).to.include('6 ideas');
      expect(state.duelCount).to.be.greaterThan(0);
      expect(text(el)).to.include(`${state.duelCount} votes`);
    });

    it('never holds the ranking on the projector: nobody reads it with a pointer', async () => {
      const { fx, el } = await board({ config: { minAppearances: 0, resultsVisibility: 'always' }, ideas: SAMPLE_IDEAS.slice(0, 3), phase: 'vote' }, { view: 'presenter' });
      const ranking = shadow(el).querySelector('[part="ranking"]')!;
      ranking.dispatchEvent(new PointerEvent('pointerenter'));
      ranking.dispatchEvent(new FocusEvent('focusin'));
      const last = shownOrder(el).at(-1)!;
      await promote(fx, last);
      await waitUntil(() => shownOrder(el)[0] === last, 'the presenter held the old order under the pointer');
      expect(text(el)).not.to.include('New votes arrived');
    });

    it('fills 1280×720 and 1920×1080 without scrolling: titles, the top ten and the chart, in type that grows with the screen', async () => {
      const { el } = await board({ ideas: SAMPLE_IDEAS, phase: 'results', voters: 12, duelsPerVoter: 10 }, { view: 'presenter' });
      await waitUntil(() => text(el).includes('Development day'), 'no event title');
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Which themes matter most?');
      try {
        for (const [width, height] of [
          [1280, 720],
          [1920, 1080],
        ]) {
          await setViewport({ width, height });
          el.style.width = `${width}px`;
          el.style.height = `${height}px`;
          await waitUntil(() => shadow(el).querySelector('osa-chart')?.shadowRoot?.querySelector('canvas'), 'no chart', { timeout: 5000 });
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const bottom = el.getBoundingClientRect().bottom;
          const rows = [...shadow(el).querySelectorAll<HTMLElement>('[part="ranking"] li')];
          expect(rows.length).to.equal(10);
          const parts = [shadow(el).querySelector('h2')!, ...rows, shadow(el).querySelector('osa-chart')!, shadow(el).querySelector('osa-join-code')!];
          for (const part of parts) expect(part.getBoundingClientRect().bottom, `${part.textContent!.slice(0, 30)} at ${width}×${height}`).to.be.at.most(bottom + 0.5);
          expect(el.scrollHeight, `${width}×${height}`).to.be.at.most(el.clientHeight);
          // Readable from the back of a hall: ideas in type of at least 1/70 of the screen's width.
          expect(Number.parseFloat(getComputedStyle(rows[0].querySelector('.text')!).fontSize), `${width}×${height}`).to.be.at.least(width / 70);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('goes full screen from a button the keyboard reaches, shown only where full screen is possible', async () => {
      const { el } = await board({ ideas: SAMPLE_IDEAS.slice(0, 4), phase: 'results', voters: 3, duelsPerVoter: 4 }, { view: 'presenter' });
      let requested = 0;
      el.requestFullscreen = () => {
        requested += 1;
        return Promise.resolve();
      };
      const fullscreen = button(el, 'Full screen')!;
      fullscreen.focus();
      await sendKeys({ press: 'Enter' });
      expect(requested).to.equal(1);
      Object.defineProperty(document, 'fullscreenEnabled', { value: false, configurable: true });
      try {
        el.requestUpdate();
        await el.updateComplete;
        expect(button(el, 'Full screen')).to.equal(undefined);
      } finally {
        delete (document as { fullscreenEnabled?: boolean }).fullscreenEnabled;
      }
    });

    it('moves re-ranked rows to their new places, and not under reduced motion', async () => {
      const moving = (el: OsaPriorityBoard) => [...shadow(el).querySelectorAll('[part="ranking"] li')].filter((row) => row.getAnimations().length > 0).length;
      const rerank = async (el: OsaPriorityBoard, fx: BoardFixture) => {
        const last = shownOrder(el).at(-1)!;
        await promote(fx, last);
        await waitUntil(() => shownOrder(el)[0] === last, 'no re-ranking');
      };
      const options: BoardFixtureOptions = { config: { minAppearances: 0, resultsVisibility: 'always' }, ideas: SAMPLE_IDEAS.slice(0, 3), phase: 'vote' };
      const animated = await board(options, { view: 'presenter' });
      await rerank(animated.el, animated.fx);
      expect(moving(animated.el), 'rows moving after a re-ranking').to.be.greaterThan(0);
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const still = await board(options, { view: 'presenter' });
        await rerank(still.el, still.fx);
        expect(moving(still.el), 'rows moving under reduced motion').to.equal(0);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('counts votes truly while the results are hidden from the room', async () => {
      const { fx, el } = await board({ config: { resultsVisibility: 'afterVoting' }, ideas: SAMPLE_IDEAS.slice(0, 4), phase: 'vote', voters: 3, duelsPerVoter: 4 }, { view: 'presenter' });
      const cast = (await stateOf(fx)).duelCount;
      expect(cast).to.be.greaterThan(0);
      expect(text(el)).to.include('The results are not shown yet.');
      expect(text(el)).to.include(`${cast} votes`);
      expect(shadow(el).querySelector('[part="ranking"]')).to.equal(null);
      await promote(fx, 'i1', 1);
      await waitUntil(() => text(el).includes(`${cast + 1} votes`), 'a new vote was not counted live');
    });

    it('lets the organiser show the room the results with the keyboard, the key never in an address', async () => {
      const fx = await boardFixture({ config: { resultsVisibility: 'never' }, ideas: SAMPLE_IDEAS.slice(0, 5), phase: 'vote', voters: 4, duelsPerVoter: 5 });
      const address = location.href;
      // The organiser's page holds the key in its fragment; the QR code must not pass it on.
      history.replaceState(null, '', `#key=${fx.organiserKey}`);
      try {
        const el = await fixture<OsaPriorityBoard>(html`<osa-priority-board .adapter=${fx.organiser} event=${fx.eventId} activity=${fx.activityId} view="organiser" lang="en"></osa-priority-board>`);
        await waitUntil(() => button(el, 'Show on screen'), 'no "Show on screen" in the organiser view');
        let requested = 0;
        el.requestFullscreen = () => {
          requested += 1;
          return Promise.resolve();
        };
        button(el, 'Show on screen')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => shownOrder(el).length === 5, 'the room does not see the results');
        expect(el.view).to.equal('presenter');
        expect(requested).to.equal(1);
        expect(text(el)).to.include(`${(await stateOf(fx)).duelCount} votes`);
        expect(shadow(el).querySelector('osa-join-code')!.getAttribute('url')).not.to.include(fx.organiserKey);
        await waitUntil(() => shadow(el).activeElement?.textContent?.includes('Back to the organiser view'), 'focus did not move to the presenter');
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => shadow(el).activeElement?.textContent?.includes('Show on screen'), 'focus did not return to the organiser view');
        expect(el.view).to.equal('organiser');
      } finally {
        history.replaceState(null, '', address);
      }
    });

    it('shows like counts in likes mode, in the list and the chart, not the cautious score', async () => {
      const { fx, el } = await board(
        { config: { mode: 'upvote', resultsVisibility: 'always', minAppearances: 0 }, ideas: SAMPLE_IDEAS.slice(0, 5), phase: 'vote', voters: 6, likes: true },
        { view: 'presenter' },
      );
      const { ideas } = await stateOf(fx);
      const shown = shownOrder(el);
      const likes = shown.map((id) => ideas[id].likes);
      expect(likes.some((count) => count > 0)).to.be.true;
      expect(likes).to.deep.equal([...likes].sort((a, b) => b - a));
      const rows = [...shadow(el).querySelectorAll('[part="ranking"] li')];
      rows.forEach((row, index) => expect(row.textContent).to.include(likes[index] === 1 ? '1 like' : `${likes[index]} likes`));
      expect(text(el)).not.to.include('/ 100');
      const chart = shadow(el).querySelector<OsaChart>('osa-chart')!;
      expect(chart.rows.map((row) => row.value)).to.deep.equal(likes);
      expect(chart.label).to.equal('Likes of the top ideas');
    });
  });

  describe('organiser', () => {
    it('moderates with the keyboard: publishes a queued idea and hides another', async () => {
      const fx = await boardFixture({ config: { moderation: 'pre' }, ideas: ['Visible idea'], pendingIdeas: ['Waiting idea'] });
      const el = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      const publish = button(el, 'Publish')!;
      publish.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await stateOf(fx)).ideas.i2.status === 'visible');
      await waitUntil(() => !text(el).includes('is waiting for moderation'));
      const hide = button(el, /^\s*Hide\s*$/)!;
      hide.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => Object.values((await stateOf(fx)).ideas).some((idea) => idea.status === 'hidden'));
      // The fixture published the first idea; then this test published one and hid one.
      await waitUntil(() => text(el).includes('Moderation log (3)'));
    });

    it('changes the phase with arrow keys in a radio group and merges duplicates', async () => {
      const fx = await boardFixture({ ideas: ['Koulun ruoka', 'Kouluruoka paremmaksi', 'Liikunta'] });
      const el = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      const current = shadow(el).querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')!;
      expect(current.tabIndex).to.equal(0);
      current.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).phase === 'vote');
      const card = () => shadow(el).querySelector<HTMLElement>('[data-idea="i2"]')!;
      card().querySelector<HTMLButtonElement>('[data-merge]')!.click();
      await el.updateComplete;
      card().querySelector<HTMLInputElement>('input[type="radio"][value="i1"]')!.click();
      await el.updateComplete;
      [...card().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Merge' && !b.disabled)!.click();
      await waitUntil(async () => (await stateOf(fx)).ideas.i2.status === 'merged');
      expect((await stateOf(fx)).ideas.i2.mergedInto).to.equal('i1');
    });

    it('becomes the organiser view when osa-event is given the key after loading', async () => {
      const fx = await boardFixture({ ideas: ['Yksi idea'] });
      const wrapper = await fixture<HTMLElement>(html`<osa-event .adapter=${fx.newParticipant()} event=${fx.eventId} lang="en">
        <osa-priority-board activity=${fx.activityId} view="organiser"></osa-priority-board>
      </osa-event>`);
      const el = wrapper.querySelector('osa-priority-board')!;
      await waitUntil(() => text(el).includes('This view needs the organiser key'));
      (wrapper as HTMLElement & { organiserKey?: string }).organiserKey = fx.organiserKey;
      await waitUntil(() => text(el).includes('Moderation log'), 'the board did not reload as the organiser');
    });

    it('shows a participant on a device where the organiser view was open only the participant\'s view, offline too', async () => {
      const fx = await boardFixture({ config: { resultsVisibility: 'never' }, ideas: SAMPLE_IDEAS.slice(0, 4), phase: 'closed', voters: 4, duelsPerVoter: 6 });
      const { adapter: device, network } = switchable(fx.newParticipant());
      const cached = withCache(device, { name: `board-identity-${Date.now()}` });
      const wrapper = await fixture<HTMLElement & { organiserKey?: string }>(html`<osa-event .adapter=${cached} event=${fx.eventId} lang="en" .organiserKey=${fx.organiserKey}>
        <osa-priority-board activity=${fx.activityId}></osa-priority-board>
      </osa-event>`);
      const el = wrapper.querySelector('osa-priority-board')!;
      await waitUntil(() => shadow(el).querySelectorAll('ol.ranking li').length === 4, 'the organiser does not see the ranking');
      network.offline = true;
      wrapper.organiserKey = undefined;
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'the participant was not told that the board cannot load offline');
      expect(shadow(el).querySelectorAll('ol.ranking li').length, 'the organiser\'s ranking stays hidden').to.equal(0);
      expect(text(el)).not.to.include(SAMPLE_IDEAS[0]);
      network.offline = false;
      button(el, 'Try again')!.click();
      await waitUntil(() => text(el).includes('This board is closed'), 'the participant view did not load');
      expect(shadow(el).querySelectorAll('ol.ranking li').length).to.equal(0);
      cached.close();
    });

    it('asks for the organiser key when it is missing', async () => {
      const { el } = await board({}, { view: 'organiser' });
      expect(text(el)).to.include('This view needs the organiser key');
    });
  });

  describe('languages', () => {
    for (const [lang, label, help] of [
      ['fi', 'Lähetä idea', 'Kirjoita ideasi'],
      ['sv', 'Skicka idén', 'Skriv dina idéer'],
      ['en', 'Send idea', 'Write your ideas'],
    ] as const) {
      it(`speaks ${lang}`, async () => {
        const { el } = await board({}, { lang });
        expect(button(el, label)).to.not.equal(undefined);
        expect(text(el)).to.include(help);
      });
    }
  });
});
