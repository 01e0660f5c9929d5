/**
 * Text rules shared by every kind: what counts as the same text, and how a submission is cleaned.
 */

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks U+200E, U+200F and U+061C. In a participant's text they reverse or
 * reorder what others see (and what follows the text on the page), so stored texts never hold them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/**
 * Trims, folds white space, drops control characters and bidirectional formatting characters, and
 * applies Unicode NFC, so the stored text is what the person typed, tidied, and shows as typed.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/\s+/gu, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
}

/** A comparison key: NFKC, lower case, letters and digits only, single spaces. */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('fi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function trigrams(key: string): Map<string, number> {
  const padded = `  ${key} `;
  const grams = new Map<string, number>();
  for (let index = 0; index + 3 <= padded.length; index += 1) {
    const gram = padded.slice(index, index + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * Similarity of two texts in [0, 1]: the Sørensen–Dice coefficient of their character trigrams,
 * after `comparisonKey`. Typos and inflected endings keep texts close ("koulujen ruokailu" and
 * "koulun ruokailu" ≈ 0.75); different ideas score low.
 */
export function similarity(a: string, b: string): number {
  const keyA = comparisonKey(a);
  const keyB = comparisonKey(b);
  if (keyA === keyB) return 1;
  if (!keyA || !keyB) return 0;
  const gramsA = trigrams(keyA);
  const gramsB = trigrams(keyB);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of gramsA) {
    shared += Math.min(count, gramsB.get(gram) ?? 0);
    total += count;
  }
  for (const count of gramsB.values()) total += count;
  return (2 * shared) / total;
}

/** The most similar text among `candidates` at or above `threshold`, if any. */
export function mostSimilar<T>(text: string, candidates: Iterable<T>, textOf: (candidate: T) => string, threshold: number): T | undefined {
  let best: T | undefined;
  let bestScore = threshold;
  for (const candidate of candidates) {
    const score = similarity(text, textOf(candidate));
    if (score >= bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Each repeat of a trigram is its own token, so that shared tokens are the multiset intersection. */
function tokensOf(key: string): string[] {
  const tokens: string[] = [];
  if (key) for (const [gram, count] of trigrams(key)) for (let repeat = 1; repeat <= count; repeat += 1) tokens.push(`${gram}${repeat}`);
  return tokens;
}

/**
 * Texts indexed by their trigrams (`similarity`'s), so that `mostSimilar` need not compare the
 * query with every text: a posting list per trigram names the texts that hold it, and one pass
 * over the query's lists counts, for every text that shares any trigram, how many it shares —
 * which is all the Sørensen–Dice score needs besides the two sizes. Texts sharing none score 0
 * and are never looked at. The answer is the same as `mostSimilar`'s over the same texts in the
 * order they were added (a replaced text keeps its place).
 */
export class TextIndex<Id> {
  /** Per slot (one per text stored; a replaced text leaves a dead slot behind): its id, or undefined once dead. */
  private readonly ids: (Id | undefined)[] = [];
  /** Per slot: how many trigram tokens its text has (0 for a text without letters or digits). */
  private readonly sizes: number[] = [];
  /** Per slot: when its id was first added; ties go to the later one, as in `mostSimilar`. */
  private readonly orders: number[] = [];
  private readonly slots = new Map<Id, { slot: number; key: string }>();
  private readonly postings = new Map<string, number[]>();
  /** Slots of texts without letters or digits: the same as each other (`similarity` 1), unlike anything else. */
  private readonly blank = new Set<number>();

  /** How many ids the index holds. */
  get size(): number {
    return this.slots.size;
  }

  /** Adds a text, or replaces the text of `id`. */
  set(id: Id, text: string): void {
    const key = comparisonKey(text);
    const previous = this.slots.get(id);
    if (previous?.key === key) return;
    if (previous) {
      this.ids[previous.slot] = undefined;
      this.blank.delete(previous.slot);
    }
    const slot = this.ids.length;
    const tokens = tokensOf(key);
    this.ids.push(id);
    this.sizes.push(tokens.length);
    this.orders.push(previous ? this.orders[previous.slot] : this.slots.size);
    this.slots.set(id, { slot, key });
    for (const token of tokens) {
      const list = this.postings.get(token);
      if (list) list.push(slot);
      else this.postings.set(token, [slot]);
    }
    if (tokens.length === 0) this.blank.add(slot);
  }

  /**
   * The id of the text most similar to `text` at or above `threshold` (in (0, 1]) among those
   * `accept` lets through, with its score; on equal scores the one added last.
   */
  mostSimilar(text: string, threshold: number, accept: (id: Id) => boolean): { id: Id; score: number } | undefined {
    const tokens = tokensOf(comparisonKey(text));
    const shared = new Uint32Array(this.ids.length);
    const touched: number[] = [];
    if (tokens.length === 0) {
      for (const slot of this.blank) touched.push(slot);
    } else {
      for (const token of tokens) {
        for (const slot of this.postings.get(token) ?? []) if (shared[slot]++ === 0) touched.push(slot);
      }
    }
    let best: { id: Id; score: number; order: number } | undefined;
    for (const slot of touched) {
      const id = this.ids[slot];
      if (id === undefined) continue;
      // The same arithmetic as `similarity`, so that scores are equal to the last bit.
      const score = tokens.length === 0 ? 1 : (2 * shared[slot]) / (tokens.length + this.sizes[slot]);
      if (score < threshold || (best && (score < best.score || (score === best.score && this.orders[slot] < best.order)))) continue;
      if (accept(id)) best = { id, score, order: this.orders[slot] };
    }
    return best && { id: best.id, score: best.score };
  }
}
