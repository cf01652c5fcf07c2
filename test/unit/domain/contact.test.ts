import { describe, expect, it } from 'vitest';
import { parseEmail, parsePhone } from '#lib/domain/contact';

describe('parsePhone', () => {
  it.each([
    ['0478 12 34 56', '+32478123456'],
    ['0478/12.34.56', '+32478123456'],
    ['+32 478 12 34 56', '+32478123456'],
    ['0032478123456', '+32478123456'],
    ['+3212345678', '+3212345678'],
    ['+31 6 12345678', '+31612345678'],
  ])('accepts %s as %s', (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['+32478123', 'phone.invalid'],
    ['112', 'phone.invalid'],
    ['abc', 'phone.invalid'],
    ['0478\n123456', 'phone.invalid'],
    [`0478123456${' '.repeat(60)}1`, 'phone.invalid'],
    ['0478 12 34 56 ext. 5', 'phone.extension'],
    ['', 'phone.empty'],
    ['   ', 'phone.empty'],
    [478123456, 'phone.type'],
    [null, 'phone.type'],
  ])('refuses %j with %s', (input, code) => {
    expect(parsePhone(input)).toMatchObject({ ok: false, code });
  });
});

describe('parseEmail', () => {
  it.each([
    ['jan@example.be', 'jan@example.be'],
    ['  Jan.Peeters@Example.BE  ', 'Jan.Peeters@example.be'],
    ['a+b@sub.example.be', 'a+b@sub.example.be'],
    // An internationalised domain is fine: the mail composer sends it as punycode.
    ['jan@bücher.be', 'jan@bücher.be'],
  ])('accepts %j as %s', (input, value) => {
    expect(parseEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['jan@@example.be', 'email.at-sign'],
    ['jan.example.be', 'email.at-sign'],
    ['jan@example@be', 'email.at-sign'],
    ['@example.be', 'email.local-part'],
    // SES delivers no internationalised local part: refused at input, not lost at sending.
    ['zoë@voorbeeld.be', 'email.local-part-characters'],
    ['josé.peeters@voorbeeld.be', 'email.local-part-characters'],
    ['jan@', 'email.domain'],
    ['jan@localhost', 'email.domain'],
    ['jan@example.', 'email.domain'],
    ['jan@.be', 'email.domain'],
    ['jan@example..be', 'email.domain'],
    ['jan @example.be', 'email.characters'],
    ['jan@example.be\r\nBcc: x@y.be', 'email.characters'],
    ['jan\t@example.be', 'email.characters'],
    ['jan\u0000@example.be', 'email.characters'],
    ['jan\u200b@example.be', 'email.characters'],
    ['', 'email.empty'],
    [42, 'email.type'],
  ])('refuses %j with %s', (input, code) => {
    expect(parseEmail(input)).toMatchObject({ ok: false, code });
  });

  it('accepts 254 characters, not 255', () => {
    const address = `${'a'.repeat(242)}@example.be`;
    expect(address).toHaveLength(253);
    expect(parseEmail(`a${address}`).ok).toBe(true);
    expect(parseEmail(`aa${address}`)).toMatchObject({ ok: false, code: 'email.too-long' });
  });
});
