/**
 * Results of a feedback form, per question, from the live tallies (what participants may see with
 * `publicResults`, and the organiser's live view) or from the raw answers (the organiser's
 * snapshot, with free text). Pure: the element and the export use the same numbers.
 *
 * - scale, nps: distribution over every point, n, mean, median (the mean of the two middle values
 *   when n is even); nps also promoters (9–10), passives (7–8), detractors (0–6) and the score
 *   (% promoters − % detractors, from −100 to 100).
 * - single, multiple: count and share per choice (share of the people who answered the question;
 *   a multiple-choice question's shares may add up to more than 1).
 * - ranking: per choice the count at each position and the average rank (1 = best); best first.
 * - text, longText: the answers (from raw answers only: free text is never tallied).
 * "Not applicable" answers are counted apart (`notApplicable`) and left out of n and every figure.
 */
import { addTally, ANSWERED, isCountable, NOT_APPLICABLE, scaleRange, type Answers, type FormDefinition, type Question, type Tally } from './feedback.view.js';
import { allQuestions } from './feedback.view.js';

/** The tally of one answer to `question`: its keys, each counted once. */
function answerKeys(question: Question, value: Answers[string] | undefined): string[] {
  if (value === undefined || !isCountable(question.type)) return [];
  if (value === NOT_APPLICABLE) return [NOT_APPLICABLE];
  switch (question.type) {
    case 'scale':
    case 'nps':
    case 'single':
      return [ANSWERED, String(value)];
    case 'multiple':
      return [ANSWERED, ...(value as string[])];
    case 'ranking':
      return [ANSWERED, ...(value as string[]).map((choice, index) => `${choice}@${index + 1}`)];
    default:
      return [];
  }
}

/** The counts one response adds to the tallies (countable questions only; never free text). */
export function responseTally(form: FormDefinition, answers: Answers): Tally {
  const tally: Tally = {};
  for (const question of allQuestions(form)) {
    const keys = answerKeys(question, Object.hasOwn(answers, question.name) ? answers[question.name] : undefined);
    if (keys.length === 0) continue;
    const counts: Record<string, number> = (tally[question.name] = {});
    for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  }
  return tally;
}

/** The change to the tallies when a response goes from `before` to `after` (either absent): old values out, new ones in; counts that cancel are left out. */
export function tallyDelta(form: FormDefinition, before: Answers | undefined, after: Answers | undefined): Tally {
  const delta: Tally = {};
  if (before) {
    const old = responseTally(form, before);
    for (const counts of Object.values(old)) for (const key of Object.keys(counts)) counts[key] = -counts[key];
    addTally(delta, old);
  }
  if (after) addTally(delta, responseTally(form, after));
  return delta;
}

/** The tallies of many responses. */
export const tallyOf = (form: FormDefinition, responses: Iterable<Answers>): Tally => {
  const tally: Tally = {};
  for (const answers of responses) addTally(tally, responseTally(form, answers));
  return tally;
};

export interface Share {
  count: number;
  /** count / n (0 when n is 0). */
  share: number;
}

export interface ScaleStatistics {
  type: 'scale' | 'nps';
  /** Answers with a value. */
  n: number;
  notApplicable: number;
  /** Every point from the minimum to the maximum. */
  distribution: Array<{ value: number } & Share>;
  mean: number | null;
  median: number | null;
}

export interface NpsStatistics extends ScaleStatistics {
  type: 'nps';
  promoters: Share;
  passives: Share;
  detractors: Share;
  /** % promoters − % detractors, −100…100; null without answers. */
  score: number | null;
}

export interface ChoiceStatistics {
  type: 'single' | 'multiple';
  n: number;
  notApplicable: number;
  /** In the question's order. */
  choices: Array<{ value: string } & Share>;
}

export interface RankingStatistics {
  type: 'ranking';
  n: number;
  notApplicable: number;
  /** Best average rank first (ties in the question's order). */
  choices: Array<{ value: string; averageRank: number | null; /** Count at position 1, 2, … */ positions: number[] }>;
}

export interface TextStatistics {
  type: 'text' | 'longText';
  n: number;
  notApplicable: number;
  /** The answers, in the order given (empty from tallies). */
  answers: string[];
}

export type QuestionStatistics = ScaleStatistics | NpsStatistics | ChoiceStatistics | RankingStatistics | TextStatistics;

const share = (count: number, n: number): Share => ({ count, share: n > 0 ? count / n : 0 });

const countOf = (counts: Readonly<Record<string, number>>, key: string): number => (Object.hasOwn(counts, key) ? counts[key] : 0);

/** The median of a distribution given as (value, count) pairs sorted by value. */
export function medianOf(distribution: ReadonlyArray<{ value: number; count: number }>): number | null {
  const n = distribution.reduce((sum, entry) => sum + entry.count, 0);
  if (n === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const entry of distribution) {
      seen += entry.count;
      if (index < seen) return entry.value;
    }
    return distribution[distribution.length - 1].value;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** The statistics of one question from its tally (`tally[question.name]`; absent = no answers). */
export function questionStatistics(question: Question, tally: Tally): QuestionStatistics {
  const counts = Object.hasOwn(tally, question.name) ? tally[question.name] : {};
  const notApplicable = countOf(counts, NOT_APPLICABLE);
  switch (question.type) {
    case 'scale':
    case 'nps': {
      const { min, max } = scaleRange(question);
      const points: Array<{ value: number; count: number }> = [];
      for (let value = min; value <= max; value += 1) points.push({ value, count: countOf(counts, String(value)) });
      const n = points.reduce((sum, point) => sum + point.count, 0);
      const base: ScaleStatistics = {
        type: question.type,
        n,
        notApplicable,
        distribution: points.map((point) => ({ value: point.value, ...share(point.count, n) })),
        mean: n > 0 ? points.reduce((sum, point) => sum + point.value * point.count, 0) / n : null,
        median: medianOf(points),
      };
      if (question.type === 'scale') return base;
      const sum = (from: number, to: number) => points.filter((point) => point.value >= from && point.value <= to).reduce((total, point) => total + point.count, 0);
      const promoters = sum(9, 10);
      const detractors = sum(0, 6);
      return {
        ...base,
        type: 'nps',
        promoters: share(promoters, n),
        passives: share(sum(7, 8), n),
        detractors: share(detractors, n),
        score: n > 0 ? ((promoters - detractors) / n) * 100 : null,
      };
    }
    case 'single':
    case 'multiple': {
      const choices = question.choices ?? [];
      const n = question.type === 'single' ? choices.reduce((sum, choice) => sum + countOf(counts, choice.value), 0) : countOf(counts, ANSWERED);
      return { type: question.type, n, notApplicable, choices: choices.map((choice) => ({ value: choice.value, ...share(countOf(counts, choice.value), n) })) };
    }
    case 'ranking': {
      const choices = question.choices ?? [];
      const rows = choices.map((choice, order) => {
        const positions = choices.map((_, index) => countOf(counts, `${choice.value}@${index + 1}`));
        const total = positions.reduce((sum, count) => sum + count, 0);
        const averageRank = total > 0 ? positions.reduce((sum, count, index) => sum + count * (index + 1), 0) / total : null;
        return { value: choice.value, averageRank, positions, order };
      });
      rows.sort((a, b) => (a.averageRank ?? Infinity) - (b.averageRank ?? Infinity) || a.order - b.order);
      return { type: 'ranking', n: countOf(counts, ANSWERED), notApplicable, choices: rows.map(({ order: _order, ...row }) => row) };
    }
    case 'text':
    case 'longText':
      return { type: question.type, n: 0, notApplicable, answers: [] };
  }
}

/** The statistics of one question from raw answers (the organiser's): free-text answers included. */
export function statisticsFromAnswers(question: Question, responses: Iterable<Answers>): QuestionStatistics {
  const list = [...responses];
  if (question.type === 'text' || question.type === 'longText') {
    const values = list.map((answers) => (Object.hasOwn(answers, question.name) ? answers[question.name] : undefined));
    const answers = values.filter((value): value is string => typeof value === 'string' && value !== NOT_APPLICABLE);
    return { type: question.type, n: answers.length, notApplicable: values.filter((value) => value === NOT_APPLICABLE).length, answers };
  }
  return questionStatistics(question, tallyOf({ sections: [{ id: 'q', questions: [question] }] }, list));
}

/** The statistics of every question of a form from a tally, in the form's order. */
export const formStatistics = (form: FormDefinition, tally: Tally): Array<{ question: Question; statistics: QuestionStatistics }> =>
  allQuestions(form).map((question) => ({ question, statistics: questionStatistics(question, tally) }));
