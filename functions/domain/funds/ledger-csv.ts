import type { Language } from '../i18n';
import { byteOrderMark, csvLine, yuan } from '../statistics/csv';
import type { LedgerEntry } from './ledger';

const headings = {
  'zh-CN': ['序号', '时间（UTC）', '类型', '金额（分）', '金额（元）', '案件编号', '参考号'],
  en: ['Seq', 'At (UTC)', 'Kind', 'Amount (fen)', 'Amount (yuan)', 'Case', 'Reference'],
};

/**
 * `GET /v1/funds/{fundId}/ledger.csv`: UTF-8 with BOM (spreadsheets read the
 * Chinese), RFC 4180 quoting, and formula neutralisation of text cells
 * (references are typed by people) — all by the statistics CSV's `csvLine`.
 */
export function ledgerCsv(entries: readonly LedgerEntry[], lang: Language): string {
  const lines = entries.map((e) => csvLine([e.seq, e.at, e.kind, e.amountFen, yuan(e.amountFen), e.caseId ?? '', e.reference ?? '']));
  return `${byteOrderMark}${csvLine(headings[lang])}${lines.join('')}`;
}
