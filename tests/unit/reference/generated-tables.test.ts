import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import { statutoryHolidays } from '../../../functions/domain/calendar/statutory-holidays';
import { isWorkingDay } from '../../../functions/domain/calendar/working-days';
import { characterVariants, pinyinReadings } from '../../../functions/domain/privacy/character-tables';
import { calendar } from '../../../functions/reference';

/**
 * The functions read pinyin readings, OpenCC variants and statutory holidays
 * from tables `npm run seeds:generate` writes (generate-seeds.test.ts checks
 * the committed files are exactly its output). Here: the tables, as the
 * functions read them, agree with the packages on the cases that matter.
 */
const readingsFromPinyinPro = (character: string) => [...new Set(pinyin(character, { toneType: 'none', type: 'array', multiple: true }).map((reading) => reading.toLowerCase()))];

describe('pinyin readings (seeds/pinyin-readings.json)', () => {
  it.each([
    ['曾', ['ceng', 'zeng']],
    ['单', ['dan', 'shan', 'chan']],
    ['解', ['jie', 'xie']],
    ['区', ['qu', 'ou']],
    ['仇', ['chou', 'qiu']],
    ['朴', ['pu', 'po', 'piao']],
  ])('gives every reading of the polyphonic surname %s, in pinyin-pro’s order', (character, expected) => {
    expect(pinyinReadings(character)).toEqual(expected);
    expect(pinyinReadings(character)).toEqual(readingsFromPinyinPro(character));
  });

  it.each(['张', '伟', '吕', '𩽾', '〇', '得'])('agrees with pinyin-pro on %s (common, ü, outside the BMP, 〇, a reading listed twice)', (character) => {
    expect(pinyinReadings(character)).toEqual(readingsFromPinyinPro(character));
  });

  it('gives a character pinyin-pro does not know back unchanged, as pinyin-pro does', () => {
    expect(readingsFromPinyinPro('𠀀')).toEqual(['𠀀']);
    expect(pinyinReadings('𠀀')).toEqual(['𠀀']);
  });
});

describe('character variants (seeds/character-variants.json)', () => {
  const toTaiwan = Converter({ from: 'cn', to: 'tw' });
  const toSimplified = Converter({ from: 'tw', to: 'cn' });

  it.each([
    ['张', '張'],
    ['卫', '衛'],
    ['伪', '偽'],
  ])('links simplified %s and traditional %s both ways, as OpenCC converts them', (simplified, traditional) => {
    expect(toTaiwan(simplified)).toBe(traditional);
    expect(toSimplified(traditional)).toBe(simplified);
    expect(characterVariants(simplified)).toContain(traditional);
    expect(characterVariants(traditional)).toContain(simplified);
  });

  it('links the Taiwan variant 裡 of 裏 and the Hong Kong variant 衞 of 衛', () => {
    expect(Converter({ from: 't', to: 'tw' })('裏')).toBe('裡');
    expect(Converter({ from: 't', to: 'hk' })('衛')).toBe('衞');
    expect([...characterVariants('裏')].sort()).toEqual(['裡', '里'].sort());
    expect(characterVariants('衛')).toEqual(new Set(['卫', '衞']));
  });

  it('has no variants for a character that has none', () => {
    expect(characterVariants('伟')).toEqual(new Set(['偉']));
    expect(characterVariants('丁').size).toBe(0);
  });
});

describe('statutory holidays (seeds/statutory-holidays.json)', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const isoOf = (day: SolarDay) => `${day.getYear()}-${pad(day.getMonth())}-${pad(day.getDay())}`;
  const datesOf = (year: number, name: string) => statutoryHolidays(year).filter((holiday) => holiday.name === name).map((holiday) => holiday.date);

  it.each([2027, 2099, 2100])('agrees with tyme4ts on the lunar and solar-term holidays of %i', (year) => {
    const newYearsEve = LunarDay.fromYmd(year, 1, 1).next(-1).getSolarDay();
    expect(datesOf(year, '春节')).toEqual([0, 1, 2, 3].map((offset) => isoOf(newYearsEve.next(offset))));
    expect(datesOf(year, '清明')).toEqual([isoOf(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay())]);
    expect(datesOf(year, '端午')).toEqual([isoOf(LunarDay.fromYmd(year, 5, 5).getSolarDay())]);
    expect(datesOf(year, '中秋')).toEqual([isoOf(LunarDay.fromYmd(year, 8, 15).getSolarDay())]);
    expect(datesOf(year, '元旦')).toEqual([`${year}-01-01`]);
    expect(datesOf(year, '劳动节')).toEqual([`${year}-05-01`, `${year}-05-02`]);
    expect(datesOf(year, '国庆')).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
    expect(statutoryHolidays(year)).toHaveLength(13);
  });

  it('lists each year’s days in date order, the 春节 days of 2099 in January', () => {
    const dates = statutoryHolidays(2099).map((holiday) => holiday.date);
    expect(dates).toEqual([...dates].sort());
    expect(datesOf(2099, '春节')[0]!.slice(0, 7)).toBe('2099-01');
  });

  it('fails past 2100 with an error that says how to extend the table, instead of counting Monday to Friday', () => {
    expect(isWorkingDay('2100-12-31', calendar)).toBe(true);
    expect(() => statutoryHolidays(2101)).toThrow(/No statutory holidays for 2101: .*2027-2100.*lastStatutoryHolidayYear in bin\/generate-seeds\.ts.*npm run seeds:generate/);
    expect(() => isWorkingDay('2101-01-04', calendar)).toThrow(/No statutory holidays for 2101/);
  });
});
