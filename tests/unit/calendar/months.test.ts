import { addMonths, addYears, chinaMonthStart, monthsBetween, nextMonth } from '../../../functions/domain/calendar/months';

describe('month arithmetic', () => {
  it('steps over year ends both ways', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11-26', -11)).toBe('2025-12');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
  });

  it('lists the months of a range oldest first, dates read as their month', () => {
    expect(monthsBetween('2025-11-15', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('adds years, 29 February becoming the 28th where the year has none', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2028-02-29', -4)).toBe('2024-02-29');
    expect(addYears('2026-11-26', -1)).toBe('2025-11-26');
  });

  it('starts a China month at 16:00 UTC the day before', () => {
    expect(chinaMonthStart('2026-01')).toBe('2025-12-31T16:00:00.000Z');
  });
});
