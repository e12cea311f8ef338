import { parseDisclosureListQuery } from '../domain/disclosure';
import { apiHandler, jsonResponse } from '../http/api-handler';
import { listDisclosures } from '../services/disclosure/list-disclosures';

/** `GET /v1/disclosures?merchant=&region=&category=&q=&cursor=&limit=`: published complaint records, newest first. */
export const handler = apiHandler(async (request) => {
  const query = parseDisclosureListQuery(request.query, request.lang);
  return jsonResponse(200, await listDisclosures(query, new Date()), { 'Cache-Control': 'public, max-age=60' });
});
