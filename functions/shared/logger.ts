import { Logger } from '@aws-lambda-powertools/logger';
import { ReadableLogger } from '../observability/readable-logger';

/**
 * One logger for every handler. Logs carry case ids, never personal data:
 * pass `{ caseId }`, never a complaint body. On AWS each entry is one JSON
 * line for CloudWatch Logs Insights; on the local stack (`REDRESS_ENV=local`)
 * one readable line (`REDRESS_LOG_FORMAT=json` keeps JSON there too).
 */
const readable = process.env.REDRESS_ENV === 'local' && process.env.REDRESS_LOG_FORMAT !== 'json';
const options = { serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'redress' };
export const logger: Logger = readable ? new ReadableLogger(options) : new Logger(options);
