#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Near-duplicate detection with datasketch (MinHash + MinHashLSH), the way a typical user writes it.

This is our own driver script; datasketch itself is imported from a checkout outside this repository
(--datasketch PATH, put first on sys.path). It needs numpy and scipy (Debian: python3-numpy,
python3-scipy; run with /usr/bin/python3).

Pipeline (single process, single core -- datasketch's own way; numpy thread pools are pinned to 1):
  1. read the JSONL corpus ({"id","text",...} per line);
  2. tokenise: text.lower(), re.findall(r"\\w+");  shingles: set of word k-grams joined by spaces
     (a document with fewer than k words gives one shingle of all its words; an empty one is skipped);
  3. MinHash(num_perm, permutations=<shared>) + update_batch(utf-8 bytes of each shingle);
     the permutations are generated once and shared, as datasketch documents for faster initialisation
     (--fresh-permutations makes every MinHash generate its own, as MinHash(num_perm) alone does);
  4. MinHashLSH(threshold, num_perm) with datasketch's own banding for that threshold; insert every
     document, then query every document; every (doc, hit) with hit != doc is a candidate pair;
  5. optionally (--verify) keep the candidates whose MinHash Jaccard estimate is >= threshold;
  6. score against truth.jsonl (recall per kind and Jaccard band, candidate precision).

seconds_total runs from the start of this script (imports included) to the end of the LSH queries;
verification and scoring are timed on their own and are not in it.
"""
import os

# One core: keep any BLAS/OpenMP pools numpy might start to one thread. Must precede the numpy import.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import time

T_START = time.perf_counter()

import argparse
import json
import platform
import re
import resource
import subprocess
import sys

sys.dont_write_bytecode = True  # importing score_pairs must not leave __pycache__ in the repo
HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r"\w+")


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasketch", required=True, help="path of a datasketch source checkout (the folder holding datasketch/)")
    ap.add_argument("--corpus", required=True, help="corpus.jsonl")
    ap.add_argument("--truth", help="truth.jsonl (omit to skip scoring)")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--shingle", type=int, default=5, help="words per shingle")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--fresh-permutations", action="store_true",
                    help="let every MinHash generate its own permutations (MinHash(num_perm) with no arguments)")
    ap.add_argument("--verify", action="store_true",
                    help="also report pairs whose MinHash Jaccard estimate is >= threshold (timed separately)")
    ap.add_argument("--pairs-out", help="write the candidate pairs as JSONL {a,b}")
    ap.add_argument("--out", help="result JSON file")
    return ap.parse_args(argv)


def shingles_of(text, k):
    toks = WORD.findall(text.lower())
    if not toks:
        return None
    if len(toks) < k:
        return {" ".join(toks)}
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def git_commit(path):
    try:
        out = subprocess.run(["git", "-C", path, "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
        if out.returncode == 0:
            return out.stdout.strip()
    except Exception:
        pass
    marker = os.path.join(path, "COMMIT")
    if os.path.exists(marker):
        with open(marker) as f:
            return f.read().strip()
    return None


def datasketch_version(module, checkout):
    v = getattr(module, "__version__", None)
    if v and v != "0.0.0":
        return v
    # Run from source, datasketch reports 0.0.0: take the version from the checkout's pyproject.toml.
    try:
        with open(os.path.join(checkout, "pyproject.toml")) as f:
            m = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M)
        if m:
            return m.group(1) + " (pyproject.toml)"
    except OSError:
        pass
    return v


def main(argv=None):
    args = parse_args(argv)
    sys.path.insert(0, os.path.abspath(args.datasketch))
    sys.path.insert(0, HERE)
    import numpy as np
    import datasketch
    from datasketch import MinHash, MinHashLSH
    from score_pairs import load_truth, score, pair_key

    t_imported = time.perf_counter()
    k = args.shingle

    # 1+2+3: read, tokenise, sketch (reading and JSON parsing timed apart from sketching).
    template = MinHash(num_perm=args.num_perm)
    perms = template.permutations
    ids, sketches = [], []
    empty = 0
    input_bytes = os.path.getsize(args.corpus)
    read_s = 0.0
    sketch_s = 0.0
    shingle_total = 0
    with open(args.corpus, "rb") as f:
        while True:
            t0 = time.perf_counter()
            line = f.readline()
            if not line:
                break
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            doc_id = str(rec[args.id_field])
            text = rec.get(args.text_field) or ""
            t1 = time.perf_counter()
            sh = shingles_of(text, k)
            if sh is None:
                empty += 1
            else:
                m = MinHash(num_perm=args.num_perm) if args.fresh_permutations else MinHash(num_perm=args.num_perm, permutations=perms)
                m.update_batch([s.encode("utf-8") for s in sh])
                ids.append(doc_id)
                sketches.append(m)
                shingle_total += len(sh)
            t2 = time.perf_counter()
            read_s += t1 - t0
            sketch_s += t2 - t1
    docs = len(ids) + empty

    # 4: LSH insert + query.
    t_lsh = time.perf_counter()
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    for doc_id, m in zip(ids, sketches):
        lsh.insert(doc_id, m)
    t_inserted = time.perf_counter()
    candidates = set()
    for doc_id, m in zip(ids, sketches):
        for hit in lsh.query(m):
            if hit != doc_id:
                candidates.add(pair_key(doc_id, hit))
    t_end = time.perf_counter()

    total_s = t_end - T_START
    ru = resource.getrusage(resource.RUSAGE_SELF)
    cpu_s = ru.ru_utime + ru.ru_stime
    result = {
        "tool": "datasketch",
        "datasketch_version": datasketch_version(datasketch, os.path.abspath(args.datasketch)),
        "datasketch_path": os.path.dirname(os.path.abspath(datasketch.__file__)),
        "datasketch_commit": git_commit(os.path.abspath(args.datasketch)),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "cores_used": 1,
        "note": "single process, single core (datasketch's own way: pure Python + numpy, no parallelism); "
                "numpy thread pools pinned to 1",
        "threshold": args.threshold,
        "num_perm": args.num_perm,
        "shingle_words": k,
        "tokeniser": "text.lower(); re.findall(r'\\w+')",
        "permutations": "fresh per MinHash" if args.fresh_permutations else "generated once, shared",
        "lsh_b": lsh.b,
        "lsh_r": lsh.r,
        "docs": docs,
        "docs_sketched": len(ids),
        "docs_empty": empty,
        "shingles_total": shingle_total,
        "input_bytes": input_bytes,
        "input_mb": round(input_bytes / 1e6, 3),
        "seconds_import": round(t_imported - T_START, 3),
        "seconds_read": round(read_s, 3),
        "seconds_sketch": round(sketch_s, 3),
        "seconds_lsh_insert": round(t_inserted - t_lsh, 3),
        "seconds_lsh_query": round(t_end - t_inserted, 3),
        "seconds_lsh": round(t_end - t_lsh, 3),
        "seconds_total": round(total_s, 3),
        "cpu_seconds": round(cpu_s, 3),
        "docs_per_s": round(docs / total_s, 1),
        "mb_per_s": round(input_bytes / 1e6 / total_s, 3),
        "max_rss_mb_self": round(ru.ru_maxrss / 1024, 1),
        "candidate_pairs": len(candidates),
    }

    if args.pairs_out:
        with open(args.pairs_out, "w") as f:
            for a, b in sorted(candidates):
                f.write(json.dumps({"a": a, "b": b}) + "\n")

    verified = None
    if args.verify:
        t0 = time.perf_counter()
        by_id = dict(zip(ids, sketches))
        verified = {p for p in candidates if by_id[p[0]].jaccard(by_id[p[1]]) >= args.threshold}
        result["seconds_verify"] = round(time.perf_counter() - t0, 3)
        result["verified_pairs"] = len(verified)

    if args.truth:
        t0 = time.perf_counter()
        truth = load_truth(args.truth)
        result["score_candidates"] = score(candidates, truth)
        if verified is not None:
            result["score_verified"] = score(verified, truth)
        result["seconds_scoring"] = round(time.perf_counter() - t0, 3)

    text = json.dumps(result, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
