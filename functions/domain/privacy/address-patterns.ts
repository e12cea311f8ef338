import type { Finder } from './contact-patterns';

/**
 * Street addresses as people write them (SPEC section 5: 路/街/村/组/号/栋/
 * 楼/单元/室): `花园路58-2号`, `李庄村三组18号`, `幸福小区3号楼2单元501室`.
 * A place name is Han characters up to a word that cannot be part of one
 * (`住在`, `的`, `我`...), so `我家住在花园路58号` keeps `我家住在`.
 */
const notInPlaceName = '在住于到至往从是为的了和与及我你他她们其送寄去来回过位处近旁边对说找家址把被让给向跟地区县市省';
const placeName = `[\\p{Script=Han}--[${notInPlaceName}]]`;
/** 58, 58-2, 五十八, 58之2 */
const number = '(?:[0-9]+|[〇零一二三四五六七八九十百两]+)';
const houseNumber = `${number}(?:\\s*[\\-‐‑‒–—―−﹣之]\\s*${number})?`;
/** Building, unit, floor, room after a house number: 3号楼2单元501室. */
const unitTail = `(?:\\s*${houseNumber}\\s*(?:号楼|号院|栋|幢|座|单元|楼|层|室|号|户))*`;

const pattern = (source: string) => new RegExp(source, 'gv');

/**
 * A place name, then one of `suffixes`, then `rest`. The suffix is matched
 * first and the name found by a look-behind (captured as group 1, and
 * replaced with the match): scanning for a name at every character of a
 * long Chinese text costs ten times more.
 */
const named = (suffixes: string, nameLength: string, rest: string): Finder => ({
  kind: 'address',
  pattern: pattern(`(?:${suffixes})(?<=(${placeName}${nameLength})(?:${suffixes}))${rest}`),
  extendsBack: true,
});

export const addressFinders: Finder[] = [
  // ...路 58-2 号 (院/楼), with building, unit and room after
  named('路|街|大道|大街|巷|弄|胡同|道', '{1,10}', `\\s*${houseNumber}\\s*号(?:院|楼)?${unitTail}`),
  // villages: 李庄村三组18号, 王营村5组, 张村18号
  named('村', '{1,8}', `(?:\\s*${number}\\s*[组队](?:\\s*${houseNumber}\\s*号)?|\\s*${houseNumber}\\s*号)`),
  { kind: 'address', pattern: pattern(`(?<!第)${number}\\s*[组队]\\s*${houseNumber}\\s*号`) },
  // compounds and buildings: 幸福小区3号楼2单元501室, 阳光花园5栋
  named('小区|花园|公寓|家园|新村|社区|大厦|苑|庄园|府|湾|城', '{0,8}', `\\s*${houseNumber}\\s*(?:号楼|号院|栋|幢|座|单元|层|室|号)${unitTail}`),
  // building and unit numbers standing alone (not `第3单元` of a course)
  { kind: 'address', pattern: pattern(`(?<![第0-9])${houseNumber}\\s*(?:号楼|栋|幢|单元)${unitTail}`) },
  // a room number: 501室, never a flat's layout (2室1厅)
  { kind: 'address', pattern: pattern(`(?<![0-9])[0-9]{3,4}\\s*室(?!\\s*[0-9一二两三四五六]\\s*厅)`) },
  // Latin street addresses: 12 Garden Road, No. 3 Huayuan Lu
  { kind: 'address', pattern: /\b(?:No\.?\s*)?\d+[A-Za-z]?\s+(?:[A-Z][A-Za-z]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Lu|Jie|Dajie|Boulevard|Blvd)\b\.?/g },
];
