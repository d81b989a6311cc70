#!/usr/bin/env bash
# Side-by-side speed and recall: NearDup (all cores and --threads 1) vs datasketch (MinHash + MinHashLSH,
# one core), in one session on one synthetic corpus with planted reuse. Reports ratios: these machines are
# shared and noisy, so absolute timings are not comparable across runs.
#
# usage: bench/run-speed.sh [--docs N] [--datasketch PATH] [--out DIR] [--reuse-data] [--skip-threads1] [--no-copy]
#   --docs N           documents to generate (default 100000; datasketch is skipped above 200000)
#   --datasketch PATH  datasketch source checkout, outside this repo (default /work/peers/datasketch);
#                      skipped with a message when missing. Needs Debian's python3-numpy and python3-scipy.
#   --out DIR          work folder (default /tmp/neardup-speed): data/, neardup/, neardup-t1/, logs,
#                      summary.md, raw.csv
#   --reuse-data       keep DIR/data if it was made for the same --docs (default: regenerate)
#   --skip-threads1    skip the NearDup --threads 1 run
#   --no-copy          NearDup writes pairs and clusters only (default: also the de-duplicated copy, as dedup does)
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1  # keep __pycache__ out of bench/peer

docs=100000
datasketch=/work/peers/datasketch
out=/tmp/neardup-speed
reuse=0
threads1=1
copy=()
max_ds_docs=200000

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --datasketch) datasketch="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --reuse-data) reuse=1; shift ;;
    --skip-threads1) threads1=0; shift ;;
    --no-copy) copy=(--no-copy); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-speed: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$docs" =~ ^[0-9]+$ && "$docs" -gt 0 ]] || { echo "run-speed: --docs must be a positive integer" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="$root/bench/peer"
py=/usr/bin/python3
[[ -x "$py" ]] || py="$(command -v python3)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
data="$out/data"
nproc_all="$(nproc)"

if [[ ! -x /usr/bin/time ]]; then
  echo "run-speed: installing GNU time (/usr/bin/time)" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  else echo "run-speed: /usr/bin/time missing; apt-get install time" >&2; exit 1; fi
fi

step() { printf '\n== %s\n' "$*" >&2; }

# (a) Corpus.
stamp="$data/.run-speed"
if [[ $reuse -eq 1 && -s "$data/corpus.jsonl" && -s "$data/truth.jsonl" && "$(cat "$stamp" 2>/dev/null)" == "docs=$docs seed=1" ]]; then
  step "reusing $data ($docs docs)"
else
  step "generating $docs docs -> $data"
  rm -rf "$data"
  (cd "$root" && dotnet run -c Release --project bench/NearDup.Synth -- --docs "$docs" --seed 1 --out "$data")
  echo "docs=$docs seed=1" > "$stamp"
fi
[[ -s "$data/corpus.jsonl" && -f "$data/truth.jsonl" ]] || { echo "run-speed: generator wrote no corpus/truth" >&2; exit 1; }

# Build the CLI before timing anything (./neardup builds once, then only when a source file changed).
step "building neardup (not timed)"
(cd "$root" && ./neardup --help >/dev/null)
# Warm the page cache so no tool pays for the first read from disk.
cat "$data/corpus.jsonl" "$data/truth.jsonl" >/dev/null

# (b) NearDup: all cores, then one thread. Each run: time file, log, pairs scored against the truth.
run_neardup() {  # name, extra args...
  local name="$1"; shift
  step "neardup $name $*"
  rm -rf "${out:?}/$name"
  cut -d' ' -f1-3 /proc/loadavg >"$out/load-$name.txt" 2>/dev/null || true
  local rc=0
  (cd "$root" && /usr/bin/time -v -o "$out/time-$name.txt" ./neardup dedup "$data/corpus.jsonl" --out "$out/$name" \
      --progress Log ${copy[@]+"${copy[@]}"} "$@") >"$out/log-$name.txt" 2>&1 || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "run-speed: neardup $name failed (exit $rc); see $out/log-$name.txt" >&2
    tail -5 "$out/log-$name.txt" >&2 || true
    return 0
  fi
  grep -E 'Elapsed|Maximum resident' "$out/time-$name.txt" | sed 's/^\s*/   /' >&2
  "$py" "$peer/score_pairs.py" --truth "$data/truth.jsonl" --pairs "$out/$name/pairs.jsonl" --out "$out/score-$name.json" >/dev/null
}
rm -f "$out"/time-*.txt "$out"/load-*.txt "$out"/score-*.json "$out/datasketch.json"
run_neardup neardup
if [[ $threads1 -eq 1 ]]; then run_neardup neardup-t1 --threads 1; fi

# (c) datasketch, one core.
if [[ ! -d "$datasketch/datasketch" ]]; then
  step "datasketch skipped: no checkout at $datasketch (fetch ekzhu/datasketch and unpack it there)"
elif [[ "$docs" -gt "$max_ds_docs" ]]; then
  step "datasketch skipped: --docs $docs is over $max_ds_docs (too slow on one core for this machine)"
elif ! "$py" -c 'import numpy, scipy' 2>/dev/null; then
  step "datasketch skipped: $py has no numpy/scipy (apt-get install -y python3-numpy python3-scipy)"
else
  step "datasketch (1 core) from $datasketch"
  cut -d' ' -f1-3 /proc/loadavg >"$out/load-datasketch.txt" 2>/dev/null || true
  rc=0
  /usr/bin/time -v -o "$out/time-datasketch.txt" "$py" "$peer/datasketch_dedup.py" --datasketch "$datasketch" \
      --corpus "$data/corpus.jsonl" --truth "$data/truth.jsonl" --threshold 0.5 --num-perm 128 --shingle 5 \
      --verify --out "$out/datasketch.json" >"$out/log-datasketch.txt" 2>&1 || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "run-speed: datasketch failed (exit $rc); see $out/log-datasketch.txt" >&2
    tail -5 "$out/log-datasketch.txt" >&2 || true
    rm -f "$out/datasketch.json"
  else
    grep -E 'Elapsed|Maximum resident' "$out/time-datasketch.txt" | sed 's/^\s*/   /' >&2
  fi
fi

# (d)+(e) Summary table, summary.md, raw.csv.
step "summary"
"$py" "$peer/summarize.py" --dir "$out" --repo "$root" --datasketch "$datasketch" --threads-all "$nproc_all"
