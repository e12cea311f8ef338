import type { Label } from '../../../functions/domain/i18n';

/**
 * Every word the consumer pages show, in both languages. Code labels
 * (categories, statuses, steps ...) come from the seeds instead; validation
 * messages come from `functions/domain/validation/messages.ts`, shared with
 * the server. `{name}` marks a value filled in by `format`.
 */
export const texts = {
  brandName: { 'zh-CN': '维权通', en: 'Redress' },
  brandTagline: { 'zh-CN': '河南省消费投诉', en: 'Henan consumer complaints' },
  skipToContent: { 'zh-CN': '跳到正文', en: 'Skip to content' },
  navFile: { 'zh-CN': '我要投诉', en: 'File a complaint' },
  navTrack: { 'zh-CN': '查询进度', en: 'Track a complaint' },
  switchLanguage: { 'zh-CN': 'English', en: '中文' },
  switchLanguageLabel: { 'zh-CN': 'Switch to English', en: '切换到中文' },
  footerNote: {
    'zh-CN': '您的电话、地址等个人信息只用于处理投诉，不会公开。',
    en: 'Your phone number, address and other personal details are used only to handle the complaint and are never published.',
  },
  required: { 'zh-CN': '必填', en: 'required' },
  optional: { 'zh-CN': '选填', en: 'optional' },
  choose: { 'zh-CN': '请选择', en: 'Choose one' },

  // The complaint form
  formTitle: { 'zh-CN': '在线消费投诉', en: 'File a consumer complaint' },
  formIntro: {
    'zh-CN': '填写下面的表格即可投诉，无需注册。我们会在 7 个工作日内决定是否受理，并安排商家协商、消费者协会调解或先行赔付。',
    en: 'Fill in the form below to complain; no account is needed. Within 7 working days we decide whether to accept the complaint and arrange settlement with the merchant, mediation by a consumer association, or an advance payout.',
  },
  formRequiredNote: { 'zh-CN': '标有“必填”的项目必须填写，其余可以不填。', en: 'Fields marked “required” must be filled in; the rest are optional.' },
  sectionConsumer: { 'zh-CN': '您的信息', en: 'About you' },
  sectionMerchant: { 'zh-CN': '商家信息', en: 'The merchant' },
  sectionPurchase: { 'zh-CN': '购买情况', en: 'The purchase' },
  sectionComplaint: { 'zh-CN': '投诉内容', en: 'The problem' },
  sectionClaim: { 'zh-CN': '您的诉求', en: 'What you ask for' },
  sectionConsent: { 'zh-CN': '信息公开', en: 'Publication' },

  consumerName: { 'zh-CN': '姓名', en: 'Your name' },
  consumerPhone: { 'zh-CN': '手机号码', en: 'Mobile number' },
  consumerPhoneHint: { 'zh-CN': '11 位中国大陆手机号码，用于联系您。', en: 'An 11-digit mainland China mobile number, so we can contact you.' },
  verificationCode: { 'zh-CN': '短信验证码', en: 'Code from the text message' },
  verificationHint: {
    'zh-CN': '验证手机号码后，投诉才会计入商家的公开记录并可被公示；只要求公示的投诉必须验证。',
    en: 'With a verified number your complaint counts in the merchant’s public record and may be published; a disclosure-only complaint needs one.',
  },
  getVerificationCode: { 'zh-CN': '获取验证码', en: 'Get a code' },
  verificationSent: { 'zh-CN': '验证码已发送，{seconds} 秒后可重新获取', en: 'Code sent. You can ask again in {seconds} s' },
  verificationWait: { 'zh-CN': '请 {seconds} 秒后再获取', en: 'Ask again in {seconds} s' },
  verificationResend: { 'zh-CN': '可以重新获取验证码', en: 'You can ask for a new code' },
  verificationPhoneFirst: { 'zh-CN': '请先填写正确的手机号码', en: 'Enter a valid mobile number first' },
  verificationFailedToSend: { 'zh-CN': '验证码发送失败，请稍后再试', en: 'The code could not be sent; try again later' },
  consumerEmail: { 'zh-CN': '电子邮箱', en: 'E-mail' },
  consumerRegion: { 'zh-CN': '您所在的地区', en: 'Where you live' },
  consumerAddress: { 'zh-CN': '详细地址', en: 'Address' },
  prefecture: { 'zh-CN': '市', en: 'City' },
  county: { 'zh-CN': '县（市、区）', en: 'County or district' },
  wholePrefecture: { 'zh-CN': '不确定 / 全市', en: 'Not sure / whole city' },
  chooseCityFirst: { 'zh-CN': '请先选择市', en: 'Choose the city first' },

  merchantName: { 'zh-CN': '商家名称', en: 'Merchant name' },
  merchantNameHint: { 'zh-CN': '店铺招牌、发票或营业执照上的名称。', en: 'The name on the shop sign, the receipt or the business licence.' },
  merchantCreditCode: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  merchantCreditCodeHint: {
    'zh-CN': '营业执照上的 18 位代码（数字和大写字母），每家企业唯一。填写后能更准确地找到商家；不知道可以不填。',
    en: 'The 18-character code (digits and capital letters) printed on the business licence (营业执照); every business has its own. It helps us find the right merchant; leave it empty if you do not know it.',
  },
  merchantRegion: { 'zh-CN': '商家所在地区', en: 'Where the merchant is' },
  merchantAddress: { 'zh-CN': '商家地址', en: 'Merchant address' },
  merchantPlatform: { 'zh-CN': '购物平台或网店', en: 'Platform or online shop' },
  merchantPlatformHint: { 'zh-CN': '网购时请写平台和店铺名称，例如“某某商城 某某旗舰店”。', en: 'For online purchases: the platform and the shop name.' },

  purchaseDate: { 'zh-CN': '购买日期', en: 'Date of purchase' },
  purchaseAmount: { 'zh-CN': '支付金额（元）', en: 'Amount paid (yuan)' },
  amountHint: { 'zh-CN': '以元为单位，最多两位小数，例如 1299.90。', en: 'In yuan, at most two decimals, e.g. 1299.90.' },
  purchaseChannel: { 'zh-CN': '购买方式', en: 'Where you bought it' },
  purchaseOrderRef: { 'zh-CN': '订单号', en: 'Order number' },

  category: { 'zh-CN': '商品或服务类别', en: 'Kind of goods or service' },
  categoryGoods: { 'zh-CN': '商品', en: 'Goods' },
  categoryServices: { 'zh-CN': '服务', en: 'Services' },
  issue: { 'zh-CN': '问题类型', en: 'What went wrong' },
  knownSince: { 'zh-CN': '发现问题的日期', en: 'Date you learned of the problem' },
  knownSinceHint: { 'zh-CN': '一般应在知道权益受损之日起三年内投诉。', en: 'Complaints are normally accepted within three years of this date.' },
  description: { 'zh-CN': '经过描述', en: 'What happened' },
  descriptionHint: {
    'zh-CN': '写清楚时间、经过、与商家沟通的情况，10 到 5000 字。',
    en: 'When and what happened, and what the merchant said: 10 to 5000 characters.',
  },
  characterCount: { 'zh-CN': '已输入 {count} / 5000 字', en: '{count} of 5000 characters' },
  characterCountShort: { 'zh-CN': '已输入 {count} 字，还需至少 {missing} 字', en: '{count} characters; at least {missing} more needed' },
  injuryQuestion: { 'zh-CN': '是否造成人身伤害？', en: 'Was anyone hurt?' },
  injuryNo: { 'zh-CN': '否', en: 'No' },
  injuryYes: { 'zh-CN': '是', en: 'Yes' },
  injuryHint: {
    'zh-CN': '汽车、电动自行车、家用电器、儿童用品造成的伤害会同时报告市场监管部门。',
    en: 'An injury caused by a vehicle, e-bike, appliance or children’s product is also reported to the market regulator.',
  },
  injuryDescription: { 'zh-CN': '伤害情况', en: 'The injury' },
  // SPEC section 5: the form tells the consumer what the merchant will see.
  merchantSeesDescription: {
    'zh-CN': '商家会看到您的姓名、隐去中间四位的手机号（如 138****8000）和这段经过；经过中的电话号码、身份证号、邮箱和银行卡号会先被删去。',
    en: 'The merchant sees your name, your phone number with its middle digits hidden (e.g. 138****8000) and this description, with any phone numbers, ID numbers, e-mail addresses and bank card numbers in it removed.',
  },
  merchantSeesInjury: {
    'zh-CN': '伤害情况只有消费者协会和监管部门能看到；商家只会知道您报告了人身伤害，看不到具体内容。',
    en: 'Only the consumer association and the regulator read about the injury; the merchant only learns that an injury was reported, not what it was.',
  },

  claimType: { 'zh-CN': '诉求', en: 'What you ask for' },
  claimAmount: { 'zh-CN': '要求金额（元）', en: 'Amount asked (yuan)' },

  consentLabel: { 'zh-CN': '同意公开我写的经过描述（已删去个人信息）', en: 'Publish my description of what happened (with personal details removed)' },
  consentHint: {
    'zh-CN': '按国家规定，投诉处理结束后会公示商家名称、类别、问题和处理结果，但不会公示您的个人信息。勾选后，您写的经过也会在删去电话、证件号、邮箱、姓名和地址后一起公示。不勾选不影响处理。',
    en: 'By national rules, the merchant’s name, the category, the problem and the outcome are published once the complaint is handled — never your personal details. If you tick this box, your description is published too, after phone numbers, ID numbers, e-mail addresses, names and addresses are removed. Leaving it unticked does not affect how your complaint is handled.',
  },

  submit: { 'zh-CN': '提交投诉', en: 'File complaint' },
  submitting: { 'zh-CN': '正在提交……', en: 'Filing…' },
  errorSummaryTitle: { 'zh-CN': '有 {count} 处需要修改', en: '{count} things need fixing' },
  errorSummaryTitleOne: { 'zh-CN': '有 1 处需要修改', en: '1 thing needs fixing' },
  summaryItem: { 'zh-CN': '{field}：{message}', en: '{field}: {message}' },
  amountFormat: { 'zh-CN': '请填写金额（元），最多两位小数', en: 'Enter an amount in yuan with at most two decimals' },
  errorTooLarge: { 'zh-CN': '内容太长，请缩短经过描述后再提交。', en: 'The complaint is too long; shorten the description and try again.' },
  errorUnsupported: { 'zh-CN': '提交格式有误，请刷新页面后重试。', en: 'The form could not be sent; reload the page and try again.' },
  errorTooMany: { 'zh-CN': '提交太频繁，请稍后再试。', en: 'Too many attempts; please wait a moment and try again.' },
  errorTooManySeconds: { 'zh-CN': '尝试次数过多，请 {seconds} 秒后再试。', en: 'Too many attempts; try again in {seconds} seconds.' },
  errorServer: { 'zh-CN': '系统暂时出错，您的投诉可能没有提交成功。请稍后再点一次“提交”，不会重复提交。', en: 'Something went wrong on our side and your complaint may not have been filed. Press “File complaint” again in a moment; it will not be filed twice.' },
  errorNetwork: { 'zh-CN': '网络连接失败。请检查网络后再点一次“提交”，不会重复提交。', en: 'The connection failed. Check your network and press “File complaint” again; it will not be filed twice.' },
  errorKeyReused: {
    'zh-CN': '表格在提交过程中被修改了。请检查内容后再点一次“提交投诉”。',
    en: 'The form changed while it was being filed. Check it and press “File complaint” again.',
  },
  errorUnexpected: { 'zh-CN': '出现了意外错误，请稍后重试。', en: 'Something unexpected happened; please try again later.' },

  // After filing
  successTitle: { 'zh-CN': '投诉已提交', en: 'Your complaint has been filed' },
  successKeep: {
    'zh-CN': '请现在就记下或复制投诉编号和查询码，凭它们查询进度。查询码只显示这一次，我们无法找回。',
    en: 'Write down or copy the case number and the access code now: you need both to track your complaint. The access code is shown only once and cannot be recovered.',
  },
  caseId: { 'zh-CN': '投诉编号', en: 'Case number' },
  accessCode: { 'zh-CN': '查询码', en: 'Access code' },
  copy: { 'zh-CN': '复制', en: 'Copy' },
  copyCaseId: { 'zh-CN': '复制投诉编号', en: 'Copy the case number' },
  copyAccessCode: { 'zh-CN': '复制查询码', en: 'Copy the access code' },
  copied: { 'zh-CN': '已复制', en: 'Copied' },
  copyFailed: { 'zh-CN': '无法自动复制，请手动选中后复制', en: 'Could not copy; select the text and copy it yourself' },
  successStatus: { 'zh-CN': '当前状态：', en: 'Status: ' },
  successDeadline: { 'zh-CN': '我们将在 {date} 之前决定是否受理。', en: 'We will decide whether to accept it by {date}.' },
  provisional: {
    'zh-CN': '（该年度节假日安排尚未公布，日期可能调整）',
    en: '(the year’s public holidays are not published yet, so this date may move)',
  },
  trackThis: { 'zh-CN': '查看处理进度', en: 'Track this complaint' },
  fileAnother: { 'zh-CN': '再提交一份投诉', en: 'File another complaint' },

  // Tracking
  trackTitle: { 'zh-CN': '查询投诉进度', en: 'Track your complaint' },
  trackIntro: { 'zh-CN': '输入提交投诉时得到的投诉编号和查询码。', en: 'Enter the case number and access code you were given when you filed.' },
  trackSubmit: { 'zh-CN': '查询', en: 'Look up' },
  trackLoading: { 'zh-CN': '正在查询……', en: 'Looking up…' },
  trackNotFound: {
    'zh-CN': '没有找到与该投诉编号和查询码相符的投诉，请核对后再试。',
    en: 'There is no complaint with that case number and access code. Check both and try again.',
  },
  trackNetwork: { 'zh-CN': '网络连接失败，请检查网络后重试。', en: 'The connection failed. Check your network and try again.' },
  trackMissing: { 'zh-CN': '请填写投诉编号和查询码。', en: 'Enter both the case number and the access code.' },
  caseHeading: { 'zh-CN': '投诉 {caseId}', en: 'Complaint {caseId}' },
  status: { 'zh-CN': '状态', en: 'Status' },
  step: { 'zh-CN': '处理方式', en: 'How it is handled' },
  stepNone: { 'zh-CN': '尚未确定', en: 'Not decided yet' },
  deadline: { 'zh-CN': '当前期限', en: 'Current deadline' },
  deadlineNone: { 'zh-CN': '无', en: 'None' },
  routingReason: { 'zh-CN': '分派理由', en: 'Why it went this way' },
  receivedAt: { 'zh-CN': '提交时间', en: 'Filed' },
  merchant: { 'zh-CN': '商家', en: 'Merchant' },
  claim: { 'zh-CN': '诉求', en: 'Request' },
  timeline: { 'zh-CN': '处理记录', en: 'What has happened' },
  timelineTimes: { 'zh-CN': '时间均为北京时间。', en: 'Times are China Standard Time (UTC+8).' },
  offers: { 'zh-CN': '解决方案', en: 'Offers' },
  offersNone: { 'zh-CN': '暂无解决方案。', en: 'No offers yet.' },
  offerAmount: { 'zh-CN': '金额', en: 'Amount' },
  offerTerms: { 'zh-CN': '内容', en: 'Terms' },
  offerBy: { 'zh-CN': '提出方', en: 'Offered by' },
  offerStatus: { 'zh-CN': '状态', en: 'Status' },
  yuanAmount: { 'zh-CN': '{amount} 元', en: '¥{amount}' },
  inChinaTime: { 'zh-CN': '{time}（北京时间）', en: '{time} (China time)' },

  // Deadline kinds
  deadline_acceptance: { 'zh-CN': '受理决定', en: 'Decision on acceptance' },
  deadline_odr: { 'zh-CN': '商家协商', en: 'Settlement with the merchant' },
  deadline_mediation: { 'zh-CN': '调解', en: 'Mediation' },
  deadline_objection: { 'zh-CN': '商家对公示提出异议', en: 'Merchant’s objection to disclosure' },
  deadline_rating: { 'zh-CN': '评价处理结果', en: 'Rating the handling' },
  deadlineBy: { 'zh-CN': '{kind}：{date} 前', en: '{kind}: by {date}' },

  // Who did something (roles, never people)
  actor_consumer: { 'zh-CN': '消费者', en: 'Consumer' },
  actor_system: { 'zh-CN': '系统', en: 'System' },
  actor_mediator: { 'zh-CN': '消费者协会', en: 'Consumer association' },
  actor_merchant: { 'zh-CN': '商家', en: 'Merchant' },
  actor_regulator: { 'zh-CN': '市场监管部门', en: 'Market regulator' },
  actor_fund: { 'zh-CN': '先行赔付基金', en: 'Advance payout fund' },
  actor_admin: { 'zh-CN': '管理员', en: 'Administrator' },

  // Offer states
  offer_open: { 'zh-CN': '待您答复', en: 'Awaiting your answer' },
  offer_accepted: { 'zh-CN': '已接受', en: 'Accepted' },
  offer_rejected: { 'zh-CN': '已拒绝', en: 'Rejected' },
  offer_superseded: { 'zh-CN': '已被新方案取代', en: 'Replaced by a newer offer' },
  offer_lapsed: { 'zh-CN': '已失效', en: 'Lapsed' },
} satisfies Record<string, Label>;

export type TextKey = keyof typeof texts;

/**
 * What happened, by timeline event type: `filed`, then the lifecycle action
 * that made each change (the router's and the deadline sweep's included).
 * Types not listed show the status they led to instead, so a new event type
 * never shows a raw code alone.
 */
export const timelineTypes: Record<string, Label> = {
  filed: { 'zh-CN': '提交投诉', en: 'Complaint filed' },
  route_accept: { 'zh-CN': '受理并分派', en: 'Accepted and routed' },
  route_refuse: { 'zh-CN': '不予受理', en: 'Not accepted' },
  route_review: { 'zh-CN': '转交消费者协会审核', en: 'Passed to the consumer association to decide' },
  accept: { 'zh-CN': '消费者协会受理', en: 'Accepted by the consumer association' },
  refuse: { 'zh-CN': '消费者协会不予受理', en: 'Not accepted by the consumer association' },
  acceptance_timeout: { 'zh-CN': '受理期限届满，自动受理', en: 'Accepted: the decision period ran out' },
  claim: { 'zh-CN': '调解员接手', en: 'Taken on by a mediator' },
  note: { 'zh-CN': '备注', en: 'Note' },
  respond: { 'zh-CN': '商家答复', en: 'The merchant replied' },
  make_offer: { 'zh-CN': '商家提出解决方案', en: 'The merchant made an offer' },
  propose_offer: { 'zh-CN': '调解员提出解决方案', en: 'The mediator proposed an offer' },
  accept_offer: { 'zh-CN': '接受方案', en: 'Offer accepted' },
  reject_offer: { 'zh-CN': '拒绝方案', en: 'Offer rejected' },
  decline: { 'zh-CN': '商家拒绝和解', en: 'The merchant declined' },
  odr_timeout: { 'zh-CN': '协商期满，转入调解', en: 'Settlement period over: moved to mediation' },
  mediation_timeout: { 'zh-CN': '调解期满', en: 'Mediation period over' },
  record_agreement: { 'zh-CN': '达成调解协议', en: 'Agreement recorded' },
  end_unresolved: { 'zh-CN': '调解未成', en: 'Mediation ended without agreement' },
  add_info: { 'zh-CN': '补充材料', en: 'Information added' },
  withdraw: { 'zh-CN': '撤回投诉', en: 'Complaint withdrawn' },
  flag_collective: { 'zh-CN': '列为群体投诉', en: 'Flagged as a collective case' },
  follow_up: { 'zh-CN': '回访', en: 'Follow-up' },
  rate: { 'zh-CN': '评价', en: 'Rated' },
  mute_sms: { 'zh-CN': '停止短信通知', en: 'SMS stopped' },
  close: { 'zh-CN': '办结', en: 'Closed' },
  approve_payout: { 'zh-CN': '批准先行赔付', en: 'Advance payout approved' },
  reject_payout: { 'zh-CN': '不予先行赔付', en: 'Advance payout refused' },
  record_payment: { 'zh-CN': '已先行赔付', en: 'Advance payout made' },
  record_recovery: { 'zh-CN': '已向商家追偿', en: 'Recovered from the merchant' },
  disclosure_candidate: { 'zh-CN': '列入投诉信息公示', en: 'Queued for public disclosure' },
  object_disclosure: { 'zh-CN': '商家对公示提出异议', en: 'The merchant objected to disclosure' },
  withhold_disclosure: { 'zh-CN': '暂不公示', en: 'Disclosure withheld' },
  publish_disclosure: { 'zh-CN': '已公示', en: 'Published' },
  publish_due_disclosure: { 'zh-CN': '已公示', en: 'Published' },
};
