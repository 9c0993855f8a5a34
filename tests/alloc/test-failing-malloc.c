/* test-failing-malloc.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rs-test-utils.h"

/* `redstring-cli import BUNDLE CASE` with its N-th allocation failing, for many N
 * (rs-failmalloc.c, preloaded into the child). Out of memory, the program may
 * report an error or die with an out-of-memory message (g_malloc aborts by
 * design), and the case must then be as it was; or it may cope and finish, and
 * the case must then hold the whole import. Dying after the import was committed
 * leaves the whole import, which is just as safe. Anything else fails: a crash, a
 * silent death, a hang, an error reported for an import that went in, a
 * half-written or damaged case.
 *
 * The module counts allocations from its constructor on (before main), so N is
 * reproducible: a clean run first says how many allocations the import makes (K).
 * Then each sweep fails every N of a dense start (program start, opening the
 * case), N spread over the rest of the run, every N around the commit (found by
 * bisection: the first N whose run leaves the import in), the last allocations of
 * the run (closing the case) and K + 1. A full import makes some 140,000
 * allocations, too many to fail one by one; a bundle of one document is swept
 * through its whole write instead, which is where a value that fails to reach
 * the file would go missing. */

#define CHILD_TIMEOUT_SECONDS 30

typedef enum
{
  OUTCOME_NOT_REACHED,         /* exit 0, N past the run's last allocation */
  OUTCOME_COPED,               /* exit 0 although the N-th allocation failed */
  OUTCOME_ERROR,               /* exit 1 with the CLI's message */
  OUTCOME_ABORT,               /* SIGABRT, or SIGTRAP (g_error), with an out-of-memory message */
  OUTCOME_ABORT_AFTER_COMMIT,  /* the same, once the import was committed */
  OUTCOME_BAD,
  N_OUTCOMES
} Outcome;

static const char *outcome_names[N_OUTCOMES] = {
  "N past the end", "coped, imported", "clean error", "abort with message",
  "abort after commit", "BAD",
};

typedef struct
{
  guint64 dense;          /* every N in [1, dense] */
  guint   spread;         /* this many more over (dense, K] */
  guint64 before_commit;  /* every N in [commit - before_commit, commit + after_commit] */
  guint64 after_commit;
  guint64 tail;           /* every N in (K - tail, K] */
} Plan;

typedef struct
{
  const char *label;
  char       *bundle;
  char       *case_path;      /* the child imports into a fresh copy of before_bytes */
  GBytes     *before_bytes;
  char       *before;         /* exact dump */
  char       *after;          /* dump of a clean import, import-time columns masked */
  guint64     k;              /* allocations of a clean run */
  guint64     commit;
  GHashTable *tried;          /* N -> Outcome + 1 */
  guint       counts[N_OUTCOMES];
  guint       untouched_bytes;
  GHashTable *messages;       /* last line of stderr, generalised -> count */
  gint64      child_usec;
} Target;

/* The module, built beside this test and passed as its first argument (made
 * absolute: LD_PRELOAD resolves a relative path from the child's directory). */
static char *module_path;

/* Columns the store fills at import with the time or a random UUID (bundle records
 * added to a case that already has some get new uids), and the history's record of
 * a merge (its time, and its changeset, which holds those times): they differ from
 * run to run. All are NOT NULL, so a value lost there cannot hide behind the mask. */
static gboolean
is_import_time_column (const char *name)
{
  return g_str_equal (name, "uid") || g_str_equal (name, "imported_at") ||
         g_str_equal (name, "created") || g_str_equal (name, "updated") ||
         g_str_equal (name, "time") || g_str_equal (name, "changeset");
}

static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;

    case SQLITE_INTEGER:
      g_string_append_printf (out, "%lld", (long long)sqlite3_column_int64 (stmt, column));
      break;

    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, column));
      break;

    case SQLITE_TEXT:
      {
        g_autofree char *escaped = g_strescape ((const char *)sqlite3_column_text (stmt, column),
                                                NULL);

        g_string_append_printf (out, "'%s'", escaped);
      }
      break;

    default:
      {
        const guint8 *blob = sqlite3_column_blob (stmt, column);

        g_string_append (out, "x'");
        for (int i = 0; i < sqlite3_column_bytes (stmt, column); i++)
          g_string_append_printf (out, "%02x", blob[i]);
        g_string_append_c (out, '\'');
      }
      break;
    }
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

/* The format and schema, then every row of every table ordered by all its
 * columns: the same text for the same data, whatever the pages look like. MASK
 * prints the import-time columns as "*". */
static char *
dump_case (sqlite3  *db,
           gboolean  mask)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = prepare (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                      "(SELECT application_id FROM pragma_application_id)");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (out, "version %d application %d\n", sqlite3_column_int (stmt, 0),
                          sqlite3_column_int (stmt, 1));
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);

      g_string_append_printf (out, "%s %s: %s\n", type, sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2));
      if (g_str_equal (type, "table"))
        g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autoptr(GString) select = g_string_new ("SELECT ");
      g_autoptr(GString) order = g_string_new (NULL);
      g_autoptr(GArray) hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
      char *sql = sqlite3_mprintf ("SELECT name FROM pragma_table_info (%Q)", table);

      stmt = prepare (db, sql);
      sqlite3_free (sql);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *)sqlite3_column_text (stmt, 0);
          gboolean hide = mask && is_import_time_column (column);

          sql = sqlite3_mprintf ("\"%w\"", column);
          g_string_append_printf (select, "%s%s", hidden->len > 0 ? ", " : "", sql);
          if (!hide)
            g_string_append_printf (order, "%s%s", order->len > 0 ? ", " : "", sql);
          g_array_append_val (hidden, hide);
          sqlite3_free (sql);
        }
      sqlite3_finalize (stmt);

      sql = sqlite3_mprintf (" FROM \"%w\"", table);
      g_string_append (select, sql);
      sqlite3_free (sql);
      if (order->len > 0)
        g_string_append_printf (select, " ORDER BY %s", order->str);

      stmt = prepare (db, select->str);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append (out, table);
          for (guint c = 0; c < hidden->len; c++)
            {
              g_string_append_c (out, '|');
              if (g_array_index (hidden, gboolean, c))
                g_string_append_c (out, '*');
              else
                append_value (out, stmt, (int)c);
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (out, FALSE);
}

/* NULL if SQLite finds nothing wrong with the file and its references. */
static char *
dup_integrity_problem (sqlite3 *db)
{
  sqlite3_stmt *stmt = prepare (db, "PRAGMA integrity_check");
  char *problem = NULL;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    problem = g_strdup_printf ("integrity_check: %s", sqlite3_errmsg (db));
  else if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = g_strdup_printf ("integrity_check: %s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (problem != NULL)
    return problem;

  stmt = prepare (db, "PRAGMA foreign_key_check");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    problem = g_strdup_printf ("foreign_key_check: a row of %s has a broken reference",
                               sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return problem;
}

/* The case as the next program sees it: opened read-write, as the app would, so
 * that SQLite recovers what a killed writer left (a hot -wal). Either dump may be
 * NULL (not wanted). */
static char *
read_case (const char  *path,
           char       **exact,
           char       **masked)
{
  sqlite3 *db = NULL;
  char *problem;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      problem = g_strdup_printf ("cannot open the case: %s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return problem;
    }
  problem = dup_integrity_problem (db);
  if (problem == NULL && exact != NULL)
    *exact = dump_case (db, FALSE);
  if (problem == NULL && masked != NULL)
    *masked = dump_case (db, TRUE);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return problem;
}

/* "line 123: found “…”, expected “…”" */
static char *
describe_difference (const char *found,
                     const char *expected)
{
  g_auto(GStrv) a = g_strsplit (found, "\n", -1);
  g_auto(GStrv) b = g_strsplit (expected, "\n", -1);
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      break;
  return g_strdup_printf ("line %u: found “%.300s”, expected “%.300s”", i + 1,
                          a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
}

static void
reset_case (Target *target)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (target->case_path, suffixes[i], NULL);

      g_remove (file);
    }
  g_file_set_contents_full (target->case_path, g_bytes_get_data (target->before_bytes, NULL),
                            g_bytes_get_size (target->before_bytes),
                            G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}

typedef struct
{
  GSubprocess *process;
  GBytes      *err;
  GError      *error;
  gboolean     done;
  gboolean     timed_out;
} Child;

static void
on_communicated_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Child *child = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (object), result, NULL, &child->err,
                                   &child->error);
  child->done = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  Child *child = user_data;

  child->timed_out = TRUE;
  g_subprocess_force_exit (child->process);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  gboolean exited;
  int      status;        /* exit status, or the signal */
  gboolean timed_out;
  char    *err;           /* stderr, made valid UTF-8 */
  gint64   allocations;   /* from the module's report; -1: none (the child died) */
  gint64   failures;
} ChildRun;

static void
child_run_clear (ChildRun *run)
{
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChildRun, child_run_clear)

/* Runs `redstring-cli import BUNDLE CASE` with the module preloaded; N = 0 fails
 * nothing. The test process itself never has the module. */
static void
run_import (Target     *target,
            const char *bundle,
            guint64     n,
            ChildRun   *run)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *report = rs_test_temp_path ("failmalloc-report");
  g_autofree char *n_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gint64 start = g_get_monotonic_time ();
  Child child = { 0 };
  guint timeout_id;

  g_remove (report);
  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", module_path, TRUE);
  g_subprocess_launcher_setenv (launcher, "RS_FAILMALLOC_REPORT", report, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "RS_FAILMALLOC_STICKY");
  if (n > 0)
    g_subprocess_launcher_setenv (launcher, "RS_FAILMALLOC_AT", n_text, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "RS_FAILMALLOC_AT");

  child.process = g_subprocess_launcher_spawn (launcher, &error, rs_test_cli_path (), "import",
                                               bundle, target->case_path, NULL);
  g_assert_no_error (error);

  /* A child that waits forever (a lock an error path forgot) is a failure too. */
  timeout_id = g_timeout_add_seconds (CHILD_TIMEOUT_SECONDS, on_timeout_cb, &child);
  g_subprocess_communicate_async (child.process, NULL, NULL, on_communicated_cb, &child);
  while (!child.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (child.error);
  g_subprocess_wait (child.process, NULL, &error);
  g_assert_no_error (error);
  if (!child.timed_out)
    g_source_remove (timeout_id);
  target->child_usec += g_get_monotonic_time () - start;

  run->timed_out = child.timed_out;
  run->exited = g_subprocess_get_if_exited (child.process);
  run->status = run->exited ? g_subprocess_get_exit_status (child.process)
                            : g_subprocess_get_term_sig (child.process);
  /* An empty GBytes may have no data pointer, which g_utf8_make_valid refuses. */
  run->err = g_bytes_get_size (child.err) > 0
               ? g_utf8_make_valid (g_bytes_get_data (child.err, NULL),
                                    g_bytes_get_size (child.err))
               : g_strdup ("");
  g_bytes_unref (child.err);
  g_object_unref (child.process);

  run->allocations = run->failures = -1;
  if (g_file_get_contents (report, &contents, NULL, NULL))
    {
      g_auto(GStrv) fields = g_strsplit (g_strstrip (contents), " ", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      run->allocations = g_ascii_strtoll (fields[0], NULL, 10);
      run->failures = g_ascii_strtoll (fields[1], NULL, 10);
    }
}

static char *
dup_last_line (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *start = strrchr (copy, '\n');

  return g_strdup (start ? start + 1 : copy);
}

/* What GLib, GSlice and libc say when memory runs out. Any other message on a
 * death (a CRITICAL made fatal by G_DEBUG, an assertion) is a bug the failure
 * uncovered, not an out-of-memory report. */
static gboolean
says_out_of_memory (const char *err)
{
  return strstr (err, "failed to allocate") != NULL ||
         strstr (err, "Cannot allocate memory") != NULL;
}

static Outcome
classify (Target         *target,
          const ChildRun *run,
          char          **why)
{
  g_autoptr(GBytes) bytes = rs_test_read_file (target->case_path);
  g_autofree char *wal = g_strconcat (target->case_path, "-wal", NULL);
  g_autofree char *exact = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *said = dup_last_line (run->err);
  gboolean untouched, complete;

  /* Byte-identical with no -wal beside it: untouched in the strictest sense. For
   * the summary only: the verdict compares what the next program reads. */
  if (g_bytes_equal (bytes, target->before_bytes) && !g_file_test (wal, G_FILE_TEST_EXISTS))
    target->untouched_bytes++;

  if ((problem = read_case (target->case_path, &exact, NULL)))
    {
      *why = g_strdup_printf ("the case is damaged (%s)", problem);
      return OUTCOME_BAD;
    }
  untouched = g_str_equal (exact, target->before);
  /* Most runs leave the case as it was: one dump is enough for them. */
  if ((!untouched || (run->exited && run->status == 0)) &&
      (problem = read_case (target->case_path, NULL, &masked)))
    {
      *why = g_strdup_printf ("the case is damaged (%s)", problem);
      return OUTCOME_BAD;
    }
  complete = masked != NULL && g_str_equal (masked, target->after);

  if (run->timed_out)
    {
      *why = g_strdup_printf ("still running after %d s", CHILD_TIMEOUT_SECONDS);
      return OUTCOME_BAD;
    }

  if (run->exited && run->status == 0)
    {
      if (!complete)
        {
          g_autofree char *difference = describe_difference (masked, target->after);

          *why = g_strdup_printf ("exit 0, but the import is not all there (%s)", difference);
          return OUTCOME_BAD;
        }
      if (run->failures < 0)
        {
          *why = g_strdup ("exit 0, but the module wrote no report (not preloaded?)");
          return OUTCOME_BAD;
        }
      return run->failures > 0 ? OUTCOME_COPED : OUTCOME_NOT_REACHED;
    }

  if (run->exited && run->status == 1)
    {
      if (!g_str_has_prefix (run->err, "redstring-cli: "))
        {
          *why = g_strdup_printf ("exit 1 without the CLI's message (stderr: “%s”)", run->err);
          return OUTCOME_BAD;
        }
      if (!untouched)
        {
          g_autofree char *difference = describe_difference (exact, target->before);

          *why = g_strdup_printf ("exit 1 (“%s”), but the case changed%s (%s)", said,
                                  complete ? ": the import went in" : "", difference);
          return OUTCOME_BAD;
        }
      return OUTCOME_ERROR;
    }

  if (!run->exited && (run->status == SIGABRT || run->status == SIGTRAP))
    {
      g_autofree char *difference = NULL;

      if (!says_out_of_memory (run->err))
        {
          *why = g_strdup_printf ("killed by signal %d without an out-of-memory message "
                                  "(stderr: “%s”)", run->status, run->err);
          return OUTCOME_BAD;
        }
      if (untouched)
        return OUTCOME_ABORT;
      if (complete)
        return OUTCOME_ABORT_AFTER_COMMIT;
      difference = describe_difference (exact, target->before);
      *why = g_strdup_printf ("killed by signal %d (“%s”) with part of the import in (%s)",
                              run->status, said, difference);
      return OUTCOME_BAD;
    }

  *why = g_strdup_printf ("%s %d (stderr: “%s”)", run->exited ? "exit status" : "killed by signal",
                          run->status, run->err);
  return OUTCOME_BAD;
}

/* "(import:1234): GLib-ERROR **: 12:34:56.789: ../glib/gmem.c:136: failed to
 * allocate 32 bytes": counted by what was said, not by whom, when or how much. */
static void
count_message (Target     *target,
               const char *err)
{
  static GRegex *details;
  g_autofree char *said = dup_last_line (err);
  char *general;
  guint count;

  if (g_once_init_enter (&details))
    g_once_init_leave (&details, g_regex_new ("^\\((import|process):[0-9]+\\): |"
                                              "[0-9:.]{12}: |[0-9]+ bytes|\\[[0-9]+\\]| “/[^”]*”",
                                              G_REGEX_OPTIMIZE, 0, NULL));
  general = g_regex_replace_literal (details, said, -1, 0, "", 0, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (target->messages, general));
  g_hash_table_insert (target->messages, general, GUINT_TO_POINTER (count + 1));
}

static Outcome
try_at (Target  *target,
        guint64  n)
{
  g_auto(ChildRun) run = { 0 };
  g_autofree char *why = NULL;
  gpointer known;
  Outcome outcome;

  if (g_hash_table_lookup_extended (target->tried, &n, NULL, &known))
    return GPOINTER_TO_INT (known) - 1;

  reset_case (target);
  run_import (target, target->bundle, n, &run);
  outcome = classify (target, &run, &why);

  /* N must mean the same allocation in every run, or it points nowhere. */
  if (outcome == OUTCOME_NOT_REACHED && n <= target->k)
    {
      g_clear_pointer (&why, g_free);
      why = g_strdup_printf ("nothing failed, although a clean run makes %" G_GUINT64_FORMAT
                             " allocations (this one made %" G_GINT64_FORMAT ")",
                             target->k, run.allocations);
      outcome = OUTCOME_BAD;
    }

  /* Every bad run is listed: TAP keeps only the last failure's text. */
  if (outcome == OUTCOME_BAD)
    {
      g_test_message ("BAD: %s, N = %" G_GUINT64_FORMAT ": %s", target->label, n, why);
      g_test_fail_printf ("%s, N = %" G_GUINT64_FORMAT ": %s", target->label, n, why);
    }
  if (outcome == OUTCOME_ERROR || outcome == OUTCOME_ABORT || outcome == OUTCOME_ABORT_AFTER_COMMIT)
    count_message (target, run.err);

  g_hash_table_insert (target->tried, g_memdup2 (&n, sizeof n), GINT_TO_POINTER (outcome + 1));
  target->counts[outcome]++;
  return outcome;
}

static void
run_cli_ok (const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(RsTestRun) run = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)rs_test_cli_path ());
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  rs_test_run_argv (&run, (const char * const *)argv->pdata);
  g_assert_cmpint (run.status, ==, 0);
}

/* How many allocations a clean import of BUNDLE into a copy of the case makes;
 * it must be the same twice. */
static guint64
count_clean_run (Target     *target,
                 const char *bundle)
{
  g_auto(ChildRun) first = { 0 };
  g_auto(ChildRun) second = { 0 };

  reset_case (target);
  run_import (target, bundle, 0, &first);
  g_assert_true (first.exited);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (first.failures, ==, 0);
  /* Fails if the module was not preloaded at all (ld.so only warns then). */
  g_assert_cmpint (first.allocations, >, 1000);

  reset_case (target);
  run_import (target, bundle, 0, &second);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpint (second.allocations, ==, first.allocations);
  return first.allocations;
}

/* Makes the case with `redstring-cli new`, reads it, and imports into a copy with
 * nothing failing: K, and the state a complete import leaves. */
static void
target_init (Target     *target,
             const char *label,
             const char *bundle,
             gboolean    sample)
{
  g_autofree char *made = rs_test_temp_path ("before.redstring");
  g_autofree char *wal = g_strconcat (made, "-wal", NULL);
  g_autofree char *problem = NULL;
  g_autofree char *exact = NULL;

  target->label = label;
  target->bundle = g_strdup (bundle);
  target->case_path = rs_test_temp_path ("case.redstring");
  target->tried = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  target->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_remove (made);
  if (sample)
    run_cli_ok ("new", "--sample", made, NULL);
  else
    run_cli_ok ("new", made, NULL);
  /* A closed case is one file: copying it copies the case. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  target->before_bytes = rs_test_read_file (made);
  problem = read_case (made, &target->before, NULL);
  g_assert_null (problem);

  target->k = count_clean_run (target, bundle);
  problem = read_case (target->case_path, &exact, &target->after);
  g_assert_null (problem);
  g_assert_cmpstr (exact, !=, target->before);
}

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->bundle, g_free);
  g_clear_pointer (&target->case_path, g_free);
  g_clear_pointer (&target->before_bytes, g_bytes_unref);
  g_clear_pointer (&target->before, g_free);
  g_clear_pointer (&target->after, g_free);
  g_clear_pointer (&target->tried, g_hash_table_unref);
  g_clear_pointer (&target->messages, g_hash_table_unref);
}

static gboolean
leaves_case_as_it_was (Outcome outcome)
{
  return outcome == OUTCOME_ERROR || outcome == OUTCOME_ABORT;
}

/* The first N whose failure leaves the import in, between BEFORE (a run that left
 * the case as it was) and AFTER (one that died after the commit). A run that
 * coped says nothing about where the commit is: the next N is tried instead. */
static guint64
find_commit (Target  *target,
             guint64  before,
             guint64  after)
{
  guint64 low = before, high = after;

  while (high - low > 1)
    {
      guint64 middle = low + (high - low) / 2, n;
      Outcome outcome = OUTCOME_COPED;

      for (n = middle; n < high; n++)
        {
          outcome = try_at (target, n);
          if (leaves_case_as_it_was (outcome) || outcome == OUTCOME_ABORT_AFTER_COMMIT)
            break;
        }
      if (n == high)
        high = middle;
      else if (outcome == OUTCOME_ABORT_AFTER_COMMIT)
        high = after = n;
      else
        low = n;
    }
  return after;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *messages = user_data;

  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (messages, *(char **)b)) -
         (int)GPOINTER_TO_UINT (g_hash_table_lookup (messages, *(char **)a));
}

static void
report (Target *target,
        gint64  start)
{
  g_autofree char **lines = NULL;
  guint n_lines;

  g_test_message ("%s: K = %" G_GUINT64_FORMAT " allocations, commit at N = %" G_GUINT64_FORMAT
                  "; %u runs in %.1f s (%.1f s in the CLI)", target->label, target->k,
                  target->commit, g_hash_table_size (target->tried),
                  (g_get_monotonic_time () - start) / 1e6, target->child_usec / 1e6);
  for (int o = 0; o < N_OUTCOMES; o++)
    g_test_message ("  %-20s %u", outcome_names[o], target->counts[o]);
  g_test_message ("  case untouched byte for byte, no -wal: %u", target->untouched_bytes);
  lines = (char **)g_hash_table_get_keys_as_array (target->messages, &n_lines);
  g_qsort_with_data (lines, n_lines, sizeof (char *), compare_counts, target->messages);
  for (guint i = 0; i < MIN (n_lines, 12); i++)
    g_test_message ("  %4u × %s",
                    GPOINTER_TO_UINT (g_hash_table_lookup (target->messages, lines[i])), lines[i]);
}

static void
sweep (Target     *target,
       const Plan *plan)
{
  guint64 dense = MIN (plan->dense, target->k);
  guint64 before = 0, after = 0, first, last;
  gint64 start = g_get_monotonic_time ();

  for (guint64 n = 1; n <= dense; n++)
    try_at (target, n);

  for (guint i = 1; i <= plan->spread; i++)
    {
      guint64 n = dense + (target->k - dense) * i / (plan->spread + 1);
      Outcome outcome = try_at (target, n);

      if (after == 0 && outcome == OUTCOME_ABORT_AFTER_COMMIT)
        after = n;
      else if (after == 0 && leaves_case_as_it_was (outcome))
        before = n;
    }
  /* No spread N fell after the commit: the last allocations of the run do. */
  for (guint64 n = target->k; after == 0 && n > before && n + 50 > target->k; n--)
    {
      Outcome outcome = try_at (target, n);

      if (outcome == OUTCOME_ABORT_AFTER_COMMIT)
        after = n;
      else if (leaves_case_as_it_was (outcome))
        before = n;
    }
  /* Both sides of the commit were reached. */
  g_assert_cmpuint (before, >, 0);
  g_assert_cmpuint (after, >, before);

  target->commit = find_commit (target, before, after);
  first = target->commit > plan->before_commit ? target->commit - plan->before_commit : 1;
  last = MIN (target->commit + plan->after_commit, target->k);
  for (guint64 n = first; n <= last; n++)
    try_at (target, n);

  for (guint64 n = target->k > plan->tail ? target->k - plan->tail + 1 : 1; n <= target->k; n++)
    try_at (target, n);
  g_assert_cmpint (try_at (target, target->k + 1), ==, OUTCOME_NOT_REACHED);

  report (target, start);
  /* Both ways to fail were seen. */
  g_assert_cmpuint (target->counts[OUTCOME_ERROR], >, 0);
  g_assert_cmpuint (target->counts[OUTCOME_ABORT], >, 0);
}

static gboolean
have_module (void)
{
  if (module_path != NULL)
    return TRUE;
  g_test_skip ("no rs-failmalloc module given (run through meson test)");
  return FALSE;
}

static const char *
sample_bundle (void)
{
  return g_test_get_filename (G_TEST_DIST, "data", "bundles", "tick-2021.json", NULL);
}

/* Another case's bundle into the sample case: a merge (issue 21), read into a
 * scratch case, matched, and its plan written as one change. */
static void
test_import_into_case (void)
{
  const Plan plan = { .dense = 300, .spread = 150, .before_commit = 25, .after_commit = 25,
                      .tail = 25 };
  g_autofree char *other = g_test_build_filename (G_TEST_DIST, "data", "bundles",
                                                  "colleague-eset.json", NULL);
  Target target = { 0 };

  if (!have_module ())
    return;
  target_init (&target, "another case into the sample case", other, TRUE);
  sweep (&target, &plan);
  target_clear (&target);
}

/* The sample bundle into a new, empty case: the records keep the bundle's ids and
 * the case takes its title. Program start is the same as above: no dense part. */
static void
test_import_into_empty_case (void)
{
  const Plan plan = { .spread = 80, .before_commit = 25, .after_commit = 25, .tail = 25 };
  Target target = { 0 };

  if (!have_module ())
    return;
  target_init (&target, "sample into an empty case", sample_bundle (), FALSE);
  sweep (&target, &plan);
  target_clear (&target);
}

/* One document with every optional field, into an empty case, failing every
 * allocation from before its write to the end of the run. A bundle without records
 * says how many allocations reading and writing the document add, which bounds
 * where its write starts before the commit. */
static void
test_import_one_document (void)
{
  static const char one_document[] =
    "{\"format\": \"redstring-case\", \"version\": 1, \"documents\": [{\"id\": \"doc\", "
    "\"title\": \"A report\", \"publisher\": \"A publisher\", \"author\": \"An author\", "
    "\"url\": \"https://example.org/report\", \"published\": \"2021-04-20\", "
    "\"imported_at\": \"2021-04-21T10:00:00Z\", \"reliability\": \"B\", "
    "\"text\": \"What the report says.\"}]}";
  static const char no_records[] = "{\"format\": \"redstring-case\", \"version\": 1}";
  g_autofree char *bundle = rs_test_temp_path ("one-document.json");
  g_autofree char *empty_bundle = rs_test_temp_path ("no-records.json");
  Plan plan = { .spread = 20, .tail = 0 };
  Target target = { 0 };
  guint64 k_empty;

  if (!have_module ())
    return;
  rs_test_write_file (bundle, one_document, strlen (one_document));
  rs_test_write_file (empty_bundle, no_records, strlen (no_records));
  target_init (&target, "one document into an empty case", bundle, FALSE);
  k_empty = count_clean_run (&target, empty_bundle);
  g_assert_cmpuint (k_empty, <, target.k);

  plan.before_commit = target.k - k_empty + 20;
  plan.after_commit = target.k;
  sweep (&target, &plan);
  target_clear (&target);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (argc > 1)
    module_path = g_canonicalize_filename (argv[1], NULL);

  g_test_add_func ("/alloc/import/into-case", test_import_into_case);
  g_test_add_func ("/alloc/import/into-empty-case", test_import_into_empty_case);
  g_test_add_func ("/alloc/import/one-document", test_import_one_document);

  return g_test_run ();
}
