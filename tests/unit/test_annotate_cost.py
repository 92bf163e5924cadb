"""What makes annotate cheaper keeps its output: the linear searches find what the old scans found,
and the model gives the same entities on the faster matrix products.

Speed itself is shown by ``benchmarks/sizes.py``, never asserted here.
"""

from __future__ import annotations

import gc
import random
import re

import spacy
from threadpoolctl import threadpool_info

from workers.stages.annotate import load_model
from workers.stages.entities.core import Page
from workers.stages.entities.model import NOT_NER, ORIGINAL_MODEL
from workers.stages.entities.model import load_model as entity_model
from workers.stages.entities.core import Occurrences
from workers.stages.entities.steps.spans import _NUMBER, _NumbersOnLines


def test_name_occurrences_are_found_as_one_alternation_of_the_names_found_them():
    rnd = random.Random(5)
    words = ["Tov", "Tova", "Tova Rell", "Rell", "Rell's", "R.", "K-9", "Ossa", "Ossa Bay", "x", "-", "'s", "’t", "(", ".",
             "Bay", "Ba", "é", "Éla", "9"]
    for _ in range(3_000):
        names = {rnd.choice(words) + rnd.choice(["", " ", " Bay", "s", "-x"]) for _ in range(rnd.randint(1, 6))}
        text = "".join(rnd.choice(words + [" ", " ", "\n", ", "]) for _ in range(rnd.randint(0, 25)))
        spec = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                          + r")(?![\w-]|['’][a-rt-z])")
        assert list(Occurrences(names)(text)) == [m.span() for m in spec.finditer(text)], (names, text)


def test_numbers_on_a_span_s_lines_are_counted_as_scanning_those_lines_counted_them():
    def spec(text: str, s: int, e: int) -> int:
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        return len(_NUMBER.findall(text[ls:le if le >= 0 else len(text)]))

    rnd = random.Random(6)
    pieces = ["12", "3.5", "Ana", " ", " ", "\n", "7%", "-", "2001", "x"]
    for _ in range(2_000):
        texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20))) for _ in range(2)]
        count = _NumbersOnLines(Page(texts))
        for _ in range(5):
            seg = rnd.randrange(2)
            n = len(texts[seg])
            s = rnd.randint(0, n)
            e = rnd.randint(s, n)
            assert count(seg, s, e) == spec(texts[seg], s, e), (texts[seg], s, e)


def test_the_loaded_model_multiplies_with_numpy_on_one_blas_thread_and_is_kept_out_of_the_collector():
    nlp = load_model()
    encoder = [n for n in nlp.get_pipe("ner").model.walk() if n.name in ("maxout", "hashembed", "precomputable_affine")]
    assert encoder and all(n.ops.use_blis is False for n in encoder)
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
    assert gc.get_freeze_count() > 0


def test_the_model_finds_the_same_entities_with_numpy_s_blas_as_with_thinc_s_default_blis():
    texts = [
        "Dr Halvard Ostrem of the Northern Tidewater Council met Ines Marguerite Vaal in Rotterdam on 4 June 2017.",
        "The Quarry Lane Chess Club of Duluth lost to a team from Winnipeg, said its captain, Obi Nwachukwu-Lind.",
        "Harrow Mutual and the Bank of Kestrel signed the Pellam Accord in March; Kestrel's minister, Ruth Amadi, spoke.",
    ]
    fast = entity_model(ORIGINAL_MODEL)
    default = spacy.load(ORIGINAL_MODEL, exclude=NOT_NER)
    assert next(n for n in default.get_pipe("ner").model.walk() if n.name == "maxout").ops.use_blis is True

    def ents(nlp):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]

    found = ents(fast)
    assert any(found) and found == ents(default)
