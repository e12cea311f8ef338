import { characterVariants, pinyinReadings } from './character-tables';
import { escapeRegExp } from './normalise';

/**
 * The consumer's name in the forms people write it (SPEC section 5): in
 * full, with spaces between the characters, the given name alone, in
 * traditional characters, and in pinyin with or without tones, spaces or
 * capitals, surname first or last.
 */

const isHan = (text: string) => /^\p{Script=Han}+$/u.test(text);

/** Each character with its simplified and traditional forms: `[张張]`. */
function characterClass(character: string): string {
  const forms = new Set([character, ...characterVariants(character)]);
  return forms.size === 1 ? escapeRegExp(character) : `[${[...forms].map(escapeRegExp).join('')}]`;
}

/** Characters in any script, with spaces or dots allowed between them: `张 伟`, `張·偉`. */
function hanForm(characters: string[]): string {
  return characters.map(characterClass).join('[\\s·・.]{0,2}');
}

const toneless: Record<string, string> = { a: '[aāáǎà]', e: '[eēéěèê]', i: '[iīíǐì]', o: '[oōóǒò]', u: '[uūúǔù]', ü: '[üǖǘǚǜuv]', v: '[üǖǘǚǜuv]' };
/** One syllable, any tone marks or none: `zhang` matches `Zhāng`, `ZHANG`. */
function syllable(plain: string): string {
  return [...plain].map((letter) => toneless[letter] ?? escapeRegExp(letter)).join('');
}

/** Every reading of each character (曾 is zeng and ceng): the name may be spelled either way. */
function readings(characters: string[]): (readonly string[])[] {
  return characters.map((character) => pinyinReadings(character));
}

const syllables = (options: (readonly string[])[]) => options.map((readingsOf) => `(?:${[...new Set(readingsOf)].map(syllable).join('|')})`);
const latinWord = (source: string) => `(?<![A-Za-z])${source}(?![A-Za-z])`;
const pinyinGap = "[\\s\\-'’·.]{0,2}";

/** The patterns that find one name of the consumer block. */
export function nameFinders(name: string): RegExp[] {
  const compact = name.replace(/\s+/g, '');
  if (compact.length === 0) return [];
  if (!isHan(compact.replace(/[·・]/g, ''))) {
    // A Latin name: the whole and each word of it.
    const words = name.split(/[\s.,·]+/).filter((word) => word.length >= 2);
    return [new RegExp(words.map(escapeRegExp).join('[\\s.,·]*'), 'giu'), ...words.map((word) => new RegExp(latinWord(escapeRegExp(word)), 'giu'))];
  }
  const characters = [...compact.replace(/[·・]/g, '')];
  // Compound surnames (欧阳, 司马...) are rare; a 4-character name is read as two and two.
  const surnameLength = characters.length >= 4 ? 2 : 1;
  const surname = characters.slice(0, surnameLength);
  const givenName = characters.slice(surnameLength);
  const sources: string[] = [hanForm(characters)];
  if (givenName.length >= 2) sources.push(hanForm(givenName));
  // A one-character given name is too common a character alone: only as 小伟, 阿伟, 伟伟.
  if (givenName.length === 1) sources.push(`[小阿]${characterClass(givenName[0]!)}`, `${characterClass(givenName[0]!)}{2}`);
  const patterns = sources.map((source) => new RegExp(source, 'gu'));

  const pinyinSurname = syllables(readings(surname)).join(pinyinGap);
  const pinyinGiven = syllables(readings(givenName)).join(pinyinGap);
  const pinyinForms = [`${pinyinSurname}${pinyinGap}${pinyinGiven}`, `${pinyinGiven}${pinyinGap}${pinyinSurname}`];
  if (givenName.length >= 2) pinyinForms.push(pinyinGiven);
  patterns.push(...pinyinForms.map((source) => new RegExp(latinWord(source), 'giu')));
  return patterns;
}
