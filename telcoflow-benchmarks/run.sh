#!/usr/bin/env bash
# Reproduces every figure of docs/performance.md. Loopback only; every run stops by itself.
#
#   telcoflow-benchmarks/run.sh build            build the module (profile 'benchmarks'), its dependencies copied to target/lib
#   telcoflow-benchmarks/run.sh smoke            ~1 minute: 20 calls against each application, one short run (CI)
#   telcoflow-benchmarks/run.sh load [ARGS]      the load harness (see HarnessOptions: --mode run|ramp|soak ...)
#   telcoflow-benchmarks/run.sh jmh [ARGS]       JMH microbenchmarks (JMH's own arguments)
#   telcoflow-benchmarks/run.sh all              the full set in docs/performance.md (about 80 minutes)
#   telcoflow-benchmarks/run.sh transport        wss:// and mTLS, paced and burst arrival, both JDKs (issue 10's figures)
#   telcoflow-benchmarks/run.sh stacks [ARGS]    the WebSocket client stack comparison (docs/transport-stacks.md;
#                                                options in StackHarness, e.g. --calls 200 --schemes wss --repeat 1)
#   telcoflow-benchmarks/run.sh audio            docs/audio.md: resampler vs SoX and the JDK, G.711 vs the JDK and SoX,
#                                                streams per core, voice activity on a labelled set (needs sox, espeak-ng)
#   telcoflow-benchmarks/run.sh speech           docs/offline-speech.md: start-up and per-sentence latency of the offline
#                                                speech models (FreeTTS, Sphinx4 grammar and language model)
#   telcoflow-benchmarks/run.sh agent            the voice agent pipeline with instant fake models against the echo
#                                                applications, 200 calls, both JDKs (docs/performance.md, about 15 minutes)
#
# JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java) is the second JDK for the virtual-thread runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
java17="${JAVA:-java}"
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"

build() {
	(cd "$root" && ./mvnw -B -q -Pbenchmarks -pl telcoflow-benchmarks -am package -DskipTests)
}

classpath() {
	[ -d "$here/target/lib" ] || build
	echo "$here/target/classes:$here/target/lib/*"
}

load() {
	cd "$here"
	"$java17" -Xmx2g -cp "$(classpath)" io.telcoflow.benchmarks.load.LoadHarness "$@"
}

jmh() {
	cd "$here"
	"$java17" -cp "$(classpath)" org.openjdk.jmh.Main "$@"
}

case "${1:-}" in
	build) build ;;
	smoke)
		build
		# exits non-zero when either application echoed nothing or lost more than 1 % of the frames
		load --mode run --calls 20 --seconds 5 --warmup 2 --repeat 1 --label smoke --results target/smoke.txt
		;;
	load) shift; load "$@" ;;
	jmh) shift; jmh "$@" ;;
	all)
		build
		load --mode run --calls 200 --repeat 3 --label java17-platform
		load --mode run --calls 200 --repeat 3 --label java25-virtual --java "$java25" --virtual true
		load --mode ramp --ramp-start 100 --ramp-step 100 --ramp-max 1500 --seconds 10 --label ramp-java17-platform
		load --mode ramp --ramp-start 100 --ramp-step 100 --ramp-max 1500 --seconds 10 --label ramp-java25-virtual \
			--java "$java25" --virtual true
		jmh -f 1 -wi 3 -w 1s -i 5 -r 1s -rf text -rff "$here/target/jmh.txt"
		load --mode soak --apps sdk,sdk-listener --calls 200 --seconds 110 --warmup 10 --repeat 5 --label soak-java17-platform
		;;
	transport)
		# issue 10's figures (docs/performance.md, "Production transport"): about 25 minutes; the plain
		# stream loop may lose frames under load (a run marked FAILED), which is what it measures
		build
		all4=sdk,sdk-live,sdk-listener,baseline
		load --mode run --calls 200 --seconds 10 --repeat 3 --transport wss --apps "$all4" --label wss-java17-platform || true
		load --mode run --calls 200 --seconds 10 --repeat 1 --transport wss --apps "$all4" --label wss-java25-virtual \
			--java "$java25" --virtual true || true
		load --mode run --calls 200 --seconds 10 --repeat 1 --transport mtls --apps sdk-listener,baseline \
			--label mtls-java17-platform
		load --mode run --calls 200 --seconds 5 --repeat 3 --transport ws --arrival burst --apps sdk-listener,baseline \
			--label burst-ws-java17-platform
		load --mode run --calls 200 --seconds 5 --repeat 3 --transport wss --arrival burst --apps sdk-listener,baseline \
			--label burst-wss-java17-platform
		load --mode run --calls 500 --seconds 10 --repeat 1 --transport wss --apps sdk-listener,baseline \
			--label wss-500-java17-platform
		load --mode run --calls 500 --seconds 10 --repeat 1 --transport wss --apps sdk,sdk-listener,baseline \
			--label wss-500-java25-virtual --java "$java25" --virtual true || true
		;;
	stacks)
		shift
		cd "$here"
		# the harness JVM is the echo server; it starts one client JVM per stack and run (--java for another JDK)
		"$java17" -Xms512m -Xmx2g -cp "$(classpath)" io.telcoflow.benchmarks.stacks.StackHarness "$@"
		;;
	audio)
		build
		audio() { (cd "$here" && "$java17" -cp "$(classpath)" "io.telcoflow.benchmarks.audio.$1" "${@:2}"); }
		audio ResamplerComparison
		audio G711Comparison
		audio ResamplerThroughput
		for conversion in 24k-16k 24k-8k 16k-24k ulaw8k-24k 24k-ulaw8k baseline; do
			audio ResamplerThroughput "$conversion"
		done
		audio VadEvaluation
		jmh ResamplerBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
		;;
	speech)
		build
		speech() { (cd "$here" && "$java17" -Xmx1g -cp "$(classpath)" io.telcoflow.benchmarks.speech.OfflineSpeechMeasurements "$@"); }
		speech
		for model in tts grammar language-model; do
			speech "$model"
		done
		;;
	agent)
		# issue 14's figures (docs/performance.md, "Voice agent pipeline"): the agent's CPU beside the
		# echo applications' in the same run, and the latency it adds to a turn on the simulator's clock
		build
		apps=sdk-agent,sdk-listener,sdk
		load --mode run --calls 200 --seconds 20 --repeat 3 --apps "$apps" --label agent-java17-platform
		load --mode run --calls 200 --seconds 20 --repeat 1 --apps "$apps" --label agent-java25-virtual \
			--java "$java25" --virtual true
		;;
	*) sed -n '2,17p' "$0"; exit 2 ;;
esac
