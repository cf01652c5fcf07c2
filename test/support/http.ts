/**
 * One API request to a running local stack (`npm start` in a child process) as a client sends it: the
 * bearer token, a JSON body (a string is sent as it is, for broken JSON), extra headers. The answer's
 * status, parsed body and ETag.
 */
export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read a few fields of the responses.
  body: any;
  etag: string | null;
}

export async function callApi(
  url: string,
  request: {
    method: string;
    path: string;
    bearer: string;
    body?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  },
): Promise<ApiAnswer> {
  const { body } = request;
  const res = await fetch(`${url}/api${request.path}`, {
    method: request.method,
    headers: {
      authorization: `Bearer ${request.bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, etag: res.headers.get('etag') };
}
