import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createHttpAdapter } from '../../adapters/http/http-adapter.js';
import { switchable, testServer } from '../../adapters/test-support.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { runElementSuite, type ActivityTarget } from '../../kit/testing/element-suite.js';
import { en } from '../../i18n/en.js';
import { fi } from '../../i18n/fi.js';
import { sv } from '../../i18n/sv.js';
import { dayDefinition, dayFixture, type DayOptions } from '../../test-support/day-fixture.js';
import '../event/event.js';
import './run-of-show.js';
import type { OsaRunOfShow } from './run-of-show.js';

/** The suite points elements at an activity; this element shows a whole event, so "an activity that does not exist" becomes an event that does not exist. */
const WHOLE_EVENT = 'whole-event';
const eventOf = (target: ActivityTarget): string => (target.activityId === WHOLE_EVENT ? target.eventId : `${target.eventId}-${target.activityId}`);
/** The organiser keys of the suite's events: given to whatever adapter the suite wraps around the state's, as `<osa-event>` does. */
const keys = new Map<string, string>();

async function day(options: DayOptions & { withKey?: boolean } = {}): Promise<ActivityTarget> {
  const made = await dayFixture(options);
  if (options.withKey !== false) keys.set(made.eventId, made.organiserKey);
  return { adapter: options.withKey === false ? made.participant : made.organiser, eventId: made.eventId, activityId: WHOLE_EVENT };
}

const deepText = (element: Element): string => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (element: OsaRunOfShow, activity: string) => element.shadowRoot!.querySelector<HTMLElement>(`[data-activity="${activity}"]`);
const checkedPhase = (element: OsaRunOfShow, activity: string) => row(element, activity)?.querySelector('[role="radio"][aria-checked="true"]')?.getAttribute('data-phase');
const loaded = (element: OsaRunOfShow, activities = ['themes', 'sessions', 'feedback', 'words']) =>
  waitUntil(() => activities.every((activity) => row(element, activity)), 'the activities never loaded', { timeout: 5000 });

describe('<osa-run-of-show>', function () {
  // A whole event is a larger page than one activity: axe takes longer over it, in four languages and schemes per test.
  this.timeout(30000);

  runElementSuite({
    tagName: 'osa-run-of-show',
    render: (target, lang) => {
      const eventId = eventOf(target);
      if (keys.has(eventId)) target.adapter.setOrganiserKey(eventId, keys.get(eventId));
      return html`<osa-run-of-show .adapter=${target.adapter} event=${eventId} lang=${lang}></osa-run-of-show>`;
    },
    states: [
      { name: 'an event day with every kind', target: () => day() },
      { name: 'every activity in its first phase, nothing in it', target: () => day({ empty: true }) },
      { name: 'an event with no activities', target: () => day({ noActivities: true }) },
      { name: 'without the organiser key', target: () => day({ withKey: false }) },
    ],
  });

  it('shows every activity with its phases, what participants see now and the live counts', async () => {
    const { organiser, eventId } = await dayFixture();
    const element = await fixture<OsaRunOfShow>(html`<osa-run-of-show .adapter=${organiser} event=${eventId} lang="en"></osa-run-of-show>`);
    await loaded(element);
    const t = en.runOfShow;
    expect(checkedPhase(element, 'themes')).to.equal('vote');
    expect(row(element, 'themes')!.querySelector('[data-sees]')!.textContent).to.equal(t.sees.board.voteUpvote);
    // 8 ideas; voter v liked 8 − v of them: 8 + 7 + … + 3 = 33 likes, by 6 voters and 3 authors.
    expect(row(element, 'themes')!.querySelector('[data-counts]')!.textContent).to.equal([t.counts.ideas(8), t.counts.votes(33), t.counts.participants(9)].join(' · '));
    expect(row(element, 'sessions')!.querySelector('[data-counts]')!.textContent).to.equal([t.counts.seats(8, 37), t.counts.waiting(2)].join(' · '));
    expect(row(element, 'feedback')!.querySelector('[data-counts]')!.textContent).to.equal(t.counts.responses(5));
    expect(row(element, 'words')!.querySelector('[data-sees]')!.textContent).to.equal(t.sees.cloud.open(true));
    const group = row(element, 'themes')!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-describedby')).to.equal('ros-keys');
    expect(element.shadowRoot!.getElementById('ros-keys')!.textContent).to.equal(t.keysHelp);
    // One Tab stop per activity, on its current phase.
    expect([...group.querySelectorAll('[role="radio"]')].map((radio) => radio.getAttribute('tabindex'))).to.deep.equal(['-1', '0', '-1', '-1']);
  });

  it('without the organiser key says the key is needed, and shows nothing of the activities', async () => {
    const { participant, eventId } = await dayFixture();
    for (const [lang, msg] of [['fi', fi], ['sv', sv], ['en', en]] as const) {
      const element = await fixture<OsaRunOfShow>(html`<osa-run-of-show .adapter=${participant} event=${eventId} lang=${lang}></osa-run-of-show>`);
      await waitUntil(() => element.shadowRoot!.querySelector('[data-key-needed]'), 'no message about the key', { timeout: 5000 });
      const text = deepText(element);
      expect(text).to.include(msg.runOfShow.keyNeeded);
      for (const hidden of ['Strategy themes', 'Strategian teemat', 'Strategins teman', msg.runOfShow.seesNow, msg.runOfShow.counts.ideas(8)]) expect(text).to.not.include(hidden);
      expect(element.shadowRoot!.querySelector('[role="radio"]')).to.equal(null);
      await expect(element).to.be.accessible();
    }
  });

  it('says in the user\'s language that a phase could not be changed without a connection, and keeps the phase', async () => {
    const { organiser, eventId } = await dayFixture();
    const { adapter, network } = switchable<OsaAdapter>(organiser);
    const element = await fixture<OsaRunOfShow>(html`<osa-run-of-show .adapter=${adapter} event=${eventId} lang="sv"></osa-run-of-show>`);
    await loaded(element);
    network.offline = true;
    row(element, 'words')!.querySelector<HTMLButtonElement>('[data-phase="closed"]')!.click();
    await waitUntil(() => row(element, 'words')!.querySelector('[role="alert"]'), 'no refusal shown');
    expect(row(element, 'words')!.querySelector('[role="alert"]')!.textContent).to.equal(sv.runOfShow.notMovedOffline);
    expect(checkedPhase(element, 'words'), 'not shown as moved before the back end confirms').to.equal('open');
    expect((await organiser.getActivity(eventId, 'words')).phase).to.equal('open');
  });

  describe('against the reference server, inside <osa-event> with the organiser key', () => {
    async function serverDay() {
      const server = await testServer();
      const admin = createHttpAdapter({ baseUrl: server.url, adminToken: server.adminToken });
      const { eventId, organiserKey } = await admin.createEvent(dayDefinition());
      const other = createHttpAdapter({ baseUrl: server.url, device: `other-${eventId}` });
      other.setOrganiserKey(eventId, organiserKey);
      const holder = await fixture<HTMLElement>(html`<osa-event api=${server.url} event=${eventId} lang="en" .organiserKey=${organiserKey}><osa-run-of-show></osa-run-of-show></osa-event>`);
      const element = holder.querySelector('osa-run-of-show')!;
      await loaded(element);
      return { element, other, eventId };
    }

    it('moves an activity to another phase by keyboard: arrow keys choose, Enter sends, and the server has it', async () => {
      const { element, other, eventId } = await serverDay();
      row(element, 'themes')!.querySelector<HTMLButtonElement>('[aria-checked="true"]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(element.shadowRoot!.activeElement!.getAttribute('data-phase')).to.equal('results');
      expect(checkedPhase(element, 'themes'), 'moving focus changes nothing yet').to.equal('vote');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => checkedPhase(element, 'themes') === 'results', 'the new phase never showed', { timeout: 5000 });
      expect((await other.getEvent(eventId)).activities.find((activity) => activity.id === 'themes')!.phase).to.equal('results');
      expect(row(element, 'themes')!.querySelector('[role="status"]')!.textContent).to.equal(en.runOfShow.moved('Strategy themes', 'Results'));
      expect(row(element, 'themes')!.querySelector('[data-sees]')!.textContent).to.equal(en.runOfShow.sees.board.results(true));
      // The checked phase's colours fade in: axe reads them once they have.
      await Promise.all(element.shadowRoot!.getAnimations().map((animation) => animation.finished));
      await expect(element).to.be.accessible();
    });

    it('shows at once a phase another client changed', async () => {
      const { element, other, eventId } = await serverDay();
      expect(checkedPhase(element, 'words')).to.equal('open');
      await other.send(eventId, 'words', 'setPhase', { phase: 'closed' });
      await waitUntil(() => checkedPhase(element, 'words') === 'closed', 'the change made elsewhere never showed', { timeout: 5000 });
      expect(row(element, 'words')!.querySelector('[data-sees]')!.textContent).to.equal(en.runOfShow.sees.cloud.closed(true));
      await waitUntil(() => row(element, 'words')!.querySelector('[aria-live="polite"]')!.textContent === en.runOfShow.moved('What makes a good school day?', 'Closed'), 'the change was not announced');
    });
  });
});
