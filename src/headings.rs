//! Telling headings from paragraphs and main sections from sub-headings, and telling the role
//! each section's heading gives it ([`HeadingRole`]), once for every reader.

use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder};
use regex_automata::{Anchored, Input, meta, util::syntax};

use crate::lines::{APOSTROPHES, CLOSING, fold};
use crate::model::Section;

/// A regex for a heading's own (unfolded) text that reads as `alternatives` would on its
/// [folded](fold) form, with an optional closing `:`. In `alternatives` (verbose syntax), `_`
/// stands for the one space folding makes of any whitespace character and `'` for any apostrophe
/// folding makes straight; letters match in any ASCII case, as folding lowers only ASCII.
/// Matching the text itself spares folding (and allocating) every line of a statement.
fn heading_regex(alternatives: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&heading_pattern(alternatives))
        .unicode(false)
        .build()
}

/// The pattern [`heading_regex`] builds, for an automaton of several.
fn heading_pattern(alternatives: &str) -> String {
    let apostrophes: String = APOSTROPHES.iter().collect();
    let pattern = alternatives
        .replace('_', r"(?u:\s)")
        .replace('\'', &format!("(?u:[{apostrophes}])"));
    format!(r"(?xis)^(?:{pattern})(?u:\s)*:?$")
}

/// Every heading the parser knows, and how it is known. Patterns are verbose-syntax
/// alternatives over a heading's [folded](fold) text, `_` standing for its one space and `'` for
/// an apostrophe.
struct Kind {
    /// What a section under the heading is for.
    role: HeadingRole,
    /// Names that make a line a main-section heading on their own.
    main: &'static str,
    /// Names that make a line a sub-heading on their own.
    sub: &'static str,
    /// Further wordings that give the role to a line already read as a heading.
    also: &'static str,
}

/// The kinds of heading, in the order roles are told: the first whose names or wordings match
/// a heading gives its role.
const KINDS: [Kind; 12] = [
    Kind {
        role: HeadingRole::Complaint,
        main: "the_complaints? | complaint_background | background_to_the_complaint",
        sub: "",
        also: "",
    },
    Kind {
        role: HeadingRole::RoleAndPowers,
        main: "the_ombudsm[ae]n'?s'?_role(?:_and_powers)? | our_role_and_powers | role_and_powers",
        sub: "",
        also: "the_ombudsm[ae]n'?s'?_role.* | our_role.*",
    },
    Kind {
        role: HeadingRole::Investigated,
        main: "what_(?:i|we)_(?:have|did)(?:_and_(?:have|did)_not|_not)?_investigated?
             | parts?_of_the_complaint_(?:that_)?(?:i|we)_(?:did|have|could)_not_investigated?",
        sub: "",
        also: "what_(?:i|we)_(?:have|did).*investigat.* | parts?_of_the_complaint.*",
    },
    Kind {
        role: HeadingRole::HowConsidered,
        main: "how_(?:i|we)_considered_(?:this|the)_complaints?.*",
        sub: "",
        also: "how_(?:i|we)_considered.*",
    },
    Kind {
        role: HeadingRole::AgreedAction,
        main: "agreed_actions?",
        sub: "",
        also: "",
    },
    Kind {
        role: HeadingRole::Recommendations,
        main: "recommendations? | recommended_actions?",
        sub: "",
        also: "",
    },
    Kind {
        role: HeadingRole::Findings,
        main: "what_(?:i|we)_found | (?:my|our)_assessment | assessment",
        sub: "(?:my_)?findings? | (?:my_|the_ombudsman's_)?analysis | conclusions? | injustice | fault",
        also: "our_findings? | our_analysis | (?:my_)?consideration.*",
    },
    Kind {
        role: HeadingRole::FinalDecision,
        main: "(?:final_)?decisions? | (?:my|our)_decision",
        sub: "",
        also: "",
    },
    Kind {
        role: HeadingRole::LawAndGuidance,
        main: "",
        sub: "law_and_guidance.* | relevant_law.* | legal_and_administrative_background",
        also: "law(?-u:\\b).* | legal(?-u:\\b).* | legislation.* | guidance.* | statutory.*",
    },
    Kind {
        role: HeadingRole::Background,
        main: "",
        sub: "what_happened | background | key_facts | chronology",
        also: "what_happened.* | background.* | brief_background.* | chronology.* | key_facts.*
             | key_events.* | stage_\\S+_findings.* | complaint | events(?-u:\\b).*",
    },
    Kind {
        role: HeadingRole::Actions,
        main: "",
        sub: "",
        also: "actions?",
    },
    Kind {
        role: HeadingRole::Other,
        main: "",
        sub: "remedy | financial_remedy | service_improvements? | delay",
        also: "",
    },
];

/// The alternatives of every kind's `part`, joined.
fn alternatives(part: impl Fn(&Kind) -> &'static str) -> String {
    let parts: Vec<&str> = KINDS.iter().map(part).filter(|p| !p.is_empty()).collect();
    parts.join(" | ")
}

/// Main-section headings (pattern 0) and sub-headings common enough to recognise without layout
/// hints (pattern 1), as their own text reads, in one automaton: a line is read once, and a name
/// that is both is a main heading.
static KNOWN_HEADINGS: LazyLock<meta::Regex> = LazyLock::new(|| {
    let levels = [
        heading_pattern(&alternatives(|kind| kind.main)),
        heading_pattern(&alternatives(|kind| kind.sub)),
    ];
    meta::Regex::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build_many(&levels)
        .expect("known heading patterns")
});

/// The headings of the website's template, as it writes them: most statements' headings are one
/// of these, word for word.
const TEMPLATE_HEADINGS: [&str; 20] = [
    "The complaint",
    "The Ombudsman\u{2019}s role and powers",
    "The Ombudsman's role and powers",
    "Our role and powers",
    "What I have investigated",
    "What I have and have not investigated",
    "How I considered this complaint",
    "What I found",
    "What happened",
    "Background",
    "Law and guidance",
    "Relevant law and guidance",
    "Analysis",
    "My assessment",
    "My findings",
    "Agreed action",
    "Recommendations",
    "Final decision",
    "My decision",
    "Decision",
];

/// What the readers of headings tell of one heading's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Told {
    level: Option<u8>,
    role: HeadingRole,
    holds_sub_headings: bool,
}

/// The template headings with what [`known_level`], [`role_of`] and [`container`] tell of them,
/// told once, ordered by length, with where each length's run of them starts: a heading written
/// as the template writes it is told by comparing it with the few of its length instead of by the
/// automata. The rules are only those functions', read ahead.
struct TemplateTable {
    told: Vec<(&'static str, Told)>,
    /// For each length up to one past the longest heading's, how many headings are shorter.
    shorter_than: Vec<usize>,
}

static TEMPLATE_TOLD: LazyLock<TemplateTable> = LazyLock::new(|| {
    let mut told: Vec<(&'static str, Told)> = TEMPLATE_HEADINGS
        .iter()
        .map(|&heading| {
            let told = Told {
                level: known_level(heading),
                role: role_of(heading),
                holds_sub_headings: container(heading),
            };
            (heading, told)
        })
        .collect();
    told.sort_by_key(|(heading, _)| heading.len());
    let longest = told.last().map_or(0, |(heading, _)| heading.len());
    let shorter_than = (0..=longest + 1)
        .map(|len| told.partition_point(|(heading, _)| heading.len() < len))
        .collect();
    TemplateTable { told, shorter_than }
});

/// What is told of `text` when it is a template heading, word for word.
fn template_told(text: &str) -> Option<Told> {
    let table = &*TEMPLATE_TOLD;
    let run = table.shorter_than.get(text.len()..text.len() + 2)?;
    table.told[run[0]..run[1]]
        .iter()
        .find(|(heading, _)| *heading == text)
        .map(|(_, told)| *told)
}

/// The level of a heading LGSCO statements commonly use: `Some(1)` for a main section,
/// `Some(2)` for a common sub-heading, `None` when the text is not a heading we know.
pub(crate) fn is_known_heading(text: &str) -> Option<u8> {
    match template_told(text) {
        Some(told) => told.level,
        None => known_level(text),
    }
}

/// [`is_known_heading`] by the automaton.
fn known_level(text: &str) -> Option<u8> {
    if text.len() > 120 {
        return None;
    }
    let text = text.trim().as_bytes();
    let found = KNOWN_HEADINGS.search(&Input::new(text).anchored(Anchored::Yes))?;
    Some(if found.pattern().as_usize() == 0 {
        1
    } else {
        2
    })
}

/// Headings common enough that a text cut off inside one can still be recognised.
const COMMON_HEADINGS: &[&str] = &[
    "the complaint",
    "the ombudsman's role and powers",
    "what i have and have not investigated",
    "what i have investigated",
    "how i considered this complaint",
    "what i found",
    "my assessment",
    "law and guidance",
    "relevant law and guidance",
    "what happened",
    "my findings",
    "analysis",
    "agreed action",
    "final decision",
];

/// Whether a line cut off by truncation is the start of a common heading (`What I fo`).
pub(crate) fn starts_common_heading(text: &str) -> bool {
    // Folding makes a character of each character, and the headings are ASCII: a line of more
    // characters than the longest heading has (most often a paragraph cut short) starts none.
    let longest = COMMON_HEADINGS.iter().map(|h| h.len()).max().unwrap_or(0);
    if text.chars().nth(longest).is_some() {
        return false;
    }
    let folded = fold(text);
    let folded = folded.trim();
    !folded.is_empty()
        && (COMMON_HEADINGS.iter().any(|h| h.starts_with(folded)) || is_cut_closing_line(folded))
}

/// Whether a folded fragment starts a closing line: the start of one of its wordings
/// ([`CLOSING`], `decision on behalf of the ombudsman`), perhaps after a role of up to three words
/// (`investigator's`, `assistant ombudsman's`).
fn is_cut_closing_line(folded: &str) -> bool {
    let wording = folded
        .split_once("'s ")
        .filter(|(role, _)| !role.is_empty() && role.split(' ').count() <= 3)
        .map_or(folded, |(_, rest)| rest);
    !wording.is_empty() && CLOSING.iter().any(|closing| closing.starts_with(wording))
}

/// A heading folded for comparison: lower case, plain quotes, without surrounding space or a
/// closing `:` or `.` (`Agreed action:` and `agreed action` compare equal).
fn heading_key(heading: &str) -> String {
    let mut key = fold(heading.trim());
    let kept = key.trim_end_matches([':', '.']).trim_end().len();
    key.truncate(kept);
    key
}

/// What a section is for, as its heading names it. Every reader that picks sections by heading
/// (the complaint, findings, agreed actions) reads this instead of the heading's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadingRole {
    /// `The complaint`, `Complaint background`, `Background to the complaint`.
    Complaint,
    /// `The Ombudsman's role and powers`, `Our role and powers`.
    RoleAndPowers,
    /// `What I have and have not investigated`, `Parts of the complaint I did not investigate`.
    Investigated,
    /// `How I considered this complaint`.
    HowConsidered,
    /// Where the Ombudsman decides: `What I found`, findings, analysis, conclusion, assessment,
    /// fault, injustice, consideration.
    Findings,
    /// `Final decision`, `Decision`.
    FinalDecision,
    /// Law, legislation, guidance, statutory duties.
    LawAndGuidance,
    /// History: what happened, background, chronology, key facts and events, the findings of
    /// earlier complaint stages, a bare `Complaint`.
    Background,
    /// A capitalised heading about a complaints process or procedure (`Stages of the complaints
    /// process`): history when inside a decision section.
    ComplaintsProcedure,
    /// `Agreed action`.
    AgreedAction,
    /// `Recommendations`, `Recommended actions`.
    Recommendations,
    /// A bare `Actions`: the agreed actions when nothing names them better, and otherwise often
    /// the organisation's earlier actions inside `What I found`.
    Actions,
    /// Any other heading (`Delay`, `Ms X's second complaint`).
    Other,
}

/// Each kind's names and wordings as one pattern over a heading's key (its folded text without a
/// closing `:` or `.`), in one automaton that finds the first kind to match, in one pass over it.
static ROLE_PATTERNS: LazyLock<meta::Regex> = LazyLock::new(|| {
    let patterns: Vec<String> = KINDS
        .iter()
        .map(|kind| {
            let parts: Vec<&str> = [kind.main, kind.sub, kind.also]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect();
            format!(r"(?x)^(?:{})$", parts.join(" | ").replace('_', r"\x20"))
        })
        .collect();
    meta::Regex::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .build_many(&patterns)
        .expect("heading role patterns")
});

impl HeadingRole {
    /// The role `heading` names.
    pub(crate) fn of(heading: &str) -> HeadingRole {
        match template_told(heading) {
            Some(told) => told.role,
            None => role_of(heading),
        }
    }

    /// How well the role names the agreed actions, lower being better; `None` for sections
    /// that are not about them.
    pub(crate) fn action_rank(self) -> Option<u8> {
        match self {
            HeadingRole::AgreedAction => Some(0),
            HeadingRole::Recommendations => Some(1),
            HeadingRole::Actions => Some(2),
            _ => None,
        }
    }
}

/// [`HeadingRole::of`] by the automaton.
fn role_of(heading: &str) -> HeadingRole {
    let key = heading_key(heading);
    let first = ROLE_PATTERNS.search(&Input::new(&key).anchored(Anchored::Yes));
    if let Some(found) = first
        && let Some(kind) = KINDS.get(found.pattern().as_usize())
        && kind.role != HeadingRole::Other
    {
        return kind.role;
    }
    let names_procedure =
        key.contains("complaints process") || key.contains("complaints procedure");
    if names_procedure && heading.starts_with(char::is_uppercase) {
        HeadingRole::ComplaintsProcedure
    } else {
        HeadingRole::Other
    }
}

/// A section with the role its heading names, told once for every reader.
#[derive(Debug)]
pub(crate) struct RoledSection<'s> {
    pub section: &'s Section,
    pub role: HeadingRole,
}

/// Every section with its role, in order.
pub(crate) fn with_roles(sections: &[Section]) -> Vec<RoledSection<'_>> {
    sections
        .iter()
        .map(|section| RoledSection {
            section,
            role: HeadingRole::of(&section.heading),
        })
        .collect()
}

/// Main sections that usually hold sub-headings.
static CONTAINER_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    heading_regex(r"what_(?:i|we)_found | (?:my_|our_)?assessment | findings")
        .expect("container heading regex")
});

/// What a heading line tells the segmenter, the template looked up once: its
/// [level](is_known_heading), and whether it is a main section that usually holds sub-headings
/// (`What I found`, `My assessment`).
pub(crate) fn level_and_container(heading: &str) -> (Option<u8>, bool) {
    match template_told(heading) {
        Some(told) => (told.level, told.holds_sub_headings),
        None => (known_level(heading), container(heading)),
    }
}

/// Whether a main section usually holds sub-headings, by the regex.
fn container(heading: &str) -> bool {
    CONTAINER_HEADING.is_match(heading.trim().as_bytes())
}

/// Whether a bare line (no list marker) reads as a heading rather than a paragraph by its shape:
/// short, no sentence-ending punctuation, not a quotation or citation. Known headings that fail
/// it (`Agreed action:`) are told by [`is_known_heading`].
pub(crate) fn reads_as_heading(text: &str) -> bool {
    // The cheap tests first: most lines are paragraphs, too long or ending with a full stop.
    let last = text.chars().next_back().unwrap_or('.');
    let first = text.chars().next().unwrap_or(' ');
    text.len() <= 160
        && (!matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '"' | '\u{201d}' | ')' | '-'
        ) || ends_with_acronym(text))
        && (first.is_alphanumeric() || first == '\'')
        && !first.is_ascii_digit()
        && {
            let words = text.split_whitespace().count();
            words <= 14 && (first != '\'' || words > 1)
        }
}

/// Whether `text` ends by naming its acronym in brackets, as a heading can (`Independent
/// Reviewing Officer (IRO)`), where a sentence or a citation ends with a full stop or a longer
/// bracket.
fn ends_with_acronym(text: &str) -> bool {
    text.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .is_some_and(|(name, acronym)| {
            !name.contains(['(', ')'])
                && (2..=8).contains(&acronym.len())
                && acronym.bytes().all(|b| b.is_ascii_uppercase())
        })
}

/// Whether a line starts like a quotation or a citation, which are never headings.
pub(crate) fn starts_like_quote_or_citation(text: &str) -> bool {
    text.starts_with(['(', '"', '\'', '\u{201c}', '\u{2018}', '['])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_headings_are_told_as_the_automata_tell_them() {
        let mut headings = TEMPLATE_HEADINGS.to_vec();
        headings.sort_unstable();
        headings.dedup();
        assert_eq!(headings.len(), TEMPLATE_HEADINGS.len(), "no heading twice");
        for &heading in &TEMPLATE_HEADINGS {
            let told = template_told(heading).expect("a template heading is in the table");
            assert_eq!(told.level, known_level(heading), "{heading}");
            assert_eq!(told.role, role_of(heading), "{heading}");
            assert_eq!(told.holds_sub_headings, container(heading), "{heading}");
            assert!(told.level.is_some(), "{heading} is a heading we know");
        }
        // Only the exact text is looked up; any other wording goes to the automata.
        assert_eq!(template_told("What I found:"), None);
        assert_eq!(is_known_heading("What I found:"), Some(1));
        assert_eq!(HeadingRole::of("what i found"), HeadingRole::Findings);
        assert_eq!(
            template_told("What I found").map(|t| t.role),
            Some(HeadingRole::Findings)
        );
        assert!(holds_sub_headings("What I found") && !holds_sub_headings("The complaint"));
        assert_eq!(level_and_container("What I found:"), (Some(1), true));
    }

    #[test]
    fn knows_main_and_sub_headings() {
        assert_eq!(
            is_known_heading("The Ombudsman\u{2019}s role and powers"),
            Some(1)
        );
        assert_eq!(
            is_known_heading("What I have and have not investigated"),
            Some(1)
        );
        assert_eq!(is_known_heading("How I considered this complaint"), Some(1));
        assert_eq!(
            is_known_heading("Parts of the complaint that I did not investigate"),
            Some(1)
        );
        assert_eq!(is_known_heading("Final Decision"), Some(1));
        assert_eq!(is_known_heading("Agreed action"), Some(1));
        assert_eq!(is_known_heading("Law and guidance"), Some(2));
        assert_eq!(is_known_heading("My findings"), Some(2));
        assert_eq!(is_known_heading("Ms X\u{2019}s second complaint"), None);
        // Read as folding reads them: any case, any whitespace, any apostrophe.
        assert_eq!(
            is_known_heading("THE\u{a0}Ombudsman`s role and\tpowers :"),
            Some(1)
        );
        assert_eq!(is_known_heading("Relevant law, guidance."), Some(2));
        assert_eq!(is_known_heading("What  I found"), None);
    }

    #[test]
    fn tells_roles_by_heading() {
        use HeadingRole::*;
        let cases = [
            ("The complaint", Complaint),
            ("THE COMPLAINTS:", Complaint),
            ("Complaint background", Complaint),
            ("Background to the complaint", Complaint),
            ("The Ombudsman\u{2019}s role and powers", RoleAndPowers),
            ("Our role and powers", RoleAndPowers),
            ("What I have and have not investigated", Investigated),
            ("What we did not investigate", Investigated),
            (
                "Parts of the complaint that I did not investigate",
                Investigated,
            ),
            ("How I considered this complaint", HowConsidered),
            ("What I found", Findings),
            ("My findings", Findings),
            ("The Ombudsman's analysis", Findings),
            ("Conclusion.", Findings),
            ("My assessment", Findings),
            ("Injustice", Findings),
            ("My consideration of the complaint", Findings),
            ("Final decision", FinalDecision),
            ("Decision", FinalDecision),
            ("Law and guidance", LawAndGuidance),
            ("Relevant law and guidance", LawAndGuidance),
            ("Legal and administrative background", LawAndGuidance),
            ("Statutory complaints procedure", LawAndGuidance),
            ("Lawful", Other),
            ("What happened", Background),
            (
                "Brief background of key events relating to the complaint",
                Background,
            ),
            ("Stage two findings", Background),
            ("Complaint", Background),
            ("Events", Background),
            ("Stages of the complaints process", ComplaintsProcedure),
            ("stages of the complaints process", Other),
            ("Agreed action:", AgreedAction),
            ("Agreed actions", AgreedAction),
            ("Recommendations", Recommendations),
            ("Recommended action", Recommendations),
            ("Actions", Actions),
            ("Delay", Other),
            ("My decision", FinalDecision),
            ("Ms X\u{2019}s second complaint", Other),
            ("The complaint about transport", Other),
            ("## What I found", Other),
            ("", Other),
        ];
        for (heading, role) in cases {
            assert_eq!(HeadingRole::of(heading), role, "{heading}");
        }
        let ranks: Vec<_> = [AgreedAction, Recommendations, Actions, Findings]
            .map(HeadingRole::action_rank)
            .into();
        assert_eq!(ranks, [Some(0), Some(1), Some(2), None]);
    }

    fn holds_sub_headings(heading: &str) -> bool {
        level_and_container(heading).1
    }

    #[test]
    fn knows_sections_that_hold_sub_headings() {
        assert!(holds_sub_headings("What I found:"));
        assert!(holds_sub_headings("MY\u{a0}ASSESSMENT"));
        assert!(holds_sub_headings("Findings"));
        assert!(!holds_sub_headings("Analysis"));
        assert!(!holds_sub_headings("What I found out"));
        assert_eq!(heading_key(" Agreed\u{a0}Action: "), "agreed action");
        assert_eq!(heading_key("Final decision."), "final decision");
    }

    proptest::proptest! {
        /// Reading a heading's own text gives what reading its folded form gives: case, odd
        /// whitespace and curly apostrophes make no difference.
        #[test]
        fn reads_text_as_its_folded_form(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "The", "the", "COMPLAINT", "complaint", "Ombudsman\u{2019}s", "ombudsman's",
                "Ombudsmen`s", "role", "and", "Powers", "What", "I", "we", "found", "have", "not",
                "investigated", "How", "considered", "this", "Law", "guidance", "relevant",
                "My", "findings", "Final", "decision", "Agreed", "action", ":", ".", "(a)",
            ]),
            1..7,
        ), spaces in proptest::collection::vec(
            proptest::sample::select(vec![" ", " ", "\u{a0}", "\t", "  ", "\u{2003}"]),
            7,
        )) {
            let text: String = words
                .iter()
                .zip(&spaces)
                .flat_map(|(word, space)| [*word, *space])
                .collect();
            let text = text.trim_end();
            proptest::prop_assert_eq!(is_known_heading(text), is_known_heading(&fold(text)));
        }
    }

    #[test]
    fn tells_headings_from_paragraphs() {
        assert!(reads_as_heading("Ms X\u{2019}s second complaint"));
        assert!(reads_as_heading("Special Guardianship Order Allowance"));
        assert!(reads_as_heading("What should have happened?"));
        assert!(!reads_as_heading(
            "Exposed Ms X to her abusive ex-partner in meetings."
        ));
        assert!(!reads_as_heading(
            "(Local Government Act 1974, section 24A(6))"
        ));
        assert!(!reads_as_heading(
            "I considered the Ombudsman\u{2019}s Assessment Code and the information provided by both parties in their letters"
        ));
    }
}
