#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scores a set of reported document pairs against NearDup.Synth's truth.jsonl.

Usage as a tool (NearDup's own output):
    score_pairs.py --truth truth.jsonl --pairs DIR/pairs.jsonl [--out score.json]

pairs.jsonl lines are {"a","b","relation",...}; truth.jsonl lines are
{"a","b","kind","jaccard_words5",...}. Pairs are unordered. A truth pair is
found when the unordered pair was reported with any relation. Precision is the
share of reported (distinct, unordered) pairs that are truth pairs.

Also imported by datasketch_dedup.py (load_truth / score), so both tools are
scored by the same code. Standard library only.
"""
import argparse
import json
import sys

KINDS = ("duplicate", "contained", "partial")


def pair_key(a, b):
    return (a, b) if a <= b else (b, a)


def load_truth(path):
    """Returns {(a, b): (kind, jaccard_words5)} with a <= b."""
    truth = {}
    with open(path, "rb") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            t = json.loads(line)
            truth[pair_key(t["a"], t["b"])] = (t["kind"], float(t.get("jaccard_words5", 0.0)))
    return truth


def load_pairs(path):
    """Returns (set of unordered pairs, {relation: count})."""
    pairs = set()
    relations = {}
    with open(path, "rb") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            p = json.loads(line)
            pairs.add(pair_key(p["a"], p["b"]))
            rel = p.get("relation", "?")
            relations[rel] = relations.get(rel, 0) + 1
    return pairs, relations


def _ratio(found, total):
    return round(found / total, 6) if total else None


def score(pairs, truth):
    """pairs: a set of unordered (a, b) tuples with a <= b. Returns a dict of recalls and precision."""
    buckets = {
        "all": lambda k, j: True,
        "j_ge_0.8": lambda k, j: j >= 0.8,
        "j_ge_0.5": lambda k, j: j >= 0.5,
        "j_lt_0.5": lambda k, j: j < 0.5,
    }
    for kind in KINDS:
        buckets[kind] = (lambda kk: (lambda k, j: k == kk))(kind)
    totals = {name: 0 for name in buckets}
    found = {name: 0 for name in buckets}
    for key, (kind, jac) in truth.items():
        hit = key in pairs
        for name, pred in buckets.items():
            if pred(kind, jac):
                totals[name] += 1
                if hit:
                    found[name] += 1
    true_reported = sum(1 for p in pairs if p in truth)
    return {
        "truth_pairs": len(truth),
        "reported_pairs": len(pairs),
        "true_reported_pairs": true_reported,
        "precision": _ratio(true_reported, len(pairs)),
        "recall": {name: _ratio(found[name], totals[name]) for name in buckets},
        "truth_counts": totals,
        "found_counts": found,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    truth = load_truth(args.truth)
    pairs, relations = load_pairs(args.pairs)
    result = score(pairs, truth)
    result["relations"] = relations
    text = json.dumps(result, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
