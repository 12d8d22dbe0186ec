#!/usr/bin/env bash
# Spark GPU discovery script (spark.executor.resource.gpu.discoveryScript, and
# spark.worker.resource.gpu.discoveryScript on standalone workers): prints the GPUs this
# machine's nvidia-smi lists as Spark's resource JSON, e.g. {"name": "gpu", "addresses": ["0","1"]}.
# Honours CUDA_VISIBLE_DEVICES when set (addresses are then 0..n-1, as CUDA numbers them).
set -euo pipefail
if [ -n "${CUDA_VISIBLE_DEVICES:-}" ]; then
  n=$(echo "$CUDA_VISIBLE_DEVICES" | tr ',' '\n' | grep -c .)
  ids=$(seq 0 $((n - 1)))
else
  ids=$(nvidia-smi --query-gpu=index --format=csv,noheader 2>/dev/null | tr -d ' ' || true)
fi
list=$(echo "$ids" | grep . | sed 's/.*/"&"/' | paste -sd, - || true)
echo "{\"name\": \"gpu\", \"addresses\": [${list}]}"
