import type { EntryFact, RenderedFile } from '../../model/index.js';
import type { ScaffoldTarget } from '../contract.js';

/** A concrete path for a route pattern: `/orders/:orderId` → `/orders/sample-orderId`. */
export function samplePath(pattern: string): string {
  return pattern.replace(/:(\w+)\??/g, 'sample-$1').replace(/\*/g, 'sample') || '/';
}

const requestMethod = (entry: EntryFact): string => (entry.method === 'ALL' ? 'GET' : entry.method);
const hasBody = (method: string): boolean => method !== 'GET' && method !== 'HEAD';

/** The route entry tests drive: a GET without parameters if there is one, so the sample is realistic. */
export function sampleRoute(entries: readonly EntryFact[]): EntryFact {
  return entries.find((entry) => entry.method === 'GET' && !entry.path.includes(':')) ?? entries.find((entry) => entry.method === 'GET') ?? entries[0]!;
}

const FAKE_TRANSPORT = `// Domain calls never leave the test: every client call lands here and answers {}.
const calls: string[] = [];
let restore = (): void => {};
beforeEach(() => {
  calls.length = 0;
  restore = useTransport(async (operation) => {
    calls.push(operation.name);
    return {};
  });
});
afterEach(() => restore());`;

function routesTest(entries: readonly EntryFact[]): string {
  const cases = entries.map((entry) => {
    const method = requestMethod(entry);
    return `  it(${JSON.stringify(`${entry.method} ${entry.path} reaches its handler`)}, async () => {
    const response = await call('${method}', ${JSON.stringify(samplePath(entry.path))});
    expect(response.headers.get('x-carve-dispatch')).toBeNull();
    expect(response.status).toBeGreaterThanOrEqual(100);
  });`;
  });
  return `// One case per route, through the fetch handler with the domain clients faked. carve writes this
// file once: add real assertions (status, body) as the function takes over the routes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import handler from '../src/handler.js';
import { useTransport } from '../src/clients/index.js';

${FAKE_TRANSPORT}

function call(method: string, path: string): Promise<Response> {
  const body = method === 'GET' || method === 'HEAD' ? undefined : '{}';
  return handler.fetch(new Request(\`http://function.test\${path}\`, { method, body, headers: { 'content-type': 'application/json' } }));
}

describe('routes', () => {
${cases.join('\n\n')}

  it('answers 404 for a path no route serves', async () => {
    const response = await call('GET', '/carve-no-such-route');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-carve-dispatch')).toBe('unmatched');
  });
});
`;
}

const timeEpoch = '1795534800000';

function fc3Event(entry: EntryFact, functionName: string): unknown {
  const method = requestMethod(entry);
  const rawPath = samplePath(entry.path);
  const prefix = `${functionName}-kdqxvbwzpa`.slice(0, 40);
  return {
    version: 'v1',
    rawPath,
    body: hasBody(method) ? '{}' : '',
    isBase64Encoded: false,
    headers: { accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'okhttp/4.12.0', 'x-forwarded-proto': 'https', 'x-request-source': 'carve-fixture' },
    queryParameters: { page: '2' },
    requestContext: {
      accountId: '1234567890123456',
      domainName: `${prefix}.cn-hangzhou.fcapp.run`,
      domainPrefix: prefix,
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'okhttp/4.12.0' },
      requestId: '1-6563a1b2-0f7a3c5d9e1b2a4c6d8e0f12',
      time: '24/Nov/2026:15:40:00 +0000',
      timeEpoch,
    },
  };
}

function apigwV2Event(entry: EntryFact): unknown {
  const method = requestMethod(entry);
  const rawPath = samplePath(entry.path);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: 'page=2',
    cookies: ['session=abc123', 'theme=dark'],
    headers: { accept: 'application/json', 'content-type': 'application/json', host: 'r2d2c3po4k.execute-api.eu-west-1.amazonaws.com', 'user-agent': 'okhttp/4.12.0', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https', 'x-request-source': 'carve-fixture' },
    queryStringParameters: { page: '2' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'r2d2c3po4k',
      domainName: 'r2d2c3po4k.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'r2d2c3po4k',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'okhttp/4.12.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:15:40:00 +0000',
      timeEpoch: Number(timeEpoch),
    },
    ...(hasBody(method) ? { body: '{}' } : {}),
    isBase64Encoded: false,
  };
}

function entryTest(target: 'fc3' | 'lambda', entry: EntryFact): string {
  const fixture = target === 'fc3' ? 'fc3-http.json' : 'apigw-v2-http.json';
  const label = target === 'fc3' ? 'FC 3.0 HTTP trigger' : 'API Gateway HTTP API (v2)';
  const invoke = target === 'fc3' ? 'handle(Buffer.from(JSON.stringify(event)), {})' : 'handle(event, {})';
  const cookieCheck = target === 'lambda' ? `\n    expect(request.headers.get('cookie')).toBe('session=abc123; theme=dark');` : '';
  return `// Feeds a recorded-shape ${label} event through entry/${target === 'fc3' ? 'fc3' : 'lambda'}.ts. The same event file works with
// ${target === 'fc3' ? '`s local invoke --event-file test/fixtures/events/fc3-http.json`' : '`sam local invoke -e test/fixtures/events/apigw-v2-http.json`'}.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle, toRequest, type ${target === 'fc3' ? 'Fc3HttpEvent' : 'ApiGatewayV2Event'} } from '../entry/${target}.js';
import { useTransport } from '../src/clients/index.js';

${FAKE_TRANSPORT}

const event = JSON.parse(fs.readFileSync(new URL('./fixtures/events/${fixture}', import.meta.url), 'utf8')) as ${target === 'fc3' ? 'Fc3HttpEvent' : 'ApiGatewayV2Event'};

describe('${label} entry', () => {
  it('turns the event into a Request', async () => {
    const request = toRequest(event);
    const url = new URL(request.url);
    expect(request.method).toBe(${JSON.stringify(requestMethod(entry))});
    expect(url.pathname).toBe(${JSON.stringify(samplePath(entry.path))});
    expect(url.searchParams.get('page')).toBe('2');
    expect(request.headers.get('x-request-source')).toBe('carve-fixture');${cookieCheck}
  });

  it('answers with the platform result struct, from the route the event names', async () => {
    const result = await ${invoke};
    expect(result.statusCode).toBeGreaterThanOrEqual(100);
    expect(result.headers['x-carve-dispatch']).toBeUndefined();
    expect(typeof result.body).toBe('string');
    expect(result.isBase64Encoded).toBe(false);
  });

  it('answers 404 for a path no route serves', async () => {
    const result = await handle(${target === 'fc3' ? 'Buffer.from(JSON.stringify({ ...event, rawPath: "/carve-no-such-route" }))' : '{ ...event, rawPath: "/carve-no-such-route" }'}, {});
    expect(result.statusCode).toBe(404);
  });
});
`;
}

function nodeEntryTest(entry: EntryFact): string {
  return `// Starts entry/node.ts's server on a free port and calls it over HTTP.
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeServer } from '../entry/node.js';
import { useTransport } from '../src/clients/index.js';

${FAKE_TRANSPORT}

describe('node:http entry', () => {
  it('serves the routes over HTTP', async () => {
    const server = createNodeServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(\`http://127.0.0.1:\${port}${samplePath(entry.path)}\`, { method: ${JSON.stringify(requestMethod(entry))}, headers: { 'content-type': 'application/json' }, body: ${hasBody(requestMethod(entry)) ? "'{}'" : 'undefined'} });
      expect(response.headers.get('x-carve-dispatch')).toBeNull();
      expect((await fetch(\`http://127.0.0.1:\${port}/carve-no-such-route\`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
`;
}

/** The package's tests: routes through the fetch handler, and each chosen entry with a sample event. */
export function renderTests(entries: readonly EntryFact[], targets: readonly ScaffoldTarget[], functionName: string): RenderedFile[] {
  const sample = sampleRoute(entries);
  const files: RenderedFile[] = [{ path: 'test/routes.test.ts', content: routesTest(entries) }];
  if (targets.includes('fc3')) {
    files.push({ path: 'test/entry.fc3.test.ts', content: entryTest('fc3', sample) });
    files.push({ path: 'test/fixtures/events/fc3-http.json', content: `${JSON.stringify(fc3Event(sample, functionName), null, 2)}\n` });
  }
  if (targets.includes('lambda')) {
    files.push({ path: 'test/entry.lambda.test.ts', content: entryTest('lambda', sample) });
    files.push({ path: 'test/fixtures/events/apigw-v2-http.json', content: `${JSON.stringify(apigwV2Event(sample), null, 2)}\n` });
  }
  if (targets.includes('node')) files.push({ path: 'test/entry.node.test.ts', content: nodeEntryTest(sample) });
  return files;
}
