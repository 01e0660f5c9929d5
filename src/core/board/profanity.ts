import { comparisonKey } from '../text.js';

/**
 * Words that make a submission worth a moderator's look, in Finnish, Swedish and English. The
 * list only flags: it never blocks, because a word list cannot know context (a quote, a place
 * name) and a silenced voice is worse than a moderated one.
 *
 * Finnish inflects, so its roots match as word starts ("vittuun", "paskaa"); short words that
 * begin innocent words ("fan" in "fantastisk", "kuk" in "kukka") must match whole.
 */
const ROOTS = [
  'vittu', 'vitun', 'vituttaa', 'perkele', 'perkeleen', 'saatana', 'helvet', 'paska', 'kusipää', 'mulkku', 'huora', 'neekeri',
  'runkkari', 'kyrpä', 'idiootti', 'ääliö', 'jävla', 'jävel', 'helvete', 'fitta', 'knulla', 'fuck', 'bitch', 'bastard',
  'asshole', 'nigger', 'faggot', 'retard',
];
const WHOLE_WORDS = new Set(['fan', 'skit', 'skiten', 'kuk', 'hora', 'idiot', 'shit', 'cunt', 'dick', 'whore', 'moron']);

/** The flagged words found in `text`, in the order they appear (empty when none). */
export function flaggedWords(text: string): string[] {
  return comparisonKey(text)
    .split(' ')
    .filter((word) => WHOLE_WORDS.has(word) || ROOTS.some((root) => word.startsWith(root)));
}
