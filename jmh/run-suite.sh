#!/usr/bin/env bash
# Runs the JMH suite in the configuration committed under benchmarks/jmh/ (docs/perf.md).
#   jmh/run-suite.sh [OUTDIR] [extra JMH options, e.g. -p device=gpu -p threads=2]
# Short warm-up/measurement (-f 1 -wi 2 -i 3, 1 s each) so that the whole suite fits in ~20 min on
# 2 cores. JMH_CP overrides the class path (default jmh/target/benchmarks.jar). Export the
# GLIBC_TUNABLES of docs/perf.md first (the forks inherit it).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-benchmarks/jmh}
shift || true
cp=${JMH_CP:-jmh/target/benchmarks.jar}
mkdir -p "$out"
jmh() { # name, then JMH arguments
  local name=$1
  shift
  java -cp "$cp" org.openjdk.jmh.Main "$@" -f 1 -wi 2 -i 3 -w 1s -r 1s -rf json -rff "$out/$name.json" "${EXTRA[@]}" \
    | tee "$out/$name.log" | grep -E '^(Benchmark|[A-Za-z]+Bench\.)' || true
}
EXTRA=("$@")
# neighbour lists: all pairs on periodic boxes loops over every cell image (seconds at N = 1000), so it stops there
jmh neighbour-list-cluster 'NeighbourListBench' -p system=cluster
jmh neighbour-list-box-cell 'NeighbourListBench.cellList' -p system=box
jmh neighbour-list-box-allpairs 'NeighbourListBench.allPairs' -p system=box -p atoms=20,100,1000
# SchNet and PaiNN up to N = 10,000; the equivariant tp-small up to N = 1,000 (seconds per call beyond)
jmh energy 'EnergyBench' -p model=schnet-small,painn-small
jmh energy-forces 'EnergyForcesBench' -p model=schnet-small,painn-small
jmh train-step 'TrainStepBench' -p model=schnet-small,painn-small
jmh models-tp 'EnergyBench|EnergyForcesBench|TrainStepBench' -p model=tp-small -p atoms=20,100,1000
java -cp "$cp" io.moiety.jmh.ScalingPlot "$out" | tee "$out/scaling.md"
