export { personalDataOf, type PersonalData } from './personal-data';
export { scrubNarrative } from './scrub-narrative';
export { scrubForMerchant } from './scrub-merchant';
export { placeholders, staffNamePlaceholder, staffSurnamePlaceholder } from './placeholders';
export { normaliseText, digitsOf } from './normalise';
