/**
 * The interaction UI of the local OpenID Connect provider: ACM's "Kies manier van aanmelden" with its
 * five methods, under `/idp/interaction/<uid>/...`. This file is the request pipeline and the route
 * map; each login flow is in ./flows, what they share in ./flows/shared.ts.
 *
 * CSRF: every page and form works on one oidc-provider interaction. Its id is in the path and must
 * match the signed, SameSite=Lax interaction cookie oidc-provider set for exactly that path, so a form
 * posted from another site arrives without the cookie and is refused; POSTs from another Origin are
 * refused before that. State changes happen only on POST.
 *
 * Personal data: national numbers arrive only in POST bodies, are never logged, never put in a URL
 * and never rendered back; activations are stored under an HMAC of the number (activations.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAppCodeFlow } from '#infra/local/idp/flows/app-code';
import { createCancelFlow } from '#infra/local/idp/flows/cancel';
import { createChoiceFlow } from '#infra/local/idp/flows/choice';
import { createConsentFlow } from '#infra/local/idp/flows/consent';
import {
  createFlowContext,
  type FlowHandler,
  type InteractionDetails,
  type LoginUiOptions,
  MAX_FAILURES,
  readForm,
  sendPage,
} from '#infra/local/idp/flows/shared';
import { createSimulatedFlow } from '#infra/local/idp/flows/simulated';
import { createSmsFlow } from '#infra/local/idp/flows/sms';
import { METHODS } from '#infra/local/idp/methods';

export { LAST_CHOICE_COOKIE, type LoginUiOptions } from '#infra/local/idp/flows/shared';

interface Route {
  handle: FlowHandler;
  /**
   * Still served after MAX_FAILURES wrong codes in this interaction: cancelling, or starting an app
   * activation or an SMS login over. Every other POST, unknown paths included, is refused then.
   */
  pastFailureLimit?: boolean;
}

/** `GET <action>` or `POST <action>`; HEAD is served as GET. */
type RouteKey = `${'GET' | 'POST'} ${string}`;

export function createLoginUi(options: LoginUiOptions) {
  const ctx = createFlowContext(options);
  const { provider, basePath } = ctx;
  const consent = createConsentFlow(ctx);
  const { choices } = createChoiceFlow(ctx);
  const simulated = createSimulatedFlow(ctx);
  const app = createAppCodeFlow(ctx);
  const sms = createSmsFlow(ctx);
  const { cancel } = createCancelFlow(ctx);

  // Keyed by method and the path after `<uid>/`; a Map, so no path can reach Object.prototype.
  const routes = new Map<RouteKey, Route>([
    ['GET ', { handle: choices }],
    ...METHODS.filter((method) => method.simulated).flatMap((method): [RouteKey, Route][] => [
      [`GET ${method.id}`, { handle: simulated.picker(method) }],
      [`POST ${method.id}`, { handle: simulated.login(method) }],
    ]),
    ['GET app', { handle: app.loginPage }],
    ['POST app', { handle: app.login }],
    ['GET app/activeren', { handle: app.activationPage }],
    ['POST app/activeren', { handle: app.activationStart, pastFailureLimit: true }],
    ['POST app/activeren/bevestigen', { handle: app.activationConfirm }],
    ['GET sms', { handle: sms.loginPage }],
    ['POST sms', { handle: sms.loginStart, pastFailureLimit: true }],
    ['POST sms/code', { handle: sms.loginCode }],
    ['GET sms/activeren', { handle: sms.activationPage }],
    ['POST sms/activeren', { handle: sms.activationStart }],
    ['POST sms/activeren/bevestigen', { handle: sms.activationConfirm }],
    ['POST annuleren', { handle: cancel, pastFailureLimit: true }],
  ]);

  /** Handles `${basePath}/interaction/<uid>[/<action>]`. */
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const [uid = '', ...rest] = pathname.slice(`${basePath}/interaction/`.length).split('/');
    const action = rest.join('/');
    const httpMethod = req.method ?? 'GET';
    const base = `${basePath}/interaction/${uid}`;

    if (httpMethod !== 'GET' && httpMethod !== 'HEAD' && httpMethod !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      sendPage(res, ctx.message(405, 'Niet toegestaan', 'Deze methode is hier niet toegestaan.'));
      return;
    }
    const isPost = httpMethod === 'POST';
    if (isPost) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((origin && origin !== options.origin) || site === 'cross-site') {
        sendPage(res, ctx.message(403, 'Geweigerd', 'Dit formulier kwam niet van deze aanmeldpagina.'));
        return;
      }
    }

    let details: InteractionDetails;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      sendPage(res, ctx.sessionGone());
      return;
    }
    if (details.uid !== uid) {
      sendPage(res, ctx.sessionGone());
      return;
    }
    if (details.prompt.name === 'consent') {
      const refused = await consent(req, res, details);
      if (refused) sendPage(res, refused);
      return;
    }
    if (details.prompt.name !== 'login') {
      sendPage(res, ctx.sessionGone());
      return;
    }

    let form = new URLSearchParams();
    if (isPost) {
      try {
        form = await readForm(req);
      } catch {
        sendPage(
          res,
          ctx.message(400, 'Ongeldig formulier', 'Het formulier kon niet gelezen worden. Probeer opnieuw.'),
        );
        return;
      }
    }
    const state = ctx.pendingFor(uid);
    const route = routes.get(`${isPost ? 'POST' : 'GET'} ${action}`);
    if (isPost && !route?.pastFailureLimit && state.failures >= MAX_FAILURES) {
      sendPage(res, ctx.tooManyFailures());
      return;
    }
    if (!route) {
      sendPage(res, ctx.notFound());
      return;
    }

    const result = await route.handle({ req, res, uid, base, details, form, state });
    if ('finished' in result) return;
    if ('page' in result) {
      sendPage(res, result.page);
      return;
    }
    await ctx.finishLogin(req, res, uid, result.account, result.method);
  };
}
