import * as z from 'zod';
import {
  caseStatuses,
  caseSteps,
  categories,
  categoryByCode,
  categoryCodes,
  channelCodes,
  claimTypeCodes,
  codesDocument,
  issueCodes,
  refusalReasonCodes,
  type CodeEntry,
} from '../../../functions/reference';

/** The code lists of SPEC sections 2 and 4, as the SPEC writes them. */
const specGoods = 'appliances clothing food daily_goods vehicles ebikes children jewelry tobacco_alcohol medical housing agri_inputs'.split(' ');
const specServices = 'life_services internet education sales_service culture_sports telecom property travel utilities finance health insurance postal'.split(' ');
const specSafetyReportable = ['appliances', 'vehicles', 'ebikes', 'children'];
const specCategoryNames: Record<string, string> = {
  appliances: '家用电子电器', clothing: '服装鞋帽', food: '食品', daily_goods: '日用商品', vehicles: '汽车及零部件',
  ebikes: '电动自行车', children: '儿童和学生用品', jewelry: '首饰', tobacco_alcohol: '烟酒和饮料', medical: '医药及医疗用品',
  housing: '房屋及建材', agri_inputs: '农用生产资料', life_services: '生活社会服务', internet: '互联网服务',
  education: '教育培训服务', sales_service: '销售服务', culture_sports: '文化娱乐体育服务', telecom: '电信服务',
  property: '房屋装修及物业服务', travel: '旅游服务', utilities: '公用事业服务', finance: '金融服务',
  health: '卫生保健服务', insurance: '保险服务', postal: '邮政业服务',
};

const han = /\p{Script=Han}/u;

describe('code lists (seeds/codes.json)', () => {
  it('has exactly the SPEC categories, goods then services, with the SPEC Chinese names', () => {
    expect(categories.filter((c) => c.kind === 'goods').map((c) => c.code)).toEqual(specGoods);
    expect(categories.filter((c) => c.kind === 'services').map((c) => c.code)).toEqual(specServices);
    for (const category of categories) expect(category.label['zh-CN']).toBe(specCategoryNames[category.code]);
  });

  it('flags exactly the starred categories as safety-reportable', () => {
    expect(categories.filter((c) => c.safetyReportable).map((c) => c.code).sort()).toEqual([...specSafetyReportable].sort());
    expect(categoryByCode('ebikes')?.safetyReportable).toBe(true);
    expect(categoryByCode('food')?.safetyReportable).toBe(false);
    expect(categoryByCode('toys')).toBeUndefined();
  });

  it('has the SPEC issues, claim types, channels and refusal reasons', () => {
    expect(issueCodes).toEqual(['quality', 'safety', 'after_sales', 'contract', 'false_advertising', 'price', 'counterfeit', 'fraud', 'measurement', 'personal_info', 'no_reason_return', 'other']);
    expect(claimTypeCodes).toEqual(['refund', 'return', 'exchange', 'repair', 'compensation', 'apology', 'disclosure_only', 'other']);
    expect(channelCodes).toEqual(['online', 'offline', 'tv', 'phone', 'mail']);
    expect(refusalReasonCodes).toEqual(['time_barred', 'duplicate', 'no_respondent', 'already_handled', 'not_consumer', 'incomplete']);
  });

  it('has the SPEC case statuses and steps', () => {
    expect(caseStatuses.map((s) => s.code)).toEqual(['received', 'accepted', 'not_accepted', 'resolved', 'unresolved', 'withdrawn', 'closed']);
    expect(caseSteps.map((s) => s.code)).toEqual(['odr', 'mediation', 'advance_payout', 'disclosure']);
  });

  it('labels every code in Chinese and in English', () => {
    const document = codesDocument();
    const lists: Record<string, readonly CodeEntry[]> = {
      categories: document.categories, issues: document.issues, claimTypes: document.claimTypes, channels: document.channels,
      refusalReasons: document.refusalReasons, caseStatuses: document.caseStatuses, caseSteps: document.caseSteps,
    };
    for (const [list, entries] of Object.entries(lists)) {
      expect(entries.length).toBeGreaterThan(0);
      for (const { code, label } of entries) {
        expect({ list, code, zhIsChinese: han.test(label['zh-CN']), enIsLatin: /^[A-Za-z]/.test(label.en) && !han.test(label.en) }).toEqual({
          list, code, zhIsChinese: true, enIsLatin: true,
        });
      }
    }
  });

  it('gives tuples that z.enum accepts and that reject unknown codes', () => {
    const category = z.enum(categoryCodes);
    expect(category.safeParse('appliances').success).toBe(true);
    expect(category.safeParse('toys').success).toBe(false);
    expect(z.enum(refusalReasonCodes).safeParse('time_barred').success).toBe(true);
  });
});

describe('GET /v1/codes body', () => {
  it('holds every code list, the regions and the associations, and survives JSON', () => {
    const body = JSON.parse(JSON.stringify(codesDocument())) as Record<string, unknown[]>;
    expect(Object.keys(body).sort()).toEqual(
      ['associations', 'caseStatuses', 'caseSteps', 'categories', 'channels', 'claimTypes', 'issues', 'refusalReasons', 'regions'].sort(),
    );
    expect(body.categories).toContainEqual({ code: 'vehicles', label: { 'zh-CN': '汽车及零部件', en: 'Motor vehicles and parts' }, kind: 'goods', safetyReportable: true });
    expect(body.regions).toContainEqual({ code: '410105', name: { 'zh-CN': '金水区', en: 'Jinshui District' }, level: 'county', prefectureCode: '410100' });
    expect(body.associations).toContainEqual({ id: '410700', name: { 'zh-CN': '新乡市消费者协会', en: 'Xinxiang Consumers Association' } });
  });

  it('cannot be changed by a caller', () => {
    const document = codesDocument();
    expect(() => {
      (document.categories[0] as { safetyReportable: boolean }).safetyReportable = false;
    }).toThrow(TypeError);
    expect(() => {
      (document.regions as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    expect(codesDocument().categories[0]?.safetyReportable).toBe(true);
  });
});
