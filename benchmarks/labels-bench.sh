#!/usr/bin/env bash
# Single-point throughput: Moiety's labelling pool vs a plain shell loop running the same xtb
# calls (2 in parallel, same flags, same snapshots, same machine), alternated ROUNDS times.
# Needs a finished work directory of `moiety generate` (default: moiety-work/default) and
# target/classes + the dependency classpath (or set MOIETY_CP).
#   benchmarks/labels-bench.sh [WORK] [ROUNDS] [MOLECULES...]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-moiety-work/default}
ROUNDS=${2:-2}
shift 2 || true
MOLS=("$@")
[ ${#MOLS[@]} -eq 0 ] && MOLS=(ethane propane butane pentane hexane heptane octane nonane)
# A task needs a train molecule: the first one is copied fully labelled (nothing to compute);
# the others are OOD molecules whose primary snapshots are present but unlabelled.
CP=${MOIETY_CP:-target/classes:$(mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)}
B=$(mktemp -d /tmp/moiety-labels-bench.XXXX)
mkdir -p "$B/tasks" "$B/frames"
sed -n '1,/^molecules:/p' tasks/chain-extension.yaml | sed 's/^name: .*/name: bench/' > "$B/tasks/bench.yaml"
for m in "${MOLS[@]}"; do
  c=$(ls -d "$WORK"/molecules/"$m"-??????????/primary-* | wc -l)
  [ "$c" = 1 ] || { echo "$m: expected one primary trajectory in $WORK, found $c" >&2; exit 1; }
done
first=1
for m in "${MOLS[@]}"; do
  src=$(ls -d "$WORK"/molecules/"$m"-?????????? | head -1)
  smiles=$(grep -h "name: \"$m\"" tasks/*.yaml | head -1 | sed 's/.*smiles: "\([^"]*\)".*/\1/')
  role=ood; [ $first = 1 ] && role=train
  echo "  - {name: \"$m\", smiles: \"$smiles\", role: $role}" >> "$B/tasks/bench.yaml"
  if [ $first = 1 ]; then first=0; continue; fi
  traj=$(ls -d "$src"/primary-* | head -1)
  # split the snapshots into one XYZ file per frame for the shell loop
  awk -v dir="$B/frames" -v m="$m" 'NR==1{nat=$1} {f=int((NR-1)/(nat+2)); print > sprintf("%s/%s-%05d.xyz", dir, m, f)}' "$traj/snapshots.xyz"
done
n=$(ls "$B/frames" | wc -l)
echo "frames: $n from ${MOLS[*]}"
seed_work() {  # fresh pipeline work dir holding only the snapshots (no labels)
  rm -rf "$B/work"; mkdir -p "$B/work/default/molecules"
  src=$(ls -d "$WORK"/molecules/"${MOLS[0]}"-?????????? | head -1); cp -r "$src" "$B/work/default/molecules/"
  for m in "${MOLS[@]:1}"; do
    src=$(ls -d "$WORK"/molecules/"$m"-?????????? | head -1); dst="$B/work/default/molecules/$(basename "$src")"
    mkdir -p "$dst"; cp "$src/embedded.xyz" "$src/optimized.xyz" "$dst/"
    traj=$(ls -d "$src"/primary-* | head -1); mkdir -p "$dst/$(basename "$traj")"
    cp "$traj/snapshots.xyz" "$traj/settings.txt" "$dst/$(basename "$traj")/"
  done
}
shell_loop() {
  ls "$B"/frames/*.xyz | xargs -P 2 -n 1 sh -c 'd=$(mktemp -d); cp "$0" "$d/frame.xyz"; cd "$d";
    OMP_NUM_THREADS=1 OMP_STACKSIZE=512M xtb frame.xyz --gfn 2 --norestart --chrg 0 --uhf 0 --grad > stdout.txt 2> stderr.txt;
    cd /; rm -rf "$d"'
}
for r in $(seq 1 "$ROUNDS"); do
  seed_work
  t0=$(date +%s.%N)
  java -cp "$CP" io.moiety.cli.Main generate --task bench --tasks-dir "$B/tasks" --work "$B/work" \
      --workers 2 --no-progress --out "$B/out.h5" --force 2> "$B/pipeline.log" >/dev/null
  t1=$(date +%s.%N)
  inner=$(grep -m1 'wall time' "$B/pipeline.log" | awk '{print $3}')
  labelled=$(grep -m1 '^frames:' "$B/pipeline.log" | awk '{print substr($6,2)}')
  shell_loop
  t2=$(date +%s.%N)
  awk -v n="$n" -v l="$labelled" -v a="$t0" -v b="$t1" -v c="$t2" -v inner="$inner" -v r="$r" 'BEGIN{
    p=b-a; s=c-b;
    printf "round %d: pipeline %d frames in %.1f s incl. JVM start (%.2f frames/s; pool alone %.1f s, %.2f frames/s) | shell loop %d frames in %.1f s (%.2f frames/s) | ratio %.0f%% (pool alone %.0f%%)\n",
      r, l, p, l/p, inner, l/inner, n, s, n/s, 100*(l/p)/(n/s), 100*(l/inner)/(n/s)}'
done
rm -rf "$B"
