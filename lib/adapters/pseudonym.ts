import { createHmac } from 'node:crypto';

import type { Pseudonymize } from '#lib/domain/ports';

/** HMAC-SHA-256 under the secret key. */
export function createPseudonymizer(secret: string): Pseudonymize {
  if (secret.length < 32) throw new Error('The pseudonym secret must be at least 32 characters long.');
  return (nationalNumber) => createHmac('sha256', secret).update(nationalNumber).digest('base64url');
}
