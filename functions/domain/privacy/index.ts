export { personalDataOf, type PersonalData } from './personal-data';
export { scrubNarrative, scrubForMerchant } from './scrub-narrative';
export { placeholders, staffNamePlaceholder, staffSurnamePlaceholder } from './placeholders';
export { normaliseText, digitsOf } from './normalise';
