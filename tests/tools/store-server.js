#!/usr/bin/env node
'use strict';
// store-server.js [--port N] [--answer 500|401] [--flaky N] [--user U --password P]
// A real SPARQL store on 127.0.0.1 for the tests: Oxigraph (npm, the Rust store compiled to
// WebAssembly) behind the SPARQL 1.1 Graph Store HTTP Protocol (/store?graph=IRI: GET, PUT, POST,
// DELETE) and SPARQL 1.1 Query/Update (/query, /update; GET or POST, form or direct body).
// Prints "listening PORT" once ready. --answer 500 / 401 makes every request fail that way (to test
// clients); --flaky N answers 503 to the first N requests; --user/--password demand basic auth.
const http = require('http');
const ox = require('oxigraph');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const port = Number(opt('--port', '0'));
const answer = Number(opt('--answer', '0'));
let flaky = Number(opt('--flaky', '0'));
const user = opt('--user', '');
const password = opt('--password', '');
const store = new ox.Store();
const RDF_TYPES = {
  'text/turtle': 'text/turtle', 'application/n-triples': 'application/n-triples',
  'application/n-quads': 'application/n-quads', 'application/trig': 'application/trig',
};

function send(res, status, body, type = 'text/plain') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function handle(req, res, body) {
  if (answer === 500) return send(res, 500, 'internal error (test server)');
  if (answer === 401 || user) {
    const expected = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
    if (answer === 401 || req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"', 'Content-Type': 'text/plain' });
      return res.end('authentication required');
    }
  }
  if (flaky > 0) {
    flaky--;
    return send(res, 503, 'busy, try again');
  }
  const url = new URL(req.url, 'http://127.0.0.1');
  const type = (req.headers['content-type'] || '').split(';')[0].trim();
  try {
    if (url.pathname === '/store') {
      const graphParam = url.searchParams.get('graph');
      const graph = graphParam ? ox.namedNode(graphParam) : ox.defaultGraph();
      const target = graphParam ? `GRAPH <${graphParam}>` : 'DEFAULT';
      if (req.method === 'GET') {
        const quads = store.match(null, null, null, graph);
        return send(res, quads.length ? 200 : 404, quads.map((q) => `${q.subject} ${q.predicate} ${q.object} .`).join('\n'),
          'application/n-triples');
      }
      if (req.method === 'DELETE') {
        store.update(`CLEAR SILENT ${target}`);
        return send(res, 204, '');
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        const format = RDF_TYPES[type];
        if (!format) return send(res, 415, `unsupported content type ${type}`);
        if (req.method === 'PUT') store.update(`CLEAR SILENT ${target}`);
        store.load(body, { format, to_graph_name: graph });
        return send(res, req.method === 'PUT' ? 201 : 204, '');
      }
      return send(res, 405, 'method not allowed');
    }
    if (url.pathname === '/query' || url.pathname === '/update') {
      let text = url.searchParams.get(url.pathname.slice(1));
      if (!text && type === 'application/x-www-form-urlencoded') text = new URLSearchParams(body).get(url.pathname.slice(1));
      if (!text) text = body;
      if (url.pathname === '/update') {
        store.update(text);
        return send(res, 204, '');
      }
      const result = store.query(text, { results_format: 'application/sparql-results+json' });
      return send(res, 200, result, 'application/sparql-results+json');
    }
    return send(res, 404, 'not found');
  } catch (err) {
    return send(res, 400, String(err.message || err));
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
});
server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
