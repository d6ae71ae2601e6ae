#!/usr/bin/env node
'use strict';
// count-quads.js [--context URL=FILE]... FILE...
// Parses each file with the third-party parsers of tests/tools (N3.js for .ttl/.nt, jsonld.js in
// safe mode for .jsonld, and for .html the JSON-LD of its <script type="application/ld+json">)
// and prints "COUNT<TAB>FILE" (distinct triples). Exit 1 if a file fails, 2 on bad usage.
const path = require('path');
const { pathToFileURL } = require('url');
const N3 = require(path.join(__dirname, '../tools/node_modules/n3'));
const rdf = require('../tools/lib/rdf');

function distinct(quads) {
  return new Set(quads.map((q) => [q.subject, q.predicate, q.object, q.graph].map(N3.termToId).join(' '))).size;
}

async function quadsOf(file, contextMap) {
  if (!file.endsWith('.html')) return rdf.readQuads(file, { contextMap });
  const html = rdf.readUtf8(file);
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  if (scripts.length !== 1) throw new Error(`${file}: ${scripts.length} JSON-LD scripts, expected 1`);
  // No context map: the embedded JSON-LD must stand alone (nothing to fetch).
  const { quads, events } = await rdf.parseJsonld(scripts[0][1], { base: pathToFileURL(path.resolve(file)).href });
  const unsafe = events.filter(rdf.isUnsafe);
  if (unsafe.length > 0) throw new Error(`${file}: jsonld.js dropped data: ${unsafe.slice(0, 3).map(rdf.describeEvent).join('; ')}`);
  return quads;
}

async function main(argv) {
  const args = rdf.parseArgs(argv, { valued: ['--context'] });
  if (args.files.length === 0) {
    console.error('usage: count-quads.js [--context URL=FILE]... FILE...');
    return 2;
  }
  const contextMap = rdf.contextMapFrom(args.values['--context'] || []);
  let status = 0;
  for (const file of args.files) {
    try {
      const quads = await quadsOf(file, contextMap);
      if (quads.length === 0) throw new Error(`${file}: no triples`);
      console.log(`${distinct(quads)}\t${file}`);
    } catch (err) {
      console.log(`FAIL\t${file}\t${String(err.message).replace(/\s+/g, ' ').slice(0, 300)}`);
      status = 1;
    }
  }
  return status;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => { console.error(err); process.exit(2); });
