export { writeOutputDir, recoverInterruptedOutput, OUTPUT_MARKER } from './write-output-dir.js';
export type { WriteOptions } from './write-output-dir.js';
export { writeFileAtomic } from './write-file-atomic.js';
