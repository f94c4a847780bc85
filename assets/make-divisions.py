#!/usr/bin/env python3
"""Build assets/divisions.tsv from a clone of modood/Administrative-divisions-of-China.

Usage: make-divisions.py GIT_DIR > assets/divisions.tsv

Each snapshot of the repository's dist/ holds one release of the National Bureau of Statistics'
统计用区划代码 (province, prefecture, county). The newest gives the current divisions; a division
(code and name) found only in older releases is kept as a former one, with the year of the last
release that has it, so reports from before a merger or a rename still find their place.
"""
import csv, io, json, subprocess, sys

GIT = sys.argv[1]
# (commit, year of the data's cut-off), oldest first; the last is the current table.
SNAPSHOTS = [
    ("a7a85c0", 2015), ("d5a8cf3", 2016), ("c893e3b", 2017), ("31aaa3c", 2018),
    ("2824502", 2019), ("78b6f36", 2020), ("0b7fd75", 2021), ("dc3a1d7", 2022),
]
PSEUDO = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def show(commit, path):
    out = subprocess.run(["git", "--git-dir", GIT, "show", f"{commit}:{path}"],
                         capture_output=True, text=True)
    return out.stdout if out.returncode == 0 else None


def rows(commit, kind):
    """(code, name, parent code) of one level, codes padded to six digits."""
    text = show(commit, f"dist/{kind}.csv")
    if text is not None:
        out = []
        for r in csv.DictReader(io.StringIO(text)):
            parent = r.get("cityCode") or r.get("provinceCode") or ""
            out.append((r["code"].ljust(6, "0"), r["name"], parent.ljust(6, "0") if parent else ""))
        return out
    data = json.loads(show(commit, f"dist/{kind}.json"))
    return [(d["code"].ljust(6, "0"), d["name"], (d.get("parent_code") or "").ljust(6, "0")
             if d.get("parent_code") else "") for d in data]


def snapshot(commit):
    """code -> (name, parent code, level) with pseudo-prefectures left out."""
    table, pseudo = {}, {}
    for code, name, _ in rows(commit, "provinces"):
        table[code] = (name, "", "province")
    for code, name, parent in rows(commit, "cities"):
        if name in PSEUDO:
            pseudo[code] = parent
        else:
            table[code] = (name, parent, "prefecture")
    for code, name, parent in rows(commit, "areas"):
        if name == "市辖区":
            continue
        table[code] = (name, pseudo.get(parent, parent), "county")
    return table


current_commit, current_year = SNAPSHOTS[-1]
current = snapshot(current_commit)
former = {}
for commit, year in SNAPSHOTS[:-1]:
    for code, (name, parent, level) in snapshot(commit).items():
        if current.get(code, ("",))[0] != name:
            former[(code, name)] = (parent, level, year)

print("# code\tname\tparent code\tlevel\tlast year seen (empty: current)")
for code, (name, parent, level) in sorted(current.items()):
    print(f"{code}\t{name}\t{parent}\t{level}\t")
for (code, name), (parent, level, year) in sorted(former.items()):
    print(f"{code}\t{name}\t{parent}\t{level}\t{year}")
