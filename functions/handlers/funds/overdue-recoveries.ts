import { isCalendarDate } from '../../domain/calendar/dates';
import { ValidationError } from '../../domain/errors';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { overdueRecoveries } from '../../services/funds/read-fund';
import { jobClock } from '../../services/jobs/run-job';

/**
 * `GET /v1/funds/{fundId}/overdue-recoveries` — payouts the merchant has not repaid within 15 working days of payment.
 * `?asOf=YYYY-MM-DD` looks as of a later day, on the local stack only (as the jobs do).
 */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, ['admin', 'mediator']);
  const asOf = request.query.asOf;
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new ValidationError([{ path: 'asOf', message: 'A date YYYY-MM-DD.' }]);
  return jsonResponse(200, await overdueRecoveries(identity, request.params.fundId ?? '', jobClock(new Date(), asOf)));
});
