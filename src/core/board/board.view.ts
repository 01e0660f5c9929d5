import type { ActivityRecord, Change, KindView, LocalizedText, Viewer } from '../activity.js';
import { ownEntry } from '../activity.js';
import { DuelTally, fit, pairKey, rank, type DuelRankRow, type RankRow } from '../ranking/bradley-terry.js';
import { rankUpvotes } from '../ranking/upvote.js';

/**
 * What a browser needs to show a priority board: its types, how its changes fold into state
 * (`boardView`), and the selectors the views use. The commands that change a board run in a back
 * end and live in `board.ts`; a page that talks to a server never loads them.
 *
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
  /**
   * Weight of the duel ranking's prior: each idea counts this many virtual wins and losses against
   * an average idea (default 1). 0 ranks by plain maximum likelihood, as statistics software does;
   * an idea that never lost or never won then has no score and is listed unranked.
   */
  priorStrength?: number;
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
  /** The duel pair issued and not yet answered; `null` when none was left for them; absent before one is issued. */
  pair?: [string, string] | null;
  /** How many submissions were answered "similar" instead of stored (a budget, see `submitIdea`); absent while none. */
  similarAnswers?: number;
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
  /** Duel answers and likes given (a changed answer counts once, a like taken back no more); public even while the results are hidden. */
  votes: number;
  /** Participants who submitted, voted or liked: the presenter's counter. */
  participantCount: number;
  participants: Record<string, ParticipantRecord>;
  moderation: ModerationEntry[];
}

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

/**
 * Whether participants may see how many likes each idea has now. In upvote mode the counts are the
 * results once voting starts; while collecting (likes in the discussion case) and in duel mode they
 * are not results and are shown.
 */
export function likeCountsVisible(config: BoardConfig, phase: string): boolean {
  return config.mode !== 'upvote' || phase === 'collect' || resultsVisible(config, phase);
}

/** Told of every idea text the reducer adds or changes (see `watchIdeaTexts`). */
export interface IdeaTextWatcher {
  set(ideaId: string, text: string): void;
}

const textWatchers = new WeakMap<BoardState, IdeaTextWatcher>();

/**
 * Keeps `watcher` beside `state` (like the duel tally, not in it) and tells it of every idea text
 * that changes fold in from now on: a back end's index of the texts stays current without
 * re-reading every idea (see `submitIdea` in board.ts).
 */
export function watchIdeaTexts(state: BoardState, watcher: IdeaTextWatcher): void {
  textWatchers.set(state, watcher);
}

const participantOf = (change: Pick<Change, 'audience'>): string | undefined =>
  change.audience.startsWith('participant:') ? change.audience.slice('participant:'.length) : undefined;

function recordFor(state: BoardState, participant: string): ParticipantRecord {
  let record = state.participants[participant];
  if (!record) {
    record = { ideas: [], votes: {}, likes: [] };
    state.participants[participant] = record;
  }
  return record;
}

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
/** Current strengths, refitted from the previous ones (warm start) when votes changed; the pair sampler uses them. */
export function strengthsOf(state: BoardState): Map<string, number> {
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
    const prior = config.priorStrength ?? 1;
    if (prior === 1) {
      const ranked: DuelRankRow[] = rank(tally, { minAppearances: config.minAppearances, previous: entry.strengths });
      // The fit behind the ranking warm-starts the next one (and serves the pair sampler meanwhile).
      entry.strengths = new Map(ranked.map((row) => [row.id, row.strength]));
      entry.fittedVersion = state.tallyVersion;
      rows = ranked.filter((row) => byId.has(row.id));
    } else {
      // Another prior gives other strengths than the pair sampler's; without one, which ideas can be
      // estimated depends on the question's own duels, so the question is fitted on its own.
      const own = prior === 0 && config.questions.length > 1 ? tally.subset(byId.keys()) : tally;
      rows = rank(own, { minAppearances: config.minAppearances, previous: entry.strengths, prior }).filter((row) => byId.has(row.id));
    }
  } else {
    rows = rankUpvotes(
      ideas.map((item) => ({ id: item.id, likes: item.likes, views: state.voters })),
      { minAppearances: config.minAppearances },
    );
  }
  return rows.map((row) => ({ ...row, text: byId.get(row.id)!.text, question: byId.get(row.id)!.question }));
}

// ---------------------------------------------------------------- folding changes

export function addOutcome(state: BoardState, a: string, b: string, winner: string, sign: 1 | -1): void {
  const key = pairKey(a, b);
  const [first, second] = a < b ? [a, b] : [b, a];
  const pair = (state.duels[key] ??= { a: first, b: second, aWins: 0, bWins: 0, ties: 0 });
  if (winner === 'tie') pair.ties += sign;
  else if (winner === first) pair.aWins += sign;
  else pair.bWins += sign;
  state.duelCount += sign;
}

export function recordOutcome(tally: DuelTally, a: string, b: string, winner: string, sign: 1 | -1): void {
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
      // Like counts travel in `like` changes, which `canSee` filters (older logs carry them here too).
      const incoming = data.idea as Omit<Idea, 'likes'> & { likes?: number };
      const existing = state.ideas[incoming.id];
      if (!existing) state.order.push(incoming.id);
      state.ideas[incoming.id] = { ...incoming, likes: existing?.likes ?? incoming.likes ?? 0, flagged: existing?.flagged };
      textWatchers.get(state)?.set(incoming.id, incoming.text);
      state.tallyVersion += 1;
      break;
    }
    case 'own-idea':
      if (participant) recordFor(state, participant).ideas.push(data.ideaId);
      break;
    case 'counts':
      state.participantCount = data.participants;
      state.voters = data.voters;
      // Counts recorded before votes were counted carry none.
      state.votes = data.votes ?? state.votes;
      break;
    case 'idea-flag':
      if (state.ideas[data.ideaId]) state.ideas[data.ideaId].flagged = data.words;
      break;
    case 'idea-status':
      if (state.ideas[data.ideaId]) state.ideas[data.ideaId].status = data.status;
      state.tallyVersion += 1;
      break;
    case 'idea-text':
      if (state.ideas[data.ideaId]) {
        state.ideas[data.ideaId].text = data.text;
        textWatchers.get(state)?.set(data.ideaId, data.text);
      }
      break;
    case 'similar':
      if (participant) {
        const record = recordFor(state, participant);
        record.similarAnswers = (record.similarAnswers ?? 0) + 1;
      }
      break;
    case 'merge': {
      const from = state.ideas[data.from];
      if (from) Object.assign(from, { status: 'merged', mergedInto: data.into });
      // The merged count comes as a `like` change (older logs carry it here).
      if (data.likes !== undefined && state.ideas[data.into]) state.ideas[data.into].likes = data.likes;
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
        // Answering the issued pair uses it up; changing an earlier answer leaves it issued.
        if (record.pair && pairKey(record.pair[0], record.pair[1]) === pairKey(data.a, data.b)) delete record.pair;
      }
      break;
    case 'moderation':
      state.moderation.push(data.entry);
      break;
  }
  return state;
}


const NOTHING_YET: ParticipantRecord = Object.freeze({ ideas: [], votes: {}, likes: [] }) as unknown as ParticipantRecord;

/**
 * What of a board belongs to the viewer: their ideas, votes, likes and the duel pair issued to
 * them. Derived from the viewer's own participant id, never from every record in the state (an
 * organiser's snapshot holds everyone's records).
 */
export function boardMine(state: BoardState, viewer: Viewer): ParticipantRecord {
  return ownEntry(state.participants, viewer) ?? NOTHING_YET;
}

/** How a browser folds a board's changes into what a viewer sees. */
export const boardView = {
  kind: 'board',
  phases: BOARD_PHASES,
  reduce,
  // The pair issued to a participant: each new one (or none) replaces the one before, so a long duel
  // session keeps one pair per participant in memory, not one per duel.
  replaces: (change: Change) => (change.type === 'pair' ? change.audience : undefined),
} satisfies KindView<BoardState, BoardConfig>;
