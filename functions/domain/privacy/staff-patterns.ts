import { staffNamePlaceholder, staffSurnamePlaceholder } from './placeholders';

/**
 * People named with a role (SPEC section 5): `王经理`, `王建国经理` become
 * `某经理`; `店员王芳`, `客服小刘` become `店员某某`, `客服某某`. Only
 * common surnames count, and words that merely start with one (周末, 马上,
 * 方便...) are not names, so `项目经理` and `客服周末不上班` stay as written.
 */
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
/** Words starting with a surname character that are not names. */
const notNames = '周[末一二三四五六日天内边到全围期]|马上|方[便案式面法向]|高[兴价级端档]|金[额钱]|钱[款包]|白[天色]|向[来我他她你]|于是|任何|许多|安[装排全]|常[常规用]|和[我他她你解]|时[间候]|明[天确显白]|全[部额款]|成[功本交]|管[理]|关[于系]|连[续]|简[单直]|温[度]|路[上过]|司[机]|万[一元]|解[决释]|应[该当]|商[品家场户量]|师[傅]|包[括装]|车[子辆间]|项[目]|单[位子独方]|毕[竟]|宁[可愿]|文[件字明]|尚[未]|齐[全]|易[碎]|左[右]|龙[头]|华[为]|苏[宁]|景[区点]|查[看询到]|费[用]|曲[线]|盛[情]';
/** Characters that end a name: verbs, particles and adverbs that follow one. */
const notInGivenName = '的了和与是在说讲告称表态拒不没很非一直就也都还又让叫给对把被跟着过却竟居答回承同推坚要会能可已再才只先后当来去上下这那个们总副大小老等及或向';
const given = `[\\p{Script=Han}--[${notInGivenName}]]`;
const surname = `(?!${notNames})[${surnames}]`;
const anySurname = `[${surnames}]`;

const rolesAfterName = '总经理|副经理|经理|店长|主管|主任|师傅|老板娘|老板|老师|医生|律师|先生|女士|小姐|专员|顾问|工程师|教练|组长|班长|队长|护士|阿姨|大姐|大哥|大爷|大妈|姐|哥|叔';
const rolesBeforeName = '推销员|促销员|店员|营业员|售货员|销售员|销售|导购员|导购|客服|收银员|业务员|经理|店长|主管|师傅|员工|工作人员|维修工|维修员|维修师傅|安装工|安装员|安装师傅|快递员|配送员|骑手|老板|服务员|前台|技师|医生|护士|教练|老师|顾问|专员|负责人';

/** 王经理, 王建国经理: the name before the role. */
const nameBeforeRole = new RegExp(`${surname}${given}{0,2}(?=${rolesAfterName})`, 'gv');
/** 店员王芳, 客服小刘, 安装师傅老李: the name after the role. */
const nameAfterRole = new RegExp(`(${rolesBeforeName})(\\s?(?:叫|名叫|是|姓)?\\s?)(?:[小老阿]${anySurname}|(?!${rolesBeforeName})${surname}(?:(?!${rolesAfterName})${given}){1,2})`, 'gv');

export function scrubStaffNames(text: string): string {
  return text.replace(nameAfterRole, `$1$2${staffNamePlaceholder}`).replace(nameBeforeRole, staffSurnamePlaceholder);
}
