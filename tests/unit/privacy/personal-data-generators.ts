import fc from 'fast-check';

/**
 * Random personal data as consumers really write it, for the privacy tests
 * (unit: the scrubber; integration: every public endpoint). Names use
 * characters that appear in no label or code of the service, so finding
 * one in public output can only mean a leak.
 */
const surnames = [...'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨'];
const givenCharacters = [...'翊婧珂琰瑾璐骁彧劭瑄昶煜'];
const streetCharacters = [...'槐榆桦楸栎椿樟梧'];
const streetSuffixes = ['路', '街', '大道', '巷'];
const mobilePrefixes = ['130', '135', '138', '139', '150', '158', '177', '186', '199'];

export const chineseName = fc
  .tuple(fc.constantFrom(...surnames), fc.array(fc.constantFrom(...givenCharacters), { minLength: 1, maxLength: 2 }))
  .map(([surname, given]) => surname + given.join(''));

export const mobilePhone = fc.tuple(fc.constantFrom(...mobilePrefixes), fc.stringMatching(/^\d{8}$/)).map(([prefix, rest]) => prefix + rest);

export const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{3,9}$/), fc.constantFrom('example.cn', 'mail.example.com', 'test.org'))
  .map(([user, domain]) => `${user}@${domain}`);

export const streetAddress = fc
  .tuple(fc.array(fc.constantFrom(...streetCharacters), { minLength: 2, maxLength: 3 }), fc.constantFrom(...streetSuffixes), fc.integer({ min: 1, max: 999 }), fc.option(fc.integer({ min: 101, max: 2505 })))
  .map(([street, suffix, number, room]) => `郑州市金水区${street.join('')}${suffix}${number}号${room ? `${room}室` : ''}`);

export const orderRef = fc.tuple(fc.constantFrom('JD', 'TB', 'PDD', 'SN', ''), fc.stringMatching(/^\d{10,16}$/)).map(([shop, digits]) => shop + digits);

/** An 18-character resident ID: region, birth date, sequence and a check character (0-9 or X). */
export const residentId = fc
  .tuple(fc.constantFrom('410105', '410102', '410302'), fc.integer({ min: 1950, max: 2005 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.stringMatching(/^\d{3}$/), fc.constantFrom(...'0123456789X'))
  .map(([region, year, month, day, sequence, check]) => `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${sequence}${check}`);

export const purchaseDate = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export interface RandomPerson {
  name: string;
  phone: string;
  email: string;
  address: string;
  orderRef: string;
  residentId: string;
  purchaseDate: string;
}

export const person: fc.Arbitrary<RandomPerson> = fc.record({ name: chineseName, phone: mobilePhone, email, address: streetAddress, orderRef, residentId, purchaseDate });

/** How the details might be written: as given, spaced, hyphenated, full-width. */
const phoneForms = (phone: string) => [phone, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`, `+86 ${phone}`, [...phone].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('')];

/** A complaint narrative with the person's details spread through it. */
export function narrativeWith(p: RandomPerson, form: number): string {
  const phone = phoneForms(p.phone)[form % 5]!;
  const [year, month, day] = p.purchaseDate.split('-').map(Number) as [number, number, number];
  const dateForms = [p.purchaseDate, `${year}年${month}月${day}日`, `${year}/${month}/${day}`];
  return [
    `我叫${p.name}，${dateForms[form % 3]}在网上买了一台洗衣机，订单号${p.orderRef}。`,
    `用了一周就坏了，联系客服无果。我的电话是${phone}，邮箱 ${p.email}。`,
    `我住在${p.address}，商家派人上门检测后说是人为损坏，王经理拒绝退款。`,
    `身份证号${p.residentId}，请协会帮助调解。${p.name.slice(1).length >= 2 ? `（${p.name.slice(1)}）` : ''}`,
  ].join('');
}

/** The strings that must never be public. */
export function secretsOf(p: RandomPerson): string[] {
  return [p.name, p.phone, p.email, p.address, p.orderRef, p.residentId, p.purchaseDate, ...(p.name.slice(1).length >= 2 ? [p.name.slice(1)] : [])];
}
