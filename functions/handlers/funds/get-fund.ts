import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { viewFund } from '../../services/funds/read-fund';

/** `GET /v1/funds/{fundId}` — admin, or a mediator of the fund's association. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, ['admin', 'mediator']);
  return jsonResponse(200, await viewFund(identity, request.params.fundId ?? ''));
});
