import type { Layer } from '../model/index.js';

/**
 * Folder names that say which layer code belongs to, by common convention. The last matching
 * segment wins: `src/bff/item/services/x.ts` is domain-ish code inside the glue folder, so the
 * innermost word is the most specific statement about it.
 */
export const PATH_SEGMENT_LAYERS: Readonly<Record<string, Layer>> = {
  routes: 'entry', route: 'entry', routers: 'entry', router: 'entry', controllers: 'entry', controller: 'entry',
  handlers: 'entry', endpoints: 'entry', resolvers: 'entry', api: 'entry',
  bff: 'glue', glue: 'glue', assemblers: 'glue', assembler: 'glue', mappers: 'glue', presenters: 'glue', views: 'glue',
  viewmodels: 'glue', orchestrators: 'glue', aggregators: 'glue', facades: 'glue', middleware: 'glue', middlewares: 'glue',
  shared: 'glue', utils: 'glue', util: 'glue', helpers: 'glue', common: 'glue', dto: 'glue', dtos: 'glue',
  domain: 'domain', domains: 'domain', services: 'domain', service: 'domain', repositories: 'domain', repository: 'domain',
  repos: 'domain', models: 'domain', entities: 'domain', core: 'domain', modules: 'domain',
  infra: 'infrastructure', infrastructure: 'infrastructure', clients: 'infrastructure', adapters: 'infrastructure',
  db: 'infrastructure', database: 'infrastructure', persistence: 'infrastructure', integrations: 'infrastructure', providers: 'infrastructure',
};

/**
 * File-name suffixes (`item.controller.ts`, `item.service.ts`): as telling as a folder.
 * `x.module.ts` is a NestJS module: it wires controllers to providers, as an app file mounts routers.
 */
export const FILE_SUFFIX_LAYERS: Readonly<Record<string, Layer>> = {
  routes: 'entry', route: 'entry', router: 'entry', controller: 'entry', handler: 'entry', resolver: 'entry', module: 'entry',
  assembler: 'glue', mapper: 'glue', presenter: 'glue', orchestrator: 'glue', aggregator: 'glue', facade: 'glue', flow: 'glue', middleware: 'glue', bff: 'glue',
  service: 'domain', repository: 'domain', repo: 'domain', entity: 'domain', model: 'domain',
  client: 'infrastructure', adapter: 'infrastructure', gateway: 'infrastructure', provider: 'infrastructure',
};

/** Class-name suffixes, for code that lives in a folder that says nothing. */
export const NAME_SUFFIX_LAYERS: ReadonlyArray<readonly [RegExp, Layer]> = [
  [/Controller$/, 'entry'],
  [/(Assembler|Mapper|Presenter|Orchestrator|Aggregator|Facade|ViewModel|Bff)$/, 'glue'],
  [/(Service|Repository|Repo|Entity|Model)$/, 'domain'],
  [/(Client|Adapter|Gateway)$/, 'infrastructure'],
];

/** Entry-file names at the top of a service: they create the server and mount routers. */
export const ENTRY_FILE_NAMES = new Set(['app', 'server', 'main', 'index', 'bootstrap']);

export interface PathVerdict {
  layer: Layer;
  reason: string;
}

function stem(fileName: string): string {
  return fileName.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
}

/** The layer the file's path states, if it states one. */
export function layerFromPath(file: string): PathVerdict | undefined {
  const parts = file.split('/');
  const fileName = parts.pop() ?? '';
  const nameParts = stem(fileName).toLowerCase().split('.');
  const suffix = nameParts.length > 1 ? nameParts[nameParts.length - 1] : undefined;
  if (suffix && FILE_SUFFIX_LAYERS[suffix]) return { layer: FILE_SUFFIX_LAYERS[suffix], reason: `heuristic:file-suffix(.${suffix})` };
  for (let index = parts.length - 1; index >= 0; index--) {
    const segment = parts[index]!.toLowerCase();
    const layer = PATH_SEGMENT_LAYERS[segment];
    if (layer) return { layer, reason: `heuristic:path-segment(${segment})` };
  }
  const topLevel = parts.length <= 1 || (parts.length === 2 && parts[0] === 'src');
  if (topLevel && ENTRY_FILE_NAMES.has(stem(fileName).toLowerCase())) return { layer: 'entry', reason: `heuristic:entry-file(${fileName})` };
  return undefined;
}

export function layerFromName(name: string): PathVerdict | undefined {
  const className = name.split('.')[0] ?? name;
  for (const [pattern, layer] of NAME_SUFFIX_LAYERS) {
    const match = pattern.exec(className);
    if (match) return { layer, reason: `heuristic:name-suffix(${match[0]})` };
  }
  return undefined;
}
