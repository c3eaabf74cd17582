"""Reference for bench/PreferenceFunctions.Analysis.Bench: the seed's pandas analysis of a Rapidata compare results
document plus a scikit-learn Bradley-Terry fit with bootstrap intervals, timed from reading the file to the scores.

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
# The seed's per-vote table (the Hugging Face export's detailed_results), as pandas users build it.
votes = entries[["detailedResults"]].explode("detailedResults").dropna()
votes = pd.json_normalize(votes["detailedResults"].tolist())

models = sorted(set(frame["model1"]) | set(frame["model2"]))
column = {m: i for i, m in enumerate(models)}


def fit(sample):
    """Bradley-Terry as logistic regression: one row per matchup, +1 for model 1, -1 for model 2, label 1 weighted
    by model 1's votes and label 0 weighted by model 2's."""
    rows = len(sample)
    design = np.zeros((rows, len(models)))
    design[np.arange(rows), sample["model1"].map(column).to_numpy()] = 1
    design[np.arange(rows), sample["model2"].map(column).to_numpy()] = -1
    labels = np.r_[np.ones(rows), np.zeros(rows)]
    weights = np.r_[sample["votes1"].to_numpy(), sample["votes2"].to_numpy()] + 1e-9
    model = LogisticRegression(fit_intercept=False, C=1e6, max_iter=1000)
    model.fit(np.r_[design, design], labels, sample_weight=weights)
    return 1000 + 400 / np.log(10) * (model.coef_[0] - model.coef_[0].mean())


scores = fit(frame)
random = np.random.default_rng(17)
boot = np.array([fit(frame.sample(len(frame), replace=True, random_state=random)) for _ in range(rounds)]) if rounds else np.array([scores])
low, high = np.percentile(boot, 2.5, axis=0), np.percentile(boot, 97.5, axis=0)
for model, score, lo, hi in sorted(zip(models, scores, low, high), key=lambda row: -row[1]):
    print(f"{model:10} {score:7.1f} [{lo:.1f}, {hi:.1f}]")
print(f"{len(frame)} matchups, {len(votes)} votes")
print(f"{time.perf_counter() - start:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
