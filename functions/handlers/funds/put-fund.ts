import { fundIdSchema, fundRegistrationSchema } from '../../domain/funds/fund';
import { parseKeyedBody } from '../../domain/validation/issues';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { registerFund } from '../../services/funds/register-fund';

/** `PUT /v1/funds/{fundId}` — admin only: 201 with the fund when new, 200 when its registry fields were replaced. */
export const handler = apiHandler(async (request) => {
  requireStaff(request.principal, ['admin']);
  const { key, body } = parseKeyedBody({ name: 'fundId', raw: request.params.fundId ?? '', schema: fundIdSchema }, { raw: request.body, schema: fundRegistrationSchema }, request.lang);
  const { created, fund } = await registerFund(key, body, new Date());
  return jsonResponse(created ? 201 : 200, fund);
});
