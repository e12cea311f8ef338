/**
 * One entry of the scrubbing corpus: a piece of real-world writing, the
 * consumer block it was filed with, what must disappear from it (and of
 * which kind) and what must stay for the story to be readable.
 */
export type GoneKind = 'phone' | 'idNumber' | 'email' | 'bankCard' | 'social' | 'address' | 'name' | 'staff' | 'order' | 'date';

export interface CorpusConsumer {
  name: string;
  phone: string;
  email?: string;
  address?: string;
  purchaseDate: string;
  orderRef?: string;
}

export interface Writing {
  consumer: CorpusConsumer;
  text: string;
  gone: [GoneKind, string][];
  keep: string[];
}

/** What the merchant view removes (SPEC section 5); the public narrative removes every kind. */
export const merchantKinds: ReadonlySet<GoneKind> = new Set(['phone', 'idNumber', 'email', 'bankCard']);

export const consumers = {
  zhangWei: { name: '张伟', phone: '13800138000', email: 'zhangwei88@qq.com', address: '郑州市金水区花园路58-2号', purchaseDate: '2026-10-01', orderRef: 'JD20261001123456' },
  liXiuying: { name: '李秀英', phone: '13912345678', purchaseDate: '2026-09-18' },
  wangJianguo: { name: '王建国', phone: '15036781234', address: '洛阳市西工区唐宫路16号院7栋1单元302', purchaseDate: '2026-09-20' },
  liuYang: { name: '刘洋', phone: '18638001234', email: 'liuyang@163.com', purchaseDate: '2026-09-15' },
  chenJingyi: { name: '陈静怡', phone: '17703715566', purchaseDate: '2026-10-02' },
  zhaoLei: { name: '赵磊', phone: '13598765432', purchaseDate: '2026-08-30' },
  ouyangNana: { name: '欧阳娜娜', phone: '18937101234', purchaseDate: '2026-07-11' },
  liMing: { name: '李明', phone: '13123456789', purchaseDate: '2026-08-08' },
} satisfies Record<string, CorpusConsumer>;
