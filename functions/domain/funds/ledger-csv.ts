import type { Language } from '../i18n';
import { byteOrderMark, csvLine, yuan } from '../statistics/csv';
import type { LedgerEntry } from './ledger';

/**
 * `GET /v1/funds/{fundId}/ledger.csv`: UTF-8 with BOM (spreadsheets read the
 * Chinese), RFC 4180 quoting, and formula neutralisation: a cell a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) gets
 * a leading apostrophe, since references are typed by people.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const headings = {
  'zh-CN': ['序号', '时间（UTC）', '类型', '金额（分）', '金额（元）', '案件编号', '参考号'],
  en: ['Seq', 'At (UTC)', 'Kind', 'Amount (fen)', 'Amount (yuan)', 'Case', 'Reference'],
};

export function ledgerCsv(entries: readonly LedgerEntry[], lang: Language): string {
  const lines = entries.map((e) => csvLine([e.seq, e.at, e.kind, e.amountFen, yuan(e.amountFen), e.caseId ?? '', e.reference ?? ''].map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell))));
  return `${byteOrderMark}${csvLine(headings[lang])}${lines.join('')}`;
}
