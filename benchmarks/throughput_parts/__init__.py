"""The parts of ``benchmarks/throughput.py``, in the order a run uses them.

common    paths, small helpers, the machine and code being measured
pages     benchmark pages made from the corpus; watching an outbox for their outcomes
tree      sampling memory and CPU over a process tree (the service's, or ``pagemill process``'s)
service   starting and stopping ``pagemill up``, dropping pages, reading its log
load      what is measured through the service: start-up, warm-up, burst and steady load
limits    what the service is compared with: ``pagemill process`` (the limit), spaCy (the peer), the write step alone
report    targets, the summary figures and the printed table
"""
