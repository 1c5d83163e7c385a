#!/usr/bin/env python3
"""The Python reference for `omnidash bench ingest` (issue 7): what a data engineer would write in an afternoon.

One JSON-lines file of Shopee `get_order_detail` orders in, SQLite out: `json.loads` per line, an HMAC of the buyer
name, the status map, the Bangkok business date, `Decimal` money, the items, and `executemany` into a raw table,
`stg_orders` and `stg_order_items`. It does less than Omnidash (one PII field, no marts, no rejects table, whole
file in memory), and is the yardstick the issue measures against.

    python3 bench/python_reference_ingest.py ORDERS.jsonl [WAREHOUSE.sqlite]
"""
import datetime
import decimal
import hashlib
import hmac
import json
import os
import resource
import sqlite3
import sys
import time

STATUS = {"UNPAID": "pending", "READY_TO_SHIP": "pending", "PROCESSED": "pending", "SHIPPED": "pending",
          "TO_CONFIRM_RECEIVE": "pending", "COMPLETED": "completed", "IN_CANCEL": "cancelled", "CANCELLED": "cancelled",
          "TO_RETURN": "refunded"}
BANGKOK = datetime.timezone(datetime.timedelta(hours=7))
KEY = b"python-reference-pii-key"


def main():
    path = sys.argv[1]
    target = sys.argv[2] if len(sys.argv) > 2 else path + ".python.sqlite"
    if os.path.exists(target):
        os.remove(target)
    db = sqlite3.connect(target)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE raw_orders (order_sn TEXT PRIMARY KEY, buyer TEXT, status TEXT, create_time INTEGER, raw_json TEXT)")
    db.execute("CREATE TABLE stg_orders (order_id TEXT PRIMARY KEY, status TEXT, order_date TEXT, net_amount_minor INTEGER, units INTEGER)")
    db.execute("CREATE TABLE stg_order_items (order_id TEXT, line INTEGER, sku TEXT, quantity INTEGER, total_minor INTEGER,"
               " PRIMARY KEY (order_id, line))")
    start = time.perf_counter()
    raw, orders, items = [], [], []
    count = 0
    with open(path, "rb") as handle:
        for line in handle:
            order = json.loads(line)
            buyer = order.get("buyer_username")
            hashed = "hmac:" + hmac.new(KEY, buyer.strip().lower().encode(), hashlib.sha256).hexdigest()[:32] if buyer else None
            order["buyer_username"] = hashed
            status = STATUS.get(order["order_status"], "pending")
            day = datetime.datetime.fromtimestamp(order["create_time"], BANGKOK).date().isoformat()
            net = decimal.Decimal(0)
            units = 0
            for number, item in enumerate(order["item_list"], 1):
                total = decimal.Decimal(str(item["model_discounted_price"])) * item["model_quantity_purchased"]
                minor = int((total * 100).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))
                net += total
                units += item["model_quantity_purchased"]
                items.append((order["order_sn"], number, item.get("model_sku") or item.get("item_sku"),
                              item["model_quantity_purchased"], minor))
            raw.append((order["order_sn"], hashed, order["order_status"], order["create_time"], json.dumps(order)))
            orders.append((order["order_sn"], status, day, int((net * 100).quantize(decimal.Decimal(1))), units))
            count += 1
            if len(raw) >= 2000:
                flush(db, raw, orders, items)
    flush(db, raw, orders, items)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"python reference: {count:,} orders in {seconds:.2f} s, {count / seconds:,.0f} orders/s, peak RSS {peak:.0f} MB")


def flush(db, raw, orders, items):
    with db:
        db.executemany("INSERT OR REPLACE INTO raw_orders VALUES (?, ?, ?, ?, ?)", raw)
        db.executemany("INSERT OR REPLACE INTO stg_orders VALUES (?, ?, ?, ?, ?)", orders)
        db.executemany("INSERT OR REPLACE INTO stg_order_items VALUES (?, ?, ?, ?, ?)", items)
    raw.clear(), orders.clear(), items.clear()


if __name__ == "__main__":
    main()
