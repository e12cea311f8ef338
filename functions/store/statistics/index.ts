/**
 * The statistics job's items (README "Data model"), by concern: the state
 * and its committed steps, the run lease, the feeds it reads, the cases and
 * contributions, the pending chunk, the cells; and the merchant record's
 * reads. No Scan anywhere.
 */
export * from './cells';
export * from './contributions';
export * from './feeds';
export * from './lease';
export * from './merchant-cases';
export * from './pending-chunk';
export * from './state';
