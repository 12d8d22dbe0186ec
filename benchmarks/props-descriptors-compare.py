"""Per-column agreement of `moiety props descriptors` output with the authors' QMex descriptors.

    python3 benchmarks/props-descriptors-compare.py data/qmex-dgs-xtb.csv \
        ../shared/data/qmex-dgs/bench_dGs_with_qmex_predict.csv

Rows are matched by position (both files keep the authors' row order); rows with empty xtb cells
are left out. Prints a Markdown table: n, Pearson r, MAE and mean difference in the authors' units.
"""
import csv
import math
import sys

mine = list(csv.reader(open(sys.argv[1])))
ref = list(csv.DictReader(open(sys.argv[2])))
head = mine[0]
cols = [c for c in head if c.endswith(']')]
assert len(mine) - 1 == len(ref), "row counts differ"
print(f"molecules with xtb values: {sum(1 for r in mine[1:] if r[head.index(cols[0])] != '')} of {len(ref)}")
print()
print("| column [unit] | n | Pearson r | MAE | mean(xtb − authors) | authors' range |")
print("|---|---|---|---|---|---|")
for c in cols:
    name = c[:c.index(' [')]
    pairs = [(float(r[head.index(c)]), float(ref[i][name])) for i, r in enumerate(mine[1:]) if r[head.index(c)] != '']
    n = len(pairs)
    x = [p[0] for p in pairs]
    y = [p[1] for p in pairs]
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in pairs)
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    r = sxy / (sx * sy) if sx > 0 and sy > 0 else float('nan')
    mae = sum(abs(a - b) for a, b in pairs) / n
    print(f"| `{c}` | {n} | {r:.3f} | {mae:.4g} | {mx - my:+.4g} | {min(y):.4g} … {max(y):.4g} |")
