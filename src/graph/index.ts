export { buildGraph, groupNode, routeNode } from './build-graph.js';
export type { CarveGraph, NodeAttributes, EdgeAttributes, NodeKind } from './build-graph.js';
export { WEIGHTS } from './weights.js';
