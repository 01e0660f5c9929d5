import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/priority-board/priority-board.js';
import type { OsaAdapter } from '../src/adapters/types.js';
import { withCache } from '../src/adapters/cache.js';
import { switchable } from '../src/adapters/test-support.js';
import { boardFixture, manyIdeas, SAMPLE_IDEAS, type BoardFixture, type BoardFixtureOptions } from '../src/test-support/board-fixtures.js';

type Who = 'participant' | 'organiser';
interface Args {
  view: 'participant' | 'presenter' | 'organiser';
}

/** Each story builds its board on the in-page adapter, so every state can be seen without a server. */
const withBoard = (options: BoardFixtureOptions, who: Who = 'participant') => ({
  loaders: [async () => ({ fixture: await boardFixture(options) })],
  render: (args: Args, { loaded }: { loaded: Record<string, unknown> }) => {
    const fixture = loaded.fixture as BoardFixture;
    const adapter: OsaAdapter = who === 'organiser' ? fixture.organiser : fixture.participant;
    return html`<osa-priority-board
      .adapter=${adapter}
      event=${fixture.eventId}
      activity=${fixture.activityId}
      view=${args.view}
      join-url="https://osallistu.example.fi/d/2026"
    ></osa-priority-board>`;
  },
});

const meta: Meta<Args> = {
  title: 'Elements/osa-priority-board',
  component: 'osa-priority-board',
  args: { view: 'participant' },
  parameters: {
    docs: {
      description: {
        component:
          'Collect ideas, prioritise them in pairwise duels or by likes, and show a live ranking. The score is the estimated chance (0–100) that an idea beats a randomly chosen other idea.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = {
  render: () => html`<osa-priority-board .adapter=${{ getActivity: () => new Promise(() => {}), subscribe: () => () => {} } as unknown as OsaAdapter} event="e" activity="themes"></osa-priority-board>`,
};

export const NotFound: Story = withBoard({ ideas: [] });
NotFound.render = (_args, { loaded }) => {
  const fixture = loaded.fixture as BoardFixture;
  return html`<osa-priority-board .adapter=${fixture.participant} event=${fixture.eventId} activity="missing"></osa-priority-board>`;
};

export const CollectEmpty: Story = withBoard({ ideas: [] });
export const CollectWithIdeas: Story = withBoard({ ideas: SAMPLE_IDEAS.slice(0, 5), ownIdeas: ['Enemmän aikaa yhteisille tapaamisille'] });
export const PreModerationPending: Story = withBoard({ config: { moderation: 'pre' }, ideas: SAMPLE_IDEAS.slice(0, 3), ownIdeas: ['Oma idea odottaa tarkistusta'] });
export const Discussion: Story = withBoard({
  config: {
    likesWhileCollecting: true,
    questions: [
      { id: 'q1', title: { fi: 'Mikä toimii jo hyvin?', sv: 'Vad fungerar redan bra?', en: 'What already works well?' } },
      { id: 'q2', title: { fi: 'Mitä pitäisi muuttaa?', sv: 'Vad borde ändras?', en: 'What should change?' } },
      { id: 'q3', title: { fi: 'Kenen kanssa teemme yhteistyötä?', sv: 'Med vem samarbetar vi?', en: 'Who do we work with?' } },
    ],
  },
  ideas: SAMPLE_IDEAS.slice(0, 4),
});
export const Duel: Story = withBoard({ ideas: SAMPLE_IDEAS, phase: 'vote', voters: 6, duelsPerVoter: 8 });
export const DuelNotEnoughIdeas: Story = withBoard({ ideas: SAMPLE_IDEAS.slice(0, 1), phase: 'vote' });
export const Upvote: Story = withBoard({ config: { mode: 'upvote', resultsVisibility: 'always' }, ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'vote', voters: 8, likes: true });
export const Results: Story = withBoard({ ideas: SAMPLE_IDEAS, phase: 'results', voters: 20, duelsPerVoter: 12 });
export const ResultsHidden: Story = withBoard({ config: { resultsVisibility: 'afterClose' }, ideas: SAMPLE_IDEAS, phase: 'results', voters: 4, duelsPerVoter: 5 });
export const Closed: Story = withBoard({ ideas: SAMPLE_IDEAS, phase: 'closed', voters: 20, duelsPerVoter: 12 });
export const Presenter: Story = { ...withBoard({ ideas: SAMPLE_IDEAS, phase: 'results', voters: 20, duelsPerVoter: 12 }), args: { view: 'presenter' } };
/** Likes mode: the presenter shows how many like each idea, not the cautious score. */
export const PresenterLikes: Story = {
  ...withBoard({ config: { mode: 'upvote', resultsVisibility: 'always', minAppearances: 0 }, ideas: SAMPLE_IDEAS, phase: 'vote', voters: 14, likes: true }),
  args: { view: 'presenter' },
};
/** Results hidden from the room: the join code fills the screen, and the counters are still true. */
export const PresenterResultsHidden: Story = {
  ...withBoard({ config: { resultsVisibility: 'afterClose' }, ideas: SAMPLE_IDEAS, phase: 'vote', voters: 8, duelsPerVoter: 6 }),
  args: { view: 'presenter' },
};
/** The organiser's "Show on screen": the same element shows the room the results, as the organiser, whatever participants may see. */
export const PresenterOpenedByOrganiser: Story = {
  ...withBoard({ config: { resultsVisibility: 'never' }, ideas: SAMPLE_IDEAS, phase: 'vote', voters: 12, duelsPerVoter: 10 }, 'organiser'),
  args: { view: 'organiser' },
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('osa-priority-board')!;
    await customElements.whenDefined('osa-priority-board');
    for (let tries = 0; tries < 100 && !board.shadowRoot?.querySelector('[data-show-on-screen]'); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    board.presenter.showOnScreen();
  },
};
export const Organiser: Story = {
  ...withBoard(
    { config: { moderation: 'pre' }, ideas: SAMPLE_IDEAS.slice(0, 6), pendingIdeas: ['Vitun huono idea', 'Uusi ehdotus jonossa'], phase: 'collect' },
    'organiser',
  ),
  args: { view: 'organiser' },
};
export const OrganiserWithoutKey: Story = { ...withBoard({ ideas: SAMPLE_IDEAS.slice(0, 3) }), args: { view: 'organiser' } };

/** Runs `act` on the organiser view once it has loaded (for the states an organiser opens). */
const onceLoaded = (act: (root: ShadowRoot) => void) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const board = canvasElement.querySelector('osa-priority-board')!;
  for (let tries = 0; tries < 200 && !board.shadowRoot?.querySelector('[data-phase]'); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  act(board.shadowRoot!);
};
/** 500 ideas: search, a status filter, sorting and pages of 25; how settled the top 5 is. */
export const OrganiserLargeBoard: Story = {
  ...withBoard({ config: { maxIdeasPerParticipant: 200 }, ideas: manyIdeas(500), phase: 'vote', voters: 20, duelsPerVoter: 20 }, 'organiser'),
  args: { view: 'organiser' },
};
/** Many duels on a few ideas: the top 5 is settled, and prioritising can stop. */
export const OrganiserTopSettled: Story = {
  ...withBoard({ ideas: SAMPLE_IDEAS, phase: 'vote', voters: 60, duelsPerVoter: 30 }, 'organiser'),
  args: { view: 'organiser' },
};
/** Closing the board asks first, in the page. */
export const OrganiserConfirmingClose: Story = {
  ...withBoard({ ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'vote', voters: 4, duelsPerVoter: 6 }, 'organiser'),
  args: { view: 'organiser' },
  play: onceLoaded((root) => root.querySelector<HTMLElement>('[data-phase="closed"]')!.click()),
};
/** Merging a duplicate: the most similar ideas are offered first; the moderation log below. */
export const OrganiserMergingAndLog: Story = {
  ...withBoard({ config: { moderation: 'pre' }, ideas: [...SAMPLE_IDEAS.slice(0, 6), 'Koulujen ruokailua pitää kehittää'], pendingIdeas: ['Vitun huono idea'] }, 'organiser'),
  args: { view: 'organiser' },
  play: onceLoaded((root) => {
    root.querySelector<HTMLElement>('[data-merge]')!.click();
    root.querySelector<HTMLDetailsElement>('details.org-log')!.open = true;
  }),
};

/** A duel answered without a network: the choice waits in the outbox and the board says so. */
export const OfflineWithWaitingVote: Story = {
  loaders: [
    async () => {
      const fixture = await boardFixture({ ideas: SAMPLE_IDEAS.slice(0, 5), phase: 'vote' });
      const { adapter: device, network } = switchable(fixture.participant);
      const adapter = withCache(device, { name: `story-offline-${Date.now()}` });
      const { result } = (await adapter.send(fixture.eventId, fixture.activityId, 'nextPair', {})) as { result: { pair: [string, string] } };
      // Seen once while online, so the cache can show the board offline.
      await adapter.getActivity(fixture.eventId, fixture.activityId);
      network.offline = true;
      await adapter.send(fixture.eventId, fixture.activityId, 'vote', { a: result.pair[0], b: result.pair[1], choice: 'a' });
      return { fixture, adapter };
    },
  ],
  render: (_args, { loaded }) => {
    const fixture = loaded.fixture as BoardFixture;
    return html`<osa-priority-board .adapter=${loaded.adapter as OsaAdapter} event=${fixture.eventId} activity=${fixture.activityId}></osa-priority-board>`;
  },
};

/** The back end answers every request with an error that is not about the network. */
export const BackEndError: Story = {
  loaders: [
    async () => {
      const fixture = await boardFixture({ ideas: SAMPLE_IDEAS.slice(0, 3) });
      const { adapter, network } = switchable(fixture.participant, () => new globalThis.Error('The story broke the back end.'));
      network.offline = true;
      return { fixture, adapter };
    },
  ],
  render: (_args, { loaded }) => {
    const fixture = loaded.fixture as BoardFixture;
    return html`<osa-priority-board .adapter=${loaded.adapter as OsaAdapter} event=${fixture.eventId} activity=${fixture.activityId}></osa-priority-board>`;
  },
};
