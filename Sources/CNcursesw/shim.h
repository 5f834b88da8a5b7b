#ifndef BACKSTEP_CNCURSESW_SHIM_H
#define BACKSTEP_CNCURSESW_SHIM_H

// SwiftPM drops the -D flags of ncursesw.pc, so ask for the wide-character API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <pty.h>

// Swift 6 cannot import C globals or function-like macros: each gets a small function.
static inline WINDOW *backstep_stdscr(void) { return stdscr; }
static inline int backstep_cols(void) { return COLS; }
static inline int backstep_lines(void) { return LINES; }
static inline int backstep_colors(void) { return COLORS; }
static inline int backstep_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *backstep_stdout(void) { return stdout; }
static inline FILE *backstep_stdin(void) { return stdin; }

static inline attr_t backstep_a_normal(void) { return A_NORMAL; }
static inline attr_t backstep_a_bold(void) { return A_BOLD; }
static inline attr_t backstep_a_dim(void) { return A_DIM; }
static inline attr_t backstep_a_reverse(void) { return A_REVERSE; }
static inline attr_t backstep_a_underline(void) { return A_UNDERLINE; }
static inline attr_t backstep_a_italic(void) { return A_ITALIC; }

static inline int backstep_key_code_yes(void) { return KEY_CODE_YES; }
static inline int backstep_key_f(int n) { return KEY_F(n); }
static inline mmask_t backstep_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }

/// Writes one character with a colour pair (pairs above 255 go through the opts pointer).
static inline int backstep_put(int y, int x, wchar_t ch, wchar_t mark, attr_t attrs, int pair) {
  cchar_t cell;
  // A combining mark (x̂'s circumflex) rides in the same cell as its base character.
  wchar_t text[3] = {ch, mark, 0};
  if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
  return mvadd_wch(y, x, &cell);
}

/// Tells ncurses the terminal's size as it is now, when it changed without a SIGWINCH reaching
/// the program (while it was stopped, the shell in the foreground got it).
static inline void backstep_refresh_size(void) {
  struct winsize ws;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 && is_term_resized(ws.ws_row, ws.ws_col))
    resizeterm(ws.ws_row, ws.ws_col);
}

/// Whether the terminal can place the cursor: without that (TERM=dumb, a hardcopy terminal)
/// there is no screen to draw.
static inline int backstep_can_address_cursor(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1 && !tigetflag("hc");
}

/// Opens a pseudo-terminal of `rows` × `cols` cells: `*controller` reads what is written to
/// `*terminal`. Returns 0, or -1 when the system has none to give.
static inline int backstep_open_pty(int *controller, int *terminal, int rows, int cols) {
  struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
  return openpty(controller, terminal, NULL, NULL, &ws);
}

/// The bytes waiting to be read from `fd`, or -1.
static inline int backstep_bytes_waiting(int fd) {
  int n = 0;
  return ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

#endif
