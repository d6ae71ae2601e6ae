#!/usr/bin/env bash
# `newskg publish` and `newskg serve` on the committed output/: every file of the site parses with
# third-party parsers and agrees with its siblings, pages are well-formed and link only to pages
# that exist; the server answers the IRIs with 303 See Other per Accept header, documents with
# their content type, unknown IRIs with 404; headless Chromium renders the pages; SIGTERM and
# SIGINT stop the server cleanly. Servers are stopped by PID whatever happens (trap).
source "$(dirname "$0")/../lib.sh"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"; }
trap cleanup EXIT

out="$NKG_SOURCE_DIR/output"
site="$WORK/site"
base="https://w3id.org/newskg/id/"

# ---- publish --------------------------------------------------------------------------------------
expect_run "publish output/ into a new folder" 0 "" "$NEWSKG" publish "$out" "$site"

# Every subject under the base without a fragment is a resource with four files.
awk '{ print $1 }' "$out/graph.nq" | sort -u | sed -n 's|^<https://w3id.org/newskg/id/\([^#>]*\)>$|\1|p' >"$WORK/resources"
n=$(grep -c . "$WORK/resources")
missing=0
while read -r r; do
  for ext in html ttl jsonld nt; do [ -s "$site/$r.$ext" ] || { missing=$((missing + 1)); echo "missing $r.$ext"; }; done
done <"$WORK/resources" >"$WORK/missing"
[ "$n" -gt 90 ] && [ "$missing" -eq 0 ] && pass "every one of the $n resources has .html, .ttl, .jsonld and .nt" ||
  fail "every resource has four files" "$n resources" "$(head -5 "$WORK/missing")"
for f in index.html context.jsonld ns/index.html ns/newskg.ttl ns/newskg.jsonld ns/newskg.nt; do
  [ -s "$site/$f" ] || fail "the site has $f"
done
cmp -s "$site/ns/newskg.ttl" "$out/newskg.ttl" && pass "ns/newskg.ttl is the export's ontology" || fail "ns/newskg.ttl is the export's ontology"
[ -z "$(find "$site" -name '*.tmp*' -o -name '.*' -type f)" ] && pass "no temporary file is left" || fail "no temporary file is left"

# Turtle and N-Triples through serdi (C), everything through N3.js / jsonld.js (JavaScript).
bad=0
while IFS= read -r -d '' f; do
  syntax=turtle; [[ $f == *.nt ]] && syntax=ntriples
  serdi -q -i "$syntax" -o ntriples "$f" >/dev/null 2>"$WORK/serdi.err" || { bad=$((bad + 1)); echo "$f: $(head -c 200 "$WORK/serdi.err")"; }
done < <(find "$site" \( -name '*.ttl' -o -name '*.nt' \) -print0) >"$WORK/serdi.log"
[ "$bad" -eq 0 ] && pass "every .ttl and .nt file parses with serdi" || fail "every .ttl and .nt parses with serdi" "$(head -5 "$WORK/serdi.log")"

find "$site" \( -name '*.ttl' -o -name '*.nt' -o -name '*.jsonld' -o -name '*.html' \) ! -name 'index.html' ! -name 'context.jsonld' |
  sort >"$WORK/files"
if node "$NKG_SOURCE_DIR/tests/publish/count-quads.js" --context "https://w3id.org/newskg/context.jsonld=$site/context.jsonld" \
  $(cat "$WORK/files") >"$WORK/counts" 2>&1; then
  pass "every .ttl, .nt, .jsonld and the JSON-LD in every page parse (N3.js, jsonld.js safe mode, embedded context)"
else
  fail "every RDF file and embedded JSON-LD parses" "$(grep -v '^[0-9]' "$WORK/counts" | head -5)"
fi
# The four representations of a resource hold the same number of triples.
disagree=$(awk -F'\t' '$1 ~ /^[0-9]+$/ { f = $2; sub(/\.(ttl|nt|jsonld|html)$/, "", f); c[f] = c[f] " " $1 }
  END { for (f in c) { split(c[f], a, " "); for (i in a) if (a[i] != a[1]) { print f ":" c[f]; break } } }' "$WORK/counts")
[ -z "$disagree" ] && pass "HTML (embedded JSON-LD), Turtle, JSON-LD and N-Triples of each resource agree on the triple count" ||
  fail "the representations of a resource agree" "$(head -5 <<<"$disagree")"
check "the pages of state/BLR are the same graph in Turtle and JSON-LD (RDFC-1.0)" \
  node "$TOOLS/rdf-iso.js" --context "https://w3id.org/newskg/context.jsonld=$site/context.jsonld" "$site/state/BLR.ttl" "$site/state/BLR.jsonld"
check "rdf-check --strict on an entity, an event, a document and the ontology (serdi, rapper, N3.js, jsonld.js, Oxigraph, RDFLib)" \
  bash "$TOOLS/rdf-check.sh" --strict --context "https://w3id.org/newskg/context.jsonld=$site/context.jsonld" \
  "$site/state/BLR.ttl" "$site/state/BLR.jsonld" "$site/event/summons-kaz-blr-2024-08-21.ttl" \
  "$site/doc/000_b0b5c80f07ef403a.nt" "$site/person/pvl-ucpn.jsonld" "$site/ns/newskg.jsonld"

# Descriptions: own triples, incoming mentions (capped), labels of linked nodes.
grep -q '^state:BLR$' "$site/state/BLR.ttl" && grep -q 'nkg:isoAlpha3 "BLR"' "$site/state/BLR.ttl" &&
  grep -q 'itsrdf:taIdentRef state:BLR' "$site/state/BLR.ttl" && grep -q 'rdfs:label "Collective Security Treaty Organization"@en' "$site/state/BLR.ttl" &&
  pass "state/BLR.ttl: its triples, its mentions, the labels of what it links to" || fail "state/BLR.ttl describes Belarus" "$(head -40 "$site/state/BLR.ttl")"
mentions=$(grep -c 'itsrdf:taIdentRef state:KAZ' "$site/state/KAZ.ttl")
[ "$mentions" -eq 37 ] && grep -q 'Mentions <span class="count">37 in 4 articles</span>' "$site/state/KAZ.html" &&
  pass "Kazakhstan's page and Turtle hold its 37 mentions, counted in 4 articles" ||
  fail "Kazakhstan's mentions" "$mentions in the Turtle" "$(grep -o 'Mentions <span[^/]*' "$site/state/KAZ.html")"

# HTML: well-formed, titled, self-contained, every link reaches a page (and its fragment an id).
check "pages are well-formed, titled, self-contained, and every link resolves" python3 "$NKG_SOURCE_DIR/tests/publish/check_site.py" "$site"
grep -q '<mark>summoned</mark>' "$site/event/summons-kaz-blr-2024-08-21.html" &&
  grep -q '<h1>Summons: Kazakhstan → Belarus, 2024-08-21</h1>' "$site/event/summons-kaz-blr-2024-08-21.html" &&
  pass "an event page names the act by labels and shows its evidence sentences with the anchor marked" ||
  fail "an event page shows its evidence" "$(grep -o '<h1>.*</h1>' "$site/event/summons-kaz-blr-2024-08-21.html")"
grep -q 'id="char=0,10" href="../state/KAZ.html"' "$site/doc/000_b0b5c80f07ef403a.html" &&
  pass "a document page links each mention (id = its hash IRI) to the entity's page" || fail "a document page links its mentions"

# Deterministic, and failures as documented.
"$NEWSKG" publish "$out" "$WORK/site2" -q
diff -r "$site" "$WORK/site2" >/dev/null && pass "publishing twice gives identical files" || fail "publishing twice gives identical files"
expect_run "publish: a folder that is no export (exit 3)" 3 "graph.nq" "$NEWSKG" publish "$WORK/nothing" "$WORK/x"
expect_run "publish: a base the export has nothing under (exit 3)" 3 "no subject of the graph lies under the base" \
  "$NEWSKG" publish "$out" "$WORK/x" --base https://example.org/other/
expect_run "publish: a base that is no absolute IRI ending in / (exit 2)" 2 "--base must be an absolute IRI ending in '/'" \
  "$NEWSKG" publish "$out" "$WORK/x" --base not-an-iri
touch "$WORK/a-file"
expect_run "publish: an output folder that cannot be made (exit 4)" 4 "cannot create the folder" \
  "$NEWSKG" publish "$out" "$WORK/a-file/site"

# ---- serve -----------------------------------------------------------------------------------------
# start_server VAR LOG: newskg serve on a free loopback port; its URL (no trailing slash) in VAR.
start_server() {
  local var=$1 log=$2
  "$NEWSKG" serve "$out" --port 0 >"$log" 2>"$log.err" &
  pids+=($!)
  server_pid=$!
  for _ in $(seq 1 100); do
    grep -q '^newskg serve: listening on ' "$log" && break
    sleep 0.1
  done
  printf -v "$var" '%s' "$(sed -n 's|^newskg serve: listening on \(http://127.0.0.1:[0-9]*\)/$|\1|p' "$log")"
}
start_server url "$WORK/serve.log"
[ -n "$url" ] && pass "serve --port 0 prints the URL it listens on ($url)" || fail "serve --port 0 prints its URL" "$(cat "$WORK/serve.log" "$WORK/serve.log.err")"

# fetch ACCEPT PATH: "status|content-type|location|vary" of one request, no redirect followed.
fetch() {
  local accept=$1 path=$2 headers
  if [ "$accept" = "-" ]; then
    headers=$(curl -s -o "$WORK/body" -D - -H 'Accept:' "$url$path")
  else
    headers=$(curl -s -o "$WORK/body" -D - -H "Accept: $accept" "$url$path")
  fi
  tr -d '\r' <<<"$headers" | awk -F': ' 'NR == 1 { s = $0; sub(/^HTTP\/[0-9.]+ /, "", s); sub(/ .*/, "", s) }
    tolower($1) == "content-type" { t = $2 } tolower($1) == "location" { l = $2 } tolower($1) == "vary" { v = $2 }
    END { print s "|" t "|" l "|" v }'
}

declare -A ext_for=(["text/html"]=html ["text/turtle"]=ttl ["application/ld+json"]=jsonld ["application/n-triples"]=nt)
declare -A type_for=([html]="text/html; charset=utf-8" [ttl]="text/turtle; charset=utf-8" [jsonld]="application/ld+json" [nt]="application/n-triples")
bad=0
checked=0
while read -r r; do
  for accept in text/html text/turtle application/ld+json application/n-triples; do
    ext=${ext_for[$accept]}
    got=$(fetch "$accept" "/$r")
    [ "$got" = "303||/$r.$ext|Accept" ] || [ "$got" = "303|text/plain; charset=utf-8|/$r.$ext|Accept" ] ||
      { bad=$((bad + 1)); echo "GET /$r ($accept): $got"; }
    got=$(fetch "$accept" "/$r.$ext")
    [ "$got" = "200|${type_for[$ext]}||Accept" ] || { bad=$((bad + 1)); echo "GET /$r.$ext: $got"; }
    checked=$((checked + 2))
  done
done <"$WORK/resources" >"$WORK/serve-bad"
[ "$bad" -eq 0 ] && pass "all $n IRIs: 303 to the document of each of 4 media types, each 200 with its Content-Type and Vary: Accept ($checked requests)" ||
  fail "IRIs answer 303, documents 200" "$(head -5 "$WORK/serve-bad")"

# Content negotiation details.
expect_location() {
  local name=$1 accept=$2 path=$3 want=$4 got
  got=$(fetch "$accept" "$path")
  [ "$got" = "$want" ] && pass "$name" || fail "$name" "got $got, expected $want"
}
expect_location "no Accept header: HTML" - /state/BLR "303|text/plain; charset=utf-8|/state/BLR.html|Accept"
expect_location "Accept */*: HTML" '*/*' /state/BLR "303|text/plain; charset=utf-8|/state/BLR.html|Accept"
expect_location "q-values: text/html;q=0.2, application/ld+json;q=0.8 gives JSON-LD" 'text/html;q=0.2, application/ld+json;q=0.8' \
  /person/pvl-ucpn "303|text/plain; charset=utf-8|/person/pvl-ucpn.jsonld|Accept"
expect_location "a browser's Accept gives HTML" 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' \
  /event/summons-kaz-blr-2024-08-21 "303|text/plain; charset=utf-8|/event/summons-kaz-blr-2024-08-21.html|Accept"
expect_location "text/html;q=0 with */*;q=0.5: Turtle" 'text/html;q=0, */*;q=0.5' /state/BLR "303|text/plain; charset=utf-8|/state/BLR.ttl|Accept"
expect_location "nothing acceptable: 406" 'image/png' /state/BLR "406|text/plain; charset=utf-8||Accept"
expect_location "an unknown IRI: 404" text/turtle /state/XXX "404|text/plain; charset=utf-8||"
expect_location "an unknown document: 404" text/turtle /state/XXX.ttl "404|text/plain; charset=utf-8||"
expect_location "a resource with an unknown extension: 404" - /state/BLR.pdf "404|text/plain; charset=utf-8||"
expect_location "/ns: 303 to the ontology in Turtle" text/turtle /ns "303|text/plain; charset=utf-8|/ns/newskg.ttl|Accept"
expect_location "/ns: 303 to the ontology page" - /ns "303|text/plain; charset=utf-8|/ns/index.html|Accept"
expect_location "/ns/newskg.ttl: the ontology" - /ns/newskg.ttl "200|text/turtle; charset=utf-8||Accept"
cmp -s "$WORK/body" "$out/newskg.ttl" && pass "/ns/newskg.ttl serves the export's ontology" || fail "/ns/newskg.ttl serves the ontology"
expect_location "/: the index" - / "200|text/html; charset=utf-8||Accept"
grep -q '<a href="state/BLR.html">Belarus</a>' "$WORK/body" && pass "the index links the pages by label" || fail "the index links the pages"

# Following the redirect gives bodies that parse, for the IRI itself.
for accept in text/turtle application/n-triples application/ld+json text/html; do
  ext=${ext_for[$accept]}
  curl -s -L -H "Accept: $accept" -o "$WORK/follow.$ext" "$url/event/summons-kaz-blr-2024-08-21"
done
serdi -q -i turtle -o ntriples "$WORK/follow.ttl" >"$WORK/follow.ttl.nt" 2>/dev/null && grep -q '^<https://w3id.org/newskg/id/event/summons-kaz-blr-2024-08-21> <https://w3id.org/newskg/ns#agent> <https://w3id.org/newskg/id/state/KAZ> \.$' "$WORK/follow.ttl.nt" &&
  pass "curl -L with Accept: text/turtle: Turtle describing the event (serdi)" || fail "curl -L text/turtle gives the event's Turtle"
if counts=$(node "$NKG_SOURCE_DIR/tests/publish/count-quads.js" --context "https://w3id.org/newskg/context.jsonld=$out/context.jsonld" \
  "$WORK/follow.ttl" "$WORK/follow.nt" "$WORK/follow.jsonld" "$WORK/follow.html" 2>&1) &&
  [ "$(cut -f1 <<<"$counts" | sort -u | wc -l)" = 1 ]; then
  pass "served Turtle, N-Triples, JSON-LD and HTML of one IRI parse and agree ($(head -1 <<<"$counts" | cut -f1) triples)"
else
  fail "served representations parse and agree" "$counts"
fi

# ---- headless Chromium -----------------------------------------------------------------------------
chromium_run() {
  local profile
  profile=$(mktemp -d "$WORK/chromium.XXXXXX")
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars "$@" 2>/dev/null
}
chromium_run --dump-dom "$url/state/BLR" >"$WORK/dom.html"
if grep -q '<title>Belarus · newskg</title>' "$WORK/dom.html" && grep -q '<h1>Belarus</h1>' "$WORK/dom.html"; then
  pass "Chromium follows /state/BLR (303) to the page and renders it: title and heading"
else
  fail "Chromium renders /state/BLR" "$(head -c 400 "$WORK/dom.html")"
fi
# A link the rendered page has, to another page, resolves in turn (and renders).
href=$(grep -o 'href="\.\./org/[^"#]*\.html"' "$WORK/dom.html" | head -1 | sed 's/^href="\.\.\(.*\)"$/\1/')
if [ -n "$href" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$url$href")" = 200 ]; then
  chromium_run --dump-dom "$url$href" >"$WORK/dom2.html"
  grep -q '<h1>Collective Security Treaty Organization</h1>' "$WORK/dom2.html" &&
    pass "the rendered page links $href, which resolves (200) and renders" || fail "the linked page renders" "$href" "$(head -c 300 "$WORK/dom2.html")"
else
  fail "the rendered page links another page that resolves" "href=$href"
fi
chromium_run --window-size=1200,1600 --screenshot="$WORK/event.png" "$url/event/summons-kaz-blr-2024-08-21.html" >/dev/null
if [ -s "$WORK/event.png" ] && [ "$(head -c 8 "$WORK/event.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
  [ "$(stat -c %s "$WORK/event.png")" -gt 20000 ]; then
  pass "Chromium screenshots an event page (PNG, $(stat -c %s "$WORK/event.png") bytes)"
else
  fail "Chromium screenshots an event page"
fi
[ -n "${NKG_KEEP_SCREENSHOT:-}" ] && cp "$WORK/event.png" "$NKG_KEEP_SCREENSHOT"

# ---- shutdown ---------------------------------------------------------------------------------------
stop_server() {
  local pid=$1 sig=$2 name=$3 code
  kill "-$sig" "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    fail "$name" "still running"
  else
    wait "$pid"; code=$?
    [ "$code" -eq 0 ] && pass "$name (exit 0)" || fail "$name" "exit $code"
  fi
}
stop_server "$server_pid" TERM "SIGTERM stops the server cleanly"
grep -q 'newskg serve: stopped (SIGTERM)' "$WORK/serve.log.err" && pass "it says it stopped" || fail "it says it stopped" "$(tail -3 "$WORK/serve.log.err")"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/")" = 000 ] && pass "nothing listens after the stop" || fail "nothing listens after the stop"
start_server url2 "$WORK/serve2.log"
port=${url2##*:}
expect_run "serve: a port in use (exit 9)" 9 "cannot listen on 127.0.0.1:$port" timeout 10 "$NEWSKG" serve "$out" --port "$port"
stop_server "$server_pid" INT "SIGINT stops the server cleanly"
expect_run "serve: a bad port (exit 2)" 2 "--port must be" "$NEWSKG" serve "$out" --port 70000
finish
