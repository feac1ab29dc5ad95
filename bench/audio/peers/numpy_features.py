#!/usr/bin/env python3
# Copied unchanged (apart from these two lines) from the shared benchmark definitions (audio_features_numpy.py),
# so that the audio benchmark runs from a fresh clone; bench/audio/run.js runs it with Debian's /usr/bin/python3.
"""numpy/scipy re-implementation of the librosa feature pipeline (librosa is not installable here).

Per channel: STFT (n_fft 2048, hop 512, periodic Hann, center=True zero pad), power spectrogram,
128-band Slaney mel (librosa.filters.mel defaults), 20 MFCC (DCT-II ortho of power_to_db(mel), top_db 80),
spectral centroid (|D|), rolloff 0.85 (|D|), spectral flux (sum of half-wave rectified |D_t|-|D_t-1|),
RMS and ZCR (2048/512 frames), onset strength (librosa.onset.onset_strength: rectified diff of dB mel,
mean over bands) and a global tempo (librosa.feature.tempo: 8 s Hann-windowed autocorrelation tempogram,
per-frame max-normalised, mean-aggregated, log-normal prior around 120 BPM, max 320 BPM).

--mode full  : librosa-style, whole-channel matrices kept alive (D, |D|, |D|^2, tempogram in one go).
--mode block : same maths in frame blocks, only the (frames x 128) mel matrix is kept per channel.
FFT via scipy.fft (float32 -> complex64, workers=-1). Autocorrelation uses n = next_fast_len(2w-1)
instead of librosa's 2w-1 (=1499, a prime); identical result for lags < w.
"""
import argparse, json, os, sys, time
import numpy as np
import scipy.fft as sfft
try:
    import soundfile as sf
except ImportError:  # e.g. pyenv python without soundfile: fall back to scipy.io.wavfile (PCM16 -> float32)
    sf = None
    from scipy.io import wavfile

SR, NFFT, HOP, NMELS, NMFCC = 48000, 2048, 512, 128, 20


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-12) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filterbank(sr=SR, n_fft=NFFT, n_mels=NMELS):
    fftfreqs = np.fft.rfftfreq(n_fft, 1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(sr / 2.0), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    w = np.zeros((n_mels, len(fftfreqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        w[i] = np.maximum(0, np.minimum(lower, upper))
    w *= (2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels]))[:, None]
    return w.astype(np.float32)


def frames_view(ypad, start_frame, n, frame_len=NFFT, hop=HOP):
    base = ypad[start_frame * hop:]
    return np.lib.stride_tricks.as_strided(base, shape=(n, frame_len), strides=(hop * base.strides[0], base.strides[0]), writeable=False)


class Timer:
    def __init__(self):
        self.t = {}

    def add(self, k, dt):
        self.t[k] = self.t.get(k, 0.0) + dt


def spectral_block(ypad, f0, nb, win, melT, freqs, prev_mag, T, out, keep=None):
    t0 = time.perf_counter()
    fr = frames_view(ypad, f0, nb)
    D = sfft.rfft(fr * win, axis=1, workers=-1)                 # (nb, 1025) complex64  = STFT
    t1 = time.perf_counter(); T.add('stft', t1 - t0)
    mag = np.abs(D)                                              # |D|
    power = np.square(mag)                                       # power spectrogram
    t2 = time.perf_counter(); T.add('power', t2 - t1)
    out['mel'][f0:f0 + nb] = power @ melT                        # (nb, 128) sgemm
    t3 = time.perf_counter(); T.add('mel', t3 - t2)
    ssum = mag.sum(axis=1)
    out['centroid'][f0:f0 + nb] = (mag @ freqs) / np.maximum(ssum, 1e-10)
    t4 = time.perf_counter(); T.add('centroid', t4 - t3)
    cs = np.cumsum(mag, axis=1)
    idx = np.argmax(cs >= (0.85 * cs[:, -1])[:, None], axis=1)
    out['rolloff'][f0:f0 + nb] = freqs[idx]
    t5 = time.perf_counter(); T.add('rolloff', t5 - t4)
    prev = mag[:1] if prev_mag is None else prev_mag
    d = np.diff(np.concatenate([prev, mag], axis=0), axis=0)
    out['flux'][f0:f0 + nb] = np.maximum(d, 0).sum(axis=1)
    t6 = time.perf_counter(); T.add('flux', t6 - t5)
    out['rms'][f0:f0 + nb] = np.sqrt(np.einsum('ij,ij->i', fr, fr) / NFFT)
    sb = np.signbit(fr)
    out['zcr'][f0:f0 + nb] = np.count_nonzero(sb[:, 1:] != sb[:, :-1], axis=1) / NFFT
    t7 = time.perf_counter(); T.add('rms_zcr', t7 - t6)
    if keep is not None:
        keep.extend([D, mag, power])
    return mag[-1:].copy()


def tempogram_mean(onset, win_len, chunk):
    """librosa.feature.tempogram(center=True, window='hann', norm=inf) aggregated with mean."""
    n = onset.shape[0]
    pad = np.pad(onset.astype(np.float32), win_len // 2, mode='linear_ramp', end_values=[0, 0])
    w = np.hanning(win_len + 1)[:-1].astype(np.float32)  # periodic hann
    nfft = sfft.next_fast_len(2 * win_len - 1, real=True)
    acc = np.zeros(win_len, dtype=np.float64)
    for s in range(0, n, chunk):
        nb = min(chunk, n - s)
        fr = frames_view(pad, s, nb, frame_len=win_len, hop=1) * w
        ps = sfft.rfft(fr, n=nfft, axis=1, workers=-1)
        ps = (ps.real ** 2 + ps.imag ** 2)
        ac = sfft.irfft(ps, n=nfft, axis=1, workers=-1)[:, :win_len]
        mx = np.max(np.abs(ac), axis=1, keepdims=True)
        ac /= np.where(mx > 0, mx, 1)
        acc += ac.sum(axis=0, dtype=np.float64)
    return acc / n


def tempo_from_tg(tg, win_len, sr=SR, hop=HOP, start_bpm=120.0, std_bpm=1.0, max_tempo=320.0):
    lags = np.arange(win_len, dtype=np.float64)
    with np.errstate(divide='ignore'):
        bpms = 60.0 * sr / (hop * lags)
    bpms[0] = np.inf
    with np.errstate(divide='ignore', invalid='ignore'):
        logprior = -0.5 * ((np.log2(bpms) - np.log2(start_bpm)) / std_bpm) ** 2
    max_idx = int(np.argmax(bpms < max_tempo))
    logprior[:max_idx] = -np.inf
    best = int(np.argmax(np.log1p(1e6 * tg) + logprior))
    return float(bpms[best])


def process_channel(y, mode, block, melT, freqs, win, T):
    t0 = time.perf_counter()
    ypad = np.pad(y, NFFT // 2, mode='constant')
    n_frames = 1 + len(y) // HOP
    out = {k: np.empty(n_frames, np.float32) for k in ('centroid', 'rolloff', 'flux', 'rms', 'zcr')}
    out['mel'] = np.empty((n_frames, NMELS), np.float32)
    T.add('pad', time.perf_counter() - t0)
    keep = [] if mode == 'full' else None
    if mode == 'full':
        # librosa.stft fills a preallocated complex64 matrix in ~256 KiB-column chunks; we do the same and then
        # compute every feature on the whole-channel matrices (as librosa feature calls with S= would).
        t1 = time.perf_counter()
        D = np.empty((n_frames, NFFT // 2 + 1), np.complex64)
        step = 4096
        for s in range(0, n_frames, step):
            nb = min(step, n_frames - s)
            D[s:s + nb] = sfft.rfft(frames_view(ypad, s, nb) * win, axis=1, workers=-1)
        T.add('stft', time.perf_counter() - t1)
        t1 = time.perf_counter(); mag = np.abs(D); power = np.square(mag); T.add('power', time.perf_counter() - t1)
        t1 = time.perf_counter(); out['mel'][:] = power @ melT; T.add('mel', time.perf_counter() - t1)
        t1 = time.perf_counter(); out['centroid'][:] = (mag @ freqs) / np.maximum(mag.sum(axis=1), 1e-10); T.add('centroid', time.perf_counter() - t1)
        t1 = time.perf_counter()
        cs = np.cumsum(mag, axis=1)
        out['rolloff'][:] = freqs[np.argmax(cs >= (0.85 * cs[:, -1])[:, None], axis=1)]
        del cs
        T.add('rolloff', time.perf_counter() - t1)
        t1 = time.perf_counter()
        d = np.diff(mag, axis=0, prepend=mag[:1]); out['flux'][:] = np.maximum(d, 0).sum(axis=1); del d
        T.add('flux', time.perf_counter() - t1)
        t1 = time.perf_counter()
        fr = frames_view(ypad, 0, n_frames)
        out['rms'][:] = np.sqrt(np.einsum('ij,ij->i', fr, fr) / NFFT)
        sb = np.signbit(fr)
        out['zcr'][:] = np.count_nonzero(sb[:, 1:] != sb[:, :-1], axis=1) / NFFT
        del sb
        T.add('rms_zcr', time.perf_counter() - t1)
        keep.extend([D, mag, power])
    else:
        prev = None
        for s in range(0, n_frames, block):
            prev = spectral_block(ypad, s, min(block, n_frames - s), win, melT, freqs, prev, T, out)
    # log-mel, MFCC, onset strength, tempo
    t1 = time.perf_counter()
    mel = out['mel']
    S_db = 10.0 * np.log10(np.maximum(mel, 1e-10))
    np.maximum(S_db, S_db.max() - 80.0, out=S_db)
    T.add('power_to_db', time.perf_counter() - t1)
    t1 = time.perf_counter()
    out['mfcc'] = sfft.dct(S_db, type=2, norm='ortho', axis=1, workers=-1)[:, :NMFCC]
    T.add('mfcc', time.perf_counter() - t1)
    t1 = time.perf_counter()
    lag, pad = 1, 1 + NFFT // (2 * HOP)
    oe = np.maximum(0.0, S_db[lag:] - S_db[:-lag]).mean(axis=1)
    oe = np.pad(oe, (pad, 0))[:n_frames]
    out['onset'] = oe
    T.add('onset', time.perf_counter() - t1)
    t1 = time.perf_counter()
    win_len = int(8.0 * SR / HOP)
    tg = tempogram_mean(oe, win_len, chunk=(n_frames if mode == 'full' else 16384))
    out['tempo'] = tempo_from_tg(tg, win_len)
    T.add('tempo', time.perf_counter() - t1)
    del keep
    return out, n_frames


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('wav')
    ap.add_argument('--mode', choices=['full', 'block'], default='block')
    ap.add_argument('--block', type=int, default=1024)
    a = ap.parse_args()
    T = Timer()
    t_start = time.perf_counter()
    t0 = time.perf_counter()
    if sf is not None:
        x, sr = sf.read(a.wav, dtype='float32', always_2d=True)
    else:
        sr, x16 = wavfile.read(a.wav, mmap=True)
        x = (x16.astype(np.float32) * np.float32(1 / 32768)).reshape(x16.shape[0], -1)
    assert sr == SR, sr
    T.add('read_decode', time.perf_counter() - t0)
    melT = np.ascontiguousarray(mel_filterbank().T)
    freqs = np.fft.rfftfreq(NFFT, 1.0 / SR).astype(np.float32)
    win = (np.hanning(NFFT + 1)[:-1]).astype(np.float32)  # periodic Hann == scipy get_window('hann', fftbins=True)
    summary = {'mode': a.mode, 'block': a.block, 'channels': []}
    frames_total = 0
    for c in range(x.shape[1]):
        t0 = time.perf_counter(); y = np.ascontiguousarray(x[:, c]); T.add('deinterleave', time.perf_counter() - t0)
        out, nf = process_channel(y, a.mode, a.block, melT, freqs, win, T)
        frames_total += nf
        summary['channels'].append({
            'frames': nf, 'tempo_bpm': round(out['tempo'], 3),
            'centroid_mean': round(float(out['centroid'].mean()), 2), 'rolloff_mean': round(float(out['rolloff'].mean()), 2),
            'flux_mean': round(float(out['flux'].mean()), 4), 'rms_mean': round(float(out['rms'].mean()), 5),
            'zcr_mean': round(float(out['zcr'].mean()), 5), 'mfcc0_mean': round(float(out['mfcc'][:, 0].mean()), 3),
            'onset_mean': round(float(out['onset'].mean()), 4), 'mel_sum': float(out['mel'].sum(dtype=np.float64))})
        del out, y
    total = time.perf_counter() - t_start
    summary['seconds_audio'] = x.shape[0] / SR
    summary['frames_total'] = frames_total
    summary['wall_in_script_s'] = round(total, 3)
    summary['stage_s'] = {k: round(v, 3) for k, v in T.t.items()}
    summary['versions'] = {'numpy': np.__version__, 'scipy': __import__('scipy').__version__, 'soundfile': (sf.__version__ if sf else 'n/a (scipy.io.wavfile)'), 'python': sys.version.split()[0]}
    print(json.dumps(summary))


if __name__ == '__main__':
    main()
