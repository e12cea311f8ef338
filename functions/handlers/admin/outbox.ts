import { NotFoundError, ValidationError } from '../../domain/errors';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { readOutbox } from '../../messaging/outbox';

/**
 * `GET /v1/admin/outbox?to=PHONE_OR_EMAIL` (admin, local stack only): the
 * messages the local stack "sent" to one address, oldest first. A deployed
 * stack has no outbox (CDK does not deploy the route, and the handler
 * answers 404 wherever `OUTBOX_FILE` is not set).
 */
export const handler = apiHandler(async (request) => {
  const outbox = process.env.OUTBOX_FILE;
  if (process.env.REDRESS_ENV !== 'local' || !outbox) throw new NotFoundError();
  requireStaff(request.principal, ['admin']);
  const to = request.query.to?.trim();
  if (!to) throw new ValidationError([{ path: 'to', message: request.lang === 'en' ? 'Give a phone number or an e-mail address' : '请填写手机号码或电子邮箱' }]);
  return jsonResponse(200, { to, messages: await readOutbox(outbox, to) });
});
