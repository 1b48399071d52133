export { loadProject } from './load-project.js';
export type { LoadedProject } from './load-project.js';
export { isTestFile } from './test-files.js';
