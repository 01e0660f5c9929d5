import { OsaError } from '../errors.js';
import { ownEntry, type ActivityKind, type ActivityRecord, type ChangeDraft, type CommandContext, type CommandSpec, type Change, type Viewer } from '../activity.js';
import type { ExportTables } from '../protocol.js';
import type { Schema } from '../validate.js';
import { cleanText, TextIndex } from '../text.js';
import { pairKey } from '../ranking/bradley-terry.js';
import { choosePair } from '../ranking/pairs.js';
import { flaggedWords } from './profanity.js';
import {
  boardResults,
  boardView,
  duelTally,
  likeCountsVisible,
  resultsVisible,
  strengthsOf,
  visibleIdeas,
  watchIdeaTexts,
  type BoardConfig,
  type BoardState,
  type DuelChoice,
  type Idea,
  type IdeaStatus,
  type ModerationEntry,
} from './board.view.js';

export * from './board.view.js';

/**
 * The rules of the priority board: its settings, its commands and who may read which change.
 * Back ends (the reference server, the in-page local back end) run them; browsers that only show
 * a board need `board.view.ts`.
 */

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
    priorStrength: { type: 'number', minimum: 0, maximum: 100 },
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
  priorStrength: 1,
  questions: [{ id: 'main', title: { fi: 'Ideat', sv: 'Idéer', en: 'Ideas' } }],
};

const idea = (state: BoardState, ideaId: string): Idea => {
  const found = Object.hasOwn(state.ideas, ideaId) ? state.ideas[ideaId] : undefined;
  if (!found) throw new OsaError('not_found', `There is no idea "${ideaId}".`, { field: 'ideaId' });
  return found;
};

/** Visible ideas of one question, in submission order. */

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

/**
 * Whether `viewer` may read an idea's text now (the audience of its changes aside): the organiser
 * and its author always; anyone else not while it is hidden, nor while collecting when the board
 * does not show participants each other's ideas (`showIdeas: false`). From `vote` on every visible
 * idea is public: the duels and likes need them. An idea not folded in yet counts as readable.
 */
function ideaReadable(board: ActivityRecord<BoardState, BoardConfig>, ideaId: string, viewer: Viewer): boolean {
  const item = Object.hasOwn(board.state.ideas, ideaId) ? board.state.ideas[ideaId] : undefined;
  if (viewer.organiser || item === undefined) return true;
  if (ownEntry(board.state.participants, viewer)?.ideas.includes(ideaId)) return true;
  if (item.status === 'hidden') return false;
  return board.config.showIdeas || board.phase !== 'collect';
}

/** "Similar" answers a participant may get per idea they may submit; after that, submissions are not checked. */
const SIMILAR_ANSWERS_PER_IDEA = 3;

const textIndexes = new WeakMap<BoardState, TextIndex<string>>();

/** The board's idea texts indexed for the similarity check: built once per state, then kept current by the reducer. */
function textIndexOf(state: BoardState): TextIndex<string> {
  let index = textIndexes.get(state);
  if (!index) {
    index = new TextIndex<string>();
    for (const id of state.order) index.set(id, state.ideas[id].text);
    textIndexes.set(state, index);
    watchIdeaTexts(state, index);
  }
  return index;
}

/** An idea as its `idea` change carries it: without its like count, which only `like` changes carry (`canSee` filters them). */
function ideaChange(item: Idea): Omit<Idea, 'likes'> {
  const { likes: _likes, flagged: _flagged, ...rest } = item;
  return rest;
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
    const record = state.participants[participant];
    const mine = record?.ideas ?? [];
    if (mine.length >= config.maxIdeasPerParticipant) {
      throw new OsaError('full', `A participant can submit at most ${config.maxIdeasPerParticipant} ideas.`);
    }
    const checksLeft = (record?.similarAnswers ?? 0) < SIMILAR_ANSWERS_PER_IDEA * config.maxIdeasPerParticipant;
    if (!payload.force && checksLeft) {
      // Among the ideas this participant may read only: the answer shows the similar idea's text.
      const similar = textIndexOf(state).mostSimilar(text, config.duplicateThreshold, (id) => {
        const item = state.ideas[id];
        return item.question === question && (item.status === 'visible' || mine.includes(id)) && ideaReadable(board, id, context);
      });
      if (similar) {
        const found = state.ideas[similar.id];
        return {
          result: { status: 'similar', similar: { id: found.id, text: found.text } },
          // Recorded, so that a participant's "similar" answers are counted against their budget.
          changes: [{ type: 'similar', data: { ideaId: found.id }, audience: `participant:${participant}` }],
        };
      }
    }
    const ideaId = `i${state.order.length + 1}`;
    const status = config.moderation === 'pre' ? 'pending' : 'visible';
    const created: Idea = { id: ideaId, question, text, status, createdAt: context.now, likes: 0 };
    const changes: ChangeDraft[] = [
      { type: 'idea', data: { idea: ideaChange(created) }, audience: status === 'visible' ? 'public' : `participant:${participant}` },
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
 * like; a voter once they vote or like; `votes` counts duel answers and likes given (a
 * changed answer counts once, a like taken back no more), `addedVotes` being this act's share.
 * Public even while results are hidden, so a presenter's counters are true. Returned only when a
 * counter changes.
 */
function countsAfter(state: BoardState, participant: string, voting: boolean, addedVotes = 0): ChangeDraft[] {
  const record = state.participants[participant];
  const hasVoted = record !== undefined && (record.likes.length > 0 || Object.keys(record.votes).length > 0);
  const isNew = !hasVoted && (record === undefined || record.ideas.length === 0);
  const isNewVoter = voting && !hasVoted;
  if (!isNew && !isNewVoter && addedVotes === 0) return [];
  const counts = {
    participants: state.participantCount + (isNew ? 1 : 0),
    voters: state.voters + (isNewVoter ? 1 : 0),
    votes: state.votes + addedVotes,
  };
  return [{ type: 'counts', data: counts, audience: 'public' }];
}

function moderationEntry(context: CommandContext, action: ModerationEntry['action'], ideaId: string, detail: string): ChangeDraft {
  const entry: ModerationEntry = { at: context.now, action, ideaId, detail };
  return { type: 'moderation', data: { entry }, audience: 'organiser' };
}

/** A like's answer: `likes`, the idea's count, only to whom may see like counts now (`likeCountsVisible`). */
export interface LikeResult {
  likes?: number;
  liked: boolean;
}

const likeCommand = (liked: boolean): CommandSpec<BoardState, BoardConfig, { ideaId: string }, LikeResult> => ({
  input: { type: 'object', properties: { ideaId: ideaIdSchema }, required: ['ideaId'], additionalProperties: false },
  phases: ['collect', 'vote'],
  run(board, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = board;
    const open = board.phase === 'vote' ? config.mode === 'upvote' : config.likesWhileCollecting;
    if (!open) throw new OsaError('phase_closed', 'Likes are not open now.');
    const target = idea(state, payload.ideaId);
    if (target.status !== 'visible' || !ideaReadable(board, target.id, context)) {
      throw new OsaError('not_found', `There is no visible idea "${payload.ideaId}".`, { field: 'ideaId' });
    }
    const answer = (likes: number): LikeResult => (context.organiser || likeCountsVisible(config, board.phase) ? { likes, liked } : { liked });
    const record = state.participants[participant];
    const already = record?.likes.includes(target.id) ?? false;
    if (already === liked) return { result: answer(target.likes), changes: [] };
    const likes = target.likes + (liked ? 1 : -1);
    return {
      result: answer(likes),
      changes: [
        ...countsAfter(state, participant, true, liked ? 1 : -1),
        { type: 'like', data: { ideaId: target.id, likes }, audience: 'public' },
        { type: 'my-like', data: { ideaId: target.id, liked }, audience: `participant:${participant}` },
      ],
    };
  },
});

/** A duel pair for a participant and how many duels they have answered; `null` when no pair is left for them. */
export interface NextPair {
  pair: [string, string] | null;
  done: number;
}

/**
 * The pair a participant answers next in `question`: the one already issued to them while it is
 * still valid (and is not the pair just `answered`), else a new one, recorded as issued.
 */
function pairFor(state: BoardState, participant: string, question: string, random: CommandContext['random'], answered?: string): { pair: [string, string] | null; changes: ChangeDraft[] } {
  const record = state.participants[participant];
  const issued = record?.pair;
  if (issued && pairKey(issued[0], issued[1]) !== answered && issued.every((id) => state.ideas[id]?.status === 'visible' && state.ideas[id].question === question)) {
    return { pair: issued, changes: [] };
  }
  const seen = new Set(Object.keys(record?.votes ?? {}));
  if (answered) seen.add(answered);
  const pair = choosePair({
    items: visibleIdeas(state, question).map((item) => item.id),
    tally: duelTally(state),
    seen,
    own: new Set(record?.ideas ?? []),
    strengths: strengthsOf(state),
    random,
  });
  return { pair, changes: [{ type: 'pair', data: { pair }, audience: `participant:${participant}` }] };
}

const nextPair: CommandSpec<BoardState, BoardConfig, { question?: string }, NextPair> = {
  input: { type: 'object', properties: { question: { type: 'string', minLength: 1, maxLength: 40 } }, additionalProperties: false },
  phases: ['vote'],
  run(board, payload, context) {
    const participant = requireParticipant(context);
    const { state, config } = board;
    if (config.mode !== 'duel') throw new OsaError('phase_closed', 'This board is prioritised by likes, not duels.');
    const question = questionOf(config, payload.question);
    const done = Object.keys(state.participants[participant]?.votes ?? {}).length;
    const { pair, changes } = pairFor(state, participant, question, context.random);
    return { result: { pair, done }, changes };
  },
};

/** A duel answer; answered with the participant's next pair, so that a duel takes one round trip. */
const vote: CommandSpec<BoardState, BoardConfig, { a: string; b: string; choice: DuelChoice }, NextPair> = {
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
    const next = pairFor(state, participant, state.ideas[payload.a].question, context.random, key);
    if (previous && outcome(previousWinner ?? null) === outcome(winner)) return { result: { pair: next.pair, done }, changes: next.changes };
    return {
      result: { pair: next.pair, done },
      changes: [
        ...countsAfter(state, participant, true, previous ? 0 : 1),
        {
          type: 'duel',
          data: { a: payload.a, b: payload.b, winner: outcome(winner), previous: previous ? outcome(previousWinner ?? null) : null },
          audience: 'public',
        },
        { type: 'my-vote', data: { a: payload.a, b: payload.b, choice: payload.choice }, audience: `participant:${participant}` },
        // After `my-vote`, which clears the answered pair.
        ...next.changes,
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
    return {
      result: { status },
      changes: [
        // Becoming visible publishes the whole idea (its like count apart, for whom may see it); being hidden only its new status.
        ...(status === 'visible'
          ? [
              { type: 'idea', data: { idea: ideaChange({ ...target, status }) }, audience: 'public' } satisfies ChangeDraft,
              ...(target.likes > 0 ? [{ type: 'like', data: { ideaId: target.id, likes: target.likes }, audience: 'public' } satisfies ChangeDraft] : []),
            ]
          : [{ type: 'idea-status', data: { ideaId: target.id, status }, audience: 'public' } satisfies ChangeDraft]),
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
        { type: 'merge', data: { from: from.id, into: into.id }, audience: 'public' },
        // The merged count on its own, for whom may see like counts (`canSee`).
        { type: 'like', data: { ideaId: into.id, likes: likers.size }, audience: 'public' },
        moderationEntry(context, 'merge', from.id, `${from.text} → ${into.text}`),
      ],
    };
  },
};

// ---------------------------------------------------------------- the kind

/**
 * What participants and anonymous viewers may read now, beyond a change's audience: duel results
 * while results are visible to them (`resultsVisible`), like counts while counts are
 * (`likeCountsVisible`; only `like` changes carry them), and an idea's text while the idea is
 * readable to them (`ideaReadable`: not hidden; not another's while collecting without `showIdeas`).
 */
function canSee(change: Change, board: ActivityRecord<BoardState, BoardConfig>, viewer: Viewer): boolean {
  if (viewer.organiser) return true;
  switch (change.type) {
    case 'duel':
      return resultsVisible(board.config, board.phase);
    case 'like':
      return likeCountsVisible(board.config, board.phase);
    case 'idea':
      return ideaReadable(board, (change.data as { idea: Pick<Idea, 'id'> }).idea.id, viewer);
    case 'idea-text':
      return ideaReadable(board, (change.data as { ideaId: string }).ideaId, viewer);
    default:
      return true;
  }
}

/** A score to one decimal; none for an idea whose score has no estimate (`priorStrength: 0`). */
const scoreCell = (value: number): number | null => (Number.isNaN(value) ? null : Math.round(value * 10) / 10);

function exportTables(board: ActivityRecord<BoardState, BoardConfig>): ExportTables {
  const { state, config } = board;
  const results = config.questions.flatMap((question) =>
    boardResults(state, config, question.id).map((row, index) => ({
      question: question.id,
      position: row.ranked ? index + 1 : null,
      idea: row.id,
      text: row.text,
      score: scoreCell(row.score),
      lower: scoreCell(row.lower),
      upper: scoreCell(row.upper),
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
      aText: state.ideas[entry.a]?.text ?? null,
      b: entry.b,
      bText: state.ideas[entry.b]?.text ?? null,
      choice: entry.choice,
    })),
  );
  const likes = Object.entries(state.participants).flatMap(([participant, record]) =>
    record.likes.map((ideaId) => ({ participant: pseudonyms.get(participant)!, idea: ideaId, text: state.ideas[ideaId]?.text ?? null })),
  );
  const moderation = state.moderation.map((entry) => ({ at: new Date(entry.at).toISOString(), action: entry.action, idea: entry.ideaId, detail: entry.detail }));
  return { results, ideas, votes, likes, moderation };
}

export const boardKind = {
  ...boardView,
  configSchema,
  defaultConfig: DEFAULT_BOARD_CONFIG,
  initialState: (): BoardState => ({
    ideas: {},
    order: [],
    duels: {},
    duelCount: 0,
    tallyVersion: 0,
    voters: 0,
    votes: 0,
    participantCount: 0,
    participants: {},
    moderation: [],
  }),
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
