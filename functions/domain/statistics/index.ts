export * from './dimensions';
export * from './case-facts';
export * from './cells';
export * from './aggregate';
export * from './figures';
export * from './csv';
export * from './query';
export * from './merchant-record';
