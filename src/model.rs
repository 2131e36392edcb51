//! The public record types. Everything here is plain data with serde derives; no parsing.
//!
//! JSON key names are a contract with downstream scripts: fields may be added, never renamed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the original input text.
///
/// Serialised as a two-element array `[start, end]`.
///
/// ```
/// let span = lgsco::Span::new(4, 9);
/// assert_eq!(&"abc Hello world"[span.range()], "Hello");
/// assert_eq!(serde_json::to_string(&span).unwrap(), "[4,9]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range, for slicing the input.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// One decision statement, as read from its text.
///
/// Fields the statement does not contain are `None` (JSON `null`), never guessed.
///
/// ```
/// let text = "Example Council (23 001 002)\n\
///             Category : Education > School transport\n\
///             Decision : Not upheld\n\
///             Decision date : 05 Feb 2024\n\
///             The Ombudsman's final decision:\n\
///             Summary: Mr Q complained about school transport. There was no fault.\n\
///             The complaint\n\
///             - Mr Q complains the Council refused transport.\n";
/// let decision = lgsco::parse(text)?;
/// assert_eq!(decision.organisation.as_deref(), Some("Example Council"));
/// assert_eq!(decision.reference.as_deref(), Some("23 001 002"));
/// assert_eq!(decision.outcome.unwrap().kind, lgsco::OutcomeKind::NotUpheld);
/// assert_eq!(decision.complainant.as_deref(), Some("Mr Q"));
/// assert_eq!(decision.sections[0].paragraphs[0].number, Some(1));
/// # Ok::<(), lgsco::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Decision {
    /// The body complained about, from the title line (`Knowsley Metropolitan Borough Council`).
    pub organisation: Option<String>,
    /// The case reference, written `22 014 796`.
    pub reference: Option<String>,
    /// The `Category :` header line.
    pub category: Option<Category>,
    /// The `Decision :` header line.
    pub outcome: Option<Outcome>,
    /// The `Decision date :` header line.
    pub decision_date: Option<NaiveDate>,
    /// The person who brought the complaint, as the statement names them (`Ms X`).
    pub complainant: Option<String>,
    /// Everyone who brought the complaint together, first named first (empty when unknown).
    pub complainants: Vec<String>,
    /// The summary paragraph, without the word `Summary:`.
    pub summary: Option<String>,
    /// How the scraped copy lays out its paragraphs.
    pub layout: Layout,
    /// Which kind of page the text comes from, as its head shows it.
    pub template: Template,
    /// True when the text stops before the statement's closing line.
    pub truncated: bool,
    /// Paragraphs between the summary and the first heading (rare; empty in most statements).
    pub preamble: Vec<Paragraph>,
    /// Every heading of the body with the paragraphs under it, flat and in document order.
    pub sections: Vec<Section>,
    /// Where each header value was read from.
    pub spans: FieldSpans,
    /// What the parser noticed and worked around.
    pub warnings: Vec<Warning>,
    /// The actions the organisation agreed to, one per item of the `Agreed action` section
    /// (or `Recommendations`, or `Actions`), in order; empty when there is no such section.
    pub agreed_actions: Vec<AgreedAction>,
    /// The sum of [`AgreedAction::payments`] in pence, less those typed
    /// [`PaymentKind::Conditional`]: `0` when the agreed actions pay nothing,
    /// `None` when the statement has no agreed actions.
    pub total_payment_pence: Option<u64>,
    /// What the summary says the organisation agreed to do, with its payments; `None` when the
    /// summary states no remedy. Not counted in `total_payment_pence`.
    pub summary_remedy: Option<SummaryRemedy>,
    /// The sentences where the statement decides on fault and injustice.
    pub findings: Vec<Finding>,
    /// `true` if any finding is of fault (or, failing that, the decision is `Upheld`), `false` if
    /// the statement investigated and found none, `None` when it made no finding on fault
    /// (declined to investigate, or the copy stops before any verdict).
    pub fault_found: Option<bool>,
    /// Every calendar date the summary and body mention (`13 September 2021`, `November 2023`,
    /// `early 2019`), with both ends of ranges.
    pub dates: Vec<DateMention>,
    /// Every citation of an Act or of Regulations in the summary and the body.
    pub legislation: Vec<Citation>,
    /// The bodies the Ombudsman shares the decision with (`Ofsted`, `Care Quality Commission`).
    pub shared_with: Vec<String>,
    /// The status lines after the body of an older report summary (`Ombudsman satisfied with
    /// council's response: 11 October 2017`), each a dated event; their dates are in `dates` too.
    pub status_updates: Vec<StatusUpdate>,
}

impl Decision {
    /// Calls `visit` with every span of the record: the field spans, sections, paragraphs, items,
    /// warnings, agreed actions with their payments and deadlines, the summary remedy and its
    /// payments, findings, dates and citations.
    pub fn for_each_span_mut(&mut self, mut visit: impl FnMut(&mut Span)) {
        let fields = &mut self.spans;
        for span in [
            &mut fields.organisation,
            &mut fields.reference,
            &mut fields.category,
            &mut fields.outcome,
            &mut fields.decision_date,
            &mut fields.summary,
            &mut fields.complainant,
        ]
        .into_iter()
        .flatten()
        {
            visit(span);
        }
        let sections = self.sections.iter_mut().flat_map(|s| {
            visit(&mut s.span);
            s.paragraphs.iter_mut()
        });
        for paragraph in self.preamble.iter_mut().chain(sections.collect::<Vec<_>>()) {
            visit(&mut paragraph.span);
            visit(&mut paragraph.text_span);
            paragraph
                .items
                .iter_mut()
                .for_each(|item| visit(&mut item.span));
        }
        self.warnings
            .iter_mut()
            .filter_map(|w| w.span.as_mut())
            .for_each(&mut visit);
        for action in &mut self.agreed_actions {
            visit(&mut action.span);
            action.payments.iter_mut().for_each(|p| visit(&mut p.span));
            if let Some(deadline) = &mut action.deadline {
                visit(&mut deadline.span);
            }
        }
        if let Some(remedy) = &mut self.summary_remedy {
            visit(&mut remedy.span);
            remedy.payments.iter_mut().for_each(|p| visit(&mut p.span));
        }
        self.findings.iter_mut().for_each(|f| visit(&mut f.span));
        self.status_updates.iter_mut().for_each(|s| {
            visit(&mut s.span);
            s.date_span.iter_mut().for_each(&mut visit);
        });
        self.dates.iter_mut().for_each(|d| visit(&mut d.span));
        self.legislation.iter_mut().for_each(|c| visit(&mut c.span));
    }

    /// Moves every span `by` bytes on: for a record parsed from a part of a larger text (one of
    /// [`crate::statements`]), so that its spans point into the whole text.
    pub fn offset_spans(&mut self, by: usize) {
        self.for_each_span_mut(|span| *span = Span::new(span.start + by, span.end + by));
    }
}

/// The `Category : Area > Subcategory` header line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    /// The whole value, `Children's care services > Looked after children`.
    pub text: String,
    /// The part before `>`.
    pub area: String,
    /// The part after `>`, if any.
    pub subcategory: Option<String>,
}

/// The `Decision :` header line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Outcome {
    /// The value as written, e.g. `Upheld: maladministration and injustice`.
    pub text: String,
    /// What the value means.
    pub kind: OutcomeKind,
}

/// The kind of outcome a `Decision :` line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// `Upheld`, `Upheld: maladministration and injustice`, …
    Upheld,
    /// `Not upheld`, `Not upheld: no maladministration`, …
    NotUpheld,
    /// `Closed after initial enquiries`, with or without a reason.
    ClosedAfterInitialEnquiries,
    /// Anything else (`Withdrawn`, `Premature`, …).
    Other,
}

/// How a scraped copy lays out its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// `  1. text` paragraphs, nested `      1.` and `    •` items, blank lines between blocks.
    Numbered,
    /// Every paragraph and item is a `- text` line; nesting is lost.
    Dashed,
    /// Bare lines with no numbers or dashes.
    Plain,
    /// A web page, read with an HTML parser into the numbered layout (spans refer to that text).
    Html,
    /// Markdown, read into the numbered layout (spans refer to that text).
    Markdown,
}

/// Which kind of page a statement's text comes from, as its head shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// The Ombudsman's decision statement: `Organisation (NN NNN NNN)`, header lines, `Summary:`.
    #[default]
    Statement,
    /// A 2013–2017 report summary: a bare-reference title or a summary without its label, and
    /// status lines such as `Ombudsman satisfied with council's response: 4 May 2015`.
    ReportSummary,
    /// A copy republished by another site: its own header (`Reference 23-021-042 … Decided 09 May
    /// 2024`), or the statement without the Ombudsman's title and header lines.
    Mirror,
}

/// A status line of an older report summary: an event and its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusUpdate {
    /// The event, without its date (`Ombudsman satisfied with council's response`).
    pub text: String,
    /// The date written after it, when it reads as one.
    pub date: Option<NaiveDate>,
    /// The date's bytes in the input, when it reads as one.
    pub date_span: Option<Span>,
    /// The whole line's bytes in the input.
    pub span: Span,
}

/// A heading of the body and the paragraphs that follow it, up to the next heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// The heading line as written.
    pub heading: String,
    /// 1 for a main section (`The complaint`, `What I found`), 2 for a sub-heading inside one.
    pub level: u8,
    /// The heading's bytes in the input.
    pub span: Span,
    /// The paragraphs under this heading.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Paragraph {
    /// The website's continuous paragraph number; `None` for unnumbered paragraphs.
    pub number: Option<u32>,
    /// The paragraph's text without its list marker.
    pub text: String,
    /// The bytes of `text` in the input.
    pub text_span: Span,
    /// Its sub-items and bullets.
    pub items: Vec<Item>,
    /// The paragraph's bytes in the input, marker and items included.
    pub span: Span,
}

/// A sub-item or bullet under a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item {
    /// The item's text without its marker.
    pub text: String,
    /// The item's bytes in the input.
    pub span: Span,
}

/// Where each header value was found in the input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldSpans {
    /// The title line's organisation name.
    pub organisation: Option<Span>,
    /// The reference inside the title line's brackets.
    pub reference: Option<Span>,
    /// The category value.
    pub category: Option<Span>,
    /// The outcome value.
    pub outcome: Option<Span>,
    /// The decision date value.
    pub decision_date: Option<Span>,
    /// The summary text.
    pub summary: Option<Span>,
    /// The words the complainant was read from.
    pub complainant: Option<Span>,
}

/// Something odd the parser noticed and worked around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// What kind of oddity.
    pub kind: WarningKind,
    /// A sentence for people.
    pub message: String,
    /// Where in the input, when it has a place.
    pub span: Option<Span>,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// No title line `Organisation (22 014 796)` was found.
    NoTitle,
    /// No `Category`, `Decision` or `Decision date` lines were found.
    NoHeaderLines,
    /// A header line was present but its value could not be read.
    BadHeaderValue,
    /// No `Summary:` line was found.
    NoSummary,
    /// The text ends before the statement's closing line.
    Truncated,
    /// Paragraph numbers were counted from a layout that loses list nesting, so they may be off.
    ParagraphNumbersInferred,
    /// The complainant could not be identified.
    NoComplainant,
    /// The statement was pasted more than once into the text; only the first copy was read.
    DuplicateStatement,
    /// The text stops inside a heading (`What I fo`); the fragment is not kept as a section.
    TruncatedHeading,
    /// Invisible characters (zero-width spaces, joiners, direction marks) in a header line were
    /// left out of its values.
    InvisibleCharacters,
    /// The text's UTF-8 had been read as Latin-1 by the tool that wrote it (`â€™` for `’`); it
    /// was decoded again, and spans refer to the text so decoded.
    Misdecoded,
    /// Lines repeat the line before them word for word (a `Summary:` line twice, every line
    /// doubled); each repeat was skipped.
    RepeatedLines,
    /// Lines were joined before reading: text hard-wrapped at a fixed width, a Markdown
    /// paragraph written over several lines, or a sentence split at each link or emphasis.
    LinesRejoined,
}

/// One action of the `Agreed action` section: a paragraph's item, or a paragraph without items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgreedAction {
    /// The action's words, without its list marker or the lead-in above it.
    pub text: String,
    /// The number of the paragraph the action belongs to.
    pub paragraph: Option<u32>,
    /// The action's bytes in the input.
    pub span: Span,
    /// What the action does; `[other]` when none of the known kinds fits.
    pub kinds: Vec<ActionKind>,
    /// The sums the action pays (a bracketed breakdown or a monthly rate is not counted again).
    pub payments: Vec<Payment>,
    /// When the action is due, from its own words or its lead-in's.
    pub deadline: Option<Deadline>,
}

/// What an [`AgreedAction`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Apologise to someone.
    Apology,
    /// Pay someone a sum.
    Payment,
    /// Give the Ombudsman evidence or a copy of something.
    Evidence,
    /// Remind, brief or train staff.
    StaffGuidance,
    /// Review, change or introduce a policy, process or procedure.
    Procedure,
    /// Carry out or complete an assessment of a person.
    Assessment,
    /// Start or restart a stage of a complaints procedure.
    RestartProcess,
    /// Anything else.
    Other,
}

/// A sum an [`AgreedAction`] pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Payment {
    /// The amount in pence (`£1,000.50` is `100050`).
    pub amount_pence: u64,
    /// Who is paid, as the statement names them (`Ms X`), when it says.
    pub recipient: Option<String>,
    /// The amount as written (`£300`).
    pub text: String,
    /// The amount's bytes in the input.
    pub span: Span,
    /// A remedy payment, a charge refunded or waived, or a sum offered on a condition.
    #[serde(rename = "type")]
    pub kind: PaymentKind,
}

/// What the summary says the organisation agreed to do (`The Council has agreed to apologise and
/// pay Mr B £300 for his distress.`): the remedy most cut-off copies still hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SummaryRemedy {
    /// The summary's remedy sentences, from the first to the last.
    pub text: String,
    /// Their bytes in the input.
    pub span: Span,
    /// What the remedy does.
    pub kinds: Vec<ActionKind>,
    /// The sums it pays or refunds.
    pub payments: Vec<Payment>,
}

/// What a [`Payment`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// A sum paid to someone as a remedy (`pay Ms X £300`).
    Symbolic,
    /// A charge refunded, reimbursed, waived or written off (`refund the £1,240 it charged`).
    RefundOrWaiver,
    /// A sum offered on a condition or as an alternative (`if Ms X accepts the place, £200`,
    /// `or, if it prefers, £500`), or a ceiling (`up to £1,000`): not counted in
    /// `total_payment_pence`.
    Conditional,
}

/// When an [`AgreedAction`] is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// The phrase as written (`Within one month of the date of the final decision`, `by 31 March
    /// 2025`).
    pub text: String,
    /// The phrase's bytes in the input.
    pub span: Span,
    /// The date it falls on: the date written (`by 31 March 2025`), or the period counted from
    /// the decision date; `None` for a period without a decision date or one that runs from
    /// something else.
    pub due: Option<NaiveDate>,
}

/// A period such as `one month` or `20 working days`, read by [`crate::grammar::parse_deadline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// How many units.
    pub count: u32,
    /// Which unit.
    pub unit: PeriodUnit,
    /// Whether the phrase counts from the decision (`of my final decision`) or names no start.
    pub from_decision: bool,
}

/// The unit of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Calendar days.
    Days,
    /// Monday to Friday; bank holidays are not known and count as working days.
    WorkingDays,
    /// Weeks of seven days.
    Weeks,
    /// Calendar months (one month after 22 August is 22 September).
    Months,
}

/// A sentence where the statement decides on fault or injustice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The number of the paragraph the sentence is in.
    pub paragraph: Option<u32>,
    /// The sentence's bytes in the input.
    pub span: Span,
    /// The sentence.
    pub text: String,
    /// What it decides.
    pub verdict: Verdict,
    /// The body the sentence names (`the Council`, `the Care Provider`), if it names one.
    pub subject: Option<String>,
}

/// What a [`Finding`] decides. One sentence can give two findings (`was fault … and caused`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// `This was fault.`
    Fault,
    /// `There was no fault.`
    NoFault,
    /// `caused Ms X avoidable frustration`
    Injustice,
    /// `did not cause Ms X a significant injustice`
    NoInjustice,
}

/// A calendar date and how much of it the text gives, read by [`crate::grammar::parse_date_phrase`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateValue {
    /// The date; the first of the month or year when the text gives no day or month.
    pub date: NaiveDate,
    /// How much the text gives.
    pub precision: Precision,
}

/// How precise a [`DateValue`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// `13 September 2021`
    Day,
    /// `November 2023`
    Month,
    /// `2019`
    Year,
}

/// A date the body mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateMention {
    /// The date as written (`13 September 2021`).
    pub text: String,
    /// The date and its precision.
    #[serde(flatten)]
    pub value: DateValue,
    /// The number of the paragraph it is in.
    pub paragraph: Option<u32>,
    /// Its bytes in the input.
    pub span: Span,
}

/// Whether cited legislation is an Act of Parliament or a set of Regulations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegislationKind {
    /// A name ending in `Act`: `Care Act 2014`, `the Equality Act`.
    Act,
    /// A name ending in `Regulations`: `Care and Support (Assessment) Regulations 2014`.
    Regulations,
}

/// A piece of legislation and the provisions cited of it, read by
/// [`crate::grammar::parse_citation`]. A bare `section 47` names no legislation: `act`, `kind` and
/// `year` are then `None`. The three lists are always present, empty when nothing of that sort is
/// cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActReference {
    /// The name as written, whitespace folded, with its year when one is written
    /// (`Children Act 1989`, `Equality Act`); `None` for a bare section.
    pub act: Option<String>,
    /// Act or Regulations; `None` when `act` is.
    pub kind: Option<LegislationKind>,
    /// The year in the name (`1989`), `None` when none is written.
    pub year: Option<i32>,
    /// The sections cited, as written (`26(1)`, `26A(1)`, `34(B)`, a range `20 to 23`); a bare
    /// bracket after a section replaces that section's last bracket (`24A(6) and (7)` gives
    /// `24A(6)`, `24A(7)`).
    pub sections: Vec<String>,
    /// The regulations of Regulations cited (`10`, `10(2)` of `regulation 10(2)`), read as
    /// sections are; a bare `Regulation 10 says` belongs to the Regulations named nearest before
    /// it.
    pub regulations: Vec<String>,
    /// The Parts cited (`7` of `Part 7`).
    pub parts: Vec<String>,
    /// The Schedules cited (`35B`, `5/5A`).
    pub schedules: Vec<String>,
}

/// A citation of legislation in the summary or the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Citation {
    /// The legislation and provisions.
    #[serde(flatten)]
    pub reference: ActReference,
    /// The number of the paragraph it is in (`None` in the summary).
    pub paragraph: Option<u32>,
    /// The citation's bytes in the input.
    pub span: Span,
}
