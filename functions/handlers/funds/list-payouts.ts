import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { listPayouts } from '../../services/funds/read-fund';

/** `GET /v1/funds/{fundId}/payouts?state=pending,approved` — the fund's payout queue. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, ['admin', 'mediator']);
  return jsonResponse(200, await listPayouts(identity, request.params.fundId ?? '', request.query.state));
});
