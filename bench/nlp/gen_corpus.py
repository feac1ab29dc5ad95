#!/usr/bin/env python3
"""Deterministic NLP benchmark corpus: 10,000 English documents of 150-300 words.

Copied unchanged (only this header differs) from the shared benchmark task definition
`bench/nlp_gen_corpus.py` (the reference generator named by the NLP engine issue), so that the
project's benchmark runs from a fresh clone and produces the same corpus as every other measurement
of the task. Keep the code below identical to the reference; `bench/nlp/run.js` runs it with Debian's
/usr/bin/python3 and writes to bench/.data/nlp/corpus.jsonl. Needs the Debian packages
fortunes fortunes-min groff (and the man pages that ship with installed packages).

Sources (all offline, from Debian packages installed on this machine):
  F: fortunes / fortunes-min  (/usr/share/games/fortunes/*, '%'-separated; ascii-art skipped)
  M: man pages in /usr/share/man/man{1,2,3,4,5,7,8} (English only; gcloud* pages skipped because
     16.6k near-identical generated pages), rendered with `groff -man -Tutf8 -P-cbou -t -rHY=0`,
     prose paragraphs only
  L: /usr/share/doc/*/copyright + /usr/share/common-licenses/* (prose paragraphs, deduplicated)

Each stream is a list of paragraphs in sorted-path order, exact-duplicate paragraphs removed.
Document i gets its source from a seeded shuffle of [F]*1800 + [M]*7200 + [L]*1000 and
its length L_i = randint(150, 300) words from random.Random(SEED); paragraphs are consumed
sequentially from that source (a paragraph that overflows is split; its rest starts the next doc).

Usage: gen_corpus.py [OUT.jsonl]   (default ./corpus.jsonl)
Output: corpus.jsonl with {"id": "doc-00000", "src": "F|M|L", "text": ...} per line.
Deterministic for a given set of installed packages / groff version (sha256 printed).
"""
import glob, gzip, hashlib, json, os, random, re, subprocess, sys
from multiprocessing import Pool

SEED = 20240501
N_DOCS = 10000
QUOTA = {"F": 1800, "M": 7200, "L": 1000}
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(os.getcwd(), "corpus.jsonl")
CACHE = os.path.join(os.path.dirname(OUT), ".man-cache.json")

WORD_RE = re.compile(r"^[\"'(\[]*[A-Za-z][A-Za-z'\u2019-]*[.,;:!?)\]\"']*$")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def is_prose(p, min_words=12, min_alpha=0.75):
    toks = p.split()
    if len(toks) < min_words:
        return False
    alpha = sum(1 for t in toks if WORD_RE.match(t))
    return alpha / len(toks) >= min_alpha


def fortunes():
    paras = []
    for f in sorted(glob.glob("/usr/share/games/fortunes/*")):
        base = os.path.basename(f)
        if "." in base or base == "ascii-art" or os.path.isdir(f):
            continue
        with open(f, encoding="utf-8", errors="replace") as fh:
            data = fh.read()
        for chunk in re.split(r"^%\s*$", data, flags=re.M):
            t = norm(chunk)
            if len(t.split()) >= 5:
                paras.append(t)
    return paras


def render_man(path):
    try:
        with gzip.open(path, "rb") as fh:
            src = fh.read()
        if src.lstrip().startswith(b".so ") and src.count(b"\n") <= 2:
            return path, []
        out = subprocess.run(
            ["groff", "-man", "-Tutf8", "-P-cbou", "-t", "-rHY=0"],
            input=src, capture_output=True, timeout=30,
            env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
        ).stdout.decode("utf-8", "replace")
    except Exception:
        return path, []
    paras = []
    for block in re.split(r"\n\s*\n", out):
        t = norm(block)
        if is_prose(t):
            paras.append(t)
    return path, paras


def man_pages():
    files = []
    for sec in ("1", "2", "3", "4", "5", "7", "8"):
        for f in sorted(glob.glob(f"/usr/share/man/man{sec}/*.gz")):
            if os.path.islink(f) or os.path.basename(f).startswith("gcloud"):
                continue
            files.append(f)
    cache = {}
    if os.path.exists(CACHE):
        with open(CACHE) as fh:
            cache = json.load(fh)
    todo = [f for f in files if f not in cache]
    if todo:
        print(f"rendering {len(todo)} man pages with groff ...", file=sys.stderr)
        with Pool(os.cpu_count() or 2) as pool:
            for path, paras in pool.imap(render_man, todo, chunksize=16):
                cache[path] = paras
        with open(CACHE, "w") as fh:
            json.dump(cache, fh)
    paras = []
    for f in files:
        paras.extend(cache.get(f, []))
    return paras


def legal():
    paras = []
    files = sorted(glob.glob("/usr/share/doc/*/copyright"))
    seen_real = set()
    for f in sorted(glob.glob("/usr/share/common-licenses/*")):
        r = os.path.realpath(f)
        if r not in seen_real and os.path.isfile(r):
            seen_real.add(r)
            files.append(r)
    for f in files:
        try:
            with open(f, encoding="utf-8", errors="replace") as fh:
                data = fh.read()
        except OSError:
            continue
        # DEP-5 continuation lines start with a space and use ' .' for blank lines
        data = re.sub(r"^ \.\s*$", "", data, flags=re.M)
        for block in re.split(r"\n\s*\n", data):
            t = norm(block)
            if is_prose(t):
                paras.append(t)
    return paras


def dedupe(paras):
    seen, out = set(), []
    for p in paras:
        h = hashlib.sha1(p.lower().encode()).digest()
        if h not in seen:
            seen.add(h)
            out.append(p)
    return out


def main():
    streams = {"F": dedupe(fortunes()), "M": dedupe(man_pages()), "L": dedupe(legal())}
    for k, v in streams.items():
        print(f"stream {k}: {len(v)} paragraphs, {sum(len(p.split()) for p in v)} words", file=sys.stderr)
    rng = random.Random(SEED)
    labels = [k for k in ("F", "M", "L") for _ in range(QUOTA[k])]
    rng.shuffle(labels)
    pos = {k: 0 for k in streams}
    carry = {k: None for k in streams}
    wraps = {k: 0 for k in streams}
    total_words = 0
    h = hashlib.sha256()
    with open(OUT, "w", encoding="utf-8") as out:
        for i, src in enumerate(labels):
            target = rng.randint(150, 300)
            parts, n = [], 0
            while n < target:
                if carry[src] is not None:
                    words, carry[src] = carry[src], None
                else:
                    s = streams[src]
                    if pos[src] >= len(s):
                        pos[src] = 0
                        wraps[src] += 1
                    words = s[pos[src]].split()
                    pos[src] += 1
                need = target - n
                if len(words) > need:
                    rest = words[need:]
                    words = words[:need]
                    if len(rest) >= 5:
                        carry[src] = rest
                parts.append(" ".join(words))
                n += len(words)
            text = "\n\n".join(parts)
            total_words += n
            line = json.dumps({"id": f"doc-{i:05d}", "src": src, "text": text}, ensure_ascii=False) + "\n"
            h.update(line.encode("utf-8"))
            out.write(line)
    size = os.path.getsize(OUT)
    print(json.dumps({"docs": N_DOCS, "words": total_words, "bytes": size, "MB": round(size / 1e6, 2),
                      "stream_wraps": wraps, "sha256": h.hexdigest()}))


if __name__ == "__main__":
    main()
