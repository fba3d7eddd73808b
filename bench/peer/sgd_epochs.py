#!/usr/bin/python3
"""The scikit-learn peer for costwise's epoch speed (bench/train.sh).

Reads a label-first, headerless CSV with pandas, standardises the features with StandardScaler,
then runs SGDClassifier (logistic loss, constant learning rate 0.01) for --epochs calls of
partial_fit over all rows. One partial_fit call is one epoch: a pass over every row with one
weight update per row, the closest scikit-learn has to costwise's mini-batch epoch.

Prints one JSON object: rows, columns, import/read/scale seconds and the seconds of each epoch.
The whole process (interpreter start, imports, everything) is timed from outside, by the harness.

Run with Debian's interpreter, /usr/bin/python3, which sees python3-sklearn and python3-pandas:
    /usr/bin/python3 bench/peer/sgd_epochs.py DATA.csv --epochs 3
"""
import argparse
import json
import time

start = time.perf_counter()
import numpy as np  # noqa: E402  (imports are timed: they are part of what a peer job pays)
import pandas as pd  # noqa: E402
from sklearn.linear_model import SGDClassifier  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

import_s = time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", help="label-first CSV without a header")
    parser.add_argument("--epochs", type=int, default=3, help="partial_fit calls (default 3)")
    parser.add_argument(
        "--positive-weight",
        type=float,
        default=None,
        help="class_weight of label 1 against 1 for label 0 (default: unweighted). The per-row "
        "work is the same either way; costwise's fn_cost/fp_cost is the analogue.",
    )
    args = parser.parse_args()

    t = time.perf_counter()
    # float64 throughout: SGDClassifier works in float64 and would otherwise copy.
    frame = pd.read_csv(args.csv, header=None, dtype=np.float64, engine="c")
    y = frame.iloc[:, 0].to_numpy(dtype=np.int64)
    x = frame.iloc[:, 1:].to_numpy(dtype=np.float64)
    del frame
    read_s = time.perf_counter() - t

    t = time.perf_counter()
    x = StandardScaler(copy=False).fit_transform(x)
    scale_s = time.perf_counter() - t

    # partial_fit, not fit: fit would loop over epochs itself (with shuffling and a stopping rule),
    # and we want each epoch timed on its own. random_state fixes the (unused) shuffling seed.
    weights = None if args.positive_weight is None else {0: 1.0, 1: args.positive_weight}
    model = SGDClassifier(
        loss="log_loss",
        learning_rate="constant",
        eta0=0.01,
        random_state=0,
        class_weight=weights,
    )
    epoch_s = []
    for _ in range(args.epochs):
        t = time.perf_counter()
        model.partial_fit(x, y, classes=[0, 1])
        epoch_s.append(time.perf_counter() - t)

    print(
        json.dumps(
            {
                "rows": int(x.shape[0]),
                "columns": int(x.shape[1]),
                "import_s": round(import_s, 6),
                "read_s": round(read_s, 6),
                "scale_s": round(scale_s, 6),
                "epoch_s": [round(s, 6) for s in epoch_s],
                "train_accuracy": round(float(model.score(x, y)), 4),
            }
        )
    )


if __name__ == "__main__":
    main()
