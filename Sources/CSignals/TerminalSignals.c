#include "TerminalSignals.h"

#include <ncursesw/curses.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

#ifndef _NSIG
#define _NSIG 65
#endif

/// Per flagged signal: whether it arrived and has not been taken yet.
static volatile sig_atomic_t pending[_NSIG];

/// The flagged signals, most urgent first: ending the program wins over stopping it.
static const int flagged[] = {SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT};
enum { flagged_count = sizeof flagged / sizeof flagged[0] };

/// Per signal: the action found at start, put back when the session closes; the action the
/// fatal handler hands over to once the terminal is restored; whether it was taken over; and
/// whether it is a fault that recurs by itself when the handler returns.
static struct sigaction saved[_NSIG];
static struct sigaction next[_NSIG];
static unsigned char installed[_NSIG];
static unsigned char refaults[_NSIG];

static volatile sig_atomic_t screen_open = 0;

static void flag_signal(int sig) {
  if (sig > 0 && sig < _NSIG) pending[sig] = 1;
}

int backstep_peek_signal(void) {
  for (int i = 0; i < flagged_count; i++)
    if (pending[flagged[i]]) return flagged[i];
  return 0;
}

int backstep_take_signal(void) {
  int sig = backstep_peek_signal();
  if (sig != 0) pending[sig] = 0;
  return sig;
}

/// Puts the terminal back and ends the process as `sig` would have. The action taken over
/// from is restored first: for a crash signal that is whatever was there before (the Swift
/// runtime's backtracer, which then prints on the normal screen, not over the interface);
/// for SIGQUIT and the rest it is the default, which ends the process. A fault raised by the
/// kernel recurs when the handler returns; a signal sent by kill or raise is raised again.
static void fatal_handler(int sig, siginfo_t *info, void *context) {
  (void)context;
  if (screen_open) {
    screen_open = 0;
    endwin();
  }
  sigaction(sig, &next[sig], NULL);
  if (!refaults[sig] || info == NULL || info->si_code <= 0) raise(sig);
}

/// The action that only sets the flag. No SA_RESTART: a blocked read returns, and the loop
/// sees the flag.
static struct sigaction flag_action(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = flag_signal;
  return action;
}

/// Takes over one signal. `mode` 0: set the flag; 1: restore and end with the default action;
/// 2: restore and hand over to the previous action (crashes). Signals that were ignored when
/// the program started (nohup, a parent's choice) stay ignored. Mode 1 also leaves alone a
/// signal that already has a handler of someone else's, except SIGQUIT (the Swift runtime's
/// backtracer would draw over the interface and the program would go on); mode 0 replaces
/// the handlers ncurses installs for SIGINT, SIGTERM and SIGTSTP, which would exit with
/// status 1 or suspend from inside the handler.
static void take_over(int sig, int mode) {
  if (sig <= 0 || sig >= _NSIG) return;
  struct sigaction old;
  if (sigaction(sig, NULL, &old) != 0) return;
  if (old.sa_handler == SIG_IGN && !(old.sa_flags & SA_SIGINFO) && mode != 2) return;
  int foreign = (old.sa_flags & SA_SIGINFO) || (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN);
  if (foreign && mode == 1 && sig != SIGQUIT) return;
  struct sigaction action;
  if (mode == 0) {
    action = flag_action();
  } else {
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = fatal_handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    next[sig] = old;
    refaults[sig] = mode == 2;
    if (mode == 1) {
      memset(&next[sig], 0, sizeof next[sig]);
      next[sig].sa_handler = SIG_DFL;
    }
  }
  saved[sig] = old;
  if (sigaction(sig, &action, NULL) == 0) installed[sig] = 1;
}

/// Unblocks a signal the session relies on. A parent may start us with signals blocked (the
/// mask is inherited through fork and exec), and then resizing and quitting by signal would
/// silently stop working.
static void unblock(int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

void backstep_install_signals(void) {
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
  screen_open = 1;
  unblock(SIGWINCH);
  for (int i = 0; i < flagged_count; i++) {
    pending[flagged[i]] = 0;
    unblock(flagged[i]);
    take_over(flagged[i], 0);
  }
  for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) take_over(fatal[i], 1);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) take_over(sig, 1);
  for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
    unblock(crashes[i]);
    take_over(crashes[i], 2);
  }
}

void backstep_restore_signals(void) {
  screen_open = 0;
  for (int sig = 1; sig < _NSIG; sig++) {
    if (!installed[sig]) continue;
    sigaction(sig, &saved[sig], NULL);
    installed[sig] = 0;
  }
}

void backstep_stop_process(void) {
  struct sigaction stop;
  memset(&stop, 0, sizeof stop);
  sigemptyset(&stop.sa_mask);
  stop.sa_handler = SIG_DFL;
  screen_open = 0;
  sigaction(SIGTSTP, &stop, NULL);
  raise(SIGTSTP);
  // Continued: SIGTSTP sets the flag again, and the SIGCONT that woke us is answered by the
  // caller's redraw.
  struct sigaction flag = flag_action();
  sigaction(SIGTSTP, &flag, NULL);
  pending[SIGCONT] = 0;
  screen_open = 1;
}
