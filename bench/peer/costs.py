#!/usr/bin/python3
"""The scikit-learn peers for costwise's savings on bank marketing, per-row costs (bench/costs.sh).

Reads bankmarketing.csv (header; `label` first, 32 features, then the per-row costs C_FP, C_FN,
C_TP, C_TN in euros), splits it as the issue did, train_test_split(test_size=0.33,
random_state=0), fits the peers on the training part (features only; the costs go into the
weights, the calibration and the decisions, never into the features) and scores each on the test
part: savings = 1 - cost(policy) / min(cost(flag nobody), cost(flag everyone)), where a policy's
cost is the sum over rows of the cost of that row's outcome.

Writes into OUT_DIR:
  train.csv, test.csv  the split for costwise: the source's header and its lines, byte for byte
                       (so both tools read identical numbers), in train_test_split's row order
  peers.json           the figures below, for the harness
  fit.csv, validation.csv   with --validation-fraction F only: the training part split once more,
                       stratified, train_test_split(test_size=F, random_state=0), for a costwise
                       job that gets a validation channel (the peers always use the whole
                       training part)
and prints a table: peer, savings on test, total cost on test, fit seconds.

    /usr/bin/python3 bench/peer/costs.py OUT_DIR [--data bankmarketing.csv] [--validation-fraction F]

The issue's three figures and what reproduces them (Debian's scikit-learn 1.2.1, numpy 1.24.2;
all three need the features standardised, StandardScaler inside the pipeline; LogisticRegression
otherwise at its defaults: lbfgs, C=1, max_iter=100, which converges once the features are scaled):
  -0.316  lr@0.5                 measured -0.3162
   0.447  weighted_lr@0.5        measured  0.4470 (sample_weight C_FN - C_TP for positives,
                                 C_FP - C_TN for negatives)
   0.491  lr+isotonic+bayes_risk measured  0.4910 with CalibratedClassifierCV(pipeline,
                                 method="isotonic") at its defaults: cv=5 (unshuffled stratified
                                 folds), ensemble=True (the mean of the 5 calibrated fold models)
What does not reproduce them: unscaled features with the defaults (lbfgs stops at max_iter=100
unconverged) give -0.354 / 0.460; unscaled with max_iter=1000 -0.319 / 0.460; unscaled liblinear
-0.320 / 0.457. With the scaled pipeline, isotonic with cv=3 gives 0.4907 (also rounds to 0.491;
cv=3 was the default before scikit-learn 0.22), cv=2 0.4925, cv=10 0.4904, ensemble=False with
cv=5 0.4925; calibrated on a held-out part of the training part (cv="prefit", the model fitted on
the rest; train_test_split(random_state=0) of the training part) 0.4915 with half held out, 0.4939
with a third, 0.4919 with a fifth.

The other peers: Platt (sigmoid) calibration instead of isotonic; Bayes minimum risk on the
uncalibrated LogisticRegression (how much the calibration adds); on the cost-weighted model (the
weights already move the scores towards the costly class, so the per-row Bayes threshold counts
the costs a second time); and one global threshold chosen for the least total cost on the
training part, from 5-fold out-of-fold scores, then applied to the model refitted on the whole
training part. That is what TunedThresholdClassifierCV (scikit-learn >= 1.5; not in Debian's 1.2)
does with cv=5 and a total-cost scorer, implemented here in a few lines; it differs in searching
every distinct out-of-fold score (the cut half-way between neighbours) where the class
interpolates a grid of 100 thresholds per fold.
"""
import argparse
import json
import os
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DEFAULT_DATA = "/work/shared/data/bankmarketing.csv"
COSTS = ["C_FP", "C_FN", "C_TP", "C_TN"]
FEATURES = 32


def logistic_regression():
    """The issue's model: standardised features, LogisticRegression at its defaults."""
    return make_pipeline(StandardScaler(), LogisticRegression())


def fit(model, x, y, weights=None):
    """Fits a logistic_regression() pipeline, with per-row weights if given."""
    if weights is None:
        return model.fit(x, y)
    return model.fit(x, y, logisticregression__sample_weight=weights)


def outcome_costs(y, costs):
    """Per row: what flagging it costs and what leaving it costs (C_TP/C_FP, C_FN/C_TN)."""
    positive = y == 1
    flag = np.where(positive, costs["C_TP"], costs["C_FP"])
    keep = np.where(positive, costs["C_FN"], costs["C_TN"])
    return flag, keep


def total_cost(y, flagged, costs):
    flag, keep = outcome_costs(y, costs)
    return float(np.sum(np.where(flagged, flag, keep)))


def bayes_thresholds(costs):
    """Per row, the probability from which flagging costs less in expectation:
    p*C_TP + (1-p)*C_FP < p*C_FN + (1-p)*C_TN  <=>  p > (C_FP-C_TN) / ((C_FP-C_TN) + (C_FN-C_TP)).
    (Flagging at equality, p >= threshold, as the issue did; ties cost the same either way.)"""
    negative_side = costs["C_FP"] - costs["C_TN"]
    return negative_side / (negative_side + costs["C_FN"] - costs["C_TP"])


def cheapest_threshold(scores, y, costs):
    """The one threshold t (flag when score >= t) with the least total cost on these rows: every
    cut between distinct scores is tried, and t is half-way between the two scores around the best."""
    order = np.argsort(-scores, kind="stable")
    s = scores[order]
    flag, keep = outcome_costs(y[order], costs.iloc[order])
    # totals[k]: the cost of flagging the k highest-scored rows, k = 0 .. n.
    totals = keep.sum() + np.concatenate([[0.0], np.cumsum(flag - keep)])
    cut = np.ones(len(s) + 1, dtype=bool)
    cut[1:-1] = s[:-1] > s[1:]  # no cut between tied scores
    k = int(np.flatnonzero(cut)[np.argmin(totals[cut])])
    if k == 0:
        return float(np.nextafter(s[0], np.inf))  # flag nobody
    if k == len(s):
        return 0.0  # flag everyone
    return float((s[k - 1] + s[k]) / 2)


def tuned_threshold(x, y, costs, weights=None):
    """A TunedThresholdClassifierCV equivalent (cv=5, refit=True, total cost as the objective):
    out-of-fold scores from 5 stratified folds, the cheapest single threshold on them, and the
    model refitted on all of x. Returns (model, threshold)."""
    scores = np.empty(len(y))
    for train, held_out in StratifiedKFold(n_splits=5).split(x, y):
        model = fit(logistic_regression(), x[train], y[train], None if weights is None else weights[train])
        scores[held_out] = model.predict_proba(x[held_out])[:, 1]
    threshold = cheapest_threshold(scores, y, costs)
    return fit(logistic_regression(), x, y, weights), threshold


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="directory for train.csv, test.csv and peers.json (created if missing)")
    parser.add_argument("--data", default=DEFAULT_DATA, help=f"the bank marketing CSV (default {DEFAULT_DATA})")
    parser.add_argument(
        "--validation-fraction",
        type=float,
        default=None,
        help="also write fit.csv and validation.csv: the training part split again, this fraction held out",
    )
    args = parser.parse_args()

    frame = pd.read_csv(args.data, dtype=np.float64)
    columns = list(frame.columns)
    if columns[0] != "label" or columns[-4:] != COSTS or len(columns) != 1 + FEATURES + 4:
        raise SystemExit(f"{args.data}: expected label, {FEATURES} features, {', '.join(COSTS)}; got {len(columns)} columns")
    y = frame["label"].to_numpy(dtype=np.int64)
    x = frame[columns[1 : 1 + FEATURES]].to_numpy()
    costs = frame[COSTS]
    rows = np.arange(len(frame))
    # The split. Splitting the row numbers with the same arguments draws the same
    # permutation as splitting x, y and the costs together would.
    train_rows, test_rows = train_test_split(rows, test_size=0.33, random_state=0)

    # The split for costwise: the source's own lines, so both tools parse the same text.
    with open(args.data, newline="") as source:
        lines = source.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header, body = lines[0], lines[1:]
    if len(body) != len(frame):
        raise SystemExit(f"{args.data}: {len(body)} lines after the header but pandas read {len(frame)} rows (blank lines?)")
    parts = [("train.csv", train_rows), ("test.csv", test_rows)]
    if args.validation_fraction is not None:
        fit_rows, validation_rows = train_test_split(
            train_rows, test_size=args.validation_fraction, random_state=0, stratify=y[train_rows]
        )
        parts += [("fit.csv", fit_rows), ("validation.csv", validation_rows)]
    os.makedirs(args.out, exist_ok=True)
    for name, part in parts:
        with open(os.path.join(args.out, name), "w", newline="") as out:
            out.write(header + "\n")
            out.writelines(body[i] + "\n" for i in part)

    x_train, y_train, c_train = x[train_rows], y[train_rows], costs.iloc[train_rows].reset_index(drop=True)
    x_test, y_test, c_test = x[test_rows], y[test_rows], costs.iloc[test_rows].reset_index(drop=True)
    # The cost-weighted fit: a row weighs what misclassifying it costs more than classifying it right.
    weights = np.where(y_train == 1, c_train["C_FN"] - c_train["C_TP"], c_train["C_FP"] - c_train["C_TN"])
    per_row = bayes_thresholds(c_test).to_numpy()

    flag_nobody = total_cost(y_test, np.zeros(len(y_test), dtype=bool), c_test)
    flag_everyone = total_cost(y_test, np.ones(len(y_test), dtype=bool), c_test)
    base = min(flag_nobody, flag_everyone)

    # Each peer: key, description, and a function fitting it on the training part and returning
    # (the fitted model's positive-class probability on x_test -> flags, the fitted threshold or None).
    def plain():
        return fit(logistic_regression(), x_train, y_train)

    def weighted():
        return fit(logistic_regression(), x_train, y_train, weights)

    def calibrated(method):
        return CalibratedClassifierCV(logistic_regression(), method=method).fit(x_train, y_train)

    peers = [
        ("lr@0.5", "LogisticRegression, threshold 0.5", lambda: (plain(), 0.5)),
        ("weighted_lr@0.5", "cost-weighted LogisticRegression, threshold 0.5", lambda: (weighted(), 0.5)),
        ("lr+isotonic+bayes_risk", "LogisticRegression + isotonic calibration (cv=5) + Bayes minimum risk", lambda: (calibrated("isotonic"), None)),
        ("lr+platt+bayes_risk", "LogisticRegression + Platt (sigmoid) calibration (cv=5) + Bayes minimum risk", lambda: (calibrated("sigmoid"), None)),
        ("lr+bayes_risk", "LogisticRegression, uncalibrated, + Bayes minimum risk", lambda: (plain(), None)),
        ("weighted_lr+bayes_risk", "cost-weighted LogisticRegression + Bayes minimum risk (costs counted twice)", lambda: (weighted(), None)),
        ("lr+tuned", "LogisticRegression + one threshold tuned on total cost (5-fold out-of-fold, training part)", lambda: tuned_threshold(x_train, y_train, c_train)),
        ("weighted_lr+tuned", "cost-weighted LogisticRegression + one threshold tuned on total cost (5-fold out-of-fold)", lambda: tuned_threshold(x_train, y_train, c_train, weights)),
    ]

    results = []
    for key, description, train in peers:
        with warnings.catch_warnings():
            warnings.simplefilter("error", category=sklearn.exceptions.ConvergenceWarning)
            start = time.perf_counter()
            model, threshold = train()
            fit_s = time.perf_counter() - start
        p = model.predict_proba(x_test)[:, 1]
        flagged = p >= (per_row if threshold is None else threshold)
        cost = total_cost(y_test, flagged, c_test)
        results.append(
            {
                "key": key,
                "description": description,
                "savings": 1 - cost / base,
                "total_cost": cost,
                "fit_s": round(fit_s, 4),
                "threshold": "per row (Bayes minimum risk)" if threshold is None else threshold,
                "flagged": int(flagged.sum()),
            }
        )

    summary = {
        "data": os.path.abspath(args.data),
        "split": "train_test_split(test_size=0.33, random_state=0)",
        "rows_train": int(len(train_rows)),
        "rows_test": int(len(test_rows)),
        "positives_test": int(y_test.sum()),
        "cost_flag_nobody": flag_nobody,
        "cost_flag_everyone": flag_everyone,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "peers": results,
    }
    with open(os.path.join(args.out, "peers.json"), "w") as out:
        json.dump(summary, out, indent=2)
        out.write("\n")

    print(f"bank marketing: {len(train_rows)} training rows, {len(test_rows)} test rows ({int(y_test.sum())} positive)")
    print(f"test part: cost(flag nobody) {flag_nobody:.2f} EUR, cost(flag everyone) {flag_everyone:.2f} EUR")
    print(f"{'peer':<24} {'savings':>8} {'total cost':>11} {'fit s':>7} {'flagged':>7}  threshold")
    for r in results:
        t = r["threshold"] if isinstance(r["threshold"], str) else f"{r['threshold']:.4f}"
        print(f"{r['key']:<24} {r['savings']:>8.4f} {r['total_cost']:>11.2f} {r['fit_s']:>7.3f} {r['flagged']:>7}  {t}")


if __name__ == "__main__":
    main()
