#!/usr/bin/env bash
# Copied unchanged (apart from these two lines) from the shared benchmark definitions (audio_gen.sh), so that
# the audio benchmark runs from a fresh clone; bench/audio/run.js calls it.
# Deterministic test audio: 48 kHz, stereo, 16-bit PCM WAV.
# Mix = tones (L: 440 Hz + 110->1760 Hz linear sweep over the whole file,
#              R: 660 Hz + 1760->110 Hz sweep)  at -v 0.20 each
#     + pink noise (sox -R seeds the PRNG -> repeatable)   at -v 0.05
#     + click track at 120 BPM: 10 ms 2 kHz sine burst every 0.5 s, at -v 0.45
# No dither (-D).  Usage: gen_audio.sh SECONDS OUT.wav
set -euo pipefail
DUR=${1:?seconds}; OUT=${2:?out.wav}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
SR=48000
# one beat (0.5 s @ 120 BPM): 10 ms click + 490 ms silence
sox -R -D -n -r $SR -c 2 -b 16 "$TMP/beat.wav" synth 0.010 sine 2000 fade h 0 0.010 0.008 pad 0 0.490
BEATS=$(( DUR * 2 ))
sox -R -D -m \
  -v 0.20 "|sox -R -D -n -r $SR -c 2 -p synth $DUR sine 440 sine 660" \
  -v 0.20 "|sox -R -D -n -r $SR -c 2 -p synth $DUR sine 110:1760 sine 1760:110" \
  -v 0.05 "|sox -R -D -n -r $SR -c 2 -p synth $DUR pinknoise" \
  -v 0.45 "|sox -R -D $TMP/beat.wav -p repeat $(( BEATS - 1 ))" \
  -r $SR -c 2 -b 16 -e signed-integer "$OUT"
soxi "$OUT"
