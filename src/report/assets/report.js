// carve report page. Runs in the browser, offline, on the model embedded in #carve-model.
// Every string from the analysed repository reaches the page through textContent or an SVG
// text node: never through innerHTML, so no route path or file name can become markup.
(function () {
  'use strict';

  var model = JSON.parse(document.getElementById('carve-model').textContent);
  var symbolsById = new Map(model.symbols.map(function (s) { return [s.id, s]; }));
  var candidateOfEntry = new Map();
  var candidateOfSymbol = new Map();
  model.candidates.forEach(function (c) {
    c.entries.forEach(function (e) { candidateOfEntry.set(e, c); });
    c.symbols.forEach(function (s) { candidateOfSymbol.set(s, c); });
  });

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
  var state = { tab: 'overview', candidate: model.candidates[0] ? model.candidates[0].id : null, sort: { key: 'routes', desc: true }, query: '' };

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
    ['entries', 'routes', 'HTTP entry points found, with their full mounted paths'],
    ['candidates', 'candidate functions', 'groups of glue that could each become one function'],
    ['modularity', 'modularity', 'how much more the candidates call inside than chance would give (−0.5…1, higher is better)'],
    ['coverage', 'glue coverage', 'share of entry and glue symbols placed in a candidate or marked shared'],
    ['sharedSymbols', 'shared glue', 'glue used by several candidates: copied into each, or kept as a library'],
    ['files', 'files', 'TypeScript files analysed (tests left out)'],
  ];

  function renderOverview(root) {
    var m = model.metrics;
    root.appendChild(el('div', { class: 'metrics' }, METRICS.map(function (spec) {
      var value = m[spec[0]];
      var shown = spec[0] === 'coverage' ? Math.round(value * 1000) / 10 + '%' : spec[0] === 'modularity' ? value.toFixed(3) : String(value);
      return el('div', { class: 'metric', title: spec[2] }, [el('b', { text: shown }), el('span', { text: spec[1] + ': ' + spec[2] })]);
    })));

    var columns = [
      ['name', 'candidate', function (c) { return c.name; }],
      ['routes', 'routes', function (c) { return c.metrics.routes; }],
      ['loc', 'lines', function (c) { return c.metrics.loc; }],
      ['remoteCalls', 'remote calls', function (c) { return c.metrics.remoteCalls; }],
      ['effects', 'BaaS', function (c) { return c.metrics.effects; }],
      ['risks', 'risks', function (c) { return c.risks.length; }],
    ];
    var sorted = model.candidates.slice().sort(function (a, b) {
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

    var warnings = model.warnings.map(function (w) { return { text: w }; }).concat(model.skipped.map(function (s) { return { text: 'skipped ' + s.file + ': ' + s.reason }; }));
    root.appendChild(section('Warnings', [list(warnings, function (w) { return el('span', { class: 'risk', text: w.text }); })]));
  }

  function graphData() {
    var nodes = [], links = [], index = new Map();
    function node(id, label, kind, size) {
      if (!index.has(id)) { index.set(id, nodes.length); nodes.push({ id: id, label: label, kind: kind, size: size }); }
      return nodes[index.get(id)];
    }
    model.candidates.forEach(function (c) {
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
    });
    return { nodes: nodes, links: links };
  }

  var COLORS = { candidate: '#2f6fdb', domain: '#7a56c2', infrastructure: '#2e9d6b' };

  function renderGraph(root) {
    var data = graphData();
    var width = Math.max(640, root.clientWidth - 20), height = 560;
    root.appendChild(el('p', { class: 'legend' }, Object.keys(COLORS).map(function (k) {
      var swatch = el('span', { class: 'swatch' }); swatch.style.background = COLORS[k];
      return el('span', {}, [swatch, k]);
    }).concat([el('span', { class: 'muted', text: 'Candidates with the domain services they would call remotely and the BaaS they need. Scroll to zoom, drag to pan, click a candidate.' })])));
    var svg = d3.select(root).append('svg').attr('class', 'graph').attr('width', width).attr('height', height).attr('id', 'graph');
    var layer = svg.append('g');
    svg.call(d3.zoom().scaleExtent([0.2, 5]).on('zoom', function (event) { layer.attr('transform', event.transform); }));
    var link = layer.append('g').attr('stroke', '#aab3c5').selectAll('line').data(data.links).join('line')
      .attr('stroke-width', function (d) { return Math.min(8, 1 + Math.log2(1 + d.weight)); });
    var node = layer.append('g').selectAll('g').data(data.nodes).join('g').attr('class', function (d) { return 'node ' + d.kind; })
      .style('cursor', function (d) { return d.kind === 'candidate' ? 'pointer' : 'default'; })
      .on('click', function (_event, d) { if (d.kind === 'candidate') openCandidate(d.id.slice(2)); });
    node.append('circle').attr('r', function (d) { return d.size; }).attr('fill', function (d) { return COLORS[d.kind]; });
    node.append('title').text(function (d) { return d.label; });
    node.append('text').attr('x', function (d) { return d.size + 3; }).attr('y', 4).text(function (d) { return d.label; });
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
    model.candidates.forEach(function (c) {
      c.remoteCalls.forEach(function (call) { services.add(domainServiceOf(call)); });
      c.effects.forEach(function (e) { infra.add(e.kind + ' (' + e.package + ')'); });
    });
    var columns = Array.from(services).sort().concat(Array.from(infra).sort());
    var head = el('tr', {}, [el('th', { text: 'candidate' })].concat(columns.map(function (col) { return el('th', { text: col }); })));
    var rows = model.candidates.map(function (c) {
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
    var c = model.candidates.filter(function (x) { return x.id === state.candidate; })[0];
    var picker = el('select', { id: 'candidate-picker', 'aria-label': 'Candidate' }, model.candidates.map(function (x) {
      var option = el('option', { value: x.id, text: x.name + ' (' + x.metrics.routes + ' routes)' });
      if (x.id === state.candidate) option.selected = true;
      return option;
    }));
    picker.addEventListener('change', function () { openCandidate(picker.value); });
    root.appendChild(el('p', {}, ['Candidate ', picker]));
    if (!c) { root.appendChild(el('p', { class: 'muted', text: 'No candidates.' })); return; }

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
