#!/usr/bin/env python3
"""Writes straight-chains.yaml: the candidate library of hint molecules for `moiety tasks NAME --hints`.

Straight chains C1-C13 carrying the tasks' groups alone, twice (alpha,omega) and combined, named
as in tasks/*.yaml; every molecule that is an OOD molecule of some task in tasks/*.yaml is left
out, so a hint never leaks a test molecule. Run from the repository root:
    python3 tasks/libraries/straight-chains.py
"""
import pathlib
import re

STEMS = ["meth", "eth", "prop", "but", "pent", "hex", "hept", "oct", "non", "dec", "undec", "dodec", "tridec"]


def stem(n):
    return STEMS[n - 1]


def one(n, suffix, short):
    """Name of a 1-substituted chain: methanol/ethanol style for C1-C2 when `short` is given."""
    return short.format(stem(n)) if n <= 2 and short else f"{stem(n)}an-1-{suffix}"


CLASSES = [
    # (class, first n, name(n), smiles(n))
    ("alkane", 1, lambda n: stem(n) + "ane", lambda n: "C" * n),
    ("alcohol", 1, lambda n: one(n, "ol", "{}anol"), lambda n: "C" * n + "O"),
    ("aldehyde", 1, lambda n: stem(n) + "anal", lambda n: "C" * n + "=O"),
    ("acid", 1, lambda n: stem(n) + "anoic-acid", lambda n: "C" * (n - 1) + "C(=O)O"),
    ("amine", 1, lambda n: one(n, "amine", "{}anamine"), lambda n: "C" * n + "N"),
    ("amide", 1, lambda n: stem(n) + "anamide", lambda n: "C" * (n - 1) + "C(N)=O"),
    ("diol", 2, lambda n: f"{stem(n)}ane-1,{n}-diol", lambda n: "O" + "C" * n + "O"),
    ("dialdehyde", 2, lambda n: stem(n) + "anedial", lambda n: "O=C" + "C" * (n - 2) + "C=O"),
    ("diacid", 2, lambda n: stem(n) + "anedioic-acid", lambda n: "OC(=O)" + "C" * (n - 2) + "C(=O)O"),
    ("diamine", 2, lambda n: f"{stem(n)}ane-1,{n}-diamine", lambda n: "N" + "C" * n + "N"),
    ("hydroxy-aldehyde", 2, lambda n: f"{n}-hydroxy{stem(n)}anal", lambda n: "O" + "C" * (n - 1) + "C=O"),
    ("hydroxy-acid", 2, lambda n: f"{n}-hydroxy{stem(n)}anoic-acid", lambda n: "O" + "C" * (n - 1) + "C(=O)O"),
    ("oxo-acid", 2, lambda n: f"{n}-oxo{stem(n)}anoic-acid", lambda n: "O=C" + "C" * (n - 2) + "C(=O)O"),
    ("amino-acid", 2, lambda n: f"{n}-amino{stem(n)}anoic-acid", lambda n: "N" + "C" * (n - 1) + "C(=O)O"),
    ("amino-alcohol", 2, lambda n: f"{n}-amino{stem(n)}an-1-ol", lambda n: "N" + "C" * n + "O"),
]

root = pathlib.Path("tasks")
ood = set()
for f in sorted(root.glob("*.yaml")):
    for name, role in re.findall(r'\{name: "([^"]+)", smiles: "[^"]+", role: (\w+)\}', f.read_text()):
        if role == "ood":
            ood.add(name)
template = (root / "duplication.yaml").read_text()
sampling = template[template.index("sampling:"):template.index("molecules:")]
lines = []
for cls, first, name, smiles in CLASSES:
    for n in range(first, 14):
        if name(n) not in ood:
            lines.append(f'  - {{name: "{name(n)}", smiles: "{smiles(n)}", role: train}}  # {cls}')
out = root / "libraries" / "straight-chains.yaml"
out.write_text(
    "# Candidate hint molecules, written by tasks/libraries/straight-chains.py (do not edit by hand):\n"
    "# straight chains C1-C13 with the tasks' groups, alone, twice and combined; no molecule that is\n"
    "# an OOD molecule of a task in tasks/*.yaml. Used by `moiety tasks NAME --hints`.\n"
    "name: straight-chains\n"
    "description: >\n"
    f"  {len(lines)} straight-chain molecules C1-C13 (alkanes, alcohols, aldehydes, acids, amines, amides, diols,\n"
    "  dialdehydes, diacids, diamines, hydroxy aldehydes, hydroxy acids, oxo acids, amino acids, amino alcohols),\n"
    "  none of them an OOD molecule of any task.\n"
    + sampling + "molecules:\n" + "\n".join(lines) + "\n")
print(f"wrote {out}: {len(lines)} molecules ({len(ood)} OOD molecules of the tasks left out)")
