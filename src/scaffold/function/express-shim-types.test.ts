import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RUNTIME_FILES } from './runtime-files.js';

/** Type-checks a routes module against the generated Express shim, in memory, as the package's tsc would. */
function diagnosticsOf(routes: string): string[] {
  const files: Record<string, string> = { '/pkg/src/http/express-shim.ts': RUNTIME_FILES['src/http/express-shim.ts']!, '/pkg/src/routes.ts': routes };
  for (const [path, content] of Object.entries(RUNTIME_FILES)) if (path.startsWith('src/http/')) files[`/pkg/${path}`] ??= content;
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? read(name);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  host.directoryExists = (name) => name === '/pkg' || name.startsWith('/pkg/') || ts.sys.directoryExists(name);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name]!, version) : original(name, version));
  const program = ts.createProgram(['/pkg/src/routes.ts'], options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === '/pkg/src/routes.ts').map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the generated Express shim', () => {
  it('takes middleware typed against express itself beside handlers typed by the shim', () => {
    const routes = `import { expressRoute, type Request, type Response } from './http/express-shim.js';
// Stands for express-jwt: a handler whose request type has much more than the shim's subset.
interface ExpressRequest { accepts(type: string): string | false; params: Record<string, string>; auth?: unknown }
declare const jwt: ((req: ExpressRequest, res: { locals: object }, next: (error?: unknown) => void) => Promise<void>) & { unless(options: object): unknown };
export const guarded = expressRoute(jwt, async (req: Request, res: Response) => { res.json({ id: req.params.id }); });
// Unannotated inline handlers keep the shim's types (contextual typing through the first signature).
export const plain = expressRoute((req, res) => { res.status(200).json(req.params); });`;
    expect(diagnosticsOf(routes)).toEqual([]);
  });

  it('still rejects what is not a handler, and unknown members on the shim', () => {
    expect(diagnosticsOf(`import { expressRoute } from './http/express-shim.js';\nexport const r = expressRoute(42);`).length).toBeGreaterThan(0);
    expect(diagnosticsOf(`import { expressRoute } from './http/express-shim.js';\nexport const r = expressRoute((req, res) => { res.render('x'); });`).join('\n')).toMatch(/render/);
  });
});
