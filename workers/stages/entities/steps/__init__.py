"""The entity steps, one function each with one signature: ``step(mentions, page) -> mentions``.

Each module here imports only the level below it (:mod:`..core`,
:mod:`..timex`, :mod:`workers.knowledge`), never another step module; the
order the steps run in is declared once, in :data:`..rules.STEPS`.

* :mod:`.spans`: a name's core (no determiner, title, possessive, line break);
* :mod:`.dates`: date, duration or nothing; dates the model missed;
* :mod:`.labels`: events, places by their head word, acronyms, lone words;
* :mod:`.orgs`: organisation spans and names every reader knows;
* :mod:`.people`: persons by given name, title, citation; common words;
* :mod:`.repeats`: names repeated on the page, places by evidence;
* :mod:`.tables`: teams, countries and players in the rows of a results table;
* :mod:`.places`: places from the gazetteer the model missed;
* :mod:`.normalise`: country codes and refs.
"""
