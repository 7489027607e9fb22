export { emailDomain, normaliseDomain, normaliseEmail } from './normalise.js';
export { isPersonalDomain } from './personal.js';
