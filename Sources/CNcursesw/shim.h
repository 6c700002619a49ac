// Wide-character curses for Swift, plus the few things Swift cannot import or may not touch
// under Swift 6: function-like macros, attribute bit masks, the curses globals (stdscr, LINES,
// COLS, COLORS) and signal handlers, which must not run Swift code.
//
// Everything here is `static inline` so the module stays a plain system-library target.
// Editing this header does not trigger a rebuild: touch a Swift file in TerminalUI after.
#ifndef TRACKCODES_CNCURSESW_SHIM_H
#define TRACKCODES_CNCURSESW_SHIM_H

// SwiftPM drops -D_XOPEN_SOURCE from pkg-config, so the wide-char API is switched on here,
// before the header is read.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// MARK: - Locale

/// Returns 1 when the character codeset is UTF-8 (after trying the user's locale, then C.UTF-8).
/// Only LC_CTYPE falls back: the user's other categories (numbers, messages) are kept.
static inline int tc_setlocale_utf8(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL
        && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) {
        return 1;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        return 0;
    }
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcasecmp(codeset, "UTF-8") == 0;
}

/// Stores the system's wcwidth() in the C.UTF-8 locale, whatever the process locale, for
/// `count` code points from `first` into `widths`. Returns -1 when C.UTF-8 is missing.
/// Tests check TerminalUI's width table against it.
extern int wcwidth(wchar_t character);
static inline int tc_wcwidths_c_utf8(unsigned int first, unsigned int count, int *widths) {
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (utf8 == (locale_t)0) {
        return -1;
    }
    locale_t previous = uselocale(utf8);
    for (unsigned int index = 0; index < count; index++) {
        widths[index] = wcwidth((wchar_t)(first + index));
    }
    uselocale(previous);
    freelocale(utf8);
    return 0;
}

// MARK: - Globals Swift 6 may not touch

static inline WINDOW *tc_stdscr(void) { return stdscr; }
static inline int tc_lines(void) { return LINES; }
static inline int tc_cols(void) { return COLS; }
static inline int tc_colors(void) { return COLORS; }
/// The terminal's colour count from terminfo; unlike COLORS, known before start_color().
static inline int tc_terminfo_colors(void) {
    int count = tigetnum("colors");
    return count > 0 ? count : 0;
}
static inline int tc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *tc_stdin(void) { return stdin; }
static inline FILE *tc_stdout(void) { return stdout; }

static inline void tc_getmaxyx(WINDOW *window, int *rows, int *columns) {
    int y = 0, x = 0;
    getmaxyx(window, y, x);
    *rows = y;
    *columns = x;
}

// MARK: - Attributes and keys (function-like or composite macros)

static inline attr_t tc_wa_normal(void) { return WA_NORMAL; }
static inline attr_t tc_wa_bold(void) { return WA_BOLD; }
static inline attr_t tc_wa_dim(void) { return WA_DIM; }
static inline attr_t tc_wa_underline(void) { return WA_UNDERLINE; }
static inline attr_t tc_wa_reverse(void) { return WA_REVERSE; }
static inline attr_t tc_wa_italic(void) { return WA_ITALIC; }
static inline int tc_key_f(int n) { return KEY_F(n); }

/// Looks a terminfo string capability up; NULL when absent or not a string capability.
static inline const char *tc_capability(const char *name) {
    const char *value = tigetstr(name);
    if (value == (const char *)-1) {
        return NULL;
    }
    return value;
}

/// Writes one cell: a spacing character followed by up to CCHARW_MAX - 1 combining marks.
static inline int tc_put_cell(WINDOW *window, int y, int x, const wchar_t *text,
                              attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) {
        return ERR;
    }
    return mvwadd_wch(window, y, x, &cell);
}

/// Reads the window size of a terminal; returns 0 on success.
static inline int tc_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) {
        return -1;
    }
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

// MARK: - Signals
//
// Handlers only do async-signal-safe work. Ordinary signals (resize, interrupt, terminate,
// hang-up, stop) write one byte to the driver's wake pipe; the curses thread acts on it.
// Crash signals restore the terminal with tcsetattr and precomputed escape bytes (no curses
// call), then hand the signal to whatever handler was there before, such as Swift's
// backtracer, so the crash report lands on a sane terminal.

enum {
    TC_SIGNAL_RESIZE = 'W',
    TC_SIGNAL_INTERRUPT = 'I',
    TC_SIGNAL_TERMINATE = 'T',
    TC_SIGNAL_HANGUP = 'H',
    TC_SIGNAL_STOP = 'Z',
};

struct tc_signal_state {
    volatile sig_atomic_t active;
    int wake_fd;
    int tty_fd;
    int output_fd;
    int has_termios;
    struct termios termios;
    char reset[512];
    size_t reset_length;
    struct sigaction previous[NSIG];
    int atexit_registered;
};

static inline struct tc_signal_state *tc_signal_state(void) {
    static struct tc_signal_state state;
    return &state;
}

static inline const int *tc_forwarded_signals(int *count) {
    static const int signals[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP };
    *count = (int)(sizeof(signals) / sizeof(signals[0]));
    return signals;
}

static inline const int *tc_crash_signals(int *count) {
    static const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    *count = (int)(sizeof(signals) / sizeof(signals[0]));
    return signals;
}

static inline void tc_restore_terminal_now(void) {
    struct tc_signal_state *state = tc_signal_state();
    if (!state->active) {
        return;
    }
    state->active = 0;
    if (state->has_termios) {
        tcsetattr(state->tty_fd, TCSANOW, &state->termios);
    }
    if (state->reset_length > 0) {
        ssize_t ignored = write(state->output_fd, state->reset, state->reset_length);
        (void)ignored;
    }
}

static inline void tc_on_forwarded_signal(int signal_number) {
    int saved_errno = errno;
    char byte = 0;
    switch (signal_number) {
    case SIGWINCH: byte = TC_SIGNAL_RESIZE; break;
    case SIGINT: byte = TC_SIGNAL_INTERRUPT; break;
    case SIGTERM: byte = TC_SIGNAL_TERMINATE; break;
    case SIGHUP: byte = TC_SIGNAL_HANGUP; break;
    case SIGTSTP: byte = TC_SIGNAL_STOP; break;
    default: break;
    }
    if (byte != 0) {
        ssize_t ignored = write(tc_signal_state()->wake_fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

static inline void tc_on_crash_signal(int signal_number) {
    tc_restore_terminal_now();
    // Put the earlier handler back and re-raise: the signal is blocked while this handler
    // runs, so it is delivered to that handler as soon as this one returns.
    sigaction(signal_number, &tc_signal_state()->previous[signal_number], NULL);
    raise(signal_number);
}

static inline void tc_restore_at_exit(void) { tc_restore_terminal_now(); }

/// Installs the handlers. `reset` holds the bytes that put the terminal back (leave the
/// alternate screen, show the cursor, plain attributes); `save_termios` asks to save the tty
/// modes of `tty_fd` now, before curses changes them.
static inline void tc_signals_install(int wake_fd, int tty_fd, int output_fd,
                                      const char *reset, size_t reset_length,
                                      int save_termios) {
    struct tc_signal_state *state = tc_signal_state();
    state->wake_fd = wake_fd;
    state->tty_fd = tty_fd;
    state->output_fd = output_fd;
    state->has_termios = save_termios && tcgetattr(tty_fd, &state->termios) == 0;
    state->reset_length = reset_length < sizeof(state->reset) ? reset_length : 0;
    if (state->reset_length > 0) {
        memcpy(state->reset, reset, state->reset_length);
    }

    int count = 0;
    const int *forwarded = tc_forwarded_signals(&count);
    for (int index = 0; index < count; index++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = tc_on_forwarded_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(forwarded[index], &action, &state->previous[forwarded[index]]);
    }
    const int *crashes = tc_crash_signals(&count);
    for (int index = 0; index < count; index++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = tc_on_crash_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_ONSTACK;
        sigaction(crashes[index], &action, &state->previous[crashes[index]]);
    }
    if (!state->atexit_registered) {
        state->atexit_registered = 1;
        atexit(tc_restore_at_exit);
    }
    state->active = 1;
}

/// Updates the reset bytes once curses has set the terminal up (terminfo is known only then).
static inline void tc_signals_set_reset(const char *reset, size_t reset_length) {
    struct tc_signal_state *state = tc_signal_state();
    if (reset_length < sizeof(state->reset)) {
        memcpy(state->reset, reset, reset_length);
        state->reset_length = reset_length;
    }
}

/// Puts every handler back as it was and disarms the crash restore.
static inline void tc_signals_uninstall(void) {
    struct tc_signal_state *state = tc_signal_state();
    state->active = 0;
    int count = 0;
    const int *forwarded = tc_forwarded_signals(&count);
    for (int index = 0; index < count; index++) {
        sigaction(forwarded[index], &state->previous[forwarded[index]], NULL);
    }
    const int *crashes = tc_crash_signals(&count);
    for (int index = 0; index < count; index++) {
        sigaction(crashes[index], &state->previous[crashes[index]], NULL);
    }
}

/// Unblocks the forwarded signals on the calling thread (test runners block them).
static inline void tc_unblock_forwarded_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    int count = 0;
    const int *forwarded = tc_forwarded_signals(&count);
    for (int index = 0; index < count; index++) {
        sigaddset(&set, forwarded[index]);
    }
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/// Stops the process the way Ctrl-Z would, after curses has left the screen.
static inline void tc_stop_self(void) { kill(getpid(), SIGSTOP); }

#endif
