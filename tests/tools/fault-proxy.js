#!/usr/bin/env node
'use strict';
// fault-proxy.js --to URL [--drop N] [--lose N] [--lose-every K] [--slow MS] [--fail-every K --status S]
//                [--down-after N] [--match PATH-PREFIX]
// An HTTP proxy on 127.0.0.1 (a free port; prints "listening PORT" once ready) that forwards every
// request to the store at URL and injects faults, so the tests can break a load while the store
// behind stays up and can be checked afterwards:
//   --drop N        the first N requests: the client's connection is destroyed unanswered and the
//                   request never reaches the store (a dropped connection)
//   --lose N        the first N requests reach the store, but its answer is lost: the connection is
//                   destroyed instead (the store did the work; the client cannot know)
//   --lose-every K  the same for every K-th request
//   --slow MS       every answer is held back MS milliseconds (the store has done the work)
//   --fail-every K  every K-th request (K = 1: all) is answered --status S (default 500) unforwarded
//   --down-after N  after N forwarded requests the proxy stops listening and closes every
//                   connection: connection refused from then on (the server goes down mid-load)
//   --match P       --drop, --lose, --lose-every and --fail-every count only requests whose path starts with P
// One line per request on stdout: "request I METHOD PATH?QUERY (decoded): forwarded STATUS | dropped | lost
// (store answered STATUS) | failed S | refused (down)", and "down" when it goes down.
// It exits by itself once down (after 2 s), on SIGTERM, or after --lifetime seconds (default 300).
const http = require('http');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const target = new URL(opt('--to', ''));
let drop = Number(opt('--drop', '0'));
let lose = Number(opt('--lose', '0'));
const loseEvery = Number(opt('--lose-every', '0'));
const slowMs = Number(opt('--slow', '0'));
const failEvery = Number(opt('--fail-every', '0'));
const failStatus = Number(opt('--status', '500'));
const downAfter = Number(opt('--down-after', '0'));
const match = opt('--match', '');
const lifetimeMs = Number(opt('--lifetime', '300')) * 1000;

let seen = 0;       // every request
let matched = 0;    // requests that --match selects
let forwarded = 0;  // requests that reached the store
let down = false;

function goDown(server) {
  if (down) return;
  down = true;
  console.log('down');
  server.close();
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}

function forward(req, body, done) {
  const options = {
    hostname: target.hostname, port: target.port, path: req.url, method: req.method,
    headers: { ...req.headers, host: target.host },
  };
  const out = http.request(options, (answer) => {
    const chunks = [];
    answer.on('data', (c) => chunks.push(c));
    answer.on('end', () => done(null, answer, Buffer.concat(chunks)));
  });
  out.on('error', (err) => done(err));
  out.end(body);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const i = ++seen;
    const line = `request ${i} ${req.method} ${decodeURIComponent(req.url)}`;
    if (down || (downAfter > 0 && forwarded >= downAfter)) {
      console.log(`${line}: refused (down)`);
      req.socket.destroy();
      return goDown(server);
    }
    const isMatched = !match || req.url.startsWith(match);
    if (isMatched) matched++;
    if (isMatched && drop > 0) {
      drop--;
      console.log(`${line}: dropped`);
      return req.socket.destroy();
    }
    if (isMatched && failEvery > 0 && matched % failEvery === 0) {
      console.log(`${line}: failed ${failStatus}`);
      res.writeHead(failStatus, { 'Content-Type': 'text/plain' });
      return res.end(`injected fault ${failStatus} (fault-proxy)`);
    }
    const isLost = isMatched && (lose > 0 || (loseEvery > 0 && matched % loseEvery === 0));
    if (isMatched && lose > 0) lose--;
    forwarded++;
    forward(req, Buffer.concat(chunks), (err, answer, payload) => {
      if (err) {
        console.log(`${line}: store unreachable: ${err.message}`);
        return req.socket.destroy();
      }
      setTimeout(() => {
        if (isLost) {
          console.log(`${line}: lost (store answered ${answer.statusCode})`);
          req.socket.destroy();
        } else {
          console.log(`${line}: forwarded ${answer.statusCode}`);
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          headers['content-length'] = payload.length;
          res.writeHead(answer.statusCode, headers);
          res.end(payload);
        }
        if (downAfter > 0 && forwarded >= downAfter) res.on('close', () => goDown(server));
      }, slowMs);
    });
  });
});
server.on('clientError', (err, socket) => socket.destroy());
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
setTimeout(() => process.exit(0), lifetimeMs).unref();
process.on('SIGTERM', () => process.exit(0));
