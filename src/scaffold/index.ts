export * from './contract.js';
export { planMonolith } from './monolith/plan-monolith.js';
export { namesFor } from './monolith/names.js';
export type { CandidateNames } from './monolith/names.js';
export { renderPullRequest } from './render-pr.js';
export type { PullRequest, PullRequestInput } from './render-pr.js';
export { canCarryHeader, generatedHeader, GENERATED_MARKER, withGeneratedHeader } from './generated-header.js';
