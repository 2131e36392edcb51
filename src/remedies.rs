//! Remedies: what the organisation agreed to do, for whom, by when, and what it pays, read from
//! the agreed-action section (the agreed actions) and from the summary's remedy sentences (the
//! summary remedy, often all a cut-off copy has). Offers and history elsewhere never count, and
//! within a remedy the words before a sum decide whether it is paid, refunded, or neither.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use regex::bytes::Regex as BytesRegex;
use regex_automata::meta;

use crate::complainant::PEOPLE;
use crate::deadlines::find_deadline;
use crate::document::Document;
use crate::headings::RoledSection;
use crate::lines::{FoldedSet, fold, folded_regex};
use crate::model::{ActionKind, AgreedAction, Deadline, Payment, PaymentKind, SummaryRemedy};
use crate::money::find_amounts;
use crate::pieces::Piece;

/// The agreed actions and the total they pay.
#[derive(Debug, Default)]
pub(crate) struct Remedies {
    pub actions: Vec<AgreedAction>,
    /// `None` when there are no agreed actions.
    pub total_pence: Option<u64>,
}

/// For each section, whether it is the agreed-action section or a sub-heading under it (when it
/// is a main section).
fn action_sections(sections: &[RoledSection<'_>]) -> Vec<bool> {
    let mut chosen = vec![false; sections.len()];
    let best = sections
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.role.action_rank().map(|rank| (rank, i)))
        .min();
    if let Some((_, at)) = best {
        chosen[at] = true;
        if sections[at].section.level == 1 {
            for (i, sub) in sections.iter().enumerate().skip(at + 1) {
                if sub.section.level == 1 {
                    break;
                }
                chosen[i] = true;
            }
        }
    }
    chosen
}

static AGREEMENT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:the|this|it) [^.]{0,60}?(?:has|have) (?:agreed|accepted) (?:to )?(?:all )?(?:my|our|these|those|the|the above) (?:recommendations?|actions?|remedy)\.?$",
    )
    .expect("agreement regex")
});

/// Reads the agreed actions of `sections`, counting deadlines from `decision_date`.
pub(crate) fn find_remedies(doc: &Document<'_>, decision_date: Option<NaiveDate>) -> Remedies {
    let mut actions = Vec::new();
    let mut reader = PaymentReader::default();
    let chosen = action_sections(&doc.sections);
    let mut indices = doc.in_sections(&chosen).peekable();
    while let Some(lead_index) = indices.next() {
        let lead = &doc.pieces()[lead_index];
        let paragraph = doc.place(lead_index).paragraph;
        let mut items = Vec::new();
        while let Some(&i) = indices.peek()
            && doc.place(i).item
            && doc.place(i).paragraph == paragraph
        {
            items.push(i);
            indices.next();
        }
        if items.is_empty() {
            if !AGREEMENT_ONLY.is_match(fold(lead.text).trim()) {
                let sentences = doc.sentences(lead_index);
                actions.push(action(
                    lead,
                    sentences,
                    None,
                    decision_date,
                    &mut reader,
                    false,
                ));
            }
            continue;
        }
        let lead_deadline = deadline(lead, decision_date);
        // Items under `pay:` pay without saying so again (`£150 to Mr F`).
        let lead_pays = PAY.is_match(&fold(lead.text));
        reader.remember(lead.text);
        for item in items {
            actions.push(action(
                &doc.pieces()[item],
                doc.sentences(item),
                lead_deadline.clone(),
                decision_date,
                &mut reader,
                lead_pays,
            ));
        }
    }
    let total_pence = (!actions.is_empty()).then(|| {
        actions
            .iter()
            .flat_map(|a| &a.payments)
            .fold(0u64, |sum, p| {
                sum.checked_add(p.amount_pence).unwrap_or(sum)
            })
    });
    Remedies {
        actions,
        total_pence,
    }
}

/// A sentence of the summary that says what the organisation agreed to do, or what the
/// Ombudsman recommended (`The Council has agreed to apologise and pay Mr B £300`, `It should
/// apologise`), but not what it refused or had done before.
static REMEDY_SENTENCE: LazyLock<BytesRegex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)(?-u:\b)(?:
            agree[sd]?\ to
          | accept(?:s|ed)?\ (?:our|my|the|these|those)\ (?:\S+\ )?recommendations?
          | (?:we|i)\ (?:have\ )?(?:also\ )?recommend(?:s|ed)?
          | (?:should|will|must|to)\ (?:now\ )?(?:apologise|pay|refund|reimburse|waive|make\ a\ payment|review|reconsider|remind|train|carry\ out|complete)
        )",
    )
    .expect("remedy sentence regex")
});

/// Words that make a remedy sentence one about something refused or not done.
static NOT_A_REMEDY: LazyLock<BytesRegex> = LazyLock::new(|| {
    folded_regex(
        r"(?-u:\b)(?:not|refused|declined|rejected|already|previously)\ (?:\S+\ )?(?:agree|accept|pay|to)(?-u:\b)|(?-u:\b)(?:says?|said|wants?|asked)(?-u:\b)",
    )
    .expect("not-a-remedy regex")
});

/// What the summary says the organisation agreed to do: its remedy sentences, from the first to
/// the last, with their kinds and payments. `None` when the summary states no remedy.
///
pub(crate) fn summary_remedy(doc: &Document<'_>) -> Option<SummaryRemedy> {
    remedy_in_summary(doc.summary()?, doc.summary_sentences())
}

/// The summary remedy of `summary`, whose sentences are `sentences`.
fn remedy_in_summary<'a>(summary: &Piece<'a>, sentences: &[Piece<'a>]) -> Option<SummaryRemedy> {
    // Lower-cased byte for byte, so a sentence's offsets are the same in it.
    let lower = summary.text.to_ascii_lowercase();
    let states_remedy = |sentence: &Piece<'_>| {
        let at = sentence.start - summary.start;
        let text = lower
            .as_bytes()
            .get(at..at + sentence.text.len())
            .unwrap_or_default();
        REMEDY_SENTENCE.is_match(text) && !NOT_A_REMEDY.is_match(text)
    };
    // The sentences between the first and the last remedy sentence belong to the remedy
    // whatever they say, so only those before the first and after the last are read.
    let first = sentences.iter().position(states_remedy)?;
    let after_first = sentences.get(first + 1..).unwrap_or_default();
    let last = after_first
        .iter()
        .rposition(states_remedy)
        .map_or(first, |i| first + 1 + i);
    let (start, end) = (
        sentences[first].start,
        sentences[last].start + sentences[last].text.len(),
    );
    let remedy = Piece {
        text: summary
            .text
            .get(start - summary.start..end - summary.start)?,
        start,
        paragraph: None,
    };
    let mut reader = PaymentReader::default();
    // People named before the remedy sentences are who `her` and `him` stand for.
    if let Some(before) = summary.text.get(..start - summary.start) {
        reader.remember(before);
    }
    let payments = reader.read(&remedy, &sentences[first..=last], false);
    Some(SummaryRemedy {
        text: remedy.text.to_string(),
        span: remedy.whole(),
        kinds: kinds(remedy.text, !payments.is_empty()),
        payments,
    })
}

fn deadline(piece: &Piece<'_>, decision_date: Option<NaiveDate>) -> Option<Deadline> {
    let (term, start, end) = find_deadline(piece.text)?;
    Some(Deadline {
        text: piece.text.get(start..end)?.to_string(),
        span: piece.span(start, end),
        due: term.due(decision_date),
    })
}

/// The agreed action `piece` (whose sentences are `sentences`) states.
fn action<'a>(
    piece: &Piece<'a>,
    sentences: &[Piece<'a>],
    inherited: Option<Deadline>,
    decision_date: Option<NaiveDate>,
    reader: &mut PaymentReader<'a>,
    about_paying: bool,
) -> AgreedAction {
    let payments = reader.read(piece, sentences, about_paying);
    // The first sentence states the action; any others explain it.
    let first_sentence = sentences.first().copied().unwrap_or(*piece);
    AgreedAction {
        text: piece.text.to_string(),
        paragraph: piece.paragraph,
        span: piece.whole(),
        kinds: kinds(first_sentence.text, !payments.is_empty()),
        payments,
        deadline: deadline(piece, decision_date).or(inherited),
    }
}

/// An offer raised to a sum (`increase this to £350`, `increase its offer to`): paying it.
const RAISED_TO: &str =
    r"increas\w*\ (?:this|that|it|its\ offer|the\ (?:offer|payment|sum|amount))\ to";

static PAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:pay(?:s|ing|ment|ments)?|paid|refund\w*|reimburs\w*|repay\w*|waiv\w*|cancel\w*|credit\w*|write off|writes off|written off|{RAISED_TO})(?-u:\b)"))
        .expect("pay regex")
});

/// What the words before an amount say happens to it; the nearest one in the sentence decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// `pay`, `a payment of`, `compensate`, `increase this to`.
    Pay,
    /// `refund`, `reimburse`, `waive`, `write off`.
    Refund,
    /// Not agreed now: paid or offered before, refused, claimed, charged, owed, or beside the
    /// payment (`in addition to`).
    Other,
}

/// The cues, one pattern per [`Cue`] in the order of `CUE_KINDS`, in one automaton that says
/// which pattern each match is of.
static CUES: LazyLock<meta::Regex> = LazyLock::new(|| {
    let word = |alternatives: &str| format!(r"(?-u:\b)(?:{alternatives})(?-u:\b)");
    meta::Regex::new_many(&[
        word(r"refund\w*|reimburs\w*|repay\w*|waiv\w*|write\ off|writes\ off|written\ off|cancel\w*|credit\w*"),
        word(&format!(r"pay|pays|paying|payments?|compensat\w*|award\w*|{RAISED_TO}")),
        word(r"already|previously|earlier|offered|offering|has\ paid|had\ paid|have\ paid|was\ paid|were\ paid|it\ paid|refused|declined|rejected|asked\ for|claimed|claims?|wanted|wants|sought|seeking|requested|owes|owed|owing|charged|charges|debt|arrears|in\ addition\ to|on\ top\ of|instead\ of|rather\ than"),
    ])
    .expect("money cue regex")
});
const CUE_KINDS: [Cue; 3] = [Cue::Refund, Cue::Pay, Cue::Other];

/// Words right after an amount that make it a sum paid or offered before (`the £200 it has
/// already paid`, `the £150 it offered`).
static PAST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^,;.()]{0,40}?(?-u:\b)(?:already|previously|offered|has\ paid|had\ paid|have\ paid|was\ paid|were\ paid|refused|declined|rejected|claimed|sought|requested)(?-u:\b)",
    )
    .expect("past-after regex")
});

/// What joins a sum to the one listed before it (`… and the £85`, `…, £40`), at the end of the
/// words between them.
static LISTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:(?-u:\b)and|,)\s+(?:the\s+)?$").expect("listed regex"));

/// `to Ms C`, `to each of Mr and Mrs F` right after an amount: who it is paid to, at the end.
static TO_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s+(?:each\s+)?to\s+(?:each\s+of\s+|both\s+)?{}",
        crate::complainant::people()
    ))
    .expect("to-person regex")
});

/// A pronoun that stands for someone named earlier (`pay her £100`).
static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:her|him|them)(?-u:\b)").expect("pronoun regex"));

/// What one sentence says around its amounts, read once however many amounts it holds: where
/// its cues end, where the people it names are, and where its pronouns start.
struct SentenceCues<'s> {
    cues: Vec<(usize, Cue)>,
    people: Vec<(usize, &'s str)>,
    pronouns: Vec<usize>,
}

impl<'s> SentenceCues<'s> {
    /// `lower` is `sentence` lower-cased byte for byte.
    fn read(sentence: &'s str, lower: &str) -> Self {
        SentenceCues {
            cues: Self::cues(lower),
            people: PEOPLE
                .find_iter(sentence)
                .map(|m| (m.start(), m.as_str()))
                .collect(),
            pronouns: PRONOUN.find_iter(sentence).map(|m| m.start()).collect(),
        }
    }

    /// The cues of `lower`, each with where it ends. A verb right after a word of the past or
    /// of refusal is one too (`has already refunded £120`, `previously paid`, `offered
    /// compensation`).
    fn cues(lower: &str) -> Vec<(usize, Cue)> {
        let mut cues: Vec<(usize, Cue)> = Vec::new();
        for m in CUES.find_iter(lower) {
            let Some(&cue) = CUE_KINDS.get(m.pattern().as_usize()) else {
                continue;
            };
            let after_other = cues.last().is_some_and(|&(end, before)| {
                before == Cue::Other
                    && lower
                        .get(end..m.start())
                        .is_some_and(|between| between.trim().is_empty())
            });
            cues.push((m.end(), if after_other { Cue::Other } else { cue }));
        }
        cues
    }

    /// The nearest cue that ends before `at`.
    fn cue_before(&self, at: usize) -> Option<(usize, Cue)> {
        let before = self.cues.partition_point(|&(end, _)| end <= at);
        before.checked_sub(1).map(|i| self.cues[i])
    }

    /// Who an amount at `start..end` of `sentence` is paid to: the person it is paid `to` just
    /// after it, else the last person named before it, else (for `her`, `him`, `them` before it)
    /// the person named last before the sentence, else the first person named after it.
    fn recipient(
        &self,
        sentence: &str,
        start: usize,
        end: usize,
        named_before: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        if let Some(to) = sentence.get(end..).and_then(|after| TO_PERSON.find(after)) {
            // The words before the people hold no capital, and the people start with one.
            let to = to.as_str();
            let people = to.find(|c: char| c.is_ascii_uppercase())?;
            return to.get(people..).map(str::to_string);
        }
        let before = self.people.partition_point(|&(at, _)| at < start);
        if let Some(i) = before.checked_sub(1) {
            return Some(self.people[i].1.to_string());
        }
        if self.pronouns.first().is_some_and(|&at| at < start)
            && let Some(name) = named_before()
        {
            return Some(name);
        }
        let after = self.people.partition_point(|&(at, _)| at < end);
        self.people.get(after).map(|(_, name)| name.to_string())
    }
}

/// Reads the payments of the texts of one remedy in order, one sentence at a time, keeping the
/// texts read so far so that `pay her £100` can find who `her` is (looked up only then).
#[derive(Debug, Default)]
struct PaymentReader<'a> {
    read_before: Vec<&'a str>,
}

impl<'a> PaymentReader<'a> {
    /// The sums `piece` agrees to pay or refund: each amount whose nearest cue before it in its
    /// sentence is paying or refunding (or that has no cue, in a text about paying), less
    /// bracketed breakdowns, rates beside a sum, sums paid, offered or refused before, and the
    /// parts of a sum also stated whole. `about_paying` says whether the text's context is about
    /// paying (an item under `pay:`).
    fn read(
        &mut self,
        piece: &Piece<'a>,
        sentences: &[Piece<'a>],
        about_paying: bool,
    ) -> Vec<Payment> {
        let payments = self.payments(piece, sentences, about_paying);
        self.read_before.push(piece.text);
        payments
    }

    /// Remembers a text read before the next one (a lead-in, the summary's sentences before its
    /// remedy) for the pronouns after it, without reading payments in it.
    fn remember(&mut self, text: &'a str) {
        self.read_before.push(text);
    }

    fn payments(
        &self,
        piece: &Piece<'a>,
        sentences: &[Piece<'a>],
        about_paying: bool,
    ) -> Vec<Payment> {
        // Every sum paid is an amount, and every amount starts with `£`.
        if !piece.text.contains('£') {
            return Vec::new();
        }
        // Lower-cased byte for byte, so offsets into it are offsets into the text.
        let lower = piece.text.to_ascii_lowercase();
        if !about_paying && !PAY.is_match(&lower) {
            return Vec::new();
        }
        let amounts = find_amounts(piece.text);
        let has_sum = amounts.iter().any(|a| !a.rate && !a.breakdown);
        // Amounts and sentences come in order, so each sentence is found, and read, once.
        let mut sentence_at = 0;
        let mut cues: Option<(usize, SentenceCues<'_>)> = None;
        let mut named = NamedBefore::default();
        let mut found = Vec::new();
        // The sentence, end and kind of the last sum agreed, for a sum listed after it.
        let mut last_agreed: Option<(usize, usize, PaymentKind)> = None;
        for amount in amounts {
            let absolute = piece.start + amount.start;
            while sentences
                .get(sentence_at)
                .is_some_and(|s| s.start + s.text.len() <= absolute)
            {
                sentence_at += 1;
            }
            if amount.breakdown || (has_sum && amount.rate) {
                continue;
            }
            let Some(sentence) = sentences.get(sentence_at) else {
                break;
            };
            let offset = sentence.start - piece.start;
            let (start, end) = (amount.start - offset, amount.end - offset);
            let sentence_lower = lower
                .get(offset..offset + sentence.text.len())
                .unwrap_or_default();
            if cues.as_ref().is_none_or(|(at, _)| *at != sentence_at) {
                cues = Some((
                    sentence_at,
                    SentenceCues::read(sentence.text, sentence_lower),
                ));
            }
            let Some((_, cues)) = &cues else {
                continue;
            };
            let past_after = sentence_lower
                .get(end..)
                .is_some_and(|after| PAST_AFTER.is_match(after));
            // `refund the £200 Mr E has paid and the £85 costs`: a sum listed right after an
            // agreed one shares its verb, whatever its neighbour's own clause says.
            let listed_after = last_agreed
                .filter(|&(at, _, _)| at == sentence_at)
                .filter(|&(_, previous_end, _)| {
                    sentence_lower
                        .get(previous_end..start)
                        .is_some_and(|between| LISTED.is_match(between))
                })
                .map(|(_, _, kind)| kind);
            // A verb that came before the last agreed sum governs a later one only if nothing
            // after the later one says it was paid or offered before (`…, and the £200 it
            // already paid`).
            let cue = cues.cue_before(start).filter(|&(cue_end, _)| {
                let governs_earlier = last_agreed.is_some_and(|(at, previous_end, _)| {
                    at == sentence_at && cue_end <= previous_end
                });
                !(governs_earlier && past_after)
            });
            let kind = match (cue.map(|(_, cue)| cue), listed_after) {
                (Some(Cue::Refund), _) => PaymentKind::RefundOrWaiver,
                (Some(Cue::Pay), _) => PaymentKind::Symbolic,
                (Some(Cue::Other), Some(kind)) if !past_after => kind,
                (None, _) if about_paying && !past_after => PaymentKind::Symbolic,
                _ => continue,
            };
            last_agreed = Some((sentence_at, end, kind));
            let recipient = cues.recipient(sentence.text, start, end, || {
                named.at(piece.text, offset, &self.read_before)
            });
            found.push(Payment {
                amount_pence: amount.pence,
                recipient,
                text: piece
                    .text
                    .get(amount.start..amount.end)
                    .unwrap_or_default()
                    .to_string(),
                span: piece.span(amount.start, amount.end),
                kind,
            });
        }
        without_parts_of_totals(found)
    }
}

/// The person named last before a place in a text, found reading forward from where the last
/// lookup stopped, so no byte is read twice; before the text, the person named last in the texts
/// read before it, looked up once.
#[derive(Debug, Default)]
struct NamedBefore<'t> {
    read_to: usize,
    last: Option<&'t str>,
    earlier: Option<Option<&'t str>>,
}

impl<'t> NamedBefore<'t> {
    fn at(&mut self, text: &'t str, at: usize, read_before: &[&'t str]) -> Option<String> {
        if at > self.read_to {
            if let Some(person) = text
                .get(self.read_to..at)
                .and_then(|t| PEOPLE.find_iter(t).last())
            {
                self.last = Some(person.as_str());
            }
            self.read_to = at;
        }
        let earlier = || {
            read_before
                .iter()
                .rev()
                .find_map(|text| PEOPLE.find_iter(text).last())
                .map(|m| m.as_str())
        };
        self.last
            .or_else(|| *self.earlier.get_or_insert_with(earlier))
            .map(str::to_string)
    }
}

/// `payments` less the parts of a sum stated whole as well (`£900 … made up of £600 for distress
/// and £300 for time and trouble`, or the parts first and `a total of £900` after): a run of two
/// to [`MAX_PARTS`] payments right after or right before one, adding up to it, is dropped.
fn without_parts_of_totals(payments: Vec<Payment>) -> Vec<Payment> {
    let amounts: Vec<u64> = payments.iter().map(|p| p.amount_pence).collect();
    let mut dropped = vec![false; amounts.len()];
    let mut i = 0;
    while i < amounts.len() {
        let after = amounts.get(i + 1..).unwrap_or_default();
        if let Some(parts) = run_adding_up_to(after.iter(), amounts[i]) {
            dropped[i + 1..=i + parts].fill(true);
            i += parts;
        } else if let Some(parts) = run_adding_up_to(amounts[..i].iter().rev(), amounts[i]) {
            dropped[i - parts..i].fill(true);
        }
        i += 1;
    }
    let mut kept = dropped.into_iter();
    payments
        .into_iter()
        .filter(|_| !kept.next().unwrap_or(false))
        .collect()
}

/// The most parts a breakdown is read with: breakdowns are short lists.
const MAX_PARTS: usize = 6;

/// The length (two to [`MAX_PARTS`]) of the run at the start of `amounts` that adds up to `total`.
fn run_adding_up_to<'p>(amounts: impl Iterator<Item = &'p u64>, total: u64) -> Option<usize> {
    let mut sum = 0u64;
    for (count, amount) in amounts.take(MAX_PARTS).enumerate() {
        sum = sum.saturating_add(*amount);
        if sum == total && count >= 1 {
            return Some(count + 1);
        }
        if sum > total {
            return None;
        }
    }
    None
}

/// The kinds an action's sentence can show, each with its pattern over the [`fold`]ed sentence.
const KINDS: [(ActionKind, &str); 6] = [
    (
        ActionKind::Apology,
        r"(?-u:\b)apologi[sz]\w*|(?-u:\b)apology(?-u:\b)",
    ),
    (
        ActionKind::Evidence,
        r"(?-u:\b)evidence(?-u:\b)|(?-u:\b)(?:provide|send|give|share)s? (?:the ombudsman|us)(?-u:\b)|(?-u:\b)a copy(?-u:\b)",
    ),
    (
        ActionKind::StaffGuidance,
        r"(?-u:\b)(?:remind\w*|train\w*|brief\w*)(?-u:\b)|(?-u:\b)guidance to (?:its )?(?:staff|officers|workers)",
    ),
    (
        ActionKind::Procedure,
        r"(?-u:\b)(?:review\w*|chang\w*|improv\w*|introduc\w*|amend\w*|updat\w*|develop\w*|produc\w*|creat\w*|complet\w*|adopt\w*|revis\w*|put in place|implement\w*) (?:\S+ ){0,6}?(?:polic(?:y|ies)|procedures?|process(?:es)?|practices?|action plan|protocols?|systems?)(?-u:\b)",
    ),
    (
        ActionKind::Assessment,
        r"(?-u:\b)(?:carr(?:y|ies) out|complet\w*|undertak\w*|conduct\w*|arrang\w*) (?:\S+ ){0,4}?(?:re-?assessments?|assessments?|needs reviews?)(?-u:\b)|(?-u:\b)re-?assess\w*",
    ),
    (
        ActionKind::RestartProcess,
        r"(?-u:\b)(?:start|restart|re-start|begin|reopen|re-open|escalat\w*|progress\w*|reconsider|re-consider)\w* (?:\S+ ){0,6}?(?:at )?stage (?:one|two|three|1|2|3)(?-u:\b)",
    ),
];

/// The kinds' patterns and [`PAY`]'s in one set, so a sentence is scanned once; paying is last.
static KIND_SET: LazyLock<FoldedSet> = LazyLock::new(|| {
    let patterns: Vec<&str> = KINDS
        .iter()
        .map(|(_, pattern)| *pattern)
        .chain([PAY.as_str()])
        .collect();
    FoldedSet::new(&patterns).expect("action kind set")
});

/// What an action does, from the sentence that states it.
fn kinds(text: &str, pays: bool) -> Vec<ActionKind> {
    let matched = KIND_SET.matches(&fold(text));
    let mut kinds: Vec<ActionKind> = KINDS
        .iter()
        .enumerate()
        .filter(|(i, _)| matched.matched(*i))
        .map(|(_, (kind, _))| *kind)
        .collect();
    if pays || matched.matched(KINDS.len()) {
        kinds.push(ActionKind::Payment);
    }
    if kinds.is_empty() {
        kinds.push(ActionKind::Other);
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pieces;
    use ActionKind::*;

    /// The payments `reader` reads in `text`, a piece of its own, split into its sentences.
    fn read_text<'a>(reader: &mut PaymentReader<'a>, text: &'a str) -> Vec<crate::model::Payment> {
        let piece = Piece {
            text,
            start: 0,
            paragraph: None,
        };
        reader.read(&piece, &pieces::sentences(&piece), false)
    }

    /// Expected payments: (pence, recipient).
    type Paid<'a> = &'a [(u64, Option<&'a str>)];

    #[test]
    fn pays_the_people_the_sentence_names() {
        let cases: &[(&str, Paid<'_>)] = &[
            (
                "Pay Ms X £300 as a symbolic payment.",
                &[(30000, Some("Ms X"))],
            ),
            (
                "pay Mr and Mrs D £250 for distress and £100 for time and trouble.",
                &[(25000, Some("Mr and Mrs D")), (10000, Some("Mr and Mrs D"))],
            ),
            (
                "pay Miss B £1000 (£500 for her and £500 for the children).",
                &[(100000, Some("Miss B"))],
            ),
            ("Pay her £150 for her time and trouble.", &[(15000, None)]),
            ("Review its policy on £50 charges.", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<_> = read_text(&mut PaymentReader::default(), text)
                .into_iter()
                .map(|p| (p.amount_pence, p.recipient))
                .collect();
            let want: Vec<_> = expected
                .iter()
                .map(|(p, r)| (*p, r.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// (pence, recipient, kind) of each payment `text` agrees.
    fn paid(text: &str) -> Vec<(u64, Option<String>, PaymentKind)> {
        read_text(&mut PaymentReader::default(), text)
            .into_iter()
            .map(|p| (p.amount_pence, p.recipient, p.kind))
            .collect()
    }

    #[test]
    fn reads_payments_however_they_are_worded() {
        use PaymentKind::*;
        type Agreed<'a> = &'a [(u64, Option<&'a str>, PaymentKind)];
        let cases: &[(&str, Agreed<'_>)] = &[
            (
                "Make a payment of £500 to Miss D.",
                &[(50000, Some("Miss D"), Symbolic)],
            ),
            (
                "Pay Mr E a symbolic payment of £200 for his distress.",
                &[(20000, Some("Mr E"), Symbolic)],
            ),
            (
                "pay £150 to each of Mr and Mrs F for their time and trouble.",
                &[(15000, Some("Mr and Mrs F"), Symbolic)],
            ),
            (
                "Apologise to Mrs G and pay her £100.",
                &[(10000, Some("Mrs G"), Symbolic)],
            ),
            (
                "Refund the £1,240 it charged Mr H for respite care.",
                &[(124000, Some("Mr H"), RefundOrWaiver)],
            ),
            (
                "Waive the outstanding invoice of £3,500.",
                &[(350000, None, RefundOrWaiver)],
            ),
            (
                "Cancel the backdated charge of £412.50 and restore the discount.",
                &[(41250, None, RefundOrWaiver)],
            ),
            (
                "Pay Mrs J £900. This is made up of £600 for her distress and £300 for her time and trouble.",
                &[(90000, Some("Mrs J"), Symbolic)],
            ),
            (
                "Pay Mrs J £600 for her distress and £300 for her time and trouble, a total of £900.",
                &[(90000, Some("Mrs J"), Symbolic)],
            ),
            (
                "Pay Ms K £300. This is in addition to the £200 it has already paid her.",
                &[(30000, Some("Ms K"), Symbolic)],
            ),
            (
                "Pay Mr L £250; he refused the £100 the Council offered in 2023.",
                &[(25000, Some("Mr L"), Symbolic)],
            ),
            (
                "Refund the £200 Mr N has paid and the £85 summons costs.",
                &[
                    (20000, Some("Mr N"), RefundOrWaiver),
                    (8500, Some("Mr N"), RefundOrWaiver),
                ],
            ),
            (
                "Pay Ms O £300, and the £200 it already paid stands.",
                &[(30000, Some("Ms O"), Symbolic)],
            ),
            // An offer raised: the sum it is raised to is agreed, the offer is not.
            (
                "It had offered £100; we recommended it increase this to £350 for Ms R.",
                &[(35000, Some("Ms R"), Symbolic)],
            ),
            // A verb right after `already` or `previously` tells of the past.
            (
                "The Council has already refunded £120 and will pay Ms P a further £150.",
                &[(15000, Some("Ms P"), Symbolic)],
            ),
            (
                "It previously paid £50; it will now pay Mr Q £250.",
                &[(25000, Some("Mr Q"), Symbolic)],
            ),
            (
                "Pay Mr M £200 and Mrs M £150.",
                &[
                    (20000, Some("Mr M"), Symbolic),
                    (15000, Some("Mrs M"), Symbolic),
                ],
            ),
        ];
        for (text, expected) in cases {
            let want: Vec<_> = expected
                .iter()
                .map(|(p, r, k)| (*p, r.map(str::to_string), *k))
                .collect();
            assert_eq!(paid(text), want, "{text}");
        }
    }

    /// Payments as (pence, recipient).
    type PaidTo = Vec<(u64, Option<String>)>;

    /// The summary remedy's text and payments.
    fn summary(text: &str) -> Option<(String, PaidTo)> {
        let piece = Piece {
            text,
            start: 0,
            paragraph: None,
        };
        let remedy = remedy_in_summary(&piece, &pieces::sentences(&piece))?;
        let paid = remedy
            .payments
            .iter()
            .map(|p| (p.amount_pence, p.recipient.clone()));
        Some((remedy.text.clone(), paid.collect()))
    }

    #[test]
    fn reads_the_remedy_a_summary_states() {
        let (text, paid) = summary(
            "Mr B complained about his care charges. We found fault. The Council has agreed to \
             apologise and pay Mr B \u{a3}300 for his distress.",
        )
        .unwrap();
        assert!(text.starts_with("The Council has agreed to apologise"));
        assert_eq!(paid, [(30000, Some("Mr B".to_string()))]);
        let (_, paid) = summary(
            "Ms C complained about delay. The Council had offered her \u{a3}100. We recommended \
             it pay her \u{a3}400 instead.",
        )
        .unwrap();
        assert_eq!(paid, [(40000, Some("Ms C".to_string()))]);
        let (text, paid) =
            summary("The Council was at fault. It should apologise to Mrs D.").unwrap();
        assert_eq!(text, "It should apologise to Mrs D.");
        assert!(paid.is_empty());
        let (text, paid) = summary(
            "Mr F complained. The Council agreed to apologise. The delay was long. It will pay \
             Mr F \u{a3}100. We have completed our investigation.",
        )
        .unwrap();
        assert_eq!(
            text,
            "The Council agreed to apologise. The delay was long. It will pay Mr F \u{a3}100."
        );
        assert_eq!(paid, [(10000, Some("Mr F".to_string()))]);
        assert_eq!(summary("We found no fault by the Council."), None);
        assert_eq!(
            summary("Mr E says the Council agreed to pay him \u{a3}50 and did not."),
            None
        );
    }

    #[test]
    fn a_pronoun_is_the_person_named_before() {
        let mut reader = PaymentReader::default();
        read_text(&mut reader, "Apologise to Miss N for the delay.");
        let paid = read_text(&mut reader, "Pay her £150 for her time and trouble.");
        assert_eq!(paid[0].recipient.as_deref(), Some("Miss N"));
    }

    #[test]
    fn tells_action_kinds() {
        let cases: &[(&str, &[ActionKind])] = &[
            ("Apologise to Miss X in line with our guidance.", &[Apology]),
            ("Pay Ms X £300 as a symbolic payment; and", &[Payment]),
            (
                "Provide the Ombudsman with evidence that it has now implemented all recommendations.",
                &[Evidence],
            ),
            (
                "reminded its staff of the timeframes in the statutory guidance; and",
                &[StaffGuidance],
            ),
            (
                "improved its processes for monitoring compliance with remedies.",
                &[Procedure],
            ),
            (
                "it will complete its carers assessment of Ms C.",
                &[Assessment],
            ),
            (
                "it will complete a policy on the recording of meetings and provide the Ombudsman with a copy.",
                &[Evidence, Procedure],
            ),
            (
                "Considering the findings, start stage two of the statutory procedure without further delay.",
                &[RestartProcess],
            ),
            ("Write to Ms X.", &[Other]),
        ];
        for (text, expected) in cases {
            assert_eq!(kinds(text, false), *expected, "{text}");
        }
    }

    #[test]
    fn pays_sums_not_breakdowns_or_rates() {
        let amounts = |text| -> Vec<(u64, Option<String>)> {
            read_text(&mut PaymentReader::default(), text)
                .into_iter()
                .map(|p| (p.amount_pence, p.recipient))
                .collect()
        };
        assert_eq!(
            amounts(
                "to pay Miss B £1000 (£500 for her, £400 for the children and £100 for the delay);"
            ),
            [(100000, Some("Miss B".to_string()))]
        );
        assert_eq!(
            amounts(
                "Pay Miss X a symbolic payment of £250. This is £50 for every month there was a delay."
            ),
            [(25000, Some("Miss X".to_string()))]
        );
        assert_eq!(
            amounts("Pay £500 to Mrs Y."),
            [(50000, Some("Mrs Y".to_string()))]
        );
        assert!(amounts("Review the £65,000 debt.").is_empty());
        assert!(amounts("Pay Ms X £99999999999999999999.").is_empty());
    }
}
