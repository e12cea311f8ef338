import type { Writing } from './writing';
import { consumers } from './writing';

const { zhangWei, liXiuying, wangJianguo, liuYang, chenJingyi, zhaoLei, ouyangNana, liMing } = consumers;

/** WeChat and QQ accounts after their usual labels. */
export const socialWritings: Writing[] = [
  { consumer: zhangWei, text: '加我微信号：zhangwei_1988 详聊', gone: [['social', 'zhangwei_1988']], keep: ['详聊'] },
  { consumer: zhangWei, text: '微信 zw13800138000 也行，商家一直拖着。', gone: [['social', 'zw13800138000']], keep: ['商家一直拖着'] },
  { consumer: liXiuying, text: 'vx：lxy_520520，店主把我拉黑了。', gone: [['social', 'lxy_520520']], keep: ['店主把我拉黑了'] },
  { consumer: liXiuying, text: 'VX lixiuying66 ，购买了5盒面膜，每盒128元。', gone: [['social', 'lixiuying66']], keep: ['5盒面膜', '128元'] },
  { consumer: wangJianguo, text: 'V信：wjg-lyzs，有聊天记录截图。', gone: [['social', 'wjg-lyzs']], keep: ['有聊天记录截图'] },
  { consumer: wangJianguo, text: 'WeChat: wangjg_2023, the seller refused the refund of 450 yuan.', gone: [['social', 'wangjg_2023']], keep: ['450 yuan', 'refused the refund'] },
  { consumer: liuYang, text: 'QQ：865432109，商家QQ群里踢了我。', gone: [['social', '865432109']], keep: ['商家QQ群里踢了我'] },
  { consumer: liuYang, text: '扣扣 1234 5678 9，客服在扣扣上答应退款。', gone: [['social', '1234 5678 9']], keep: ['客服在扣扣上答应退款'] },
  { consumer: chenJingyi, text: '微信号是 chenjy_0371 ，加好友请备注投诉。', gone: [['social', 'chenjy_0371']], keep: ['加好友请备注投诉'] },
  { consumer: chenJingyi, text: 'wx：cjy19950606，跟卖家在微信上沟通过。', gone: [['social', 'cjy19950606']], keep: ['跟卖家在微信上沟通过'] },
  { consumer: zhaoLei, text: '企鹅号：2233445566，游戏账号被封，充值了648元。', gone: [['social', '2233445566']], keep: ['648元', '游戏账号被封'] },
  { consumer: zhaoLei, text: '微信：zl_henan（同手机号），用微信支付了2680元。', gone: [['social', 'zl_henan']], keep: ['用微信支付了2680元'] },
  { consumer: ouyangNana, text: '加我V：oyn_2021，或者Q：12345678，群里说不清。', gone: [['social', 'oyn_2021'], ['social', '12345678']], keep: ['群里说不清'] },
];

/** Street addresses, villages, compounds and rooms. */
export const addressWritings: Writing[] = [
  { consumer: zhangWei, text: '送货地址是花园路58-2号，结果送到了隔壁小区。', gone: [['address', '花园路58-2号']], keep: ['结果送到了隔壁小区'] },
  { consumer: zhangWei, text: '我家住在郑州市金水区花园路58-2号，快递员说送过了。', gone: [['address', '花园路58-2号'], ['address', '郑州市金水区花园路58-2号']], keep: ['快递员说送过了'] },
  { consumer: liXiuying, text: '老家在李庄村三组18号，家电下乡买的冰箱。', gone: [['address', '李庄村三组18号']], keep: ['家电下乡买的冰箱'] },
  { consumer: liXiuying, text: '住址：新密市岳村镇王营村5组，送货师傅嫌远不肯送。', gone: [['address', '王营村5组']], keep: ['不肯送'] },
  { consumer: wangJianguo, text: '安装地址幸福小区3号楼2单元501室，空调外机装歪了。', gone: [['address', '幸福小区3号楼2单元501室'], ['address', '501室']], keep: ['空调外机装歪了'] },
  { consumer: wangJianguo, text: '地址：洛阳市西工区唐宫路16号院7栋1单元302，房东也可作证。', gone: [['address', '唐宫路16号院7栋1单元302']], keep: ['房东也可作证'] },
  { consumer: liuYang, text: '我住阳光花园5栋1702室，楼下的店卖给我过期食品。', gone: [['address', '阳光花园5栋1702室'], ['address', '1702室']], keep: ['过期食品'] },
  { consumer: liuYang, text: '收货地址：文化路八十八号，买的是2斤装的茶叶。', gone: [['address', '文化路八十八号']], keep: ['2斤装的茶叶'] },
  { consumer: chenJingyi, text: '寄回地址是建设东路12之3号，对方拒收。', gone: [['address', '建设东路12之3号']], keep: ['对方拒收'] },
  { consumer: chenJingyi, text: '家在中原区秦岭路街道桐柏路126号2号楼3单元4楼东户。', gone: [['address', '桐柏路126号2号楼3单元4楼']], keep: ['东户'] },
  { consumer: zhaoLei, text: '地址：二七区大学路与淮河路交叉口华城国际B座2105室', gone: [['address', '2105室']], keep: ['二七区'] },
  { consumer: zhaoLei, text: 'Delivery address: 12 Garden Road, the courier left it outside.', gone: [['address', '12 Garden Road']], keep: ['the courier left it outside'] },
  { consumer: ouyangNana, text: '我家是张庄村十一组37号，老人买的保健品花了3800元。', gone: [['address', '张庄村十一组37号']], keep: ['3800元', '保健品'] },
  { consumer: ouyangNana, text: '住在金水区经三路32号，跑了3趟门店都没人管。', gone: [['address', '经三路32号']], keep: ['3趟门店'] },
  { consumer: liMing, text: '小区是绿城百合公寓8号楼，物业说不归他们管。', gone: [['address', '绿城百合公寓8号楼']], keep: ['物业说不归他们管'] },
];

/** The consumer's own name in full, given name, pinyin, traditional characters. */
export const nameWritings: Writing[] = [
  { consumer: zhangWei, text: '我叫张伟，购买的电视机第二天就黑屏了。', gone: [['name', '张伟']], keep: ['第二天就黑屏了'] },
  { consumer: zhangWei, text: '本人張偉，香港朋友帮我代购的，发票写的是张 伟。', gone: [['name', '張偉'], ['name', '张 伟']], keep: ['香港朋友帮我代购的'] },
  { consumer: zhangWei, text: '订单上的收货人是 Zhang Wei，也有写成zhangwei的。', gone: [['name', 'Zhang Wei'], ['name', 'zhangwei']], keep: ['订单上的收货人是'] },
  { consumer: zhangWei, text: '快递单上写的 ZHANG WEI / Wei Zhang，同一个人。', gone: [['name', 'ZHANG WEI'], ['name', 'Wei Zhang']], keep: ['同一个人'] },
  { consumer: liXiuying, text: '我是李秀英，家里人叫我秀英，快递单写的是Li Xiuying。', gone: [['name', '李秀英'], ['name', '秀英'], ['name', 'Li Xiuying']], keep: ['家里人叫我'] },
  { consumer: liXiuying, text: '签名：Lǐ Xiùyīng，日期是10月15日。', gone: [['name', 'Lǐ Xiùyīng']], keep: ['10月15日'] },
  { consumer: wangJianguo, text: '收货人王建國（繁体填写的），电话见登记。', gone: [['name', '王建國']], keep: ['繁体填写的'] },
  { consumer: wangJianguo, text: '账户名是 wang jian guo，充值的3000元不见了。', gone: [['name', 'wang jian guo']], keep: ['3000元'] },
  { consumer: wangJianguo, text: '店员喊我建国大哥，推销了一张2980元的年卡。', gone: [['name', '建国']], keep: ['2980元的年卡'] },
  { consumer: liuYang, text: '我叫刘洋，大家叫我小洋，买的健身卡只用了2次。', gone: [['name', '刘洋'], ['name', '小洋']], keep: ['只用了2次'] },
  { consumer: liuYang, text: 'Liu Yang here. I paid 1,999 yuan for a course.', gone: [['name', 'Liu Yang']], keep: ['1,999 yuan'] },
  { consumer: chenJingyi, text: '陈静怡，静怡都是我。平台昵称jingyi_chen不重要。', gone: [['name', '陈静怡'], ['name', '静怡']], keep: ['平台昵称'] },
  { consumer: chenJingyi, text: '我是 Chén Jìngyí，在线上买的课程。', gone: [['name', 'Chén Jìngyí']], keep: ['在线上买的课程'] },
  { consumer: chenJingyi, text: '陳靜怡是我的繁体名字，在台湾网站下的单。', gone: [['name', '陳靜怡']], keep: ['在台湾网站下的单'] },
  { consumer: zhaoLei, text: '本人赵磊，朋友都叫我磊磊，也有人叫我阿磊。', gone: [['name', '赵磊'], ['name', '磊磊'], ['name', '阿磊']], keep: ['朋友都叫我'] },
  { consumer: zhaoLei, text: '趙磊是护照上的写法，ZHAO LEI 是拼音。', gone: [['name', '趙磊'], ['name', 'ZHAO LEI']], keep: ['护照上的写法'] },
  { consumer: ouyangNana, text: '我叫欧阳娜娜，Ouyang Nana，娜娜是小名。', gone: [['name', '欧阳娜娜'], ['name', 'Ouyang Nana']], keep: ['是小名'] },
  { consumer: liMing, text: 'My name is Li Ming, the store in Zhengzhou refused a refund of 300 yuan.', gone: [['name', 'Li Ming']], keep: ['300 yuan', 'Zhengzhou'] },
];

/** People named with a role (SPEC: staff names are never public). */
export const staffWritings: Writing[] = [
  { consumer: zhangWei, text: '王建国经理当面答应退款，后来不认账。', gone: [['staff', '王建国']], keep: ['经理当面答应退款'] },
  { consumer: zhangWei, text: '店员王芳说这是人为损坏。', gone: [['staff', '王芳']], keep: ['店员', '说这是人为损坏'] },
  { consumer: liXiuying, text: '客服小刘一开始很热情，付款后就不回了。', gone: [['staff', '小刘']], keep: ['客服', '一开始很热情'] },
  { consumer: liXiuying, text: '王经理和李师傅都说不能退，项目经理说要问总部。', gone: [['staff', '王经理'], ['staff', '李师傅']], keep: ['项目经理说要问总部', '都说不能退'] },
  { consumer: wangJianguo, text: '安装师傅老张收了我200元材料费，没有发票。', gone: [['staff', '老张']], keep: ['200元材料费'] },
  { consumer: wangJianguo, text: '门店店长陈明态度恶劣，大堂经理也不管。', gone: [['staff', '陈明']], keep: ['大堂经理也不管', '态度恶劣'] },
  { consumer: liuYang, text: '销售顾问赵丽丽承诺送保养三次，合同里没写。', gone: [['staff', '赵丽丽']], keep: ['合同里没写', '送保养三次'] },
  { consumer: liuYang, text: '健身房的教练孙浩让我办了5000元的私教课。', gone: [['staff', '孙浩']], keep: ['5000元的私教课'] },
  { consumer: chenJingyi, text: '培训机构的刘老师说可以随时退费，现在负责人周强不认。', gone: [['staff', '刘老师'], ['staff', '周强']], keep: ['可以随时退费', '现在'] },
  { consumer: chenJingyi, text: '客服周末不上班，工作日也联系不上，售后主管说要等。', gone: [], keep: ['客服周末不上班', '售后主管说要等'] },
  { consumer: zhaoLei, text: '维修师傅小马上门检测说主板坏了，要收800元。', gone: [['staff', '小马']], keep: ['上门检测说主板坏了', '800元'] },
  { consumer: zhaoLei, text: '快递员叫李强，把包裹扔在门口就走了。', gone: [['staff', '李强']], keep: ['把包裹扔在门口就走了'] },
  { consumer: ouyangNana, text: '美容院的黄店长和技师小美推销了一万元的套餐。', gone: [['staff', '黄店长']], keep: ['推销了一万元的套餐'] },
  { consumer: liMing, text: '4S店的销售经理马建华承诺半年内免费换新，现在说没这回事。', gone: [['staff', '马建华']], keep: ['半年内免费换新'] },
  { consumer: liMing, text: '物业王姐说她不管，李哥也不管，张阿姨可以作证。', gone: [['staff', '王姐'], ['staff', '李哥'], ['staff', '张阿姨']], keep: ['说她不管', '可以作证'] },
];
