/**
 * "Beveiligingscode via mobiele app": activating an authenticator app (TOTP) once, then logging in
 * with the national number and a code from the app.
 */

import { type FlowContext, type FlowHandler, page } from '#infra/local/idp/flows/shared';
import { activationKeyFor } from '#infra/local/idp/keys';
import { methodById } from '#infra/local/idp/methods';
import {
  appActivationConfirmPage,
  appActivationStartPage,
  appLoginPage,
  type FieldErrors,
} from '#infra/local/idp/pages';
import { acceptTotp, formatSecret, newTotpSecret, otpauthUri } from '#infra/local/idp/totp';

const APP = methodById('app')!;

export function createAppCodeFlow(ctx: FlowContext) {
  const { basePath, accounts, keys, activations, now } = ctx;

  const loginPage: FlowHandler = ({ base }) => ({ page: page(200, appLoginPage({ basePath, base })) });

  const login: FlowHandler = async ({ form, base, state }) => {
    const person = ctx.personFrom(form);
    const code = ctx.codeFrom(form);
    const errors = { ...(person.ok ? {} : person.errors), ...(code.ok ? {} : code.errors) };
    // The app-code page again, with what was wrong next to its field.
    const refuse = (fieldErrors: FieldErrors) => ({
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
    return { account: person.account, method: APP };
  };

  const activationPage: FlowHandler = ({ base }) => ({
    page: page(200, appActivationStartPage({ basePath, base })),
  });

  /** A new secret for the person typed, shown as key and QR link; stored only once confirmed. */
  const activationStart: FlowHandler = ({ form, base, state }) => {
    const person = ctx.personFrom(form);
    if (!person.ok) {
      return { page: page(400, appActivationStartPage({ basePath, base, errors: person.errors })) };
    }
    const secret = newTotpSecret();
    state.app = { nationalNumber: person.account.person.nationalNumber, secret };
    const { firstName, lastName } = person.account.person;
    return {
      page: page(
        200,
        appActivationConfirmPage({
          basePath,
          base,
          secret: formatSecret(secret),
          uri: otpauthUri(secret, `${firstName} ${lastName}`),
        }),
      ),
    };
  };

  /** A first code from the app proves the secret was taken over; then the activation is stored. */
  const activationConfirm: FlowHandler = async ({ form, base, state }) => {
    const activation = state.app;
    if (!activation) {
      return {
        page: page(
          400,
          appActivationStartPage({
            basePath,
            base,
            errors: { rijksregisternummer: 'Begin de activering opnieuw: geef uw rijksregisternummer.' },
          }),
        ),
      };
    }
    const again = (errors: FieldErrors) => {
      const account = accounts.byNationalNumber(activation.nationalNumber)!;
      return {
        page: page(
          400,
          appActivationConfirmPage({
            basePath,
            base,
            errors,
            secret: formatSecret(activation.secret),
            uri: otpauthUri(activation.secret, `${account.person.firstName} ${account.person.lastName}`),
          }),
        ),
      };
    };
    const code = ctx.codeFrom(form);
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
    return {
      page: page(
        200,
        appLoginPage({
          basePath,
          base,
          message:
            'De app is geactiveerd. Meld nu aan: wacht op de volgende code in uw app (een code werkt maar één keer).',
        }),
      ),
    };
  };

  return { loginPage, login, activationPage, activationStart, activationConfirm };
}
