"""Score records against gold pages: what ``pagemill eval GOLD_DIR`` prints.

Pure and importable: :func:`evaluate` takes a gold folder and records already
made (name -> record dict) and returns the measures; :func:`format_report`
turns them into text. It reads gold in the format of the shared corpus::

    GOLD_DIR/<source>/pages/<name>.txt   the page as dropped in the inbox
    GOLD_DIR/<source>/gold/<name>.json   its answer key (segments, entities, repairs)

and computes the same figures as the corpus's reference scorer:

* segment role accuracy: each gold segment takes the role of the record
  segment that overlaps it most (none: a miss);
* furniture precision/recall, counted in non-space characters;
* entity precision/recall/F1, in total and per label: labels GPE/LOC/FAC count
  as PLACE; spans are compared after trimming punctuation, a leading "the "
  and a trailing possessive; names inside gold furniture are not scored; a
  prediction inside a gold entity of another label, overlapping a gold entity
  of an unscored label, or with a label the page does not score, counts
  neither way;
* repairs: a gold repair counts when a record segment covering its span has
  the expected text (and what follows it) at that place.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PLACE"})
_TRIM = " \t\n\"'“”‘’.,;:()[]{}!?-–—"


@dataclass(frozen=True)
class GoldPage:
    name: str
    gold: dict[str, Any]
    text: str


def norm_label(label: str | None) -> str:
    label = (label or "").upper()
    return "PLACE" if label in PLACE_LABELS else label


def norm_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The core of a mention: no surrounding punctuation, no leading 'the ', no trailing possessive."""
    s, e = start, end
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if text[s:e].lower().startswith("the ") and e - s > 4:
        s += 4
    for suffix in ("'s", "’s"):
        if text[s:e].endswith(suffix):
            e -= len(suffix)
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def load_gold(gold_root: Path) -> dict[str, GoldPage]:
    """Gold pages under ``gold_root``, by page name (the file stem)."""
    pages: dict[str, GoldPage] = {}
    for path in sorted(Path(gold_root).glob("*/gold/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent.parent / gold["page"]).read_text(encoding="utf-8")
        name = Path(gold["page"]).stem
        pages[name] = GoldPage(name=name, gold=gold, text=text)
    return pages


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _Tally:
    def __init__(self) -> None:
        self.seg_total = self.seg_ok = 0
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.furn = Counter()  # tp / fp / fn characters
        self.ent: defaultdict[str, Counter] = defaultdict(Counter)
        self.rep_total = self.rep_ok = 0


def _score_roles(page: GoldPage, segs: list[dict], t: _Tally) -> None:
    for gs in page.gold["segments"]:
        best, best_overlap = None, 0
        for s in segs:
            o = _overlap(gs["start"], gs["end"], s["source_start"], s["source_end"])
            if o > best_overlap:
                best, best_overlap = s, o
        pred = best["role"] if best else "(none)"
        t.seg_total += 1
        t.seg_ok += pred == gs["role"]
        t.confusion[(gs["role"], pred)] += 1


def _score_furniture(page: GoldPage, segs: list[dict], t: _Tally) -> None:
    n = len(page.text)
    gold_f = bytearray(n)
    pred_f = bytearray(n)
    for gs in page.gold["segments"]:
        if gs["role"] == "furniture":
            gold_f[gs["start"] : gs["end"]] = b"\1" * (gs["end"] - gs["start"])
    for s in segs:
        if s["role"] == "furniture":
            lo, hi = max(0, s["source_start"]), min(n, s["source_end"])
            if hi > lo:
                pred_f[lo:hi] = b"\1" * (hi - lo)
    for i, ch in enumerate(page.text):
        if ch.isspace():
            continue
        g, p = gold_f[i], pred_f[i]
        t.furn["tp"] += g and p
        t.furn["fp"] += p and not g
        t.furn["fn"] += g and not p


def _score_entities(page: GoldPage, record: dict, t: _Tally) -> None:
    text, gold = page.text, page.gold
    scored = set(gold.get("entity_labels_scored", []))
    chrome = [(gs["start"], gs["end"]) for gs in gold["segments"] if gs["role"] == "furniture"]

    def in_chrome(s: int, e: int) -> bool:
        return any(c0 <= s and e <= c1 for c0, c1 in chrome)

    gold_ents = []
    for ge in gold["entities"]:
        s, e = norm_span(text, ge["start"], ge["end"])
        if not in_chrome(s, e):
            gold_ents.append((s, e, ge["label"]))
    gold_keys = {(s, e, lab) for s, e, lab in gold_ents if lab in scored}
    matched: set[tuple[int, int, str]] = set()
    for pe in record.get("entities", []):
        if "source_start" not in pe:
            continue
        lab = norm_label(pe.get("label"))
        if lab not in scored:
            continue
        s, e = norm_span(text, pe["source_start"], pe["source_end"])
        if in_chrome(s, e):
            continue
        if (s, e, lab) in gold_keys:
            if (s, e, lab) not in matched:
                matched.add((s, e, lab))
                t.ent[lab]["tp"] += 1
            continue
        if not excused(s, e, lab, gold_ents, scored):
            t.ent[lab]["fp"] += 1
    for _, _, lab in gold_keys - matched:
        t.ent[lab]["fn"] += 1


def excused(s: int, e: int, lab: str, gold_ents: list[tuple[int, int, str]], scored: set[str]) -> bool:
    """A wrong prediction that is not held against the record."""
    for gs, ge, gl in gold_ents:
        if gl not in scored and _overlap(s, e, gs, ge) > 0:
            return True
        if gl != lab and gs <= s and e <= ge and (gs, ge) != (s, e):
            return True
    return False


def _score_repairs(page: GoldPage, segs: list[dict], t: _Tally) -> None:
    for rp in page.gold.get("repairs", []):
        t.rep_total += 1
        for s in segs:
            if s["source_start"] <= rp["start"] and rp["end"] <= s["source_end"]:
                # the expected text and what follows it inside this segment (at most 25 characters), as the
                # reference scorer reads it: a repair at a paragraph's end is not looked for in the next block
                tail = page.text[rp["end"] : min(rp["end"] + 25, s["source_end"])]
                want = re.sub(r"\s+", " ", rp["expected"] + tail).strip()
                if want in re.sub(r"\s+", " ", s.get("text", "")):
                    t.rep_ok += 1
                    break


def evaluate(gold_root: Path, records: dict[str, dict]) -> dict[str, Any]:
    """Score ``records`` (page name or file name -> record dict) against the gold under ``gold_root``."""
    return evaluate_pages(load_gold(gold_root), records)


def evaluate_pages(gold: dict[str, GoldPage], records: dict[str, dict]) -> dict[str, Any]:
    """Score ``records`` against these gold pages only (a fold of a cross-validation, say)."""
    by_name = {Path(k).stem: v for k, v in records.items()}
    t = _Tally()
    missing: list[str] = []
    for name, page in gold.items():
        record = by_name.get(name)
        if record is None:
            missing.append(name)
            continue
        segs = [s for s in record.get("segments", []) if "source_start" in s and "source_end" in s]
        _score_roles(page, segs, t)
        _score_furniture(page, segs, t)
        _score_entities(page, record, t)
        _score_repairs(page, segs, t)
    return _summary(gold, missing, t)


def _summary(gold: dict[str, GoldPage], missing: list[str], t: _Tally) -> dict[str, Any]:
    fp_, fr_ = t.furn["tp"] + t.furn["fp"], t.furn["tp"] + t.furn["fn"]
    out: dict[str, Any] = {
        "pages": len(gold),
        "pages_missing": len(missing),
        "segment_role_accuracy": round(t.seg_ok / t.seg_total, 4) if t.seg_total else None,
        "segments": t.seg_total,
        "furniture_precision": round(t.furn["tp"] / fp_ if fp_ else 1.0, 4),
        "furniture_recall": round(t.furn["tp"] / fr_ if fr_ else 1.0, 4),
    }
    total: Counter = Counter()
    per: dict[str, dict[str, float]] = {}
    for lab, c in sorted(t.ent.items()):
        total.update(c)
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        per[lab] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "gold": c["tp"] + c["fn"]}
    p, r, f = _prf(total["tp"], total["fp"], total["fn"])
    out["entity_p"], out["entity_r"], out["entity_f1"] = round(p, 4), round(r, 4), round(f, 4)
    out["entity_per_label"] = per
    out["repairs"] = f"{t.rep_ok}/{t.rep_total}"
    out["repairs_ok"], out["repairs_total"] = t.rep_ok, t.rep_total
    out["role_confusion"] = {f"{a}->{b}": n for (a, b), n in sorted(t.confusion.items()) if a != b}
    if missing:
        out["missing_examples"] = missing[:5]
    return out


def format_report(result: dict[str, Any], stage_ms: dict[str, float] | None = None) -> str:
    """The measures as text, plus each stage's milliseconds per page when given."""
    lines = [f"pages: {result['pages']} ({result['pages_missing']} without a record)"]
    acc = result["segment_role_accuracy"]
    lines.append(f"segment role accuracy: {acc:.3f} over {result['segments']} segments" if acc is not None else "segment role accuracy: n/a")
    lines.append(f"furniture precision / recall (characters): {result['furniture_precision']:.3f} / {result['furniture_recall']:.3f}")
    lines.append(
        f"entities P / R / F1: {result['entity_p']:.3f} / {result['entity_r']:.3f} / {result['entity_f1']:.3f}"
    )
    for lab, m in result["entity_per_label"].items():
        lines.append(f"  {lab:<8} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}  (gold {m['gold']})")
    total = result.get("repairs_total", 0)
    pct = f" ({100 * result.get('repairs_ok', 0) / total:.0f}%)" if total else ""
    lines.append(f"repairs: {result['repairs']}{pct}")
    if result["role_confusion"]:
        worst = sorted(result["role_confusion"].items(), key=lambda kv: -kv[1])[:6]
        lines.append("most frequent role mistakes (gold->predicted): " + ", ".join(f"{k} {v}" for k, v in worst))
    if stage_ms:
        lines.append("ms per page: " + ", ".join(f"{name} {ms:.1f}" for name, ms in stage_ms.items()))
        lines.append(f"  total {sum(stage_ms.values()):.1f}")
    return "\n".join(lines)


__all__ = ["GoldPage", "evaluate", "evaluate_pages", "format_report", "load_gold", "norm_label", "norm_span"]
