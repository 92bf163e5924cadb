"""The pure stages: ``intake`` (bytes to Page), ``clean``, ``segment``, ``classify``, ``annotate``.

Each takes and returns pydantic models and knows nothing of Celery, Redis or
files; ``pipeline`` runs them in order.
"""

from .annotate import annotate
from .classify import classify
from .clean import clean
from .intake import PageRejected, decode_page
from .pipeline import STAGES, build_record, process_bytes, run_stage, run_stages
from .segment import segment

__all__ = [
    "STAGES", "PageRejected", "annotate", "build_record", "classify", "clean", "decode_page",
    "process_bytes", "run_stage", "run_stages", "segment",
]
