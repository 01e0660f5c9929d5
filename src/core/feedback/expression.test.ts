import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkForm, evaluate, ExpressionError, parseExpression, referencedNames, type Values } from './expression.js';
import { NOT_APPLICABLE, type FormDefinition } from './feedback.view.js';

const NAMES = ['q4', 'role', 'topics', 'name', 'agree', 'constructor', 'toString'];
const holds = (source: string, values: Values): boolean => evaluate(parseExpression(source, NAMES), values);

/** The error an expression raises: its kind, position and message. */
function failure(source: string, names: Iterable<string> | undefined = NAMES): { kind: string; position: number; message: string } {
  try {
    parseExpression(source, names);
  } catch (error) {
    assert.ok(error instanceof ExpressionError, `expected an ExpressionError, got ${String(error)}`);
    return { kind: error.kind, position: error.position, message: error.message };
  }
  assert.fail(`"${source}" parsed`);
}

describe('expressions: parsing', () => {
  test('the example from the issue parses into a tree of the allowed operators', () => {
    const tree = parseExpression("{q4} <= 2 and {role} anyof ['teacher']", NAMES);
    assert.equal(tree.type, 'binary');
    assert.equal(tree.type === 'binary' && tree.operator, 'and');
    assert.deepEqual(referencedNames(tree), ['q4', 'role']);
  });

  test('keywords are case-insensitive and have their word forms, as in SurveyJS', () => {
    assert.equal(holds('{q4} LessOrEqual 2 AND {role} = "teacher"', { q4: 2, role: 'teacher' }), true);
    assert.equal(holds('{q4} greater 2 Or {q4} notequal 1', { q4: 1 }), false);
    assert.equal(holds('{q4} <> 1 && {q4} == 3 || false', { q4: 3 }), true);
  });

  test('a syntax error names its position', () => {
    assert.deepEqual(failure('{q4} <= '), { kind: 'syntax', position: 8, message: 'Expected a value, found the end of the expression.' });
    assert.equal(failure('{q4} = 2 {role}').position, 9);
    assert.equal(failure("{role} = 'teacher").position, 9, 'an unclosed text, at its opening quote');
    assert.equal(failure('({q4} = 2').position, 9, 'a missing ")", at the end');
    assert.equal(failure('{q4 = 2').position, 0, 'an unclosed "{"');
    assert.equal(failure('{q4} = 2 ; 1').position, 9);
    assert.equal(failure('{q4} < 2 < 3').position, 9, 'comparisons do not chain');
    assert.equal(failure("{role} anyof ['a' 'b']").position, 18);
    assert.equal(failure('teacher = {role}').position, 0, 'a bare word');
    assert.equal(failure('{} = 1').position, 0);
  });

  test('an unknown name is reported with its position', () => {
    assert.deepEqual(failure('{q4} = 1 or {q5} = 2'), { kind: 'unknownName', position: 12, message: 'There is no question named "q5".' });
    assert.equal(failure('{Q4} = 1').kind, 'unknownName', 'names are matched exactly');
    assert.equal(parseExpression('{anything} = 1').type, 'binary', 'without known names, any name parses');
  });

  test('arithmetic, functions and the ternary are refused as unsupported, with their position', () => {
    assert.deepEqual(failure('{q4} + 1 > 2'), { kind: 'unsupported', position: 5, message: 'The operator "+" is not supported.' });
    assert.deepEqual(failure("iif({q4} > 1, 'a', 'b')"), { kind: 'unsupported', position: 0, message: 'The function "iif" is not supported.' });
    assert.equal(failure('age({q4}) > 18').kind, 'unsupported');
    assert.equal(failure('{q4} * 2 = 4').position, 5);
    assert.equal(failure('{q4} > 1 ? 1 : 2').position, 9);
    assert.equal(failure('{q4} / 2').kind, 'unsupported');
    assert.equal(failure('{q4} = 1 - 2').position, 9);
  });

  test('a negative number is a value; a long or deeply nested expression is refused', () => {
    assert.equal(holds('{q4} > -1', { q4: 0 }), true);
    assert.equal(failure('('.repeat(50) + '{q4}' + ')'.repeat(50)).message, 'The expression is nested too deeply.');
    assert.equal(failure(`{q4} = '${'x'.repeat(3000)}'`).position, 2000);
  });
});

describe('expressions: evaluation', () => {
  test('comparisons treat numbers and numeric text alike, and an empty answer compares false', () => {
    assert.equal(holds('{q4} <= 2', { q4: 2 }), true);
    assert.equal(holds('{q4} <= 2', { q4: 3 }), false);
    assert.equal(holds("{q4} = '2'", { q4: 2 }), true);
    assert.equal(holds('{q4} <= 2', {}), false, 'no answer is not ≤ 2');
    assert.equal(holds('{q4} > 2', {}), false);
    assert.equal(holds('{q4} != 2', {}), true);
    assert.equal(holds("{name} < 'b'", { name: 'anna' }), true, 'texts compare as texts');
  });

  test('true and false match the values of a yes/no question', () => {
    assert.equal(holds('{agree} = true', { agree: 'true' }), true);
    assert.equal(holds('{agree} = false', { agree: 'true' }), false);
    assert.equal(holds('{agree}', { agree: 'yes' }), true);
  });

  test('anyof, allof, contains and notcontains on choices and texts', () => {
    const topics = { topics: ['ai', 'math'] };
    assert.equal(holds("{topics} anyof ['ai', 'art']", topics), true);
    assert.equal(holds("{topics} anyof ['art']", topics), false);
    assert.equal(holds("{topics} allof ['ai', 'math']", topics), true);
    assert.equal(holds("{topics} allof ['ai', 'art']", topics), false);
    assert.equal(holds("{topics} contains 'ai'", topics), true);
    assert.equal(holds("{topics} notcontains 'ai'", topics), false);
    assert.equal(holds("{role} anyof ['teacher', 'principal']", { role: 'teacher' }), true, 'a single answer against a list');
    assert.equal(holds("{name} contains 'NN'", { name: 'Anna' }), true, 'text contains, case-insensitively');
    assert.equal(holds("{topics} = ['math', 'ai']", topics), true, 'lists are equal in any order');
    assert.equal(holds("{topics} anyof ['ai']", {}), false);
  });

  test('empty and notempty; not and !; parentheses', () => {
    assert.equal(holds('{name} empty', {}), true);
    assert.equal(holds('{name} empty', { name: '' }), true);
    assert.equal(holds('{topics} empty', { topics: [] }), true);
    assert.equal(holds('{name} notempty', { name: 'x' }), true);
    assert.equal(holds('not {name} empty', { name: 'x' }), true);
    assert.equal(holds('!({q4} = 1 or {q4} = 2)', { q4: 3 }), true);
    assert.equal(holds('({q4} = 1 or {q4} = 2) and {role} notempty', { q4: 2 }), false);
  });

  test('"not applicable" counts as no answer', () => {
    assert.equal(holds('{q4} empty', { q4: NOT_APPLICABLE }), true);
    assert.equal(holds("{q4} = '__na__'", { q4: NOT_APPLICABLE }), false);
  });

  test('nothing is run as code, and names never reach a prototype', () => {
    const values = JSON.parse('{"__proto__": {"polluted": 1}, "q4": 1}') as Values;
    assert.equal(holds('{constructor} notempty', {}), false, '{constructor} is not Object');
    assert.equal(holds('{toString} empty', {}), true, '{toString} is not a function');
    assert.equal(holds('{constructor} empty', values), true);
    assert.equal(failure('{__proto__} notempty').kind, 'unknownName');
    assert.equal(evaluate(parseExpression('{__proto__} notempty'), values), false, 'an own "__proto__" is not a value a name may read');
    assert.equal(evaluate(parseExpression('{polluted} = 1'), values), false);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was touched');
    // Code in a text stays a text.
    assert.equal(holds("{name} = 'process.exit(1)'", { name: 'process.exit(1)' }), true);
    assert.equal(failure('{q4}; process.exit(1)').position, 4);
    assert.equal(failure('constructor.constructor("return 1")()').kind, 'syntax');
  });
});

describe('checkForm', () => {
  const form = (questions: unknown[], extra: Record<string, unknown> = {}): FormDefinition => ({ sections: [{ id: 's1', questions, ...extra }] }) as FormDefinition;

  test('a sound form has no problems', () => {
    assert.deepEqual(
      checkForm(
        form([
          { name: 'role', type: 'single', title: 'Role', choices: [{ value: 'teacher', label: 'Teacher' }, { value: 'other', label: 'Other' }] },
          { name: 'q4', type: 'scale', title: 'Useful?', min: 1, max: 5, visibleIf: "{role} anyof ['teacher']" },
          { name: 'why', type: 'longText', title: 'Why?', requiredIf: '{q4} <= 2' },
        ]),
      ),
      [],
    );
  });

  test('every problem is reported by its path, conditions with their position', () => {
    const problems = checkForm(
      form(
        [
          { name: 'q1', type: 'scale', title: 'A', min: 5, max: 1 },
          { name: 'q1', type: 'single', title: 'B', choices: [] },
          { name: '1bad', type: 'text', title: 'C' },
          { name: 'q3', type: 'multiple', title: 'D', choices: [{ value: 'a', label: 'A' }, { value: 'a', label: 'A2' }], minSelected: 3 },
          { name: 'q4', type: 'text', title: 'E', visibleIf: '{q1} = 1 and {nope} = 2' },
          { name: 'q5', type: 'nps', title: 'F', min: 1, requiredIf: '{q1} + 1' },
          { name: 'q6', type: 'ranking', title: 'G', choices: [{ value: '__na__', label: 'x' }] },
        ],
        { visibleIf: '{q1} =' },
      ),
    );
    assert.deepEqual(problems, [
      { path: 'form.sections[0].visibleIf', message: 'Expected a value, found the end of the expression.', reason: { code: 'expression', expression: { code: 'expected', expected: 'value' } }, position: 6 },
      { path: 'form.sections[0].questions[0].max', message: 'The scale’s maximum (1) must be above its minimum (5).', reason: { code: 'scaleOrder', min: 5, max: 1 } },
      { path: 'form.sections[0].questions[1].name', message: 'Two questions have the name "q1".', reason: { code: 'duplicateName', name: 'q1' } },
      { path: 'form.sections[0].questions[1].choices', message: 'A single question needs at least 1 choice.', reason: { code: 'tooFewChoices', min: 1 } },
      { path: 'form.sections[0].questions[2].name', message: 'The name "1bad" must start with a letter and hold only letters, digits, - and _ (at most 64).', reason: { code: 'badName', name: '1bad' } },
      { path: 'form.sections[0].questions[3].choices[1].value', message: 'Two choices have the value "a".', reason: { code: 'duplicateChoiceValue', value: 'a' } },
      { path: 'form.sections[0].questions[3].minSelected', message: 'minSelected must be a whole number from 0 to the number of choices (2).', reason: { code: 'selectionLimit', field: 'minSelected', min: 0, max: 2 } },
      { path: 'form.sections[0].questions[4].visibleIf', message: 'There is no question named "nope".', reason: { code: 'expression', expression: { code: 'unknownName', name: 'nope' } }, position: 13 },
      { path: 'form.sections[0].questions[5].min', message: 'An nps question is always 0 to 10: leave out min and max.', reason: { code: 'npsRange' } },
      { path: 'form.sections[0].questions[5].requiredIf', message: 'The operator "+" is not supported.', reason: { code: 'expression', expression: { code: 'unsupportedOperator', operator: '+' } }, position: 5 },
      { path: 'form.sections[0].questions[6].choices', message: 'A ranking question needs at least 2 choices.', reason: { code: 'tooFewChoices', min: 2 } },
      { path: 'form.sections[0].questions[6].choices[0].value', message: 'The choice value "__na__" may not start with "__" (reserved).', reason: { code: 'reservedChoiceValue', value: '__na__' } },
    ]);
  });

  test('a form without questions, fields of another type and an unknown type are problems', () => {
    assert.deepEqual(checkForm({ sections: [] }), [{ path: 'form.sections', message: 'The form has no sections.', reason: { code: 'noSections' } }]);
    assert.deepEqual(checkForm(form([])), [{ path: 'form.sections', message: 'The form has no questions.', reason: { code: 'noQuestions' } }]);
    assert.deepEqual(
      checkForm(form([{ name: 'a', type: 'text', title: 'A', choices: [], display: 'stars', maxSelected: 2, minLabel: 'x' }, { name: 'b', type: 'slider', title: 'B' }])).map((problem) => problem.path),
      ['form.sections[0].questions[0].choices', 'form.sections[0].questions[0].display', 'form.sections[0].questions[0].minLabel', 'form.sections[0].questions[0].maxSelected', 'form.sections[0].questions[1].type'],
    );
    assert.deepEqual(
      checkForm(form([{ name: 'a', type: 'text', title: 'A', display: 'stars' }, { name: 'b', type: 'slider', title: '' }])).map((problem) => problem.reason),
      [{ code: 'notTaken', field: 'display', type: 'text' }, { code: 'unknownType', type: 'slider' }, { code: 'noTitle' }],
    );
  });

  test('every syntax error of a condition has a reason code with its data, for a message in any language', () => {
    const reasonOf = (source: string) => {
      try {
        parseExpression(source, NAMES);
      } catch (error) {
        assert.ok(error instanceof ExpressionError);
        return error.reason;
      }
      return assert.fail(`"${source}" parsed`);
    };
    assert.deepEqual(reasonOf('{q4 = 1'), { code: 'unclosedName' });
    assert.deepEqual(reasonOf('{ } = 1'), { code: 'emptyName' });
    assert.deepEqual(reasonOf("{q4} = 'a"), { code: 'unclosedText' });
    assert.deepEqual(reasonOf('{q4} # 1'), { code: 'unexpectedCharacter', character: '#' });
    assert.deepEqual(reasonOf('{q4} = 1 2'), { code: 'expected', expected: 'operator', found: '2' });
    assert.deepEqual(reasonOf('({q4} = 1'), { code: 'expected', expected: 'closeParen' });
    assert.deepEqual(reasonOf("{q4} anyof ['a' 'b']"), { code: 'expected', expected: 'listSeparator', found: "'b'" });
    assert.deepEqual(reasonOf('1 < {q4} < 3'), { code: 'chained' });
    assert.deepEqual(reasonOf('iif({q4}, 1, 2)'), { code: 'unsupportedFunction', name: 'iif' });
    assert.deepEqual(reasonOf('and {q4}'), { code: 'valueBefore', word: 'and' });
    assert.deepEqual(reasonOf('teacher = 1'), { code: 'unknownWord', word: 'teacher' });
    assert.deepEqual(reasonOf('('.repeat(50) + '1' + ')'.repeat(50)), { code: 'tooDeep' });
    assert.deepEqual(reasonOf(`{q4} = '${'x'.repeat(2001)}'`), { code: 'tooLong', max: 2000 });
  });
});

describe('expressions: any input', () => {
  test('parsing anything either gives a tree that evaluates to a boolean or throws an ExpressionError with a position inside the text', () => {
    const pieces = ['{q4}', '{role}', '{x}', ' ', '(', ')', '[', ']', ',', "'a'", '"b"', '1', '-', '+', '=', '!', '<', '>', 'and', 'or', 'not', 'anyof', 'allof', 'contains', 'empty', 'notempty', 'true', 'iif', '{', '}', "'", '\\', '?', ':'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.dictionary(fc.constantFrom('q4', 'role', 'x'), fc.oneof(fc.integer(), fc.string(), fc.array(fc.string()))), (parts, values) => {
        const source = parts.join('');
        let tree;
        try {
          tree = parseExpression(source, NAMES);
        } catch (error) {
          assert.ok(error instanceof ExpressionError, String(error));
          assert.ok(error.position >= 0 && error.position <= source.length);
          return;
        }
        assert.equal(typeof evaluate(tree, values), 'boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
