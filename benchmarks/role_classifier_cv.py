"""Does a learned segment-role classifier beat the rules under cross-validation? (issue 12; not shipped)

A multinomial logistic regression (numpy, L2) over each segment's shape
(length, capitals share, end punctuation, digits, place on the page, caption
cues, lines) is fitted on the gold pages of K-1 folds by document
(:func:`workers.crossval.page_folds`) and scored on the fold left out, for
three fold seeds, against the rules scored on the same folds.

* ``--with-rules``: the rules' own role and its neighbours' are features too
  (a learned corrector of the rules);
* without it: shape features only (clean's furniture flag kept).

On the corpus (``python benchmarks/role_classifier_cv.py ../shared/corpus``):
shape-only 0.913-0.917 against the rules' 0.988-0.989; as a corrector
0.987-0.988, below the rules on every seed. Neither beats the rules, so
pagemill ships the rules.
"""
import math
import re
import sys
import numpy as np
from datetime import datetime, timezone
from pathlib import Path
from workers.evaluation import load_gold
from workers.crossval import page_folds
from workers.stages import decode_page, run_stage
from workers.stages.classify import is_caption_text
ROLES = ["heading", "paragraph", "caption", "list_item", "furniture"]
root = Path(sys.argv[1])
WITH_RULES = "--with-rules" in sys.argv
gold = load_gold(root)
data = {}
def onehot(r): return [1.0 if r == x else 0.0 for x in ROLES]
for name, gp in gold.items():
    path = root / gp.gold["source"] / gp.gold["page"]
    page = decode_page(path.read_bytes(), path.name, received_at=datetime.now(timezone.utc), max_bytes=None)
    for st in ("clean", "segment", "classify"):
        page = run_stage(st, page)
    segs = page.segments
    X, pred = [], []
    content = [i for i, s in enumerate(segs) if s.role != "furniture"]
    for i, s in enumerate(segs):
        t = s.text.strip()
        words = t.split()
        letters = [c for c in t if c.isalpha()]
        if WITH_RULES:
            f = onehot(s.role) + onehot(segs[i - 1].role if i else "none") + onehot(segs[i + 1].role if i + 1 < len(segs) else "none")
        else:
            f = [float(s.role == "furniture")]
        f += [math.log1p(len(words)), math.log1p(len(t)), float(bool(re.search(r"[.!?][\"”’')\]]*$", t))), float(t.endswith(":")),
              (sum(c.isupper() for c in letters) / len(letters)) if letters else 0.0, float(t[:1].isupper()),
              sum(c.isdigit() for c in t) / max(1, len(t)), float(bool(content) and i == content[0]), float(bool(s.number)),
              float(is_caption_text(t)), float("\n" in page.text[s.source_start:s.source_end]), float(len(words) <= 3),
              sum(1 for w in words if w[:1].isupper()) / max(1, len(words)), 1.0]
        X.append(f); pred.append(s.role)
    data[name] = (np.array(X), pred, [(s.source_start, s.source_end) for s in segs])
def gold_labels(name):
    gp = gold[name]; X, pred, spans = data[name]
    y = []
    for a, b in spans:
        best, bo = None, 0
        for gs in gp.gold["segments"]:
            o = max(0, min(b, gs["end"]) - max(a, gs["start"]))
            if o > bo: best, bo = gs["role"], o
        y.append(ROLES.index(best) if best else ROLES.index(pred[len(y)]))
    return np.array(y)
def fit(X, y, l2=1e-2, iters=800, lr=0.5):
    mu, sd = X.mean(0), X.std(0) + 1e-9; sd[-1] = 1; mu[-1] = 0
    Z = (X - mu) / sd
    W = np.zeros((Z.shape[1], len(ROLES)))
    Y = np.eye(len(ROLES))[y]
    for _ in range(iters):
        P = np.exp(Z @ W - (Z @ W).max(1, keepdims=True)); P /= P.sum(1, keepdims=True)
        W -= lr * (Z.T @ (P - Y) / len(y) + l2 * W)
    return W, mu, sd
def score(name, roles):
    gp = gold[name]; spans = data[name][2]; ok = tot = 0
    for gs in gp.gold["segments"]:
        best, bo = None, 0
        for r, (a, b) in zip(roles, spans):
            o = max(0, min(b, gs["end"]) - max(a, gs["start"]))
            if o > bo: best, bo = r, o
        tot += 1; ok += best == gs["role"]
    return ok, tot
for seed in (0, 1, 2):
    folds = page_folds(gold, 5, seed)
    accs_r, accs_l = [], []
    for i, test in enumerate(folds):
        train = [n for j, f in enumerate(folds) if j != i for n in f]
        X = np.vstack([data[n][0] for n in train]); y = np.concatenate([gold_labels(n) for n in train])
        W, mu, sd = fit(X, y)
        okr = okl = tot = 0
        for n in test:
            Xn = (data[n][0] - mu) / sd
            roles_l = [ROLES[k] for k in (Xn @ W).argmax(1)]
            a, t = score(n, data[n][1]); b, _ = score(n, roles_l)
            okr += a; okl += b; tot += t
        accs_r.append(okr / tot); accs_l.append(okl / tot)
    print(f"seed {seed}: rules {np.mean(accs_r):.4f} ± {np.std(accs_r, ddof=1):.4f}   learned {np.mean(accs_l):.4f} ± {np.std(accs_l, ddof=1):.4f}")
