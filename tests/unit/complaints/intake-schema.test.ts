import fc from 'fast-check';
import { validateComplaint } from '../../../functions/domain/complaints/intake-schema';
import { validComplaint } from '../../fixtures/complaints';

const today = '2026-11-26';
const paths = (result: ReturnType<typeof validateComplaint>) => (result.ok ? [] : result.issues.map((i) => i.path).sort());

describe('complaint intake validation', () => {
  it('accepts a complete complaint and tidies what people type', () => {
    const result = validateComplaint(validComplaint({ consumer: { name: ' 张三 ', phone: '+86 138-0013-8000', regionCode: '410105' } }), today, 'en');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.consumer).toEqual({ name: '张三', phone: '13800138000', regionCode: '410105' });
    expect(result.value.injury).toEqual({ occurred: false });
  });

  it('needs only the fields SPEC section 4 requires', () => {
    const minimal = {
      consumer: { name: '李四', phone: '13912345678', regionCode: '419001' },
      merchant: { name: '某奶茶店' },
      purchase: { date: '2026-11-20', channel: 'offline' },
      category: 'food',
      issue: 'safety',
      description: '奶茶里有异物，喝后腹痛。',
      claim: { type: 'compensation' },
      knownSince: '2026-11-20',
    };
    expect(validateComplaint(minimal, today, 'zh-CN').ok).toBe(true);
  });

  it('names every bad field at once, with its path', () => {
    const body = validComplaint({
      consumer: { name: '', phone: '1380013800', regionCode: '110105', nickname: 'zs' },
      merchant: { name: '某店', creditCode: '91350100M000100Y44' },
      purchase: { date: '2026-12-01', amountFen: 12.5, channel: 'teleport' },
      category: 'spaceships',
      description: '太短',
      claim: { type: 'refund', amountFen: 1e10 },
      knownSince: '2026-02-30',
      extra: true,
    });
    expect(paths(validateComplaint(body, today, 'en'))).toEqual(
      [
        'category',
        'claim.amountFen',
        'consumer.name',
        'consumer.nickname',
        'consumer.phone',
        'consumer.regionCode',
        'description',
        'extra',
        'knownSince',
        'merchant.creditCode',
        'purchase.amountFen',
        'purchase.channel',
        'purchase.date',
      ].sort(),
    );
  });

  it('says "required" for a missing field and points unknown codes to GET /v1/codes, in both languages', () => {
    const { category: _c, ...withoutCategory } = validComplaint({ issue: 'bad_luck' });
    const en = validateComplaint(withoutCategory, today, 'en');
    const zh = validateComplaint(withoutCategory, today, 'zh-CN');
    expect(en.ok || zh.ok).toBe(false);
    if (en.ok || zh.ok) return;
    expect(en.issues).toContainEqual({ path: 'category', message: 'This field is required' });
    expect(en.issues).toContainEqual({ path: 'issue', message: 'Unknown issue; see GET /v1/codes' });
    expect(zh.issues).toContainEqual({ path: 'category', message: '此项必填' });
    expect(zh.issues.find((i) => i.path === 'issue')?.message).toContain('GET /v1/codes');
  });

  it('refuses a problem known before the purchase, alongside other errors', () => {
    const result = validateComplaint(validComplaint({ knownSince: '2026-09-30', category: 'x' }), today, 'en');
    expect(paths(result)).toEqual(['category', 'knownSince']);
  });

  it('accepts today but not tomorrow (China time dates)', () => {
    expect(validateComplaint(validComplaint({ knownSince: today }), today, 'en').ok).toBe(true);
    expect(paths(validateComplaint(validComplaint({ knownSince: '2026-11-27' }), today, 'en'))).toEqual(['knownSince']);
  });

  it('counts description length in characters, so 10 汉字 are enough', () => {
    expect(validateComplaint(validComplaint({ description: '一二三四五六七八九十' }), today, 'en').ok).toBe(true);
    expect(paths(validateComplaint(validComplaint({ description: '一二三四五六七八九' }), today, 'en'))).toEqual(['description']);
    expect(paths(validateComplaint(validComplaint({ description: '字'.repeat(5001) }), today, 'en'))).toEqual(['description']);
  });

  it('never throws, and every refusal names at least one field, whatever arrives', () => {
    const anyJson = fc.jsonValue();
    const mutated = fc.record({ key: fc.constantFrom(...Object.keys(validComplaint())), value: anyJson }).map(({ key, value }) => validComplaint({ [key]: value }));
    fc.assert(
      fc.property(fc.oneof(anyJson, mutated), (input) => {
        const result = validateComplaint(input, today, 'zh-CN');
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
