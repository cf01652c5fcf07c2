/** Posts a webhook with Node's fetch: no redirects followed (a receiver answers, it does not send us on). */

import type { PostWebhook } from '#lib/domain/webhooks';
import { WEBHOOK_TIMEOUT_MS } from '#lib/domain/webhooks';

export const postWebhook: PostWebhook = async (url, headers, body) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'user-agent': 'Gebruikersbeheer-Webhooks/1' },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  // The body is not ours to read; release the connection.
  await response.body?.cancel();
  return response.status;
};
