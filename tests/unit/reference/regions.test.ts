import { associationById, associations, isHenanRegionCode, prefectureOf, regionByCode, regions } from '../../../functions/reference';

const prefectureCodes = [
  '410100', '410200', '410300', '410400', '410500', '410600', '410700', '410800', '410900',
  '411000', '411100', '411200', '411300', '411400', '411500', '411600', '411700', '419001',
];

describe('Henan regions (seeds/regions.json)', () => {
  it('holds the province and exactly 18 prefectures, 济源 419001 among them and 419000 left out', () => {
    expect(regions.filter((r) => r.level === 'province').map((r) => r.code)).toEqual(['410000']);
    expect(regions.filter((r) => r.level === 'prefecture').map((r) => r.code).sort()).toEqual(prefectureCodes);
    expect(regionByCode('419001')).toEqual({ code: '419001', name: { 'zh-CN': '济源市', en: 'Jiyuan' }, level: 'prefecture', prefectureCode: '419001' });
    expect(regionByCode('419000')).toBeUndefined();
  });

  it('holds Henan\'s 157 county-level divisions: 54 districts, 82 counties and 21 county-level cities (济源 counted as a prefecture)', () => {
    const counties = regions.filter((r) => r.level === 'county');
    const byDesignation = (suffix: string) => counties.filter((r) => r.name['zh-CN'].endsWith(suffix)).length;
    expect(counties).toHaveLength(156);
    expect({ districts: byDesignation('区'), counties: byDesignation('县'), cities: byDesignation('市') }).toEqual({ districts: 54, counties: 82, cities: 20 });
  });

  it('puts every county under the prefecture its code belongs to', () => {
    for (const county of regions.filter((r) => r.level === 'county')) {
      expect({ code: county.code, prefecture: county.prefectureCode }).toEqual({ code: county.code, prefecture: `${county.code.slice(0, 4)}00` });
      expect(regionByCode(county.prefectureCode)?.level).toBe('prefecture');
    }
  });

  it('leaves out placeholders, development zones and the districts abolished in 2021', () => {
    for (const code of ['410101', '410171', '410173', '411771', '410306', '410322', '410381']) expect(isHenanRegionCode(code)).toBe(false);
    for (const code of ['410307', '410308', '410783']) expect(isHenanRegionCode(code)).toBe(true);
  });

  it.each([
    ['410000', '河南省', 'Henan'],
    ['410100', '郑州市', 'Zhengzhou'],
    ['410105', '金水区', 'Jinshui District'],
    ['410104', '管城回族区', 'Guancheng Hui District'],
    ['410181', '巩义市', 'Gongyi City'],
    ['410122', '中牟县', 'Zhongmou County'],
    ['410621', '浚县', 'Xun County'],
    ['411726', '泌阳县', 'Biyang County'],
    ['411104', '召陵区', 'Shaoling District'],
    ['411321', '南召县', 'Nanzhao County'],
    ['410505', '殷都区', 'Yindu District'],
    ['411002', '魏都区', 'Weidu District'],
    ['410323', '新安县', "Xin'an County"],
    ['410782', '辉县市', 'Huixian City'],
    ['411082', '长葛市', 'Changge City'],
    ['410182', '荥阳市', 'Xingyang City'],
  ])('names %s %s in English as "%s"', (code, zh, en) => {
    expect(regionByCode(code)?.name).toEqual({ 'zh-CN': zh, en });
  });

  it('labels every region in Chinese and romanized English', () => {
    for (const region of regions) {
      expect({ code: region.code, en: /^[A-Z][A-Za-z' ]+$/.test(region.name.en) }).toEqual({ code: region.code, en: true });
    }
  });

  it('recognises Henan region codes only', () => {
    expect(isHenanRegionCode('410000')).toBe(true);
    expect(isHenanRegionCode('410105')).toBe(true);
    expect(isHenanRegionCode('419001')).toBe(true);
    expect(isHenanRegionCode('110101')).toBe(false);
    expect(isHenanRegionCode('41010')).toBe(false);
    expect(isHenanRegionCode('')).toBe(false);
  });

  it.each([
    ['410105', '410100'],
    ['410100', '410100'],
    ['411726', '411700'],
    ['419001', '419001'],
    ['410000', '410000'],
    ['110101', undefined],
    ['410101', undefined],
  ])('prefectureOf(%s) is %s', (code, prefecture) => {
    expect(prefectureOf(code)).toBe(prefecture);
  });
});

describe('consumer associations (seeds/associations.json)', () => {
  it('has 19: one per prefecture plus the provincial one', () => {
    expect(associations).toHaveLength(19);
    expect(associations.map((a) => a.id).sort()).toEqual(['410000', ...prefectureCodes].sort());
  });

  it('finds an association for every region through its prefecture', () => {
    for (const region of regions) {
      const association = associationById(prefectureOf(region.code) ?? 'none');
      expect({ region: region.code, found: association !== undefined }).toEqual({ region: region.code, found: true });
    }
  });

  it('names each association after the place it serves', () => {
    expect(associationById('410000')?.name).toEqual({ 'zh-CN': '河南省消费者协会', en: 'Henan Consumers Association' });
    expect(associationById('410700')?.name).toEqual({ 'zh-CN': '新乡市消费者协会', en: 'Xinxiang Consumers Association' });
    expect(associationById('419001')?.name).toEqual({ 'zh-CN': '济源市消费者协会', en: 'Jiyuan Consumers Association' });
    for (const association of associations.filter((a) => a.id !== '410000')) {
      const prefecture = regionByCode(association.id);
      expect(association.name).toEqual({ 'zh-CN': `${prefecture?.name['zh-CN']}消费者协会`, en: `${prefecture?.name.en} Consumers Association` });
    }
    expect(associationById('410105')).toBeUndefined();
  });
});
