import * as z from 'zod';
import { categoryCodes, claimTypeCodes, issueCodes, isHenanRegionCode, prefectureOf } from './index';

/**
 * `seeds/demo-complaints.json`, what `npm run demo` generates its complaints
 * from. Not part of the service (nothing under functions/ imports it but
 * this schema): the demo loads and validates it. Codes must be the service's
 * own, so a renamed category fails here and not half-way through a run.
 */
const text = z.string().trim().min(1, { error: 'must not be empty' });
const texts = z.array(text).min(1);
const share = z.strictObject({
  percent: z.number().positive(),
  /** `published`: a figure of the report the source names; `estimated`: ours, with `as` saying what it stands for. */
  basis: z.enum(['published', 'estimated']),
  as: text,
});
const regionCode = z.string().refine(isHenanRegionCode, { error: 'must be a Henan region code in seeds/regions.json' });
const categoryCode = z.enum(categoryCodes);

export const demoSeedSchema = z.strictObject({
  source: text,
  categoryShares: z.array(share.extend({ code: categoryCode })).min(1),
  issueShares: z.array(share.extend({ code: z.enum(issueCodes) })).min(1),
  prefectureWeights: z.array(z.strictObject({ code: regionCode.refine((code) => prefectureOf(code) === code, { error: 'must be a prefecture' }), weight: z.number().positive() })).length(18),
  surnames: texts,
  givenNames: texts,
  platforms: texts,
  merchants: z
    .array(
      z.strictObject({
        name: text,
        category: categoryCode,
        regionCode,
        odr: z.boolean(),
        advancePayoutLimitFen: z.number().int().positive().optional(),
        offlineNoReasonReturn: z.boolean(),
      }),
    )
    .min(1),
  items: z.partialRecord(categoryCode, z.array(z.strictObject({ item: text, yuan: z.tuple([z.number().positive(), z.number().positive()]) })).min(1)),
  /** What went wrong, by issue: for goods and services every issue, for food the ones where food differs. */
  problems: z.strictObject({
    goods: z.record(z.enum(issueCodes), texts),
    services: z.record(z.enum(issueCodes), texts),
    food: z.partialRecord(z.enum(issueCodes), texts),
  }),
  defects: texts,
  serviceFaults: texts,
  foodFaults: texts,
  hazards: texts,
  claimSentences: z.record(z.enum(claimTypeCodes), text),
  notes: texts,
  merchantResponses: texts,
  offerTerms: texts,
  followUps: texts,
  ratingComments: texts,
  objections: texts,
});

export type DemoSeed = z.output<typeof demoSeedSchema>;
