#!/usr/bin/env python3
"""Five research questions answered from lgsco's tables, in pandas, polars and DuckDB.

A notebook written as a script: it runs top to bottom, prints each answer, and checks that the
three libraries agree. The tables come from ``lgsco.tables`` (typed ``pyarrow.Table``s: dates,
pence as integers, flags as booleans, nulls where a value is absent), so no library needs a cast
or a schema to be guessed.

    pip install ./python pyarrow pandas polars duckdb
    python3 examples/notebook.py [FOLDER_OR_FILE ...]     # default: corpus/ and ../shared/corpus/dev

1. Payments per organisation: the sums organisations agreed to pay in their agreed actions
   (``payments.found_in == "agreed_actions"``: the summary's mention of a sum is the same money,
   so it is left out rather than counted twice).
2. Fault found per category area: of the decisions that say whether there was fault, how many
   found it.
3. The Acts cited most, and in how many decisions.
4. The median number of days from the decision to the agreed actions' deadlines.
5. Paragraphs in the deciding section per decision: the section where the Ombudsman weighs the
   complaint (the first headed "My assessment", "What I found", "My findings", "Analysis", …),
   counting paragraphs and not the list items under them.
"""

import sys
from pathlib import Path

import lgsco

ROOT = Path(__file__).resolve().parents[1]
# The headings of the section where the decision is reasoned, as a case-blind pattern.
DECIDING = "assessment|what i found|finding|analysis"


def inputs(argv):
    if argv:
        return argv
    found = [ROOT / "corpus"]
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    return found + ([dev] if dev.is_dir() else [])


def with_pandas(tables):
    import pandas as pd

    # ArrowDtype keeps int64 with nulls, booleans with nulls and dates as they are.
    frame = {name: table.to_pandas(types_mapper=pd.ArrowDtype) for name, table in tables.items()}
    decisions, payments = frame["decisions"], frame["payments"]

    agreed = payments[payments["found_in"] == "agreed_actions"].merge(decisions[["source", "organisation"]], on="source")
    agreed = agreed[agreed["organisation"].notna()]
    q1 = agreed.groupby("organisation").agg(pence=("amount_pence", "sum"), payments=("amount_pence", "size"))
    q1 = sorted((org, int(row.pence), int(row.payments)) for org, row in q1.iterrows())

    known = decisions[decisions["fault_found"].notna() & decisions["category_area"].notna()]
    q2 = known.groupby("category_area").agg(fault=("fault_found", "sum"), decisions=("fault_found", "size"))
    q2 = sorted((area, int(row.fault), int(row.decisions)) for area, row in q2.iterrows())

    cited = frame["legislation"]
    cited = cited[cited["act"].notna()]
    q3 = cited.groupby("act").agg(citations=("source", "size"), decisions=("source", "nunique"))
    q3 = sorted((act, int(row.citations), int(row.decisions)) for act, row in q3.iterrows())

    due = frame["agreed_actions"][["source", "deadline_due"]].merge(decisions[["source", "decision_date"]], on="source")
    due = due[due["deadline_due"].notna() & due["decision_date"].notna()]
    days = (due["deadline_due"].astype("datetime64[s]") - due["decision_date"].astype("datetime64[s]")).dt.days
    q4 = (len(days), float(days.median()) if len(days) else None)

    sections = frame["sections"]
    deciding = sections[sections["heading"].str.contains(DECIDING, case=False, regex=True)]
    deciding = deciding.groupby("source", as_index=False)["index"].min()
    paragraphs = frame["paragraphs"]
    paragraphs = paragraphs[paragraphs["item"].isna()]
    counted = paragraphs.merge(deciding, left_on=["source", "section"], right_on=["source", "index"])
    q5 = sorted((source, int(n)) for source, n in counted.groupby("source").size().items())
    return q1, q2, q3, q4, q5


def with_polars(tables):
    import polars as pl

    frame = {name: pl.from_arrow(table) for name, table in tables.items()}
    decisions = frame["decisions"]

    q1 = (
        frame["payments"]
        .filter(pl.col("found_in") == "agreed_actions")
        .join(decisions.select("source", "organisation"), on="source")
        .filter(pl.col("organisation").is_not_null())
        .group_by("organisation")
        .agg(pl.col("amount_pence").sum().alias("pence"), pl.len().alias("payments"))
    )
    q1 = sorted(q1.iter_rows())

    q2 = (
        decisions.filter(pl.col("fault_found").is_not_null() & pl.col("category_area").is_not_null())
        .group_by("category_area")
        .agg(pl.col("fault_found").sum().alias("fault"), pl.len().alias("decisions"))
    )
    q2 = sorted(q2.iter_rows())

    q3 = (
        frame["legislation"]
        .filter(pl.col("act").is_not_null())
        .group_by("act")
        .agg(pl.len().alias("citations"), pl.col("source").n_unique().alias("decisions"))
    )
    q3 = sorted(q3.iter_rows())

    days = (
        frame["agreed_actions"]
        .select("source", "deadline_due")
        .join(decisions.select("source", "decision_date"), on="source")
        .drop_nulls(["deadline_due", "decision_date"])
        .select((pl.col("deadline_due") - pl.col("decision_date")).dt.total_days().alias("days"))
    )["days"]
    q4 = (len(days), float(days.median()) if len(days) else None)

    deciding = (
        frame["sections"]
        .filter(pl.col("heading").str.contains(f"(?i){DECIDING}"))
        .group_by("source")
        .agg(pl.col("index").min().alias("section"))
    )
    q5 = (
        frame["paragraphs"]
        .filter(pl.col("item").is_null())
        .join(deciding, on=["source", "section"])
        .group_by("source")
        .agg(pl.len().alias("paragraphs"))
    )
    q5 = sorted(q5.iter_rows())
    return q1, q2, q3, q4, q5


def with_duckdb(tables):
    import duckdb

    con = duckdb.connect()
    for name, table in tables.items():
        con.register(name, table)

    def rows(sql):
        return sorted(tuple(row) for row in con.execute(sql).fetchall())

    q1 = rows(
        "SELECT d.organisation, sum(p.amount_pence)::BIGINT, count(*) FROM payments p "
        "JOIN decisions d USING (source) WHERE p.found_in = 'agreed_actions' AND d.organisation IS NOT NULL "
        "GROUP BY d.organisation"
    )
    q2 = rows(
        "SELECT category_area, count(*) FILTER (WHERE fault_found), count(*) FROM decisions "
        "WHERE fault_found IS NOT NULL AND category_area IS NOT NULL GROUP BY category_area"
    )
    q3 = rows(
        "SELECT act, count(*), count(DISTINCT source) FROM legislation WHERE act IS NOT NULL GROUP BY act"
    )
    n, median = con.execute(
        "SELECT count(*), median(a.deadline_due - d.decision_date) FROM agreed_actions a "
        "JOIN decisions d USING (source) WHERE a.deadline_due IS NOT NULL AND d.decision_date IS NOT NULL"
    ).fetchone()
    q4 = (n, float(median) if n else None)
    q5 = rows(
        "WITH deciding AS (SELECT source, min(index) AS section FROM sections "
        f"WHERE regexp_matches(heading, '{DECIDING}', 'i') GROUP BY source) "
        "SELECT source, count(*) FROM paragraphs JOIN deciding USING (source, section) "
        "WHERE item IS NULL GROUP BY source"
    )
    return q1, q2, q3, q4, q5


def answers(paths):
    """Each library's five answers for the statements under `paths`."""
    tables = lgsco.tables(paths)
    return {"pandas": with_pandas(tables), "polars": with_polars(tables), "duckdb": with_duckdb(tables)}


def show(q1, q2, q3, q4, q5):
    print("1. Agreed payments per organisation (most first):")
    for org, pence, count in sorted(q1, key=lambda r: (-r[1], r[0]))[:10]:
        print(f"   £{pence / 100:>10,.2f}  {count:>3} payments  {org}")
    print("2. Fault found, per category area:")
    for area, fault, known in sorted(q2, key=lambda r: (-r[2], r[0])):
        print(f"   {fault:>3} of {known:>3}  {area}")
    print("3. Acts cited most (citations, decisions):")
    for act, citations, decisions in sorted(q3, key=lambda r: (-r[2], -r[1], r[0]))[:10]:
        print(f"   {citations:>4} {decisions:>4}  {act}")
    n, median = q4
    print(f"4. Median days from decision to agreed deadline: {median} (over {n} deadlines)")
    counts = sorted(n for _, n in q5)
    print(f"5. Paragraphs in the deciding section: {len(counts)} decisions, "
          f"median {counts[len(counts) // 2] if counts else None}, most {max(counts, default=None)}")


if __name__ == "__main__":
    results = answers(inputs(sys.argv[1:]))
    show(*results["duckdb"])
    agree = results["pandas"] == results["polars"] == results["duckdb"]
    print("pandas, polars and DuckDB agree" if agree else "the libraries DISAGREE")
    sys.exit(0 if agree else 1)
