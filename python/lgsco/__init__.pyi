"""Type stubs for lgsco: a record's keys, so an editor completes them."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, TypedDict, Union

__version__: str

PathLike = Union[str, os.PathLike[str]]

#: A byte range ``[start, end)`` into the text the record was read from.
Span = Tuple[int, int]

Layout = Literal["numbered", "dashed", "plain", "html", "markdown"]
Template = Literal["statement", "report_summary", "mirror"]
OutcomeKind = Literal["upheld", "not_upheld", "closed_after_initial_enquiries", "other"]
ActionKind = Literal[
    "apology", "payment", "evidence", "staff_guidance", "procedure", "assessment", "restart_process", "other"
]
PaymentKind = Literal["symbolic", "refund_or_waiver", "conditional"]
Verdict = Literal["fault", "no_fault", "injustice", "no_injustice"]
Precision = Literal["day", "month", "year"]
LegislationKind = Literal["act", "regulations"]
WarningKind = Literal[
    "no_title", "no_header_lines", "bad_header_value", "no_summary", "truncated",
    "paragraph_numbers_inferred", "no_complainant", "duplicate_statement", "truncated_heading",
    "invisible_characters", "misdecoded", "repeated_lines", "lines_rejoined",
]

class Category(TypedDict):
    text: str
    area: str
    subcategory: Optional[str]

class Outcome(TypedDict):
    text: str
    kind: OutcomeKind

class Item(TypedDict):
    text: str
    span: List[int]

class Paragraph(TypedDict):
    number: Optional[int]
    text: str
    text_span: List[int]
    items: List[Item]
    span: List[int]

class Section(TypedDict):
    heading: str
    level: int
    span: List[int]
    paragraphs: List[Paragraph]

class FieldSpans(TypedDict):
    organisation: Optional[List[int]]
    reference: Optional[List[int]]
    category: Optional[List[int]]
    outcome: Optional[List[int]]
    decision_date: Optional[List[int]]
    summary: Optional[List[int]]
    complainant: Optional[List[int]]

class Warning(TypedDict):
    kind: WarningKind
    message: str
    span: Optional[List[int]]

Payment = TypedDict(
    "Payment",
    {"amount_pence": int, "recipient": Optional[str], "text": str, "span": List[int], "type": PaymentKind},
)

class Deadline(TypedDict):
    text: str
    span: List[int]
    due: Optional[datetime.date]

class AgreedAction(TypedDict):
    text: str
    paragraph: Optional[int]
    span: List[int]
    kinds: List[ActionKind]
    payments: List[Payment]
    deadline: Optional[Deadline]

class SummaryRemedy(TypedDict):
    text: str
    span: List[int]
    kinds: List[ActionKind]
    payments: List[Payment]

class Finding(TypedDict):
    paragraph: Optional[int]
    span: List[int]
    text: str
    verdict: Verdict
    subject: Optional[str]

class DateMention(TypedDict):
    text: str
    date: datetime.date
    precision: Precision
    paragraph: Optional[int]
    span: List[int]

class Citation(TypedDict):
    act: Optional[str]
    kind: Optional[LegislationKind]
    year: Optional[int]
    sections: List[str]
    regulations: List[str]
    parts: List[str]
    schedules: List[str]
    paragraph: Optional[int]
    span: List[int]

class StatusUpdate(TypedDict):
    text: str
    date: Optional[datetime.date]
    date_span: Optional[List[int]]
    span: List[int]

class Record(TypedDict):
    """A parsed decision: the keys of a line of the program's JSON Lines."""

    source: Optional[str]
    organisation: Optional[str]
    reference: Optional[str]
    category: Optional[Category]
    outcome: Optional[Outcome]
    decision_date: Optional[datetime.date]
    complainant: Optional[str]
    complainants: List[str]
    summary: Optional[str]
    layout: Layout
    template: Template
    truncated: bool
    preamble: List[Paragraph]
    sections: List[Section]
    spans: FieldSpans
    warnings: List[Warning]
    agreed_actions: List[AgreedAction]
    #: The sum of the agreed actions' payments; ``None`` when there are no agreed actions.
    total_payment_pence: Optional[int]
    #: What the summary says was agreed; not counted in ``total_payment_pence``.
    summary_remedy: Optional[SummaryRemedy]
    fault_found: Optional[bool]
    findings: List[Finding]
    dates: List[DateMention]
    legislation: List[Citation]
    shared_with: List[str]
    status_updates: List[StatusUpdate]

class FailedRecord(TypedDict):
    """An input that could not be read or parsed."""

    source: str
    error: str

class ParseError(ValueError):
    """The text is not a decision statement, or its bytes cannot be decoded."""

    #: ``"empty"``, ``"not_a_decision"`` or ``"invalid_utf8"``.
    kind: str
    #: What is wrong, in words.
    message: str
    #: The byte offset the error refers to (the first byte that is not UTF-8), or ``None``.
    position: Optional[int]

def parse(
    text: Union[str, bytes],
    source: Optional[str] = None,
    *,
    kind: Literal["auto", "text", "html"] = "auto",
    encoding: Optional[str] = None,
) -> Record:
    """Parse the text of one decision statement into its record; raises ``ParseError``."""

def parse_file(path: PathLike, *, encoding: Optional[str] = None) -> Record:
    """Parse the statement in one file (``.html``/``.htm`` as a web page); raises ``ParseError``."""

def parse_files(
    paths: Union[PathLike, Iterable[PathLike]],
    jobs: Optional[int] = None,
    *,
    encoding: Optional[str] = None,
) -> Iterator[Union[Record, FailedRecord]]:
    """The records of files and folders, in input order, parsed on ``jobs`` threads."""

def schema() -> Dict[str, Any]:
    """The JSON Schema of a record."""

def tables(
    records_or_paths: Any,
    jobs: Optional[int] = None,
    *,
    encoding: Optional[str] = None,
) -> Dict[str, Any]:
    """The records' tables (decisions, sections, paragraphs, agreed_actions, payments, findings,
    dates, legislation, warnings) as ``pyarrow.Table``s, by name."""

def data_package() -> Dict[str, Any]:
    """The tables' data dictionary (``datapackage.json``)."""
