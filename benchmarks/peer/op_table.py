#!/usr/bin/python3
"""Per-operator self time from PyTorch profiler Chrome traces (Moiety's OpProfile and the peer's
--profile), side by side. Self time = an event's duration minus that of its direct children on
the same thread. Usage: op_table.py moiety-trace.json peer-trace.json [--top 25] [--steps 5]
"""
import argparse
import collections
import json


def self_times(path):
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            by_thread[(e.get("pid"), e.get("tid"))].append(e)
    total = collections.Counter()
    calls = collections.Counter()
    for evs in by_thread.values():
        evs.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []
        for e in evs:
            ts, dur = float(e["ts"]), float(e["dur"])
            while stack and ts >= stack[-1][0] + stack[-1][1] - 1e-6:
                stack.pop()
            if stack:
                stack[-1][2] -= dur
            item = [ts, dur, dur, e["name"]]
            stack.append(item)
            calls[e["name"]] += 1
            # self time is finalised lazily: store the mutable record
            total[id(item)] = item
    agg = collections.Counter()
    for item in list(total.values()):
        if isinstance(item, list):
            agg[item[3]] += item[2]
    return agg, calls


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("moiety")
    ap.add_argument("peer")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--steps", type=int, default=1, help="divide by this many profiled steps")
    a = ap.parse_args()
    m, mc = self_times(a.moiety)
    p, pc = self_times(a.peer)
    names = sorted(set(m) | set(p), key=lambda k: -max(m.get(k, 0), p.get(k, 0)))[: a.top]
    print("| operator | Moiety ms/step (calls) | PyTorch ms/step (calls) |")
    print("|---|---:|---:|")
    for k in names:
        print("| %s | %.2f (%d) | %.2f (%d) |" % (k, m.get(k, 0) / 1e3 / a.steps, mc.get(k, 0) // a.steps,
                                              p.get(k, 0) / 1e3 / a.steps, pc.get(k, 0) // a.steps))
    print("| **all operators** | %.1f | %.1f |" % (sum(m.values()) / 1e3 / a.steps, sum(p.values()) / 1e3 / a.steps))


if __name__ == "__main__":
    main()
