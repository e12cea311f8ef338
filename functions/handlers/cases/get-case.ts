import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff, staffRoles, subjectOf } from '../../http/principal';
import { viewCase } from '../../services/cases/view-case';

/** `GET /v1/cases/{caseId}` — the full case within the caller's rights, with the actions they may take. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, staffRoles);
  return jsonResponse(200, await viewCase(identity, subjectOf(identity), request.params.caseId ?? '', new Date()));
});
