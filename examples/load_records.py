#!/usr/bin/env python3
"""Load lgsco's JSON Lines, and its CSV tables, in DuckDB, polars and pandas, and answer the same
four questions in each: total agreed payment per organisation, decisions by outcome and
fault_found, citations per Act, and one row per agreed action with its amount and due date.

    cargo run --release -- --tables tables -o decisions.jsonl corpus ../shared/corpus/dev
    pip install duckdb polars pandas
    python3 examples/load_records.py decisions.jsonl tables

Not run by CI. Each library's answers are printed in turn, from the JSON Lines and then (when a
tables folder is given) from the tables; they agree.
"""
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "decisions.jsonl"
tables = sys.argv[2] if len(sys.argv) > 2 else None


def duckdb_answers():
    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE VIEW raw AS SELECT * FROM read_json_auto('{path}', sample_size=-1)")
    # Failed documents have only source and error (the column exists only if one failed).
    columns = [row[0] for row in con.execute("DESCRIBE raw").fetchall()]
    keep = "WHERE error IS NULL" if "error" in columns else ""
    con.execute(f"CREATE VIEW d AS SELECT * FROM raw {keep}")
    print(con.sql("SELECT organisation, sum(total_payment_pence) / 100 AS pounds FROM d "
                  "WHERE total_payment_pence > 0 GROUP BY ALL ORDER BY pounds DESC"))
    print(con.sql("SELECT outcome.kind AS outcome, fault_found, count(*) AS decisions FROM d "
                  "GROUP BY ALL ORDER BY decisions DESC"))
    print(con.sql("SELECT c.act, count(*) AS citations FROM d, unnest(legislation) AS t(c) "
                  "GROUP BY ALL ORDER BY citations DESC LIMIT 10"))
    print(con.sql("SELECT source, a.text AS action, "
                  "list_sum(list_transform(a.payments, lambda p: p.amount_pence)) AS pence, "
                  "a.deadline.due AS due FROM d, unnest(agreed_actions) AS t(a) LIMIT 10"))


def polars_answers():
    import polars as pl

    # The first records often have no agreed actions: read the schema from every record.
    d = pl.read_ndjson(path, infer_schema_length=None)
    if "error" in d.columns:
        d = d.filter(pl.col("error").is_null())
    d = d.with_columns(pl.col("decision_date").str.to_date())
    print(d.filter(pl.col("total_payment_pence") > 0)
           .group_by("organisation").agg((pl.col("total_payment_pence").sum() / 100).alias("pounds"))
           .sort("pounds", descending=True))
    print(d.group_by(pl.col("outcome").struct.field("kind").alias("outcome"), "fault_found")
           .len().sort("len", descending=True))
    print(d.select(pl.col("legislation").explode()).drop_nulls()
           .select(pl.col("legislation").struct.field("act")).group_by("act").len()
           .sort("len", descending=True).head(10))
    actions = d.select("source", "agreed_actions").explode("agreed_actions").drop_nulls()
    print(actions.select(
        "source",
        pl.col("agreed_actions").struct.field("text").alias("action"),
        pl.col("agreed_actions").struct.field("payments")
          .list.eval(pl.element().struct.field("amount_pence")).list.sum().alias("pence"),
        pl.col("agreed_actions").struct.field("deadline").struct.field("due").str.to_date().alias("due"),
    ).head(10))


def pandas_answers():
    import pandas as pd

    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    records = [r for r in records if "error" not in r]
    d = pd.json_normalize(records, max_level=0)
    # Integers and booleans with gaps keep their type as pandas' nullable dtypes.
    d["total_payment_pence"] = d["total_payment_pence"].astype("Int64")
    d["fault_found"] = d["fault_found"].astype("boolean")
    d["decision_date"] = pd.to_datetime(d["decision_date"])
    paid = d[d["total_payment_pence"] > 0].groupby("organisation")["total_payment_pence"].sum() / 100
    print(paid.sort_values(ascending=False))
    d["outcome_kind"] = d["outcome"].map(lambda o: o["kind"] if isinstance(o, dict) else None)
    print(d.groupby(["outcome_kind", "fault_found"], dropna=False).size())
    citations = pd.json_normalize(records, record_path="legislation", meta=["source"])
    print(citations.groupby("act").size().sort_values(ascending=False).head(10))
    actions = pd.json_normalize(records, record_path="agreed_actions", meta=["source"])
    actions["pence"] = actions["payments"].map(lambda ps: sum(p["amount_pence"] for p in ps))
    actions["due"] = pd.to_datetime(actions.get("deadline.due"))
    print(actions[["source", "text", "pence", "due"]].head(10))


def duckdb_tables():
    import duckdb

    con = duckdb.connect()
    for name in ("decisions", "legislation", "agreed_actions"):
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_csv_auto('{tables}/{name}.csv', sample_size=-1)")
    # Failed documents are decisions.csv rows with an error and nothing else.
    print(con.sql("SELECT organisation, sum(total_payment_pence) / 100 AS pounds FROM decisions "
                  "WHERE error IS NULL AND total_payment_pence > 0 GROUP BY ALL ORDER BY pounds DESC"))
    print(con.sql("SELECT outcome_kind AS outcome, fault_found, count(*) AS decisions FROM decisions "
                  "WHERE error IS NULL GROUP BY ALL ORDER BY decisions DESC"))
    print(con.sql("SELECT act, count(*) AS citations FROM legislation "
                  "GROUP BY ALL ORDER BY citations DESC LIMIT 10"))
    print(con.sql("SELECT source, text AS action, payment_total_pence AS pence, deadline_due AS due "
                  "FROM agreed_actions LIMIT 10"))


def polars_tables():
    import polars as pl

    # Read every row before choosing a column's type: early rows often leave a column empty.
    def read(name):
        return pl.read_csv(f"{tables}/{name}.csv", infer_schema_length=None, try_parse_dates=True)

    d = read("decisions").filter(pl.col("error").is_null())
    print(d.filter(pl.col("total_payment_pence") > 0)
           .group_by("organisation").agg((pl.col("total_payment_pence").sum() / 100).alias("pounds"))
           .sort("pounds", descending=True))
    print(d.group_by(pl.col("outcome_kind").alias("outcome"), "fault_found")
           .len().sort("len", descending=True))
    print(read("legislation").group_by("act").len().sort("len", descending=True).head(10))
    print(read("agreed_actions").select(
        "source", pl.col("text").alias("action"), pl.col("payment_total_pence").alias("pence"),
        pl.col("deadline_due").alias("due")).head(10))


def pandas_tables():
    import pandas as pd

    # Integer and true/false columns with gaps keep their type as pandas' nullable dtypes.
    d = pd.read_csv(f"{tables}/decisions.csv", dtype={
        "reference": "string", "total_payment_pence": "Int64", "fault_found": "boolean",
        "summary_remedy_pence": "Int64"}, parse_dates=["decision_date"])
    d = d[d["error"].isna()]
    paid = d[d["total_payment_pence"] > 0].groupby("organisation")["total_payment_pence"].sum() / 100
    print(paid.sort_values(ascending=False))
    print(d.groupby(["outcome_kind", "fault_found"], dropna=False).size())
    citations = pd.read_csv(f"{tables}/legislation.csv", dtype={"year": "Int64"})
    print(citations.groupby("act").size().sort_values(ascending=False).head(10))
    actions = pd.read_csv(f"{tables}/agreed_actions.csv", parse_dates=["deadline_due"])
    print(actions[["source", "text", "payment_total_pence", "deadline_due"]].head(10))


runs = [duckdb_answers, polars_answers, pandas_answers]
if tables:
    runs += [duckdb_tables, polars_tables, pandas_tables]
for answers in runs:
    print(f"== {answers.__name__}")
    answers()
