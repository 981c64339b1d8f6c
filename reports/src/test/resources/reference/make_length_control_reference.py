"""Reference values for the length-controlled score (dev.parity.reports.stats.LengthControl).

Run from this folder with Python 3 and NumPy/SciPy (Debian: python3-numpy python3-scipy):
    python3 make_length_control_reference.py
It writes length-control.json beside itself. The tests read that file; they never run this script.

The fit is written here from its definition, independently of the Java code: the objective
    sum_i w_i (y_i log p_i + (1 - y_i) log(1 - p_i)) - (lambda / 2) sum_j beta_j^2,
    p_i = sigmoid(beta_0 + sum_j beta_j x_ij / sd_j),
with w_i = 1 / (judgments of task i's task) (every task weighs the same), sd_j the standard
deviation (ddof 1) of covariate j over the judgments, a covariate that does not vary left out, and
lambda = 0.25 on the slopes only, maximised with SciPy's BFGS to a gradient of 1e-11.
"""
import json
import numpy as np
import scipy
from scipy.optimize import minimize

RIDGE = 0.25
rng = np.random.default_rng(20261205)
tasks = 40
rows = []
for t in range(tasks):
    n = int(rng.integers(1, 4))
    length = float(np.round(rng.normal(0.3, 0.6), 6))
    tables = float(rng.choice([-1.0, -1 / 3, 0.0, 0.0, 1 / 3, 1.0]))
    for _ in range(n):
        eta = 0.2 + 1.1 * length + 0.4 * tables
        u = rng.random()
        p = 1 / (1 + np.exp(-eta))
        score = 1.0 if u < p * 0.8 else (0.5 if u < p * 0.8 + 0.2 else 0.0)
        rows.append({"task": "t%02d" % t, "score": score, "differences": [length, tables, 0.0]})

y = np.array([r["score"] for r in rows])
raw = np.array([r["differences"] for r in rows])
counts = {}
for r in rows:
    counts[r["task"]] = counts.get(r["task"], 0) + 1
w = np.array([1.0 / counts[r["task"]] for r in rows])
sd = raw.std(axis=0, ddof=1)
used = [j for j in range(raw.shape[1]) if sd[j] > 0]
X = raw[:, used] / sd[used]


def negative(beta):
    eta = beta[0] + X @ beta[1:]
    ll = np.sum(w * (y * -np.logaddexp(0, -eta) + (1 - y) * -np.logaddexp(0, eta)))
    return -ll + RIDGE / 2 * np.sum(beta[1:] ** 2)


def gradient(beta):
    eta = beta[0] + X @ beta[1:]
    p = 1 / (1 + np.exp(-eta))
    r = w * (y - p)
    g = np.concatenate([[r.sum()], X.T @ r])
    g[1:] -= RIDGE * beta[1:]
    return -g


fit = minimize(negative, np.zeros(len(used) + 1), jac=gradient, method="BFGS", options={"gtol": 1e-11})
beta = fit.x
names = ["length", "tables", "headings"]
out = {
    "generated_with": "Python %s, NumPy %s, SciPy %s; make_length_control_reference.py"
    % (".".join(map(str, __import__("sys").version_info[:3])), np.__version__, scipy.__version__),
    "description": "40 tasks with 1-3 judgments (scores 1, 0.5, 0), a length and a tables difference per task "
    "and a headings difference that never varies (left out); every task weighs the same; ridge 0.25 on "
    "the slopes of the covariates divided by their standard deviations",
    "covariates": names,
    "judgments": rows,
    "expected": {
        "raw_score": float(np.sum(w * y) / np.sum(w)),
        "intercept": float(beta[0]),
        "score": float(1 / (1 + np.exp(-beta[0]))),
        "slopes": {names[j]: float(beta[k + 1]) for k, j in enumerate(used)},
    },
    "tolerance": {"abs": 1e-7},
}
with open("length-control.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(out["expected"], fit.message, "gradient", np.abs(gradient(beta)).max())
