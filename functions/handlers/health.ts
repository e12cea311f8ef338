import { apiHandler, jsonResponse } from '../http/api-handler';
import { logger } from '../shared/logger';
import { pingTable } from '../store/cases-store';

/** `GET /v1/health`: 200 when the function runs and its table answers, 503 when the table does not. */
export const handler = apiHandler(async () => {
  try {
    await pingTable();
    return jsonResponse(200, { status: 'ok', table: 'ok' });
  } catch (error) {
    logger.error('health check: table unreachable', { error: error as Error });
    return jsonResponse(503, { error: 'unavailable', message: 'The table does not answer.', status: 'degraded', table: 'unreachable' });
  }
});
