"""The edges: everything that touches files or the broker (watcher, outbox writer, ledger, batch runner)."""
