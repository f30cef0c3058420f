#!/usr/bin/env python3
"""Reads an .xlsx with openpyxl, an independent reader, and prints every cell as JSON for the tests:
{"bladen": [{"naam", "bevroren", "cellen": [[{"v", "f", "fmt", "type", "vet"} | null, ...], ...]}]}.
"v" is the stored value (for a formula: the value the file caches), "f" the formula or null."""
import datetime, json, sys

import openpyxl

pad = sys.argv[1]
formules = openpyxl.load_workbook(pad)
waarden = openpyxl.load_workbook(pad, data_only=True)
uit = {"bladen": []}
for blad in formules.worksheets:
    w = waarden[blad.title]
    rijen = []
    for rij_f, rij_w in zip(blad.iter_rows(), w.iter_rows()):
        rij = []
        for cf, cw in zip(rij_f, rij_w):
            if cf.value is None:
                rij.append(None)
                continue
            v = cw.value
            if isinstance(v, datetime.datetime):
                v = v.date().isoformat()
            formule = cf.value if cf.data_type == "f" else None
            rij.append({"v": v, "f": formule, "fmt": cf.number_format, "type": cf.data_type, "vet": bool(cf.font and cf.font.b)})
        rijen.append(rij)
    uit["bladen"].append({"naam": blad.title, "bevroren": blad.freeze_panes, "cellen": rijen})
json.dump(uit, sys.stdout, ensure_ascii=False)
