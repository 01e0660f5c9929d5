import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type ElementTranslations, type Translation } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';
import { formatters, type Formatters } from './format.js';
import { DEFAULT_LANGUAGE, LANGUAGES, matchLanguage, type Language } from './languages.js';

export const translations: Record<Language, Translation> = { fi, sv, en };

/**
 * Joins an element's own texts (`src/i18n/<element>/index.ts`) to the shared ones; each element
 * class calls it when it is defined, so a page loads the words of the elements it uses only.
 */
export function registerTexts<K extends keyof ElementTranslations>(entry: { key: K; texts: { readonly [L in Language]: ElementTranslations[K] } }): void {
  for (const language of LANGUAGES) (translations[language] as ElementTranslations)[entry.key] = entry.texts[language];
}

type Host = ReactiveControllerHost & HTMLElement;

/** Hosts re-resolve their language whenever a `lang` or `dir` attribute changes anywhere in the document. */
const connectedHosts = new Set<LocalizeController>();
let documentObserver: MutationObserver | undefined;

function watchDocument(): void {
  if (documentObserver) return;
  documentObserver = new MutationObserver(() => {
    for (const controller of connectedHosts) controller.refresh();
  });
  documentObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang', 'dir'],
    subtree: true,
  });
}

/** The closest element (itself included) that carries `attribute`, crossing shadow roots. */
function closestWithAttribute(start: Element, attribute: string): Element | null {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.closest(`[${attribute}]:not([${attribute}=""])`);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * Resolves the language and direction of its host from the host, then its ancestors (across
 * shadow roots), then the document, then the browser; re-renders the host when any of them change.
 */
export class LocalizeController implements ReactiveController {
  language: Language = DEFAULT_LANGUAGE;
  dir: 'ltr' | 'rtl' = 'ltr';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    connectedHosts.add(this);
    watchDocument();
    this.refresh();
  }

  hostDisconnected(): void {
    connectedHosts.delete(this);
  }

  /** Re-reads `lang`/`dir`; requests an update only when something changed. */
  refresh(): void {
    const language = this.resolveLanguage();
    const ownDir = this.host.dir || undefined;
    const dir = (ownDir ?? closestWithAttribute(this.host, 'dir')?.getAttribute('dir')) === 'rtl' ? 'rtl' : 'ltr';
    if (language !== this.language || dir !== this.dir) {
      this.language = language;
      this.dir = dir;
      this.host.requestUpdate();
    }
  }

  private resolveLanguage(): Language {
    // The host's own property first: an element may be given `lang` as a property, not an attribute.
    return (
      matchLanguage(this.host.lang) ??
      matchLanguage(closestWithAttribute(this.host, 'lang')?.getAttribute('lang')) ??
      matchLanguage(document.documentElement.lang) ??
      navigator.languages.map((tag) => matchLanguage(tag)).find((found) => found !== undefined) ??
      DEFAULT_LANGUAGE
    );
  }

  /** The texts of the resolved language. */
  get msg(): Translation {
    return translations[this.language];
  }

  /** Number, date, list and plural formatting in the resolved language. */
  get format(): Formatters {
    return formatters(this.language);
  }
}
