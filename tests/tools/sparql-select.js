#!/usr/bin/env node
'use strict';
// sparql-select.js ENDPOINT QUERY.rq — runs a SELECT query over HTTP (SPARQL 1.1 Protocol, POST)
// and prints the results as TSV: a header of variable names, then one row per result in the
// order the query gives (IRIs as <...>, literals as their lexical form, unbound as empty).
const fs = require('fs');

async function main([endpoint, file]) {
  if (!endpoint || !file) {
    console.error('usage: sparql-select.js ENDPOINT QUERY.rq');
    return 2;
  }
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
    body: fs.readFileSync(file, 'utf8'),
  });
  const text = await res.text();
  if (!res.ok) {
    console.error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
    return 1;
  }
  const json = JSON.parse(text);
  const vars = json.head.vars;
  console.log(vars.join('\t'));
  for (const b of json.results.bindings) {
    console.log(vars.map((v) => (!b[v] ? '' : b[v].type === 'uri' ? `<${b[v].value}>` : b[v].value.replace(/[\t\n]/g, ' '))).join('\t'));
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(String(err.message || err));
  process.exit(2);
});
