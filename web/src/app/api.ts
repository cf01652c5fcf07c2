/**
 * The API client: bearer token from the login, JSON in and out, problem+json (RFC 9457) turned into an
 * `ApiError` whose `fieldErrors` the forms show next to their fields. Paths are the API's own
 * (functions/routes.ts) without the `/api` prefix, e.g. `/organisations/0795012394/persons`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import i18n, { currentLanguage } from '../i18n/index.ts';
import { useAuth } from './auth.tsx';
import type { AppConfig } from './config.ts';

export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fieldErrors: FieldProblem[] = [],
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }
}

/**
 * What a person reads when something went wrong: the API's text (in the UI's language: every request
 * sends it as Accept-Language), or a plain fallback.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return i18n.t('common:errors.sessionExpired');
    return error.detail ?? error.title;
  }
  if (error instanceof TypeError) return i18n.t('common:errors.offline');
  return i18n.t('common:errors.generic');
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  ifMatch?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  delete<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** A file the API sends (a CSV export): its text and the name it suggests. */
  download(
    path: string,
    options?: Pick<RequestOptions, 'query'>,
  ): Promise<{ bytes: ArrayBuffer; filename: string }>;
}

export function createApiClient(
  baseUrl: string,
  token: () => string | null,
  onUnauthorized: () => void,
): ApiClient {
  async function download(path: string, options: Pick<RequestOptions, 'query'> = {}) {
    const url = new URL(`${baseUrl}${path}`, window.location.origin);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
    }
    const bearer = token();
    const res = await fetch(url, {
      headers: {
        'accept-language': currentLanguage(),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
    });
    // The bytes as sent: decoding them as text would drop the BOM that tells Excel it is UTF-8.
    const bytes = await res.arrayBuffer();
    if (!res.ok) {
      let p: { code?: string; title?: string; detail?: string; errors?: FieldProblem[] } = {};
      try {
        p = JSON.parse(new TextDecoder().decode(bytes));
      } catch {}
      if (res.status === 401) onUnauthorized();
      throw new ApiError(
        res.status,
        p.code ?? `http-${res.status}`,
        p.title ?? i18n.t('common:errors.title'),
        p.detail,
        p.errors ?? [],
      );
    }
    const filename =
      /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
    return { bytes, filename };
  }

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(`${baseUrl}${path}`, window.location.origin);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
    }
    // The API answers its problems (title, detail, field messages) in the UI's language.
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': currentLanguage(),
    };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const res = await fetch(url, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const p = (json ?? {}) as {
        code?: string;
        title?: string;
        detail?: string;
        errors?: FieldProblem[];
      };
      if (res.status === 401) onUnauthorized();
      throw new ApiError(
        res.status,
        p.code ?? `http-${res.status}`,
        p.title ?? i18n.t('common:errors.title'),
        p.detail,
        Array.isArray(p.errors) ? p.errors : [],
      );
    }
    return json as T;
  }
  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    delete: (path, body, options) => request('DELETE', path, { ...options, body }),
    download,
  };
}

export const ConfigContext = createContext<AppConfig | null>(null);

export function useConfig(): AppConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig outside ConfigContext');
  return config;
}

export function useApi(): ApiClient {
  const { apiBaseUrl } = useConfig();
  const auth = useAuth();
  const tokenRef = useRef(auth.accessToken);
  tokenRef.current = auth.accessToken;
  const { markExpired } = auth;
  return useMemo(
    () => createApiClient(apiBaseUrl, () => tokenRef.current, markExpired),
    [apiBaseUrl, markExpired],
  );
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads something once its inputs are known (`key` null: wait), with loading and error state and a
 * `reload`. Stale answers of an earlier key are dropped.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: unknown; loading: boolean }>({
    key: null,
    loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger.
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {
    data: state.key === key ? state.data : undefined,
    error: state.key === key ? state.error : undefined,
    loading: key !== null && (state.loading || state.key !== key),
    reload,
  };
}

/** One Idempotency-Key per distinct request body of a form: a retry of the same body reuses it. */
export function useIdempotencyKeys(): (body: unknown) => string {
  const keys = useRef(new Map<string, string>());
  return useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    let key = keys.current.get(text);
    if (!key) {
      key = crypto.randomUUID();
      keys.current.set(text, key);
    }
    return key;
  }, []);
}
