"""The logistic regression both learned chrome models are fitted with (:mod:`.edge_chrome`, :mod:`.inner_chrome`)."""

from __future__ import annotations

import numpy as np

#: Gradient descent: steps, step size and the L2 penalty's weight.
ITERATIONS, RATE, L2 = 800, 0.5, 1.0


def fit(xs: list[dict[str, float]], ys: list[float]) -> dict[str, float]:
    """Weights of a logistic regression with an L2 penalty, by full-batch gradient descent from zero."""
    names = sorted({k for x in xs for k in x})
    index = {k: j for j, k in enumerate(names)}
    X = np.zeros((len(xs), len(names)))
    for r, x in enumerate(xs):
        for k, v in x.items():
            X[r, index[k]] = v
    y = np.array(ys)
    w = np.zeros(len(names))
    for _ in range(ITERATIONS):
        p = 1 / (1 + np.exp(-(X @ w)))
        w -= RATE * (X.T @ (p - y) + L2 * w) / len(y)
    return {k: round(float(w[j]), 5) for k, j in index.items() if abs(w[j]) >= 1e-5}
