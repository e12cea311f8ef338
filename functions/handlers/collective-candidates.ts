import { parseNoQuery } from '../domain/validation/no-query';
import { apiHandler, jsonResponse } from '../http/api-handler';
import { requireStaff } from '../http/principal';
import { listCollectiveCandidates } from '../services/collective/list-candidates';

/** `GET /v1/collective-candidates` — mediators: groups of 5+ cases against one merchant and category in their association's queue. */
export const handler = apiHandler(async (request) => {
  const mediator = requireStaff(request.principal, ['mediator']);
  parseNoQuery(request.query, request.lang);
  return jsonResponse(200, await listCollectiveCandidates(mediator.org, new Date()));
});
