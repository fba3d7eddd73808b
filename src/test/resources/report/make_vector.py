#!/usr/bin/env python3
"""Writes interactive-vector.json: scores, labels, outcome values and thresholds with the figures
the report must show, computed here independently of the Java and JavaScript code (exact
fractions and decimals, Python's shortest float repr for the close-call decimals).

Run from this folder: python3 make_vector.py > interactive-vector.json
"""
import json
from decimal import Decimal
from fractions import Fraction

# Ties (three at 0.3), a score at 0.5 and on both close-call edges of 0.5 (0.45, 0.55), 0 and 1,
# and scores either side of the reference's cost-optimal threshold 0.0059.
SCORES = [0.0, 0.005, 0.0059, 0.01, 0.02, 0.1, 0.2, 0.3, 0.3, 0.3, 0.45, 0.46, 0.5, 0.5,
          0.54, 0.55, 0.56, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0]
LABELS = [0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1]
WIDTH = "0.05"
THRESHOLDS = [0.0, 0.0059, 0.00591, 0.3, 0.45, 0.5, 0.55, 0.7, 0.999, 1.0]
VALUE_SETS = [
    {"unit": "USD", "values": ["0", "-1287.67", "-252000", "-35280"]},
    # Three decimals, and amounts that land on half cents per case.
    {"unit": "EUR", "values": ["0.125", "-3.333", "-100.005", "-7.5"]},
]
# Per-row costs (positive is a cost) for FP and FN; TN and TP from the first table.
FP_COSTS = ["1287.67", "10", "0.01", "99.99", "5.5", "1000", "0", "12.34", "0", "7.07", "0",
            "250.25", "3", "0", "0", "2.22", "0", "1.11", "0", "0", "333.33", "0", "0", "0"]
FN_COSTS = ["0", "0", "252000", "0", "0", "0", "1000.01", "0", "77.77", "0", "5000", "0", "0",
            "0.05", "12", "0", "42", "0", "8", "9", "0", "100000", "3.33", "0.01"]


def money(amount, unit):
    """Rounded to the cent, half away from zero; grouped; $ for USD."""
    cents = half_up(Fraction(amount) * 100)
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    digits = f"{whole:,}.{rest:02d}"
    return sign + "$" + digits if unit == "USD" else sign + digits + " " + unit


def half_up(x):
    n, d = x.numerator, x.denominator
    q, r = divmod(abs(n), d)
    if 2 * r >= d:
        q += 1
    return -q if n < 0 else q


def ratio(num, den, digits=4):
    """num / den with `digits` decimals, half to even; 0 when den is 0."""
    if den == 0:
        return f"{0:.{digits}f}"
    x = Fraction(num, den) * 10**digits
    q, r = divmod(x.numerator, x.denominator)
    if 2 * r > x.denominator or (2 * r == x.denominator and q % 2 == 1):
        q += 1
    s = str(q).rjust(digits + 1, "0")
    return s[:-digits] + "." + s[-digits:]


def figures(threshold, values, unit, fp_costs=None, fn_costs=None):
    v_tn, v_fp, v_fn, v_tp = (Decimal(x) for x in values)
    width, t = Decimal(WIDTH), Decimal(repr(threshold))
    cells = {"tn": 0, "fp": 0, "fn": 0, "tp": 0}
    close = dict(cells)
    total = nobody = everyone = perfect = Decimal(0)
    for i, (score, label) in enumerate(zip(SCORES, LABELS)):
        flagged = score >= threshold
        cell = ("tp" if flagged else "fn") if label == 1 else ("fp" if flagged else "tn")
        cells[cell] += 1
        if t - width <= Decimal(repr(score)) <= t + width:
            close[cell] += 1
        fp = -Decimal(fp_costs[i]) if fp_costs else v_fp
        fn = -Decimal(fn_costs[i]) if fn_costs else v_fn
        value = {"tn": v_tn, "fp": fp, "fn": fn, "tp": v_tp}
        total += value[cell]
        nobody += value["fn" if label else "tn"]
        everyone += value["tp" if label else "fp"]
        perfect += value["tp" if label else "tn"]
    n = len(SCORES)
    tn, fp, fn, tp = cells["tn"], cells["fp"], cells["fn"], cells["tp"]
    out = {"threshold": threshold, **cells,
           "closeCalls": [close["tn"], close["fp"], close["fn"], close["tp"]],
           "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
           "f1": ratio(2 * tp, 2 * tp + fp + fn), "accuracy": ratio(tn + tp, n)}
    for name, amount in [("ev", total), ("nobody", nobody), ("everyone", everyone),
                         ("perfect", perfect)]:
        out[name + "Total"] = money(amount, unit)
        out[name + "PerCase"] = money(Fraction(amount) / n, unit)
    return out


cases = []
for vs in VALUE_SETS:
    cases.append({"unit": vs["unit"], "values": vs["values"],
                  "expected": [figures(t, vs["values"], vs["unit"]) for t in THRESHOLDS]})
table = VALUE_SETS[0]
cases.append({"unit": table["unit"], "values": table["values"], "fpCosts": FP_COSTS,
              "fnCosts": FN_COSTS,
              "expected": [figures(t, table["values"], table["unit"], FP_COSTS, FN_COSTS)
                           for t in THRESHOLDS]})
print(json.dumps({"scores": SCORES, "labels": LABELS, "width": WIDTH, "cases": cases}, indent=1))
