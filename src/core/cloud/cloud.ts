import { OsaError } from '../errors.js';
import type { ActivityKind, ActivityRecord, Change, ChangeDraft, CommandContext, CommandSpec, Viewer } from '../activity.js';
import { LANGUAGES, type ExportTables, type Language } from '../protocol.js';
import type { Schema } from '../validate.js';
import { cleanText } from '../text.js';
import { displayOf, termsOf } from './terms.js';
import { isFlagged } from './profanity.js';
import { cloudTerms, cloudView, initialCloudState, overlapOf, termOf, wordCount, type CloudAnswer, type CloudConfig, type CloudState, type TermsDelta } from './cloud.view.js';

export * from './cloud.view.js';

/**
 * The rules of the tag cloud: its settings, its commands and who may read which change. Back ends
 * run them; browsers that only show a cloud need `cloud.view.ts`.
 */

const configSchema: Schema = {
  type: 'object',
  properties: {
    maxWords: { type: 'integer', minimum: 1, maximum: 50 },
    maxLength: { type: 'integer', minimum: 1, maximum: 500 },
    answersPerParticipant: { type: 'integer', minimum: 1, maximum: 100 },
    keepPhrases: { type: 'boolean' },
    showCloud: { type: 'boolean' },
    language: { type: 'string', enum: [...LANGUAGES] },
  },
  required: ['maxWords', 'maxLength', 'answersPerParticipant', 'keepPhrases', 'showCloud'],
  additionalProperties: false,
};

export const DEFAULT_CLOUD_CONFIG: CloudConfig = {
  maxWords: 3,
  maxLength: 40,
  answersPerParticipant: 3,
  keepPhrases: false,
  showCloud: true,
};

function checkConfig(config: CloudConfig): void {
  // One word needs at least a character; a phrase of `maxWords` words needs that many and the spaces between.
  if (config.maxLength < config.maxWords) {
    throw new OsaError('invalid', `"maxLength" (${config.maxLength}) must be at least "maxWords" (${config.maxWords})`, {
      field: 'config.maxLength',
      reason: { kind: 'tooSmall', limit: config.maxWords },
    });
  }
}

const keySchema: Schema = { type: 'string', minLength: 1, maxLength: 500 };

function requireParticipant(context: CommandContext): string {
  if (context.participant === undefined) throw new OsaError('forbidden', 'This needs a participant.');
  return context.participant;
}

function existingTerm(state: CloudState, key: string, field: string): void {
  if (!Object.hasOwn(state.terms, key)) throw new OsaError('not_found', `There is no term "${key}".`, { field });
}

/**
 * The language an answer is read in: the one the submit names (the participant's UI language),
 * else the cloud's `language` setting (for a cloud whose answers are in another language than the
 * event's main one), else the event's first language, else Finnish.
 */
export function answerLanguage(given: Language | undefined, config: CloudConfig, context: Pick<CommandContext, 'eventLanguages'>): Language {
  return given ?? config.language ?? context.eventLanguages?.[0] ?? 'fi';
}

export interface SubmitResult {
  answer: string;
  /** The terms (as shown now) the answer counted toward. */
  terms: string[];
}

const submit: CommandSpec<CloudState, CloudConfig, { text: string; language?: Language }, SubmitResult> = {
  input: {
    type: 'object',
    properties: { text: { type: 'string', minLength: 1, maxLength: 2000 }, language: { type: 'string', enum: [...LANGUAGES] } },
    required: ['text'],
    additionalProperties: false,
  },
  phases: ['open'],
  run(cloud, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = cloud;
    const language = answerLanguage(payload.language, config, context);
    const text = cleanText(payload.text);
    if (text.length === 0) throw new OsaError('invalid', '"text" is required', { field: 'text', reason: { kind: 'required' } });
    if ([...text].length > config.maxLength) {
      throw new OsaError('invalid', `"text" must have at most ${config.maxLength} characters`, { field: 'text', reason: { kind: 'tooLong', limit: config.maxLength } });
    }
    if (wordCount(text, language) > config.maxWords) {
      throw new OsaError('invalid', `"text" must have at most ${config.maxWords} words`, { field: 'text', reason: { kind: 'tooMany', limit: config.maxWords } });
    }
    const given = state.participants[participant]?.answers.length ?? 0;
    if (given >= config.answersPerParticipant) {
      throw new OsaError('invalid', `A participant can give at most ${config.answersPerParticipant} answers`, {
        field: 'answers',
        reason: { kind: 'tooMany', limit: config.answersPerParticipant },
      });
    }
    const hits = termsOf(text, { language, keepPhrases: config.keepPhrases, lemmatiser: context.lemmatiser, known: (key) => Object.hasOwn(state.terms, key) });
    if (hits.length === 0) {
      throw new OsaError('invalid', '"text" has only words that do not count (such as "and" or "the")', { field: 'text', reason: { kind: 'notAllowed' } });
    }
    const id = `a${state.answerCount + 1}`;
    const answer: Omit<CloudAnswer, 'participant'> = { id, text, terms: hits.map((hit) => hit.key), language, at: context.now };
    const displayed = hits.map((hit) => {
      const surfaces = { ...(state.terms[hit.key]?.surfaces ?? {}) };
      surfaces[hit.surface] = (surfaces[hit.surface] ?? 0) + 1;
      return { ...hit, display: displayOf(surfaces) };
    });
    const delta: TermsDelta = { hits: displayed, answers: state.answerCount + 1, participants: state.participantCount + (given === 0 ? 1 : 0) };
    // Terms of this answer already merged into one shown term count it once there.
    const roots = new Set<string>();
    for (const hit of hits) {
      const root = termOf(state, hit.key);
      if (roots.has(root)) (delta.overlap ??= {})[root] = (delta.overlap[root] ?? 0) + 1;
      else roots.add(root);
    }
    const changes: ChangeDraft[] = [
      { type: 'terms', data: delta, audience: 'public' },
      { type: 'answer', data: { answer }, audience: `participant:${participant}` },
    ];
    for (const hit of hits) {
      if (!Object.hasOwn(state.terms, hit.key) && (isFlagged(hit.key, language) || isFlagged(hit.surface, language))) {
        changes.push({ type: 'flag', data: { key: hit.key }, audience: 'organiser' });
      }
    }
    return { result: { answer: id, terms: hits.map((hit) => termOf(state, hit.key)) }, changes };
  },
};

/**
 * The overlap (see `CloudState.overlap`) once a merge or split is folded in, computed on a copy of
 * the terms: the change carries it to views that do not hold every answer.
 */
function overlapAfter(state: CloudState, change: Pick<Change, 'type' | 'data'>): Record<string, number> {
  const terms = Object.fromEntries(Object.entries(state.terms).map(([key, term]) => [key, { ...term }]));
  const after = cloudView.reduce({ ...state, terms, order: [...state.order] }, { ...change, seq: 0, activity: '', at: 0, audience: 'public' });
  return overlapOf(after);
}

const merge: CommandSpec<CloudState, CloudConfig, { terms: string[]; into: string }, { into: string }> = {
  input: {
    type: 'object',
    properties: { terms: { type: 'array', items: keySchema, minItems: 1, maxItems: 100 }, into: keySchema },
    required: ['terms', 'into'],
    additionalProperties: false,
  },
  organiser: true,
  run(cloud, payload) {
    const { state } = cloud;
    existingTerm(state, payload.into, 'into');
    const into = termOf(state, payload.into);
    const terms: string[] = [];
    payload.terms.forEach((key, index) => {
      existingTerm(state, key, `terms.${index}`);
      const root = termOf(state, key);
      if (root === into) return;
      if (!terms.includes(root)) terms.push(root);
    });
    if (terms.length === 0) throw new OsaError('invalid', 'Choose at least one other term to merge.', { field: 'terms', reason: { kind: 'notAllowed' } });
    return { result: { into }, changes: [{ type: 'merge', data: { terms, into, overlap: overlapAfter(state, { type: 'merge', data: { terms, into } }) }, audience: 'public' }] };
  },
};

const split: CommandSpec<CloudState, CloudConfig, { term: string }, { terms: string[] }> = {
  input: { type: 'object', properties: { term: keySchema }, required: ['term'], additionalProperties: false },
  organiser: true,
  run(cloud, payload) {
    const { state } = cloud;
    existingTerm(state, payload.term, 'term');
    const own = state.terms[payload.term];
    // A merged term leaves the one it was merged into; a term others were merged into lets them all go.
    const terms = own.mergedInto ? [payload.term] : state.order.filter((key) => state.terms[key].mergedInto === payload.term);
    if (terms.length === 0) throw new OsaError('invalid', `The term "${payload.term}" is not merged.`, { field: 'term', reason: { kind: 'notAllowed' } });
    return { result: { terms }, changes: [{ type: 'split', data: { terms, overlap: overlapAfter(state, { type: 'split', data: { terms } }) }, audience: 'public' }] };
  },
};

const hide: CommandSpec<CloudState, CloudConfig, { term: string; hidden: boolean }, { hidden: boolean }> = {
  input: { type: 'object', properties: { term: keySchema, hidden: { type: 'boolean' } }, required: ['term', 'hidden'], additionalProperties: false },
  organiser: true,
  run(cloud, payload) {
    const { state } = cloud;
    existingTerm(state, payload.term, 'term');
    const term = termOf(state, payload.term);
    if (state.terms[term].hidden === payload.hidden) return { result: { hidden: payload.hidden }, changes: [] };
    return { result: { hidden: payload.hidden }, changes: [{ type: 'hide', data: { term, hidden: payload.hidden }, audience: 'public' }] };
  },
};

/**
 * What participants and anonymous viewers may read now, beyond a change's audience (which keeps
 * every raw answer to its author and the organiser): with `showCloud` off, no `terms` deltas, so a
 * participant sees only their own answers.
 */
function canSee(change: Change, cloud: ActivityRecord<CloudState, CloudConfig>, viewer: Viewer): boolean {
  if (viewer.organiser) return true;
  if (change.type === 'terms') return cloud.config.showCloud;
  return true;
}

function exportTables(cloud: ActivityRecord<CloudState, CloudConfig>): ExportTables {
  const { state } = cloud;
  const shown = new Map(cloudTerms(state, { includeHidden: true }).map((term) => [term.key, term]));
  const terms = state.order.map((key) => {
    const term = state.terms[key];
    const root = termOf(state, key);
    return {
      term: key,
      display: shown.get(key)?.display ?? shown.get(root)?.display ?? key,
      count: key === root ? (shown.get(key)?.count ?? term.count) : term.count,
      hidden: state.terms[root]?.hidden ?? false,
      flagged: Boolean(term.flagged),
      mergedInto: key === root ? null : root,
    };
  });
  // Participants are numbered in order of first answer: the export never carries device ids.
  const pseudonyms = new Map<string, string>();
  const answers = state.answerOrder.flatMap((id) => {
    const answer = state.answers[id];
    if (!answer) return [];
    const participant = answer.participant ?? '';
    if (!pseudonyms.has(participant)) pseudonyms.set(participant, `p${pseudonyms.size + 1}`);
    const counted = [...new Set(answer.terms.map((key) => termOf(state, key)))];
    return counted.map((term) => ({ text: answer.text, term, participant: pseudonyms.get(participant)!, submitted: new Date(answer.at).toISOString() }));
  });
  return { terms, answers };
}

export const cloudKind = {
  ...cloudView,
  configSchema,
  checkConfig,
  defaultConfig: DEFAULT_CLOUD_CONFIG,
  initialState: initialCloudState,
  canSee,
  exportTables,
  commands: { submit, merge, split, hide },
} satisfies ActivityKind<CloudState, CloudConfig, Record<string, CommandSpec<CloudState, CloudConfig, never, unknown>>>;

export type CloudCommands = typeof cloudKind.commands;
