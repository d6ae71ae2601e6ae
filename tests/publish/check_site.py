#!/usr/bin/env python3
"""check_site.py SITE_DIR: every HTML page of a published site, as a browser-independent check.

Each page must be well-formed (parsed as XML: every element closed, only XML entities, so nothing
is left unescaped), have a non-empty <title> and one JSON-LD <script> that parses as JSON, load no
external resource (no src attribute, <link> only rel=alternate, no url() or @import in styles),
and every relative link must reach an existing file, and its #fragment an element with that id.
The index must link every resource page. Prints one line per problem; exit 1 if any.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urldefrag, unquote

X = "{http://www.w3.org/1999/xhtml}"


def local(tag):
    return tag.split("}", 1)[-1]


def main(root):
    problems = []
    pages = {}
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                try:
                    pages[os.path.relpath(path, root)] = ET.parse(path).getroot()
                except ET.ParseError as e:
                    problems.append(f"{path}: not well-formed: {e}")
    ids = {rel: {el.get("id") for el in tree.iter() if el.get("id") is not None} for rel, tree in pages.items()}
    links = 0
    index_targets = set()
    for rel, tree in sorted(pages.items()):
        title = next((el.text for el in tree.iter() if local(el.tag) == "title"), None)
        if not title or not title.strip():
            problems.append(f"{rel}: no title")
        scripts = [el for el in tree.iter() if local(el.tag) == "script"]
        if rel not in ("index.html", "ns/index.html"):
            if len(scripts) != 1 or scripts[0].get("type") != "application/ld+json":
                problems.append(f"{rel}: expected one application/ld+json script, found {len(scripts)}")
            else:
                try:
                    doc = json.loads(scripts[0].text or "")
                    if not isinstance(doc.get("@context"), dict) or not doc.get("@graph"):
                        problems.append(f"{rel}: JSON-LD without an embedded @context or an empty @graph")
                except json.JSONDecodeError as e:
                    problems.append(f"{rel}: JSON-LD does not parse: {e}")
        for el in tree.iter():
            tag = local(el.tag)
            if el.get("src") is not None:
                problems.append(f"{rel}: <{tag} src=...> loads a resource")
            if tag == "link" and el.get("rel") != "alternate":
                problems.append(f"{rel}: <link rel={el.get('rel')}> loads a resource")
            if tag == "style" and ("url(" in (el.text or "") or "@import" in (el.text or "")):
                problems.append(f"{rel}: the style loads a resource")
            href = el.get("href")
            if href is None:
                continue
            if href.startswith(("http://", "https://")):
                if tag != "a":
                    problems.append(f"{rel}: <{tag}> points outside: {href}")
                continue
            links += 1
            target, fragment = urldefrag(href)
            target_rel = os.path.normpath(os.path.join(os.path.dirname(rel), unquote(target))) if target else rel
            if not os.path.isfile(os.path.join(root, target_rel)):
                problems.append(f"{rel}: broken link {href}")
            elif fragment and target_rel.endswith(".html") and unquote(fragment) not in ids.get(target_rel, set()):
                problems.append(f"{rel}: link {href}: no element with id {fragment!r}")
            if rel == "index.html" and not fragment:
                index_targets.add(target_rel)
    resource_pages = {p for p in pages if p not in ("index.html", "ns/index.html")}
    for missing in sorted(resource_pages - index_targets):
        problems.append(f"index.html: no link to {missing}")
    for p in problems:
        print(p)
    print(f"{len(pages)} pages, {links} links checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: check_site.py SITE_DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
