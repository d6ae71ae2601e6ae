#!/usr/bin/env node
'use strict';
// rdf-iso.js [--union] [--context URL=FILE]... A B
// Are A and B the same RDF graph (or dataset)? Both files are read by third-party parsers
// (N3.js, jsonld.js in safe mode), canonicalized with rdf-canonize (RDFC-1.0) and compared.
// --union drops graph names first (a TriG file against the Turtle of the same run).
// Exit 0 isomorphic, 1 different (the differing quads are listed), 2 unreadable input or usage.
const canonize = require('rdf-canonize');
const rdf = require('./lib/rdf');

function plain(term) {
  if (term.termType === 'Literal') {
    return { termType: 'Literal', value: term.value, language: term.language || undefined, datatype: { termType: 'NamedNode', value: term.datatype.value } };
  }
  return { termType: term.termType, value: term.value };
}

async function canonical(file, contextMap, union) {
  const quads = await rdf.readQuads(file, { contextMap });
  const dataset = quads.map((q) => ({
    subject: plain(q.subject),
    predicate: plain(q.predicate),
    object: plain(q.object),
    graph: union ? { termType: 'DefaultGraph', value: '' } : plain(q.graph),
  }));
  const nquads = await canonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
  return [...new Set(nquads.split('\n').filter(Boolean))];
}

async function main(argv) {
  let args;
  try {
    args = rdf.parseArgs(argv, { valued: ['--context'], flags: ['--union'] });
    if (args.files.length !== 2) throw new Error('need two files');
  } catch (err) {
    console.error(`rdf-iso: ${err.message}\nusage: rdf-iso.js [--union] [--context URL=FILE]... A B`);
    return 2;
  }
  const contextMap = rdf.contextMapFrom(args.values['--context'] || []);
  const union = args.flags.has('--union');
  let a, b;
  try {
    [a, b] = await Promise.all(args.files.map((f) => canonical(f, contextMap, union)));
  } catch (err) {
    console.error(`rdf-iso: ${err.message}`);
    return 2;
  }
  const inB = new Set(b);
  const inA = new Set(a);
  const onlyA = a.filter((q) => !inB.has(q));
  const onlyB = b.filter((q) => !inA.has(q));
  const [fa, fb] = args.files;
  if (onlyA.length === 0 && onlyB.length === 0) {
    console.log(`ISOMORPHIC: ${fa} and ${fb}: ${a.length} quads`);
    return 0;
  }
  console.log(`DIFFERENT: ${fa} (${a.length} quads) and ${fb} (${b.length} quads)`);
  if (onlyA.length) console.log(`only in ${fa} (${onlyA.length}):\n  ${onlyA.slice(0, 15).join('\n  ')}`);
  if (onlyB.length) console.log(`only in ${fb} (${onlyB.length}):\n  ${onlyB.slice(0, 15).join('\n  ')}`);
  return 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err.stack || String(err));
  process.exit(2);
});
