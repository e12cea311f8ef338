import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { listFunds } from '../../services/funds/read-fund';

/** `GET /v1/funds` — the funds the caller may see: all for an admin, its association's for a mediator. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, ['admin', 'mediator']);
  return jsonResponse(200, await listFunds(identity));
});
