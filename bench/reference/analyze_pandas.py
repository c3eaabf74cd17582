"""Reference for bench/PreferenceFunctions.Analysis.Bench: the seed's pandas analysis of a Rapidata compare results
document plus a scikit-learn Bradley-Terry fit with bootstrap intervals, timed from reading the file to the scores.
The same work as `analyze` with its default outputs: one row per matchup with its counts (the fit weights each side
by its votes), no per-vote table (`analyze` builds one only for --votes or --exports hf); model columns encoded once,
each bootstrap round resampling the matchups by index.

Usage: python3 analyze_pandas.py results.json [rounds]. Last line printed: "<seconds> <peak megabytes>".
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

start = time.perf_counter()
path, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
with open(path, encoding="utf-8") as file:
    document = json.load(file)
entries = pd.json_normalize(document["results"], max_level=0)


def model_of(image):
    return image.rsplit("_", 2)[0]


options = entries["aggregatedResults"].map(lambda votes: [k for k in votes if k not in ("Both", "Neither")])
frame = pd.DataFrame({
    "image1": options.str[0],
    "image2": options.str[1],
    "votes1": [votes.get(o[0], 0) for votes, o in zip(entries["aggregatedResults"], options)],
    "votes2": [votes.get(o[1], 0) for votes, o in zip(entries["aggregatedResults"], options)],
})
frame["model1"] = frame["image1"].map(model_of)
frame["model2"] = frame["image2"].map(model_of)
frame["ratio"] = frame[["votes1", "votes2"]].max(axis=1) / (frame["votes1"] + frame["votes2"]).replace(0, np.nan)

models = sorted(set(frame["model1"]) | set(frame["model2"]))
column = {m: i for i, m in enumerate(models)}
# Encoded once: every fit (1 + rounds of them) indexes these arrays instead of mapping strings again.
model1, model2 = frame["model1"].map(column).to_numpy(), frame["model2"].map(column).to_numpy()
votes1, votes2 = frame["votes1"].to_numpy(float), frame["votes2"].to_numpy(float)


def fit(rows):
    """Bradley-Terry as logistic regression on the matchups at index `rows`: one row per matchup, +1 for model 1,
    -1 for model 2, label 1 weighted by model 1's votes and label 0 weighted by model 2's."""
    design = np.zeros((len(rows), len(models)))
    design[np.arange(len(rows)), model1[rows]] = 1
    design[np.arange(len(rows)), model2[rows]] = -1
    labels = np.r_[np.ones(len(rows)), np.zeros(len(rows))]
    weights = np.r_[votes1[rows], votes2[rows]] + 1e-9
    model = LogisticRegression(fit_intercept=False, C=1e6, max_iter=1000)
    model.fit(np.r_[design, design], labels, sample_weight=weights)
    return 1000 + 400 / np.log(10) * (model.coef_[0] - model.coef_[0].mean())


scores = fit(np.arange(len(frame)))
random = np.random.default_rng(17)
# Each bootstrap round resamples the matchups with replacement.
boot = np.array([fit(random.integers(0, len(frame), len(frame))) for _ in range(rounds)]) if rounds else np.array([scores])
low, high = np.percentile(boot, 2.5, axis=0), np.percentile(boot, 97.5, axis=0)
for model, score, lo, hi in sorted(zip(models, scores, low, high), key=lambda row: -row[1]):
    print(f"{model:10} {score:7.1f} [{lo:.1f}, {hi:.1f}]")
print(f"{len(frame)} matchups, {int(votes1.sum() + votes2.sum())} votes for the two images")
print(f"{time.perf_counter() - start:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
