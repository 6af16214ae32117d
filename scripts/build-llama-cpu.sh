#!/usr/bin/env bash
# Builds llama.cpp's CPU backend (ggml-cpu) for the instruction sets of this machine and puts it, with the other
# llama.cpp libraries of the LLamaSharp.Backend.Cpu package, into one folder for Hetero:LlamaSharp:NativeLibraryPath.
#
# Why: the package's builds are generic. Its avx512 build, for one, has no AVX-512 VNNI, which llama.cpp's int8 dot
# products (Q4_0/Q8_0 prompt processing) use; on an AVX-512 VNNI Xeon the build from this script processed Q4_0 prompts
# about 1.27x faster (docs/BENCHMARKS.md, issue 13 fifth pass).
#
# Usage: bash scripts/build-llama-cpu.sh [--out DIR] [--source GGML_CHECKOUT]
#   --out     the folder to fill (default: ~/.cache/hetero/llama-cpu); then run the worker with
#             HETERO__LLAMASHARP__NATIVELIBRARYPATH=DIR (or Hetero:LlamaSharp:NativeLibraryPath in its settings)
#   --source  a checkout of github.com/ggml-org/ggml at the tag below (default: cloned from GitHub)
# Needs: the .NET SDK (to restore the package), git, cmake and a C/C++ compiler. Linux x64 only.
set -euo pipefail
cd "$(dirname "$0")/.."

# The ggml release LLamaSharp 0.30.0's llama.cpp is built from (its libggml-base reports version 0.18.0): ggml-cpu
# must match it, as it links against the package's libggml-base. Change both together.
LLAMASHARP_VERSION=0.30.0
GGML_TAG=v0.18.0

out="${XDG_CACHE_HOME:-$HOME/.cache}/hetero/llama-cpu"
source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    *) echo "usage: bash scripts/build-llama-cpu.sh [--out DIR] [--source GGML_CHECKOUT]" >&2; exit 2 ;;
  esac
done

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "error: this script builds for Linux x64 only (found $(uname -s)-$(uname -m))" >&2
  exit 1
fi

pinned=$(sed -n 's/.*PackageVersion Include="LLamaSharp.Backend.Cpu" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
if [ "$pinned" != "$LLAMASHARP_VERSION" ]; then
  echo "error: Directory.Packages.props pins LLamaSharp.Backend.Cpu $pinned, this script knows the ggml release of $LLAMASHARP_VERSION; update GGML_TAG" >&2
  exit 1
fi

flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
has() { [[ "$flags" == *" $1 "* ]]; }

# The package's build this one replaces the CPU backend of: the highest AVX level the CPU has (as LLamaSharp picks).
level=noavx
has avx && level=avx
has avx2 && level=avx2
has avx512f && level=avx512

packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
package="$packages/llamasharp.backend.cpu/$LLAMASHARP_VERSION/LLamaSharpRuntimes/linux-x64/native/$level"
if [ ! -f "$package/libllama.so" ]; then
  echo "[llama-cpu] restoring LLamaSharp.Backend.Cpu $LLAMASHARP_VERSION"
  dotnet restore workers/HeteroAgents.Inference.LlamaSharp -nologo -v:q
fi
[ -f "$package/libllama.so" ] || { echo "error: no llama.cpp build at $package after the restore" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$source" ]; then
  echo "[llama-cpu] cloning ggml $GGML_TAG"
  git clone -q --depth 1 --branch "$GGML_TAG" https://github.com/ggml-org/ggml "$work/ggml"
  source="$work/ggml"
fi
[ -f "$source/src/ggml-cpu/CMakeLists.txt" ] || { echo "error: $source is not a ggml checkout" >&2; exit 1; }

# Each instruction set the CPU has, named explicitly: a -march=native (GGML_NATIVE) build decoded Q4_0 at 0.6-0.7x on an
# AVX-512 FP16 Xeon, while this set (on that CPU: ggml's "zen4" variant) matched or beat node-llama-cpp's release build
# in both prompt processing and decode. LLAMAFILE as in llama.cpp's own builds (its matrix kernels for F32/F16/Q8_0).
options=(-DGGML_NATIVE=OFF)
for pair in sse4_2:SSE42 avx:AVX f16c:F16C fma:FMA avx2:AVX2 bmi2:BMI2 avx512f:AVX512 avx512vbmi:AVX512_VBMI \
            avx512_vnni:AVX512_VNNI avx512_bf16:AVX512_BF16; do
  if has "${pair%%:*}"; then options+=("-DGGML_${pair#*:}=ON"); else options+=("-DGGML_${pair#*:}=OFF"); fi
done
echo "[llama-cpu] building ggml-cpu with ${options[*]}"

# Unversioned library names, as in the package (its libggml.so needs libggml-cpu.so, which needs libggml-base.so).
cmake -S "$source" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
  -DCMAKE_PLATFORM_NO_VERSIONED_SONAME=ON -DCMAKE_SKIP_BUILD_RPATH=ON \
  -DGGML_BUILD_TESTS=OFF -DGGML_BUILD_EXAMPLES=OFF -DGGML_OPENMP=ON -DGGML_LLAMAFILE=ON "${options[@]}" > "$work/cmake.log" 2>&1 \
  || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/build" -j"$(nproc)" --target ggml-cpu > "$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log" >&2; exit 1; }

mkdir -p "$out"
cp "$package"/*.so "$out"/
cp "$work/build/src/libggml-cpu.so" "$out/libggml-cpu.so"
echo "[llama-cpu] $out: llama.cpp of LLamaSharp.Backend.Cpu $LLAMASHARP_VERSION ($level) with ggml-cpu $GGML_TAG for this CPU"
echo "[llama-cpu] use it with: HETERO__LLAMASHARP__NATIVELIBRARYPATH=$out"
