import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { overdueRecoveries } from '../../services/funds/read-fund';

/** `GET /v1/funds/{fundId}/overdue-recoveries` — payouts the merchant has not repaid within 15 working days of payment. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, ['admin', 'mediator']);
  return jsonResponse(200, await overdueRecoveries(identity, request.params.fundId ?? '', new Date()));
});
