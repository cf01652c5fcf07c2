/** "Aanmelden annuleren", on every login page: the client gets access_denied. */
import type { FlowContext, FlowHandler } from '#infra/local/idp/flows/shared';

export function createCancelFlow(ctx: FlowContext): { cancel: FlowHandler } {
  return {
    async cancel({ req, res, uid }) {
      ctx.dropPending(uid);
      await ctx.provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'De gebruiker annuleerde het aanmelden.' },
        { mergeWithLastSubmission: false },
      );
      return { finished: true };
    },
  };
}
