import path from 'node:path';
import { Scope, type ClassDeclaration, type FunctionDeclaration, type MethodDeclaration } from 'ts-morph';
import type { Analysis, Candidate, RemoteCall, RenderedFile } from '../../model/index.js';
import { clientOperationFor, type ClientOperation } from '../contract.js';
import { carriedDeclaration, carriedSignature, declaredName, type Naming } from './carried-text.js';
import type { Needs } from './collect-needs.js';

export interface RemoteModules {
  files: RenderedFile[];
  operations: ClientOperation[];
  /** Domain calls the moved code makes synchronously: they cannot become HTTP calls as they are. */
  notRemotable: string[];
  /** BaaS ports the package declares, by kind, with the monolith names they stand for. */
  ports: Map<string, string[]>;
}

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
const pascal = (name: string): string => name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
const camel = (name: string): string => pascal(name).replace(/^./, (c) => c.toLowerCase());

function typeImports(used: ReadonlySet<string>, declared: ReadonlySet<string>, from: string): string {
  const names = [...used].filter((name) => declared.has(name)).sort();
  return names.length ? `import type { ${names.join(', ')} } from '${from}';\n` : '';
}

/**
 * The package's remote side: `src/types.ts` (types carried from the monolith, client and port
 * interfaces), `src/clients/` (one client per domain class, calling the monolith's internal
 * endpoints) and `src/baas/` (one port per infrastructure kind, unbound until someone binds it).
 * Rendering can reach more types; it repeats until nothing new is reached.
 */
export function renderRemoteModules(needs: Needs, naming: Naming, analysis: Analysis, candidate: Candidate, packageName: string): RemoteModules {
  for (;;) {
    const before = needs.size;
    const result = renderOnce(needs, naming, analysis, candidate, packageName);
    if (needs.size === before) return result;
  }
}

function renderOnce(needs: Needs, naming: Naming, analysis: Analysis, candidate: Candidate, packageName: string): RemoteModules {
  const index = needs.index;
  const typeUsed = new Set<string>();
  const typeBlocks: string[] = [];
  const declaredTypes = new Set<string>();
  const operations: ClientOperation[] = [];
  const notRemotable: string[] = [];
  const files: RenderedFile[] = [];

  const carried = [...needs.types].map((statement) => ({ name: naming.nameOf(statement, declaredName(statement)), statement }));
  for (const { name, statement } of carried.sort((a, b) => a.name.localeCompare(b.name))) {
    typeBlocks.push(`// From ${index.relativePath(statement.getSourceFile())}.\n${carriedDeclaration(statement, needs, naming, typeUsed)}`);
    declaredTypes.add(name);
  }

  const remoteCallOf = (target: string, name: string, file: string): RemoteCall => candidate.remoteCalls.find((call) => call.target === target) ?? { target, name, file, callers: [], callSites: 0 };
  const clientFiles: { factory: string; file: string; instances: string[] }[] = [];
  for (const [owningClass, methods] of [...needs.clients].sort(([a], [b]) => declaredName(a).localeCompare(declaredName(b)))) {
    const interfaceName = naming.nameOf(owningClass, declaredName(owningClass));
    declaredTypes.add(interfaceName);
    const file = index.relativePath(owningClass.getSourceFile());
    const members: string[] = [];
    const implementations: string[] = [];
    for (const method of [...methods].sort((a, b) => a.getName().localeCompare(b.getName()))) {
      const signature = carriedSignature(method, needs, naming, typeUsed);
      const symbolName = `${declaredName(owningClass)}.${method.getName()}`;
      members.push(`  ${method.getName()}${signature.text};`);
      if (method.isAsync() || /^Promise</.test(signature.returnText)) {
        const operation = clientOperationFor(packageName, remoteCallOf(`${file}#${symbolName}`, symbolName, file));
        operations.push(operation);
        implementations.push(`    ${method.getName()}: (...args: unknown[]) => remote({ name: '${operation.operation}', path: '${operation.path}' }, args) as never,`);
      } else {
        notRemotable.push(`${symbolName} (${file}:${method.getStartLineNumber()})`);
        implementations.push(`    ${method.getName()}: () => {\n      throw new NotRemotableError('${symbolName}');\n    },`);
      }
    }
    typeBlocks.push(`/** What this function calls on ${declaredName(owningClass)} (${file}); the monolith serves each method at an internal endpoint. */\nexport interface ${interfaceName} {\n${members.join('\n')}\n}`);
    const factory = `${camel(interfaceName)}Client`;
    const clientFile = `src/clients/${kebab(interfaceName)}.ts`;
    const instances = [...needs.instances].filter(([, of]) => of === owningClass).map(([variable]) => naming.nameOf(variable, declaredName(variable)));
    clientFiles.push({ factory, file: clientFile, instances });
    const needsNotRemotable = implementations.some((line) => line.includes('NotRemotableError'));
    const needsRemote = implementations.some((line) => line.includes('remote('));
    const transportImports = [needsNotRemotable ? 'NotRemotableError' : '', needsRemote ? 'remote' : ''].filter(Boolean);
    files.push({
      path: clientFile,
      content: `import type { ${interfaceName} } from '../types.js';\n${transportImports.length ? `import { ${transportImports.join(', ')} } from './transport.js';\n` : ''}\n/** ${declaredName(owningClass)} in the monolith (${file}), called over HTTP. */\nexport function ${factory}(): ${interfaceName} {\n  return {\n${implementations.join('\n')}\n  };\n}\n`,
    });
  }

  const clientFunctionLines: string[] = [];
  if (needs.clientFunctions.size) {
    const interfaceName = naming.generated('DomainFunctions');
    declaredTypes.add(interfaceName);
    const members: string[] = [];
    for (const fn of [...needs.clientFunctions].sort((a, b) => declaredName(a).localeCompare(declaredName(b)))) {
      const name = naming.nameOf(fn, declaredName(fn));
      const signature = carriedSignature(fn, needs, naming, typeUsed);
      const file = index.relativePath(fn.getSourceFile());
      members.push(`  ${name}${signature.text};`);
      if (fn.isAsync() || /^Promise</.test(signature.returnText)) {
        const operation = clientOperationFor(packageName, remoteCallOf(`${file}#${declaredName(fn)}`, declaredName(fn), file));
        operations.push(operation);
        clientFunctionLines.push(`export const ${name}: ${interfaceName}['${name}'] = (...args: unknown[]) => remote({ name: '${operation.operation}', path: '${operation.path}' }, args) as never;`);
      } else {
        notRemotable.push(`${declaredName(fn)} (${file}:${fn.getStartLineNumber()})`);
        clientFunctionLines.push(`export const ${name}: ${interfaceName}['${name}'] = () => {\n  throw new NotRemotableError('${declaredName(fn)}');\n};`);
      }
    }
    typeBlocks.push(`/** Domain functions this function calls; the monolith serves each at an internal endpoint. */\nexport interface ${interfaceName} {\n${members.join('\n')}\n}`);
  }

  const constantBlocks: string[] = [];
  const constantUsed = new Set<string>();
  for (const statement of needs.constants) {
    constantBlocks.push(`// Copied from ${index.relativePath(statement.getSourceFile())}: a domain constant; keep it in step with the monolith.\n${carriedDeclaration(statement, needs, naming, constantUsed)}`);
  }

  const ports = new Map<string, string[]>();
  const baasFiles = renderPorts(needs, naming, analysis, typeUsed, declaredTypes, typeBlocks, ports);

  const outsideBlocks = [...naming.outside.values()].sort().map((name) => {
    declaredTypes.add(name);
    return `/** TODO(carve): \`${name}\` is a type from outside the moved code (a package or the monolith's glue); give it a real type. */\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport type ${name} = any;`;
  });

  files.push({ path: 'src/types.ts', content: `// Types the moved code needs from the monolith, carried over by carve, and the interfaces of\n// the domain clients and BaaS ports.\n\n${[...typeBlocks, ...outsideBlocks].join('\n\n')}\n` });
  if (constantBlocks.length) files.push({ path: 'src/clients/constants.ts', content: `${typeImports(constantUsed, declaredTypes, '../types.js')}\n${constantBlocks.join('\n\n')}\n`.replace(/^\n/, '') });
  const clientIndex = [
    `export { httpTransport, NotRemotableError, RemoteCallError, useTransport, type Operation, type Transport } from './transport.js';`,
    ...clientFiles.map(({ factory, file }) => `import { ${factory} } from './${path.posix.basename(file, '.ts')}.js';`),
    ...(clientFunctionLines.length ? [typeImports(new Set([naming.generated('DomainFunctions')]), declaredTypes, '../types.js').trimEnd(), `import { ${[clientFunctionLines.some((l) => l.includes('NotRemotable')) ? 'NotRemotableError as NotRemotable' : '', clientFunctionLines.some((l) => l.includes('remote(')) ? 'remote' : ''].filter(Boolean).join(', ')} } from './transport.js';`] : []),
    '',
    ...clientFiles.flatMap(({ factory, instances }) => [`export { ${factory} };`, ...instances.map((instance) => `export const ${instance} = ${factory}();`)]),
    ...clientFunctionLines.map((line) => line.replace(/new NotRemotableError/g, 'new NotRemotable')),
  ];
  files.push({ path: 'src/clients/index.ts', content: `${clientIndex.join('\n')}\n` });
  files.push(...baasFiles);
  return { files, operations, notRemotable, ports };
}

/** The effect kind of an infrastructure file, from the analysis; else the file's own name. */
function kindOf(file: string, analysis: Analysis): string {
  const byFile = new Map<string, string>();
  for (const candidate of analysis.candidates) {
    for (const effect of candidate.effects) for (const via of effect.via) byFile.set(via.split('#')[0]!, effect.kind);
  }
  return byFile.get(file) ?? kebab(path.posix.basename(file).replace(/\.[cm]?[tj]sx?$/, ''));
}

function publicMethods(owningClass: ClassDeclaration): MethodDeclaration[] {
  return owningClass.getMethods().filter((method) => !method.isStatic() && method.getScope() === Scope.Public && !method.getName().startsWith('#'));
}

function renderPorts(needs: Needs, naming: Naming, analysis: Analysis, typeUsed: Set<string>, declaredTypes: Set<string>, typeBlocks: string[], ports: Map<string, string[]>): RenderedFile[] {
  const index = needs.index;
  for (const owningClass of [...needs.ports].sort((a, b) => declaredName(a).localeCompare(declaredName(b)))) {
    const interfaceName = naming.nameOf(owningClass, declaredName(owningClass));
    declaredTypes.add(interfaceName);
    const members = publicMethods(owningClass).map((method) => `  ${method.getName()}${carriedSignature(method, needs, naming, typeUsed).text};`);
    typeBlocks.push(`/** The port for ${declaredName(owningClass)} (${index.relativePath(owningClass.getSourceFile())}): bind an implementation on the target platform. */\nexport interface ${interfaceName} {\n${members.join('\n')}\n}`);
  }
  const byKind = new Map<string, { lines: string[]; used: Set<string>; imports: Set<string> }>();
  const group = (file: string) => {
    const kind = kindOf(file, analysis);
    let entry = byKind.get(kind);
    if (!entry) byKind.set(kind, (entry = { lines: [], used: new Set(), imports: new Set() }));
    return { kind, entry };
  };
  for (const [variable, owningClass] of needs.portInstances) {
    const { kind, entry } = group(index.relativePath(variable.getSourceFile()));
    const name = naming.nameOf(variable, declaredName(variable));
    const type = owningClass ? naming.nameOf(owningClass, declaredName(owningClass)) : 'any';
    if (owningClass) entry.used.add(type);
    entry.imports.add('port');
    entry.lines.push(`const ${name}Port = port<${type}>('${kind}', '${name}');\n/** Stands for \`${declaredName(variable)}\` (${index.relativePath(variable.getSourceFile())}). */\nexport const ${name}: ${type} = ${name}Port.proxy;\nexport const bind${pascal(name)} = ${name}Port.bind;`);
    ports.set(kind, [...(ports.get(kind) ?? []), name]);
  }
  const functionsByKind = new Map<string, FunctionDeclaration[]>();
  for (const fn of needs.portFunctions) {
    const kind = kindOf(index.relativePath(fn.getSourceFile()), analysis);
    functionsByKind.set(kind, [...(functionsByKind.get(kind) ?? []), fn]);
  }
  for (const [kind, functions] of functionsByKind) {
    const { entry } = group(index.relativePath(functions[0]!.getSourceFile()));
    const interfaceName = naming.generated(`${pascal(kind)}Functions`);
    declaredTypes.add(interfaceName);
    entry.used.add(interfaceName);
    entry.imports.add('port').add('forward');
    const members: string[] = [];
    const portName = `${camel(kind)}Functions`;
    entry.lines.push(`const ${portName} = port<${interfaceName}>('${kind}', '${kind} functions');\nexport const bind${pascal(kind)}Functions = ${portName}.bind;`);
    for (const fn of functions.sort((a, b) => declaredName(a).localeCompare(declaredName(b)))) {
      const name = naming.nameOf(fn, declaredName(fn));
      members.push(`  ${name}${carriedSignature(fn, needs, naming, typeUsed).text};`);
      entry.lines.push(`/** Stands for \`${declaredName(fn)}\` (${index.relativePath(fn.getSourceFile())}). */\nexport const ${name}: ${interfaceName}['${name}'] = forward(${portName}, '${name}');`);
      ports.set(kind, [...(ports.get(kind) ?? []), name]);
    }
    typeBlocks.push(`/** The ${kind} functions the moved code calls: bind an implementation on the target platform. */\nexport interface ${interfaceName} {\n${members.join('\n')}\n}`);
  }
  const files: RenderedFile[] = [];
  for (const [kind, { lines, used, imports }] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const header = `// The ${kind} port: the moved code's ${kind} calls go here. Bind an implementation for the target\n// platform at start-up (see README.md); until then every call fails with NotBoundError.\n`;
    files.push({ path: `src/baas/${kebab(kind)}.ts`, content: `${header}${typeImports(used, declaredTypes, '../types.js')}import { ${[...imports].sort().join(', ')} } from './port.js';\n\n${lines.join('\n\n')}\n` });
  }
  const exports = [...byKind.keys()].sort().map((kind) => `export * from './${kebab(kind)}.js';`);
  files.push({ path: 'src/baas/index.ts', content: `export { NotBoundError } from './port.js';\n${exports.join('\n')}\n` });
  return files;
}

