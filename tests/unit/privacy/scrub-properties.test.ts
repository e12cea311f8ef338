import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { digitsOf, normaliseText, personalDataOf, scrubForMerchant, scrubNarrative } from '../../../functions/domain/privacy';
import { chineseName, mobilePhone } from './personal-data-generators';
import { writtenAddress, writtenCard, writtenEmail, writtenId, writtenLandline, writtenName, writtenPhone, writtenSocial, writtenStaff, type WrittenPii } from './pii-formats';

/**
 * Random personal data, in random formats, embedded in random Chinese
 * complaint text, never survives scrubbing; text without personal data
 * comes out as it went in.
 */
const storyFragments = [
  '10月3日买的洗衣机用了一周就坏了。',
  '花了1299元，',
  '型号KFR-35GW，',
  '一共买了2台，',
  '商家拒绝退款，',
  '客服一直推脱说要等7个工作日。',
  '保修期是3年，',
  '2026年10月1日送修，',
  '订单金额3598元，',
  '机器噪音超过80分贝，',
  '希望协会帮忙调解。',
  '我要求退一赔三。',
  '第二次维修后还是不制冷，',
  '上门费收了50元，',
  '预付卡里还有2680.50元。',
  'iPhone 15 Pro 256GB 到手就是坏的，',
];
const leadIns = ['', '我的电话', '联系方式：', '请联系', '，', ' ', '（', '本人'];
/** What ends an item: people do not glue a number to the next sentence's digits. */
const endings = ['，', '。', ' ', '）', '；', '\n'];

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const syllablesOf = (name: string) => pinyin(name, { type: 'array', toneType: 'none' });
const tonedSyllablesOf = (name: string) => pinyin(name, { type: 'array' });

const contact = fc.oneof(writtenPhone, writtenLandline, writtenId, writtenCard, writtenEmail);
const anyPii = fc.oneof(writtenPhone, writtenLandline, writtenId, writtenCard, writtenEmail, writtenSocial, writtenAddress, writtenStaff);

const story = fc.array(fc.constantFrom(...storyFragments), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

/** The items spread through story text, each after a random lead-in. */
const textWith = (items: fc.Arbitrary<WrittenPii[]>) =>
  fc.tuple(items, fc.array(fc.tuple(story, fc.constantFrom(...leadIns), fc.constantFrom(...endings)), { minLength: 8, maxLength: 8 }), story).map(([pii, around, ending]) => ({
    pii,
    text: pii.map((item, index) => `${around[index]![0]}${around[index]![1]}${item.written}${around[index]![2]}`).join('') + ending,
  }));

const comparable = (text: string) => normaliseText(text).toLowerCase();

function survives(output: string, item: WrittenPii): boolean {
  if (comparable(output).includes(comparable(item.value))) return true;
  const digits = digitsOf(item.value);
  return digits.length >= 7 && digitsOf(output).includes(digits);
}

const personalOf = (name: string, phone: string) => personalDataOf({ consumer: { name, phone, regionCode: '410105' }, purchase: { date: '2025-06-01', channel: 'online' } });

describe('scrubbing random personal data in random formats', () => {
  it('public narrative: no phone, ID, card, e-mail, WeChat/QQ account, address or staff name survives', () => {
    fc.assert(
      fc.property(textWith(fc.array(anyPii, { minLength: 1, maxLength: 8 })), chineseName, mobilePhone, ({ pii, text }, name, phone) => {
        const scrubbed = scrubNarrative(text, personalOf(name, phone));
        for (const item of pii) expect({ item, survived: survives(scrubbed, item), scrubbed }).toMatchObject({ survived: false });
      }),
      { numRuns: 400 },
    );
  });

  it('public narrative: the consumer’s name never survives, in full, spaced, pinyin or traditional', () => {
    fc.assert(
      fc.property(chineseName, fc.nat(7), story, story, mobilePhone, (name, form, before, after, phone) => {
        const written =
          form === 6 ? toTraditional(name) : form === 7 ? tonedSyllablesOf(name).join(' ') : writtenName(name, form, syllablesOf).written;
        const scrubbed = scrubNarrative(`${before}我叫${written}，${after}`, personalOf(name, phone));
        expect(comparable(scrubbed)).not.toContain(comparable(written));
        expect(scrubbed).toContain('我叫');
      }),
      { numRuns: 300 },
    );
  });

  it('merchant view: no phone, ID number, bank card or e-mail survives', () => {
    fc.assert(
      fc.property(textWith(fc.array(contact, { minLength: 1, maxLength: 8 })), ({ pii, text }) => {
        const scrubbed = scrubForMerchant(text);
        for (const item of pii) expect({ item, survived: survives(scrubbed, item), scrubbed }).toMatchObject({ survived: false });
      }),
      { numRuns: 400 },
    );
  });

  it('never fails, whatever the consumer typed as their name or text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 300 }), (name, text) => {
        expect(typeof scrubNarrative(text, personalOf(name, '13800138000'))).toBe('string');
        expect(typeof scrubForMerchant(text)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('text without personal data comes out as it went in, in both profiles', () => {
    fc.assert(
      fc.property(fc.array(story, { minLength: 1, maxLength: 6 }), chineseName, mobilePhone, (parts, name, phone) => {
        const text = parts.join('');
        expect(scrubForMerchant(text)).toBe(normaliseText(text));
        expect(scrubNarrative(text, personalOf(name, phone))).toBe(normaliseText(text));
      }),
      { numRuns: 200 },
    );
  });
});
