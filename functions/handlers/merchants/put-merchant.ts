import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { registerMerchant } from '../../services/merchants/register-merchant';

/** `PUT /v1/merchants/{creditCode}` — admin only: 201 with the entry when new, 200 when replaced. */
export const handler = apiHandler(async (request) => {
  requireStaff(request.principal, ['admin']);
  const { created, merchant } = await registerMerchant(request.params.creditCode ?? '', request.body, request.lang, new Date());
  return jsonResponse(created ? 201 : 200, merchant);
});
