#!/usr/bin/python3
"""Regenerates test/audio/fixtures/: deterministic 16-bit WAV signals and, for each, the reference
features (features.py) computed on the samples exactly as a reader decodes them (int16 / 32768).

    /usr/bin/python3 test/audio/reference/make_fixtures.py
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable

import numpy as np
import scipy.signal
import soundfile as sf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features  # noqa: E402

OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))


def t_axis(sr: int, seconds: float) -> np.ndarray:
    return np.arange(int(round(sr * seconds))) / sr


def to_int16(y: np.ndarray) -> np.ndarray:
    """Quantise ourselves (round, clip) so the WAV holds exactly these integers."""
    return np.clip(np.round(np.asarray(y) * 32768.0), -32768, 32767).astype(np.int16)


# -- signals: each returns (sr, int16 array of shape (samples,) or (samples, channels)) ------------


def sine440() -> tuple[int, np.ndarray]:
    sr = 22050
    t = t_axis(sr, 2.0)
    return sr, to_int16(0.5 * np.sin(2 * np.pi * 440.0 * t))


def mix_stereo() -> tuple[int, np.ndarray]:
    sr = 16000
    t = t_axis(sr, 3.0)
    rng = np.random.default_rng(20240501)
    left = 0.4 * scipy.signal.chirp(t, f0=100.0, t1=3.0, f1=4000.0, method="linear") + 0.05 * rng.standard_normal(t.size)
    right = 0.3 * np.sin(2 * np.pi * 330.0 * t) + 0.2 * np.sin(2 * np.pi * 1250.0 * t)
    right[(t >= 1.2) & (t < 1.8)] = 0.0  # exact digital silence: power_to_db's top_db floor engages
    return sr, np.stack([to_int16(left), to_int16(right)], axis=1)


def blackman_noise() -> tuple[int, np.ndarray]:
    sr = 8000
    n = 2 * sr
    rng = np.random.default_rng(7)
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1.0 / sr)
    spec[1:] /= np.sqrt(f[1:] / f[1])  # 1/f power: pink-ish
    spec[0] = 0.0
    y = np.fft.irfft(spec, n)
    return sr, to_int16(0.5 * y / np.max(np.abs(y)))


def clicks(bpm: float) -> Callable[[], tuple[int, np.ndarray]]:
    def make() -> tuple[int, np.ndarray]:
        sr = 8000
        n = 20 * sr  # 20 s rather than 30 s keeps the committed fixtures under ~2 MB
        rng = np.random.default_rng(int(bpm))
        y = 0.002 * rng.standard_normal(n)
        burst_len = int(0.010 * sr)
        tb = np.arange(burst_len) / sr
        burst = 0.6 * np.sin(2 * np.pi * 1000.0 * tb)
        period = 60.0 / bpm
        start = 0.25
        k = 0
        while True:
            i0 = int(round((start + k * period) * sr))
            if i0 + burst_len > n:
                break
            y[i0 : i0 + burst_len] += burst
            k += 1
        return sr, to_int16(y)

    return make


def silence_tail() -> tuple[int, np.ndarray]:
    sr = 8000
    t = t_axis(sr, 3.0)
    y = 0.5 * np.sin(2 * np.pi * 500.0 * t)
    y[t >= 1.0] = 0.0
    return sr, to_int16(y)


def silence() -> tuple[int, np.ndarray]:
    sr = 8000
    return sr, np.zeros(sr, dtype=np.int16)


def tiny_blip() -> tuple[int, np.ndarray]:
    """300 samples, shorter than one hop: a single frame, padding on both sides."""
    sr = 8000
    t = np.arange(300) / sr
    return sr, to_int16(0.25 * np.sin(2 * np.pi * 700.0 * t) * np.hanning(300))


FIXTURES: list[tuple[str, Callable[[], tuple[int, np.ndarray]], dict[str, Any]]] = [
    ("sine440", sine440, {}),
    (
        "mix_stereo",
        mix_stereo,
        {"window": "hamming", "mel_scale": "htk", "n_fft": 1024, "hop": 256, "n_mels": 40, "n_mfcc": 13,
         "rolloff_percent": 0.9, "top_db": 60.0},
    ),
    ("blackman_noise", blackman_noise, {"window": "blackman", "n_fft": 512, "hop": 128}),
    ("clicks_90", clicks(90.0), {}),
    ("clicks_150", clicks(150.0), {}),
    ("silence_tail", silence_tail, {}),
    ("silence", silence, {}),
    ("tiny_blip", tiny_blip, {}),
]


def build(name: str, make: Callable[[], tuple[int, np.ndarray]], overrides: dict[str, Any]) -> dict[str, Any]:
    sr, pcm = make()
    wav_path = os.path.join(OUT_DIR, f"{name}.wav")
    sf.write(wav_path, pcm, sr, subtype="PCM_16")
    decoded, sr_read = sf.read(wav_path, dtype="float32", always_2d=True)
    expected = (np.atleast_2d(pcm.T).T.astype(np.float32) / np.float32(32768.0)).reshape(decoded.shape)
    assert sr_read == sr and np.array_equal(decoded, expected), f"{name}: WAV round trip changed the samples"

    params = dict(features.DEFAULT_PARAMS)
    params.update(overrides)
    n_frames = features.n_frames_for(decoded.shape[0], params["hop"])
    frames = sorted({0, n_frames // 2, n_frames - 1})
    res = features.analyze(decoded.T, sr, params, power_frames=frames)

    channels = []
    for ch in res["channels"]:
        channels.append(
            {
                "power_frames": {"frames": frames, "power": [ch["power_frames"][t] for t in frames]},
                "centroid": ch["centroid"],
                "bandwidth": ch["bandwidth"],
                "rolloff": ch["rolloff"],
                "flatness": ch["flatness"],
                "flux": ch["flux"],
                "rms": ch["rms"],
                "zcr": ch["zcr"],
                "mel_db_frames": {"frames": frames, "mel_db": [ch["mel_db"][:, t] for t in frames]},
                "mfcc": ch["mfcc"].T,
                "chroma": ch["chroma"].T,
                "onset_env": ch["onset_env"],
                "tempogram_mean": ch["tempogram_mean"],
                "tempo": ch["tempo"],
                "beats": ch["beats"],
                "onsets": ch["onsets"],
            }
        )
    doc = {"wav": f"{name}.wav", "sr": sr, "params": params, "n_frames": n_frames, "channels": channels}
    out = features.to_jsonable(doc)
    # Tempo is compared exactly: keep it at full precision.
    for ch_out, ch in zip(out["channels"], channels):
        ch_out["tempo"] = float(ch["tempo"])
    return out


def main() -> int:
    os.makedirs(OUT_DIR, exist_ok=True)
    only = set(sys.argv[1:])
    for name, make, overrides in FIXTURES:
        if only and name not in only:
            continue
        doc = build(name, make, overrides)
        with open(os.path.join(OUT_DIR, f"{name}.json"), "w") as fh:
            json.dump(doc, fh, separators=(",", ":"))
            fh.write("\n")
        summary = ", ".join(
            f"ch{i}: tempo {c['tempo']:.2f} bpm, {len(c['beats'])} beats, {len(c['onsets'])} onsets"
            for i, c in enumerate(doc["channels"])
        )
        print(f"{name}: {doc['n_frames']} frames; {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
