import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { depositToFund } from '../../services/funds/deposit';

/** `POST /v1/funds/{fundId}/deposits` — admin, with `Idempotency-Key`: 201 `{entry, fund}`; a retry answers the same. */
export const handler = apiHandler(async (request) => {
  const admin = requireStaff(request.principal, ['admin']);
  const { status, body } = await depositToFund(admin, request.params.fundId ?? '', request.body, request.headers['idempotency-key'], request.lang, new Date());
  return jsonResponse(status, body);
});
