#!/usr/bin/env bash
# Trains one model on rMD17 ethanol (botnet-ethanol/train.xyz: 950 train / 50 validation frames,
# seeded split) under a wall-time budget, then predicts test_MD.xyz and prints energy/force MAE.
# Usage: benchmarks/accuracy/run-ethanol.sh MODEL MINUTES [extra moiety-train options]
# Env: EPOCHS (default 1000), RUN_DIR (default runs/accuracy/MODEL), THREADS (default 1), METRICS_OUT.
# Needs: mvn -o -q compile (uses target/classes) and ../shared/data (or MOIETY_SHARED).
set -euo pipefail
model=$1; minutes=$2; shift 2
shared=${MOIETY_SHARED:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
[ -d "$shared/data/botnet-ethanol" ] || shared=/work/shared
data=$shared/data/botnet-ethanol
cp=${MOIETY_CP:-target/classes:$(cat target/classpath.txt)}
run=${RUN_DIR:-runs/accuracy/$model}
# one intra-op thread and passive OpenMP waiting: on a shared 2-core machine spinning OpenMP
# threads of several processes slow every PyTorch step many times over
export OMP_WAIT_POLICY=PASSIVE
java_opts="-Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=${THREADS:-1} -Dai.djl.pytorch.num_interop_threads=1"
java $java_opts -cp "$cp" io.moiety.cli.Main train --model "$model" --train "$data/train.xyz" \
  --valid-fraction 0.05 --seed 1 --device cpu --epochs "${EPOCHS:-1000}" --time-limit "$minutes" --no-progress \
  --out "$run" "$@"
java $java_opts -cp "$cp" io.moiety.cli.Main predict --run "$run" --data "$data/test_MD.xyz" \
  --out "$run/test_MD-pred.xyz" --device cpu --force
# the curve stays in $run/metrics.csv; METRICS_OUT=FILE copies it (e.g. into benchmarks/accuracy/ to commit)
if [ -n "${METRICS_OUT:-}" ]; then cp "$run/metrics.csv" "$METRICS_OUT"; fi
