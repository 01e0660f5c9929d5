import { expect } from '@open-wc/testing';
import type { ActivityExport } from '../core/protocol.js';
import { downloadExport } from './download.js';

const data: ActivityExport = {
  eventId: 'day',
  activity: 'themes',
  kind: 'board',
  exportedAt: '2026-11-27T10:00:00.000Z',
  tables: { results: [{ idea: 'i1', text: 'Pyöräteitä', score: 61.5 }], votes: [] },
};

/** Runs a download and returns the file it offered: its name and its text. */
async function offered(run: () => void): Promise<{ name: string; body: string }> {
  const original = HTMLAnchorElement.prototype.click;
  let link: HTMLAnchorElement | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the link the helper clicked is what the test reads
    link = this;
  };
  try {
    run();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  if (!link) throw new Error('no download was offered');
  return { name: link.download, body: await (await fetch(link.href)).text() };
}

describe('downloadExport', () => {
  it('offers the whole export as JSON', async () => {
    const file = await offered(() => downloadExport(data, 'json', 'results', 'en'));
    expect(file.name).to.equal('day-themes.json');
    expect(JSON.parse(file.body)).to.deep.equal(data);
  });

  it('offers one table as CSV, with semicolons for Finnish and Swedish and commas for English', async () => {
    const finnish = await offered(() => downloadExport(data, 'csv', 'results', 'fi'));
    expect(finnish.name).to.equal('day-themes-results.csv');
    expect(finnish.body.replace(/^\uFEFF/, '').split('\r\n')[0]).to.equal('idea;text;score');
    const english = await offered(() => downloadExport(data, 'csv', 'results', 'en'));
    expect(english.body.replace(/^\uFEFF/, '').split('\r\n')[0]).to.equal('idea,text,score');
  });
});
