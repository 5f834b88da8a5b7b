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

// Signals. SIGINT, SIGTERM and SIGHUP only set a flag: the main loop ends and closes the
// session. Every other signal whose default action ends the process gets a handler that puts
// the terminal back first and then lets the process end as the signal would have.
static volatile sig_atomic_t backstep_pending_signal = 0;

static inline void backstep_flag_signal(int sig) { backstep_pending_signal = sig; }

static inline int backstep_peek_signal(void) { return backstep_pending_signal; }

static inline int backstep_take_signal(void) {
  int s = backstep_pending_signal;
  backstep_pending_signal = 0;
  return s;
}

#ifndef _NSIG
#define _NSIG 65
#endif

/// Per signal: the action found at start, put back when the session closes; the action the
/// fatal handler hands over to once the terminal is restored; whether it was taken over; and
/// whether it is a fault that recurs by itself when the handler returns.
struct backstep_signal_table {
  struct sigaction saved[_NSIG];
  struct sigaction next[_NSIG];
  unsigned char installed[_NSIG];
  unsigned char refaults[_NSIG];
};

/// The one table. A static inside a function, because Swift's importer does not emit a
/// header's static arrays, only the functions that use them.
static inline struct backstep_signal_table *backstep_signals(void) {
  static struct backstep_signal_table table;
  return &table;
}
static volatile sig_atomic_t backstep_screen_open = 0;

/// Puts the terminal back and ends the process as `sig` would have. The action taken over
/// from is restored first: for a crash signal that is whatever was there before (the Swift
/// runtime's backtracer, which then prints on the normal screen, not over the interface);
/// for SIGQUIT and the rest it is the default, which ends the process. A fault raised by the
/// kernel recurs when the handler returns; a signal sent by kill or raise is raised again.
static inline void backstep_fatal_handler(int sig, siginfo_t *info, void *context) {
  (void)context;
  if (backstep_screen_open) {
    backstep_screen_open = 0;
    endwin();
  }
  sigaction(sig, &backstep_signals()->next[sig], NULL);
  if (!backstep_signals()->refaults[sig] || info == NULL || info->si_code <= 0) raise(sig);
}

/// Takes over one signal. `mode` 0: set the flag; 1: restore and end with the default action;
/// 2: restore and hand over to the previous action (crashes). Signals that were ignored when
/// the program started (nohup, a parent's choice) stay ignored. Mode 1 also leaves alone a
/// signal that already has a handler of someone else's, except SIGQUIT (the Swift runtime's
/// backtracer would draw over the interface and the program would go on); mode 0 replaces
/// the handler ncurses installs for SIGINT and SIGTERM, which would exit with status 1.
static inline void backstep_take_over(int sig, int mode) {
  if (sig <= 0 || sig >= _NSIG) return;
  struct sigaction old;
  if (sigaction(sig, NULL, &old) != 0) return;
  if (old.sa_handler == SIG_IGN && !(old.sa_flags & SA_SIGINFO) && mode != 2) return;
  int foreign = (old.sa_flags & SA_SIGINFO) || (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN);
  if (foreign && mode == 1 && sig != SIGQUIT) return;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  if (mode == 0) {
    action.sa_handler = backstep_flag_signal;
    action.sa_flags = 0;  // no SA_RESTART: a blocked read returns, and the loop sees the flag
  } else {
    action.sa_sigaction = backstep_fatal_handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    backstep_signals()->next[sig] = old;
    backstep_signals()->refaults[sig] = mode == 2;
    if (mode == 1) {
      memset(&backstep_signals()->next[sig], 0, sizeof backstep_signals()->next[sig]);
      backstep_signals()->next[sig].sa_handler = SIG_DFL;
    }
  }
  backstep_signals()->saved[sig] = old;
  if (sigaction(sig, &action, NULL) == 0) backstep_signals()->installed[sig] = 1;
}

/// Unblocks a signal the session relies on. A parent may start us with signals blocked (the
/// mask is inherited through fork and exec), and then resizing and quitting by signal would
/// silently stop working.
static inline void backstep_unblock(int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/// Every signal whose default action ends the process, taken over for the session.
static inline void backstep_install_signals(void) {
  int flags[] = {SIGINT, SIGTERM, SIGHUP};
  int fatal[] = {
    SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO,
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
  };
  int crashes[] = {SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS};
  backstep_screen_open = 1;
  backstep_unblock(SIGWINCH);
  for (unsigned i = 0; i < sizeof flags / sizeof flags[0]; i++) {
    backstep_unblock(flags[i]);
    backstep_take_over(flags[i], 0);
  }
  for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) backstep_take_over(fatal[i], 1);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) backstep_take_over(sig, 1);
  for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
    backstep_unblock(crashes[i]);
    backstep_take_over(crashes[i], 2);
  }
}

/// Puts back every action found at start: after the session, a signal does what it did before.
static inline void backstep_restore_signals(void) {
  backstep_screen_open = 0;
  for (int sig = 1; sig < _NSIG; sig++) {
    if (!backstep_signals()->installed[sig]) continue;
    sigaction(sig, &backstep_signals()->saved[sig], NULL);
    backstep_signals()->installed[sig] = 0;
  }
}

/// Whether the terminal can place the cursor: without that (TERM=dumb, a hardcopy terminal)
/// there is no screen to draw.
static inline int backstep_can_address_cursor(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1 && !tigetflag("hc");
}

#endif
