#!/usr/bin/python3
"""Reference implementation of Heihachi's per-channel audio features (librosa 0.10 conventions).

numpy/scipy only (librosa is not installable here): every definition below re-implements the
librosa 0.10.0/0.10.1 function named in its docstring, with the deviations listed in README.md.
Input is float32 (channels, samples); FFTs run in float64 and every result is float64.

CLI:  /usr/bin/python3 test/audio/reference/features.py FILE.wav [--n-fft 2048 --hop 512 ...] > out.json
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import numpy as np
import scipy.fft
import scipy.ndimage
import scipy.signal

TINY32 = float(np.finfo(np.float32).tiny)
TINY64 = float(np.finfo(np.float64).tiny)

DEFAULT_PARAMS: dict[str, Any] = {
    "n_fft": 2048,
    "hop": 512,
    "window": "hann",
    "n_mels": 128,
    "mel_scale": "slaney",
    "n_mfcc": 20,
    "rolloff_percent": 0.85,
    "top_db": 80.0,
}

# STFT frames processed at once (bounds memory on long files).
_BLOCK_FRAMES = 2048


# -- filterbanks ------------------------------------------------------------------------------


def hz_to_mel(freq: np.ndarray, htk: bool) -> np.ndarray:
    """librosa.hz_to_mel: HTK 2595*log10(1+f/700), or Slaney (linear below 1 kHz, log above)."""
    f = np.asanyarray(freq, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(mels: np.ndarray, htk: bool) -> np.ndarray:
    """librosa.mel_to_hz, the inverse of hz_to_mel."""
    m = np.asanyarray(mels, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filterbank(sr: float, n_fft: int, n_mels: int, htk: bool) -> np.ndarray:
    """librosa.filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk, norm='slaney'), in float64."""
    fftfreqs = np.fft.rfftfreq(n_fft, 1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0, htk), hz_to_mel(sr / 2.0, htk), n_mels + 2), htk)
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, len(fftfreqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels])
    return weights * enorm[:, np.newaxis]


def _normalize(S: np.ndarray, norm: float, axis: int, threshold: float) -> np.ndarray:
    """librosa.util.normalize(fill=None): slices whose norm is below `threshold` are left as is."""
    mag = np.abs(S)
    if norm == np.inf:
        length = np.max(mag, axis=axis, keepdims=True)
    else:
        length = np.sum(mag**norm, axis=axis, keepdims=True) ** (1.0 / norm)
    length = np.where(length < threshold, 1.0, length)
    return S / length


def chroma_filterbank(sr: float, n_fft: int, n_chroma: int = 12, tuning: float = 0.0) -> np.ndarray:
    """librosa.filters.chroma(sr, n_fft, n_chroma, tuning, ctroct=5.0, octwidth=2, norm=2, base_c=True), float64."""
    ctroct, octwidth = 5.0, 2.0
    frequencies = np.linspace(0, sr, n_fft, endpoint=False)[1:]
    a440 = 440.0 * 2.0 ** (tuning / n_chroma)
    frqbins = n_chroma * np.log2(frequencies / (a440 / 16))
    # A made-up value for the 0 Hz bin, 1.5 octaves below bin 1 (librosa's comment).
    frqbins = np.concatenate(([frqbins[0] - 1.5 * n_chroma], frqbins))
    binwidthbins = np.concatenate((np.maximum(frqbins[1:] - frqbins[:-1], 1.0), [1]))
    D = np.subtract.outer(frqbins, np.arange(0, n_chroma, dtype="d")).T
    n_chroma2 = np.round(float(n_chroma) / 2)
    D = np.remainder(D + n_chroma2 + 10 * n_chroma, n_chroma) - n_chroma2
    wts = np.exp(-0.5 * (2 * D / np.tile(binwidthbins, (n_chroma, 1))) ** 2)
    wts = _normalize(wts, 2.0, 0, TINY64)
    wts *= np.tile(np.exp(-0.5 * (((frqbins / n_chroma - ctroct) / octwidth) ** 2)), (n_chroma, 1))
    wts = np.roll(wts, -3 * (n_chroma // 12), axis=0)
    return np.ascontiguousarray(wts[:, : int(1 + n_fft / 2)])


# -- framing ----------------------------------------------------------------------------------


def n_frames_for(n_samples: int, hop: int) -> int:
    """Frames of a centred analysis: 1 + floor(samples / hop)."""
    return 1 + n_samples // hop


def _frames(padded: np.ndarray, n_fft: int, hop: int, start: int, stop: int) -> np.ndarray:
    """Frames [start, stop) of an already padded signal as a (frames, n_fft) view."""
    base = padded[start * hop :]
    return np.lib.stride_tricks.as_strided(
        base, shape=(stop - start, n_fft), strides=(hop * base.strides[0], base.strides[0]), writeable=False
    )


def get_window(name: str, n: int) -> np.ndarray:
    """Periodic window, scipy.signal.get_window(name, n, fftbins=True)."""
    return scipy.signal.get_window(name, n, fftbins=True).astype(np.float64)


# -- rhythm -----------------------------------------------------------------------------------


def tempo_win_length(sr: float, hop: int) -> int:
    """librosa.time_to_frames(8.0, sr, hop): floor(int(8*sr) / hop)."""
    return int(int(8.0 * sr) // hop)


def tempogram_mean(onset_env: np.ndarray, win_length: int) -> np.ndarray:
    """Mean over frames of librosa.feature.tempogram(onset_envelope, win_length, center=True,
    window='hann', norm=np.inf): linear-ramp padding, hann-windowed frames at hop 1, FFT
    autocorrelation (librosa.autocorrelate), per-frame max|ac| normalisation."""
    x = np.asarray(onset_env, dtype=np.float64)
    n = x.shape[-1]
    ac_window = get_window("hann", win_length)
    pad = int(win_length // 2)
    padded = np.pad(x, (pad, pad), mode="linear_ramp", end_values=(0, 0))
    total = np.zeros(win_length)
    n_pad = scipy.fft.next_fast_len(2 * win_length - 1, real=True)
    for start in range(0, n, _BLOCK_FRAMES):
        stop = min(n, start + _BLOCK_FRAMES)
        frames = _frames(padded, win_length, 1, start, stop) * ac_window
        powspec = np.abs(scipy.fft.rfft(frames, n=n_pad, axis=-1)) ** 2
        ac = scipy.fft.irfft(powspec, n=n_pad, axis=-1)[:, :win_length]
        total += _normalize(ac, np.inf, -1, TINY64).sum(axis=0)
    return total / n


def tempo_from_tempogram(tg: np.ndarray, sr: float, hop: int, start_bpm: float = 120.0,
                         std_bpm: float = 1.0, max_tempo: float | None = 320.0) -> float:
    """librosa.feature.tempo on a frame-averaged tempogram (aggregate=np.mean, default prior)."""
    win_length = tg.shape[0]
    bpms = np.zeros(win_length)
    bpms[0] = np.inf
    bpms[1:] = 60.0 * sr / (hop * np.arange(1.0, win_length))
    with np.errstate(invalid="ignore"):
        logprior = -0.5 * ((np.log2(bpms) - np.log2(start_bpm)) / std_bpm) ** 2
    if max_tempo is not None:
        max_idx = int(np.argmax(bpms < max_tempo))
        logprior[:max_idx] = -np.inf
    best = int(np.argmax(np.log1p(1e6 * tg) + logprior))
    return float(bpms[best])


def _localmax(x: np.ndarray) -> np.ndarray:
    """librosa.util.localmax (0.10): x[i] > x[i-1] and x[i] >= x[i+1]; the first point never,
    the last when x[-1] > x[-2]. (librosa raises on a 1-element input; here: no maximum.)"""
    out = np.zeros(x.shape, dtype=bool)
    if x.shape[0] < 2:
        return out
    out[1:-1] = (x[1:-1] > x[:-2]) & (x[1:-1] >= x[2:])
    out[-1] = x[-1] > x[-2]
    return out


def beat_track(onset_env: np.ndarray, bpm: float, sr: float, hop: int, tightness: float = 100.0,
               trim: bool = True) -> np.ndarray:
    """librosa.beat.beat_track(onset_envelope, sr, hop, bpm=bpm, tightness, trim), the 0.10.0/0.10.1
    `__beat_tracker` (Ellis 2007 dynamic programme). Returns beat frames."""
    x = np.asarray(onset_env, dtype=np.float64)
    if not x.any():
        return np.array([], dtype=int)
    if bpm <= 0:
        raise ValueError("bpm must be strictly positive")
    fft_res = float(sr) / hop
    period = round(60.0 * fft_res / bpm)

    # __normalize_onsets: std with ddof=1, only when positive (a 1-frame envelope has NaN std).
    with np.errstate(invalid="ignore", divide="ignore"):
        norm = x.std(ddof=1) if x.shape[0] > 1 else np.nan
    if norm > 0:
        x = x / norm
    window = np.exp(-0.5 * (np.arange(-period, period + 1) * 32.0 / period) ** 2)
    localscore = scipy.signal.convolve(x, window, "same", method="direct")

    # __beat_track_dp
    backlink = np.zeros(localscore.shape, dtype=int)
    cumscore = np.zeros(localscore.shape)
    win = np.arange(-2 * period, -np.round(period / 2) + 1, dtype=int)
    with np.errstate(divide="ignore"):
        txwt = -tightness * (np.log(-win / period) ** 2)
    score_thresh = 0.01 * localscore.max()
    first_beat = True
    for i, score_i in enumerate(localscore):
        z_pad = np.maximum(0, min(-win[0], len(win)))
        candidates = txwt.copy()
        candidates[z_pad:] = candidates[z_pad:] + cumscore[win[z_pad:]]
        beat_location = np.argmax(candidates)
        cumscore[i] = score_i + candidates[beat_location]
        if first_beat and score_i < score_thresh:
            backlink[i] = -1
        else:
            backlink[i] = win[beat_location]
            first_beat = False
        win = win + 1

    # __last_beat
    maxes = _localmax(cumscore)
    if not maxes.any():
        return np.array([], dtype=int)
    med_score = np.median(cumscore[np.argwhere(maxes)])
    with np.errstate(invalid="ignore"):
        candidates_end = np.argwhere(cumscore * maxes * 2 > med_score)
    if candidates_end.size == 0:
        return np.array([], dtype=int)
    beats = [int(candidates_end.max())]
    while backlink[beats[-1]] >= 0:
        beats.append(int(backlink[beats[-1]]))
    beats_arr = np.array(beats[::-1], dtype=int)

    # __trim_beats: note the half-open slice, which always drops the last valid beat (librosa 0.10.0/0.10.1).
    smooth_boe = scipy.signal.convolve(localscore[beats_arr], scipy.signal.windows.hann(5, sym=True), "same",
                                       method="direct")
    threshold = 0.5 * ((smooth_boe**2).mean() ** 0.5) if trim else 0.0
    valid = np.argwhere(smooth_boe > threshold)
    if valid.size == 0:
        return np.array([], dtype=int)
    return beats_arr[valid.min() : valid.max()]


def _py_floordiv(a: float, b: float) -> float:
    return a // b


def peak_pick(x: np.ndarray, pre_max: float, post_max: float, pre_avg: float, post_avg: float,
              delta: float, wait: float) -> np.ndarray:
    """librosa.util.peak_pick (0.10.0/0.10.1, one-dimensional, scipy.ndimage based)."""
    pre_max_i = int(np.ceil(pre_max))
    post_max_i = int(np.ceil(post_max))
    pre_avg_i = int(np.ceil(pre_avg))
    post_avg_i = int(np.ceil(post_avg))
    wait_i = int(np.ceil(wait))

    max_length = pre_max_i + post_max_i
    max_origin = np.ceil(0.5 * (pre_max_i - post_max_i))
    mov_max = scipy.ndimage.maximum_filter1d(x, int(max_length), mode="constant", origin=int(max_origin), cval=x.min())

    avg_length = pre_avg_i + post_avg_i
    avg_origin = np.ceil(0.5 * (pre_avg_i - post_avg_i))
    mov_avg = scipy.ndimage.uniform_filter1d(x, int(avg_length), mode="nearest", origin=int(avg_origin))

    n = 0
    while n - pre_avg_i < 0 and n < x.shape[0]:
        start = max(n - pre_avg_i, 0)
        mov_avg[n] = np.mean(x[start : n + post_avg_i])
        n += 1
    n = max(x.shape[0] - post_avg_i, 0)
    while n < x.shape[0]:
        start = max(n - pre_avg_i, 0)
        mov_avg[n] = np.mean(x[start : n + post_avg_i])
        n += 1

    detections = x * (x == mov_max)
    detections = detections * (detections >= (mov_avg + delta))
    peaks = []
    last_onset = -np.inf
    for i in np.nonzero(detections)[0]:
        if i > last_onset + wait_i:
            peaks.append(int(i))
            last_onset = i
    return np.array(peaks, dtype=int)


def onset_detect(onset_env: np.ndarray, sr: float, hop: int) -> np.ndarray:
    """librosa.onset.onset_detect(onset_envelope, sr, hop, backtrack=False, normalize=True)."""
    x = np.asarray(onset_env, dtype=np.float64)
    x = x - x.min()
    x = x / (x.max() + TINY64)
    if not x.any() or not np.all(np.isfinite(x)):
        return np.array([], dtype=int)
    return peak_pick(
        x,
        pre_max=_py_floordiv(0.03 * sr, hop),
        post_max=_py_floordiv(0.00 * sr, hop) + 1,
        pre_avg=_py_floordiv(0.10 * sr, hop),
        post_avg=_py_floordiv(0.10 * sr, hop) + 1,
        wait=_py_floordiv(0.03 * sr, hop),
        delta=0.07,
    )


def rhythm(onset_env: np.ndarray, sr: float, hop: int) -> dict[str, Any]:
    """Tempogram mean, tempo, beats and onsets of one onset envelope (float64 arithmetic)."""
    win_length = tempo_win_length(sr, hop)
    tg = tempogram_mean(onset_env, win_length)
    tempo = tempo_from_tempogram(tg, sr, hop)
    return {
        "tempogram_mean": tg,
        "tempo": tempo,
        "beats": beat_track(onset_env, tempo, sr, hop),
        "onsets": onset_detect(onset_env, sr, hop),
    }


# -- per-channel analysis ---------------------------------------------------------------------


def analyze_channel(y: np.ndarray, sr: float, params: dict[str, Any], power_frames: list[int] | None = None
                    ) -> dict[str, Any]:
    n_fft = int(params["n_fft"])
    hop = int(params["hop"])
    htk = params["mel_scale"] == "htk"
    top_db = float(params["top_db"])
    roll_percent = float(params["rolloff_percent"])
    amin = 1e-10

    y64 = np.asarray(y, dtype=np.float32).astype(np.float64)
    n_frames = n_frames_for(y64.shape[0], hop)
    half = n_fft // 2
    window = get_window(params["window"], n_fft)
    freq = np.fft.rfftfreq(n_fft, 1.0 / sr)
    melfb = mel_filterbank(sr, n_fft, int(params["n_mels"]), htk)
    chromafb = chroma_filterbank(sr, n_fft)

    padded = np.pad(y64, (half, half), mode="constant")
    padded_edge = np.pad(y64, (half, half), mode="edge")

    out: dict[str, np.ndarray] = {
        k: np.zeros(n_frames) for k in ("centroid", "bandwidth", "rolloff", "flatness", "flux", "rms", "zcr")
    }
    mel = np.zeros((int(params["n_mels"]), n_frames))
    chroma = np.zeros((12, n_frames))
    selected = {}
    prev_S: np.ndarray | None = None

    for start in range(0, n_frames, _BLOCK_FRAMES):
        stop = min(n_frames, start + _BLOCK_FRAMES)
        frames = _frames(padded, n_fft, hop, start, stop)
        S = np.abs(scipy.fft.rfft(frames * window, axis=-1)).T  # (bins, frames)
        P = S**2
        for t in power_frames or []:
            if start <= t < stop:
                selected[t] = P[:, t - start].copy()

        # spectral_centroid / bandwidth (p=2) on S, librosa.util.normalize(norm=1) semantics
        S_norm = _normalize(S, 1.0, 0, TINY32)
        centroid = np.sum(freq[:, None] * S_norm, axis=0)
        out["centroid"][start:stop] = centroid
        deviation = np.abs(freq[:, None] - centroid[None, :])
        out["bandwidth"][start:stop] = np.sum(S_norm * deviation**2, axis=0) ** 0.5

        # spectral_rolloff: nanmin of freq where cumsum >= roll_percent * total
        total_energy = np.cumsum(S, axis=0)
        threshold = roll_percent * total_energy[-1:, :]
        ind = np.where(total_energy < threshold, np.nan, 1.0)
        out["rolloff"][start:stop] = np.nanmin(ind * freq[:, None], axis=0)

        # spectral_flatness (power=2, amin=1e-10)
        S_thresh = np.maximum(amin, S**2)
        out["flatness"][start:stop] = np.exp(np.mean(np.log(S_thresh), axis=0)) / np.mean(S_thresh, axis=0)

        # spectral flux: sum of positive magnitude differences, frame 0 -> 0
        prev = np.concatenate([S[:, :1] if prev_S is None else prev_S, S[:, :-1]], axis=1)
        out["flux"][start:stop] = np.sum(np.maximum(0.0, S - prev), axis=0)
        prev_S = S[:, -1:]

        mel[:, start:stop] = melfb @ P
        chroma[:, start:stop] = chromafb @ P

        # rms: zero padding, no window
        out["rms"][start:stop] = np.sqrt(np.mean(frames**2, axis=-1))

        # zero_crossing_rate: edge padding, |x| <= 1e-10 -> 0, signbit, pad=False
        fe = np.array(_frames(padded_edge, n_fft, hop, start, stop))
        fe[np.abs(fe) <= 1e-10] = 0.0
        sb = np.signbit(fe)
        out["zcr"][start:stop] = np.sum(sb[:, 1:] != sb[:, :-1], axis=-1) / n_fft

    # power_to_db(mel, ref=1.0, amin=1e-10, top_db): the max is over the whole channel
    mel_db = 10.0 * np.log10(np.maximum(amin, mel))
    mel_db = np.maximum(mel_db, mel_db.max() - top_db)
    mfcc = scipy.fft.dct(mel_db, type=2, norm="ortho", axis=0)[: int(params["n_mfcc"])]
    chroma = _normalize(chroma, np.inf, 0, TINY32)

    # onset_strength: mean over bands of the positive dB difference, lag 1, centred shift
    d = np.mean(np.maximum(0.0, mel_db[:, 1:] - mel_db[:, :-1]), axis=0)
    pad_width = 1 + n_fft // (2 * hop)
    onset_env = np.concatenate([np.zeros(pad_width), d])[:n_frames]
    # Rhythm runs on the envelope as the engine holds it (Float32Array), in float64 arithmetic.
    onset_env32 = onset_env.astype(np.float32).astype(np.float64)

    result: dict[str, Any] = dict(out)
    result.update(
        {
            "mel_db": mel_db,
            "mfcc": mfcc,
            "chroma": chroma,
            "onset_env": onset_env32,
            "power_frames": selected,
        }
    )
    result.update(rhythm(onset_env32, sr, hop))
    return result


def analyze(y: np.ndarray, sr: float, params: dict[str, Any] | None = None,
            power_frames: list[int] | None = None) -> dict[str, Any]:
    """Per-channel features of `y` (channels, samples) float32. Returns {'n_frames', 'channels': [...]}."""
    p = dict(DEFAULT_PARAMS)
    p.update(params or {})
    y = np.atleast_2d(np.asarray(y, dtype=np.float32))
    channels = [analyze_channel(ch, sr, p, power_frames) for ch in y]
    return {"sr": sr, "params": p, "n_frames": n_frames_for(y.shape[1], int(p["hop"])), "channels": channels}


# -- JSON -------------------------------------------------------------------------------------


def round_sig(x: float, digits: int = 9) -> float | int:
    """A float rounded to `digits` significant digits (integers stay integers)."""
    if isinstance(x, (int, np.integer)):
        return int(x)
    v = float(x)
    if not math.isfinite(v):
        raise ValueError(f"non-finite value {v}")
    if v == 0.0:
        return 0
    r = float(f"{v:.{digits}g}")
    return int(r) if r.is_integer() and abs(r) < 1e15 else r


def to_jsonable(value: Any, digits: int = 9) -> Any:
    if isinstance(value, np.ndarray):
        if np.issubdtype(value.dtype, np.integer):
            return [int(v) for v in value.ravel()] if value.ndim == 1 else [to_jsonable(r, digits) for r in value]
        if value.ndim == 1:
            return [round_sig(v, digits) for v in value]
        return [to_jsonable(r, digits) for r in value]
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v, digits) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v, digits) for k, v in value.items()}
    if isinstance(value, (float, np.floating)):
        return round_sig(value, digits)
    if isinstance(value, (int, np.integer)):
        return int(value)
    return value


def main(argv: list[str]) -> int:
    import soundfile as sf

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wav")
    ap.add_argument("--n-fft", type=int, default=DEFAULT_PARAMS["n_fft"])
    ap.add_argument("--hop", type=int, default=DEFAULT_PARAMS["hop"])
    ap.add_argument("--window", default=DEFAULT_PARAMS["window"], choices=["hann", "hamming", "blackman"])
    ap.add_argument("--n-mels", type=int, default=DEFAULT_PARAMS["n_mels"])
    ap.add_argument("--mel-scale", default=DEFAULT_PARAMS["mel_scale"], choices=["slaney", "htk"])
    ap.add_argument("--n-mfcc", type=int, default=DEFAULT_PARAMS["n_mfcc"])
    ap.add_argument("--rolloff-percent", type=float, default=DEFAULT_PARAMS["rolloff_percent"])
    ap.add_argument("--top-db", type=float, default=DEFAULT_PARAMS["top_db"])
    args = ap.parse_args(argv)
    data, sr = sf.read(args.wav, dtype="float32", always_2d=True)
    params = {
        "n_fft": args.n_fft, "hop": args.hop, "window": args.window, "n_mels": args.n_mels,
        "mel_scale": args.mel_scale, "n_mfcc": args.n_mfcc, "rolloff_percent": args.rolloff_percent,
        "top_db": args.top_db,
    }
    res = analyze(data.T, sr, params)
    for ch in res["channels"]:
        ch.pop("power_frames")
        ch["mel_db"] = ch["mel_db"].T
        ch["mfcc"] = ch["mfcc"].T
        ch["chroma"] = ch["chroma"].T
    out = to_jsonable(res)
    for ch_out, ch in zip(out["channels"], res["channels"]):
        ch_out["tempo"] = float(ch["tempo"])  # full precision: compared exactly
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
