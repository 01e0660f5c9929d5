import type { ActivityKind, ActivityRecord, Change, ChangeDraft, CommandContext, CommandSpec, Viewer } from '../activity.js';
import { OsaError } from '../errors.js';
import { localizedTextSchema } from '../event.js';
import type { ExportTables } from '../protocol.js';
import type { Schema } from '../validate.js';
import { validateAnswers } from './answers.js';
import { checkForm, FORM_LIMITS, problemField } from './expression.js';
import {
  allQuestions,
  feedbackView,
  initialFeedbackState,
  NOT_APPLICABLE,
  participantNumbers,
  QUESTION_NAME_PATTERN,
  QUESTION_TYPES,
  scaleRange,
  type AnswerValue,
  type Answers,
  type FeedbackConfig,
  type FeedbackState,
  type ResponseChange,
} from './feedback.view.js';
import { tallyDelta } from './statistics.js';

export * from './feedback.view.js';

/**
 * The rules of a feedback form and a live poll: participants submit (and, where allowed, edit)
 * responses checked against the form and its conditions; the public sees only counts, and only
 * with `publicResults`; free text reaches the organiser alone. The organiser's `reset` starts a new
 * round (a poll's next question): the live tallies start from zero, earlier responses stay in the
 * export with their round.
 */

const text = (maxLength: number): Schema => ({ type: 'string', minLength: 1, maxLength });
/** A text in one language for all (a string) or per language. */
const localized = (maxLength: number): Schema => ({
  anyOf: [text(maxLength), { type: 'object', properties: { fi: text(maxLength), sv: text(maxLength), en: text(maxLength) }, additionalProperties: false }],
});
const expression: Schema = { type: 'string', minLength: 1, maxLength: 2000 };
const whole = (minimum: number, maximum: number): Schema => ({ type: 'integer', minimum, maximum });

const questionSchema: Schema = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: QUESTION_NAME_PATTERN },
    type: { type: 'string', enum: QUESTION_TYPES },
    title: localized(1000),
    description: localized(4000),
    required: { type: 'boolean' },
    visibleIf: expression,
    requiredIf: expression,
    choices: {
      type: 'array',
      maxItems: FORM_LIMITS.choices,
      items: { type: 'object', properties: { value: text(100), label: localizedTextSchema }, required: ['value', 'label'], additionalProperties: false },
    },
    min: whole(-100, 100),
    max: whole(-100, 100),
    display: { type: 'string', enum: ['numbers', 'smileys', 'stars'] },
    minLabel: localized(100),
    maxLabel: localized(100),
    minSelected: whole(0, FORM_LIMITS.choices),
    maxSelected: whole(1, FORM_LIMITS.choices),
    maxLength: whole(1, FORM_LIMITS.textMaxLength),
    notApplicable: { anyOf: [{ type: 'boolean' }, localized(100)] },
  },
  required: ['name', 'type', 'title'],
  additionalProperties: false,
};

const formSchema: Schema = {
  type: 'object',
  properties: {
    sections: {
      type: 'array',
      maxItems: FORM_LIMITS.sections,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' },
          title: localized(300),
          description: localized(4000),
          visibleIf: expression,
          questions: { type: 'array', items: questionSchema, maxItems: FORM_LIMITS.questions },
        },
        required: ['id', 'questions'],
        additionalProperties: false,
      },
    },
  },
  required: ['sections'],
  additionalProperties: false,
};

const configSchema: Schema = {
  type: 'object',
  properties: {
    form: formSchema,
    mode: { type: 'string', enum: ['form', 'poll'] },
    responsesPerParticipant: whole(0, 1000),
    allowEdit: { type: 'boolean' },
    publicResults: { type: 'boolean' },
  },
  required: ['form', 'mode', 'responsesPerParticipant', 'allowEdit', 'publicResults'],
  additionalProperties: false,
};

/** A new feedback activity: one section with one question (the organiser replaces it), one response each, editable, results private. */
export const DEFAULT_FEEDBACK_CONFIG: FeedbackConfig = {
  form: {
    sections: [
      {
        id: 'main',
        questions: [{ name: 'overall', type: 'scale', title: { fi: 'Kuinka hyödyllinen tilaisuus oli?', sv: 'Hur nyttigt var evenemanget?', en: 'How useful was the event?' }, min: 1, max: 5 }],
      },
    ],
  },
  mode: 'form',
  responsesPerParticipant: 1,
  allowEdit: true,
  publicResults: false,
};

/** Export columns every response has; no question may take one of these names. */
export const RESPONSE_COLUMNS = ['response', 'participant', 'round', 'submitted'] as const;

/** What the schema cannot say: the form's rules (`checkForm`), reserved names, and a poll's single question. */
function checkConfig(config: FeedbackConfig): void {
  const problems = checkForm(config.form);
  config.form.sections.forEach((section, sectionIndex) =>
    section.questions.forEach((question, questionIndex) => {
      if ((RESPONSE_COLUMNS as readonly string[]).includes(question.name)) {
        problems.push({
          path: `form.sections[${sectionIndex}].questions[${questionIndex}].name`,
          message: `The name "${question.name}" is reserved for the export's own column.`,
          reason: { code: 'reservedName', name: question.name },
        });
      }
    }),
  );
  if (config.mode === 'poll' && allQuestions(config.form).length !== 1) problems.push({ path: 'form.sections', message: 'A poll has exactly one question.', reason: { code: 'pollOneQuestion' } });
  const first = problems[0];
  if (first) {
    const listed = problems.slice(0, 10).map((problem) => `${problem.path}: ${problem.message}${problem.position === undefined ? '' : ` (at ${problem.position})`}`);
    const all = `${listed.join('; ')}${problems.length > listed.length ? `; and ${problems.length - listed.length} more` : ''}`;
    throw new OsaError('invalid', problems.length === 1 ? all : `${problems.length} problems in the form: ${all}`, {
      field: `config.${problemField(first.path)}`,
      reason: { kind: 'notAllowed' },
    });
  }
}

/**
 * What a new configuration may not do to the current round's answers (its live tallies): remove a
 * question answered in it, change its type or range, or remove a choice someone chose. After
 * `reset` (a new round) the form may change freely: earlier rounds keep their answers, and the
 * export their columns.
 */
function checkReconfigure(config: FeedbackConfig, activity: ActivityRecord<FeedbackState, FeedbackConfig>): void {
  const { state } = activity;
  const answered = new Map<string, Set<string>>();
  for (const response of Object.values(state.responses)) {
    if (response.round !== state.round) continue;
    for (const [name, value] of Object.entries(response.answers)) {
      const values = answered.get(name) ?? new Set<string>();
      for (const item of Array.isArray(value) ? value : [value]) values.add(String(item));
      answered.set(name, values);
    }
  }
  if (answered.size === 0) return;
  const before = new Map(allQuestions(activity.config.form).map((question) => [question.name, question]));
  const after = new Map(allQuestions(config.form).map((question) => [question.name, question]));
  const refuse = (message: string): never => {
    throw new OsaError('invalid', `${message} Start a new round (reset) first, or keep the question as it is.`, { field: 'config.form', reason: { kind: 'notAllowed' } });
  };
  for (const [name, values] of answered) {
    const old = before.get(name);
    const next = after.get(name);
    if (!old) continue;
    if (!next) refuse(`The question "${name}" has answers in this round and cannot be removed.`);
    else if (next.type !== old.type) refuse(`The question "${name}" has answers in this round: its type cannot change.`);
    else if (next.type === 'scale' && (scaleRange(next).min !== scaleRange(old).min || scaleRange(next).max !== scaleRange(old).max)) refuse(`The scale "${name}" has answers in this round: its range cannot change.`);
    else if (next.choices) {
      const kept = new Set(next.choices.map((choice) => choice.value));
      const lost = [...values].filter((value) => value !== NOT_APPLICABLE && !kept.has(value));
      if (lost.length > 0) refuse(`The question "${name}" has answers "${lost.join('", "')}" in this round: those choices cannot be removed.`);
    }
  }
}

function requireParticipant(context: CommandContext): string {
  if (context.participant === undefined) throw new OsaError('forbidden', 'This needs a participant.');
  return context.participant;
}

const idSchema: Schema = { type: 'string', pattern: '^r[0-9]{1,9}$' };

export interface SubmitResult {
  responseId: string;
  round: number;
  /** The answers as recorded: visible questions only, texts tidied. */
  answers: Answers;
  edited: boolean;
}

const submit: CommandSpec<FeedbackState, FeedbackConfig, { answers: Record<string, unknown>; responseId?: string }, SubmitResult> = {
  input: {
    type: 'object',
    properties: { answers: { type: 'object', properties: {} }, responseId: idSchema },
    required: ['answers'],
    additionalProperties: false,
  },
  phases: ['open'],
  run(activity, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = activity;
    const mine = Object.hasOwn(state.byParticipant, participant) ? state.byParticipant[participant] : [];
    let before: Answers | undefined;
    let responseId = payload.responseId;
    if (responseId !== undefined) {
      if (!mine.includes(responseId)) throw new OsaError('not_found', `You have no response "${responseId}".`, { field: 'responseId' });
      if (!config.allowEdit) throw new OsaError('forbidden', 'Responses to this form cannot be edited.', { field: 'responseId' });
      const existing = state.responses[responseId];
      if (existing.round !== state.round) throw new OsaError('conflict', 'This response belongs to an earlier round and can no longer be edited.', { field: 'responseId' });
      before = existing.answers;
    } else {
      const thisRound = mine.filter((id) => state.responses[id]?.round === state.round).length;
      if (config.responsesPerParticipant !== 0 && thisRound >= config.responsesPerParticipant) {
        throw new OsaError('conflict', config.responsesPerParticipant === 1 ? 'You have already answered.' : `You have already sent ${thisRound} responses, the most this form takes.`, {
          reason: { kind: 'tooMany', limit: config.responsesPerParticipant },
        });
      }
      responseId = `r${Object.keys(state.responses).length + 1}`;
    }
    const answers = validateAnswers(config.form, payload.answers);
    const existing = before === undefined ? undefined : state.responses[responseId];
    const data: ResponseChange = { responseId, answers, round: state.round, at: existing?.at ?? context.now };
    if (existing) data.updatedAt = context.now;
    const changes: ChangeDraft[] = [{ type: 'response', data, audience: `participant:${participant}` }];
    const delta = tallyDelta(config.form, before, answers);
    if (Object.keys(delta).length > 0) changes.push({ type: 'tally', data: { round: state.round, delta }, audience: 'public' });
    if (!existing) changes.push({ type: 'count', data: { round: state.round, count: state.count + 1 }, audience: 'public' });
    return { result: { responseId, round: state.round, answers, edited: existing !== undefined }, changes };
  },
};

const reset: CommandSpec<FeedbackState, FeedbackConfig, Record<string, never>, { round: number }> = {
  input: { type: 'object', properties: {}, additionalProperties: false },
  organiser: true,
  run(activity) {
    const round = activity.state.round + 1;
    return { result: { round }, changes: [{ type: 'round', data: { round }, audience: 'public' }] };
  },
};

/** Participants see the tallies only while the organiser makes results public; the organiser sees everything. */
function canSee(change: Change, activity: ActivityRecord<FeedbackState, FeedbackConfig>, viewer: Viewer): boolean {
  if (change.type === 'tally') return viewer.organiser || activity.config.publicResults;
  return true;
}

/** A cell of the export: multiple choices joined with "; ", a ranking as "a > b > c", "not applicable" as `NOT_APPLICABLE`. */
export function exportCell(value: AnswerValue | undefined, type: string): string | number | null {
  if (value === undefined) return null;
  if (value === NOT_APPLICABLE) return NOT_APPLICABLE;
  if (Array.isArray(value)) return value.join(type === 'ranking' ? ' > ' : '; ');
  return value;
}

function exportTables(activity: ActivityRecord<FeedbackState, FeedbackConfig>): ExportTables {
  const { state, config } = activity;
  const numbers = participantNumbers(state);
  const questions = allQuestions(config.form);
  const types = new Map<string, string>(questions.map((question) => [question.name, question.type]));
  // Questions answered in earlier rounds and no longer in the form (a poll's earlier questions) keep their columns, after the form's.
  for (const response of Object.values(state.responses)) {
    for (const [name, value] of Object.entries(response.answers)) if (!types.has(name)) types.set(name, Array.isArray(value) ? 'multiple' : 'text');
  }
  const responses = Object.entries(state.responses)
    .sort(([a, x], [b, y]) => x.at - y.at || Number(a.slice(1)) - Number(b.slice(1)))
    .map(([responseId, response]) => {
      const row: Record<string, string | number | null> = {
        response: responseId,
        participant: numbers.get(response.participant) ?? null,
        round: response.round,
        submitted: new Date(response.at).toISOString(),
      };
      for (const [name, type] of types) row[name] = exportCell(Object.hasOwn(response.answers, name) ? response.answers[name] : undefined, type);
      return row;
    });
  return { responses };
}

export const feedbackKind = {
  ...feedbackView,
  configSchema,
  checkConfig,
  checkReconfigure,
  defaultConfig: DEFAULT_FEEDBACK_CONFIG,
  initialState: initialFeedbackState,
  canSee,
  exportTables,
  commands: { submit, reset },
} satisfies ActivityKind<FeedbackState, FeedbackConfig, Record<string, CommandSpec<FeedbackState, FeedbackConfig, never, unknown>>>;
