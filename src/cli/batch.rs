//! Reading and parsing documents in parallel, handing the results on in input order.
//!
//! Inputs go through in chunks: while one chunk is parsed on every thread of the current rayon
//! pool, the results of the chunk before it are handed on, in order. So at most two chunks of
//! documents are in memory however many inputs there are, and the order never depends on the
//! number of threads.

use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

use lgsco::{Decision, Encoding, ErrorKind, InputKind, Parser};
use rayon::prelude::*;

use super::walk::Input;

/// Documents larger than this are refused unread (statements are tens of kilobytes). It bounds
/// the memory one document takes: parsing the costliest shapes of text (a million numbered
/// paragraphs and items) peaks at about 35 times their size, so about 300 MB here; a web page
/// takes less, its elements being bounded too (see `lgsco::ErrorKind::PageTooComplex`).
pub const MAX_BYTES: u64 = 8 << 20;

/// The most documents parsed together.
const CHUNK: usize = 256;

/// The most bytes of documents parsed together (unless one document alone is larger): with the
/// chunk before it, whose records wait to be written, this bounds the memory a run needs by
/// bytes, whatever the documents' sizes.
const CHUNK_BYTES: u64 = 16 << 20;

/// One input's result.
pub struct Converted {
    /// The input's name, for the record's `source` key.
    pub source: String,
    /// The parsed decision, or why there is none.
    pub result: Result<Decision, String>,
}

/// Reads one input as text, decoding bytes that are not UTF-8 with `legacy` when given.
pub fn read_text(input: &Input, legacy: Option<&'static Encoding>) -> Result<String, String> {
    let bytes = match input {
        Input::Stdin => read_limited(io::stdin().lock(), 0),
        Input::File(path) => regular_file(path)
            .and_then(|()| open_without_waiting(path))
            .and_then(|(file, length)| {
                // Sized from the file's length, the buffer is read into without regrowing.
                read_limited(file, length.min(MAX_BYTES) as usize + 1)
            }),
        Input::Failed { error, .. } => Err(error.clone()),
    }?;
    // Valid UTF-8 (which no UTF-16 byte-order mark is) becomes the text without a copy, checked
    // once; anything else is decoded as `lgsco::decode` says.
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(not_utf8) => not_utf8.into_bytes(),
    };
    decoded(&bytes, legacy)
}

/// The text of `bytes`, which are not UTF-8: decoded as `lgsco::decode` says, in `legacy` when
/// given, else in the encoding a web page declares (`<meta charset=windows-1252>`); an error
/// with a hint at what the bytes may be when they cannot be read.
fn decoded(bytes: &[u8], legacy: Option<&'static Encoding>) -> Result<String, String> {
    match lgsco::decode(bytes, legacy.or_else(|| declared_encoding(bytes))) {
        Ok(text) => Ok(text.into_owned()),
        Err(e) if e.kind() == ErrorKind::InvalidUtf8 => Err(format!("{e} ({})", hint(bytes))),
        Err(e) => Err(e.to_string()),
    }
}

/// What bytes that are not UTF-8 may be, and what to do.
fn hint(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(&[0x1f, 0x8b]) {
        "a gzip-compressed file? decompress it first, e.g. with gunzip"
    } else if head.iter().filter(|&&b| b == 0).count() * 4 > head.len() {
        "UTF-16 without a byte-order mark? convert it to UTF-8, e.g. with iconv -f UTF-16LE -t UTF-8"
    } else {
        "a Windows-1252 copy? read it with --encoding windows-1252"
    }
}

/// The encoding a web page declares in its first 1024 bytes (`<meta charset="windows-1252">`,
/// or `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`), as a
/// browser reads it; none for UTF-8 or UTF-16, which the bytes are not.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let meta = memchr::memmem::find(&head, b"<meta")?;
    let at = meta + memchr::memmem::find(&head[meta..], b"charset=")? + b"charset=".len();
    let label: Vec<u8> = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    Encoding::for_label(&label).filter(|e| !matches!(e.name(), "UTF-8" | "UTF-16LE" | "UTF-16BE"))
}

/// Whether `input` is a file named as a web page (`.html`, `.htm`): it is read as one whatever
/// it opens with.
#[cfg(feature = "html")]
fn is_web_page(input: &Input) -> bool {
    matches!(input, Input::File(path) if super::walk::has_extension(path, &["html", "htm"]))
}

/// The text lgsco reads from `input`, which the spans of its record refer to (`--text`).
pub fn derived_text(input: &Input, legacy: Option<&'static Encoding>) -> Result<String, String> {
    let text = read_text(input, legacy)?;
    #[cfg(feature = "html")]
    if is_web_page(input) {
        return Ok(lgsco::html_to_text(&text));
    }
    Ok(lgsco::derived_text(&text).into_owned())
}

/// Reads and parses one input, decoding bytes that are not UTF-8 with `legacy` when given: one
/// result, or one per statement when a text input holds several (`all.txt#1`, `all.txt#2`, …
/// with spans into the whole input), as [`lgsco::Parser`] reads it. Never panics on its content.
pub fn convert(input: &Input, legacy: Option<&'static Encoding>) -> Vec<Converted> {
    let source = input.source();
    let text = match read_text(input, legacy) {
        Ok(text) => text,
        Err(error) => {
            return vec![Converted {
                source,
                result: Err(error),
            }];
        }
    };
    #[cfg(feature = "html")]
    let kind = if is_web_page(input) {
        InputKind::Html
    } else {
        InputKind::Auto
    };
    #[cfg(not(feature = "html"))]
    let kind = InputKind::Auto;
    let decisions = Parser::new().kind(kind).parse_str(&text).decisions;
    let several = decisions.len() > 1;
    decisions
        .into_iter()
        .enumerate()
        .map(|(i, result)| Converted {
            source: if several {
                format!("{source}#{}", i + 1)
            } else {
                source.clone()
            },
            result: result.map_err(|e| e.to_string()),
        })
        .collect()
}

/// Opens the regular file `path` and says its length. It is opened without waiting
/// (`O_NONBLOCK`, which changes nothing for a regular file) and looked at again once open, so a
/// FIFO or device put in its place since [`regular_file`] looked is refused rather than waited
/// on for ever.
fn open_without_waiting(path: &Path) -> Result<(File, u64), String> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| format!("cannot read file: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read file: {e}"))?;
    regular(meta.file_type())?;
    Ok((file, meta.len()))
}

/// Whether `path` (its target, for a link) is a regular file, told from its metadata without
/// opening it: opening a FIFO, a terminal or a device could wait for ever, or read without end.
fn regular_file(path: &Path) -> Result<(), String> {
    let kind = fs::metadata(path)
        .map_err(|e| format!("cannot read file: {e}"))?
        .file_type();
    regular(kind)
}

/// Whether a file of `kind` is a regular file, or else what it is.
fn regular(kind: fs::FileType) -> Result<(), String> {
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    };
    Err(format!("not read: {what}, not a regular file"))
}

fn read_limited(reader: impl Read, capacity: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read file: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "larger than {} MiB: not read as a decision statement",
            MAX_BYTES >> 20
        ));
    }
    Ok(bytes)
}

/// Converts every input on the current rayon pool, `prepare`s each result on the same thread
/// (e.g. renders its record), and calls `sink` with each prepared result, in input order. Stops
/// at the first error `sink` returns.
pub fn convert_in_order<T, E, P, F>(
    inputs: &[Input],
    legacy: Option<&'static Encoding>,
    prepare: P,
    mut sink: F,
) -> Result<(), E>
where
    T: Send,
    E: Send,
    P: Fn(Converted) -> T + Sync,
    F: FnMut(T) -> Result<(), E> + Send,
{
    let mut chunks = chunks(inputs);
    let mut ready: Vec<T> = Vec::new();
    loop {
        let next = chunks.next();
        let (handed_on, converted) = rayon::join(
            || ready.drain(..).try_for_each(&mut sink),
            || {
                next.map(|chunk| {
                    chunk
                        .par_iter()
                        .flat_map_iter(|input| convert(input, legacy).into_iter().map(&prepare))
                        .collect::<Vec<_>>()
                })
            },
        );
        handed_on?;
        match converted {
            Some(converted) => ready = converted,
            None => return Ok(()),
        }
    }
}

/// `inputs` in chunks of at most [`CHUNK`] documents and [`CHUNK_BYTES`] bytes (by the files'
/// sizes; a chunk holds at least one document).
fn chunks(inputs: &[Input]) -> impl Iterator<Item = &[Input]> {
    let mut rest = inputs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0u64;
        let end = rest
            .iter()
            .take(CHUNK)
            .position(|input| {
                bytes = bytes.saturating_add(size(input));
                bytes > CHUNK_BYTES
            })
            .map_or(rest.len().min(CHUNK), |over| over.max(1));
        let (chunk, after) = rest.split_at(end);
        rest = after;
        Some(chunk)
    })
}

/// How many bytes reading `input` will hold: a file's size, as far as it is read.
fn size(input: &Input) -> u64 {
    match input {
        Input::File(path) => fs::metadata(path).map_or(0, |m| m.len().min(MAX_BYTES)),
        Input::Stdin | Input::Failed { .. } => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let inputs: Vec<Input> = (0..CHUNK * 2 + 7)
            .map(|i| Input::Failed {
                source: i.to_string(),
                error: "x".into(),
            })
            .collect();
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut sources = Vec::new();
            pool.install(|| {
                convert_in_order(
                    &inputs,
                    None,
                    |c| c,
                    |c| {
                        sources.push(c.source);
                        Ok::<(), ()>(())
                    },
                )
            })
            .unwrap();
            let expected: Vec<String> = (0..inputs.len()).map(|i| i.to_string()).collect();
            assert_eq!(sources, expected);
        }
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let inputs = vec![Input::Stdin; 0];
        assert_eq!(
            convert_in_order(&inputs, None, |c| c, |_| Err::<(), _>("no")),
            Ok(())
        );
        let inputs: Vec<Input> = (0..CHUNK * 3)
            .map(|i| Input::Failed {
                source: i.to_string(),
                error: "x".into(),
            })
            .collect();
        let mut seen = 0;
        let result = convert_in_order(
            &inputs,
            None,
            |c| c,
            |_| {
                seen += 1;
                if seen == 3 { Err("full") } else { Ok(()) }
            },
        );
        assert_eq!(result, Err("full"));
        assert_eq!(seen, 3);
    }

    #[test]
    fn chunks_are_bounded_by_count_and_by_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, bytes: u64| {
            let path = dir.path().join(name);
            fs::File::create(&path).unwrap().set_len(bytes).unwrap();
            Input::File(path)
        };
        let big: Vec<Input> = (0..3).map(|i| file(&format!("big{i}"), 10 << 20)).collect();
        let lengths: Vec<usize> = chunks(&big).map(<[Input]>::len).collect();
        // Each counted as far as it is read: two of them fill a chunk.
        assert_eq!(lengths, [2, 1]);
        // A file past the size bound counts as the bytes read of it before it is refused.
        let huge = vec![file("huge", 100 << 20), file("small", 10)];
        let lengths: Vec<usize> = chunks(&huge).map(<[Input]>::len).collect();
        assert_eq!(lengths, [2]);
        let small: Vec<Input> = (0..CHUNK + 44).map(|_| Input::Stdin).collect();
        let lengths: Vec<usize> = chunks(&small).map(<[Input]>::len).collect();
        assert_eq!(lengths, [CHUNK, 44]);
        assert_eq!(chunks(&[]).count(), 0);
    }

    #[test]
    fn a_fifo_put_in_a_file_s_place_is_refused_without_waiting() {
        // As if a FIFO replaced the file after it was looked at: opening it for reading the
        // ordinary way would wait for a writer for ever.
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("swapped.txt");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: `mkfifo` only reads the NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = open_without_waiting(&fifo).unwrap_err();
        assert!(error.contains("a FIFO (named pipe)"), "{error}");
    }

    #[test]
    fn oversized_and_unreadable_inputs_fail_alone() {
        let big = io::repeat(b'a').take(MAX_BYTES + 10);
        assert!(
            read_limited(big, 0)
                .unwrap_err()
                .starts_with("larger than 8 MiB")
        );
        let missing = convert(&Input::File("/no/such/file.txt".into()), None);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].source, "/no/such/file.txt");
        assert!(
            missing[0]
                .result
                .as_ref()
                .unwrap_err()
                .starts_with("cannot read file:")
        );
    }
}
