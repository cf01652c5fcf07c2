/**
 * "Beveiligingscode via SMS": registering a mobile number once (confirmed with a code sent to it),
 * then logging in with the national number and a code sent by SMS. The SMS goes to the local outbox.
 */

import {
  type FlowContext,
  type FlowHandler,
  type Pending,
  page,
  type SentCode,
  sameCode,
} from '#infra/local/idp/flows/shared';
import { activationKeyFor } from '#infra/local/idp/keys';
import { methodById } from '#infra/local/idp/methods';
import { type FieldErrors, smsActivationStartPage, smsCodePage, smsLoginPage } from '#infra/local/idp/pages';
import { maskPhone, newSmsCode, parseMobileNumber } from '#infra/local/idp/sms';

const SMS = methodById('sms')!;
const SMS_CODE_TTL_MS = 5 * 60_000;

export function createSmsFlow(ctx: FlowContext) {
  const { basePath, accounts, keys, activations, outbox, now } = ctx;
  const outboxHint = outbox.dir
    ? `de SMS staat als bestand in ${outbox.dir}.`
    : 'deze omgeving draait zonder gegevensmap; de SMS staat enkel in het geheugen.';

  const sendSms = async (nationalNumber: string, phone: string): Promise<SentCode> => {
    const code = newSmsCode();
    await outbox.send(
      phone,
      `Gebruikersbeheer: uw beveiligingscode is ${code}. Ze is 5 minuten geldig. Geef ze aan niemand door.`,
    );
    return { nationalNumber, phone, code, expiresAt: now() + SMS_CODE_TTL_MS };
  };

  /** Checks a code against what was sent; counts failures; the code works once. */
  const checkSentCode = (
    sent: SentCode | undefined,
    form: URLSearchParams,
    state: Pending,
  ): { ok: true } | { ok: false; errors: FieldErrors; expired?: boolean } => {
    if (!sent || sent.expiresAt < now()) {
      return {
        ok: false,
        expired: true,
        errors: { code: 'Deze code is verlopen. Vraag een nieuwe code aan.' },
      };
    }
    const code = ctx.codeFrom(form);
    if (!code.ok) return code;
    if (!sameCode(sent.code, code.code)) {
      state.failures += 1;
      return { ok: false, errors: { code: 'Deze code klopt niet. Controleer de code in de SMS.' } };
    }
    return { ok: true };
  };

  const loginPage: FlowHandler = ({ base }) => ({ page: page(200, smsLoginPage({ basePath, base })) });

  /** Sends a code to the number registered for the person typed. */
  const loginStart: FlowHandler = async ({ form, base, state }) => {
    const person = ctx.personFrom(form);
    if (!person.ok) return { page: page(400, smsLoginPage({ basePath, base, errors: person.errors })) };
    const nationalNumber = person.account.person.nationalNumber;
    const phone = activations.get(activationKeyFor(keys, nationalNumber))?.sms?.phone;
    if (!phone) {
      return {
        page: page(
          400,
          smsLoginPage({
            basePath,
            base,
            errors: {
              rijksregisternummer:
                'Voor dit rijksregisternummer is SMS nog niet geactiveerd. Kies "activeren" hieronder.',
            },
          }),
        ),
      };
    }
    state.smsLogin = await sendSms(nationalNumber, phone);
    return {
      page: page(
        200,
        smsCodePage({ basePath, base, maskedPhone: maskPhone(phone), action: 'sms/code', outboxHint }),
      ),
    };
  };

  /** The code sent for logging in; an expired one sends the user back to ask a new code. */
  const loginCode: FlowHandler = ({ form, base, state }) => {
    const sent = state.smsLogin;
    const check = checkSentCode(sent, form, state);
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
    return account ? { account, method: SMS } : { page: ctx.sessionGone() };
  };

  const activationPage: FlowHandler = ({ base }) => ({
    page: page(200, smsActivationStartPage({ basePath, base })),
  });

  /** Sends a code to the number typed; it is stored only once that code comes back. */
  const activationStart: FlowHandler = async ({ form, base, state }) => {
    const person = ctx.personFrom(form);
    const phone = parseMobileNumber(form.get('gsm') ?? '');
    const errors = { ...(person.ok ? {} : person.errors), ...(phone.ok ? {} : { gsm: phone.message }) };
    if (!person.ok || !phone.ok) {
      // The phone number typed is given back; the national number never is.
      const typed = (form.get('gsm') ?? '').slice(0, 30);
      return { page: page(400, smsActivationStartPage({ basePath, base, errors, phone: typed })) };
    }
    state.smsActivation = await sendSms(person.account.person.nationalNumber, phone.e164);
    return {
      page: page(
        200,
        smsCodePage({
          basePath,
          base,
          maskedPhone: maskPhone(phone.e164),
          action: 'sms/activeren/bevestigen',
          outboxHint,
        }),
      ),
    };
  };

  const activationConfirm: FlowHandler = async ({ form, base, state }) => {
    const sent = state.smsActivation;
    const check = checkSentCode(sent, form, state);
    if (!check.ok) {
      if (check.expired || !sent) {
        delete state.smsActivation;
        return { page: page(400, smsActivationStartPage({ basePath, base, errors: check.errors })) };
      }
      return {
        page: page(
          400,
          smsCodePage({
            basePath,
            base,
            errors: check.errors,
            maskedPhone: maskPhone(sent.phone),
            action: 'sms/activeren/bevestigen',
            outboxHint,
          }),
        ),
      };
    }
    const { nationalNumber, phone } = sent!;
    await activations.update(activationKeyFor(keys, nationalNumber), (record) => ({
      ...record,
      sms: { phone, activatedAt: new Date(now()).toISOString() },
    }));
    delete state.smsActivation;
    return {
      page: page(
        200,
        smsLoginPage({
          basePath,
          base,
          message: 'Uw gsm-nummer is bevestigd. U kunt nu aanmelden met een SMS-code.',
        }),
      ),
    };
  };

  return { loginPage, loginStart, loginCode, activationPage, activationStart, activationConfirm };
}
