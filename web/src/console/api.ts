import type { ApiAnswer, ApiError } from '../api/client';
import { language } from '../ui/i18n';

/**
 * The staff API with the session's bearer token. A 401 means the token
 * expired or was revoked: every caller's answer is then `unauthorized`, and
 * the console shows its "session expired" page once.
 */
export type StaffAnswer<T> = ApiAnswer<T> | { kind: 'unauthorized' };

let bearer: string | undefined;
let onUnauthorized: () => void = () => undefined;

export function useToken(token: string | undefined, whenExpired: () => void): void {
  bearer = token;
  onUnauthorized = whenExpired;
}

export async function staffCall<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<StaffAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        'Accept-Language': language(),
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 401) {
    onUnauthorized();
    return { kind: 'unauthorized' };
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok && parsed !== undefined) return { kind: 'ok', value: parsed as T };
  const error = typeof parsed === 'object' && parsed !== null && typeof (parsed as ApiError).error === 'string' ? (parsed as ApiError) : undefined;
  return { kind: 'error', status: response.status, body: error, retryAfterSeconds: undefined };
}

/**
 * A file the API sends only with the bearer token (a plain link cannot send
 * the header): fetched, then saved through a temporary object URL.
 */
export async function staffDownload(path: string, fileName: string): Promise<StaffAnswer<true>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {}, cache: 'no-store', credentials: 'omit' });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 401) {
    onUnauthorized();
    return { kind: 'unauthorized' };
  }
  if (!response.ok) return { kind: 'error', status: response.status, body: (await response.json().catch(() => undefined)) as ApiError | undefined, retryAfterSeconds: undefined };
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'ok', value: true };
}

/** `?a=1&b=2` from the defined values only. */
export function queryString(values: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const text = query.toString();
  return text ? `?${text}` : '';
}
