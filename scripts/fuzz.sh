#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang + ASan + UBSan) in build-fuzz/ (or
# $UPRX_FUZZ_BUILD), makes their seed corpora from the real documents, and runs each target for
# SECONDS (default 10). New inputs accumulate in <build>/corpus/<target>/; crashes, leaks and
# timeouts are written to <build>/artifacts/<target>/ and make the script exit 1. Inputs kept in
# tests/fuzz/regressions/<target>/ are replayed first.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# UPRX_FUZZ_SEED fixes libFuzzer's random seed (0, the default, picks one), so that a CI run
# explores the same inputs each time instead of failing a submission by chance.
# Needs clang, libclang-rt-14-dev (libFuzzer and sanitizer runtimes) and llvm (symbolizer), all
# Debian 12 packages; installed here when missing and running as root.
for p in clang libclang-rt-14-dev llvm; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    [ "$(id -u)" -eq 0 ] || { echo "fuzz: missing package $p" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null
  fi
done
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
all=(normalizer_fuzz wg_report_fuzz addendum_fuzz document_reader_fuzz state_resolver_fuzz
     eval_json_fuzz review_json_fuzz thematic_list_fuzz docx_numbering_fuzz taxonomy_fuzz
     profile_fuzz overrides_fuzz)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi

# -max_len fits the seeds (a report's first page and recommendations section, small PDFs and
# DOCX files, Word numbering and styles parts, the taxonomies); -timeout is far above the
# slowest unit's time, so a timeout is a hang.
declare -A max_len=([normalizer_fuzz]=65536 [wg_report_fuzz]=131072 [addendum_fuzz]=65536
                    [document_reader_fuzz]=262144 [state_resolver_fuzz]=256
                    [eval_json_fuzz]=131072 [review_json_fuzz]=131072
                    [thematic_list_fuzz]=131072 [docx_numbering_fuzz]=262144
                    [taxonomy_fuzz]=65536 [profile_fuzz]=32768 [overrides_fuzz]=8192)
# Measured under ASan: the slowest unit of most targets runs well under 1 s; a whole thematic
# list (Matrix_recommendations_2018.docx, 346 rows) takes about 2 s and a taxonomy compiles
# every rule, so theirs are 30 s (a loaded machine slows a niced fuzzer many times over).
declare -A timeout=([normalizer_fuzz]=5 [wg_report_fuzz]=10 [addendum_fuzz]=10
                    [document_reader_fuzz]=20 [state_resolver_fuzz]=2 [eval_json_fuzz]=10
                    [review_json_fuzz]=10 [thematic_list_fuzz]=30 [docx_numbering_fuzz]=10
                    [taxonomy_fuzz]=30 [profile_fuzz]=10 [overrides_fuzz]=10)

command -v clang++ >/dev/null || { echo "fuzz: clang++ missing (apt-get install clang)" >&2; exit 1; }
# UPRX_FUZZ_BUILD names a build directory already configured with -DUPRX_FUZZ=ON (the
# sanitizer build of scripts/sanitize.sh is one), so that the suite builds everything once.
build=${UPRX_FUZZ_BUILD:-build-fuzz}
if ! grep -q '^UPRX_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DUPRX_FUZZ=ON -DUPRX_BUILD_TESTS=OFF -DUPRX_BUILD_BENCHMARKS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target "${targets[@]}" uprx
tests/fuzz/make_seeds.sh "$build/seeds"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t artifacts=$build/artifacts/$t log=$build/logs/$t.log
  mkdir -p "$corpus" "$artifacts" "$build/logs"
  dirs=("$corpus" "$build/seeds/$t")
  [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
  start=$(date +%s)
  rc=0
  "$build/tests/fuzz/$t" -max_total_time="$seconds" -max_len="${max_len[$t]}" \
    -timeout="${timeout[$t]}" -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
    -close_fd_mask=1 -seed="${UPRX_FUZZ_SEED:-0}" -artifact_prefix="$artifacts/" "${dirs[@]}" \
    >"$log" 2>&1 || rc=$?
  took=$(($(date +%s) - start))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  units=$(ls "$corpus" | wc -l)
  if [ "$rc" -eq 0 ]; then
    printf 'fuzz: %-22s %10s execs %5ss  corpus %5d  ok\n' "$t" "$execs" "$took" "$units"
  else
    what=$(grep -m 1 -E '^==[0-9]+==ERROR|runtime error|ERROR: libFuzzer|deadly signal' "$log" ||
           echo "exit $rc")
    printf 'fuzz: %-22s %10s execs %5ss  FOUND: %s\n' "$t" "$execs" "$took" "$what"
    grep -E 'Test unit written to' "$log" | sed 's/^/fuzz:   /' || true
    echo "fuzz:   log: $log"
    failed+=("$t")
  fi
done
passed=$(( ${#targets[@]} - ${#failed[@]} ))
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}" >&2
  echo "fuzz: ${passed} passed, ${#failed[@]} failed"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash, leak or timeout"
echo "fuzz: ${passed} passed, 0 failed"
