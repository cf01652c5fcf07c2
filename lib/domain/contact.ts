/**
 * Contact details of a work relationship: a phone number (stored as E.164) and an e-mail address.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Check } from '#lib/domain/errors';

// Bounds the work handed to the parser; no real number, however formatted, comes near this.
const MAX_PHONE_INPUT = 50;

export function parsePhone(input: unknown): Check<string> {
  if (typeof input !== 'string') {
    return { ok: false, code: 'phone.type', message: 'Het telefoonnummer moet als tekst worden opgegeven.' };
  }
  const text = input.trim();
  if (text === '') {
    return { ok: false, code: 'phone.empty', message: 'Vul een telefoonnummer in.' };
  }
  const phone = text.length <= MAX_PHONE_INPUT ? parsePhoneNumberFromString(text, 'BE') : undefined;
  if (!phone?.isValid()) {
    return {
      ok: false,
      code: 'phone.invalid',
      message: 'Dit telefoonnummer is ongeldig. Geef een Belgisch nummer of een nummer met landcode (+…) op.',
    };
  }
  // E.164 has no room for an extension; dropping it silently would store a different number.
  if (phone.ext) {
    return {
      ok: false,
      code: 'phone.extension',
      message: 'Een telefoonnummer met toestelnummer is niet toegelaten.',
    };
  }
  return { ok: true, value: phone.number };
}

const MAX_EMAIL_LENGTH = 254;
// Whitespace, control and invisible format characters: CR/LF would allow header injection, the others
// make two addresses look identical.
const FORBIDDEN_IN_EMAIL = /[\s\p{Cc}\p{Cf}]/u;

function emailFail(code: string, message: string): Check<string> {
  return { ok: false, code: `email.${code}`, message };
}

export function parseEmail(input: unknown): Check<string> {
  if (typeof input !== 'string') {
    return emailFail('type', 'Het e-mailadres moet als tekst worden opgegeven.');
  }
  const text = input.trim();
  if (text === '') {
    return emailFail('empty', 'Vul een e-mailadres in.');
  }
  if (text.length > MAX_EMAIL_LENGTH) {
    return emailFail('too-long', `Een e-mailadres telt maximaal ${MAX_EMAIL_LENGTH} tekens.`);
  }
  if (FORBIDDEN_IN_EMAIL.test(text)) {
    return emailFail('characters', 'Een e-mailadres mag geen spaties, regeleinden of stuurtekens bevatten.');
  }
  const parts = text.split('@');
  if (parts.length !== 2) {
    return emailFail('at-sign', 'Een e-mailadres bevat precies één @.');
  }
  const [local = '', domain = ''] = parts;
  if (local === '') {
    return emailFail('local-part', 'Vul het deel voor de @ in.');
  }
  // Mail services (SES among them) deliver no internationalised local part: zoë@… would never arrive.
  if (/[^\x21-\x7e]/.test(local)) {
    return emailFail(
      'local-part-characters',
      'Het deel voor de @ mag alleen letters zonder accenten, cijfers en leestekens bevatten; e-mail aan dit adres kan niet bezorgd worden.',
    );
  }
  // Every label non-empty: rejects "example.", ".be" and "example..be" as well as a domain without a dot.
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) {
    return emailFail('domain', 'Het domein na de @ is ongeldig, bijvoorbeeld naam@voorbeeld.be.');
  }
  // Only the domain is case-insensitive; the local part belongs to the receiving server.
  return { ok: true, value: `${local}@${domain.toLowerCase()}` };
}
