import { DomainError } from '../domain/errors';
import { logger } from '../shared/logger';
import { jsonResponse, type ApiResult } from './response';

/** The one place errors become HTTP answers (SPEC section 4's error body). */
export function errorResponse(error: unknown): ApiResult {
  if (error instanceof DomainError) {
    if (error.status >= 500) logger.error('domain error', { error });
    return jsonResponse(error.status, { error: error.code, message: error.message, ...error.details }, error.headers);
  }
  logger.error('unhandled error', { error: error as Error });
  return jsonResponse(500, { error: 'internal_error', message: 'Something went wrong on our side; please try again.' });
}
