/**
 * AWS list prices the cost bench multiplies by: one place, with the region
 * and the day they were checked. Change them here and nowhere else.
 */
export const prices = {
  region: 'us-east-1 (US East, N. Virginia)',
  /**
   * The day these were taken as the current list prices. They are the
   * figures the cost task gave (DynamoDB's after the November 2024 cut);
   * this machine has no internet, so AWS's pricing pages were not re-read.
   */
  asOf: '2026-11-29',
  source: 'AWS list prices as given in the cost task (issue 11); not re-read from the AWS pricing pages on that day',
  dynamoDb: {
    /** On-demand, after the November 2024 price cut. */
    perMillionWriteRequestUnits: 0.625,
    perMillionReadRequestUnits: 0.125,
    /** Standard table class; the first 25 GB a month are free, not counted here. */
    storagePerGbMonth: 0.25,
    /** Point-in-time recovery (continuous backups), on the table's size. */
    pitrPerGbMonth: 0.2,
    /** GetRecords by a Lambda trigger on the table's stream. */
    streamReadsByLambda: 0,
  },
  lambda: {
    /** arm64 (Graviton), first pricing tier. */
    perGbSecondArm64: 0.0000133334,
    perMillionRequests: 0.2,
  },
  apiGateway: {
    /** HTTP API, first 300 million requests a month. */
    perMillionHttpApiRequests: 1.0,
  },
  cloudWatchLogs: {
    /** Standard log class ingestion (EMF metrics lines included). */
    ingestionPerGb: 0.5,
  },
} as const;

/**
 * Printed beside the total, not in it: the web pages call the API through
 * the CloudFront distribution (same origin, `lib/web.ts`), so each API
 * request is also a CloudFront request, and with `-c webAclArn=...` a WAF
 * request (`lib/intake-firewall.ts`).
 */
export const edgePrices = {
  cloudFrontPerMillionHttpsRequests: 1.0,
  wafPerMillionRequests: 0.6,
} as const;

/**
 * Not an AWS infrastructure cost of the same kind: SMS to mainland China are
 * priced per message by SNS and its carriers, change often, and are sent
 * only where a consumer gave a phone and did not mute SMS. The bench counts
 * the messages and prints this assumed price beside the total, not in it.
 */
export const assumedSmsToChinaPerMessage = 0.02;

/** What DynamoDB bills in storage for each item and each index entry, besides its data. */
export const storageOverheadBytesPerItem = 100;
