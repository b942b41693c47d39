#!/usr/bin/env bash
# Times the README's build command in a fresh clone of this repository's HEAD: the first run and a second, unchanged.
# Usage: bash bench/fresh-clone.sh [--runs N]   (N fresh clones; prints each and the medians)
set -euo pipefail
runs=1
[ "${1:-}" = "--runs" ] && runs=${2:?--runs needs a number}
repository=$(cd "$(dirname "$0")/.." && pwd)
command=(dotnet run --project src/AnnotatedNorm.Cli -- build --quiet)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

firsts=() seconds_=()
for i in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  git clone -q "$repository" "$work/clone"
  cd "$work/clone"
  first=$(seconds "${command[@]}")
  second=$(seconds "${command[@]}")
  printf 'run %d: first %.2f s, second %.2f s (load %s)\n' "$i" "$first" "$second" "$(cut -d' ' -f1-3 /proc/loadavg)"
  firsts+=("$first") seconds_+=("$second")
  cd "$repository"
  rm -rf "$work"
done
printf 'median of %d: first %.2f s, second %.2f s\n' "$runs" \
  "$(printf '%s\n' "${firsts[@]}" | median)" "$(printf '%s\n' "${seconds_[@]}" | median)"
