import { openApiDocument } from '../http/docs/openapi';
import { apiHandler, jsonResponse } from '../http/api-handler';

const document = openApiDocument();

/** `GET /v1/openapi.json`: the API document, generated from the route table and the request schemas. */
export const handler = apiHandler(async () => jsonResponse(200, document, { 'Cache-Control': 'public, max-age=300' }));
