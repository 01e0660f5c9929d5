/**
 * Where the Snowball stemmers go wrong for a word cloud, and what to do instead.
 *
 * - Under-merges (Finnish): consonant gradation and stem changes give one word several stems
 *   (lapsi → "lap", lasten → "last"; vesi → "vesi", veden → "vede"). `FI_FAMILIES` lists common
 *   words by their base form with the forms and stems that belong to it.
 * - Over-merges: Swedish Snowball strips "-het" (trygg/trygghet, säker/säkerhet are different
 *   ideas), English Porter2 merges news/new, university/universe, organ/organisation,
 *   general/generous; Finnish Snowball merges mato/matto.
 * - Swedish under-merges: definite "-an" and "-et" (skolan, huset), see `beforeStem`.
 *
 * On the Voikko path Finnish words skip the Finnish tables (Voikko knows the inflections); the
 * over-merge rules apply on every path.
 */
import type { Language } from '../protocol.js';

/** A Finnish word family: its key (the base form), forms that Snowball stems elsewhere, and stems Snowball gives its forms. */
interface Family {
  key: string;
  forms?: string;
  stems?: string;
}

/**
 * Common Finnish words of participatory events whose inflected forms Snowball splits. `stems`
 * are Snowball stems that belong to this word only (checked against the look-alike fixture);
 * `forms` catch what a stem cannot (a stem shared with another word).
 */
const FI_FAMILIES: Family[] = [
  { key: 'lapsi', forms: 'lasten lapsen lapsena lapsesta lapseen lapselle lapsella lapsille lapsia lapset', stems: 'lap laps last lapse' },
  { key: 'vesi', forms: 'veden vettä vedet vesien vesiä vedessä vedestä veteen vedellä vesistä', stems: 'vede vet vesi ves' },
  { key: 'ruoka', forms: 'ruoan ruuan ruoat ruuat ruoassa ruuassa ruoasta ruuasta ruokaa ruokia ruokien', stems: 'ruoka ruoan ruuan ruok ruoa ruua' },
  { key: 'käsi', forms: 'käden kädet käsien käsiä kädessä kädestä käteen kädellä käsillä', stems: 'käs käd käde kät' },
  { key: 'tie', forms: 'tien tiet teiden teitä tiellä tiellä teillä tiehen teihin tietä' },
  { key: 'työ', forms: 'työn työt töiden töitä työssä töissä työstä töistä työhön töihin työllä työtä' },
  { key: 'liikenne', forms: 'liikenteen liikennettä liikenteessä liikenteestä liikenteeseen liikenteelle liikenteellä', stems: 'liikent' },
  { key: 'luonto', forms: 'luonnon luonnossa luonnosta luontoon luonnolle luontoa', stems: 'luono' },
  { key: 'sydän', forms: 'sydämen sydämet sydämiä sydämessä sydämestä sydämeen sydäntä sydämellä', stems: 'sydä sydäm sydäme' },
  { key: 'nuori', forms: 'nuorten nuorien nuoret nuoria nuorille nuorilla nuorelle nuoren nuorta' },
  { key: 'koti', forms: 'kodin kodit kotien koteja kodissa kodista kotiin kodeissa kotona', stems: 'kod kodi' },
  // Over-merges: Snowball stems "mato" (worm) and "matto" (carpet) alike.
  { key: 'mato', forms: 'madon madot matoja matoa madoille' },
  { key: 'matto', forms: 'maton matot mattoja mattoa matolle matoille' },
];

/**
 * Productive Finnish stem changes that Snowball leaves apart, applied to its stems (fallback path):
 * derivations in -us/-ys (turvallisuus, turvallisuutta, harrastuksia, terveyden), weak grades of
 * -nt-/-nk- in long stems (liikunta/liikunnan, hyvinvointi/hyvinvoinnin, kaupunki/kaupungin),
 * -as nouns (oppilas/oppilaiden, asukas/asukkaiden), -de/-te (taide/taiteen, sade/sateen) and
 * -i/-e (meri/meren, kieli/kielen), and -in/-ime- (puhelin/puhelimen).
 * Every rule was checked against the look-alike fixture (`fixtures/finnish-pairs.ts`).
 */
const FI_STEM_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // -in nouns: puhelimen → "puhelim", puhelinta → "puhelin", puhelin → "puhel"; after a vowel
  // only -ime- (avaimen, istuimen), as "-oin" is also the stem of -ointi (hyvinvointi).
  [/^(.{3,}[aeiouyäö][^aeiouyäö])i[mn]$/u, '$1'],
  [/^(.{2,}[aeiouyäö])im$/u, '$1'],
  [/([uy])\1(?:ks|t|d)$/u, '$1$1s'],
  [/([aeiouyäö][uy])(?:ks|t|d)$/u, '$1s'],
  [/([^aeiouyäö][uy])ks$/u, '$1s'],
  [/^(.{4,}n)(?:t|k|g)$/u, '$1'],
  [/^(.+[^aeiouyäö][aeiouyäö][^aeiouyäö])as$/u, '$1'],
  [/^(.+[aeiouyäö])de$/u, '$1ti'],
  [/^(.+[^aeiouyäö])e$/u, '$1i'],
];

/**
 * Productive Finnish endings that Snowball cuts wrongly, applied to whole words (fallback path);
 * each gives the stem Snowball gives the word's other forms:
 * - -nen adjectives and nouns (-se- in their other forms): ihminen, ystävällinen, vapaaehtoinen →
 *   "ihmis", as ihmisen and ihmiset; their genitive plural in -sten (ihmisten, naisten, and that of
 *   -s nouns: vanhusten) likewise.
 * - the partitive -usta/-ystä of -mus, -tus and -stus nouns (luottamusta, koulutusta, arvostusta,
 *   kysymystä), which Snowball reads as an elative ("luottamu").
 * The elative of a noun in -mu, -tu or -stu (rare: hattu → hatusta) then misses its nominative,
 * as it did before; words in -sta of other nouns (koulusta, kirjastosta) are untouched.
 */
const FI_WORD_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(.{3,}[aiouyäö])nen$/u, '$1s'],
  [/^(.{3,}[aiouyäö])sten$/u, '$1s'],
  [/^(.{3,}(?:m|st|t)[uy])st[aä]$/u, '$1s'],
];

/** The stem a `FI_WORD_RULES` rule gives a whole Finnish word, if one matches. */
function finnishWordStem(word: string): string | undefined {
  for (const [pattern, replacement] of FI_WORD_RULES) if (pattern.test(word)) return finnishStem(word.replace(pattern, replacement));
  return undefined;
}

/** The Finnish stem after `FI_STEM_RULES` (the first rule that matches). */
function finnishStem(stem: string): string {
  for (const [pattern, replacement] of FI_STEM_RULES) if (pattern.test(stem)) return stem.replace(pattern, replacement);
  return stem;
}

const index = (families: Family[]): { forms: Map<string, string>; stems: Map<string, string> } => {
  const forms = new Map<string, string>();
  const stems = new Map<string, string>();
  for (const family of families) {
    for (const form of (family.forms ?? '').split(/\s+/u).filter(Boolean)) forms.set(form, family.key);
    for (const stem of (family.stems ?? '').split(/\s+/u).filter(Boolean)) stems.set(stem, family.key);
    forms.set(family.key, family.key);
  }
  return { forms, stems };
};

const FI = index(FI_FAMILIES);

/** Forms whose Snowball stem would merge them with a different word; each keeps its own key. */
const OVER_MERGES: Partial<Record<Language, ReadonlyMap<string, string>>> = {
  en: new Map(
    Object.entries({
      news: 'news',
      university: 'university',
      universities: 'university',
      universe: 'universe',
      organisation: 'organisation',
      organisations: 'organisation',
      organization: 'organisation',
      organizations: 'organisation',
      general: 'general',
      generous: 'generous',
      generosity: 'generous',
    }),
  ),
};

/**
 * Swedish definite forms Snowball leaves whole: "-an" of "-a" nouns (skolan → skola) and "-et" of
 * neuter nouns (huset → hus, barnet → barn, samhället → samhäll-). Nouns whose own last letters
 * are "-et" stay (planet is not plan).
 */
const SV_DEFINITE_AN = /^(.{3,}[^aeiouyåäö]a)n$/u;
const SV_DEFINITE_ET = /^(.{2,}[^aeiouyåäö])et$/u;
const SV_OWN_ET = new Set(['planet', 'paket', 'staket', 'budget', 'raket', 'tapet', 'komet', 'magnet', 'sekret', 'dekret', 'kvintet', 'skarlet']);

/** The form to give the stemmer: Swedish definite endings Snowball misses come off first. */
export function beforeStem(word: string, language: Language): string {
  if (language !== 'sv' || SV_OWN_ET.has(word)) return word;
  const an = SV_DEFINITE_AN.exec(word);
  if (an) return an[1]!;
  const et = SV_DEFINITE_ET.exec(word);
  return et ? et[1]! : word;
}

/** Swedish nouns in "-het" (trygghet, säkerhet, frihet): the stem keeps "het", unlike Snowball. */
const SV_HET = /^(\p{L}{2,}het)(en|ens|er|erna|ernas|s)?$/u;

/**
 * The key an exception gives a folded word (or, with `isStem`, a Snowball stem), if any.
 * `finnishTables`: false on the Voikko path, where Finnish words skip the Finnish tables.
 */
export function exceptionKey(word: string, language: Language, finnishTables: boolean, isStem = false): string | undefined {
  if (language === 'fi') {
    if (!finnishTables) return undefined;
    return isStem ? (FI.stems.get(word) ?? finnishStem(word)) : (FI.forms.get(word) ?? finnishWordStem(word));
  }
  if (isStem) return undefined;
  if (language === 'sv') return SV_HET.exec(word)?.[1];
  return OVER_MERGES[language]?.get(word);
}
