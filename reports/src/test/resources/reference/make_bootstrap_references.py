"""Reference values for the task-clustered bootstrap and the Wilcoxon normal approximation.

Run from this folder with Python 3 and NumPy/SciPy (Debian: python3-numpy python3-scipy):
    python3 make_bootstrap_references.py
It writes two-stage-bootstrap.json and wilcoxon-normal.json beside itself. The tests read those
files; they never run this script.

Two-stage bootstrap: the literal algorithm, one index at a time (draw G tasks with replacement,
then redraw each drawn task's n judgments with replacement), so it shares nothing with the Java
implementation, which draws binomial counts per pattern of tasks instead. The targets are the
means over many independent runs with B = 10,000; the tolerances are 5 standard deviations of
those runs (plus one support step for percentiles), the Monte Carlo spread the Java run of
B = 10,000 must fall within.
"""
import json
import numpy as np
import scipy
from scipy import stats

SCORES = {"win_or_tie": {"W": 1.0, "T": 1.0, "L": 0.0},
          "score": {"W": 1.0, "T": 0.5, "L": 0.0}}
B = 10_000
RUNS = 40


def two_stage(clusters, rng, b):
    g = len(clusters)
    out = np.empty(b)
    for r in range(b):
        total = 0.0
        n = 0
        for t in rng.integers(0, g, size=g):
            values = clusters[t]
            total += values[rng.integers(0, len(values), size=len(values))].sum()
            n += len(values)
        out[r] = total / n
    return out


def two_stage_fast(clusters, rng, b):
    """The same algorithm vectorised over tasks (still index by index), for the larger data."""
    g = len(clusters)
    sizes = np.array([len(c) for c in clusters])
    flat = np.concatenate(clusters)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    out = np.empty(b)
    for r in range(b):
        tasks = rng.integers(0, g, size=g)
        n = sizes[tasks]
        offsets = np.repeat(starts[tasks], n)
        within = (rng.random(n.sum()) * np.repeat(n, n)).astype(np.int64)
        out[r] = flat[offsets + within].sum() / n.sum()
    return out


def summarise(clusters, level, draw, seed):
    rng = np.random.default_rng(seed)
    lows, highs, ses = [], [], []
    for _ in range(RUNS):
        reps = draw(clusters, rng, B)
        lows.append(np.quantile(reps, (1 - level) / 2))   # NumPy's default is R-7
        highs.append(np.quantile(reps, 1 - (1 - level) / 2))
        ses.append(reps.std(ddof=1))
    n = sum(len(c) for c in clusters)
    step = 1.0 / n
    return {
        "estimate": float(np.concatenate(clusters).mean()),
        "percentile_lower": float(np.mean(lows)),
        "percentile_upper": float(np.mean(highs)),
        "standard_error": float(np.mean(ses)),
        "tolerance": {
            "estimate": {"abs": 1e-12},
            "percentile_lower": {"abs": float(5 * np.std(lows, ddof=1) + step)},
            "percentile_upper": {"abs": float(5 * np.std(highs, ddof=1) + step)},
            "standard_error": {"abs": float(5 * np.std(ses, ddof=1))},
        },
    }


def case(name, description, verdicts, draw, seed):
    result = {"id": name, "description": description, "verdicts_per_task": verdicts,
              "resamples": B, "level": 0.95, "runs": RUNS, "expected": {}}
    for key, score in SCORES.items():
        clusters = [np.array([score[v] for v in task]) for task in verdicts]
        result["expected"][key] = summarise(clusters, 0.95, draw, seed)
    return result


def wilcoxon_case(d):
    out = {}
    for zero in ["wilcox", "pratt", "zsplit"]:
        for cc in [True, False]:
            r = stats.wilcoxon(d, zero_method=zero, correction=cc, method="approx")
            key = "%s_%s" % (zero, "cc" if cc else "nocc")
            out[key + "_p_two_sided"] = float(r.pvalue)
            r = stats.wilcoxon(d, zero_method=zero, correction=cc, method="approx",
                               alternative="greater")
            out[key + "_p_greater"] = float(r.pvalue)
    return out


def main():
    small = [list(t) for t in ["WWT", "LL", "WTWW", "L", "TLW", "WW", "LTL", "WLTW"]]
    rng = np.random.default_rng(20261127)
    # Many small tasks with few distinct verdict patterns: the Java side draws tasks per pattern.
    many = ["".join(rng.choice(list("WTL"), p=[0.35, 0.2, 0.45], size=rng.integers(1, 4)))
            for _ in range(2000)]
    bootstrap = {
        "generated_with": "Python %s, NumPy %s, SciPy %s; make_bootstrap_references.py"
                          % (".".join(map(str, __import__("sys").version_info[:3])),
                             np.__version__, scipy.__version__),
        "cases": [
            case("unequal-8-tasks", "8 tasks with 1-4 verdicts (the cluster-se-winrate-unequal data)",
                 small, two_stage, 1),
            case("2000-small-tasks", "2,000 tasks with 1-3 verdicts each, drawn with seed 20261127",
                 [list(t) for t in many], two_stage_fast, 2),
        ],
    }
    with open("two-stage-bootstrap.json", "w") as f:
        json.dump(bootstrap, f, indent=1)

    rng = np.random.default_rng(7)
    d = rng.integers(-3, 4, size=60).astype(float)  # 60 differences with many ties and zeros
    wilcoxon = {
        "generated_with": "SciPy %s scipy.stats.wilcoxon(method='approx')" % scipy.__version__,
        "d": d.tolist(),
        "expected": wilcoxon_case(d),
        "tolerance": {"rel": 1e-9, "abs": 1e-12},
    }
    with open("wilcoxon-normal.json", "w") as f:
        json.dump(wilcoxon, f, indent=1)


if __name__ == "__main__":
    main()
