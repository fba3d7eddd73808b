#!/usr/bin/python3
"""The scikit-learn peer for costwise's WDBC training job (bench/train.sh).

Reads the WDBC training CSV (label first, no header), fits StandardScaler + LogisticRegression as
one Pipeline and pickles it to a temporary file, as a minimal scikit-learn training job would.
The whole process is what the harness times (interpreter start and imports included); this
script only prints a one-line JSON summary (rows, training accuracy, pickle size).

    /usr/bin/python3 bench/peer/logreg_wdbc.py [TRAIN.csv]
"""
import argparse
import json
import os
import pickle
import tempfile

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DEFAULT_CSV = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "../../container/local_test/opt_ml/input/data/train/train.csv",
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", default=DEFAULT_CSV, help="default: the shipped WDBC train.csv")
    parser.add_argument(
        "--positive-weight",
        type=float,
        default=None,
        help="class_weight of label 1 against 1 for label 0 (default: unweighted)",
    )
    args = parser.parse_args()

    frame = pd.read_csv(args.csv, header=None, dtype=np.float64)
    y = frame.iloc[:, 0].to_numpy(dtype=np.int64)
    x = frame.iloc[:, 1:].to_numpy()
    weights = None if args.positive_weight is None else {0: 1.0, 1: args.positive_weight}
    # max_iter above lbfgs's default 100 so an unlucky split never stops on a convergence warning.
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, class_weight=weights))
    model.fit(x, y)

    with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as out:
        pickle.dump(model, out)
    size = os.path.getsize(out.name)
    os.unlink(out.name)
    print(json.dumps({"rows": int(x.shape[0]), "train_accuracy": round(float(model.score(x, y)), 4), "pickle_bytes": size}))


if __name__ == "__main__":
    main()
