// Wide-character curses for Swift. SwiftPM drops -D_XOPEN_SOURCE from pkg-config, so the
// wide-char API has to be switched on here, before the header is read.
#ifndef TRACKCODES_CNCURSESW_SHIM_H
#define TRACKCODES_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
