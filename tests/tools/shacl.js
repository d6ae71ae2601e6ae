#!/usr/bin/env node
'use strict';
// shacl.js [--context URL=FILE]... [--fail-on violation|warning] DATA SHAPES
// Validates DATA (any RDF syntax; the graphs of a dataset are merged) against SHAPES with two
// independent SHACL engines, rdf-validate-shacl and shacl-engine, and prints every result.
// Exit 0 both conform, 1 a result at or above --fail-on (default violation), 2 unreadable input.
const N3 = require('n3');
const rdf = require('./lib/rdf');

const SH = 'http://www.w3.org/ns/shacl#';
const RANK = { Info: 1, Warning: 2, Violation: 3 };

async function environment() {
  const dm = (await import('@rdfjs/data-model')).default;
  const ds = (await import('@rdfjs/dataset')).default;
  return {
    namedNode: (v) => dm.namedNode(v), blankNode: (v) => dm.blankNode(v), literal: (v, l) => dm.literal(v, l),
    variable: (v) => dm.variable(v), defaultGraph: () => dm.defaultGraph(), quad: (s, p, o, g) => dm.quad(s, p, o, g),
    fromTerm: (t) => dm.fromTerm(t), fromQuad: (q) => dm.fromQuad(q), dataset: (quads) => ds.dataset(quads),
  };
}

async function load(env, file, contextMap) {
  const dataset = env.dataset();
  for (const q of await rdf.readQuads(file, { contextMap })) {
    dataset.add(env.quad(env.fromTerm(q.subject), env.fromTerm(q.predicate), env.fromTerm(q.object)));
  }
  return dataset;
}

function results(report) {
  const store = new N3.Store([...report].map((q) => N3.DataFactory.fromQuad(q)));
  const nn = N3.DataFactory.namedNode;
  const one = (s, p) => store.getObjects(s, nn(SH + p), null)[0];
  const show = (t) => (t ? (t.termType === 'Literal' ? JSON.stringify(t.value) : t.value.replace(SH, 'sh:')) : '');
  return store.getSubjects(nn('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), nn(`${SH}ValidationResult`), null)
    .map((r) => ({
      severity: show(one(r, 'resultSeverity')).replace('sh:', ''),
      text: [show(one(r, 'focusNode')), show(one(r, 'resultPath')), show(one(r, 'value')),
        show(one(r, 'sourceConstraintComponent')), store.getObjects(r, nn(`${SH}resultMessage`), null).map((m) => m.value).join(' / ')]
        .filter(Boolean).join(' | '),
    }))
    .sort((a, b) => (RANK[b.severity] || 0) - (RANK[a.severity] || 0) || a.text.localeCompare(b.text));
}

async function main(argv) {
  let args;
  try {
    args = rdf.parseArgs(argv, { valued: ['--context', '--fail-on'] });
    if (args.files.length !== 2) throw new Error('need DATA and SHAPES');
  } catch (err) {
    console.error(`shacl: ${err.message}\nusage: shacl.js [--context URL=FILE]... [--fail-on violation|warning] DATA SHAPES`);
    return 2;
  }
  const failOn = { violation: 3, warning: 2, info: 1 }[(args.values['--fail-on'] || ['violation'])[0]];
  const contextMap = rdf.contextMapFrom(args.values['--context'] || []);
  const env = await environment();
  let data, shapes;
  try {
    data = await load(env, args.files[0], contextMap);
    shapes = await load(env, args.files[1], contextMap);
  } catch (err) {
    console.error(`shacl: ${err.message}`);
    return 2;
  }
  const SHACLValidator = (await import('rdf-validate-shacl')).default;
  const { Validator } = await import('shacl-engine');
  const engines = {
    'rdf-validate-shacl': async () => (await new SHACLValidator(shapes).validate(data)).dataset,
    'shacl-engine': async () => (await new Validator(shapes, { factory: env }).validate({ dataset: data })).dataset,
  };
  let worst = 0;
  for (const [name, run] of Object.entries(engines)) {
    const found = results(await run());
    const rank = Math.max(0, ...found.map((r) => RANK[r.severity] || 0));
    worst = Math.max(worst, rank);
    console.log(`${name}: ${found.length === 0 ? 'CONFORMS' : `${found.length} result(s)`}`);
    for (const r of found) console.log(`  ${r.severity}: ${r.text}`);
  }
  return worst >= failOn ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err.stack || String(err));
  process.exit(2);
});
