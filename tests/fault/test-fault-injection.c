/* test-fault-injection.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include <gio/gio.h>

#include "rs-error.h"
#include "rs-fault-ops.h"
#include "rs-fault-vfs.h"
#include "rs-fuzzy-date.h"
#include "rs-test-utils.h"

/* Every write path of the store, with its writes and syncs failing one at a time.
 *
 * For each op, a clean run counts K, its writes + syncs + truncates. Then for each
 * fault point N (below), from a fresh copy of the starting case, a fault is armed at
 * the N-th op and:
 *
 *  1. the op fails with RS_ERROR_STORAGE and a message naming the file and the disk;
 *  2. the file passes integrity_check and foreign_key_check;
 *  3. the file holds exactly the state before the op or after it (a canonical dump
 *     of every row of every table), and what the store shows agrees with it;
 *  4. with the fault lifted, the same store does the op again, and then shows the
 *     state after; closed, the file passes 2 and holds the state after; reopened,
 *     the store shows it too.
 *
 * 2 and 3 are first checked while the store is still open, through a read-only
 * connection of its own (SQLite's connections in one process share their locks), so
 * that the retry in 4 is on the same store; once it is closed, the file is checked
 * again.
 *
 * Fault points and kinds, to stay near 20 s on two cores (a run costs 10-40 ms: a
 * fresh copy, two opens of the case, two dumps, three exports of the model):
 *
 *  - N: every N in 1..min(K, 60); past 60, 20 more spread evenly to K
 *    (rs_fault_points()).
 *  - At each N, two faults: one-shot and sticky (every op after the N-th fails too,
 *    a full disk). The code alternates with N: one-shot SQLITE_FULL and sticky
 *    SQLITE_IOERR at odd N, the other way round at even N, so that each of the four
 *    kinds meets every other N. At N = K (the commit's sync) all four.
 *  - Heavy ops (the bundle imports, K = 70-180, each run importing twice and
 *    reloading the result; the delete that spills) get one fault per N, its kind
 *    going round the four; at N = K still all four.
 *
 * The "-spilling" ops run short of memory, so that SQLite writes pages to the -wal
 * before the commit and the faults land in the middle of the op. Even then SQLite
 * rolls the whole transaction back by itself on SQLITE_FULL and SQLITE_IOERR: what
 * the store's own rollback has to do is tested by /store/fault-injection/
 * refused-mid-op. */

typedef enum
{
  ONE_SHOT_FULL,
  ONE_SHOT_IOERR,
  STICKY_FULL,
  STICKY_IOERR,
  N_KINDS
} FaultKind;

typedef struct
{
  char *before;
  char *after;
  char *model_before;  /* NULL when the op starts with no case */
  char *model_after;
} Reference;

typedef struct
{
  const char       *name;
  guint             k;
  RsFaultVfsCounts  counts;
  guint             n_points;
  guint             n_injected;
  guint             n_by_kind[N_KINDS];
  GHashTable       *messages;  /* the distinct error messages, file paths cut short */
  guint             n_before;
  guint             n_after;
  guint             n_absorbed;
  double            seconds;
} OpReport;

static OpReport reports[64];
static guint n_reports;

static void
reference_clear (Reference *ref)
{
  g_clear_pointer (&ref->before, g_free);
  g_clear_pointer (&ref->after, g_free);
  g_clear_pointer (&ref->model_before, g_free);
  g_clear_pointer (&ref->model_after, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reference, reference_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsFaultCase, rs_fault_case_clear)

static void
learn (const RsFaultOp *op,
       RsFaultCase     *fc,
       Reference       *ref,
       OpReport        *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *reloaded = NULL;

  rs_fault_case_prepare (fc, op->start);
  ref->before = rs_fault_case_dump (fc, TRUE);
  ref->model_before = rs_fault_case_dump_model (fc);

  rs_fault_vfs_reset ();
  g_assert_true (op->run (fc, &error));
  g_assert_no_error (error);
  report->k = rs_fault_vfs_get_n_ops ();
  rs_fault_vfs_get_counts (&report->counts);
  g_assert_cmpuint (report->k, >, 0);

  ref->after = rs_fault_case_dump (fc, TRUE);
  ref->model_after = rs_fault_case_dump_model (fc);
  g_assert_cmpstr (ref->before, !=, ref->after);

  /* Closing changes nothing, and what the store showed is what a reload shows. */
  rs_fault_case_close (fc);
  closed = rs_fault_case_dump (fc, TRUE);
  g_assert_cmpstr (closed, ==, ref->after);
  g_assert_nonnull (rs_fault_case_reopen (fc, FALSE, &error));
  g_assert_no_error (error);
  reloaded = rs_fault_case_dump_model (fc);
  g_assert_cmpstr (reloaded, ==, ref->model_after);
  rs_fault_case_close (fc);
}

/* The file (whole, and the state after the op) once the store is closed, and what
 * the store shows when it is opened again. */
static void
check_closed_and_reopened (const RsFaultOp *op,
                           RsFaultCase     *fc,
                           const Reference *ref,
                           const char      *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *model = NULL;

  rs_fault_case_close (fc);
  state = rs_fault_case_dump (fc, TRUE);
  if (!rs_fault_state_is_after (what, state, ref->before, ref->after))
    g_error ("%s: once closed, the file holds the state before the op", what);

  if (!rs_fault_case_reopen (fc, FALSE, &error))
    g_error ("%s: the case does not open again: %s", what, error->message);
  model = rs_fault_case_dump_model (fc);
  g_assert_cmpstr (model, ==, ref->model_after);
  rs_fault_case_close (fc);
}

/* One fault: returns whether the file then held the state after the op. */
static gboolean
run_with_fault (const RsFaultOp *op,
                RsFaultCase     *fc,
                const Reference *ref,
                guint            n,
                FaultKind        kind,
                OpReport        *report)
{
  static const char *kind_names[] = { "one-shot FULL", "one-shot IOERR", "sticky FULL",
                                      "sticky IOERR" };
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%s, %s at %u", op->name, kind_names[kind], n);
  int errcode = kind == ONE_SHOT_FULL || kind == STICKY_FULL ? SQLITE_FULL : SQLITE_IOERR;
  gboolean sticky = kind == STICKY_FULL || kind == STICKY_IOERR;
  g_autofree char *state = NULL;
  g_autofree char *model = NULL;
  gboolean ok, after;

  rs_fault_case_prepare (fc, op->start);
  rs_fault_vfs_fail_at (n, errcode, sticky);
  ok = op->run (fc, &error);
  g_assert_true (rs_fault_vfs_has_fired ());
  rs_fault_vfs_reset ();
  report->n_injected++;
  report->n_by_kind[kind]++;

  state = rs_fault_case_dump (fc, TRUE);
  after = rs_fault_state_is_after (what, state, ref->before, ref->after);

  /* SQLite may survive a failed write on its own (one it can do without): then the op
   * must have really happened. */
  if (ok)
    {
      g_assert_no_error (error);
      if (!after)
        g_error ("%s: the op says it succeeded, but the file holds the state before it", what);
      report->n_absorbed++;
      g_test_message ("%s: absorbed by SQLite, the op succeeded", what);
    }
  else
    {
      rs_fault_assert_write_error (error, fc, op);
      {
        g_autofree char *dir = g_path_get_dirname (fc->path);
        g_auto(GStrv) parts = g_strsplit (error->message, dir, -1);

        g_hash_table_add (report->messages, g_strjoinv ("…", parts));
      }
      /* A failed op that is on disk anyway would be done twice when the user retries. */
      if (after)
        g_error ("%s: the op failed (%s), but the file holds its change", what, error->message);
    }

  /* What the store shows is what the file holds. */
  model = rs_fault_case_dump_model (fc);
  if (model != NULL)
    g_assert_cmpstr (model, ==, after ? ref->model_after : ref->model_before);

  /* Editing works again, on the same store (a case being created has none yet). */
  if (!ok)
    {
      g_clear_error (&error);
      if (!op->run (fc, &error))
        g_error ("%s: the op fails again once the fault is lifted: %s", what, error->message);
      g_clear_pointer (&model, g_free);
      model = rs_fault_case_dump_model (fc);
      g_assert_cmpstr (model, ==, ref->model_after);
    }

  check_closed_and_reopened (op, fc, ref, what);
  return after;
}

/* The kinds of fault to inject at N (see the top of the file). */
static guint
kinds_at (const RsFaultOp *op,
          guint            i,
          guint            n,
          guint            k,
          FaultKind        kinds[N_KINDS])
{
  if (n == k)
    {
      for (guint j = 0; j < N_KINDS; j++)
        kinds[j] = j;
      return N_KINDS;
    }
  if (op->heavy)
    {
      kinds[0] = i % N_KINDS;
      return 1;
    }
  kinds[0] = n % 2 ? ONE_SHOT_FULL : ONE_SHOT_IOERR;
  kinds[1] = n % 2 ? STICKY_IOERR : STICKY_FULL;
  return 2;
}

static void
test_op (gconstpointer data)
{
  const RsFaultOp *op = data;
  g_auto(RsFaultCase) fc = { 0 };
  g_auto(Reference) ref = { 0 };
  g_autoptr(GArray) points = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  OpReport *report;

  g_assert_cmpuint (n_reports, <, G_N_ELEMENTS (reports));
  report = &reports[n_reports++];
  report->name = op->name;
  report->messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rs_fault_case_init (&fc);
  learn (op, &fc, &ref, report);

  points = rs_fault_points (report->k);
  report->n_points = points->len;
  for (guint i = 0; i < points->len; i++)
    {
      guint n = g_array_index (points, guint, i);
      FaultKind kinds[N_KINDS];
      guint n_kinds = kinds_at (op, i, n, report->k, kinds);

      for (guint j = 0; j < n_kinds; j++)
        {
          if (run_with_fault (op, &fc, &ref, n, kinds[j], report))
            report->n_after++;
          else
            report->n_before++;
        }
    }

  report->seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("%s: K = %u (%u writes, %u syncs, %u truncates); %u faults at %u points "
                  "(one-shot FULL %u, one-shot IOERR %u, sticky FULL %u, sticky IOERR %u): "
                  "%u failed and left the state before, %u left the state after "
                  "(%u absorbed: the op succeeded); %.2f s",
                  op->name, report->k, report->counts.n_writes, report->counts.n_syncs,
                  report->counts.n_truncates, report->n_injected, report->n_points,
                  report->n_by_kind[ONE_SHOT_FULL], report->n_by_kind[ONE_SHOT_IOERR],
                  report->n_by_kind[STICKY_FULL], report->n_by_kind[STICKY_IOERR],
                  report->n_before, report->n_after, report->n_absorbed, report->seconds);
  {
    g_autoptr(GList) messages = g_list_sort (g_hash_table_get_keys (report->messages),
                                             (GCompareFunc)g_strcmp0);

    for (const GList *l = messages; l != NULL; l = l->next)
      g_test_message ("%s: error shown: %s", op->name, (const char *)l->data);
  }
  g_clear_pointer (&report->messages, g_hash_table_unref);
}

/* A failure SQLite does not undo by itself: a statement refused part way through an
 * op. Here an event linked to an entity that is not in the case: its row is written,
 * then its link is refused (foreign key), and only the store's savepoint takes the
 * row back out. The disk faults above never get this far: SQLite rolls the whole
 * transaction back on SQLITE_FULL and SQLITE_IOERR, and in WAL mode a small op does
 * all its I/O inside its COMMIT (or, short of memory, in a cache spill that fails
 * the same way). So this is what fails if the store's rollback breaks. */
static void
test_refused_mid_op (void)
{
  g_auto(RsFaultCase) fc = { 0 };
  g_autoptr(RsEvent) draft = rs_event_new (0);
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autoptr(RsEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *model_before = NULL;
  g_autofree char *state = NULL;
  g_autofree char *model = NULL;
  g_autofree char *closed = NULL;
  gint64 ids[2];

  rs_fault_case_init (&fc);
  rs_fault_case_prepare (&fc, RS_FAULT_START_CASE);
  before = rs_fault_case_dump (&fc, TRUE);
  model_before = rs_fault_case_dump_model (&fc);

  entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (fc.store)), 0);
  ids[0] = rs_entity_get_id (entity);
  ids[1] = G_MAXINT32;
  date = rs_fuzzy_date_parse ("2021", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_NONE, NULL);
  rs_event_set_title (draft, "Linked to an entity that is not there");
  rs_event_set_date (draft, date);
  rs_event_set_entity_ids (draft, ids, G_N_ELEMENTS (ids));

  g_assert_null (rs_case_store_add_event (fc.store, draft, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  state = rs_fault_case_dump (&fc, TRUE);
  g_assert_cmpstr (state, ==, before);
  model = rs_fault_case_dump_model (&fc);
  g_assert_cmpstr (model, ==, model_before);

  rs_fault_case_close (&fc);
  closed = rs_fault_case_dump (&fc, TRUE);
  g_assert_cmpstr (closed, ==, before);
}

static void
test_summary (void)
{
  guint total = 0;

  g_test_message ("%-20s %5s %7s %8s %7s %6s %9s %7s", "op", "K", "points", "injected", "before",
                  "after", "absorbed", "seconds");
  for (guint i = 0; i < n_reports; i++)
    {
      const OpReport *r = &reports[i];

      g_test_message ("%-20s %5u %7u %8u %7u %6u %9u %7.2f", r->name, r->k, r->n_points,
                      r->n_injected, r->n_before, r->n_after, r->n_absorbed, r->seconds);
      total += r->n_injected;
    }
  g_test_message ("%u faults injected over %u ops", total, n_reports);
}

int
main (int   argc,
      char *argv[])
{
  const RsFaultOp *ops;
  guint n_ops;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_fault_vfs_install ();

  ops = rs_fault_ops_get (&n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/fault-injection/%s", ops[i].name);

      g_test_add_data_func (path, &ops[i], test_op);
    }
  g_test_add_func ("/store/fault-injection/refused-mid-op", test_refused_mid_op);
  g_test_add_func ("/store/fault-injection/summary", test_summary);

  return g_test_run ();
}
