import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { acceptTotp, formatSecret, newTotpSecret, otpauthUri } from '#infra/local/idp/totp';

const PERIOD_MS = 30_000;
// A fixed moment in the middle of a time step, so ±1 step is unambiguous.
const NOW = 1_795_000_015_000;
const STEP = Math.floor(NOW / PERIOD_MS);

describe('TOTP security codes (RFC 6238)', () => {
  const secret = newTotpSecret();
  const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const codeAt = (step: number) => app.generate({ timestamp: step * PERIOD_MS + 1000 });

  it('makes a 160-bit base32 secret and an otpauth URI that names the person, not the number', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = otpauthUri(secret, 'Sofie Janssens');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Gebruikersbeheer%20\(lokaal\):Sofie%20Janssens\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
    expect(formatSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });

  it('accepts the code of this step and of one step either side, and returns its step', () => {
    expect(acceptTotp(secret, codeAt(STEP), -1, NOW)).toBe(STEP);
    expect(acceptTotp(secret, codeAt(STEP - 1), -1, NOW)).toBe(STEP - 1);
    expect(acceptTotp(secret, codeAt(STEP + 1), -1, NOW)).toBe(STEP + 1);
  });

  it('refuses codes two steps away, malformed codes and another secret’s code', () => {
    const other = new TOTP({ secret: Secret.fromBase32(newTotpSecret()) });
    const foreign = other.generate({ timestamp: NOW });
    expect(acceptTotp(secret, codeAt(STEP - 2), -1, NOW)).toBeNull();
    expect(acceptTotp(secret, codeAt(STEP + 2), -1, NOW)).toBeNull();
    expect(acceptTotp(secret, '12345', -1, NOW)).toBeNull();
    expect(acceptTotp(secret, `${codeAt(STEP)} `, -1, NOW)).toBeNull();
    if (foreign !== codeAt(STEP) && foreign !== codeAt(STEP - 1) && foreign !== codeAt(STEP + 1)) {
      expect(acceptTotp(secret, foreign, -1, NOW)).toBeNull();
    }
  });

  it('never accepts a step at or before the last one used (no replay)', () => {
    expect(acceptTotp(secret, codeAt(STEP), STEP, NOW)).toBeNull();
    expect(acceptTotp(secret, codeAt(STEP - 1), STEP, NOW)).toBeNull();
    expect(acceptTotp(secret, codeAt(STEP + 1), STEP, NOW)).toBe(STEP + 1);
  });
});
