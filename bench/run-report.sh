#!/usr/bin/env bash
# How long the HTML report takes: one synthetic corpus, `neardup dedup` run three ways back to back —
# plain, with --passages (every pair aligned, passages in pairs.jsonl) and with --report (every pair aligned
# and a page written per pair, plus the index). The extra wall time over the plain run is the cost of alignment
# and report; it is printed per 10,000 pairs. Timings are wall clock on a shared machine: compare the rows of one
# run, not runs of different days.
#
# usage: bench/run-report.sh [--docs N] [--out DIR]
#   --docs N   documents to generate (default 32000, which plants a little over 10,000 pairs)
#   --out DIR  work folder (default /tmp/neardup-report-bench)
set -euo pipefail

docs=32000
out=/tmp/neardup-report-bench
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-report: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[[ "$docs" =~ ^[0-9]+$ && "$docs" -gt 0 ]] || { echo "run-report: --docs must be a positive integer" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
data="$out/data"

if [[ "$(cat "$data/.stamp" 2>/dev/null)" != "docs=$docs seed=1" ]]; then
  rm -rf "$data"
  (cd "$root" && dotnet run -c Release --project bench/NearDup.Synth -- --docs "$docs" --seed 1 --out "$data") >&2
  echo "docs=$docs seed=1" > "$data/.stamp"
fi
(cd "$root" && ./neardup --help >/dev/null)          # build before timing
cat "$data/corpus.jsonl" >/dev/null                 # warm the page cache

seconds() {  # name, extra args...: wall seconds of one dedup run
  local name="$1"; shift
  rm -rf "${out:?}/$name" "${out:?}/$name-report"
  local start end
  start=$(date +%s.%N)
  (cd "$root" && ./neardup dedup "$data/corpus.jsonl" --out "$out/$name" --progress None --no-copy "$@") >"$out/log-$name.txt" 2>&1 \
    || { echo "run-report: $name failed; see $out/log-$name.txt" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }' 
}
plain=$(seconds plain)
passages=$(seconds passages --passages)
report=$(seconds report --report "$out/report-report")
pairs=$(wc -l < "$out/plain/pairs.jsonl")
pages=$(find "$out/report-report/pairs" -name '*.html' | wc -l)
size=$(du -sh "$out/report-report" | cut -f1)

{
  echo "| run | wall s | extra over plain, s | extra per 10,000 pairs, s |"
  echo "|---|---:|---:|---:|"
  for row in "dedup:$plain" "dedup --passages:$passages" "dedup --report:$report"; do
    name="${row%%:*}"; s="${row#*:}"
    awk -v n="$name" -v s="$s" -v p="$plain" -v pairs="$pairs" \
      'BEGIN { printf "| %s | %.2f | %.2f | %.2f |\n", n, s, s - p, (s - p) * 10000 / pairs }' 
  done
  echo
  echo "$docs documents, $pairs pairs, $pages pair pages, report folder $size; $(nproc) cores; $(date -u +%Y-%m-%d)."
} | tee "$out/summary.md"
