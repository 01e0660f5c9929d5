import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './chart.js';
import type { ChartRow, OsaChart } from './chart.component.js';

const ROWS: ChartRow[] = [
  { label: 'Better bus connections', value: 72 },
  { label: 'A youth centre', value: 55 },
  { label: 'Longer library hours', value: 31 },
];

/** The accent token's light default, #0a58b0, which the bars are drawn in. */
const ACCENT: [number, number, number] = [10, 88, 176];

const canvasOf = (el: OsaChart) => el.shadowRoot!.querySelector('canvas');
const cellsOf = (el: OsaChart) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()));

/** How many pixels of the canvas are painted in exactly this colour. */
function pixelsIn(canvas: HTMLCanvasElement, [r, g, b]: [number, number, number]): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
  return count;
}

/** The Chart.js instance drawing on the canvas. Imported here only after the loading test has run. */
async function chartOn(canvas: HTMLCanvasElement | null) {
  const { Chart } = await import('chart.js');
  return canvas ? Chart.getChart(canvas) : undefined;
}

async function drawn(rows: ChartRow[] = ROWS, attributes: { lang?: string; max?: number } = {}): Promise<OsaChart> {
  const el = await fixture<OsaChart>(
    html`<osa-chart label="Scores of the top ideas" lang=${attributes.lang ?? 'en'} max=${attributes.max ?? 100} .rows=${rows}></osa-chart>`,
  );
  await waitUntil(() => canvasOf(el) && pixelsIn(canvasOf(el)!, ACCENT) > 0, 'the chart drew no bars');
  return el;
}

describe('osa-chart', () => {
  // First in the file: a module stays loaded for the rest of the page once imported.
  describe('loading Chart.js on demand', () => {
    it('fetches the chart module and Chart.js only after the element has rows', async () => {
      performance.setResourceTimingBufferSize(100_000);
      const fetchedAfter = (start: number, part: string) =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes(part) && entry.startTime >= start);
      const el = await fixture<OsaChart>(html`<osa-chart label="Scores" lang="en"></osa-chart>`);
      expect(canvasOf(el)).to.equal(null);

      const rowsSetAt = performance.now();
      el.rows = ROWS;
      // Fetched after this moment means not fetched before: an imported module is never fetched twice.
      await waitUntil(
        () => fetchedAfter(rowsSetAt, '/components/chart/bar-chart.ts') && fetchedAfter(rowsSetAt, '/chart.js/'),
        'the chart module or Chart.js was not fetched after the rows were set',
      );
      await waitUntil(() => pixelsIn(canvasOf(el)!, ACCENT) > 0, 'the chart drew no bars');
    });
  });

  describe('accessibility', () => {
    it('is accessible with rows', async () => {
      const el = await drawn();
      await expect(el).to.be.accessible();
    });

    it('is accessible without rows', async () => {
      const el = await fixture<OsaChart>(html`<osa-chart label="Scores" lang="en"></osa-chart>`);
      await expect(el).to.be.accessible();
    });

    it('is accessible without a label', async () => {
      const el = await fixture<OsaChart>(html`<osa-chart lang="en" .rows=${ROWS}></osa-chart>`);
      expect(canvasOf(el)!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('names the canvas as an image and gives the numbers in a hidden table', async () => {
      const el = await drawn();
      const canvas = canvasOf(el)!;
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.equal('Scores of the top ideas');
      const table = el.shadowRoot!.querySelector('table')!;
      const hidden = table.closest('.visually-hidden')!;
      expect(hidden, 'the table is inside the visually hidden box').to.exist;
      // A table ignores `width: 1px`; the box around it does not, so the page does not widen.
      const box = hidden.getBoundingClientRect();
      expect(box.width).to.be.at.most(1);
      expect(box.height).to.be.at.most(1);
      expect(table.querySelector('caption')!.textContent).to.equal('Scores of the top ideas');
      expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal(['Item', 'Value']);
      expect(cellsOf(el)).to.deep.equal([
        ['Better bus connections', '72'],
        ['A youth centre', '55'],
        ['Longer library hours', '31'],
      ]);
    });

    it('says the chart is empty when there are no rows, and draws nothing', async () => {
      const el = await fixture<OsaChart>(html`<osa-chart label="Scores" lang="en"></osa-chart>`);
      expect(canvasOf(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('Scores: Nothing here yet.');
    });
  });

  describe('defaults and attributes', () => {
    it('has no rows, a maximum of 100 and no label by default', async () => {
      const el = await fixture<OsaChart>(html`<osa-chart></osa-chart>`);
      expect(el.rows).to.deep.equal([]);
      expect(el.max).to.equal(100);
      expect(el.label).to.equal('');
    });

    it('takes max and label from attributes', async () => {
      const el = await fixture<OsaChart>(html`<osa-chart max="40" label="Votes"></osa-chart>`);
      expect(el.max).to.equal(40);
      expect(el.label).to.equal('Votes');
    });

    it('ends the value axis at max, and past it when a value is larger', async () => {
      const el = await drawn([{ label: 'A', value: 12 }], { max: 40 });
      const chart = (await chartOn(canvasOf(el)))!;
      expect(chart.scales.x.max).to.equal(40);
      el.rows = [{ label: 'A', value: 130 }];
      await el.updateComplete;
      expect(chart.scales.x.max).to.be.at.least(130);
    });

    it('writes the numbers in the element’s language', async () => {
      const el = await drawn([{ label: 'Kirjasto', value: 12.5 }], { lang: 'fi' });
      expect(el.shadowRoot!.querySelector('thead')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Kohde Arvo');
      expect(cellsOf(el)).to.deep.equal([['Kirjasto', '12,5']]);
      el.lang = 'sv';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('thead')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Post Värde');
    });
  });

  describe('drawing', () => {
    it('draws one bar per row with the values of the rows', async () => {
      const el = await drawn();
      const chart = (await chartOn(canvasOf(el)))!;
      expect(chart.data.labels).to.deep.equal(ROWS.map((row) => row.label));
      expect(chart.data.datasets[0].data).to.deep.equal([72, 55, 31]);
      expect(chart.getDatasetMeta(0).data).to.have.length(3);
    });

    it('updates the same chart and the hidden table when the rows change', async () => {
      const el = await drawn();
      const canvas = canvasOf(el)!;
      const chart = (await chartOn(canvas))!;
      el.rows = [
        { label: 'A youth centre', value: 80 },
        { label: 'Better bus connections', value: 60 },
      ];
      await el.updateComplete;
      expect(canvasOf(el)).to.equal(canvas);
      expect(await chartOn(canvas)).to.equal(chart);
      expect(chart.data.datasets[0].data).to.deep.equal([80, 60]);
      expect(cellsOf(el)).to.deep.equal([
        ['A youth centre', '80'],
        ['Better bus connections', '60'],
      ]);
    });

    it('draws the bars in the colour given by --osa-chart-bar-color', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div class="themed">
        <style>
          .themed osa-chart {
            --osa-chart-bar-color: rgb(200, 30, 60);
          }
        </style>
        <osa-chart label="Scores" lang="en" .rows=${ROWS}></osa-chart>
      </div>`);
      const el = wrapper.querySelector('osa-chart')!;
      await waitUntil(() => canvasOf(el) && pixelsIn(canvasOf(el)!, [200, 30, 60]) > 0, 'no bars in the theme colour');
      expect(pixelsIn(canvasOf(el)!, ACCENT)).to.equal(0);
    });

    it('shortens long labels on the axis but keeps them whole in the table', async () => {
      const long = 'A very long idea about building a new covered bicycle parking next to every school in the municipality';
      const el = await drawn([{ label: long, value: 50 }]);
      const chart = (await chartOn(canvasOf(el)))!;
      const shown = ([] as string[]).concat(chart.scales.y.ticks[0].label as string | string[]);
      expect(shown.join(' ').length).to.be.below(long.length);
      expect(shown.at(-1)!.endsWith('…')).to.be.true;
      expect(cellsOf(el)).to.deep.equal([[long, '50']]);
    });

    it('does not animate when reduced motion is asked for', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await drawn();
        const chart = (await chartOn(canvasOf(el)))!;
        expect(chart.options.animation).to.equal(false);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  describe('lifecycle', () => {
    it('removes the chart when the rows become empty and draws a new one when they return', async () => {
      const el = await drawn();
      const canvas = canvasOf(el)!;
      el.rows = [];
      await el.updateComplete;
      expect(canvasOf(el)).to.equal(null);
      expect(await chartOn(canvas)).to.equal(undefined);
      el.rows = ROWS;
      await waitUntil(() => canvasOf(el) && pixelsIn(canvasOf(el)!, ACCENT) > 0, 'no chart after the rows returned');
    });

    it('draws the latest rows when they change while the chart is being created', async () => {
      const el = await fixture<OsaChart>(html`<osa-chart label="Scores" lang="en"></osa-chart>`);
      el.rows = ROWS;
      await el.updateComplete;
      el.rows = [];
      await el.updateComplete;
      el.rows = ROWS.slice(0, 2);
      await el.updateComplete;
      await waitUntil(async () => (await chartOn(canvasOf(el)))?.data.datasets[0].data.length === 2, 'the chart does not show the latest rows');
      expect(el.shadowRoot!.querySelectorAll('span[hidden]')).to.have.length(1);
    });

    it('destroys the chart when disconnected and draws it again when reconnected', async () => {
      const el = await drawn();
      const canvas = canvasOf(el)!;
      const parent = el.parentElement!;
      el.remove();
      expect(await chartOn(canvas)).to.equal(undefined);
      expect(el.shadowRoot!.querySelectorAll('span[hidden]')).to.have.length(0);
      parent.append(el);
      await waitUntil(async () => (await chartOn(canvasOf(el)))?.data.datasets[0].data.length === 3, 'no chart after reconnecting');
      await waitUntil(() => pixelsIn(canvasOf(el)!, ACCENT) > 0, 'the chart drew no bars after reconnecting');
    });
  });
});
