import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger for every handler. Logs carry case ids, never personal data:
 * pass `{ caseId }`, never a complaint body. `POWERTOOLS_DEV=true` (set by the
 * local stack) pretty-prints for a terminal.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'redress' });
