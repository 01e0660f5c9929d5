import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css, html as litHtml } from 'lit';
import { OsaElement } from '../base/osa-element.js';
import { defineElement } from '../base/define.js';
import { tokens } from './tokens.js';

/** One sample of each colour pair the elements draw, in the tokens' resolved colours. */
class OsaTestSwatches extends OsaElement {
  static override styles = [
    tokens,
    css`
      span {
        display: block;
      }
      .text {
        color: var(--_text);
        background: var(--_surface);
      }
      .muted {
        color: var(--_text-muted);
        background: var(--_surface);
      }
      .raised {
        color: var(--_text);
        background: var(--_surface-raised);
      }
      .accent {
        color: var(--_accent);
        background: var(--_surface);
      }
      .on-accent {
        color: var(--_on-accent);
        background: var(--_accent);
      }
      .accent-on-soft {
        color: var(--_accent);
        background: var(--_accent-soft);
      }
      .border {
        color: var(--_border);
        background: var(--_surface);
      }
      .focus {
        color: var(--_focus);
        background: var(--_surface);
      }
    `,
  ];
  override render() {
    return litHtml`${PAIRS.map(([name]) => litHtml`<span class=${name}>Aa</span>`)}`;
  }
}
defineElement('osa-test-swatches', OsaTestSwatches);

/**
 * The pairs and the WCAG 2.1 AA minimum each needs: 4.5:1 for text of normal size (1.4.3: body
 * text, muted text, links and outline buttons in the accent, button labels on the accent, the
 * accent on its soft hover background); 3:1 for the graphical parts of controls (1.4.11: input
 * borders and the focus ring). Nothing relies on the large-text exception.
 */
const PAIRS: Array<[name: string, minimum: number]> = [
  ['text', 4.5],
  ['muted', 4.5],
  ['raised', 4.5],
  ['accent', 4.5],
  ['on-accent', 4.5],
  ['accent-on-soft', 4.5],
  ['border', 3],
  ['focus', 3],
];

const canvas = Object.assign(document.createElement('canvas'), { width: 1, height: 1 });
const paint = canvas.getContext('2d', { willReadFrequently: true })!;

/** A computed colour (any syntax: rgb(), oklch(), color()) as the sRGB bytes it is drawn with. */
function srgb(color: string): [number, number, number] {
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = '#000';
  paint.fillStyle = color;
  paint.fillRect(0, 0, 1, 1);
  const [r, g, b] = paint.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

function luminance(color: string): number {
  const [r, g, b] = srgb(color).map((byte) => {
    const channel = byte / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2.1 contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Each pair's colours and ratio in an element inside a page with this style. */
async function measure(pageStyle: string): Promise<Array<{ name: string; minimum: number; ratio: number; color: string; background: string }>> {
  const page = await fixture<HTMLDivElement>(html`<div style=${pageStyle}><osa-test-swatches></osa-test-swatches></div>`);
  const el = page.querySelector<OsaTestSwatches>('osa-test-swatches')!;
  await el.updateComplete;
  return PAIRS.map(([name, minimum]) => {
    const style = getComputedStyle(el.shadowRoot!.querySelector(`.${name}`)!);
    return { name, minimum, ratio: contrast(style.color, style.backgroundColor), color: style.color, background: style.backgroundColor };
  });
}

const surface = async (pageStyle: string): Promise<[number, number, number]> => {
  const page = await fixture<HTMLDivElement>(html`<div style=${pageStyle}><osa-test-swatches></osa-test-swatches></div>`);
  const el = page.querySelector<OsaTestSwatches>('osa-test-swatches')!;
  await el.updateComplete;
  return srgb(getComputedStyle(el.shadowRoot!.querySelector('.text')!).backgroundColor);
};

const WHITE: [number, number, number] = [255, 255, 255];
const DARK_SURFACE: [number, number, number] = [0x16, 0x19, 0x1d];

describe('theme tokens', () => {
  describe('colour scheme: the host page\'s, not the visitor\'s system', () => {
    before(() => emulateMedia({ colorScheme: 'dark' }));
    after(() => emulateMedia({ colorScheme: 'light' }));

    it('stays light in a page that declares no color-scheme, even when the system is dark', async () => {
      expect(await surface('')).to.deep.equal(WHITE);
      expect(await surface('color-scheme: light')).to.deep.equal(WHITE);
    });

    it('is dark in a page that declares color-scheme: dark, and follows the system where the page declares light dark', async () => {
      expect(await surface('color-scheme: dark')).to.deep.equal(DARK_SURFACE);
      expect(await surface('color-scheme: light dark')).to.deep.equal(DARK_SURFACE);
      await emulateMedia({ colorScheme: 'light' });
      expect(await surface('color-scheme: light dark')).to.deep.equal(WHITE);
      await emulateMedia({ colorScheme: 'dark' });
    });

    it('is pinned by --osa-color-scheme whatever the page declares', async () => {
      expect(await surface('--osa-color-scheme: dark')).to.deep.equal(DARK_SURFACE);
      expect(await surface('color-scheme: dark; --osa-color-scheme: light')).to.deep.equal(WHITE);
    });
  });

  describe('contrast (WCAG 2.1 AA) in both schemes, with the default and with a page\'s own accent', () => {
    // The README's case: a visitor whose system is dark.
    before(() => emulateMedia({ colorScheme: 'dark' }));
    after(() => emulateMedia({ colorScheme: 'light' }));

    // The README's accent, a brand yellow, blue and green, the extremes, and a page giving both variants itself.
    for (const accent of [undefined, '#7a0f2e', '#ffd500', '#0a58b0', '#00a651', '#ffffff', '#000000', '#ff00ff', 'light-dark(#7a0f2e, #ff9db5)']) {
      for (const scheme of ['light', 'dark']) {
        it(`${accent ?? 'default accent'}, ${scheme}`, async () => {
          const results = await measure(`color-scheme: ${scheme};${accent ? ` --osa-color-accent: ${accent};` : ''}`);
          const failing = results.filter((result) => result.ratio < result.minimum).map((r) => `${r.name}: ${r.ratio.toFixed(2)} < ${r.minimum} (${r.color} on ${r.background})`);
          expect(failing).to.deep.equal([]);
        });
      }
    }

    it('keeps a page\'s accent as it is where it already has the contrast', async () => {
      const [{ color }] = (await measure('color-scheme: light; --osa-color-accent: #7a0f2e')).filter((result) => result.name === 'accent');
      expect(srgb(color)).to.deep.equal([0x7a, 0x0f, 0x2e]);
    });
  });
});
