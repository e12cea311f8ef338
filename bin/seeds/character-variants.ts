import hongKongVariants from 'opencc-js/dict/HKVariants';
import simplifiedToTraditional from 'opencc-js/dict/STCharacters';
import taiwanVariants from 'opencc-js/dict/TWVariants';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';

/**
 * The single-character pairs of OpenCC's character dictionaries
 * (simplified to traditional, traditional to simplified, Taiwan and Hong
 * Kong variants), per dictionary a string of two-character pairs:
 * `"张張丢丟…"`. A pair is kept where it first occurs and left out when it
 * recurs, in either direction (张→張 and 張→张 are one pair): the runtime
 * links both ways, in this order, so it builds exactly the variant sets it
 * built from the dictionaries themselves.
 */
export const openccDictionaries = { STCharacters: simplifiedToTraditional, TSCharacters: traditionalToSimplified, TWVariants: taiwanVariants, HKVariants: hongKongVariants };

export function buildCharacterVariantPairs(): Record<string, string> {
  const seen = new Set<string>();
  const pairsByDictionary: Record<string, string> = {};
  for (const [name, dictionary] of Object.entries(openccDictionaries)) {
    const pairs: string[] = [];
    for (const [key, ...values] of dictionary.split('|').map((entry) => entry.split(' '))) {
      if (!key || [...key].length !== 1) continue;
      for (const value of values) {
        if ([...value].length !== 1 || value === key) continue;
        if (seen.has(`${key}${value}`) || seen.has(`${value}${key}`)) continue;
        seen.add(`${key}${value}`);
        pairs.push(`${key}${value}`);
      }
    }
    pairsByDictionary[name] = pairs.join('');
  }
  return pairsByDictionary;
}
