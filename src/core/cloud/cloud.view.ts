import type { ActivityRecord, Change, KindView, Viewer } from '../activity.js';
import { ownEntry } from '../activity.js';
import type { Language } from '../protocol.js';

/**
 * What a browser needs to show a tag cloud: its types, how its changes fold into state
 * (`cloudView`) and the selectors the views use. The commands run in a back end and live in
 * `cloud.ts`; a page that talks to a server never loads them (nor the stemmers).
 *
 * Participants submit short answers; each answer counts toward one or more **terms** (inflected
 * forms merged, see `terms.ts`). Phases: `preparing` → `open` → `closed`; answers are taken while
 * `open`.
 *
 * Privacy: an answer's raw text travels only in an `answer` change for its author (and the
 * organiser). Everyone else gets `terms` deltas: term keys and the counts of their surface forms.
 */
export const CLOUD_PHASES = ['preparing', 'open', 'closed'] as const;
export type CloudPhase = (typeof CLOUD_PHASES)[number];

export interface CloudConfig {
  /** Words per answer (1–50). */
  maxWords: number;
  /** Characters per answer (1–500). */
  maxLength: number;
  /** Answers one participant may give (1–100). */
  answersPerParticipant: number;
  /** A multi-word answer (each part between commas or line breaks) counts as one phrase term. */
  keepPhrases: boolean;
  /** Participants see the cloud; when off they see only their own answers (the organiser and presenter with the key see all). */
  showCloud: boolean;
  /** The language of answers sent without one, when it is not the event's first language (which is the default). */
  language?: Language;
}

/** One term as everyone sees it: its key, its surface forms with counts, and the organiser's decisions. */
export interface CloudTerm {
  key: string;
  /** Surface form → how many answers used it, in order of first use. */
  surfaces: Record<string, number>;
  /** How it is shown: its most frequent surface form (`displayOf`, computed by the rule that counts the answer, so a page never loads the stemmers). */
  display: string;
  /** Answers that counted toward this key (its own, before merges). */
  count: number;
  hidden: boolean;
  /** Set when the organiser merged this term into another. */
  mergedInto?: string;
  /** The profanity list flagged it for review; only the organiser's view has it. */
  flagged?: boolean;
}

/** One answer; a participant's view holds only their own, the organiser's every one. */
export interface CloudAnswer {
  id: string;
  text: string;
  /** The term keys it counted toward, as they were when it was given. */
  terms: string[];
  /** The participant's id; only in the organiser's view (a participant's own answers are theirs anyway). */
  participant?: string;
  language: Language;
  at: number;
}

export interface CloudParticipant {
  answers: string[];
}

export interface CloudState {
  terms: Record<string, CloudTerm>;
  /** Term keys in order of first appearance. */
  order: string[];
  answers: Record<string, CloudAnswer>;
  /** Answer ids in order; only those this view may read. */
  answerOrder: string[];
  participants: Record<string, CloudParticipant>;
  /** Public counters: answers given and people who answered. */
  answerCount: number;
  participantCount: number;
  /**
   * Per shown term: answers it would count twice or more, because one answer held several terms
   * now merged into it (an answer "kirja, kirjasto" with both merged into "lukeminen" is one
   * answer for it). Computed where every answer is known (the back end) and sent as a number, so a
   * participant's view counts answers right without reading anyone's answers.
   */
  overlap?: Record<string, number>;
}

export const initialCloudState = (): CloudState => ({ terms: {}, order: [], answers: {}, answerOrder: [], participants: {}, answerCount: 0, participantCount: 0, overlap: {} });

/** The public delta of one answer: the surface form it added per term key, and the term's display form after it. */
export interface TermsDelta {
  hits: Array<{ key: string; surface: string; display: string }>;
  answers: number;
  participants: number;
  /** Shown terms this answer counts toward through more than one of its terms: how many extra hits each got. */
  overlap?: Record<string, number>;
}

const participantOf = (change: Pick<Change, 'audience'>): string | undefined =>
  change.audience.startsWith('participant:') ? change.audience.slice('participant:'.length) : undefined;

function termFor(state: CloudState, key: string): CloudTerm {
  let term = state.terms[key];
  if (!term) {
    term = { key, surfaces: {}, display: key, count: 0, hidden: false };
    state.terms[key] = term;
    state.order.push(key);
  }
  return term;
}

function reduce(state: CloudState, change: Change): CloudState {
  const data = change.data as Record<string, never>;
  switch (change.type) {
    case 'terms': {
      const delta = change.data as TermsDelta;
      for (const hit of delta.hits) {
        const term = termFor(state, hit.key);
        term.count += 1;
        term.surfaces[hit.surface] = (term.surfaces[hit.surface] ?? 0) + 1;
        term.display = hit.display || term.display;
      }
      state.answerCount = delta.answers;
      state.participantCount = delta.participants;
      if (delta.overlap) {
        const overlap = (state.overlap ??= {});
        for (const [key, extra] of Object.entries(delta.overlap)) overlap[key] = (overlap[key] ?? 0) + extra;
      }
      break;
    }
    case 'answer': {
      const answer = data.answer as CloudAnswer;
      const participant = participantOf(change);
      if (!Object.hasOwn(state.answers, answer.id)) state.answerOrder.push(answer.id);
      state.answers[answer.id] = { ...answer, participant };
      if (participant) {
        const record = (state.participants[participant] ??= { answers: [] });
        if (!record.answers.includes(answer.id)) record.answers.push(answer.id);
      }
      break;
    }
    case 'flag':
      termFor(state, data.key).flagged = true;
      break;
    case 'merge':
      for (const key of data.terms as string[]) {
        termFor(state, key).mergedInto = data.into;
        // Terms merged into `key` before follow it.
        for (const other of Object.values(state.terms)) if (other.mergedInto === key) other.mergedInto = data.into;
      }
      delete termFor(state, data.into).mergedInto;
      if (data.overlap) state.overlap = { ...(data.overlap as Record<string, number>) };
      break;
    case 'split':
      for (const key of data.terms as string[]) if (state.terms[key]) delete state.terms[key].mergedInto;
      if (data.overlap) state.overlap = { ...(data.overlap as Record<string, number>) };
      break;
    case 'hide':
      termFor(state, data.term).hidden = data.hidden;
      break;
  }
  return state;
}

/** How a browser folds a cloud's changes into what a viewer sees. */
export const cloudView = {
  kind: 'cloud',
  phases: CLOUD_PHASES,
  reduce,
} satisfies KindView<CloudState, CloudConfig>;

/** What the views of a cloud need: its state, settings and phase. */
export type CloudData = Pick<ActivityRecord<CloudState, CloudConfig>, 'state' | 'config' | 'phase'>;

/** A term as shown: merged terms folded into the one they were merged into. */
export interface ShownTerm {
  key: string;
  /** The term's own most frequent surface form (the one kept when others were merged into it). */
  display: string;
  /** Its answers plus those of the terms merged into it. */
  count: number;
  hidden: boolean;
  flagged: boolean;
  /** Keys merged into it (empty when none). */
  merged: string[];
}

/** The term a key counts toward now: itself, or the term it was merged into. */
export function termOf(state: CloudState, key: string): string {
  let current = key;
  for (let guard = 0; guard < 20; guard += 1) {
    const next = state.terms[current]?.mergedInto;
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

/**
 * The terms as shown, heaviest first (ties in order of first appearance). Hidden terms are left
 * out unless `includeHidden` (the organiser's list).
 */
export function cloudTerms(state: CloudState, options: { includeHidden?: boolean } = {}): ShownTerm[] {
  const shown = new Map<string, ShownTerm>();
  for (const key of state.order) {
    const root = termOf(state, key);
    const rootTerm = state.terms[root];
    if (!rootTerm) continue;
    let entry = shown.get(root);
    if (!entry) {
      entry = { key: root, display: rootTerm.display, count: 0, hidden: rootTerm.hidden, flagged: Boolean(rootTerm.flagged), merged: [] };
      shown.set(root, entry);
    }
    const term = state.terms[key];
    entry.count += term.count;
    if (key !== root) {
      entry.merged.push(key);
      entry.flagged ||= Boolean(term.flagged);
    }
  }
  for (const entry of shown.values()) entry.count -= state.overlap?.[entry.key] ?? 0;
  const order = new Map(state.order.map((key, index) => [key, index]));
  return [...shown.values()]
    .filter((entry) => entry.count > 0 && (options.includeHidden || !entry.hidden))
    .sort((a, b) => b.count - a.count || order.get(a.key)! - order.get(b.key)!);
}

/**
 * The extra hits per shown term in `state`'s answers (see `CloudState.overlap`): for each answer,
 * how many of its terms beyond the first count toward the same shown term. Needs every answer, so
 * only a back end (or the organiser's view) computes it.
 */
export function overlapOf(state: CloudState): Record<string, number> {
  const overlap: Record<string, number> = {};
  for (const id of state.answerOrder) {
    const seen = new Set<string>();
    for (const key of state.answers[id]?.terms ?? []) {
      const root = termOf(state, key);
      if (seen.has(root)) overlap[root] = (overlap[root] ?? 0) + 1;
      else seen.add(root);
    }
  }
  return overlap;
}

/** The answers behind a shown term (the organiser's view holds them all; a participant's, their own). */
export function answersOfTerm(state: CloudState, key: string): CloudAnswer[] {
  return state.answerOrder.map((id) => state.answers[id]).filter((answer) => answer && answer.terms.some((term) => termOf(state, term) === key));
}

const NOTHING_YET: CloudParticipant = Object.freeze({ answers: [] }) as unknown as CloudParticipant;

/** The viewer's own answers, oldest first, from their own entry (an organiser's snapshot holds everyone's). */
export function cloudMine(state: CloudState, viewer: Viewer): CloudAnswer[] {
  const record = ownEntry(state.participants, viewer) ?? NOTHING_YET;
  return record.answers.map((id) => state.answers[id]).filter(Boolean);
}

/** How many more answers the viewer may give. */
export function answersLeft(data: CloudData, viewer: Viewer): number {
  return Math.max(0, data.config.answersPerParticipant - cloudMine(data.state, viewer).length);
}

/** Words in `text` as the limit counts them (word-like segments). */
export function wordCount(text: string, language: Language = 'fi'): number {
  let count = 0;
  for (const segment of new Intl.Segmenter(language, { granularity: 'word' }).segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
