/**
 * Finnish lemmatisation with Voikko on the server: `libvoikko.so.1` (Debian's `libvoikko1` with the
 * `voikko-fi` dictionary) called through the `koffi` FFI package. Both are optional: without them
 * `finnishLemmatiser()` answers undefined and terms fall back to the Snowball stemmer. The
 * dictionary is GPL-2, so this module lives in `server/` only: nothing under `src/` imports it and
 * the MIT bundle never includes it.
 */
import { createRequire } from 'node:module';
import type { Language } from '../src/core/protocol.js';
import type * as KoffiModule from 'koffi';
import type { Lemmatiser } from '../src/core/cloud/terms.js';

type Koffi = typeof KoffiModule;
type Native = (...args: unknown[]) => unknown;

/** The longest word sent to Voikko (longer ones are not Finnish words; Voikko refuses them anyway). */
const MAX_WORD = 255;
/** Analyses remembered per process (words repeat a lot in a cloud). */
const CACHE_LIMIT = 20_000;

export interface VoikkoOptions {
  /** Path of the shared library (default `libvoikko.so.1`, found through the loader's search path). */
  library?: string;
  /** Dictionary directory (default: Voikko's own search path, e.g. /usr/lib/voikko). */
  dictionaryPath?: string;
}

/**
 * Opens Voikko for Finnish. Returns undefined, without throwing, when koffi, the library or the
 * Finnish dictionary is missing; `why` receives the reason.
 */
export function openVoikko(options: VoikkoOptions = {}, why: (reason: string) => void = () => {}): Lemmatiser | undefined {
  let koffi: Koffi;
  try {
    koffi = createRequire(import.meta.url)('koffi') as Koffi;
  } catch {
    why('the optional package koffi is not installed');
    return undefined;
  }
  let lib: ReturnType<Koffi['load']>;
  try {
    lib = koffi.load(options.library ?? 'libvoikko.so.1');
  } catch (error) {
    why(`${options.library ?? 'libvoikko.so.1'} could not be loaded (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
  const init = lib.func('void *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)') as Native;
  const analyse = lib.func('void *voikkoAnalyzeWordCstr(void *handle, const char *word)') as Native;
  const valueOf = lib.func('void *voikko_mor_analysis_value_cstr(void *analysis, const char *key)') as Native;
  const freeValue = lib.func('void voikko_free_mor_analysis_value_cstr(void *value)') as Native;
  const freeAnalyses = lib.func('void voikko_free_mor_analysis(void *analyses)') as Native;

  const error: (string | null)[] = [null];
  const handle = init(error, 'fi', options.dictionaryPath ?? null);
  if (!handle) {
    why(`Voikko found no Finnish dictionary (${error[0] ?? 'no reason given'}); install voikko-fi`);
    return undefined;
  }

  const pointerSize = koffi.sizeof('void *');
  /**
   * BASEFORM of every analysis of `word`, each once, in Voikko's order except that proper nouns
   * (capitalised base forms: "Pello" for "pellot") come after common ones (pelto), since a cloud
   * is mostly common words and `known` still picks a proper noun that others used.
   */
  const baseForms = (word: string): string[] => {
    const analyses = analyse(handle, word);
    if (!analyses) return [];
    const found: string[] = [];
    try {
      for (let index = 0; ; index += 1) {
        const analysis: unknown = koffi.decode(analyses, index * pointerSize, 'void *');
        if (!analysis) break;
        const value = valueOf(analysis, 'BASEFORM');
        if (!value) continue;
        try {
          const base = koffi.decode(value, 'char', -1) as string;
          if (base && !found.includes(base)) found.push(base);
        } finally {
          freeValue(value);
        }
      }
    } finally {
      freeAnalyses(analyses);
    }
    const proper = (base: string): boolean => base[0] !== base[0]!.toLowerCase();
    return [...found.filter((base) => !proper(base)), ...found.filter(proper)];
  };

  const cache = new Map<string, string[]>();
  return {
    lemmas(word: string, language: Language): string[] {
      if (language !== 'fi' || word.length === 0 || word.length > MAX_WORD) return [];
      let found = cache.get(word);
      if (!found) {
        found = baseForms(word);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(word, found);
      }
      return [...found];
    },
  };
}

let shared: { lemmatiser: Lemmatiser | undefined } | undefined;

/**
 * The process's Finnish lemmatiser, opened on first use; undefined when Voikko is not installed
 * (one info line says so, and that terms use the Snowball stemmer instead).
 */
export function finnishLemmatiser(): Lemmatiser | undefined {
  if (!shared) {
    const lemmatiser = openVoikko({}, (reason) => console.info(`osallistu: Finnish words are stemmed with Snowball: ${reason}.`));
    if (lemmatiser) console.info('osallistu: Finnish words are lemmatised with Voikko.');
    shared = { lemmatiser };
  }
  return shared.lemmatiser;
}
