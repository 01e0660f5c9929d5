/** Hostile input that the core refuses for every back end, naming the field. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OsaError } from './errors.js';
import { assertStorable, prepareEvent } from './event-setup.js';
import { createRandom } from './ranking/random.js';
import { assertValid, fieldKey, FIELD_KEY_LIMIT } from './validate.js';

function refusal(fn: () => unknown): OsaError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof OsaError, `expected an OsaError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a refusal');
}

const nested = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
const definition = (extra: Record<string, unknown> = {}) => ({ id: 'e', title: 'T', activities: [{ id: 'b', kind: 'board' }], ...extra });
const prepare = (input: unknown) => prepareEvent(input, { now: 0, random: createRandom(1), newParticipantId: () => 'p_1' });

describe('storable input', () => {
  test('a lone UTF-16 surrogate is refused naming the field; a pair (an emoji) is text', () => {
    for (const text of ['\ud800', 'a\udfffb', 'loppuun \ud83d']) {
      const error = refusal(() => assertStorable({ text }));
      assert.equal(error.code, 'invalid');
      assert.equal(error.field, 'text');
      assert.equal(error.reason?.kind, 'notAllowed');
    }
    assertStorable({ text: 'pyöräily 🚲 ja 👨‍👩‍👧' });
    assert.equal(refusal(() => assertStorable({ options: [{ ['\udc00']: 1 }] })).field, 'options.0.\udc00', 'keys too');
    assert.equal(refusal(() => prepare(definition({ title: { fi: 'hei\ud800' } }))).field, 'title.fi');
  });

  test('a definition nested thousands deep is refused, not a stack overflow', () => {
    for (const at of ['title', 'seed', 'unknown']) {
      const error = refusal(() => prepare(definition({ [at]: nested(2_000) })));
      assert.equal(error.code, 'invalid');
      assert.match(error.message, /nested too deeply/);
      assert.ok(error.field?.startsWith(`${at}.a.`), error.field);
    }
  });

  test('errors repeat at most FIELD_KEY_LIMIT characters of a key', () => {
    const long = 'k'.repeat(100_000);
    const error = refusal(() => assertValid({ type: 'object', properties: {}, additionalProperties: false }, { [long]: 1 }, 'payload'));
    assert.equal(error.field, `payload.${'k'.repeat(FIELD_KEY_LIMIT)}…`);
    assert.ok(error.message.length < 100, error.message);
    assert.equal(refusal(() => assertStorable({ [long]: 'nul\u0000' })).field, `${'k'.repeat(FIELD_KEY_LIMIT)}…`);
    assert.equal(fieldKey('options'), 'options');
    assert.equal(fieldKey(12), '12');
    assert.equal(fieldKey('🚲'.repeat(FIELD_KEY_LIMIT)), '🚲'.repeat(FIELD_KEY_LIMIT), 'counted in characters, not UTF-16 units');
    assert.equal(fieldKey('🚲'.repeat(FIELD_KEY_LIMIT + 1)), `${'🚲'.repeat(FIELD_KEY_LIMIT)}…`);
  });
});
