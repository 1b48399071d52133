import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { EntryFact } from '../../model/index.js';
import { findRouteSites } from './route-sites.js';

const text = `import { Router } from 'express';
export const r = Router();
r.get('/', list);
r.route('/:id')
  .get(auth, show)
  .delete(auth, [audit, remove]);
r.post('/:id/copy', ...chain);
`;

const entry = (method: EntryFact['method'], path: string, line: number): EntryFact => ({ id: `${method} ${path}`, method, path, file: 'r.ts', line, handler: null, middleware: [], framework: 'express', group: null });

describe('findRouteSites', () => {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('/r.ts', text);
  const handlerText = (site: { start: number; end: number }) => text.slice(site.start, site.end);

  it('finds the final handler of direct, chained and array registrations', () => {
    const { sites, missing } = findRouteSites(file, [entry('GET', '/api/things', 3), entry('GET', '/api/things/:id', 4), entry('DELETE', '/api/things/:id', 4)]);
    expect(missing).toEqual([]);
    expect(sites.map(handlerText)).toEqual(['list', 'show', 'remove']);
  });

  it('reports a registration it cannot place: wrong line, other path, or a spread handler list', () => {
    const lost = [entry('GET', '/api/things', 7), entry('GET', '/api/other/:x', 5), entry('POST', '/api/things/:id/copy', 7)];
    expect(findRouteSites(file, lost)).toEqual({ sites: [], missing: lost });
  });
});
