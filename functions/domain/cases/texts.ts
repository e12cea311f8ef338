import type { Label } from '../i18n';

/** What the timeline tells the consumer when the system moves a case, and the few messages of this module. */
export const caseTexts = {
  acceptanceTimeout: {
    'zh-CN': '7 个工作日的受理期限已过，投诉视为受理，转入相应处理程序。',
    en: 'The 7-working-day period for deciding acceptance has passed; the complaint is accepted and goes to the step that handles it.',
  },
  odrTimeout: {
    'zh-CN': '经营者未在 10 个工作日内与您和解，案件转由消费者协会调解。在线和解所用时间不计入调解期限。',
    en: 'The merchant did not settle within 10 working days; the consumer association now mediates. The time spent in direct negotiation does not count against the mediation deadline.',
  },
  payoutTimeout: {
    'zh-CN': '先行赔付基金未在 10 个工作日内作出决定，案件转由消费者协会调解。先行赔付所用时间不计入调解期限。',
    en: 'The guarantee fund did not decide within 10 working days; the consumer association now mediates. The time spent waiting for the fund does not count against the mediation deadline.',
  },
  /** SPEC section 2: without an agreement the consumer is told the next routes. */
  nextRoutes: {
    'zh-CN':
      '调解未能达成协议，调解程序终止。您还可以：向仲裁机构申请仲裁；向人民法院提起诉讼；或请求消费者协会支持诉讼（侵害众多消费者权益的，省级消费者协会可提起公益诉讼）。',
    en: 'Mediation ended without an agreement. Your next routes: apply for arbitration; sue in a people\'s court; or ask the consumer association to support your lawsuit (for harm to many consumers, the provincial association can bring a public-interest action).',
  },
  mediationTimeout: {
    'zh-CN': '自受理之日起 45 个工作日的调解期限已满。',
    en: 'The mediation period of 45 working days from acceptance has ended.',
  },
  smsMuted: {
    'zh-CN': '您已停止接收本案的短信通知；如留有电子邮箱，邮件通知照常发送。',
    en: 'You stopped SMS notifications for this case; e-mail notifications, if you gave an address, still go.',
  },
  emptyAgreement: {
    'zh-CN': '协议须至少包含一项：退款、赔偿、换货、维修或赔礼道歉',
    en: 'An agreement needs at least one of: refundFen, compensationFen, exchange, repair, apology',
  },
} satisfies Record<string, Label>;

/** `mediation_timeout` and `end_unresolved`: why it ended, then what the consumer can do next. */
export function unresolvedText(ranOut: boolean): Label {
  const lead = ranOut ? caseTexts.mediationTimeout : undefined;
  return {
    'zh-CN': lead ? `${lead['zh-CN']}${caseTexts.nextRoutes['zh-CN']}` : caseTexts.nextRoutes['zh-CN'],
    en: lead ? `${lead.en} ${caseTexts.nextRoutes.en}` : caseTexts.nextRoutes.en,
  };
}
