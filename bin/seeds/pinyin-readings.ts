import { pinyin } from 'pinyin-pro';

/**
 * Every toneless lowercase pinyin reading pinyin-pro gives each Han
 * character, grouped by reading: `"zhang": "张章…"`. A character with several
 * readings is in each of their groups, followed by its reading's position
 * when that is not the first (`"zeng": "…曾1…"`, `"ceng": "…曾…"`: 曾 is
 * ceng, then zeng), so the runtime rebuilds each character's readings in
 * pinyin-pro's order. Readings are deduplicated (pinyin-pro lists 得 as de,
 * dei, de); the name patterns use each reading once anyway.
 *
 * A Han character pinyin-pro does not know is left out: pinyin-pro gives
 * such a character back unchanged, and so does the runtime lookup.
 */
const hanCharacter = /^\p{Script=Han}$/u;

function* hanCharacters(): Generator<string> {
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue; // surrogates are not characters
    const character = String.fromCodePoint(codePoint);
    if (hanCharacter.test(character)) yield character;
  }
}

/** The readings of one character as the name patterns used them from pinyin-pro directly. */
export function readingsFromPinyinPro(character: string): string[] {
  return [...new Set(pinyin(character, { toneType: 'none', type: 'array', multiple: true }).map((reading) => reading.toLowerCase()))];
}

export function buildPinyinReadings(): Record<string, string> {
  const groups = new Map<string, string[]>();
  let known = 0;
  for (const character of hanCharacters()) {
    const readings = readingsFromPinyinPro(character);
    if (readings.length === 1 && readings[0] === character) continue; // not in pinyin-pro's dictionary
    if (readings.length === 0 || readings.length > 10) throw new Error(`pinyin-pro gives ${character} ${readings.length} readings`);
    known += 1;
    readings.forEach((reading, position) => {
      if (!/^[a-zêü]+$/.test(reading)) throw new Error(`Unexpected reading "${reading}" of ${character}`);
      const group = groups.get(reading) ?? [];
      group.push(position === 0 ? character : `${character}${position}`);
      groups.set(reading, group);
    });
  }
  if (known < 20000) throw new Error(`pinyin-pro knows only ${known} Han characters; expected over 20,000`);
  return Object.fromEntries([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([reading, characters]) => [reading, characters.join('')]));
}
