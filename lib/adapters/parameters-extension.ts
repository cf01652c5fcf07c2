/**
 * Reads a Parameter Store value through the AWS Parameters and Secrets Lambda Extension, a layer the
 * CDK construct adds to every function: one HTTP call to localhost, cached by the extension across
 * invocations, instead of bundling the SSM client (about 78 KB per function). The extension only
 * answers during an invocation, not during init, which is when the dependencies are built (getDeps).
 */
export async function getParameterFromExtension(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const url = new URL(`http://localhost:${port}/systemsmanager/parameters/get`);
  url.searchParams.set('name', name);
  url.searchParams.set('withDecryption', 'true');
  // The extension only serves callers that prove they run in this sandbox: the session token.
  const response = await fetch(url, {
    headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) {
    // The body may echo the request; the status is enough to act on and reveals nothing.
    throw new Error(`The Parameters and Secrets extension answered ${response.status} for ${name}.`);
  }
  const body = (await response.json()) as { Parameter?: { Value?: unknown } };
  const value = body.Parameter?.Value;
  if (typeof value !== 'string' || value === '') throw new Error(`The parameter ${name} is empty.`);
  return value;
}

/** A Secrets Manager secret's string through the same extension (cached by it likewise). */
export async function getSecretFromExtension(
  secretId: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const url = new URL(`http://localhost:${port}/secretsmanager/get`);
  url.searchParams.set('secretId', secretId);
  const response = await fetch(url, {
    headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok)
    throw new Error(`The Parameters and Secrets extension answered ${response.status} for ${secretId}.`);
  const body = (await response.json()) as { SecretString?: unknown };
  if (typeof body.SecretString !== 'string' || body.SecretString === '') {
    throw new Error(`The secret ${secretId} has no string value.`);
  }
  return body.SecretString;
}
