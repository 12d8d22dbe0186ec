#!/usr/bin/python3
"""Times Moiety (DJL, PyTorch 2.7.1 natives) and the PyTorch peer side by side on one machine.

For each system (alkanes32: 32 alkanes C3-C6, 496 atoms; hexane1000: one 1,000-atom hexane
cluster) and model (SchNet, PaiNN; sizes read from models/<name>.yaml), the two implementations run
alternately (Moiety, PyTorch, Moiety, ...) `--repeats` times with the same intra-op thread count;
each run times `--iters` calls after `--warmup` and reports the median wall time and the median
CPU time of the calling thread (with one intra-op thread all tensor work runs on that thread, so
CPU time is robust when other jobs load the machine; with more threads only wall time is
meaningful). The table keeps the best (lowest) median of each implementation over the repeats,
the one least disturbed by other jobs; phases are those of the run with the best CPU time. Writes a JSON file with every run and prints a Markdown table with Moiety/PyTorch ratios.

    /usr/bin/python3 benchmarks/peer/compare.py --threads 1 --out benchmarks/peer/results-1thread.json
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

TUNED = ("glibc.malloc.arena_max=1:glibc.malloc.mmap_threshold=4294967296:"
         "glibc.malloc.trim_threshold=4294967296:glibc.malloc.top_pad=268435456")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def model_yaml(name):
    """The flat top-level keys of models/<name>.yaml (numbers and words; comments dropped)."""
    out = {}
    with open(os.path.join(ROOT, "models", name + ".yaml")) as f:
        for line in f:
            if not line.strip() or line.startswith((" ", "\t", "#")):
                continue
            key, _, value = line.partition(":")
            value = value.split("#", 1)[0].strip()
            if not value:
                continue
            try:
                out[key.strip()] = float(value) if "." in value else int(value)
            except ValueError:
                out[key.strip()] = value
    return out


def run_json(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-4000:])
        raise SystemExit("failed: " + " ".join(cmd))
    return [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--iters", type=int, default=20)
    ap.add_argument("--systems", default="alkanes32,hexane1000")
    ap.add_argument("--models", default="schnet-small,painn-small")
    ap.add_argument("--modes", default="infer,train")
    ap.add_argument("--jar", default=os.path.join(ROOT, "jmh", "target", "benchmarks.jar"))
    ap.add_argument("--java", default="java")
    ap.add_argument("--out", default=None, help="JSON file for every run")
    ap.add_argument("--malloc-tuned-no-arena", action="store_true",
                    help="as --malloc-tuned without arena_max=1 (the first tuned table of benchmarks/perf.md)")
    ap.add_argument("--malloc-tuned", action="store_true",
                    help="run both sides with GLIBC_TUNABLES=" + TUNED + " (docs/perf.md)")
    args = ap.parse_args()

    env_threads = str(args.threads)
    os.environ["OMP_NUM_THREADS"] = env_threads
    os.environ["MKL_NUM_THREADS"] = env_threads
    if args.malloc_tuned:
        os.environ["GLIBC_TUNABLES"] = TUNED
    elif args.malloc_tuned_no_arena:
        os.environ["GLIBC_TUNABLES"] = TUNED.split(":", 1)[1]
    else:
        os.environ.pop("GLIBC_TUNABLES", None)
    runs = []
    for system in args.systems.split(","):
        for model in args.models.split(","):
            cfg = model_yaml(model)
            if cfg.get("type") == "schnet" and cfg.get("filters", cfg["features"]) != cfg["features"]:
                raise SystemExit(model + ": the peer SchNet assumes filters == features")
            java = [args.java, "-Xmx4g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1",
                    "-cp", args.jar, "io.moiety.jmh.PeerTiming", "--system", system, "--model", model,
                    "--threads", str(args.threads), "--warmup", str(args.warmup), "--iters", str(args.iters),
                    "--modes", args.modes]
            py = ["/usr/bin/python3", os.path.join(HERE, "peer_bench.py"),
                  "--system", os.path.join(HERE, "systems", system + ".xyz"), "--model", cfg["type"],
                  "--features", str(cfg["features"]), "--layers", str(cfg["interactions"]),
                  "--rbf", str(cfg.get("rbf", 25 if cfg["type"] == "schnet" else 20)),
                  "--cutoff", str(cfg["cutoff"]), "--threads", str(args.threads),
                  "--warmup", str(args.warmup), "--iters", str(args.iters), "--modes", args.modes]
            for rep in range(args.repeats):
                for impl, cmd in (("moiety", java), ("pytorch", py)):
                    t = time.time()
                    for r in run_json(cmd):
                        r.update(config=model, repeat=rep, loadavg=os.getloadavg()[0], started=t)
                        runs.append(r)
                        print(json.dumps(r), file=sys.stderr, flush=True)
    def best(system, model, mode, impl, metric):
        rs = [r for r in runs if (r["system"], r["config"], r["mode"], r["impl"]) == (system, model, mode, impl)]
        return min(rs, key=lambda r: r[metric]) if rs else None

    rows = ["| system | atoms | edges | model | mode | Moiety wall ms | PyTorch wall ms | wall ratio | "
            "Moiety CPU ms | PyTorch CPU ms | **CPU ratio** | Moiety phases (graph/fwd/forces/bwd/opt) | PyTorch phases |",
            "|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---|---|"]
    ph = lambda r: "/".join("%.1f" % r["phases_ms"][k] for k in ("graph", "forward", "forces", "backward", "optimizer"))
    for system in args.systems.split(","):
        for model in args.models.split(","):
            for mode in args.modes.split(","):
                m, p = best(system, model, mode, "moiety", "ms"), best(system, model, mode, "pytorch", "ms")
                mc, pc = best(system, model, mode, "moiety", "cpu_ms"), best(system, model, mode, "pytorch", "cpu_ms")
                if not m or not p:
                    continue
                if m["edges"] != p["edges"]:
                    raise SystemExit("edge counts differ for %s: moiety %d, pytorch %d" % (system, m["edges"], p["edges"]))
                rows.append("| %s | %d | %d | %s | %s | %.1f | %.1f | %.2f | %.1f | %.1f | **%.2f** | %s | %s |" % (
                    system, m["atoms"], m["edges"], model, mode, m["ms"], p["ms"], m["ms"] / p["ms"],
                    mc["cpu_ms"], pc["cpu_ms"], mc["cpu_ms"] / pc["cpu_ms"], ph(mc), ph(pc)))
    table = "\n".join(rows)
    print(table)
    if args.out:
        meta = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "threads": args.threads,
                "repeats": args.repeats, "glibc_tunables": os.environ.get("GLIBC_TUNABLES", ""), "warmup": args.warmup, "iters": args.iters,
                "machine": platform.platform(), "cpus": os.cpu_count(), "table": table, "runs": runs}
        with open(args.out, "w") as f:
            json.dump(meta, f, indent=1)


if __name__ == "__main__":
    main()
