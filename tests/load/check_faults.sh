#!/usr/bin/env bash
# `newskg load` when the store fails (issue 7, item 5). A real Oxigraph store on loopback
# (tests/tools/store-server.js) behind tests/tools/fault-proxy.js, which drops connections, loses
# answers, answers slowly, answers 500, or goes down mid-load, while the store behind stays up and
# is checked afterwards: every load either succeeds with per-graph counts equal to those of a clean
# load into a fresh store, or exits 5/6/7 saying what is left; a re-run completes it, nothing
# duplicated (the ontology graph has blank nodes, which a careless re-run would duplicate), nothing lost.
source "$(dirname "$0")/../lib.sh"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"; }
trap cleanup EXIT
out="$NKG_SOURCE_DIR/output"
fast=(--backoff 0.01)

# wait_listening LOG: until the server writing LOG prints "listening PORT" (at most 10 s); the port.
wait_listening() {
  for _ in $(seq 1 100); do
    grep -qs "^listening " "$1" && break
    sleep 0.1
  done
  awk '/^listening/ {print $2}' "$1" 2>/dev/null
}

# start_store VAR [ARGS...]: a fresh store on a free port; its base URL in VAR.
start_store() {
  local var=$1; shift
  local log="$WORK/store-$RANDOM$RANDOM.log"
  node "$TOOLS/store-server.js" "$@" >"$log" 2>&1 &
  pids+=($!)
  printf -v "$var" 'http://127.0.0.1:%s' "$(wait_listening "$log")"
}

# start_proxy VAR LOGVAR STORE_URL [FAULTS...]: a fault proxy in front of STORE_URL; its URL in VAR,
# its request log (one "request I METHOD PATH: what" line each) in LOGVAR.
start_proxy() {
  local var=$1 logvar=$2 to=$3; shift 3
  local log="$WORK/proxy-$RANDOM$RANDOM.log"
  node "$TOOLS/fault-proxy.js" --to "$to" --lifetime 120 "$@" >"$log" 2>&1 &
  pids+=($!)
  printf -v "$var" 'http://127.0.0.1:%s' "$(wait_listening "$log")"
  printf -v "$logvar" '%s' "$log"
}

# dump URL: triples per graph, as the store at URL answers SPARQL.
dump() {
  node "$TOOLS/sparql-select.js" "$1/query" \
    <(echo 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g')
}

# load URL [OPTIONS...]: newskg load output/ into the oxigraph-style endpoints at URL; stdout and
# stderr in $report, the exit code in $code.
load() {
  local url=$1; shift
  report=$("$NEWSKG" load --from-export "$out" --store oxigraph --server "$url" "$@" 2>&1)
  code=$?
}

# has TEXT...: every TEXT is in $report.
has() {
  local t
  for t in "$@"; do grep -qF -- "$t" <<<"$report" || return 1; done
}

# every_graph_full: the report lists 7 graphs, each holding what was sent.
every_graph_full() {
  [ "$(grep -c ' stored  <' <<<"$report")" = 7 ] &&
    awk '/ stored  </ { if ($1 != $3) bad = 1 } END { exit bad }' <<<"$report"
}

# The reference: a clean load into a fresh store.
start_store clean
load "$clean" --replace
reference=$(dump "$clean")
[ $code -eq 0 ] && [ "$(grep -c . <<<"$reference")" = 8 ] && grep -q 'https://w3id.org/newskg/ns' <<<"$reference" &&
  pass "reference: a clean load, 7 graphs" || fail "reference: a clean load" "exit $code" "$report" "$reference"

# --- Dropped connections: retried, then loaded.
start_store s; start_proxy p plog "$s" --drop 3
load "$p" --replace "${fast[@]}"
[ $code -eq 0 ] && has "(3 retried)" "Empty reply from server; retrying in" && every_graph_full &&
  [ "$(grep -c ': dropped$' "$plog")" = 3 ] &&
  pass "3 dropped connections: retried with warnings, then every graph holds what was sent" ||
  fail "dropped connections are retried" "exit $code" "$report"
[ "$(dump "$s")" = "$reference" ] && pass "after dropped connections the store equals a clean load" ||
  fail "after dropped connections the store equals a clean load" "$(diff <(echo "$reference") <(dump "$s"))"

# --- Lost answers (the store did the work, the client never heard): a retry must not duplicate.
# Adding (no --replace) into an empty store, the answer to every 2nd write lost, among them the first
# write of the ontology graph: its blank nodes go in one PUT, so the resend replaces rather than adds
# them. (Before issue 7.5 they were POSTed, and doubled.) The resend is newskg's retry, or libcurl's
# own when the lost answer was on a reused connection.
start_store s; start_proxy p plog "$s" --lose-every 2 --match /store
load "$p" "${fast[@]}"
[ $code -eq 0 ] && every_graph_full && [ "$(grep -c ': lost ' "$plog")" = 6 ] &&
  grep -q "PUT /store?graph=https://w3id.org/newskg/ns: lost" "$plog" &&
  pass "6 lost answers while adding, the ontology's among them: resent, every graph holds what was sent" ||
  fail "lost answers are retried" "exit $code" "$report"
[ "$(dump "$s")" = "$reference" ] && pass "after lost answers nothing is duplicated (blank nodes included)" ||
  fail "after lost answers nothing is duplicated" "$(diff <(echo "$reference") <(dump "$s"))"

# --- Slow answers: beyond --timeout retried with a warning naming it, then exit 5; within, loaded.
start_store s; start_proxy p plog "$s" --slow 3000
load "$p" --replace --timeout 1 --attempts 2 "${fast[@]}"
timeout_note="(no complete answer within the --timeout of 1 s)"
[ $code -eq 5 ] && has "warning: PUT $p/store" "$timeout_note; retrying in" \
  "error: PUT $p/store" "failed after 2 attempts" \
  "load incomplete: 0 of 7 graphs confirmed stored at $p/store; re-run with --replace to complete it" &&
  pass "answers slower than --timeout 1: retried with a warning naming the timeout, then exit 5" ||
  fail "answers slower than --timeout" "exit $code" "$report"
start_store s; start_proxy p plog "$s" --slow 200
load "$p" --replace --timeout 30
[ $code -eq 0 ] && has "(0 retried)" && every_graph_full && [ "$(dump "$s")" = "$reference" ] &&
  pass "answers slow but within --timeout: loaded, no retry" || fail "slow answers within --timeout" "exit $code" "$report"
expect_run "--timeout 0 is a usage error" 2 "--timeout" "$NEWSKG" load --from-export "$out" \
  --store oxigraph --server "$clean" --timeout 0

# --- The server goes down mid-load: exit 5, the endpoint and what is left named; re-runs against
# the store (now reachable directly) complete it.
# (a) Down after 3 writes: three article graphs are in. A re-run that adds (no --replace) completes
# the load exactly: article graphs are ground triples, and a graph is a set.
start_store s; start_proxy p plog "$s" --down-after 3
load "$p" --replace --attempts 3 "${fast[@]}"
[ $code -eq 5 ] && has "Couldn't connect to server" "failed after 3 attempts" \
  "load incomplete: 3 of 7 graphs confirmed stored at $p/store; re-run with --replace to complete it" &&
  grep -q '^down$' "$plog" &&
  pass "the server down after 3 requests: exit 5, 3 of 7 graphs confirmed, names the endpoint" ||
  fail "the server going down mid-load" "exit $code" "$report"
[ "$(dump "$s" | grep -c .)" = 4 ] && pass "the store holds the 3 graphs confirmed, nothing else" ||
  fail "the store holds the 3 graphs confirmed" "$(dump "$s")"
load "$s" "${fast[@]}"
[ $code -eq 0 ] && every_graph_full && [ "$(dump "$s")" = "$reference" ] &&
  pass "a re-run adding article graphs to the cut-off load completes it, nothing duplicated" ||
  fail "a re-run adding to the cut-off load" "exit $code" "$report" "$(diff <(echo "$reference") <(dump "$s"))"

# (b) Down after 6 writes: the ontology graph (blank nodes) is in, the VoID graph is not.
start_store s; start_proxy p plog "$s" --down-after 6
load "$p" --replace --attempts 2 "${fast[@]}"
[ $code -eq 5 ] && has "load incomplete: 6 of 7 graphs confirmed stored at $p/store; re-run with --replace" &&
  pass "the server down after 6 requests: exit 5, 6 of 7 graphs confirmed" ||
  fail "the server going down after 6 requests" "exit $code" "$report"
partial=$(dump "$s")
# A re-run without --replace would add the ontology's blank nodes a second time: refused, exit 7,
# nothing sent. (Before issue 7.5 this exited 0 with the ontology graph's blank nodes doubled.)
load "$s" "${fast[@]}"
[ $code -eq 7 ] && has "graph <https://w3id.org/newskg/ns> holds " \
  "its data has blank nodes, which adding would duplicate; nothing was loaded; use --replace" &&
  [ "$(dump "$s")" = "$partial" ] &&
  pass "a re-run without --replace is refused (exit 7) and changes nothing" ||
  fail "a re-run without --replace is refused" "exit $code" "$report" "$(diff <(echo "$partial") <(dump "$s"))"
load "$s" --replace
[ $code -eq 0 ] && every_graph_full && [ "$(dump "$s")" = "$reference" ] &&
  pass "a re-run with --replace completes it: per-graph counts equal a clean load" ||
  fail "a re-run with --replace completes the load" "exit $code" "$report" "$(diff <(echo "$reference") <(dump "$s"))"

# --- HTTP 500 on some requests: retried, loaded; on all: exit 5 with the server's words.
start_store s; start_proxy p plog "$s" --fail-every 3 --status 500
load "$p" --replace "${fast[@]}"
n_failed=$(grep -c ': failed 500$' "$plog")
[ $code -eq 0 ] && [ "$n_failed" -gt 0 ] && has "($n_failed retried)" "HTTP 500: injected fault 500 (fault-proxy); retrying in" &&
  every_graph_full && [ "$(dump "$s")" = "$reference" ] &&
  pass "HTTP 500 on every 3rd request: $n_failed retried, then loaded" || fail "HTTP 500 on some requests" "exit $code" "$report"
start_store s; start_proxy p plog "$s" --fail-every 1 --status 500
load "$p" --replace --attempts 3 "${fast[@]}"
[ $code -eq 5 ] && has "failed after 3 attempts: HTTP 500: injected fault 500 (fault-proxy)" \
  "load incomplete: 0 of 7 graphs confirmed stored" && [ "$(grep -c '^request ' "$plog")" = 3 ] &&
  pass "HTTP 500 on every request: 3 attempts, then exit 5" || fail "HTTP 500 on every request" "exit $code" "$report"

# --- Wrong credentials: no retry, exit 6, the hint. With a password libcurl first asks without
# credentials to learn the scheme (CURLAUTH_ANY), then once with them: two requests, no retry.
start_store s --user alice --password s3cret; start_proxy p plog "$s"
load "$p" --replace --user alice --password wrong "${fast[@]}"
[ $code -eq 6 ] && has "HTTP 401: authentication required (check --user and --password)" \
  "load incomplete: 0 of 7 graphs confirmed stored" && ! has "retrying" && [ "$(grep -c '^request ' "$plog")" = 2 ] &&
  pass "a wrong password: no retry, exit 6 with the hint" || fail "a wrong password" "exit $code" "$report" "$(cat "$plog")"
load "$p" --replace "${fast[@]}"
[ $code -eq 6 ] && has "(check --user and --password)" && [ "$(grep -c '^request ' "$plog")" = 3 ] &&
  pass "no credentials: one request, no retry, exit 6" || fail "no credentials" "exit $code" "$report"
load "$p" --replace --user alice --password s3cret "${fast[@]}"
[ $code -eq 0 ] && every_graph_full && pass "the right password through the proxy: loaded" ||
  fail "the right password" "exit $code" "$report"
finish
