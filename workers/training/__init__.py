"""Training pagemill's NER from the gold pages (``make train``; see README, "Quality").

* ``config.cfg``: what is trained and how (source model, label mapping, rehearsal, epochs, optimizer);
* :mod:`.data`: gold pages and rehearsal texts -> spaCy training examples;
* :mod:`.train`: the training run (spaCy's own ``nlp.update``) and the agreement with the original model;
* ``python -m workers.training GOLD_DIR``: rebuilds the shipped model in ``workers/data/ner``.

Training happens offline; the service only loads the saved model. The
cross-validation fitter (:class:`workers.crossval.NerFitter`) trains the same
way on each fold's training pages.
"""
