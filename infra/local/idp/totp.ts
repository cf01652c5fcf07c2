/**
 * Security codes from a mobile app: TOTP (RFC 6238) with the parameters every authenticator app
 * understands (SHA-1, 6 digits, 30 seconds), through the `otpauth` package.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = 'Gebruikersbeheer (lokaal)';
/** Accept the previous and the next time step as well, for clocks that drift (RFC 6238 §5.2). */
export const TOTP_WINDOW = 1;

function totp(secret: string, label = 'Gebruikersbeheer'): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

/** A fresh 160-bit secret, base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/...` URI an app reads from a QR code; the label names the person, never the number. */
export function otpauthUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** Groups a base32 secret in fours, the way people copy it into an app by hand. */
export function formatSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The time step of a valid code within the window, or null. A step at or before `lastCounter` was
 * used already and is refused, so an overheard code cannot be replayed (RFC 6238 §5.2).
 */
export function acceptTotp(
  secret: string,
  code: string,
  lastCounter: number,
  timestamp = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const generator = totp(secret);
  const delta = generator.validate({ token: code, timestamp, window: TOTP_WINDOW });
  if (delta === null) return null;
  const counter = generator.counter({ timestamp }) + delta;
  return counter > lastCounter ? counter : null;
}
