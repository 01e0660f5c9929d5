/**
 * Checking one response against its form: every answer's type, range, choices and length, with the
 * conditions (answers to hidden questions are dropped; `required` and `requiredIf` are enforced on
 * the visible ones). The element shows every problem at once (`checkAnswers`); the kind refuses a
 * response with the first (`validateAnswers`, an `invalid` OsaError whose `field` is the question name).
 *
 * Reasons, as the element translates them: `required`; `wrongType` (not a value this type takes,
 * e.g. 3.5 on a scale); `tooSmall`/`tooLarge` (outside a scale, limit = the end); `tooSmall` on a
 * multiple-choice question (fewer than `minSelected`, limit = minSelected); `tooMany` (more than
 * `maxSelected`); `tooLong` (text, limit = maxLength); `notAllowed` (an unknown choice, a ranking
 * that is not every choice once, "not applicable" where it is not offered); `unknownField` (no such
 * question).
 */
import { OsaError, type ValidationReason } from '../errors.js';
import { fieldKey } from '../validate.js';
import { conditionState } from './conditions.js';
import { allQuestions, maxLengthOf, NOT_APPLICABLE, QUESTION_NAME_PATTERN, scaleRange, type AnswerValue, type Answers, type FormDefinition, type Question } from './feedback.view.js';

export interface AnswerProblem {
  /** The question's name (for `unknownField`, the key as sent, shortened). */
  question: string;
  reason: ValidationReason;
  /** In English, for developers and logs; the element words it from `reason`. */
  message: string;
}

export interface CheckedAnswers {
  /** The answers to keep: visible questions only, texts tidied, empty answers left out. */
  answers: Answers;
  problems: AnswerProblem[];
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** A text answer tidied: NFC, no bidirectional formatting or control characters, trimmed; a short text on one line, a long one keeps its line breaks. */
export function tidyAnswerText(text: string, multiline: boolean): string {
  const clean = text.normalize('NFC').replace(BIDI_CONTROLS, '').replace(/\r\n?/gu, '\n');
  if (!multiline) return clean.replace(/\s+/gu, ' ').replace(/\p{Cc}/gu, '').trim();
  return clean
    .replace(/[^\S\n]+/gu, ' ')
    .replace(/[^\P{Cc}\n]/gu, '')
    .replace(/ *\n */gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

const codePoints = (text: string): number => [...text].length;

/**
 * The answer in the shape its type takes, tidied (texts), or `undefined` for "no answer" (empty
 * text, nothing chosen), or `null` when it is not a value of this type at all.
 */
function normalise(question: Question, value: unknown): AnswerValue | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (value === NOT_APPLICABLE) return NOT_APPLICABLE;
  switch (question.type) {
    case 'scale':
    case 'nps':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'single':
      return typeof value === 'string' ? (value === '' ? undefined : value) : null;
    case 'multiple':
    case 'ranking':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return null;
      return value.length === 0 ? undefined : (value as string[]);
    case 'text':
    case 'longText': {
      if (typeof value !== 'string') return null;
      const text = tidyAnswerText(value, question.type === 'longText');
      return text === '' ? undefined : text;
    }
  }
}

function problemOf(question: Question, value: AnswerValue): ValidationReason | undefined {
  if (value === NOT_APPLICABLE) return question.notApplicable ? undefined : { kind: 'notAllowed' };
  const values = new Set((question.choices ?? []).map((choice) => choice.value));
  switch (question.type) {
    case 'scale':
    case 'nps': {
      const { min, max } = scaleRange(question);
      if (typeof value !== 'number' || !Number.isInteger(value)) return { kind: 'wrongType' };
      if (value < min) return { kind: 'tooSmall', limit: min };
      if (value > max) return { kind: 'tooLarge', limit: max };
      return undefined;
    }
    case 'single':
      return typeof value === 'string' && values.has(value) ? undefined : { kind: 'notAllowed' };
    case 'multiple': {
      const items = value as string[];
      if (new Set(items).size !== items.length || !items.every((item) => values.has(item))) return { kind: 'notAllowed' };
      if (question.minSelected !== undefined && items.length < question.minSelected) return { kind: 'tooSmall', limit: question.minSelected };
      if (question.maxSelected !== undefined && items.length > question.maxSelected) return { kind: 'tooMany', limit: question.maxSelected };
      return undefined;
    }
    case 'ranking': {
      const items = value as string[];
      const complete = items.length === values.size && new Set(items).size === items.length && items.every((item) => values.has(item));
      return complete ? undefined : { kind: 'notAllowed' };
    }
    case 'text':
    case 'longText': {
      const limit = maxLengthOf(question);
      return codePoints(value as string) > limit ? { kind: 'tooLong', limit } : undefined;
    }
  }
}

function describe(question: string, reason: ValidationReason, type?: Question['type']): string {
  switch (reason.kind) {
    case 'required':
      return `"${question}" needs an answer.`;
    case 'wrongType':
      return `"${question}" has an answer of the wrong type.`;
    case 'tooSmall':
      return type === 'multiple' ? `"${question}" takes at least ${reason.limit} choices.` : `"${question}" must be at least ${reason.limit}.`;
    case 'tooLarge':
      return `"${question}" must be at most ${reason.limit}.`;
    case 'tooMany':
      return `"${question}" takes at most ${reason.limit} choices.`;
    case 'tooLong':
      return `"${question}" takes at most ${reason.limit} characters.`;
    case 'notAllowed':
      return `"${question}" has an answer that is not one of its choices.`;
    case 'unknownField':
      return `There is no question "${question}".`;
    default:
      return `"${question}" has an answer that is not allowed.`;
  }
}

const NAME = new RegExp(QUESTION_NAME_PATTERN, 'u');

/**
 * Every problem of a response, in the form's order, and the answers to keep. `answers` is what a
 * participant sent (anything: it is checked here).
 */
export function checkAnswers(form: FormDefinition, answers: unknown): CheckedAnswers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return { answers: {}, problems: [{ question: '', reason: { kind: 'wrongType' }, message: '"answers" must be an object of answers by question name.' }] };
  }
  const sent = answers as Record<string, unknown>;
  const questions = allQuestions(form);
  const byName = new Map(questions.map((question) => [question.name, question]));
  const problems: AnswerProblem[] = [];
  for (const key of Object.keys(sent)) {
    if (!NAME.test(key) || !byName.has(key)) {
      const question = fieldKey(key);
      problems.push({ question, reason: { kind: 'unknownField' }, message: describe(question, { kind: 'unknownField' }) });
    }
  }
  // Shaped answers (wrong types left out) decide the conditions; only visible questions are then checked.
  const shaped: Answers = {};
  const wrongType = new Set<string>();
  for (const question of questions) {
    const value = normalise(question, Object.hasOwn(sent, question.name) ? sent[question.name] : undefined);
    if (value === null) wrongType.add(question.name);
    else if (value !== undefined) shaped[question.name] = value;
  }
  const state = conditionState(form, shaped);
  const kept: Answers = {};
  for (const question of questions) {
    if (!state.visible.has(question.name)) continue;
    let reason: ValidationReason | undefined;
    const value = Object.hasOwn(shaped, question.name) ? shaped[question.name] : undefined;
    if (wrongType.has(question.name)) reason = { kind: 'wrongType' };
    else if (value === undefined) reason = state.required.has(question.name) ? { kind: 'required' } : undefined;
    else reason = problemOf(question, value);
    if (reason) problems.push({ question: question.name, reason, message: describe(question.name, reason, question.type) });
    else if (value !== undefined) kept[question.name] = value;
  }
  return { answers: kept, problems };
}

/** The answers to keep, or an `invalid` OsaError for the first problem, its `field` the question's name. */
export function validateAnswers(form: FormDefinition, answers: unknown): Answers {
  const { answers: kept, problems } = checkAnswers(form, answers);
  const first = problems[0];
  if (first) throw new OsaError('invalid', first.message, { field: first.question || 'answers', reason: first.reason });
  return kept;
}
