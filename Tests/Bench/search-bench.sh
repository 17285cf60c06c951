#!/usr/bin/env bash
# Search benchmark: Chancery's own index (written by `chancery build` in the pass that renders the pages)
# against Pagefind run on the very same built site, side by side in one run.
#
# usage: Tests/Bench/search-bench.sh [CHANCERY_BINARY] [SHARED_DIR]
#   CHANCERY_BINARY  a release build (default .build/release/chancery; `swift build -c release --product chancery`)
#   SHARED_DIR       holds bench/gen-corpus.py (default ../shared)
#   SEARCH_BENCH_N=5000   cables to generate
#   BENCH_DIR=DIR         work folder (default: a new temporary folder)
#   PAGEFIND=0            skip Pagefind (for large N: it needs ~0.6 GB of memory per 1,000 pages)
# needs: python3, GNU time (/usr/bin/time), node (query downloads), pagefind (`pip install pagefind-bin`)
#
# Prints: build time with and without the index (CHANCERY_NO_SEARCH=1) — the index time is the difference,
# best of two runs each —, Pagefind's time on the built Public/, both index sizes, peak memory, and what the
# real client (Themes/default/assets/search.js, under Node) downloads for three-word queries, with the figure
# extrapolated to 250,000 cables.
set -euo pipefail
project=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:-$project/.build/release/chancery}")
shared=$(realpath "${2:-$project/../shared}")
n=${SEARCH_BENCH_N:-5000}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
export CHANCERY_NO_PROGRESS=1
[ -x "$bin" ] || { echo "search-bench: no release binary at $bin (swift build -c release --product chancery)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "search-bench: GNU time is missing (apt-get install time)" >&2; exit 2; }

measure() { # label, command… → sets wall, cpu (user+sys), rss (MB); prints a line
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { echo "$label failed:"; tail -20 "$work/out"; exit 1; }
  read -r wall user sys rss <"$work/time"
  cpu=$(python3 -c "print(round($user + $sys, 2))"); rss=$((rss / 1024))
  printf '  %-36s %7.2f s wall %7.2f s CPU %6d MB peak\n' "$label" "$wall" "$cpu" "$rss"
}
best() { python3 -c "import sys; print(min(map(float, sys.argv[1:])))" "$@"; }
mb() { python3 -c "print(f'{$1 / 1e6:.1f}')"; }

echo "Search benchmark — $(date -u +%Y-%m-%d) — $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, load $(cut -d' ' -f1 /proc/loadavg) — $n cables"
[ -d "$work/raw" ] || python3 "$shared/bench/gen-corpus.py" "$n" "$work/raw" >/dev/null
site="$work/site"
if [ ! -d "$site/Content/cables" ]; then
  rm -rf "$site"; mkdir -p "$site/Content"
  cp "$project/Content/site.yml" "$site/Content/" 2>/dev/null || true
  "$bin" import "$work/raw" --root "$site" >/dev/null
fi
rm -rf "$site/Themes"; cp -r "$project/Themes" "$site/Themes"

echo
echo "Clean builds (best of two each)"
walls_off=(); walls_on=(); cpus_off=(); cpus_on=()
for round in 1 2; do
  rm -rf "$site/Public" "$site/.chancery"
  measure "chancery build, no search index" env CHANCERY_NO_SEARCH=1 "$bin" build --root "$site"
  walls_off+=("$wall"); cpus_off+=("$cpu"); rss_off=$rss
  rm -rf "$site/Public" "$site/.chancery"
  measure "chancery build, with search index" env CHANCERY_SEARCH_STATS=1 "$bin" build --root "$site"
  walls_on+=("$wall"); cpus_on+=("$cpu"); rss_on=$rss
  grep '^search:' "$work/out" | sed 's/^/    /'
done
off=$(best "${walls_off[@]}"); on=$(best "${walls_on[@]}")
coff=$(best "${cpus_off[@]}"); con=$(best "${cpus_on[@]}")
index_wall=$(python3 -c "print(round(max(0.0, $on - $off), 2))")
index_cpu=$(python3 -c "print(round(max(0.0, $con - $coff), 2))")
pages=$(find "$site/Public" -name '*.html' | wc -l)
html=$(find "$site/Public" -name '*.html' -printf '%s\n' | awk '{s += $1} END {print s}')
index_bytes=$(du -sb "$site/Public/search" | cut -f1)
index_files=$(find "$site/Public/search" -type f | wc -l)
echo "  index time (difference): $index_wall s wall, $index_cpu s CPU; pages $pages ($(mb "$html") MB of HTML)"
echo "  index: $(mb "$index_bytes") MB in $index_files files; peak memory of the build $rss_on MB (without the index $rss_off MB)"

pf_wall=""
if [ "${PAGEFIND:-1}" != 0 ]; then
  pagefind=$(command -v pagefind || python3 -c "import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))" 2>/dev/null || true)
  if [ -x "$pagefind" ]; then
    echo
    echo "Pagefind on the same Public/ ($("$pagefind" --version 2>/dev/null | head -1))"
    rm -rf "$work/pagefind-site"; cp -al "$site/Public" "$work/pagefind-site"; rm -rf "$work/pagefind-site/search"
    measure "pagefind --site" "$pagefind" --site "$work/pagefind-site"
    pf_wall=$wall; pf_cpu=$cpu; pf_rss=$rss
    pf_bytes=$(du -sb "$work/pagefind-site/pagefind" | cut -f1)
    echo "  index: $(mb "$pf_bytes") MB in $(find "$work/pagefind-site/pagefind" -type f | wc -l) files"
    echo
    python3 - "$index_wall" "$index_cpu" "$pf_wall" "$pf_cpu" "$index_bytes" "$pf_bytes" "$rss_on" "$pf_rss" <<'PY'
import sys
iw, ic, pw, pc, ib, pb, ir, pr = map(float, sys.argv[1:])
print(f"Chancery/Pagefind: index time {iw / pw:.3f} (wall), {ic / pc:.3f} (CPU); index size {ib / pb:.3f}; peak memory {ir / pr:.3f}")
print(f"  bars: time <= 0.2: {'yes' if iw / pw <= 0.2 else 'NO'}; size <= 47 MB: {'yes' if ib <= 47e6 else 'NO'}; memory below Pagefind: {'yes' if ir < pr else 'NO'}")
PY
    rm -rf "$work/pagefind-site"
  else
    echo "  (pagefind not found: pip install pagefind-bin)"
  fi
fi

echo
echo "Downloads of the real client (search.js under Node) for three-word queries"
command -v node >/dev/null || { echo "  (node not found)"; exit 0; }
node - "$site/Public" "$project/Themes/default/assets/search.js" "$n" <<'JS'
const fs = require('fs'), path = require('path');
const [pub, client, n] = process.argv.slice(2);
let log = [];
global.fetch = async (url) => {
  const file = path.join(pub, decodeURIComponent(String(url)));
  let b = null; try { b = fs.readFileSync(file); } catch (e) {}
  if (b) log.push([String(url), b.length]);
  return { ok: !!b, status: b ? 200 : 404, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.length),
    json: async () => JSON.parse(b), text: async () => b.toString() };
};
const s = require(client);
const scale = 250000 / +n;
// what a reader's browser fetches: meta, the terms' shards and postings, the first page's cables and their
// originals (snippets), and the facet columns when they are under the page's automatic limit (400 KB)
(async () => {
  const queries = ['Shelter Now detainees', 'nuclear Iran sanctions', 'president election opposition', 'government minister security', 'Kidwai Khan release'];
  console.log('  query                               results  meta  shards postings   docs snippets facets   total    at 250,000 (est.)');
  for (const q of queries) {
    s.setRoot('/search/'); log = [];
    const r = await s.search({ q });
    const page = r.docs.slice(0, 10);
    const rows = await Promise.all(page.map((d) => s.doc(d)));
    for (const row of rows) if (row[7] === 1) await fetch('/cable/' + row[6] + '/' + row[0] + '/' + row[0] + '.txt');
    await s.facets(r.docs);
    const kind = (u) => u.includes('/search/meta') ? 'meta' : u.includes('/search/t/') ? 'shards' : /\/search\/[xpy]\//.test(u) ? 'postings'
      : u.includes('/search/d/') ? 'docs' : u.includes('/search/f/') ? 'facets' : 'snippets';
    const by = { meta: 0, shards: 0, postings: 0, docs: 0, snippets: 0, facets: 0 };
    for (const [u, b] of log) by[kind(u)] += b;
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    // at 250,000 cables: a term's postings grow with its document frequency (×scale); a vocabulary shard stays
    // near its target size (the shard count doubles instead); the first page's cables and snippets stay the
    // same; facet columns grow ×scale but load only under 400 KB (else on a button)
    const facets250 = by.facets * scale > 400e3 ? 0 : by.facets * scale;
    const est = by.meta + by.shards + by.postings * scale + by.docs + by.snippets + facets250;
    const k = (x) => (x / 1024).toFixed(0).padStart(6) + 'K';
    console.log('  ' + q.padEnd(34) + String(r.docs.length).padStart(8) + k(by.meta) + k(by.shards) + k(by.postings) + k(by.docs) + k(by.snippets)
      + k(by.facets) + k(total) + '   ' + (est / 1e6).toFixed(2) + ' MB' + (by.facets * scale > 400e3 ? ' (facets on request)' : ''));
  }
})();
JS
