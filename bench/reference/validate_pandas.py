"""Reference for the validate bench: a vectorised pandas check of matchups.csv against images.zip (required columns,
empty cells, images present in the zip, duplicate pairs), timed from process start of the check to the verdict.

Usage: python3 validate_pandas.py <dataset folder>. Last line printed: "<seconds> <peak megabytes>".
"""
import os
import resource
import sys
import time
import zipfile

import pandas as pd

start = time.perf_counter()
folder = sys.argv[1]
frame = pd.read_csv(os.path.join(folder, "matchups.csv"), dtype=str, keep_default_na=False)
missing_columns = {"prompt", "image1", "image2"} - set(frame.columns)
with zipfile.ZipFile(os.path.join(folder, "images.zip")) as archive:
    names = pd.Index(archive.namelist())
problems = 0
if not missing_columns:
    problems += int((frame[["prompt", "image1", "image2"]] == "").any(axis=1).sum())
    for column in ("image1", "image2"):
        problems += int((~frame[column].isin(names) & ~frame[column].isin("images/" + names)).sum())
    problems += int((frame["image1"] == frame["image2"]).sum())
    key = frame["prompt"] + "\n" + frame[["image1", "image2"]].min(axis=1) + "\n" + frame[["image1", "image2"]].max(axis=1)
    problems += int(key.duplicated().sum())
print(f"{len(frame)} rows, {problems} problems, {'accepted' if problems == 0 and not missing_columns else 'rejected'}")
print(f"{time.perf_counter() - start:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
