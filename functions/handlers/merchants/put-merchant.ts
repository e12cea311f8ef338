import { creditCodeSchema } from '../../domain/complaints/intake-schema';
import { merchantRegistrationSchema } from '../../domain/merchants/merchant-schema';
import { parseKeyedBody } from '../../domain/validation/issues';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { registerMerchant } from '../../services/merchants/register-merchant';

/** `PUT /v1/merchants/{creditCode}` — admin only: 201 with the entry when new, 200 when replaced. */
export const handler = apiHandler(async (request) => {
  requireStaff(request.principal, ['admin']);
  // The credit code in the path and the body's fields are checked together: one 400 names them all.
  const { key, body } = parseKeyedBody({ name: 'creditCode', raw: request.params.creditCode ?? '', schema: creditCodeSchema }, { raw: request.body, schema: merchantRegistrationSchema }, request.lang);
  const { created, merchant } = await registerMerchant(key, body, new Date());
  return jsonResponse(created ? 201 : 200, merchant);
});
