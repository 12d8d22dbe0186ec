"""Writes the tiny TorchScript potentials and the reference values that ExternalPotentialTest
compares Moiety against.

Two float64 models take exactly the input dictionaries of the two deployment conventions and
compute forces themselves with autograd, like the real ones:

* ``tiny_mace_compiled.model`` follows MACE's ``forward(data: Dict[str, Tensor], training,
  compute_force, ...) -> Dict[str, Optional[Tensor]]``: it reads ``positions``, one-hot
  ``node_attrs`` over its ``atomic_numbers`` buffer, ``edge_index`` (sender, receiver),
  Cartesian ``shifts``, ``batch`` and ``ptr``, and carries the buffers MACE stores
  (``atomic_numbers``, ``r_max``, ``num_interactions``).
* ``tiny_nequip_deployed.pth`` follows a deployed NequIP/Allegro model: ``forward(data:
  Dict[str, Tensor]) -> Dict[str, Tensor]`` over ``pos``, ``edge_index``, ``atom_types`` (indices
  into its ``type_names``), ``cell``, ``edge_cell_shift`` (integer cell translations), ``pbc``,
  ``batch`` and ``ptr``; returns ``total_energy`` and ``forces``.  Its cutoff and type names are
  stored as ``_extra_files`` metadata the way ``nequip-deploy`` writes them.

Both are smooth pair potentials (Morse well per element pair, cosine envelope to zero at the
cutoff) plus a per-element energy, so energies and forces are exact functions of the edge list.
The reference values come from these modules evaluated in Python on neighbour lists built with
ASE (an implementation independent of Moiety's), for molecules and for periodic cells, one of
them thinner than the cutoff (several images of one atom are neighbours).

Run with Debian's torch (the output is committed):

    /usr/bin/python3 src/test/python/make_external_models.py src/test/resources/io/moiety/model/external
"""
import json
import math
import sys
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np
import torch
from ase.neighborlist import primitive_neighbor_list

torch.set_default_dtype(torch.float64)


def _pair_energy(r: torch.Tensor, depth: torch.Tensor, r0: torch.Tensor, r_max: float) -> torch.Tensor:
    x = torch.exp(-(r - r0))
    envelope = 0.5 * (torch.cos(math.pi * r / r_max) + 1.0)
    envelope = torch.where(r < r_max, envelope, torch.zeros_like(envelope))
    return depth * (x * x - 2.0 * x) * envelope


class TinyMace(torch.nn.Module):
    """A pair potential with MACE's input and output dictionaries."""

    def __init__(self, atomic_numbers: List[int], r_max: float, e0: List[float], depth, r0):
        super().__init__()
        self.register_buffer("atomic_numbers", torch.tensor(atomic_numbers, dtype=torch.int64))
        self.register_buffer("r_max", torch.tensor(r_max, dtype=torch.get_default_dtype()))
        self.register_buffer("num_interactions", torch.tensor(1, dtype=torch.int64))
        self.cutoff = r_max
        self.atomic_energies = torch.nn.Parameter(torch.tensor(e0))
        self.depth = torch.nn.Parameter(torch.tensor(depth))
        self.r0 = torch.nn.Parameter(torch.tensor(r0))

    def forward(self, data: Dict[str, torch.Tensor], training: bool = False, compute_force: bool = True,
                compute_virials: bool = False, compute_stress: bool = False,
                compute_displacement: bool = False) -> Dict[str, Optional[torch.Tensor]]:
        positions = data["positions"]
        positions.requires_grad_(True)
        node_attrs = data["node_attrs"]
        edge_index = data["edge_index"]
        batch = data["batch"]
        num_graphs = data["ptr"].numel() - 1
        sender = edge_index[0]
        receiver = edge_index[1]
        vectors = positions[receiver] - positions[sender] + data["shifts"]
        lengths = torch.linalg.norm(vectors, dim=-1)
        depth = ((node_attrs[sender] @ self.depth) * node_attrs[receiver]).sum(-1)
        r0 = ((node_attrs[sender] @ self.r0) * node_attrs[receiver]).sum(-1)
        pair = _pair_energy(lengths, depth, r0, self.cutoff)
        node_e0 = node_attrs @ self.atomic_energies
        node_energy = node_e0 + 0.5 * torch.zeros_like(node_e0).index_add(0, receiver, pair)
        energy = torch.zeros(num_graphs, dtype=node_energy.dtype, device=node_energy.device).index_add(
            0, batch, node_energy)
        forces: Optional[torch.Tensor] = None
        if compute_force:
            grad_outputs: List[Optional[torch.Tensor]] = [torch.ones_like(energy)]
            grad = torch.autograd.grad([energy], [positions], grad_outputs=grad_outputs,
                                       retain_graph=training, create_graph=training, allow_unused=True)[0]
            forces = torch.zeros_like(positions) if grad is None else -grad
        return {"energy": energy, "node_energy": node_energy, "forces": forces, "virials": None,
                "stress": None, "displacement": None}


class TinyNequip(torch.nn.Module):
    """A pair potential with a deployed NequIP/Allegro model's input and output dictionaries."""

    def __init__(self, r_max: float, e0: List[float], depth, r0):
        super().__init__()
        self.cutoff = r_max
        self.per_type_energy = torch.nn.Parameter(torch.tensor(e0))
        self.depth = torch.nn.Parameter(torch.tensor(depth))
        self.r0 = torch.nn.Parameter(torch.tensor(r0))

    def forward(self, data: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
        pos = data["pos"]
        pos.requires_grad_(True)
        edge_index = data["edge_index"]
        types = data["atom_types"].view(-1)
        if "batch" in data:
            batch = data["batch"]
            num_graphs = data["ptr"].numel() - 1
        else:
            batch = torch.zeros_like(types)
            num_graphs = 1
        edge_vec = pos[edge_index[1]] - pos[edge_index[0]]
        if "cell" in data:
            cell = data["cell"].view(-1, 3, 3)
            shift = data["edge_cell_shift"]
            if cell.shape[0] > 1:
                edge_vec = edge_vec + torch.einsum("ni,nij->nj", shift, cell[batch[edge_index[0]]])
            else:
                edge_vec = edge_vec + torch.einsum("ni,ij->nj", shift, cell.squeeze(0))
        lengths = torch.linalg.norm(edge_vec, dim=-1)
        ti = types[edge_index[0]]
        tj = types[edge_index[1]]
        pair = _pair_energy(lengths, self.depth[ti, tj], self.r0[ti, tj], self.cutoff)
        atomic = self.per_type_energy[types] + 0.5 * torch.zeros(
            pos.shape[0], dtype=pos.dtype, device=pos.device).index_add(0, edge_index[1], pair)
        total = torch.zeros(num_graphs, dtype=pos.dtype, device=pos.device).index_add(0, batch, atomic)
        grad_outputs: List[Optional[torch.Tensor]] = [torch.ones_like(total)]
        grad = torch.autograd.grad([total], [pos], grad_outputs=grad_outputs, allow_unused=True)[0]
        forces = torch.zeros_like(pos) if grad is None else -grad
        out = data.copy()
        out["atomic_energy"] = atomic.unsqueeze(-1)
        out["total_energy"] = total.unsqueeze(-1)
        out["forces"] = forces
        return out


def symmetric(rng: np.random.Generator, n: int, low: float, high: float) -> List[List[float]]:
    m = rng.uniform(low, high, size=(n, n))
    return ((m + m.T) / 2).tolist()


MOLECULES = {
    "water": ([8, 1, 1], [[0.0, 0.0, 0.1173], [0.0, 0.7572, -0.4692], [0.0, -0.7572, -0.4692]]),
    "methanol": ([6, 8, 1, 1, 1, 1],
                 [[-0.0465, 0.6609, 0.0], [-0.0465, -0.7566, 0.0], [-1.0860, 0.9756, 0.0],
                  [0.4366, 1.0813, 0.8898], [0.4366, 1.0813, -0.8898], [0.8572, -1.0872, 0.0]]),
    "ethanol": ([6, 6, 8, 1, 1, 1, 1, 1, 1],
                [[1.1879, -0.3829, 0.0], [0.0, 0.5526, 0.0], [-1.1867, -0.2472, 0.0],
                 [-1.9237, 0.3850, 0.0], [2.0985, 0.2306, 0.0], [1.1184, -1.0093, 0.8869],
                 [1.1184, -1.0093, -0.8869], [-0.0227, 1.1812, 0.8852], [-0.0227, 1.1812, -0.8852]]),
}


def periodic_structures(rng: np.random.Generator):
    # a cubic box of 10 atoms and a thin triclinic cell (thinner than the cutoff) of 4 atoms;
    # atoms kept ≥ 0.9 Å apart (over images) so the geometry is chemically plausible
    out = {}
    for name, cell, n in (("cubic-box", np.diag([5.2, 5.2, 5.2]), 10),
                          ("thin-triclinic", np.array([[3.1, 0.0, 0.0], [0.9, 2.9, 0.0], [0.4, 0.6, 3.3]]), 4)):
        numbers = rng.choice([1, 6, 8], size=n).tolist()
        while True:
            frac = rng.uniform(0, 1, size=(n, 3))
            pos = frac @ cell
            i, j, d = primitive_neighbor_list("ijd", [True] * 3, cell, pos, 0.9)
            if len(d) == 0:
                break
        pos[0] += cell[0] * 1.0 + 0.3  # one atom outside the cell: images must still be right
        out[name] = (numbers, pos.tolist(), cell.tolist())
    return out


def graph(numbers, positions, cell, cutoff):
    pbc = cell is not None
    cell_arr = np.array(cell) if pbc else np.eye(3) * 100.0
    i, j, shift = primitive_neighbor_list("ijS", [pbc] * 3, cell_arr, np.array(positions), cutoff,
                                          self_interaction=False)
    return i, j, shift, (cell_arr if pbc else np.zeros((3, 3)))


def mace_input(structures, z_table, cutoff):
    pos, attrs, senders, receivers, shifts, unit, cells, batch, ptr = [], [], [], [], [], [], [], [], [0]
    offset = 0
    for g, (numbers, positions, cell) in enumerate(structures):
        i, j, s, c = graph(numbers, positions, cell, cutoff)
        pos.append(np.array(positions))
        onehot = np.zeros((len(numbers), len(z_table)))
        onehot[np.arange(len(numbers)), [z_table.index(z) for z in numbers]] = 1.0
        attrs.append(onehot)
        senders.append(i + offset)
        receivers.append(j + offset)
        unit.append(s.astype(float))
        shifts.append(s @ c)
        cells.append(c)
        batch.append(np.full(len(numbers), g))
        offset += len(numbers)
        ptr.append(offset)
    t = torch.tensor
    return {"positions": t(np.concatenate(pos)), "node_attrs": t(np.concatenate(attrs)),
            "edge_index": t(np.stack([np.concatenate(senders), np.concatenate(receivers)])).long(),
            "shifts": t(np.concatenate(shifts)), "unit_shifts": t(np.concatenate(unit)),
            "cell": t(np.concatenate(cells)), "batch": t(np.concatenate(batch)).long(), "ptr": t(ptr).long(),
            "head": torch.zeros(len(structures), dtype=torch.long)}


def nequip_input(structures, type_names, cutoff):
    symbols = {1: "H", 6: "C", 8: "O"}
    pos, types, src, dst, shifts, cells, pbcs, batch, ptr = [], [], [], [], [], [], [], [], [0]
    offset = 0
    for g, (numbers, positions, cell) in enumerate(structures):
        i, j, s, c = graph(numbers, positions, cell, cutoff)
        pos.append(np.array(positions))
        types.append(np.array([type_names.index(symbols[z]) for z in numbers]))
        src.append(i + offset)
        dst.append(j + offset)
        shifts.append(s.astype(float))
        cells.append(c)
        pbcs.append([cell is not None] * 3)
        batch.append(np.full(len(numbers), g))
        offset += len(numbers)
        ptr.append(offset)
    t = torch.tensor
    return {"pos": t(np.concatenate(pos)), "atom_types": t(np.concatenate(types)).long(),
            "edge_index": t(np.stack([np.concatenate(src), np.concatenate(dst)])).long(),
            "edge_cell_shift": t(np.concatenate(shifts)), "cell": t(np.stack(cells)), "pbc": t(pbcs),
            "batch": t(np.concatenate(batch)).long(), "ptr": t(ptr).long()}


def main() -> None:
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(19)
    structures = {name: (z, p, None) for name, (z, p) in MOLECULES.items()}
    structures.update(periodic_structures(rng))

    z_table = [1, 6, 8]
    mace_cutoff = 4.0
    mace = torch.jit.script(TinyMace(z_table, mace_cutoff, [-13.6, -1029.8, -2041.3],
                                     symmetric(rng, 3, 0.5, 3.0), symmetric(rng, 3, 0.9, 1.6)))
    mace.save(str(out_dir / "tiny_mace_compiled.model"))

    type_names = ["O", "H", "C"]  # not in atomic-number order: the adapter must map by name
    nequip_cutoff = 3.5
    nequip = torch.jit.script(TinyNequip(nequip_cutoff, [-2041.0, -13.5, -1030.1],
                                         symmetric(rng, 3, 0.5, 3.0), symmetric(rng, 3, 0.9, 1.6)))
    metadata = {"nequip_version": "0.6.1", "torch_version": torch.__version__, "e3nn_version": "0.5.1",
                "r_max": str(nequip_cutoff), "n_species": str(len(type_names)),
                "type_names": " ".join(type_names), "_jit_bailout_depth": "2", "_jit_fusion_strategy": "DYNAMIC,3",
                "allow_tf32": "0", "config": "tiny pair potential for Moiety's tests"}
    torch.jit.save(nequip, str(out_dir / "tiny_nequip_deployed.pth"),
                   _extra_files={k: v.encode("ascii") for k, v in metadata.items()})

    # reference: each structure alone, then all in one batch (the batched call must agree)
    names = list(structures)
    reference = {"mace": {"file": "tiny_mace_compiled.model", "r_max": mace_cutoff, "atomic_numbers": z_table},
                 "nequip": {"file": "tiny_nequip_deployed.pth", "r_max": nequip_cutoff, "type_names": type_names}}
    for key, model, make, table, cutoff in (
            ("mace", mace, mace_input, z_table, mace_cutoff),
            ("nequip", nequip, nequip_input, type_names, nequip_cutoff)):
        entries = []
        for name in names:
            out = model(make([structures[name]], table, cutoff))
            energy = out["energy"] if key == "mace" else out["total_energy"]
            entries.append({"name": name, "energy": float(energy.reshape(-1)[0]),
                            "forces": out["forces"].detach().reshape(-1).tolist()})
        together = model(make([structures[n] for n in names], table, cutoff))
        energies = (together["energy"] if key == "mace" else together["total_energy"]).detach().reshape(-1)
        for e, entry in zip(energies.tolist(), entries):
            assert abs(e - entry["energy"]) < 1e-9, (key, entry["name"], e, entry["energy"])
        reference[key]["values"] = entries

    # forces are -dE/dx: central finite differences on one atom of the thin cell
    numbers, positions, cell = structures["thin-triclinic"]
    h = 1e-5
    for k in range(3):
        plus = [list(p) for p in positions]
        minus = [list(p) for p in positions]
        plus[1][k] += h
        minus[1][k] -= h
        ep = float(mace(mace_input([(numbers, plus, cell)], z_table, mace_cutoff))["energy"][0])
        em = float(mace(mace_input([(numbers, minus, cell)], z_table, mace_cutoff))["energy"][0])
        analytic = [v for v in reference["mace"]["values"] if v["name"] == "thin-triclinic"][0]["forces"][3 + k]
        assert abs(-(ep - em) / (2 * h) - analytic) < 1e-6, (k, -(ep - em) / (2 * h), analytic)

    reference["structures"] = [{"name": n, "numbers": structures[n][0], "positions": structures[n][1],
                                "cell": structures[n][2]} for n in names]
    reference["torch_version"] = torch.__version__
    (out_dir / "reference.json").write_text(json.dumps(reference, indent=1) + "\n")
    print("wrote", out_dir, "torch", torch.__version__)


if __name__ == "__main__":
    main()
