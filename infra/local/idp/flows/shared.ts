/**
 * What every login flow of the interaction UI shares: the options, the per-interaction state, reading
 * the form, sending a page, the Dutch refusals, the national number and code fields, and finishing a
 * login (with the `gb_laatste_keuze` cookie). The flows in this folder build on one FlowContext; the
 * router (../interactions.ts) owns the request pipeline.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { AccountDirectory, LoginAccount } from '#infra/local/idp/accounts';
import type { ActivationStore } from '#infra/local/idp/activations';
import type { IdpKeys } from '#infra/local/idp/keys';
import type { LoginMethod } from '#infra/local/idp/methods';
import { type FieldErrors, messagePage } from '#infra/local/idp/pages';
import type { SmsOutbox } from '#infra/local/idp/sms';
import { parseNationalNumber } from '#lib/domain/national-number';

/** Remembers the method used last in this browser, for "UW LAATSTE KEUZE". Not personal data. */
export const LAST_CHOICE_COOKIE = 'gb_laatste_keuze';
const LAST_CHOICE_MAX_AGE = 365 * 24 * 3600;
/** Wrong codes allowed within one login attempt (interaction) before it must start over. */
export const MAX_FAILURES = 5;
/** Pending activations and SMS codes are dropped with their interaction (oidc-provider's TTL is 1 h). */
const PENDING_TTL_MS = 60 * 60_000;
const MAX_FORM_BYTES = 16 * 1024;
const CODE_FORMAT = /^\d{6}$/;

export interface LoginUiOptions {
  provider: Provider;
  /** The issuer's path, `/idp`. */
  basePath: string;
  /** The issuer's origin; POSTs from elsewhere are refused. */
  origin: string;
  accounts: AccountDirectory;
  keys: IdpKeys;
  activations: ActivationStore;
  outbox: SmsOutbox;
  now?: () => number;
  /**
   * Called once per successful login, before the provider issues its code: the local stack records
   * the login (lib/services/accounts.ts), as the Cognito trigger does in AWS. A failure never blocks
   * the login.
   */
  onLogin?: (login: { nationalNumber: string; amr: string[] }) => Promise<void>;
}

export interface SentCode {
  nationalNumber: string;
  phone: string;
  code: string;
  expiresAt: number;
}

/** What one interaction remembers between its requests; kept in memory only. */
export interface Pending {
  expiresAt: number;
  failures: number;
  app?: { nationalNumber: string; secret: string };
  smsActivation?: SentCode;
  smsLogin?: SentCode;
}

export type Page = { status: number; html: string };
export type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

/** One request to a flow, after the router checked method, origin, interaction and failure count. */
export interface FlowRequest {
  req: IncomingMessage;
  res: ServerResponse;
  uid: string;
  /** `${basePath}/interaction/<uid>`: where the pages' links and forms point. */
  base: string;
  details: InteractionDetails;
  /** The posted form; empty on GET. */
  form: URLSearchParams;
  state: Pending;
}

/**
 * A page to show; a person who logged in with a method (the router finishes the login); or
 * `finished` when the flow already answered through oidc-provider.
 */
export type FlowResult = { page: Page } | { account: LoginAccount; method: LoginMethod } | { finished: true };

export type FlowHandler = (request: FlowRequest) => FlowResult | Promise<FlowResult>;

type FieldResult<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer Chrome sends "Origin: null" on our own POSTs.
  'referrer-policy': 'same-origin',
};

export function sendPage(res: ServerResponse, page: Page): void {
  res.writeHead(page.status, { ...SECURITY_HEADERS, 'content-length': Buffer.byteLength(page.html) });
  res.end(page.html);
}

class FormError extends Error {}

/** The urlencoded body, at most 16 KiB; anything else throws. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new FormError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new FormError();
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Constant-time comparison, so a wrong SMS code reveals nothing of the right one. */
export function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const page = (status: number, html: string): Page => ({ status, html });

export type FlowContext = ReturnType<typeof createFlowContext>;

export function createFlowContext(options: LoginUiOptions) {
  const { provider, basePath, accounts } = options;
  const now = options.now ?? Date.now;
  const pending = new Map<string, Pending>();

  const message = (status: number, title: string, text: string) =>
    page(status, messagePage(basePath, title, text));

  return {
    provider,
    basePath,
    accounts,
    keys: options.keys,
    activations: options.activations,
    outbox: options.outbox,
    now,
    message,

    /** The state of this interaction, created on first use; expired ones are dropped on the way. */
    pendingFor(uid: string): Pending {
      const t = now();
      for (const [key, value] of pending) if (value.expiresAt < t) pending.delete(key);
      let state = pending.get(uid);
      if (!state) {
        state = { expiresAt: t + PENDING_TTL_MS, failures: 0 };
        pending.set(uid, state);
      }
      return state;
    },

    dropPending(uid: string): void {
      pending.delete(uid);
    },

    sessionGone: () =>
      message(
        400,
        'Aanmeldsessie verlopen',
        'Uw aanmeldsessie is verlopen of niet gevonden. Ga terug naar de toepassing en meld opnieuw aan.',
      ),

    tooManyFailures: () =>
      message(
        429,
        'Te veel foute pogingen',
        'U gaf te vaak een foute code. Ga terug naar de toepassing en begin opnieuw met aanmelden.',
      ),

    notFound: () => message(404, 'Niet gevonden', 'Deze pagina bestaat niet. Ga terug naar de keuze.'),

    /** The national number typed on a form → a person in the demo register, or a Dutch message. */
    personFrom(form: URLSearchParams): FieldResult<{ account: LoginAccount }> {
      const parsed = parseNationalNumber(form.get('rijksregisternummer') ?? '');
      if (!parsed.ok) return { ok: false, errors: { rijksregisternummer: parsed.message } };
      const account = accounts.byNationalNumber(parsed.value.value);
      if (!account) {
        return {
          ok: false,
          errors: {
            rijksregisternummer:
              'Deze persoon staat niet in het demo-rijksregister. Gebruik een van de demo-personen uit de README.',
          },
        };
      }
      return { ok: true, account };
    },

    /** The 6-digit code typed on a form, spaces removed, or a Dutch message. */
    codeFrom(form: URLSearchParams): FieldResult<{ code: string }> {
      const code = (form.get('code') ?? '').replace(/\s/g, '');
      if (code === '') return { ok: false, errors: { code: 'Vul de code van 6 cijfers in.' } };
      if (!CODE_FORMAT.test(code)) return { ok: false, errors: { code: 'De code bestaat uit 6 cijfers.' } };
      return { ok: true, code };
    },

    /** Records the login, remembers the method in `gb_laatste_keuze` and lets oidc-provider continue. */
    async finishLogin(
      req: IncomingMessage,
      res: ServerResponse,
      uid: string,
      account: LoginAccount,
      method: LoginMethod,
    ): Promise<void> {
      pending.delete(uid);
      try {
        await options.onLogin?.({ nationalNumber: account.person.nationalNumber, amr: [...method.amr] });
      } catch {
        // Recording is best effort; the hook reports its own failures without personal data.
      }
      res.setHeader(
        'set-cookie',
        `${LAST_CHOICE_COOKIE}=${method.id}; Path=${basePath}; Max-Age=${LAST_CHOICE_MAX_AGE}; HttpOnly; SameSite=Lax`,
      );
      // remember: false keeps the login session for this browser session only (shared computers).
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.subject, amr: method.amr, acr: method.acr, remember: false } },
        { mergeWithLastSubmission: false },
      );
    },
  };
}
