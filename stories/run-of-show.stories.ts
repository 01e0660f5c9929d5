import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/run-of-show/run-of-show.js';
import type { OsaAdapter } from '../src/adapters/types.js';
import { withCache } from '../src/adapters/cache.js';
import { switchable } from '../src/adapters/test-support.js';
import { dayFixture, type DayFixture, type DayOptions } from '../src/test-support/day-fixture.js';

/** Each story builds an event day with every kind of activity on the in-page adapter: every state can be seen without a server. */
const withDay = (options: DayOptions = {}, who: 'organiser' | 'participant' = 'organiser'): Story => ({
  loaders: [async () => ({ day: await dayFixture(options) })],
  render: (_args, { loaded }) => {
    const day = loaded.day as DayFixture;
    return html`<osa-run-of-show .adapter=${who === 'organiser' ? day.organiser : day.participant} event=${day.eventId}></osa-run-of-show>`;
  },
});

const meta: Meta = {
  title: 'Elements/osa-run-of-show',
  component: 'osa-run-of-show',
  parameters: {
    docs: {
      description: {
        component:
          'The organiser’s run of show: every activity of the event with its phases as a segmented control (arrow keys move, Enter or Space sends), what participants see now, and live counts. Needs the organiser key.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Loading: Story = {
  render: () => html`<osa-run-of-show .adapter=${{ getEvent: () => new Promise(() => {}) } as unknown as OsaAdapter} event="day"></osa-run-of-show>`,
};

/** A development day under way: the board is being prioritised, registration, the form and the cloud are open. */
export const EventDay: Story = withDay();
/** Before the day: every activity in its first phase, nothing in it yet. */
export const BeforeTheDay: Story = withDay({ empty: true });
export const NoActivities: Story = withDay({ noActivities: true });
/** Opened without the organiser key: it says the key is needed and shows nothing of the activities. */
export const WithoutOrganiserKey: Story = withDay({}, 'participant');

export const NotFound: Story = {
  loaders: [async () => ({ day: await dayFixture() })],
  render: (_args, { loaded }) => html`<osa-run-of-show .adapter=${(loaded.day as DayFixture).organiser} event="no-such-event"></osa-run-of-show>`,
};

/** No network: the activities as this device saw them last, with the offline notice. */
export const Offline: Story = {
  loaders: [
    async () => {
      const day = await dayFixture();
      const { adapter, network } = switchable<OsaAdapter>(day.organiser);
      const cached = withCache(adapter, { name: `story-run-of-show-offline-${Date.now()}` });
      cached.setOrganiserKey(day.eventId, day.organiserKey);
      await cached.getEvent(day.eventId);
      for (const activity of ['themes', 'sessions', 'feedback', 'words']) await cached.getActivity(day.eventId, activity);
      network.offline = true;
      return { day, cached };
    },
  ],
  render: (_args, { loaded }) => {
    const { day, cached } = loaded as { day: DayFixture; cached: OsaAdapter };
    return html`<osa-run-of-show .adapter=${cached} event=${day.eventId}></osa-run-of-show>`;
  },
};

/** Any other failure of the back end. */
export const BackEndError: Story = {
  loaders: [async () => ({ day: await dayFixture() })],
  render: (_args, { loaded }) => {
    const { adapter, network } = switchable<OsaAdapter>((loaded.day as DayFixture).organiser, () => new globalThis.Error('The back end broke.'));
    network.offline = true;
    return html`<osa-run-of-show .adapter=${adapter} event=${(loaded.day as DayFixture).eventId}></osa-run-of-show>`;
  },
};
