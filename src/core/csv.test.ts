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
