#!/usr/bin/python3
"""Times the PyTorch peer models on the same systems as Moiety's PeerTiming (benchmarks/perf.md).

Usage: /usr/bin/python3 benchmarks/peer/peer_bench.py --system benchmarks/peer/systems/alkanes32.xyz \
           --model schnet --threads 1 [--features 64 --layers 3 --rbf 20 --cutoff 5.0]
Prints one JSON object per mode (median wall time "ms", median CPU time of the calling thread
"cpu_ms": with one intra-op thread all work runs on it, so this is robust on a loaded machine) (infer = neighbour list + energy + forces; train = neighbour list +
energy + forces with create_graph + energy/force loss + backward + Adam step) with per-phase mean
CPU times of the calling thread in milliseconds.
"""
import argparse
import json
import statistics
import sys
import time

import torch

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from peer_models import build  # noqa: E402

clock = time.thread_time  # phases in CPU time of this thread (robust on a loaded machine)

SYMBOLS = {"H": 1, "C": 6, "N": 7, "O": 8, "F": 9, "S": 16, "Cl": 17}


def read_xyz(path):
    """Frames of an extended-XYZ file as (atomic numbers, positions [N,3]) lists."""
    frames = []
    with open(path) as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        n = int(lines[i])
        z, pos = [], []
        for line in lines[i + 2:i + 2 + n]:
            parts = line.split()
            z.append(SYMBOLS[parts[0]])
            pos.append([float(p) for p in parts[1:4]])
        frames.append((z, pos))
        i += 2 + n
    return frames


def batch(frames):
    z = torch.tensor([a for f in frames for a in f[0]], dtype=torch.long)
    pos = torch.tensor([p for f in frames for p in f[1]], dtype=torch.float32)
    mol = torch.tensor([k for k, f in enumerate(frames) for _ in f[0]], dtype=torch.long)
    n_atoms = torch.tensor([len(f[0]) for f in frames], dtype=torch.float32)
    return z, pos, mol, n_atoms


def neighbours(pos, mol, cutoff):
    """All pairs i != j of the same molecule within the cutoff (vectorised all-pairs, one cdist)."""
    with torch.no_grad():
        d = torch.cdist(pos, pos)
        mask = (d < cutoff) & (mol[:, None] == mol[None, :])
        mask.fill_diagonal_(False)
        dst, src = mask.nonzero(as_tuple=True)
    return src, dst


def run(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    frames = read_xyz(args.system)
    z, pos0, mol, n_atoms = batch(frames)
    n_mol = len(frames)
    model = build(args.model, args.features, args.layers, args.rbf, args.cutoff)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    g = torch.Generator().manual_seed(args.seed)
    e_ref = torch.randn(n_mol, generator=g)
    f_ref = torch.randn(pos0.shape, generator=g)
    w_e, w_f = torch.tensor(1.0), torch.tensor(100.0)
    results = []
    for mode in args.modes.split(","):
        train = mode == "train"
        model.train(train)
        phases = {k: [] for k in ("graph", "forward", "forces", "backward", "optimizer", "total")}
        prof = None
        cpu = []
        for it in range(args.warmup + args.iters):
            if args.profile and it == args.warmup:
                prof = torch.autograd.profiler.profile()
                prof.__enter__()
            c0 = time.thread_time()
            w0 = time.perf_counter()
            t0 = clock()
            pos = pos0.clone().requires_grad_(True)
            src, dst = neighbours(pos.detach(), mol, args.cutoff)
            t1 = clock()
            energy = model(z, pos, src, dst, mol, n_mol)
            t2 = clock()
            forces = -torch.autograd.grad(energy.sum(), pos, create_graph=train)[0]
            t3 = clock()
            t4 = t5 = t3
            if train:
                loss = w_e * torch.mean(((energy - e_ref) / n_atoms) ** 2) + w_f * torch.mean((forces - f_ref) ** 2)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                t4 = clock()
                opt.step()
                t5 = clock()
                sink = float(loss.detach())
            else:
                sink = float(energy.detach().sum()) + float(forces.detach().sum())
            c1 = time.thread_time()
            w1 = time.perf_counter()
            if sink != sink:
                raise RuntimeError("NaN in peer output")
            if it >= args.warmup:
                phases["graph"].append(t1 - t0)
                phases["forward"].append(t2 - t1)
                phases["forces"].append(t3 - t2)
                phases["backward"].append(t4 - t3)
                phases["optimizer"].append(t5 - t4)
                phases["total"].append(w1 - w0)
                cpu.append(c1 - c0)
        if prof is not None:
            prof.__exit__(None, None, None)
            prof.export_chrome_trace(args.profile)
        results.append({
            "impl": "pytorch", "torch": torch.__version__, "model": args.model, "mode": mode,
            "system": args.system.rsplit("/", 1)[-1].rsplit(".", 1)[0], "atoms": int(z.shape[0]),
            "molecules": n_mol, "edges": int(src.shape[0]), "threads": args.threads,
            "iters": args.iters,
            "ms": 1e3 * statistics.median(phases["total"]),
            "cpu_ms": 1e3 * statistics.median(cpu),
            "phases_ms": {("wall_total" if k == "total" else k): 1e3 * statistics.mean(v) for k, v in phases.items()},
        })
    return results


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--system", required=True)
    p.add_argument("--model", choices=["schnet", "painn"], required=True)
    p.add_argument("--modes", default="infer,train")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--features", type=int, default=64)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--rbf", type=int, default=20)
    p.add_argument("--cutoff", type=float, default=5.0)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--profile", default=None, help="write a Chrome trace of the measured iterations of the last mode")
    args = p.parse_args()
    for r in run(args):
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
