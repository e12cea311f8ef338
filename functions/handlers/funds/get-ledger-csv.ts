import { apiHandler } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { textResponse } from '../../http/response';
import { ledgerCsvOf } from '../../services/funds/read-fund';

/** `GET /v1/funds/{fundId}/ledger.csv` — the whole ledger as CSV (UTF-8 with BOM, formulas neutralised); Chinese headings unless `lang=en`. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, ['admin', 'mediator']);
  const lang = request.query.lang === 'en' ? 'en' : 'zh-CN';
  const { fundId, csv } = await ledgerCsvOf(identity, request.params.fundId ?? '', lang);
  return textResponse(200, csv, 'text/csv; charset=utf-8', { 'Content-Disposition': `attachment; filename="fund-${fundId}-ledger.csv"` });
});
