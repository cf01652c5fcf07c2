import { createHmac } from 'node:crypto';

/** HMAC-SHA-256 pseudonym of a national register number, the only form that appears in keys. */
export type Pseudonymize = (nationalNumber: string) => string;

export function createPseudonymizer(secret: string): Pseudonymize {
  if (secret.length < 32) throw new Error('The pseudonym secret must be at least 32 characters long.');
  return (nationalNumber) => createHmac('sha256', secret).update(nationalNumber).digest('base64url');
}
