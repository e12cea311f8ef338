import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItem } from '@aws-lambda-powertools/logger';

/** Powertools' numeric levels (`LogLevelThreshold`). */
const warnLevel = 16;
const errorLevel = 20;

/** Attributes every line would repeat on the local stack: left out of the readable line. */
const omitted = new Set(['level', 'message', 'timestamp', 'service', 'sampling_rate', 'xray_trace_id', 'cold_start', 'function_arn', 'function_memory_size']);

function valueText(value: unknown): string {
  if (value instanceof Object && 'message' in value && 'name' in value) {
    const error = value as { name: unknown; message: unknown; location?: unknown };
    return JSON.stringify(`${String(error.name)}: ${String(error.message)}${error.location ? ` @ ${String(error.location)}` : ''}`);
  }
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** `10:32:01.123 INFO  case routed caseId=… outcome=accepted requestId=…`: one line per entry, every attribute kept. */
export function readableLine(attributes: Record<string, unknown>): string {
  const time = typeof attributes.timestamp === 'string' ? attributes.timestamp.slice(11, 23) : '';
  const level = String(attributes.level ?? '').padEnd(5);
  const pairs = Object.entries(attributes)
    .filter(([key, value]) => !omitted.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${valueText(value)}`);
  return [time, level, String(attributes.message ?? ''), ...pairs].filter(Boolean).join(' ');
}

/**
 * The Powertools Logger with one readable line per entry instead of JSON,
 * for a terminal on the local stack. Same keys, same levels, same
 * correlation ids; on AWS the plain Logger writes JSON for CloudWatch.
 */
export class ReadableLogger extends Logger {
  protected override printLog(logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    const line = readableLine(log.getAttributes());
    if (logLevel >= errorLevel) console.error(line);
    else if (logLevel >= warnLevel) console.warn(line);
    else console.log(line);
  }

  protected override createLogger(options?: ConstructorParameters<typeof Logger>[0]): Logger {
    return new ReadableLogger(options);
  }
}
