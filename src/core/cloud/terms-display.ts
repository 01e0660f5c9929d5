/**
 * How a tag cloud shows a term, apart from `terms.ts` so that a browser showing a cloud from a
 * server loads no stemmer.
 */

/**
 * How a term is shown: its most frequent surface form. Ties go to the form seen first (the
 * record's order, which a reducer fills in order of arrival; JavaScript puts integer-like keys
 * such as "2025" first), so the shown form does not flicker. The same record gives the same form
 * everywhere. An empty record gives "".
 */
export function displayOf(surfaces: Record<string, number>): string {
  let best = '';
  let bestCount = -Infinity;
  for (const [surface, count] of Object.entries(surfaces)) {
    if (count > bestCount) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}
