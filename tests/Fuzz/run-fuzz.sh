#!/usr/bin/env bash
# Bounded fuzzing of our parsers and acceptor with afl-fuzz + SharpFuzz (docs/reliability.md).
#   tests/Fuzz/run-fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
# Builds a Release copy of tests/Fuzz into $FUZZ_OUT (default out/fuzz), instruments that copy of
# Conformance.Dicom.dll and Conformance.Scp.dll (never the normal build output), runs afl-fuzz per target
# from the committed seeds, prints executions / paths / crashes / hangs from afl's fuzzer_stats and writes
# them to $FUZZ_OUT/summary.tsv. Exit 1 on a crash with a new signature (exception, message, innermost
# frame): its input is copied to tests/Fuzz/crashes/TARGET/, a reproducer that tests/Unit/Hostile replays.
# Crashes matching a committed reproducer are known defects, counted but not failing (FUZZ_STRICT=1 fails on
# any crash). Exit 2: a tool is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pdu association command dataset file)
out="${FUZZ_OUT:-$root/out/fuzz}"

command -v afl-fuzz >/dev/null || { echo "run-fuzz: afl-fuzz not found (apt-get install afl++)" >&2; exit 2; }
command -v dotnet >/dev/null || { echo "run-fuzz: dotnet not found" >&2; exit 2; }

rm -rf "$out/app" "$out/instrumented" "$out/findings"
mkdir -p "$out/tools" "$out/findings"
dotnet publish "$here/Fuzz.csproj" -c Release -o "$out/app" --nologo -v quiet >"$out/publish.log" 2>&1 \
  || { cat "$out/publish.log" >&2; echo "run-fuzz: publish failed" >&2; exit 2; }
if [ ! -x "$out/tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$out/tools" SharpFuzz.CommandLine --version 2.3.0 >"$out/tool.log" 2>&1 \
    || { cat "$out/tool.log" >&2; echo "run-fuzz: cannot install SharpFuzz.CommandLine" >&2; exit 2; }
fi
# afl runs an instrumented copy; replays (triage below) run the plain one.
cp -r "$out/app" "$out/instrumented"
for dll in Conformance.Dicom.dll Conformance.Scp.dll; do
  "$out/tools/sharpfuzz" "$out/instrumented/$dll" >/dev/null
done
replay() { { dotnet "$out/app/Conformance.Fuzz.dll" replay "$@" 2>/dev/null || true; } | sed -n 's/^SIGNATURE //p' | sort -u; }

# What afl-fuzz needs here, for this run only (nothing on the machine is changed):
export AFL_SKIP_BIN_CHECK=1                  # the target binary is dotnet, instrumented at the IL level by SharpFuzz
export AFL_SKIP_CPUFREQ=1                    # no cpufreq governor in VMs and containers
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1   # core_pattern may pipe to a handler (systemd, apport)
export AFL_NO_AFFINITY=1                     # shared 2-core machine: do not pin to a core others use
export AFL_NO_UI=1 AFL_QUIET=1
export AFL_FORKSRV_INIT_TMOUT=60000          # .NET start-up plus SharpFuzz's first run outlast afl's 10 s default
export AFL_SKIP_CRASHES=0
export DOTNET_TieredPGO=0 DOTNET_gcServer=0

stat() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$2"; }
: >"$out/new-findings.tsv"
printf 'target\tseconds\texecs\tpaths\tcrashes\thangs\tstability\n' >"$out/summary.tsv"
failed=0
for t in "${targets[@]}"; do
  [ -d "$here/corpus/$t" ] || { echo "run-fuzz: no corpus for target '$t'" >&2; exit 2; }
  echo "run-fuzz: $t for ${seconds}s"
  afl-fuzz -i "$here/corpus/$t" -o "$out/findings/$t" -V "$seconds" -t 10000 -m none \
    -- dotnet "$out/instrumented/Conformance.Fuzz.dll" fuzz "$t" >"$out/findings/$t.log" 2>&1 \
    || { tail -30 "$out/findings/$t.log" >&2; echo "run-fuzz: afl-fuzz failed on $t" >&2; exit 2; }
  s="$out/findings/$t/default/fuzzer_stats"
  crashes=$(stat saved_crashes "$s"); hangs=$(stat saved_hangs "$s")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$(stat run_time "$s")" "$(stat execs_done "$s")" "$(stat corpus_count "$s")" \
    "$crashes" "$hangs" "$(stat stability "$s")" >>"$out/summary.tsv"
  # A crash whose signature matches a committed reproducer is known (its regression test in
  # tests/Unit/Hostile fails until the defect is fixed); a new signature fails the run.
  known="$( [ -d "$here/crashes/$t" ] && replay "$t" "$here/crashes/$t" || true)"
  new=0
  for f in "$out/findings/$t/default/crashes"/id:*; do
    [ -e "$f" ] || continue
    sig="$(replay "$t" "$f")"
    if [ -z "$sig" ]; then
      echo "run-fuzz: $t: $(basename "$f") did not reproduce outside afl (kept in $out/findings)"
    elif ! grep -qxF "$sig" <<<"$known"; then
      new=$((new + 1)); failed=1; known="$known"$'\n'"$sig"
      mkdir -p "$here/crashes/$t"
      cp "$f" "$here/crashes/$t/$(sha1sum "$f" | cut -c1-16).bin"
      echo "run-fuzz: $t: NEW finding $sig"
    fi
  done
  printf '%s\t%s\n' "$t" "$new" >>"$out/new-findings.tsv"
  # FUZZ_STRICT=1: any crash fails the run, known or not (for checking that the known defects are fixed).
  if [ "${FUZZ_STRICT:-0}" = 1 ] && [ "${crashes:-0}" -gt 0 ]; then failed=1; fi
done
column -t -s $'\t' "$out/summary.tsv"
[ $failed -eq 0 ] || { echo "run-fuzz: crashes; new reproducers saved in tests/Fuzz/crashes/ (replay: dotnet $out/app/Conformance.Fuzz.dll replay TARGET FILE)" >&2; exit 1; }
echo "run-fuzz: no new crash"
