import { parseStaffAction } from '../../domain/cases/action-schemas';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff, staffRoles, subjectOf } from '../../http/principal';
import { actOnCase } from '../../services/cases/act-on-case';

/** `POST /v1/cases/{caseId}/actions` — `{action, expectedVersion, ...}` as the lifecycle table allows; answers the new view. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, staffRoles);
  const body = parseStaffAction(request.body, request.lang);
  return jsonResponse(200, await actOnCase(identity, subjectOf(identity), request.params.caseId ?? '', body, new Date()));
});
