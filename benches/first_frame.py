#!/usr/bin/env python3
"""Start to first frame of the real `baocao` binary in a real pseudo-terminal.

The criterion benchmark `start_to_first_frame` (benches/wizard.rs) times the work in-process
with a test backend; this script adds what it leaves out: process start, terminal set-up (raw
mode, alternate screen, bracketed paste) and writing the frame's escape sequences to a pty.

For each run it copies the answers file into a fresh temporary directory (the original is never
touched), spawns `baocao run --answers <copy>` on a 140x40 pty, and records

  * title    -- time from spawn until the title bar's text (" baocao · ") has been written;
  * complete -- time until the key bar, the last row of the first frame, has been written;

then sends Ctrl+Q and waits for the program to exit. It prints min / median / max over the runs.
The goal for the first frame is 30 ms.

How to run (from the repository root; Linux or macOS, Python 3 standard library only):

    cargo build --release
    python3 benches/first_frame.py                       # Ba Dinh answers, 20 runs
    python3 benches/first_frame.py --runs 50

    # With about 1 MB of answers (written by the wizard benchmark):
    BAOCAO_BENCH_WRITE=/tmp/baocao-bench cargo bench --bench wizard
    python3 benches/first_frame.py --answers /tmp/baocao-bench/wizard-1mb.answers.yaml

Options: --binary PATH (default target/release/baocao, or $CARGO_TARGET_DIR/release/baocao),
--answers PATH, --runs N, --cols N, --rows N, --timeout SECONDS.
"""

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLE = " baocao · ".encode()
# The last row of the screen: the key bar always shows the quit key.
KEY_BAR = b"Ctrl+Q"
CTRL_Q = b"\x11"


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    return os.path.join(target, "release", "baocao")


def read_some(fd, deadline):
    """Bytes from the pty, b"" when it is closed; None when the deadline passes."""
    remaining = deadline - time.perf_counter()
    if remaining <= 0:
        return None
    ready, _, _ = select.select([fd], [], [], remaining)
    if not ready:
        return None
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the child closed its side
        return b""


def one_run(binary, answers, cols, rows, timeout):
    """(title seconds, complete seconds) for one start of the wizard."""
    with tempfile.TemporaryDirectory(prefix="baocao-first-frame-") as tmp:
        copy = os.path.join(tmp, "bench.answers.yaml")
        shutil.copyfile(answers, copy)
        env = dict(os.environ, TERM=os.environ.get("TERM", "xterm-256color"))
        env.pop("NO_COLOR", None)
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            # The child: the pty is its controlling terminal; give it its size before the
            # program asks.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.chdir(tmp)
            os.execve(binary, [binary, "run", "--answers", copy], env)
        seen = b""
        title = complete = None
        deadline = start + timeout
        try:
            while complete is None:
                chunk = read_some(fd, deadline)
                if chunk is None:
                    raise RuntimeError(f"no complete first frame within {timeout} s")
                if chunk == b"":
                    raise RuntimeError(
                        "baocao exited before drawing: " + seen.decode(errors="replace")
                    )
                now = time.perf_counter()
                seen += chunk
                if title is None and TITLE in seen:
                    title = now - start
                if title is not None and KEY_BAR in seen[seen.find(TITLE):]:
                    complete = now - start
            os.write(fd, CTRL_Q)
            # Drain until the program has restored the terminal and exited.
            while True:
                chunk = read_some(fd, time.perf_counter() + timeout)
                if not chunk:
                    break
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(f"baocao exited with status {status}")
        except BaseException:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
            raise
        finally:
            os.close(fd)
        return title, complete


def summary(name, seconds):
    ms = sorted(s * 1000 for s in seconds)
    return (
        f"{name:<9} min {ms[0]:7.2f} ms   median {statistics.median(ms):7.2f} ms"
        f"   max {ms[-1]:7.2f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument(
        "--answers",
        default=os.path.join(ROOT, "questionnaires", "examples", "ba-dinh.answers.yaml"),
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cols", type=int, default=140)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} not found: run `cargo build --release` first")
    size = os.path.getsize(args.answers)
    print(f"{args.binary} run --answers {args.answers} ({size} bytes), "
          f"{args.cols}x{args.rows}, {args.runs} runs")
    # One run first, not counted: loads the binary into the page cache.
    one_run(args.binary, args.answers, args.cols, args.rows, args.timeout)
    titles, completes = [], []
    for _ in range(args.runs):
        title, complete = one_run(args.binary, args.answers, args.cols, args.rows, args.timeout)
        titles.append(title)
        completes.append(complete)
    print(summary("title", titles))
    print(summary("complete", completes))


if __name__ == "__main__":
    main()
