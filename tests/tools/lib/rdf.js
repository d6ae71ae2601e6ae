'use strict';
// Reading RDF files with third-party parsers: N3.js (Turtle, TriG, N-Triples, N-Quads) and
// jsonld.js (JSON-LD 1.1, offline: remote contexts only from a local URL=FILE map).
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const N3 = require('n3');
const jsonld = require('jsonld');

const MEDIA_TYPES = {
  turtle: 'text/turtle',
  trig: 'application/trig',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
  jsonld: 'application/ld+json',
};
const EXTENSIONS = { '.ttl': 'turtle', '.trig': 'trig', '.nt': 'ntriples', '.nq': 'nquads', '.jsonld': 'jsonld', '.json': 'jsonld' };

function syntaxOf(file) {
  return EXTENSIONS[path.extname(file).toLowerCase()] || null;
}

/** The file as text; throws on invalid UTF-8. */
function readUtf8(file) {
  return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
}

/** "URL=FILE" strings to a Map. */
function contextMapFrom(pairs) {
  const map = new Map();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--context wants URL=FILE, got "${pair}"`);
    map.set(pair.slice(0, at), path.resolve(pair.slice(at + 1)));
  }
  return map;
}

function offlineLoader(contextMap) {
  return async (url) => {
    const file = contextMap.get(url);
    if (!file) throw new Error(`remote context ${url} is not fetched (offline); map it with --context URL=FILE`);
    return { contextUrl: null, documentUrl: url, document: JSON.parse(readUtf8(file)) };
  };
}

/** True when jsonld.js safe mode rejects EVENT (dropped term, relative IRI, bad language tag...). */
function isUnsafe(event) {
  try {
    jsonld.safeEventHandler({ event, next: () => {} });
    return false;
  } catch {
    return true;
  }
}

function describeEvent(event) {
  const d = event.details || {};
  const what = d.property ?? d.term ?? d.id ?? d.iri ?? d.value ?? d.language;
  return what === undefined ? event.code : `${event.code}: ${JSON.stringify(what).slice(0, 100)}`;
}

/** JSON-LD to quads; every processing event is returned so callers can apply safe mode. */
async function parseJsonld(text, { base, contextMap = new Map() }) {
  const events = [];
  const options = {
    base,
    documentLoader: offlineLoader(contextMap),
    eventHandler: ({ event, next }) => { events.push(event); next(); },
  };
  const expanded = await jsonld.expand(JSON.parse(text), options);
  const nquads = await jsonld.toRDF(expanded, { ...options, format: 'application/n-quads' });
  // re-read strictly: an IRI jsonld.js passes through but RDF forbids still fails here
  const quads = new N3.Parser({ format: MEDIA_TYPES.nquads }).parse(nquads);
  return { quads, events };
}

/** All quads of FILE. JSON-LD that safe mode would reject is an error, not a warning. */
async function readQuads(file, { contextMap = new Map() } = {}) {
  const syntax = syntaxOf(file);
  if (!syntax) throw new Error(`${file}: unknown RDF syntax (extension)`);
  const text = readUtf8(file);
  const base = pathToFileURL(path.resolve(file)).href;
  if (syntax !== 'jsonld') return new N3.Parser({ format: MEDIA_TYPES[syntax], baseIRI: base }).parse(text);
  const { quads, events } = await parseJsonld(text, { base, contextMap });
  const unsafe = events.filter(isUnsafe);
  if (unsafe.length > 0) {
    throw new Error(`${file}: jsonld.js dropped data: ${unsafe.slice(0, 3).map(describeEvent).join('; ')}`);
  }
  return quads;
}

/** Splits argv into options with a value (--context), flags and positional arguments. */
function parseArgs(argv, { valued = [], flags = [] }) {
  const out = { values: {}, flags: new Set(), files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (valued.includes(a)) {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      (out.values[a] ||= []).push(argv[++i]);
    } else if (flags.includes(a)) {
      out.flags.add(a);
    } else if (a.startsWith('--')) {
      throw new Error(`unknown option ${a}`);
    } else {
      out.files.push(a);
    }
  }
  return out;
}

module.exports = { MEDIA_TYPES, syntaxOf, readUtf8, contextMapFrom, isUnsafe, describeEvent, parseJsonld, readQuads, parseArgs };
