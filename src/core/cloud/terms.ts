/**
 * How a tag cloud's answers become terms: Unicode NFKC, case folding, words by `Intl.Segmenter`,
 * stop words, and merging of inflected forms (a Snowball stemmer per language with a table of
 * exceptions, or on the server a lemmatiser such as Voikko for Finnish). Pure and browser-safe:
 * the lemmatiser is passed in, never imported.
 */
import { stemmer as stemFi } from '@orama/stemmers/finnish';
import { stemmer as stemSv } from '@orama/stemmers/swedish';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { OsaError } from '../errors.js';
import { LANGUAGES, type Language } from '../protocol.js';
import { beforeStem, exceptionKey } from './exceptions.js';
import { isStopWord } from './stopwords.js';

/** In its own module so that a view can show terms without loading the stemmers. */
export { displayOf } from './terms-display.js';

export interface Lemmatiser {
  /** Base-form candidates of one word, best first; [] when unknown. */
  lemmas(word: string, language: Language): string[];
}

export interface TermOptions {
  /** The answer's language (the participant's UI language, else the event's first). */
  language: Language;
  /** True: a multi-word answer (each part between commas, semicolons or line breaks) counts as one phrase term. */
  keepPhrases: boolean;
  lemmatiser?: Lemmatiser;
  /** Term keys already in the cloud: among several candidates prefer one of these. */
  known?: (key: string) => boolean;
}

/** `key`: the merged term's id; `surface`: the word (or phrase) as typed, trimmed, NFKC. */
export interface TermHit {
  key: string;
  surface: string;
}

const STEMMERS: Record<Language, (word: string) => string> = { fi: stemFi, sv: stemSv, en: stemEn };

/** Bidirectional formatting, zero-width characters and soft hyphens vanish ("kou\u200Blu" is "koulu"; see `cleanText`). */
export const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u00AD]/gu;
/** Control characters (line breaks and tabs aside, which end phrases) count as spaces. */
const CONTROL = /(?![\n\r\t])\p{Cc}/gu;
/** What separates phrases inside one answer when phrases are kept (".", ";" and ":" only before a space, and ";" not after an entity, so "3.5" and "&amp; y" stay whole). */
const PHRASE_BREAK = /[,\n\r\t!?·•|]+|(?:[.:]|(?<!&#?[\p{L}\p{N}]+);)+(?=\s|$)/u;
/** Emoji and other pictographs: kept as terms of their own (the segmenter does not call them words). */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Variation selectors, skin tones and zero-width joiners leave an emoji's key, not its surface. */
const EMOJI_VARIANTS = /\uFE0E|\uFE0F|\p{Emoji_Modifier}/gu;
/** A word needs a letter or a digit; punctuation and symbols (`<`, `&`, `;`) are not terms. */
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;

const segmenters = new Map<Language, Intl.Segmenter>();
function segmenter(language: Language): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    found = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, found);
  }
  return found;
}

/**
 * Case folding independent of the locale: lower case, then the full folds that lower-casing leaves
 * out (ß and ẞ → ss, final sigma → σ), and "İ" (which lower-cases to i + combining dot) → i.
 */
export function foldCase(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/ς/gu, 'σ')
    .replace(/i\u0307/gu, 'i')
    .normalize('NFKC');
}

interface Token {
  /** The folded word. */
  word: string;
  /** As typed (NFKC). */
  surface: string;
  start: number;
  end: number;
  emoji: boolean;
}

/** A hyphen between two words without spaces joins them into one ("tasa-arvo", "e-kirja"). */
const HYPHEN = /^[-\u2010\u2011]$/u;

function tokens(text: string, language: Language, offset = 0): Token[] {
  const found: Token[] = [];
  let hyphenAt = -1;
  for (const { segment, index, isWordLike } of segmenter(language).segment(text)) {
    if (HYPHEN.test(segment)) {
      hyphenAt = index;
      continue;
    }
    const emoji = PICTOGRAPH.test(segment);
    const word = !emoji && isWordLike === true && HAS_LETTER_OR_DIGIT.test(segment);
    const previous = found[found.length - 1];
    if (word && previous && !previous.emoji && hyphenAt >= 0 && previous.end === offset + hyphenAt && hyphenAt + 1 === index) {
      previous.surface = text.slice(previous.start - offset, index + segment.length);
      previous.word = foldCase(previous.surface);
      previous.end = offset + index + segment.length;
      hyphenAt = -1;
      continue;
    }
    hyphenAt = -1;
    if (!emoji && !word) continue;
    found.push({ word: emoji ? segment.replace(EMOJI_VARIANTS, '').replace(/\u200D/gu, '') : foldCase(segment), surface: segment, start: offset + index, end: offset + index + segment.length, emoji });
  }
  return found;
}

/** The key of one folded word: exception table, else the lemmatiser's base form, else the stem. */
function wordKey(word: string, language: Language, options: TermOptions): string {
  const exception = exceptionKey(word, language, !options.lemmatiser || language !== 'fi');
  if (exception !== undefined) return exception;
  if (options.lemmatiser && HAS_LETTER.test(word)) {
    const lemmas = [...new Set(options.lemmatiser.lemmas(word, language).map(foldCase).filter((lemma) => lemma.length > 0))];
    if (lemmas.length > 0) return (options.known && lemmas.find((lemma) => options.known!(lemma))) ?? lemmas[0]!;
  }
  if (!HAS_LETTER.test(word)) return word;
  const stem = STEMMERS[language](beforeStem(word, language));
  return exceptionKey(stem, language, true, true) ?? stem;
}

function checkOptions(text: unknown, options: TermOptions): void {
  if (typeof text !== 'string') throw new OsaError('invalid', 'The answer must be text.', { field: 'text', reason: { kind: 'wrongType' } });
  if (!options || !(LANGUAGES as readonly string[]).includes(options.language)) {
    throw new OsaError('invalid', `The language must be one of ${LANGUAGES.join(', ')}.`, { field: 'language', reason: { kind: 'notAllowed' } });
  }
}

/**
 * A phrase as typed: from its first to its last kept word, widened to the symbols attached to
 * them ("<b>x</b>", "(koulu)"), without the stop words around it; white space folded.
 */
function phraseSurface(text: string, partStart: number, partEnd: number, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > partStart && !/\s/u.test(text[from - 1]!)) from -= 1;
  while (to < partEnd && !/\s/u.test(text[to]!)) to += 1;
  return text.slice(from, to).replace(/\s+/gu, ' ');
}

/**
 * The terms of one answer, in order of appearance, each key once. A word is a term unless it is a
 * stop word of `options.language`; with `keepPhrases`, each part of the answer between commas,
 * semicolons, full stops or line breaks counts as one term whose key is its words' keys joined by
 * spaces (stop words left out) and whose surface runs from its first to its last kept word.
 * HTML and entities are text: `<b>x</b>` gives the words "b" and "x", never markup.
 */
export function termsOf(text: string, options: TermOptions): TermHit[] {
  checkOptions(text, options);
  const { language } = options;
  const clean = text.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ');
  const hits: TermHit[] = [];
  const seen = new Set<string>();
  const add = (key: string, surface: string): void => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    hits.push({ key, surface });
  };
  const content = (list: Token[]): Token[] => list.filter((token) => token.emoji || !isStopWord(token.word, language));
  if (!options.keepPhrases) {
    for (const token of content(tokens(clean, language))) add(token.emoji ? token.word : wordKey(token.word, language, options), token.surface);
    return hits;
  }
  let offset = 0;
  for (const part of clean.split(PHRASE_BREAK)) {
    const start = clean.indexOf(part, offset);
    offset = start + part.length;
    const kept = content(tokens(part, language, start));
    if (kept.length === 0) continue;
    const key = kept.map((token) => (token.emoji ? token.word : wordKey(token.word, language, options))).join(' ');
    const surface = kept.length === 1 ? kept[0]!.surface : phraseSurface(clean, start, offset, kept[0]!.start, kept[kept.length - 1]!.end);
    add(key, surface);
  }
  return hits;
}
