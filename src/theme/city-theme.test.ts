import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { cityShowcase, loadCityShowcase } from '../../stories/theming.stories.js';
import { CITY_PAIRS, CITY_THEME, measurePairs, resolveColour, type Scheme } from './examples/city-theme.js';
import { bytes, contrastRatio, mix } from './examples/contrast.js';

const TAGS = ['osa-priority-board', 'osa-workshop-picker', 'osa-feedback-form', 'osa-tag-cloud'];

/** The theming guide's story, rendered, once all four elements have loaded. */
async function showcase(scheme: Scheme): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="fi">${cityShowcase(await loadCityShowcase(), scheme)}</div>`);
  const page = wrapper.querySelector<HTMLElement>('.city-showcase')!;
  for (const tag of TAGS) {
    const element = page.querySelector(tag)!;
    await waitUntil(() => element.shadowRoot && element.shadowRoot.childElementCount > 0 && !element.shadowRoot.querySelector('[aria-busy="true"]'), `${tag} never finished loading`, {
      timeout: 5000,
    });
  }
  return page;
}

const rgb = (hex: string): string => `rgb(${bytes(hex).join(', ')})`;

const paint = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;

/** A colour in any CSS syntax (rgb(), oklch(), color-mix()) as the sRGB bytes the browser draws it with. */
function drawn(color: string): number[] {
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = '#000';
  paint.fillStyle = color;
  paint.fillRect(0, 0, 1, 1);
  return [...paint.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

describe('the theming guide\'s city theme', () => {
  describe('contrast, computed from the example\'s own values', () => {
    it('computes WCAG ratios: 21:1 for black on white, 1:1 for a colour on itself, 4.54:1 for #767676 on white', () => {
      expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
      expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
      expect(contrastRatio('#767676', '#ffffff')).to.be.closeTo(4.54, 0.005);
    });

    it('mixes a tint as the browser draws color-mix(in srgb)', () => {
      for (const [tint, over] of [['#1b6b3a', '#ffffff'], ['#8bd5a2', '#0d1b2a'], ['#ffc979', '#0d1b2a']]) {
        expect(bytes(mix(tint, 0.14, over)), `${tint} over ${over}`).to.deep.equal(drawn(`color-mix(in srgb, ${tint} 14%, ${over})`));
      }
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`meets WCAG 2.1 AA for every pair it sets, ${scheme} (4.5:1 text, 3:1 borders, focus ring and bars)`, () => {
        const failing = measurePairs(CITY_THEME, CITY_PAIRS)
          .filter((pair) => pair.scheme === scheme && pair.ratio < pair.minimum)
          .map((pair) => `${pair.where}: ${pair.foregroundColour} on ${pair.backgroundColour} is ${pair.ratio.toFixed(2)}:1, needs ${pair.minimum}:1`);
        expect(failing).to.deep.equal([]);
      });
    }

    it('checks every colour it sets in at least one pair', () => {
      const checked = new Set(CITY_PAIRS.flatMap((pair) => [pair.foreground, pair.background]).flatMap((ref) => (typeof ref === 'string' ? [ref] : [ref.tint, ref.over])));
      const set = [...Object.keys(CITY_THEME.colours), ...Object.keys(CITY_THEME.elementColours)];
      expect(set.filter((property) => !checked.has(property))).to.deep.equal([]);
    });

    it('would fail a poor value: a pale accent in light', () => {
      const poor = { ...CITY_THEME, colours: { ...CITY_THEME.colours, '--osa-color-accent': ['#7fa7cc', '#8ec5ff'] as const } };
      const failing = measurePairs(poor, CITY_PAIRS).filter((pair) => pair.ratio < pair.minimum);
      expect(failing.map((pair) => `${pair.scheme}: ${pair.where}`)).to.include('light: primary buttons, the chosen option');
    });
  });

  for (const scheme of ['light', 'dark'] as const) {
    describe(`the Storybook story, ${scheme}`, () => {
      it('draws every element in the city\'s colours for the scheme', async () => {
        const page = await showcase(scheme);
        for (const tag of TAGS) {
          expect(getComputedStyle(page.querySelector(tag)!).color, tag).to.equal(rgb(resolveColour(CITY_THEME, '--osa-color-text', scheme)));
        }
        const picker = page.querySelector('osa-workshop-picker')!;
        const input = picker.shadowRoot!.querySelector('input')!;
        expect(getComputedStyle(input).borderTopColor, 'an input\'s border').to.equal(rgb(resolveColour(CITY_THEME, '--osa-color-border', scheme)));
        expect(getComputedStyle(input).backgroundColor, 'an input\'s background').to.equal(rgb(resolveColour(CITY_THEME, '--osa-color-surface', scheme)));
        // The accent passes through the elements' adjustment (src/theme/tokens.ts), which keeps a colour that already has the contrast.
        const send = page.querySelector('osa-feedback-form')!.shadowRoot!.querySelector('button[data-send]')!;
        expect(drawn(getComputedStyle(send).backgroundColor), 'the send button\'s fill').to.deep.equal(bytes(resolveColour(CITY_THEME, '--osa-color-accent', scheme)));
        expect(getComputedStyle(send).color, 'the send button\'s label').to.equal(rgb(resolveColour(CITY_THEME, '--osa-color-on-accent', scheme)));
      });

      it('is accessible (axe, contrast included)', async () => {
        const page = await showcase(scheme);
        await expect(page).to.be.accessible();
      });
    });
  }
});
