export { assignLayers } from './assign-layers.js';
export { layerFromPath, PATH_SEGMENT_LAYERS, FILE_SUFFIX_LAYERS } from './heuristics.js';
