#!/usr/bin/env python3
"""Headline tables and learning curves of the compositional benchmark (benchmarks/compositional.md).

Reads the bench output folders of the five settings (compositional-{plain,e0,hints,delta,all}.yaml),
of tp-small alone at 20 epochs with all levers (compositional-all-tp20.yaml) and at 60 epochs in each
setting (compositional-SETTING-tp60.yaml), of compositional-convergence.yaml and of the equivariant
model's epoch ladder (compositional-tp{20,60,90,180}.yaml), all under one folder (named plain, e0,
hints, delta, all, all-tp20, plain-tp60, ..., convergence, tp20, tp60, tp90, tp180). A folder missing
there is read from the committed report of that suite (benchmarks/results/DATE-compositional-headline-NAME,
the latest date), which holds its results.csv and report.md but no training runs. Writes:
  OUT/headline.md        one table per task: ID and OOD total-energy and force MAE (mean ± std over
                         seeds), OOD/ID ratios, committee ROC-AUC, training time per seed
  OUT/convergence.md     ID test errors at the headline epochs against three times as many (and tp-small
                         at 20 against 60, 30 against 90 and 60 against 180)
  OUT/curves-TASK.png    validation force and energy MAE per epoch (learning curves), where the plain and
                         convergence training runs are in RUNS_DIR
  OUT/curves-tp-small.png  the same for tp-small's epoch ladder and its 60-epoch headline runs
Usage: python3 benchmarks/compositional/headline.py RUNS_DIR OUT_DIR   (matplotlib for the plots)
"""
import csv, json, math, os, re, statistics, sys, zipfile

LEVERS = [("plain", "plain (paper)"), ("e0", "+ isolated-atom E0 (anchored)"), ("hints", "+ minimal hints"),
          ("delta", "+ Δ over group additivity"), ("all", "all levers")]
# each setting, then compositional-SETTING-tp60.yaml (tp-small alone, 60 epochs); last compositional-all-tp20.yaml
SETTINGS = [x for s, label in LEVERS for x in ((s, label), (s + "-tp60", label + ", 60 epochs"))] \
    + [("all-tp20", "all levers, 20 epochs")]
HINTED = {"hints", "all", "all-tp20", "hints-tp60", "all-tp60"}   # settings whose fission has its own models
COMMITTED = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "results")
TASKS = ["chain-extension", "fusion", "duplication", "combination", "fission"]
MODELS = ["element-reference", "group-additivity", "schnet-small", "painn-small", "tp-small"]
NETWORKS = MODELS[2:]
EPOCHS = {"schnet-small": "30", "painn-small": "20", "tp-small": "10"}  # the headline suites' epochs
# Published numbers (arXiv:2605.08988, MACE trained to convergence on ~2,000 DFT frames per molecule):
# ID -> OOD; only the duplication task's are quoted in this repository (benchmarks/results.md).
PAPER = {"duplication": "MACE (paper): E 0.0018 → 41 eV, F 0.0028 → 0.0171 eV/Å (×6); 12–134 eV OOD energy across the paper's models"}
NO_HINTS_NEEDED = {"chain-extension", "combination"}   # every OOD energy already determined (tasks --check)
# (setting, task) -> (setting whose rows stand for it, why): the lever leaves the training problem as it was
SAME_AS = {("hints", t): ("plain", "no hint needed") for t in NO_HINTS_NEEDED}
SAME_AS.update({("hints-tp60", t): ("plain-tp60", "no hint needed") for t in NO_HINTS_NEEDED})


def base_task(t):
    return t[len("minhints-"):] if t.startswith("minhints-") else t


def suite_folder(runs, name):
    """RUNS/name, or else the latest committed report folder of that suite (None when neither exists)."""
    path = os.path.join(runs, name)
    if os.path.isdir(path):
        return path
    suffix = "-compositional-headline-" + name
    dated = sorted(d for d in os.listdir(COMMITTED) if d.endswith(suffix) and re.match(r"\d{4}-\d\d-\d\d-", d))
    return os.path.join(COMMITTED, dated[-1]) if dated else None


def results(folder):
    """{(task, model): {seed: {split: row}}} from a bench folder's results.csv."""
    out = {}
    if folder is None:
        return out
    path = os.path.join(folder, "results.csv")
    if not os.path.exists(path):
        return cell_results(folder)
    for r in csv.DictReader(open(path)):
        if not r["seed"].isdigit() or r["status"] != "ok":
            continue
        out.setdefault((base_task(r["task"]), r["model"]), {}).setdefault(int(r["seed"]), {})[r["split"]] = r
    return out


def cell_results(folder):
    """The same from the finished cells' result.json while a suite still runs (no results.csv yet)."""
    out = {}
    cells = os.path.join(folder, "cells")
    for root, _, files in os.walk(cells) if os.path.isdir(cells) else []:
        if "result.json" not in files:
            continue
        d = json.load(open(os.path.join(root, "result.json")))
        if d.get("status") != "ok":
            continue
        for split, v in d.get("splits", {}).items():
            row = {k: ("" if x is None else x) for k, x in v.get("metrics", {}).items()}
            row["train_seconds"] = d.get("train_seconds", "")
            out.setdefault((base_task(d["task"]), d["model"]), {}).setdefault(int(d["seed"]), {})[split] = row
    return out


def committee(folder):
    """{(task, model): (K, auc_E, auc_F)} from the committee table of a bench report."""
    out = {}
    if folder is None:
        return out
    path = os.path.join(folder, "report.md")
    if not os.path.exists(path):
        return out
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 10 and cells[2].isdigit() and cells[0] not in ("task",):
            out[(base_task(cells[0]), cells[1])] = (int(cells[2]), cells[5], cells[7])
    return out


def num(r, k):
    v = r.get(k, "")
    return float(v) if v not in ("", None) else None


def ms(values, fmt):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    m = statistics.mean(values)
    if len(values) == 1:
        return fmt % m
    return (fmt % m) + " ± " + (fmt % statistics.stdev(values))


def ratio(a, b):
    a = [v for v in a if v is not None]
    b = [v for v in b if v is not None]
    if not a or not b:
        return "–"
    r = statistics.mean(a) / statistics.mean(b)
    return "%.2f" % r if r < 10 else "%.0f" % r   # two decimals where a target (≤ 3) is read off


def train_time(task, setting, model, secs):
    """Mean training seconds per seed; fission without hints reuses the duplication models."""
    if model not in NETWORKS:
        return "–"
    if task == "fission" and setting not in HINTED:
        return "(duplication's)"
    secs = [x for x in secs if x is not None]
    return "%.0f" % statistics.mean(secs) if secs else "–"


def headline(runs):
    data = {s: results(suite_folder(runs, s)) for s, _ in SETTINGS}
    comm = {s: committee(suite_folder(runs, s)) for s, _ in SETTINGS}
    lines = []
    for task in TASKS:
        lines += ["", "### " + task, ""]
        if task in PAPER:
            lines += [PAPER[task], ""]
        lines += ["| setting | model | seeds | ID E MAE (eV) | OOD E MAE (eV) | OOD/ID E | ID F MAE (eV/Å) | OOD F MAE (eV/Å) | OOD/ID F | AUC E σ / F σ (K) | train s / seed |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
        for s, label in SETTINGS:
            src, why = SAME_AS.get((s, task), (s, None))
            for m in MODELS:
                seeds = data[src].get((task, m), {})
                if not seeds:
                    continue
                if s != "plain" and m in ("element-reference", "group-additivity") and src == "plain":
                    continue
                idr = [seeds[k].get("id", {}) for k in sorted(seeds)]
                ood = [seeds[k].get("ood", {}) for k in sorted(seeds)]
                ide = [num(r, "energy_mae") for r in idr]; oode = [num(r, "energy_mae") for r in ood]
                idf = [num(r, "force_mae") for r in idr]; oodf = [num(r, "force_mae") for r in ood]
                secs = [num(r, "train_seconds") for r in idr]
                c = comm[src].get((task, m))
                auc = "%s / %s (%d)" % (c[1], c[2], c[0]) if c else "–"
                name = label + (" (= plain: %s)" % why if why else "")
                lines.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    name, m, len(seeds), ms(ide, "%.3g"), ms(oode, "%.3g"), ratio(oode, ide),
                    ms(idf, "%.3g"), ms(oodf, "%.3g"), ratio(oodf, idf), auc,
                    train_time(task, src, m, secs)))
    return "\n".join(lines) + "\n"


def training_runs(folder):
    """{(task, model, seed): metrics rows} for the training folders of a bench folder, the task found
    from the training set's elements and frame count (unique within each suite)."""
    out = {}
    tdir = os.path.join(folder, "training")
    if not os.path.isdir(tdir):
        return out
    for model in os.listdir(tdir):
        for run in os.listdir(os.path.join(tdir, model)):
            p = os.path.join(tdir, model, run)
            if not os.path.isdir(p) or not os.path.exists(os.path.join(p, "metrics.csv")):
                continue
            seed = int(re.match(r"seed-(\d+)-", run).group(1))
            ckpt = os.path.join(p, "best.ckpt")
            if not os.path.exists(ckpt):
                continue
            meta = json.loads(zipfile.ZipFile(ckpt).read("checkpoint.json"))
            key = (tuple(sorted(meta["normalization"]["referenceEnergies"].keys())), meta["metadata"]["trainFrames"])
            rows = list(csv.DictReader(open(os.path.join(p, "metrics.csv"))))
            out.setdefault(key, {})[(model, seed)] = rows
    return out


def main():
    runs, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "headline.md"), "w") as f:
        f.write(headline(runs))
    # convergence: ID test errors at the headline epochs (plain) against 3x (convergence suite), and the
    # equivariant model's epoch ladder (tp20 against tp60, 30 against tp90) where those folders exist
    pairs = [("plain", "convergence", "headline"), ("tp20", "tp60", "20"), ("convergence", "tp90", "30"),
             ("plain-tp60", "tp180", "60")]   # the 60-epoch cell of the plain suite: same jar and machine as tp180
    lines = ["| task | model | epochs | ID F MAE (seed 1) | ID F MAE, 3× epochs | ratio | ID E MAE (seed 1) | ID E MAE, 3× | ratio |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for short_name, long_name, label in pairs:
        short = results(suite_folder(runs, short_name))
        conv = results(suite_folder(runs, long_name))
        for (task, m), seeds in sorted(conv.items()):
            if m not in NETWORKS or 1 not in seeds or (task, m) not in short or 1 not in short[(task, m)]:
                continue
            a, b = short[(task, m)][1]["id"], seeds[1]["id"]
            fa, fb, ea, eb = num(a, "force_mae"), num(b, "force_mae"), num(a, "energy_mae"), num(b, "energy_mae")
            epochs = "%s vs 3×" % (EPOCHS.get(m, "?") if label == "headline" else label)
            lines.append("| %s | %s | %s | %.4f | %.4f | %.2f | %.3f | %.3f | %.2f |" % (
                task, m, epochs, fa, fb, fa / fb, ea, eb, ea / eb))
    with open(os.path.join(out, "convergence.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib missing: no learning-curve plots")
        return
    head, long = training_runs(os.path.join(runs, "plain")), training_runs(os.path.join(runs, "convergence"))
    ladder = {}
    for extra in ("tp20", "tp60", "tp90", "tp180"):
        for key, rs in training_runs(os.path.join(runs, extra)).items():
            for (model, seed), rows in rs.items():
                ladder.setdefault(key, {})[(model + " (%s epochs)" % extra[2:], seed)] = rows
    for key, runs_long in long.items():
        fig, axes = plt.subplots(1, 2, figsize=(10, 4))
        plot(axes, sorted(runs_long.items()), "-", lambda m, k: m + " (3× epochs)")
        plot(axes, sorted(ladder.get(key, {}).items()), ":", lambda m, k: m)
        plot(axes, sorted(head.get(key, {}).items()), "--", lambda m, k: "%s seed %d" % (m, k), alpha=0.6)
        name = task_name(key)
        save(fig, axes, os.path.join(out, "curves-%s.png" % name),
             "Learning curves, %s (plain setting): headline runs (dashed), 3× epochs (solid), tp-small ladder (dotted)" % name)
    # tp-small: its epoch ladder (duplication, seed 1) and its 60-epoch runs of the plain setting, where present
    tp60 = training_runs(os.path.join(runs, "plain-tp60"))
    for key, rungs in ladder.items():
        if not any(m.endswith("(180 epochs)") for m, _ in rungs):
            continue
        fig, axes = plt.subplots(1, 2, figsize=(10, 4))
        plot(axes, sorted(rungs.items()), "-", lambda m, k: m)
        plot(axes, sorted(tp60.get(key, {}).items()), "--", lambda m, k: "%s, 60 epochs, seed %d" % (m, k), alpha=0.6)
        name = task_name(key)
        save(fig, axes, os.path.join(out, "curves-tp-small.png"),
             "Learning curves of tp-small, %s (plain setting): epoch ladder, seed 1 (solid), 60-epoch headline runs (dashed)" % name)


def task_name(key):
    """The task of a training run's key (elements, training frames): 10 frames × 19 or 9 molecules."""
    return {190: "fusion", 90: "duplication"}.get(key[1], "train%d" % key[1])


def plot(axes, runs, style, label, alpha=1.0):
    """Validation force (left) and energy (right) MAE per epoch of each ((model, seed), metrics rows)."""
    for (model, seed), rows in runs:
        ep = [int(r["epoch"]) for r in rows]
        axes[0].plot(ep, [float(r["val_force_mae_eV_per_A"]) for r in rows], style, alpha=alpha, label=label(model, seed))
        axes[1].plot(ep, [float(r["val_energy_mae_eV"]) for r in rows], style, alpha=alpha, label=label(model, seed))


def save(fig, axes, path, title):
    import matplotlib.pyplot as plt
    axes[0].set_ylabel("validation force MAE (eV/Å)"); axes[1].set_ylabel("validation energy MAE (eV)")
    for ax in axes:
        ax.set_xlabel("epoch"); ax.set_yscale("log"); ax.grid(alpha=0.3)
    axes[0].legend(fontsize=6)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)

if __name__ == "__main__":
    main()
