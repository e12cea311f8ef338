import type { Label } from '../../../functions/domain/i18n';
import { textOf } from '../ui/i18n';

/** The tracking page's own words (headline, the consumer's actions) in both languages; `{name}` is filled in. */
export const trackTexts = {
  closedOn: { 'zh-CN': '已办结（{date}）', en: 'Closed on {date}' },
  notAcceptedReason: { 'zh-CN': '不予受理的原因：{reason}', en: 'Why it was not accepted: {reason}' },
  nextRoutes: { 'zh-CN': '接下来您可以：{reason}', en: 'What you can do next: {reason}' },
  inStep: { 'zh-CN': '{status} · {step}', en: '{status} · {step}' },
  agreementGot: { 'zh-CN': '达成的结果：{amount}', en: 'What was agreed: {amount}' },
  yourRating: { 'zh-CN': '您的评价：{rating} 分（满分 5 分）', en: 'Your rating: {rating} out of 5' },

  detailsTitle: { 'zh-CN': '投诉详情', en: 'About the complaint' },
  actionsTitle: { 'zh-CN': '您现在可以', en: 'What you can do now' },
  actionsNone: { 'zh-CN': '目前不需要您做什么。有新进展时，本页会显示。', en: 'Nothing is needed from you now. This page shows any news.' },
  action_accept_offer: { 'zh-CN': '接受解决方案', en: 'Accept the offer' },
  action_reject_offer: { 'zh-CN': '拒绝解决方案', en: 'Reject the offer' },
  action_withdraw: { 'zh-CN': '撤回投诉', en: 'Withdraw the complaint' },
  action_add_info: { 'zh-CN': '补充材料', en: 'Add information' },
  action_rate: { 'zh-CN': '评价处理结果', en: 'Rate the handling' },
  action_mute_sms: { 'zh-CN': '不再接收短信通知', en: 'Stop SMS for this case' },

  acceptIntro: {
    'zh-CN': '接受后，投诉即按此方案解决并办结，之后不能再撤回。方案：{amount}，{terms}',
    en: 'Once you accept, the complaint is settled on these terms and closed; you cannot withdraw it afterwards. The offer: {amount}, {terms}',
  },
  rejectIntro: { 'zh-CN': '拒绝后，调解或协商继续进行。', en: 'If you reject it, mediation or negotiation goes on.' },
  rejectText: { 'zh-CN': '拒绝的理由', en: 'Why you reject it' },
  withdrawIntro: {
    'zh-CN': '撤回后，投诉不再处理并办结，撤回后不能恢复。',
    en: 'Once withdrawn, the complaint is no longer handled and is closed; this cannot be undone.',
  },
  muteSmsIntro: {
    'zh-CN': '确认后，本案的进展不再以短信通知您，此操作不能撤销；如留有电子邮箱，邮件通知照常发送。',
    en: 'Once confirmed, news of this case is no longer sent to you by SMS; this cannot be undone. E-mail, if you gave an address, still goes.',
  },
  withdrawText: { 'zh-CN': '撤回的原因', en: 'Why you withdraw it' },
  addInfoText: { 'zh-CN': '补充的情况', en: 'What you want to add' },
  addInfoHint: { 'zh-CN': '例如新的证据、与商家的沟通情况。不要填写身份证号、银行卡号等。', en: 'For example new evidence or what the merchant told you. Do not enter ID or bank card numbers.' },
  rateIntro: { 'zh-CN': '请评价本次投诉的处理情况，只能评价一次，{date} 前有效。', en: 'Rate how your complaint was handled. You can rate once, until {date}.' },
  rating: { 'zh-CN': '评分（1 分最差，5 分最好）', en: 'Rating (1 is worst, 5 is best)' },
  ratingValue: { 'zh-CN': '{n} 分', en: '{n}' },
  ratingComment: { 'zh-CN': '意见或建议', en: 'Comment' },

  confirm_accept_offer: { 'zh-CN': '确认接受', en: 'Accept the offer' },
  confirm_reject_offer: { 'zh-CN': '确认拒绝', en: 'Reject the offer' },
  confirm_withdraw: { 'zh-CN': '确认撤回', en: 'Withdraw' },
  confirm_add_info: { 'zh-CN': '提交补充材料', en: 'Send' },
  confirm_rate: { 'zh-CN': '提交评价', en: 'Send the rating' },
  confirm_mute_sms: { 'zh-CN': '确认停止短信', en: 'Stop SMS' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  sending: { 'zh-CN': '正在提交……', en: 'Sending…' },

  done_accept_offer: { 'zh-CN': '您已接受解决方案，投诉已解决。', en: 'You accepted the offer; the complaint is resolved.' },
  done_reject_offer: { 'zh-CN': '您已拒绝解决方案。', en: 'You rejected the offer.' },
  done_withdraw: { 'zh-CN': '投诉已撤回。', en: 'The complaint is withdrawn.' },
  done_add_info: { 'zh-CN': '补充材料已提交。', en: 'Your information was added.' },
  done_rate: { 'zh-CN': '感谢您的评价。', en: 'Thank you for your rating.' },
  done_mute_sms: { 'zh-CN': '本案不再向您发送短信通知。', en: 'You will get no more SMS for this case.' },
  changedMeanwhile: {
    'zh-CN': '投诉在此期间有了新进展，页面已更新。请查看后再操作。',
    en: 'The case changed in the meantime and the page now shows it as it is. Check it and try again.',
  },
  actionFailed: { 'zh-CN': '没有提交成功，请稍后重试。', en: 'That did not go through; please try again later.' },
} satisfies Record<string, Label>;

export type TrackTextKey = keyof typeof trackTexts;

export function tt(key: TrackTextKey, params: Record<string, string | number> = {}): string {
  return textOf(trackTexts, key, params);
}
