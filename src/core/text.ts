/**
 * Text rules shared by every kind: what counts as the same text, and how a submission is cleaned.
 */

/**
 * Trims, folds white space, drops control characters and applies Unicode NFC, so the stored text
 * is what the person typed, tidied.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
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
