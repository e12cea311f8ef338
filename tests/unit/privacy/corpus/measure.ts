import { digitsOf, normaliseText, personalDataOf, scrubForMerchant, scrubNarrative } from '../../../../functions/domain/privacy';
import { merchantKinds, type GoneKind, type Writing } from './writing';
import { phoneWritings, identityWritings } from './writings-1';
import { socialWritings, addressWritings, nameWritings, staffWritings } from './writings-2';
import { referenceWritings, storyWritings, mixedWritings } from './writings-3';

export const corpus: Writing[] = [...phoneWritings, ...identityWritings, ...socialWritings, ...addressWritings, ...nameWritings, ...staffWritings, ...referenceWritings, ...storyWritings, ...mixedWritings];

const comparable = (text: string) => normaliseText(text).toLowerCase();

/** Still readable in the output: as written, or (for numbers) as the same digits with other separators. */
export function survives(output: string, value: string, kind: GoneKind): boolean {
  if (comparable(output).includes(comparable(value))) return true;
  const digits = digitsOf(value);
  return ['phone', 'idNumber', 'bankCard', 'social', 'order'].includes(kind) && digits.length >= 7 && digitsOf(output).includes(digits);
}

export function scrubbedBoth(writing: Writing) {
  const { consumer } = writing;
  const personal = personalDataOf({
    consumer: { name: consumer.name, phone: consumer.phone, regionCode: '410105', ...(consumer.email ? { email: consumer.email } : {}), ...(consumer.address ? { address: consumer.address } : {}) },
    purchase: { date: consumer.purchaseDate, channel: 'online', ...(consumer.orderRef ? { orderRef: consumer.orderRef } : {}) },
  });
  return { public: scrubNarrative(writing.text, personal), merchant: scrubForMerchant(writing.text) };
}

export interface Measurement {
  /** What must disappear and did not: `[text, value]`. */
  leaks: { public: string[]; merchant: string[] };
  goneTotal: { public: number; merchant: number };
  keptShare: { public: number; merchant: number };
  lost: { public: string[]; merchant: string[] };
}

/** Both sides of scrubbing over the corpus: recall of what must go, share of what must stay. */
export function measure(writings: readonly Writing[]): Measurement {
  const leaks = { public: [] as string[], merchant: [] as string[] };
  const lost = { public: [] as string[], merchant: [] as string[] };
  const goneTotal = { public: 0, merchant: 0 };
  let keepTotal = 0;
  for (const writing of writings) {
    const output = scrubbedBoth(writing);
    for (const [kind, value] of writing.gone) {
      goneTotal.public += 1;
      if (survives(output.public, value, kind)) leaks.public.push(`${value} in ${output.public}`);
      if (!merchantKinds.has(kind)) continue;
      goneTotal.merchant += 1;
      if (survives(output.merchant, value, kind)) leaks.merchant.push(`${value} in ${output.merchant}`);
    }
    for (const token of writing.keep) {
      keepTotal += 1;
      if (!comparable(output.public).includes(comparable(token))) lost.public.push(`${token} in ${output.public}`);
      if (!comparable(output.merchant).includes(comparable(token))) lost.merchant.push(`${token} in ${output.merchant}`);
    }
  }
  const share = (missing: number) => (keepTotal - missing) / keepTotal;
  return { leaks, goneTotal, lost, keptShare: { public: share(lost.public.length), merchant: share(lost.merchant.length) } };
}
