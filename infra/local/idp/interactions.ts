/**
 * The interaction UI of the local OpenID Connect provider: ACM's "Kies manier van aanmelden" with its
 * five methods, under `/idp/interaction/<uid>/...`.
 *
 * CSRF: every page and form works on one oidc-provider interaction. Its id is in the path and must
 * match the signed, SameSite=Lax interaction cookie oidc-provider set for exactly that path, so a form
 * posted from another site arrives without the cookie and is refused; POSTs from another Origin are
 * refused before that. State changes happen only on POST.
 *
 * Personal data: national numbers arrive only in POST bodies, are never logged, never put in a URL
 * and never rendered back; activations are stored under an HMAC of the number (activations.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { WEB_CLIENT_ID } from '#infra/local/dev-idp';
import type { AccountDirectory, LoginAccount } from '#infra/local/idp/accounts';
import type { ActivationStore } from '#infra/local/idp/activations';
import { activationKeyFor, type IdpKeys } from '#infra/local/idp/keys';
import { type LoginMethod, methodById } from '#infra/local/idp/methods';
import {
  appActivationConfirmPage,
  appActivationStartPage,
  appLoginPage,
  choicesPage,
  type FieldErrors,
  messagePage,
  simulatedPage,
  smsActivationStartPage,
  smsCodePage,
  smsLoginPage,
} from '#infra/local/idp/pages';
import { maskPhone, newSmsCode, parseMobileNumber, type SmsOutbox } from '#infra/local/idp/sms';
import { acceptTotp, formatSecret, newTotpSecret, otpauthUri } from '#infra/local/idp/totp';
import { parseNationalNumber } from '#lib/domain/national-number';

/** Remembers the method used last in this browser, for "UW LAATSTE KEUZE". Not personal data. */
export const LAST_CHOICE_COOKIE = 'gb_laatste_keuze';
const LAST_CHOICE_MAX_AGE = 365 * 24 * 3600;
/** Wrong codes allowed within one login attempt (interaction) before it must start over. */
const MAX_FAILURES = 5;
const SMS_CODE_TTL_MS = 5 * 60_000;
/** Pending activations and SMS codes are dropped with their interaction (oidc-provider's TTL is 1 h). */
const PENDING_TTL_MS = 60 * 60_000;
const MAX_FORM_BYTES = 16 * 1024;

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

interface SentCode {
  nationalNumber: string;
  phone: string;
  code: string;
  expiresAt: number;
}

interface Pending {
  expiresAt: number;
  failures: number;
  app?: { nationalNumber: string; secret: string };
  smsActivation?: SentCode;
  smsLogin?: SentCode;
}

type Page = { status: number; html: string };

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

function sendPage(res: ServerResponse, page: Page): void {
  res.writeHead(page.status, { ...SECURITY_HEADERS, 'content-length': Buffer.byteLength(page.html) });
  res.end(page.html);
}

class FormError extends Error {}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
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

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const CODE_FORMAT = /^\d{6}$/;

export function createLoginUi(options: LoginUiOptions) {
  const { provider, basePath, accounts, keys, activations, outbox } = options;
  const now = options.now ?? Date.now;
  const pending = new Map<string, Pending>();
  const outboxHint = outbox.dir
    ? `de SMS staat als bestand in ${outbox.dir}.`
    : 'deze omgeving draait zonder gegevensmap; de SMS staat enkel in het geheugen.';

  const pendingFor = (uid: string): Pending => {
    const t = now();
    for (const [key, value] of pending) if (value.expiresAt < t) pending.delete(key);
    let state = pending.get(uid);
    if (!state) {
      state = { expiresAt: t + PENDING_TTL_MS, failures: 0 };
      pending.set(uid, state);
    }
    return state;
  };

  const page = (status: number, html: string): Page => ({ status, html });
  const message = (status: number, title: string, text: string) =>
    page(status, messagePage(basePath, title, text));
  const sessionGone = () =>
    message(
      400,
      'Aanmeldsessie verlopen',
      'Uw aanmeldsessie is verlopen of niet gevonden. Ga terug naar de toepassing en meld opnieuw aan.',
    );
  const tooManyFailures = () =>
    message(
      429,
      'Te veel foute pogingen',
      'U gaf te vaak een foute code. Ga terug naar de toepassing en begin opnieuw met aanmelden.',
    );

  /** The national number typed on a form → a person in the demo register, or a Dutch message. */
  const personFrom = (
    form: URLSearchParams,
  ): { ok: true; account: LoginAccount } | { ok: false; errors: FieldErrors } => {
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
  };

  const codeFrom = (
    form: URLSearchParams,
  ): { ok: true; code: string } | { ok: false; errors: FieldErrors } => {
    const code = (form.get('code') ?? '').replace(/\s/g, '');
    if (code === '') return { ok: false, errors: { code: 'Vul de code van 6 cijfers in.' } };
    if (!CODE_FORMAT.test(code)) return { ok: false, errors: { code: 'De code bestaat uit 6 cijfers.' } };
    return { ok: true, code };
  };

  const finishLogin = async (
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    account: LoginAccount,
    method: LoginMethod,
  ) => {
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
  };

  // --- the routes ----------------------------------------------------------------------------------

  const routes = {
    async simulatedLogin(form: URLSearchParams, base: string, method: LoginMethod) {
      const account = accounts.bySubject(form.get('persoon') ?? '');
      if (!account) {
        return {
          page: page(
            400,
            simulatedPage({
              basePath,
              base,
              method,
              accounts: accounts.all(),
              errors: { persoon: 'Kies de persoon als wie u wilt aanmelden.' },
            }),
          ),
        };
      }
      return { account };
    },

    async appLogin(form: URLSearchParams, base: string, state: Pending) {
      const person = personFrom(form);
      const code = codeFrom(form);
      const errors = { ...(person.ok ? {} : person.errors), ...(code.ok ? {} : code.errors) };
      // The app-code page again, with what was wrong next to its field.
      const refuse = (fieldErrors: typeof errors) => ({
        page: page(400, appLoginPage({ basePath, base, errors: fieldErrors })),
      });
      if (!person.ok || !code.ok) return refuse(errors);
      const key = activationKeyFor(keys, person.account.person.nationalNumber);
      if (!activations.get(key)?.totp) {
        return refuse({
          rijksregisternummer:
            'Voor dit rijksregisternummer is de app nog niet geactiveerd. Kies "activeren" hieronder.',
        });
      }
      let accepted = false;
      // Checked and recorded in one step, so the same code cannot log in twice.
      await activations.update(key, (record) => {
        if (!record.totp) return record;
        const counter = acceptTotp(record.totp.secret, code.code, record.totp.lastCounter, now());
        if (counter === null) return record;
        accepted = true;
        return { ...record, totp: { ...record.totp, lastCounter: counter } };
      });
      if (!accepted) {
        state.failures += 1;
        return refuse({
          code: 'Deze code klopt niet of werd al gebruikt. Wacht op de volgende code in uw app en probeer opnieuw.',
        });
      }
      return { account: person.account };
    },

    appActivationStart(form: URLSearchParams, base: string, state: Pending): Page {
      const person = personFrom(form);
      if (!person.ok) return page(400, appActivationStartPage({ basePath, base, errors: person.errors }));
      const secret = newTotpSecret();
      state.app = { nationalNumber: person.account.person.nationalNumber, secret };
      const { firstName, lastName } = person.account.person;
      return page(
        200,
        appActivationConfirmPage({
          basePath,
          base,
          secret: formatSecret(secret),
          uri: otpauthUri(secret, `${firstName} ${lastName}`),
        }),
      );
    },

    async appActivationConfirm(form: URLSearchParams, base: string, state: Pending): Promise<Page> {
      const activation = state.app;
      if (!activation) {
        return page(
          400,
          appActivationStartPage({
            basePath,
            base,
            errors: { rijksregisternummer: 'Begin de activering opnieuw: geef uw rijksregisternummer.' },
          }),
        );
      }
      const again = (errors: FieldErrors) => {
        const account = accounts.byNationalNumber(activation.nationalNumber)!;
        return page(
          400,
          appActivationConfirmPage({
            basePath,
            base,
            errors,
            secret: formatSecret(activation.secret),
            uri: otpauthUri(activation.secret, `${account.person.firstName} ${account.person.lastName}`),
          }),
        );
      };
      const code = codeFrom(form);
      if (!code.ok) return again(code.errors);
      const counter = acceptTotp(activation.secret, code.code, -1, now());
      if (counter === null) {
        state.failures += 1;
        return again({
          code: 'Deze code klopt niet. Controleer of u de sleutel juist overnam en of de klok van uw smartphone juist staat.',
        });
      }
      await activations.update(activationKeyFor(keys, activation.nationalNumber), (record) => ({
        ...record,
        totp: { secret: activation.secret, lastCounter: counter, activatedAt: new Date(now()).toISOString() },
      }));
      delete state.app;
      return page(
        200,
        appLoginPage({
          basePath,
          base,
          message:
            'De app is geactiveerd. Meld nu aan: wacht op de volgende code in uw app (een code werkt maar één keer).',
        }),
      );
    },

    async sendSms(nationalNumber: string, phone: string): Promise<SentCode> {
      const code = newSmsCode();
      await outbox.send(
        phone,
        `Gebruikersbeheer: uw beveiligingscode is ${code}. Ze is 5 minuten geldig. Geef ze aan niemand door.`,
      );
      return { nationalNumber, phone, code, expiresAt: now() + SMS_CODE_TTL_MS };
    },

    async smsActivationStart(form: URLSearchParams, base: string, state: Pending): Promise<Page> {
      const person = personFrom(form);
      const phone = parseMobileNumber(form.get('gsm') ?? '');
      const errors = { ...(person.ok ? {} : person.errors), ...(phone.ok ? {} : { gsm: phone.message }) };
      if (!person.ok || !phone.ok) {
        // The phone number typed is given back; the national number never is.
        const typed = (form.get('gsm') ?? '').slice(0, 30);
        return page(400, smsActivationStartPage({ basePath, base, errors, phone: typed }));
      }
      state.smsActivation = await routes.sendSms(person.account.person.nationalNumber, phone.e164);
      return page(
        200,
        smsCodePage({
          basePath,
          base,
          maskedPhone: maskPhone(phone.e164),
          action: 'sms/activeren/bevestigen',
          outboxHint,
        }),
      );
    },

    /** Checks a code against what was sent; counts failures; the code works once. */
    checkSentCode(
      sent: SentCode | undefined,
      form: URLSearchParams,
      state: Pending,
    ): { ok: true } | { ok: false; errors: FieldErrors; expired?: boolean } {
      if (!sent || sent.expiresAt < now()) {
        return {
          ok: false,
          expired: true,
          errors: { code: 'Deze code is verlopen. Vraag een nieuwe code aan.' },
        };
      }
      const code = codeFrom(form);
      if (!code.ok) return code;
      if (!sameCode(sent.code, code.code)) {
        state.failures += 1;
        return { ok: false, errors: { code: 'Deze code klopt niet. Controleer de code in de SMS.' } };
      }
      return { ok: true };
    },

    async smsActivationConfirm(form: URLSearchParams, base: string, state: Pending): Promise<Page> {
      const sent = state.smsActivation;
      const check = routes.checkSentCode(sent, form, state);
      if (!check.ok) {
        if (check.expired || !sent) {
          delete state.smsActivation;
          return page(400, smsActivationStartPage({ basePath, base, errors: check.errors }));
        }
        return page(
          400,
          smsCodePage({
            basePath,
            base,
            errors: check.errors,
            maskedPhone: maskPhone(sent.phone),
            action: 'sms/activeren/bevestigen',
            outboxHint,
          }),
        );
      }
      const { nationalNumber, phone } = sent!;
      await activations.update(activationKeyFor(keys, nationalNumber), (record) => ({
        ...record,
        sms: { phone, activatedAt: new Date(now()).toISOString() },
      }));
      delete state.smsActivation;
      return page(
        200,
        smsLoginPage({
          basePath,
          base,
          message: 'Uw gsm-nummer is bevestigd. U kunt nu aanmelden met een SMS-code.',
        }),
      );
    },

    async smsLoginStart(form: URLSearchParams, base: string, state: Pending): Promise<Page> {
      const person = personFrom(form);
      if (!person.ok) return page(400, smsLoginPage({ basePath, base, errors: person.errors }));
      const nationalNumber = person.account.person.nationalNumber;
      const phone = activations.get(activationKeyFor(keys, nationalNumber))?.sms?.phone;
      if (!phone) {
        return page(
          400,
          smsLoginPage({
            basePath,
            base,
            errors: {
              rijksregisternummer:
                'Voor dit rijksregisternummer is SMS nog niet geactiveerd. Kies "activeren" hieronder.',
            },
          }),
        );
      }
      state.smsLogin = await routes.sendSms(nationalNumber, phone);
      return page(
        200,
        smsCodePage({ basePath, base, maskedPhone: maskPhone(phone), action: 'sms/code', outboxHint }),
      );
    },

    smsLoginCode(
      form: URLSearchParams,
      base: string,
      state: Pending,
    ): { page: Page } | { account: LoginAccount } {
      const sent = state.smsLogin;
      const check = routes.checkSentCode(sent, form, state);
      if (!check.ok) {
        if (check.expired || !sent) {
          delete state.smsLogin;
          return { page: page(400, smsLoginPage({ basePath, base, errors: check.errors })) };
        }
        return {
          page: page(
            400,
            smsCodePage({
              basePath,
              base,
              errors: check.errors,
              maskedPhone: maskPhone(sent.phone),
              action: 'sms/code',
              outboxHint,
            }),
          ),
        };
      }
      const account = accounts.byNationalNumber(sent!.nationalNumber);
      return account ? { account } : { page: sessionGone() };
    },
  };

  /** An explicit consent prompt of the first-party web client is settled without asking. */
  const consent = async (
    req: IncomingMessage,
    res: ServerResponse,
    details: Awaited<ReturnType<Provider['interactionDetails']>>,
  ): Promise<Page | undefined> => {
    const accountId = details.session?.accountId;
    if (details.params.client_id !== WEB_CLIENT_ID || !accountId) {
      return message(403, 'Geen toestemming', 'Deze toepassing mag niet zonder toestemming aanmelden.');
    }
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId: WEB_CLIENT_ID });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
    return undefined;
  };

  /** Handles `${basePath}/interaction/<uid>[/<action>]`. */
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const [uid = '', ...rest] = pathname.slice(`${basePath}/interaction/`.length).split('/');
    const action = rest.join('/');
    const httpMethod = req.method ?? 'GET';
    const base = `${basePath}/interaction/${uid}`;

    if (httpMethod !== 'GET' && httpMethod !== 'HEAD' && httpMethod !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      sendPage(res, message(405, 'Niet toegestaan', 'Deze methode is hier niet toegestaan.'));
      return;
    }
    const isPost = httpMethod === 'POST';
    if (isPost) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((origin && origin !== options.origin) || site === 'cross-site') {
        sendPage(res, message(403, 'Geweigerd', 'Dit formulier kwam niet van deze aanmeldpagina.'));
        return;
      }
    }

    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      sendPage(res, sessionGone());
      return;
    }
    if (details.uid !== uid) {
      sendPage(res, sessionGone());
      return;
    }
    if (details.prompt.name === 'consent') {
      const refused = await consent(req, res, details);
      if (refused) sendPage(res, refused);
      return;
    }
    if (details.prompt.name !== 'login') {
      sendPage(res, sessionGone());
      return;
    }

    let form = new URLSearchParams();
    if (isPost) {
      try {
        form = await readForm(req);
      } catch {
        sendPage(
          res,
          message(400, 'Ongeldig formulier', 'Het formulier kon niet gelezen worden. Probeer opnieuw.'),
        );
        return;
      }
    }
    const state = pendingFor(uid);
    const checksCode = isPost && action !== 'annuleren' && action !== 'sms' && action !== 'app/activeren';
    if (checksCode && state.failures >= MAX_FAILURES) {
      sendPage(res, tooManyFailures());
      return;
    }

    const method = methodById(action);
    let result: { page: Page } | { account: LoginAccount };
    if (!isPost) {
      if (action === '') {
        const client = await provider.Client.find(String(details.params.client_id ?? ''));
        const last = readCookie(req, LAST_CHOICE_COOKIE);
        result = {
          page: page(
            200,
            choicesPage({
              basePath,
              base,
              clientName: client?.clientName ?? String(details.params.client_id ?? ''),
              lastChoice: methodById(last ?? '')?.id,
            }),
          ),
        };
      } else if (method?.simulated) {
        result = { page: page(200, simulatedPage({ basePath, base, method, accounts: accounts.all() })) };
      } else if (action === 'app') {
        result = { page: page(200, appLoginPage({ basePath, base })) };
      } else if (action === 'app/activeren') {
        result = { page: page(200, appActivationStartPage({ basePath, base })) };
      } else if (action === 'sms') {
        result = { page: page(200, smsLoginPage({ basePath, base })) };
      } else if (action === 'sms/activeren') {
        result = { page: page(200, smsActivationStartPage({ basePath, base })) };
      } else {
        result = { page: message(404, 'Niet gevonden', 'Deze pagina bestaat niet. Ga terug naar de keuze.') };
      }
    } else if (method?.simulated) {
      result = await routes.simulatedLogin(form, base, method);
    } else if (action === 'app') {
      result = await routes.appLogin(form, base, state);
    } else if (action === 'app/activeren') {
      result = { page: routes.appActivationStart(form, base, state) };
    } else if (action === 'app/activeren/bevestigen') {
      result = { page: await routes.appActivationConfirm(form, base, state) };
    } else if (action === 'sms') {
      result = { page: await routes.smsLoginStart(form, base, state) };
    } else if (action === 'sms/code') {
      result = routes.smsLoginCode(form, base, state);
    } else if (action === 'sms/activeren') {
      result = { page: await routes.smsActivationStart(form, base, state) };
    } else if (action === 'sms/activeren/bevestigen') {
      result = { page: await routes.smsActivationConfirm(form, base, state) };
    } else if (action === 'annuleren') {
      pending.delete(uid);
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'De gebruiker annuleerde het aanmelden.' },
        { mergeWithLastSubmission: false },
      );
      return;
    } else {
      result = { page: message(404, 'Niet gevonden', 'Deze pagina bestaat niet. Ga terug naar de keuze.') };
    }

    if ('page' in result) {
      sendPage(res, result.page);
      return;
    }
    const used = methodById(action === 'sms/code' ? 'sms' : action);
    if (!used) {
      sendPage(res, sessionGone());
      return;
    }
    await finishLogin(req, res, uid, result.account, used);
  };
}
