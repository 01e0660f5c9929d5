import type { Change, KindView, LocalizedText, Viewer } from '../activity.js';
import { localizedText, ownEntry } from '../activity.js';
import type { CsvLabels } from '../csv.js';
import type { Language } from '../protocol.js';

/**
 * What a browser needs to show a feedback form or a live poll: its types, how its changes fold
 * into state (`feedbackView`) and the selectors its views use. The commands live in
 * `feedback.ts`; conditions, validation and statistics in `conditions.ts`, `answers.ts` and
 * `statistics.ts` (all browser-safe, pure).
 *
 * Phases: `preparing` (the form is visible, nothing can be sent yet) → `open` (participants
 * submit and edit) → `closed`.
 *
 * Changes:
 * - `response` (audience `participant:<id>`): one whole response, `{ responseId, answers, round, at, updatedAt? }`;
 *   an edit sends the response again with the same `responseId`.
 * - `tally` (audience `public`, visible to participants only with `publicResults`):
 *   `{ round, delta }`, the change to the counts of the countable questions (old values removed,
 *   new ones added on an edit). Never free text.
 * - `count` (audience `public`): `{ round, count }`, the responses of the current round.
 * - `round` (audience `public`): `{ round }`, the organiser's `reset`: the tallies start from zero.
 */
export const FEEDBACK_PHASES = ['preparing', 'open', 'closed'] as const;
export type FeedbackPhase = (typeof FEEDBACK_PHASES)[number];

export const QUESTION_TYPES = ['scale', 'nps', 'single', 'multiple', 'ranking', 'text', 'longText'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Question names: they appear in expressions (`{name}`), export columns and error fields. */
export const QUESTION_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

export interface Choice {
  /** Unique in its question; may not start with `__` (reserved for `NOT_APPLICABLE` and `ANSWERED`). */
  value: string;
  label: LocalizedText;
}

export interface Question {
  /** Unique in the form; `[A-Za-z][A-Za-z0-9_-]*`. */
  name: string;
  type: QuestionType;
  title: LocalizedText;
  description?: LocalizedText;
  required?: boolean;
  /** An expression in SurveyJS syntax: `{q4} <= 2 and {role} anyof ['teacher']`. */
  visibleIf?: string;
  requiredIf?: string;
  /** single, multiple, ranking. */
  choices?: Choice[];
  /** scale (default 1..5); nps is always 0..10. */
  min?: number;
  max?: number;
  /** scale. */
  display?: 'numbers' | 'smileys' | 'stars';
  /** scale and nps end labels. */
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
  /** multiple. */
  minSelected?: number;
  maxSelected?: number;
  /** text (default 200), longText (default 2000); in characters (code points). */
  maxLength?: number;
  /** Offers "don't know / not applicable"; a text replaces the default wording. */
  notApplicable?: boolean | LocalizedText;
}

export interface Section {
  id: string;
  title?: LocalizedText;
  description?: LocalizedText;
  /** Hides every question of the section while false. */
  visibleIf?: string;
  questions: Question[];
}

/** A flat form is one section. */
export interface FormDefinition {
  sections: Section[];
}

/** The answer "don't know / not applicable" (where the question offers it). */
export const NOT_APPLICABLE = '__na__';
/** The tally key counting the responses that answered a question with a value (not N/A). */
export const ANSWERED = '__n__';

/** A number (scale, nps), a string (single, text, longText), string[] (multiple; ranking = all choice values best first), or NOT_APPLICABLE. */
export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

export interface FeedbackConfig {
  form: FormDefinition;
  /** poll: one question, compact. */
  mode: 'form' | 'poll';
  /** Per round; 1 by default; 0 = no limit. */
  responsesPerParticipant: number;
  /** true: a participant re-submits with the same responseId until the form closes. */
  allowEdit: boolean;
  /** Participants may see the aggregated results (tallies). */
  publicResults: boolean;
}

export interface FeedbackResponse {
  participant: string;
  answers: Answers;
  /** When it was first sent (milliseconds since the epoch). */
  at: number;
  /** When it was last edited. */
  updatedAt?: number;
  round: number;
}

/** Question name → tally key → count. Keys: the value as a string (scale, nps, single, each of multiple), `${choice}@${position}` for ranking (1 = best), `NOT_APPLICABLE`, and `ANSWERED`. */
export type Tally = Record<string, Record<string, number>>;

export interface FeedbackState {
  /** Response id → the response (a participant sees their own; the organiser all). */
  responses: Record<string, FeedbackResponse>;
  /** Participant → their response ids, oldest first (read "mine" through `ownEntry`). */
  byParticipant: Record<string, string[]>;
  /** The counts of the current round (public with `publicResults`; always the organiser's). */
  tally: Tally;
  /** Starts at 1; the organiser's `reset` starts the next. */
  round: number;
  /** Responses of the current round (public). */
  count: number;
}

export interface ResponseChange {
  responseId: string;
  answers: Answers;
  round: number;
  at: number;
  updatedAt?: number;
}

export interface TallyChange {
  round: number;
  delta: Tally;
}

const participantOf = (change: Pick<Change, 'audience'>): string | undefined =>
  change.audience.startsWith('participant:') ? change.audience.slice('participant:'.length) : undefined;

/** Adds `delta` to `tally` (in place), dropping counts that reach zero. */
export function addTally(tally: Tally, delta: Tally): Tally {
  for (const [question, counts] of Object.entries(delta)) {
    const target = Object.hasOwn(tally, question) ? tally[question] : (tally[question] = {});
    for (const [key, by] of Object.entries(counts)) {
      const next = (Object.hasOwn(target, key) ? target[key] : 0) + by;
      if (next === 0) delete target[key];
      else target[key] = next;
    }
    if (Object.keys(target).length === 0) delete tally[question];
  }
  return tally;
}

function reduce(state: FeedbackState, change: Change): FeedbackState {
  switch (change.type) {
    case 'response': {
      const participant = participantOf(change);
      if (participant === undefined) break;
      const data = change.data as ResponseChange;
      const fresh = !Object.hasOwn(state.responses, data.responseId);
      const response: FeedbackResponse = { participant, answers: data.answers, at: data.at, round: data.round };
      if (data.updatedAt !== undefined) response.updatedAt = data.updatedAt;
      state.responses[data.responseId] = response;
      if (fresh) {
        const list = Object.hasOwn(state.byParticipant, participant) ? state.byParticipant[participant] : (state.byParticipant[participant] = []);
        list.push(data.responseId);
      }
      break;
    }
    case 'tally': {
      const data = change.data as TallyChange;
      if (data.round === state.round) addTally(state.tally, data.delta);
      break;
    }
    case 'count': {
      const data = change.data as { round: number; count: number };
      if (data.round === state.round) state.count = data.count;
      break;
    }
    case 'round': {
      const data = change.data as { round: number };
      state.round = data.round;
      state.tally = {};
      state.count = 0;
      break;
    }
  }
  return state;
}

export function initialFeedbackState(): FeedbackState {
  return { responses: {}, byParticipant: {}, tally: {}, round: 1, count: 0 };
}

/** Every question of the form, in order. */
export const allQuestions = (form: FormDefinition): Question[] => form.sections.flatMap((section) => section.questions);

/** A question by name, or undefined. */
export const questionNamed = (form: FormDefinition, name: string): Question | undefined => allQuestions(form).find((question) => question.name === name);

/** Whether a question's answers are counted in the tallies (everything but free text). */
export const isCountable = (type: QuestionType): boolean => type !== 'text' && type !== 'longText';

/** The range of a scale or nps question. */
export function scaleRange(question: Pick<Question, 'type' | 'min' | 'max'>): { min: number; max: number } {
  if (question.type === 'nps') return { min: 0, max: 10 };
  return { min: question.min ?? 1, max: question.max ?? 5 };
}

/** The longest text answer a text or longText question takes. */
export const maxLengthOf = (question: Pick<Question, 'type' | 'maxLength'>): number => question.maxLength ?? (question.type === 'longText' ? 2000 : 200);

/** The viewer's own responses, oldest first, with their ids (never another participant's). */
export function feedbackMine(state: FeedbackState, viewer: Viewer): Array<{ responseId: string; response: FeedbackResponse }> {
  const ids = ownEntry(state.byParticipant, viewer) ?? [];
  return ids.filter((id) => Object.hasOwn(state.responses, id)).map((responseId) => ({ responseId, response: state.responses[responseId] }));
}

/** The viewer's responses of the current round. */
export const feedbackMineThisRound = (state: FeedbackState, viewer: Viewer): Array<{ responseId: string; response: FeedbackResponse }> =>
  feedbackMine(state, viewer).filter(({ response }) => response.round === state.round);

/** Whether the viewer may send another response in the current round. */
export function canRespondAgain(state: FeedbackState, config: Pick<FeedbackConfig, 'responsesPerParticipant'>, viewer: Viewer): boolean {
  return config.responsesPerParticipant === 0 || feedbackMineThisRound(state, viewer).length < config.responsesPerParticipant;
}

/**
 * Pseudonymous participant numbers (`p1`, `p2`, … in order of first response), so that the export
 * and the organiser's screen never show device ids.
 */
export function participantNumbers(state: FeedbackState): Map<string, string> {
  return new Map(Object.keys(state.byParticipant).map((id, index) => [id, `p${index + 1}`]));
}

/** How a browser folds a feedback form's changes into what a viewer sees. */
export const feedbackView = {
  kind: 'feedback',
  phases: FEEDBACK_PHASES,
  reduce,
} satisfies KindView<FeedbackState, FeedbackConfig>;

/**
 * The `responses` export's words in `language`: the element's fixed ones (`base`: columns, yes/no,
 * "not applicable"), each question's title as its column's and each single choice's label as its
 * value's. The element's download and the server's `lang=` export both use it, so the files agree.
 */
export function responseLabels(base: CsvLabels, form: FormDefinition | undefined, language: Language): CsvLabels {
  const columns: Record<string, string> = { ...base.columns };
  const values: Record<string, Readonly<Record<string, string>>> = { ...base.values };
  for (const question of form ? allQuestions(form) : []) {
    columns[question.name] = localizedText(question.title, language) || question.name;
    if (question.type !== 'single') continue;
    const labels: Record<string, string> = {};
    for (const choice of question.choices ?? []) labels[choice.value] = localizedText(choice.label, language);
    values[question.name] = labels;
  }
  return { ...base, columns, values };
}
