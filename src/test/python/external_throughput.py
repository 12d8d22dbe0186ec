"""Throughput of a MACE-convention TorchScript potential called from Python, for
benchmarks/external-potentials.md (the Java side is io.moiety.model.external.ExternalThroughputBenchmark).

``build OUT`` scripts a small message-passing network (SchNet-like: one-hot embedding over H, C, O,
8 Bessel functions times a cosine cutoff of 5 Å, a filter MLP per edge, 64 features, 2
interactions, per-atom readout, forces by autograd) that takes exactly MACE's input dictionary,
with random weights, and saves it. It stands in for a trained MACE model: same inputs, same
autograd force path, comparable per-edge work for a small model.

``time MODEL XYZ FRAMES BATCH`` evaluates the first FRAMES frames of an extended-XYZ file in batches
of BATCH structures with one intra-op thread and prints frames per second for (a) the whole path:
all-pairs neighbour list (numpy), input tensors and forward with forces, and (b) forward with forces only, on
inputs built beforehand; each with the TorchScript graph executor's optimisation off (as Moiety
runs deployed models) and on (PyTorch's default). Wall-clock and process CPU time are both
reported: on a machine shared with other jobs the CPU-time rate is the steadier one.

    /usr/bin/python3 src/test/python/external_throughput.py build /tmp/mini_mace_compiled.model
    /usr/bin/python3 src/test/python/external_throughput.py time /tmp/mini_mace_compiled.model \\
        ../shared/data/botnet-ethanol/test_MD.xyz 512 16
"""
import math
import sys
import time
from typing import Dict, List, Optional

import numpy as np
import torch
from ase.io import read


class MiniMace(torch.nn.Module):
    def __init__(self, atomic_numbers: List[int], r_max: float, features: int = 64, basis: int = 8,
                 interactions: int = 2):
        super().__init__()
        self.register_buffer("atomic_numbers", torch.tensor(atomic_numbers, dtype=torch.int64))
        self.register_buffer("r_max", torch.tensor(r_max, dtype=torch.get_default_dtype()))
        self.register_buffer("num_interactions", torch.tensor(interactions, dtype=torch.int64))
        self.cutoff = r_max
        self.basis = basis
        self.embed = torch.nn.Linear(len(atomic_numbers), features, bias=False)
        self.filters = torch.nn.ModuleList([torch.nn.Sequential(
            torch.nn.Linear(basis, features), torch.nn.SiLU(), torch.nn.Linear(features, features))
            for _ in range(interactions)])
        self.updates = torch.nn.ModuleList([torch.nn.Sequential(
            torch.nn.Linear(features, features), torch.nn.SiLU(), torch.nn.Linear(features, features))
            for _ in range(interactions)])
        self.readout = torch.nn.Sequential(torch.nn.Linear(features, features // 2), torch.nn.SiLU(),
                                           torch.nn.Linear(features // 2, 1))
        self.e0 = torch.nn.Parameter(torch.tensor([-13.6, -1029.8, -2041.3]))

    def forward(self, data: Dict[str, torch.Tensor], training: bool = False, compute_force: bool = True,
                compute_virials: bool = False, compute_stress: bool = False,
                compute_displacement: bool = False) -> Dict[str, Optional[torch.Tensor]]:
        positions = data["positions"]
        positions.requires_grad_(True)
        attrs = data["node_attrs"]
        sender = data["edge_index"][0]
        receiver = data["edge_index"][1]
        num_graphs = data["ptr"].numel() - 1
        vectors = positions[receiver] - positions[sender] + data["shifts"]
        r = torch.linalg.norm(vectors, dim=-1, keepdim=True)
        n = torch.arange(1, self.basis + 1, dtype=r.dtype, device=r.device)
        radial = math.sqrt(2.0 / self.cutoff) * torch.sin(n * math.pi * r / self.cutoff) / r
        envelope = 0.5 * (torch.cos(math.pi * r / self.cutoff) + 1.0) * (r < self.cutoff)
        h = self.embed(attrs)
        for filt, update in zip(self.filters, self.updates):
            message = h[sender] * filt(radial) * envelope
            h = h + update(torch.zeros_like(h).index_add(0, receiver, message))
        node_energy = self.readout(h).squeeze(-1) + attrs @ self.e0
        energy = torch.zeros(num_graphs, dtype=h.dtype, device=h.device).index_add(0, data["batch"], node_energy)
        forces: Optional[torch.Tensor] = None
        if compute_force:
            grad_outputs: List[Optional[torch.Tensor]] = [torch.ones_like(energy)]
            grad = torch.autograd.grad([energy], [positions], grad_outputs=grad_outputs, allow_unused=True)[0]
            forces = torch.zeros_like(positions) if grad is None else -grad
        return {"energy": energy, "forces": forces, "node_energy": node_energy, "stress": None}


def inputs(frames, z_table, cutoff):
    pos, attrs, snd, rcv, shifts, cells, batch, ptr = [], [], [], [], [], [], [], [0]
    off = 0
    for g, atoms in enumerate(frames):
        p = atoms.get_positions()
        # all pairs (molecules; Moiety also uses all pairs below 64 atoms)
        dist = np.linalg.norm(p[None, :, :] - p[:, None, :], axis=-1)
        i, j = np.nonzero((dist < cutoff) & ~np.eye(len(p), dtype=bool))
        pos.append(p)
        oh = np.zeros((len(p), len(z_table)))
        oh[np.arange(len(p)), [z_table.index(z) for z in atoms.numbers]] = 1.0
        attrs.append(oh)
        snd.append(i + off)
        rcv.append(j + off)
        shifts.append(np.zeros((len(i), 3)))
        cells.append(np.zeros((3, 3)))
        batch.append(np.full(len(p), g))
        off += len(p)
        ptr.append(off)
    dt = torch.get_default_dtype()
    return {"positions": torch.tensor(np.concatenate(pos), dtype=dt),
            "node_attrs": torch.tensor(np.concatenate(attrs), dtype=dt),
            "edge_index": torch.tensor(np.stack([np.concatenate(snd), np.concatenate(rcv)])).long(),
            "shifts": torch.tensor(np.concatenate(shifts), dtype=dt),
            "unit_shifts": torch.tensor(np.concatenate(shifts), dtype=dt),
            "cell": torch.tensor(np.concatenate(cells), dtype=dt),
            "batch": torch.tensor(np.concatenate(batch)).long(), "ptr": torch.tensor(ptr).long(),
            "head": torch.zeros(len(frames), dtype=torch.long)}


def main() -> None:
    torch.set_num_threads(1)
    if sys.argv[1] == "build":
        torch.manual_seed(0)
        model = torch.jit.script(MiniMace([1, 6, 8], 5.0))
        model.save(sys.argv[2])
        print("wrote", sys.argv[2], "torch", torch.__version__)
        return
    model = torch.jit.load(sys.argv[2])
    frames = read(sys.argv[3], index=":%d" % int(sys.argv[4]))
    bs = int(sys.argv[5])
    chunks = [frames[k:k + bs] for k in range(0, len(frames), bs)]
    z_table = model.atomic_numbers.tolist()
    cutoff = float(model.r_max)
    torch.set_default_dtype(model.r_max.dtype)
    print("torch", torch.__version__, "threads", torch.get_num_threads(), "frames", len(frames), "batch", bs,
          "atoms/frame", len(frames[0]))
    built = [inputs(c, z_table, cutoff) for c in chunks]
    for optimize in (False, True):
        torch._C._set_graph_executor_optimize(optimize)
        for _ in range(3):  # warm-up (the profiling executor specialises on the first calls)
            model(inputs(chunks[0], z_table, cutoff))
        for label, make in (("full path (neighbour list + tensors + forward)", lambda k: inputs(chunks[k], z_table, cutoff)),
                            ("forward + forces only", lambda k: {key: v.clone() for key, v in built[k].items()})):
            best_wall = best_cpu = 0.0
            for _ in range(3):
                t0 = time.perf_counter()
                c0 = time.process_time()
                for k in range(len(chunks)):
                    out = model(make(k))
                    out["forces"].sum().item()
                best_wall = max(best_wall, len(frames) / (time.perf_counter() - t0))
                best_cpu = max(best_cpu, len(frames) / (time.process_time() - c0))
            print("optimize=%s  %-48s %8.1f frames/s wall, %8.1f frames per CPU-second (best of 3)"
                  % (optimize, label, best_wall, best_cpu))

if __name__ == "__main__":
    main()
