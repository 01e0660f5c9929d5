import type { Language } from '../../core/protocol.js';

/** A word of a static cloud: a term with its count, or a plain answer to be normalised. */
export type StaticWord = string | { text: string; count?: number };

/** A term of a static cloud, ready to show. */
export interface StaticTerm {
  key: string;
  display: string;
  count: number;
}

/**
 * The terms of a static cloud. `{ text, count }` entries are shown as they are (same text: counts
 * added). Plain strings are answers: they are normalised on the page with `termsOf` (inflected
 * forms merged, stop words left out), and the terms module loads only then.
 */
export async function staticTerms(words: readonly StaticWord[], language: Language): Promise<StaticTerm[]> {
  const terms = new Map<string, { surfaces: Record<string, number>; count: number; display?: string }>();
  const plain = words.filter((word): word is string => typeof word === 'string');
  for (const word of words) {
    if (typeof word === 'string' || !word || typeof word.text !== 'string' || !word.text.trim()) continue;
    const text = word.text.trim();
    const count = Number.isFinite(word.count) && word.count! > 0 ? word.count! : 1;
    const entry = terms.get(`=${text}`) ?? { surfaces: {}, count: 0, display: text };
    entry.count += count;
    terms.set(`=${text}`, entry);
  }
  if (plain.length > 0) {
    const { termsOf, displayOf } = await import('../../core/cloud/terms.js');
    for (const answer of plain) {
      if (!answer.trim()) continue;
      for (const hit of termsOf(answer.slice(0, 2000), { language, keepPhrases: false, known: (key) => terms.has(key) })) {
        const entry = terms.get(hit.key) ?? { surfaces: {}, count: 0 };
        entry.count += 1;
        entry.surfaces[hit.surface] = (entry.surfaces[hit.surface] ?? 0) + 1;
        entry.display = displayOf(entry.surfaces);
        terms.set(hit.key, entry);
      }
    }
  }
  return [...terms.entries()].map(([key, entry]) => ({ key, display: entry.display ?? key, count: entry.count })).sort((a, b) => b.count - a.count);
}

/** The words of a `<script type="application/json">` child: an array, or `{ "words": [...] }`; undefined when there is none or it is not JSON. */
export function readStaticWords(host: Element): StaticWord[] | undefined {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (!script) return undefined;
  try {
    const parsed = JSON.parse(script.textContent ?? '') as unknown;
    const list = Array.isArray(parsed) ? parsed : (parsed as { words?: unknown })?.words;
    return Array.isArray(list) ? (list as StaticWord[]) : undefined;
  } catch {
    console.warn('osa-tag-cloud: the words in the <script type="application/json"> child are not valid JSON.');
    return undefined;
  }
}
