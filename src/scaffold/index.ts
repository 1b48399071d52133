export * from './contract.js';
export { planFunctionPackage, safeName } from './function/plan-function-package.js';
export type { FunctionPlanOptions } from './function/plan-function-package.js';
export { ScaffoldError } from './function/scaffold-error.js';
export { measureBundles } from './measure-bundle.js';
export type { BundleFigures } from './measure-bundle.js';
