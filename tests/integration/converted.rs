//! Statements as scrapers hand them over (web pages, Markdown, hard-wrapped text, one line per
//! text node) against the record of the original statement text, field by field.
//!
//! Three sets are checked: `../shared/corpus/html/` with its conversions in
//! `../shared/corpus/converted/TOOL/` (when that folder exists beside the repository), this
//! repository's own `tests/converted/` (other statements rendered in another page style and
//! converted by other tools and at other widths; see `tests/converted/README.md`), and
//! `tests/converted-site/` (other statements in the seed pages' own style). A converted
//! file is matched to its original by file stem: `corpus/`, `tests/statements/` or
//! `../shared/corpus/dev/`. `cargo test --release --test integration converted -- --nocapture`
//! prints the share of fields matched per tool.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lgsco::Decision;
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Collapses runs of whitespace, so that values compare as words.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The compared fields of a record, by name, as values without spans; the agreed actions' due
/// dates only when `dated` (they are counted from the decision date, which a converter may drop).
fn fields(d: &Decision, dated: bool) -> Vec<(&'static str, Value)> {
    let paragraphs = d
        .sections
        .iter()
        .map(|s| s.paragraphs.iter().map(|p| p.number).collect::<Vec<_>>())
        .collect::<Vec<_>>();
    let actions = d
        .agreed_actions
        .iter()
        .map(|a| {
            let payments = a
                .payments
                .iter()
                .map(|p| json!([p.amount_pence, p.recipient, p.kind]))
                .collect::<Vec<_>>();
            json!([
                words(&a.text),
                a.paragraph,
                payments,
                a.deadline.as_ref().map(|d| d.due).filter(|_| dated)
            ])
        })
        .collect::<Vec<_>>();
    let findings = d
        .findings
        .iter()
        .map(|f| json!([words(&f.text), f.verdict, f.paragraph]))
        .collect::<Vec<_>>();
    let dates = d
        .dates
        .iter()
        .map(|m| json!([m.text, m.value, m.paragraph]))
        .collect::<Vec<_>>();
    let citations = d
        .legislation
        .iter()
        .map(|c| json!([c.reference.act, c.reference.sections, c.paragraph]))
        .collect::<Vec<_>>();
    vec![
        ("organisation", json!(d.organisation)),
        ("reference", json!(d.reference)),
        ("category", json!(d.category.as_ref().map(|c| &c.text))),
        ("outcome", json!(d.outcome.as_ref().map(|o| &o.text))),
        ("decision_date", json!(d.decision_date)),
        ("complainant", json!(d.complainant)),
        ("summary", json!(d.summary.as_deref().map(words))),
        (
            "headings",
            json!(
                d.sections
                    .iter()
                    .map(|s| json!([words(&s.heading), s.level]))
                    .collect::<Vec<_>>()
            ),
        ),
        ("paragraph_numbers", json!(paragraphs)),
        ("agreed_actions", json!(actions)),
        ("total_payment", json!(d.total_payment_pence)),
        ("findings", json!(findings)),
        ("fault_found", json!(d.fault_found)),
        ("dates", json!(dates)),
        ("citations", json!(citations)),
    ]
}

/// Header fields a converter may drop with its label (trafilatura drops the header lines): they
/// are compared only when the converted text still holds the label.
fn dropped_by_converter(field: &str, converted: &str) -> bool {
    let label = match field {
        "category" => "Category",
        "outcome" => "Decision :",
        "decision_date" => "Decision date",
        _ => return false,
    };
    !converted.contains(label)
}

/// Where the original text of a converted statement is, by its file stem.
fn original(stem: &str) -> Option<PathBuf> {
    [
        root().join("corpus"),
        root().join("tests/statements"),
        root().join("../shared/corpus/dev"),
    ]
    .into_iter()
    .map(|dir| dir.join(format!("{stem}.txt")))
    .find(|path| path.exists())
}

/// Tools held to another share of fields than 95%. Pages read directly must match in full. Text
/// with a line per text node (BeautifulSoup `get_text("\n")`) has lost which lines are list
/// items and which paragraphs are quotations: a list item that opens with a name (`Miss B’s
/// request … should be offered.`) after items opening in lower case, or an unnumbered quotation
/// after a lead-in ending in `:`, shifts the paragraph numbers after it (one seed, 93% of fields
/// over the five; 100% on this repository's own sets, 98% on 49 statements in the seed pages'
/// style), so this floor keeps what is reached on the seeds.
const FLOORS: &[(&str, f64)] = &[("page", 1.0), ("bs4-gettext", 0.9)];

/// Fields matched and compared, per tool, with a line per mismatch.
#[derive(Default)]
struct Tally {
    matched: BTreeMap<String, (usize, usize)>,
    mismatches: Vec<String>,
}

impl Tally {
    fn compare(&mut self, tool: &str, path: &Path) {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let original = original(stem).unwrap_or_else(|| panic!("no original for {path:?}"));
        let want = lgsco::parse(&std::fs::read_to_string(&original).expect("original is UTF-8"))
            .expect("original parses");
        let converted = std::fs::read_to_string(path).expect("converted file is UTF-8");
        let entry = self.matched.entry(tool.to_string()).or_default();
        let dated = !dropped_by_converter("decision_date", &converted);
        let got = match lgsco::parse(&converted) {
            Ok(got) => got,
            Err(e) => {
                self.mismatches.push(format!("{tool}/{stem}: {e}"));
                entry.1 += fields(&want, dated).len();
                return;
            }
        };
        super::common::check_decision(&converted, &got);
        for ((name, want), (_, got)) in fields(&want, dated).into_iter().zip(fields(&got, dated)) {
            if dropped_by_converter(name, &converted) {
                continue;
            }
            entry.1 += 1;
            if want == got {
                entry.0 += 1;
            } else {
                self.mismatches.push(format!(
                    "{tool}/{stem} {name}:\n  got  {got}\n  want {want}"
                ));
            }
        }
    }

    /// Compares every file of each tool folder under `dir` (the folder's name is the tool), and
    /// every page of `pages` as the tool `page`.
    fn compare_all(&mut self, pages: &Path, dir: &Path) {
        for path in files(pages) {
            self.compare("page", &path);
        }
        for tool in files(dir).into_iter().filter(|p| p.is_dir() && p != pages) {
            let name = tool
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            for path in files(&tool) {
                self.compare(name, &path);
            }
        }
    }

    fn report(&self) -> String {
        self.matched
            .iter()
            .map(|(tool, (matched, total))| {
                format!(
                    "{tool}: {matched}/{total} fields ({:.1}%)",
                    100.0 * *matched as f64 / (*total).max(1) as f64
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Asserts every page matched in full and every tool in at least 95% of fields, but for
    /// text with a line per text node (see [`FLOORS`]).
    fn assert_targets(&self) {
        let report = self.report();
        eprintln!("{report}");
        for (tool, (matched, total)) in &self.matched {
            assert!(*total > 0, "{tool}: nothing compared");
            let floor = FLOORS
                .iter()
                .find(|(name, _)| tool.starts_with(name))
                .map_or(0.95, |(_, floor)| *floor);
            assert!(
                *matched as f64 >= floor * *total as f64,
                "{tool} below {floor}:\n{report}\n{}",
                self.mismatches.join("\n")
            );
        }
    }
}

/// The entries of `dir` other than README files, sorted; none when it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_stem().is_some_and(|s| s != "README"))
        .collect();
    paths.sort();
    paths
}

/// Compares the pages of `pages` and every tool folder under `dir` (at least `tools` of them,
/// pages included) with the original records and holds each to its target.
fn check_folder(pages: &Path, dir: &Path, tools: usize) {
    let mut tally = Tally::default();
    tally.compare_all(pages, dir);
    assert!(tally.matched.len() >= tools, "{dir:?}:\n{}", tally.report());
    tally.assert_targets();
}

#[test]
fn shared_pages_and_conversions_match_the_seed_records() {
    let shared = root().join("../shared/corpus");
    if !shared.join("converted").exists() {
        eprintln!("../shared/corpus/converted not present: skipped");
        return;
    }
    check_folder(&shared.join("html"), &shared.join("converted"), 6);
}

#[test]
fn own_pages_and_conversions_match_the_original_records() {
    let dir = root().join("tests/converted");
    check_folder(&dir.join("pages"), &dir, 2);
}

/// Conversions made on this machine with whatever tools it has (`tests/converted/convert.sh
/// DIR`, which converts the seed pages and this repository's own pages with lynx, w3m, pandoc,
/// html2text, inscriptis and BeautifulSoup as installed): compared when `LGSCO_CONVERTED` names
/// the folder, held to the same targets; skipped otherwise (CI has none of the tools).
#[test]
fn conversions_made_here_match_the_original_records() {
    let Some(dir) = std::env::var_os("LGSCO_CONVERTED").map(PathBuf::from) else {
        eprintln!("LGSCO_CONVERTED not set: skipped");
        return;
    };
    check_folder(&dir.join("pages"), &dir, 1);
}

#[test]
fn other_statements_in_the_seed_pages_style_match_the_original_records() {
    let dir = root().join("tests/converted-site");
    check_folder(&dir.join("pages"), &dir, 14);
}
