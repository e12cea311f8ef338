import fc from 'fast-check';
import { personalDataOf, placeholders, scrubNarrative } from '../../../functions/domain/privacy';
import { narrativeWith, person, secretsOf, type RandomPerson } from './personal-data-generators';

const personalOf = (p: RandomPerson) =>
  personalDataOf({
    consumer: { name: p.name, phone: p.phone, email: p.email, regionCode: '410105', address: p.address },
    purchase: { date: p.purchaseDate, channel: 'online', orderRef: p.orderRef },
  });

describe('scrubbing a narrative for publication', () => {
  it('leaves none of the consumer’s details, however they are written', () => {
    fc.assert(
      fc.property(person, fc.nat(30), (p, form) => {
        const scrubbed = scrubNarrative(narrativeWith(p, form), personalOf(p));
        for (const secret of secretsOf(p)) expect(scrubbed).not.toContain(secret);
        // Digits only: a phone number with its separators removed is still not there.
        expect(scrubbed.replace(/\D/g, '')).not.toContain(p.phone);
        expect(scrubbed).toContain('洗衣机');
      }),
      { numRuns: 300 },
    );
  });

  it('removes anything that looks like a phone, ID, e-mail, order number or street address, even of other people', () => {
    const scrubbed = scrubNarrative(
      '快递员电话 13912345678，座机 0371-66668888，他的身份证 41010219800101002X，邮箱 courier@express.cn，快递单号：SF1234567890，送到了幸福小区3号楼2单元501室，商家在建设路88号。',
      personalDataOf({ consumer: { name: '张三', phone: '13800138000', regionCode: '410105' }, purchase: { date: '2025-01-01', channel: 'offline' } }),
    );
    for (const leaked of ['13912345678', '66668888', '41010219800101002X', 'courier@express.cn', 'SF1234567890', '501室', '3号楼', '建设路88号']) expect(scrubbed).not.toContain(leaked);
    for (const placeholder of [placeholders.phone, placeholders.idNumber, placeholders.email, placeholders.number, placeholders.address]) expect(scrubbed).toContain(placeholder);
  });

  it('keeps what the complaint is about: products, model numbers, amounts, roles', () => {
    const scrubbed = scrubNarrative('购买的空调型号 KFR-35GW 制冷不好，花了 3299 元，项目经理说下周来修，店长不同意退货。', personalDataOf({ consumer: { name: '李四', phone: '13800138000', regionCode: '410105' }, purchase: { date: '2025-01-01', channel: 'offline' } }));
    expect(scrubbed).toBe('购买的空调型号 KFR-35GW 制冷不好，花了 3299 元，项目经理说下周来修，店长不同意退货。');
  });

  it('refers to staff named by surname and role by their role only', () => {
    expect(scrubNarrative('王经理和李师傅都说不能退。', personalDataOf({ consumer: { name: '张三', phone: '13800138000', regionCode: '410105' }, purchase: { date: '2025-01-01', channel: 'offline' } }))).toBe('某经理和某师傅都说不能退。');
  });
});
