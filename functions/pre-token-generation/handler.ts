// The logins' store, plugged in only where logins are read or recorded.
import '#lib/runtime/logins-adapter';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { getDeps } from '#lib/runtime/deps';
import { log } from '#lib/runtime/logger';
import { checkCognitoBinding, recordLogin } from '#lib/services/accounts';
import { accessTokenFor, type BindingCheck, type LoginRecorder } from '#lib/services/token-claims';

export {
  accessTokenClaims,
  type BindingCheck,
  type LoginRecorder,
  parseMethods,
  RECORD_BUDGET_MS,
  TokenRefusedError,
} from '#lib/services/token-claims';

/**
 * Cognito Pre Token Generation trigger (`V2_0` event): the claims of the person's access token, decided
 * by lib/services/token-claims.ts (the national number, ACM's method and level, the national-number
 * binding, the recorded login); here only Cognito's event and response.
 */
const recordWithDeps: LoginRecorder = async (login) => recordLogin(await getDeps(), login);
const bindWithDeps: BindingCheck = async (login) => checkCognitoBinding(await getDeps(), login);

/** The trigger, with the way logins are recorded and bindings checked replaceable (tests). */
export function createHandler(record: LoginRecorder = recordWithDeps, bind: BindingCheck = bindWithDeps) {
  return async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
    const claims = await accessTokenFor(
      { record, bind, log },
      { attributes: event.request.userAttributes ?? {}, triggerSource: event.triggerSource },
    );
    event.response = {
      claimsAndScopeOverrideDetails: {
        ...event.response?.claimsAndScopeOverrideDetails,
        accessTokenGeneration: {
          // Cognito accepts arrays as claim values in V2_0 events; the type definitions only know strings.
          claimsToAddOrOverride: claims as Record<string, string>,
        },
      },
    };
    return event;
  };
}

export const handler = createHandler();
