//! The five complete seed statements in `corpus/`, checked field by field against values read by
//! hand from the text.

use lgsco::{Decision, Layout, OutcomeKind};

struct Expected {
    file: &'static str,
    organisation: &'static str,
    reference: &'static str,
    area: &'static str,
    subcategory: &'static str,
    outcome: (&'static str, OutcomeKind),
    decision_date: &'static str,
    complainant: &'static str,
    summary_start: &'static str,
    summary_end: &'static str,
    layout: Layout,
    headings: &'static [(&'static str, u8)],
    /// Paragraphs by their continuous website number: (number, start of text).
    paragraphs: &'static [(u32, &'static str)],
    /// The last paragraph number, where the text shows it (numbered layout only: the dashed
    /// layout hides which lines are sub-items, so its count is inferred).
    last_number: Option<u32>,
}

const SEEDS: &[Expected] = &[
    Expected {
        file: "knowsley-22-014-796.txt",
        organisation: "Knowsley Metropolitan Borough Council",
        reference: "22 014 796",
        area: "Children's care services",
        subcategory: "Looked after children",
        outcome: ("Upheld", OutcomeKind::Upheld),
        decision_date: "2023-08-22",
        complainant: "Ms X",
        summary_start: "Ms X complained the Council’s children’s services placed",
        summary_end: "the Council has agreed to pay Ms X £300 and carry out service improvements.",
        layout: Layout::Numbered,
        headings: &[
            ("The complaint", 1),
            ("The Ombudsman’s role and powers", 1),
            ("How I considered this complaint", 1),
            ("What I found", 1),
            ("Law and guidance", 2),
            ("Children’s statutory complaints procedure", 2),
            ("Children and Family Court Advisory Service (CAFCASS)", 2),
            ("Independent Reviewing Officer (IRO)", 2),
            ("What happened", 2),
            ("Ms X’s first complaint", 2),
            ("Ms X’s second complaint", 2),
            ("My findings", 2),
            ("Delay", 2),
            ("Failure to implement recommendations", 2),
            ("Agreed action", 1),
            ("Final decision", 1),
        ],
        paragraphs: &[
            (1, "Ms X complained the Council placed her children"),
            (
                9,
                "I considered the information provided by Ms X and the Council.",
            ),
            // The statement itself says "I begin to deal with this complaints process in more
            // detail at paragraph 38".
            (
                38,
                "As already set out, Ms X began a fresh stage one complaint",
            ),
            (
                73,
                "Within one month of the date of the final decision, the Council has agreed to:",
            ),
            (76, "I have completed my investigation."),
        ],
        last_number: Some(76),
    },
    Expected {
        file: "liverpool-24-004-962.txt",
        organisation: "Liverpool City Council",
        reference: "24 004 962",
        area: "Children's care services",
        subcategory: "Other",
        outcome: ("Upheld", OutcomeKind::Upheld),
        decision_date: "2024-08-18",
        complainant: "Miss X",
        summary_start: "We find the Council at fault for failing to complete",
        summary_end: "also make a symbolic payment to Miss X and apologise to her.",
        layout: Layout::Numbered,
        headings: &[
            ("The complaint", 1),
            ("The Ombudsman’s role and powers", 1),
            ("What I have and have not investigated", 1),
            ("How I considered this complaint", 1),
            ("What I found", 1),
            ("Law and guidance", 2),
            ("What happened", 2),
            ("My findings", 2),
            ("Agreed action", 1),
            ("Final Decision", 1),
        ],
        paragraphs: &[
            // Both paragraphs of `The complaint` are numbered `1.` in the scraped text.
            (1, "Miss X complains the Council failed to complete"),
            (
                2,
                "Miss X says the Council’s actions have caused undue stress",
            ),
            (
                35,
                "To remedy the injustice to Miss X from fault by the Council",
            ),
            (37, "There was fault by the Council."),
        ],
        last_number: Some(37),
    },
    Expected {
        file: "norfolk-20-005-547.txt",
        organisation: "Norfolk County Council",
        reference: "20 005 547",
        area: "Children's care services",
        subcategory: "Other",
        outcome: ("Upheld", OutcomeKind::Upheld),
        decision_date: "2022-01-26",
        complainant: "Miss B",
        summary_start: "Miss B complained about delay by the Council",
        summary_end: "of domestic abuse and improve its procedures for the future.",
        layout: Layout::Numbered,
        headings: &[
            ("The complaint", 1),
            ("The Ombudsman’s role and powers", 1),
            ("How I considered this complaint", 1),
            ("What I found", 1),
            ("Statutory complaints procedure", 2),
            ("What happened", 2),
            ("Analysis", 2),
            (
                "delayed in dealing with the complaint through the statutory three stage procedure",
                2,
            ),
            (
                "failed to implement the agreed actions and recommendations at each stage",
                2,
            ),
            (
                "failed to implement the suggestion by the Independent Person at stage two to ensure all workers have a thorough understanding of the impact of domestic abuse on families and children",
                2,
            ),
            (
                "failed to ensure a senior officer provided a sincere apology (as agreed at stage two) and took responsibility for the fault found",
                2,
            ),
            (
                "failed to provide any remedy financial or otherwise to Miss B to recognise the impact of the failings on her and her children.",
                2,
            ),
            ("Agreed action", 1),
            ("Final decision", 1),
        ],
        paragraphs: &[
            (16, "The Independent Person (IP) endorsed the IO’s reports"),
            // The quoted suggestion after paragraph 16 is unnumbered; counting resumes here.
            (
                17,
                "The Council sent its adjudication to Miss B on 25 April 2021.",
            ),
            (20, "The Council took 13 weeks (rather than two)"),
            (
                26,
                "In recognition of the injustice caused to Miss B and her children",
            ),
        ],
        last_number: Some(28),
    },
    Expected {
        file: "leicestershire-19-011-066.txt",
        organisation: "Leicestershire County Council",
        reference: "19 011 066",
        area: "Children's care services",
        subcategory: "Child protection",
        outcome: ("Upheld", OutcomeKind::Upheld),
        decision_date: "2021-04-01",
        complainant: "Ms C",
        summary_start: "The Council delayed completed all the actions it agreed to",
        summary_end: "matters relating to the complainant and her family.",
        layout: Layout::Dashed,
        headings: &[
            ("The complaint", 1),
            ("The Ombudsman’s role and powers", 1),
            ("How I considered this complaint", 1),
            ("What I found", 1),
            ("Children’s social care complaints", 2),
            ("Stages of the complaints process", 2),
            ("Timescales for the complaints process", 2),
            ("Background", 2),
            ("Complaint", 2),
            ("Actions", 2),
            ("Analysis", 2),
            ("Apology", 2),
            ("Financial remedy", 2),
            ("Review of children’s needs", 2),
            ("Review of carers assessments", 2),
            ("Service improvements", 2),
            ("Inaccurate information", 2),
            ("Conclusion", 2),
            ("Agreed action", 1),
            ("Final decision", 1),
            ("Parts of the complaint that I did not investigate", 1),
        ],
        paragraphs: &[
            (1, "The complainant, whom I shall refer to as Ms C"),
            (
                5,
                "I considered the information and documents provided by Ms C",
            ),
        ],
        last_number: None,
    },
    Expected {
        file: "bradford-24-001-902.txt",
        organisation: "City of Bradford Metropolitan District Council",
        reference: "24 001 902",
        area: "Children's care services",
        subcategory: "Looked after children",
        outcome: ("Upheld", OutcomeKind::Upheld),
        decision_date: "2025-01-28",
        complainant: "Mrs Y",
        summary_start: "We have not reinvestigated Mrs Y’s complaint",
        summary_end: "the remedial action in the final section of this statement.",
        layout: Layout::Dashed,
        headings: &[
            ("The Ombudsman’s role and powers", 1),
            ("How I considered this complaint", 1),
            ("What I found", 1),
            ("Law and guidance relevant to this complaint", 2),
            ("Statutory complaints procedure", 2),
            (
                "Brief background of key events relating to the complaint",
                2,
            ),
            ("Stage Two findings", 2),
            ("Stage Three findings", 2),
            ("The Ombudsman’s analysis", 2),
            ("Agreed action", 1),
            ("Final decision", 1),
        ],
        paragraphs: &[
            (1, "We investigate complaints about ‘maladministration’"),
            // "As paragraph 13 of this statement sets out, it is not our role to reinvestigate
            // matters which have already been subject to …": the dashed layout hides the nesting,
            // so this number depends on the list inference.
            (
                13,
                "Unless there is evidence of fault in the investigation process",
            ),
        ],
        last_number: None,
    },
];

fn read(file: &str) -> String {
    let path = format!("{}/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn paragraph_starting(decision: &Decision, number: u32) -> Option<&str> {
    decision
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| p.number == Some(number))
        .map(|p| p.text.as_str())
}

#[test]
fn seeds_match_values_read_by_hand() {
    for seed in SEEDS {
        let text = read(seed.file);
        let d = lgsco::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", seed.file));
        let file = seed.file;
        assert_eq!(d.organisation.as_deref(), Some(seed.organisation), "{file}");
        assert_eq!(d.reference.as_deref(), Some(seed.reference), "{file}");
        let category = d.category.as_ref().expect("category");
        assert_eq!(category.area, seed.area, "{file}");
        assert_eq!(
            category.subcategory.as_deref(),
            Some(seed.subcategory),
            "{file}"
        );
        assert_eq!(
            category.text,
            format!("{} > {}", seed.area, seed.subcategory),
            "{file}"
        );
        let outcome = d.outcome.as_ref().expect("outcome");
        assert_eq!(
            (outcome.text.as_str(), outcome.kind),
            seed.outcome,
            "{file}"
        );
        assert_eq!(
            d.decision_date.map(|d| d.to_string()).as_deref(),
            Some(seed.decision_date),
            "{file}"
        );
        assert_eq!(d.complainant.as_deref(), Some(seed.complainant), "{file}");
        assert_eq!(d.complainants, [seed.complainant], "{file}");
        let summary = d.summary.as_deref().expect("summary");
        assert!(summary.starts_with(seed.summary_start), "{file}: {summary}");
        assert!(summary.ends_with(seed.summary_end), "{file}: {summary}");
        assert_eq!(d.layout, seed.layout, "{file}");
        assert!(!d.truncated, "{file}");
        let headings: Vec<(&str, u8)> = d
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.level))
            .collect();
        assert_eq!(headings, seed.headings, "{file}");
        for (number, start) in seed.paragraphs {
            let found = paragraph_starting(&d, *number);
            assert!(
                found.is_some_and(|t| t.starts_with(start)),
                "{file} paragraph {number}: {found:?}"
            );
        }
        if let Some(expected) = seed.last_number {
            let last = d
                .sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .filter_map(|p| p.number)
                .max();
            assert_eq!(last, Some(expected), "{file}");
        }
    }
}

#[test]
fn numbered_seeds_count_paragraphs_without_inference() {
    for seed in SEEDS.iter().filter(|s| s.layout == Layout::Numbered) {
        let d = lgsco::parse(&read(seed.file)).expect("parses");
        assert!(d.warnings.is_empty(), "{}: {:?}", seed.file, d.warnings);
        let numbers: Vec<u32> = d
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .filter_map(|p| p.number)
            .collect();
        let expected: Vec<u32> = (1..=seed.last_number.expect("numbered")).collect();
        assert_eq!(numbers, expected, "{}", seed.file);
    }
}

#[test]
fn spans_point_at_the_values() {
    for seed in SEEDS {
        let text = read(seed.file);
        let d = lgsco::parse(&text).expect("parses");
        let at = |span: Option<lgsco::Span>| span.map(|s| &text[s.range()]);
        assert_eq!(at(d.spans.organisation), d.organisation.as_deref());
        assert_eq!(at(d.spans.reference), d.reference.as_deref());
        assert_eq!(
            at(d.spans.category),
            d.category.as_ref().map(|c| c.text.as_str())
        );
        assert_eq!(
            at(d.spans.outcome),
            d.outcome.as_ref().map(|o| o.text.as_str())
        );
        assert_eq!(at(d.spans.summary), d.summary.as_deref());
        assert_eq!(at(d.spans.complainant), d.complainant.as_deref());
        for section in &d.sections {
            assert_eq!(&text[section.span.range()], section.heading);
            for paragraph in &section.paragraphs {
                let raw = &text[paragraph.span.range()];
                assert!(raw.contains(&paragraph.text), "{}", seed.file);
                for item in &paragraph.items {
                    assert_eq!(&text[item.span.range()], item.text);
                    assert!(raw.contains(&item.text));
                }
            }
        }
    }
}

#[test]
fn page_chrome_never_leaks_into_the_record() {
    for seed in SEEDS {
        let d = lgsco::parse(&read(seed.file)).expect("parses");
        let json = serde_json::to_string(&d).expect("serialises");
        for chrome in [
            "Back to top",
            "Print this page",
            "LGO logogram",
            "cookies",
            "Privacy settings",
            "on behalf of the Ombudsman",
        ] {
            assert!(!json.contains(chrome), "{}: {chrome}", seed.file);
        }
    }
}

#[test]
fn dashed_lists_become_items() {
    // leicestershire: "The statement of complaint comprised of 13 different issues. These can be
    // summarised as:" is followed by 13 `- ` lines that the statement later cites as lettered
    // points ("apart from point ‘e’ above"), so they are items, not paragraphs.
    let d = lgsco::parse(&read("leicestershire-19-011-066.txt")).expect("parses");
    let issues = d
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| {
            p.text
                .starts_with("The statement of complaint comprised of 13 different issues")
        })
        .expect("lead-in paragraph");
    assert_eq!(issues.items.len(), 13);
    assert_eq!(
        issues.items[0].text,
        "The Council delayed investigating her complaint."
    );
    let next = d
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| p.number == issues.number.map(|n| n + 1))
        .expect("next paragraph");
    assert!(
        next.text
            .starts_with("In September 2019, the Investigating Officer completed")
    );
    assert!(
        d.warnings
            .iter()
            .any(|w| w.kind == lgsco::WarningKind::ParagraphNumbersInferred)
    );
}
