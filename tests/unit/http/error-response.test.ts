import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { NotFoundError } from '../../../functions/domain/errors';
import { errorResponse, storeRetryAfterSeconds } from '../../../functions/http/error-response';

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

function named(name: string, message = 'x', extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

describe('a store that did not answer is a 503 with Retry-After, never a 500', () => {
  test.each([
    ['an attempt that timed out', named('TimeoutError', 'Connection timed out after 2500 ms')],
    ['a refused connection', named('Error', 'connect ECONNREFUSED 127.0.0.1:8000', { code: 'ECONNREFUSED' })],
    ['a reset connection', named('Error', 'socket hang up', { code: 'ECONNRESET' })],
    ['throttling after the retries', new ProvisionedThroughputExceededException({ message: 'rate', ...metadata(400) })],
    ["DynamoDB's own 5xx", Object.assign(named('InternalServerError'), metadata(500))],
  ])('%s', (_what, error) => {
    const answer = errorResponse(error);
    expect(answer.statusCode).toBe(503);
    expect(answer.headers).toMatchObject({ 'Retry-After': String(storeRetryAfterSeconds) });
    expect(JSON.parse(answer.body as string)).toMatchObject({ error: 'service_unavailable' });
  });
});

test('a failed condition is not an outage: it stays a 500 unless a service maps it', () => {
  expect(errorResponse(new ConditionalCheckFailedException({ message: 'condition', ...metadata(400) })).statusCode).toBe(500);
  expect(errorResponse(new TypeError('bug')).statusCode).toBe(500);
});

test('domain errors keep their own status', () => {
  expect(errorResponse(new NotFoundError()).statusCode).toBe(404);
});
