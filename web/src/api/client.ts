import type { FieldIssue } from '../../../functions/domain/errors';
import type { Language } from '../../../functions/domain/i18n';
import type { FiledComplaint } from '../../../functions/services/complaints/file-complaint';
import type { ConsumerAnswer } from '../../../functions/services/complaints/view-complaint';

/**
 * The consumer calls of the API (SPEC section 4), on the pages' own
 * origin: the local server and CloudFront's `/v1/*` behaviour both serve it.
 * Answers are returned as values, never thrown, so each page decides what a
 * status means to the person using it. The answers' shapes are the
 * server's own types (type-only imports: no server code is bundled).
 */
export type { FiledComplaint };
export type ConsumerCaseView = ConsumerAnswer;
export type TimelineEvent = ConsumerAnswer['timeline'][number];
export type Offer = ConsumerAnswer['offers'][number];
export type Deadline = NonNullable<ConsumerAnswer['deadline']>;

export interface ApiError {
  error: string;
  message: string;
  issues?: FieldIssue[];
}

export type ApiAnswer<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'error'; status: number; body: ApiError | undefined; retryAfterSeconds: number | undefined }
  | { kind: 'network' };

async function call<T>(path: string, init: RequestInit, lang: Language): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', 'Accept-Language': lang, ...init.headers },
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { kind: 'network' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    if (body === undefined) return { kind: 'error', status: response.status, body: undefined, retryAfterSeconds: undefined };
    return { kind: 'ok', value: body as T };
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return {
    kind: 'error',
    status: response.status,
    body: isApiError(body) ? body : undefined,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).error === 'string';
}

export function fileComplaint(body: unknown, idempotencyKey: string, lang: Language): Promise<ApiAnswer<FiledComplaint>> {
  return call<FiledComplaint>(
    '/v1/complaints',
    { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(body) },
    lang,
  );
}

export function requestVerification(phone: string, lang: Language): Promise<ApiAnswer<{ verificationId: string }>> {
  return call<{ verificationId: string }>('/v1/verifications', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone }) }, lang);
}

/** The access code travels in a header, never in the URL, so it stays out of logs. */
export function getComplaint(caseId: string, accessCode: string, lang: Language): Promise<ApiAnswer<ConsumerCaseView>> {
  return call<ConsumerCaseView>(`/v1/complaints/${encodeURIComponent(caseId)}`, { method: 'GET', headers: { 'X-Access-Code': accessCode } }, lang);
}

/** The consumer's action (`accept_offer`, `rate`, ...): the same header, and the case as it is afterwards. */
export function actOnComplaint(caseId: string, accessCode: string, body: unknown, lang: Language): Promise<ApiAnswer<ConsumerCaseView>> {
  return call<ConsumerCaseView>(
    `/v1/complaints/${encodeURIComponent(caseId)}/actions`,
    { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Access-Code': accessCode }, body: JSON.stringify(body) },
    lang,
  );
}
