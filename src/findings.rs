//! Findings: the sentences where a statement decides on fault and injustice.
//!
//! Only the sections where the Ombudsman decides are read (`What I found` and its analysis,
//! `My findings`, `Analysis`, `Conclusion`, `Final decision`, …); their law, guidance and
//! history sub-sections, the complaint, the role-and-powers boilerplate and the agreed actions
//! are not. Sentences that describe what the Ombudsman looks for (`whether there was fault`),
//! questions and reported speech (`she said the Council's faults caused`) are not findings.

use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::headings::KeyedSection;
use crate::lines::{FoldedSet, fold, folded_regex};
use crate::model::{Finding, Section, Span, Verdict};
use crate::pieces::{self, Piece};

/// Whether a section's sentences can be findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Not a body section where decisions are made.
    Out,
    /// Law, guidance or history inside a decision section.
    Narrative,
    /// Where the Ombudsman decides.
    Decision,
}

static OUT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^(?:the complaints?|complaint background|background to the complaint|the ombudsm[ae]n'?s'? role.*|our role.*|role and powers|what (?:i|we) (?:have|did).*investigat.*|parts? of the complaint.*|how (?:i|we) considered.*|agreed actions?|recommendations?|recommended actions?)$",
    )
    .expect("out-of-scope heading regex")
});

static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^(?:what (?:i|we) found|(?:my |our )?findings?|(?:the ombudsman's |my |our )?analysis|conclusions?|final decisions?|decisions?|(?:my |our )?assessment|injustice|fault|(?:my )?consideration.*)$",
    )
    .expect("decision heading regex")
});

static NARRATIVE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"^(?:law(?-u:\b)|relevant law|legal(?-u:\b)|legislation|guidance|statutory|what happened|background|brief background|chronology|key facts|key events|stage \S+ findings|complaint$|events(?-u:\b))",
    )
    .expect("narrative heading regex")
});

/// The scope after a heading, given the scope before it: unknown headings keep the scope.
fn scope_after(heading: &str, folded: &str, current: Scope) -> Scope {
    let procedure_heading = heading.starts_with(char::is_uppercase)
        && (folded.contains("complaints process") || folded.contains("complaints procedure"));
    if OUT.is_match(folded.as_bytes()) {
        Scope::Out
    } else if DECISION.is_match(folded.as_bytes()) {
        Scope::Decision
    } else if NARRATIVE.is_match(folded.as_bytes()) || (procedure_heading && current != Scope::Out)
    {
        Scope::Narrative
    } else {
        current
    }
}

/// The sections whose sentences can be findings.
pub(crate) fn decision_sections<'s>(sections: &[KeyedSection<'s>]) -> Vec<&'s Section> {
    let mut scope = Scope::Out;
    sections
        .iter()
        .filter(|keyed| {
            scope = scope_after(&keyed.section.heading, &keyed.key, scope);
            scope == Scope::Decision
        })
        .map(|keyed| keyed.section)
        .collect()
}

/// Sentences that describe the Ombudsman's tests, ask questions, or report what others said.
static NOT_A_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)(?-u:\b)whether(?-u:\b) | (?-u:\b)if\ (?:there|we|i|a|an|the|it)(?-u:\b) | (?-u:\b)we\ (?:may|must|can|cannot|will|would)(?-u:\b) | (?-u:\b)unless(?-u:\b)
        | (?-u:\b)not\ enough\ evidence(?-u:\b) | (?-u:\b)insufficient\ evidence(?-u:\b)
        | (?-u:\b)(?:she|he|they|(?:ms|mr|mrs|miss)\ [a-z]|the\ complainant|the\ panel|the\ investigator|the\ io|the\ ip)
          \ (?:says?|said|told|complain\w*|believes?|felt|feels|alleg\w*|argues?|argued|thinks?|wants?)(?-u:\b)
        | (?-u:\b)the\ council\ (?:also\ |initially\ |then\ )?(?:offered|said|says|told|wrote|accepted|agreed|apologised)(?-u:\b)",
    )
    .expect("not-a-decision regex")
});

static NO_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)(?-u:\b)no\ fault(?-u:\b) | (?-u:\b)without\ fault(?-u:\b) | (?-u:\b)no\ evidence\ of\ fault(?-u:\b) | (?-u:\b)not\ (?:\S+\ ){0,5}?(?:at\ )?fault(?-u:\b)
        | (?-u:\b)(?:do|did|does|would)\ not\ (?:consider|find|think)\ (?:\S+\ ){0,6}?(?:at\ )?fault(?-u:\b)",
    )
    .expect("no fault regex")
});

static FAULT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)(?-u:\b)(?:was|is|were|are|be|been|amounts?\ to|amounted\ to|constitutes?|constituted)\ (?:also\ )?(?:at\ )?faults?(?-u:\b)
        | (?-u:\b)(?:found|finds?)\ (?:\S+\ ){0,3}?(?:at\ )?fault(?-u:\b)
        | (?-u:\b)(?:the|this|these|those|its|their|such)\ faults?\ (?:has\ |have\ |had\ )?(?:also\ )?caused(?-u:\b)
        | (?-u:\b)injustice\ caused\ by\ (?:the\ |its\ |this\ |these\ |those\ )?faults?(?-u:\b)
        | (?-u:\b)there\ (?:was|is|has\ been|were)\ (?:also\ |some\ )?fault(?-u:\b)
        | (?-u:\b)findings?\ of\ fault(?-u:\b)",
    )
    .expect("fault regex")
});

const HARM: &str = r"(?:injustice|distress|frustration|uncertainty|time\ and\ trouble|inconvenience|anxiety|upset|confusion)";

static NO_INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?x)(?-u:\b)(?:did|does|has|have|had)\ not\ (?:\S+\ )?caus\w*\ (?:\S+\ ){{0,8}}?{HARM}
        | (?-u:\b)no\ (?:\S+\ )?injustice(?-u:\b) | (?-u:\b)not\ caused?\ (?:\S+\ ){{0,6}}?injustice"
    ))
    .expect("no injustice regex")
});

static INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?x)(?-u:\b)caus\w*\ (?:\S+\ ){{0,8}}?{HARM}
        | (?-u:\b){HARM}\ (?:\S+\ ){{0,3}}?caused\ by
        | (?-u:\b)put\ to\ (?:\S+\ ){{0,3}}?time\ and\ trouble
        | (?-u:\b)fault\ (?:leading|led)\ to\ injustice
        | (?-u:\b)(?:experienced|suffered)\ (?:\S+\ ){{0,3}}?{HARM}"
    ))
    .expect("injustice regex")
});

/// `I do not consider that …`: negates what follows it in the sentence.
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:do|did|does|would) not (?:consider|find|think|accept)(?-u:\b)|(?-u:\b)(?:have|has|had) not found(?-u:\b)|(?-u:\b)not persuaded(?-u:\b)")
        .expect("negation regex")
});

/// The words every verdict pattern needs one of (`fault`, `injustice` or a harm), in lower case:
/// a cheap literal search that lets most text skip sentence splitting, folding and the verdict
/// regexes, which could match nothing there.
static VERDICT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"fault|injustice|distress|frustration|uncertainty|trouble|inconvenience|anxiety|upset|confusion",
    )
    .expect("verdict words regex")
});

/// Where the verdict words start in `text`, in any ASCII case, written to `words`. They are
/// looked for in an ASCII lower-cased copy (`lower`), which keeps every offset: a search for ten
/// lower-case literals is several times faster than one that ignores case. Both buffers are the
/// caller's, reused from one paragraph to the next.
fn verdict_words(text: &str, lower: &mut Vec<u8>, words: &mut Vec<usize>) {
    lower.clear();
    lower.extend_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    words.clear();
    words.extend(VERDICT_WORDS.find_iter(lower).map(|m| m.start()));
}

/// The verdict patterns in one set, so a sentence is scanned once; the indices below name them.
static VERDICT_SET: LazyLock<FoldedSet> = LazyLock::new(|| {
    FoldedSet::new(&[
        NOT_A_DECISION.as_str(),
        NO_FAULT.as_str(),
        FAULT.as_str(),
        NO_INJUSTICE.as_str(),
        INJUSTICE.as_str(),
        NEGATED.as_str(),
    ])
    .expect("verdict set")
});
const SET_NOT_A_DECISION: usize = 0;
const SET_NEGATED: usize = 5;

/// What one sentence decides, fault first.
#[cfg(test)]
fn verdicts(sentence: &str) -> Vec<Verdict> {
    let mut words = Vec::new();
    verdict_words(sentence, &mut Vec::new(), &mut words);
    if words.is_empty() {
        return Vec::new();
    }
    decide(sentence)
}

/// What a sentence that holds a verdict word decides, fault first.
fn decide(sentence: &str) -> Vec<Verdict> {
    let folded = fold(sentence);
    let folded = folded.trim();
    if folded.ends_with('?') {
        return Vec::new();
    }
    let matched = VERDICT_SET.matches(folded);
    if matched.matched(SET_NOT_A_DECISION) {
        return Vec::new();
    }
    let axes = [
        (1, &*FAULT, Verdict::NoFault, Verdict::Fault),
        (3, &*INJUSTICE, Verdict::NoInjustice, Verdict::Injustice),
    ];
    axes.into_iter()
        .filter_map(|(negative, positive, no, yes)| {
            if matched.matched(negative) {
                Some(no)
            } else if matched.matched(negative + 1) {
                judge(folded, matched.matched(SET_NEGATED), positive, no, yes)
            } else {
                None
            }
        })
        .collect()
}

/// A sentence with a positive form (`was fault`) decides `yes`, or `no` when a negation
/// (`I do not consider`) comes before it. Where they are is only looked up when the sentence
/// holds a negation (`has_negation`), which few do.
fn judge(
    folded: &str,
    has_negation: bool,
    positive: &Regex,
    no: Verdict,
    yes: Verdict,
) -> Option<Verdict> {
    let negated = has_negation
        && NEGATED
            .find(folded.as_bytes())
            .zip(positive.find(folded.as_bytes()))
            .is_some_and(|(negation, form)| negation.start() < form.start());
    Some(if negated { no } else { yes })
}

/// The findings of the summary (`paragraph: null`) and of the decision sections, in document
/// order. The summary counts because it states the decision in short (`There was fault by the
/// Council`), and is often all a cut-off copy has.
pub(crate) fn find_findings(
    input: &str,
    summary: Option<Span>,
    sections: &[KeyedSection<'_>],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let summary = summary.and_then(|span| {
        Some(Piece {
            text: input.get(span.range())?,
            start: span.start,
            paragraph: None,
        })
    });
    let body = pieces::of_sections(input, decision_sections(sections));
    let (mut lower, mut words) = (Vec::new(), Vec::new());
    for piece in summary.into_iter().chain(body) {
        verdict_words(piece.text, &mut lower, &mut words);
        if words.is_empty() {
            continue;
        }
        for sentence in pieces::sentences(&piece) {
            // `words` ascend: the first at or after the sentence's start is the one to test.
            let start = sentence.start - piece.start;
            let first = words.partition_point(|&word| word < start);
            if words
                .get(first)
                .is_none_or(|&word| word >= start + sentence.text.len())
            {
                continue;
            }
            findings.extend(
                decide(sentence.text)
                    .into_iter()
                    .map(|verdict| finding(&sentence, verdict)),
            );
        }
    }
    findings
}

fn finding(sentence: &Piece<'_>, verdict: Verdict) -> Finding {
    Finding {
        paragraph: sentence.paragraph,
        span: sentence.whole(),
        text: sentence.text.to_string(),
        verdict,
    }
}

/// `Some(true)` if any finding is of fault, `Some(false)` if there are only findings of no fault.
pub(crate) fn fault_found(findings: &[Finding]) -> Option<bool> {
    let any = |v: Verdict| findings.iter().any(|f| f.verdict == v);
    if any(Verdict::Fault) {
        Some(true)
    } else if any(Verdict::NoFault) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::headings::heading_key;
    use Verdict::*;

    #[test]
    fn reads_verdicts() {
        let cases: &[(&str, &[Verdict])] = &[
            ("This was fault.", &[Fault]),
            ("This was fault by the Council.", &[Fault]),
            (
                "However I have found fault for some delay by the Council.",
                &[Fault],
            ),
            (
                "Closing Miss X\u{2019}s complaint in May 2024 appears to be fault by the Council.",
                &[Fault],
            ),
            (
                "I have concluded my investigation with a finding of fault.",
                &[Fault],
            ),
            ("There was fault by the Council.", &[Fault]),
            (
                "I do not find the Council to be at fault for the approach it has taken.",
                &[NoFault],
            ),
            ("There was no fault.", &[NoFault]),
            ("I have not found fault here.", &[NoFault]),
            ("I find no fault with how it considered this.", &[NoFault]),
            (
                "the delay was fault by the Council and caused Ms X avoidable frustration.",
                &[Fault, Injustice],
            ),
            (
                "I do not consider that this was fault, or caused Ms X a significant injustice.",
                &[NoFault, NoInjustice],
            ),
            (
                "The delay did not cause Ms X any injustice.",
                &[NoInjustice],
            ),
            ("There was no significant injustice.", &[NoInjustice]),
            (
                "Ms X was put to some avoidable time and trouble.",
                &[Injustice],
            ),
            (
                "We must consider whether there was fault in the way the decision was reached.",
                &[],
            ),
            (
                "If there has been fault which has caused an injustice, we may suggest a remedy.",
                &[],
            ),
            (
                "She said the Council\u{2019}s faults have caused her distress.",
                &[],
            ),
            (
                "Did the Council offer a remedy for the injustice caused by fault?",
                &[],
            ),
            ("The Council wrote to Ms X.", &[]),
            // The verdict a summary states, and sentences that presuppose fault.
            (
                "The Ombudsman finds fault with the Council which has caused injustice to Mr X.",
                &[Fault, Injustice],
            ),
            (
                "Those faults caused Ms X uncertainty, anxiety and missed opportunity.",
                &[Fault, Injustice],
            ),
            (
                "The Council has agreed to remedy the injustice caused by the fault.",
                &[Fault, Injustice],
            ),
            (
                "We have found no evidence of fault by the Council.",
                &[NoFault],
            ),
            // Reasons not to investigate are not findings.
            (
                "There is not enough evidence of fault by the Council to warrant investigation.",
                &[],
            ),
            (
                "The Council also offered Ms C \u{a3}150 for the distress caused by the faults.",
                &[],
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(verdicts(sentence), *expected, "{sentence}");
        }
    }

    #[test]
    fn follows_decision_scope_through_headings() {
        let mut scope = Scope::Out;
        let scopes: Vec<_> = [
            "The Ombudsman\u{2019}s role and powers",
            "What I found",
            "Law and guidance",
            "Independent Reviewing Officer (IRO)",
            "My findings",
            "Delay",
            "Agreed action",
            "Final decision",
        ]
        .iter()
        .map(|h| {
            scope = scope_after(h, &heading_key(h), scope);
            scope
        })
        .collect();
        use Scope::*;
        assert_eq!(
            scopes,
            [
                Out, Decision, Narrative, Narrative, Decision, Decision, Out, Decision
            ]
        );
    }
}
