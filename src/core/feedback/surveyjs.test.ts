import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createActivity } from '../activity.js';
import { OsaError } from '../errors.js';
import { checkForm } from './expression.js';
import { allQuestions, questionNamed } from './feedback.view.js';
import { feedbackKind } from './feedback.js';
import { importSurveyJs, type SurveyJsImport } from './surveyjs.js';

const fixture = (name: string): SurveyJsImport => importSurveyJs(readFileSync(new URL(`./fixtures/surveyjs-${name}.json`, import.meta.url), 'utf8'));
const FIXTURES = ['conference', 'course', 'registration', 'ranking-media'];
/** The unsupported parts as `path name type`. */
const reported = (result: SurveyJsImport) => result.unsupported.map(({ path, name, type }) => `${path} ${name} ${type}`);

describe('SurveyJS import: the fixture forms', () => {
  test('every imported form passes checkForm and is accepted as a feedback activity', () => {
    for (const name of FIXTURES) {
      const { form } = fixture(name);
      assert.deepEqual(checkForm(form), [], name);
      assert.doesNotThrow(() => createActivity(feedbackKind, { id: 'f', config: { form } }), name);
    }
  });

  test('a conference form: pages and panels become sections; stars 1–5 a scale; 0–10 an NPS; texts in fi, sv and en', () => {
    const result = fixture('conference');
    assert.deepEqual(result.unsupported, [], 'nothing in it is unsupported (presentation is skipped)');
    assert.deepEqual(
      result.form.sections.map((section) => [section.id, section.questions.map((question) => question.name), section.visibleIf ?? null]),
      [
        ['overall', ['satisfaction', 'nps', 'improve'], null],
        ['sessions', [], null],
        ['keynote', ['attendedKeynote', 'keynoteRating'], null],
        ['workshops', ['bestWorkshop'], '{satisfaction} notempty'],
      ],
    );
    assert.deepEqual(result.form.sections[1].title, 'Sessions', 'a page that opens with a panel keeps its heading');
    const form = result.form;
    assert.deepEqual(questionNamed(form, 'satisfaction'), {
      name: 'satisfaction',
      type: 'scale',
      title: { fi: 'Kuinka tyytyväinen olit päivään?', sv: 'Hur nöjd var du med dagen?', en: 'How satisfied were you with the day?' },
      required: true,
      min: 1,
      max: 5,
      display: 'stars',
      minLabel: { fi: 'En lainkaan', sv: 'Inte alls', en: 'Not at all' },
      maxLabel: { fi: 'Erittäin', sv: 'Mycket', en: 'Very' },
    });
    assert.deepEqual(questionNamed(form, 'nps'), {
      name: 'nps',
      type: 'nps',
      title: { fi: 'Kuinka todennäköisesti suosittelisit päivää kollegalle?', en: 'How likely are you to recommend the conference to a colleague?' },
      required: true,
      minLabel: 'Not likely',
      maxLabel: 'Extremely likely',
    });
    assert.deepEqual([questionNamed(form, 'improve')?.type, questionNamed(form, 'improve')?.maxLength, questionNamed(form, 'improve')?.visibleIf], ['longText', 1000, '{satisfaction} <= 3 or {nps} < 7']);
    const keynote = questionNamed(form, 'keynoteRating')!;
    assert.deepEqual([keynote.display, keynote.visibleIf, keynote.requiredIf], ['smileys', '{attendedKeynote} = true', '{attendedKeynote} = true']);
    assert.deepEqual(questionNamed(form, 'attendedKeynote')?.choices?.map((choice) => choice.value), ['true', 'false'], 'a boolean is a yes/no single choice');
    assert.deepEqual(result.title, { fi: 'Alueellinen koulutuspäivä 2026: palaute', sv: 'Regional utbildningsdag 2026: respons', en: 'Regional Education Conference 2026: feedback' });
  });

  test('a course evaluation: the matrix is reported by name and path, conditions kept or reported; default is the survey\'s locale', () => {
    const result = fixture('course');
    assert.deepEqual(reported(result), [
      'pages[0].elements[1] teaching matrix',
      'pages[0].elements[2].title overall rating',
      'pages[0].elements[2].rateValues overall rating',
      'pages[0].elements[4].visibleIf clarityNote text',
      'pages[0].elements[5] workload rating',
      'pages[0].elements[6].inputType age text',
      'pages[0].elements[6].visibleIf age text',
      'pages[0].elements[6].min age text',
    ]);
    assert.match(result.unsupported[0].reason, /Matrix/);
    assert.match(result.unsupported[1].reason, /"de"/);
    assert.match(result.unsupported[3].reason, /There is no question named "teaching\.clarity"\. \(at character 1\)/);
    assert.match(result.unsupported[6].reason, /The function "age" is not supported/);
    const form = result.form;
    assert.equal(questionNamed(form, 'teaching'), undefined);
    assert.deepEqual(questionNamed(form, 'role')?.title, { en: 'I am a', sv: 'Jag är', fi: 'Olen' }, '"default" is Finnish here (locale: fi)');
    const overall = questionNamed(form, 'overall')!;
    assert.deepEqual([overall.type, overall.min, overall.max, overall.minLabel, overall.maxLabel], ['scale', 1, 5, 'Heikko', 'Erinomainen']);
    assert.deepEqual([questionNamed(form, 'why')?.visibleIf, questionNamed(form, 'why')?.requiredIf], ["{overall} <= 2 and {role} anyof ['student']", '{overall} = 1']);
    assert.equal(questionNamed(form, 'clarityNote')?.visibleIf, undefined, 'the condition on the matrix is left out (and reported)');
    assert.deepEqual(questionNamed(form, 'workload')?.choices?.map((choice) => choice.value), ['1', '3', '5'], 'a rating of 1, 3, 5 is a single choice');
  });

  test('a registration form: dropdown, checkbox with min/max, boolean, comment; renames and the unsupported parts', () => {
    const result = fixture('registration');
    assert.deepEqual(reported(result), [
      'pages[0].elements[1].inputType email text',
      'pages[0].elements[1].validators[0] email text',
      'pages[0].elements[2].showOtherItem municipality dropdown',
      'pages[0].elements[2].otherText municipality dropdown',
      'pages[0].elements[3] country dropdown',
      'pages[0].elements[4].showNoneItem interests checkbox',
      'triggers  survey',
    ]);
    assert.match(result.unsupported[4].reason, /left out: it has no choices.*come from elsewhere/);
    assert.deepEqual(result.renamed, { 'Your name': 'Your_name', 'Attend dinner': 'Attend_dinner', 'Dietary needs': 'Dietary_needs' });
    const form = result.form;
    assert.deepEqual(allQuestions(form).map((question) => [question.name, question.type]), [
      ['Your_name', 'text'],
      ['email', 'text'],
      ['municipality', 'single'],
      ['interests', 'multiple'],
      ['Attend_dinner', 'single'],
      ['Dietary_needs', 'longText'],
      ['consent', 'multiple'],
    ]);
    const interests = questionNamed(form, 'interests')!;
    assert.deepEqual([interests.minSelected, interests.maxSelected], [1, 2]);
    assert.equal(questionNamed(form, 'consent')?.maxSelected, 1, 'an answercount validator maps to maxSelected');
    assert.equal(questionNamed(form, 'Your_name')?.maxLength, 80);
    assert.equal(questionNamed(form, 'Dietary_needs')?.maxLength, 300, 'a text validator\'s maxLength maps');
    assert.equal(questionNamed(form, 'Dietary_needs')?.visibleIf, '{Attend_dinner} = true', 'a reference in other case is rewritten to the new name');
    assert.deepEqual(questionNamed(form, 'Attend_dinner')?.choices, [
      { value: 'true', label: { fi: 'Kyllä tulen', en: 'Yes, I will' } },
      { value: 'false', label: 'No' },
    ]);
  });

  test('a form with ranking and html, file, signature, expression, image picker and a custom widget: each reported', () => {
    const result = fixture('ranking-media');
    assert.deepEqual(reported(result), [
      'elements[0] intro html',
      'elements[3] photo file',
      'elements[4] signature signaturepad',
      'elements[5] total expression',
      'elements[6] venue imagepicker',
      'elements[7] energy bootstrapslider',
      'elements[9].name q1 rating',
      'elements[11].visible hidden text',
      'calculatedValues  survey',
    ]);
    assert.match(result.unsupported[5].reason, /custom widget/);
    const form = result.form;
    assert.deepEqual(
      allQuestions(form).map((question) => [question.name, question.type]),
      [
        ['priorities', 'ranking'],
        ['tools', 'multiple'],
        ['q1', 'scale'],
        ['q1-2', 'scale'],
        ['response_q', 'text'],
      ],
      'a tagbox is a multiple choice; a repeated name and an export column\'s name are renamed',
    );
    assert.equal(questionNamed(form, 'priorities')?.choices?.length, 4);
    const stars = questionNamed(form, 'q1-2')!;
    assert.deepEqual([stars.min, stars.max, stars.display], [0, 10, 'stars'], '0–10 in stars stays a scale; only a plain 0–10 is an NPS');
  });
});

describe('SurveyJS import: details', () => {
  test('rateCount alone counts from rateMin; a default rating is 1–5', () => {
    const { form } = importSurveyJs({ elements: [{ type: 'rating', name: 'a', rateCount: 7 }, { type: 'rating', name: 'b' }, { type: 'rating', name: 'c', rateMin: 0, rateCount: 11 }] });
    assert.deepEqual(allQuestions(form).map((question) => [question.type, question.min, question.max]), [['scale', 1, 7], ['scale', 1, 5], ['nps', undefined, undefined]]);
  });

  test('choice values are texts; numbers and booleans become text; repeated or reserved values are reported', () => {
    const result = importSurveyJs({ elements: [{ type: 'radiogroup', name: 'a', choices: [1, 2, { value: true, text: 'Yes' }, 1, '__x', { value: 'z', text: 'Z', visibleIf: '{b} = 1' }] }] });
    assert.deepEqual(questionNamed(result.form, 'a')?.choices, [
      { value: '1', label: '1' },
      { value: '2', label: '2' },
      { value: 'true', label: 'Yes' },
      { value: 'z', label: 'Z' },
    ]);
    assert.deepEqual(reported(result), ['elements[0].choices[3] a radiogroup', 'elements[0].choices[4] a radiogroup', 'elements[0].choices[5].visibleIf a radiogroup']);
  });

  test('a panel\'s condition joins its page\'s; nested panels flatten into sections', () => {
    const { form } = importSurveyJs({
      pages: [
        {
          name: 'p',
          visibleIf: '{a} = 1',
          elements: [
            { type: 'text', name: 'a' },
            { type: 'panel', name: 'outer', visibleIf: '{a} notempty', elements: [{ type: 'panel', name: 'inner', elements: [{ type: 'text', name: 'b' }] }, { type: 'text', name: 'c' }] },
          ],
        },
      ],
    });
    assert.deepEqual(
      form.sections.map((section) => [section.id, section.questions.map((question) => question.name), section.visibleIf]),
      [
        ['p', ['a'], '{a} = 1'],
        ['inner', ['b'], '({a} = 1) and ({a} notempty)'],
        ['outer', ['c'], '({a} = 1) and ({a} notempty)'],
      ],
    );
  });

  test('a condition may refer to a question further on; an unknown survey property is reported', () => {
    const result = importSurveyJs({ elements: [{ type: 'text', name: 'a', visibleIf: '{b} = 1' }, { type: 'text', name: 'b' }], cookieName: 'x', somethingNew: 1 });
    assert.equal(questionNamed(result.form, 'a')?.visibleIf, '{b} = 1');
    assert.deepEqual(reported(result), ['somethingNew  survey']);
  });

  test('element types and properties named like prototype members are reported, never looked up', () => {
    const result = importSurveyJs(JSON.parse('{"elements": [{"type": "constructor", "name": "a"}, {"type": "__proto__", "name": "b"}, {"type": "text", "name": "c", "toString": 1, "__proto__": {"x": 1}}, {"type": "text", "name": "d", "visibleIf": "{a} = 1"}]}'));
    assert.deepEqual(reported(result), ['elements[0] a constructor', 'elements[1] b __proto__', 'elements[2].toString c text', 'elements[2].__proto__ c text', 'elements[3].visibleIf d text']);
    assert.deepEqual(allQuestions(result.form).map((question) => question.name), ['c', 'd']);
  });

  test('what is not a SurveyJS form is refused', () => {
    const failure = (input: unknown) => {
      try {
        importSurveyJs(input);
      } catch (error) {
        assert.ok(error instanceof OsaError);
        return `${error.code}:${error.field}`;
      }
      return 'no error';
    };
    assert.equal(failure('{ not json'), 'invalid:json');
    assert.equal(failure([1, 2]), 'invalid:json');
    assert.equal(failure({ title: 'No pages' }), 'invalid:json');
    assert.equal(failure('{"elements": []}'), 'no error');
  });

  test('an empty survey imports as a form with no questions, and says so', () => {
    const result = importSurveyJs({ pages: [{ name: 'p', elements: [{ type: 'html', name: 'h' }] }] });
    assert.deepEqual(result.form, { sections: [{ id: 'main', questions: [] }] });
    assert.deepEqual(reported(result), ['pages[0].elements[0] h html', 'form.sections  form']);
  });
});

describe('SurveyJS import: limits', () => {
  test('a text longer than the form takes is cut and reported; the form is still accepted', () => {
    const result = importSurveyJs({ elements: [{ type: 'radiogroup', name: 'a', title: 'T'.repeat(1200), choices: [{ value: 'x', text: { default: 'L'.repeat(400), fi: 'Lyhyt' } }] }] });
    const question = questionNamed(result.form, 'a')!;
    assert.equal([...(question.title as string)].length, 1000);
    assert.ok((question.title as string).endsWith('…'));
    assert.deepEqual(question.choices![0].label, { fi: 'Lyhyt', en: `${'L'.repeat(299)}…` });
    assert.deepEqual(reported(result), ['elements[0].title a radiogroup', 'elements[0].choices[0] a radiogroup']);
    assert.doesNotThrow(() => createActivity(feedbackKind, { id: 'f', config: { form: result.form } }));
  });
});
