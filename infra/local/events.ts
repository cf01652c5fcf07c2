/**
 * Builds API Gateway v2 events and Lambda contexts the way AWS does, for the local gateway, the
 * `npm run invoke` command and the integration tests: one shape, so all three call handlers alike.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type { Route } from '#functions/routes';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
type Authorizer = HttpEvent['requestContext']['authorizer'];

export function jwtAuthorizer(claims: Record<string, unknown>, scopes: string[] = []): Authorizer {
  return {
    principalId: '',
    integrationLatency: 0,
    jwt: { claims: claims as Record<string, string>, scopes },
  };
}

export function httpEvent(input: {
  route: Pick<Route, 'method' | 'path'>;
  rawPath: string;
  rawQueryString?: string;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | undefined;
  authorizer?: Authorizer | undefined;
  sourceIp?: string;
}): HttpEvent {
  const now = Date.now();
  const routeKey = `${input.route.method} ${input.route.path}`;
  const headers = Object.fromEntries(
    Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(input.rawQueryString ?? ''))
    query[k] = k in query ? `${query[k]},${v}` : v;
  const params = input.pathParameters ?? {};
  return {
    version: '2.0',
    routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString ?? '',
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length > 0 ? { pathParameters: params } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: input.route.method,
        path: input.rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      authorizer: input.authorizer as Authorizer,
    },
  };
}

export function lambdaContext(fn: string, requestId: string = randomUUID(), timeoutMs = 10_000): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `gebruikersbeheer-${fn}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:gebruikersbeheer-${fn}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/gebruikersbeheer-${fn}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, started + timeoutMs - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
