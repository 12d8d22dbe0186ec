#!/usr/bin/env bash
# Descriptor throughput: `moiety props descriptors --source xtb --workers 2` against the same
# xtb calls in a plain shell loop, two molecules at a time (xargs -P 2), on the same molecules.
# Needs target/classes and the dependency classpath in cp.txt (mvn dependency:build-classpath
# -Dmdep.outputFile=cp.txt), or MOIETY_CP.
#   benchmarks/props-descriptors-speed.sh MOLECULES.csv   (a 'smiles' column)
set -euo pipefail
cd "$(dirname "$0")/.."
IN=$1
CP=${MOIETY_CP:-target/classes:$(cat cp.txt)}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/moiety-speed.XXXXXX")
N=$(($(wc -l < "$IN") - 1))
echo "molecules: $N; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
java -cp "$CP" io.moiety.cli.Main props descriptors --data "$IN" --out "$TMP/out.csv" --work "$TMP/work" --workers 2 > /dev/null
t1=$(date +%s.%N)
tail -n +2 "$IN" | cut -d, -f1 | xargs -P 2 -I{} benchmarks/props-descriptors-loop-one.sh {}
t2=$(date +%s.%N)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  m = b - a; l = c - b;
  printf "moiety: %.1f s (%.2f molecules/min); shell loop: %.1f s (%.2f molecules/min); moiety/loop throughput: %.0f %%\n",
    m, 60 * n / m, l, 60 * n / l, 100 * l / m }'
rm -rf "$TMP"
