//! Agreed actions: what the organisation agreed to do, for whom, by when, and what it pays.
//!
//! Payments come only from the agreed-action section, so offers and history elsewhere in the
//! statement never count.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::complainant::PEOPLE;
use crate::deadlines::find_deadline;
use crate::headings::KeyedSection;
use crate::lines::fold;
use crate::model::{ActionKind, AgreedAction, Deadline, Payment, Section};
use crate::money::find_amounts;
use crate::pieces::{self, Piece};

/// The agreed actions and the total they pay.
#[derive(Debug, Default)]
pub(crate) struct Remedies {
    pub actions: Vec<AgreedAction>,
    /// `None` when there are no agreed actions.
    pub total_pence: Option<u64>,
}

/// How well a heading names the agreed actions: lower is better.
fn heading_rank(key: &str) -> Option<u8> {
    match key {
        "agreed action" | "agreed actions" => Some(0),
        "recommendation" | "recommendations" | "recommended action" | "recommended actions" => {
            Some(1)
        }
        "action" | "actions" => Some(2),
        _ => None,
    }
}

/// The agreed-action section, with the sub-headings under it when it is a main section.
fn action_sections<'s>(sections: &[KeyedSection<'s>]) -> Vec<&'s Section> {
    let best = sections
        .iter()
        .enumerate()
        .filter_map(|(i, s)| heading_rank(&s.key).map(|rank| (rank, i)))
        .min();
    let Some((_, at)) = best else {
        return Vec::new();
    };
    let Some((chosen, after)) = sections.get(at..).and_then(|s| s.split_first()) else {
        return Vec::new();
    };
    let mut chosen_sections = vec![chosen.section];
    if chosen.section.level == 1 {
        chosen_sections.extend(after.iter().map(|s| s.section).take_while(|s| s.level > 1));
    }
    chosen_sections
}

static AGREEMENT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:the|this|it) [^.]{0,60}?(?:has|have) (?:agreed|accepted) (?:to )?(?:all )?(?:my|our|these|those|the|the above) (?:recommendations?|actions?|remedy)\.?$",
    )
    .expect("agreement regex")
});

/// Reads the agreed actions of `sections`, counting deadlines from `decision_date`.
pub(crate) fn find_remedies(
    input: &str,
    sections: &[KeyedSection<'_>],
    decision_date: Option<NaiveDate>,
) -> Remedies {
    let mut actions = Vec::new();
    for paragraph in action_sections(sections).iter().flat_map(|s| &s.paragraphs) {
        let lead = pieces::lead(input, paragraph);
        let items: Vec<_> = pieces::items(input, paragraph).collect();
        if items.is_empty() {
            if !AGREEMENT_ONLY.is_match(fold(lead.text).trim()) {
                actions.push(action(&lead, None, decision_date));
            }
            continue;
        }
        let lead_deadline = deadline(&lead, decision_date);
        actions.extend(
            items
                .iter()
                .map(|item| action(item, lead_deadline.clone(), decision_date)),
        );
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

fn deadline(piece: &Piece<'_>, decision_date: Option<NaiveDate>) -> Option<Deadline> {
    let (period, start, end) = find_deadline(piece.text)?;
    Some(Deadline {
        text: piece.text.get(start..end)?.to_string(),
        span: piece.span(start, end),
        due: decision_date
            .filter(|_| period.from_decision)
            .and_then(|date| period.due_from(date)),
    })
}

fn action(
    piece: &Piece<'_>,
    inherited: Option<Deadline>,
    decision_date: Option<NaiveDate>,
) -> AgreedAction {
    let payments = payments(piece);
    // The first sentence states the action; any others explain it.
    let first_sentence = pieces::sentences(piece).first().copied().unwrap_or(*piece);
    AgreedAction {
        text: piece.text.to_string(),
        paragraph: piece.paragraph,
        span: piece.whole(),
        kinds: kinds(first_sentence.text, !payments.is_empty()),
        payments,
        deadline: deadline(piece, decision_date).or(inherited),
    }
}

static PAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:pay(?:s|ing|ment|ments)?|paid|refund\w*|reimburs\w*)(?-u:\b)")
        .expect("pay regex")
});

/// The sums an action pays: amounts in an action about paying, less bracketed breakdowns, and
/// less rates (`£50 for every month`) when the action also states a sum.
fn payments(piece: &Piece<'_>) -> Vec<Payment> {
    if !PAY.is_match(&fold(piece.text)) {
        return Vec::new();
    }
    let amounts: Vec<_> = find_amounts(piece.text)
        .into_iter()
        .filter(|a| !a.breakdown)
        .collect();
    let has_sum = amounts.iter().any(|a| !a.rate);
    let sentences = pieces::sentences(piece);
    // Amounts and sentences both come in order, so the sentence holding an amount is found by
    // moving forward from the last one, and each sentence's people are looked for once.
    let mut at = 0;
    let mut named: Option<(usize, Option<&str>)> = None;
    amounts
        .into_iter()
        .filter(|a| !(has_sum && a.rate))
        .map(|a| {
            let absolute = piece.start + a.start;
            while sentences
                .get(at)
                .is_some_and(|s| s.start + s.text.len() <= absolute)
            {
                at += 1;
            }
            let recipient = sentences
                .get(at)
                .filter(|s| s.start <= absolute)
                .and_then(|s| {
                    let people = match named {
                        Some((i, people)) if i == at => people,
                        _ => PEOPLE.find(s.text).map(|m| m.as_str()),
                    };
                    named = Some((at, people));
                    people.map(str::to_string)
                });
            Payment {
                amount_pence: a.pence,
                recipient,
                text: piece
                    .text
                    .get(a.start..a.end)
                    .unwrap_or_default()
                    .to_string(),
                span: piece.span(a.start, a.end),
            }
        })
        .collect()
}

static KINDS: LazyLock<Vec<(ActionKind, Regex)>> = LazyLock::new(|| {
    let kind = |kind, pattern: &str| (kind, Regex::new(pattern).expect("action kind regex"));
    vec![
        kind(
            ActionKind::Apology,
            r"(?-u:\b)apologi[sz]\w*|(?-u:\b)apology(?-u:\b)",
        ),
        kind(
            ActionKind::Evidence,
            r"(?-u:\b)evidence(?-u:\b)|(?-u:\b)(?:provide|send|give|share)s? (?:the ombudsman|us)(?-u:\b)|(?-u:\b)a copy(?-u:\b)",
        ),
        kind(
            ActionKind::StaffGuidance,
            r"(?-u:\b)(?:remind\w*|train\w*|brief\w*)(?-u:\b)|(?-u:\b)guidance to (?:its )?(?:staff|officers|workers)",
        ),
        kind(
            ActionKind::Procedure,
            r"(?-u:\b)(?:review\w*|chang\w*|improv\w*|introduc\w*|amend\w*|updat\w*|develop\w*|produc\w*|creat\w*|complet\w*|adopt\w*|revis\w*|put in place|implement\w*) (?:\S+ ){0,6}?(?:polic(?:y|ies)|procedures?|process(?:es)?|practices?|action plan|protocols?|systems?)(?-u:\b)",
        ),
        kind(
            ActionKind::Assessment,
            r"(?-u:\b)(?:carr(?:y|ies) out|complet\w*|undertak\w*|conduct\w*|arrang\w*) (?:\S+ ){0,4}?(?:re-?assessments?|assessments?|needs reviews?)(?-u:\b)|(?-u:\b)re-?assess\w*",
        ),
        kind(
            ActionKind::RestartProcess,
            r"(?-u:\b)(?:start|restart|re-start|begin|reopen|re-open|escalat\w*|progress\w*|reconsider|re-consider)\w* (?:\S+ ){0,6}?(?:at )?stage (?:one|two|three|1|2|3)(?-u:\b)",
        ),
    ]
});

/// What an action does, from the sentence that states it.
fn kinds(text: &str, pays: bool) -> Vec<ActionKind> {
    let folded = fold(text);
    let mut kinds: Vec<ActionKind> = KINDS
        .iter()
        .filter(|(_, pattern)| pattern.is_match(&folded))
        .map(|(kind, _)| *kind)
        .collect();
    if pays || PAY.is_match(&folded) {
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
    use ActionKind::*;

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
            (
                "Pay Mr A £100. Then pay £20 for postage. Pay Mrs B £200 and £50.",
                &[
                    (10000, Some("Mr A")),
                    (2000, None),
                    (20000, Some("Mrs B")),
                    (5000, Some("Mrs B")),
                ],
            ),
            ("Review its policy on £50 charges.", &[]),
        ];
        for (text, expected) in cases {
            let piece = Piece {
                text,
                start: 0,
                paragraph: None,
            };
            let got: Vec<_> = payments(&piece)
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
        let piece = |text| Piece {
            text,
            start: 0,
            paragraph: None,
        };
        let amounts = |text| -> Vec<(u64, Option<String>)> {
            payments(&piece(text))
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
