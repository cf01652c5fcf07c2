/**
 * Which login methods a person activated: the TOTP secret of the security-code app and the mobile
 * number for SMS codes. Stored under an HMAC of the national number (never the number itself), in
 * `.data/idp/activations.json` (owner-only) when the stack has a data directory, in memory otherwise.
 * Only what a login needs is kept: the secret, the last used time step and the phone number.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readIfExists } from '#infra/local/idp/keys';

export interface TotpActivation {
  /** Base32 secret shared with the person's authenticator app. */
  secret: string;
  /** The last TOTP time step accepted; a code for this step or an earlier one is never accepted again. */
  lastCounter: number;
  activatedAt: string;
}

export interface SmsActivation {
  /** E.164, e.g. +32470123456. */
  phone: string;
  activatedAt: string;
}

export interface ActivationRecord {
  totp?: TotpActivation;
  sms?: SmsActivation;
}

export interface ActivationStore {
  get(key: string): ActivationRecord | undefined;
  /** Changes one record; writes are serialised and, with a file, atomic (write then rename). */
  update(key: string, change: (record: ActivationRecord) => ActivationRecord): Promise<ActivationRecord>;
}

interface StoredFile {
  version: 1;
  /** HMAC of the national number → activations. */
  accounts: Record<string, ActivationRecord>;
}

export async function createActivationStore(file?: string): Promise<ActivationStore> {
  const accounts = new Map<string, ActivationRecord>();
  if (file) {
    const text = await readIfExists(file);
    if (text !== undefined) {
      const stored = JSON.parse(text) as StoredFile;
      if (stored.version !== 1 || typeof stored.accounts !== 'object' || stored.accounts === null) {
        throw new Error(`${file} heeft een onbekend formaat; verwijder het om opnieuw te beginnen.`);
      }
      for (const [key, record] of Object.entries(stored.accounts)) accounts.set(key, record);
    }
  }

  let queue: Promise<unknown> = Promise.resolve();
  const persist = async () => {
    if (!file) return;
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const content: StoredFile = { version: 1, accounts: Object.fromEntries(accounts) };
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, file);
  };

  return {
    get: (key) => structuredClone(accounts.get(key)),
    update(key, change) {
      const next = queue.then(async () => {
        const current = structuredClone(accounts.get(key) ?? {});
        const record = change(current);
        // Returning the record unchanged (the same object) means: nothing to write.
        if (record === current) return structuredClone(record);
        accounts.set(key, record);
        await persist();
        return structuredClone(record);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
