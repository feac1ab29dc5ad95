#!/usr/bin/python3
"""NLP benchmark peer: Python AFINN + scikit-learn TfidfVectorizer (Debian python3-sklearn).

Sentiment: AFINN-165 word scores summed -> {"score", "comparative"}, computed like Node `sentiment`
(the same lexicon file, read from node_modules/sentiment/languages/en/labels.json; the same
tokenizer: lowercase, punctuation .,/#!?$%^&*;:{}=_`"~() to spaces, split on single spaces;
comparative = score / tokens; if a negators file is given, a word right after a negator counts
negatively, as in `sentiment`). So its scores equal the `sentiment` peer's, except on the 14 of the
10,000 documents where `sentiment`'s extra emoji lexicon (sentiment/build/emoji.json, not AFINN)
scores a symbol, e.g. the bullet "○" (+3) in rendered man pages.
Keywords: TfidfVectorizer(stop_words='english') with its other defaults (lowercase, token pattern
\\b\\w\\w+\\b, smooth idf, sublinear_tf off, L2 norm), fit_transform over the whole corpus, top 10
terms of each document's row.

Usage: /usr/bin/python3 bench/nlp/peers/sklearn.py CORPUS.jsonl OUT.jsonl AFINN.json [NEGATORS.json]
"""
import json
import os
import re
import sys

# This file is named sklearn.py, and Python puts the script's folder first on sys.path, where it
# would shadow the real package: drop that entry before importing scikit-learn.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

TOP = 10
PUNCT = re.compile(r"[.,/#!?$%^&*;:{}=_`\"~()]")
SPACES = re.compile(r"\s\s+")


def tokenize(text):
    t = PUNCT.sub(" ", text.lower().replace("\n", " "))
    return SPACES.sub(" ", t).strip().split(" ")


def main():
    if len(sys.argv) < 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    corpus, out_path, afinn_path = sys.argv[1:4]
    with open(afinn_path, encoding="utf-8") as fh:
        afinn = json.load(fh)
    negators = set()
    if len(sys.argv) > 4:
        with open(sys.argv[4], encoding="utf-8") as fh:
            negators = set(json.load(fh))

    ids, texts = [], []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                ids.append(d["id"])
                texts.append(d["text"])

    sentiments = []
    for text in texts:
        tokens = tokenize(text)
        score = 0
        for i, tok in enumerate(tokens):
            s = afinn.get(tok)
            if s is not None:
                if i > 0 and tokens[i - 1] in negators:
                    s = -s
                score += s
        sentiments.append({"score": score, "comparative": score / len(tokens) if tokens else 0})

    vec = TfidfVectorizer(stop_words="english")
    X = vec.fit_transform(texts).tocsr()
    names = vec.get_feature_names_out()

    with open(out_path, "w", encoding="utf-8") as out:
        for r, doc_id in enumerate(ids):
            lo, hi = X.indptr[r], X.indptr[r + 1]
            data, cols = X.data[lo:hi], X.indices[lo:hi]
            if len(data) > TOP:
                part = np.argpartition(-data, TOP)[:TOP]
                order = part[np.argsort(-data[part], kind="stable")]
            else:
                order = np.argsort(-data, kind="stable")
            keywords = [{"term": str(names[cols[j]]), "score": float(data[j])} for j in order]
            out.write(json.dumps({"id": doc_id, "sentiment": sentiments[r], "keywords": keywords}) + "\n")


if __name__ == "__main__":
    main()
