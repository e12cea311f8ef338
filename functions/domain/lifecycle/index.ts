export * from './types';
export { guards, type GuardName } from './guards';
export { transitionTable, type Position, type Target, type TransitionRow } from './transition-table';
export { decide, allowedActions, positionOf, isCaseAction } from './decide';
export { canRate, ratingWindowDays } from './rating';
