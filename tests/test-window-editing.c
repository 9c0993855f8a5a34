/* test-window-editing.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "rs-application.h"
#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-core.h"
#include "rs-document-item.h"
#include "rs-document-row.h"
#include "rs-documents-panel.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-split-dialog.h"
#include "rs-window-private.h"

/* Building a small case from an empty one in the real window, through the same
 * actions the menus and keys use, with warnings fatal: new entities, a link, a
 * merge, a delete, and Undo and Redo of each, checked against the case file. Then,
 * on the sample case, splitting an entity through its dialog and deleting a report
 * from the Documents panel, each undone exactly. */

static RsApplication *app;

/* The case loads in a worker at start-up: shown once its window has its store. */
static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static RsWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = NULL;
  RsWindow *window;

  file = g_file_new_for_path (path);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static RsWindow *
open_new_case (const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));

  g_clear_object (&store);
  return open_path (path);
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
  gtk_editable_set_text (field (window->event_editor, 1), "sometime that spring");
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

/* Split --------------------------------------------------------------------------------- */

static RsSplitDialog *
find_split_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (RS_IS_SPLIT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return RS_SPLIT_DIALOG (toplevel);
    }
  return NULL;
}

/* The dialog's check rows, in the order shown: aliases, relations, evidence. */
static GPtrArray *
check_rows (RsSplitDialog *dialog)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *checks = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (g_ptr_array_index (rows, i));

      if (GTK_IS_CHECK_BUTTON (check))
        g_ptr_array_add (checks, g_ptr_array_index (rows, i));
    }
  return checks;
}

/* The check of the row titled TITLE, as the user reads it. */
static GtkCheckButton *
check_titled (RsSplitDialog *dialog,
              const char    *title)
{
  g_autoptr(GPtrArray) rows = check_rows (dialog);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title))
      return GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (g_ptr_array_index (rows, i)));
  g_error ("no row “%s” in the split dialog", title);
}

static GtkWidget *
split_button (RsSplitDialog *dialog)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "suggested-action"))
      return g_ptr_array_index (buttons, i);
  g_error ("no Split button");
}

static GtkEditable *
split_name (RsSplitDialog *dialog)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  return GTK_EDITABLE (g_ptr_array_index (rows, 0));
}

static RsRelation *
relation_labelled (RsCase     *kase,
                   GPtrArray  *relations,
                   const char *label,
                   const char *other)
{
  for (guint i = 0; i < relations->len; i++)
    {
      RsRelation *relation = g_ptr_array_index (relations, i);
      RsEntity *source = rs_case_lookup_entity (kase, rs_relation_get_source_id (relation));
      RsEntity *target = rs_case_lookup_entity (kase, rs_relation_get_target_id (relation));

      if (g_str_equal (rs_relation_get_label (relation), label) &&
          (g_str_equal (rs_entity_get_name (source), other) ||
           g_str_equal (rs_entity_get_name (target), other)))
        return relation;
    }
  g_error ("no relation “%s” with %s", label, other);
}

/* The new entity is on the board, where its layout put it. */
static gboolean
placed (gpointer data)
{
  RsWindow *window = data;
  RsEntity *bronze = entity_named (window, "BRONZE BUTLER");

  return bronze != NULL && rs_entity_get_has_position (bronze) &&
         !rs_board_view_get_layout_running (window->board);
}

static RsSplitDialog *
open_split (RsWindow *window,
            RsEntity *entity)
{
  RsSplitDialog *dialog;

  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  rs_gui_test_iterate (20);
  activate (window, "win.split-selection");
  dialog = find_split_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (rs_split_dialog_get_entity (dialog) == entity);
  return dialog;
}

static void
test_split (void)
{
  g_autofree char *path = rs_test_make_sample_file ("split.redstring");
  RsWindow *window = open_path (path);
  RsCase *kase = rs_case_store_get_case (window->store);
  RsEntity *tick = entity_named (window, "Tick");
  gint64 tick_id = rs_entity_get_id (tick);
  g_autoptr(GPtrArray) relations = rs_case_dup_relations_of (kase, tick_id);
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, tick_id);
  guint n_aliases = g_strv_length ((char **) rs_entity_get_aliases (tick));
  guint n_before = n_entities (window);
  g_autoptr(GBytes) before = file_bundle (window);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ticked_evidence = NULL;
  g_autofree char *name = NULL;
  RsSplitDialog *dialog;
  RsRelation *attacked = relation_labelled (kase, relations, "attacked",
                                             "Japan Aerospace Exploration Agency");
  RsRelation *directed = relation_labelled (kase, relations, "directed", "People’s Liberation Army");
  RsEntity *bronze;
  gint64 bronze_id;
  gint64 moved_evidence;
  RsTarget target;
  gint64 selected;

  g_assert_cmpuint (evidence->len, >=, 1);
  g_assert_cmpstrv (rs_entity_get_aliases (tick),
                    ((const char *[]) { "BRONZE BUTLER", "REDBALDKNIGHT", NULL }));

  /* Split is for one entity: with two selected it does nothing. */
  select_two (window, tick, entity_named (window, "Japan Aerospace Exploration Agency"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.split-selection", NULL);
  rs_gui_test_iterate (50);
  g_assert_null (find_split_dialog ());

  dialog = open_split (window, tick);

  /* Everything the entity has is listed, the first alias offered as the name. */
  rows = check_rows (dialog);
  g_assert_cmpuint (rows->len, ==, n_aliases + relations->len + evidence->len);
  name = rs_split_dialog_dup_name (dialog);
  g_assert_cmpstr (name, ==, "BRONZE BUTLER");
  g_assert_true (gtk_check_button_get_active (check_titled (dialog, "BRONZE BUTLER")));
  g_assert_false (gtk_check_button_get_active (check_titled (dialog, "REDBALDKNIGHT")));
  g_assert_true (gtk_widget_is_sensitive (split_button (dialog)));

  /* No name, no split: the button is off, and pressing it anyway writes nothing. */
  gtk_editable_set_text (split_name (dialog), "   ");
  g_assert_false (gtk_widget_is_sensitive (split_button (dialog)));
  g_signal_emit_by_name (split_button (dialog), "clicked");
  g_signal_emit_by_name (split_name (dialog), "entry-activated");
  rs_gui_test_iterate (50);
  g_assert_true (find_split_dialog () == dialog);
  g_assert_cmpuint (n_entities (window), ==, n_before);
  {
    g_autoptr(GBytes) now = file_bundle (window);

    g_assert_true (g_bytes_equal (now, before));
  }

  /* The user's choice: a name, a kind, two relations (one each way), one quote. */
  gtk_editable_set_text (split_name (dialog), " BRONZE BUTLER ");
  g_assert_true (gtk_widget_is_sensitive (split_button (dialog)));
  {
    g_autoptr(GPtrArray) combos = g_ptr_array_new ();

    rs_gui_test_collect (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
    g_assert_cmpuint (combos->len, ==, 1);
    g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (combos, 0)), ==,
                      RS_ENTITY_KIND_GROUP);
    adw_combo_row_set_selected (g_ptr_array_index (combos, 0), RS_ENTITY_KIND_ORGANIZATION);
  }
  gtk_check_button_set_active (check_titled (dialog, "Tick → attacked → Japan Aerospace Exploration Agency"), TRUE);
  gtk_check_button_set_active (check_titled (dialog, "People’s Liberation Army → directed → Tick"), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (g_ptr_array_index (rows, rows->len - 1))),
                               TRUE);
  ticked_evidence = rs_split_dialog_dup_evidence_ids (dialog);
  g_assert_cmpuint (ticked_evidence->len, ==, 1);
  moved_evidence = g_array_index (ticked_evidence, gint64, 0);

  g_signal_emit_by_name (split_button (dialog), "clicked");
  rs_gui_test_iterate (50);
  g_assert_null (find_split_dialog ());

  /* What was ticked moved; what was not stayed; the new entity is selected. */
  bronze = entity_named (window, "BRONZE BUTLER");
  g_assert_nonnull (bronze);
  g_assert_cmpuint (n_entities (window), ==, n_before + 1);
  g_assert_cmpint (rs_entity_get_kind (bronze), ==, RS_ENTITY_KIND_ORGANIZATION);
  /* Its name is not also its alias. */
  g_assert_null (rs_entity_get_aliases (bronze));
  g_assert_cmpstrv (rs_entity_get_aliases (tick), ((const char *[]) { "REDBALDKNIGHT", NULL }));
  g_assert_cmpint (rs_relation_get_source_id (attacked), ==, rs_entity_get_id (bronze));
  g_assert_cmpint (rs_relation_get_target_id (directed), ==, rs_entity_get_id (bronze));
  g_assert_cmpint (rs_evidence_get_target_id (rs_case_lookup_evidence (kase, moved_evidence)), ==,
                   rs_entity_get_id (bronze));
  {
    g_autoptr(GPtrArray) kept = rs_case_dup_relations_of (kase, tick_id);
    g_autoptr(GPtrArray) kept_evidence = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, tick_id);

    g_assert_cmpuint (kept->len, ==, relations->len - 2);
    g_assert_cmpuint (kept_evidence->len, ==, evidence->len - 1);
  }
  g_assert_true (rs_selection_get_primary (window->selection, &target, &selected));
  g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
  g_assert_cmpint (selected, ==, rs_entity_get_id (bronze));
  /* Beside Tick, in the same step. */
  g_assert_true (rs_entity_get_has_position (bronze));
  g_assert_cmpfloat (fabs (rs_entity_get_x (bronze) - rs_entity_get_x (tick)), <, 100);
  g_assert_true (rs_gui_test_wait_until (placed, window, 60000));
  after = file_bundle (window);
  assert_model_is_file (window);

  /* Undo gives back the case exactly, and the entity it removed leaves the selection;
   * Redo splits again. */
  bronze_id = rs_entity_get_id (bronze);
  activate (window, "win.undo");
  g_assert_null (entity_named (window, "BRONZE BUTLER"));
  g_assert_false (rs_selection_contains (window->selection, RS_TARGET_ENTITY, bronze_id));
  {
    g_autoptr(GBytes) now = file_bundle (window);

    g_assert_true (g_bytes_equal (now, before));
  }
  assert_model_is_file (window);
  activate (window, "win.redo");
  {
    g_autoptr(GBytes) now = file_bundle (window);

    g_assert_true (g_bytes_equal (now, after));
  }
  assert_model_is_file (window);
  activate (window, "win.undo");

  /* The store's refusal is said in the dialog, which stays open: here a relation
   * ticked that another edit deleted meanwhile. Nothing is written. */
  tick = entity_named (window, "Tick");
  dialog = open_split (window, tick);
  gtk_check_button_set_active (check_titled (dialog, "Tick → used → Rental servers in Japan"), TRUE);
  {
    g_autoptr(RsChange) change = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) meanwhile = NULL;
    g_autoptr(GPtrArray) now_relations = rs_case_dup_relations_of (kase, rs_entity_get_id (tick));

    change = rs_case_edit_delete_relation (window->store,
                                           rs_relation_get_id (relation_labelled (kase, now_relations,
                                                                                  "used",
                                                                                  "Rental servers in Japan")),
                                           &error);
    g_assert_no_error (error);
    meanwhile = file_bundle (window);
    g_signal_emit_by_name (split_button (dialog), "clicked");
    rs_gui_test_iterate (50);
    g_assert_true (find_split_dialog () == dialog);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label (dialog))));
    g_assert_null (entity_named (window, "BRONZE BUTLER"));
    {
      g_autoptr(GBytes) now = file_bundle (window);

      g_assert_true (g_bytes_equal (now, meanwhile));
    }
  }
  gtk_window_close (GTK_WINDOW (dialog));
  rs_gui_test_iterate (50);
  g_assert_null (find_split_dialog ());
  assert_model_is_file (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deleting a report --------------------------------------------------------------------- */

static RsDocumentRow *
document_row (RsWindow *window,
              gint64    document_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (window->documents_panel), RS_TYPE_DOCUMENT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      RsDocumentItem *item = rs_document_row_get_item (g_ptr_array_index (rows, i));

      if (item != NULL && rs_document_get_id (rs_document_item_get_document (item)) == document_id)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

/* A label of the window's toasts that contains TEXT. */
static gboolean
toast_says (RsWindow   *window,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (window->toast_overlay), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)) &&
        strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

typedef struct
{
  RsWindow   *window;
  const char *text;
} ToastGone;

static gboolean
toast_gone (gpointer data)
{
  ToastGone *gone = data;

  return !toast_says (gone->window, gone->text);
}

static void
test_delete_document (void)
{
  g_autofree char *path = rs_test_make_sample_file ("delete-document.redstring");
  RsWindow *window = open_path (path);
  RsCase *kase = rs_case_store_get_case (window->store);
  GListModel *documents = rs_case_get_documents (kase);
  guint n_documents = g_list_model_get_n_items (documents);
  g_autoptr(GBytes) before = file_bundle (window);
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GArray) quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *count = NULL;
  RsDocumentRow *row;
  GtkWidget *button;
  gint64 id = 0;

  /* The report with the most quotes: the delete that takes the most with it. */
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(RsDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(GPtrArray) of = rs_case_dup_quotes_of (kase, rs_document_get_id (document));

      if (quotes == NULL || of->len > quotes->len)
        {
          g_clear_pointer (&quotes, g_ptr_array_unref);
          quotes = g_steal_pointer (&of);
          id = rs_document_get_id (document);
        }
    }
  g_assert_cmpuint (quotes->len, >, 1);
  for (guint i = 0; i < quotes->len; i++)
    {
      gint64 quote_id = rs_quote_get_id (g_ptr_array_index (quotes, i));

      g_array_append_val (quote_ids, quote_id);
    }

  adw_view_stack_set_visible_child_name (window->side_stack, "documents");
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  rs_gui_test_iterate (50);
  g_assert_cmpuint (rs_documents_panel_get_n_documents (window->documents_panel), ==, n_documents);

  /* The row's delete button: at once, the report, its quotes and their evidence. */
  row = document_row (window, id);
  g_assert_nonnull (row);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), RS_TYPE_DOCUMENT_ROW,
                                                      "delete_button"));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  rs_gui_test_iterate (100);

  g_assert_null (rs_case_lookup_document (kase, id));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_documents - 1);
  g_assert_cmpuint (rs_documents_panel_get_n_documents (window->documents_panel), ==, n_documents - 1);
  g_assert_null (document_row (window, id));
  for (guint i = 0; i < quote_ids->len; i++)
    {
      gint64 quote_id = g_array_index (quote_ids, gint64, i);
      GListModel *evidence = rs_case_get_evidence (kase);

      g_assert_null (rs_case_lookup_quote (kase, quote_id));
      for (guint j = 0; j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(RsEvidence) item = g_list_model_get_item (evidence, j);

          g_assert_cmpint (rs_evidence_get_quote_id (item), !=, quote_id);
        }
    }
  assert_model_is_file (window);

  /* The toast says how much went, and offers Undo (the window's). */
  count = g_strdup_printf ("with its %u quotes", quote_ids->len);
  g_assert_true (toast_says (window, count));

  activate (window, "win.undo");
  g_assert_nonnull (rs_case_lookup_document (kase, id));
  {
    g_autoptr(GPtrArray) back = rs_case_dup_quotes_of (kase, id);
    g_autoptr(GBytes) now = file_bundle (window);

    g_assert_cmpuint (back->len, ==, quote_ids->len);
    g_assert_true (g_bytes_equal (now, before));
  }
  assert_model_is_file (window);
  rs_gui_test_iterate (100);
  g_assert_nonnull (document_row (window, id));
  /* Its Undo done, the toast goes (well before its own 5 s): it would undo
   * something else now. */
  {
    ToastGone gone = { window, count };

    g_assert_true (rs_gui_test_wait_until (toast_gone, &gone, 2000));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-editing/build-a-case", test_build_a_case);
  g_test_add_func ("/window-editing/split", test_split);
  g_test_add_func ("/window-editing/delete-document", test_delete_document);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
