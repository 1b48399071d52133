export { loadProject, programFiles, readProjectInputs } from './load-project.js';
export type { LoadedProject, ProjectInputs } from './load-project.js';
export { isTestFile } from './test-files.js';
