import type { Candidate, EntryFact, RenderedFile } from '../../model/index.js';
import type { ClientOperation, ScaffoldTarget } from '../contract.js';

/** Versions the generated packages pin: the ones carve itself builds and tests with (Node 20). */
export const PACKAGE_DEV_DEPENDENCIES = { '@types/node': '20.19.43', esbuild: '0.28.2', typescript: '5.9.3', vitest: '4.1.12' } as const;

export interface PackageFacts {
  serviceName: string;
  candidate: Candidate;
  name: string;
  functionName: string;
  entries: EntryFact[];
  targets: readonly ScaffoldTarget[];
  operations: ClientOperation[];
  notRemotable: string[];
  ports: Map<string, string[]>;
  copiedFiles: string[];
  /** Packages the copied code imports (other than the Express types the shim replaces). */
  dependencies: Record<string, string>;
  /** `@types/` packages the monolith installs for those dependencies, at its versions. */
  typeDependencies: Record<string, string>;
}

const BUILD: Record<ScaffoldTarget, string> = {
  fc3: 'esbuild entry/fc3.ts --bundle --platform=node --target=node20 --minify --outfile=dist/fc3/index.js',
  lambda: 'esbuild entry/lambda.ts --bundle --platform=node --target=node20 --minify --outfile=dist/lambda/lambda.js',
  node: 'esbuild entry/node.ts --bundle --platform=node --target=node20 --minify --format=esm --outfile=dist/node/index.mjs',
};

function packageJson(facts: PackageFacts): string {
  const scripts: Record<string, string> = {};
  for (const target of facts.targets) scripts[`build:${target}`] = BUILD[target];
  scripts.build = facts.targets.map((target) => `npm run build:${target}`).join(' && ');
  scripts.typecheck = 'tsc --noEmit';
  scripts.test = 'vitest run';
  if (facts.targets.includes('node')) scripts.dev = 'npm run build:node && node dist/node/index.mjs';
  if (facts.targets.includes('fc3')) scripts['deploy:fc'] = 'npm run build:fc3 && s deploy -y';
  if (facts.targets.includes('lambda')) scripts['deploy:aws'] = 'sam build && sam deploy --guided';
  const pkg = {
    name: facts.functionName,
    version: '0.1.0',
    private: true,
    description: `The ${facts.candidate.id} glue of ${facts.serviceName} as a function, carved by carve.`,
    type: 'module',
    engines: { node: '>=20' },
    scripts,
    ...(Object.keys(facts.dependencies).length ? { dependencies: facts.dependencies } : {}),
    devDependencies: Object.fromEntries(Object.entries({ ...facts.typeDependencies, ...PACKAGE_DEV_DEPENDENCIES }).sort(([a], [b]) => a.localeCompare(b))),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
    include: ['src', 'entry', 'test'],
  },
  null,
  2,
)}\n`;

const ENVIRONMENT = ['CARVE_MONOLITH_URL', 'CARVE_INTERNAL_SECRET', 'CARVE_TIMEOUT_MS'];
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

function methodsOf(entries: readonly EntryFact[]): string[] {
  const methods = new Set(entries.flatMap((entry) => (entry.method === 'ALL' ? HTTP_METHODS : entry.method === 'OPTIONS' ? [] : [entry.method])));
  return HTTP_METHODS.filter((method) => methods.has(method));
}

function sYaml(facts: PackageFacts): string {
  const resource = facts.functionName.replace(/[^A-Za-z0-9]+/g, '_');
  return `# Serverless Devs (fc3 component): \`npm run deploy:fc\` builds dist/fc3 and deploys it.
edition: 3.0.0
name: ${facts.functionName}
access: default
vars:
  region: cn-hangzhou
resources:
  ${resource}:
    component: fc3
    props:
      region: \${vars.region}
      functionName: ${facts.functionName}
      description: ${JSON.stringify(`${facts.candidate.id} routes of ${facts.serviceName}, carved by carve`)}
      runtime: nodejs20
      code: ./dist/fc3
      handler: index.handler
      memorySize: 512
      timeout: 30
      environmentVariables:
${ENVIRONMENT.map((name) => `        ${name}: \${env('${name}')}`).join('\n')}
      triggers:
        - triggerName: httpTrigger
          triggerType: http
          qualifier: LATEST
          triggerConfig:
            authType: anonymous
            disableURLInternet: false
            methods: [${methodsOf(facts.entries).join(', ')}]
`;
}

const samPath = (path: string): string => path.replace(/:(\w+)\??/g, '{$1}').replace(/\*/g, '{proxy+}') || '/';
const pascal = (name: string): string => name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());

function templateYaml(facts: PackageFacts): string {
  const events = facts.entries.map((entry, index) => `        Route${index + 1}${pascal(entry.method.toLowerCase())}:\n          Type: HttpApi\n          Properties:\n            Path: ${samPath(entry.path)}\n            Method: ${entry.method === 'ALL' ? 'ANY' : entry.method.toLowerCase()}`);
  return `# AWS SAM: \`sam build && sam deploy --guided\` (npm run deploy:aws). SAM bundles entry/lambda.ts with esbuild.
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: ${JSON.stringify(`${facts.candidate.id} routes of ${facts.serviceName}, carved by carve`)}
Parameters:
  MonolithUrl:
    Type: String
  SharedSecret:
    Type: String
    NoEcho: true
Globals:
  Function:
    Timeout: 30
Resources:
  ${pascal(facts.functionName)}Function:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./
      Handler: lambda.handler
      Runtime: nodejs20.x
      MemorySize: 512
      Environment:
        Variables:
          CARVE_MONOLITH_URL: !Ref MonolithUrl
          CARVE_INTERNAL_SECRET: !Ref SharedSecret
      Events:
${events.join('\n')}
    Metadata:
      BuildMethod: esbuild
      BuildProperties:
        EntryPoints:
          - entry/lambda.ts
        Target: es2022
        Minify: true
        Sourcemap: true
`;
}

function readme(facts: PackageFacts): string {
  const { candidate } = facts;
  const lines = [
    `# ${facts.functionName}`,
    '',
    `The **${candidate.id}** glue of \`${facts.serviceName}\`, carved into a function by carve: ${facts.entries.length} routes, ${facts.copiedFiles.length} files of copied code, ${facts.operations.length} domain operations called over HTTP.`,
    '',
    '```sh',
    'npm install',
    'npm test            # every route through the fetch handler, and each entry with a recorded event',
    'npm run typecheck',
    'npm run build       # esbuild bundles per target into dist/',
    ...(facts.targets.includes('node') ? ['npm run dev         # a local server on $PORT (default 3000)'] : []),
    ...(facts.targets.includes('fc3') ? ['npm run deploy:fc   # Serverless Devs, s.yaml'] : []),
    ...(facts.targets.includes('lambda') ? ['npm run deploy:aws  # AWS SAM, template.yaml'] : []),
    '```',
    '',
    '## Routes',
    '',
    '| method | path | registered at |',
    '|---|---|---|',
    ...facts.entries.map((entry) => `| ${entry.method} | \`${entry.path}\` | ${entry.file}:${entry.line} |`),
    '',
    '## Layout',
    '',
    '- `src/handler.ts`: the function, a Web-standard `fetch(Request) → Response`; `src/routes.ts` lists the routes with the middleware and handlers the monolith registered; `src/http/` runs them through a small Express or Koa shim.',
    '- `src/glue/`: the moved code, copied from the monolith with its comments; only what the routes reach. It is yours to edit.',
    '- `src/clients/`: one client per domain service that stays in the monolith. Each call is a `POST` of `{"args": [...]}` to the monolith\'s internal endpoint, answered with `{"result": ...}`.',
    '- `src/baas/`: ports for the infrastructure the moved code used; bind an implementation at start-up, or every call fails with `NotBoundError`.',
    '- `src/types.ts`: types carried over from the monolith; `src/config.ts`: the one module that reads the environment.',
    `- \`entry/\`: one adapter per target (${facts.targets.join(', ')}).`,
    '',
    '## Environment',
    '',
    '| variable | meaning |',
    '|---|---|',
    '| `CARVE_MONOLITH_URL` | base URL of the monolith\'s internal endpoints |',
    '| `CARVE_INTERNAL_SECRET` | sent in the `x-carve-secret` header; the monolith checks it |',
    '| `CARVE_TIMEOUT_MS` | timeout of one call to the monolith (default 5000) |',
    '',
    '## Domain operations',
    '',
    ...(facts.operations.length ? ['| operation | endpoint | monolith symbol |', '|---|---|---|', ...facts.operations.map((op) => `| \`${op.operation}\` | \`POST ${op.path}\` | \`${op.target}\` |`)] : ['None.']),
    '',
    '## To do by hand',
    '',
  ];
  const todos: string[] = [];
  for (const [kind, names] of [...facts.ports].sort(([a], [b]) => a.localeCompare(b))) todos.push(`- Bind the **${kind}** port (\`src/baas/\`: ${names.map((n) => `\`${n}\``).join(', ')}) to a managed service on the target platform.`);
  for (const call of facts.notRemotable) todos.push(`- \`${call}\` is synchronous: the moved code uses its result directly, so it cannot become an HTTP call as it is. Copy its logic into the function or make the caller await it; until then it throws \`NotRemotableError\`.`);
  for (const risk of candidate.risks) todos.push(`- ${risk}`);
  todos.push('- Errors the monolith raises arrive as `RemoteCallError` (status and body), not as the monolith\'s own error classes: map them where the moved code checks `instanceof`.');
  todos.push('- Middleware the monolith applies to the whole app or a router (`app.use(...)`, e.g. body parsing, auth that fills `req.user`) is not carried; only route-level middleware is. Add what the function needs in `src/routes.ts`.');
  lines.push(...todos, '', 'Generated by carve. `src/glue/` and `test/routes.test.ts` are yours; regenerate the rest with `carve scaffold`.', '');
  return lines.join('\n');
}

/** package.json, tsconfig.json, README.md and the deploy descriptors of the chosen targets. */
export function renderPackageFiles(facts: PackageFacts): RenderedFile[] {
  const files: RenderedFile[] = [
    { path: 'package.json', content: packageJson(facts) },
    { path: 'tsconfig.json', content: TSCONFIG },
    { path: 'README.md', content: readme(facts) },
    { path: '.gitignore', content: 'node_modules/\ndist/\n.aws-sam/\n.s/\n' },
  ];
  if (facts.targets.includes('fc3')) files.push({ path: 's.yaml', content: sYaml(facts) });
  if (facts.targets.includes('lambda')) files.push({ path: 'template.yaml', content: templateYaml(facts) });
  return files;
}
