#!/usr/bin/env bash
# The engine benchmark of issue 3 (results go into BENCHMARKS.md, section "Local engine (issue 3)"), with issue 10's
# latency check: this checkout's engine against an earlier commit's, measured in the same run on the same images.
#
#   bench/engine-bench.sh [--count N] [--seed S] [--with-hard] [--engines local,local-1t,tesseract] [--keep DIR]
#                         [--baseline-ref REF] [--quiet-wait DURATION]
#
#   bench/engine-bench.sh --baseline-ref f284aa1      # issue 10: against the engine as it was before its work
#
# 1. checks the prerequisites and names any missing Debian package (Tesseract's only when --engines has tesseract,
#    git's only with --baseline-ref);
# 2. generates N (default 200) readable synthetic cards with seed S (default 2026, not the fixtures' seed 3, so the
#    engine is measured on cards it was not tuned on) into a temporary folder (or DIR with --keep); --with-hard
#    adds the deliberately unreadable variant, reported as a separate set;
# 3. with --baseline-ref REF: checks REF out into a temporary git worktree (git worktree add --detach), builds its
#    main classes there (mvn compile) and runs its engine `local` (its own defaults) in a JVM of its own, since its
#    classes clash with the current ones;
# 4. runs each engine of --engines warm, one call at a time, on the dev set (../shared/datasets/idcards-dev) and on
#    the synthetic set: the local engine in-process with its defaults (2 threads per recognition) and, as the
#    thread baseline, with 1 thread (local-1t), Tesseract 5 chi_sim through the engine's field extractor;
# 5. prints the Markdown report and writes it to target/bench/engine-bench.md: the tables, a "clean-card p50" line
#    per engine and, with a baseline, "clean p50: current X ms vs baseline Y ms (+Z%, limit +25%)" and both engines
#    per set and variant (p50, CPU per side, fields), then the baseline run's own report (also
#    target/bench/engine-bench-baseline.md); every timed call goes to the …-samples.tsv beside each report.
#
# Both JVMs run the same harness: this checkout's benchmark sources (src/test/java, EngineBenchmark and what it
# uses), compiled by javac against that side's engine classes (a harness calling engine API that REF lacks fails
# here, before anything is measured); the same images, warm-up and flags, JVM options (-Xmx256m) and logging
# configuration (src/test/resources/logback-test.xml). The baseline runs first, then the current engines, so the two
# `local` runs are back to back. Each engine waits for the machine to be 85% idle: up to --quiet-wait (ISO-8601,
# default PT10M); PT0S only samples it once (smoke runs). Timings on the shared 2-core box swing by ±30% under load.
# The temporary folder and worktree are removed on exit, Ctrl-C included.
set -euo pipefail
cd "$(dirname "$0")/.."

count=200
seed=2026
engines=local,local-1t,tesseract
keep=""
hard=()
baseline_ref=""
quiet_wait=PT10M
while (( $# )); do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --with-hard) hard=(--with-hard); shift ;;
    --baseline-ref) baseline_ref="$2"; shift 2 ;;
    --quiet-wait) quiet_wait="$2"; shift 2 ;;
    *) echo "engine-bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

missing=()
[[ -r /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)
[[ -r /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || missing+=(fonts-dejavu-core)
command -v mvn >/dev/null || missing+=(maven)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
if [[ ",$engines," == *,tesseract,* ]]; then
  command -v tesseract >/dev/null || missing+=(tesseract-ocr)
  compgen -G "/usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata" >/dev/null || missing+=(tesseract-ocr-chi-sim)
  [[ -x /usr/bin/time ]] || missing+=(time)
fi
if [[ -n "$baseline_ref" ]]; then
  command -v git >/dev/null || missing+=(git)
fi
if (( ${#missing[@]} )); then
  echo "engine-bench: missing Debian package(s): ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 2
fi
if [[ ! -r ../shared/datasets/idcards-dev/labels.json ]]; then
  echo "engine-bench: the dev set ../shared/datasets/idcards-dev/labels.json is missing" >&2
  exit 2
fi
if [[ -n "$baseline_ref" ]]; then
  baseline_commit="$(git rev-parse --verify --quiet "$baseline_ref^{commit}")" || {
    echo "engine-bench: --baseline-ref $baseline_ref is not a commit of this repository" >&2
    exit 2
  }
fi

# Everything temporary lives in $tmp; the trap removes it (and the baseline's worktree) however the script ends.
# The JVMs run in the background under `wait`, so that a signal reaches the trap at once and the trap stops them.
tmp="$(mktemp -d -t engine-bench.XXXXXX)"
baseline_tree=""
child=""
cleanup() {
  local status=$?
  if [[ -n "$child" ]]; then
    kill "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [[ -n "$baseline_tree" && -d "$baseline_tree" ]] && ! git worktree remove --force "$baseline_tree"; then
    echo "engine-bench: could not remove the worktree $baseline_tree; once it is gone, run git worktree prune" >&2
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
run() {
  "$@" &
  child=$!
  local status=0
  wait "$child" || status=$?
  child=""
  return "$status"
}

# Maven's own output goes to stderr so stdout carries only the report.
build() { mvn -B -q -o "$@" >&2 || mvn -B -q "$@" >&2; }

# harness ENGINE_CLASSES DEPENDENCY_CLASSPATH OUT: this checkout's benchmark harness compiled against one engine.
harness() {
  mkdir -p "$3"
  if ! javac -encoding UTF-8 --release 17 -proc:none -implicit:class -d "$3" -cp "$1:$2" -sourcepath src/test/java \
      src/test/java/io/idcardstream/engine/bench/EngineBenchmark.java >"$tmp/javac.log" 2>&1; then
    cat "$tmp/javac.log" >&2
    echo "engine-bench: the benchmark harness does not compile against the engine in $1 (errors above)" >&2
    return 1
  fi
  local clash
  clash="$(comm -12 <(cd "$3" && find . -name '*.class' | sort) <(cd "$1" && find . -name '*.class' | sort))"
  if [[ -n "$clash" ]]; then
    echo "engine-bench: harness classes also among the engine's in $1: $clash" >&2
    return 1
  fi
}

if [[ -n "$keep" ]]; then
  cards="$keep"
else
  cards="$tmp/cards"
fi
# Also builds this checkout (test-compile) and writes its dependency classpath to target/test-classpath.txt.
bench/generate-synthetic.sh --count "$count" --seed "$seed" "${hard[@]}" --out "$cards" >&2

harness target/classes "$(cat target/test-classpath.txt)" "$tmp/harness"
current_commit="$(git rev-parse --short HEAD)"
if [[ -n "$(git status --porcelain -- src/main pom.xml)" ]]; then
  current_commit+=" with uncommitted changes"
fi

jvm=(java -Xmx256m -Djava.awt.headless=true -Dlogback.configurationFile="$PWD/src/test/resources/logback-test.xml")
common=(--synthetic "$cards" --quiet-wait "$quiet_wait")
mkdir -p target/bench
rm -f target/bench/engine-bench-baseline.md target/bench/engine-bench-baseline-*.tsv
baseline_args=()
if [[ -n "$baseline_ref" ]]; then
  baseline_tree="$tmp/baseline"
  git worktree add --detach --quiet "$baseline_tree" "$baseline_commit"
  short="$(git rev-parse --short "$baseline_commit")"
  echo "engine-bench: building the baseline $baseline_ref ($short) in $baseline_tree" >&2
  (cd "$baseline_tree" && build compile \
      && build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt)
  baseline_deps="$(cat "$baseline_tree/target/classpath.txt")"
  harness "$baseline_tree/target/classes" "$baseline_deps" "$tmp/harness-baseline"
  label="baseline $baseline_ref"
  [[ "$baseline_commit" == "$baseline_ref"* ]] || label+=" = $short"
  run "${jvm[@]}" -cp "$tmp/harness-baseline:$baseline_tree/target/classes:$baseline_deps" \
    io.idcardstream.engine.bench.EngineBenchmark "${common[@]}" --engines local --label "$label" \
    --engine-commit "$short" --report target/bench/engine-bench-baseline.md >/dev/null
  baseline_args=(--baseline-report target/bench/engine-bench-baseline.md)
fi

run "${jvm[@]}" -cp "$tmp/harness:target/classes:$(cat target/test-classpath.txt)" \
  io.idcardstream.engine.bench.EngineBenchmark "${common[@]}" --engines "$engines" --engine-commit "$current_commit" \
  "${baseline_args[@]}"
