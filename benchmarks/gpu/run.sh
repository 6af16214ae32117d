#!/usr/bin/env bash
# One command for a GPU machine: builds the GPU variant (ONNX Runtime CUDA), writes the benchmark models, runs the
# SLM speed benchmarks on CUDA (single stream and 8 concurrent sequences) with the llama.cpp CPU peer where its
# npm packages are installed, and prints what it measured.
#
#   bash benchmarks/gpu/run.sh                 # on a machine with an NVIDIA GPU, driver, CUDA 12 and cuDNN 9
#   bash benchmarks/gpu/run.sh --cpu-smoke     # the same steps on the CPU with the tiny model (checks the script)
#
# Environment: HETERO_GPU_MODELS (default /tmp/hetero-gpu-models), HETERO_GPU_PRESETS (default
# "smollm2-135m qwen2.5-0.5b"), HETERO_GPU_GENERATE (default 128), HETERO_GPU_PROMPT (default 128).
set -euo pipefail
cd "$(dirname "$0")/../.."

smoke=false
if [[ "${1:-}" == "--cpu-smoke" ]]; then
  smoke=true
fi

models="${HETERO_GPU_MODELS:-/tmp/hetero-gpu-models}"
generate="${HETERO_GPU_GENERATE:-128}"
prompt="${HETERO_GPU_PROMPT:-128}"
results="$models/results.txt"
mkdir -p "$models"
: > "$results"

if $smoke; then
  provider=cpu
  presets="tiny"
  build_flags=()
  generate=16
  prompt=32
else
  provider=cuda
  presets="${HETERO_GPU_PRESETS:-smollm2-135m qwen2.5-0.5b}"
  build_flags=(-p:HeteroGpu=true)
  if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi >/dev/null 2>&1; then
    echo "run.sh: no NVIDIA GPU or driver here (nvidia-smi failed); use --cpu-smoke to check the script on a CPU" >&2
    exit 1
  fi
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee -a "$results"
fi

echo "== building (${build_flags[*]:-CPU})"
dotnet build benchmarks/HeteroAgents.Benchmarks -c Release -nologo -v:q "${build_flags[@]}"
dotnet build benchmarks/HeteroAgents.ModelMaker.Cli -c Release -nologo -v:q

bin=benchmarks/HeteroAgents.Benchmarks/bin/Release/net10.0
if [[ ${#build_flags[@]} -gt 0 ]]; then
  bin=benchmarks/HeteroAgents.Benchmarks/bin-gpu/Release/net10.0
fi

if [[ -d benchmarks/llama-cpp && ! -d benchmarks/llama-cpp/node_modules/node-llama-cpp ]] && command -v npm >/dev/null 2>&1; then
  (cd benchmarks/llama-cpp && npm install --no-audit --no-fund >/dev/null 2>&1) || echo "llama.cpp peer not installed (npm install failed); ONNX figures only"
fi

for preset in $presets; do
  for variant in fp32 fused-int4; do
    dir="$models/$preset-$variant"
    if [[ ! -f "$dir/model.onnx" ]]; then
      echo "== make-model $preset $variant"
      flags=(--arch llama --preset "$preset" --seed 1 --out "$dir")
      if [[ $variant == fused-int4 ]]; then
        flags+=(--fused --precision int4)
      fi
      dotnet benchmarks/HeteroAgents.ModelMaker.Cli/bin/Release/net10.0/make-model.dll "${flags[@]}"
    fi

    for concurrency in 1 8; do
      echo "== slm-speed $preset $variant provider=$provider concurrency=$concurrency" | tee -a "$results"
      dotnet "$bin/HeteroAgents.Benchmarks.dll" slm-speed --model "$dir" --provider "$provider" --threads 2 \
        --prompt "$prompt" --generate "$generate" --runs 3 --concurrency "$concurrency" 2>&1 \
        | tee /dev/stderr | grep -E '^(median|ratio|paired|model)' >> "$results" || echo "FAILED" >> "$results"
    done
  done
done

echo
echo "== measured (also in $results)"
cat "$results"
