#!/usr/bin/env bash
# Runs every test: unit tests and integration tests against a real RabbitMQ and Redis on 127.0.0.1.
# Starts (and on Debian, installs) RabbitMQ and Redis first if they are not already answering.
# Usage: bash scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/start-services.sh

export HETERO_TEST_RABBITMQ_HOST="${HETERO_TEST_RABBITMQ_HOST:-127.0.0.1}"
export HETERO_TEST_REDIS="${HETERO_TEST_REDIS:-127.0.0.1:6379}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log="$(mktemp)"
status=0
dotnet build HeteroAgents.sln -c Release -warnaserror -nologo -v:q
dotnet test HeteroAgents.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($(i) == "Failed:") failed += $(i+1)
         if ($(i) == "Passed:") passed += $(i+1)
         if ($(i) == "Skipped:") skipped += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
rm -f "$log"
exit "$status"
