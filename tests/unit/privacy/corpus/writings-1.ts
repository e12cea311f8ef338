import type { Writing } from './writing';
import { consumers } from './writing';

const { zhangWei, liXiuying, wangJianguo, liuYang, chenJingyi, zhaoLei } = consumers;

/** Phones as people type them: separators, full-width and mathematical digits, Chinese numerals, country codes. */
export const phoneWritings: Writing[] = [
  { consumer: zhangWei, text: '我的电话138.0013.8000，白天随时可以打。', gone: [['phone', '138.0013.8000']], keep: ['白天随时可以打'] },
  { consumer: zhangWei, text: '联系电话：138，0013，8000（工作日）', gone: [['phone', '138，0013，8000']], keep: ['工作日'] },
  { consumer: zhangWei, text: '有事打我手机 138–0013–8000 或者 138—0013—8000 都行', gone: [['phone', '138–0013–8000'], ['phone', '138—0013—8000']], keep: ['都行'] },
  { consumer: liXiuying, text: '本人电话139  1234  5678，商家至今没有回复。', gone: [['phone', '139  1234  5678']], keep: ['商家至今没有回复'] },
  { consumer: liXiuying, text: '电话１３９１２３４５６７８，买的美的冰箱BCD-215，花了2399元。', gone: [['phone', '１３９１２３４５６７８']], keep: ['BCD-215', '2399元', '美的冰箱'] },
  { consumer: liXiuying, text: '手机：𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖，希望尽快处理。', gone: [['phone', '𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖']], keep: ['希望尽快处理'] },
  { consumer: wangJianguo, text: '我号码是一五〇三六七八一二三四，怕被屏蔽所以这样写。', gone: [['phone', '一五〇三六七八一二三四']], keep: ['怕被屏蔽所以这样写'] },
  { consumer: wangJianguo, text: '打幺五零三六七八幺两三四找我', gone: [['phone', '幺五零三六七八幺两三四']], keep: ['找我'] },
  { consumer: wangJianguo, text: '电话1\u200b5\u200b0\u200b3\u200b6\u200b7\u200b8\u200b1\u200b2\u200b3\u200b4，下单时间是10月3日，共计860元。', gone: [['phone', '15036781234']], keep: ['10月3日', '860元'] },
  { consumer: liuYang, text: '+86 186 3800 1234，微信同号。快递三天没到。', gone: [['phone', '+86 186 3800 1234'], ['phone', '186 3800 1234']], keep: ['快递三天没到'] },
  { consumer: liuYang, text: '联系方式（186）3800-1234 刘女士', gone: [['phone', '（186）3800-1234']], keep: ['女士'] },
  { consumer: liuYang, text: '电话0086-18638001234，订单金额是1,280元。', gone: [['phone', '0086-18638001234']], keep: ['1,280元'] },
  { consumer: chenJingyi, text: '电话是177/0371/5566，请帮忙协调退款。', gone: [['phone', '177/0371/5566']], keep: ['请帮忙协调退款'] },
  { consumer: chenJingyi, text: '我电话：１７７－０３７１－５５６６，买了3件衣服，其中2件有破洞。', gone: [['phone', '１７７－０３７１－５５６６']], keep: ['3件衣服', '2件有破洞'] },
  { consumer: chenJingyi, text: '电话 177·0371·5566，已经等了15天。', gone: [['phone', '177·0371·5566']], keep: ['15天'] },
  { consumer: zhaoLei, text: '我的手机号是135 9876 5432，另外我爱人的电话是13698765432也可以。', gone: [['phone', '135 9876 5432'], ['phone', '13698765432']], keep: ['我爱人的电话'] },
  { consumer: zhaoLei, text: '售后电话打了20多次都没人接，我的号码1 3 5 9 8 7 6 5 4 3 2。', gone: [['phone', '1 3 5 9 8 7 6 5 4 3 2']], keep: ['20多次'] },
  { consumer: zhaoLei, text: '门店座机0371-66668888一直占线，店里说让我打(0371)65432109。', gone: [['phone', '0371-66668888'], ['phone', '(0371)65432109']], keep: ['一直占线'] },
  { consumer: zhangWei, text: '快递员电话 15838381234 说放在驿站了，但我没收到，价值599元。', gone: [['phone', '15838381234']], keep: ['599元', '驿站'] },
  { consumer: zhangWei, text: '座机：010 8765 4321（家里），手机见登记信息。', gone: [['phone', '010 8765 4321']], keep: ['家里'] },
  { consumer: liXiuying, text: '电话一三九 一二三四 五六七八，商家说7天无理由退货不适用。', gone: [['phone', '一三九 一二三四 五六七八']], keep: ['7天无理由退货'] },
  { consumer: liuYang, text: '我的联系电话是壹捌陆叁捌零零壹贰叁肆。', gone: [['phone', '壹捌陆叁捌零零壹贰叁肆']], keep: ['我的联系电话是'] },
  { consumer: chenJingyi, text: 'Tel: 177 0371 5566. The heater (model DR-2000) broke after 3 days.', gone: [['phone', '177 0371 5566']], keep: ['DR-2000', '3 days'] },
  { consumer: zhaoLei, text: '电话:135-9876-5432 收货地址就是登记的那个，一共买了4箱牛奶，每箱68元。', gone: [['phone', '135-9876-5432']], keep: ['4箱牛奶', '68元'] },
  { consumer: wangJianguo, text: '电话15036781234/13700001111均可', gone: [['phone', '15036781234'], ['phone', '13700001111']], keep: ['均可'] },
];

/** ID numbers, bank cards, e-mail addresses. */
export const identityWritings: Writing[] = [
  { consumer: zhangWei, text: '身份证号410105199001011234，实名购买的手机。', gone: [['idNumber', '410105199001011234']], keep: ['实名购买的手机'] },
  { consumer: zhangWei, text: '身份证：410105 19900101 123X，购买时登记过。', gone: [['idNumber', '410105 19900101 123X']], keep: ['购买时登记过'] },
  { consumer: liXiuying, text: '我的证件号是 4101 0219 8505 0600 2x ，请核实。', gone: [['idNumber', '4101 0219 8505 0600 2x']], keep: ['请核实'] },
  { consumer: liXiuying, text: '身份证４１０３０２１９７８１２１２００３Ｘ，已上传照片。', gone: [['idNumber', '４１０３０２１９７８１２１２００３Ｘ']], keep: ['已上传照片'] },
  { consumer: wangJianguo, text: '身份证410302-19660315-4411，老人用的。', gone: [['idNumber', '410302-19660315-4411']], keep: ['老人用的'] },
  { consumer: wangJianguo, text: '退款请打到我的银行卡6222 0212 3456 7890 123，开户行工商银行。', gone: [['bankCard', '6222 0212 3456 7890 123']], keep: ['开户行工商银行'] },
  { consumer: liuYang, text: '卡号：6217-0023-1000-4567-890，持卡人本人。', gone: [['bankCard', '6217-0023-1000-4567-890']], keep: ['持卡人本人'] },
  { consumer: liuYang, text: '退到 6228480402564890018 这张农行卡就行，金额1500元。', gone: [['bankCard', '6228480402564890018']], keep: ['1500元', '农行卡'] },
  { consumer: chenJingyi, text: '信用卡 4392 2600 1234 5678 被多扣了两次99元。', gone: [['bankCard', '4392 2600 1234 5678']], keep: ['两次99元'] },
  { consumer: chenJingyi, text: '我邮箱chenjy2020＠qq．com，发票请发这里。', gone: [['email', 'chenjy2020＠qq．com']], keep: ['发票请发这里'] },
  { consumer: zhaoLei, text: '邮箱：zhaolei at 163 dot com', gone: [['email', 'zhaolei at 163 dot com']], keep: ['邮箱'] },
  { consumer: zhaoLei, text: '材料已发到 zhao_lei(at)sina(dot)cn ，请查收', gone: [['email', 'zhao_lei(at)sina(dot)cn']], keep: ['请查收'] },
  { consumer: zhangWei, text: '邮箱 zhangwei88@qq.com ，也可以发到 zw.backup @ 126 . com', gone: [['email', 'zhangwei88@qq.com'], ['email', 'zw.backup @ 126 . com']], keep: ['也可以发到'] },
  { consumer: liXiuying, text: 'email: lixiuying#gmail.com（#换成@）', gone: [['email', 'lixiuying#gmail.com']], keep: ['换成'] },
  { consumer: liuYang, text: '我的邮箱liuyang@163.com，商家客服邮箱是service@shop-example.cn。', gone: [['email', 'liuyang@163.com'], ['email', 'service@shop-example.cn']], keep: ['商家客服邮箱是'] },
  { consumer: wangJianguo, text: 'QQ邮箱 2456789012@qq.com 已收到对方的拒绝邮件。', gone: [['email', '2456789012@qq.com']], keep: ['拒绝邮件'] },
  { consumer: chenJingyi, text: '邮箱是 chen.jingyi艾特outlook点com', gone: [['email', 'chen.jingyi艾特outlook点com']], keep: ['邮箱是'] },
  { consumer: zhaoLei, text: '身份证410105198812120017，银行卡6214 8301 2345 6789，都是本人的。', gone: [['idNumber', '410105198812120017'], ['bankCard', '6214 8301 2345 6789']], keep: ['都是本人的'] },
  { consumer: zhangWei, text: '证件号码：41010519900101123X；邮箱：zhangwei88@qq.com；手机：13800138000。', gone: [['idNumber', '41010519900101123X'], ['email', 'zhangwei88@qq.com'], ['phone', '13800138000']], keep: ['证件号码'] },
  { consumer: liXiuying, text: '身份证号码 4 1 0 1 0 2 1 9 8 5 0 5 0 6 0 0 2 X 复印件已交给店里。', gone: [['idNumber', '4 1 0 1 0 2 1 9 8 5 0 5 0 6 0 0 2 X']], keep: ['复印件已交给店里'] },
];
