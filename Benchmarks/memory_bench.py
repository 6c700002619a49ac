#!/usr/bin/env python3
"""Peak memory (RSS) of the real trackcodes client, with the sandbox in a separate process.

What an admin's machine pays: the terminal UI holding 10,000 codes (listed, filtered, scrolled),
and `trackcodes users import` of a 10,000-row file. The sandbox serving them runs as its own
`trackcodes sandbox` process and is not counted. Prints markdown table rows like trackcodes-bench.

Peak RSS is the client's ru_maxrss as GNU time (/usr/bin/time, Debian package `time`) reports it
for the process it starts. Not the ru_maxrss this script's own wait4 would see: Linux carries a
process's peak across exec, so a child forked from this script counts this script's memory too
(the data sets it builds: 41 MB, every run the same, until this was found). GNU time is a 2 MB
process, well below any figure here.

Peak RSS varies by a few MB from run to run (when the kernel maps pages in, what the allocator
hands back), so each figure is the median of several runs, with the range in the notes.

Usage: memory_bench.py BINARY [--codes N] [--users N] [--runs N]
"""
import csv, json, os, pty, re, select, statistics, subprocess, sys, tempfile, time

BINARY = sys.argv[1]
CODES = int(sys.argv[sys.argv.index("--codes") + 1]) if "--codes" in sys.argv else 10_000
USERS = int(sys.argv[sys.argv.index("--users") + 1]) if "--users" in sys.argv else 10_000
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
TOKEN = "trackcodes-sandbox-demo-token"   # the sandbox's published demo token, not a secret
SITE = "bench.webex.com"
GOAL = 40_000_000
WORDS = ["Department", "Project", "Cost Center", "Region", "Campaign", "Client", "Office", "Team",
         "Budget", "Event"]
SERVICES = ["All", "MeetingCenter", "EventCenter", "TrainingCenter", "SupportCenter"]


def schedule(mode):
    # What the sandbox stores for "All: optional": All plus each service; host-profile codes
    # have every service not applicable.
    kind = "notApplicable" if mode == "hostProfileSelect" else "optional"
    first = "notApplicable" if mode == "hostProfileSelect" else "optional"
    return [{"service": "All", "type": first}] + [
        {"service": s, "type": kind} for s in SERVICES[1:]]


def codes(count):
    """The same organisation as the Swift benchmarks' Fixtures.codes."""
    modes = ["text", "select", "editableSelect", "hostProfileSelect"]
    result = []
    for index in range(count):
        mode = modes[index % 4]
        options = [] if mode == "text" else [
            {"value": f"Option {index}-{n}", "defaultValue": n == 0} for n in range(index % 7 + 1)]
        result.append({"id": str(index + 1), "name": f"{WORDS[index % len(WORDS)]} {index}",
                       "siteUrl": SITE, "options": options, "inputMode": mode,
                       "hostProfileCode": "optional", "scheduleStartCodes": schedule(mode)})
    return result


def dataset(code_list, users):
    return {"admin": {"id": "admin", "emails": ["admin@bench.example.com"],
                      "displayName": "Bench Admin"},
            "sites": [{"siteUrl": SITE, "isDefault": True, "management": "controlHub",
                       "hasMappedCodes": False}],
            "codes": code_list, "users": users,
            "nextCodeId": len(code_list) + 1}


def start_sandbox(state):
    process = subprocess.Popen([BINARY, "sandbox", "--port", "0", "--data", state],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+/v1)", line)
        if match:
            return process, match.group(1)
    raise RuntimeError("the sandbox did not start")


def environment(folder, base_url):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", WEBEX_API_KEY=TOKEN,
               WEBEX_BASE_URL=base_url, XDG_STATE_HOME=folder + "/state",
               XDG_CONFIG_HOME=folder + "/config")
    env.pop("NO_COLOR", None)
    return env


def read_until(fd, needle, timeout=60):
    buffer = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                buffer += os.read(fd, 65536)
            except OSError:
                break
            if needle in buffer:
                return buffer
    raise RuntimeError(f"timed out waiting for {needle!r}; last output {buffer[-200:]!r}")


def drain(fd, quiet=0.5):
    while select.select([fd], [], [], quiet)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def first_row_prefix():
    """The start of the first name in the list's order (word, space, first digit)."""
    first = min((f"{WORDS[i % len(WORDS)]} {i}" for i in range(CODES)), key=str.lower)
    return first[:first.index(" ") + 2].encode()


def measured(folder, command):
    """`command` run under GNU time, which writes the peak RSS (KiB) to a file in `folder`."""
    return ["/usr/bin/time", "-f", "%M", "-o", os.path.join(folder, "peak-kib")] + command


def measured_peak(folder):
    with open(os.path.join(folder, "peak-kib")) as file:
        return int(file.read().split()[-1]) * 1024


def terminal_ui_peak(folder, base_url):
    """Opens the UI on the site, filters, clears the filter, pages to the end, quits."""
    pid, fd = pty.fork()
    if pid == 0:
        import fcntl, struct, termios
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        command = measured(folder, [BINARY, "--site", SITE])
        os.execve(command[0], command, environment(folder, base_url))
    try:
        read_until(fd, first_row_prefix())   # the first row by name: the list is loaded
        for keys in [b"/project 12", b"\r", b"\x1b", b"G", b"g"]:
            os.write(fd, keys)
            drain(fd)
        os.write(fd, b"q")
        drain(fd)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return measured_peak(folder), status


def users_import_peak(folder, base_url):
    path = os.path.join(folder, "users.csv")
    with open(path, "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["email", "Department", "Cost Center"])
        for index in range(USERS):
            writer.writerow([f"user{index}@bench.example.com", ["Sales", "Design", "Legal"][index % 3],
                             f"CC-{1000 + index}"])
    child = subprocess.run(measured(folder, [BINARY, "users", "import", path, "--site", SITE]),
                           env=environment(folder, base_url), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    if child.returncode != 0:
        raise RuntimeError(f"users import failed ({child.returncode}): {child.stdout[-500:]}")
    return measured_peak(folder), child.stdout


def row(name, peaks, note):
    peak = statistics.median(peaks)
    met = "yes" if peak <= GOAL else "NO"
    spread = f"{len(peaks)} runs, {min(peaks) / 1e6:.1f}–{max(peaks) / 1e6:.1f} MB"
    print(f"| {name} | {peak / 1e6:.1f} MB median | ≤ 40 MB | {met} | {spread}; {note} |")


def main():
    with tempfile.TemporaryDirectory(prefix="tc-memory-") as folder:
        user_list = [{"personId": f"bench-person-{n}", "email": f"user{n}@bench.example.com",
                      "displayName": f"User {n}", "values": {}} for n in range(USERS)]
        bench_codes = codes(CODES)
        import_codes = [
            {"id": str(CODES + 1), "name": "Department", "siteUrl": SITE, "inputMode": "select",
             "options": [{"value": v, "defaultValue": False} for v in ["Sales", "Design", "Legal"]],
             "hostProfileCode": "optional", "scheduleStartCodes": schedule("select")},
            {"id": str(CODES + 2), "name": "Cost Center", "siteUrl": SITE, "inputMode": "text",
             "options": [], "hostProfileCode": "optional", "scheduleStartCodes": schedule("text")}]

        state = os.path.join(folder, "codes.json")
        with open(state, "w") as file:
            json.dump(dataset(bench_codes, []), file)
        sandbox, base_url = start_sandbox(state)
        try:
            peaks = [terminal_ui_peak(folder, base_url)[0] for _ in range(RUNS)]
            row(f"peak RSS, terminal UI with {CODES:,} codes", peaks,
                "client only (sandbox in its own process); listed, filtered, paged to the end")
        finally:
            sandbox.terminate()
            sandbox.wait()

        state = os.path.join(folder, "users.json")
        with open(state, "w") as file:
            json.dump(dataset(import_codes, user_list), file)
        peaks = []
        for _ in range(max(1, RUNS // 2)):
            # A fresh sandbox each run, so every row changes every time.
            sandbox, base_url = start_sandbox(state)
            try:
                peak, output = users_import_peak(folder, base_url)
                peaks.append(peak)
            finally:
                sandbox.terminate()
                sandbox.wait()
        lines = output.strip().splitlines()
        summary = next((line for line in lines if "changed" in line), lines[-1] if lines else "")
        row(f"peak RSS, users import of {USERS:,} rows", peaks,
            f"client only, `trackcodes users import`; {summary}")

main()
