/** The consent prompt: settled without asking for the first-party web client, refused for others. */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEB_CLIENT_ID } from '#infra/local/dev-idp';
import type { FlowContext, InteractionDetails, Page } from '#infra/local/idp/flows/shared';

export function createConsentFlow(ctx: FlowContext) {
  const { provider } = ctx;
  /** Grants what the prompt misses and lets oidc-provider continue; a page only when refused. */
  return async function consent(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
  ): Promise<Page | undefined> {
    const accountId = details.session?.accountId;
    if (details.params.client_id !== WEB_CLIENT_ID || !accountId) {
      return ctx.message(403, 'Geen toestemming', 'Deze toepassing mag niet zonder toestemming aanmelden.');
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
}
