"""What any allocation of votes over fixed matchups can reach on the adaptive bench's crowd, in a Gaussian model.

The bench's crowd (10 models, 2,000 random matchups, per-image log-strength noise 0.25, 10% random voters): a matchup with
n votes informs its two models' score difference with information 1 / (s2 + q(1-q) / (n (0.9 p(1-p))^2)), where s2 =
2 x 0.25^2 is its images' noise and the second term the voters' (q = 0.05 + 0.9 p, the share with random voters). The
expected number of model pairs in the wrong order is sum Phi(-|gap| / sd) over the 45 pairs, sd from the inverse of the
information matrix; expected tau = 1 - 2 x swaps / 45. Uniform gives every matchup the same n; "oracle" spends each vote
where it lowers the expected swaps most, knowing the true strengths (greedy, 100 votes at a time, after a first order of
`first` votes per matchup): no allocation planned on estimated strengths does better. Infinite votes per matchup is the
ceiling. Usage: python3 adaptive_bound.py [seeds] (default 3). Needs numpy.
"""
import sys
from math import erf, log, pi, sqrt

import numpy as np

ELO = np.array([0, 90, 105, 200, 212, 300, 310, 400, 480, 490])
THETA = ELO * log(10) / 400
IMAGE_NOISE = 2 * 0.25 ** 2
MATCHUPS, MODELS = 2000, len(ELO)


def phi_cdf(x):
    return 0.5 * (1 + erf(x / sqrt(2)))


def crowd(seed):
    r = np.random.default_rng(seed)
    a = r.integers(0, MODELS, MATCHUPS)
    b = (a + 1 + r.integers(0, MODELS - 1, MATCHUPS)) % MODELS
    p = 1 / (1 + np.exp(-(THETA[a] - THETA[b])))
    q = 0.05 + 0.9 * p
    slope = 0.9 * p * (1 - p)  # d share / d logit
    return a, b, lambda n: 1 / (IMAGE_NOISE + q * (1 - q) / (n * slope * slope))


def covariance(a, b, weights):
    information = np.ones((MODELS, MODELS))  # + all-ones: invertible, same contrasts as the pseudo-inverse
    np.add.at(information, (a, a), weights)
    np.add.at(information, (b, b), weights)
    np.add.at(information, (a, b), -weights)
    np.add.at(information, (b, a), -weights)
    return np.linalg.inv(information)


def swaps(cov):
    return sum(phi_cdf(-abs(THETA[i] - THETA[j]) / sqrt(cov[i, i] + cov[j, j] - 2 * cov[i, j]))
               for i in range(MODELS) for j in range(i + 1, MODELS))


def tau(expected_swaps):
    return 1 - 2 * expected_swaps / (MODELS * (MODELS - 1) / 2)


def oracle(a, b, info, first, budgets, step=100):
    n = np.full(MATCHUPS, float(first))
    used, result = first * MATCHUPS, {}
    for budget in budgets:
        while used < budget:
            cov = covariance(a, b, info(n))
            weights = np.zeros((MODELS, MODELS))
            for i in range(MODELS):
                for j in range(i + 1, MODELS):
                    v = cov[i, i] + cov[j, j] - 2 * cov[i, j]
                    z = abs(THETA[i] - THETA[j]) / sqrt(v)
                    w = np.exp(-z * z / 2) / sqrt(2 * pi) * z / (2 * v)  # d swaps / d variance
                    weights[i, i] += w; weights[j, j] += w; weights[i, j] -= w; weights[j, i] -= w
            sensitivity = cov @ weights @ cov
            value = (info(n + 1) - info(n)) * (sensitivity[a, a] + sensitivity[b, b] - 2 * sensitivity[a, b])
            picked = np.argsort(-value)[:min(step, budget - used)]
            n[picked] += 1
            used += len(picked)
        result[budget] = tau(swaps(covariance(a, b, info(n))))
    return result


seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
budgets = [12000, 14000, 16000, 18000, 21000, 24000, 30000]
rows = {}
for seed in range(seeds):
    a, b, info = crowd(seed)
    for n in (6, 7, 8, 9, 10, 12, 15):
        rows.setdefault(f"uniform {n * MATCHUPS}", []).append(tau(swaps(covariance(a, b, info(np.full(MATCHUPS, n))))))
    rows.setdefault("ceiling (infinite votes)", []).append(tau(swaps(covariance(a, b, info(np.full(MATCHUPS, 1e12))))))
    for first in (3, 5):
        for budget, t in oracle(a, b, info, first, budgets).items():
            rows.setdefault(f"oracle, first {first}: {budget}", []).append(t)
print(f"expected Kendall tau, Gaussian model, mean over {seeds} crowds")
for name, values in rows.items():
    print(f"{name:32s} {np.mean(values):.4f}")
