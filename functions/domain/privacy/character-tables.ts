import * as z from 'zod';
import variantsFile from '../../../seeds/character-variants.json';
import readingsFile from '../../../seeds/pinyin-readings.json';

/**
 * The two character tables the name patterns need, generated from
 * pinyin-pro and OpenCC by `npm run seeds:generate` (docs/bundles.md): the
 * functions bundle about 105 KB of tables instead of 570 KB of packages.
 * Each is built into a map on first use: most functions that bundle this
 * module (every case action, for disclosure) never scrub a name.
 */
const readingsSeed = z.object({ source: z.string(), readings: z.record(z.string().regex(/^[a-zêü]+$/), z.string()) });
const variantsSeed = z.object({ source: z.string(), pairs: z.record(z.string(), z.string()) });

const isDigit = (symbol: string | undefined) => symbol !== undefined && symbol >= '0' && symbol <= '9';

let readingTable: Map<string, string[]> | undefined;
function readingsByCharacter(): Map<string, string[]> {
  if (readingTable) return readingTable;
  const table = new Map<string, string[]>();
  for (const [reading, characters] of Object.entries(readingsSeed.parse(readingsFile).readings)) {
    // Code points, not UTF-16 units: some characters lie outside the BMP. A digit after a character is the reading's position (`曾1`).
    const symbols = [...characters];
    for (let i = 0; i < symbols.length; i++) {
      const character = symbols[i]!;
      const position = isDigit(symbols[i + 1]) ? Number(symbols[++i]) : 0;
      const readings = table.get(character) ?? [];
      readings[position] = reading;
      table.set(character, readings);
    }
  }
  for (const [character, readings] of table) {
    for (let position = 0; position < readings.length; position++) {
      if (readings[position] === undefined) throw new Error(`seeds/pinyin-readings.json lacks reading ${position} of ${character}: run npm run seeds:generate`);
    }
  }
  readingTable = table;
  return table;
}

/**
 * Every toneless lowercase reading of a Han character, in pinyin-pro's
 * order (曾 is ceng and zeng: a name may be spelled either way); a character
 * pinyin-pro does not know stands for itself, as pinyin-pro gives it back.
 */
export function pinyinReadings(character: string): readonly string[] {
  return readingsByCharacter().get(character) ?? [character];
}

let variantTable: Map<string, Set<string>> | undefined;
function variantsByCharacter(): Map<string, Set<string>> {
  if (variantTable) return variantTable;
  const table = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const forms = table.get(a) ?? new Set();
    forms.add(b);
    table.set(a, forms);
  };
  for (const [dictionary, pairs] of Object.entries(variantsSeed.parse(variantsFile).pairs)) {
    const characters = [...pairs];
    if (characters.length % 2 !== 0) throw new Error(`seeds/character-variants.json: ${dictionary} has an odd number of characters: run npm run seeds:generate`);
    for (let i = 0; i < characters.length; i += 2) {
      link(characters[i]!, characters[i + 1]!);
      link(characters[i + 1]!, characters[i]!);
    }
  }
  variantTable = table;
  return table;
}

/** The simplified, traditional, Taiwan and Hong Kong forms of a character other than itself (張 for 张), from OpenCC. */
export function characterVariants(character: string): ReadonlySet<string> {
  return variantsByCharacter().get(character) ?? new Set();
}
