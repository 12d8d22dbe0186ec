#!/usr/bin/env python3
"""Interleaved A/B/PyTorch timing on a loaded machine (benchmarks/perf.md).

Runs, for every repeat, Moiety with class path A (e.g. the code before a change), Moiety with
class path B (after) and the PyTorch peer, one after the other on the same system/model/mode, so
that slow drifts of the machine load hit all three alike. Reports per row the median over
repeats of the CPU time of the calling thread (1 intra-op thread) and the ratios B/PyTorch,
A/PyTorch computed within each repeat (median of the per-repeat ratios).

    /usr/bin/python3 benchmarks/peer/compare_ab.py --cp-a BASE_CP --cp-b NEW_CP --repeats 3 \\
        --systems alkanes32,hexane1000 --models schnet-small --malloc-tuned --out results.json
"""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (model_yaml, run_json, TUNED)

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cp-a", required=True, help="class path of Moiety A (before)")
    ap.add_argument("--cp-b", required=True, help="class path of Moiety B (after)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--iters", type=int, default=10)
    ap.add_argument("--systems", default="alkanes32,hexane1000")
    ap.add_argument("--models", default="schnet-small,painn-small")
    ap.add_argument("--modes", default="infer,train")
    ap.add_argument("--malloc-tuned", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    os.environ["OMP_NUM_THREADS"] = "1"
    os.environ["MKL_NUM_THREADS"] = "1"
    if args.malloc_tuned:
        os.environ["GLIBC_TUNABLES"] = compare.TUNED
    else:
        os.environ.pop("GLIBC_TUNABLES", None)
    runs = []
    for system in args.systems.split(","):
        for model in args.models.split(","):
            cfg = compare.model_yaml(model)
            for mode in args.modes.split(","):
                def java(cp):
                    return ["java", "-Xmx4g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1",
                            "-cp", cp, "io.moiety.jmh.PeerTiming", "--system", system, "--model", model,
                            "--threads", "1", "--warmup", str(args.warmup), "--iters", str(args.iters), "--modes", mode]
                py = ["/usr/bin/python3", os.path.join(HERE, "peer_bench.py"),
                      "--system", os.path.join(HERE, "systems", system + ".xyz"), "--model", cfg["type"],
                      "--features", str(cfg["features"]), "--layers", str(cfg["interactions"]),
                      "--rbf", str(cfg.get("rbf", 25 if cfg["type"] == "schnet" else 20)),
                      "--cutoff", str(cfg["cutoff"]), "--threads", "1",
                      "--warmup", str(args.warmup), "--iters", str(args.iters), "--modes", mode]
                for rep in range(args.repeats):
                    for impl, cmd in (("A", java(args.cp_a)), ("B", java(args.cp_b)), ("pytorch", py)):
                        for r in compare.run_json(cmd):
                            r.update(impl=impl, config=model, repeat=rep, loadavg=os.getloadavg()[0], started=time.time())
                            runs.append(r)
                            print(json.dumps(r), file=sys.stderr, flush=True)
    rows = ["| system | edges | model | mode | A CPU ms | B CPU ms | PyTorch CPU ms | **A/PyTorch** | **B/PyTorch** | B phases (graph/fwd/forces/bwd/opt) | PyTorch phases | load |",
            "|---|---:|---|---|---:|---:|---:|---:|---:|---|---|---:|"]
    ph = lambda rs: "/".join("%.1f" % statistics.median(r["phases_ms"][k] for r in rs)
                             for k in ("graph", "forward", "forces", "backward", "optimizer"))
    for system in args.systems.split(","):
        for model in args.models.split(","):
            for mode in args.modes.split(","):
                sel = lambda impl: [r for r in runs if (r["system"], r["config"], r["mode"], r["impl"]) == (system, model, mode, impl)]
                a, b, p = sel("A"), sel("B"), sel("pytorch")
                if not (a and b and p):
                    continue
                if {r["edges"] for r in a + b} != {r["edges"] for r in p}:
                    raise SystemExit("edge counts differ for %s" % system)
                per_rep = lambda xs: statistics.median(x["cpu_ms"] / y["cpu_ms"] for x, y in zip(xs, p))
                rows.append("| %s | %d | %s | %s | %.1f | %.1f | %.1f | **%.2f** | **%.2f** | %s | %s | %.1f |" % (
                    system, p[0]["edges"], model, mode,
                    statistics.median(r["cpu_ms"] for r in a), statistics.median(r["cpu_ms"] for r in b),
                    statistics.median(r["cpu_ms"] for r in p), per_rep(a), per_rep(b), ph(b), ph(p),
                    statistics.median(r["loadavg"] for r in a + b + p)))
    table = "\n".join(rows)
    print(table)
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "argv": sys.argv[1:],
                       "glibc_tunables": os.environ.get("GLIBC_TUNABLES", ""), "table": table, "runs": runs}, f, indent=1)


if __name__ == "__main__":
    main()
