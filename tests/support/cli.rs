//! Running the `journeymap` binary from a test: arguments, optional
//! standard input, and its output as text. Shared by tests/cli.rs and
//! tests/mermaid.rs.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `journeymap ARGS` in the repository root, with `stdin` piped in
/// when given.
pub fn journeymap(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the journeymap binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        // A command that fails before it reads (a usage error, a bad font
        // file) may exit while the input is being written: a broken pipe is
        // its answer, not the test's failure.
        if let Err(error) = pipe.write_all(input.as_bytes()) {
            assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "write stdin");
        }
    }
    child.wait_with_output().expect("journeymap finishes")
}

/// Output bytes as text (the CLI writes UTF-8).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}
