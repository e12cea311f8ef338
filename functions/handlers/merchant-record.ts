import { apiHandler, jsonResponse } from '../http/api-handler';
import { merchantRecord } from '../services/merchant-record/merchant-record';

/** `GET /v1/merchants/{creditCode}/record`: the merchant's public record of the last 12 months. */
export const handler = apiHandler(async (request) => {
  const record = await merchantRecord(request.params.creditCode ?? '', new Date(), request.lang);
  return jsonResponse(200, record, { 'Cache-Control': 'public, max-age=60' });
});
