#!/usr/bin/env bash
# `newskg load` against a real SPARQL store on loopback (Oxigraph behind tests/tools/store-server.js):
# per-graph counts, every competency question in tests/queries, a second --replace load that changes
# nothing, and a closed port, a server that answers 500, one that answers 401, one that is busy.
source "$(dirname "$0")/../lib.sh"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"; }
trap cleanup EXIT

# start_store VAR [ARGS...]: a store on a free port; its base URL in VAR.
start_store() {
  local var=$1; shift
  local log="$WORK/store-$RANDOM.log"
  node "$TOOLS/store-server.js" "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    grep -q '^listening ' "$log" && break
    sleep 0.1
  done
  printf -v "$var" 'http://127.0.0.1:%s' "$(awk '/^listening/ {print $2}' "$log")"
}

start_store store
out="$NKG_SOURCE_DIR/output"
report=$("$NEWSKG" load --from-export "$out" --store oxigraph --server "$store" --replace 2>&1)
code=$?
[ $code -eq 0 ] && pass "load output/ into the store" || fail "load output/ into the store" "exit $code" "$report"
graphs=$(grep -c ' stored  <' <<<"$report")
[ "$graphs" = 7 ] && pass "7 graphs: 5 articles, the ontology, the VoID metadata" || fail "7 graphs loaded" "$report"
awk '/ stored  </ { if ($1 != $3) bad = 1 } END { exit bad }' <<<"$report" &&
  pass "every graph holds what was sent" || fail "every graph holds what was sent" "$report"
quads=$(grep -c . "$out/graph.nq")
sent=$(awk '/ stored  <https:\/\/w3id.org\/newskg\/id\/doc\// { s += $1 } END { print s }' <<<"$report")
[ "$sent" = "$quads" ] && pass "document graphs hold every quad of graph.nq ($quads)" || fail "document graphs hold graph.nq" "$sent vs $quads"

for q in "$NKG_SOURCE_DIR"/tests/queries/*.rq; do
  name=$(basename "$q" .rq)
  if actual=$(node "$TOOLS/sparql-select.js" "$store/query" "$q" 2>&1) && [ "$actual" = "$(cat "${q%.rq}.tsv")" ]; then
    pass "competency question: $name"
  else
    fail "competency question: $name" "$(diff <(cat "${q%.rq}.tsv") <(echo "$actual") | head -n 10)"
  fi
done

# Loading again with --replace leaves the store exactly as it was.
dump() { node "$TOOLS/sparql-select.js" "$store/query" <(echo 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g'); }
before=$(dump)
"$NEWSKG" load --from-export "$out" --store oxigraph --server "$store" --replace -q
after=$(dump)
[ "$before" = "$after" ] && pass "a second --replace load changes nothing" || fail "a second --replace load changes nothing"

# Failures: nothing listens; a server that answers 500; one that answers 401; one that is busy.
expect_run "a closed port: retried, then exit 5" 5 "failed after 2 attempts" \
  "$NEWSKG" load --from-export "$out" --gsp http://127.0.0.1:9/store --sparql http://127.0.0.1:9/query --attempts 2 --backoff 0.01
start_store broken --answer 500
expect_run "HTTP 500: retried, then exit 5 with the server's words" 5 "HTTP 500: internal error (test server)" \
  "$NEWSKG" load --from-export "$out" --store oxigraph --server "$broken" --attempts 3 --backoff 0.01
start_store locked --answer 401
expect_run "HTTP 401: no retry, exit 6, hint at the credentials" 6 "check --user and --password" \
  "$NEWSKG" load --from-export "$out" --store oxigraph --server "$locked" --attempts 3 --backoff 0.01
start_store busy --flaky 2
busy_report=$("$NEWSKG" load --from-export "$out" --store oxigraph --server "$busy" --backoff 0.01 2>&1)
code=$?
[ $code -eq 0 ] && grep -q "(2 retried)" <<<"$busy_report" && grep -q "HTTP 503: busy, try again; retrying in" <<<"$busy_report" &&
  pass "a busy server (503 twice): retried with a warning, then loaded" || fail "a busy server is retried" "exit $code" "$busy_report"
start_store guarded --user alice --password s3cret
expect_run "credentials are sent" 0 "" "$NEWSKG" load --from-export "$out" --store oxigraph --server "$guarded" \
  --user alice --password s3cret -q
expect_run "export --load: export and load in one go" 0 "" \
  "$NEWSKG" export "$NKG_SOURCE_DIR/corpus" -o "$WORK/exported" -q --load "$store"
expect_run "an unknown --store" 2 "unknown --store 'blazegraph'" "$NEWSKG" load --from-export "$out" --store blazegraph --server http://x
finish
