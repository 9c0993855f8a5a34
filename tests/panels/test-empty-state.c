/* test-empty-state.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-empty-state.h"
#include "rs-panel-test-utils.h"

/* A new case says how to start, and stops saying it once something is in it. */
static void
test_new_case (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("empty.redstring");
  RsEmptyState *state = RS_EMPTY_STATE (g_object_ref_sink (rs_empty_state_new ()));
  GtkWindow *window;
  RsEntity *entity;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));
  rs_empty_state_set_store (state, store);
  g_assert_true (rs_empty_state_get_empty (state));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (state)));

  window = rs_panel_test_present (GTK_WIDGET (state), 900, 600);
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (state), "This Case Is Empty"));
  g_assert_nonnull (rs_panel_test_find_label_prefix (GTK_WIDGET (state), "Start from a report"));
  rs_panel_test_save_screenshot (GTK_WIDGET (state), "empty-state");

  entity = rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, "Tick");
  g_assert_nonnull (entity);
  g_assert_false (rs_empty_state_get_empty (state));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));

  rs_empty_state_set_store (state, NULL);
  g_assert_false (rs_empty_state_get_empty (state));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));

  gtk_window_destroy (window);
  g_assert_finalize_object (state);
}

/* The sample case has entities and documents: nothing to say. */
static void
test_sample_case (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("sample.redstring");
  RsEmptyState *state = RS_EMPTY_STATE (g_object_ref_sink (rs_empty_state_new ()));

  g_object_set (state, "store", store, NULL);
  g_assert_true (rs_empty_state_get_store (state) == store);
  g_assert_false (rs_empty_state_get_empty (state));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (state)));
  g_assert_finalize_object (state);
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add_func ("/empty-state/new-case", test_new_case);
  g_test_add_func ("/empty-state/sample-case", test_sample_case);

  return g_test_run ();
}
