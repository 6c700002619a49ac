#!/bin/sh
# Load check of the REST adapter: requests/s and latency percentiles on loopback, against the
# in-process sandbox, through the program's own write path (journal fsync included).
#
#   Benchmarks/rest-load.sh [--connections 16] [--seconds 10] [--warmup 2] [--scenarios get,list,...]
#
# Builds Benchmarks/RESTLoad (the program's modules, linked in, plus a load generator) in
# release mode, then runs it. Scenarios: get (one code), list (4 codes), list-large (12 codes,
# one with 300 options), user (a user's values), mixed (get/list/user), write (user PUTs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

swift build -c release --package-path "$here/RESTLoad" >&2
bin=$(swift build -c release --package-path "$here/RESTLoad" --show-bin-path)
# The demo data lives in the main tree; the benchmark's copy of the sandbox looks here.
TRACKCODES_RESOURCES="$root/Resources" exec "$bin/rest-load" "$@"
