"""pagemill: report pages in, validated JSON records out."""

__version__ = "0.1.0"
