#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Builds the side-by-side summary of a bench/run-speed.sh run (standard library only).

Reads, from --dir:
  data/corpus.jsonl                 input (its size is the input MB)
  time-<run>.txt                    `/usr/bin/time -v` output of each run
  score-<run>.json                  score_pairs.py output for each NearDup run
  datasketch.json                   datasketch_dedup.py output (optional)
Writes DIR/summary.md and DIR/raw.csv and prints the table.

Timing rules:
  * NearDup: wall = /usr/bin/time elapsed for the whole process (.NET start-up, JIT, reading, writing
    pairs.jsonl and clusters.jsonl all included).
  * datasketch: wall = the script's own seconds_total (from the first line of the script, imports
    included, to the end of the LSH queries). Scoring against the truth (and the optional MinHash
    Jaccard filter, reported on its own row) is excluded. The process wall from /usr/bin/time is kept
    in raw.csv as wall_process_s.
  * MB/s per core = MB/s / threads. MB per CPU-second (user+sys) is given too: it is less sensitive to
    a shared, noisy machine than wall time.
  * ratio = NearDup MB/s per core / datasketch MB/s per core (same session, same corpus).
"""
import argparse
import csv
import json
import os
import platform
import re
import subprocess
import sys
import textwrap


def sh(cmd, cwd=None):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=cwd)
        return out.stdout.strip() if out.returncode == 0 else None
    except Exception:
        return None


def parse_time(path):
    """Parses `/usr/bin/time -v` output into wall, user, sys seconds, max RSS and exit status."""
    if not os.path.exists(path):
        return None
    r = {}
    with open(path, errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                v = line.rsplit(": ", 1)[1].strip()
                parts = [float(p) for p in v.split(":")]
                secs = 0.0
                for p in parts:
                    secs = secs * 60 + p
                r["wall"] = secs
            elif line.startswith("User time (seconds)"):
                r["user"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("System time (seconds)"):
                r["sys"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("Maximum resident set size (kbytes)"):
                r["rss_kb"] = int(line.rsplit(":", 1)[1])
            elif line.startswith("Exit status"):
                r["exit"] = int(line.rsplit(":", 1)[1])
            elif line.startswith("Command exited with non-zero status"):
                r["exit"] = int(line.rsplit(" ", 1)[1])
    return r


def load_json(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def machine(repo, datasketch_path, ds):
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith(("model name", "cpu model", "hardware")):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    commit = sh(["git", "rev-parse", "HEAD"], cwd=repo)
    dirty = sh(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo)
    ds_commit = (ds or {}).get("datasketch_commit")
    if not ds_commit and datasketch_path:
        p = os.path.join(datasketch_path, "COMMIT")
        ds_commit = sh(["git", "-C", datasketch_path, "rev-parse", "HEAD"]) or (open(p).read().strip() if os.path.exists(p) else None)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "kernel": platform.release(),
        "loadavg_at_summary": " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else None,
        "dotnet": sh(["dotnet", "--version"]),
        "python": (ds or {}).get("python") or sh(["/usr/bin/python3", "-c", "import platform; print(platform.python_version())"]),
        "numpy": (ds or {}).get("numpy"),
        "neardup_commit": (commit + (" (+ uncommitted changes)" if dirty else "")) if commit else None,
        # ./neardup runs the natively compiled CLI when it could build it (clang present), else the runtime build.
        "neardup_build": "native" if os.environ.get("NEARDUP_NATIVE") != "0"
                         and os.path.exists(os.path.join(repo, ".neardup-build", "native", ".built")) else "runtime",
        "datasketch_commit": ds_commit,
        "datasketch_version": (ds or {}).get("datasketch_version"),
    }


def load_before(d, run):
    """1-minute load average just before a run (written by run-speed.sh), or None."""
    p = os.path.join(d, f"load-{run}.txt")
    try:
        with open(p) as f:
            return float(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def fmt(v, nd=2):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--datasketch")
    ap.add_argument("--threads-all", type=int, default=os.cpu_count())
    args = ap.parse_args(argv)
    d = args.dir

    corpus = os.path.join(d, "data", "corpus.jsonl")
    input_bytes = os.path.getsize(corpus)
    input_mb = input_bytes / 1e6
    with open(corpus, "rb") as f:
        docs = sum(1 for line in f if line.strip())

    ds = load_json(os.path.join(d, "datasketch.json"))
    rows = []

    def add_row(tool, threads, wall, cpu, rss_kb, score, extra):
        row = {
            "tool": tool, "threads": threads, "docs": docs, "input_mb": round(input_mb, 2),
            "wall_s": round(wall, 3) if wall is not None else None,
            "cpu_s": round(cpu, 3) if cpu is not None else None,
        }
        row["mb_per_s"] = round(input_mb / wall, 3) if wall else None
        row["mb_per_s_per_core"] = round(input_mb / wall / threads, 3) if wall else None
        row["mb_per_cpu_s"] = round(input_mb / cpu, 3) if cpu else None
        row["docs_per_s"] = round(docs / wall, 1) if wall else None
        row["max_rss_mb"] = round(rss_kb / 1024, 1) if rss_kb else None
        row["rss_bytes_per_doc"] = round(rss_kb * 1024 / docs) if rss_kb else None
        rec = (score or {}).get("recall", {})
        for key in ("all", "j_ge_0.8", "j_ge_0.5", "j_lt_0.5", "duplicate", "contained", "partial"):
            row["recall_" + key] = rec.get(key)
        row["precision"] = (score or {}).get("precision")
        row["reported_pairs"] = (score or {}).get("reported_pairs")
        row["truth_pairs"] = (score or {}).get("truth_pairs")
        row.update(extra)
        rows.append(row)

    for run, threads in (("neardup", args.threads_all), ("neardup-t1", 1)):
        t = parse_time(os.path.join(d, f"time-{run}.txt"))
        if t is None:
            continue
        ok = t.get("exit", 0) == 0
        sc = load_json(os.path.join(d, f"score-{run}.json")) if ok else None
        add_row("neardup", threads, t.get("wall") if ok else None,
                (t.get("user", 0) + t.get("sys", 0)) if ok else None, t.get("rss_kb") if ok else None, sc,
                {"wall_process_s": t.get("wall"), "exit": t.get("exit", 0), "load1_before": load_before(d, run),
                 "note": "" if ok else "FAILED (see log)"})

    if ds is not None:
        t = parse_time(os.path.join(d, "time-datasketch.txt")) or {}
        note = f"LSH candidates, b={ds['lsh_b']} r={ds['lsh_r']}, 1 core"
        # CPU seconds inside the script up to the end of the queries (getrusage at that point).
        add_row("datasketch", 1, ds["seconds_total"], ds.get("cpu_seconds"), t.get("rss_kb"),
                ds.get("score_candidates"),
                {"wall_process_s": t.get("wall"), "exit": t.get("exit", 0), "load1_before": load_before(d, "datasketch"),
                 "note": note})
        if "seconds_verify" in ds and "score_verified" in ds:
            add_row("datasketch+jaccard", 1, ds["seconds_total"] + ds["seconds_verify"],
                    (ds.get("cpu_seconds") or 0) + ds["seconds_verify"], t.get("rss_kb"), ds.get("score_verified"),
                    {"wall_process_s": t.get("wall"), "exit": t.get("exit", 0), "load1_before": load_before(d, "datasketch"),
                     "note": f"candidates kept if MinHash J estimate >= {ds['threshold']}"})

    base = next((r for r in rows if r["tool"] == "datasketch" and r["mb_per_s_per_core"]), None)
    for r in rows:
        if base and r["mb_per_s_per_core"]:
            r["ratio_per_core_vs_datasketch"] = round(r["mb_per_s_per_core"] / base["mb_per_s_per_core"], 2)
            r["ratio_per_cpu_s_vs_datasketch"] = (round(r["mb_per_cpu_s"] / base["mb_per_cpu_s"], 2)
                                                  if r.get("mb_per_cpu_s") and base.get("mb_per_cpu_s") else None)
        else:
            r["ratio_per_core_vs_datasketch"] = None
            r["ratio_per_cpu_s_vs_datasketch"] = None

    m = machine(args.repo, args.datasketch, ds)

    # raw.csv
    cols = ["tool", "threads", "docs", "input_mb", "wall_s", "wall_process_s", "cpu_s", "mb_per_s", "mb_per_s_per_core",
            "mb_per_cpu_s", "docs_per_s", "max_rss_mb", "rss_bytes_per_doc", "recall_all", "recall_j_ge_0.8",
            "recall_j_ge_0.5", "recall_j_lt_0.5", "recall_duplicate", "recall_contained", "recall_partial",
            "precision", "reported_pairs", "truth_pairs", "ratio_per_core_vs_datasketch",
            "ratio_per_cpu_s_vs_datasketch", "load1_before", "exit", "note"]
    with open(os.path.join(d, "raw.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)

    # Table (markdown; also printed).
    head = ["tool", "thr", "docs", "MB", "wall s", "MB/s", "MB/s/core", "MB/CPU-s", "docs/s", "max RSS MB",
            "RSS B/doc", "recall", "rec J>=0.8", "rec dup", "rec cont", "rec part", "precision", "pairs",
            "per-core x ds", "per-CPU-s x ds", "load"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["tool"], fmt(r["threads"]), fmt(r["docs"]), fmt(r["input_mb"], 1), fmt(r["wall_s"]),
                 fmt(r["mb_per_s"]), fmt(r["mb_per_s_per_core"]), fmt(r["mb_per_cpu_s"]), fmt(r["docs_per_s"], 0),
                 fmt(r["max_rss_mb"], 0), fmt(r["rss_bytes_per_doc"]), fmt(r["recall_all"], 3),
                 fmt(r["recall_j_ge_0.8"], 3), fmt(r["recall_duplicate"], 3), fmt(r["recall_contained"], 3),
                 fmt(r["recall_partial"], 3), fmt(r["precision"], 3), fmt(r["reported_pairs"]),
                 fmt(r["ratio_per_core_vs_datasketch"]), fmt(r["ratio_per_cpu_s_vs_datasketch"]),
                 fmt(r.get("load1_before"))]
        lines.append("| " + " | ".join(cells) + " |")
    table = "\n".join(lines)

    md = ["# NearDup vs datasketch: speed and recall (one session, one corpus)", ""]
    md.append(f"Corpus: `{corpus}`, {docs:,} documents, {input_mb:,.1f} MB (NearDup.Synth, seed 1).")
    md.append("")
    md.append(table)
    md.append("")
    for r in rows:
        if r.get("note"):
            md.append(f"* `{r['tool']}` ({r['threads']} thr): {r['note']}")
    md.append("")
    md.append("## Machine")
    md.append("")
    for k, v in m.items():
        md.append(f"* {k}: {v if v is not None else '-'}")
    if ds:
        md.append("")
        md.append("## datasketch run")
        md.append("")
        for k in ("threshold", "num_perm", "shingle_words", "lsh_b", "lsh_r", "tokeniser", "permutations", "note",
                  "seconds_import", "seconds_read", "seconds_sketch", "seconds_lsh_insert", "seconds_lsh_query",
                  "seconds_total", "seconds_verify", "candidate_pairs", "verified_pairs"):
            if k in ds:
                md.append(f"* {k}: {ds[k]}")
    md.append("")
    md.append("## How to read it")
    md.append("")
    md.append(textwrap.dedent(__doc__.split("Timing rules:", 1)[1]).strip())
    md.append("")
    md.append("Recall: share of truth.jsonl pairs reported (unordered, any relation); `rec J>=0.8` only counts truth pairs")
    md.append("whose exact word-5-gram Jaccard is >= 0.8. Precision: share of reported pairs that are truth pairs. datasketch")
    md.append("is a candidate generator: its row is the raw LSH output, the `+jaccard` row filters it by the MinHash estimate.")
    md.append("NearDup reports verified pairs (duplicate, containment and partial reuse), so it is expected to find")
    md.append("`contained` and `partial` pairs that a Jaccard-threshold LSH is not built to find.")
    md.append("`load` is the 1-minute load average just before the run: with this many cores, anything near or over")
    md.append(f"{os.cpu_count()} means other work shared the cores, and the all-cores row suffers most.")
    md.append("The absolute timings are not comparable across runs or machines (shared, noisy hosts); compare ratios.")
    with open(os.path.join(d, "summary.md"), "w") as f:
        f.write("\n".join(md) + "\n")

    print(table)
    print()
    print("machine: " + ", ".join(f"{k}={v}" for k, v in m.items()))
    print(f"wrote {os.path.join(d, 'summary.md')} and {os.path.join(d, 'raw.csv')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
