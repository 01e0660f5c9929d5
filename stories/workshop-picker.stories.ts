import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/workshop-picker/workshop-picker.js';
import type { OsaWorkshopPicker } from '../src/components/workshop-picker/workshop-picker.js';
import type { OsaAdapter } from '../src/adapters/types.js';
import { withCache } from '../src/adapters/cache.js';
import { switchable } from '../src/adapters/test-support.js';
import type { WorkshopsConfig } from '../src/core/workshops/workshops.js';
import { collegeCatalogue, workshopFixture, type WorkshopFixture, type WorkshopFixtureOptions } from '../src/test-support/workshop-fixtures.js';

type Who = 'participant' | 'organiser';
interface Args {
  view: 'participant' | 'presenter' | 'organiser';
}

const RANKED: Partial<WorkshopsConfig> = { mode: 'ranked', choicesPerSlot: 3 };
const college = collegeCatalogue();
/** Twelve of the college's workshops in two time slots: what a lobby screen shows for one day. */
const twelve: Partial<WorkshopsConfig> = { slots: college.slots.slice(0, 2), workshops: college.workshops.filter((workshop) => workshop.slot === 'jun' || workshop.slot === 'aug').slice(0, 12) };

const picker = (adapter: OsaAdapter, fixture: Pick<WorkshopFixture, 'eventId' | 'activityId'>, args: Args) =>
  html`<osa-workshop-picker
    .adapter=${adapter}
    event=${fixture.eventId}
    activity=${fixture.activityId}
    view=${args.view}
    join-url="https://osallistu.example.fi/koulutus"
  ></osa-workshop-picker>`;

/** Each story builds its event on the in-page adapter, so every state can be seen without a server. */
const withPicker = (options: WorkshopFixtureOptions, who: Who = 'participant') => ({
  loaders: [async () => ({ fixture: await workshopFixture(options) })],
  render: (args: Args, { loaded }: { loaded: Record<string, unknown> }) => {
    const fixture = loaded.fixture as WorkshopFixture;
    return picker(who === 'organiser' ? fixture.organiser : fixture.participant, fixture, args);
  },
});

const meta: Meta<Args> = {
  title: 'Elements/osa-workshop-picker',
  component: 'osa-workshop-picker',
  args: { view: 'participant' },
  parameters: {
    docs: {
      description: {
        component:
          'Participants browse the workshops by time slot, filter and search them, and claim a seat first come, first served (with a waitlist that promotes at once) or rank their top choices for a fair allocation. The organiser opens registration, watches the fill levels, previews the allocation beside first come, first served, publishes it and exports the registrations; the presenter view shows live fill levels on a screen.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = {
  render: () =>
    html`<osa-workshop-picker
      .adapter=${{ getActivity: () => new Promise(() => {}), subscribe: () => () => {} } as unknown as OsaAdapter}
      event="e"
      activity="workshops"
    ></osa-workshop-picker>`,
};

export const NotFound: Story = withPicker({});
NotFound.render = (args, { loaded }) => {
  const fixture = loaded.fixture as WorkshopFixture;
  return picker(fixture.participant, { eventId: fixture.eventId, activityId: 'missing' }, args);
};

/** The back end answers every request with an error that is not about the network. */
export const BackEndError: Story = {
  loaders: [
    async () => {
      const fixture = await workshopFixture({});
      const { adapter, network } = switchable(fixture.participant, () => new globalThis.Error('The story broke the back end.'));
      network.offline = true;
      return { fixture, adapter };
    },
  ],
  render: (args, { loaded }) => picker(loaded.adapter as OsaAdapter, loaded.fixture as WorkshopFixture, args),
};

export const FirstCome: Story = withPicker({ taken: { ai: 1, robotics: 1, feedback: 1 } });
export const EmptyCatalogue: Story = withPicker({ config: { slots: [], workshops: [] } });
export const NotOpenYet: Story = withPicker({ phase: 'preparing' });
export const WithASeat: Story = withPicker({ taken: { ai: 1, robotics: 1 }, own: ['robotics'] });
export const Full: Story = withPicker({ taken: { ai: 2, feedback: 4, robotics: 2 } });
export const Waitlisted: Story = withPicker({ taken: { ai: 3 }, own: ['ai'] });
export const Ranked: Story = withPicker({ config: RANKED, ownRanking: ['ai', 'robotics', 'nature', 'feedback'] });
export const Allocated: Story = withPicker({ config: RANKED, crowd: 12, ownRanking: ['ai', 'robotics', 'feedback'], allocate: 'sum', publish: true });
export const Closed: Story = withPicker({ own: ['robotics', 'nature'], phase: 'closed' });

/** The vocational college's 37 workshops with 700 staff claiming seats; this participant waits for a popular one. */
export const College37Workshops: Story = withPicker({ config: { ...college }, crowd: 700, share: 0.7, own: ['w01'] });

/** A claim made without a network waits in the outbox, and the card and schedule say so until it is sent. */
export const OfflineWithWaitingClaim: Story = {
  loaders: [
    async () => {
      const fixture = await workshopFixture({ own: ['robotics'] });
      const { adapter: device, network } = switchable(fixture.participant);
      const adapter = withCache(device, { name: `story-workshops-offline-${Date.now()}` });
      // Seen once while online, so the cache can show the picker offline.
      await adapter.getActivity(fixture.eventId, fixture.activityId);
      return { fixture, adapter, network };
    },
  ],
  render: (_args, { loaded }) => {
    const fixture = loaded.fixture as WorkshopFixture;
    const network = loaded.network as { offline: boolean };
    const element = document.createElement('osa-workshop-picker') as OsaWorkshopPicker;
    Object.assign(element, { adapter: loaded.adapter as OsaAdapter, event: fixture.eventId, activity: fixture.activityId });
    // The participant claims the afternoon workshop after the network went down.
    const claimOffline = async () => {
      while (!element.live.snapshot) await new Promise((resolve) => setTimeout(resolve, 50));
      network.offline = true;
      const workshop = element.config!.workshops.find((entry) => entry.id === 'nature')!;
      await element.claim(workshop);
    };
    void claimOffline();
    return element;
  },
};

export const Organiser: Story = { ...withPicker({ taken: { ai: 3, robotics: 2, feedback: 2, nature: 3 } }, 'organiser'), args: { view: 'organiser' } };

/** 700 people ranked their top five of 37 workshops; the organiser previews the allocation beside first come, first served. */
export const OrganiserAllocationPreview: Story = {
  ...withPicker({ config: { ...college, mode: 'ranked', choicesPerSlot: 5 }, crowd: 700, allocate: 'sum' }, 'organiser'),
  args: { view: 'organiser' },
};
export const OrganiserWithoutKey: Story = { ...withPicker({}), args: { view: 'organiser' } };

export const Presenter: Story = { ...withPicker({ config: twelve, crowd: 500, share: 0.7 }), args: { view: 'presenter' } };
export const PresenterAll37: Story = { ...withPicker({ config: { ...college }, crowd: 700, share: 0.7 }), args: { view: 'presenter' } };

/** Inside a page's own form: the chosen workshops are submitted with it, and `required` asks for one per time slot. */
export const InAForm: Story = {
  ...withPicker({ config: RANKED }),
  render: (_args, { loaded }) => {
    const fixture = loaded.fixture as WorkshopFixture;
    const show = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      form.querySelector('output')!.value = JSON.stringify([...new FormData(form)]);
    };
    return html`<form @submit=${show}>
      <osa-workshop-picker name="workshops" required .adapter=${fixture.participant} event=${fixture.eventId} activity=${fixture.activityId}></osa-workshop-picker>
      <p><button>Submit</button> <button type="reset">Reset</button></p>
      <output></output>
    </form>`;
  },
};

/** A workshop the organiser cancelled (it could not reach its minimum): marked, not claimable. */
export const CancelledWorkshop: Story = {
  loaders: [
    async () => {
      const fixture = await workshopFixture({ taken: { robotics: 1 } });
      await fixture.organiser.send(fixture.eventId, fixture.activityId, 'cancelWorkshop', { workshop: 'nature' });
      return { fixture };
    },
  ],
  render: (args: Args, { loaded }: { loaded: Record<string, unknown> }) => {
    const fixture = loaded.fixture as WorkshopFixture;
    return picker(fixture.participant, fixture, args);
  },
};

/** No server: the programme written into the page as JSON, shown read-only (nothing planned yet). */
export const StaticCatalogue: Story = {
  render: () => {
    localStorage.removeItem(`osa-workshop-plan:${location.pathname}:catalogue`);
    const element = document.createElement('osa-workshop-picker');
    const data = document.createElement('script');
    data.type = 'application/json';
    data.textContent = JSON.stringify({ mode: 'firstCome', ...twelve });
    element.append(data);
    return element;
  },
};

/** A cancellation freed a seat with a 30-minute claim window: the first in line sees it offered, with its deadline, and accepts or declines it. */
export const OfferedSeat: Story = withPicker({ config: { claimWindowMinutes: 30 }, taken: { ai: 1 }, own: ['ai'], release: 'ai' });

/** The claim window passed before the participant accepted: they see the seat went to the next in line. */
export const OfferLapsed: Story = withPicker({ config: { claimWindowMinutes: 30 }, taken: { ai: 1 }, own: ['ai'], release: 'ai', now: () => Date.now() - 31 * 60_000 });

/** The organiser edits the catalogue: a workshop's form open, in the catalogue's languages. */
export const OrganiserCatalogueEditor: Story = {
  ...withPicker({ taken: { ai: 2, robotics: 1 } }, 'organiser'),
  args: { view: 'organiser' },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector<OsaWorkshopPicker>('osa-workshop-picker')!;
    for (let tries = 0; tries < 100 && !element.shadowRoot?.querySelector('[data-edit-workshop="ai"]'); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    element.shadowRoot?.querySelector<HTMLButtonElement>('[data-edit-workshop="ai"]')?.click();
  },
};

/** No server: the participant marked the workshops they mean to attend; "My schedule" is kept in the browser and downloads as a calendar file. */
export const StaticSchedule: Story = {
  render: () => {
    const [june, august] = ['jun', 'aug'].map((slot) => twelve.workshops!.find((workshop) => workshop.slot === slot)!.id);
    localStorage.setItem(`osa-workshop-plan:${location.pathname}:catalogue`, JSON.stringify({ jun: june, aug: august }));
    const element = document.createElement('osa-workshop-picker');
    const data = document.createElement('script');
    data.type = 'application/json';
    data.textContent = JSON.stringify({ mode: 'firstCome', ...twelve });
    element.append(data);
    return element;
  },
};
