export { personalDataOf, type PersonalData } from './personal-data';
export { scrubNarrative, redaction } from './scrub-narrative';
