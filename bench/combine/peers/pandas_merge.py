#!/usr/bin/python3
# Copied from /work/shared/bench/combine_pandas_merge.py (the shared definition of the pandas peer), so that
# the benchmark runs from a fresh clone. The merge is unchanged; added at the end only: one JSON line on
# stdout {"target","rows","sha256","task_s","checksum_s"} (rows and sha256 of the written CSV, read back
# after the task; the runner subtracts checksum_s, the time of that read-back, from the wall time).
"""Peer C1: pandas. customers LEFT JOIN agg(orders) LEFT JOIN crm; newest updated_at wins name/email.
usage: pandas_merge.py DATA_DIR OUT_CSV"""
import sys, time
t0 = time.perf_counter()
import pandas as pd

d, out = sys.argv[1], sys.argv[2]
cust = pd.read_csv(f"{d}/customers.csv", parse_dates=["updated_at"])
orders = pd.read_csv(f"{d}/orders.csv", usecols=["customer_id", "amount"])
crm = pd.read_csv(f"{d}/crm.csv", usecols=["customer_id", "name", "email", "phone", "updated_at"],
                  parse_dates=["updated_at"])
agg = (orders.groupby("customer_id", sort=False)
       .agg(order_count=("amount", "size"), total_amount=("amount", "sum")).reset_index())
m = (cust.merge(agg, on="customer_id", how="left")
         .merge(crm, on="customer_id", how="left", suffixes=("", "_crm")))
newer = m["updated_at_crm"] > m["updated_at"]  # NaT compares False
m["name"] = m["name_crm"].where(newer, m["name"])
m["email"] = m["email_crm"].where(newer, m["email"])
m["updated_at"] = m["updated_at_crm"].where(newer, m["updated_at"])
m["order_count"] = m["order_count"].fillna(0).astype("int64")
m["total_amount"] = m["total_amount"].fillna(0.0).round(2)
m = m.sort_values("customer_id", kind="stable")
m.to_csv(out, index=False, float_format="%.2f", date_format="%Y-%m-%dT%H:%M:%S",
         columns=["customer_id", "name", "email", "city", "phone", "order_count", "total_amount", "updated_at"])
print(f"IN_SCRIPT_S {time.perf_counter() - t0:.3f}", file=sys.stderr)
# --- added for bench/combine/run.js: rows and sha256 of the output, outside the task's time
import hashlib, json
t1 = time.perf_counter()
h = hashlib.sha256()
newlines = 0
with open(out, "rb") as f:
    for block in iter(lambda: f.read(1 << 22), b""):
        h.update(block)
        newlines += block.count(b"\n")
print(json.dumps({"target": "pandas", "rows": newlines - 1, "sha256": h.hexdigest(),
                  "task_s": round(t1 - t0, 3), "checksum_s": round(time.perf_counter() - t1, 3)}))
