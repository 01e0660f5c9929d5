import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/feedback-form/feedback-form.js';
import type { OsaAdapter } from '../src/adapters/types.js';
import { withCache } from '../src/adapters/cache.js';
import { switchable } from '../src/adapters/test-support.js';
import type { FeedbackConfig, QuestionType } from '../src/core/feedback/feedback.view.js';
import { DEFAULT_FEEDBACK_CONFIG } from '../src/core/feedback/feedback.js';
import type { OsaFeedbackForm } from '../src/components/feedback-form/feedback-form.component.js';
import { feedbackFixture, SAMPLE_ANSWERS, SAMPLE_FORM, SAMPLE_POLL, type FeedbackFixture, type FeedbackFixtureOptions } from '../src/test-support/feedback-fixtures.js';

type Who = 'participant' | 'organiser';
interface Args {
  view: 'participant' | 'results' | 'presenter';
}

const POLL: Partial<FeedbackConfig> = { form: SAMPLE_POLL, mode: 'poll', publicResults: true };

/** What became of a send on this page: the thank-you (`queued`: waiting offline), as `submit` leaves it. */
type Sent = OsaFeedbackForm['sent'];
const sent = (queued: boolean): Sent => ({ queued, edit: false, answers: SAMPLE_ANSWERS[0], round: 1 });

const element = (adapter: OsaAdapter, fixture: Pick<FeedbackFixture, 'eventId' | 'activityId'>, args: Args, after?: Sent) =>
  html`<osa-feedback-form
    .adapter=${adapter}
    .sent=${after}
    event=${fixture.eventId}
    activity=${fixture.activityId}
    view=${args.view}
    join-url="https://osallistu.example.fi/paiva"
  ></osa-feedback-form>`;

/** Each story builds its event on the in-page adapter, so every state can be seen without a server. */
const withForm = (options: FeedbackFixtureOptions, who: Who = 'participant', view?: Args['view'], after?: Sent): Story => ({
  ...(view ? { args: { view } } : {}),
  loaders: [async () => ({ fixture: await feedbackFixture(options) })],
  render: (args: Args, { loaded }: { loaded: Record<string, unknown> }) => {
    const fixture = loaded.fixture as FeedbackFixture;
    return element(who === 'organiser' ? fixture.organiser : fixture.participant, fixture, args, after);
  },
});

/** The sample form's questions named, without their conditions (each shown on its own). */
const named = (...names: string[]): FeedbackFixtureOptions => ({
  config: {
    form: {
      sections: [
        {
          id: 'only',
          questions: SAMPLE_FORM.sections
            .flatMap((section) => section.questions)
            .filter((question) => names.includes(question.name))
            .map(({ visibleIf: _visible, requiredIf: _required, ...question }) => question),
        },
      ],
    },
  },
});

/** Runs `act` on the element once its form (or view) has loaded. */
const onceLoaded = (act: (element: OsaFeedbackForm) => void | Promise<void>) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const element = canvasElement.querySelector<OsaFeedbackForm>('osa-feedback-form')!;
  for (let tries = 0; tries < 200 && !element.shadowRoot?.querySelector('[data-send]'); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  await act(element);
};

/** The sample form's one question of `type`. */
const only = (type: QuestionType): FeedbackFixtureOptions => ({
  config: { form: { sections: [{ id: 'only', questions: SAMPLE_FORM.sections.flatMap((section) => section.questions).filter((question) => question.type === type && !question.visibleIf) }] } },
});

const meta: Meta<Args> = {
  title: 'Elements/osa-feedback-form',
  component: 'osa-feedback-form',
  args: { view: 'participant' },
  argTypes: {
    view: { control: 'inline-radio', options: ['participant', 'results', 'presenter'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A feedback form a webmaster declares in HTML (or the organiser configures), answered by keyboard with every question type, conditions applied live, answers kept on the device and an offline response sent once. `mode="poll"` makes it a one-question live poll for a stream; `view="results"` shows the results, `view="presenter"` a projector view.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = {
  render: () =>
    html`<osa-feedback-form
      .adapter=${{ getActivity: () => new Promise(() => {}), subscribe: () => () => {} } as unknown as OsaAdapter}
      event="e"
      activity="feedback"
    ></osa-feedback-form>`,
};

export const EveryQuestionType = withForm({});
export const Scale = withForm(named('useful'));
export const ScaleSmileys = withForm(named('mood'));
export const ScaleStars = withForm(named('venue'));
export const Nps = withForm(only('nps'));
export const SingleChoice = withForm(only('single'));
export const MultipleChoice = withForm(only('multiple'));
export const Ranking = withForm(only('ranking'));
export const ShortText = withForm(only('text'));
export const LongText = withForm(named('improve'));
/** Sending with required answers missing and a limit broken: the error summary, focus on the first problem. */
export const ValidationErrors: Story = {
  ...withForm(named('useful', 'topics', 'improve')),
  play: onceLoaded(async (element) => {
    element.shadowRoot!.querySelector<HTMLInputElement>('#q-topics input[data-value="ai"]')?.click();
    element.shadowRoot!.querySelector<HTMLInputElement>('#q-topics input[data-value="wellbeing"]')?.click();
    element.shadowRoot!.querySelector<HTMLInputElement>('#q-topics input[data-value="assessment"]')?.click();
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[data-send]')!.click();
  }),
};
/** Just sent: the thank-you, with "edit" and "answer again" when the organiser allows them. */
export const ThankYou = withForm({ own: SAMPLE_ANSWERS[0], config: { allowEdit: true, responsesPerParticipant: 2 } }, 'participant', undefined, sent(false));
export const Preparing = withForm({ phase: 'preparing' });
export const AlreadyAnswered = withForm({ own: SAMPLE_ANSWERS[0], config: { allowEdit: false } });
export const AlreadyAnsweredMayEdit = withForm({ own: SAMPLE_ANSWERS[0], config: { allowEdit: true } });
export const Closed = withForm({ phase: 'closed', own: SAMPLE_ANSWERS[1] });

/** No network: the answers are queued in the outbox and sent once the connection returns. */
export const Offline: Story = {
  loaders: [
    async () => {
      const fixture = await feedbackFixture({});
      const { adapter, network } = switchable(fixture.participant);
      const cached = withCache(adapter, { name: `story-feedback-offline-${Date.now()}` });
      await cached.getActivity(fixture.eventId, fixture.activityId);
      network.offline = true;
      return { fixture, cached };
    },
  ],
  render: (args, { loaded }) => element(loaded.cached as OsaAdapter, loaded.fixture as FeedbackFixture, args),
};

/** Sent without a network: the response waits in the device's outbox, and the page says it will be sent. */
export const OfflineQueued: Story = {
  loaders: [
    async () => {
      const fixture = await feedbackFixture({});
      const { adapter, network } = switchable(fixture.participant);
      const cached = withCache(adapter, { name: `story-feedback-queued-${Date.now()}` });
      await cached.getActivity(fixture.eventId, fixture.activityId);
      network.offline = true;
      await cached.send(fixture.eventId, fixture.activityId, 'submit', { answers: { useful: 4 } });
      return { fixture, cached };
    },
  ],
  render: (args, { loaded }) => element(loaded.cached as OsaAdapter, loaded.fixture as FeedbackFixture, args, sent(true)),
};

/** The back end answers every request with an error that is not about the network. */
export const BackEndError: Story = {
  loaders: [
    async () => {
      const fixture = await feedbackFixture({});
      const { adapter, network } = switchable(fixture.participant, () => new globalThis.Error('The story broke the back end.'));
      network.offline = true;
      return { fixture, adapter };
    },
  ],
  render: (args, { loaded }) => element(loaded.adapter as OsaAdapter, loaded.fixture as FeedbackFixture, args),
};

/** Declared as child elements, inside a host form: its answers are part of the form data. */
export const DeclaredInHtml: Story = {
  render: () => html`<form @submit=${(event: Event) => event.preventDefault()}>
    <osa-feedback-form name="feedback">
      <osa-section title="Päivä" title-sv="Dagen" title-en="The day">
        <osa-question name="useful" type="scale" min="1" max="5" required min-label="Ei lainkaan" min-label-sv="Inte alls" min-label-en="Not at all" max-label="Erittäin" max-label-sv="Mycket" max-label-en="Very">
          <span lang="fi">Kuinka hyödyllinen päivä oli?</span><span lang="sv">Hur nyttig var dagen?</span><span lang="en">How useful was the day?</span>
        </osa-question>
        <osa-question name="improve" type="longText" visible-if="{useful} &lt;= 2" max-length="500">
          <span lang="fi">Mitä parantaisit?</span><span lang="sv">Vad skulle du förbättra?</span><span lang="en">What would you improve?</span>
        </osa-question>
      </osa-section>
      <osa-question name="role" type="single" not-applicable>
        <span lang="fi">Roolisi</span><span lang="sv">Din roll</span><span lang="en">Your role</span>
        <osa-choice value="teacher"><span lang="fi">Opettaja</span><span lang="sv">Lärare</span><span lang="en">Teacher</span></osa-choice>
        <osa-choice value="principal"><span lang="fi">Rehtori</span><span lang="sv">Rektor</span><span lang="en">Principal</span></osa-choice>
      </osa-question>
    </osa-feedback-form>
    <p><button type="submit">Submit the page's form</button></p>
  </form>`,
};

/** A declared form with mistakes: the webmaster sees what to fix, by question and position. */
export const DeclaredWithErrors: Story = {
  render: () => html`<osa-feedback-form>
    <osa-question name="ok" type="scale">Fine</osa-question>
    <osa-question name="odd" type="slider">An unknown type</osa-question>
    <osa-question name="cond" type="text" visible-if="{ok} &gt;= and">A broken condition</osa-question>
  </osa-feedback-form>`,
};

export const Poll = withForm({ config: POLL });
export const PollAnsweredWithLiveBars = withForm({ config: POLL, responses: [{ next: 'ai' }, { next: 'ai' }, { next: 'outdoor' }, { next: 'wellbeing' }], own: { next: 'ai' } });
export const PollResultsNotPublic = withForm({ config: { ...POLL, publicResults: false }, own: { next: 'ai' } });
export const PollOrganiser = withForm({ config: POLL, responses: [{ next: 'ai' }, { next: 'outdoor' }] }, 'organiser');
export const Presenter = withForm({ config: POLL, responses: [{ next: 'ai' }, { next: 'ai' }, { next: 'outdoor' }, { next: 'wellbeing' }, { next: 'ai' }] }, 'participant', 'presenter');
export const ResultsOrganiser = withForm({ responses: SAMPLE_ANSWERS }, 'organiser', 'results');
export const ResultsPublic = withForm({ responses: SAMPLE_ANSWERS, config: { publicResults: true } }, 'participant', 'results');
export const ResultsNotPublic = withForm({ responses: SAMPLE_ANSWERS }, 'participant', 'results');

/** The form an activity gets when the organiser has not written one: a single question. */
export const DefaultOneQuestion = withForm({ config: { form: DEFAULT_FEEDBACK_CONFIG.form } });

/** An activity id the event does not have: said in the reader's language, with nothing to answer. */
export const NotFound: Story = {
  ...withForm({}),
  render: (args, { loaded }) => {
    const fixture = loaded.fixture as FeedbackFixture;
    return element(fixture.participant, { eventId: fixture.eventId, activityId: 'missing' }, args);
  },
};
