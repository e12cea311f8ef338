export * from './case-disclosure';
export * from './public-record';
export * from './list-query';
export * from './stands-behind';
