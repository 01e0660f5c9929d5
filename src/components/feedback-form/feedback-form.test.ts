import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import './feedback-form.js';
import type { OsaFeedbackForm } from './feedback-form.component.js';
import { runElementSuite } from '../../kit/testing/element-suite.js';
import { runFormControlSuite } from '../../kit/testing/form-control-suite.js';
import type { OsaAdapter } from '../../adapters/types.js';
import { withCache } from '../../adapters/cache.js';
import { switchable } from '../../adapters/test-support.js';
import type { FeedbackState } from '../../core/feedback/feedback.view.js';
import { DEFAULT_FEEDBACK_CONFIG } from '../../core/feedback/feedback.js';
import { feedbackFixture, SAMPLE_ANSWERS, SAMPLE_POLL, SHORT_FORM, type FeedbackFixture, type FeedbackFixtureOptions } from '../../test-support/feedback-fixtures.js';
import { offeredFile as download } from '../../test-support/download.js';

const shadow = (el: OsaFeedbackForm) => el.shadowRoot!;
const text = (el: OsaFeedbackForm) => shadow(el).textContent!.replace(/\s+/g, ' ');
const focused = (el: OsaFeedbackForm) => shadow(el).activeElement as HTMLElement | null;
const button = (el: OsaFeedbackForm, label: string) => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes(label));
const group = (el: OsaFeedbackForm, name: string) => shadow(el).querySelector<HTMLElement>(`#q-${name}`);
const announced = (el: OsaFeedbackForm) => shadow(el).querySelector('[aria-live="polite"]')!.textContent!.replace(/\u200b/g, '');

async function mount(fx: FeedbackFixture, options: { adapter?: OsaAdapter; view?: string; lang?: string; mode?: string } = {}): Promise<OsaFeedbackForm> {
  const el = await fixture<OsaFeedbackForm>(html`<osa-feedback-form
    .adapter=${options.adapter ?? fx.participant}
    event=${fx.eventId}
    activity=${fx.activityId}
    view=${options.view ?? 'participant'}
    mode=${ifDefined(options.mode)}
    lang=${options.lang ?? 'en'}
    join-url="https://osallistu.example.fi/d/2026"
  ></osa-feedback-form>`);
  await waitUntil(() => !shadow(el).querySelector('[aria-busy="true"]'), 'the form never finished loading', { timeout: 5000 });
  return el;
}

async function form(options: FeedbackFixtureOptions, mountOptions: Parameters<typeof mount>[1] = {}) {
  const fx = await feedbackFixture(options);
  const el = await mount(fx, mountOptions);
  return { fx, el };
}


const stateOf = async (fx: FeedbackFixture) => (await fx.organiser.getActivity(fx.eventId, fx.activityId)).state as FeedbackState;
const responses = async (fx: FeedbackFixture) => Object.values((await stateOf(fx)).responses);

const POLL: FeedbackFixtureOptions['config'] = { form: SAMPLE_POLL, mode: 'poll', publicResults: true };

const states: Array<[string, FeedbackFixtureOptions, ('participant' | 'organiser')?, string?]> = [
  ['the default one-question form', { config: { form: DEFAULT_FEEDBACK_CONFIG.form } }],
  ['a form of every type', {}],
  // The form is not ready for answers yet: the empty state of a bound form.
  ['preparing', { phase: 'preparing' }],
  ['thank-you after sending (may answer again)', { own: SAMPLE_ANSWERS[0], config: { responsesPerParticipant: 2, allowEdit: true } }, 'participant', 'participant:thanks'],
  ['already answered', { own: SAMPLE_ANSWERS[0], config: { allowEdit: false } }],
  ['already answered, may edit', { own: SAMPLE_ANSWERS[0], config: { allowEdit: true } }],
  ['closed', { phase: 'closed', own: SAMPLE_ANSWERS[1] }],
  ['poll', { config: POLL }],
  ['poll results (own answer and live bars)', { config: POLL, responses: [{ next: 'ai' }, { next: 'ai' }, { next: 'outdoor' }], own: { next: 'wellbeing' } }],
  ['poll, organiser controls', { config: POLL, responses: [{ next: 'ai' }] }, 'organiser'],
  ['results, organiser', { responses: SAMPLE_ANSWERS, config: { form: SHORT_FORM } }, 'organiser', 'results'],
  ['results, public', { responses: SAMPLE_ANSWERS, config: { form: SHORT_FORM, publicResults: true } }, 'participant', 'results'],
  ['results, not public', { responses: SAMPLE_ANSWERS }, 'participant', 'results'],
  ['presenter', { config: POLL, responses: [{ next: 'ai' }, { next: 'outdoor' }] }, 'participant', 'presenter'],
];

/**
 * A variant is the view, and after a colon what became of the participant's send on this page
 * (`participant:thanks`, `participant:queued`): the element's own record of it, as `submit` leaves it.
 */
const sentOf = (variant: string | undefined): OsaFeedbackForm['sent'] => {
  const after = variant?.split(':')[1];
  return after ? { queued: after === 'queued', edit: false, answers: { useful: 4 }, round: 1 } : undefined;
};

runElementSuite({
  tagName: 'osa-feedback-form',
  render: ({ adapter, eventId, activityId }, lang, variant) => html`<osa-feedback-form
    .adapter=${adapter}
    .sent=${sentOf(variant)}
    event=${eventId}
    activity=${activityId}
    lang=${lang}
    view=${(variant ?? 'participant').split(':')[0]}
    join-url="https://osallistu.example.fi/d/2026"
  ></osa-feedback-form>`,
  states: [
    ...states.map(([name, options, who = 'participant', view]) => ({
      name,
      variant: view,
      target: async () => {
        const fx = await feedbackFixture(options);
        return { adapter: who === 'organiser' ? fx.organiser : fx.participant, eventId: fx.eventId, activityId: fx.activityId };
      },
    })),
    {
      // Sent offline: the response waits in the device's outbox, the page says it will be sent.
      name: 'offline, the answers queued',
      variant: 'participant:queued',
      target: async () => {
        const fx = await feedbackFixture({});
        const { adapter, network } = switchable(fx.participant);
        const cached = withCache(adapter, { name: `feedback-suite-queued-${Date.now()}-${Math.random()}` });
        await cached.getActivity(fx.eventId, fx.activityId);
        network.offline = true;
        const sent = await cached.send(fx.eventId, fx.activityId, 'submit', { answers: { useful: 4 } });
        expect(sent.queued, 'the answers wait offline').to.equal(true);
        return { adapter: cached, eventId: fx.eventId, activityId: fx.activityId };
      },
    },
  ],
});

/** A form declared in HTML, for a host `<form>`: a scale and a multiple choice. */
runFormControlSuite<OsaFeedbackForm>({
  tagName: 'osa-feedback-form',
  render: ({ name, required }) => html`<osa-feedback-form name=${ifDefined(name)} ?required=${required}>
    <osa-question name="useful" type="scale" min="1" max="5"><span lang="fi">Hyödyllisyys</span><span lang="sv">Nytta</span><span lang="en">Usefulness</span></osa-question>
    <osa-question name="topics" type="multiple">
      Topics
      <osa-choice value="a">A</osa-choice><osa-choice value="b">B</osa-choice><osa-choice value="c">C</osa-choice>
    </osa-question>
  </osa-feedback-form>`,
  fillIn: async (el) => {
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#q-useful input[data-value="4"]')!.click();
    root.querySelector<HTMLInputElement>('#q-topics input[data-value="a"]')!.click();
    root.querySelector<HTMLInputElement>('#q-topics input[data-value="c"]')!.click();
    await el.updateComplete;
  },
  expectedEntries: (name) => [
    [`${name}.useful`, '4'],
    [`${name}.topics`, 'a'],
    [`${name}.topics`, 'c'],
  ],
  supportsRequired: true,
});

describe('osa-feedback-form', () => {
  describe('declared in HTML', () => {
    it('reads questions, choices, sections and labels in several languages, and shows the current language', async () => {
      const el = await fixture<OsaFeedbackForm>(html`<osa-feedback-form lang="sv">
        <osa-section title="Päivä" title-sv="Dagen" title-en="The day">
          <osa-question name="useful" type="scale" min="0" max="4" required min-label="Huono" min-label-sv="Dålig" max-label="Hyvä" max-label-sv="Bra">
            <span lang="fi">Kuinka hyödyllinen?</span><span lang="sv">Hur nyttig?</span>
          </osa-question>
          <osa-question name="role" type="single" not-applicable>
            <span lang="fi">Rooli</span><span lang="sv">Roll</span>
            <osa-choice value="teacher"><span lang="fi">Opettaja</span><span lang="sv">Lärare</span></osa-choice>
          </osa-question>
        </osa-section>
      </osa-feedback-form>`);
      await el.updateComplete;
      expect(text(el)).to.include('Dagen').and.include('Hur nyttig?').and.include('Lärare').and.include('Dålig').and.include('Vet inte / gäller inte mig');
      expect(shadow(el).querySelectorAll('#q-useful input[type="radio"]')).to.have.length(5 + 0);
      expect(group(el, 'useful')!.querySelector('legend')!.textContent).to.include('obligatorisk');
      el.setAttribute('lang', 'fi');
      await waitUntil(() => text(el).includes('Kuinka hyödyllinen?'));
      await expect(el).to.be.accessible();
    });

    it('re-reads the questions when the page changes them', async () => {
      const el = await fixture<OsaFeedbackForm>(html`<osa-feedback-form lang="en"><osa-question name="a" type="text">First</osa-question></osa-feedback-form>`);
      const added = document.createElement('osa-question');
      added.setAttribute('name', 'b');
      added.setAttribute('type', 'longText');
      added.textContent = 'Second';
      el.append(added);
      await waitUntil(() => group(el, 'b') !== null, 'the added question never showed');
      expect(group(el, 'b')!.querySelector('textarea')).to.not.equal(null);
    });

    it('shows the webmaster what is wrong, naming the question and its position', async () => {
      const el = await fixture<OsaFeedbackForm>(html`<osa-feedback-form lang="en">
        <osa-question name="ok" type="scale">Fine</osa-question>
        <osa-question name="odd" type="slider">Odd</osa-question>
        <osa-question name="cond" type="text" visible-if="{ok} &gt;= and">Broken condition</osa-question>
        <osa-question name="ghost" type="text" visible-if="{nobody} = 1">Unknown name</osa-question>
        <osa-question name="pick" type="single">No choices</osa-question>
      </osa-feedback-form>`);
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert, 'an alert for the webmaster').to.not.equal(null);
      const items = [...alert.querySelectorAll('li')].map((item) => item.textContent!.replace(/\s+/g, ' '));
      expect(items.find((item) => item.startsWith('Question 2 (“odd”)'))).to.include('unknown type “slider”');
      expect(items.find((item) => item.startsWith('Question 3 (“cond”)'))).to.include('visible-if');
      expect(items.find((item) => item.startsWith('Question 4 (“ghost”)'))).to.include('nobody');
      expect(items.find((item) => item.startsWith('Question 5 (“pick”)'))).to.include('<osa-choice');
      await expect(el).to.be.accessible();
    });
  });

  describe('the webmaster\'s errors in their language', () => {
    it('says every problem of a broken form whole in Finnish, with the question, the attribute and the position', async () => {
      const el = await fixture<OsaFeedbackForm>(html`<osa-feedback-form lang="fi">
        <osa-question name="useful" type="scale" min="5" max="1">Hyödyllisyys</osa-question>
        <osa-question name="useful" type="text">Sama nimi</osa-question>
        <osa-question name="why" type="longText" visible-if="{usefull} &lt;= 2">Miksi?</osa-question>
        <osa-question name="cond" type="text" required-if="{useful} = 1 2">Ehto</osa-question>
        <osa-question name="topics" type="multiple" max-selected="3"
          >Aiheet<osa-choice value="a">A</osa-choice><osa-choice value="b">B</osa-choice></osa-question
        >
        <osa-question name="rec" type="nps" min="1">Suosittelisitko?</osa-question>
      </osa-feedback-form>`);
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.querySelector('h2')!.textContent).to.equal('Palautelomaketta ei voi näyttää: sen määrittelyssä on virheitä');
      const items = [...alert.querySelectorAll('li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
      expect(items).to.deep.equal([
        'Kysymys 1 (”useful”): max-arvon (1) pitää olla suurempi kuin min-arvon (5).',
        'Kysymys 2 (”useful”): nimi ”useful” on käytössä kahdesti.',
        'Kysymys 3 (”why”): visible-if: kysymystä nimeltä ”usefull” ei ole (merkin 1 kohdalla).',
        'Kysymys 4 (”cond”): required-if: odotettiin: operaattori, kuten and, or tai =, mutta löytyi ”2” (merkin 14 kohdalla).',
        'Kysymys 5 (”topics”): max-selected-arvon pitää olla kokonaisluku väliltä 1–2 (vaihtoehtojen määrä).',
        'Kysymys 6 (”rec”): nps-kysymys on aina 0–10: jätä min ja max pois.',
      ]);
      el.setAttribute('lang', 'sv');
      await waitUntil(() => alert.textContent!.includes('namnet ”useful” används två gånger.'), 'the problems were not said in Swedish');
      expect(alert.textContent).to.include('det finns ingen fråga med namnet ”usefull” (vid tecken 1)');
      await expect(el).to.be.accessible();
    });
  });

  describe('answering with the keyboard only', () => {
    it('answers a scale, NPS and single choice with arrow keys, and multiple choice with Space', async () => {
      const { el } = await form({});
      const useful = group(el, 'useful')!.querySelector<HTMLInputElement>('input')!;
      useful.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.answers.useful).to.equal(3);
      group(el, 'recommend')!.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      // Native radio groups: arrows choose; End is not a radio key, so two steps from 0 leftwards wrap to 10.
      expect(el.answers.recommend).to.be.a('number');
      group(el, 'role')!.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.answers.role).to.equal('principal');
      group(el, 'topics')!.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.answers.topics).to.deep.equal(['ai', 'assessment']);
    });

    it('answers stars and smileys, and "don\'t know" in the same radio group', async () => {
      const { el } = await form({});
      group(el, 'venue')!.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.answers.venue).to.equal(2);
      expect(group(el, 'venue')!.querySelectorAll('.tile.filled')).to.have.length(2);
      group(el, 'mood')!.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.answers.mood, 'left from the first smiley wraps to "don\'t know"').to.equal('__na__');
    });

    it('reorders a ranking with Alt + arrows, keeps focus on the moved item and announces the move', async () => {
      const { el } = await form({});
      const down = group(el, 'order')!.querySelector<HTMLButtonElement>('[data-item="keynote"] [data-control="down"]')!;
      down.focus();
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await el.updateComplete;
      expect(el.answers.order).to.deep.equal(['workshops', 'keynote', 'panel']);
      await waitUntil(() => focused(el)?.closest('[data-item]')?.getAttribute('data-item') === 'keynote', 'focus left the moved item');
      await waitUntil(() => announced(el).includes('Keynote: now 2 of 3.'), 'the move was not announced', { timeout: 4000 });
      // Enter on "move up" moves it back.
      shadow(el).querySelector<HTMLButtonElement>('[data-item="keynote"] [data-control="up"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.answers.order).to.deep.equal(['keynote', 'workshops', 'panel']);
    });

    it('counts characters of a text answer and stops at the maximum', async () => {
      const { el } = await form({});
      const input = group(el, 'name')!.querySelector('input')!;
      input.focus();
      await sendKeys({ type: 'Kallion koulu' });
      await el.updateComplete;
      expect(el.answers.name).to.equal('Kallion koulu');
      expect(group(el, 'name')!.textContent).to.include('13 / 80 characters');
      expect(input.maxLength).to.equal(80);
    });
  });

  describe('conditions and validation', () => {
    it('shows and hides a question live as its condition changes, and requires it by requiredIf', async () => {
      const { el } = await form({});
      expect(group(el, 'improve')).to.equal(null);
      group(el, 'useful')!.querySelector<HTMLInputElement>('input[data-value="2"]')!.click();
      await el.updateComplete;
      expect(group(el, 'improve'), 'shown at 2').to.not.equal(null);
      expect(group(el, 'improve')!.textContent).to.not.include('(required)');
      group(el, 'useful')!.querySelector<HTMLInputElement>('input[data-value="1"]')!.click();
      await el.updateComplete;
      expect(group(el, 'improve')!.textContent, 'required at 1').to.include('(required)');
      group(el, 'useful')!.querySelector<HTMLInputElement>('input[data-value="5"]')!.click();
      await el.updateComplete;
      expect(group(el, 'improve'), 'hidden at 5').to.equal(null);
    });

    it('shows an error summary on send, moves focus to the first problem, and sends nothing', async () => {
      const { fx, el } = await form({}, { lang: 'fi' });
      const invalid = oneEvent(el, 'osa-feedback-invalid');
      shadow(el).querySelector<HTMLButtonElement>('[data-send]')!.click();
      expect((await invalid).detail.questions).to.deep.equal(['useful']);
      const summary = shadow(el).querySelector('[part="summary"]')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(summary.textContent).to.include('Kuinka hyödyllinen päivä oli?').and.include('Vastaus tarvitaan.');
      await waitUntil(() => focused(el)?.closest('#q-useful') !== null && focused(el) !== null, 'focus did not move to the first problem');
      expect(group(el, 'useful')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      expect(await responses(fx)).to.have.length(0);
    });
  });

  describe('sending', () => {
    it('sends the answers once, thanks, and says "already answered" after a reload', async () => {
      const { fx, el } = await form({ config: { allowEdit: false } });
      group(el, 'useful')!.querySelector<HTMLInputElement>('input[data-value="4"]')!.click();
      group(el, 'role')!.querySelector<HTMLInputElement>('input[data-value="teacher"]')!.click();
      await el.updateComplete;
      const sent = oneEvent(el, 'osa-feedback-submit');
      shadow(el).querySelector<HTMLButtonElement>('[data-send]')!.click();
      expect((await sent).detail.queued).to.equal(false);
      await waitUntil(() => shadow(el).querySelector('#thanks'), 'no thank-you');
      expect(text(el)).to.include('Thank you! Your answers were sent.');
      await expect(el).to.be.accessible();
      const [response] = await responses(fx);
      expect(response.answers).to.deep.equal({ useful: 4, role: 'teacher' });
      el.remove();
      const again = await mount(fx);
      expect(text(again)).to.include('You have already answered.');
      expect(again.shadowRoot!.querySelector('[data-send]')).to.equal(null);
    });

    it('shows the thank-you with "answer again" when more responses are allowed', async () => {
      const { el } = await form({ own: SAMPLE_ANSWERS[0], config: { responsesPerParticipant: 2, allowEdit: true } });
      el.sent = sentOf('participant:thanks');
      await el.updateComplete;
      expect(shadow(el).querySelector('#thanks')!.textContent).to.include('Thank you! Your answers were sent.');
      expect(button(el, 'Edit my answers')).to.not.equal(undefined);
      button(el, 'Answer again')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('#thanks')).to.equal(null);
      expect(shadow(el).querySelector('[data-send]')).to.not.equal(null);
    });

    it('lets the participant edit their answers when the organiser allows it', async () => {
      const { fx, el } = await form({ own: SAMPLE_ANSWERS[3], config: { allowEdit: true } });
      button(el, 'Edit my answers')!.click();
      await el.updateComplete;
      expect(el.answers.useful).to.equal(3);
      group(el, 'useful')!.querySelector<HTMLInputElement>('input[data-value="5"]')!.click();
      await el.updateComplete;
      const sent = oneEvent(el, 'osa-feedback-submit');
      button(el, 'Save changes')!.click();
      expect((await sent).detail.edit).to.equal(true);
      await waitUntil(async () => (await responses(fx))[0]?.answers.useful === 5, 'the edit never arrived');
      expect(await responses(fx)).to.have.length(1);
    });

    it('keeps the answers in IndexedDB while typing: a re-created element restores them', async () => {
      const fx = await feedbackFixture({});
      const el = await mount(fx);
      group(el, 'useful')!.querySelector<HTMLInputElement>('input[data-value="2"]')!.click();
      await el.updateComplete;
      group(el, 'improve')!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Enemmän taukoja' });
      await el.updateComplete;
      await el.drafts.flush();
      el.remove();
      const again = await mount(fx);
      await waitUntil(() => again.answers.improve === 'Enemmän taukoja', 'the draft was not restored', { timeout: 4000 });
      expect(again.answers.useful).to.equal(2);
      await waitUntil(() => text(again).includes('Your unsent answers were restored.'));
      expect(again.shadowRoot!.querySelector<HTMLTextAreaElement>('#q-improve textarea')!.value).to.equal('Enemmän taukoja');
    });

    it('queues an answer sent offline, says so, and sends it once when the network returns', async () => {
      const fx = await feedbackFixture({});
      const { adapter: device, network } = switchable(fx.participant);
      const cached = withCache(device, { name: `feedback-offline-${Date.now()}` });
      try {
        const el = await mount(fx, { adapter: cached });
        network.offline = true;
        group(el, 'useful')!.querySelector<HTMLInputElement>('input[data-value="5"]')!.click();
        await el.updateComplete;
        const sent = oneEvent(el, 'osa-feedback-submit');
        shadow(el).querySelector<HTMLButtonElement>('[data-send]')!.click();
        expect((await sent).detail.queued).to.equal(true);
        await waitUntil(() => text(el).includes('1 answer waiting to be sent'), 'the waiting answer is not shown');
        expect(text(el)).to.include('will be sent when the connection returns');
        expect(button(el, 'Answer again'), 'one response per participant: the waiting one is it').to.equal(undefined);
        await expect(el).to.be.accessible();
        expect(await responses(fx)).to.have.length(0);
        network.offline = false;
        window.dispatchEvent(new Event('online'));
        await waitUntil(async () => (await responses(fx)).length === 1, 'the queued answer never arrived', { timeout: 5000 });
        await waitUntil(() => !text(el).includes('waiting to be sent'));
        window.dispatchEvent(new Event('online'));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await responses(fx), 'recorded once').to.have.length(1);
      } finally {
        cached.close();
      }
    });
  });

  describe('live poll', () => {
    it('shows the participant\'s own answer at once, then bars that follow other participants live', async () => {
      const { fx, el } = await form({ config: POLL });
      group(el, 'next')!.querySelector<HTMLInputElement>('input[data-value="ai"]')!.click();
      await el.updateComplete;
      button(el, 'Answer')!.click();
      await waitUntil(() => shadow(el).querySelector('[data-own]'), 'the own answer is not shown');
      expect(shadow(el).querySelector('[data-own]')!.textContent).to.include('AI in teaching');
      const count = (value: string) => shadow(el).querySelector(`tr[data-value="${value}"] .bar-count`)?.textContent?.trim();
      await waitUntil(() => count('ai') === '1');
      await fx.newParticipant().send(fx.eventId, fx.activityId, 'submit', { answers: { next: 'outdoor' } });
      await fx.newParticipant().send(fx.eventId, fx.activityId, 'submit', { answers: { next: 'ai' } });
      await waitUntil(() => count('ai') === '2' && count('outdoor') === '1', 'the bars did not follow', { timeout: 4000 });
      expect(text(el)).to.include('3 answers');
      expect(shadow(el).querySelector('tr.own')!.getAttribute('data-value')).to.equal('ai');
      await expect(el).to.be.accessible();
    });

    it('shows an answer sent offline as the participant\'s own at once, and records it once back online', async () => {
      const fx = await feedbackFixture({ config: POLL });
      const { adapter: device, network } = switchable(fx.participant);
      const cached = withCache(device, { name: `feedback-poll-offline-${Date.now()}` });
      try {
        const el = await mount(fx, { adapter: cached });
        network.offline = true;
        group(el, 'next')!.querySelector<HTMLInputElement>('input[data-value="outdoor"]')!.click();
        await el.updateComplete;
        button(el, 'Answer')!.click();
        await waitUntil(() => shadow(el).querySelector('[data-own]'), 'the own answer is not shown while offline');
        expect(shadow(el).querySelector('[data-own]')!.textContent).to.include('Outdoor learning');
        expect(text(el)).to.include('1 answer waiting to be sent');
        network.offline = false;
        window.dispatchEvent(new Event('online'));
        await waitUntil(async () => (await responses(fx)).length === 1, 'the queued answer never arrived', { timeout: 5000 });
        await waitUntil(() => shadow(el).querySelector('tr.own')?.getAttribute('data-value') === 'outdoor', 'the own bar is not marked', { timeout: 4000 });
      } finally {
        cached.close();
      }
    });

    it('keeps the bars from participants until the organiser makes results public', async () => {
      const { el } = await form({ config: { ...POLL, publicResults: false }, own: { next: 'ai' }, responses: [{ next: 'ai' }] });
      expect(shadow(el).querySelector('table.bars')).to.equal(null);
      expect(text(el)).to.include('Results appear here when the organiser shows them.');
    });

    it('lets the organiser close, reopen and reset the poll; participants answer again', async () => {
      const fx = await feedbackFixture({ config: POLL, responses: [{ next: 'ai' }] });
      const organiser = await mount(fx, { adapter: fx.organiser });
      const participant = await mount(fx, { adapter: fx.newParticipant() });
      button(organiser, 'Close the poll')!.click();
      await waitUntil(() => text(participant).includes('The poll is closed.'), 'the participant did not see the poll close', { timeout: 4000 });
      await waitUntil(() => button(organiser, 'Open the poll'));
      button(organiser, 'Open the poll')!.click();
      await waitUntil(() => participant.shadowRoot!.querySelector('#q-next'), 'the poll did not reopen', { timeout: 4000 });
      group(participant, 'next')!.querySelector<HTMLInputElement>('input[data-value="ai"]')!.click();
      await participant.updateComplete;
      button(participant, 'Answer')!.click();
      await waitUntil(() => shadow(participant).querySelector('[data-own]'), 'the participant\'s answer is not shown');
      expect(text(participant)).to.include('2 answers');
      button(organiser, 'Next question: clear the answers')!.click();
      await organiser.updateComplete;
      shadow(organiser).querySelector<HTMLButtonElement>('[data-reset-confirm]')!.click();
      await waitUntil(() => text(organiser).includes('A new round started.'));
      expect((await stateOf(fx)).round).to.equal(2);
      // The participant answers the next round afresh; the organiser's bars start from zero.
      await waitUntil(() => !shadow(participant).querySelector('[data-own]') && group(participant, 'next') !== null, 'the participant cannot answer the new round', { timeout: 4000 });
      await waitUntil(() => text(organiser).includes('No answers yet'), 'the organiser\'s bars were not reset', { timeout: 4000 });
    });
  });

  describe('results', () => {
    it('shows the organiser mean, median, NPS, counts, average ranks and a search of the written answers', async () => {
      const { el } = await form({ responses: SAMPLE_ANSWERS }, { adapter: undefined, view: 'results' }).then(async ({ fx }) => ({ el: await mount(fx, { adapter: fx.organiser, view: 'results' }) }));
      const figures = (name: string) =>
        Object.fromEntries([...shadow(el).querySelectorAll(`[data-result="${name}"] .figures div`)].map((item) => [item.querySelector('dt')!.textContent!.trim(), item.querySelector('dd')!.textContent!.trim()]));
      // useful: 5, 4, 2, 3, 1 → mean 3, median 3.
      expect(figures('useful')).to.deep.equal({ Mean: '3', Median: '3' });
      // recommend: 10, 9, 6, 7, 3 → promoters 2, passives 1, detractors 2 → NPS (2 − 2) / 5 = 0; mean 7, median 7.
      expect(figures('recommend')).to.deep.equal({ NPS: '0', 'Promoters (9–10)': '2', 'Passives (7–8)': '1', 'Detractors (0–6)': '2', Mean: '7', Median: '7' });
      const rank = [...shadow(el).querySelectorAll('[data-result="order"] tbody tr')].map((row) => row.getAttribute('data-value'));
      expect(rank[0]).to.equal('workshops');
      const search = shadow(el).querySelector<HTMLInputElement>('[data-result="improve"] input[type="search"]')!;
      expect(shadow(el).querySelectorAll('[data-result="improve"] .text-answers li')).to.have.length(2);
      search.value = 'äänentoisto';
      search.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('[data-result="improve"] .text-answers li')).to.have.length(1);
      expect(text(el)).to.include('1 answer matches.');
      await waitUntil(() => shadow(el).querySelector('osa-chart'), 'no chart for the organiser');
    });

    it('downloads the responses as a Finnish CSV: question titles, choices and "not applicable" in words, formulas neutralised', async () => {
      const fx = await feedbackFixture({ responses: [SAMPLE_ANSWERS[2], { ...SAMPLE_ANSWERS[0], name: '=SUM(A1:A9)' }] });
      const el = await mount(fx, { adapter: fx.organiser, view: 'results', lang: 'fi' });
      const file = await download(() => button(el, 'Vastaukset (CSV)')!.click());
      expect(file.name).to.equal(`${fx.eventId}-${fx.activityId}-responses.csv`);
      const [header, ...rows] = file.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header.split(';').slice(0, 6)).to.deep.equal(['Vastaus', 'Osallistuja', 'Kierros', 'Lähetetty', 'Kuinka hyödyllinen päivä oli?', 'Mitä parantaisit?']);
      const body = rows.join('\n');
      expect(body, 'the core\'s NOT_APPLICABLE in Finnish').to.include(';en osaa sanoa / ei koske minua;');
      expect(body).to.not.include('__na__');
      expect(body, 'a single choice by its label').to.include(';Rehtori;');
      expect(body, 'a formula-like answer is neutralised').to.include(";'=SUM(A1:A9)");
    });

    it('shows participants public results as bars with a table, never the written answers', async () => {
      const fx = await feedbackFixture({ responses: SAMPLE_ANSWERS, config: { publicResults: true } });
      const el = await mount(fx, { view: 'results' });
      expect(shadow(el).querySelector('[data-result="role"] table.bars caption')).to.not.equal(null);
      expect(shadow(el).querySelector('osa-chart')).to.equal(null);
      expect(text(el)).to.not.include('Äänentoisto');
      expect(text(el)).to.include('Written answers are shown only to the organiser.');
    });
  });
});
