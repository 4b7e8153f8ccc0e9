//! The `payroc-mock` program's life: it serves whatever its standard input is, exits
//! at the end of stdin only with `--exit-with-parent`, and exits with status 0 on
//! SIGTERM and SIGINT.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// The program, killed when dropped (also when an assertion fails first).
struct Program {
    child: Child,
    base: String,
    /// Kept open so the program never writes to a closed pipe.
    _stdout: BufReader<ChildStdout>,
}

impl Program {
    /// Starts `payroc-mock --port 0 ARGS` with `stdin` and reads the URL it prints.
    fn start(args: &[&str], stdin: Stdio) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_payroc-mock"))
            .args(["--port", "0"])
            .args(args)
            .stdin(stdin)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("the URL line");
        let base = line.trim_end().to_owned();
        assert!(base.starts_with("http://127.0.0.1:"), "first line {line:?}");
        Self {
            child,
            base,
            _stdout: stdout,
        }
    }

    /// The status of `POST /authorize` with a key: 200 while it serves.
    fn authorize_status(&self) -> u16 {
        let addr = self.base.strip_prefix("http://").unwrap();
        let mut stream = std::net::TcpStream::connect(addr).expect("it accepts connections");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "POST /authorize HTTP/1.1\r\nHost: {addr}\r\nx-api-key: k\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap();
        reply
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP reply: {reply:?}"))
    }

    /// Its exit code, if it exits within `limit`.
    fn exit_code_within(&mut self, limit: Duration) -> Option<Option<i32>> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status.code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Sends `signal` (`TERM`, `INT`) with kill(1).
    #[cfg(unix)]
    fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .expect("kill(1) runs");
        assert!(sent.success());
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn it_keeps_serving_when_stdin_is_at_its_end() {
    let mut program = Program::start(&[], Stdio::null());
    assert_eq!(program.authorize_status(), 200);
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(
        program.exit_code_within(Duration::ZERO),
        None,
        "still running a second after reading EOF would have stopped it"
    );
    assert_eq!(program.authorize_status(), 200);
}

#[test]
fn with_exit_with_parent_it_exits_when_stdin_reaches_its_end() {
    // The parent's end of a pipe, closed: what a parent that dies leaves behind.
    let mut program = Program::start(&["--exit-with-parent"], Stdio::piped());
    assert_eq!(
        program.authorize_status(),
        200,
        "it serves while stdin is open"
    );
    drop(program.child.stdin.take());
    assert_eq!(
        program.exit_code_within(Duration::from_secs(10)),
        Some(Some(0))
    );

    // Stdin already at its end (`</dev/null`, a closed descriptor): it exits at once.
    let mut program = Program::start(&["--exit-with-parent"], Stdio::null());
    assert_eq!(
        program.exit_code_within(Duration::from_secs(10)),
        Some(Some(0))
    );
}

#[cfg(unix)]
#[test]
fn sigterm_and_sigint_end_it_with_status_0() {
    for signal in ["TERM", "INT"] {
        // Stdin held open, and the parent link on too: only the signal can end it.
        let mut program = Program::start(&["--exit-with-parent"], Stdio::piped());
        assert_eq!(program.authorize_status(), 200);
        program.signal(signal);
        assert_eq!(
            program.exit_code_within(Duration::from_secs(10)),
            Some(Some(0)),
            "SIG{signal}"
        );
    }
    let mut program = Program::start(&[], Stdio::null());
    program.signal("TERM");
    assert_eq!(
        program.exit_code_within(Duration::from_secs(10)),
        Some(Some(0)),
        "SIGTERM without --exit-with-parent"
    );
}
