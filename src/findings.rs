//! Findings: the sentences where a statement decides on fault and injustice.
//!
//! Only the sections where the Ombudsman decides are read (`What I found` and its analysis,
//! `My findings`, `Analysis`, `Conclusion`, `Final decision`, …); their law, guidance and
//! history sub-sections, the complaint, the role-and-powers boilerplate and the agreed actions
//! are not. Sentences that describe what the Ombudsman looks for (`whether there was fault`),
//! questions, reported speech (`she said the Council's faults caused`) and admissions (`the
//! Council accepted it had delayed`) are not findings. Whether the statement found fault at all
//! also reads its Decision line and whether it declined to investigate.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::document::Document;
use crate::headings::{HeadingRole, RoledSection};
use crate::lines::{FoldedSet, fold, fold_into, folded_regex};
use crate::model::{Finding, OutcomeKind, Verdict};
use crate::pieces::Piece;
use crate::words::contains_ignore_case;

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

/// The scope after a heading of `role`, given the scope before it: unknown headings, and a bare
/// `Actions` (the organisation's earlier actions inside `What I found`), keep the scope; a
/// heading about the complaints procedure is history unless the scope is out.
fn scope_after(role: HeadingRole, current: Scope) -> Scope {
    use HeadingRole::*;
    match role {
        Complaint | RoleAndPowers | Investigated | HowConsidered | AgreedAction
        | Recommendations => Scope::Out,
        Findings | FinalDecision => Scope::Decision,
        LawAndGuidance | Background => Scope::Narrative,
        ComplaintsProcedure if current != Scope::Out => Scope::Narrative,
        ComplaintsProcedure | Actions | Other => current,
    }
}

/// For each section, whether its sentences can be findings.
fn deciding(sections: &[RoledSection<'_>]) -> Vec<bool> {
    let mut scope = Scope::Out;
    sections
        .iter()
        .map(|roled| {
            scope = scope_after(roled.role, scope);
            scope == Scope::Decision
        })
        .collect()
}

/// Words that make what follows them a description of the Ombudsman's test or a condition
/// (`whether there was fault`, `If there has been fault`, `we may suggest`): a verdict after them
/// is not one, a verdict before them is (`it failed to consider whether …`).
static HYPOTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)(?-u:\b)whether(?-u:\b) | (?-u:\b)if\ (?:there|we|i|a|an|the|it)(?-u:\b) | (?-u:\b)we\ (?:may|must|can|cannot|will|would)(?-u:\b) | (?-u:\b)unless(?-u:\b)
        | (?-u:\b)unlikely(?-u:\b) | (?-u:\b)any\ fault(?-u:\b) | (?-u:\b)cannot\ (?:question|criticise)(?-u:\b) | (?-u:\b)likely\ to\ (?:find|result|achieve|show)(?-u:\b)
        | (?-u:\b)(?:would|could|might)\ (?:not\ |probably\ |be\ able\ to\ |be\ likely\ to\ ){0,2}(?:find|show|achieve|conclude|result)(?-u:\b)",
    )
    .expect("hypothetical regex")
});

/// Sentences that give reasons not to investigate, or report what others said or admitted (an
/// organisation's own admission is not the Ombudsman's verdict). A person named by one letter
/// (`Y says`) has fewer verbs than the other subjects: `I consider`, `I felt` are the Ombudsman's.
static NOT_A_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?x)(?-u:\b)not\ enough\ evidence(?-u:\b) | (?-u:\b)insufficient\ evidence(?-u:\b)
        | (?-u:\b)(?:she|he|they|(?:ms|mr|mrs|miss|mx|dr)\ [a-z]|the\ complainant|the\ panel|the\ investigator|the\ io|the\ ip|(?:a|the)\ (?:woman|man|lady|couple|family|parents?|mother|father|resident|tenant))
          \ (?:also\ )?(?:says?|said|told|complain\w*|believes?|felt|feels|alleg\w*|argues?|argued|thinks?|wants?|asked|considers?|disagree\w*)(?-u:\b)
        | (?:^|\ )[a-z]\ (?:says?|said|told|complain\w*|believes?|alleg\w*|argues?|argued|thinks?|wants?|asked)(?-u:\b)
        | (?-u:\b)(?:the\ council|the\ (?:care\ )?provider|the\ trust|the\ (?:care\ )?home|the\ school|the\ landlord)
          \ (?:also\ |initially\ |then\ |now\ )?(?:offered|said|says|told|wrote|agreed|apologised|(?:has\ |had\ )?(?:accepts?|accepted|admits?|admitted|acknowledges?|acknowledged|conceded))(?-u:\b)
        | (?-u:\b){ORGANISATION}
          \ (?:\S+\ )?(?:did\ not\ uphold|does\ not\ uphold|upheld|partly\ upheld|partially\ upheld|refused\ to\ uphold)(?-u:\b)
        | (?-u:\b)(?:normally|usually|generally|only)\ (?:\S+\ ){{0,2}}?investigat ",
    ))
    .expect("not-a-decision regex")
});

/// Fault as the Ombudsman names it: `fault`, or the statute's `maladministration` and `service
/// failure` that older statements and some findings still use.
const FAULT_WORD: &str = r"(?:fault|maladministration|service\ failure)";

/// The bodies the Ombudsman investigates, as findings name them (`the Council`, `the Care
/// Provider`), written once for [`ORGANISATION`] and [`BODY`].
macro_rules! organisation {
    () => {
        r"(?:the\ council|the\ (?:care\ )?provider|the\ trust|the\ (?:care\ )?home|the\ school|the\ academy|the\ landlord|the\ agency|the\ authority)"
    };
}

/// A body the Ombudsman investigates, named (`the Council`, `the Care Provider`).
const ORGANISATION: &str = organisation!();

/// A body the Ombudsman investigates, as a finding names it: [`ORGANISATION`], or `it`.
const BODY: &str = concat!("(?:", organisation!(), r"|it)");

static NO_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?x)(?-u:\b)no\ {FAULT_WORD}(?-u:\b) | (?-u:\b)without\ {FAULT_WORD}(?-u:\b) | (?-u:\b)no\ evidence\ (?:\S+\ ){{0,3}}?{FAULT_WORD}(?-u:\b) | (?-u:\b)not\ (?:\S+\ ){{0,5}}?(?:at\ )?{FAULT_WORD}(?-u:\b)
        | (?-u:\b)(?:do|did|does|would)\ not\ (?:consider|find|think)\ (?:\S+\ ){{0,6}}?(?:at\ )?{FAULT_WORD}(?-u:\b)
        | (?-u:\b)(?:do|did|does|will|have|has)\ not\ uphold(?-u:\b) | (?-u:\b)not\ (?:been\ )?upheld(?-u:\b)
        | (?-u:\b){BODY}\ (?:\S+\ )?(?:was|were|is|had\ been)\ entitled\ to(?-u:\b)
        | (?-u:\b)(?:was|were)\ in\ (?:line|accordance)\ with\ (?:its|the|their)\ (?:\S+\ )?(?:policy|policies|procedures?|guidance|law|scheme)(?-u:\b)
        | (?-u:\b){BODY}\ (?:\S+\ )?acted\ (?:reasonably|properly|appropriately|correctly|lawfully|in\ line\ with|in\ accordance\ with)(?-u:\b)"
    ))
    .expect("no fault regex")
});

/// Words that judge how something was done, as a finding says it (`was poor`).
const POOR: &str = r"(?:poor|inadequate|unreasonable|flawed|unacceptable|insufficient)";

static FAULT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?x)(?-u:\b)(?:was|is|were|are|be|been|amounts?\ to|amounted\ to|constitutes?|constituted)\ (?:also\ )?(?:at\ |a\ )?(?:faults|{FAULT_WORD})(?-u:\b)
        | (?-u:\b)(?:found|finds?|finding)\ (?:\S+\ ){{0,3}}?(?:at\ )?{FAULT_WORD}(?-u:\b)
        | (?-u:\b)acted\ with\ {FAULT_WORD}(?-u:\b)
        | (?-u:\b)(?:the|this|these|those|its|their|such)\ faults?\ (?:has\ |have\ |had\ )?(?:also\ )?caused(?-u:\b)
        | (?-u:\b)injustice\ caused\ by\ (?:the\ |its\ |this\ |these\ |those\ )?faults?(?-u:\b)
        | (?-u:\b)there\ (?:was|is|has\ been|have\ been|were)\ (?:also\ |some\ )?(?:faults|{FAULT_WORD})(?-u:\b)
        | (?-u:\b)there\ (?:was|has\ been|were|have\ been)\ (?:also\ |some\ |an?\ )?(?:\S+\ )?(?:delays?|failures?)\ (?:in|by)(?-u:\b)
        | (?-u:\b)(?:faults|failings|failures)\ (?:by|of|on\ the\ part\ of)\ (?:the|its)(?-u:\b)
        | (?-u:\b){ORGANISATION}\ (?:and\ (?:the\ )?\S+\ )?(?:also\ |then\ |therefore\ |wrongly\ |unreasonably\ )?(?:delayed|should\ have)(?-u:\b)
        | (?-u:\b)(?:is|was|were|are)\ (?:seriously\ |fundamentally\ |also\ )?flawed(?-u:\b) | (?-u:\b)not\ go\ far\ enough(?-u:\b)
        | (?-u:\b)(?:we|i|ombudsman)\ (?:have\ |has\ |also\ )?recommend\w*\ (?:that\ )?(?:\S+\ ){{0,5}}?(?:apologis\w*|apologiz\w*|pays?|payment|remedy)(?-u:\b)
        | (?-u:\b)(?:was|were)\ not\ in\ (?:line|accordance)\ with\ (?:its|the|their)(?-u:\b)
        | (?-u:\b)findings?\ of\ {FAULT_WORD}(?-u:\b)
        | (?-u:\b)(?:found|finds?|finding|identified|were|there\ (?:were|was|have\ been))\ (?:\S+\ ){{0,3}}?(?:failings|failures)(?-u:\b)
        | (?-u:\b)(?:failings|failures)\ (?:by|of|in|on\ the\ part\ of)\ {BODY}(?-u:\b)
        | (?-u:\b){BODY}\ (?:also\ |then\ |therefore\ |has\ |had\ |twice\ )?failed\ to(?-u:\b)
        | (?-u:\b){BODY}\ (?:\S+\ )?(?:did|does|has|had|have)\ not\ (?:properly|adequately)(?-u:\b)
        | (?-u:\b)(?:i|we)\ (?:also\ )?(?:find|found|consider|considered|conclude|concluded)\ (?:that\ )?(?:\S+\ ){{1,8}}?(?:was|were|had\ been|has\ been|is|are)\ (?:\S+\ )?{POOR}(?-u:\b)
        | (?-u:\b)(?:i|we|ombudsman)\ (?:has\ |have\ |had\ )?(?:also\ )?(?:uphold|upholds|upheld)(?-u:\b) | ^upholding(?-u:\b)
        | (?-u:\b)(?:complaints?|it)\ (?:is|are)\ (?:partly\ |partially\ |also\ )?upheld(?-u:\b)
        | (?-u:\b)(?:{BODY}|officers?|staff|social\ workers?)\ (?:\S+\ ){{0,3}}?(?:took|has\ taken|had\ taken|have\ taken)\ (?:far\ |much\ )?too\ long(?-u:\b)
        | (?-u:\b)(?:{BODY}|officers?|staff|social\ workers?)\ (?:\S+\ )?did\ not\ (?:follow|comply\ with|act\ in\ (?:line|accordance)\ with)\ (?:the|its|their|proper|correct|statutory|relevant)(?-u:\b)
        | (?-u:\b)did\ not\ (?:fully|adequately|properly)\ reflect(?-u:\b)"
    ))
    .expect("fault regex")
});

const HARM: &str = r"(?:injustice|distress|frustration|uncertainty|time\ and\ trouble|inconvenience|anxiety|upset|confusion)";

static NO_INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?x)(?-u:\b)(?:did|does|has|have|had)\ not\ (?:\S+\ )?caus\w*\ (?:\S+\ ){{0,8}}?{HARM}
        | (?-u:\b)no\ (?:\S+\ )?injustice(?-u:\b) | (?-u:\b)not\ (?:\S+\ )?(?:suffered|experienced)\ (?:\S+\ ){{0,3}}?{HARM} | (?-u:\b)not\ caused?\ (?:\S+\ ){{0,6}}?injustice"
    ))
    .expect("no injustice regex")
});

static INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        r"(?x)(?-u:\b)caus\w*\ (?:\S+\ ){{0,8}}?{HARM}
        | (?-u:\b){HARM}\ (?:\S+\ ){{0,3}}?caused\ by
        | (?-u:\b)put\ to\ (?:\S+\ ){{0,3}}?time\ and\ trouble
        | (?-u:\b)fault\ (?:leading|led)\ to\ injustice
        | (?-u:\b)(?:experienced|suffered)\ (?:\S+\ ){{0,3}}?{HARM}
        | (?-u:\b)left\ (?:\S+\ ){{1,3}}?(?:uncertain|distressed|frustrated)(?-u:\b)
        | (?-u:\b)lost\ (?:out|the\ (?:opportunity|chance))(?-u:\b)
        | (?-u:\b)(?:had|has)\ (?:had\ )?an?\ (?:\S+\ )?impact\ on(?-u:\b)"
    ))
    .expect("injustice regex")
});

/// `I do not consider that …`: negates what follows it in the sentence.
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:do|did|does|would) not (?:consider|find|think|accept|uphold)(?-u:\b)|(?-u:\b)(?:have|has|had) not found(?-u:\b)|(?-u:\b)not persuaded(?-u:\b)|(?-u:\b)no evidence(?-u:\b)|(?-u:\b)nothing to (?:suggest|show)(?-u:\b)")
        .expect("negation regex")
});

/// `properly` and `adequately`: verdict words only after `not` (`it did not properly consider`).
const MANNER_WORDS: [&str; 2] = ["properly", "adequately"];

/// The words every verdict pattern needs one of (`fault`, `injustice` or a harm), in lower case:
/// a cheap literal search that lets most text skip sentence splitting, folding and the verdict
/// regexes, which could match nothing there. `fault`, by far the most frequent, has a search of
/// its own ([`FAULT_WORD_SEARCH`]). No word ends with a start of `fault`, so the two searches find
/// every word one search for all would; the one word they find besides (`trouble` in
/// `faultrouble`, which one search would step over) is in a sentence with `fault`, decided anyway.
static VERDICT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(&format!(
        "maladministration|service failure|injustice|distress|frustration|trouble|inconvenience|anxiety|upset|confusion|failed to|failings|failures|uphold|upheld|too long|not follow|not comply|not act in|reflect|entitled to|acted|in line with|in accordance with|delay|should have|far enough|recommend|uncertain|lost |impact on|{}|poor|inadequate|unreasonable|flawed|unacceptable|insufficient",
        MANNER_WORDS.join("|")
    ))
    .expect("verdict words regex")
});

/// The words in which the Ombudsman states the verdict (`Ombudsman upheld`, `Ombudsman has
/// found`), in any ASCII case: outside the deciding sections, only a piece that holds them is
/// read, and only its sentences that start with them ([`starts_with_ombudsman_verdict`]).
static OMBUDSMAN_VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?i)ombudsman\ (?:has\ |have\ )?(?:also\ )?(?:upheld|upholds|found|finds|did\ not\ uphold|does\ not\ uphold|has\ not\ upheld)(?-u:\b)",
    )
    .expect("Ombudsman verdict regex")
});

/// Whether a sentence opens with the Ombudsman stating the verdict (`The Ombudsman upheld the
/// complaint and found fault causing injustice.`).
fn starts_with_ombudsman_verdict(sentence: &str) -> bool {
    let rest = sentence
        .get(..4)
        .filter(|the| the.eq_ignore_ascii_case("the "))
        .map_or(sentence, |_| &sentence[4..]);
    OMBUDSMAN_VERDICT
        .find(rest.as_bytes())
        .is_some_and(|found| found.start() == 0)
}

/// The search for `fault`, built once.
static FAULT_WORD_SEARCH: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("fault"));

/// Where the verdict words lie in `text`, in any ASCII case, written to `words` in order. They
/// are looked for in an ASCII lower-cased copy (`lower`), which keeps every offset: a search for
/// ten lower-case literals is several times faster than one that ignores case. Both buffers are
/// the caller's, reused from one paragraph to the next.
fn verdict_words(text: &str, lower: &mut String, words: &mut Vec<Range<usize>>) {
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    words.clear();
    words.extend(VERDICT_WORDS.find_iter(lower.as_bytes()).map(|m| m.range()));
    let others = words.len();
    words.extend(
        FAULT_WORD_SEARCH
            .find_iter(lower.as_bytes())
            .map(|at| at..at + "fault".len()),
    );
    if others > 0 && words.len() > others {
        words.sort_unstable_by_key(|word| word.start);
    }
}

/// Whether the sentence at `sentence` in the lower-cased piece, with the verdict words `hits` in
/// it, can match a verdict pattern (`NO_FAULT`, `FAULT`, `NO_INJUSTICE` or `INJUSTICE`), which a
/// verdict needs. It cannot if it holds no verdict word, or holds only [`MANNER_WORDS`] without
/// `not` and a whitespace character before them (their one use in the patterns) and no `fail`
/// (`failed to` or `service failure` with a whitespace character other than a space, which the
/// search does not see and [`fold`] makes a space). No verdict word hides behind a manner word:
/// none begins with an end of one.
fn worth_deciding<'w>(
    lower: &str,
    sentence: Range<usize>,
    hits: impl Iterator<Item = &'w Range<usize>>,
) -> bool {
    let mut any = false;
    for hit in hits {
        any = true;
        let word = lower.get(hit.clone());
        let lone_manner_word = MANNER_WORDS.iter().any(|&manner| word == Some(manner))
            && !lower.get(..hit.start).is_some_and(ends_with_not);
        if !lone_manner_word {
            return true;
        }
    }
    any && lower.get(sentence).is_none_or(|text| text.contains("fail"))
}

/// Whether `text` ends with `not` and a whitespace character.
fn ends_with_not(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next_back().is_some_and(char::is_whitespace) && chars.as_str().ends_with("not")
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
        HYPOTHETICAL.as_str(),
        CONTRAST.as_str(),
    ])
    .expect("verdict set")
});
const SET_NOT_A_DECISION: usize = 0;
const SET_NEGATED: usize = 5;
const SET_HYPOTHETICAL: usize = 6;
const SET_CONTRAST: usize = 7;

/// What one sentence decides, fault first.
#[cfg(test)]
fn verdicts(sentence: &str) -> Vec<Verdict> {
    let (mut lower, mut words) = (String::new(), Vec::new());
    verdict_words(sentence, &mut lower, &mut words);
    if !worth_deciding(&lower, 0..sentence.len(), words.iter()) {
        return Vec::new();
    }
    decide(sentence, &mut String::new())
        .into_iter()
        .flatten()
        .collect()
}

/// What a sentence worth deciding decides, fault first; `buffer` is for its folded text.
fn decide(sentence: &str, buffer: &mut String) -> [Option<Verdict>; 4] {
    // Folding keeps a question mark and which characters are whitespace.
    if sentence.trim_end().ends_with('?') {
        return [None; 4];
    }
    fold_into(sentence, buffer);
    let folded = buffer.trim();
    let matched = VERDICT_SET.matches(folded);
    if matched.matched(SET_NOT_A_DECISION) {
        return [None; 4];
    }
    // Where the first condition starts; looked up only in the few sentences that hold one.
    let hypothetical = matched
        .matched(SET_HYPOTHETICAL)
        .then(|| HYPOTHETICAL.find(folded.as_bytes()).map(|m| m.start()))
        .flatten();
    let after_condition = |form: &Regex| {
        hypothetical.is_some_and(|at| form.find(folded.as_bytes()).is_none_or(|m| at < m.start()))
    };
    let axes = [
        (1, &*NO_FAULT, &*FAULT, Verdict::NoFault, Verdict::Fault),
        (
            3,
            &*NO_INJUSTICE,
            &*INJUSTICE,
            Verdict::NoInjustice,
            Verdict::Injustice,
        ),
    ];
    let [fault, injustice] = axes.map(|(negative_set, negative, positive, no, yes)| {
        if matched.matched(negative_set) {
            // `no fault in X, but the delay was fault`: a positive form after a contrast.
            let contrast = matched.matched(negative_set + 1)
                && matched.matched(SET_CONTRAST)
                && contrasted(folded, negative, positive)
                    .is_some_and(|at| hypothetical.is_none_or(|condition| at < condition));
            [
                (!after_condition(negative)).then_some(no),
                contrast.then_some(yes),
            ]
        } else if matched.matched(negative_set + 1) && !after_condition(positive) {
            [
                judge(folded, matched.matched(SET_NEGATED), positive, no, yes),
                None,
            ]
        } else {
            [None, None]
        }
    });
    [fault[0], fault[1], injustice[0], injustice[1]]
}

/// `but`, `however`, `although`, `yet`, `whereas`: a turn from one clause to the next.
static CONTRAST: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:but|however|although|yet|whereas)(?-u:\b)").expect("contrast regex")
});

/// Where a `positive` form starts in `folded` after the last `negative` one, with a contrast
/// between them (`We found no fault in how it assessed him, but the delay was fault.`).
fn contrasted(folded: &str, negative: &Regex, positive: &Regex) -> Option<usize> {
    let bytes = folded.as_bytes();
    let negative_end = negative.find_iter(bytes).last()?.end();
    let form = positive.find_at(bytes, negative_end)?;
    CONTRAST
        .is_match(&bytes[negative_end..form.start()])
        .then_some(form.start())
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
/// Council`), and is often all a cut-off copy has. In a statement that `declined` to investigate,
/// only sentences that find fault are findings (`There is no doubt there was fault by the
/// Council`): the others give reasons not to investigate (`there is no evidence of fault`) or the
/// test applied (`we only investigate where someone has suffered significant injustice`).
///
/// In `The complaint`, a sentence where the Ombudsman states the verdict in so many words (`The
/// Ombudsman upheld the complaint and found fault causing injustice.`, as the older report
/// summaries put it there) is a finding too.
pub(crate) fn find_findings(doc: &Document<'_>, declined: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let deciding = deciding(&doc.sections);
    // The summary (no section), then every piece of a section, in order.
    let summary = doc.summary_index().map(|index| (index, None));
    let body = (0..doc.pieces().len()).filter_map(|index| {
        doc.place(index)
            .section
            .map(|section| (index, Some(section)))
    });
    let (mut lower, mut words, mut folded) = (String::new(), Vec::new(), String::new());
    for (index, section) in summary.into_iter().chain(body) {
        let piece = &doc.pieces()[index];
        let in_deciding = section.is_none_or(|section| deciding[section]);
        let read = in_deciding
            || (section.is_some_and(|s| doc.sections[s].role == HeadingRole::Complaint)
                && OMBUDSMAN_VERDICT.is_match(piece.text.as_bytes()));
        if !read {
            continue;
        }
        verdict_words(piece.text, &mut lower, &mut words);
        if words.is_empty() {
            continue;
        }
        for sentence in doc.sentences(index) {
            if !in_deciding && !starts_with_ombudsman_verdict(sentence.text) {
                continue;
            }
            // `words` ascend: those from the first at or after the sentence's start are tested.
            let start = sentence.start - piece.start;
            let end = start + sentence.text.len();
            let first = words.partition_point(|word| word.start < start);
            let hits = words[first..].iter().take_while(|word| word.start < end);
            if !worth_deciding(&lower, start..end, hits) {
                continue;
            }
            let verdicts = decide(sentence.text, &mut folded);
            if declined && !verdicts.contains(&Some(Verdict::Fault)) {
                continue;
            }
            findings.extend(
                verdicts
                    .into_iter()
                    .flatten()
                    .map(|verdict| finding(sentence, verdict)),
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
        subject: subject(sentence.text),
    }
}

/// Whether the statement finds fault.
///
/// `Some(true)` if any finding is of fault, whatever else the statement says; otherwise `None`
/// when it declined to investigate (its reasons, such as `there is no evidence of fault`, are not
/// verdicts); otherwise `Some(true)` for an `Upheld` decision, since the Ombudsman upholds a
/// complaint when it finds fault (the verdict is often worded without the word: `did not
/// properly consider`); otherwise `Some(false)` when a finding or a `Not upheld` decision says there
/// was none; otherwise `None`.
pub(crate) fn fault_found(
    findings: &[Finding],
    outcome: Option<OutcomeKind>,
    declined: bool,
) -> Option<bool> {
    let any = |v: Verdict| findings.iter().any(|f| f.verdict == v);
    if any(Verdict::Fault) {
        Some(true)
    } else if declined {
        None
    } else if outcome == Some(OutcomeKind::Upheld) {
        Some(true)
    } else if any(Verdict::NoFault) || outcome == Some(OutcomeKind::NotUpheld) {
        Some(false)
    } else {
        None
    }
}

static DECLINED: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)(?-u:\b)(?:will|shall|should|can\ not|did|do|does|have\ decided|has\ decided|decided)\ not\ (?:to\ |be\ )?(?:investigate|investigating|start\ an\ investigation)(?-u:\b)
        | (?-u:\b)cannot\ (?:investigate|start\ an\ investigation)(?-u:\b)
        | (?-u:\b)(?:discontinued|ended|stopped)\ (?:our|my|the|its|this|his|her)\ (?:investigation|consideration)(?-u:\b)",
    )
    .expect("declined regex")
});

/// Whether the Ombudsman declined to investigate: the outcome is `Closed after initial enquiries`,
/// or the summary says so, in its first sentence (`We will not investigate this complaint about
/// …`) or in a later one that names the whole complaint (`We did not investigate this complaint
/// further`). A later sentence that declines one part (`We will not investigate her complaint
/// about X`) does not decline the statement.
pub(crate) fn declined_to_investigate(outcome: Option<OutcomeKind>, doc: &Document<'_>) -> bool {
    declined_by(outcome, doc.summary_sentences())
}

/// Whether `outcome` or the summary's sentences decline to investigate.
fn declined_by(outcome: Option<OutcomeKind>, summary_sentences: &[Piece<'_>]) -> bool {
    outcome == Some(OutcomeKind::ClosedAfterInitialEnquiries)
        || summary_sentences.iter().enumerate().any(|(at, sentence)| {
            // Every wording of [`DECLINED`] names the investigation (or the consideration): most
            // sentences are told by those words' absence.
            (contains_ignore_case(sentence.text, "investigat")
                || contains_ignore_case(sentence.text, "consideration"))
                && {
                    let folded = fold(sentence.text);
                    DECLINED.is_match(folded.as_bytes())
                        && (at == 0 || WHOLE_COMPLAINT.is_match(folded.as_bytes()))
                }
        })
}

/// A later summary sentence declines the whole statement when it names it so.
static WHOLE_COMPLAINT: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(r"(?-u:\b)(?:this|the)\ complaint(?-u:\b)|(?-u:\b)further(?-u:\b)")
        .expect("whole complaint regex")
});

/// The nouns that name a body a finding can concern (`the Council`, `the Care Provider`).
const BODIES: [&str; 14] = [
    "Council",
    "Provider",
    "Trust",
    "Home",
    "School",
    "Academy",
    "Landlord",
    "Agency",
    "Authority",
    "Service",
    "Partnership",
    "Board",
    "Company",
    "Association",
];

/// A search for `he ` (of `the `), built once: building one costs more than a search of a
/// sentence.
static HE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("he "));

/// The body a finding names (`the Council`, `the Care Provider`, `the NHS Trust`): the first
/// `the` followed by up to four capitalised words, the last of them one of [`BODIES`].
fn subject(sentence: &str) -> Option<String> {
    let bytes = sentence.as_bytes();
    HE.find_iter(bytes).find_map(|at| {
        let the = at.checked_sub(1)?;
        if !matches!(bytes[the], b't' | b'T') || (the > 0 && bytes[the - 1].is_ascii_alphanumeric())
        {
            return None;
        }
        let mut end = at + 3;
        for _ in 0..4 {
            let word_len = bytes[end..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic() || **b == b'-')
                .count();
            let word = sentence.get(end..end + word_len)?;
            if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
                return None;
            }
            if BODIES.contains(&word) {
                return Some(["the ", &sentence[at + 3..end + word_len]].concat());
            }
            end += word_len;
            if bytes.get(end) != Some(&b' ') {
                return None;
            }
            end += 1;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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
            // Verdicts worded without `fault`, and what is not a verdict.
            (
                "Upholding the complaint, we found the Trust at fault because it lost the referral.",
                &[Fault],
            ),
            (
                "We uphold the complaint, finding fault in how the Council handled the review.",
                &[Fault],
            ),
            (
                "We found failings in how the care home recorded his falls.",
                &[Fault],
            ),
            (
                "The Council failed to follow the statutory guidance when it closed the case.",
                &[Fault],
            ),
            (
                "We find the Care Provider\u{2019}s record keeping was poor.",
                &[Fault],
            ),
            (
                "But it did not properly consider her request, or whether to offer help.",
                &[Fault],
            ),
            ("The Council was a fault for the delay.", &[Fault]),
            // The statute's words for fault, and fault the body acted with.
            ("This was maladministration.", &[Fault]),
            (
                "There was service failure in how the Council arranged the visits.",
                &[Fault],
            ),
            (
                "We found the Council acted with fault when it delayed the review.",
                &[Fault],
            ),
            ("There was no maladministration.", &[NoFault]),
            // Reasons not to investigate, hypotheticals and tests are not verdicts.
            (
                "An investigation would be unlikely to find fault by the Council.",
                &[],
            ),
            (
                "We are unlikely to find evidence of fault in how it handled the bins.",
                &[],
            ),
            ("It is unlikely we could find the Council at fault.", &[]),
            (
                "There is no evidence the Council is at fault in how it set the charge.",
                &[NoFault],
            ),
            (
                "There is no evidence the provider\u{2019}s actions caused Mrs H any injustice.",
                &[NoInjustice],
            ),
            (
                "We normally only investigate where a person has suffered significant personal injustice.",
                &[],
            ),
            (
                "The Ombudsman cannot question decisions reached without fault.",
                &[],
            ),
            (
                "This is because Mr K has not suffered a significant injustice.",
                &[NoInjustice],
            ),
            // The organisation's own complaint outcome, and a complaint described.
            (
                "The Council did not uphold the complaint at stage two.",
                &[],
            ),
            ("The school upheld part of her complaint.", &[]),
            ("Y says the report was flawed and should be withdrawn.", &[]),
            // A remedy recommended presupposes fault; a report found flawed is one.
            (
                "We have recommended a payment for the delay and the distress caused.",
                &[Fault],
            ),
            (
                "However, the panel\u{2019}s report is flawed and does not show its reasons.",
                &[Fault],
            ),
            ("The remedy offered does not go far enough.", &[Fault]),
            (
                "However, the Council and the Board should have reviewed his care sooner.",
                &[Fault],
            ),
            (
                "A man complains that the council delayed in repairing the path.",
                &[],
            ),
            // Upholding is a verdict of fault; not upholding is one of no fault.
            ("The Ombudsman upholds the complaint.", &[Fault]),
            (
                "We upheld these complaints finding that the Council lost two forms.",
                &[Fault],
            ),
            ("The complaint is upheld.", &[Fault]),
            ("The complaint is not upheld.", &[NoFault]),
            // A failing stated as fact, and nothing wrong stated so.
            (
                "The Council took too long to deal with the request for a review.",
                &[Fault],
            ),
            (
                "The officers did not follow the procedure for noise complaints.",
                &[Fault],
            ),
            (
                "The remedy it offered did not fully reflect the distress caused.",
                &[Fault],
            ),
            ("There were some faults by the Trust.", &[Fault]),
            (
                "Faults by the Trust and the Council led to the charge being made.",
                &[Fault],
            ),
            (
                "There was delay in reviewing the plan for Mr Q\u{2019}s son.",
                &[Fault],
            ),
            (
                "The home was entitled to rely on the terms of its contract.",
                &[NoFault],
            ),
            (
                "The decision to end the grant was in line with its policy.",
                &[NoFault],
            ),
            ("This was not in line with the guidance.", &[Fault]),
            // Harm stated without `caused`.
            (
                "This left Mrs R uncertain about the outcome of her appeal.",
                &[Injustice],
            ),
            (
                "As a result she lost the opportunity to appeal in time.",
                &[Injustice],
            ),
            (
                "The noise would not have a significant impact on the street.",
                &[],
            ),
            // A fault after a contrast is found beside the no-fault before it.
            (
                "We found no fault in how it assessed him, but the delay in replying was fault.",
                &[NoFault, Fault],
            ),
            (
                "I do not consider this was fault, but it was poor practice.",
                &[NoFault],
            ),
            (
                "We investigate complaints about maladministration and service failure.",
                &[],
            ),
            ("Mr D says the Council failed to reply to his letters.", &[]),
            (
                "The Council accepted it had failed to send the plan on time.",
                &[],
            ),
            (
                "We do not uphold the complaint about the assessment.",
                &[NoFault],
            ),
            (
                "We will not uphold a complaint unless the Council failed to follow its policy.",
                &[],
            ),
            (
                "There is no evidence of procedural fault, so we cannot question the merits.",
                &[NoFault],
            ),
            // `properly` decides only after `not`, whatever whitespace is between them; `failed
            // to` with another whitespace is still a verdict.
            ("It properly applied its policy.", &[]),
            ("It did not\u{a0}properly apply its policy.", &[Fault]),
            ("It did not\tadequately apply its policy.", &[Fault]),
            ("It failed\u{a0}to properly apply its policy.", &[Fault]),
        ];
        for (sentence, expected) in cases {
            assert_eq!(verdicts(sentence), *expected, "{sentence}");
        }
    }

    fn found(verdicts: &[Verdict], outcome: Option<OutcomeKind>, declined: bool) -> Option<bool> {
        let findings: Vec<Finding> = verdicts
            .iter()
            .map(|&verdict| Finding {
                paragraph: None,
                span: crate::model::Span::new(0, 0),
                text: String::new(),
                verdict,
                subject: None,
            })
            .collect();
        fault_found(&findings, outcome, declined)
    }

    #[test]
    fn decides_fault_found_from_findings_outcome_and_declining() {
        use OutcomeKind::*;
        // A finding of fault wins over findings of no fault and over declining.
        assert_eq!(found(&[NoFault, Fault], Some(NotUpheld), false), Some(true));
        assert_eq!(
            found(&[Fault], Some(ClosedAfterInitialEnquiries), true),
            Some(true)
        );
        // Reasons not to investigate are not verdicts.
        assert_eq!(found(&[NoFault], None, true), None);
        // Upheld means fault was found, however it is worded; not upheld means none was.
        assert_eq!(
            found(&[NoFault, Injustice], Some(Upheld), false),
            Some(true)
        );
        assert_eq!(found(&[], Some(NotUpheld), false), Some(false));
        assert_eq!(found(&[NoFault], None, false), Some(false));
        assert_eq!(found(&[Injustice], None, false), None);
        assert_eq!(found(&[], Some(Upheld), true), None);
    }

    #[test]
    fn sees_a_summary_that_declines_to_investigate() {
        let declines = |summary: &str| {
            let piece = Piece {
                text: summary,
                start: 0,
                paragraph: None,
            };
            declined_by(None, &crate::pieces::sentences(&piece))
        };
        assert!(declines(
            "We will not investigate Mr B\u{2019}s complaint about his rent. It is late."
        ));
        assert!(declines(
            "The Ombudsman has decided not to investigate this complaint."
        ));
        assert!(!declines(
            "We found fault by the Council. We will not investigate her complaint about the school."
        ));
        assert!(!declines("Ms C complained about the care home."));
        assert!(declines(
            "We have STOPPED our Investigation into Ms D\u{2019}s complaint."
        ));
        assert!(!declines("We will not consider this complaint."));
        assert!(declined_by(
            Some(OutcomeKind::ClosedAfterInitialEnquiries),
            &[]
        ));
        // A later sentence declines the whole statement only when it names it so.
        assert!(declines(
            "Mr D complained about a grant. We did not investigate the complaint further."
        ));
        assert!(declines(
            "Ms E complained. We cannot investigate this complaint."
        ));
        assert!(declines(
            "We have ended this investigation as it could achieve nothing more."
        ));
        assert!(declines(
            "Mr B complained. The Ombudsman therefore discontinued his consideration of this complaint."
        ));
        assert!(!declines(
            "Ms F complained about two things. We will not investigate her complaint about parking."
        ));
    }

    #[test]
    fn names_the_body_a_finding_concerns() {
        assert_eq!(
            subject("We found the Care Provider at fault.").as_deref(),
            Some("the Care Provider")
        );
        assert_eq!(
            subject("There was fault by the Council.").as_deref(),
            Some("the Council")
        );
        assert_eq!(
            subject("the NHS Trust failed to reply.").as_deref(),
            Some("the NHS Trust")
        );
        assert_eq!(subject("This was fault.").as_deref(), None);
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
            scope = scope_after(HeadingRole::of(h), scope);
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
