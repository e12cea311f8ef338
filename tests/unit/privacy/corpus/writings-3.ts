import type { Writing } from './writing';
import { consumers } from './writing';

const { zhangWei, liXiuying, wangJianguo, liuYang, chenJingyi, zhaoLei, ouyangNana, liMing } = consumers;

/** Order and tracking numbers, the purchase date: never public (the merchant sees them in the case). */
export const referenceWritings: Writing[] = [
  { consumer: zhangWei, text: '订单号：JD20261001123456，10月1日下单，10月8日才发货。', gone: [['order', 'JD20261001123456'], ['date', '10月1日']], keep: ['10月8日才发货'] },
  { consumer: zhangWei, text: '2026年10月1日在京东买的，订单编号 3021456789012，价格4299元。', gone: [['date', '2026年10月1日'], ['order', '3021456789012']], keep: ['4299元'] },
  { consumer: liXiuying, text: '快递单号SF1234567890123，显示已签收，但我没收到。', gone: [['order', 'SF1234567890123']], keep: ['显示已签收'] },
  { consumer: liXiuying, text: '购买日期2026/9/18，订单号 TB-8899001122，保修期一年。', gone: [['date', '2026/9/18'], ['order', 'TB-8899001122']], keep: ['保修期一年'] },
  { consumer: wangJianguo, text: '小票流水号 00123456789，9月20号买的，收银员多收了15元。', gone: [['order', '00123456789'], ['date', '9月20号']], keep: ['多收了15元'] },
  { consumer: liuYang, text: 'order no. PDD2026091512345, paid 89.9 yuan on 2026-09-15.', gone: [['order', 'PDD2026091512345'], ['date', '2026-09-15']], keep: ['89.9 yuan'] },
  { consumer: chenJingyi, text: '运单号：YT7788990011223，物流停在郑州转运中心7天。', gone: [['order', 'YT7788990011223']], keep: ['郑州转运中心7天'] },
  { consumer: zhaoLei, text: '我在2026.08.30买的车险，保单号PICC123456789，理赔被拒。', gone: [['date', '2026.08.30'], ['order', 'PICC123456789']], keep: ['理赔被拒'] },
  { consumer: ouyangNana, text: '交易号 4200001234202609015678，会员费198元。', gone: [['order', '4200001234202609015678']], keep: ['会员费198元'] },
  { consumer: liMing, text: '订单号是 1234-5678-9012，8月8日买的，说好8月10日送到。', gone: [['order', '1234-5678-9012'], ['date', '8月8日']], keep: ['8月10日送到'] },
];

/** Stories with many ordinary numbers and no personal data: everything stays. */
export const storyWritings: Writing[] = [
  { consumer: zhangWei, text: '购买的空调型号 KFR-35GW 制冷不好，花了 3299 元，项目经理说下周来修，店长不同意退货。', gone: [], keep: ['KFR-35GW', '3299 元', '项目经理说下周来修', '店长不同意退货'] },
  { consumer: zhangWei, text: '2026年10月3日第一次报修，10月12日第二次，10月20日第三次，一共修了3次还是不行。', gone: [], keep: ['2026年10月3日', '10月12日', '10月20日', '3次'] },
  { consumer: liXiuying, text: '买了iPhone 15 Pro Max 256GB，到手价8999元，激活后发现是翻新机。', gone: [], keep: ['iPhone 15 Pro Max', '256GB', '8999元'] },
  { consumer: liXiuying, text: '洗衣机XQB80-8208使用不到30天，脱水时噪音超过80分贝。', gone: [], keep: ['XQB80-8208', '30天', '80分贝'] },
  { consumer: wangJianguo, text: '套餐原价1999元，活动价1299元，实付1,299.00元，承诺12期免息。', gone: [], keep: ['1999元', '1299元', '1,299.00元', '12期免息'] },
  { consumer: wangJianguo, text: '预付卡充值5000元，余额还剩3280.50元，门店突然关门。', gone: [], keep: ['5000元', '3280.50元', '门店突然关门'] },
  { consumer: liuYang, text: '车辆VIN码不方便提供，车是2023款的，行驶了18000公里，变速箱异响。', gone: [], keep: ['2023款', '18000公里', '变速箱异响'] },
  { consumer: liuYang, text: '买了2箱共24瓶矿泉水，其中6瓶有异物，保质期至2027-03-01。', gone: [], keep: ['2箱共24瓶', '6瓶有异物', '2027-03-01'] },
  { consumer: chenJingyi, text: '报名费680元，课时费共计12800元，上了8节课就换了老师。', gone: [], keep: ['680元', '12800元', '8节课'] },
  { consumer: chenJingyi, text: '房子是3室2厅，装修公司报价15万，实际收了18.6万，增项没有签字。', gone: [], keep: ['3室2厅', '15万', '18.6万'] },
  { consumer: zhaoLei, text: '电动车型号TDR-2088Z，电池48V20Ah，续航只有标称的一半。', gone: [], keep: ['TDR-2088Z', '48V20Ah', '一半'] },
  { consumer: zhaoLei, text: '在第3单元的课程之后，机构再也没有排课，合同编号见附件。', gone: [], keep: ['第3单元', '合同编号见附件'] },
  { consumer: ouyangNana, text: '美容卡办了10次的疗程，只做了2次，剩余8次不给退，每次398元。', gone: [], keep: ['10次', '2次', '8次', '398元'] },
  { consumer: ouyangNana, text: '冰箱容量216升，一级能效，但实际每天耗电2.5度。', gone: [], keep: ['216升', '2.5度'] },
  { consumer: liMing, text: 'The laptop (ThinkPad X1 Carbon Gen 11, 32GB) cost 12,999 yuan and died after 45 days.', gone: [], keep: ['ThinkPad X1 Carbon Gen 11', '32GB', '12,999 yuan', '45 days'] },
  { consumer: liMing, text: '商场3楼的专卖店，营业时间9:30-21:30，打了400-820-8820也没用。', gone: [], keep: ['商场3楼', '9:30-21:30'] },
  { consumer: zhangWei, text: '维修师傅上门3次，更换了压缩机，收费650元，保修期内不应收费。', gone: [], keep: ['上门3次', '650元', '保修期内不应收费'] },
  { consumer: liXiuying, text: '网购的羽绒服标称含绒量90%，检测只有50%，价格1580元。', gone: [], keep: ['90%', '50%', '1580元'] },
  { consumer: wangJianguo, text: '客服回复说要等7-15个工作日，现在已经过了22个工作日。', gone: [], keep: ['7-15个工作日', '22个工作日'] },
  { consumer: liuYang, text: '我要求退一赔三，按《消费者权益保护法》第55条，赔偿金额为3×2999=8997元。', gone: [], keep: ['第55条', '8997元', '退一赔三'] },
  { consumer: chenJingyi, text: '外卖平台下单38.5元，配送费5元，送达时间超过了1小时20分钟。', gone: [], keep: ['38.5元', '配送费5元', '1小时20分钟'] },
  { consumer: zhaoLei, text: '燃气热水器JSQ25-13WH1安装后第2天就漏水，泡坏了木地板约15平方米。', gone: [], keep: ['JSQ25-13WH1', '第2天', '15平方米'] },
  { consumer: ouyangNana, text: '两台电脑一台开不了机，另一台屏幕有3个坏点，总价两万一千元。', gone: [], keep: ['两台电脑', '3个坏点', '两万一千元'] },
  { consumer: liMing, text: '手机型号Mate 60 Pro，系统版本4.0.0.126，升级后无法开机。', gone: [], keep: ['Mate 60 Pro', '4.0.0.126'] },
];

/** Whole complaints as people write them: several kinds at once. */
export const mixedWritings: Writing[] = [
  {
    consumer: zhangWei,
    text: '本人张伟（电话138 0013 8000），2026年10月1日在花园路58-2号的门店买了一台海尔冰箱BCD-470，价格5999元。第3天就不制冷，店员王芳说是我自己摔的。请联系我：zhangwei88＠qq．com 或微信 zw_888888。',
    gone: [['name', '张伟'], ['phone', '138 0013 8000'], ['date', '2026年10月1日'], ['address', '花园路58-2号'], ['staff', '王芳'], ['email', 'zhangwei88＠qq．com'], ['social', 'zw_888888']],
    keep: ['海尔冰箱', 'BCD-470', '5999元', '第3天就不制冷'],
  },
  {
    consumer: liXiuying,
    text: '李秀英，一三九一二三四五六七八。家住李庄村三组18号。9月5日在镇上买的电动车2680元，骑了20公里就没电，客服小刘不接电话。',
    gone: [['name', '李秀英'], ['phone', '一三九一二三四五六七八'], ['address', '李庄村三组18号'], ['staff', '小刘']],
    keep: ['电动车2680元', '20公里'],
  },
  {
    consumer: wangJianguo,
    text: '我是王建国，身份证410302 19660315 4411，在健身房办年卡3600元，王经理承诺可以转卡，现在店关了。退款请打6222 0212 3456 7890 123。',
    gone: [['name', '王建国'], ['idNumber', '410302 19660315 4411'], ['staff', '王经理'], ['bankCard', '6222 0212 3456 7890 123']],
    keep: ['年卡3600元', '现在店关了'],
  },
  {
    consumer: liuYang,
    text: 'Liu Yang, 186-3800-1234, liuyang at 163 dot com. Bought a 4K TV (model 65E3K) for 3,499 yuan; the panel cracked in 5 days.',
    gone: [['name', 'Liu Yang'], ['phone', '186-3800-1234'], ['email', 'liuyang at 163 dot com']],
    keep: ['65E3K', '3,499 yuan', '5 days'],
  },
  {
    consumer: chenJingyi,
    text: '陳靜怡　电话１７７　０３７１　５５６６　住阳光花园5栋1702室。10月2日买的护肤品一共3瓶，用后过敏，导购赵丽说不关她们的事。',
    gone: [['name', '陳靜怡'], ['phone', '１７７　０３７１　５５６６'], ['address', '阳光花园5栋1702室'], ['staff', '赵丽'], ['date', '10月2日']],
    keep: ['一共3瓶', '用后过敏'],
  },
  {
    consumer: zhaoLei,
    text: '赵磊，vx：zhaolei_1990，QQ 865 432 109。在二手平台买了一部手机1100元，卖家发来的是模型机。卖家电话15938271234。',
    gone: [['name', '赵磊'], ['social', 'zhaolei_1990'], ['social', '865 432 109'], ['phone', '15938271234']],
    keep: ['1100元', '模型机'],
  },
  {
    consumer: ouyangNana,
    text: '欧阳娜娜，电话18937101234。张庄村十一组37号。保健品推销员小黄骗我母亲买了3800元的产品，说能治高血压。',
    gone: [['name', '欧阳娜娜'], ['phone', '18937101234'], ['address', '张庄村十一组37号'], ['staff', '小黄']],
    keep: ['3800元', '高血压'],
  },
  {
    consumer: liMing,
    text: '李明，邮箱 liming2000@example.cn，手机 131 2345 6789。8月8日买的洗碗机，安装师傅老刘多收了300元，绿城百合公寓8号楼。',
    gone: [['name', '李明'], ['email', 'liming2000@example.cn'], ['phone', '131 2345 6789'], ['date', '8月8日'], ['staff', '老刘'], ['address', '绿城百合公寓8号楼']],
    keep: ['洗碗机', '多收了300元'],
  },
];
