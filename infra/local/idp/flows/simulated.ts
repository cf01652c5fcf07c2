/**
 * eID, itsme and federal token, stood in for locally: the user picks a person of the demo register.
 * No identity is checked, so these pages show the "Lokale simulatie" banner.
 */

import { type FlowContext, type FlowHandler, page } from '#infra/local/idp/flows/shared';
import type { LoginMethod } from '#infra/local/idp/methods';
import { simulatedPage } from '#infra/local/idp/pages';

export function createSimulatedFlow(ctx: FlowContext) {
  const { basePath, accounts } = ctx;
  return {
    /** The person picker of one simulated method. */
    picker(method: LoginMethod): FlowHandler {
      return ({ base }) => ({
        page: page(200, simulatedPage({ basePath, base, method, accounts: accounts.all() })),
      });
    },

    /** Logs in as the person picked, or shows the picker again. */
    login(method: LoginMethod): FlowHandler {
      return ({ form, base }) => {
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
        return { account, method };
      };
    },
  };
}
