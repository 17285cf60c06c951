#!/usr/bin/env bash
# Screenshots of the reading room in headless Chromium, failing on anything the browser reports about
# the pages: console messages (script errors, Content-Security-Policy violations) and resources that
# did not load (404s for stylesheets, icons, images…).
#
#   Tests/Tools/screenshots.sh BIN OUTDIR        (make screenshots: BIN=.build/release/chancery OUTDIR=screenshots)
#
# Builds the sample site (SITE_ROOT, the folder holding Content/ and Themes/; default: the repository)
# into SITE_ROOT/Public (`chancery serve` builds it itself; for Python's server it is built first when
# SITE_ROOT/Public has no index.html), serves it on an ephemeral loopback port, opens the home
# page, a cable page (08STATE37957) and a tag index (PREL) at 1280 and 390 px wide, and writes
# OUTDIR/home-1280.png, home-390.png, cable-1280.png, cable-390.png, tag-1280.png, tag-390.png.
#
# The server is the project's own `BIN serve --root SITE_ROOT --host 127.0.0.1 --port 0` when BIN has
# that command (its live-reload script and overlay are then part of what is checked), else
# `python3 -m http.server --bind 127.0.0.1 0`. SCREENSHOT_SERVER=python or =serve forces one.
#
# Exit status: 0 clean; 1 the browser reported problems (listed on stderr); 2 usage or setup error;
# 3 Chromium is missing (run `make test`, which installs it).
#
# What counts as a problem, and why the filter is what it is:
#   Chromium's stderr (--enable-logging=stderr --v=0) is mostly the browser talking about itself:
#   D-Bus (no system bus in a container), GPU/VA-API probing, the sandbox, Bluetooth, the wrapper
#   script's own warnings. None of those lines mention the page's origin. So a stderr line counts only
#   when it concerns the page:
#     - a console line (`:CONSOLE(` in older builds, `:CONSOLE:` in newer ones — Chromium logs every
#       console message, whatever its level, as INFO:CONSOLE) whose `source:` is the served origin;
#       the site ships no script, so any console message from it is an error: a CSP violation
#       ("Refused to …" in older builds, "… violates the following Content Security Policy directive"
#       in newer ones) or a script error;
#     - any line with "Refused to", "Content Security Policy" or "Failed to load resource" (the
#       wording of CSP blocks and failed loads, whatever the log prefix);
#     - an `ERROR:` line that names the served origin (a network error on one of its URLs).
#   Failed loads are not always logged to stderr (new headless Chromium logs a 404 only to DevTools),
#   so the browser also writes a NetLog (--log-net-log) and every request to the served origin is
#   checked there: a status of 400 or more, or a network error, is a problem. Background requests
#   Chromium makes to other hosts (component updates, safe browsing) are not the page's and are ignored.
set -euo pipefail

usage() { echo "usage: $0 BIN OUTDIR   (SITE_ROOT=… for another site folder, SCREENSHOT_SERVER=python|serve)" >&2; exit 2; }
[ $# -eq 2 ] || usage
BIN=$1
OUT=$2
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SITE_ROOT=$(cd "${SITE_ROOT:-$REPO}" && pwd)
SITE_DIR=$SITE_ROOT/Public

CHROMIUM=${CHROMIUM:-}
if [ -z "$CHROMIUM" ]; then
  for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then CHROMIUM=$(command -v "$candidate"); break; fi
  done
fi
[ -n "$CHROMIUM" ] || { echo "screenshots.sh: Chromium is not installed — run \`make test\` (it installs it)" >&2; exit 3; }
command -v python3 >/dev/null 2>&1 || { echo "screenshots.sh: python3 is needed — run \`make test\`" >&2; exit 2; }

# the server, on 127.0.0.1 and a port the system picks; both servers print their address.
# `chancery serve` builds the site itself; for Python's server it is built first if needed.
SERVER=${SCREENSHOT_SERVER:-}
if [ -z "$SERVER" ]; then
  if [ -x "$BIN" ] && "$BIN" serve --help 2>/dev/null | grep -q "USAGE: chancery serve"; then SERVER=serve; else SERVER=python; fi
fi
if [ "$SERVER" = python ] && [ ! -f "$SITE_DIR/index.html" ]; then
  [ -x "$BIN" ] || { echo "screenshots.sh: $BIN is not an executable" >&2; exit 2; }
  echo "Building the sample site into $SITE_DIR"
  "$BIN" build --root "$SITE_ROOT"
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chancery-screenshots.XXXXXX")
SERVER_PID=""
# The server is asked to stop (SIGTERM: `chancery serve` then stops gracefully) and killed if it has not
# within 5 s. A process inherits its parent's blocked signals, and a test runner starts this script from
# threads that block nearly all of them (libdispatch's): a server started from here then never sees the
# SIGTERM, and waiting for it waited for ever (seen: the screenshots test hung after its six shots).
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

case "$SERVER" in
  serve) "$BIN" serve --root "$SITE_ROOT" --host 127.0.0.1 --port 0 >"$WORK/server.log" 2>&1 & ;;
  python) python3 -u -m http.server --bind 127.0.0.1 --directory "$SITE_DIR" 0 >"$WORK/server.log" 2>&1 & ;;
  *) echo "screenshots.sh: SCREENSHOT_SERVER must be serve or python" >&2; exit 2 ;;
esac
SERVER_PID=$!
# the address it prints: `http://127.0.0.1:PORT` and, for a site under a base path (chancery serve), the path
ADDRESS=""
for _ in $(seq 1 600); do
  ADDRESS=$(grep -oE 'http://127\.0\.0\.1:[0-9]+[^ )]*' "$WORK/server.log" | head -n 1 || true)
  [ -n "$ADDRESS" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$ADDRESS" ] || { echo "screenshots.sh: the $SERVER server did not start:" >&2; cat "$WORK/server.log" >&2; exit 2; }
ORIGIN=$(grep -oE '^http://127\.0\.0\.1:[0-9]+' <<<"$ADDRESS")
BASE_PATH=${ADDRESS#"$ORIGIN"}
BASE_PATH=${BASE_PATH%/}
python3 - "$ORIGIN$BASE_PATH/" <<'PY' || { echo "screenshots.sh: $ORIGIN$BASE_PATH/ does not answer:" >&2; cat "$WORK/server.log" >&2; exit 2; }
import sys, time, urllib.request
for _ in range(100):
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
            if r.status == 200: sys.exit(0)
    except Exception:
        pass
    time.sleep(0.1)
sys.exit(1)
PY

# the pages
CABLE_DIR=$(cd "$SITE_DIR" && find cable -mindepth 3 -maxdepth 3 -type d -name 08STATE37957 2>/dev/null | head -n 1)
[ -n "$CABLE_DIR" ] || { echo "screenshots.sh: no page for cable 08STATE37957 in $SITE_DIR" >&2; exit 2; }
[ -f "$SITE_DIR/tag/PREL/index.html" ] || { echo "screenshots.sh: no tag index PREL in $SITE_DIR" >&2; exit 2; }
PAGES=("home=/" "cable=/$CABLE_DIR/" "tag=/tag/PREL/")
WIDTHS=("1280x900" "390x844")

# NetLog → the requests to the served origin that failed
netlog_failures() {
  python3 - "$1" "$ORIGIN" <<'PY'
import json, sys
path, origin = sys.argv[1], sys.argv[2]
try:
    log = json.load(open(path))
except Exception as e:  # a NetLog cut short is still mostly readable: close it
    text = open(path).read().rstrip().rstrip(",")
    try:
        log = json.loads(text + "]}")
    except Exception:
        print(f"unreadable NetLog ({e})"); sys.exit(0)
names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
urls, problems = {}, []
for event in log["events"]:
    kind, params, source = names.get(event["type"]), event.get("params", {}), event["source"]["id"]
    if kind == "URL_REQUEST_START_JOB" and "url" in params:
        urls[source] = params["url"]
    url = urls.get(source, "")
    if not url.startswith(origin + "/"):
        continue
    if kind == "HTTP_TRANSACTION_READ_RESPONSE_HEADERS":
        status_line = (params.get("headers") or [""])[0]
        parts = status_line.split()
        if len(parts) > 1 and parts[1].isdigit() and int(parts[1]) >= 400:
            problems.append(f"{url}: {status_line}")
    elif kind == "REQUEST_ALIVE" and params.get("net_error", 0) not in (0, -3):  # -3: ERR_ABORTED, a request the page no longer needs
        problems.append(f"{url}: network error {params['net_error']}")
for p in dict.fromkeys(problems):
    print(p)
PY
}

# one screenshot: NAME PATH WIDTHxHEIGHT; Chromium's exit status goes to WORK/NAME-WIDTH.status (killed
# 10 s after the SIGTERM at 90 s, which it may not see: see cleanup)
shoot() {
  local name=$1 path=$2 size=$3
  local width=${size%x*}
  rm -f "$OUT/$name-$width.png"
  set +e
  timeout -k 10 90 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="${size/x/,}" --screenshot="$OUT/$name-$width.png" --enable-logging=stderr --v=0 \
    --user-data-dir="$WORK/profile-$name-$width" --no-first-run --no-default-browser-check \
    --log-net-log="$WORK/$name-$width.netlog.json" \
    "$ORIGIN$BASE_PATH$path" >"$WORK/$name-$width.log" 2>&1
  echo $? >"$WORK/$name-$width.status"
}

# the two widths of a page at once (most of a shot is Chromium starting and waiting, not working)
for page in "${PAGES[@]}"; do
  name=${page%%=*}
  path=${page#*=}
  pids=()
  for size in "${WIDTHS[@]}"; do shoot "$name" "$path" "$size" & pids+=($!); done
  wait "${pids[@]}"  # these shots only: a bare `wait` would wait for the server too
done

STATUS=0
for page in "${PAGES[@]}"; do
  name=${page%%=*}
  path=${page#*=}
  for size in "${WIDTHS[@]}"; do
    width=${size%x*}
    shot="$OUT/$name-$width.png"
    log="$WORK/$name-$width.log"
    code=$(cat "$WORK/$name-$width.status" 2>/dev/null || echo 1)
    problems=$(
      {
        grep -E ':CONSOLE(\(|:)' "$log" | grep -F "source: $ORIGIN/" || true
        grep -E 'Refused to|Content Security Policy|Failed to load resource' "$log" | grep -vE ':CONSOLE(\(|:)' || true
        grep -F 'ERROR:' "$log" | grep -F "$ORIGIN/" || true
        netlog_failures "$WORK/$name-$width.netlog.json"
      } | sed 's/^\[[0-9:\/.]*\([A-Z]*:\)/\1/' | sort -u
    )
    if [ "$code" -ne 0 ] || [ ! -s "$shot" ]; then
      echo "$name-$width: Chromium failed (exit $code) or wrote no screenshot; its log:" >&2
      grep -vF 'dbus' "$log" | tail -n 20 >&2
      STATUS=1
    fi
    if [ -n "$problems" ]; then
      echo "$name-$width ($ORIGIN$BASE_PATH$path):" >&2
      sed 's/^/  /' <<<"$problems" >&2
      STATUS=1
    fi
    if [ -s "$shot" ]; then echo "$shot"; fi
  done
done
echo "Served by $SERVER at $ORIGIN$BASE_PATH/" >&2
exit $STATUS
