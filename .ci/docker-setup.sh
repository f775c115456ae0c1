#!/usr/bin/env bash
# Makes the Telcoflow simulator image and the demo's image available for the container tests
# (*IntegrationTests in telcoflow-test and telcoflow-deployment-tests) on a machine that has no
# running Docker engine and can pull no image:
#
#   1. starts a Docker engine if none answers (installs docker.io first if dockerd is missing),
#      with no bridge and no iptables: containers use host networking only;
#   2. creates a base image WITHOUT pulling: `docker import` of a root file system holding this
#      machine's JDK 17 (symlinks resolved) and the shared libraries it links (skipped when the
#      image already exists);
#   3. packages telcoflow-test and telcoflow-demo-app (and what they need) and builds the simulator
#      image and the demo's image on that base.
#
# Environment (all optional):
#   TELCOFLOW_SIMULATOR_IMAGE  tag of the simulator image      (default telcoflow/simulator:test)
#   TELCOFLOW_DEMO_IMAGE       tag of the demo's image          (default telcoflow/demo-app:test)
#   TELCOFLOW_BASE_JDK         JDK to put in the base image     (default /usr/lib/jvm/java-17-openjdk-amd64,
#                              else the one of `java` on the PATH)
#   TELCOFLOW_DOCKER_WORK      working directory, dockerd log   (default /tmp/telcoflow-docker)
#   TELCOFLOW_SKIP_PACKAGE     "true": telcoflow-test and telcoflow-demo-app are already packaged,
#                              do not run Maven
#   TELCOFLOW_MAVEN_REPO_LOCAL local Maven repository to package with (-Dmaven.repo.local=...), for a
#                              build that does not use ~/.m2/repository
#   TELCOFLOW_MAVEN_ARGS       further arguments for that Maven run, such as "-s ci-settings.xml" for a
#                              mirror of Maven Central (split on spaces)
# Stop the engine again with .ci/docker-teardown.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
IMAGE="${TELCOFLOW_SIMULATOR_IMAGE:-telcoflow/simulator:test}"
DEMO_IMAGE="${TELCOFLOW_DEMO_IMAGE:-telcoflow/demo-app:test}"
JDK="${TELCOFLOW_BASE_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [ ! -x "$JDK/bin/java" ]; then
	# Elsewhere: the JDK of the java on the PATH (it must be 17 or later).
	JDK="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
JDK="$(readlink -f "$JDK")"
WORK="${TELCOFLOW_DOCKER_WORK:-/tmp/telcoflow-docker}"
mkdir -p "$WORK"

started_at=$SECONDS
step_at=$SECONDS
step() {
	echo "docker-setup: $1 ($((SECONDS - step_at)) s)"
	step_at=$SECONDS
}

# 1. Engine ----------------------------------------------------------------------------------------
if ! docker info > /dev/null 2>&1; then
	if ! command -v dockerd > /dev/null 2>&1; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q > "$WORK/apt.log" 2>&1
		apt-get install -y -q docker.io >> "$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log"; exit 1; }
		step "installed docker.io"
	fi
	# No bridge and no iptables: nothing is routed off this machine; containers run with
	# --network host and listen on 127.0.0.1.
	nohup dockerd --bridge=none --iptables=false --ip6tables=false > "$WORK/dockerd.log" 2>&1 &
	echo $! > "$WORK/dockerd.pid"
	for _ in $(seq 1 60); do
		docker info > /dev/null 2>&1 && break
		sleep 0.5
	done
	if ! docker info > /dev/null 2>&1; then
		echo "docker-setup: dockerd did not come up; last lines of $WORK/dockerd.log:" >&2
		tail -20 "$WORK/dockerd.log" >&2
		exit 1
	fi
	step "started dockerd (log: $WORK/dockerd.log)"
fi

# 2. Base image from this machine's JDK, no pull -------------------------------------------------------
java_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$JDK/release")"
BASE_IMAGE="telcoflow/local-jre:${java_version:-17}"
if ! docker image inspect "$BASE_IMAGE" > /dev/null 2>&1; then
	rootfs="$(mktemp -d "$WORK/rootfs.XXXXXX")"
	mkdir -p "$rootfs/opt/java" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
	chmod 1777 "$rootfs/tmp"
	# Copy the runtime parts of the JDK, following symlinks (Debian links conf and cacerts into /etc).
	excludes=(--exclude=./jmods --exclude=./src.zip --exclude=./lib/src.zip --exclude=./docs
		--exclude=./man --exclude=./include --exclude=./demo --exclude=./legal)
	tar -C "$JDK" -chf - "${excludes[@]}" . | tar -C "$rootfs/opt/java" -xf -
	# The shared libraries the JDK links, at the paths the dynamic loader looks in.
	mapfile -t libs < <(find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
		-exec ldd {} \; 2> /dev/null | grep -oE '(=> )?/[^ ]+ \(0x' | sed -E 's/^=> //; s/ \(0x$//' | sort -u)
	for lib in "${libs[@]}"; do
		case "$lib" in "$rootfs"*) continue ;; esac
		mkdir -p "$rootfs$(dirname "$lib")"
		cp -L "$lib" "$rootfs$lib"
	done
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' > "$rootfs/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
	printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
	tar -C "$rootfs" -cf - . | docker import \
		--change 'ENV JAVA_HOME=/opt/java' \
		--change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' \
		- "$BASE_IMAGE" > /dev/null
	rm -rf "$rootfs"
	docker run --rm --network host "$BASE_IMAGE" java -version > "$WORK/base-java-version.txt" 2>&1 || {
		cat "$WORK/base-java-version.txt" >&2
		echo "docker-setup: the base image $BASE_IMAGE cannot run java" >&2
		exit 1
	}
	step "created base image $BASE_IMAGE ($(docker image inspect -f '{{.Size}}' "$BASE_IMAGE") bytes)"
else
	step "base image $BASE_IMAGE exists"
fi

# 3. Simulator and demo images ------------------------------------------------------------------------
if [ "${TELCOFLOW_SKIP_PACKAGE:-false}" != "true" ]; then
	maven_args=(-B -q -pl telcoflow-test,telcoflow-demo-app -am package -DskipTests)
	if [ -n "${TELCOFLOW_MAVEN_REPO_LOCAL:-}" ]; then
		maven_args+=("-Dmaven.repo.local=$TELCOFLOW_MAVEN_REPO_LOCAL")
	fi
	if [ -n "${TELCOFLOW_MAVEN_ARGS:-}" ]; then
		read -r -a extra_args <<< "$TELCOFLOW_MAVEN_ARGS"
		maven_args+=("${extra_args[@]}")
	fi
	(cd "$ROOT" && ./mvnw "${maven_args[@]}") > "$WORK/package.log" 2>&1 || {
		tail -40 "$WORK/package.log"
		exit 1
	}
	step "packaged telcoflow-test and telcoflow-demo-app (./mvnw ${maven_args[*]})"
fi
# The same way for both: the module's target/docker (Dockerfile, lib/ ...) on the base image.
build_image() {
	local module="$1" tag="$2" context="$ROOT/$1/target/docker"
	if [ ! -f "$context/Dockerfile" ] || [ ! -d "$context/lib" ]; then
		echo "docker-setup: $context/lib is missing: package $module first" >&2
		exit 1
	fi
	docker build -q --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$tag" "$context" > "$WORK/build.log" 2>&1 || {
		cat "$WORK/build.log" >&2
		exit 1
	}
	step "built $tag"
}
build_image telcoflow-test "$IMAGE"
build_image telcoflow-demo-app "$DEMO_IMAGE"
echo "docker-setup: done in $((SECONDS - started_at)) s"
