import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** A Lambda function name for a handler module (`complaints/file-complaint` -> `redress-local-complaints-file-complaint`). */
export function functionNameFor(handlerModule: string): string {
  return `redress-local-${handlerModule.replace(/[^A-Za-z0-9-]+/g, '-')}`;
}

/**
 * The `context` Lambda hands a handler: names, request id and the time
 * left, counted from now against `timeoutMs` as Lambda does.
 */
export function lambdaContext(handlerModule: string, timeoutMs: number, awsRequestId: string = randomUUID()): Context {
  const functionName = functionNameFor(handlerModule);
  const region = process.env.AWS_REGION ?? 'local';
  const deadline = Date.now() + timeoutMs;
  const deprecated = () => {
    throw new Error('context.done/fail/succeed are not supported; return a value or throw');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${randomUUID().replace(/-/g, '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: deprecated,
    fail: deprecated,
    succeed: deprecated,
  };
}
