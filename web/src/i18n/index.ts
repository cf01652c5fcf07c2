/**
 * The UI's languages with i18next and react-i18next: Dutch (the default and the source of every text),
 * French, English and German, one catalogue per language in this folder (nl.ts, fr.ts, en.ts, de.ts),
 * one namespace per part of the UI (`common`, `layout`, a screen…). Components take their texts with
 * `useTranslation(namespace)` and `t('key')`; the keys are typed from nl.ts (i18next.d.ts), so a key
 * that does not exist fails `npm run typecheck`, and test/unit/web-i18n.test.ts fails when a language
 * misses one.
 *
 * The language is chosen with the header's switch (LanguageSwitch in app/Root.tsx): kept in
 * localStorage for the next visit, in the person's preferences (`PUT /api/me/preferences`) once logged
 * in, followed by `<html lang>`, the contracts' field messages and the API's `Accept-Language`.
 */
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type Language,
  LOCALES,
  setContractLanguage,
} from '@contracts/i18n.ts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl.ts';

export { LANGUAGE_NAMES, LANGUAGES, type Language } from '@contracts/i18n.ts';

/** Dutch is in the main bundle; the other languages are chunks of their own, fetched when chosen. */
export const resources = { nl } as const;

const LOADERS: Record<Exclude<Language, 'nl'>, () => Promise<Record<string, object>>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
  de: () => import('./de.ts').then((m) => m.de),
};

/** Makes a language's texts available (once): a no-op for Dutch and for a language loaded before. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'nl' || i18next.hasResourceBundle(language, 'common')) return;
  const messages = await LOADERS[language]();
  for (const [namespace, texts] of Object.entries(messages))
    i18next.addResourceBundle(language, namespace, texts, true, true);
}

const STORAGE_KEY = 'gb.taal';
/** Set while a choice made before logging in still has to reach the person's preferences. */
const PENDING_KEY = 'gb.taal.nieuw';

function stored(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language on this device (a choice made here before), else Dutch. The browser's own is not guessed. */
export function initialLanguage(): Language {
  return stored() ?? DEFAULT_LANGUAGE;
}

export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

/** The Intl locale of the current language (`nl-BE`, `fr-BE`, `en-GB`, `de-BE`). */
export function currentLocale(): string {
  return LOCALES[currentLanguage()];
}

/** Everything that follows the language besides the texts: `<html lang>` and the contracts' messages. */
function follow(language: Language) {
  document.documentElement.lang = LOCALES[language];
  setContractLanguage(language);
}

/**
 * Switches the language and remembers it on this device; `pending` marks a choice made before logging
 * in, which the preferences take over at the next login (see LanguageSync).
 */
export async function chooseLanguage(language: Language, { pending = false } = {}): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
    if (pending) localStorage.setItem(PENDING_KEY, '1');
    else localStorage.removeItem(PENDING_KEY);
  } catch {
    // Private modes may refuse storage: the choice then lasts for this page.
  }
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

/** Whether a choice made before logging in waits to be saved in the preferences. */
export function choiceToSave(): boolean {
  try {
    return localStorage.getItem(PENDING_KEY) === '1';
  } catch {
    return false;
  }
}

void i18next.use(initReactI18next).init({
  resources,
  // Dutch until the language kept on this device is loaded (see `ready`): never a key on screen.
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  ns: Object.keys(nl),
  defaultNS: 'common',
  // React escapes what it renders; escaping here too would show &amp; in names.
  interpolation: { escapeValue: false },
  // The catalogues are in the bundle: ready at once, no flash of keys.
  initAsync: false,
  returnNull: false,
});
follow(currentLanguage());
/**
 * Resolves once the language kept on this device is loaded and chosen; main.tsx renders after it, so a
 * French visitor never sees a flash of Dutch. A chunk that cannot be fetched leaves the UI in Dutch.
 */
export const ready: Promise<void> = (async () => {
  const language = initialLanguage();
  if (language === DEFAULT_LANGUAGE) return;
  try {
    await loadLanguage(language);
    await i18next.changeLanguage(language);
  } catch {
    // Offline or a stale deployment: Dutch, the default, stays.
  }
})();
i18next.on('languageChanged', (lng) => follow(isLanguage(lng) ? lng : DEFAULT_LANGUAGE));

/**
 * A text whose key is only known at run time (a login method, a history action, a category from the
 * API), with what to show when the catalogue has no such key (the API's own word).
 */
export function dynamicText(key: string, fallback: string, options: Record<string, unknown> = {}): string {
  const t = i18next.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(key, { ...options, defaultValue: fallback });
}

export default i18next;
