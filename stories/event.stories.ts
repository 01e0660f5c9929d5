import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/event/event.js';
import '../src/components/priority-board/priority-board.js';
import { boardFixture, SAMPLE_IDEAS, type BoardFixture } from '../src/test-support/board-fixtures.js';

const meta: Meta = {
  title: 'Elements/osa-event',
  component: 'osa-event',
  parameters: {
    docs: {
      description: {
        component:
          'Provides the data adapter, the event id and the language to the elements inside it. With `api` it talks to the reference server; with `adapter="local"` it runs in the page; `.adapter` takes an adapter of your own.',
      },
    },
  },
};
export default meta;

/** A board inside `osa-event`, which hands it the adapter and the event: the board names only its activity. */
export const ProvidingABoard: StoryObj = {
  loaders: [async () => ({ fixture: await boardFixture({ ideas: SAMPLE_IDEAS.slice(0, 4) }) })],
  render: (_args, { loaded }) => {
    const fixture = loaded.fixture as BoardFixture;
    return html`<osa-event .adapter=${fixture.participant} event=${fixture.eventId}>
      <osa-priority-board activity=${fixture.activityId}></osa-priority-board>
    </osa-event>`;
  },
};

/** An event id that does not exist: the element inside says so in the page's language. */
export const UnknownEvent: StoryObj = {
  loaders: [async () => ({ fixture: await boardFixture({}) })],
  render: (_args, { loaded }) => {
    const fixture = loaded.fixture as BoardFixture;
    return html`<osa-event .adapter=${fixture.participant} event="no-such-event">
      <osa-priority-board activity="themes"></osa-priority-board>
    </osa-event>`;
  },
};

/**
 * `adapter="local"` with the event's definition in the page: created in this browser on first use,
 * kept in IndexedDB, no server at all (a kiosk, a demo).
 */
export const LocalEventDeclaredInPage: StoryObj = {
  render: () => html`<osa-event adapter="local">
    <script type="application/json">
      { "id": "story-kiosk", "title": { "fi": "Kioski", "sv": "Kiosk", "en": "Kiosk" }, "activities": [{ "id": "themes", "kind": "board", "title": { "fi": "Teemat", "sv": "Teman", "en": "Themes" }, "phase": "collect" }] }
    </script>
    <osa-priority-board activity="themes"></osa-priority-board>
  </osa-event>`,
};

/** A declared definition with a mistake: the webmaster is told which field, in the page's language, instead of the elements. */
export const DefinitionWithAMistake: StoryObj = {
  render: () => html`<osa-event adapter="local">
    <script type="application/json">
      { "id": "story-broken-kiosk", "title": "Kiosk", "activities": [{ "id": "themes", "kind": "bord" }] }
    </script>
    <osa-priority-board activity="themes"></osa-priority-board>
  </osa-event>`,
};
