#!/usr/bin/env python3
# Sums an ONNX Runtime profile (slm-speed --profile PREFIX writes PREFIX_<date>.json) by operator type: where the
# time inside Run goes. Usage: python3 benchmarks/llama-cpp/ort-profile.py PREFIX_*.json
import json, sys
from collections import defaultdict

total = defaultdict(float)
calls = defaultdict(int)
runs = 0
for event in json.load(open(sys.argv[1])):
    if event.get("cat") == "Session" and event.get("name") == "model_run":
        runs += 1
    if event.get("cat") != "Node" or not event.get("name", "").endswith("_kernel_time"):
        continue
    op = event.get("args", {}).get("op_name", "?")
    total[op] += event["dur"] / 1000.0
    calls[op] += 1
all_ms = sum(total.values())
print(f"{runs} Run calls, {all_ms:.0f} ms in kernels")
for op, ms in sorted(total.items(), key=lambda kv: -kv[1]):
    print(f"{op:28s} {ms:9.1f} ms {100 * ms / all_ms:5.1f}%  {calls[op]:7d} calls  {1000 * ms / calls[op]:8.1f} us/call")
