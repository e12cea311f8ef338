import { ValidationError } from '../domain/errors';
import { verificationRequestSchema } from '../domain/complaints/phone-verification';
import { toFieldIssues } from '../domain/validation/issues';
import { apiHandler, jsonResponse } from '../http/api-handler';
import { requestVerification } from '../services/verification/phone-verification';

/** `POST /v1/verifications {phone}` — texts a 6-digit code; 202 `{verificationId}`, 429 with Retry-After over a limit. */
export const handler = apiHandler(async (request) => {
  const parsed = verificationRequestSchema.safeParse(request.body ?? {});
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, request.body, request.lang));
  const answer = await requestVerification(parsed.data.phone, { address: request.sourceIp, lang: request.lang }, new Date());
  return jsonResponse(202, answer);
});
