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
        tree="$pid $(descendants "$pid")"
        # what was under way: the processes, and where each thread of the test binary and of chancery was
        ps -o pid,etime,time,args -p "$(echo $tree | tr ' ' ',')" >&2 2>/dev/null
        if command -v gdb >/dev/null; then
            for p in $tree; do
                case "$(cat /proc/"$p"/cmdline 2>/dev/null | tr '\0' ' ')" in
                *xctest*|*chancery*)
                    echo "bounded.sh: the threads of process $p:" >&2
                    timeout 60 gdb -batch -nx -p "$p" -ex "thread apply all bt 25" 2>/dev/null | grep -E '^(Thread|#)' | head -300 >&2 ;;
                esac
            done
        fi
        kill -KILL $tree 2>/dev/null
        wait "$pid" 2>/dev/null
        exit 124
    fi
    sleep 1
    waited=$((waited + 1))
done
wait "$pid"
