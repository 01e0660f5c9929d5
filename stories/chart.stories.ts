import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/chart/chart.js';
import type { ChartRow, OsaChart } from '../src/components/chart/chart.js';

interface Args {
  label: string;
  max: number;
  rows: ChartRow[];
}

const SCORES: ChartRow[] = [
  { label: 'Enemmän aikaa yhteisille tapaamisille', value: 78 },
  { label: 'Parempi tiedonkulku osastojen välillä', value: 66 },
  { label: 'Etätyöpäivä joka viikko', value: 61 },
  { label: 'Selkeämmät vastuut projekteissa', value: 47 },
  { label: 'Uudet työvälineet', value: 32 },
  { label: 'Yhteinen lounas kerran kuussa', value: 18 },
];

const meta: Meta<Args> = {
  title: 'Kit/osa-chart',
  component: 'osa-chart',
  args: { label: 'Kärki-ideoiden pisteet', max: 100, rows: SCORES },
  argTypes: { label: { control: 'text' }, max: { control: 'number' }, rows: { control: 'object' } },
  render: (args) => html`<osa-chart label=${args.label} max=${args.max} .rows=${args.rows}></osa-chart>`,
  parameters: {
    docs: {
      description: {
        component:
          'A horizontal bar chart for presenter views. Chart.js is loaded only when the element first has rows; screen readers get the numbers from a visually hidden table.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Scores: Story = {};

/** Counts on an axis that grows past `max` when a value is larger. */
export const Counts: Story = {
  args: {
    label: 'Ilmoittautuneet työpajoittain',
    max: 20,
    rows: [
      { label: 'Työpaja A', value: 12 },
      { label: 'Työpaja B', value: 24 },
      { label: 'Työpaja C', value: 7 },
    ],
  },
};

/** Long labels are wrapped and shortened on the chart, and kept whole in the hidden table. */
export const LongLabels: Story = {
  args: {
    rows: [
      { label: 'Katettu pyöräpysäköinti jokaisen koulun ja päiväkodin viereen koko kunnan alueella', value: 71 },
      { label: 'Kirjaston aukioloajat iltaisin ja viikonloppuisin myös kesällä', value: 52 },
      { label: 'Nuorisotila', value: 40 },
    ],
  },
};

/** Without rows nothing is drawn and Chart.js is not loaded. */
export const Empty: Story = { args: { rows: [] } };

/** The rows change: the bars move to their new values in the same chart. */
export const Updating: Story = {
  render: (args) => {
    const shuffle = (event: Event) => {
      const chart = (event.target as HTMLElement).closest('div')!.querySelector<OsaChart>('osa-chart')!;
      chart.rows = chart.rows
        .map((row) => ({ ...row, value: Math.round(Math.random() * 100) }))
        .sort((a, b) => b.value - a.value);
    };
    return html`<div>
      <button type="button" @click=${shuffle}>Uudet pisteet</button>
      <osa-chart label=${args.label} max=${args.max} .rows=${args.rows}></osa-chart>
    </div>`;
  },
};
