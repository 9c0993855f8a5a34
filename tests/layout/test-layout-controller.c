/* test-layout-controller.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-board-style.h"
#include "rs-case-store.h"
#include "rs-core.h"
#include "rs-error.h"
#include "rs-generate.h"
#include "rs-layout-controller.h"
#include "rs-test-utils.h"

/* RsLayoutController without a display: what it places, what it keeps, where it writes
 * (the file, or only the case in memory), and which of two runs wins. */

#define N_ENTITIES 24

static RsCaseStore *
open_unplaced_case (const char *name)
{
  RsCaseStore *store = rs_test_open_new_case (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_generate_case (store, N_ENTITIES, 7, FALSE, &error));
  g_assert_no_error (error);
  return store;
}

static guint
count_placed (RsCase *kase)
{
  GListModel *entities = rs_case_get_entities (kase);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      n += rs_entity_get_has_position (entity);
    }
  return n;
}

static RsEntity *
entity_at (RsCase *kase,
           guint   index)
{
  g_autoptr(RsEntity) entity = g_list_model_get_item (rs_case_get_entities (kase), index);

  return entity;  /* the case keeps it */
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GBytes) bytes = rs_test_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Everything placed and written; a second run has nothing to do. */
static void
test_places_and_writes (void)
{
  g_autoptr(RsCaseStore) store = open_unplaced_case ("ctl-write.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(RsCaseStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  guint n_placed = 99;

  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, 0);
  g_assert_true (rs_layout_controller_run (layout, NULL, FALSE, NULL, &n_placed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_placed, ==, N_ENTITIES);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, N_ENTITIES);

  g_assert_true (rs_layout_controller_run (layout, NULL, FALSE, NULL, &n_placed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_placed, ==, 0);

  /* In the file, not only in memory. */
  g_clear_object (&store);
  reopened = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (reopened)), ==, N_ENTITIES);
}

/* Read-only, or show-only: the case in memory moves, the file does not. */
static void
test_show_only (gconstpointer user_data)
{
  gboolean read_only = GPOINTER_TO_INT (user_data);
  g_autoptr(RsCaseStore) store = open_unplaced_case (read_only ? "ctl-ro.redstring"
                                                               : "ctl-show.redstring");
  g_autoptr(RsLayoutController) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_placed = 0;

  if (read_only)
    {
      g_clear_object (&store);
      store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
    }
  before = file_checksum (path);

  layout = rs_layout_controller_new (store);
  rs_layout_controller_set_show_only (layout, !read_only);
  g_assert_true (rs_layout_controller_run (layout, NULL, FALSE, NULL, &n_placed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_placed, ==, N_ENTITIES);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, N_ENTITIES);

  g_clear_object (&layout);
  g_clear_object (&store);
  /* A writable store checkpoints its journal on closing: only a read-only one leaves
   * the file byte for byte; both leave it without positions. */
  after = file_checksum (path);
  if (read_only)
    g_assert_cmpstr (before, ==, after);

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, 0);
}

/* Not everything: the placed entities stay where they are, the new one is placed.
 * Everything: all move but the pinned one. */
static void
test_new_only_and_pinned (void)
{
  g_autoptr(RsCaseStore) store = open_unplaced_case ("ctl-pinned.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(GError) error = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  RsEntity *added, *pinned;
  double x[N_ENTITIES], y[N_ENTITIES];
  guint n_placed = 0, n_moved = 0;

  g_assert_true (rs_layout_controller_run (layout, NULL, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_ENTITIES; i++)
    {
      x[i] = rs_entity_get_x (entity_at (kase, i));
      y[i] = rs_entity_get_y (entity_at (kase, i));
    }

  added = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Newcomer");
  g_assert_false (rs_entity_get_has_position (added));
  g_assert_true (rs_layout_controller_run (layout, NULL, FALSE, NULL, &n_placed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_placed, ==, 1);
  g_assert_true (rs_entity_get_has_position (added));
  for (guint i = 0; i < N_ENTITIES; i++)
    {
      g_assert_cmpfloat (rs_entity_get_x (entity_at (kase, i)), ==, x[i]);
      g_assert_cmpfloat (rs_entity_get_y (entity_at (kase, i)), ==, y[i]);
    }

  pinned = entity_at (kase, 3);
  g_assert_true (rs_case_store_set_pinned (store, rs_entity_get_id (pinned), TRUE, &error));
  g_assert_no_error (error);
  rs_layout_controller_set_engine (layout, RS_LAYOUT_ENGINE_CIRCO);
  g_assert_true (rs_layout_controller_run (layout, NULL, TRUE, NULL, &n_placed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_placed, ==, N_ENTITIES);  /* all but the pinned one, plus the newcomer */
  g_assert_cmpfloat (rs_entity_get_x (pinned), ==, x[3]);
  g_assert_cmpfloat (rs_entity_get_y (pinned), ==, y[3]);
  for (guint i = 0; i < N_ENTITIES; i++)
    n_moved += rs_entity_get_x (entity_at (kase, i)) != x[i] ||
               rs_entity_get_y (entity_at (kase, i)) != y[i];
  g_assert_cmpuint (n_moved, >, N_ENTITIES / 2);
}

typedef struct
{
  GMainLoop *loop;
  guint      pending;
  gboolean   applied[2];
  GError    *error[2];
  guint      n_placed[2];
} AsyncRuns;

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRuns *runs = g_object_get_data (object, "runs");
  guint which = GPOINTER_TO_UINT (user_data);

  runs->applied[which] = rs_layout_controller_run_finish (RS_LAYOUT_CONTROLLER (object), result,
                                                          &runs->n_placed[which],
                                                          &runs->error[which]);
  if (--runs->pending == 0)
    g_main_loop_quit (runs->loop);
}

/* A newer run replaces the older one, whose result is never applied. */
static void
test_async_newer_wins (void)
{
  g_autoptr(RsCaseStore) store = open_unplaced_case ("ctl-async.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncRuns runs = { loop, 2 };

  g_object_set_data (G_OBJECT (layout), "runs", &runs);
  rs_layout_controller_run_async (layout, NULL, FALSE, NULL, run_done_cb, GUINT_TO_POINTER (0));
  rs_layout_controller_run_async (layout, NULL, FALSE, NULL, run_done_cb, GUINT_TO_POINTER (1));
  g_main_loop_run (loop);

  g_assert_false (runs.applied[0]);
  g_assert_error (runs.error[0], G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (runs.applied[1]);
  g_assert_no_error (runs.error[1]);
  g_assert_cmpuint (runs.n_placed[1], ==, N_ENTITIES);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, N_ENTITIES);
  g_clear_error (&runs.error[0]);
}

/* Cancelled, by the controller or through the caller's cancellable: nothing applied. */
static void
test_async_cancel (gconstpointer user_data)
{
  gboolean by_caller = GPOINTER_TO_INT (user_data);
  g_autoptr(RsCaseStore) store = open_unplaced_case (by_caller ? "ctl-cancel-c.redstring"
                                                               : "ctl-cancel.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncRuns runs = { loop, 1 };

  g_object_set_data (G_OBJECT (layout), "runs", &runs);
  rs_layout_controller_run_async (layout, NULL, FALSE, cancellable, run_done_cb,
                                  GUINT_TO_POINTER (0));
  if (by_caller)
    g_cancellable_cancel (cancellable);
  else
    rs_layout_controller_cancel (layout);
  g_main_loop_run (loop);

  g_assert_false (runs.applied[0]);
  g_assert_error (runs.error[0], G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, 0);
  g_clear_error (&runs.error[0]);
}

/* A result large enough to take several slices of the main loop (a few thousand rows
 * in a debug build). */
#define N_SLICED 3000

static RsCaseStore *
open_large_case (const char *name)
{
  RsCaseStore *store = rs_test_open_new_case (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_generate_case (store, N_SLICED, 7, FALSE, &error));
  g_assert_no_error (error);
  return store;
}

typedef struct
{
  RsCaseStore *store;
  guint        n_changes;       /* "changes" emissions */
  guint        n_moved;         /* entities changed in them */
  guint        ticks_in_board;  /* timeouts that ran while the board was being written */
  gboolean     early_changes;   /* the case announced something while it was written */
} Watch;

static void
watch_changes_cb (RsCase        *kase,
                  RsCaseChanges *changes,
                  Watch         *watch)
{
  watch->n_changes++;
  watch->n_moved += rs_case_changes_get_changed (changes, RS_TYPE_ENTITY)->len;
  watch->early_changes |= rs_case_store_in_board (watch->store);
}

static gboolean
watch_tick_cb (gpointer user_data)
{
  Watch *watch = user_data;

  watch->ticks_in_board += rs_case_store_in_board (watch->store);
  return G_SOURCE_CONTINUE;
}

/* A node dragged while the layout is being written: the layout is written whole first,
 * then the drag, which wins. */
static gboolean
drag_tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  RsCase *kase = rs_case_store_get_case (watch->store);
  RsEntity *entity = entity_at (kase, 0);
  RsNodePlacement drag = { rs_entity_get_id (entity), 1, 2, FALSE };
  g_autoptr(GError) error = NULL;

  if (!rs_case_store_in_board (watch->store))
    return G_SOURCE_CONTINUE;

  watch->ticks_in_board++;
  g_assert_true (rs_case_store_set_board (watch->store, &drag, 1, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_false (rs_case_store_in_board (watch->store));
  g_assert_cmpuint (watch->n_changes, ==, 2);
  g_assert_cmpuint (count_placed (kase), ==, N_SLICED);
  g_assert_cmpfloat (rs_entity_get_x (entity), ==, 1);
  g_assert_cmpfloat (rs_entity_get_y (entity), ==, 2);
  return G_SOURCE_REMOVE;
}

/* Issue 18: the result is written a slice at a time. The main loop runs between the
 * slices, and the case announces the layout once, whole; the file has it. */
static void
test_async_slices (void)
{
  g_autoptr(RsCaseStore) store = open_large_case ("ctl-slices.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RsCaseStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  AsyncRuns runs = { loop, 1 };
  Watch watch = { store };
  RsNodePlacement drag = { 0 };
  gulong handler;
  guint tick;

  handler = g_signal_connect (rs_case_store_get_case (store), "changes",
                              G_CALLBACK (watch_changes_cb), &watch);
  tick = g_timeout_add (1, watch_tick_cb, &watch);
  g_object_set_data (G_OBJECT (layout), "runs", &runs);
  rs_layout_controller_run_async (layout, NULL, FALSE, NULL, run_done_cb, GUINT_TO_POINTER (0));
  g_main_loop_run (loop);
  g_source_remove (tick);
  g_signal_handler_disconnect (rs_case_store_get_case (store), handler);

  g_assert_no_error (runs.error[0]);
  g_assert_true (runs.applied[0]);
  g_assert_cmpuint (runs.n_placed[0], ==, N_SLICED);
  g_assert_cmpuint (watch.ticks_in_board, >, 0);
  g_assert_false (watch.early_changes);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.n_moved, ==, N_SLICED);
  g_assert_false (rs_case_store_in_board (store));
  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, N_SLICED);

  /* Writes are taken again. */
  drag.entity_id = rs_entity_get_id (entity_at (rs_case_store_get_case (store), 0));
  g_assert_true (rs_case_store_set_board (store, &drag, 1, NULL, 0, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  reopened = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (reopened)), ==, N_SLICED);
}

/* A write meanwhile waits for the layout rather than mixing into it or being refused. */
static void
test_async_write_meanwhile (void)
{
  g_autoptr(RsCaseStore) store = open_large_case ("ctl-meanwhile.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RsCaseStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  AsyncRuns runs = { loop, 1 };
  Watch watch = { store };
  gulong handler;
  RsEntity *first;

  handler = g_signal_connect (rs_case_store_get_case (store), "changes",
                              G_CALLBACK (watch_changes_cb), &watch);
  g_timeout_add (1, drag_tick_cb, &watch);
  g_object_set_data (G_OBJECT (layout), "runs", &runs);
  rs_layout_controller_run_async (layout, NULL, FALSE, NULL, run_done_cb, GUINT_TO_POINTER (0));
  g_main_loop_run (loop);
  g_signal_handler_disconnect (rs_case_store_get_case (store), handler);

  g_assert_no_error (runs.error[0]);
  g_assert_true (runs.applied[0]);
  /* The drag's tick removed itself. */
  g_assert_cmpuint (watch.ticks_in_board, ==, 1);
  g_assert_false (watch.early_changes);
  g_assert_cmpuint (watch.n_changes, ==, 2);

  g_clear_object (&store);
  reopened = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (reopened)), ==, N_SLICED);
  first = entity_at (rs_case_store_get_case (reopened), 0);
  g_assert_cmpfloat (rs_entity_get_x (first), ==, 1);
  g_assert_cmpfloat (rs_entity_get_y (first), ==, 2);
}

/* Cancelled while its result is being written: rolled back, the case in memory and
 * in the file as before, and writable again at once. */
static void
test_async_cancel_mid_apply (void)
{
  g_autoptr(RsCaseStore) store = open_large_case ("ctl-cancel-mid.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RsCaseStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  AsyncRuns runs = { loop, 1 };
  Watch watch = { store };
  RsNodePlacement drag = { 0 };
  gulong handler;

  handler = g_signal_connect (rs_case_store_get_case (store), "changes",
                              G_CALLBACK (watch_changes_cb), &watch);
  g_object_set_data (G_OBJECT (layout), "runs", &runs);
  rs_layout_controller_run_async (layout, NULL, FALSE, NULL, run_done_cb, GUINT_TO_POINTER (0));
  /* Until the result arrives and its write begins (its first slice runs later). */
  while (!rs_case_store_in_board (store) && runs.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rs_case_store_in_board (store));

  rs_layout_controller_cancel (layout);
  g_assert_false (rs_case_store_in_board (store));
  while (runs.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (rs_case_store_get_case (store), handler);

  g_assert_false (runs.applied[0]);
  g_assert_error (runs.error[0], G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&runs.error[0]);
  g_assert_cmpuint (watch.n_changes, ==, 0);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (store)), ==, 0);

  drag.entity_id = rs_entity_get_id (entity_at (rs_case_store_get_case (store), 0));
  g_assert_true (rs_case_store_set_board (store, &drag, 1, NULL, 0, &error));
  g_assert_no_error (error);

  /* The file has the one drag, none of the layout. */
  g_clear_object (&store);
  reopened = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_placed (rs_case_store_get_case (reopened)), ==, 1);
}

/* The request is the scene's: a filtered scene lays out what it holds, at the sizes
 * the board draws. */
static void
test_scene_sizes (void)
{
  g_autoptr(RsCaseStore) store = open_unplaced_case ("ctl-scene.redstring");
  g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(RsBoardScene) placed = NULL;
  g_autoptr(GError) error = NULL;
  RsCase *kase = rs_case_store_get_case (store);

  scene = rs_board_scene_new (kase, NULL, style);
  g_assert_true (rs_layout_controller_run (layout, scene, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  /* No two drawn boxes overlap: the engine was given the sizes the board draws. */
  placed = rs_board_scene_new (kase, NULL, style);
  g_assert_cmpuint (rs_board_scene_get_n_unplaced (placed), ==, 0);
  for (guint i = 0; i < rs_board_scene_get_n_nodes (placed); i++)
    for (guint j = i + 1; j < rs_board_scene_get_n_nodes (placed); j++)
      {
        RsBoardRect a, b;

        rs_board_scene_get_node_rect (placed, i, &a);
        rs_board_scene_get_node_rect (placed, j, &b);
        g_assert_false (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 &&
                        a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_core_init ();

  g_test_add_func ("/layout-controller/places-and-writes", test_places_and_writes);
  g_test_add_data_func ("/layout-controller/read-only", GINT_TO_POINTER (TRUE), test_show_only);
  g_test_add_data_func ("/layout-controller/show-only", GINT_TO_POINTER (FALSE), test_show_only);
  g_test_add_func ("/layout-controller/new-only-and-pinned", test_new_only_and_pinned);
  g_test_add_func ("/layout-controller/async-newer-wins", test_async_newer_wins);
  g_test_add_func ("/layout-controller/async-slices", test_async_slices);
  g_test_add_func ("/layout-controller/async-write-meanwhile", test_async_write_meanwhile);
  g_test_add_func ("/layout-controller/async-cancel-mid-apply", test_async_cancel_mid_apply);
  g_test_add_data_func ("/layout-controller/cancel", GINT_TO_POINTER (FALSE), test_async_cancel);
  g_test_add_data_func ("/layout-controller/cancel-by-caller", GINT_TO_POINTER (TRUE),
                        test_async_cancel);
  g_test_add_func ("/layout-controller/scene-sizes", test_scene_sizes);

  return g_test_run ();
}
