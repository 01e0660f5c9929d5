import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/join-code/join-code.js';

interface Args {
  url: string;
  label: string;
  size: string;
}

const meta: Meta<Args> = {
  title: 'Kit/osa-join-code',
  component: 'osa-join-code',
  args: { url: 'https://osallistu.example.fi/d/2026', label: '', size: '200px' },
  argTypes: {
    url: { control: 'text' },
    label: { control: 'text' },
    size: { control: 'text', description: '`--osa-join-code-size`: the QR code’s edge; the texts grow with it.' },
  },
  render: (args) =>
    html`<osa-join-code url=${args.url} label=${args.label} style=${`--osa-join-code-size: ${args.size}`}></osa-join-code>`,
  parameters: {
    docs: {
      description: {
        component:
          'The join block of a presenter view: a heading, the short address and a QR code leading to it. The QR encoder loads on demand. Every activity’s presenter view uses it; it can also stand alone on a slide or a printed poster.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

/** For a projector: one property makes the code and its texts large enough for the back of the room. */
export const Projector: Story = { args: { size: '360px' } };

/** A long address wraps after slashes and before dots. */
export const LongAddress: Story = { args: { url: 'https://osallistu.kaupunki.example.fi/tapahtumat/asukasilta-2026/priorisointi/' } };

export const OwnHeading: Story = { args: { label: 'Äänestä osoitteessa' } };

/** Without an address nothing is shown. */
export const WithoutAddress: Story = { args: { url: '' } };
