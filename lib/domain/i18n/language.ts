/**
 * The four languages of Gebruikersbeheer, as the federal CSAM services offer them: Dutch (the default
 * and the source of every text), French, English and German. Pure: the API, the e-mails and (through
 * lib/contracts) the UI share it.
 */
export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

/** The Intl locale of each language: Belgian usage (dd/mm/jjjj, 10.000,5), British English. */
export const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB', de: 'de-BE' };

/** Each language by its own name, for a language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
  de: 'Deutsch',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110: ranges with q-values, `*`);
 * `nl-BE` and `fr-CH` count as their language. Without a match: Dutch.
 */
export function negotiateLanguage(header: string | null | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranges = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
      return { tag: range.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === '*') return DEFAULT_LANGUAGE;
    const primary = tag.split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** A value put into a message: text, a number (formatted per language), a calendar day or a list. */
export type MessageParam =
  | string
  | number
  | { date: string }
  | { list: readonly string[] }
  /** Another field message by its key, in the same language (a period's invalid start date). */
  | { field: string };
export type MessageParams = Record<string, MessageParam>;

/** `2029-12-31` → `31/12/2029` (nl, fr, en) or `31.12.2029` (de); anything else unchanged. */
export function formatCalendarDate(date: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return language === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** `a`, `a en b`, `a, b en c` (and the same in each language). */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(items);
}

function formatParam(value: MessageParam, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return new Intl.NumberFormat(LOCALES[language]).format(value);
  if ('date' in value) return formatCalendarDate(value.date, language);
  if ('list' in value) return formatList(value.list, language);
  return value.field;
}

/**
 * Fills `{name}` in a template; `{count, one|other}` picks by Intl.PluralRules (`#` is the number). An
 * unknown name stays as it is, so a missing parameter shows instead of vanishing.
 */
export function interpolate(template: string, params: MessageParams | undefined, language: Language): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?:,\s*([^{}]*))?\}/g, (whole, name: string, forms?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (forms === undefined) return formatParam(value, language);
    const [one = '', other = one] = forms.split('|');
    const n = typeof value === 'number' ? value : Number(value);
    const form = new Intl.PluralRules(LOCALES[language]).select(n) === 'one' ? one : other;
    return form.replace(/#/g, formatParam(value, language));
  });
}
