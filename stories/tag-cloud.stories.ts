import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/tag-cloud/tag-cloud.js';
import type { OsaAdapter } from '../src/adapters/types.js';
import { withCache } from '../src/adapters/cache.js';
import { switchable } from '../src/adapters/test-support.js';
import { cloudFixture, distinctAnswers, SAMPLE_ANSWERS, type CloudFixture, type CloudFixtureOptions } from '../src/test-support/cloud-fixtures.js';

type Who = 'participant' | 'organiser';
interface Args {
  view: 'participant' | 'presenter' | 'organiser';
  display: 'cloud' | 'list';
}

/** Each story builds its cloud on the in-page adapter, so every state can be seen without a server. */
const withCloud = (options: CloudFixtureOptions, who: Who = 'participant', view?: Args['view']) => ({
  loaders: [async () => ({ fixture: await cloudFixture(options) })],
  ...(view ? { args: { view } } : {}),
  render: (args: Args, { loaded }: { loaded: Record<string, unknown> }) => {
    const fixture = loaded.fixture as CloudFixture;
    const adapter: OsaAdapter = who === 'organiser' ? fixture.organiser : fixture.participant;
    return html`<osa-tag-cloud
      .adapter=${adapter}
      event=${fixture.eventId}
      activity=${fixture.activityId}
      view=${args.view}
      display=${args.display}
      join-url="https://osallistu.example.fi/d/2026"
    ></osa-tag-cloud>`;
  },
});

const meta: Meta<Args> = {
  title: 'Elements/osa-tag-cloud',
  component: 'osa-tag-cloud',
  args: { view: 'participant', display: 'cloud' },
  argTypes: { view: { control: 'inline-radio', options: ['participant', 'presenter', 'organiser'] }, display: { control: 'inline-radio', options: ['cloud', 'list'] } },
  parameters: {
    docs: {
      description: {
        component:
          'A live word cloud: answers count as terms (inflected forms merged, shown as their most frequent form), placed words never jump when others arrive, and what does not fit is listed as "+N more". Each word is a focusable button; the same terms read as a list.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = {
  render: () => html`<osa-tag-cloud .adapter=${{ getActivity: () => new Promise(() => {}), subscribe: () => () => {} } as unknown as OsaAdapter} event="e" activity="words"></osa-tag-cloud>`,
};

export const Empty: Story = withCloud({});
export const AFewWords: Story = withCloud({ answers: SAMPLE_ANSWERS, ownAnswers: ['kaverit', 'hyvä ruoka'] });
export const ThousandDistinctAnswers: Story = withCloud({ answers: distinctAnswers(1000), perPerson: 100 });
export const Preparing: Story = withCloud({ phase: 'preparing' });
export const Closed: Story = withCloud({ answers: SAMPLE_ANSWERS, phase: 'closed' });
export const CloudHiddenFromParticipants: Story = withCloud({ answers: SAMPLE_ANSWERS, ownAnswers: ['ruoka'], config: { showCloud: false } });
export const ListView: Story = { ...withCloud({ answers: SAMPLE_ANSWERS }), args: { display: 'list' } };
export const Organiser: Story = withCloud({ answers: [...SAMPLE_ANSWERS, 'paska ruoka'] }, 'organiser', 'organiser');
/** The organiser chose a term ("ruoka", which holds a flagged answer): the answers behind it are listed. */
export const OrganiserAnswersBehindTerm: Story = {
  ...withCloud({ answers: [...SAMPLE_ANSWERS, 'paska ruoka'] }, 'organiser', 'organiser'),
  play: async ({ canvasElement }) => {
    const cloud = canvasElement.querySelector('osa-tag-cloud')!;
    const term = (): HTMLButtonElement | undefined =>
      [...(cloud.shadowRoot?.querySelectorAll<HTMLButtonElement>('.org-table tbody th button') ?? [])].find((button) => button.textContent!.trim() === 'ruoka');
    for (let tries = 0; tries < 200 && !term(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    term()?.click();
  },
};
export const Presenter: Story = withCloud({ answers: SAMPLE_ANSWERS }, 'participant', 'presenter');
Presenter.parameters = { layout: 'fullscreen' };

export const NotFound: Story = withCloud({});
NotFound.render = (_args, { loaded }) => {
  const fixture = loaded.fixture as CloudFixture;
  return html`<osa-tag-cloud .adapter=${fixture.participant} event=${fixture.eventId} activity="missing"></osa-tag-cloud>`;
};

/** No network: the cloud as cached, and an answer given now waits in the outbox. */
export const OfflineWithQueuedAnswer: Story = {
  loaders: [
    async () => {
      const fixture = await cloudFixture({ answers: SAMPLE_ANSWERS });
      const { adapter, network } = switchable(fixture.participant);
      const cached = withCache(adapter, { name: `story-cloud-offline-${Date.now()}` });
      await cached.getActivity(fixture.eventId, fixture.activityId);
      network.offline = true;
      await cached.send(fixture.eventId, fixture.activityId, 'submit', { text: 'yhteisö', language: 'fi' }).catch(() => undefined);
      return { fixture, cached };
    },
  ],
  render: (_args, { loaded }) => {
    const { fixture, cached } = loaded as { fixture: CloudFixture; cached: OsaAdapter };
    return html`<osa-tag-cloud .adapter=${cached} event=${fixture.eventId} activity=${fixture.activityId}></osa-tag-cloud>`;
  },
};

/** Any other failure of the back end. */
export const BackEndError: Story = {
  loaders: [async () => ({ fixture: await cloudFixture({}) })],
  render: (_args, { loaded }) => {
    const fixture = loaded.fixture as CloudFixture;
    const { adapter, network } = switchable(fixture.participant, () => new globalThis.Error('The back end broke.'));
    network.offline = true;
    return html`<osa-tag-cloud .adapter=${adapter} event=${fixture.eventId} activity=${fixture.activityId}></osa-tag-cloud>`;
  },
};

/** No server: `{ text, count }` words. */
export const StaticWords: Story = {
  render: () =>
    html`<osa-tag-cloud
      label="Arvomme"
      .words=${[
        { text: 'luottamus', count: 14 },
        { text: 'yhteisö', count: 9 },
        { text: 'rohkeus', count: 7 },
        { text: 'avoimuus', count: 6 },
        { text: 'ilo', count: 5 },
        { text: 'vastuu', count: 4 },
        { text: 'kestävyys', count: 3 },
        { text: 'uteliaisuus', count: 2 },
      ]}
    ></osa-tag-cloud>`,
};

/** No server: plain answers in a JSON child, normalised on the page (koulu, koulun and kouluissa are one word). */
export const StaticFromJson: Story = {
  render: () =>
    html`<osa-tag-cloud lang="fi"
      ><script type="application/json">
        ["koulu", "koulun piha", "kouluissa", "kirjasto", "kirjastossa", "liikunta", "liikuntaa", "ruoka", "ruoan", "kaverit"]
      </script></osa-tag-cloud
    >`,
};

/** `view="organiser"` without the organiser key: it says the key is needed and shows no tools. */
export const OrganiserWithoutKey: Story = withCloud({ answers: SAMPLE_ANSWERS }, 'participant', 'organiser');
