import fc from 'fast-check';
import { ValidationError } from '../../../functions/domain/errors';
import { csvField, csvLine, neutralised, monthsBetween, parseStatisticsQuery, publicRows, statisticsCsv, twelveMonthsEndingOn, yuan, addCounters, countersOf, type CaseFacts } from '../../../functions/domain/statistics';

/** An RFC 4180 reader, to check the writer round-trips whatever text it is given. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe('the CSV writer', () => {
  it('round-trips any fields through an RFC 4180 reader (formula-like text comes back behind its \' guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(rows.map((fields) => csvLine(fields)).join(''))).toEqual(rows.map((fields) => fields.map(neutralised)));
      }),
    );
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(null)).toBe('');
  });

  it('writes yuan from fen exactly', () => {
    expect([yuan(0), yuan(5), yuan(129900), yuan(1234567)]).toEqual(['0.00', '0.05', '1299.00', '12345.67']);
  });

  const five: CaseFacts[] = Array.from({ length: 5 }, (_, i) => ({
    caseId: `C${i}`,
    version: 2,
    month: '2026-03',
    category: 'appliances',
    issue: 'quality',
    region: '410100',
    step: 'mediation',
    outcome: 'resolved',
    accepted: true,
    daysToClose: i,
    recoveredFen: 12345,
    advancePayout: false,
    safetyReport: false,
  }));
  const counters = five.reduce((sum, f) => addCounters(sum, countersOf(f)), {} as Record<string, number>);

  it('starts with a byte-order mark, heads its columns in Chinese or English, and blanks suppressed figures', () => {
    // food (1 case) is suppressed; so is its complement, the smallest other row (agri_inputs: 5 cases, first by key among equals).
    const rows = publicRows([{ key: 'appliances', counters }, { key: 'food', counters: countersOf(five[0]!) }, { key: 'agri_inputs', counters }], 'category', 'zh-CN');
    const csv = statisticsCsv(rows, { period: '2026-03', by: 'category', lang: 'zh-CN', generatedAt: '2026-04-01T00:00:00.000Z' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, appliances, complement, food] = parseCsv(csv.slice(1));
    expect(complement![3]).toBe('农用生产资料');
    expect(complement![4]).toBe('是');
    expect(header).toEqual(expect.arrayContaining(['统计期间', '名称', '收到投诉（件）', '解决率', '为消费者挽回金额（元）', '数据生成时间（UTC）']));
    const at = (name: string) => header!.indexOf(name);
    expect(appliances![at('名称')]).toBe('家用电子电器');
    expect(appliances![at('收到投诉（件）')]).toBe('5');
    expect(appliances![at('为消费者挽回金额（元）')]).toBe('617.25');
    expect(food![at('是否隐去（少于5件，或为防推算一并隐去）')]).toBe('是');
    expect(food![at('收到投诉（件）')]).toBe('');

    const english = parseCsv(statisticsCsv(publicRows([{ key: 'appliances', counters }], 'category', 'en'), { period: '2026-03', by: 'category', lang: 'en', generatedAt: null }).slice(1));
    expect(english[0]).toEqual(expect.arrayContaining(['Period', 'Received', 'Resolution rate']));
    expect(english[1]).toContain('Household electronic and electrical appliances');
  });
});

describe('the statistics query', () => {
  it('takes a month or a year and one of the five dimensions, defaulting to this year and the total', () => {
    expect(parseStatisticsQuery({ period: '2026-03', by: 'region' }, '2026-11-26', 'en')).toEqual({ period: '2026-03', by: 'region', lang: 'en' });
    expect(parseStatisticsQuery({}, '2026-11-26', 'zh-CN')).toEqual({ period: '2026', by: 'all', lang: 'zh-CN' });
    expect(parseStatisticsQuery({ lang: 'en' }, '2026-11-26', 'zh-CN').lang).toBe('en');
  });

  it('names every bad parameter in one 400', () => {
    for (const period of ['2026-13', '2026-3', '26', '2026-03-01', 'latest']) {
      expect(() => parseStatisticsQuery({ period }, '2026-11-26', 'en')).toThrow(ValidationError);
    }
    try {
      parseStatisticsQuery({ period: '2026-00', by: 'colour', sort: 'x' }, '2026-11-26', 'en');
      throw new Error('accepted a bad query');
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path).sort()).toEqual(['by', 'period', 'sort']);
      expect((error as ValidationError).issues.find((issue) => issue.path === 'period')!.message).toMatch(/YYYY-MM/);
    }
  });

  it('lists months across a year end and finds the 12 months ending today', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(twelveMonthsEndingOn('2026-11-26')).toBe('2025-11-27');
    expect(twelveMonthsEndingOn('2028-02-29')).toBe('2027-03-01');
    expect(twelveMonthsEndingOn('2026-01-01')).toBe('2025-01-02');
  });
});
