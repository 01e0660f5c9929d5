import type { Language } from './languages.js';

/** Intl helpers bound to one language; translation files use them for numbers, lists and plurals. */
export interface Formatters {
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(fraction: number, digits?: number): string;
  list(items: readonly string[], type?: Intl.ListFormatType): string;
  date(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string;
  time(value: Date | number | string): string;
  relativeTime(value: number, unit: Intl.RelativeTimeFormatUnit): string;
  /** Picks the plural form for `count`; `one` and `other` are always required. */
  plural(count: number, forms: { zero?: string; one: string; other: string }): string;
}

const cache = new Map<Language, Formatters>();

export function formatters(language: Language): Formatters {
  let found = cache.get(language);
  if (found) return found;
  const locale = `${language}-FI`;
  const numberFormat = new Intl.NumberFormat(locale);
  const pluralRules = new Intl.PluralRules(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  found = {
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options).format(value) : numberFormat.format(value)),
    percent: (fraction, digits = 0) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction),
    list: (items, type = 'conjunction') => new Intl.ListFormat(locale, { type, style: 'long' }).format(items),
    date: (value, options = { dateStyle: 'medium' }) => new Intl.DateTimeFormat(locale, options).format(new Date(value)),
    time: (value) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(value)),
    relativeTime: (value, unit) => relative.format(value, unit),
    plural: (count, forms) => {
      if (count === 0 && forms.zero !== undefined) return forms.zero;
      return pluralRules.select(count) === 'one' ? forms.one : forms.other;
    },
  };
  cache.set(language, found);
  return found;
}
