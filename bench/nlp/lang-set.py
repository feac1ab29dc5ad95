#!/usr/bin/env python3
"""Builds the labelled language-identification set engines/nlp/__tests__/fixtures/lang-sentences.jsonl.

Real sentences from text installed offline: Debian's translated manual pages (/usr/share/man/<lang>,
rendered with groff) and gettext catalogs (/usr/share/locale/<lang>/LC_MESSAGES/*.mo, translated
msgstr only). The label is the directory the text was installed under, never a detector's opinion;
the filters below only drop text that is not a plain sentence in that language (option lists, paths,
format strings, untranslated English, wrong script).

Deterministic: files and candidates are ordered by SHA-1, so the same installed packages give the
same fixture (about 2.5 minutes, most of it groff). Usage:
  python3 bench/nlp/lang-set.py [--per-lang 40] [--out PATH] [--holdout bench/.data/lang-holdout.jsonl]
--holdout also writes up to 300 other sentences per language (20+ characters, none of the
fixture's), the set the confidence of engines/nlp/language.ts was calibrated on.
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor

MAN = '/usr/share/man'
LOCALE = '/usr/share/locale'

# code (ISO 639-1) -> expected script, man-page directories, locale directories.
# Only languages the detector can name are listed: Indonesian (id) and Macedonian (mk) pages are
# installed but no model we ship knows them. Serbian is kept in Cyrillic only (sr@latin is, to a
# detector, Croatian/Bosnian); Norwegian Bokmål is nb; pt and pt_BR are both pt; zh_CN and zh_TW
# are both zh.
LANGS = {
    'en': ('latin', ['man1', 'man5', 'man7', 'man8'], []),
    'de': ('latin', ['de'], ['de']),
    'fr': ('latin', ['fr'], ['fr']),
    'es': ('latin', ['es'], ['es']),
    'it': ('latin', ['it'], ['it']),
    'pt': ('latin', ['pt', 'pt_BR'], ['pt', 'pt_BR']),
    'nl': ('latin', ['nl'], ['nl']),
    'pl': ('latin', ['pl'], ['pl']),
    'cs': ('latin', ['cs'], ['cs']),
    'sk': ('latin', [], ['sk']),
    'sl': ('latin', ['sl'], ['sl']),
    'hr': ('latin', ['hr'], ['hr']),
    'ro': ('latin', ['ro'], ['ro']),
    'hu': ('latin', ['hu'], ['hu']),
    'fi': ('latin', ['fi'], ['fi']),
    'et': ('latin', [], ['et']),
    'lt': ('latin', [], ['lt']),
    'lv': ('latin', [], ['lv']),
    'sv': ('latin', ['sv'], ['sv']),
    'da': ('latin', ['da'], ['da']),
    'nb': ('latin', ['nb'], ['nb', 'nb_NO']),
    'is': ('latin', [], ['is']),
    'ca': ('latin', [], ['ca']),
    'eu': ('latin', [], ['eu']),
    'sq': ('latin', [], ['sq']),
    'tr': ('latin', ['tr'], ['tr']),
    'az': ('latin', [], ['az']),
    'vi': ('latin', ['vi'], ['vi']),
    'ms': ('latin', [], ['ms']),
    'tl': ('latin', [], ['tl']),
    'ru': ('cyrillic', ['ru'], ['ru']),
    'uk': ('cyrillic', ['uk'], ['uk']),
    'be': ('cyrillic', [], ['be']),
    'bg': ('cyrillic', [], ['bg']),
    'sr': ('cyrillic', ['sr'], ['sr']),
    'el': ('greek', ['el'], ['el']),
    'ar': ('arabic', [], ['ar']),
    'fa': ('arabic', [], ['fa']),
    'ur': ('arabic', [], ['ur']),
    'he': ('hebrew', [], ['he']),
    'hy': ('armenian', [], ['hy']),
    'ka': ('georgian', [], ['ka']),
    'hi': ('devanagari', [], ['hi']),
    'mr': ('devanagari', [], ['mr']),
    'bn': ('bengali', [], ['bn', 'bn_IN', 'bn_BD']),
    'pa': ('gurmukhi', [], ['pa']),
    'gu': ('gujarati', [], ['gu']),
    'or': ('oriya', [], ['or']),
    'ta': ('tamil', [], ['ta']),
    'te': ('telugu', [], ['te']),
    'kn': ('kannada', [], ['kn']),
    'ml': ('malayalam', [], ['ml']),
    'th': ('thai', [], ['th']),
    'am': ('ethiopic', [], ['am']),
    'ko': ('hangul', ['ko'], ['ko']),
    'ja': ('japanese', ['ja'], ['ja']),
    'zh': ('han', ['zh_CN', 'zh_TW'], ['zh_CN', 'zh_TW', 'zh_HK']),
}

SCRIPT_RANGES = {
    'cyrillic': [(0x0400, 0x052F)],
    'greek': [(0x0370, 0x03FF), (0x1F00, 0x1FFF)],
    'arabic': [(0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
    'hebrew': [(0x0590, 0x05FF), (0xFB1D, 0xFB4F)],
    'armenian': [(0x0530, 0x058F)],
    'georgian': [(0x10A0, 0x10FF)],
    'devanagari': [(0x0900, 0x097F)],
    'bengali': [(0x0980, 0x09FF)],
    'gurmukhi': [(0x0A00, 0x0A7F)],
    'gujarati': [(0x0A80, 0x0AFF)],
    'oriya': [(0x0B00, 0x0B7F)],
    'tamil': [(0x0B80, 0x0BFF)],
    'telugu': [(0x0C00, 0x0C7F)],
    'kannada': [(0x0C80, 0x0CFF)],
    'malayalam': [(0x0D00, 0x0D7F)],
    'thai': [(0x0E00, 0x0E7F)],
    'ethiopic': [(0x1200, 0x139F)],
    'hangul': [(0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)],
    'han': [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF)],
    'kana': [(0x3040, 0x30FF)],
}

# Translated manual pages keep some paragraphs in English. A Latin-script sentence labelled
# otherwise is dropped when most of its words are common English words: words found in at least
# ENGLISH_MIN_PAGES of the English manual pages rendered for `en` (no detector is consulted).
ENGLISH_MIN_PAGES = 3
ENGLISH_MAX_RATIO = 0.5
# Catalogs of names (languages, countries, currencies, keyboard layouts): lists, not sentences.
NAME_CATALOGS = re.compile(r'^(iso_|xkeyboard-config)')

# Sentence ends in the scripts above (Latin/Cyrillic/Greek ., CJK 。, Devanagari ।, Armenian ։,
# Ethiopic ።, Arabic ؟ and ۔ for Urdu). Not ; (a clause in most languages, a question in Greek).
SENTENCE_END = '.!?。！？।։።؟۔'
SPLIT_RE = re.compile(r'(?<=[.!?։؟۔])\s+|(?<=[。！？।።])')
# Characters that mark code, paths, markup or format strings rather than prose.
TECHNICAL_RE = re.compile(r'[/\\=_<>{}\[\]|$%#@~^*`+&]|https?:|\.\w+\.\w|(?<!\w)--?\w|\w\(\d')
PER_FILE = 2
MAX_CHARS = 300


def sha(s):
    return hashlib.sha1(s.encode('utf-8')).hexdigest()


def in_script(ch, script):
    cp = ord(ch)
    if script == 'latin':
        return ch.isalpha() and (cp < 0x250 or 0x1E00 <= cp <= 0x1EFF)
    if script == 'japanese':
        return in_script(ch, 'han') or in_script(ch, 'kana')
    return any(lo <= cp <= hi for lo, hi in SCRIPT_RANGES[script])


def letters(text):
    return [ch for ch in text if unicodedata.category(ch)[0] in 'LM']


def plausible(text, lang, script, whole_message, english, min_chars):
    """True when text is one plain sentence of prose in the expected script (see module doc).

    A gettext message is a whole message (usually one sentence, often without a final stop); a
    sentence cut from a manual page paragraph must end like one, or the cut was not at a sentence.
    """
    n = len(text)
    if n < min_chars or n > MAX_CHARS or (not whole_message and text[-1] not in SENTENCE_END):
        return False
    if TECHNICAL_RE.search(text) or re.search(r'\d{3,}', text) or '  ' in text:
        return False
    # a list of quoted terms, or a cut after an initial ("Richard M.")
    if sum(text.count(q) for q in '"“”«»„\'') > 4 or re.search(r'\b[A-Z]\.$', text):
        return False
    lets = letters(text)
    if len(lets) < 0.7 * len(text.replace(' ', '')):
        return False
    if not text[0].isupper() and script in ('latin', 'cyrillic', 'greek', 'armenian'):
        return False
    own = sum(1 for ch in lets if in_script(ch, script))
    # a few Latin letters in another script are normal (GIF, PNG, apt); a Latin text with them is not
    if own < 0.8 * len(lets):
        return False
    if script == 'japanese' and not any(in_script(ch, 'kana') for ch in lets):
        return False
    if script == 'han' and any(in_script(ch, 'kana') for ch in lets):
        return False
    words = text.split()
    if script in ('latin', 'cyrillic', 'greek', 'arabic', 'hebrew', 'armenian', 'georgian') and len(words) < 6:
        return False
    # upper-case words are placeholders (FILE, SECTION) or names; in another script only short
    # acronyms (GIF, SMTP) are let through
    caps = 1 if script in ('latin', 'cyrillic', 'greek') else 4
    if any(w.isupper() and len(w.strip('.,:;!?()')) > caps for w in words[1:]):
        return False
    if lang != 'en' and script == 'latin':
        ws = re.findall(r'\w+', text.lower())
        if sum(1 for w in ws if w in english) > ENGLISH_MAX_RATIO * len(ws):
            return False
    return True


def sentences(paragraph):
    paragraph = re.sub(r'\s+', ' ', paragraph).strip()
    for s in SPLIT_RE.split(paragraph):
        s = s.strip().strip('"\'«»„“”')
        if s:
            yield unicodedata.normalize('NFC', s)


def render_man(path):
    """Paragraphs of a manual page rendered as plain UTF-8 text, one line per paragraph."""
    with gzip.open(path, 'rb') as f:
        src = f.read()
    env = dict(os.environ, LC_ALL='C.UTF-8')
    # -k preconv reads UTF-8 sources; LL=2000n puts every paragraph on one line; HY=0 and AD=l
    # stop hyphenation and justification, which would glue or split words.
    res = subprocess.run(
        ['groff', '-k', '-K', 'utf-8', '-man', '-Tutf8', '-P-cbou', '-rLL=2000n', '-rHY=0', '-dAD=l'],
        input=src, capture_output=True, env=env, timeout=60,
    )
    text = res.stdout.decode('utf-8', 'replace')
    paras = []
    for line in text.split('\n'):
        # body text is indented by 7 (or more) columns; headings and page titles are not
        if line.startswith('       ') and not line.lstrip().startswith(('-', '•', '·', '*')):
            paras.append(line.strip())
    return paras


def read_mo(path):
    """Translated strings of a GNU .mo catalog (msgstr differing from msgid, plural form 0)."""
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) < 28:
        return []
    magic = struct.unpack('<I', data[:4])[0]
    endian = '<' if magic == 0x950412DE else '>' if magic == 0xDE120495 else None
    if endian is None:
        return []
    _rev, count, orig_off, trans_off = struct.unpack(endian + '4I', data[4:20])
    charset = 'utf-8'
    out = []
    for i in range(count):
        olen, ooff = struct.unpack(endian + '2I', data[orig_off + 8 * i:orig_off + 8 * i + 8])
        tlen, toff = struct.unpack(endian + '2I', data[trans_off + 8 * i:trans_off + 8 * i + 8])
        msgid = data[ooff:ooff + olen]
        msgstr = data[toff:toff + tlen]
        if olen == 0:
            m = re.search(rb'charset=([\w-]+)', msgstr)
            if m:
                charset = m.group(1).decode('ascii')
            continue
        try:
            mid = msgid.split(b'\0')[0].decode(charset)
            mstr = msgstr.split(b'\0')[0].decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
        if not mstr or mstr == mid or '\x04' in mid:
            continue
        # %s, %1$d, {0}, ${var}: format strings are templates, not sentences
        if re.search(r'%[-#0-9.$]*[a-zA-Z]|\{\w*\}', mstr):
            continue
        for para in re.split(r'\n\s*\n', mstr):
            out.append(para.replace('\n', ' '))
    return out


def ordered_files(dirs, pattern, limit):
    files = []
    for d in dirs:
        for root, _dirs, names in os.walk(d):
            files += [os.path.join(root, n) for n in names if pattern(n)]
    files.sort(key=sha)
    return files[:limit]


def shingles(text):
    t = re.sub(r'[\W\d_]+', '', text.lower())
    return {t[i:i + 3] for i in range(max(1, len(t) - 2))}


def too_similar(sh, chosen_sh):
    return any(len(sh & c) / max(1, len(sh | c)) > 0.5 for c in chosen_sh)


def raw_candidates(lang, man_limit, mo_limit):
    """Every sentence of the language's sources: (text, source, whole_message)."""
    _script, man_dirs, loc_dirs = LANGS[lang]
    cands = []
    man_files = ordered_files([os.path.join(MAN, d) for d in man_dirs], lambda n: n.endswith('.gz'), man_limit)
    with ThreadPoolExecutor(max_workers=8) as pool:
        for path, paras in zip(man_files, pool.map(render_man, man_files)):
            rel = os.path.relpath(path, MAN)[:-3]
            for p in paras:
                cands += [(s, 'man:' + rel, False) for s in sentences(p)]
    mo_files = ordered_files([os.path.join(LOCALE, d, 'LC_MESSAGES') for d in loc_dirs], lambda n: n.endswith('.mo'), mo_limit)
    for path in mo_files:
        if NAME_CATALOGS.match(os.path.basename(path)):
            continue
        rel = os.path.relpath(path, LOCALE)[:-3].replace('/LC_MESSAGES', '')
        for p in read_mo(path):
            split = list(sentences(p))
            cands += [(s, 'gettext:' + rel, len(split) == 1) for s in split]
    return cands


def english_words(en_cands):
    pages = {}
    for text, source, _whole in en_cands:
        for w in set(re.findall(r'\w+', text.lower())):
            pages.setdefault(w, set()).add(source)
    return frozenset(w for w, srcs in pages.items() if len(srcs) >= ENGLISH_MIN_PAGES)


def select(cands, per_lang):
    """Up to per_lang sentences in SHA-1 order, without near-duplicates, spread over sources: at most
    PER_FILE per source file, then (for languages with few catalogs) twice and four times that."""
    ordered = sorted(cands, key=lambda c: sha(c[0]))
    chosen, chosen_sh, per_source, seen = [], [], {}, set()
    for cap in (PER_FILE, 2 * PER_FILE, 4 * PER_FILE):
        for text, source in ordered:
            if len(chosen) == per_lang:
                return chosen
            key = re.sub(r'[\W\d_]+', '', text.lower())
            if key in seen or per_source.get(source, 0) >= cap:
                continue
            sh = shingles(text)
            if too_similar(sh, chosen_sh):
                continue
            seen.add(key)
            chosen.append((text, source))
            chosen_sh.append(sh)
            per_source[source] = per_source.get(source, 0) + 1
    return chosen


def write_jsonl(path, rows):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--per-lang', type=int, default=40)
    ap.add_argument('--min-per-lang', type=int, default=15, help='drop languages with fewer sentences')
    ap.add_argument('--man-files', type=int, default=150, help='manual pages rendered per language')
    ap.add_argument('--mo-files', type=int, default=400, help='gettext catalogs read per language')
    ap.add_argument('--min-chars', type=int, default=50)
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '../../engines/nlp/__tests__/fixtures/lang-sentences.jsonl'))
    ap.add_argument('--holdout', help='also write up to --holdout-per-lang other sentences (20+ chars) here, for calibration')
    ap.add_argument('--holdout-per-lang', type=int, default=300)
    args = ap.parse_args()
    rows, held, kept, dropped = [], [], [], []
    english = frozenset()
    for lang in LANGS:
        script = LANGS[lang][0]
        raw = raw_candidates(lang, args.man_files, args.mo_files)
        if lang == 'en':
            english = english_words(raw)
        cands = [(t, s) for t, s, whole in raw if plausible(t, lang, script, whole, english, args.min_chars)]
        chosen = select(cands, args.per_lang)
        if len(chosen) < args.min_per_lang:
            dropped.append(f'{lang}({len(chosen)})')
            continue
        kept.append(f'{lang}({len(chosen)})')
        rows += [{'lang': lang, 'text': t, 'source': s} for t, s in chosen]
        if args.holdout:
            used = {re.sub(r'[\W\d_]+', '', t.lower()) for t, _s in chosen}
            rest = [(t, s) for t, s, whole in raw
                    if plausible(t, lang, script, whole, english, 20) and re.sub(r'[\W\d_]+', '', t.lower()) not in used]
            held += [{'lang': lang, 'text': t, 'source': s} for t, s in select(rest, args.holdout_per_lang)]
    write_jsonl(args.out, rows)
    if args.holdout:
        write_jsonl(args.holdout, held)
        print(f'{len(held)} held-out sentences -> {args.holdout}', file=sys.stderr)
    print(f'{len(rows)} sentences, {len(kept)} languages -> {os.path.normpath(args.out)}', file=sys.stderr)
    print('kept: ' + ' '.join(kept), file=sys.stderr)
    print('dropped (too few sentences): ' + (' '.join(dropped) or '-'), file=sys.stderr)


if __name__ == '__main__':
    main()
