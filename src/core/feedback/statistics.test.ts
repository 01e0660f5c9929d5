import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ANSWERED, NOT_APPLICABLE, questionNamed, type Answers, type Question } from './feedback.view.js';
import { EVERY_TYPE } from './fixtures/forms.js';
import { medianOf, questionStatistics, responseTally, statisticsFromAnswers, tallyDelta, tallyOf, type ChoiceStatistics, type NpsStatistics, type RankingStatistics, type ScaleStatistics } from './statistics.js';

const question = (name: string): Question => questionNamed(EVERY_TYPE, name)!;
const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('statistics against hand-computed values', () => {
  test('NPS with a known mix: 4 promoters, 2 passives, 3 detractors of 9 → score 11.1; "not applicable" apart', () => {
    const answers: Answers[] = [10, 9, 9, 8, 7, 6, 5, 0, 10].map((value) => ({ recommend: value }));
    const stats = statisticsFromAnswers(question('recommend'), [...answers, {}]) as NpsStatistics;
    assert.equal(stats.type, 'nps');
    assert.equal(stats.n, 9);
    assert.deepEqual([stats.promoters.count, stats.passives.count, stats.detractors.count], [4, 2, 3]);
    close(stats.promoters.share, 4 / 9);
    close(stats.score, ((4 - 3) / 9) * 100);
    close(stats.mean, 64 / 9);
    assert.equal(stats.median, 8, 'sorted 0 5 6 7 8 9 9 10 10: the fifth');
    assert.equal(stats.distribution.length, 11, 'every point from 0 to 10');
    assert.deepEqual(stats.distribution.map((point) => point.count), [1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
  });

  test('all detractors score −100, all promoters 100, none null', () => {
    assert.equal((statisticsFromAnswers(question('recommend'), [{ recommend: 3 }, { recommend: 0 }]) as NpsStatistics).score, -100);
    assert.equal((statisticsFromAnswers(question('recommend'), [{ recommend: 9 }]) as NpsStatistics).score, 100);
    const none = statisticsFromAnswers(question('recommend'), []) as NpsStatistics;
    assert.deepEqual([none.score, none.mean, none.median, none.n], [null, null, null, 0]);
  });

  test('scale medians: the middle value for odd n, the mean of the two middle values for even n', () => {
    const odd = statisticsFromAnswers(question('useful'), [1, 2, 2, 5, 5].map((useful) => ({ useful }))) as ScaleStatistics;
    assert.equal(odd.median, 2);
    assert.equal(odd.mean, 3);
    const even = statisticsFromAnswers(question('useful'), [{ useful: 1 }, { useful: 2 }, { useful: 4 }, { useful: 5 }, { useful: NOT_APPLICABLE }]) as ScaleStatistics;
    assert.equal(even.median, 3, '(2 + 4) / 2');
    assert.equal(even.n, 4);
    assert.equal(even.notApplicable, 1);
    assert.deepEqual(even.distribution, [
      { value: 1, count: 1, share: 0.25 },
      { value: 2, count: 1, share: 0.25 },
      { value: 3, count: 0, share: 0 },
      { value: 4, count: 1, share: 0.25 },
      { value: 5, count: 1, share: 0.25 },
    ]);
    assert.equal(medianOf([{ value: 1, count: 2 }, { value: 3, count: 2 }]), 2);
    assert.equal(medianOf([{ value: 1, count: 0 }]), null);
  });

  test('average rank per choice, best first', () => {
    const stats = statisticsFromAnswers(question('order'), [
      { order: ['keynote', 'panel', 'workshop'] },
      { order: ['panel', 'keynote', 'workshop'] },
      { order: ['panel', 'workshop', 'keynote'] },
    ]) as RankingStatistics;
    assert.equal(stats.n, 3);
    assert.deepEqual(stats.choices.map((choice) => choice.value), ['panel', 'keynote', 'workshop']);
    close(stats.choices[0].averageRank, 4 / 3);
    close(stats.choices[1].averageRank, 2);
    close(stats.choices[2].averageRank, 8 / 3);
    assert.deepEqual(stats.choices[2].positions, [0, 1, 2]);
  });

  test('counts and shares of choices: shares of those who answered', () => {
    const multiple = statisticsFromAnswers(question('topics'), [{ topics: ['ai'] }, { topics: ['ai', 'math'] }, { topics: ['art'] }, {}]) as ChoiceStatistics;
    assert.equal(multiple.n, 3);
    assert.deepEqual(
      multiple.choices.map(({ value, count }) => [value, count]),
      [['ai', 2], ['math', 1], ['art', 1]],
    );
    close(multiple.choices[0].share, 2 / 3);
    const single = statisticsFromAnswers(question('role'), [{ role: 'teacher' }, { role: 'teacher' }, { role: 'other' }, { role: 'principal' }]) as ChoiceStatistics;
    assert.deepEqual(single.choices.map(({ count, share }) => [count, share]), [[2, 0.5], [1, 0.25], [1, 0.25]]);
  });

  test('free text: answers from raw responses only; never in a tally', () => {
    const stats = statisticsFromAnswers(question('nickname'), [{ nickname: 'Ana' }, {}, { nickname: 'Bo' }]);
    assert.deepEqual(stats, { type: 'text', n: 2, notApplicable: 0, answers: ['Ana', 'Bo'] });
    assert.deepEqual(responseTally(EVERY_TYPE, { nickname: 'Ana', why: 'secret' }), {});
    assert.deepEqual(questionStatistics(question('nickname'), tallyOf(EVERY_TYPE, [{ nickname: 'Ana' }])), { type: 'text', n: 0, notApplicable: 0, answers: [] });
  });

  test('tallies give the same statistics as the raw answers', () => {
    const responses: Answers[] = [
      { role: 'teacher', useful: 5, recommend: 10, topics: ['ai'], order: ['panel', 'keynote', 'workshop'] },
      { role: 'other', useful: NOT_APPLICABLE, recommend: 3, topics: ['ai', 'art'], order: ['workshop', 'keynote', 'panel'] },
    ];
    const tally = tallyOf(EVERY_TYPE, responses);
    for (const name of ['role', 'useful', 'recommend', 'topics', 'order']) {
      assert.deepEqual(questionStatistics(question(name), tally), statisticsFromAnswers(question(name), responses), name);
    }
    assert.deepEqual(tally.order, { [ANSWERED]: 2, 'panel@1': 1, 'keynote@2': 2, 'workshop@3': 1, 'workshop@1': 1, 'panel@3': 1 });
  });

  test('an edit\'s delta removes the old values and adds the new ones; what is unchanged cancels out', () => {
    assert.deepEqual(tallyDelta(EVERY_TYPE, { useful: 5, role: 'teacher', nickname: 'x' }, { useful: 3, role: 'teacher', nickname: 'y' }), { useful: { 5: -1, 3: 1 } });
    assert.deepEqual(tallyDelta(EVERY_TYPE, undefined, { useful: 3 }), { useful: { [ANSWERED]: 1, 3: 1 } });
    assert.deepEqual(tallyDelta(EVERY_TYPE, { useful: 3 }, { useful: NOT_APPLICABLE }), { useful: { [ANSWERED]: -1, 3: -1, [NOT_APPLICABLE]: 1 } });
  });
});
