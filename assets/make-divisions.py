#!/usr/bin/env python3
"""Build assets/divisions.tsv from clones of modood/Administrative-divisions-of-China and
yescallop/areacodes.

Usage: make-divisions.py MODOOD_GIT_DIR AREACODES_GIT_DIR > assets/divisions.tsv

Each snapshot of modood's dist/ holds one release of the National Bureau of Statistics'
统计用区划代码 (province, prefecture, county). The newest gives the current divisions; a division
(code and name) found only in older releases is kept as a former one, with the year of the last
release that has it, so reports from before a merger or a rename still find their place.

yescallop/areacodes holds the Ministry of Civil Affairs' GB/T 2260 codes as they stood at the end
of each year: its years 1995-2014 (before the oldest NBS release here) add the divisions of those
years that neither table has, and its newest year the special administrative regions and Taiwan,
which the NBS leaves out.
"""
import csv, io, json, subprocess, sys

GIT, AREACODES = sys.argv[1], sys.argv[2]
# The years of yescallop/areacodes read for former divisions, and its commit.
AREACODES_COMMIT, AREACODES_YEARS, AREACODES_NEWEST = "eed219a", range(1995, 2015), 2024
# Provincial codes the NBS leaves out: Taiwan, Hong Kong, Macao.
OUTSIDE_NBS = ("71", "81", "82")
# (commit, year of the data's cut-off), oldest first; the last is the current table.
SNAPSHOTS = [
    ("a7a85c0", 2015), ("d5a8cf3", 2016), ("c893e3b", 2017), ("31aaa3c", 2018),
    ("2824502", 2019), ("78b6f36", 2020), ("0b7fd75", 2021), ("dc3a1d7", 2022),
]
PSEUDO = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def show(commit, path, git=None):
    out = subprocess.run(["git", "--git-dir", git or GIT, "show", f"{commit}:{path}"],
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


def year_table(year):
    """code -> (name, parent code, level) of one year of areacodes: the level and parent follow
    from the code (a county whose prefecture code is not in use belongs to the province)."""
    table = {}
    for line in show(AREACODES_COMMIT, f"data/{year}.txt", AREACODES).splitlines():
        code, _, name = line.strip().partition(" ")
        if len(code) == 6 and name:
            table[code] = name.strip()
    out = {}
    for code, name in table.items():
        province, prefecture = code[:2] + "0000", code[:4] + "00"
        if code == province:
            out[code] = (name, "", "province")
        elif code == prefecture:
            out[code] = (name, province, "prefecture")
        else:
            out[code] = (name, prefecture if prefecture in table else province, "county")
    return out


current_commit, current_year = SNAPSHOTS[-1]
current = snapshot(current_commit)
former = {}
# The first year each (code, name) is seen: in areacodes' years, then the NBS releases.
since = {}
for year in AREACODES_YEARS:
    for code, (name, _, _) in year_table(year).items():
        since.setdefault((code, name), year)
for commit, year in SNAPSHOTS:
    table = snapshot(commit)
    for code, (name, _, _) in table.items():
        since.setdefault((code, name), year)
    if commit == current_commit:
        break
    for code, (name, parent, level) in table.items():
        if current.get(code, ("",))[0] != name:
            former[(code, name)] = (parent, level, year)

for code, row in year_table(AREACODES_NEWEST).items():
    if code[:2] in OUTSIDE_NBS and code not in current:
        current[code] = row
known = {(code, name) for code, (name, _, _) in current.items()} | set(former)
older = {}
for year in AREACODES_YEARS:
    for code, (name, parent, level) in year_table(year).items():
        older[(code, name)] = (parent, level, year)
for key, row in older.items():
    if key not in known:
        former[key] = row

print("# code\tname\tparent code\tlevel\tlast year seen (empty: current)\tfirst year seen "
      f"({AREACODES_YEARS[0]}: then or before)")
for code, (name, parent, level) in sorted(current.items()):
    print(f"{code}\t{name}\t{parent}\t{level}\t\t{since.get((code, name), AREACODES_YEARS[0])}")
for (code, name), (parent, level, year) in sorted(former.items()):
    if current.get(code, ("",))[0] == name:
        continue
    print(f"{code}\t{name}\t{parent}\t{level}\t{year}\t{since[(code, name)]}")
