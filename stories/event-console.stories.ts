import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/components/event-console/event-console.js';
import type { OsaEventConsole } from '../src/components/event-console/event-console.component.js';
import { EVENT_TEMPLATES } from '../src/components/event-console/templates.js';
import { createLocalAdapter } from '../src/adapters/local/local-adapter.js';
import type { OsaAdapter } from '../src/adapters/types.js';

interface Args {
  lang: 'fi' | 'sv' | 'en';
}

/** The console on the in-page back end, so that every state can be seen without a server. */
const inPage = async (template?: number) => {
  const adapter = createLocalAdapter();
  if (template === undefined) return { adapter };
  const { eventId, organiserKey } = await adapter.createEvent({
    id: `story-${EVENT_TEMPLATES[template].id}`,
    title: EVENT_TEMPLATES[template].name,
    languages: ['fi', 'sv', 'en'],
    activities: EVENT_TEMPLATES[template].activities,
  });
  return { adapter, eventId, organiserKey };
};

const meta: Meta<Args> = {
  title: 'Elements/osa-event-console',
  component: 'osa-event-console',
  args: { lang: 'fi' },
  argTypes: { lang: { control: 'inline-radio', options: ['fi', 'sv', 'en'] } },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The organiser console the reference server serves at `/console/`: create an event from a template (admin token or invitation link), open it with its organiser key, add and rename activities, edit each in its organiser view, share links, QR code and the CMS snippet, and rotate the key.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Start: Story = {
  loaders: [async () => inPage()],
  render: (args, { loaded }) => html`<osa-event-console .adapter=${loaded.adapter as OsaAdapter} lang=${args.lang}></osa-event-console>`,
};

export const Create: Story = {
  loaders: [async () => inPage()],
  render: (args, { loaded }) =>
    html`<osa-event-console
      .adapter=${loaded.adapter as OsaAdapter}
      lang=${args.lang}
      ${ref((element) => {
        if (!element) return;
        void (element as OsaEventConsole).updateComplete.then(() => (element as OsaEventConsole).shadowRoot!.querySelector<HTMLButtonElement>('.intro button')?.click());
      })}
    ></osa-event-console>`,
};

const opened = (template: number): Story => ({
  loaders: [async () => inPage(template)],
  render: (args, { loaded }) =>
    html`<osa-event-console
      .adapter=${loaded.adapter as OsaAdapter}
      lang=${args.lang}
      ${ref((element) => {
        if (element) void (element as OsaEventConsole).openEvent(loaded.eventId as string, loaded.organiserKey as string);
      })}
    ></osa-event-console>`,
});

/** A livestreamed development day: a duel board and a live poll, the board's share panel open. */
export const LivestreamEvent: Story = opened(0);
/** A discussion before a seminar: three questions as boards of likes. */
export const DiscussionEvent: Story = opened(3);
