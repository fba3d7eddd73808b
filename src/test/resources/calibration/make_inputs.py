"""Writes the fixed inputs of the calibration tests (run once; the CSVs are committed)."""
import numpy as np

rng = np.random.default_rng(20260101)


def write(name, scores, labels):
    with open(name, "w") as out:
        out.write("score,label\n")
        for s, y in zip(scores, labels):
            out.write(f"{float(s)!r},{int(y)}\n")


# 200 scores on a 0.01 grid (many ties), miscalibrated labels (the true probability is
# score ** 0.6), with scores of exactly 0 and 1 carrying both labels.
logits = rng.normal(-0.5, 2.2, 194)
scores = np.round(1 / (1 + np.exp(-logits)), 2)
scores = np.concatenate([scores, [0.0, 0.0, 0.0, 1.0, 1.0, 1.0]])
labels = (rng.random(200) < scores ** 0.6).astype(int)
labels[-6:] = [0, 0, 1, 1, 1, 0]
write("mixed.csv", scores, labels)

# 40 scores on a 0.001 grid, in random order, a few repeated.
scores = np.round(rng.beta(0.8, 1.6, 34), 3)
scores = np.concatenate([scores, scores[:4], [0.0, 1.0]])
labels = (rng.random(40) < scores).astype(int)
order = rng.permutation(40)
write("small.csv", scores[order], labels[order])

# 40 separable scores: every positive above every negative.
negatives = np.round(rng.uniform(0.02, 0.45, 25), 2)
positives = np.round(rng.uniform(0.55, 0.98, 15), 2)
write("separable.csv", np.concatenate([negatives, positives]), [0] * 25 + [1] * 15)

# Scores closer than 1e-15 are ties for scikit-learn's _make_unique.
write(
    "near-ties.csv",
    [0.0, 4e-16, 9e-16, 1e-15, 1.5e-15, 2e-15, 0.5, 0.5, 0.7, 1.0, 1.0 - 1e-16, 1.0],
    [0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1],
)

# One class only.
write("one-class.csv", np.round(rng.uniform(0, 1, 30), 2), [0] * 30)
