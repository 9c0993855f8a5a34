/* test-window-editing.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rs-application.h"
#include "rs-bundle.h"
#include "rs-core.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Building a small case from an empty one in the real window, through the same
 * actions the menus and keys use, with warnings fatal: new entities, a link, a
 * merge, a delete, and Undo and Redo of each, checked against the case file. */

static RsApplication *app;

static RsWindow *
open_new_case (const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(GFile) file = NULL;
  RsWindow *window;

  g_clear_object (&store);
  file = g_file_new_for_path (path);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* The popover's text fields, in the order the user tabs through them. */
static GtkEditable *
field (gpointer popover,
       guint    index)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (popover), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (index, <, entries->len);
  return GTK_EDITABLE (g_ptr_array_index (entries, index));
}

static GtkLabel *
error_label (gpointer popover)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (popover), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
      return g_ptr_array_index (labels, i);
  g_error ("no error label");
}

/* Presses the popover's default button (Add / Save), as Enter in a field does. */
static void
press_save (gpointer popover)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (popover), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "suggested-action"))
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        rs_gui_test_iterate (50);
        return;
      }
  g_error ("no save button");
}

static void
activate (RsWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  rs_gui_test_iterate (50);
}

static RsEntity *
entity_named (RsWindow   *window,
              const char *name)
{
  return rs_case_lookup_entity_by_name (rs_case_store_get_case (window->store), name);
}

static RsEntity *
add_entity (RsWindow     *window,
            const char   *name,
            RsEntityKind  kind,
            const char   *aliases)
{
  activate (window, "win.new-entity");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->entity_editor)));
  gtk_editable_set_text (field (window->entity_editor, 0), name);
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    rs_gui_test_collect (GTK_WIDGET (window->entity_editor), GTK_TYPE_DROP_DOWN, dropdowns);
    g_assert_cmpuint (dropdowns->len, ==, 1);
    gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), kind);
  }
  gtk_editable_set_text (field (window->entity_editor, 1), aliases);
  press_save (window->entity_editor);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->entity_editor)));
  g_assert_nonnull (entity_named (window, name));
  return entity_named (window, name);
}

static void
select_two (RsWindow *window,
            RsEntity *first,
            RsEntity *second)
{
  RsTarget targets[] = { RS_TARGET_ENTITY, RS_TARGET_ENTITY };
  gint64 ids[] = { rs_entity_get_id (first), rs_entity_get_id (second) };

  rs_selection_set_items (window->selection, targets, ids, 2);
  rs_gui_test_iterate (20);
}

static guint
n_entities (RsWindow *window)
{
  return g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (window->store)));
}

static guint
n_relations (RsWindow *window)
{
  return g_list_model_get_n_items (rs_case_get_relations (rs_case_store_get_case (window->store)));
}

/* The case as its file holds it: what the window shows must be what is on disk. */
static GBytes *
file_bundle (RsWindow *window)
{
  g_autoptr(RsCaseStore) snapshot = rs_test_open_snapshot (rs_case_store_get_path (window->store));
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rs_bundle_export (rs_case_store_get_case (snapshot), &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_model_is_file (RsWindow *window)
{
  g_autoptr(GBytes) live = rs_bundle_export (rs_case_store_get_case (window->store), NULL);
  g_autoptr(GBytes) disk = file_bundle (window);

  g_assert_true (g_bytes_equal (live, disk));
}

static char *
undo_menu_label (RsWindow *window, guint index)
{
  char *label = NULL;

  g_menu_model_get_item_attribute (G_MENU_MODEL (window->undo_menu), index, "label", "s", &label);
  return label;
}

static void
test_build_a_case (void)
{
  RsWindow *window = open_new_case ("built.redstring");
  RsEntity *tick, *jaxa, *bronze;
  g_autoptr(GBytes) before_merge = NULL;
  g_autoptr(GBytes) after_merge = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpuint (n_entities (window), ==, 0);

  /* An empty name is refused in the popover, which stays open; nothing is written. */
  activate (window, "win.new-entity");
  gtk_editable_set_text (field (window->entity_editor, 0), "   ");
  press_save (window->entity_editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->entity_editor)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label (window->entity_editor))));
  g_assert_cmpuint (n_entities (window), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (window->entity_editor));

  tick = add_entity (window, "Tick", RS_ENTITY_KIND_GROUP, "REDBALDKNIGHT");
  jaxa = add_entity (window, "JAXA", RS_ENTITY_KIND_ORGANIZATION, "");
  bronze = add_entity (window, "BRONZE BUTLER", RS_ENTITY_KIND_GROUP, "");
  g_assert_cmpuint (n_entities (window), ==, 3);
  g_assert_cmpint (rs_entity_get_kind (tick), ==, RS_ENTITY_KIND_GROUP);
  g_assert_cmpint (rs_entity_get_kind (jaxa), ==, RS_ENTITY_KIND_ORGANIZATION);
  g_assert_cmpstrv (rs_entity_get_aliases (tick), ((const char *[]) { "REDBALDKNIGHT", NULL }));
  assert_model_is_file (window);

  /* A link between the two selected: a relation from Tick to JAXA. */
  select_two (window, tick, jaxa);
  activate (window, "win.link-selection");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->relation_editor)));
  gtk_editable_set_text (field (window->relation_editor, 0), "attacked");
  press_save (window->relation_editor);
  g_assert_cmpuint (n_relations (window), ==, 1);
  assert_model_is_file (window);

  /* Merge BRONZE BUTLER into Tick: the dialog asks which name stays. */
  before_merge = file_bundle (window);
  select_two (window, tick, bronze);
  activate (window, "win.merge-selection");
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "into-first");
    gtk_window_destroy (GTK_WINDOW (dialog));
    rs_gui_test_iterate (50);
  }
  g_assert_null (entity_named (window, "BRONZE BUTLER"));
  tick = entity_named (window, "Tick");
  g_assert_true (g_strv_contains (rs_entity_get_aliases (tick), "BRONZE BUTLER"));
  after_merge = file_bundle (window);
  assert_model_is_file (window);

  /* The menu names what Undo would do. */
  label = undo_menu_label (window, 0);
  g_assert_nonnull (strstr (label, "Merge"));
  g_assert_nonnull (strstr (label, "BRONZE BUTLER"));

  /* Undo separates them exactly; Redo merges them again. */
  activate (window, "win.undo");
  g_assert_nonnull (entity_named (window, "BRONZE BUTLER"));
  {
    g_autoptr(GBytes) now = file_bundle (window);

    g_assert_true (g_bytes_equal (now, before_merge));
  }
  assert_model_is_file (window);
  activate (window, "win.redo");
  {
    g_autoptr(GBytes) now = file_bundle (window);

    g_assert_true (g_bytes_equal (now, after_merge));
  }
  assert_model_is_file (window);

  /* Delete (the board's Delete key runs this action), then undo it. */
  jaxa = entity_named (window, "JAXA");
  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (jaxa));
  activate (window, "win.delete-selection");
  g_assert_null (entity_named (window, "JAXA"));
  g_assert_cmpuint (n_relations (window), ==, 0);
  activate (window, "win.undo");
  g_assert_nonnull (entity_named (window, "JAXA"));
  g_assert_cmpuint (n_relations (window), ==, 1);
  {
    g_autoptr(GBytes) now = file_bundle (window);

    g_assert_true (g_bytes_equal (now, after_merge));
  }
  assert_model_is_file (window);

  /* Edit: rename through the editor (F2 on the board). */
  tick = entity_named (window, "Tick");
  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  activate (window, "win.edit-selection");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->entity_editor)));
  g_assert_cmpstr (gtk_editable_get_text (field (window->entity_editor, 0)), ==, "Tick");
  gtk_editable_set_text (field (window->entity_editor, 0), "Tick (BRONZE BUTLER)");
  press_save (window->entity_editor);
  g_assert_nonnull (entity_named (window, "Tick (BRONZE BUTLER)"));
  activate (window, "win.undo");
  g_assert_nonnull (entity_named (window, "Tick"));
  assert_model_is_file (window);

  /* New Entity Here (the background's menu): the entity is pinned where the menu
   * opened, in the same undoable step. */
  {
    double bx, by, wx, wy;
    RsEntity *here;

    window->menu_x = 300;
    window->menu_y = 200;
    g_assert_true (rs_board_view_widget_to_board (window->board, 300, 200, &bx, &by));
    activate (window, "win.new-entity-here");
    gtk_editable_set_text (field (window->entity_editor, 0), "Rental servers");
    press_save (window->entity_editor);
    here = entity_named (window, "Rental servers");
    g_assert_nonnull (here);
    g_assert_true (rs_entity_get_has_position (here));
    g_assert_true (rs_entity_get_pinned (here));
    g_assert_cmpfloat_with_epsilon (rs_entity_get_x (here), bx, 0.001);
    g_assert_cmpfloat_with_epsilon (rs_entity_get_y (here), by, 0.001);
    /* Drawn (the view may fit the grown board again, so not at the same pixel). */
    rs_gui_test_iterate (100);
    g_assert_true (rs_board_view_get_node_position (window->board, rs_entity_get_id (here), &wx, &wy));
    assert_model_is_file (window);
    activate (window, "win.undo");
    g_assert_null (entity_named (window, "Rental servers"));
    assert_model_is_file (window);
  }

  /* An event with the selected entities; a date that cannot be read is said in
   * the popover and writes nothing; "at least 2009" reads back as typed. */
  tick = entity_named (window, "Tick");
  jaxa = entity_named (window, "JAXA");
  select_two (window, tick, jaxa);
  activate (window, "win.new-event");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->event_editor)));
  gtk_editable_set_text (field (window->event_editor, 0), "Attack on JAXA");
  gtk_editable_set_text (field (window->event_editor, 1), "20 April 2016");
  press_save (window->event_editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label (window->event_editor))));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_events (rs_case_store_get_case (window->store))),
                    ==, 0);
  gtk_editable_set_text (field (window->event_editor, 1), "2016 \u2013 2017");
  press_save (window->event_editor);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->event_editor)));
  {
    GListModel *events = rs_case_get_events (rs_case_store_get_case (window->store));
    g_autoptr(RsEvent) event = NULL;
    guint n_ids = 0;
    g_autofree char *end = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
    event = g_list_model_get_item (events, 0);
    g_assert_cmpstr (rs_event_get_title (event), ==, "Attack on JAXA");
    g_assert_cmpint (rs_fuzzy_date_get_precision (rs_event_get_date (event)), ==,
                     RS_DATE_PRECISION_RANGE);
    end = rs_fuzzy_date_dup_end (rs_event_get_date (event));
    g_assert_cmpstr (end, ==, "2017");
    rs_event_get_entity_ids (event, &n_ids);
    g_assert_cmpuint (n_ids, ==, 2);
  }
  assert_model_is_file (window);
  activate (window, "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_events (rs_case_store_get_case (window->store))),
                    ==, 0);
  assert_model_is_file (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-editing/build-a-case", test_build_a_case);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
