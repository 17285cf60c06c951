#!/bin/sh
# bounded.sh SECONDS COMMAND [ARGUMENT...]: runs COMMAND and gives its exit status; if it is still running
# after SECONDS, says so and kills it with every process under it (swift test runs the test binary in a
# process group of its own, which `timeout` does not reach), and exits with 124 as `timeout` does.
# `make test` runs each test run under it when there is no terminal (CI): a hang then fails in bounded time.
limit=$1
shift
"$@" &
pid=$!
# every process under $1, found before any is killed (a killed parent's children would go to init)
descendants() {
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}
waited=0
while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$limit" ]; then
        echo "bounded.sh: still running after $limit s, stopped: $*" >&2
        kill -KILL "$pid" $(descendants "$pid") 2>/dev/null
        wait "$pid" 2>/dev/null
        exit 124
    fi
    sleep 1
    waited=$((waited + 1))
done
wait "$pid"
