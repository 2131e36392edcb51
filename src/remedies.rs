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

/// A lead-in that gives the deadline of the actions before it to its own (`In the same period,
/// the Council will:`, `Within the same time, it will`).
static SAME_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:in|within|during|over|by)\s+the\s+same\s+(?:period|timescales?|timeframe|time\s*(?:frame|scale|period|limit)?|deadline|date)(?-u:\b)")
        .expect("same-period regex")
});

/// A status line the older pages end with (`Ombudsman satisfied with council's response: 4 May
/// 2015`): a dated event, not an action.
static STATUS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)^\s*ombudsman\s+satisfied\s+with\s").expect("status line regex")
});

/// Whether `text` is a [`STATUS_LINE`]; its first word is looked at before the pattern.
fn is_status_line(text: &str) -> bool {
    let text = text.trim_start();
    text.get(..9)
        .is_some_and(|word| word.eq_ignore_ascii_case("ombudsman"))
        && STATUS_LINE.is_match(text)
}

/// Whether `text` starts with `the` or `it` and a space, as every [`OLD_ACTION`] does.
fn starts_the_or_it(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"the "))
        || bytes
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"it "))
}

/// The lead-in of the older pages' actions, which have no `Agreed action` heading: `To remedy
/// the injustice caused, the council has agreed to:`, `we recommend the council:`, `The
/// Ombudsman also recommends that the council:`.
static OLD_LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)(?:(?:has|have)\s+(?:also\s+)?agreed\s+to|recommends?\s+(?:that\s+)?(?:the\s+)?(?:council|\w+)|should):\s*$")
        .expect("old lead-in regex")
});

/// An action of the older pages written as a paragraph of its own: `The council should, within
/// three months …, apologise and pay …`, and after a lead-in's items `The council should also
/// …` (but not `should have`).
static OLD_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)^(?:the\s+[a-z'-]+|it)\s+(?:should|will|must|has\s+(?:also\s+)?agreed\s+to)\s*(?:also\s*)?,?\s*(?:within\s|[a-z]+(?-u:\b))")
        .expect("old action regex")
});

/// An [`OLD_ACTION`] that starts with its own deadline (`The council should, within three
/// months, …`): one found without a lead-in.
static OLD_ACTION_DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)^(?:the\s+[a-z'-]+|it)\s+(?:should|will|must|has\s+agreed\s+to)\s*,?\s*within\s",
    )
    .expect("old dated action regex")
});

/// The pieces that state actions in a statement of the older pages, which has no agreed-action
/// section: each lead-in of [`OLD_LEAD_IN`] with its items, then the [`OLD_ACTION`] paragraphs
/// right after; and an [`OLD_ACTION_DATED`] paragraph anywhere. Read once, in order.
fn old_template_pieces(doc: &Document<'_>) -> Vec<usize> {
    let pieces = doc.pieces();
    let mut chosen = Vec::new();
    let mut i = 0;
    // Whether the paragraphs now read follow a lead-in's items.
    let mut after_lead = false;
    while i < pieces.len() {
        let place = doc.place(i);
        if place.paragraph.is_none() || place.item {
            i += 1;
            continue;
        }
        let text = pieces[i].text;
        let items = (i + 1..pieces.len())
            .take_while(|&j| doc.place(j).item && doc.place(j).paragraph == place.paragraph)
            .count();
        let lead_in = items > 0 && text.trim_end().ends_with(':') && OLD_LEAD_IN.is_match(text);
        let paragraph_action = starts_the_or_it(text)
            && (OLD_ACTION_DATED.is_match(text)
                || (after_lead && OLD_ACTION.is_match(text) && !SHOULD_HAVE.is_match(text)));
        let is_action = (lead_in || paragraph_action) && !is_status_line(text);
        if is_action {
            chosen.extend(i..=i + items);
            after_lead = true;
        } else {
            after_lead = false;
        }
        i += 1 + items;
    }
    chosen
}

/// An action that agrees to what was suggested before (`agreed to resolve the complaint by
/// taking the suggested actions`, `the actions we recommended`).
static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:(?:the|these|those|our|my)\s+(?:suggested|proposed|recommended)\s+(?:actions?|remed(?:y|ies)|recommendations?)|(?:actions?|remed(?:y|ies))\s+(?:we|i)\s+(?:had\s+|have\s+)?(?:suggested|proposed|recommended))(?-u:\b)")
        .expect("refers-back regex")
});

/// The words one of which every [`REFERS_BACK`] holds, looked for before it.
static SUGGESTING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)suggested|proposed|recommended").expect("suggesting word regex")
});

/// A sentence that suggests a remedy (`We suggested the Council apologise`, `We also suggested a
/// payment of £100`).
static SUGGESTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:we|i)\s+(?:also\s+)?(?:suggested|proposed|recommended)\b")
        .expect("suggested regex")
});

/// The actions an action at `index` agrees to by referring back to them (`taking the suggested
/// actions`): each sentence of the sections before it that suggests a remedy, as an action of
/// its own with its payments and kinds, due by `deadline` (the referring action's).
fn suggested_actions(
    doc: &Document<'_>,
    index: usize,
    deadline: Option<&Deadline>,
) -> Vec<AgreedAction> {
    let Some(section) = doc.place(index).section else {
        return Vec::new();
    };
    let mut reader = PaymentReader::default();
    let mut actions = Vec::new();
    for i in 0..index {
        if doc.place(i).section.is_none_or(|s| s >= section) {
            continue;
        }
        let piece = doc.pieces()[i];
        if !SUGGESTED.is_match(piece.text) {
            reader.remember(piece.text);
            continue;
        }
        for sentence in doc.sentences(i) {
            if !SUGGESTED.is_match(sentence.text) {
                reader.remember(sentence.text);
                continue;
            }
            let payments = reader.read(sentence, std::slice::from_ref(sentence), false);
            actions.push(AgreedAction {
                text: sentence.text.to_string(),
                paragraph: sentence.paragraph,
                span: sentence.whole(),
                kinds: kinds(sentence.text, !payments.is_empty()),
                payments,
                deadline: deadline.cloned(),
            });
        }
    }
    actions
}

/// `should have`: what ought to have been done, not an action.
static SHOULD_HAVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)^[a-z'-]+(?:\s+[a-z'-]+)?\s+(?:should|must)\s+have\s")
        .expect("should-have regex")
});

/// Reads the agreed actions of `sections`, counting deadlines from `decision_date`. A statement
/// of the older pages without an agreed-action section has its actions read where their lead-in
/// says so ([`old_template_pieces`]).
pub(crate) fn find_remedies(doc: &Document<'_>, decision_date: Option<NaiveDate>) -> Remedies {
    let mut actions = Vec::new();
    let mut reader = PaymentReader::default();
    let chosen = action_sections(&doc.sections);
    let indices: Vec<usize> = if chosen.contains(&true) {
        doc.in_sections(&chosen).collect()
    } else {
        old_template_pieces(doc)
    };
    let mut indices = indices.into_iter().peekable();
    // The last deadline read, for a lead-in `In the same period, …`.
    let mut last_deadline: Option<Deadline> = None;
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
        let own_deadline = deadline(lead, decision_date).or_else(|| {
            last_deadline
                .clone()
                .filter(|_| lead.text.contains("same") && SAME_PERIOD.is_match(lead.text))
        });
        if own_deadline.is_some() {
            last_deadline.clone_from(&own_deadline);
        }
        if items.is_empty() {
            if !AGREEMENT_ONLY.is_match(fold(lead.text).trim()) && !is_status_line(lead.text) {
                let sentences = doc.sentences(lead_index);
                let action = action(lead, sentences, own_deadline, &mut reader, false);
                let refers_back = action.payments.is_empty()
                    && SUGGESTING_WORD.is_match(lead.text)
                    && REFERS_BACK.is_match(lead.text);
                let suggested = refers_back
                    .then(|| suggested_actions(doc, lead_index, action.deadline.as_ref()));
                actions.push(action);
                actions.extend(suggested.into_iter().flatten());
            }
            continue;
        }
        let lead_deadline = own_deadline;
        // Items under `pay:` pay without saying so again (`£150 to Mr F`).
        let lead_pays = PAY.is_match(&fold(lead.text));
        reader.remember(lead.text);
        for item in items {
            let piece = &doc.pieces()[item];
            if is_status_line(piece.text) {
                continue;
            }
            let due = deadline(piece, decision_date).or_else(|| lead_deadline.clone());
            actions.push(action(
                piece,
                doc.sentences(item),
                due,
                &mut reader,
                lead_pays,
            ));
        }
    }
    let total_pence = (!actions.is_empty()).then(|| {
        actions
            .iter()
            .flat_map(|a| &a.payments)
            .filter(|p| p.kind != PaymentKind::Conditional)
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
/// apologise`, `has agreed a financial remedy`, `has agreed action to remedy`, `has accepted our
/// recommended remedy`, `has made recommendations to remedy`, `has made an offer of a symbolic
/// payment`, but not `had made an offer`), but not what it refused or had done before. A match of the last branch (`to pay`,
/// `to complete`) counts only when a word of [`REMEDY_TO_AFTER`] is not the one before it.
static REMEDY_SENTENCE: LazyLock<BytesRegex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)(?-u:\b)(?:
            agree[sd]?\ to
          | agree[sd]?\ (?:an?\ |our\ |my\ |the\ |further\ |some\ )?(?:[a-z-]+\ )?(?:remedy|remedies)(?-u:\b)
          | agree[sd]?\ (?:further\ |some\ )?actions?\ (?:to|which|that)(?-u:\b)
          | accept(?:s|ed)?\ (?:all\ )?(?:our|my|the|these|those)\ (?:\S+\ )?(?:recommendations?|remedy|remedies)(?-u:\b)
          | (?:we|i|ombudsman|ombudsmen)\ (?:have\ |has\ )?(?:also\ )?recommend(?:s|ed)?(?-u:\b)
          | recommend(?:s|ed)?\ (?:that\ )?(?:it|they|the)\ 
          | made\ (?:\S+\ )?recommendations?\ to(?-u:\b)
          | made\ an?\ (?:\S+\ )?offer\ of(?-u:\b)
          | (?:should|will|must)\ (?:now\ |also\ |jointly\ |both\ |each\ |therefore\ |then\ )?remedy(?-u:\b)
          | (?:should|will|must|to)\ (?:now\ |also\ |jointly\ |both\ |each\ |therefore\ |then\ )?(?:apologise|pay|refund|reimburse|waive|make\ (?:an?\ )?(?:\S+\ )?payments?|review|reconsider|remind|train|carry\ out|complete)
        )",
    )
    .expect("remedy sentence regex")
});

/// The words that make a following `to pay`, `to complete` a failing or a duty of the person
/// complaining, not a remedy (`failed to pay`, `a refusal to complete`, `told him to pay`,
/// `has to pay towards her care`, `chose to pay`) when they are the last word before it: a
/// stem stands for every word it starts (`fail`: `failed`, `failure`), a word for itself and
/// its plural.
const REMEDY_TO_AFTER: &[(&[u8], bool)] = &[
    (b"fail", true),
    (b"refus", true),
    (b"declin", true),
    (b"wish", true),
    (b"attempt", true),
    (b"effort", true),
    (b"decision", false),
    (b"unable", false),
    (b"him", false),
    (b"her", false),
    (b"them", false),
    (b"me", false),
    (b"has", false),
    (b"have", false),
    (b"had", false),
    (b"chose", false),
    (b"choose", false),
    (b"how", false),
    (b"whether", false),
    (b"duty", false),
    (b"need", false),
    (b"required", false),
];

/// The last word of `before` (its letters before any trailing whitespace).
fn last_word(before: &[u8]) -> &[u8] {
    let before = before.trim_ascii_end();
    let word_start = before
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    &before[word_start..]
}

/// Whether the last word of the lower-cased `before` is one of [`REMEDY_TO_AFTER`].
fn failing_before(before: &[u8]) -> bool {
    let word = last_word(before);
    REMEDY_TO_AFTER.iter().any(|&(w, stem)| {
        if stem {
            word.starts_with(w)
        } else {
            word == w || word.strip_suffix(b"s") == Some(w)
        }
    })
}

/// Whether the lower-cased `before` holds a verb of complaining (`complains`, `complained`;
/// not `complaint`): the sentence tells the complaint (`Mr X complains the Council should
/// review …`).
fn complaining_in(before: &[u8]) -> bool {
    memchr::memmem::find_iter(before, b"complain").any(|at| {
        let starts_word = at == 0 || !before[at - 1].is_ascii_alphanumeric();
        let rest = &before[at + b"complain".len()..];
        let suffix_len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        starts_word && matches!(&rest[..suffix_len], b"" | b"s" | b"ed" | b"ing")
    })
}

/// A sentence after a remedy sentence that goes on with the remedy: `It will also …`, `The
/// Council should also …`, `It will give guidance to …`.
static FOLLOW_ON: LazyLock<BytesRegex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)^(?:it|they|the\ \S+(?:\ \S+)?)\ (?:
            (?:will|should|must|(?:has|have)\ (?:also\ )?agreed\ to)\ also
          | (?:has|have)\ also\ agreed
          | (?:will|should|must)\ (?:give|issue|share|take|ensure|provide|remind|train|review|make|put|arrange|carry|complete|reconsider|consider|write|offer|hold|update|change|improve|introduce|amend|monitor|assess|reassess|re-assess|contact|send|backdate|produce|develop|create|circulate|deliver|set|start|pay|refund|apologise|reimburse|waive)
        )(?-u:\b)",
    )
    .expect("follow-on regex")
});

/// Words that make a remedy sentence one about something refused or not done.
static NOT_A_REMEDY: LazyLock<BytesRegex> = LazyLock::new(|| {
    folded_regex(
        r"(?-u:\b)(?:not|refused|declined|rejected|already|previously)\ (?:\S+\ )?(?:agree|accept|pay|to)(?-u:\b)|(?-u:\b)(?:says?|said|wants?|asked)(?-u:\b)",
    )
    .expect("not-a-remedy regex")
});

/// Whether the lower-cased sentence `text` states a remedy: a [`REMEDY_SENTENCE`] match that is
/// not a failing or duty (`failed to pay`) and not in the telling of the complaint, and nothing
/// of [`NOT_A_REMEDY`].
fn states_remedy(text: &[u8]) -> bool {
    // Most sentences hold no remedy's words: one forward scan tells, before any match is placed.
    if !REMEDY_SENTENCE.is_match(text) || NOT_A_REMEDY.is_match(text) {
        return false;
    }
    REMEDY_SENTENCE.find_iter(text).any(|m| {
        let before = &text[..m.start()];
        let failing = (m.as_bytes().starts_with(b"to ") && failing_before(before))
            || (m.as_bytes().starts_with(b"made ") && last_word(before) == b"had");
        !failing && !complaining_in(before)
    })
}

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
    let lowered = |sentence: &Piece<'_>| {
        let at = sentence.start - summary.start;
        lower
            .as_bytes()
            .get(at..at + sentence.text.len())
            .unwrap_or_default()
    };
    // The sentences between the first and the last remedy sentence belong to the remedy
    // whatever they say, so only those before the first and after the last are read. After
    // the first, a sentence going on with it (`It will also …`) is one too.
    let first = sentences.iter().position(|s| states_remedy(lowered(s)))?;
    let after_first = sentences.get(first + 1..).unwrap_or_default();
    let last = after_first
        .iter()
        .rposition(|s| {
            let text = lowered(s);
            states_remedy(text) || (FOLLOW_ON.is_match(text) && !NOT_A_REMEDY.is_match(text))
        })
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

/// The agreed action `piece` (whose sentences are `sentences`) states, due by `deadline` (its
/// own, else its lead-in's).
fn action<'a>(
    piece: &Piece<'a>,
    sentences: &[Piece<'a>],
    deadline: Option<Deadline>,
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
        deadline,
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

/// `payment` right after a sum (`£1,200 payment`, `£300 symbolic payment`).
static NAMED_PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)^\s+(?:[a-z-]+\s+)?payments?\b").expect("named payment regex")
});

/// `each` right after a sum (`£250 each`, `£250 each to Mr and Mrs Y`, `£150 to each of`).
static EACH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)^\s+(?:each|to\s+each)\b").expect("each-after regex"));

/// `each` between the verb and the sum (`pay each of Mr and Mrs Y £250`).
static EACH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)each(?-u:\b)").expect("each regex"));

/// What joins the people of one name (`Mr and Mrs Y`, `Ms A, Mr B and Mrs C`).
static PEOPLE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+").expect("people join regex")
});

/// The people of a name of several (`Mr and Mrs Y` is `Mr Y` and `Mrs Y`; a title alone takes
/// the letter of the next person named with one).
fn split_people(names: &str) -> Vec<String> {
    let parts: Vec<&str> = PEOPLE_JOIN
        .split(names)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            if part.contains(char::is_whitespace) {
                return (*part).to_string();
            }
            let letter = parts
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .find_map(|p| p.rsplit_once(char::is_whitespace).map(|(_, letter)| letter));
            letter.map_or_else(|| (*part).to_string(), |l| format!("{part} {l}"))
        })
        .collect()
}

/// A condition or an alternative (`if Ms X accepts`, `or, if it prefers,`, `unless`,
/// `alternatively`), but not `if it has not already done so`.
static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:if|unless|alternatively|provided\ that|should\ (?:she|he|they|mr|mrs|ms|miss)\ (?:prefer|accept|agree|choose|wish)[a-z]*)(?-u:\b)")
        .expect("condition regex")
});

/// What after `if` makes it no condition on the sum: `if it has not already done so`.
static NOT_A_CONDITION: LazyLock<BytesRegex> = LazyLock::new(|| {
    folded_regex(r"^[^,;.]{0,40}?\b(?:already|done\ so|not\ yet)\b").expect("not-a-condition regex")
});

/// Whether the lower-cased `text` ends with the words `words` (then only whitespace), the
/// first of them a whole word: `… or `, `… up to `.
fn ends_with_words(text: &str, words: &[&str]) -> bool {
    let mut rest = text;
    for word in words.iter().rev() {
        let Some(before) = rest.trim_end().strip_suffix(word) else {
            return false;
        };
        if !before.ends_with(|c: char| c.is_whitespace()) && !before.is_empty() {
            return false;
        }
        rest = before;
    }
    true
}

/// A condition in the clause right after a sum (`£150 if she sends the receipts`).
static CONDITION_AFTER: LazyLock<BytesRegex> = LazyLock::new(|| {
    folded_regex(r"^[^,;.()]{0,60}?\b(?:if|unless|provided\ that)\b")
        .expect("condition-after regex")
});

/// Whether the lower-cased words before a sum (since the sum before it in its sentence) make
/// it conditional or an alternative: a condition there, or `up to` right before it.
fn is_conditional(leading: &str) -> bool {
    ends_with_words(leading, &["up", "to"])
        || CONDITION.find_iter(leading).any(|m| {
            !leading
                .get(m.end()..)
                .is_some_and(|rest| NOT_A_CONDITION.is_match(rest.as_bytes()))
        })
}

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
        // The sentence and end of the amount before, for the words between it and the next.
        let mut previous_amount: Option<(usize, usize)> = None;
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
            // The words since the amount before this one in the sentence (or its start): a
            // condition or an alternative there (`or, if it prefers, £500`) is this sum's.
            let since = match previous_amount {
                Some((at, previous_end)) if at == sentence_at => previous_end,
                _ => 0,
            };
            previous_amount = Some((sentence_at, end));
            let leading = sentence_lower.get(since..start).unwrap_or_default();
            // `an apology and £1,200 payment`: the word after the sum says it is paid.
            let named_payment = sentence_lower
                .get(end..)
                .is_some_and(|after| NAMED_PAYMENT.is_match(after));
            let kind = match (cue.map(|(_, cue)| cue), listed_after) {
                (Some(Cue::Refund), _) => PaymentKind::RefundOrWaiver,
                (Some(Cue::Pay), _) => PaymentKind::Symbolic,
                (Some(Cue::Other), Some(kind)) if !past_after => kind,
                (None, _) if (about_paying || named_payment) && !past_after => {
                    PaymentKind::Symbolic
                }
                _ => continue,
            };
            last_agreed = Some((sentence_at, end, kind));
            let alternative = since > 0
                && (ends_with_words(leading, &["or"])
                    || ends_with_words(leading, &["or", "instead"])
                    || ends_with_words(leading, &["or", "alternatively"]));
            let condition_after = sentence_lower
                .get(end..)
                .and_then(|after| {
                    let after = after.as_bytes();
                    CONDITION_AFTER.find(after).map(|m| &after[m.end()..])
                })
                .is_some_and(|rest| !NOT_A_CONDITION.is_match(rest));
            let kind = if alternative || condition_after || is_conditional(leading) {
                PaymentKind::Conditional
            } else {
                kind
            };
            let recipient = cues.recipient(sentence.text, start, end, || {
                named.at(piece.text, offset, &self.read_before)
            });
            // `£250 each to Mr and Mrs Y`, `pay each of Mr and Mrs Y £250`: one payment to
            // each person named.
            let each = sentence_lower
                .get(end..)
                .is_some_and(|after| EACH_AFTER.is_match(after))
                || sentence_lower
                    .get(cue.map_or(since, |(cue_end, _)| cue_end.max(since))..start)
                    .is_some_and(|between| EACH.is_match(between));
            let people = match &recipient {
                Some(names) if each => split_people(names),
                _ => vec![],
            };
            let recipients = if people.len() > 1 {
                people.into_iter().map(Some).collect()
            } else {
                vec![recipient]
            };
            for recipient in recipients {
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
const KINDS: [(ActionKind, &str); 7] = [
    // A payment named without a word of paying.
    (
        ActionKind::Payment,
        r"(?-u:\b)financial (?:remedy|redress)(?-u:\b)",
    ),
    (
        ActionKind::Apology,
        r"(?-u:\b)apologi[sz]\w*|(?-u:\b)apology(?-u:\b)",
    ),
    (
        ActionKind::Evidence,
        r"(?-u:\b)(?:provid\w*|send\w*|giv\w*|shar\w*|show\w*|with|of|for) (?:\S+ ){0,3}?evidence(?-u:\b)|(?-u:\b)evidence (?:of|that|to show)(?-u:\b)|(?-u:\b)(?:provide|send|give|share)s? (?:the ombudsman|us)(?-u:\b)|(?-u:\b)a copy(?-u:\b)",
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
                &[
                    (15000, Some("Mr F"), Symbolic),
                    (15000, Some("Mrs F"), Symbolic),
                ],
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
            ("The Trust has agreed a financial remedy.", &[Payment]),
        ];
        for (text, expected) in cases {
            assert_eq!(kinds(text, false), *expected, "{text}");
        }
    }

    #[test]
    fn pays_each_person_named_their_own_sum() {
        use PaymentKind::*;
        type Agreed<'a> = &'a [(u64, Option<&'a str>, PaymentKind)];
        let cases: &[(&str, Agreed<'_>)] = &[
            (
                "Pay £250 each to Mr and Mrs Y for their distress.",
                &[
                    (25000, Some("Mr Y"), Symbolic),
                    (25000, Some("Mrs Y"), Symbolic),
                ],
            ),
            (
                "pay Ms A, Mr B and Mrs C £80 each.",
                &[
                    (8000, Some("Ms A"), Symbolic),
                    (8000, Some("Mr B"), Symbolic),
                    (8000, Some("Mrs C"), Symbolic),
                ],
            ),
            (
                "pay each of Mr and Mrs W £120.",
                &[
                    (12000, Some("Mr W"), Symbolic),
                    (12000, Some("Mrs W"), Symbolic),
                ],
            ),
            // Nobody named: one payment, as written.
            (
                "apologise and pay each of the tenants £300.",
                &[(30000, None, Symbolic)],
            ),
            // Paid to a pair, not to each: one payment.
            (
                "pay Mr and Mrs V £400 for their time and trouble.",
                &[(40000, Some("Mr and Mrs V"), Symbolic)],
            ),
        ];
        for (text, expected) in cases {
            let want: Vec<_> = expected
                .iter()
                .map(|(p, r, k)| (*p, r.map(str::to_string), *k))
                .collect();
            assert_eq!(paid(text), want, "{text}");
        }
        assert_eq!(split_people("Mr and Mrs Y"), ["Mr Y", "Mrs Y"]);
        assert_eq!(split_people("Ms D & Mr E"), ["Ms D", "Mr E"]);
        assert_eq!(split_people("Miss Q"), ["Miss Q"]);
    }

    #[test]
    fn types_alternative_and_conditional_sums() {
        use PaymentKind::*;
        let cases: &[(&str, &[(u64, PaymentKind)])] = &[
            (
                "Pay Mr T £350 for his distress or, if it prefers, £500 with a fresh review.",
                &[(35000, Symbolic), (50000, Conditional)],
            ),
            (
                "If Ms U accepts the offer of a new place, pay her £200 towards moving costs.",
                &[(20000, Conditional)],
            ),
            (
                "Reimburse Mrs S's receipted costs up to £1,000.",
                &[(100000, Conditional)],
            ),
            (
                "pay Miss R £150, and should she accept a review, a further £100.",
                &[(15000, Symbolic), (10000, Conditional)],
            ),
            (
                "pay Mrs O £300, or £450 should she choose a review instead.",
                &[(30000, Symbolic), (45000, Conditional)],
            ),
            (
                "refund Mr N up to £80 of his travel costs and pay him £100.",
                &[(8000, Conditional), (10000, Symbolic)],
            ),
            (
                "pay Ms M £150 if she sends the receipts for the storage.",
                &[(15000, Conditional)],
            ),
            // Not a condition on the sum.
            (
                "If it has not already done so, pay Mr P £250.",
                &[(25000, Symbolic)],
            ),
            (
                "pay Mr L £200 to recognise his distress if it has not done so already.",
                &[(20000, Symbolic)],
            ),
            (
                "pay Miss K £300 for her distress or uncertainty and £100 for her time.",
                &[(30000, Symbolic), (10000, Symbolic)],
            ),
        ];
        for (text, expected) in cases {
            let got: Vec<_> = paid(text).into_iter().map(|(p, _, k)| (p, k)).collect();
            assert_eq!(got, *expected, "{text}");
        }
    }

    /// The summary remedy's text, or `None`.
    fn remedy_text(text: &str) -> Option<String> {
        summary(text).map(|(text, _)| text)
    }

    #[test]
    fn knows_the_wordings_of_a_remedy() {
        let remedies = [
            "The Trust has agreed a remedy that includes an apology and a payment.",
            "The Council has agreed a financial remedy for the delay.",
            "The school has accepted our recommended remedy.",
            "The provider has accepted the recommendations we made.",
            "The Council has taken agreed action which we consider provides a fair remedy.",
            "The Council accepts it was at fault and has agreed action to remedy the injustice.",
            "The Ombudsman has made recommendations to remedy the fault.",
            "On the evidence so far the Council should remedy this by apologising to Ms N.",
            "The landlord has made an offer of a symbolic payment, which is enough.",
            "This caused distress, and the two bodies should jointly apologise for it.",
            "The Ombudsman recommends the Council apologises to Mr K.",
            "It will also make a symbolic payment to Mrs L.",
        ];
        for text in remedies {
            let sentence = format!("Mr Z complained about his care. {text}");
            assert_eq!(remedy_text(&sentence).as_deref(), Some(text), "{text}");
        }
        let not_remedies = [
            "Mr Z complains the Council failed to carry out a care assessment.",
            "Mrs Z complained that the Council failed to pay her the fostering allowance.",
            "Ms Z says she was told to pay the charge before she could appeal.",
            "We will not investigate the Council's refusal to complete the works.",
            "Miss Z complained about how much her father has to pay towards his care.",
            "Mr Z complains the Council should review its decision.",
            "The Council should have reviewed the plan sooner.",
            "The Council had made an offer of a payment before Mr Z came to us.",
        ];
        for text in not_remedies {
            assert_eq!(remedy_text(text), None, "{text}");
        }
    }

    #[test]
    fn the_remedy_runs_from_the_first_remedy_sentence_to_the_last() {
        let text = "Mr Z complained the Council failed to complete his assessment. We found fault. \
                    The Council has agreed to apologise and complete the assessment. It will also \
                    remind its staff of the time limits. It will give guidance to managers. We \
                    have ended our investigation.";
        assert_eq!(
            remedy_text(text).as_deref(),
            Some(
                "The Council has agreed to apologise and complete the assessment. It will also \
                 remind its staff of the time limits. It will give guidance to managers."
            )
        );
        let text = "We found fault. We recommend the Council apologises to Ms J. The Council \
                    should also review its letters. It will not pay her costs.";
        assert_eq!(
            remedy_text(text).as_deref(),
            Some(
                "We recommend the Council apologises to Ms J. The Council should also review its letters."
            )
        );
    }

    #[test]
    fn keeps_the_sums_of_a_summary_remedy() {
        let (_, paid) = summary(
            "We found fault. The Ombudsman recommends it apologises and pays Mr H \u{a3}650.",
        )
        .unwrap();
        assert_eq!(paid, [(65000, Some("Mr H".to_string()))]);
        let (_, paid) = summary(
            "We found fault. The Council has agreed to an apology and \u{a3}1,200 payment to Mr G.",
        )
        .unwrap();
        assert_eq!(paid, [(120000, Some("Mr G".to_string()))]);
    }

    /// An action read: its text, its payments as (pence, recipient, kind), its deadline's due.
    type ActionRead = (
        String,
        Vec<(u64, Option<String>, PaymentKind)>,
        Option<String>,
    );

    /// The agreed actions of the statement `text`, and its total.
    fn actions_of(text: &str) -> (Vec<ActionRead>, Option<u64>) {
        let decision = crate::parse(text).unwrap();
        let actions = decision
            .agreed_actions
            .iter()
            .map(|a| {
                (
                    a.text.clone(),
                    a.payments
                        .iter()
                        .map(|p| (p.amount_pence, p.recipient.clone(), p.kind))
                        .collect(),
                    a.deadline
                        .as_ref()
                        .and_then(|d| d.due)
                        .map(|d| d.to_string()),
                )
            })
            .collect();
        (actions, decision.total_payment_pence)
    }

    /// A statement of today's pages: header, summary, a finding and `agreed` as its
    /// agreed-action section.
    fn modern(agreed: &str) -> String {
        format!(
            "Kestrel Vale Council (24 000 003)\n\n\
             Category : Housing > Repairs\n\n\
             Decision : Upheld\n\n\
             Decision date : 03 Jun 2024\n\n\
             The Ombudsman's final decision:\n\n\
             Summary: Mr W complained about how long the Council took to repair his home. We \
             found fault and the Council has agreed to apologise and make a payment to him.\n\n\
             The complaint\n\n\
             1. Mr W complained the Council took eight months to mend a leaking roof after he \
             first reported it, and did not answer his letters about the delay.\n\n\
             Agreed action\n\n\
             {agreed}\n\
             Final decision\n\n\
             9. I have completed my investigation. There was fault causing injustice.\n"
        )
    }

    #[test]
    fn a_same_period_lead_in_carries_the_deadline_before_it() {
        let text = modern(
            "2. Within one month of the date of the final decision, the Council will:\n\
             - apologise to Mr W for the delay; and\n\
             - pay Mr W £200 for his distress.\n\n\
             3. In the same period, the Council will:\n\
             - remind its repairs staff of the time limits in its policy.\n\n\
             4. Within three months of the final decision, the Council will review how it \
             tracks repairs reported by tenants.\n\n\
             5. Within the same time, it will tell us what it has changed after that review.\n\n",
        );
        let (actions, total) = actions_of(&text);
        let dues: Vec<_> = actions.iter().map(|a| a.2.as_deref()).collect();
        assert_eq!(
            dues,
            [
                Some("2024-07-03"),
                Some("2024-07-03"),
                Some("2024-07-03"),
                Some("2024-09-03"),
                Some("2024-09-03")
            ],
            "{actions:?}"
        );
        assert_eq!(total, Some(20000));
    }

    #[test]
    fn conditional_sums_are_not_totalled_and_each_person_is() {
        let text = modern(
            "2. Within four weeks of the final decision, the Council will:\n\
             - pay £250 each to Mr and Mrs Y for their distress; and\n\
             - if Mr and Mrs Y accept a fresh inspection, pay £100 towards their costs.\n\n",
        );
        let (actions, total) = actions_of(&text);
        let paid: Vec<_> = actions.iter().flat_map(|a| a.1.clone()).collect();
        assert_eq!(
            paid,
            [
                (25000, Some("Mr Y".to_string()), PaymentKind::Symbolic),
                (25000, Some("Mrs Y".to_string()), PaymentKind::Symbolic),
                (
                    10000,
                    Some("Mr and Mrs Y".to_string()),
                    PaymentKind::Conditional
                ),
            ]
        );
        assert_eq!(total, Some(50000));
    }

    /// A statement of the older pages, with `remedy` after its finding.
    fn older(remedy: &str) -> String {
        format!(
            "Westbury Borough Council (14 000 001)\n\n\
             Category : Housing > Allocations\n\n\
             Decision : Upheld\n\n\
             Decision date : 02 Mar 2015\n\n\
             A tenant complains the council lost his housing application and then failed to \
             answer his letters about it for several months.\n\n\
             The complaint\n\n\
             Mr D complains the council lost his application for rehousing and did not reply to \
             the letters he sent to it over the following months. He says this delayed his move \
             and caused him distress.\n\n\
             The Ombudsman upheld the complaint and found fault causing injustice.\n\n\
             {remedy}\n\
             Ombudsman satisfied with council's response: 4 Aug 2015\n"
        )
    }

    #[test]
    fn reads_the_actions_of_the_older_pages() {
        for lead in [
            "To put this right, the council has agreed to:",
            "To remedy the injustice, we recommend the council:",
            "The Ombudsman also recommends that the council:",
        ] {
            let text = older(&format!(
                "{lead}\n\n\
                 - apologise to Mr D;\n\
                 - pay Mr D £175 for his time and trouble; and\n\
                 - backdate his application to the date he first applied.\n\n\
                 The council should also review how it records the applications it receives, so \
                 that none is lost again. It should tell us what it has changed.\n\n\
                 The council should have answered Mr D's letters within the ten days its own \
                 complaints procedure allows for a first reply to a resident.\n\n"
            ));
            let (actions, total) = actions_of(&text);
            let texts: Vec<_> = actions.iter().map(|a| a.0.as_str()).collect();
            assert_eq!(texts.len(), 4, "{lead}: {texts:?}");
            assert_eq!(texts[1], "pay Mr D £175 for his time and trouble; and");
            assert!(texts[3].starts_with("The council should also review"));
            assert_eq!(total, Some(17500), "{lead}");
        }
    }

    #[test]
    fn reads_an_older_action_that_starts_with_its_deadline() {
        let text = older(
            "The council should, within three months of the date of this decision, apologise \
             and pay each of the residents £300.\n\n",
        );
        let (actions, total) = actions_of(&text);
        assert_eq!(actions.len(), 1, "{actions:?}");
        assert_eq!(actions[0].1, [(30000, None, PaymentKind::Symbolic)]);
        assert_eq!(actions[0].2.as_deref(), Some("2015-06-02"));
        assert_eq!(total, Some(30000));
    }

    #[test]
    fn an_action_taking_the_suggested_actions_brings_them_in() {
        let text = modern(
            "2. The Council agreed to settle the complaint by taking the suggested actions \
             within one month.\n\n",
        )
        .replace(
            "Agreed action",
            "My assessment\n\n\
             2. We asked the Council to settle the complaint early. We suggested it apologise \
             to Mr W and book the repair. We also suggested a payment of £120 to Mr W for his \
             time and trouble.\n\n\
             Agreed action",
        );
        let (actions, total) = actions_of(&text);
        let texts: Vec<_> = actions.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The Council agreed to settle the complaint by taking the suggested actions within one month.",
                "We suggested it apologise to Mr W and book the repair.",
                "We also suggested a payment of £120 to Mr W for his time and trouble."
            ]
        );
        assert_eq!(
            actions[2].1,
            [(12000, Some("Mr W".to_string()), PaymentKind::Symbolic)]
        );
        assert!(actions.iter().all(|a| a.2.as_deref() == Some("2024-07-03")));
        assert_eq!(total, Some(12000));
        let kinds = &crate::parse(&text).unwrap().agreed_actions[1].kinds;
        assert_eq!(kinds, &[ActionKind::Apology]);
    }

    #[test]
    fn reads_the_words_right_before_a_sum() {
        assert!(ends_with_words("pay ms x £300, or ", &["or"]));
        assert!(ends_with_words("costs up to ", &["up", "to"]));
        assert!(ends_with_words("or", &["or"]));
        assert!(!ends_with_words("the floor ", &["or"]));
        assert!(!ends_with_words("setup to ", &["up", "to"]));
        assert_eq!(last_word(b"she failed  "), b"failed");
        assert!(failing_before(b"the council failed "));
        assert!(failing_before(b"a refusal "));
        assert!(!failing_before(b"the council agreed "));
        assert!(complaining_in(b"mr z complained the council should "));
        assert!(!complaining_in(
            b"in response to his complaint the council will "
        ));
    }

    #[test]
    fn a_status_line_is_no_action() {
        assert!(is_status_line(
            "Ombudsman satisfied with council's response: 4 May 2015"
        ));
        assert!(!is_status_line(
            "The Ombudsman is satisfied the council acted properly."
        ));
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
