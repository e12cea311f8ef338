import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { registerFund } from '../../services/funds/register-fund';

/** `PUT /v1/funds/{fundId}` — admin only: 201 with the fund when new, 200 when its registry fields were replaced. */
export const handler = apiHandler(async (request) => {
  requireStaff(request.principal, ['admin']);
  const { created, fund } = await registerFund(request.params.fundId ?? '', request.body, request.lang, new Date());
  return jsonResponse(created ? 201 : 200, fund);
});
