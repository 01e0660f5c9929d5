import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/event-report/event-report.js';
import type { OsaAdapter } from '../src/adapters/types.js';
import { withCache } from '../src/adapters/cache.js';
import { switchable } from '../src/adapters/test-support.js';
import { dayFixture, type DayFixture, type DayOptions } from '../src/test-support/day-fixture.js';

interface Args {
  includeText: boolean;
  date: string;
}

/** Each story builds an event day with every kind of activity on the in-page adapter: every state can be seen without a server. */
const withDay = (options: DayOptions = {}, who: 'organiser' | 'participant' = 'organiser'): Story => ({
  loaders: [async () => ({ day: await dayFixture(options) })],
  render: (args, { loaded }) => {
    const day = loaded.day as DayFixture;
    return html`<osa-event-report
      .adapter=${who === 'organiser' ? day.organiser : day.participant}
      event=${day.eventId}
      date=${args.date}
      ?include-text=${args.includeText}
    ></osa-event-report>`;
  },
});

const meta: Meta<Args> = {
  title: 'Elements/osa-event-report',
  component: 'osa-event-report',
  args: { includeText: false, date: '2026-05-14' },
  argTypes: { includeText: { control: 'boolean' }, date: { control: 'text' } },
  parameters: {
    docs: {
      description: {
        component:
          'A results report of a whole event, in the element’s language: the board’s ranking, the workshops’ seats, the feedback figures and the cloud’s terms, as the elements and the exports give them. Prints on A4 (or saves as PDF) without its controls; written answers only when included. Needs the organiser key.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = {
  render: () => html`<osa-event-report .adapter=${{ getEvent: () => new Promise(() => {}) } as unknown as OsaAdapter} event="day"></osa-event-report>`,
};

/** After a development day: every kind of activity with its results. */
export const AfterTheDay: Story = withDay();
/** The same with the participants' written answers included. */
export const WithWrittenAnswers: Story = { ...withDay(), args: { includeText: true } };
/** Nothing collected yet. */
export const NothingYet: Story = withDay({ empty: true });
export const NoActivities: Story = withDay({ noActivities: true });
/** Opened without the organiser key: it says the key is needed and shows nothing else. */
export const WithoutOrganiserKey: Story = withDay({}, 'participant');

export const NotFound: Story = {
  loaders: [async () => ({ day: await dayFixture() })],
  render: (_args, { loaded }) => html`<osa-event-report .adapter=${(loaded.day as DayFixture).organiser} event="no-such-event"></osa-event-report>`,
};

/** No network: the results as this device saw them last, with the offline notice. */
export const Offline: Story = {
  loaders: [
    async () => {
      const day = await dayFixture();
      const { adapter, network } = switchable<OsaAdapter>(day.organiser);
      const cached = withCache(adapter, { name: `story-event-report-offline-${Date.now()}` });
      cached.setOrganiserKey(day.eventId, day.organiserKey);
      await cached.getEvent(day.eventId);
      for (const activity of ['themes', 'sessions', 'feedback', 'words']) await cached.getActivity(day.eventId, activity);
      network.offline = true;
      return { day, cached };
    },
  ],
  render: (_args, { loaded }) => {
    const { day, cached } = loaded as { day: DayFixture; cached: OsaAdapter };
    return html`<osa-event-report .adapter=${cached} event=${day.eventId}></osa-event-report>`;
  },
};

/** Any other failure of the back end. */
export const BackEndError: Story = {
  loaders: [async () => ({ day: await dayFixture() })],
  render: (_args, { loaded }) => {
    const { adapter, network } = switchable<OsaAdapter>((loaded.day as DayFixture).organiser, () => new globalThis.Error('The back end broke.'));
    network.offline = true;
    return html`<osa-event-report .adapter=${adapter} event=${(loaded.day as DayFixture).eventId}></osa-event-report>`;
  },
};
