import { parseCaseListQuery } from '../../domain/cases/list-query';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff, staffRoles, subjectOf } from '../../http/principal';
import { listCases } from '../../services/cases/list-cases';

/** `GET /v1/cases?status&step&from&to&overdue&claimed&limit&cursor` — the caller's cases, newest first. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, staffRoles);
  const query = parseCaseListQuery(request.query, request.lang);
  return jsonResponse(200, await listCases(identity, query, new Date(), subjectOf(identity)));
});
