export * from './contract.js';
export { planMonolith } from './monolith/plan-monolith.js';
export { INTERNAL_SECRET_ENV, namesFor } from './monolith/names.js';
export type { CandidateNames } from './monolith/names.js';
