/** "Kies manier van aanmelden": the five methods, with the one used last in this browser marked. */

import {
  type FlowContext,
  type FlowHandler,
  LAST_CHOICE_COOKIE,
  page,
  readCookie,
} from '#infra/local/idp/flows/shared';
import { methodById } from '#infra/local/idp/methods';
import { choicesPage } from '#infra/local/idp/pages';

export function createChoiceFlow(ctx: FlowContext): { choices: FlowHandler } {
  const { provider, basePath } = ctx;
  return {
    async choices({ req, base, details }) {
      const client = await provider.Client.find(String(details.params.client_id ?? ''));
      const last = readCookie(req, LAST_CHOICE_COOKIE);
      return {
        page: page(
          200,
          choicesPage({
            basePath,
            base,
            clientName: client?.clientName ?? String(details.params.client_id ?? ''),
            // Only a known method id is shown; the cookie is never rendered as such.
            lastChoice: methodById(last ?? '')?.id,
          }),
        ),
      };
    },
  };
}
