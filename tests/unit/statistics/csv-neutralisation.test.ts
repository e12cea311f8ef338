import { csvField, publicRows, statisticsCsv, addCounters, countersOf, type CaseFacts } from '../../../functions/domain/statistics';

/** SPEC section 5: no CSV cell may start a spreadsheet formula. */
const hostileLabels = ['=HYPERLINK("http://evil.example","点我")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

const facts = (caseId: string, category: string): CaseFacts => ({
  caseId,
  version: 1,
  month: '2026-03',
  category,
  issue: 'quality',
  region: '410100',
  step: 'mediation',
  outcome: 'resolved',
  accepted: true,
  daysToClose: 3,
  recoveredFen: 100,
  advancePayout: false,
  safetyReport: false,
});

const fiveOf = (category: string) =>
  Array.from({ length: 5 }, (_, i) => facts(`${category}-${i}`, category)).reduce((sum, f) => addCounters(sum, countersOf(f)), {} as Record<string, number>);

describe('CSV neutralisation', () => {
  it('puts a \' before every text cell that begins with =, +, -, @, tab or carriage return', () => {
    for (const label of hostileLabels) expect(csvField(label).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('@x')).toBe("'@x");
  });

  it('leaves ordinary text, figures and empty cells alone', () => {
    expect(csvField('家用电子电器')).toBe('家用电子电器');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
  });

  it('guards hostile row labels in the file /v1/stats.csv serves, and no line starts a formula', () => {
    // An unknown key labels itself, so a key is the way hostile text would reach a label.
    const rows = publicRows(hostileLabels.map((key) => ({ key, counters: fiveOf(key) })), 'category', 'en');
    const csv = statisticsCsv(rows, { period: '2026-03', by: 'category', lang: 'en', generatedAt: '2026-04-01T00:00:00.000Z' });
    const cells = csv
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '')
      .flatMap((line) => line.split(','));
    for (const label of hostileLabels) expect(csv).toContain(csvField(label));
    // Every cell, unquoted, starts with something a spreadsheet shows as text or a plain number.
    for (const cell of cells.map((c) => c.replace(/^"/, ''))) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });
});
