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
#include <pthread.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

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
static inline int backstep_put(int y, int x, wchar_t ch, attr_t attrs, int pair) {
  cchar_t cell;
  wchar_t text[2] = {ch, 0};
  if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
  return mvadd_wch(y, x, &cell);
}

// Signals. Handlers only set a flag; the main loop does the work.
static volatile sig_atomic_t backstep_pending_signal = 0;

static inline void backstep_flag_signal(int sig) { backstep_pending_signal = sig; }

static inline int backstep_peek_signal(void) { return backstep_pending_signal; }

static inline int backstep_take_signal(void) {
  int s = backstep_pending_signal;
  backstep_pending_signal = 0;
  return s;
}

/// On a crash: put the terminal back, then die of the same signal (SA_RESETHAND restored the
/// default action before this ran).
static inline void backstep_crash_handler(int sig) {
  endwin();
  raise(sig);
}

/// Unblocks the signals the session relies on. A parent may start us with them blocked
/// (the mask is inherited through fork and exec), and then resizing and quitting by signal
/// would silently stop working.
static inline int backstep_unblock_signals(void) {
  sigset_t set;
  sigemptyset(&set);
  int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP};
  for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&set, signals[i]);
  return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static inline int backstep_install_signal(int sig, int crash) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  if (crash) {
    action.sa_handler = backstep_crash_handler;
    action.sa_flags = SA_RESETHAND;
  } else {
    action.sa_handler = backstep_flag_signal;
    action.sa_flags = 0;  // no SA_RESTART: a blocked read returns, and the loop sees the flag
  }
  return sigaction(sig, &action, NULL);
}

#endif
