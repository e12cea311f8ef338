import type { CaseRecord } from '../../../functions/domain/complaints/case';
import { messagesFor, noticesFor } from '../../../functions/domain/notifications/case-notifications';
import { notificationTemplates, render, smsSegmentCharacters, templateKeys } from '../../../functions/domain/notifications/templates';
import { validComplaint } from '../../fixtures/complaints';

const links = { trackingUrl: 'https://redress.example.cn/track.html' };

function caseWith(fields: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId: 'HN2611-AB12-CD34',
    version: 1,
    status: 'received',
    step: null,
    receivedAt: '2026-11-20T02:00:00.000Z',
    receivedOn: '2026-11-20',
    deadline: null,
    complaint: validComplaint() as unknown as CaseRecord['complaint'],
    accessCode: { algorithm: 'sha256-salted', salt: 's', hash: 'h' },
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...fields,
  };
}

const keysOf = (before: CaseRecord | undefined, after: CaseRecord, eventType?: string) => noticesFor({ before, after, eventType }, links).map((n) => `${n.recipient}:${n.key}`);

describe('which change notifies whom', () => {
  const received = caseWith();
  const accepted = caseWith({ version: 2, status: 'accepted', step: 'mediation' });

  it('filing: the consumer only', () => expect(keysOf(undefined, received)).toEqual(['consumer:filed']));
  it('filing routed in the same write: the filing notice, then what the routing tells', () => {
    const routing = { outcome: 'accepted', step: 'mediation' } as CaseRecord['routing'];
    expect(keysOf(undefined, { ...accepted, routing }, 'filed')).toEqual(['consumer:filed', 'consumer:accepted', 'merchant:merchant_new_case']);
    const refused = caseWith({ version: 2, status: 'not_accepted', routing: { outcome: 'not_accepted', reason: { 'zh-CN': '超过三年', en: 'Over 3 years' } } as unknown as CaseRecord['routing'] });
    expect(keysOf(undefined, refused, 'filed')).toEqual(['consumer:filed', 'consumer:refused']);
    // Left for a mediator: nothing but the filing notice until someone decides.
    expect(keysOf(undefined, caseWith({ version: 2, routing: { outcome: 'review' } as CaseRecord['routing'] }), 'filed')).toEqual(['consumer:filed']);
  });
  it('accepted: the consumer (with the step) and the merchant (a new case)', () => expect(keysOf(received, accepted, 'route_accept')).toEqual(['consumer:accepted', 'merchant:merchant_new_case']));
  it('refused: the consumer, with the reason', () => expect(keysOf(received, caseWith({ version: 2, status: 'not_accepted', refusalReason: 'out_of_scope' }), 'refuse')).toEqual(['consumer:refused']));
  it('a new step after a deadline passed', () => expect(keysOf(caseWith({ status: 'accepted', step: 'odr' }), accepted, 'odr_timeout')).toEqual(['consumer:deadline_passed']));
  it('a new step otherwise', () => expect(keysOf(caseWith({ status: 'accepted', step: 'advance_payout' }), accepted, 'reject_payout')).toEqual(['consumer:step']));
  it('an offer to the consumer; the answer to the merchant', () => {
    const offer = { id: 1, by: 'merchant' as const, amountFen: 50000, terms: '退款', at: '2026-11-21T00:00:00Z', status: 'open' as const };
    const offered = caseWith({ status: 'accepted', step: 'odr', offers: [offer] });
    expect(keysOf(caseWith({ status: 'accepted', step: 'odr' }), offered, 'make_offer')).toEqual(['consumer:offer']);
    expect(keysOf(offered, caseWith({ status: 'resolved', step: 'odr', offers: [{ ...offer, status: 'accepted' }] }), 'accept_offer')).toEqual(['consumer:outcome_resolved', 'merchant:merchant_offer_answer']);
  });
  it('mediation failed: the outcome with the routes left; closing: the rating invitation', () => {
    expect(keysOf(accepted, caseWith({ status: 'unresolved', step: 'mediation' }), 'end_unresolved')).toEqual(['consumer:outcome_unresolved']);
    expect(keysOf(caseWith({ status: 'unresolved', step: 'mediation' }), caseWith({ status: 'closed', step: 'mediation', deadline: { kind: 'rating', date: '2026-12-20' } }), 'close')).toEqual(['consumer:rating_invitation']);
  });
  it('a disclosure candidate: the merchant, with the objection window', () => {
    const candidate = caseWith({ status: 'accepted', step: 'disclosure', disclosure: { state: 'candidate', publicRef: 'GS-1', candidateOn: '2026-11-20', objectionUntil: '2026-11-27' } as CaseRecord['disclosure'] });
    expect(keysOf(caseWith({ status: 'accepted', step: 'disclosure' }), candidate, 'disclosure_candidate')).toEqual(['merchant:merchant_disclosure']);
  });
  it('a note or any change a party need not know of: nobody', () => expect(keysOf(accepted, { ...accepted, version: 3 }, 'note')).toEqual([]));
});

describe('messages', () => {
  const filed = noticesFor({ after: caseWith() }, links);

  it('SMS to the phone and e-mail to the address given, in the language filed in', () => {
    const zh = messagesFor(filed, caseWith(), undefined);
    expect(zh.map((m) => [m.channel, m.to, m.lang])).toEqual([['sms', '13800138000', 'zh-CN'], ['email', 'zhangsan@example.cn', 'zh-CN']]);
    expect(zh[0]!.text).toBe('【维权通】投诉已收到，编号HN2611-AB12-CD34，查询：https://redress.example.cn/track.html');
    const en = messagesFor(filed, caseWith({ lang: 'en' }), undefined);
    expect(en[0]!.text).toBe('Redress: complaint HN2611-AB12-CD34 received. Track: https://redress.example.cn/track.html');
    expect(en[1]!.subject).toBe('Complaint received: HN2611-AB12-CD34');
  });

  it('no SMS once the consumer muted it; e-mail still goes', () => {
    expect(messagesFor(filed, caseWith({ smsMuted: true }), undefined).map((m) => m.channel)).toEqual(['email']);
  });

  it('a merchant without a contact gets nothing; with one, in Chinese', () => {
    const notices = noticesFor({ before: caseWith(), after: caseWith({ status: 'accepted', step: 'odr' }), eventType: 'route_accept' }, links);
    expect(messagesFor(notices, caseWith({ lang: 'en' }), undefined).filter((m) => m.recipient === 'merchant')).toEqual([]);
    const toMerchant = messagesFor(notices, caseWith({ lang: 'en' }), { email: 'shop@example.cn' }).filter((m) => m.recipient === 'merchant');
    expect(toMerchant).toEqual([expect.objectContaining({ channel: 'email', to: 'shop@example.cn', lang: 'zh-CN' })]);
  });
});

describe('templates', () => {
  const sample = { caseId: 'HN2611-AB12-CD34', link: 'https://redress.example.cn/track.html', step: '在线消费纠纷解决（ODR）', reason: '超过投诉时效', amount: '1299.00', until: '2026-12-20', answer: '接受' };

  it('exist for every key in both languages', () => {
    expect(Object.keys(notificationTemplates).sort()).toEqual([...templateKeys].sort());
  });

  it('fill every placeholder', () => {
    for (const key of templateKeys) for (const lang of ['zh-CN', 'en'] as const) expect(JSON.stringify(render(key, lang, sample))).not.toMatch(/\{\w+\}/);
  });

  /**
   * One SMS segment carries 70 characters (UCS-2). These exceed it with
   * realistic values, and why: the English filing text and both rating
   * invitations carry the tracking link (and the rating deadline); the English
   * unresolved outcome lists the three routes left (arbitration, court,
   * association litigation), which the SPEC requires. Everything else fits one
   * segment (a long refusal reason or step name can still push a text over).
   */
  const longer = new Set(['filed:en', 'rating_invitation:zh-CN', 'rating_invitation:en', 'outcome_unresolved:en']);

  it('keep SMS within one 70-character segment except the listed ones', () => {
    const over: string[] = [];
    for (const key of templateKeys) for (const lang of ['zh-CN', 'en'] as const) if ([...render(key, lang, sample).sms].length > smsSegmentCharacters) over.push(`${key}:${lang}`);
    expect(over.sort()).toEqual([...longer].sort());
  });

  it('never carry an access code', () => {
    for (const key of templateKeys) expect(JSON.stringify(notificationTemplates[key])).not.toMatch(/accessCode|查询码\}/);
  });
});
