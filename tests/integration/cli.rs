//! The `lgsco` program run on a folder mixing good statements with every kind of bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use lgsco::FlatRecord;
use serde_json::Value;

/// A folder of inputs and what the program should make of them.
struct Fixture {
    dir: tempfile::TempDir,
}

const BAD: [(&str, &str); 3] = [
    ("bad-utf8.txt", "invalid UTF-8"),
    ("empty.txt", "empty input"),
    ("shopping.txt", "not a decision statement"),
];

impl Fixture {
    /// `in/`: the corpus statements, two of them again under `nested/deeper/`, the three bad
    /// inputs of [`BAD`], and a `notes.md` that is not an input.
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        let deeper = root.join("nested/deeper");
        fs::create_dir_all(&deeper).unwrap();
        for (i, path) in corpus().iter().enumerate() {
            let name = path.file_name().unwrap();
            fs::copy(path, root.join(name)).unwrap();
            if i < 2 {
                fs::copy(path, deeper.join(name)).unwrap();
            }
        }
        fs::write(
            root.join("bad-utf8.txt"),
            b"Summary: Mr Q \xff\xfe complained.",
        )
        .unwrap();
        fs::write(root.join("empty.txt"), b"").unwrap();
        fs::write(root.join("shopping.txt"), "Eggs\nMilk\nBread\n").unwrap();
        fs::write(root.join("notes.md"), "not an input").unwrap();
        Fixture { dir }
    }

    fn input(&self) -> PathBuf {
        self.dir.path().join("in")
    }

    /// Every input's source, in the order the program must write them: a depth-first walk in
    /// sorted order, which is the order of the paths compared component by component.
    fn expected_sources(&self) -> Vec<String> {
        let root = self.input();
        let deeper = root.join("nested/deeper");
        let mut paths: Vec<PathBuf> = corpus()
            .iter()
            .map(|p| root.join(p.file_name().unwrap()))
            .chain(
                corpus()[..2]
                    .iter()
                    .map(|p| deeper.join(p.file_name().unwrap())),
            )
            .chain(BAD.iter().map(|(name, _)| root.join(name)))
            .collect();
        paths.sort();
        paths.iter().map(|p| p.display().to_string()).collect()
    }
}

fn corpus() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
    paths.sort();
    paths
}

fn lgsco(args: &[&str], paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .args(args)
        .args(paths)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Runs `lgsco` (no arguments) with `input` on its standard input.
fn lgsco_reading(input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json_lines(text: &[u8]) -> Vec<Value> {
    std::str::from_utf8(text)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn every_input_gives_exactly_one_record_in_order_and_the_report_adds_up() {
    let fixture = Fixture::new();
    let output = lgsco(&[], &[&fixture.input()]);
    assert_eq!(output.status.code(), Some(1), "a document failed");

    let records = json_lines(&output.stdout);
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, fixture.expected_sources());

    let parsed = corpus().len() + 2;
    let failed: Vec<&Value> = records
        .iter()
        .filter(|r| r.get("error").is_some())
        .collect();
    assert_eq!(failed.len(), BAD.len());
    for (record, (name, message)) in failed.iter().zip(BAD) {
        assert!(
            record["source"].as_str().unwrap().ends_with(name),
            "{record}"
        );
        assert!(
            record["error"].as_str().unwrap().starts_with(message),
            "{record}"
        );
        assert_eq!(
            record.as_object().unwrap().len(),
            2,
            "only source and error: {record}"
        );
    }
    for record in records.iter().filter(|r| r.get("error").is_none()) {
        assert!(record["reference"].is_string(), "{record}");
    }

    let stderr = stderr(&output);
    for (name, _) in BAD {
        assert_eq!(
            stderr.lines().filter(|l| l.contains(name)).count(),
            1,
            "{stderr}"
        );
    }
    let lines: Vec<&str> = stderr.lines().collect();
    let (report, breakdown) = (lines[lines.len() - 2], lines[lines.len() - 1]);
    // The second line counts the parsed records by outcome and by warning kind.
    let upheld = records
        .iter()
        .filter(|r| r["outcome"]["kind"] == "upheld")
        .count();
    assert!(
        breakdown.starts_with(&format!("lgsco: outcomes: upheld {upheld}")),
        "{breakdown}"
    );
    let with_warnings = records
        .iter()
        .filter(|r| r["warnings"].as_array().is_some_and(|w| !w.is_empty()))
        .count();
    assert_eq!(
        report,
        format!(
            "lgsco: {} documents: {parsed} parsed ({with_warnings} with warnings), {} failed",
            parsed + BAD.len(),
            BAD.len()
        )
    );
}

#[test]
fn the_output_does_not_depend_on_the_number_of_threads() {
    let fixture = Fixture::new();
    let one = lgsco(&["--jobs", "1"], &[&fixture.input()]);
    let two = lgsco(&["--jobs", "2"], &[&fixture.input()]);
    let all = lgsco(&[], &[&fixture.input()]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, all.stdout);
    assert_eq!(one.stderr, two.stderr);
}

#[test]
fn output_and_errors_files_are_complete_with_no_temporary_files_left() {
    let fixture = Fixture::new();
    let out_dir = fixture.dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let records = out_dir.join("decisions.jsonl");
    let errors = out_dir.join("errors.jsonl");
    let output = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .arg("-o")
        .arg(&records)
        .arg("--errors")
        .arg(&errors)
        .arg(fixture.input())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());

    let mut names: Vec<String> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["decisions.jsonl", "errors.jsonl"]);

    let stdout_run = lgsco(&[], &[&fixture.input()]);
    assert_eq!(fs::read(&records).unwrap(), stdout_run.stdout);

    let failures = json_lines(&fs::read(&errors).unwrap());
    let expected: Vec<Value> = json_lines(&stdout_run.stdout)
        .into_iter()
        .filter(|r| r.get("error").is_some())
        .collect();
    assert_eq!(failures.len(), BAD.len());
    assert_eq!(failures, expected);
}

#[test]
fn an_output_file_that_cannot_be_written_is_a_clear_failure() {
    let fixture = Fixture::new();
    let missing = fixture.dir.path().join("no/such/dir/out.jsonl");
    let output = lgsco(&["-o", missing.to_str().unwrap()], &[&fixture.input()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
    assert!(!fixture.dir.path().join("no").exists());
}

#[test]
fn csv_rows_match_the_json_records() {
    let fixture = Fixture::new();
    let csv_run = lgsco(&["--format", "csv"], &[&fixture.input()]);
    let json_run = lgsco(&[], &[&fixture.input()]);
    assert_eq!(csv_run.status.code(), Some(1));

    let mut reader = csv::Reader::from_reader(csv_run.stdout.as_slice());
    assert_eq!(reader.headers().unwrap(), FlatRecord::HEADERS.as_slice());
    let rows: Vec<FlatRecord> = reader.deserialize().collect::<Result<_, _>>().unwrap();
    let records = json_lines(&json_run.stdout);
    assert_eq!(rows.len(), records.len());
    let text = |v: &Value| v.as_str().map(str::to_owned);
    for (row, record) in rows.iter().zip(&records) {
        assert_eq!(Some(row.source.clone()), text(&record["source"]));
        assert_eq!(row.error, text(&record["error"]));
        assert_eq!(row.organisation, text(&record["organisation"]));
        assert_eq!(row.reference, text(&record["reference"]));
        assert_eq!(row.category_area, text(&record["category"]["area"]));
        assert_eq!(
            row.category_subcategory,
            text(&record["category"]["subcategory"])
        );
        assert_eq!(row.outcome_text, text(&record["outcome"]["text"]));
        assert_eq!(
            row.outcome_kind.map(|k| serde_json::to_value(k).unwrap()),
            record["outcome"].get("kind").cloned()
        );
        assert_eq!(
            row.decision_date.map(|d| d.to_string()),
            text(&record["decision_date"])
        );
        assert_eq!(row.complainant, text(&record["complainant"]));
        assert_eq!(
            row.total_payment_pence,
            record["total_payment_pence"].as_u64()
        );
        assert_eq!(row.fault_found, record["fault_found"].as_bool());
        assert_eq!(
            row.agreed_action_count,
            record["agreed_actions"].as_array().map(|a| a.len() as u64)
        );
        assert_eq!(row.truncated, record["truncated"].as_bool());
        assert_eq!(
            row.layout.map(|l| serde_json::to_value(l).unwrap()),
            record.get("layout").cloned()
        );
        let kinds: Option<Vec<&str>> = record["warnings"]
            .as_array()
            .map(|w| w.iter().map(|w| w["kind"].as_str().unwrap()).collect());
        let kinds = kinds.map(|k| k.join("|")).filter(|k| !k.is_empty());
        assert_eq!(row.warnings, kinds);
    }
    // The seeds agreed payments, so the remedy columns are really filled.
    assert!(
        rows.iter()
            .any(|r| r.total_payment_pence.is_some_and(|p| p > 0))
    );
    assert!(
        rows.iter()
            .filter(|r| r.error.is_none())
            .all(|r| r.reference.is_some())
    );
}

#[test]
fn the_json_array_holds_the_json_lines_records() {
    let fixture = Fixture::new();
    let array = lgsco(&["--format", "json"], &[&fixture.input()]);
    let lines = lgsco(&[], &[&fixture.input()]);
    let array: Value = serde_json::from_slice(&array.stdout).unwrap();
    assert_eq!(array, Value::Array(json_lines(&lines.stdout)));
}

#[test]
fn standard_input_is_one_document() {
    let text = fs::read(&corpus()[0]).unwrap();
    let output = lgsco_reading(&text);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let records = json_lines(&output.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"], "-");
    assert!(stderr(&output).contains("1 document: 1 parsed"));
}

#[test]
fn all_good_inputs_exit_zero_and_quiet_prints_only_failures() {
    let fixture = Fixture::new();
    let good = lgsco(&["--quiet"], &[&fixture.input().join("nested")]);
    assert_eq!(good.status.code(), Some(0));
    assert_eq!(json_lines(&good.stdout).len(), 2);
    assert!(good.stderr.is_empty(), "{}", stderr(&good));

    let mixed = lgsco(&["-q"], &[&fixture.input()]);
    let stderr = stderr(&mixed);
    assert_eq!(stderr.lines().count(), BAD.len(), "{stderr}");
    assert!(!stderr.contains("documents"));
}

#[test]
fn a_missing_path_is_one_failed_record() {
    let fixture = Fixture::new();
    let missing = fixture.dir.path().join("missing.txt");
    let output = lgsco(&[], &[&missing, &fixture.input().join("nested")]);
    assert_eq!(output.status.code(), Some(1));
    let records = json_lines(&output.stdout);
    assert_eq!(records.len(), 3);
    assert!(
        records[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot read file")
    );
    let report = stderr(&output);
    assert!(
        report.contains("lgsco: 3 documents: 2 parsed ("),
        "{report}"
    );
    assert!(report.contains(", 1 failed\n"), "{report}");
}

#[test]
fn help_documents_every_option_and_bad_usage_exits_two() {
    let help = lgsco(&["--help"], &[]);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8(help.stdout).unwrap();
    for option in ["--format", "--output", "--errors", "--jobs", "--quiet"] {
        let at = help
            .find(option)
            .unwrap_or_else(|| panic!("{option} in {help}"));
        assert!(
            help[at..].contains("Example: lgsco"),
            "{option} has an example"
        );
    }
    assert_eq!(lgsco(&["--format", "xml"], &[]).status.code(), Some(2));
    assert_eq!(lgsco(&["--jobs", "0"], &[]).status.code(), Some(2));
    assert_eq!(lgsco(&["--no-such-option"], &[]).status.code(), Some(2));
}

/// Calls `check` every 10 ms until it returns `Some`, for at most 30 seconds.
#[cfg(unix)]
fn poll<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        if let Some(value) = check() {
            return Some(value);
        }
        if std::time::Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Starts `lgsco` with `outputs` (paths in `dir`) reading a standard input that is kept open, so
/// the run is certainly under way; waits until `temporaries` temporary outputs exist in `dir`;
/// sends `signal` with `kill`; and returns how the program ended and the names then in `dir`.
#[cfg(unix)]
pub(crate) fn killed_mid_run(
    dir: &Path,
    outputs: &[&str],
    temporaries: usize,
    signal: &str,
) -> (std::process::ExitStatus, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .args(outputs.iter().map(|arg| match arg.strip_prefix('-') {
            Some(_) => std::ffi::OsString::from(arg),
            None => dir.join(arg).into_os_string(),
        }))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"Summary: Mr Q complained.\n").unwrap();
    let names = || -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let temporary = || names().iter().filter(|n| n.contains(".lgsco-tmp")).count();
    if poll(|| (temporary() == temporaries).then_some(())).is_none() {
        let _ = child.kill();
        let _ = child.wait();
        panic!("no temporary outputs after 30 s: {:?}", names());
    }
    let sent = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal}");
    let Some(status) = poll(|| child.try_wait().unwrap()) else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("still running 30 s after SIG{signal}");
    };
    drop(stdin);
    (status, names())
}

/// [`killed_mid_run`] with `-o out.jsonl --errors errors.jsonl` in a folder of its own.
#[cfg(unix)]
fn killed_writing_records(signal: &str) -> (std::process::ExitStatus, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let outputs = ["-o", "out.jsonl", "--errors", "errors.jsonl"];
    killed_mid_run(dir.path(), &outputs, 2, signal)
}

#[cfg(unix)]
#[test]
fn every_catchable_ending_signal_mid_run_leaves_no_output_and_no_temporary_file() {
    let signals = [
        ("TERM", 15),
        ("INT", 2),
        ("HUP", 1),
        ("QUIT", 3),
        ("USR1", 10),
        ("USR2", 12),
        ("ALRM", 14),
    ];
    for (signal, number) in signals {
        let (status, left) = killed_writing_records(signal);
        assert_eq!(status.code(), Some(128 + number), "SIG{signal}");
        assert!(left.is_empty(), "SIG{signal} left {left:?}");
    }
}

#[cfg(unix)]
#[test]
fn sigkill_mid_run_leaves_no_output_file() {
    use std::os::unix::process::ExitStatusExt;
    let (status, left) = killed_writing_records("KILL");
    assert_eq!(status.signal(), Some(9));
    // SIGKILL cannot be caught: the temporary files stay, but the outputs never appear.
    assert!(
        left.iter().all(|n| n.contains(".lgsco-tmp")),
        "left {left:?}"
    );
}

/// Runs `lgsco` through `bash -c SCRIPT`, where `"$0"` is the program.
fn lgsco_in_shell(script: &str, dir: &Path) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_lgsco"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn outputs_that_would_clobber_each_other_or_an_input_are_bad_usage() {
    let fixture = Fixture::new();
    let dir = fixture.dir.path();
    let same = dir.join("same.jsonl");
    let same_spelled_otherwise = dir.join("in/../same.jsonl");
    let run = lgsco(
        &[
            "-o",
            same.to_str().unwrap(),
            "--errors",
            same_spelled_otherwise.to_str().unwrap(),
        ],
        &[&fixture.input()],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("--output and --errors name the same path"));
    assert!(!same.exists());
    let run = lgsco(
        &[
            "--tables",
            same.to_str().unwrap(),
            "-o",
            same_spelled_otherwise.to_str().unwrap(),
        ],
        &[&fixture.input()],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("--output and --tables name the same path"));

    let input = corpus()[0].clone();
    let copy = dir.join("k.txt");
    fs::copy(&input, &copy).unwrap();
    let run = lgsco(&["-o", copy.to_str().unwrap()], &[&copy]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("is also an input"));
    assert_eq!(fs::read(&copy).unwrap(), fs::read(&input).unwrap());
}

#[test]
fn too_many_jobs_are_capped_with_a_message() {
    let started = std::time::Instant::now();
    let run = lgsco(&["-j", "18446744073709551615"], &[&corpus()[0]]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("threads for each of"),
        "{}",
        stderr(&run)
    );
    assert_eq!(json_lines(&run.stdout).len(), 1);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for copy in 0..40 {
        let folder = dir.path().join(format!("{copy:02}"));
        fs::create_dir(&folder).unwrap();
        for path in corpus() {
            fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
        }
    }
    // `head -1` reads one record and exits; the program must not call that an error.
    let run = lgsco_in_shell(
        r#"set -o pipefail; "$0" . | head -1 > first.jsonl"#,
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        !stderr(&run).to_lowercase().contains("broken pipe"),
        "{}",
        stderr(&run)
    );
    let first = fs::read(dir.path().join("first.jsonl")).unwrap();
    assert_eq!(json_lines(&first).len(), 1);
}

#[test]
fn a_closed_standard_output_is_an_error() {
    let corpus_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = lgsco_in_shell(r#""$0" corpus >&-"#, corpus_dir.parent().unwrap());
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("cannot write standard output"));
}

#[test]
fn an_unwritable_standard_error_does_not_stop_the_run() {
    let fixture = Fixture::new();
    let dir = fixture.dir.path();
    let script = r#""$0" -o out.jsonl in 2>/dev/full"#;
    let run = lgsco_in_shell(script, dir);
    // Failed documents make the status 1, not a panic's 101; the records are all written.
    assert_eq!(run.status.code(), Some(1));
    let records = json_lines(&fs::read(dir.join("out.jsonl")).unwrap());
    assert_eq!(records.len(), fixture.expected_sources().len());
    let run = lgsco_in_shell(
        r#""$0" --help 2>/dev/full >/dev/null; "$0" --no-such-flag 2>/dev/full"#,
        dir,
    );
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn control_characters_in_names_are_escaped_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    let forged = "x\nlgsco: 1 document: 1 parsed (0 with warnings), 0 failed\n\u{1b}[2K.txt";
    fs::write(dir.path().join(forged), "Eggs\nMilk\n").unwrap();
    let run = lgsco(&[], &[dir.path()]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("x\\nlgsco: 1 document"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
    // The record keeps the name as it is.
    assert!(
        json_lines(&run.stdout)[0]["source"]
            .as_str()
            .unwrap()
            .ends_with(forged)
    );
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_neutralised_unless_raw_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(&corpus()[0]).unwrap();
    let first_line = text.lines().next().unwrap();
    let forged = text.replacen(
        first_line,
        "=HYPERLINK(\"http://x\",\"y\") Council (22 014 796)",
        1,
    );
    let path = dir.path().join("formula.txt");
    fs::write(&path, forged).unwrap();
    let organisation = |args: &[&str]| -> String {
        let run = lgsco(args, &[&path]);
        assert!(run.status.success(), "{}", stderr(&run));
        let mut rows = csv::Reader::from_reader(&run.stdout[..]);
        let row: FlatRecord = rows.deserialize().next().unwrap().unwrap();
        row.organisation.unwrap()
    };
    assert_eq!(
        organisation(&["-f", "csv"]),
        "'=HYPERLINK(\"http://x\",\"y\") Council"
    );
    assert_eq!(
        organisation(&["-f", "csv", "--csv-raw"]),
        "=HYPERLINK(\"http://x\",\"y\") Council"
    );
}

#[test]
fn an_output_name_at_the_length_limit_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.jsonl", "d".repeat(245));
    let out = dir.path().join(&name);
    let run = lgsco(&["-o", out.to_str().unwrap()], &[&corpus()[0]]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(json_lines(&fs::read(&out).unwrap()).len(), 1);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_fifo_is_never_opened_and_the_other_documents_go_through() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(&corpus()[0], dir.path().join("a.txt")).unwrap();
    let fifo = dir.path().join("x.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Opening the FIFO for reading would wait for a writer for ever.
    let mut child = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .arg(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let Some(status) = poll(|| child.try_wait().unwrap()) else {
        let _ = child.kill();
        panic!("the run waited on the FIFO");
    };
    let run = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(1));
    let records = json_lines(&run.stdout);
    assert_eq!(records.len(), 2);
    assert!(records[0]["organisation"].is_string());
    let error = records[1]["error"].as_str().unwrap();
    assert!(error.contains("FIFO"), "{error}");
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_give_distinct_sources() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    for name in [&b"bad\xff.txt"[..], b"bad\xfe.txt"] {
        fs::copy(&corpus()[0], dir.path().join(OsStr::from_bytes(name))).unwrap();
    }
    let run = lgsco(&[], &[dir.path()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let sources: Vec<String> = json_lines(&run.stdout)
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(sources.len(), 2);
    assert!(sources[0].ends_with("bad\\xFE.txt"), "{sources:?}");
    assert!(sources[1].ends_with("bad\\xFF.txt"), "{sources:?}");
}

#[cfg(unix)]
#[test]
fn each_file_is_read_once_however_many_paths_lead_to_it() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // a/ holds two links to b/, b/ two links to c/, and c/ the statement: six paths to one file.
    for name in ["a", "b", "c"] {
        fs::create_dir(root.join(name)).unwrap();
    }
    fs::copy(&corpus()[0], root.join("c/k.txt")).unwrap();
    for (from, to) in [("a/1", "b"), ("a/2", "b"), ("b/1", "c"), ("b/2", "c")] {
        symlink(root.join(to), root.join(from)).unwrap();
    }
    let run = lgsco(&[], &[&root.join("a"), root, &root.join("c/k.txt")]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(json_lines(&run.stdout).len(), 1, "{}", stderr(&run));
}

#[test]
fn a_directory_with_no_documents_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.md"), "# Notes").unwrap();
    let run = lgsco(&[], &[dir.path()]);
    assert_eq!(run.status.code(), Some(1));
    let records = json_lines(&run.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"], dir.path().to_str().unwrap());
    let error = records[0]["error"].as_str().unwrap();
    assert!(error.contains("no *.txt"), "{error}");
}

#[cfg(feature = "html")]
#[test]
fn web_pages_in_folders_are_read_and_text_prints_what_spans_refer_to() {
    let dir = tempfile::tempdir().unwrap();
    let statement = fs::read_to_string(&corpus()[0]).unwrap();
    let paragraphs: String = statement
        .lines()
        .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let page = format!(
        "<!DOCTYPE html><html><body><nav><a href=/>Home</a></nav>{paragraphs}</body></html>"
    );
    fs::write(dir.path().join("page.HTM"), &page).unwrap();
    let run = lgsco(&[], &[dir.path()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let records = json_lines(&run.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["layout"], "html");
    let text_run = lgsco(&["--text"], &[&dir.path().join("page.HTM")]);
    assert!(text_run.status.success(), "{}", stderr(&text_run));
    let text = String::from_utf8(text_run.stdout).unwrap();
    assert!(!text.contains("Home"));
    let span = &records[0]["spans"]["organisation"];
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(Some(&text[start..end]), records[0]["organisation"].as_str());
}

#[test]
fn utf16_and_legacy_copies_are_read_and_a_bad_byte_gives_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(&corpus()[0]).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    let (legacy, _, unmappable) = lgsco::Encoding::for_label(b"windows-1252")
        .unwrap()
        .encode(&text);
    assert!(!unmappable);
    fs::write(dir.path().join("windows-1252.txt"), &legacy).unwrap();
    let expected = lgsco::parse(&text).unwrap().organisation;

    let run = lgsco(&[], &[dir.path()]);
    assert_eq!(run.status.code(), Some(1));
    let records = json_lines(&run.stdout);
    assert_eq!(records[0]["organisation"].as_str(), expected.as_deref());
    let error = records[1]["error"].as_str().unwrap();
    assert!(error.contains("--encoding windows-1252"), "{error}");

    let run = lgsco(&["--encoding", "windows-1252"], &[dir.path()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let records = json_lines(&run.stdout);
    assert!(
        records
            .iter()
            .all(|r| r["organisation"].as_str() == expected.as_deref())
    );
    assert_eq!(
        lgsco(&["--encoding", "klingon"], &[]).status.code(),
        Some(2)
    );
}

#[cfg(unix)]
#[test]
fn only_a_regular_file_or_a_new_path_is_replaced_and_it_keeps_its_permissions() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let statement = corpus()[0].clone();
    fs::write(root.join("kept.jsonl"), "old").unwrap();
    symlink(root.join("kept.jsonl"), root.join("link.jsonl")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(root.join("fifo.jsonl"))
            .status()
            .unwrap()
            .success()
    );
    fs::create_dir(root.join("folder.jsonl")).unwrap();
    for (target, what) in [
        ("link.jsonl", "symbolic link"),
        ("fifo.jsonl", "not a regular file"),
        ("folder.jsonl", "directory"),
    ] {
        let run = lgsco(&["-o", root.join(target).to_str().unwrap()], &[&statement]);
        assert_eq!(run.status.code(), Some(1), "{target}");
        assert!(stderr(&run).contains(what), "{target}: {}", stderr(&run));
    }
    // A device is never replaced (`/dev/stdout` means standard output, see
    // `a_dash_or_dev_stdout_as_the_output_is_standard_output`).
    let run = lgsco(&["-o", "/dev/null"], &[&statement]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert_eq!(fs::read_to_string(root.join("kept.jsonl")).unwrap(), "old");
    assert!(
        fs::symlink_metadata(root.join("link.jsonl"))
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let private = root.join("private.jsonl");
    fs::write(&private, "old").unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
    let run = lgsco(&["-o", private.to_str().unwrap()], &[&statement]);
    assert!(run.status.success(), "{}", stderr(&run));
    let mode = fs::metadata(&private).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(json_lines(&fs::read(&private).unwrap()).len(), 1);
}

#[cfg(unix)]
#[test]
fn outputs_are_put_in_place_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    for i in 0..63 {
        fs::write(inputs.join(format!("bad-{i:02}.txt")), "").unwrap();
    }
    fs::write(dir.path().join("out.csv"), "old").unwrap();
    // Files may grow to 4 KiB: the 63 CSV rows (about 3.9 KB) fit, the 63 error lines (about
    // 4.2 KB) do not, and both stay in their buffers until the end of the run, where writing the
    // errors fails (SIGXFSZ is ignored, so the write returns the error).
    let script = r#"trap '' XFSZ; ulimit -f 4; "$0" -q -f csv -o out.csv --errors errors.jsonl in"#;
    let run = lgsco_in_shell(script, dir.path());
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("cannot write"), "{}", stderr(&run));
    assert_eq!(
        fs::read_to_string(dir.path().join("out.csv")).unwrap(),
        "old"
    );
    assert!(!dir.path().join("errors.jsonl").exists());
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("lgsco-tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_file_of_several_statements_gives_one_record_each_with_spans_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let texts: Vec<String> = corpus()
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let all = texts.join("\n");
    let path = dir.path().join("all.txt");
    fs::write(&path, &all).unwrap();
    let run = lgsco(&[], &[&path]);
    assert!(run.status.success(), "{}", stderr(&run));
    let records = json_lines(&run.stdout);
    assert_eq!(records.len(), texts.len());
    for (i, (record, text)) in records.iter().zip(&texts).enumerate() {
        let source = record["source"].as_str().unwrap();
        assert!(source.ends_with(&format!("all.txt#{}", i + 1)), "{source}");
        let expected = lgsco::parse(text).unwrap();
        assert_eq!(
            record["organisation"].as_str(),
            expected.organisation.as_deref()
        );
        let span: [usize; 2] =
            serde_json::from_value(record["spans"]["organisation"].clone()).unwrap();
        assert_eq!(
            Some(&all[span[0]..span[1]]),
            expected.organisation.as_deref()
        );
    }
    // The same through standard input.
    let run = lgsco_reading(all.as_bytes());
    let sources: Vec<String> = json_lines(&run.stdout)
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        sources,
        (1..=texts.len())
            .map(|i| format!("-#{i}"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn no_body_leaves_paragraphs_out_and_keeps_every_extracted_value() {
    let full = json_lines(
        &lgsco(
            &[],
            &corpus().iter().map(PathBuf::as_path).collect::<Vec<_>>(),
        )
        .stdout,
    );
    let run = lgsco(
        &["--no-body"],
        &corpus().iter().map(PathBuf::as_path).collect::<Vec<_>>(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let lean = json_lines(&run.stdout);
    assert_eq!(lean.len(), full.len());
    for (full, lean) in full.iter().zip(&lean) {
        for key in [
            "organisation",
            "reference",
            "agreed_actions",
            "summary_remedy",
            "findings",
            "dates",
            "legislation",
            "fault_found",
            "spans",
            "warnings",
        ] {
            assert_eq!(full[key], lean[key], "{key}");
        }
        let headings = |r: &Value| -> Vec<Value> {
            r["sections"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| serde_json::json!([s["heading"], s["level"], s["span"]]))
                .collect()
        };
        assert_eq!(headings(full), headings(lean));
        assert!(
            lean["sections"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["paragraphs"] == serde_json::json!([]))
        );
        assert_eq!(lean["preamble"], serde_json::json!([]));
    }
}

#[test]
fn an_output_among_the_walked_inputs_is_refused_and_the_input_kept() {
    let fixture = Fixture::new();
    let dir = fixture.dir.path();
    let input = fixture.input();
    let statement = input.join(corpus()[0].file_name().unwrap());
    let before = fs::read(&statement).unwrap();
    // An input the walk finds, named as --output, --errors or --tables, by another spelling too.
    let spelled_otherwise = dir
        .join("in/nested/../")
        .join(statement.file_name().unwrap());
    for flag in ["-o", "--errors", "--tables"] {
        for target in [&statement, &spelled_otherwise] {
            let run = lgsco(&[flag, target.to_str().unwrap()], &[&input]);
            assert_eq!(run.status.code(), Some(2), "{flag}: {}", stderr(&run));
            assert!(
                stderr(&run).contains("is also an input"),
                "{}",
                stderr(&run)
            );
            assert_eq!(fs::read(&statement).unwrap(), before);
        }
    }
    // A folder that is walked is no place for the tables.
    let run = lgsco(
        &["--tables", input.join("nested").to_str().unwrap()],
        &[&input],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    // A new file that a walk of the folder would take next time.
    let new = input.join("nested/records.txt");
    let run = lgsco(&["-o", new.to_str().unwrap()], &[&input]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("would be among the inputs"));
    assert!(!new.exists());
    // One it would not take is written.
    let new = input.join("nested/records.jsonl");
    let run = lgsco(&["-q", "-o", new.to_str().unwrap()], &[&input]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(new.exists());
}

#[test]
fn dev_null_opened_for_reading_and_writing_is_an_open_standard_output() {
    let corpus_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = lgsco_in_shell(
        r#""$0" -q corpus 1<>/dev/null"#,
        corpus_dir.parent().unwrap(),
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let devnull = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .arg("-q")
        .arg(&corpus_dir)
        .stdin(Stdio::null())
        .stdout(devnull)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
}

#[test]
fn hidden_files_in_folders_are_skipped_and_counted_but_read_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join(".git")).unwrap();
    fs::write(root.join(".git/HEAD.txt"), "ref").unwrap();
    fs::copy(&corpus()[0], root.join("a.txt")).unwrap();
    // What macOS leaves beside a copied file: its resource fork, not text.
    fs::write(
        root.join("._a.txt"),
        b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
    )
    .unwrap();
    let run = lgsco(&[], &[root]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(json_lines(&run.stdout).len(), 1);
    assert!(
        stderr(&run).contains("2 hidden files or folders"),
        "{}",
        stderr(&run)
    );
    let named = root.join("._a.txt");
    let run = lgsco(&["-q"], &[&named]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(json_lines(&run.stdout).len(), 1);
    // A folder of nothing but hidden files says so.
    let hidden_only = root.join("mac");
    fs::create_dir(&hidden_only).unwrap();
    fs::write(hidden_only.join("._b.txt"), "x").unwrap();
    let run = lgsco(&["-q"], &[&hidden_only]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("hidden"), "{}", stderr(&run));
}

#[test]
fn a_dash_or_dev_stdout_as_the_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let statement = &corpus()[0];
    for target in ["-", "/dev/stdout"] {
        let run = Command::new(env!("CARGO_BIN_EXE_lgsco"))
            .args(["-q", "-o", target])
            .arg(statement)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{target}: {}", stderr(&run));
        assert_eq!(json_lines(&run.stdout).len(), 1);
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_deep_folder_is_walked_in_time() {
    // Canonicalising every folder on the way made the walk cubic in the depth: 1,000 levels
    // took about 23 s; tracking folders by device and inode takes a fraction of a second.
    let dir = tempfile::tempdir().unwrap();
    let mut deepest = dir.path().to_path_buf();
    for _ in 0..1000 {
        deepest.push("d");
    }
    fs::create_dir_all(&deepest).unwrap();
    fs::copy(&corpus()[0], deepest.join("a.txt")).unwrap();
    let started = std::time::Instant::now();
    let run = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .arg("-q")
        .arg(".")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(json_lines(&run.stdout).len(), 1);
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
}

#[cfg(unix)]
#[test]
fn targets_that_cannot_be_replaced_are_refused_before_any_work() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let statement = corpus()[0].clone();
    fs::write(root.join("kept.jsonl"), "old").unwrap();
    let read_only = root.join("read-only.jsonl");
    fs::write(&read_only, "old").unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    let cases = [
        (vec!["-o", "read-only.jsonl"], "read-only"),
        (vec!["-o", "result.jsonl/"], "ends with `/`"),
        (
            vec!["-o", "kept.jsonl", "--errors", "errors.jsonl/"],
            "ends with `/`",
        ),
        (
            vec!["-o", "kept.jsonl", "--errors", "read-only.jsonl"],
            "read-only",
        ),
    ];
    for (args, why) in cases {
        let run = Command::new(env!("CARGO_BIN_EXE_lgsco"))
            .args(&args)
            .arg(&statement)
            .current_dir(root)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1), "{args:?}: {}", stderr(&run));
        assert!(stderr(&run).contains(why), "{args:?}: {}", stderr(&run));
        // Refused before any document was read: no report line.
        assert!(!stderr(&run).contains("document"), "{}", stderr(&run));
        assert_eq!(fs::read_to_string(root.join("kept.jsonl")).unwrap(), "old");
        assert_eq!(fs::read_to_string(&read_only).unwrap(), "old");
        let mut names: Vec<_> = fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["kept.jsonl", "read-only.jsonl"], "{args:?}");
    }
}

#[test]
fn a_reader_that_goes_away_early_still_gets_every_named_file_written() {
    let dir = tempfile::tempdir().unwrap();
    for copy in 0..40 {
        let folder = dir.path().join(format!("in/{copy:02}"));
        fs::create_dir_all(&folder).unwrap();
        for path in corpus() {
            fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
        }
        fs::write(folder.join("empty.txt"), "").unwrap();
    }
    fs::write(dir.path().join("errors.jsonl"), "stale\n").unwrap();
    let run = lgsco_in_shell(
        r#""$0" -q --errors errors.jsonl --tables tables in | head -c 10 > /dev/null"#,
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let errors = fs::read(dir.path().join("errors.jsonl")).unwrap();
    assert_eq!(json_lines(&errors).len(), 40);
    let decisions = fs::read_to_string(dir.path().join("tables/decisions.csv")).unwrap();
    assert_eq!(decisions.lines().count(), 1 + 40 * (corpus().len() + 1));
}

#[cfg(feature = "html")]
#[test]
fn hostile_web_pages_are_quick_error_records_and_the_batch_goes_on() {
    // Before the pages were bounded, 50,000 unclosed `div`s took about 10 s and 50,000 nested
    // `ol li` levels about 111 s in the tree builder, holding up every file after them.
    let dir = tempfile::tempdir().unwrap();
    let head = "<html><body><h1>Org (22 014 796)</h1><p>Summary: Mr Q complained.</p>";
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=1")).collect();
    let pages = [
        ("a-divs.html", format!("{head}{}", "<div>x".repeat(50_000))),
        (
            "b-lists.html",
            format!("{head}{}", "<ol><li>x".repeat(50_000)),
        ),
        (
            "c-sections.html",
            format!("{head}{}", "<section><p>x".repeat(50_000)),
        ),
        (
            "d-attributes.html",
            format!("{head}<div{attributes}>x</div>"),
        ),
    ];
    for (name, page) in &pages {
        fs::write(dir.path().join(name), page).unwrap();
    }
    fs::copy(&corpus()[0], dir.path().join("e-statement.txt")).unwrap();
    let started = std::time::Instant::now();
    let run = lgsco(&["-q"], &[dir.path()]);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let records = json_lines(&run.stdout);
    assert_eq!(records.len(), 5);
    for record in &records[..4] {
        let error = record["error"].as_str().unwrap();
        assert!(
            error.starts_with("web page not read: more than 1000"),
            "{error}"
        );
    }
    assert!(records[4].get("error").is_none());
}

#[test]
fn a_document_past_the_size_bound_is_a_quick_error_record() {
    // The size bound bounds a document's memory: a 60 MB page of list items peaked at 3.1 GB
    // before; past 8 MiB a document is refused unread.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("items.html");
    let head = "<html><body><h1>Org (22 014 796)</h1><p>Summary: Mr Q complained.</p><ul>";
    fs::write(&page, format!("{head}{}", "<li>x".repeat((9 << 20) / 5))).unwrap();
    fs::copy(&corpus()[0], dir.path().join("z.txt")).unwrap();
    let run = lgsco(&["-q"], &[dir.path()]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let records = json_lines(&run.stdout);
    assert_eq!(records.len(), 2);
    let error = records[0]["error"].as_str().unwrap();
    assert!(error.starts_with("larger than 8 MiB"), "{error}");
    assert!(records[1].get("error").is_none());
}

#[test]
fn a_mostly_utf8_file_keeps_its_utf8_and_windows_1252_mojibake_is_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let statement = fs::read_to_string(&corpus()[0]).unwrap();
    assert!(statement.contains('\u{2019}'));
    // One stray Windows-1252 byte (a pound sign) in a UTF-8 statement.
    let mut bytes = statement.clone().into_bytes();
    bytes.extend_from_slice(b"\nIt paid \xa3300.\n");
    let stray = dir.path().join("stray.txt");
    fs::write(&stray, &bytes).unwrap();
    let run = lgsco(&["--text", "--encoding", "windows-1252"], &[&stray]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(text.contains('\u{2019}'), "every \u{2019} kept");
    assert!(
        !text.contains("\u{e2}\u{20ac}\u{2122}"),
        "no \u{e2}\u{20ac}\u{2122}"
    );
    assert!(text.ends_with("It paid \u{a3}300.\n"));
    // The statement as a Windows tool hands over UTF-8 read as Windows-1252.
    let (misread, _, _) = encoding_rs::WINDOWS_1252.decode(statement.as_bytes());
    let misdecoded = dir.path().join("misdecoded.txt");
    fs::write(&misdecoded, misread.as_bytes()).unwrap();
    let run = lgsco(&["-q"], &[&misdecoded, &corpus()[0]]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let records = json_lines(&run.stdout);
    let warnings: Vec<&str> = records[0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert!(warnings.contains(&"misdecoded"), "{warnings:?}");
    assert_eq!(records[0]["summary"], records[1]["summary"]);
    assert_eq!(records[0]["organisation"], records[1]["organisation"]);
}

#[test]
fn small_input_and_output_cases_are_read_as_meant() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Standard input named twice is one document.
    let mut child = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .args(["-q", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&fs::read(&corpus()[0]).unwrap())
        .unwrap();
    let run = child.wait_with_output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(json_lines(&run.stdout).len(), 1);
    // An output inside the tables folder is refused by name, before any work.
    let run = lgsco(
        &["-o", root.join("t/out.jsonl").to_str().unwrap(), "--tables"],
        &[&root.join("t"), &corpus()[0]],
    );
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("inside the --tables folder"),
        "{}",
        stderr(&run)
    );
    assert!(!stderr(&run).contains("lgsco-tmp"), "{}", stderr(&run));
    // What bytes that are not UTF-8 may be.
    fs::write(root.join("page.html.gz"), b"\x1f\x8b\x08\x00\xff\xfe\x00").unwrap();
    let utf16: Vec<u8> = "Summary: caf\u{e9} \u{2019}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(root.join("utf16.txt"), &utf16).unwrap();
    let run = lgsco(
        &["-q"],
        &[&root.join("page.html.gz"), &root.join("utf16.txt")],
    );
    let records = json_lines(&run.stdout);
    let errors: Vec<&str> = records
        .iter()
        .map(|r| r["error"].as_str().unwrap())
        .collect();
    assert!(errors[0].contains("gzip"), "{errors:?}");
    assert!(
        errors[1].contains("UTF-16 without a byte-order mark"),
        "{errors:?}"
    );
    // A page that declares its encoding is read in it.
    let page = b"<html><head><meta charset=\"windows-1252\"></head><body>\
        <h1>Org (22 014 796)</h1><p>Summary: Mr Q\x92s complaint, \xa3300.</p></body></html>";
    fs::write(root.join("legacy.html"), page).unwrap();
    let run = lgsco(&["-q"], &[&root.join("legacy.html")]);
    let records = json_lines(&run.stdout);
    assert_eq!(
        records[0]["summary"].as_str(),
        Some("Mr Q\u{2019}s complaint, \u{a3}300."),
        "{records:?}"
    );
}

#[test]
fn spans_moved_past_the_end_of_memory_stop_there_instead_of_running_backwards() {
    let mut decision = lgsco::parse(&fs::read_to_string(&corpus()[0]).unwrap()).unwrap();
    // Far enough that the section's end passes `usize::MAX` and its start does not.
    let before = decision.sections[0].span;
    decision.offset_spans(usize::MAX - before.end + 1);
    let span = decision.sections[0].span;
    assert!(span.start <= span.end, "{span:?}");
    assert_eq!(span.end, usize::MAX);
}
