"""Prints scikit-learn's calibration of each fixture, the expected values of the Java tests."""
import csv
import sys

import numpy as np
import sklearn
from scipy.special import expit, logit
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}")
for name in ["mixed", "small", "separable", "near-ties", "one-class"]:
    with open(f"{name}.csv") as f:
        rows = list(csv.DictReader(f))
    scores = np.array([float(r["score"]) for r in rows])
    labels = np.array([int(r["label"]) for r in rows])

    # Platt on the logit of the clipped score, as costwise's Calibration applies it.
    f = logit(np.clip(scores, 1e-15, 1 - 1e-15))
    a, b = _sigmoid_calibration(f, labels)
    print(f"{name} platt a={float(a)!r} b={float(b)!r}")

    # scikit-learn stops at a small gradient (1.2: BFGS to 1e-5; 1.9: L-BFGS-B to 1e-6)
    # or where its line search loses precision; plain Newton steps from its answer give the
    # optimum to double precision.
    positives = labels.sum()
    t = np.where(labels > 0, (positives + 1) / (positives + 2), 1 / (len(labels) - positives + 2))
    gradient = lambda a, b: np.array([np.dot(t - expit(-(a * f + b)), f), np.sum(t - expit(-(a * f + b)))])
    print(f"{name} platt gradient at scikit-learn's answer {gradient(a, b).tolist()!r}")
    for _ in range(50):
        p = expit(-(a * f + b))
        d = p * (1 - p)
        hessian = np.array([[np.dot(f * f, d), np.dot(f, d)], [np.dot(f, d), d.sum()]])
        if np.linalg.det(hessian) == 0:
            break
        a, b = np.array([a, b]) - np.linalg.solve(hessian, gradient(a, b))
    print(f"{name} platt optimum a={float(a)!r} b={float(b)!r}")

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1).fit(scores, labels)
    print(f"{name} isotonic x={[float(v) for v in iso.X_thresholds_]!r}")
    print(f"{name} isotonic y={[float(v) for v in iso.y_thresholds_]!r}")
    probes = np.array([-0.5, 0.0, 0.005, 0.123, 0.5, 0.7777, 0.999, 1.0, 1.5])
    print(f"{name} isotonic predict {probes.tolist()!r} -> {iso.predict(probes).tolist()!r}")
