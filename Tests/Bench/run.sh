#!/usr/bin/env bash
# The release benchmarks behind the figures in README.md ("Performance"). Run with `make bench`.
#
# usage: Tests/Bench/run.sh CHANCERY_BINARY SHARED_DIR
#   BENCH_N=50000     cables to generate (default 50,000)
#   BENCH_DIR=DIR     work folder (default: a new temporary folder; needs ~3 GB per 50,000 cables)
#   BENCH_LARGE=1     also build 250,000 cables (slow; needs ~15 GB)
# Prints: cp -r and import speed (files and CSV), peak memory, the build against Hugo
# (../shared/bench/compare.sh), a no-op rebuild and a rebuild after editing one cable.
set -euo pipefail
bin=$(realpath "$1") shared=$(realpath "$2")
project=$(cd "$(dirname "$0")/../.." && pwd)
n=${BENCH_N:-50000}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
export CHANCERY_NO_PROGRESS=1
timed() { # label, command… → "label: W s wall, M MB peak"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { echo "$label failed:"; tail -20 "$work/out"; exit 1; }
  read -r wall rss <"$work/time"
  printf '%-34s %8.2f s  %6d MB peak   %s\n' "$label" "$wall" "$((rss / 1024))" "$(tail -1 "$work/out" | cut -c1-90)"
  last_wall=$wall
}
rate() { python3 -c "print(f'{$1/$2:,.0f}')"; }
# Lets the disk settle: written back, and past ext4's window for recently deleted inodes. Without a journal,
# ext4 looks each new inode up past every inode of its group deleted in the last 60 s (360 s while that
# inode table block is dirty, as it becomes when files are created beside them), which makes creating files
# just after deleting many several times slower, for cp as for chancery. A new BENCH_DIR deletes nothing.
# Run as root, it then empties the kernel's dentry and inode caches (not the page cache), as the README's
# figures were taken: a machine that has cached millions of names looks each new one up along long hash
# chains (7 % of a build's CPU here with 3 million cached, 1 % after emptying them).
settle() {
  sync; sleep "${BENCH_SETTLE:-65}"
  if [ -w /proc/sys/vm/drop_caches ]; then sync; echo 2 >/proc/sys/vm/drop_caches; sleep 5; fi
}

echo "Chancery benchmarks — $(date -u +%Y-%m-%d) — $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB — $n cables"
[ -d "$work/raw" ] || python3 "$shared/bench/gen-corpus.py" "$n" "$work/raw" >/dev/null
[ -f "$work/csv/cables.csv" ] || python3 "$shared/bench/gen-corpus.py" "$n" "$work/csv" --csv >/dev/null
files=$(find "$work/raw" -type f | wc -l)

echo
echo "Import"
rm -rf "$work/cp" "$work/site-import" "$work/site-csv"; settle
timed "cp -r of the raw files" cp -r "$work/raw" "$work/cp"; cp_wall=$last_wall
echo "  cp -r: $(rate "$files" "$cp_wall") files/s"
settle
timed "chancery import (telegram files)" "$bin" import "$work/raw" --root "$work/site-import"; imp=$last_wall
echo "  import: $(rate "$n" "$imp") cables/s (writes two files a cable)"
settle
timed "chancery import (Cablegate CSV)" "$bin" import "$work/csv/cables.csv" --root "$work/site-csv"; csv=$last_wall
echo "  CSV import: $(rate "$n" "$csv") cables/s"
timed "chancery import again (no-op)" "$bin" import "$work/raw" --root "$work/site-import"

echo
echo "Build against Hugo ($shared/bench/compare.sh)"
rm -rf "$work/site-import" "$work/site-csv" "$work/cp"; settle
bash "$shared/bench/compare.sh" "$n" "$bin" "$project" "$work" | sed 's/^/  /'

echo
echo "Incremental builds"
site="$work/site"
timed "no-op build" "$bin" build --root "$site"
timed "no-op build (again)" "$bin" build --root "$site"
victim=$(find "$site/Content/cables" -name '*.md' | sort | sed -n '100p')  # (a glob of 50,000 names is too long for ls)
python3 - "$victim" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
i = s.index("\n---\n", 4) + 5
open(p, "w").write(s[:i] + "Edited for the benchmark. " + s[i:])
PY
timed "rebuild after editing one cable" "$bin" build --root "$site"
grep -q "Edited for the benchmark" "$site"/Public/cable/*/*/"$(basename "$victim" .md)"/index.html && echo "  the edited page is updated"

echo
echo "Edit to reload (chancery serve)"
python3 - "$bin" "$site" <<'PY'
import os, re, socket, subprocess, sys, time, urllib.request
bin, site = sys.argv[1], sys.argv[2]
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
server = subprocess.Popen([bin, "serve", "--root", site, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    def get(path):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r: return r.read().decode()
        except Exception: return None
    deadline = time.time() + 300
    while get("/") is None and time.time() < deadline: time.sleep(0.2)
    time.sleep(2)
    cables = sorted(os.path.join(d, f) for d, _, fs in os.walk(site + "/Content/cables") for f in fs if f.endswith(".md"))
    times = []
    for victim in (cables[200], cables[len(cables) // 2], cables[-200]):
        text = open(victim).read()
        ident = os.path.basename(victim)[:-3]
        date = re.search(r"^date: (\d{4})-(\d{2})", text, re.M)
        page = f"/cable/{date.group(1)}/{date.group(2)}/{ident}/"
        marker = f"Reload check {time.time():.0f}."
        i = text.index("\n---\n", 4) + 5
        start = time.time()
        open(victim, "w").write(text[:i] + marker + " " + text[i:])
        while time.time() - start < 120:
            body = get(page)
            if body and marker in body: break
            time.sleep(0.02)
        times.append(time.time() - start)
        print(f"  edit to reload: {times[-1]:.2f} s (until {page} served the edit)")
        time.sleep(8)  # the rest of the rebuild (search index, build cache) finishes before the next edit
    print(f"  edit to reload, median of {len(times)}: {sorted(times)[len(times) // 2]:.2f} s")
finally:
    server.terminate(); server.wait()
PY

if [ -x "$project/Tests/Bench/search-bench.sh" ]; then
  echo
  echo "Search"
  # in a folder of its own: a BENCH_DIR given to `make bench` holds the large archive, which the search
  # benchmark (SEARCH_BENCH_N cables, Pagefind beside it) must not take for its own
  BENCH_DIR="$work/search" "$project/Tests/Bench/search-bench.sh" "$bin" "$shared" | sed 's/^/  /'
fi

if [ "${BENCH_LARGE:-}" = 1 ]; then
  echo
  echo "250,000 cables"
  big="$work/big"
  [ -d "$big/raw" ] || python3 "$shared/bench/gen-corpus.py" 250000 "$big/raw" >/dev/null
  rm -rf "$big/site"; mkdir -p "$big/site/Content"; cp -r "$project/Themes" "$big/site/"; cp "$project/Content/site.yml" "$big/site/Content/"
  timed "import 250,000" "$bin" import "$big/raw" --root "$big/site"
  timed "build 250,000" "$bin" build --root "$big/site"
fi
echo
echo "work folder: $work"
