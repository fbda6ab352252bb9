#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds from questionnaires/ and tests/fixtures/.
# Corpora are not committed (/fuzz/corpus is in .gitignore). Safe to run again: files are
# named by content hash, so existing corpus entries are kept and duplicates are not added.
set -eu
cd "$(dirname "$0")/.."
add() { # add <target> <file>
    dir="fuzz/corpus/$1"
    mkdir -p "$dir"
    name=$(sha1sum "$2" | cut -c1-40)
    cp "$2" "$dir/seed-$name"
}
structured() { # add 0xFF + file bytes: the render target's structured-answers mode
    tmp=$(mktemp)
    printf '\377' >"$tmp"
    head -c 4096 "$2" >>"$tmp"
    add "$1" "$tmp"
    rm -f "$tmp"
}
for f in questionnaires/*.yaml tests/fixtures/valid/*.yaml tests/fixtures/invalid/*.yaml \
    tests/fixtures/answers/*.yaml; do
    [ -f "$f" ] && add load "$f"
done
for f in questionnaires/examples/*.answers.yaml tests/fixtures/answers/*.yaml; do
    [ -f "$f" ] && add render "$f" && structured render "$f"
done
# template: every template string found in the questionnaires, one per file, plus whole files.
tmpdir=$(mktemp -d)
python3 - "$tmpdir" questionnaires/*.yaml tests/fixtures/valid/*.yaml <<'PY'
import hashlib, os, sys
import yaml
out = sys.argv[1]
def walk(node):
    if isinstance(node, str):
        if "{{" in node or "{%" in node:
            yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v)
            if k == "when" and isinstance(v, str):
                yield v  # conditions are fuzzed too (add_condition)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)
for path in sys.argv[2:]:
    try:
        doc = yaml.safe_load(open(path, encoding="utf-8"))
    except Exception:
        continue
    for s in walk(doc):
        data = s.encode("utf-8")
        with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
PY
for f in "$tmpdir"/* questionnaires/*.yaml; do
    [ -f "$f" ] && add template "$f"
done
rm -rf "$tmpdir"
for t in load render template; do
    echo "$t: $(ls "fuzz/corpus/$t" | wc -l) seeds"
done
