#!/usr/bin/env node
'use strict';
// node-check.js FILE [--context URL=FILE]...
// One RDF file through the JavaScript checkers; prints tab-separated lines
//   CHECKER  OK|FAIL|WARN|SKIP  COUNT  MESSAGE
// n3 (or jsonld in safe mode), oxigraph (no base IRI), datatypes (rdf-validate-datatype), and
// portability (Turtle/TriG constructs that Virtuoso 7.2.5 and raptor 2.0.15 misread; WARN).
const path = require('path');
const { pathToFileURL } = require('url');
const N3 = require('n3');
const oxigraph = require('oxigraph');
const rdf = require('./rdf');

function emit(checker, verdict, count, message = '') {
  console.log([checker, verdict, count, String(message).replace(/\s+/g, ' ').trim()].join('\t'));
  return verdict !== 'FAIL';
}

function distinct(quads) {
  return new Set(quads.map((q) => [q.subject, q.predicate, q.object, q.graph].map(N3.termToId).join(' '))).size;
}

function relativeIris(quads) {
  for (const q of quads) {
    for (const t of [q.subject, q.predicate, q.object, q.graph]) {
      if (t.termType === 'NamedNode' && t.value.startsWith('file:')) return t.value;
    }
  }
  return null;
}

function portability(text, syntax) {
  // blank out strings, IRIs and comments: only the syntax between them is searched
  const code = text.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|<[^>\s]*>|#[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
  const line = (i) => code.slice(0, i).split('\n').length;
  const escaped = /(?:^|[\s;,(\[{])([A-Za-z][\w.-]*)?:[^\s\\;,()[\]{}]*\\[-_~.!$&'()*+,;=/?#@%]/.exec(code);
  if (escaped) emit('portability', 'WARN', '-', `line ${line(escaped.index + 1)}: backslash-escaped local name (Virtuoso keeps the backslash)`);
  const graph = syntax === 'trig' && /(?:^|[\s}.])GRAPH\s/i.exec(code);
  if (graph) emit('portability', 'WARN', '-', `line ${line(graph.index + 1)}: TriG GRAPH keyword (raptor and Virtuoso reject it)`);
}

async function main(argv) {
  const args = rdf.parseArgs(argv, { valued: ['--context'] });
  const file = args.files[0];
  const syntax = file && rdf.syntaxOf(file);
  if (!syntax || args.files.length !== 1) {
    console.error('usage: node-check.js FILE.{ttl,trig,nt,nq,jsonld} [--context URL=FILE]...');
    return 2;
  }
  const contextMap = rdf.contextMapFrom(args.values['--context'] || []);
  let text;
  try {
    text = rdf.readUtf8(file);
  } catch (err) {
    emit(syntax === 'jsonld' ? 'jsonld' : 'n3', 'FAIL', '-', `invalid UTF-8: ${err.message}`);
    return 1;
  }
  let ok = true;
  try {
    const store = new oxigraph.Store();
    store.load(text, { format: rdf.MEDIA_TYPES[syntax] });
    emit('oxigraph', 'OK', store.size);
  } catch (err) {
    const message = err.message || String(err);
    if (/LoadDocumentCallback|remote context|@context/i.test(message) && syntax === 'jsonld') {
      emit('oxigraph', 'SKIP', '-', 'cannot load a remote @context offline');
    } else {
      ok = emit('oxigraph', 'FAIL', '-', message);
    }
  }

  const checker = syntax === 'jsonld' ? 'jsonld' : 'n3';
  let quads = null;
  let contextOnly = false;
  try {
    const base = pathToFileURL(path.resolve(file)).href;
    if (syntax === 'jsonld') {
      const doc = JSON.parse(text);
      contextOnly = doc !== null && typeof doc === 'object' && !Array.isArray(doc) &&
        Object.keys(doc).length === 1 && '@context' in doc;
      const result = await rdf.parseJsonld(text, { base, contextMap });
      const unsafe = result.events.filter((e) => rdf.isUnsafe(e) && !(contextOnly && e.code === 'empty object'));
      if (unsafe.length > 0) {
        ok = emit('jsonld', 'FAIL', '-', `${unsafe.length} safe-mode violation(s): ${unsafe.slice(0, 4).map(rdf.describeEvent).join('; ')}`);
      } else {
        quads = result.quads;
      }
    } else {
      quads = new N3.Parser({ format: rdf.MEDIA_TYPES[syntax], baseIRI: base }).parse(text);
    }
  } catch (err) {
    ok = emit(checker, 'FAIL', '-', err.message);
  }
  if (quads) {
    const relative = relativeIris(quads);
    if (relative) ok = emit(checker, 'FAIL', distinct(quads), `relative IRI resolved against the file: <${relative}>`);
    else emit(checker, 'OK', distinct(quads), contextOnly ? 'context document, no data' : '');

    const { validateTerm, validators } = await import('rdf-validate-datatype');
    // rdf-validate-datatype 0.2.2 has the xsd:int range off by one
    validators.register(N3.DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#int'),
      (v) => /^[+-]?\d+$/.test(v) && BigInt(v) >= -2147483648n && BigInt(v) <= 2147483647n);
    const bad = quads.map((q) => q.object).filter((o) => o.termType === 'Literal' && !validateTerm(o));
    if (bad.length > 0) ok = emit('datatypes', 'FAIL', bad.length, bad.slice(0, 3).map((o) => `"${o.value}"^^<${o.datatype.value}>`).join(', '));
    else emit('datatypes', 'OK', 0);
  }
  if (syntax === 'turtle' || syntax === 'trig') portability(text, syntax);
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err.stack || String(err));
  process.exit(2);
});
