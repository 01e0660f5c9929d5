import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import './workshop-picker.js';
import type { OsaWorkshopPicker, WorkshopPickerView } from './workshop-picker.component.js';
import { runElementSuite } from '../../kit/testing/element-suite.js';
import { runFormControlSuite } from '../../kit/testing/form-control-suite.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { withCache } from '../../adapters/cache.js';
import { switchable } from '../../adapters/test-support.js';
import type { WorkshopsConfig, WorkshopsState } from '../../core/workshops/workshops.js';
import { SMALL_CATALOGUE, workshopFixture, type WorkshopFixture, type WorkshopFixtureOptions } from '../../test-support/workshop-fixtures.js';
import { offeredFile } from '../../test-support/download.js';

const shadow = (el: OsaWorkshopPicker) => el.shadowRoot!;
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');
const card = (el: OsaWorkshopPicker, id: string) => shadow(el).querySelector<HTMLElement>(`[data-workshop="${id}"]`)!;
const action = (el: OsaWorkshopPicker, id: string) => shadow(el).querySelector<HTMLButtonElement>(`[data-action="${id}"]`)!;
const focused = (el: OsaWorkshopPicker) => shadow(el).activeElement as HTMLElement | null;
const announced = (el: OsaWorkshopPicker) => shadow(el).querySelector('[aria-live="polite"]')!.textContent!.replace(/\u200b/g, '');
/** Waits for a polite announcement (they are spaced out, so a later one may wait its turn). */
const heard = (el: OsaWorkshopPicker, message: string) => waitUntil(() => announced(el).includes(message), `never announced: ${message}`, { timeout: 4000 });

const RANKED: Partial<WorkshopsConfig> = { mode: 'ranked', choicesPerSlot: 3 };

interface MountOptions {
  adapter?: OsaAdapter;
  view?: WorkshopPickerView;
  lang?: string;
}

async function mount(fx: WorkshopFixture, options: MountOptions = {}): Promise<OsaWorkshopPicker> {
  const el = await fixture<OsaWorkshopPicker>(html`<osa-workshop-picker
    .adapter=${options.adapter ?? fx.participant}
    event=${fx.eventId}
    activity=${fx.activityId}
    view=${options.view ?? 'participant'}
    lang=${options.lang ?? 'en'}
    join-url="https://osallistu.example.fi/koulutus"
  ></osa-workshop-picker>`);
  await waitUntil(() => el.live.snapshot && !shadow(el).querySelector('[aria-busy="true"]'), 'the picker never finished loading', { timeout: 5000 });
  return el;
}

async function picker(options: WorkshopFixtureOptions, mountOptions: MountOptions = {}) {
  const fx = await workshopFixture(options);
  const el = await mount(fx, mountOptions);
  return { fx, el };
}

const stateOf = async (fx: WorkshopFixture) => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).state as WorkshopsState;
const seatOf = async (fx: WorkshopFixture, adapter: OsaAdapter, slot: string) => {
  const { participant } = await adapter.whoami(fx.eventId);
  return (await stateOf(fx)).participants[participant!]?.seats[slot];
};

/** Presses a key with Alt held down. */
async function withAlt(key: string): Promise<void> {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Alt' });
}

/** Presses Tab until the focused element inside the picker matches, as a keyboard user would. */
async function tabTo(el: OsaWorkshopPicker, matches: (element: HTMLElement) => boolean, what: string): Promise<HTMLElement> {
  for (let presses = 0; presses < 40; presses += 1) {
    const current = focused(el);
    if (current && matches(current)) return current;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const states: Array<[string, WorkshopFixtureOptions, ('participant' | 'organiser')?, WorkshopPickerView?]> = [
  ['first come, open, with a seat', { taken: { ai: 1, feedback: 1 }, own: ['robotics'] }],
  ['empty catalogue', { config: { slots: [], workshops: [] } }],
  ['not open yet', { phase: 'preparing' }],
  ['full', { taken: { ai: 2, feedback: 3 } }],
  ['waitlisted', { taken: { ai: 3 }, own: ['ai'] }],
  ['ranked', { config: RANKED, ownRanking: ['ai', 'robotics', 'nature'] }],
  ['allocated', { config: RANKED, crowd: 8, ownRanking: ['ai', 'robotics', 'nature'], allocate: 'sum', publish: true }],
  ['closed', { own: ['robotics'], phase: 'closed' }],
  ['organiser, first come', { taken: { ai: 3, robotics: 2 } }, 'organiser', 'organiser'],
  ['organiser, allocation preview', { config: RANKED, crowd: 12, allocate: 'fair' }, 'organiser', 'organiser'],
  ['organiser without key', {}, 'participant', 'organiser'],
  ['presenter', { taken: { ai: 2, robotics: 1, feedback: 3 } }, 'participant', 'presenter'],
];

runElementSuite({
  tagName: 'osa-workshop-picker',
  render: ({ adapter, eventId, activityId }, lang, variant) => html`<osa-workshop-picker
    .adapter=${adapter}
    event=${eventId}
    activity=${activityId}
    lang=${lang}
    view=${variant ?? 'participant'}
    join-url="https://osallistu.example.fi/koulutus"
  ></osa-workshop-picker>`,
  states: states.map(([name, options, who = 'participant', view]) => ({
    name,
    variant: view,
    target: async () => {
      const fx = await workshopFixture(options);
      return { adapter: who === 'organiser' ? fx.organiser : fx.participant, eventId: fx.eventId, activityId: fx.activityId };
    },
  })),
});

describe('osa-workshop-picker', () => {
  describe('first come, first served', () => {
    it('claims a seat with the keyboard only, and the button becomes "cancel" under the focus', async () => {
      const outside = await fixture<HTMLDivElement>(html`<div><button>Before</button></div>`);
      const { fx, el } = await picker({});
      outside.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      const button = await tabTo(el, (element) => element.dataset.action === 'wellbeing', 'the claim button of "Well-being and recovery"');
      expect(button.textContent).to.include('Claim a seat');
      const claimed = oneEvent(el, 'osa-seat-claimed');
      await sendKeys({ press: 'Enter' });
      expect((await claimed).detail).to.deep.equal({ workshop: 'wellbeing', status: 'confirmed' });
      await waitUntil(() => card(el, 'wellbeing').textContent!.includes('Your seat'));
      expect(focused(el)).to.equal(action(el, 'wellbeing'));
      expect(action(el, 'wellbeing').textContent).to.include('Cancel my seat');
      expect(text(card(el, 'wellbeing'))).to.include('You have a seat in “Well-being and recovery”.');
      expect((await seatOf(fx, fx.participant, 'am'))?.status).to.equal('confirmed');
      expect(text(shadow(el).querySelector('.schedule')!)).to.include('Well-being and recovery');
      await expect(el).to.be.accessible();
    });

    it('joins the waitlist of a full workshop, shows the place in line, and sees the promotion live', async () => {
      const fx = await workshopFixture({});
      const others = [fx.newParticipant(), fx.newParticipant()];
      for (const other of others) await other.send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
      const el = await mount(fx);
      expect(text(card(el, 'ai'))).to.include('Full – join the waitlist');
      action(el, 'ai').focus();
      const claimed = oneEvent(el, 'osa-seat-claimed');
      await sendKeys({ press: 'Space' });
      expect((await claimed).detail).to.deep.equal({ workshop: 'ai', status: 'waitlisted', position: 1 });
      await waitUntil(() => text(card(el, 'ai')).includes('You are 1st on the waitlist'));
      expect(text(card(el, 'ai'))).to.include('“AI in teaching” is full. You are 1st on the waitlist');
      expect(action(el, 'ai').textContent).to.include('Leave the waitlist');
      expect(text(shadow(el).querySelector('.schedule')!)).to.include('Waitlist: 1st');
      const promoted = oneEvent(el, 'osa-seat-promoted');
      await others[0].send(fx.eventId, fx.activityId, 'cancel', { workshop: 'ai' });
      expect((await promoted).detail).to.deep.equal({ workshop: 'ai' });
      await waitUntil(() => text(card(el, 'ai')).includes('Your seat'), 'the promotion was not shown');
      expect(text(el)).to.include('Good news: a seat freed up in “AI in teaching”, and it is yours.');
      await heard(el, 'Good news');
      expect(shadow(el).querySelector('[aria-live="polite"]')!.getAttribute('role')).to.equal('status');
      expect(text(shadow(el).querySelector('.schedule')!)).to.include('Seat confirmed');
      await expect(el).to.be.accessible();
    });

    it('cancels only after a confirmation, by keyboard, and Escape keeps the seat', async () => {
      const { fx, el } = await picker({ own: ['robotics'] });
      action(el, 'robotics').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).querySelector('[data-keep]'));
      expect(text(card(el, 'robotics'))).to.include('Cancel your seat in “Lego robotics”? It goes to the next person in line.');
      expect(focused(el)).to.equal(shadow(el).querySelector('[data-keep]'), 'focus on the safe choice');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focused(el) === action(el, 'robotics'), 'focus did not return to the cancel button');
      expect((await seatOf(fx, fx.participant, 'am'))?.workshop).to.equal('robotics');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el) === shadow(el).querySelector('[data-keep]'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused(el)).to.equal(shadow(el).querySelector('[data-confirm]'));
      const cancelled = oneEvent(el, 'osa-seat-cancelled');
      await sendKeys({ press: 'Enter' });
      expect((await cancelled).detail).to.deep.equal({ workshop: 'robotics', queued: false });
      await waitUntil(() => action(el, 'robotics')?.textContent!.includes('Claim a seat'));
      await waitUntil(() => focused(el) === action(el, 'robotics'), 'focus was lost after cancelling');
      expect(text(card(el, 'robotics'))).to.include('Your seat in “Lego robotics” was cancelled.');
      expect(await seatOf(fx, fx.participant, 'am')).to.equal(undefined);
    });

    it('says in the user\'s words that a slot already has a workshop, also when the back end refuses it (fi)', async () => {
      const { el } = await picker({ own: ['robotics'] }, { lang: 'fi' });
      expect(text(el)).to.include('Sinulla on tähän aikaan ”Lego-robotiikka”.');
      expect(action(el, 'ai').getAttribute('aria-disabled')).to.equal('true');
      action(el, 'ai').click();
      await waitUntil(() => card(el, 'ai').querySelector('[role="alert"]'));
      expect(card(el, 'ai').querySelector('[role="alert"]')!.textContent).to.include('Sinulla on jo työpaja tähän aikaan. Peru se ensin');

      // A second tab claimed a workshop this one does not know about: the back end refuses, in the same words.
      const fx = await workshopFixture({});
      const unsubscribed = new Proxy(fx.participant, { get: (target, name, receiver) => (name === 'subscribe' ? () => () => {} : Reflect.get(target, name, receiver)) });
      const stale = await mount(fx, { adapter: unsubscribed, lang: 'fi' });
      await fx.participant.send(fx.eventId, fx.activityId, 'claim', { workshop: 'robotics' });
      action(stale, 'ai').click();
      await waitUntil(() => card(stale, 'ai').querySelector('[role="alert"]'), 'no refusal was shown');
      expect(card(stale, 'ai').querySelector('[role="alert"]')!.textContent).to.include('Sinulla on jo työpaja tähän aikaan.');
    });

    it('announces politely when seats run low in a workshop the participant is looking at', async () => {
      const { fx, el } = await picker({ taken: { robotics: 1 } });
      expect(text(card(el, 'robotics'))).to.include('Only 2 seats left');
      await fx.newParticipant().send(fx.eventId, fx.activityId, 'claim', { workshop: 'robotics' });
      await heard(el, 'Only 1 seat left in “Lego robotics”.');
      expect(text(card(el, 'robotics'))).to.include('Only 1 seat left');
      expect(card(el, 'robotics').querySelector('.seats')!.classList.contains('is-low')).to.be.true;
    });

    it('keeps a claim made offline waiting, says so, and sends it once when the network returns', async () => {
      const fx = await workshopFixture({});
      const { adapter: device, network } = switchable(fx.participant);
      const cached = withCache(device, { name: `workshops-offline-${Date.now()}` });
      try {
        const el = await mount(fx, { adapter: cached });
        network.offline = true;
        const claimed = oneEvent(el, 'osa-seat-claimed');
        action(el, 'wellbeing').click();
        expect((await claimed).detail.status).to.equal('queued');
        await waitUntil(() => text(el).includes('1 answer waiting to be sent'), 'the waiting claim is not shown');
        expect(text(card(el, 'wellbeing'))).to.include('Waiting to be sent: the seat is claimed when the connection returns.');
        expect(text(shadow(el).querySelector('.schedule')!)).to.include('Waiting to be sent');
        await expect(el).to.be.accessible();
        expect((await stateOf(fx)).counts.wellbeing).to.equal(undefined);
        network.offline = false;
        window.dispatchEvent(new Event('online'));
        await waitUntil(async () => (await stateOf(fx)).counts.wellbeing?.held === 1, 'the queued claim never arrived', { timeout: 5000 });
        await waitUntil(() => text(card(el, 'wellbeing')).includes('Your seat'), 'the sent claim is not shown', { timeout: 5000 });
        expect(text(el)).not.to.include('waiting to be sent');
        window.dispatchEvent(new Event('online'));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect((await stateOf(fx)).counts.wellbeing?.held, 'sent once').to.equal(1);
      } finally {
        cached.close();
      }
    });
  });

  describe('the catalogue', () => {
    it('searches ignoring case and accents, in every language of the catalogue', async () => {
      const { el } = await picker({}, { lang: 'fi' });
      const search = shadow(el).querySelector<HTMLInputElement>('#filter-query')!;
      search.focus();
      await sendKeys({ type: 'TYOHYVINVOINTI' });
      await waitUntil(() => shadow(el).querySelectorAll('[data-workshop]').length === 1);
      expect(card(el, 'wellbeing')).to.not.equal(null);
      expect(text(el)).to.include('Näytetään 1/5 työpajaa');
      search.select();
      await sendKeys({ type: 'hallbar' });
      await waitUntil(() => shadow(el).querySelectorAll('[data-workshop]').length === 1, 'the Swedish theme "Hållbar utveckling" was not found');
      expect(card(el, 'nature')).to.not.equal(null);
      search.select();
      await sendKeys({ type: 'ohman' });
      await waitUntil(() => shadow(el).querySelectorAll('[data-workshop]').length === 1, 'the facilitator "Jussi Öhman" was not found');
      expect(card(el, 'ai')).to.not.equal(null);
      search.select();
      await sendKeys({ type: 'no such workshop' });
      await waitUntil(() => text(el).includes('Mikään työpaja ei vastaa suodattimia.'));
      await expect(el).to.be.accessible();
    });

    it('shows a static catalogue from a JSON child with no server: browse and search, nothing to claim (only to plan)', async () => {
      const json = JSON.stringify({ mode: 'firstCome', ...SMALL_CATALOGUE }).replace(/</g, '\\u003c');
      const el = await fixture<OsaWorkshopPicker>(`<osa-workshop-picker lang="sv"><script type="application/json">${json}</script></osa-workshop-picker>`);
      await waitUntil(() => el.live.snapshot && shadow(el).querySelectorAll('[data-workshop]').length === 5, 'the catalogue never showed', { timeout: 4000 });
      expect(shadow(el).querySelector('.phase-badge')!.textContent).to.include('Program');
      expect(text(el)).to.include('Anmälan sker inte på den här sidan');
      expect([...shadow(el).querySelectorAll('[data-action]')].map((button) => button.textContent!.trim()), 'nothing to claim, only to plan').to.include('Lägg till i mitt schema: Legorobotik');
      expect(shadow(el).querySelector('#mine-title')!.textContent).to.equal('Mitt schema');
      const search = shadow(el).querySelector<HTMLInputElement>('#filter-query')!;
      search.focus();
      await sendKeys({ type: 'hallbar' });
      await waitUntil(() => shadow(el).querySelectorAll('[data-workshop]').length === 1);
      expect(card(el, 'nature')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('filters by theme, level, time slot and free seats, and clears the filters', async () => {
      const { el } = await picker({ taken: { ai: 2 } });
      const shown = () => [...shadow(el).querySelectorAll<HTMLElement>('[data-workshop]')].map((item) => item.dataset.workshop);
      const choose = async (id: string, label: string) => {
        const select = shadow(el).querySelector<HTMLSelectElement>(`#filter-${id}`)!;
        select.value = [...select.options].find((option) => option.textContent!.trim() === label)!.value;
        select.dispatchEvent(new Event('change'));
        await elementUpdated(el);
      };
      await choose('theme', 'Digital competence');
      expect(shown()).to.deep.equal(['robotics', 'ai']);
      await choose('level', 'Intermediate');
      expect(shown()).to.deep.equal(['ai']);
      shadow(el).querySelector<HTMLInputElement>('.filters input[type="checkbox"]')!.click();
      await elementUpdated(el);
      expect(shown()).to.deep.equal([]);
      [...shadow(el).querySelectorAll('button')].find((button) => button.textContent!.includes('Clear filters'))!.click();
      await elementUpdated(el);
      await choose('slot', 'Afternoon');
      expect(shown()).to.deep.equal(['feedback', 'nature']);
      expect(text(el)).to.include('Showing 2 of 5 workshops');
    });
  });

  describe('ranked', () => {
    it('ranks by keyboard: adds, reorders with the buttons and Alt + arrows, announces each move, and sends', async () => {
      const { fx, el } = await picker({ config: RANKED });
      for (const id of ['robotics', 'ai', 'wellbeing']) {
        action(el, id).focus();
        await sendKeys({ press: 'Space' });
        await elementUpdated(el);
      }
      const order = () => [...shadow(el).querySelectorAll<HTMLElement>('ol.choices li')].map((item) => item.dataset.choice);
      expect(order()).to.deep.equal(['robotics', 'ai', 'wellbeing']);
      expect(action(el, 'robotics').textContent).to.include('Remove from my ranking');
      expect(text(card(el, 'ai'))).to.include('In your ranking: 2nd');
      expect(text(el)).to.include('You have changes that are not sent yet.');

      shadow(el).querySelector<HTMLElement>('[data-choice="robotics"] [data-control="down"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => order()[1] === 'robotics');
      expect(order()).to.deep.equal(['ai', 'robotics', 'wellbeing']);
      await heard(el, '“Lego robotics” moved to place 2 of 3.');
      expect(focused(el)).to.equal(shadow(el).querySelector('[data-choice="robotics"] [data-control="down"]'), 'focus follows the moved choice');

      await withAlt('ArrowDown');
      await waitUntil(() => order()[2] === 'robotics');
      expect(focused(el)).to.equal(shadow(el).querySelector('[data-choice="robotics"] [data-control="down"]'));
      await withAlt('ArrowUp');
      await withAlt('ArrowUp');
      await waitUntil(() => order()[0] === 'robotics');
      expect(order()).to.deep.equal(['robotics', 'ai', 'wellbeing']);
      await heard(el, '“Lego robotics” moved to place 1 of 3.');
      await expect(el).to.be.accessible();

      const sent = oneEvent(el, 'osa-ranking-sent');
      shadow(el).querySelector<HTMLButtonElement>('[data-send-ranking]')!.click();
      expect((await sent).detail).to.deep.equal({ choices: ['robotics', 'ai', 'wellbeing'], queued: false });
      await waitUntil(() => text(el).includes('Your ranking was saved.'));
      const { participant } = await fx.participant.whoami(fx.eventId);
      expect((await stateOf(fx)).participants[participant!].ranking).to.deep.equal({ am: ['robotics', 'ai', 'wellbeing'] });
      expect(text(el)).not.to.include('not sent yet');
    });

    it('says when a slot has as many choices as it takes', async () => {
      const { el } = await picker({ config: { ...RANKED, choicesPerSlot: 2 }, ownRanking: ['robotics', 'ai'] });
      expect(action(el, 'wellbeing').getAttribute('aria-disabled')).to.equal('true');
      expect(text(card(el, 'wellbeing'))).to.include('You have ranked 2, the most for one time slot.');
      action(el, 'wellbeing').click();
      await elementUpdated(el);
      expect(el.ranking.current.am).to.deep.equal(['robotics', 'ai']);
    });

    it('shows the workshop each got after publication, and which choice it was', async () => {
      const fx = await workshopFixture({ config: RANKED, ownRanking: ['ai', 'robotics', 'feedback', 'nature'] });
      const el = await mount(fx);
      await fx.organiser.send(fx.eventId, fx.activityId, 'allocate', { objective: 'sum', seed: 1 });
      await fx.organiser.send(fx.eventId, fx.activityId, 'publishAllocation', {});
      await waitUntil(() => text(el).includes('Seats have been allocated'), 'the publication was not seen live');
      await waitUntil(() => text(card(el, 'ai')).includes('Your seat – your 1st choice'));
      expect(text(shadow(el).querySelector('.schedule')!)).to.include('AI in teaching');
      expect(text(shadow(el).querySelector('.schedule')!)).to.include('Your seat – your 1st choice');
      await heard(el, 'Your seat – your 1st choice');
      await expect(el).to.be.accessible();
    });
  });

  describe('my schedule', () => {
    it('offers the confirmed workshops as a calendar file in UTC, with CRLF lines of at most 75 octets', async () => {
      const { fx, el } = await picker({ own: ['robotics', 'nature'] });
      const file = await offeredFile(() => shadow(el).querySelector<HTMLButtonElement>('[data-download-ics]')!.click());
      expect(file.name).to.equal(`${fx.eventId}-my-workshops.ics`);
      const body = file.body;
      const lines = body.split('\r\n');
      expect(lines[0]).to.equal('BEGIN:VCALENDAR');
      expect(body.endsWith('END:VCALENDAR\r\n')).to.be.true;
      expect(body.replace(/\r\n/g, '')).not.to.include('\n');
      expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).to.be.true;
      const unfolded = body.replace(/\r\n /g, '');
      expect(unfolded.match(/BEGIN:VEVENT/g)).to.have.length(2);
      expect(unfolded).to.include('DTSTART:20260610T060000Z\r\nDTEND:20260610T090000Z');
      expect(unfolded).to.include('SUMMARY:Lego robotics');
      expect(unfolded).to.include('LOCATION:Keskuspuisto\\, lähtö pääovelta');
      expect(unfolded).to.include(`UID:${fx.eventId}-workshops-robotics@osallistu`);
      expect(unfolded).to.include('X-WR-CALNAME:Workshops');
    });
  });

  describe('organiser', () => {
    it('asks for the organiser key when it is missing', async () => {
      const { el } = await picker({}, { view: 'organiser' });
      expect(text(el)).to.include('This view needs the organiser key');
    });

    it('opens registration with arrow keys and shows fill levels and waitlists', async () => {
      const fx = await workshopFixture({ phase: 'preparing' });
      const el = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      const current = shadow(el).querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')!;
      expect(current.dataset.phase).to.equal('preparing');
      current.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).phase === 'open');
      for (let index = 0; index < 3; index += 1) await fx.newParticipant().send(fx.eventId, fx.activityId, 'claim', { workshop: 'ai' });
      await waitUntil(() => text(el).includes('2 / 2'), 'the fill level did not update live');
      const row = [...shadow(el).querySelectorAll('tbody tr')].find((item) => item.textContent!.includes('AI in teaching'))!;
      expect(text(row)).to.match(/2 \/ 2\s*1/);
    });

    it('runs the allocation, previews it beside first come, first served, and publishes after a confirmation', async () => {
      const fx = await workshopFixture({ config: RANKED, crowd: 20, ownRanking: ['ai', 'feedback'] });
      const el = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      const fair = shadow(el).querySelector<HTMLInputElement>('input[value="fair"]')!;
      fair.click();
      shadow(el).querySelector<HTMLButtonElement>('[data-allocate]')!.click();
      await waitUntil(() => shadow(el).querySelector('[part="preview"]'), 'no preview', { timeout: 5000 });
      const preview = text(shadow(el).querySelector('[part="preview"]')!);
      expect(preview).to.match(/\d+ of \d+ registrations got their 1st choice/);
      expect(preview).to.include('First come, first served');
      expect(preview).to.include('Fairest for the worst off');
      expect((await stateOf(fx)).preview?.objective).to.equal('fair');
      await expect(el).to.be.accessible();
      const publish = shadow(el).querySelector<HTMLButtonElement>('[data-publish]')!;
      publish.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el) === shadow(el).querySelector('[data-keep-preview]'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await stateOf(fx)).publishedAt !== undefined, 'not published');
      await waitUntil(() => text(el).includes('Published at'));
      expect((await seatOf(fx, fx.participant, 'am'))?.status).to.equal('assigned');
    });

    it('cancels a workshop below its minimum from the preview, after an in-page confirmation, then reruns', async () => {
      const fx = await workshopFixture({ config: RANKED, crowd: 0, ownRanking: ['ai', 'nature'] });
      await fx.organiser.send(fx.eventId, fx.activityId, 'allocate', { objective: 'sum', seed: 1 });
      const el = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      const ask = shadow(el).querySelector<HTMLButtonElement>('[data-cancel-workshop="nature"]')!;
      expect(ask, 'a cancel action beside the workshop below its minimum').to.exist;
      ask.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el) === shadow(el).querySelector('[data-keep-workshop]'), 'focus never moved to the confirmation');
      expect(text(el)).to.include('Cancel “Outdoor learning”?');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focused(el) === shadow(el).querySelector('[data-cancel-workshop="nature"]'), 'Escape keeps the workshop');
      expect((await stateOf(fx)).cancelled).to.equal(undefined);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).querySelector('[data-confirm-cancel-workshop]'));
      shadow(el).querySelector<HTMLButtonElement>('[data-confirm-cancel-workshop]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(async () => (await stateOf(fx)).cancelled?.includes('nature'), 'never cancelled');
      await waitUntil(() => text(el).includes('“Outdoor learning” is cancelled. Run the allocation again before publishing.'), 'no confirmation shown');
      await waitUntil(() => focused(el) === shadow(el).querySelector('[data-allocate]'), 'focus goes to the rerun');
      expect(text(shadow(el).querySelector('[data-below="nature"]')!)).to.include('(cancelled)');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !shadow(el).querySelector('[data-below="nature"]'), 'the rerun leaves the cancelled workshop out');
      expect((await stateOf(fx)).participants[(await fx.participant.whoami(fx.eventId)).participant!].ranking).to.deep.equal({ am: ['ai'] });
    });

    it('shows participants a cancelled workshop as cancelled, with nothing to claim', async () => {
      const fx = await workshopFixture({ taken: { ai: 1 } });
      await fx.organiser.send(fx.eventId, fx.activityId, 'cancelWorkshop', { workshop: 'ai' });
      const el = await mount(fx, { lang: 'fi' });
      await waitUntil(() => card(el, 'ai').querySelector('[data-cancelled]'), 'not marked cancelled');
      expect(text(card(el, 'ai'))).to.include('Peruttu');
      expect(action(el, 'ai')).to.equal(null);
      expect(action(el, 'robotics')).to.exist;
    });

    it('shows who holds seats by participant number, and moves one to another workshop of the slot, locked, by keyboard', async () => {
      const fx = await workshopFixture({ taken: { ai: 2, robotics: 1 } });
      const el = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      const toggle = shadow(el).querySelector<HTMLButtonElement>('[data-people="ai"]')!;
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true' && shadow(el).querySelector('[data-people-of="ai"]'), 'the people never showed');
      const people = shadow(el).querySelector('[data-people-of="ai"]')!;
      const numbers = [...people.querySelectorAll('[data-person]')].map((row) => row.getAttribute('data-person'));
      expect(numbers).to.deep.equal(['p1', 'p2'], 'numbered in order of first appearance, as in the export');
      expect(text(people)).not.to.include('taker');
      const select = people.querySelector<HTMLSelectElement>('#move-to-p1')!;
      expect([...select.options].map((option) => option.value)).to.deep.equal(['robotics', 'wellbeing'], 'other workshops of the slot with free seats');
      await expect(el).to.be.accessible();
      await tabTo(el, (element) => element === select, 'the target');
      select.value = 'wellbeing';
      select.dispatchEvent(new Event('change'));
      await tabTo(el, (element) => element.id === 'move-lock-p1', 'the lock');
      await sendKeys({ press: 'Space' });
      await tabTo(el, (element) => element.dataset.move === 'p1', 'the move button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => /p1 moved to “/.test(text(el)), 'no confirmation', { timeout: 4000 });
      const state = await stateOf(fx);
      const moved = Object.values(state.participants).find((record) => record.seats.am?.workshop === 'wellbeing')?.seats.am;
      expect(moved).to.deep.include({ workshop: 'wellbeing', locked: true });
      expect(state.counts.ai.held).to.equal(1);
    });

    it('says in the user\'s language when the chosen workshop filled up before the move', async () => {
      const fx = await workshopFixture({ taken: { ai: 1, robotics: 3 } });
      const el = await mount(fx, { adapter: fx.organiser, view: 'organiser', lang: 'sv' });
      shadow(el).querySelector<HTMLButtonElement>('[data-people="ai"]')!.click();
      await waitUntil(() => shadow(el).querySelector('#move-to-p1'), 'the people never showed');
      const select = shadow(el).querySelector<HTMLSelectElement>('#move-to-p1')!;
      expect([...select.options].map((option) => option.value)).to.deep.equal(['wellbeing'], 'a full workshop is not offered');
      // A list from a moment ago, before someone took the last seat in robotics.
      select.append(new Option('robotics', 'robotics'));
      select.value = 'robotics';
      shadow(el).querySelector<HTMLButtonElement>('[data-move="p1"]')!.click();
      await waitUntil(() => text(el).includes('Den workshoppen är full nu'), 'the refusal was not shown in Swedish', { timeout: 4000 });
      expect((await stateOf(fx)).counts.robotics.held).to.equal(3);
    });

    it('exports the registrations as CSV in the user\'s language', async () => {
      const { el } = await picker({ taken: { ai: 3 } }, { view: 'organiser' });
      const fx = await workshopFixture({ taken: { ai: 3 } });
      const organiserView = await mount(fx, { adapter: fx.organiser, view: 'organiser' });
      el.remove();
      const file = await offeredFile(() => [...shadow(organiserView).querySelectorAll('button')].find((button) => button.textContent!.includes('Registrations (CSV)'))!.click());
      expect(file.name).to.equal(`${fx.eventId}-workshops-registrations.csv`);
      const rows = file.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(rows[0].split(',')).to.deep.equal(['Participant', 'Workshop', 'Time slot', 'Status', 'Place in line', 'Offer open until', 'Choice got', 'Fixed by the organiser']);
      expect(rows.slice(1).map((row) => row.split(',')[3])).to.deep.equal(['Confirmed', 'Confirmed', 'On the waitlist']);
      expect(rows[3].split(',').slice(4)).to.deep.equal(['1', '', '', 'no']);
    });
  });

  describe('presenter', () => {
    it('shows live fill levels, totals and the join code', async () => {
      const { fx, el } = await picker({ taken: { ai: 2, robotics: 1 } }, { view: 'presenter' });
      const join = shadow(el).querySelector('osa-join-code')!;
      expect(join.getAttribute('url')).to.equal('https://osallistu.example.fi/koulutus');
      expect(text(shadow(el).querySelector('[data-workshop="ai"]')!)).to.include('Full');
      expect(text(shadow(el).querySelector('[data-workshop="robotics"]')!)).to.include('2 left');
      expect(text(el)).to.include('3 seats taken');
      await fx.newParticipant().send(fx.eventId, fx.activityId, 'claim', { workshop: 'robotics' });
      await waitUntil(() => text(shadow(el).querySelector('[data-workshop="robotics"]')!).includes('1 left'), 'the screen did not update live');
      expect(text(el)).to.include('4 seats taken');
    });
  });

  describe('languages', () => {
    for (const [lang, claim, help] of [
      ['fi', 'Varaa paikka', 'Valitse yksi työpaja kuhunkin aikaan.'],
      ['sv', 'Boka en plats', 'Välj en workshop per tid.'],
      ['en', 'Claim a seat', 'Choose one workshop per time slot.'],
    ] as const) {
      it(`speaks ${lang}`, async () => {
        const { el } = await picker({}, { lang });
        expect(action(el, 'wellbeing').textContent).to.include(claim);
        expect(text(el)).to.include(help);
      });
    }
  });

  describe('in a form', () => {
    it('submits the workshops with a place in first-come mode, asks for one per slot, and a reset never gives a seat away', async () => {
      const fx = await workshopFixture({});
      const form = await fixture<HTMLFormElement>(html`<form lang="en">
        <osa-workshop-picker name="workshops" required .adapter=${fx.participant} event=${fx.eventId} activity=${fx.activityId}></osa-workshop-picker>
      </form>`);
      const el = form.querySelector('osa-workshop-picker')!;
      await waitUntil(() => el.live.snapshot);
      await elementUpdated(el);
      expect(form.checkValidity()).to.be.false;
      expect(el.validationMessage).to.equal('Choose a workshop for every time slot.');
      action(el, 'robotics').click();
      await waitUntil(() => [...new FormData(form)].length === 1);
      expect([...new FormData(form)]).to.deep.equal([['workshops', 'robotics']]);
      expect(form.checkValidity(), 'the afternoon is still missing').to.be.false;
      form.reportValidity();
      expect(focused(el)).to.equal(shadow(el).querySelector('[data-slot-anchor="pm"]'));
      action(el, 'nature').click();
      await waitUntil(() => [...new FormData(form)].length === 2);
      expect(form.checkValidity()).to.be.true;
      form.reset();
      await elementUpdated(el);
      expect([...new FormData(form)]).to.deep.equal([
        ['workshops', 'robotics'],
        ['workshops', 'nature'],
      ]);
      expect((await seatOf(fx, fx.participant, 'am'))?.workshop).to.equal('robotics');
    });
  });
});

/** The form-control suite runs on the ranked mode, where the value is the participant's own until sent. */
let formFixture: WorkshopFixture;
before(async () => {
  formFixture = await workshopFixture({ config: RANKED });
});

runFormControlSuite<OsaWorkshopPicker>({
  tagName: 'osa-workshop-picker',
  render: ({ name, required }) =>
    html`<osa-workshop-picker
      name=${ifDefined(name)}
      ?required=${required}
      .adapter=${formFixture.newParticipant()}
      event=${formFixture.eventId}
      activity=${formFixture.activityId}
    ></osa-workshop-picker>`,
  fillIn: async (el) => {
    await waitUntil(() => el.live.snapshot && action(el, 'robotics'), 'the picker never loaded', { timeout: 5000 });
    for (const id of ['robotics', 'nature']) {
      action(el, id).focus();
      await sendKeys({ press: 'Space' });
      await elementUpdated(el);
    }
  },
  expectedEntries: (name) => [
    [name, 'robotics'],
    [name, 'nature'],
  ],
  supportsRequired: true,
});
