import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { jobNamed } from '../../services/jobs/registry';
import { runJob } from '../../services/jobs/run-job';
import { parseJobRequest } from '../../domain/jobs/job-request';
import { NotFoundError } from '../../domain/errors';

/**
 * API Gateway gives up after 29 s, and so does this function (its timeout,
 * `lib/handler-function.ts`): the job starts no chunk after 25 s and answers
 * `more: true`; call again to continue. Its lease lapses at 29 s, when the
 * invocation is ended for certain.
 */
const budgetMs = 25_000;
const hardStopMs = 29_000;

/** `POST /v1/admin/jobs/{job}` (admin) — runs a job now and answers what it did; `{asOf}` on the local stack only. */
export const handler = apiHandler(async (request) => {
  requireStaff(request.principal, ['admin']);
  const job = request.params.job ?? '';
  if (!jobNamed(job)) throw new NotFoundError(`There is no job named '${job}'.`);
  const { asOf } = parseJobRequest(request.body, request.lang);
  return jsonResponse(200, await runJob(job, { ...(asOf ? { asOf } : {}), budgetMs, hardStopMs }));
});
