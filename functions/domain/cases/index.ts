/** Staff and consumer work on cases: rights, action bodies, what an action changes, deadlines, views. Pure. */
export * from './case-fields';
export * from './action-schemas';
export * from './deadlines';
export * from './list-query';
export * from './masking';
export * from './plan-change';
export * from './rights';
export * from './snapshot';
export * from './staff-view';
export * from './texts';
