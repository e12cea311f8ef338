import { chinaDate } from '../../domain/calendar/working-days';
import { checkIdempotencyKey } from '../../domain/complaints/idempotency';
import { parseComplaint } from '../../domain/complaints/intake-schema';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { fileComplaint } from '../../services/complaints/file-complaint';

/** `POST /v1/complaints` — anyone may file; 201 with the case id and the access code, shown once. */
export const handler = apiHandler(async (request) => {
  const now = new Date();
  const idempotencyKey = checkIdempotencyKey(request.headers['idempotency-key']);
  const input = parseComplaint(request.body, chinaDate(now), request.lang);
  const { filed, replayed } = await fileComplaint(input, { now, rawBody: request.rawBody, idempotencyKey, lang: request.lang });
  return jsonResponse(201, filed, replayed ? { 'Idempotent-Replayed': 'true' } : {});
});
