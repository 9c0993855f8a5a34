/* sqlite3.h (layering guard)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redstring_core_dep puts this directory first on the include path, so that
 * <sqlite3.h> resolves here everywhere outside app/store. Only targets that declare
 * sqlite_dep (app/store and the tests that play another program on a case file)
 * get RS_LAYER_SQLITE and reach the real header.
 */

#ifdef RS_LAYER_SQLITE
# include_next <sqlite3.h>
#else
# error "SQLite belongs to app/store: go through RsCaseStore (or declare sqlite_dep in a test)"
#endif
