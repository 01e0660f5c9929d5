import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './csv.js';

test('CSV: BOM, header from the rows, CRLF, quoting and formula protection', () => {
  const csv = toCsv([
    { idea: 'i1', text: 'Lisää "liikuntaa", myös talvella', score: 71.5 },
    { idea: 'i2', text: '=HYPERLINK("x")', score: null },
    { idea: 'i3', text: 'rivi\ntoinen', ok: true },
  ]);
  assert.ok(csv.startsWith('\uFEFF'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'idea,text,score,ok');
  assert.equal(lines[1], 'i1,"Lisää ""liikuntaa"", myös talvella",71.5,');
  assert.equal(lines[2], `i2,"'=HYPERLINK(""x"")",,`);
  assert.equal(lines[3], 'i3,"rivi\ntoinen",,true', 'a line break inside a quoted field is kept');
});

test('CSV: a negative number stays a number, a text starting with minus is protected', () => {
  const csv = toCsv([{ a: -3, b: '-3' }]);
  assert.equal(csv.slice(1).split('\r\n')[1], "-3,'-3");
});

test('CSV: semicolons and decimal commas for Finnish and Swedish spreadsheets', () => {
  const csv = toCsv([{ idea: 'Tukea; ja aikaa', score: 71.5, ranked: true }], { delimiter: ';' });
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'idea;score;ranked');
  assert.equal(lines[1], '"Tukea; ja aikaa";"71,5";true');
});

test('CSV for a person: column titles, value texts, yes and no, local date-times a spreadsheet reads as dates', async () => {
  const { localDateTime } = await import('./csv.js');
  const labels = {
    columns: { idea: 'Idea', status: 'Tila', createdAt: 'Lähetetty', ranked: 'Sijoitettu' },
    values: { status: { hidden: 'Piilotettu' } },
    yes: 'kyllä',
    no: 'ei',
  };
  const rows = [
    { idea: 'i1', status: 'hidden', createdAt: '2026-11-27T12:05:09.000Z', ranked: true, score: 61.5 },
    { idea: 'i2', status: 'merged', createdAt: '2026-07-01T21:30:00.000Z', ranked: false, score: null },
  ];
  const lines = toCsv(rows, { delimiter: ';', labels, timeZone: 'Europe/Helsinki' }).slice(1).split('\r\n');
  assert.equal(lines[0], 'Idea;Tila;Lähetetty;Sijoitettu;score', 'a column without a title keeps its key');
  // Helsinki is UTC+2 in November and UTC+3 in July (past midnight: the next day).
  assert.equal(lines[1], 'i1;Piilotettu;2026-11-27 14:05;kyllä;"61,5"');
  assert.equal(lines[2], 'i2;merged;2026-07-02 00:30;ei;', 'a value without a text stays as it is');
  assert.equal(localDateTime('2026-11-27T12:05:00Z', 'America/New_York'), '2026-11-27 07:05');
  // Without labels the export's own keys and values: for programs.
  assert.equal(toCsv(rows.slice(0, 1)).slice(1).split('\r\n')[1], 'i1,hidden,2026-11-27T12:05:09.000Z,true,61.5');
});

test('CSV for a person: a value text for every column (`anyColumn`), after the column\'s own', () => {
  const labels = { values: { q1: { __na__: 'ei koske tätä kysymystä' } }, anyColumn: { __na__: 'en osaa sanoa' }, yes: 'kyllä', no: 'ei' };
  const rows = [{ q1: '__na__', q2: '__na__', q3: '=__na__', q4: '__NA__' }];
  const lines = toCsv(rows, { delimiter: ';', labels }).slice(1).split('\r\n');
  assert.equal(lines[1], 'ei koske tätä kysymystä;en osaa sanoa;\'=__na__;__NA__', 'the column\'s own text wins; other values stay (and are neutralised)');
  assert.equal(toCsv(rows).slice(1).split('\r\n')[1], '__na__,__na__,\'=__na__,__NA__', 'without labels the values stay');
  // A translated text that looks like a formula is neutralised too.
  assert.equal(toCsv([{ q: '__na__' }], { labels: { anyColumn: { __na__: '-' }, yes: 'y', no: 'n' } }).slice(1).split('\r\n')[1], "'-");
});
