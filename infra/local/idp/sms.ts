/**
 * SMS codes, locally: mobile numbers checked and normalised to E.164 with libphonenumber-js, and a
 * local outbox instead of an SMS gateway. Each message is one JSON file in `.data/outbox/`
 * (`sms-<time>-<id>.json`: to, text, sentAt) and is also kept in memory for tests. A message holds
 * the phone number and the code, never the national number.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface SmsMessage {
  to: string;
  text: string;
  sentAt: string;
}

export interface SmsOutbox {
  /** Where messages are written; undefined when the stack runs without a data directory. */
  readonly dir: string | undefined;
  send(to: string, text: string): Promise<SmsMessage>;
  /** Messages sent by this process, oldest first (at most the last 100). */
  sent(): readonly SmsMessage[];
}

const KEEP_IN_MEMORY = 100;

export function createSmsOutbox(dir?: string): SmsOutbox {
  const sent: SmsMessage[] = [];
  return {
    dir,
    async send(to, text) {
      const message: SmsMessage = { to, text, sentAt: new Date().toISOString() };
      if (dir) {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const name = `sms-${message.sentAt.replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.json`;
        await writeFile(join(dir, name), `${JSON.stringify(message, null, 2)}\n`, { mode: 0o600 });
      }
      sent.push(message);
      if (sent.length > KEEP_IN_MEMORY) sent.shift();
      return message;
    },
    sent: () => [...sent],
  };
}

export type MobileCheck = { ok: true; e164: string } | { ok: false; message: string };

/** A mobile number in any usual notation (Belgian by default) → E.164; only mobile numbers can receive SMS. */
export function parseMobileNumber(input: string): MobileCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Vul uw gsm-nummer in, bv. +32470123456.' };
  if (!/^[+0-9 ./()-]+$/.test(text)) {
    return { ok: false, message: 'Een gsm-nummer bevat enkel cijfers, een + vooraan en eventueel spaties.' };
  }
  const phone = parsePhoneNumberFromString(text, 'BE');
  if (!phone?.isValid()) {
    return { ok: false, message: 'Dit is geen geldig telefoonnummer. Geef het in de vorm +32470123456.' };
  }
  const type = phone.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return { ok: false, message: 'Dit is geen gsm-nummer. Een SMS kan enkel naar een gsm-nummer.' };
  }
  return { ok: true, e164: phone.number };
}

/** +32470123456 → "+32 4** ** ** 56": enough to recognise one's own number, not to learn someone else's. */
export function maskPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return '***';
  const international = phone.formatInternational();
  const prefix = `+${phone.countryCallingCode} `;
  const national = international.slice(prefix.length);
  const digits = national.replace(/\D/g, '').length;
  let seen = 0;
  const masked = national.replace(/\d/g, (digit) => {
    seen += 1;
    return seen === 1 || seen > digits - 2 ? digit : '*';
  });
  return `${prefix}${masked}`;
}

/** A 6-digit one-time code from the operating system's random source. */
export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
