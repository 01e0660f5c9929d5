/**
 * Terms worth the organiser's look before a cloud goes on the big screen: swearing, slurs and
 * sexual insults in Finnish, Swedish and English. The list only flags (never hides or blocks):
 * the organiser decides, because a word list cannot know context (a quote, a place name, a
 * reclaimed word). It covers the board's list (`flaggedWords`) and more, but per language: the
 * board's list flags Swedish "fan" in every language, which would flag an English "fan".
 *
 * A term is checked word by word after folding. Roots match at the start of a word, and in
 * Finnish and Swedish (which write compounds as one word) also at its end ("lehmänpaska",
 * "skitstövel" starts with "skit"); short roots that begin innocent words ("kuk" in "kukka",
 * "fan" in "fantastisk", "anal" in "analyysi") match whole words only. English is checked in
 * every language (participants swear in English everywhere), by surface form, except where it is an
 * ordinary word there (Swedish "slut", end); Swedish "fan" only in Swedish.
 */
import type { Language } from '../protocol.js';
import { foldCase, termsOf } from './terms.js';

interface Lexicon {
  /** Match at the start of a word, and for fi/sv also at the end of a compound. */
  roots: readonly string[];
  /** Match as whole words only. */
  whole: ReadonlySet<string>;
}

const list = (text: string): string[] => text.trim().split(/\s+/u);

const LEXICONS: Record<Language, Lexicon> = {
  fi: {
    roots: list(`
      vittu vitun vitut vituttaa vittuile perkele perkeleen saatana saatanan helvet jumalauta paska paskan
      kusipää kusipäi mulkku mulkun kyrpä kyrvä kikkeli pillu pillun persereikä perseest perseeseen
      huora huoran lutka lutkan neekeri mutiai ryssä runkkari runkka hintti hinttari
      idiootti idiootit ääliö tyhmyri mongoloidi jälkeenjäänyt nussi nussia
    `),
    whole: new Set(list('perse persettä kusi kusta mamu mamut')),
  },
  sv: {
    roots: list(`
      jävla jävlar jävel helvete satan fitta fittan knulla knull kuksugare horunge slyna subba
      skitstövel skitsnack rövhål neger negr zigenare bög bögar idiot cp-skad mongo blatte
    `),
    whole: new Set(list('fan skit skiten kuk hora röv pucko')),
  },
  en: {
    roots: list(`
      fuck motherfuck bitch bastard asshole arsehole bullshit nigger nigga faggot retard wanker
      dickhead cocksucker pussy whore twat
    `),
    whole: new Set(list('shit shitty cunt dick cock crap damn moron idiot fag piss slut sluts')),
  },
};

/** Ordinary words of a language that the English list would flag: Swedish "slut" is "end". */
const ORDINARY: Record<Language, ReadonlySet<string>> = { fi: new Set(), sv: new Set(['slut', 'sluts']), en: new Set() };

/** Each word's term key (its stem) joins the lists too, so that a term's key is checked like its surfaces. */
function withKeys(language: Language, lexicon: Lexicon): Lexicon {
  const keyOf = (word: string) => termsOf(word, { language, keepPhrases: false })[0]?.key;
  const roots = new Set(lexicon.roots);
  const whole = new Set(lexicon.whole);
  for (const root of lexicon.roots) {
    const key = keyOf(root);
    if (key && key.length >= 4) roots.add(key);
    else if (key) whole.add(key);
  }
  for (const word of lexicon.whole) {
    const key = keyOf(word);
    if (key) whole.add(key);
  }
  return { roots: [...roots], whole };
}

const WITH_KEYS: Record<Language, Lexicon> = { fi: withKeys('fi', LEXICONS.fi), sv: withKeys('sv', LEXICONS.sv), en: withKeys('en', LEXICONS.en) };

function matches(word: string, lexicon: Lexicon, compounds: boolean): boolean {
  if (lexicon.whole.has(word)) return true;
  return lexicon.roots.some((root) => word.startsWith(root) || (compounds && root.length >= 4 && word.length > root.length && word.endsWith(root)));
}

/**
 * Whether a term (its key or a surface form) holds a word the organiser may want to review before
 * showing it, in `language` or in English.
 */
export function isFlagged(term: string, language: Language): boolean {
  const words = foldCase(term).split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const compounds = language !== 'en';
  return words.some((word) => matches(word, WITH_KEYS[language], compounds) || (language !== 'en' && !ORDINARY[language].has(word) && matches(word, LEXICONS.en, false)));
}
