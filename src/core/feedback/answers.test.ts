import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OsaError } from '../errors.js';
import { checkAnswers, tidyAnswerText, validateAnswers } from './answers.js';
import { NOT_APPLICABLE } from './feedback.view.js';
import { EVERY_TYPE } from './fixtures/forms.js';

const BASE = { role: 'other', useful: 4 };

/** The problems of a response as `question:reason[:limit]`. */
const problems = (answers: unknown): string[] =>
  checkAnswers(EVERY_TYPE, answers).problems.map(({ question, reason }) => ['limit' in reason ? `${question}:${reason.kind}:${reason.limit}` : `${question}:${reason.kind}`].join(''));

describe('answers: every question type', () => {
  test('a complete, valid response is kept as sent', () => {
    const answers = { role: 'teacher', useful: 5, recommend: 9, topics: ['ai', 'art'], order: ['panel', 'keynote', 'workshop'], nickname: 'Ana', subject: 'Maths' };
    assert.deepEqual(checkAnswers(EVERY_TYPE, answers), { answers, problems: [] });
  });

  test('required questions need an answer; others may be left out', () => {
    assert.deepEqual(problems({}), ['role:required', 'useful:required']);
    assert.deepEqual(problems(BASE), []);
    assert.deepEqual(problems({ role: '', useful: 3 }), ['role:required'], 'an empty choice is no answer');
  });

  test('scale: whole numbers within its range; nps: 0 to 10', () => {
    assert.deepEqual(problems({ ...BASE, useful: 0 }), ['useful:tooSmall:1']);
    assert.deepEqual(problems({ ...BASE, useful: 6 }), ['useful:tooLarge:5']);
    assert.deepEqual(problems({ ...BASE, useful: 3.5 }), ['useful:wrongType']);
    assert.deepEqual(problems({ ...BASE, useful: '3' }), ['useful:wrongType'], 'a number as text is refused');
    assert.deepEqual(problems({ ...BASE, recommend: 0 }), []);
    assert.deepEqual(problems({ ...BASE, recommend: 10 }), []);
    assert.deepEqual(problems({ ...BASE, recommend: 11 }), ['recommend:tooLarge:10']);
    assert.deepEqual(problems({ ...BASE, recommend: -1 }), ['recommend:tooSmall:0']);
    assert.deepEqual(problems({ ...BASE, recommend: Number.NaN }), ['recommend:wrongType']);
  });

  test('single: one of its choices', () => {
    assert.deepEqual(problems({ ...BASE, role: 'janitor' }), ['role:notAllowed']);
    assert.deepEqual(problems({ ...BASE, role: ['teacher'] }), ['role:wrongType']);
  });

  test('multiple: known choices, each once, within minSelected and maxSelected', () => {
    assert.deepEqual(problems({ ...BASE, topics: ['ai'] }), []);
    assert.deepEqual(problems({ ...BASE, topics: ['ai', 'math', 'art'] }), ['topics:tooMany:2']);
    assert.deepEqual(problems({ ...BASE, topics: ['ai', 'ai'] }), ['topics:notAllowed']);
    assert.deepEqual(problems({ ...BASE, topics: ['cooking'] }), ['topics:notAllowed']);
    assert.deepEqual(problems({ ...BASE, topics: 'ai' }), ['topics:wrongType']);
    assert.deepEqual(problems({ ...BASE, topics: [] }), [], 'nothing chosen is no answer (the question is optional)');
    const atLeastTwo = { sections: [{ id: 's', questions: [{ name: 'm', type: 'multiple' as const, title: 'M', minSelected: 2, choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }] }] };
    assert.deepEqual(checkAnswers(atLeastTwo, { m: ['a'] }).problems.map((problem) => problem.reason), [{ kind: 'tooSmall', limit: 2 }]);
  });

  test('ranking: every choice exactly once, best first', () => {
    assert.deepEqual(problems({ ...BASE, order: ['workshop', 'panel', 'keynote'] }), []);
    assert.deepEqual(problems({ ...BASE, order: ['workshop', 'panel'] }), ['order:notAllowed'], 'a partial ranking');
    assert.deepEqual(problems({ ...BASE, order: ['workshop', 'panel', 'panel'] }), ['order:notAllowed']);
    assert.deepEqual(problems({ ...BASE, order: ['workshop', 'panel', 'lunch'] }), ['order:notAllowed']);
    assert.deepEqual(problems({ ...BASE, order: NOT_APPLICABLE }), ['order:notAllowed'], 'a ranking offers no "not applicable"');
  });

  test('text and longText: at most maxLength characters (code points), tidied', () => {
    assert.deepEqual(problems({ ...BASE, nickname: 'x'.repeat(11) }), ['nickname:tooLong:10']);
    assert.deepEqual(problems({ ...BASE, nickname: '😀'.repeat(10) }), [], 'an emoji is one character');
    assert.deepEqual(checkAnswers(EVERY_TYPE, { ...BASE, nickname: '  Ana \u202E  ' }).answers.nickname, 'Ana');
    assert.equal(Object.hasOwn(checkAnswers(EVERY_TYPE, { ...BASE, nickname: '   ' }).answers, 'nickname'), false, 'blank text is no answer');
    const long = { ...BASE, useful: 1, why: 'Line one\r\n\r\n\r\n  line\ttwo  ' };
    assert.equal(checkAnswers(EVERY_TYPE, long).answers.why, 'Line one\n\nline two', 'a long text keeps its line breaks');
    assert.deepEqual(problems({ ...BASE, useful: 1, why: 'x'.repeat(2001) }), ['why:tooLong:2000'], 'longText defaults to 2000');
    assert.deepEqual(problems({ ...BASE, nickname: 42 }), ['nickname:wrongType']);
    assert.equal(tidyAnswerText('a\u0000b\u0007c', false), 'abc');
  });

  test('"not applicable" only where the question offers it, and it satisfies required', () => {
    assert.deepEqual(problems({ role: 'other', useful: NOT_APPLICABLE }), []);
    assert.deepEqual(problems({ ...BASE, recommend: NOT_APPLICABLE }), ['recommend:notAllowed']);
  });
});

describe('answers: with the conditions', () => {
  test('answers to hidden questions are dropped, never refused', () => {
    const { answers, problems: found } = checkAnswers(EVERY_TYPE, { ...BASE, useful: 5, why: 'x'.repeat(5000), subject: 42 });
    assert.deepEqual(found, []);
    assert.deepEqual(answers, { ...BASE, useful: 5 });
  });

  test('requiredIf is enforced while the question shows', () => {
    assert.deepEqual(problems({ role: 'teacher', useful: 2 }), ['why:required']);
    assert.deepEqual(problems({ role: 'other', useful: 2 }), []);
  });

  test('an answer of the wrong type does not open a condition', () => {
    assert.deepEqual(problems({ role: 'teacher', useful: '1' }), ['useful:wrongType'], '"why" stays hidden: "1" is not a scale answer');
  });

  test('unknown questions are refused, and their names are not echoed at length', () => {
    assert.deepEqual(problems({ ...BASE, colour: 'red' }), ['colour:unknownField']);
    const long = 'x'.repeat(500);
    assert.equal(checkAnswers(EVERY_TYPE, { ...BASE, [long]: 1 }).problems[0].question.length, 41);
    assert.deepEqual(problems(JSON.parse('{"role":"other","useful":3,"__proto__":{"x":1}}')), ['__proto__:unknownField']);
    assert.deepEqual(problems([]), [':wrongType']);
    assert.deepEqual(problems(null), [':wrongType']);
  });

  test('validateAnswers throws an invalid error naming the question, for the element to show', () => {
    assert.deepEqual(validateAnswers(EVERY_TYPE, { ...BASE, nickname: ' Bo ' }), { ...BASE, nickname: 'Bo' });
    assert.throws(
      () => validateAnswers(EVERY_TYPE, { role: 'teacher', useful: 9 }),
      (error: unknown) => error instanceof OsaError && error.code === 'invalid' && error.field === 'useful' && error.reason?.kind === 'tooLarge',
    );
    assert.throws(
      () => validateAnswers(EVERY_TYPE, 'nope'),
      (error: unknown) => error instanceof OsaError && error.field === 'answers',
    );
  });
});

describe('answers: any input', () => {
  test('checking anything never throws: it gives answers of the right shape for visible questions, or problems', () => {
    const value = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.string({ maxLength: 12 }), fc.constantFrom('teacher', 'ai', 'panel', NOT_APPLICABLE, null, true), fc.array(fc.constantFrom('ai', 'math', 'art', 'keynote', 'panel', 'workshop', 'x'), { maxLength: 4 }));
    const names = fc.constantFrom('role', 'useful', 'recommend', 'topics', 'order', 'nickname', 'why', 'subject', 'other', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.dictionary(names, value), (answers) => {
        const { answers: kept, problems: found } = checkAnswers(EVERY_TYPE, answers);
        if (found.length > 0) return;
        for (const [name, answer] of Object.entries(kept)) {
          assert.ok(typeof answer === 'number' || typeof answer === 'string' || Array.isArray(answer), `${name}: ${String(answer)}`);
        }
        assert.deepEqual(checkAnswers(EVERY_TYPE, kept), { answers: kept, problems: [] }, 'what is kept checks again unchanged');
      }),
      { numRuns: 1000 },
    );
  });
});
