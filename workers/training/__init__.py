"""Training pagemill's NER from the gold pages (``make train``; see README, "Quality").

* ``config.cfg``: what is trained and how (source model, label mapping, rehearsal, epochs, optimizer);
* :mod:`.data`: gold pages and rehearsal texts -> spaCy training examples;
* :mod:`.train`: the training run (spaCy's own ``nlp.update``) and the agreement with the original model;
* ``python -m workers.training GOLD_DIR``: builds the trained model in ``workers/data/ner`` (not the
  model in use yet: see ``DEFAULT_MODEL`` in :mod:`workers.stages.entities.model`).

Training happens offline; the service only loads the saved model. The
cross-validation fitter (:class:`workers.crossval.NerFitter`) trains the same
way on each fold's training pages.
"""
