/* test-power-loss.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "rs-error.h"
#include "rs-fault-ops.h"
#include "rs-fault-vfs.h"
#include "rs-test-utils.h"

/* The power goes in the middle of every write path of the store.
 *
 * For each op, a clean run counts K, its writes + syncs + truncates. Then for each N
 * in rs_fault_points (K) (every N up to 60, then a spread), from a fresh copy of the
 * starting case, the power goes at the N-th op: that op and all I/O after it fail,
 * and each file loses whatever was written to it since its last sync (see
 * rs-fault-vfs.c). After the reboot:
 *
 *  - the case passes integrity_check and foreign_key_check, and holds exactly the
 *    state before the op or after it (an op that reported success: after);
 *  - rs_case_store_open opens it and shows that state. A case being created is
 *    opened as "New" would, with RS_CASE_STORE_OPEN_CREATE: there was no case, or a
 *    brand new one.
 *
 * And durability: once the op has returned success, the power goes at the first
 * write of the next, unrelated edit; after the reboot the case holds the state
 * after the op.
 *
 * One exception, counted and reported rather than failed: making the sample case is
 * two transactions (the CLI's `new --sample` and the window create the case, then
 * import the sample into it; on failure they remove the case, which a dead machine
 * cannot). A cut between them leaves the new, empty case: whole and openable, but
 * neither state. Fixing it takes the callers (app/cli, app/gui) making the case
 * under a temporary name, or one store call for both steps. */

typedef struct
{
  char *before;
  char *after;
  char *model_before;  /* NULL when the op starts with no case */
  char *model_after;
  char *model_new;     /* a case made anew where there was none */
  char *new_case;      /* the same, on disk */
} Reference;

typedef struct
{
  const char *name;
  guint       k;
  guint       n_cuts;
  guint       n_before;
  guint       n_after;
  guint       n_after_failed;  /* the op reported failure, but its change was durable */
  guint       n_new_case;      /* a two-step op cut between its steps (see above) */
  gboolean    durable;
  double      seconds;
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
  g_clear_pointer (&ref->model_new, g_free);
  g_clear_pointer (&ref->new_case, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reference, reference_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsFaultCase, rs_fault_case_clear)

static gboolean
creates_case (const RsFaultOp *op)
{
  return op->start == RS_FAULT_START_NOTHING;
}

static void
learn (const RsFaultOp *op,
       RsFaultCase     *fc,
       Reference       *ref,
       OpReport        *report)
{
  g_autoptr(GError) error = NULL;

  if (creates_case (op))
    {
      rs_fault_case_prepare (fc, RS_FAULT_START_NOTHING);
      g_assert_nonnull (rs_fault_case_reopen (fc, TRUE, &error));
      g_assert_no_error (error);
      ref->model_new = rs_fault_case_dump_model (fc);
      rs_fault_case_close (fc);
      ref->new_case = rs_fault_case_dump (fc, FALSE);
    }

  rs_fault_case_prepare (fc, op->start);
  ref->before = rs_fault_case_dump (fc, FALSE);
  ref->model_before = rs_fault_case_dump_model (fc);

  rs_fault_vfs_reset ();
  g_assert_true (op->run (fc, &error));
  g_assert_no_error (error);
  report->k = rs_fault_vfs_get_n_ops ();
  ref->after = rs_fault_case_dump (fc, FALSE);
  ref->model_after = rs_fault_case_dump_model (fc);
  rs_fault_case_close (fc);
}

/* The power has gone: the dying store lets go of the case, and the machine reboots.
 * Then the case must be whole and in one of the two states, and open. */
typedef enum
{
  STATE_BEFORE,
  STATE_AFTER,
  STATE_NEW_CASE,  /* a two-step op cut between its steps */
} State;

static State
reboot_and_check (const RsFaultOp *op,
                  RsFaultCase     *fc,
                  const Reference *ref,
                  const char      *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *model = NULL;
  State result;

  rs_fault_case_close (fc);
  rs_fault_vfs_reset ();

  /* First through a connection that writes nothing: opening with "New" would make a
   * case where there was none. */
  state = rs_fault_case_dump (fc, FALSE);
  if (op->two_steps && g_strcmp0 (state, ref->new_case) == 0)
    result = STATE_NEW_CASE;
  else if (rs_fault_state_is_after (what, state, ref->before, ref->after))
    result = STATE_AFTER;
  else
    result = STATE_BEFORE;

  if (!rs_fault_case_reopen (fc, creates_case (op), &error))
    g_error ("%s: the case does not open after the power cut: %s", what, error->message);
  model = rs_fault_case_dump_model (fc);
  if (result == STATE_AFTER)
    g_assert_cmpstr (model, ==, ref->model_after);
  else if (creates_case (op))
    g_assert_cmpstr (model, ==, ref->model_new);
  else
    g_assert_cmpstr (model, ==, ref->model_before);
  rs_fault_case_close (fc);

  return result;
}

static void
cut_power_during (const RsFaultOp *op,
                  RsFaultCase     *fc,
                  const Reference *ref,
                  guint            n,
                  OpReport        *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%s, power cut at %u", op->name, n);
  gboolean ok;
  State state;

  rs_fault_case_prepare (fc, op->start);
  rs_fault_vfs_power_cut_at (n);
  ok = op->run (fc, &error);
  g_assert_true (rs_fault_vfs_has_fired ());
  report->n_cuts++;

  state = reboot_and_check (op, fc, ref, what);
  if (ok && state != STATE_AFTER)
    g_error ("%s: the op said it had saved, but its change was lost", what);

  if (state == STATE_AFTER)
    report->n_after++;
  else if (state == STATE_BEFORE)
    report->n_before++;
  else
    report->n_new_case++;
  if (state == STATE_AFTER && !ok)
    {
      report->n_after_failed++;
      g_test_message ("%s: the op reported failure, but its change is on disk: %s", what,
                      error->message);
    }
}

/* What the UI showed as saved survives the power going at the next edit. */
static void
cut_power_after (const RsFaultOp *op,
                 RsFaultCase     *fc,
                 const Reference *ref,
                 OpReport        *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%s, power cut at the next edit", op->name);

  rs_fault_case_prepare (fc, op->start);
  g_assert_true (op->run (fc, &error));
  g_assert_no_error (error);

  rs_fault_vfs_power_cut_at (1);
  g_assert_false (rs_fault_case_follow_up (fc, &error));
  g_assert_true (rs_fault_vfs_has_fired ());
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);

  if (reboot_and_check (op, fc, ref, what) != STATE_AFTER)
    g_error ("%s: the op had returned success, but its change was lost", what);
  report->durable = TRUE;
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

  rs_fault_case_init (&fc);
  learn (op, &fc, &ref, report);

  points = rs_fault_points (report->k);
  for (guint i = 0; i < points->len; i++)
    cut_power_during (op, &fc, &ref, g_array_index (points, guint, i), report);
  cut_power_after (op, &fc, &ref, report);

  report->seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("%s: K = %u; %u power cuts: %u left the state before, %u after (%u of "
                  "them although the op reported failure); a cut at the next edit kept it: "
                  "%s; %.2f s", op->name, report->k, report->n_cuts, report->n_before,
                  report->n_after, report->n_after_failed, report->durable ? "yes" : "no",
                  report->seconds);
  if (report->n_new_case > 0)
    g_test_message ("%s: KNOWN ISSUE: %u power cuts between its two transactions left a new, "
                    "empty case (whole and openable) instead of none or the full one",
                    op->name, report->n_new_case);
}

static void
test_summary (void)
{
  guint total = 0;

  g_test_message ("%-20s %5s %5s %7s %6s %13s %9s %8s %7s", "op", "K", "cuts", "before",
                  "after", "after-failed", "new-empty", "durable", "seconds");
  for (guint i = 0; i < n_reports; i++)
    {
      const OpReport *r = &reports[i];

      g_test_message ("%-20s %5u %5u %7u %6u %13u %9u %8s %7.2f", r->name, r->k, r->n_cuts,
                      r->n_before, r->n_after, r->n_after_failed, r->n_new_case,
                      r->durable ? "yes" : "no", r->seconds);
      total += r->n_cuts + 1;
    }
  g_test_message ("%u power cuts over %u ops", total, n_reports);
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
      g_autofree char *path = g_strdup_printf ("/store/power-loss/%s", ops[i].name);

      g_test_add_data_func (path, &ops[i], test_op);
    }
  g_test_add_func ("/store/power-loss/summary", test_summary);

  return g_test_run ();
}
