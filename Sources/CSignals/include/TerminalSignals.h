#ifndef BACKSTEP_TERMINAL_SIGNALS_H
#define BACKSTEP_TERMINAL_SIGNALS_H

// The terminal session's signals. The state (the pending flags, the actions found at start)
// lives in TerminalSignals.c, once for the whole program: a `static` in a header would give
// every file that includes it a copy of its own, and a flag set in one copy is never seen in
// another.
//
// SIGINT, SIGTERM, SIGHUP, SIGTSTP and SIGCONT only set a flag: the main loop takes it and
// acts (ends, suspends, redraws). Every other signal whose default action ends the process
// gets a handler that puts the terminal back first and then lets the process end as the
// signal would have.

/// Takes over the session's signals; the screen counts as open from here on.
void backstep_install_signals(void);

/// Puts back every action found at start: after the session, a signal does what it did before.
void backstep_restore_signals(void);

/// The most urgent pending flagged signal (SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT, in that
/// order), or 0; left pending.
int backstep_peek_signal(void);

/// The same signal, taken, so that it is reported once.
int backstep_take_signal(void);

/// Stops the process as SIGTSTP's default action would, and returns once it is continued.
/// The caller puts the terminal back before (endwin) and redraws after. Leaves no SIGCONT
/// pending: the resumption is this function returning.
void backstep_stop_process(void);

#endif
