import { DomainError } from '../domain/errors';
import { logger } from '../shared/logger';
import { isStoreUnavailable } from '../store/client';
import { jsonResponse, type ApiResult } from './response';

/** How long a client should wait before trying again when the table did not answer. */
export const storeRetryAfterSeconds = 5;

/** The one place errors become HTTP answers (SPEC section 4's error body). */
export function errorResponse(error: unknown): ApiResult {
  if (error instanceof DomainError) {
    if (error.status >= 500) logger.error('domain error', { error });
    return jsonResponse(error.status, { error: error.code, message: error.message, ...error.details }, error.headers);
  }
  if (isStoreUnavailable(error)) {
    // Not a bug: the store did not answer in time. A 503 tells the client to come back, not that its request was wrong.
    logger.warn('store unavailable', { error: error as Error });
    return jsonResponse(
      503,
      { error: 'service_unavailable', message: 'The service is busy or briefly unavailable; please try again shortly.' },
      { 'Retry-After': String(storeRetryAfterSeconds) },
    );
  }
  logger.error('unhandled error', { error: error as Error });
  return jsonResponse(500, { error: 'internal_error', message: 'Something went wrong on our side; please try again.' });
}
