import { LANGUAGES, type Language } from '../core/protocol.js';

export { LANGUAGES, type Language };

/** Used when neither the element, its ancestors, the document nor the browser name a supported language. */
export const DEFAULT_LANGUAGE: Language = 'fi';

/** Maps a BCP 47 tag such as `sv-FI` or `EN` to a supported language, or undefined. */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'se') return 'sv';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : undefined;
}
