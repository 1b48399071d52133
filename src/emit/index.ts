export { writeOutputDir, recoverInterruptedOutput, OUTPUT_MARKER } from './write-output-dir.js';
export type { WriteOptions } from './write-output-dir.js';
export { writeGenerated, GENERATED_MANIFEST } from './write-generated.js';
export type { GeneratedManifest, WriteGeneratedOptions, WriteGeneratedResult } from './write-generated.js';
export { commitBranches } from './git-branches.js';
export type { CandidateBranch, CommitBranchesOptions, CommittedBranch } from './git-branches.js';
export { writeFileAtomic } from './write-file-atomic.js';
