// carve report page. Runs in the browser, offline, on the model embedded in #carve-model.
// Every string from the analysed repository reaches the page through textContent or an SVG
// text node: never through innerHTML, so no route path or file name can become markup.
(function () {
  'use strict';

  var model = JSON.parse(document.getElementById('carve-model').textContent);
  var symbolsById = new Map(model.symbols.map(function (s) { return [s.id, s]; }));
  var edgesFrom = new Map();
  model.edges.forEach(function (e) { if (!edgesFrom.has(e.from)) edgesFrom.set(e.from, []); edgesFrom.get(e.from).push(e); });
  var routesOfHandler = new Map();
  model.entries.forEach(function (e) { if (e.handler) routesOfHandler.set(e.handler, (routesOfHandler.get(e.handler) || 0) + 1); });
  var handlerOfRoute = new Map(model.entries.map(function (e) { return [e.id, e.handler]; }));

  // --- what-if: moves of routes and glue symbols between candidates, recomputed live ---------------
  var moves = { routes: {}, symbols: {} };
  var candidates = model.candidates;
  var candidateOfEntry = new Map();
  var candidateOfSymbol = new Map();

  function slug(name) { return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'candidate'; }
  function moveCount() { return Object.keys(moves.routes).length + Object.keys(moves.symbols).length; }

  function recompute(bucket, ownerOf) {
    var base = bucket.base;
    var own = new Set(bucket.symbols);
    var code = bucket.symbols.concat(base ? base.sharedSymbols : []);
    var remote = new Map(), infraCalled = new Set(code), cut = 0;
    code.forEach(function (from) {
      (edgesFrom.get(from) || []).forEach(function (e) {
        if (e.kind !== 'call') return;
        var target = symbolsById.get(e.to);
        if (target && target.layer === 'domain') {
          var call = remote.get(e.to) || { target: e.to, name: target.name, file: target.file, signature: target.signature, callers: [], callSites: 0 };
          if (call.callers.indexOf(from) < 0) call.callers.push(from);
          call.callSites += e.weight;
          remote.set(e.to, call);
        }
        if (target && target.layer === 'infrastructure') infraCalled.add(e.to);
        if (own.has(from) && ownerOf.has(e.to) && ownerOf.get(e.to) !== bucket.name) cut += e.weight;
      });
    });
    var effects = new Map();
    model.candidates.forEach(function (c) {
      c.effects.forEach(function (effect) {
        if (effect.via.some(function (v) { return infraCalled.has(v); })) effects.set(effect.kind + ' ' + effect.package, effect);
      });
    });
    var loc = bucket.symbols.reduce(function (sum, id) {
      var s = symbolsById.get(id);
      return sum + (!s || (s.parent && own.has(s.parent)) ? 0 : s.loc);
    }, 0);
    var remoteCalls = Array.from(remote.values()).sort(function (a, b) { return a.target < b.target ? -1 : 1; });
    return {
      id: base && base.name === bucket.name ? base.id : slug(bucket.name),
      name: bucket.name,
      entries: bucket.routes.slice().sort(),
      symbols: bucket.symbols.slice().sort(),
      sharedSymbols: base ? base.sharedSymbols : [],
      remoteCalls: remoteCalls,
      effects: Array.from(effects.values()),
      state: base ? base.state : [],
      risks: base ? base.risks : [],
      metrics: {
        routes: bucket.routes.length, symbols: bucket.symbols.length, loc: loc, sharedSymbols: base ? base.sharedSymbols.length : 0,
        remoteCalls: remoteCalls.length, remoteCallSites: remoteCalls.reduce(function (n, c) { return n + c.callSites; }, 0),
        effects: effects.size, cohesion: base ? base.metrics.cohesion : 1, crossCandidateCalls: cut, mutableStateShared: base ? base.metrics.mutableStateShared : 0,
      },
    };
  }

  /** The candidates as the architect's moves make them (the model's own when there are none). */
  function applyMoves() {
    var buckets = new Map();
    function bucket(name) {
      if (!buckets.has(name)) buckets.set(name, { name: name, routes: [], symbols: [], base: model.candidates.filter(function (c) { return c.name === name; })[0] || null });
      return buckets.get(name);
    }
    model.candidates.forEach(function (c) {
      bucket(c.name);
      c.entries.forEach(function (e) { bucket(moves.routes[e] || c.name).routes.push(e); });
      c.symbols.forEach(function (s) { bucket(moves.symbols[s] || c.name).symbols.push(s); });
    });
    Object.keys(moves.routes).concat(Object.keys(moves.symbols)).forEach(function (id) { bucket(moves.routes[id] || moves.symbols[id]); });
    var live = Array.from(buckets.values()).filter(function (b) { return b.routes.length > 0; });
    var ownerOf = new Map();
    live.forEach(function (b) { b.symbols.forEach(function (s) { ownerOf.set(s, b.name); }); });
    // Code left in a candidate with no route joins the candidate that calls it most, as carve analyze does.
    var orphans = [];
    buckets.forEach(function (b) { if (!b.routes.length) orphans = orphans.concat(b.symbols); });
    for (var pass = 0; pass < 5 && orphans.length; pass++) {
      orphans = orphans.filter(function (orphan) {
        var votes = new Map();
        model.edges.forEach(function (e) { if (e.to === orphan && ownerOf.has(e.from)) votes.set(ownerOf.get(e.from), (votes.get(ownerOf.get(e.from)) || 0) + e.weight); });
        var best = Array.from(votes.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })[0];
        if (!best) return true;
        ownerOf.set(orphan, best[0]);
        buckets.get(best[0]).symbols.push(orphan);
        return false;
      });
    }
    candidates = moveCount() ? live.map(function (b) { return recompute(b, ownerOf); }) : model.candidates.slice();
    candidates.sort(function (a, b) { return b.metrics.routes - a.metrics.routes || (a.entries[0] < b.entries[0] ? -1 : 1); });
    candidateOfEntry = new Map();
    candidateOfSymbol = new Map();
    candidates.forEach(function (c) {
      c.entries.forEach(function (e) { candidateOfEntry.set(e, c); });
      c.symbols.forEach(function (s) { candidateOfSymbol.set(s, c); });
    });
  }

  function moveMember(id, isRoute, target) {
    var table = isRoute ? moves.routes : moves.symbols;
    var current = isRoute ? candidateOfEntry.get(id) : candidateOfSymbol.get(id);
    var original = isRoute ? model.candidates.filter(function (c) { return c.entries.indexOf(id) >= 0; })[0] : model.candidates.filter(function (c) { return c.symbols.indexOf(id) >= 0; })[0];
    if (!current || !target || current.name === target) return;
    if (original && original.name === target) delete table[id]; else table[id] = target;
    // A handler that serves this route alone travels with it, as carve analyze does.
    var handler = isRoute ? handlerOfRoute.get(id) : null;
    if (handler && routesOfHandler.get(handler) === 1 && candidateOfSymbol.get(handler) === current) moveMember(handler, false, target);
    applyMoves();
  }

  function totalCut(list) { return list.reduce(function (n, c) { return n + c.metrics.crossCandidateCalls; }, 0); }
  var baselineCut = totalCut(model.candidates);
  applyMoves();

  // --- tiny DOM helpers: text only ------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'onclick') node.addEventListener('click', attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return node;
  }
  function code(text) { return el('code', { text: text }); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function section(title, children) { return el('section', {}, [el('h2', { text: title })].concat(children)); }
  function list(items, render) {
    if (!items.length) return el('p', { class: 'muted', text: 'none' });
    return el('ul', { class: 'plain' }, items.map(function (item) { return el('li', {}, [render(item)]); }));
  }
  function where(symbolId) {
    var s = symbolsById.get(symbolId);
    return s ? s.file + ':' + s.line : symbolId;
  }
  function domainServiceOf(call) { return call.name.split('.')[0]; }

  // --- views ----------------------------------------------------------------------------------
  var view = document.getElementById('view');
  var tabs = [
    ['overview', 'Overview', renderOverview],
    ['graph', 'Graph', renderGraph],
    ['matrix', 'Matrix', renderMatrix],
    ['candidate', 'Candidate', renderCandidate],
    ['search', 'Search', renderSearch],
  ];
  var state = { tab: 'overview', candidate: candidates[0] ? candidates[0].id : null, sort: { key: 'routes', desc: true }, query: '', expanded: {} };

  function show(tab, extra) {
    Object.assign(state, extra || {}, { tab: tab });
    document.querySelectorAll('#tabs button').forEach(function (b) { b.setAttribute('aria-selected', String(b.dataset.tab === tab)); });
    clear(view);
    tabs.filter(function (t) { return t[0] === tab; })[0][2](view);
  }

  var nav = document.getElementById('tabs');
  tabs.forEach(function (t) {
    var button = el('button', { 'data-tab': t[0], 'aria-selected': 'false', text: t[1], onclick: function () { show(t[0]); } });
    nav.appendChild(button);
  });
  document.getElementById('search').addEventListener('input', function (event) { show('search', { query: event.target.value }); });

  function openCandidate(id) { show('candidate', { candidate: id }); }
  function candidateLink(c) { return el('button', { class: 'link', text: c.name, onclick: function () { openCandidate(c.id); } }); }

  var METRICS = [
    ['entries', 'routes', 'entry points found: HTTP routes with their full mounted paths, GraphQL operations'],
    ['candidates', 'candidate functions', 'groups of glue that could each become one function'],
    ['modularity', 'modularity', 'how much more the candidates call inside than chance would give (−0.5…1, higher is better)'],
    ['coverage', 'glue coverage', 'share of entry and glue symbols placed in a candidate or marked shared'],
    ['sharedSymbols', 'shared glue', 'glue used by several candidates: copied into each, or kept as a library'],
    ['files', 'files', 'TypeScript files analysed (tests left out)'],
  ];

  function renderOverview(root) {
    var m = model.metrics;
    root.appendChild(el('div', { class: 'metrics' }, METRICS.map(function (spec) {
      var value = spec[0] === 'candidates' ? candidates.length : m[spec[0]];
      var shown = spec[0] === 'coverage' ? Math.round(value * 1000) / 10 + '%' : spec[0] === 'modularity' ? value.toFixed(3) : String(value);
      return el('div', { class: 'metric', title: spec[2] }, [el('b', { text: shown }), el('span', { text: spec[1] + ': ' + spec[2] })]);
    })));

    var d = m.decomposition;
    if (d) {
      var QUALITY = [
        ['sm', 'SM', 'structural modularity: calls inside candidates minus calls across (−0.5…0.5, higher is better)', 3],
        ['icp', 'ICP', 'inter-call percentage: share of call weight crossing candidates (0…1, lower is better)', 3],
        ['ifn', 'IFN', 'interface number: symbols per candidate called from another one (lower is better)', 2],
        ['ned', 'NED', 'non-extreme distribution: share of symbols in candidates outside ' + d.nedBand.min + '–' + d.nedBand.max + ' symbols (lower is better)', 3],
        ['bcp', 'BCP', 'business-context purity: mean ln(routers or path areas reaching a candidate) (0 is pure, lower is better)', 3],
        ['transactionsCrossing', 'split transactions', 'transaction scopes whose work leaves the function', 0],
      ];
      root.appendChild(el('div', { class: 'metrics', id: 'decomposition-metrics' }, QUALITY.map(function (spec) {
        return el('div', { class: 'metric', title: spec[2] }, [el('b', { text: d[spec[0]].toFixed(spec[3]) }), el('span', { text: spec[1] + ': ' + spec[2] })]);
      })));
      if (moveCount()) root.appendChild(el('p', { class: 'muted', id: 'decomposition-stale', text: 'These figures are those of the analysed partition: export the moves and run carve analyze again to measure them.' }));
    }
    if (model.sweep && model.sweep.length) root.appendChild(section('Resolution sweep', [renderSweep(model.sweep, model.options.resolution)]));

    var columns = [
      ['name', 'candidate', function (c) { return c.name; }],
      ['routes', 'routes', function (c) { return c.metrics.routes; }],
      ['loc', 'lines', function (c) { return c.metrics.loc; }],
      ['remoteCalls', 'remote calls', function (c) { return c.metrics.remoteCalls; }],
      ['effects', 'BaaS', function (c) { return c.metrics.effects; }],
      ['hops', 'remote hops', function (c) { return c.metrics.faas ? c.metrics.faas.remoteHops : '–'; }],
      ['risks', 'risks', function (c) { return c.risks.length; }],
    ];
    var sorted = candidates.slice().sort(function (a, b) {
      var get = columns.filter(function (col) { return col[0] === state.sort.key; })[0][2];
      var x = get(a), y = get(b);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return state.sort.desc ? -order : order;
    });
    var head = el('tr', {}, columns.map(function (col) {
      return el('th', { class: 'sortable' + (col[0] === 'name' ? '' : ' num'), 'data-sort': col[0], text: col[1], onclick: function () {
        state.sort = { key: col[0], desc: state.sort.key === col[0] ? !state.sort.desc : true };
        show('overview');
      } });
    }));
    var rows = sorted.map(function (c) {
      return el('tr', { 'data-candidate': c.id }, columns.map(function (col, index) {
        return index === 0 ? el('td', {}, [candidateLink(c)]) : el('td', { class: 'num', text: String(col[2](c)) });
      }));
    });
    root.appendChild(section('Candidates', [el('table', { id: 'candidate-table' }, [el('thead', {}, [head]), el('tbody', {}, rows)])]));

    var exportButton = el('button', { id: 'export-overrides', text: 'Export overrides (carve.config.json)', onclick: function () {
      var text = JSON.stringify({ overrides: moves }, null, 2) + '\n';
      var link = el('a', { download: 'carve.config.json' });
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      document.body.appendChild(link);
      link.click();
      link.remove();
    } });
    var resetButton = el('button', { id: 'reset-moves', text: 'Reset', onclick: function () { moves = { routes: {}, symbols: {} }; applyMoves(); show('overview'); } });
    var movedList = Object.keys(moves.routes).map(function (k) { return k + ' → ' + moves.routes[k]; }).concat(Object.keys(moves.symbols).map(function (k) { return k + ' → ' + moves.symbols[k]; }));
    root.appendChild(section('What-if', [
      el('p', { id: 'whatif-summary', text: moveCount() + ' move(s); calls cut between candidates: ' + totalCut(candidates) + ' (as analysed: ' + baselineCut + ')' }),
      el('p', { class: 'muted', text: 'Move routes or glue from a candidate page. Export the moves and put them in carve.config.json: the next carve analyze keeps them.' }),
      list(movedList, function (m) { return code(m); }),
      el('p', {}, [exportButton, ' ', resetButton]),
    ]));

    var warnings = model.warnings.map(function (w) { return { text: w }; }).concat(model.skipped.map(function (s) { return { text: 'skipped ' + s.file + ': ' + s.reason }; }));
    root.appendChild(section('Warnings', [list(warnings, function (w) { return el('span', { class: 'risk', text: w.text }); })]));
  }

  /** The partition's quality per Louvain resolution (carve analyze --sweep): one line per metric. */
  function renderSweep(points, chosen) {
    // Stability is a MoJoFM (0–100): drawn on the same 0–1 axis as a share.
    var value = function (p, key) { return key === 'stability' ? p.stability / 100 : p[key]; };
    var series = [['sm', 'SM ↑', '#2f6fdb'], ['modularity', 'modularity ↑', '#2e9d6b'], ['stability', 'stability ↑ (÷100)', '#5d6678'], ['icp', 'ICP ↓', '#b5531b'], ['ned', 'NED ↓', '#7a56c2'], ['bcp', 'BCP ↓', '#9a7b12']];
    var width = 640, height = 240, pad = { left: 40, right: 110, top: 10, bottom: 34 };
    var x = d3.scaleLinear().domain(d3.extent(points, function (p) { return p.resolution; })).range([pad.left, width - pad.right]);
    var high = d3.max(points, function (p) { return Math.max(p.sm, p.modularity, p.icp, p.ned, p.bcp, p.stability / 100, 1); });
    var y = d3.scaleLinear().domain([Math.min(0, d3.min(points, function (p) { return Math.min(p.sm, p.modularity); })), high]).nice().range([height - pad.bottom, pad.top]);
    var holder = el('div', { id: 'sweep' });
    var svg = d3.select(holder).append('svg').attr('class', 'graph').attr('width', width).attr('height', height).attr('id', 'sweep-chart');
    svg.append('g').attr('transform', 'translate(0,' + (height - pad.bottom) + ')').call(d3.axisBottom(x).ticks(8));
    svg.append('g').attr('transform', 'translate(' + pad.left + ',0)').call(d3.axisLeft(y).ticks(5));
    svg.append('text').attr('x', (pad.left + width - pad.right) / 2).attr('y', height - 4).attr('text-anchor', 'middle').text('Louvain resolution');
    svg.append('line').attr('x1', x(chosen)).attr('x2', x(chosen)).attr('y1', pad.top).attr('y2', height - pad.bottom).attr('stroke', '#aab3c5').attr('stroke-dasharray', '4 3');
    series.forEach(function (s, index) {
      var line = d3.line().x(function (p) { return x(p.resolution); }).y(function (p) { return y(value(p, s[0])); });
      svg.append('path').datum(points).attr('class', 'sweep-line').attr('data-metric', s[0]).attr('fill', 'none').attr('stroke', s[2]).attr('stroke-width', 2).attr('d', line);
      svg.append('text').attr('x', width - pad.right + 8).attr('y', pad.top + 12 + index * 16).style('fill', s[2]).text(s[1]);
    });
    var rows = points.map(function (p) {
      return el('tr', {}, [p.resolution, p.candidates, p.modularity, p.sm, p.icp, p.ifn, p.ned, p.bcp, p.stability].map(function (v, i) { return el('td', { class: 'num', text: i < 2 ? String(v) : i === 8 ? v.toFixed(1) : v.toFixed(3) }); }));
    });
    var head = el('tr', {}, ['resolution', 'candidates', 'modularity', 'SM', 'ICP', 'IFN', 'NED', 'BCP', 'stability'].map(function (h) { return el('th', { class: 'num', text: h }); }));
    holder.appendChild(el('p', { class: 'muted', text: 'The same graph clustered at each resolution (dashed: the one analysed). Higher resolution gives more, smaller candidates. Stability: MoJoFM of the routes\' partition with the next seed against this one (100 = the seed does not matter).' }));
    holder.appendChild(el('table', { id: 'sweep-table' }, [el('thead', {}, [head]), el('tbody', {}, rows)]));
    return holder;
  }

  function graphData() {
    var nodes = [], links = [], index = new Map();
    function node(id, label, kind, size) {
      if (!index.has(id)) { index.set(id, nodes.length); nodes.push({ id: id, label: label, kind: kind, size: size }); }
      return nodes[index.get(id)];
    }
    candidates.forEach(function (c) {
      node('c:' + c.id, c.name, 'candidate', Math.max(6, Math.sqrt(c.metrics.loc + 1) * 2));
      var perService = new Map();
      c.remoteCalls.forEach(function (call) { perService.set(domainServiceOf(call), (perService.get(domainServiceOf(call)) || 0) + call.callSites); });
      perService.forEach(function (weight, service) {
        node('d:' + service, service, 'domain', 7);
        links.push({ source: 'c:' + c.id, target: 'd:' + service, weight: weight });
      });
      c.effects.forEach(function (e) {
        var id = 'i:' + e.kind + ':' + e.package;
        node(id, e.kind + ' (' + e.package + ')', 'infrastructure', 7);
        links.push({ source: 'c:' + c.id, target: id, weight: e.via.length });
      });
      // An expanded candidate shows its own code, each symbol tied to it and to what it calls inside.
      if (state.expanded[c.id]) {
        var own = new Set(c.symbols);
        c.symbols.forEach(function (s) {
          var sym = symbolsById.get(s);
          node('s:' + s, sym ? sym.name : s, 'symbol', 3);
          links.push({ source: 'c:' + c.id, target: 's:' + s, weight: 0.5 });
          (edgesFrom.get(s) || []).forEach(function (e) { if (own.has(e.to)) links.push({ source: 's:' + s, target: 's:' + e.to, weight: e.weight }); });
        });
      }
    });
    return { nodes: nodes, links: links };
  }

  var COLORS = { candidate: '#2f6fdb', domain: '#7a56c2', infrastructure: '#2e9d6b', symbol: '#9bb4e3' };

  function renderGraph(root) {
    var data = graphData();
    var width = Math.max(640, root.clientWidth - 20), height = 560;
    root.appendChild(el('p', { class: 'legend' }, Object.keys(COLORS).map(function (k) {
      var swatch = el('span', { class: 'swatch' }); swatch.style.background = COLORS[k];
      return el('span', {}, [swatch, k]);
    }).concat([el('span', { class: 'muted', text: 'Candidates with the domain services they would call remotely and the BaaS they need. Scroll to zoom, drag to pan; click a candidate to show its code, double-click to open it.' })])));
    var svg = d3.select(root).append('svg').attr('class', 'graph').attr('width', width).attr('height', height).attr('id', 'graph');
    var layer = svg.append('g');
    svg.call(d3.zoom().scaleExtent([0.2, 5]).on('zoom', function (event) { layer.attr('transform', event.transform); })).on('dblclick.zoom', null);
    var link = layer.append('g').attr('stroke', '#aab3c5').selectAll('line').data(data.links).join('line')
      .attr('stroke-width', function (d) { return Math.min(8, 1 + Math.log2(1 + d.weight)); });
    var node = layer.append('g').selectAll('g').data(data.nodes).join('g').attr('class', function (d) { return 'node ' + d.kind; })
      .style('cursor', function (d) { return d.kind === 'candidate' ? 'pointer' : 'default'; })
      .on('click', function (_event, d) {
        if (d.kind !== 'candidate') return;
        var id = d.id.slice(2);
        if (state.expanded[id]) delete state.expanded[id]; else state.expanded[id] = true;
        show('graph');
      })
      .on('dblclick', function (_event, d) { if (d.kind === 'candidate') openCandidate(d.id.slice(2)); });
    node.append('circle').attr('r', function (d) { return d.size; }).attr('fill', function (d) { return COLORS[d.kind]; });
    node.append('title').text(function (d) { return d.label; });
    node.filter(function (d) { return d.kind !== 'symbol'; }).append('text').attr('x', function (d) { return d.size + 3; }).attr('y', 4).text(function (d) { return d.label; });
    var simulation = d3.forceSimulation(data.nodes)
      .force('link', d3.forceLink(data.links).id(function (d) { return d.id; }).distance(90))
      .force('charge', d3.forceManyBody().strength(-220))
      .force('center', d3.forceCenter(width / 2, height / 2))
      .force('collide', d3.forceCollide().radius(function (d) { return d.size + 4; }));
    simulation.on('tick', function () {
      link.attr('x1', function (d) { return d.source.x; }).attr('y1', function (d) { return d.source.y; })
        .attr('x2', function (d) { return d.target.x; }).attr('y2', function (d) { return d.target.y; });
      node.attr('transform', function (d) { return 'translate(' + d.x + ',' + d.y + ')'; });
    });
  }

  function renderMatrix(root) {
    var services = new Set(), infra = new Set();
    candidates.forEach(function (c) {
      c.remoteCalls.forEach(function (call) { services.add(domainServiceOf(call)); });
      c.effects.forEach(function (e) { infra.add(e.kind + ' (' + e.package + ')'); });
    });
    var columns = Array.from(services).sort().concat(Array.from(infra).sort());
    var head = el('tr', {}, [el('th', { text: 'candidate' })].concat(columns.map(function (col) { return el('th', { text: col }); })));
    var rows = candidates.map(function (c) {
      var calls = new Map();
      c.remoteCalls.forEach(function (call) { calls.set(domainServiceOf(call), (calls.get(domainServiceOf(call)) || 0) + call.callSites); });
      c.effects.forEach(function (e) { calls.set(e.kind + ' (' + e.package + ')', e.via.length); });
      return el('tr', {}, [el('td', {}, [candidateLink(c)])].concat(columns.map(function (col) {
        return calls.has(col) ? el('td', { class: 'hit', text: String(calls.get(col)), title: c.name + ' → ' + col }) : el('td', {});
      })));
    });
    root.appendChild(el('p', { class: 'muted', text: 'Remote calls (call sites) each candidate would make into a domain service, and the infrastructure it would bind as BaaS.' }));
    root.appendChild(el('table', { class: 'matrix', id: 'matrix' }, [el('thead', {}, [head]), el('tbody', {}, rows)]));
  }

  function renderCandidate(root) {
    var c = candidates.filter(function (x) { return x.id === state.candidate; })[0];
    var picker = el('select', { id: 'candidate-picker', 'aria-label': 'Candidate' }, candidates.map(function (x) {
      var option = el('option', { value: x.id, text: x.name + ' (' + x.metrics.routes + ' routes)' });
      if (x.id === state.candidate) option.selected = true;
      return option;
    }));
    picker.addEventListener('change', function () { openCandidate(picker.value); });
    root.appendChild(el('p', {}, ['Candidate ', picker]));
    if (!c) { root.appendChild(el('p', { class: 'muted', text: 'No candidates.' })); return; }

    var memberPick = el('select', { id: 'move-member', 'aria-label': 'Route or symbol to move' },
      c.entries.map(function (e) { return el('option', { value: 'r:' + e, text: 'route ' + e }); })
        .concat(c.symbols.map(function (s) { return el('option', { value: 's:' + s, text: (symbolsById.get(s) || { name: s }).name }); })));
    var targetPick = el('select', { id: 'move-target', 'aria-label': 'Move to candidate' },
      candidates.filter(function (x) { return x.id !== c.id; }).map(function (x) { return el('option', { value: x.name, text: x.name }); })
        .concat([el('option', { value: '', text: 'a new candidate named…' })]));
    var newName = el('input', { id: 'move-new-name', type: 'text', placeholder: 'new candidate name', 'aria-label': 'New candidate name' });
    var moveButton = el('button', { id: 'move-apply', text: 'Move', onclick: function () {
      var target = targetPick.value || newName.value.trim();
      if (!target) return;
      var value = memberPick.value;
      moveMember(value.slice(2), value[0] === 'r', target);
      var stay = candidates.filter(function (x) { return x.id === c.id; })[0];
      openCandidate(stay ? c.id : (candidateOfEntry.get(value.slice(2)) || candidates[0]).id);
    } });
    root.appendChild(el('p', { class: 'whatif' }, ['What-if: move ', memberPick, ' to ', targetPick, ' ', newName, ' ', moveButton]));
    root.appendChild(el('p', { id: 'candidate-metrics', class: 'muted', text: c.metrics.routes + ' routes · ' + c.metrics.symbols + ' symbols · ' + c.metrics.loc + ' lines · ' + c.metrics.remoteCalls + ' remote calls · ' + c.metrics.crossCandidateCalls + ' calls into other candidates' }));

    var own = new Set(c.symbols);
    var inside = [], cut = [];
    model.edges.forEach(function (e) {
      if (!own.has(e.from) || e.kind !== 'call') return;
      if (own.has(e.to)) inside.push(e);
      else if (candidateOfSymbol.has(e.to)) cut.push(e);
    });
    inside.sort(function (a, b) { return b.weight - a.weight; });

    root.appendChild(section('Routes', [list(c.entries, function (e) { return code(e); })]));
    root.appendChild(section('Code that moves (' + c.symbols.length + ' symbols, ' + c.metrics.loc + ' lines)', [list(c.symbols, function (s) {
      var sym = symbolsById.get(s);
      return el('span', {}, [code(sym ? sym.name : s), el('span', { class: 'muted', text: '  ' + where(s) })]);
    })]));
    root.appendChild(section('Shared glue it uses', [list(c.sharedSymbols, function (s) { return el('span', {}, [code(s)]); })]));
    root.appendChild(section('Remote calls it would need', [list(c.remoteCalls, function (call) {
      return el('span', {}, [code(call.name + (call.signature || '')), el('span', { class: 'muted', text: '  ' + call.callSites + ' call site(s), ' + call.file })]);
    })]));
    root.appendChild(section('Infrastructure as BaaS', [list(c.effects, function (e) { return el('span', { text: e.kind + ' via ' + e.package + ' (' + e.via.length + ' symbol(s))' }); })]));
    root.appendChild(section('Module state it touches', [list(c.state, function (s) {
      return el('span', { class: s.mutable ? 'risk' : '' }, [code(s.state), ' ' + s.kind + ', ' + s.access + (s.mutable ? ', mutable' : '') + (s.sharedWith.length ? ', also used by ' + s.sharedWith.join(', ') : '')]);
    })]));
    root.appendChild(section('Risks', [list(c.risks, function (r) { return el('span', { class: 'risk', text: r }); })]));
    root.appendChild(section('Why these belong together (strongest internal calls)', [list(inside.slice(0, 10), function (e) {
      return el('span', {}, [code(e.from.split('#')[1] || e.from), ' → ', code(e.to.split('#')[1] || e.to), el('span', { class: 'muted', text: '  ×' + e.weight })]);
    })]));
    root.appendChild(section('What gets cut (calls into other candidates)', [list(cut, function (e) {
      return el('span', {}, [code(e.from.split('#')[1] || e.from), ' → ', code(e.to), el('span', { class: 'muted', text: '  in ' + candidateOfSymbol.get(e.to).name })]);
    })]));
  }

  function renderSearch(root) {
    var query = state.query.trim().toLowerCase();
    root.appendChild(el('p', { class: 'muted', text: query ? 'Results for “' + state.query + '”' : 'Type in the search box to find routes, symbols and files.' }));
    if (!query) return;
    var routes = model.entries.filter(function (e) { return e.id.toLowerCase().indexOf(query) >= 0; }).slice(0, 100);
    var symbols = model.symbols.filter(function (s) { return s.id.toLowerCase().indexOf(query) >= 0; }).slice(0, 100);
    var files = model.files.filter(function (f) { return f.file.toLowerCase().indexOf(query) >= 0; }).slice(0, 100);
    root.appendChild(section('Routes (' + routes.length + ')', [list(routes, function (e) {
      var c = candidateOfEntry.get(e.id);
      return el('span', {}, [code(e.id), ' ', c ? candidateLink(c) : el('span', { class: 'muted', text: 'no candidate' })]);
    })]));
    root.appendChild(section('Symbols (' + symbols.length + ')', [list(symbols, function (s) {
      var c = candidateOfSymbol.get(s.id);
      return el('span', {}, [code(s.name), el('span', { class: 'muted', text: '  ' + s.layer + ', ' + s.file + ':' + s.line + '  ' }), c ? candidateLink(c) : '']);
    })]));
    root.appendChild(section('Files (' + files.length + ')', [list(files, function (f) { return el('span', {}, [code(f.file), el('span', { class: 'muted', text: '  ' + f.layer }) ]); })]));
  }

  show('overview');
})();
