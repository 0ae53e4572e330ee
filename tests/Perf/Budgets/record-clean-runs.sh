#!/usr/bin/env bash
# The no-false-alarm record of docs/budgets.md: runs the budget tests (tests/Perf/Budgets: every canary and its
# twin on every topology of the table) N times in a row and records each verdict with its margins.
#   tests/Perf/Budgets/record-clean-runs.sh [RUNS] [OUT_DIR]
# A run is clean when every test passed: each canary failed with its signature and each twin passed. The
# summary (markdown, also in OUT_DIR/summary.md) gives per run the duration, false alarms (twins that failed),
# misses (canaries that passed) and the twins' largest figures against their limits.
set -euo pipefail
runs="${1:-20}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="${2:-$root/TestResults/budget-runs/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
dotnet build "$root/tests/Perf/Budgets" -v q -nologo >/dev/null
summary="$out/summary.md"
{
  echo "| run | started (UTC) | minutes | tests passed/failed | false alarms (twins failed) | misses (canaries passed) | twins: closest stalled over reference / limit | twins: closest timer gaps over reference / limit | twins: largest total ratio (limit 3) | twins confirmed by a 2nd measurement |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$summary"
for i in $(seq 1 "$runs"); do
  record="$out/run-$i.tsv"
  log="$out/run-$i.log"
  started=$(date -u +%H:%M:%S)
  begin=$(date +%s)
  CONFORMANCE_BUDGET_RECORD="$record" dotnet test "$root/tests/Perf/Budgets" --no-build --logger "console;verbosity=normal" >"$log" 2>&1 || true
  minutes=$(awk -v s="$(( $(date +%s) - begin ))" 'BEGIN { printf "%.1f", s / 60 }')
  passed=$(grep -oE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | tail -1 || true)
  failed=$(grep -oE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | tail -1 || true)
  line=$(awk -F'\t' 'BEGIN { rs = -1e9; rt = -1e9 }
    NR > 1 {
      if ($4 == "twin") {
        if ($5 == "Fail") fa++
        if ($9 / $10 > rs) { rs = $9 / $10; s = $9 "/" $10 }
        if ($11 / $12 > rt) { rt = $11 / $12; t = $11 "/" $12 }
        if ($13 > tr) tr = $13
        if ($NF ~ /second measurement/) again++
      }
      if ($4 == "canary" && $5 != "Fail") miss++ }
    END { printf "%d | %d | %s | %s | %.2f | %d", fa, miss, s, t, tr, again }' "$record" 2>/dev/null || echo "no record")
  echo "| $i | $started | $minutes | ${passed:-0}/${failed:-0} | $line |" >> "$summary"
  echo "run $i: ${passed:-0} passed, ${failed:-0} failed, $minutes min" >&2
done
cat "$summary"
