#!/usr/bin/env python3
"""Writes a synthetic extended-XYZ file for the I/O benchmarks in benchmarks/io.md.

Hexane-like 20-atom frames (C6H14) with random displacements, energies and forces, grouped
into molecules of FRAMES_PER_MOLECULE frames by the `molecule=` key. Standard library only.

usage: io_bench_data.py OUT.xyz [FRAMES] [FRAMES_PER_MOLECULE]
"""
import random
import sys

out = sys.argv[1]
frames = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
per_molecule = int(sys.argv[3]) if len(sys.argv) > 3 else 2_000
rng = random.Random(7)
species = ["C"] * 6 + ["H"] * 14
base = [(1.5 * i, 0.3 * (i % 2), 0.0) for i in range(6)] + [
    (1.5 * (i // 2 % 6) + 0.4, 1.0 if i % 2 else -1.0, 0.5 * (i // 12)) for i in range(14)]
with open(out, "w") as f:
    for n in range(frames):
        mol = n // per_molecule
        e = -6400.0 + rng.gauss(0, 0.5)
        lines = [
            "20",
            f'Properties=species:S:1:pos:R:3:forces:R:3 molecule=mol{mol:05d} energy={e:.10f} config_type=bench pbc="F F F"',
        ]
        for s, (x, y, z) in zip(species, base):
            lines.append(f"{s} {x + rng.gauss(0, 0.05):.8f} {y + rng.gauss(0, 0.05):.8f} {z + rng.gauss(0, 0.05):.8f} "
                         f"{rng.gauss(0, 1):.8f} {rng.gauss(0, 1):.8f} {rng.gauss(0, 1):.8f}")
        f.write("\n".join(lines) + "\n")
