"""Every cell of a workbook as openpyxl reads it, as JSON on stdout: the independent reader the workbook tests
compare dvc's reader with. Exit 3 with the error on stderr when openpyxl refuses the file."""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.datetime import to_excel


def cell_json(cell):
    v = cell.value
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return ["boolean", v]
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return ["date", to_excel(v)]
    if isinstance(v, (int, float)):
        return ["number", v]
    if cell.data_type == "e":
        return ["error", str(v)]
    return ["string", str(v)]


def main(path):
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as e:  # noqa: BLE001 - any refusal is what the caller compares
        print(f"{type(e).__name__}: {e}"[:300], file=sys.stderr)
        sys.exit(3)
    out = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                j = cell_json(cell)
                if j is not None:
                    cells.append([cell.row, cell.column - 1, j[0], j[1]])
        out.append({"name": ws.title, "cells": cells})
    json.dump(out, sys.stdout, ensure_ascii=False)


main(sys.argv[1])
