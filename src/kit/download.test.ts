import { expect } from '@open-wc/testing';
import type { ActivityExport } from '../core/protocol.js';
import { downloadExport } from './download.js';
import { offeredFile as offered } from '../test-support/download.js';

const data: ActivityExport = {
  eventId: 'day',
  activity: 'themes',
  kind: 'board',
  exportedAt: '2026-11-27T10:00:00.000Z',
  tables: { results: [{ idea: 'i1', text: 'Pyöräteitä', score: 61.5 }], votes: [] },
};


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

describe('downloadExport in the user\'s language', () => {
  const votes: ActivityExport = {
    ...data,
    tables: {
      votes: [{ participant: 'p1', a: 'i1', aText: 'Pyöräteitä', b: 'i2', bText: 'Lisää liikuntaa', choice: 'tie' }],
      ideas: [{ idea: 'i1', text: 'Pyöräteitä', status: 'hidden', createdAt: '2026-11-27T12:05:09.000Z', ranked: true }],
    },
  };
  const labels = {
    columns: { participant: 'Osallistuja', aText: 'Idea A', bText: 'Idea B', choice: 'Valinta', createdAt: 'Lähetetty', ranked: 'Järjestyksessä' },
    values: { choice: { tie: 'En osaa sanoa' }, status: { hidden: 'Piilotettu' } },
    yes: 'kyllä',
    no: 'ei',
  };

  it('names the columns and values as the element gives them, says yes and no in words, and writes local date-times', async () => {
    const file = await offered(() => downloadExport(votes, 'csv', 'votes', 'fi', { labels }));
    const lines = file.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.equal('Osallistuja;a;Idea A;b;Idea B;Valinta');
    expect(lines[1]).to.equal('p1;i1;Pyöräteitä;i2;Lisää liikuntaa;En osaa sanoa');
    const ideas = (await offered(() => downloadExport(votes, 'csv', 'ideas', 'fi', { labels, timeZone: 'Europe/Helsinki' }))).body.split('\r\n');
    expect(ideas[1]).to.equal('i1;Pyöräteitä;Piilotettu;2026-11-27 14:05;kyllä');
  });

  it('keeps the JSON machine-readable whatever the language', async () => {
    const file = await offered(() => downloadExport(votes, 'json', 'votes', 'fi', { labels }));
    expect(JSON.parse(file.body)).to.deep.equal(votes);
  });
});
