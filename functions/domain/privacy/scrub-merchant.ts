import { applyFinders, contactFinders } from './apply-finders';
import { normaliseText } from './normalise';
import { mergeRepeatedPlaceholders } from './placeholders';

/**
 * Free text as the merchant reads it (SPEC section 5): phones, ID numbers,
 * e-mail addresses and bank cards removed, in any of the forms
 * scrub-narrative.ts knows. Names, addresses and order numbers stay: the
 * merchant sees the consumer's name and needs the order to settle. Kept
 * free of the name dictionaries (pinyin, OpenCC), which take a moment to
 * load, so the merchant's case view does not wait for them.
 */
export function scrubForMerchant(text: string): string {
  return mergeRepeatedPlaceholders(applyFinders(normaliseText(text), contactFinders)).trim();
}
