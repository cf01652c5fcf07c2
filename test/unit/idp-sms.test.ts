import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsOutbox, maskPhone, newSmsCode, parseMobileNumber } from '#infra/local/idp/sms';

describe('mobile numbers for SMS codes', () => {
  it.each([
    ['+32470123456', '+32470123456'],
    ['0470 12 34 56', '+32470123456'],
    ['0470/12.34.56', '+32470123456'],
    ['+31 6 12345678', '+31612345678'],
  ])('normalises %s to E.164', (input, e164) => {
    expect(parseMobileNumber(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'Vul uw gsm-nummer in'],
    ['+3212345678', 'Dit is geen gsm-nummer'],
    ['012 34 56 78', 'Dit is geen gsm-nummer'],
    ['0470', 'Dit is geen geldig telefoonnummer'],
    ['gsm: 0470123456', 'enkel cijfers'],
  ])('refuses %j with a Dutch message', (input, message) => {
    const result = parseMobileNumber(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('masks all but the first and the last two digits', () => {
    expect(maskPhone('+32470123456')).toBe('+32 4** ** ** 56');
    expect(maskPhone('+31612345678')).toBe('+31 6 ******78');
  });

  it('makes 6-digit codes', () => {
    const codes = Array.from({ length: 200 }, newSmsCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });
});

describe('the local SMS outbox', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one owner-only JSON file per message and keeps it in memory', async () => {
    const outbox = createSmsOutbox(join(dir, 'outbox'));
    await outbox.send('+32470123456', 'Gebruikersbeheer: uw beveiligingscode is 123456.');
    await outbox.send('+32470654321', 'Gebruikersbeheer: uw beveiligingscode is 654321.');

    const files = (await readdir(join(dir, 'outbox'))).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^sms-.+\.json$/.test(f))).toBe(true);
    const first = JSON.parse(await readFile(join(dir, 'outbox', files[0]!), 'utf8'));
    expect(Object.keys(first).sort()).toEqual(['sentAt', 'text', 'to']);
    expect((await stat(join(dir, 'outbox', files[0]!))).mode & 0o777).toBe(0o600);
    expect(outbox.sent().map((m) => m.to)).toEqual(['+32470123456', '+32470654321']);
  });

  it('keeps messages only in memory without a directory', async () => {
    const outbox = createSmsOutbox();
    await outbox.send('+32470123456', 'code 111111');
    expect(outbox.dir).toBeUndefined();
    expect(outbox.sent()).toHaveLength(1);
  });
});
