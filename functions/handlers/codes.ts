import { apiHandler, jsonResponse } from '../http/api-handler';
import { codesDocument } from '../reference';

/** `GET /v1/codes`: every code list with zh-CN and English labels, and the associations. Cacheable: it changes only with a deploy. */
export const handler = apiHandler(async () => jsonResponse(200, codesDocument(), { 'Cache-Control': 'public, max-age=300' }));
