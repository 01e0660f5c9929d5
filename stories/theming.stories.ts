import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/components/priority-board/priority-board.js';
import '../src/components/workshop-picker/workshop-picker.js';
import '../src/components/feedback-form/feedback-form.js';
import '../src/components/tag-cloud/tag-cloud.js';
import { CITY_THEME, resolveColour, themeDeclarations, type Scheme } from '../src/theme/examples/city-theme.js';
import { boardFixture, SAMPLE_IDEAS, type BoardFixture } from '../src/test-support/board-fixtures.js';
import { workshopFixture, type WorkshopFixture } from '../src/test-support/workshop-fixtures.js';
import { feedbackFixture, SHORT_FORM, type FeedbackFixture } from '../src/test-support/feedback-fixtures.js';
import { cloudFixture, SAMPLE_ANSWERS, type CloudFixture } from '../src/test-support/cloud-fixtures.js';

/** The four elements' activities, each on the in-page adapter, in a state that shows most of its colours. */
export interface CityShowcase {
  board: BoardFixture;
  workshops: WorkshopFixture;
  feedback: FeedbackFixture;
  cloud: CloudFixture;
}

export async function loadCityShowcase(): Promise<CityShowcase> {
  const [board, workshops, feedback, cloud] = await Promise.all([
    boardFixture({ ideas: SAMPLE_IDEAS.slice(0, 6), phase: 'results', voters: 10, duelsPerVoter: 8 }),
    workshopFixture({ taken: { ai: 3, robotics: 1 }, own: ['robotics'] }),
    feedbackFixture({ config: { form: SHORT_FORM } }),
    cloudFixture({ answers: SAMPLE_ANSWERS, ownAnswers: ['kaverit'] }),
  ]);
  return { board, workshops, feedback, cloud };
}

/**
 * The page of the theming guide's example: the city's tokens set on a wrapper (as a page sets them
 * on `:root`), the scheme pinned, and the page behind the elements in the city's surface colour.
 */
export function cityShowcase({ board, workshops, feedback, cloud }: CityShowcase, scheme: Scheme) {
  const style = {
    ...Object.fromEntries(themeDeclarations(CITY_THEME)),
    'color-scheme': scheme,
    '--osa-color-scheme': scheme,
    background: resolveColour(CITY_THEME, '--osa-color-surface', scheme),
    color: resolveColour(CITY_THEME, '--osa-color-text', scheme),
    display: 'grid',
    gap: '32px',
    padding: '24px',
  };
  return html`<div class="city-showcase" style=${styleMap(style)}>
    <osa-priority-board .adapter=${board.participant} event=${board.eventId} activity=${board.activityId}></osa-priority-board>
    <osa-workshop-picker .adapter=${workshops.participant} event=${workshops.eventId} activity=${workshops.activityId}></osa-workshop-picker>
    <osa-feedback-form .adapter=${feedback.participant} event=${feedback.eventId} activity=${feedback.activityId}></osa-feedback-form>
    <osa-tag-cloud .adapter=${cloud.participant} event=${cloud.eventId} activity=${cloud.activityId}></osa-tag-cloud>
  </div>`;
}

const meta: Meta = {
  title: 'Theming/City theme',
  excludeStories: ['loadCityShowcase', 'cityShowcase'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The theming guide\'s worked example (docs/theming.md): the board, the workshop picker, the feedback form and the tag cloud in the colours of a made-up city, Esimerkkilä (a deep lake blue and a spruce green). One CSS rule sets every colour token as `light-dark(light, dark)`; every pair it sets has WCAG 2.1 AA contrast in both schemes, and axe checks these stories in a browser test.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The city's colours in a light page. */
export const Light: Story = {
  loaders: [async () => ({ showcase: await loadCityShowcase() })],
  render: (_args, { loaded }) => cityShowcase(loaded.showcase as CityShowcase, 'light'),
};

/** The same rule in a dark page (`color-scheme: dark`): the second value of each `light-dark()`. */
export const Dark: Story = {
  loaders: [async () => ({ showcase: await loadCityShowcase() })],
  render: (_args, { loaded }) => cityShowcase(loaded.showcase as CityShowcase, 'dark'),
};
