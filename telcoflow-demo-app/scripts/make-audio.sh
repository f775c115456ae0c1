#!/usr/bin/env bash
# Regenerates the demo's speech prompts and scripted callers' phrases under
# src/main/resources/audio/ (24 kHz, mono, signed 16-bit little-endian WAV).
# Not run by the build: the WAV files are committed. Needs espeak-ng and sox
# (Debian/Ubuntu: apt-get install -y espeak-ng sox).
set -euo pipefail
cd "$(dirname "$0")/../src/main/resources/audio"

# say FILE VOICE SPEED TEXT: speech, trimmed of leading/trailing silence, 24 kHz mono s16le.
say() {
	local file=$1 voice=$2 speed=$3 text=$4
	local raw
	raw=$(mktemp --suffix=.wav)
	espeak-ng -v "$voice" -s "$speed" -w "$raw" "$text"
	sox "$raw" -r 24000 -c 1 -b 16 -e signed-integer "$file" \
		silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -3
	rm -f "$raw"
}

# The receptionist (a British English voice).
say greeting.wav   en-gb+f3 190 "Hello, Telcoflow reception. Leave a message after the tone, or press zero for a person."
say connecting.wav en-gb+f3 190 "Please hold, putting you through."
say voicemail.wav  en-gb+f3 190 "Sorry, nobody is free. Please leave a message after the tone."
say goodbye.wav    en-gb+f3 190 "Thanks for calling. Goodbye."
sox -n -r 24000 -c 1 -b 16 -e signed-integer beep.wav synth 0.25 sine 1000 vol 0.3 fade 0.01 0.25 0.01

# The scripted callers (other voices).
say caller-invoice.wav   en-us+m3 185 "Hi, this is Sam from accounts. Please call me back about the invoice."
say caller-booking.wav   en-us+f2 185 "Hello, I would like a table for two on Friday."
say caller-interrupt.wav en+m5    190 "Sorry, yes, just a quick message."

ls -l ./*.wav
du -ch ./*.wav | tail -1
