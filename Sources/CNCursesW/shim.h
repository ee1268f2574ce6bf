// The only C in the project: wide-character ncurses plus small inline wrappers for the
// macros and globals that Swift 6 strict concurrency cannot use directly.
#ifndef SPORTELLO_CNCURSESW_SHIM_H
#define SPORTELLO_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

static inline WINDOW *sp_stdscr(void) { return stdscr; }
static inline FILE *sp_stdin(void) { return stdin; }
static inline FILE *sp_stdout(void) { return stdout; }
static inline int sp_lines(void) { return LINES; }
static inline int sp_cols(void) { return COLS; }
static inline int sp_key_f(int n) { return KEY_F(n); }
static inline int sp_key_resize(void) { return KEY_RESIZE; }
static inline attr_t sp_a_normal(void) { return A_NORMAL; }
static inline attr_t sp_a_bold(void) { return A_BOLD; }
static inline attr_t sp_a_reverse(void) { return A_REVERSE; }
static inline attr_t sp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sp_a_dim(void) { return A_DIM; }
static inline int sp_color_pair(int n) { return COLOR_PAIR(n); }
static inline void sp_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline int sp_err(void) { return ERR; }
static inline int sp_ok(void) { return OK; }
static inline int sp_key_code_yes(void) { return KEY_CODE_YES; }
static inline const char *sp_codeset(void) { return nl_langinfo(CODESET); }

#endif
