#!/usr/bin/env bash
# Scale run: N synthetic documents (default 1,000,000, about 2.2 GB) through `neardup dedup` on all cores,
# with wall time, peak RSS and recall/precision against the planted truth.
# usage: bench/run-scale.sh [--docs N] [--out DIR] [--no-copy]   (default DIR /tmp/neardup-scale; needs ~3x the corpus
# in free disk). The run writes the de-duplicated copy too, as dedup does by default, unless --no-copy.
set -euo pipefail
docs=1000000
out=/tmp/neardup-scale
copy=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-copy) copy=(--no-copy); shift ;;
    *) echo "usage: $0 [--docs N] [--out DIR] [--no-copy]" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
mkdir -p "$out"
if [[ ! -s "$out/data/corpus.jsonl" || "$(cat "$out/data/.docs" 2>/dev/null)" != "$docs" ]]; then
  dotnet run -c Release --project "$root/bench/NearDup.Synth" -- --docs "$docs" --seed 7 --out "$out/data"
  echo "$docs" > "$out/data/.docs"
fi
"$root/neardup" --help >/dev/null   # build outside the timed run
cat "$out/data/corpus.jsonl" > /dev/null  # same page-cache state for every run
/usr/bin/time -v "$root/neardup" dedup "$out/data/corpus.jsonl" --out "$out/neardup" --progress Log ${copy[@]+"${copy[@]}"} 2>&1 | tee "$out/run.log" \
  | grep -E "input|Maximum resident|Elapsed|User time|System time"
python3 "$root/bench/peer/score_pairs.py" --truth "$out/data/truth.jsonl" --pairs "$out/neardup/pairs.jsonl" | tee "$out/score.json" | head -14
bytes=$(stat -c %s "$out/data/corpus.jsonl")
rss_kb=$(grep "Maximum resident" "$out/run.log" | awk '{print $NF}')
echo "peak RSS per document: $(( rss_kb * 1024 / docs )) bytes; input $(( bytes / 1000000 )) MB"
