#!/usr/bin/env bash
# Renders synthetic Chinese ID card images plus labels.json (the dev set's label format).
#
#   bench/generate-synthetic.sh [--hard-set] [--count N | --fixtures] [--with-hard] [--out DIR] [--seed S]
#
# Without --count it writes the committed fixture plan (35 images, every variant, hard ones included);
# with --count N it writes N readable images cycling through the variants (benchmarks).
# --hard-set does the same for the hard set of issue 10 (stamps, watermarks, A4 copies, pages turned by any angle,
# small cards, poor copies, glare, three-line addresses, all 56 nations, X check digits, app screenshots,
# competition-style crops, upscaled renders): with --count N it cycles through those variants and their sides;
# with --fixtures (or no --count) it writes its fixture plan (29 images).
# Default --out is target/synthetic-cards, default --seed 3. The committed fixtures were made with
#   bench/generate-synthetic.sh --out src/test/resources/io/idcardstream/engine/synthetic
#   bench/generate-synthetic.sh --hard-set --fixtures --out src/test/resources/io/idcardstream/engine/synthetic-hard
# Needs the Debian packages fonts-wqy-zenhei and fonts-dejavu-core, a JDK 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[[ -r /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)
[[ -r /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || missing+=(fonts-dejavu-core)
if (( ${#missing[@]} )); then
  echo "generate-synthetic: missing Debian package(s): ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 2
fi

args=("$@")
if [[ " $* " != *" --out "* ]]; then
  args+=(--out target/synthetic-cards)
fi

# Maven's own output goes to stderr so stdout carries only the generator's summary.
build() { mvn -B -q -o "$@" >&2 || mvn -B -q "$@" >&2; }
build test-compile
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.idcardstream.engine.synthetic.SyntheticCardGenerator "${args[@]}"
