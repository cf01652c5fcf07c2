/**
 * Contact details of a work relationship: a phone number (stored as E.164) and an e-mail address.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { type Check, failed } from '#lib/domain/errors';
import type { FieldMessageKey } from '#lib/domain/i18n/field-messages';
import type { MessageParams } from '#lib/domain/i18n/language';

// Bounds the work handed to the parser; no real number, however formatted, comes near this.
const MAX_PHONE_INPUT = 50;

export function parsePhone(input: unknown): Check<string> {
  if (typeof input !== 'string') {
    return failed('phone.type');
  }
  const text = input.trim();
  if (text === '') {
    return failed('phone.empty');
  }
  const phone = text.length <= MAX_PHONE_INPUT ? parsePhoneNumberFromString(text, 'BE') : undefined;
  if (!phone?.isValid()) {
    return failed('phone.invalid');
  }
  // E.164 has no room for an extension; dropping it silently would store a different number.
  if (phone.ext) {
    return failed('phone.extension');
  }
  return { ok: true, value: phone.number };
}

/** A stored number (E.164) as people read it: `+3212345678` → `+32 12 34 56 78`; anything else unchanged. */
export function formatPhone(e164: string): string {
  const phone = e164.length <= MAX_PHONE_INPUT ? parsePhoneNumberFromString(e164) : undefined;
  return phone?.isValid() ? phone.formatInternational() : e164;
}

const MAX_EMAIL_LENGTH = 254;
// Whitespace, control and invisible format characters: CR/LF would allow header injection, the others
// make two addresses look identical.
const FORBIDDEN_IN_EMAIL = /[\s\p{Cc}\p{Cf}]/u;

type EmailFailure = { [K in FieldMessageKey]: K extends `email.${infer R}` ? R : never }[FieldMessageKey];

function emailFail(code: EmailFailure, params?: MessageParams): Check<string> {
  return failed(`email.${code}`, params);
}

export function parseEmail(input: unknown): Check<string> {
  if (typeof input !== 'string') {
    return emailFail('type');
  }
  const text = input.trim();
  if (text === '') {
    return emailFail('empty');
  }
  if (text.length > MAX_EMAIL_LENGTH) {
    return emailFail('too-long', { max: MAX_EMAIL_LENGTH });
  }
  if (FORBIDDEN_IN_EMAIL.test(text)) {
    return emailFail('characters');
  }
  const parts = text.split('@');
  if (parts.length !== 2) {
    return emailFail('at-sign');
  }
  const [local = '', domain = ''] = parts;
  if (local === '') {
    return emailFail('local-part');
  }
  // Mail services (SES among them) deliver no internationalised local part: zoë@… would never arrive.
  if (/[^\x21-\x7e]/.test(local)) {
    return emailFail('local-part-characters');
  }
  // Every label non-empty: rejects "example.", ".be" and "example..be" as well as a domain without a dot.
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) {
    return emailFail('domain');
  }
  // Only the domain is case-insensitive; the local part belongs to the receiving server.
  return { ok: true, value: `${local}@${domain.toLowerCase()}` };
}
