// The HTTP API: every call under /api, with the bearer token when the person signed in with one, else
// with the browser session's cookie (HttpOnly: the page never sees it; same origin, so fetch sends it);
// errors come back as ApiError built from the server's {"error": {"kind", "message", "field"}}.

const tokenKey = 'covalue.token';

export function getToken(): string | null {
  return sessionStorage.getItem(tokenKey);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(tokenKey, token);
  else sessionStorage.removeItem(tokenKey);
}

/** A failed call: the server's error kind, message and the field at fault, with the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Listener = (error: ApiError) => void;
const unauthorisedListeners = new Set<Listener>();

/** Called when the server answers 401: the token is unknown, revoked or missing. */
export function onUnauthorised(listener: Listener): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

async function errorFrom(response: Response): Promise<ApiError> {
  let kind = 'http_' + response.status;
  let message = response.statusText || `request failed with status ${response.status}`;
  let field: string | undefined;
  try {
    const body = await response.json();
    const error = body?.error;
    if (error && typeof error === 'object') {
      kind = error.kind ?? kind;
      message = error.message ?? message;
      field = error.field || undefined;
    } else if (typeof error === 'string') {
      message = error;
    }
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(response.status, kind, message, field);
}

/** Sends a request under /api with the bearer token; a Response that is ok, or throws an ApiError. */
async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch('/api' + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', 'The covalue server cannot be reached. Is `covalue serve` running?');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401) unauthorisedListeners.forEach((l) => l(error));
    throw error;
  }
  return response;
}

/** Calls the API; resolves to the parsed JSON body (null for an empty one). */
export async function api<T = unknown>(method: string, path: string, body?: unknown, token = getToken()): Promise<T> {
  const text = await (await send(method, path, body, token)).text();
  return (text ? JSON.parse(text) : null) as T;
}

/** Who the browser session's cookie stands for, or null when there is none (asked once when the app loads;
 *  a 401 here is not "signed out", so the listeners are not called). */
export async function cookieSession(): Promise<unknown | null> {
  try {
    const response = await fetch('/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** GET as the server wrote it, byte for byte (a file to save: the network archive). */
export async function getBlob(path: string): Promise<Blob> {
  return (await send('GET', path, undefined, getToken())).blob();
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);
