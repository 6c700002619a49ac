#!/usr/bin/env python3
"""Terminal benchmarks of the real trackcodes binary, through a pseudo-terminal.

Measures what an SSH user pays: the time from process start to the first screen that shows the
code list, and the bytes the program writes for one row of scrolling (as the list opens, and
again with the detail pane opened by `i`) and for opening the edit form. Prints markdown table
rows (benchmark | result | goal | met | notes), like trackcodes-bench.

Usage: terminal_bench.py BINARY [--runs N] [--dump DIR]

--dump DIR writes the bytes of every measured key press to DIR (scroll-01.bin, ...,
detail-scroll-01.bin, ..., form.bin), to read which cells and escape sequences they cost.
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

BINARY = sys.argv[1]
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7
DUMP = sys.argv[sys.argv.index("--dump") + 1] if "--dump" in sys.argv else None
MARKER = b"Billing Code"   # the first row of the demo list, sorted by name


def start(columns, rows, state_dir):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", XDG_STATE_HOME=state_dir,
               XDG_CONFIG_HOME=state_dir + "/config")
    env.pop("NO_COLOR", None)
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execve(BINARY, [BINARY, "--demo"], env)
    return pid, fd, started


def read_until(fd, predicate, timeout):
    """Reads output until predicate(buffer) holds; returns (buffer, time it held)."""
    buffer = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            buffer += chunk
            if predicate(buffer):
                return buffer, time.perf_counter()
    raise RuntimeError(f"timed out; got {len(buffer)} bytes: {buffer[-300:]!r}")


def drain(fd, quiet=0.6, limit=8.0):
    """Reads until the program has been silent for `quiet` seconds; returns the bytes."""
    buffer = b""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return buffer
        try:
            buffer += os.read(fd, 65536)
        except OSError:
            return buffer
    return buffer


def stop(pid, fd):
    try:
        os.write(fd, b"q")
        drain(fd, quiet=0.2, limit=2)
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)


def first_frame():
    times = []
    for run in range(RUNS):
        pid, fd, started = start(120, 40, f"/tmp/tc-bench-{os.getpid()}-{run}")
        try:
            _, seen = read_until(fd, lambda b: MARKER in b, timeout=20)
            times.append(seen - started)
        finally:
            stop(pid, fd)
    return times


def dump(name, data):
    if DUMP:
        os.makedirs(DUMP, exist_ok=True)
        with open(os.path.join(DUMP, name), "wb") as file:
            file.write(data)


def press(fd, key, name=None):
    """Sends one key and returns the bytes written until the program has gone quiet."""
    os.write(fd, key)
    written = drain(fd)
    if name:
        dump(name, written)
    return written


def bytes_per_action():
    """Ten steps down the list as it opens, the edit form, then ten steps from the top with
    the detail pane shown (`i`)."""
    pid, fd, _ = start(120, 40, f"/tmp/tc-bench-{os.getpid()}-bytes")
    try:
        read_until(fd, lambda b: MARKER in b, timeout=20)
        drain(fd)
        scrolls = [len(press(fd, b"j", f"scroll-{step:02}.bin")) for step in range(1, 11)]
        form = len(press(fd, b"e", "form.bin"))
        press(fd, b"\x1b")
        opened = press(fd, b"i") + press(fd, b"g")
        if b"Detail" not in opened:
            raise RuntimeError("`i` did not open the detail pane")
        detail_scrolls = [len(press(fd, b"j", f"detail-scroll-{step:02}.bin"))
                          for step in range(1, 11)]
        return scrolls, form, detail_scrolls
    finally:
        stop(pid, fd)


def row(name, value, goal, met, note=""):
    shown = "–" if met is None else ("yes" if met else "NO")
    print(f"| {name} | {value} | {goal} | {shown} | {note} |")


times = first_frame()
median = statistics.median(times)
row("first frame with data, --demo, 120×40", f"{median * 1000:.1f} ms median",
    "≤ 50 ms", median <= 0.050,
    f"{RUNS} runs, min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; process start to the first list row on the pty")
scrolls, form, detail_scrolls = bytes_per_action()
scroll = statistics.median(scrolls)
row("bytes per one-row scroll, 120×40", f"{scroll:.0f} B median", "≤ 150 B", scroll <= 150,
    f"10 steps with `j`: min {min(scrolls)}, max {max(scrolls)}; as the list opens (detail pane hidden below 152 columns)")
detail_scroll = statistics.median(detail_scrolls)
row("bytes per one-row scroll, 120×40, detail pane shown", f"{detail_scroll:.0f} B median", "–",
    None, f"10 steps with `j` after `i`: min {min(detail_scrolls)}, max {max(detail_scrolls)}")
row("bytes to open the edit form, 120×40", f"{form} B", "–", None, "one `e` on the list")
