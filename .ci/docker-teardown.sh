#!/usr/bin/env bash
# Undoes .ci/docker-setup.sh: removes the containers still running from the Telcoflow simulator
# image and the demo's image and stops the Docker engine that the setup script started. Images are kept (a cache for the
# next run). Safe to call when nothing was started.
set -uo pipefail

IMAGE="${TELCOFLOW_SIMULATOR_IMAGE:-telcoflow/simulator:test}"
DEMO_IMAGE="${TELCOFLOW_DEMO_IMAGE:-telcoflow/demo-app:test}"
WORK="${TELCOFLOW_DOCKER_WORK:-/tmp/telcoflow-docker}"

if docker info > /dev/null 2>&1; then
	containers="$(docker ps -aq --filter "ancestor=$IMAGE"; docker ps -aq --filter "ancestor=$DEMO_IMAGE")"
	if [ -n "$containers" ]; then
		# shellcheck disable=SC2086
		docker rm -f $containers > /dev/null
	fi
fi

if [ -f "$WORK/dockerd.pid" ]; then
	pid="$(cat "$WORK/dockerd.pid")"
	if kill -0 "$pid" 2> /dev/null; then
		kill "$pid"
		for _ in $(seq 1 40); do
			kill -0 "$pid" 2> /dev/null || break
			sleep 0.5
		done
		kill -0 "$pid" 2> /dev/null && kill -9 "$pid"
	fi
	rm -f "$WORK/dockerd.pid"
	echo "docker-teardown: stopped dockerd"
fi
exit 0
