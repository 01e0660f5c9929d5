import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionState, isQuestionRequired, isQuestionVisible } from './conditions.js';
import type { FormDefinition } from './feedback.view.js';
import { NOT_APPLICABLE } from './feedback.view.js';
import { EVERY_TYPE } from './fixtures/forms.js';

const sorted = (set: Set<string>) => [...set].sort();

describe('conditions', () => {
  test('visibleIf shows a question only when its condition holds; requiredIf makes it required', () => {
    assert.equal(isQuestionVisible(EVERY_TYPE, 'why', { useful: 4 }), false);
    assert.equal(isQuestionVisible(EVERY_TYPE, 'why', { useful: 2 }), true);
    assert.equal(isQuestionRequired(EVERY_TYPE, 'why', { useful: 2, role: 'other' }), false);
    assert.equal(isQuestionRequired(EVERY_TYPE, 'why', { useful: 2, role: 'teacher' }), true);
    assert.equal(isQuestionRequired(EVERY_TYPE, 'why', { useful: 5, role: 'teacher' }), false, 'a hidden question is never required');
    assert.equal(isQuestionVisible(EVERY_TYPE, 'why', { useful: NOT_APPLICABLE }), false, '"not applicable" is no answer, not ≤ 2');
  });

  test('a section\'s condition hides every question in it', () => {
    const hidden = conditionState(EVERY_TYPE, { role: 'other', subject: 'math' });
    assert.deepEqual(sorted(hidden.sections), ['about']);
    assert.equal(hidden.visible.has('subject'), false);
    assert.equal(Object.hasOwn(hidden.values, 'subject'), false, 'a hidden question\'s answer is dropped');
    const shown = conditionState(EVERY_TYPE, { role: 'principal', subject: 'math' });
    assert.deepEqual(sorted(shown.sections), ['about', 'school']);
    assert.equal(shown.values.subject, 'math');
  });

  test('required lists the visible required questions', () => {
    assert.deepEqual(sorted(conditionState(EVERY_TYPE, {}).required), ['role', 'useful']);
  });

  test('a hidden question\'s answer does not count in other conditions (chains settle)', () => {
    const chain: FormDefinition = {
      sections: [
        {
          id: 's',
          questions: [
            { name: 'a', type: 'single', title: 'A', choices: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
            { name: 'b', type: 'single', title: 'B', visibleIf: "{a} = 'yes'", choices: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
            { name: 'c', type: 'text', title: 'C', visibleIf: "{b} = 'yes'" },
          ],
        },
      ],
    };
    assert.deepEqual(sorted(conditionState(chain, { a: 'yes', b: 'yes', c: 'x' }).visible), ['a', 'b', 'c']);
    const state = conditionState(chain, { a: 'no', b: 'yes', c: 'x' });
    assert.deepEqual(sorted(state.visible), ['a'], 'b is hidden, so its stale "yes" does not show c');
    assert.deepEqual(state.values, { a: 'no' });
  });

  test('conditions that refer to each other in a circle end', () => {
    const circle: FormDefinition = {
      sections: [
        {
          id: 's',
          questions: [
            { name: 'a', type: 'text', title: 'A', visibleIf: '{b} empty' },
            { name: 'b', type: 'text', title: 'B', visibleIf: '{a} empty' },
          ],
        },
      ],
    };
    const state = conditionState(circle, { a: 'x', b: 'y' });
    assert.ok(Object.keys(state.values).every((name) => state.visible.has(name)), 'only visible questions keep their answers');
    assert.deepEqual(conditionState(circle, { a: 'x', b: 'y' }), state, 'the same answers give the same result');
    assert.deepEqual(sorted(conditionState(circle, { a: 'x' }).visible), ['a'], 'without the circle\'s second answer it settles');
  });

  test('a condition that does not parse (an unchecked form) shows the question and does not require it', () => {
    const broken: FormDefinition = { sections: [{ id: 's', questions: [{ name: 'a', type: 'text', title: 'A', visibleIf: '{a} +', requiredIf: 'nope(' }] }] };
    const state = conditionState(broken, {});
    assert.deepEqual(sorted(state.visible), ['a']);
    assert.deepEqual(sorted(state.required), []);
  });
});
