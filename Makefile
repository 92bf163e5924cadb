# Two commands on a fresh machine (needs only Python 3.11+ and make):
#   make run    set up .venv/ and run pagemill (broker, worker, watcher, dashboard)
#   make test   set up .venv/ with test tools and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: chrome-cv chrome-real ner-groups train-chrome run test setup setup-test bench bench-sizes clean-state train

# The shared reference folder (gold corpus and the HTML benchmark's news articles) that `make train` reads.
SHARED ?= ../shared

run: $(VENV)/.installed
	$(BIN)/pagemill up

test: $(VENV)/.installed-test
	$(BIN)/pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pagemill needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/throughput.py $(BENCH_ARGS)

bench-sizes: $(VENV)/.installed-test
	$(BIN)/python benchmarks/sizes.py $(BENCH_ARGS)

# Rebuild the NER trained on the gold pages (workers/data/ner; not shipped: docs/quality.md, "The trained NER") from
# the corpus, with rehearsal on news articles (workers/training/config.cfg; fixed seeds), and the known names learned
# from it (workers/data/learned_names.jsonl; seconds). About 10 minutes on 2 cores. CI does not train.
train: train-chrome
	$(BIN)/pagemill learn-names $(SHARED)/corpus
	$(BIN)/python -m workers.training $(SHARED)/corpus --out workers/data/ner

# The invented development sets with entity gold, in four groups for `make ner-groups`. The held-out sets
# (roles_heldout, and corpus_kinds_check11 and corpus_kinds_check12, held out when it was measured) stay out.
NER_GROUP1 := corpus_kinds_check corpus_kinds_check2 corpus_kinds_dev3 corpus_kinds_check3 entities_dev
NER_GROUP2 := corpus_kinds_dev4 corpus_kinds_check4 corpus_kinds_dev5 corpus_kinds_check5 entities_check
NER_GROUP3 := corpus_kinds_check6 corpus_kinds_check7 corpus_kinds_check8 roles_dev patterns
NER_GROUP4 := corpus_kinds_check9 corpus_kinds_check10 roles_check roles_check2

# Leave-group-out measure of a NER trained on the invented sets too (benchmarks/ner_groups.py): the corpus and each
# group above are scored with a NER trained on the others, and with the original one. About 20 minutes on 2 cores.
comma := ,
ner-groups: $(VENV)/.installed
	$(BIN)/python benchmarks/ner_groups.py --rehearsal $(SHARED)/formats/html/gold.json corpus=$(SHARED)/corpus \
		$(foreach g,1 2 3 4,g$(g)=$(subst $(eval) ,$(comma),$(addprefix tests/fixtures/,$(NER_GROUP$(g)))))

# Rebuild the learned models of page edges, of chrome lines anywhere and of lines read alone (workers/data/
# edge_chrome.json, inner_chrome.json and unaided_chrome.json, the second read beside the first; a minute) from the corpus, the corpus
# with chrome catalogs 1-3 around it, and the invented development sets; catalog 4, roles_heldout and the
# held-out corpus_kinds_check16 stay out, to measure them on (each check set joins when it becomes development).
CHROME_TRAIN := .pagemill/train
CHROME_DEV_SETS := roles_dev roles_check roles_check2 entities_dev entities_check patterns corpus_kinds_check corpus_kinds_check2 corpus_kinds_dev3 corpus_kinds_check3 corpus_kinds_dev4 corpus_kinds_check4 corpus_kinds_dev5 corpus_kinds_check5 corpus_kinds_check6 corpus_kinds_check7 corpus_kinds_check8 corpus_kinds_check9 corpus_kinds_check10 corpus_kinds_check11 corpus_kinds_check12 corpus_kinds_check13 corpus_kinds_check14 corpus_kinds_check15
train-chrome: $(VENV)/.installed
	rm -rf $(CHROME_TRAIN)
	for c in 1 2 3; do $(BIN)/python benchmarks/chrome_variants.py --catalog $$c --seed 0 $(CHROME_TRAIN)/chrome-catalog$$c; done
	$(BIN)/python -m workers.training.edge_chrome $(SHARED)/corpus $(CHROME_TRAIN)/chrome-catalog1 \
		$(CHROME_TRAIN)/chrome-catalog2 $(CHROME_TRAIN)/chrome-catalog3 $(addprefix tests/fixtures/,$(CHROME_DEV_SETS))
	$(BIN)/python -m workers.training.inner_chrome $(SHARED)/corpus $(CHROME_TRAIN)/chrome-catalog1 \
		$(CHROME_TRAIN)/chrome-catalog2 $(CHROME_TRAIN)/chrome-catalog3 $(addprefix tests/fixtures/,$(CHROME_DEV_SETS))
	$(BIN)/python -m workers.training.unaided_chrome $(SHARED)/corpus $(CHROME_TRAIN)/chrome-catalog1 \
		$(CHROME_TRAIN)/chrome-catalog2 $(CHROME_TRAIN)/chrome-catalog3 $(addprefix tests/fixtures/,$(CHROME_DEV_SETS))

# Leave-one-set-out cross-validation of the three chrome models over the corpus-kinds development sets (the corpus,
# chrome catalogs 1-3 and the other development sets train every fold; held-out sets stay out): furniture P/R on a
# site's pages the models never saw. About 15 minutes on 2 cores; needs the catalogs train-chrome writes.
CHROME_CV_FOLDS := $(filter corpus_kinds_%,$(CHROME_DEV_SETS))
JOBS ?= 2
chrome-cv: $(VENV)/.installed
	test -d $(CHROME_TRAIN)/chrome-catalog3 || for c in 1 2 3; do $(BIN)/python benchmarks/chrome_variants.py --catalog $$c --seed 0 $(CHROME_TRAIN)/chrome-catalog$$c; done
	$(BIN)/python benchmarks/chrome_cv.py --jobs $(JOBS) $(addprefix tests/fixtures/,$(CHROME_CV_FOLDS)) -- $(SHARED)/corpus \
		$(CHROME_TRAIN)/chrome-catalog1 $(CHROME_TRAIN)/chrome-catalog2 $(CHROME_TRAIN)/chrome-catalog3 \
		$(addprefix tests/fixtures/,$(filter-out corpus_kinds_%,$(CHROME_DEV_SETS)))

# The chrome models on real pages they never saw: the corpus left out of their training, and with it chrome catalogs
# 1-3 (the corpus's own texts with other sites' chrome), so they are fitted on the invented development sets alone.
# Furniture P/R on the corpus, as a user's real pages would meet models trained without them. About a minute.
chrome-real: $(VENV)/.installed
	$(BIN)/python benchmarks/chrome_cv.py --jobs 1 $(SHARED)/corpus -- $(addprefix tests/fixtures/,$(CHROME_DEV_SETS))

clean-state:
	rm -rf .pagemill archive failed
