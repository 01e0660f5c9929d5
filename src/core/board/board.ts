import { OsaError } from '../errors.js';
import type { ActivityKind, ActivityRecord, Change, ChangeDraft, CommandContext, CommandSpec, LocalizedText, Viewer } from '../activity.js';
import type { Schema } from '../validate.js';
import { cleanText, mostSimilar } from '../text.js';
import { DuelTally, fit, pairKey, rank, type DuelRankRow, type RankRow } from '../ranking/bradley-terry.js';
import { choosePair } from '../ranking/pairs.js';
import { rankUpvotes } from '../ranking/upvote.js';
import { flaggedWords } from './profanity.js';

/**
 * The priority board: participants submit ideas, then prioritise them in pairwise duels (or by
 * upvotes), and the ranking is shown when the organiser allows.
 *
 * Phases: `collect` → `vote` → `results` → `closed`. In `vote` the board runs duels or upvotes,
 * as `config.mode` says.
 */
export const BOARD_PHASES = ['collect', 'vote', 'results', 'closed'] as const;
export type BoardPhase = (typeof BOARD_PHASES)[number];

export type BoardMode = 'duel' | 'upvote';
export type Moderation = 'pre' | 'post';
/** When participants see the ranking: always, from the `results` phase on, only when `closed`, or never (organiser only). */
export type ResultsVisibility = 'always' | 'afterVoting' | 'afterClose' | 'never';

export interface BoardQuestion {
  id: string;
  title: LocalizedText;
}

export interface BoardConfig {
  mode: BoardMode;
  moderation: Moderation;
  resultsVisibility: ResultsVisibility;
  /** Whether participants can read each other's ideas while collecting (the discussion case). */
  showIdeas: boolean;
  /** Whether participants can like ideas while collecting (the discussion case). */
  likesWhileCollecting: boolean;
  maxLength: number;
  maxIdeasPerParticipant: number;
  /** Appearances (duels, or views in upvote mode) before an idea is ranked. */
  minAppearances: number;
  /** Similarity (0–1) at which a new idea is reported as a likely duplicate. */
  duplicateThreshold: number;
  /** Flag submissions that contain words from the fi/sv/en list for the moderator (never blocks). */
  profanityFilter: boolean;
  questions: BoardQuestion[];
}

export type IdeaStatus = 'pending' | 'visible' | 'hidden' | 'merged';

export interface Idea {
  id: string;
  question: string;
  text: string;
  status: IdeaStatus;
  createdAt: number;
  likes: number;
  mergedInto?: string;
  /** Words the profanity list found; only the organiser's view has them. */
  flagged?: string[];
}

export type DuelChoice = 'a' | 'b' | 'tie';

/** The results of one pair of ideas; `a` sorts before `b`. */
export interface PairResult {
  a: string;
  b: string;
  aWins: number;
  bWins: number;
  ties: number;
}

/** What one participant did; a participant's view holds only their own entry. */
export interface ParticipantRecord {
  ideas: string[];
  /** pairKey → the last vote, with the pair in the order it was shown. */
  votes: Record<string, { a: string; b: string; choice: DuelChoice }>;
  likes: string[];
  /** The pair issued and not yet answered. */
  pair: [string, string] | null;
}

export interface ModerationEntry {
  at: number;
  action: 'approve' | 'hide' | 'restore' | 'edit' | 'merge' | 'flag';
  ideaId: string;
  detail: string;
}

export interface BoardState {
  ideas: Record<string, Idea>;
  /** Idea ids in submission order. */
  order: string[];
  /** pairKey → results; present in a view only while results are visible to it. */
  duels: Record<string, PairResult>;
  duelCount: number;
  /** Increases whenever the duel data or the set of visible ideas changes: the ranking must be refitted. */
  tallyVersion: number;
  /** Participants who voted (duel or like) at least once; in upvote mode the "views" of every idea. */
  voters: number;
  /** Participants who submitted, voted or liked: the presenter's counter. */
  participantCount: number;
  participants: Record<string, ParticipantRecord>;
  moderation: ModerationEntry[];
}

const questionSchema: Schema = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    title: {
      anyOf: [
        { type: 'string', minLength: 1, maxLength: 300 },
        {
          type: 'object',
          properties: { fi: { type: 'string', maxLength: 300 }, sv: { type: 'string', maxLength: 300 }, en: { type: 'string', maxLength: 300 } },
          additionalProperties: false,
        },
      ],
    },
  },
  required: ['id', 'title'],
  additionalProperties: false,
};

const configSchema: Schema = {
  type: 'object',
  properties: {
    mode: { type: 'string', enum: ['duel', 'upvote'] },
    moderation: { type: 'string', enum: ['pre', 'post'] },
    resultsVisibility: { type: 'string', enum: ['always', 'afterVoting', 'afterClose', 'never'] },
    showIdeas: { type: 'boolean' },
    likesWhileCollecting: { type: 'boolean' },
    maxLength: { type: 'integer', minimum: 10, maximum: 1000 },
    maxIdeasPerParticipant: { type: 'integer', minimum: 1, maximum: 200 },
    minAppearances: { type: 'integer', minimum: 0, maximum: 1000 },
    duplicateThreshold: { type: 'number', minimum: 0.5, maximum: 1 },
    profanityFilter: { type: 'boolean' },
    questions: { type: 'array', items: questionSchema, minItems: 1, maxItems: 20 },
  },
  required: ['mode', 'moderation', 'resultsVisibility', 'maxLength', 'questions'],
  additionalProperties: false,
};

export const DEFAULT_BOARD_CONFIG: BoardConfig = {
  mode: 'duel',
  moderation: 'post',
  resultsVisibility: 'afterVoting',
  showIdeas: true,
  likesWhileCollecting: false,
  maxLength: 280,
  maxIdeasPerParticipant: 20,
  minAppearances: 5,
  duplicateThreshold: 0.8,
  profanityFilter: true,
  questions: [{ id: 'main', title: { fi: 'Ideat', sv: 'Idéer', en: 'Ideas' } }],
};

/** Whether participants may see the ranking (duel results, like counts in upvote mode) now. */
export function resultsVisible(config: BoardConfig, phase: string): boolean {
  switch (config.resultsVisibility) {
    case 'always':
      return true;
    case 'afterVoting':
      return phase === 'results' || phase === 'closed';
    case 'afterClose':
      return phase === 'closed';
    case 'never':
      return false;
  }
}

const participantOf = (change: Pick<Change, 'audience'>): string | undefined =>
  change.audience.startsWith('participant:') ? change.audience.slice('participant:'.length) : undefined;

function recordFor(state: BoardState, participant: string): ParticipantRecord {
  let record = state.participants[participant];
  if (!record) {
    record = { ideas: [], votes: {}, likes: [], pair: null };
    state.participants[participant] = record;
  }
  return record;
}

const idea = (state: BoardState, ideaId: string): Idea => {
  const found = Object.hasOwn(state.ideas, ideaId) ? state.ideas[ideaId] : undefined;
  if (!found) throw new OsaError('not_found', `There is no idea "${ideaId}".`, { field: 'ideaId' });
  return found;
};

/** Visible ideas of one question, in submission order. */
export function visibleIdeas(state: BoardState, question?: string): Idea[] {
  return state.order.map((id) => state.ideas[id]).filter((item) => item && item.status === 'visible' && (question === undefined || item.question === question));
}

const tallies = new WeakMap<BoardState, { version: number; tally: DuelTally; strengths?: Map<string, number>; fittedVersion?: number }>();

/**
 * The duel tally of a board state, rebuilt only when votes changed since the last call and kept
 * beside the state (not in it, so the state stays plain JSON).
 */
export function duelTally(state: BoardState): DuelTally {
  const cached = tallies.get(state);
  if (cached && cached.version === state.tallyVersion) return cached.tally;
  const tally = new DuelTally();
  for (const id of state.order) if (state.ideas[id]?.status === 'visible') tally.addItem(id);
  for (const pair of Object.values(state.duels)) {
    if (state.ideas[pair.a]?.status !== 'visible' || state.ideas[pair.b]?.status !== 'visible') continue;
    for (let index = 0; index < pair.aWins; index += 1) recordOutcome(tally, pair.a, pair.b, pair.a, 1);
    for (let index = 0; index < pair.bWins; index += 1) recordOutcome(tally, pair.a, pair.b, pair.b, 1);
    for (let index = 0; index < pair.ties; index += 1) recordOutcome(tally, pair.a, pair.b, 'tie', 1);
  }
  tallies.set(state, { version: state.tallyVersion, tally, strengths: cached?.strengths });
  return tally;
}

/** Current strengths, refitted from the previous ones (warm start) when votes changed. */
function strengthsOf(state: BoardState): Map<string, number> {
  const tally = duelTally(state);
  const entry = tallies.get(state)!;
  if (entry.strengths && entry.fittedVersion === state.tallyVersion) return entry.strengths;
  entry.strengths = fit(tally, { initial: entry.strengths }).strengths;
  entry.fittedVersion = state.tallyVersion;
  return entry.strengths;
}

/** What the views of a board need: its state, settings and phase. */
export type BoardData = Pick<ActivityRecord<BoardState, BoardConfig>, 'state' | 'config' | 'phase'>;

export interface BoardResultRow extends RankRow {
  text: string;
  question: string;
}

/**
 * The ranking of one question's visible ideas: Bradley–Terry scores in duel mode, the Wilson
 * lower bound of likes per voter in upvote mode (see `rankUpvotes`).
 */
export function boardResults(state: BoardState, config: BoardConfig, question?: string): BoardResultRow[] {
  const ideas = visibleIdeas(state, question);
  const byId = new Map(ideas.map((item) => [item.id, item]));
  let rows: RankRow[];
  if (config.mode === 'duel') {
    const tally = duelTally(state);
    const entry = tallies.get(state)!;
    const ranked: DuelRankRow[] = rank(tally, { minAppearances: config.minAppearances, previous: entry.strengths });
    // The fit behind the ranking warm-starts the next one (and serves the pair sampler meanwhile).
    entry.strengths = new Map(ranked.map((row) => [row.id, row.strength]));
    entry.fittedVersion = state.tallyVersion;
    rows = ranked.filter((row) => byId.has(row.id));
  } else {
    rows = rankUpvotes(
      ideas.map((item) => ({ id: item.id, likes: item.likes, views: state.voters })),
      { minAppearances: config.minAppearances },
    );
  }
  return rows.map((row) => ({ ...row, text: byId.get(row.id)!.text, question: byId.get(row.id)!.question }));
}

// ---------------------------------------------------------------- commands


const ideaIdSchema: Schema = { type: 'string', minLength: 1, maxLength: 40 };

function questionOf(config: BoardConfig, question: string | undefined): string {
  const id = question ?? config.questions[0].id;
  if (!config.questions.some((entry) => entry.id === id)) {
    throw new OsaError('invalid', `"question" must be one of ${config.questions.map((entry) => entry.id).join(', ')}`, {
      field: 'question',
      reason: { kind: 'notAllowed' },
    });
  }
  return id;
}

function requireParticipant(context: CommandContext): string {
  if (context.participant === undefined) throw new OsaError('forbidden', 'This needs a participant.');
  return context.participant;
}

export type SubmitResult =
  | { status: 'similar'; similar: { id: string; text: string } }
  | { status: 'pending' | 'visible'; ideaId: string };

const submitIdea: CommandSpec<BoardState, BoardConfig, { text: string; question?: string; force?: boolean }, SubmitResult> = {
  input: {
    type: 'object',
    properties: {
      text: { type: 'string', minLength: 1, maxLength: 1000 },
      question: { type: 'string', minLength: 1, maxLength: 40 },
      force: { type: 'boolean' },
    },
    required: ['text'],
    additionalProperties: false,
  },
  phases: ['collect'],
  run(board, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = board;
    const text = cleanText(payload.text);
    if (text.length === 0) throw new OsaError('invalid', '"text" is required', { field: 'text', reason: { kind: 'required' } });
    if ([...text].length > config.maxLength) {
      throw new OsaError('invalid', `"text" must have at most ${config.maxLength} characters`, {
        field: 'text',
        reason: { kind: 'tooLong', limit: config.maxLength },
      });
    }
    const question = questionOf(config, payload.question);
    const mine = state.participants[participant]?.ideas ?? [];
    if (mine.length >= config.maxIdeasPerParticipant) {
      throw new OsaError('full', `A participant can submit at most ${config.maxIdeasPerParticipant} ideas.`);
    }
    if (!payload.force) {
      const candidates = state.order
        .map((id) => state.ideas[id])
        .filter((item) => item.question === question && (item.status === 'visible' || mine.includes(item.id)));
      const similar = mostSimilar(text, candidates, (item) => item.text, config.duplicateThreshold);
      if (similar) return { result: { status: 'similar', similar: { id: similar.id, text: similar.text } }, changes: [] };
    }
    const ideaId = `i${state.order.length + 1}`;
    const status = config.moderation === 'pre' ? 'pending' : 'visible';
    const created: Idea = { id: ideaId, question, text, status, createdAt: context.now, likes: 0 };
    const changes: ChangeDraft[] = [
      { type: 'idea', data: { idea: created }, audience: status === 'visible' ? 'public' : `participant:${participant}` },
      ...countsAfter(state, participant, false),
      { type: 'own-idea', data: { ideaId }, audience: `participant:${participant}` },
    ];
    const flagged = config.profanityFilter ? flaggedWords(text) : [];
    if (flagged.length > 0) {
      changes.push({ type: 'idea-flag', data: { ideaId, words: flagged }, audience: 'organiser' });
      changes.push(moderationEntry(context, 'flag', ideaId, flagged.join(', ')));
    }
    return { result: { status, ideaId }, changes };
  },
};

/**
 * The public counters after `participant` acts: a participant counts once they submit, vote or
 * like; a voter once they vote or like. Returned only when a counter changes.
 */
function countsAfter(state: BoardState, participant: string, voting: boolean): ChangeDraft[] {
  const record = state.participants[participant];
  const hasVoted = record !== undefined && (record.likes.length > 0 || Object.keys(record.votes).length > 0);
  const isNew = !hasVoted && (record === undefined || record.ideas.length === 0);
  const isNewVoter = voting && !hasVoted;
  if (!isNew && !isNewVoter) return [];
  const counts = { participants: state.participantCount + (isNew ? 1 : 0), voters: state.voters + (isNewVoter ? 1 : 0) };
  return [{ type: 'counts', data: counts, audience: 'public' }];
}

function moderationEntry(context: CommandContext, action: ModerationEntry['action'], ideaId: string, detail: string): ChangeDraft {
  const entry: ModerationEntry = { at: context.now, action, ideaId, detail };
  return { type: 'moderation', data: { entry }, audience: 'organiser' };
}

const likeCommand = (liked: boolean): CommandSpec<BoardState, BoardConfig, { ideaId: string }, { likes: number; liked: boolean }> => ({
  input: { type: 'object', properties: { ideaId: ideaIdSchema }, required: ['ideaId'], additionalProperties: false },
  phases: ['collect', 'vote'],
  run(board, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = board;
    const open = board.phase === 'vote' ? config.mode === 'upvote' : config.likesWhileCollecting;
    if (!open) throw new OsaError('phase_closed', 'Likes are not open now.');
    const target = idea(state, payload.ideaId);
    if (target.status !== 'visible') throw new OsaError('not_found', `There is no visible idea "${payload.ideaId}".`, { field: 'ideaId' });
    const record = state.participants[participant];
    const already = record?.likes.includes(target.id) ?? false;
    if (already === liked) return { result: { likes: target.likes, liked }, changes: [] };
    const likes = target.likes + (liked ? 1 : -1);
    return {
      result: { likes, liked },
      changes: [
        ...countsAfter(state, participant, true),
        { type: 'like', data: { ideaId: target.id, likes }, audience: 'public' },
        { type: 'my-like', data: { ideaId: target.id, liked }, audience: `participant:${participant}` },
      ],
    };
  },
});

const nextPair: CommandSpec<BoardState, BoardConfig, { question?: string }, { pair: [string, string] | null; done: number }> = {
  input: { type: 'object', properties: { question: { type: 'string', minLength: 1, maxLength: 40 } }, additionalProperties: false },
  phases: ['vote'],
  run(board, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = board;
    if (config.mode !== 'duel') throw new OsaError('phase_closed', 'This board is prioritised by likes, not duels.');
    const question = questionOf(config, payload.question);
    const record = state.participants[participant];
    const done = record ? Object.keys(record.votes).length : 0;
    const issued = record?.pair;
    if (issued && issued.every((id) => state.ideas[id]?.status === 'visible' && state.ideas[id].question === question)) {
      return { result: { pair: issued, done }, changes: [] };
    }
    const pair = choosePair({
      items: visibleIdeas(state, question).map((item) => item.id),
      tally: duelTally(state),
      seen: new Set(Object.keys(record?.votes ?? {})),
      own: new Set(record?.ideas ?? []),
      strengths: strengthsOf(state),
      random: context.random,
    });
    return { result: { pair, done }, changes: [{ type: 'pair', data: { pair }, audience: `participant:${participant}` }] };
  },
};

const vote: CommandSpec<BoardState, BoardConfig, { a: string; b: string; choice: DuelChoice }, { done: number }> = {
  input: {
    type: 'object',
    properties: { a: ideaIdSchema, b: ideaIdSchema, choice: { type: 'string', enum: ['a', 'b', 'tie'] } },
    required: ['a', 'b', 'choice'],
    additionalProperties: false,
  },
  phases: ['vote'],
  run(board, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = board;
    if (config.mode !== 'duel') throw new OsaError('phase_closed', 'This board is prioritised by likes, not duels.');
    const key = pairKey(payload.a, payload.b);
    const record = state.participants[participant];
    const issued = record?.pair && pairKey(record.pair[0], record.pair[1]) === key;
    const previous = record?.votes[key];
    // Pairs are chosen by the server: a participant can answer the pair issued to them, or change an earlier answer.
    if (!issued && !previous) throw new OsaError('invalid', 'This pair was not offered to you.', { field: 'a', reason: { kind: 'notAllowed' } });
    for (const id of [payload.a, payload.b]) {
      if (idea(state, id).status !== 'visible') throw new OsaError('not_found', `There is no visible idea "${id}".`, { field: 'a' });
    }
    const winner = payload.choice === 'a' ? payload.a : payload.choice === 'b' ? payload.b : null;
    const done = Object.keys(record?.votes ?? {}).length + (previous ? 0 : 1);
    const outcome = (choiceWinner: string | null) => (choiceWinner === null ? 'tie' : choiceWinner);
    const previousWinner = previous ? (previous.choice === 'a' ? previous.a : previous.choice === 'b' ? previous.b : null) : undefined;
    if (previous && outcome(previousWinner ?? null) === outcome(winner)) return { result: { done }, changes: [] };
    return {
      result: { done },
      changes: [
        ...countsAfter(state, participant, true),
        {
          type: 'duel',
          data: { a: payload.a, b: payload.b, winner: outcome(winner), previous: previous ? outcome(previousWinner ?? null) : null },
          audience: 'public',
        },
        { type: 'my-vote', data: { a: payload.a, b: payload.b, choice: payload.choice }, audience: `participant:${participant}` },
      ],
    };
  },
};

const moderate: CommandSpec<BoardState, BoardConfig, { ideaId: string; action: 'approve' | 'hide' | 'restore' | 'edit'; text?: string }, { status: IdeaStatus }> = {
  input: {
    type: 'object',
    properties: {
      ideaId: ideaIdSchema,
      action: { type: 'string', enum: ['approve', 'hide', 'restore', 'edit'] },
      text: { type: 'string', minLength: 1, maxLength: 1000 },
    },
    required: ['ideaId', 'action'],
    additionalProperties: false,
  },
  organiser: true,
  run(board, payload, context) {
    const target = idea(board.state, payload.ideaId);
    if (payload.action === 'edit') {
      const text = cleanText(payload.text ?? '');
      if (!text) throw new OsaError('invalid', '"text" is required to edit an idea', { field: 'text', reason: { kind: 'required' } });
      return {
        result: { status: target.status },
        changes: [
          { type: 'idea-text', data: { ideaId: target.id, text }, audience: target.status === 'visible' ? 'public' : 'organiser' },
          moderationEntry(context, 'edit', target.id, `${target.text} → ${text}`),
        ],
      };
    }
    if (target.status === 'merged') throw new OsaError('invalid', 'A merged idea cannot be moderated; moderate the idea it was merged into.', { field: 'ideaId', reason: { kind: 'notAllowed' } });
    const status: IdeaStatus = payload.action === 'hide' ? 'hidden' : 'visible';
    if (target.status === status) return { result: { status }, changes: [] };
    const current: Idea = { ...target, status, flagged: undefined };
    return {
      result: { status },
      changes: [
        // Becoming visible publishes the whole idea; being hidden only its new status.
        status === 'visible'
          ? { type: 'idea', data: { idea: current }, audience: 'public' }
          : { type: 'idea-status', data: { ideaId: target.id, status }, audience: 'public' },
        moderationEntry(context, payload.action, target.id, target.text),
      ],
    };
  },
};

const merge: CommandSpec<BoardState, BoardConfig, { from: string; into: string }, { into: string }> = {
  input: { type: 'object', properties: { from: ideaIdSchema, into: ideaIdSchema }, required: ['from', 'into'], additionalProperties: false },
  organiser: true,
  run(board, payload, context) {
    const { state } = board;
    const from = idea(state, payload.from);
    const into = idea(state, payload.into);
    if (from.id === into.id) throw new OsaError('invalid', 'An idea cannot be merged into itself.', { field: 'into', reason: { kind: 'notAllowed' } });
    if (into.status !== 'visible') throw new OsaError('invalid', 'Ideas can only be merged into a visible idea.', { field: 'into', reason: { kind: 'notAllowed' } });
    if (from.status === 'merged') throw new OsaError('invalid', 'This idea is already merged.', { field: 'from', reason: { kind: 'notAllowed' } });
    // Likes carried over exactly: a participant who liked both counts once.
    const likers = new Set<string>();
    for (const [participant, record] of Object.entries(state.participants)) {
      if (record.likes.includes(from.id) || record.likes.includes(into.id)) likers.add(participant);
    }
    return {
      result: { into: into.id },
      changes: [
        { type: 'merge', data: { from: from.id, into: into.id, likes: likers.size }, audience: 'public' },
        moderationEntry(context, 'merge', from.id, `${from.text} → ${into.text}`),
      ],
    };
  },
};

// ---------------------------------------------------------------- folding changes

function addOutcome(state: BoardState, a: string, b: string, winner: string, sign: 1 | -1): void {
  const key = pairKey(a, b);
  const [first, second] = a < b ? [a, b] : [b, a];
  const pair = (state.duels[key] ??= { a: first, b: second, aWins: 0, bWins: 0, ties: 0 });
  if (winner === 'tie') pair.ties += sign;
  else if (winner === first) pair.aWins += sign;
  else pair.bWins += sign;
  state.duelCount += sign;
}

function recordOutcome(tally: DuelTally, a: string, b: string, winner: string, sign: 1 | -1): void {
  const loser = winner === a ? b : a;
  if (winner === 'tie') {
    if (sign > 0) tally.addTie(a, b);
    else tally.removeTie(a, b);
  } else if (sign > 0) tally.add(winner, loser);
  else tally.remove(winner, loser);
}

function mergeDuels(state: BoardState, from: string, into: string): void {
  for (const [key, pair] of Object.entries(state.duels)) {
    if (pair.a !== from && pair.b !== from) continue;
    delete state.duels[key];
    state.duelCount -= pair.aWins + pair.bWins + pair.ties;
    const other = pair.a === from ? pair.b : pair.a;
    // Duels between the two merged ideas compared an idea with itself: they drop out.
    if (other === into) continue;
    const fromWins = pair.a === from ? pair.aWins : pair.bWins;
    const otherWins = pair.a === from ? pair.bWins : pair.aWins;
    for (let index = 0; index < fromWins; index += 1) addOutcome(state, into, other, into, 1);
    for (let index = 0; index < otherWins; index += 1) addOutcome(state, into, other, other, 1);
    for (let index = 0; index < pair.ties; index += 1) addOutcome(state, into, other, 'tie', 1);
  }
}

function reduce(state: BoardState, change: Change): BoardState {
  const participant = participantOf(change);
  const data = change.data as Record<string, never>;
  switch (change.type) {
    case 'idea': {
      const incoming = data.idea as Idea;
      const existing = state.ideas[incoming.id];
      if (!existing) state.order.push(incoming.id);
      state.ideas[incoming.id] = { ...incoming, likes: existing?.likes ?? incoming.likes, flagged: existing?.flagged };
      state.tallyVersion += 1;
      break;
    }
    case 'own-idea':
      if (participant) recordFor(state, participant).ideas.push(data.ideaId);
      break;
    case 'counts':
      state.participantCount = data.participants;
      state.voters = data.voters;
      break;
    case 'idea-flag':
      if (state.ideas[data.ideaId]) state.ideas[data.ideaId].flagged = data.words;
      break;
    case 'idea-status':
      if (state.ideas[data.ideaId]) state.ideas[data.ideaId].status = data.status;
      state.tallyVersion += 1;
      break;
    case 'idea-text':
      if (state.ideas[data.ideaId]) state.ideas[data.ideaId].text = data.text;
      break;
    case 'merge': {
      const from = state.ideas[data.from];
      if (from) Object.assign(from, { status: 'merged', mergedInto: data.into });
      if (state.ideas[data.into]) state.ideas[data.into].likes = data.likes;
      mergeDuels(state, data.from, data.into);
      state.tallyVersion += 1;
      for (const record of Object.values(state.participants)) {
        if (record.likes.includes(data.from)) {
          record.likes = record.likes.filter((id) => id !== data.from);
          if (!record.likes.includes(data.into)) record.likes.push(data.into);
        }
      }
      break;
    }
    case 'like':
      if (state.ideas[data.ideaId]) state.ideas[data.ideaId].likes = data.likes;
      break;
    case 'my-like':
      if (participant) {
        const record = recordFor(state, participant);
        record.likes = data.liked ? [...record.likes, data.ideaId] : record.likes.filter((id) => id !== data.ideaId);
      }
      break;
    case 'pair':
      if (participant) recordFor(state, participant).pair = data.pair;
      break;
    case 'duel': {
      if (data.previous !== null) addOutcome(state, data.a, data.b, data.previous, -1);
      addOutcome(state, data.a, data.b, data.winner, 1);
      // A live board gets a vote at a time: update a current cached tally in O(1) instead of rebuilding it.
      const cached = tallies.get(state);
      const current = cached !== undefined && cached.version === state.tallyVersion;
      state.tallyVersion += 1;
      if (current && state.ideas[data.a]?.status === 'visible' && state.ideas[data.b]?.status === 'visible') {
        if (data.previous !== null) recordOutcome(cached.tally, data.a, data.b, data.previous, -1);
        recordOutcome(cached.tally, data.a, data.b, data.winner, 1);
        cached.version = state.tallyVersion;
      }
      break;
    }
    case 'my-vote':
      if (participant) {
        const record = recordFor(state, participant);
        record.votes[pairKey(data.a, data.b)] = { a: data.a, b: data.b, choice: data.choice };
        record.pair = null;
      }
      break;
    case 'moderation':
      state.moderation.push(data.entry);
      break;
  }
  return state;
}

// ---------------------------------------------------------------- the kind

/** Participants see duel results and like counts only while results are visible to them (see `resultsVisible`). */
function canSee(change: Change, board: ActivityRecord<BoardState, BoardConfig>, viewer: Viewer): boolean {
  if (viewer.organiser) return true;
  if (change.type === 'duel') return resultsVisible(board.config, board.phase);
  if (change.type === 'like' && board.config.mode === 'upvote' && board.phase !== 'collect') return resultsVisible(board.config, board.phase);
  return true;
}

function exportTables(board: ActivityRecord<BoardState, BoardConfig>): Record<string, Array<Record<string, string | number | boolean | null>>> {
  const { state, config } = board;
  const results = config.questions.flatMap((question) =>
    boardResults(state, config, question.id).map((row, index) => ({
      question: question.id,
      position: row.ranked ? index + 1 : null,
      idea: row.id,
      text: row.text,
      score: Math.round(row.score * 10) / 10,
      lower: Math.round(row.lower * 10) / 10,
      upper: Math.round(row.upper * 10) / 10,
      appearances: row.appearances,
      wins: row.wins,
      losses: row.losses,
      ties: row.ties,
      ranked: row.ranked,
    })),
  );
  // Participants are numbered in order of first appearance: the export never carries device ids.
  const pseudonyms = new Map(Object.keys(state.participants).map((id, index) => [id, `p${index + 1}`]));
  const ideas = state.order.map((id) => {
    const item = state.ideas[id];
    const author = Object.entries(state.participants).find(([, record]) => record.ideas.includes(id))?.[0];
    return {
      idea: id,
      question: item.question,
      text: item.text,
      status: item.status,
      mergedInto: item.mergedInto ?? null,
      likes: item.likes,
      flagged: item.flagged?.join(' ') ?? null,
      author: author ? pseudonyms.get(author)! : null,
      createdAt: new Date(item.createdAt).toISOString(),
    };
  });
  const votes = Object.entries(state.participants).flatMap(([participant, record]) =>
    Object.values(record.votes).map((entry) => ({
      participant: pseudonyms.get(participant)!,
      a: entry.a,
      b: entry.b,
      choice: entry.choice,
    })),
  );
  const likes = Object.entries(state.participants).flatMap(([participant, record]) =>
    record.likes.map((ideaId) => ({ participant: pseudonyms.get(participant)!, idea: ideaId })),
  );
  const moderation = state.moderation.map((entry) => ({ at: new Date(entry.at).toISOString(), action: entry.action, idea: entry.ideaId, detail: entry.detail }));
  return { results, ideas, votes, likes, moderation };
}

export const boardKind = {
  kind: 'board',
  phases: BOARD_PHASES,
  configSchema,
  defaultConfig: DEFAULT_BOARD_CONFIG,
  initialState: (): BoardState => ({
    ideas: {},
    order: [],
    duels: {},
    duelCount: 0,
    tallyVersion: 0,
    voters: 0,
    participantCount: 0,
    participants: {},
    moderation: [],
  }),
  reduce,
  canSee,
  exportTables,
  commands: {
    submitIdea,
    like: likeCommand(true),
    unlike: likeCommand(false),
    nextPair,
    vote,
    moderate,
    merge,
  },
} satisfies ActivityKind<BoardState, BoardConfig, Record<string, CommandSpec<BoardState, BoardConfig, never, unknown>>>;

export type BoardCommands = typeof boardKind.commands;
