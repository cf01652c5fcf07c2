/**
 * The language of the contracts' messages: what an invalid field is told, in the API's problem+json
 * (`errors[].message`) and in the UI's forms alike. Every message is a key of the catalogue
 * (lib/domain/i18n/field-messages.ts) looked up when zod reports the issue, in the current language:
 * the API sets it for the length of one parse (lib/http/validation.ts), the UI whenever its language
 * changes. zod's own messages (a wrong type, too long) come from zod's locale of that language.
 */
import { de, en, fr, nl } from 'zod/locales';
import * as z from 'zod/mini';
import { type FieldMessageKey, fieldMessage, isFieldMessageKey } from '#lib/domain/i18n/field-messages';
import { DEFAULT_LANGUAGE, type Language, type MessageParams } from '#lib/domain/i18n/language';

export {
  DEFAULT_LANGUAGE,
  formatCalendarDate,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  LOCALES,
} from '#lib/domain/i18n/language';

let current: Language = DEFAULT_LANGUAGE;

// The four locales only: `z.locales` would bundle every language zod has.
const ZOD_LOCALES = { nl: nl(), fr: fr(), en: en(), de: de() };
z.config({ localeError: (issue) => ZOD_LOCALES[current].localeError(issue) });

/** The UI: its language from now on. */
export function setContractLanguage(language: Language): void {
  current = language;
}

/** The API: the messages of one (synchronous) parse in the caller's language. */
export function withContractLanguage<T>(language: Language, parse: () => T): T {
  const before = current;
  current = language;
  try {
    return parse();
  } finally {
    current = before;
  }
}

/** A field message in the current language. */
export function fieldText(key: FieldMessageKey, params?: MessageParams): string {
  return fieldMessage(current, key, params);
}

/** A zod error parameter: the catalogue's message, in the language of the moment of parsing. */
export function msg(key: FieldMessageKey, params?: MessageParams): { error: () => string } {
  return { error: () => fieldMessage(current, key, params) };
}

/** A domain check's failure in the current language (its code is the message's key). */
export function checkMessage(failure: { code: string; message: string; params?: MessageParams }): string {
  return isFieldMessageKey(failure.code)
    ? fieldMessage(current, failure.code, failure.params)
    : failure.message;
}
