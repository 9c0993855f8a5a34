/* test-window-history.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rs-application.h"
#include "rs-core.h"
#include "rs-gui-test-utils.h"
#include "rs-history-panel.h"
#include "rs-preferences-window.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Two analysts on one case in the real window, through the actions the menus and
 * keys use: the History panel names who did what, its person and "only selected"
 * filters narrow it, choosing an entry selects its record; "changes since" lists what
 * was added, changed and removed and rings the added and changed items on the board;
 * the Preferences name is the one the next change carries. */

static RsApplication *app;

static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

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
  /* The case loads in a worker at start-up: shown once its window has its store. */
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
set_analyst (const char *name)
{
  g_settings_set_string (rs_application_get_settings (app), "analyst-name", name);
}

static void
activate (RsWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  rs_gui_test_iterate (50);
}

static GtkEditable *
first_entry (gpointer popover)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (popover), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, >, 0);
  return GTK_EDITABLE (g_ptr_array_index (entries, 0));
}

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

static RsEntity *
entity_named (RsWindow   *window,
              const char *name)
{
  return rs_case_lookup_entity_by_name (rs_case_store_get_case (window->store), name);
}

static gint64
add_entity (RsWindow   *window,
            const char *name)
{
  activate (window, "win.new-entity");
  gtk_editable_set_text (first_entry (window->entity_editor), name);
  press_save (window->entity_editor);
  g_assert_nonnull (entity_named (window, name));
  return rs_entity_get_id (entity_named (window, name));
}

static void
select_entity (RsWindow *window,
               gint64    id)
{
  rs_selection_select (window->selection, RS_TARGET_ENTITY, id);
  rs_gui_test_iterate (20);
}

static void
rename_entity (RsWindow   *window,
               gint64      id,
               const char *name)
{
  select_entity (window, id);
  activate (window, "win.edit-selection");
  gtk_editable_set_text (first_entry (window->entity_editor), name);
  press_save (window->entity_editor);
  g_assert_nonnull (entity_named (window, name));
}

static void
delete_entity (RsWindow *window,
               gint64    id)
{
  select_entity (window, id);
  activate (window, "win.delete-selection");
  g_assert_null (rs_case_lookup_entity (rs_case_store_get_case (window->store), id));
}

/* The panel, shown, its history read now (the debounced read is not waited for). */
static RsHistoryPanel *
show_history (RsWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s",
                                             "history"));
  rs_gui_test_iterate (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->history_panel)));
  rs_history_panel_reload (window->history_panel);
  return window->history_panel;
}

static RsHistoryEntry *
entry_at (RsHistoryPanel *panel,
          guint           position)
{
  g_autoptr(RsHistoryEntry) entry = g_list_model_get_item (rs_history_panel_get_entries (panel),
                                                           position);
  g_assert_nonnull (entry);
  return entry;   /* the list holds it */
}

static guint
n_entries (RsHistoryPanel *panel)
{
  return g_list_model_get_n_items (rs_history_panel_get_entries (panel));
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  rs_gui_test_wait_for_draw (widget);
  texture = rs_gui_test_render_widget (widget);
  path = rs_gui_test_save_png (texture, name);
}

/* The history's list (the drop-down's popover has one too). */
static GtkWidget *
history_list (RsHistoryPanel *panel)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (panel), GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (lists, i), GTK_TYPE_POPOVER) == NULL)
      return g_ptr_array_index (lists, i);
  g_error ("no history list");
}

static GtkDropDown *
person_dropdown (RsHistoryPanel *panel)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (panel), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  return g_ptr_array_index (dropdowns, 0);
}

/* Chooses @name in the person drop-down, as the user does. */
static void
choose_person (RsHistoryPanel *panel,
               const char     *name)
{
  GtkDropDown *dropdown = person_dropdown (panel);
  GListModel *people = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (people), i), name) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        rs_gui_test_iterate (20);
        return;
      }
  g_error ("“%s” is not in the person drop-down", name);
}

static void
test_two_analysts (void)
{
  RsWindow *window = open_new_case ("two-analysts.redstring");
  RsHistoryPanel *panel;
  gint64 tick, jaxa, keio;
  guint position = G_MAXUINT;

  set_analyst ("Alice Adams");
  tick = add_entity (window, "Tick");
  jaxa = add_entity (window, "JAXA");

  set_analyst ("Bob Brown");
  keio = add_entity (window, "Keio University");
  rename_entity (window, tick, "Tick (BRONZE BUTLER)");

  panel = show_history (window);
  g_assert_cmpuint (n_entries (panel), ==, 4);
  /* Newest first, each with who made it. */
  g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, 0)), ==, "Bob Brown");
  g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, 1)), ==, "Bob Brown");
  g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, 2)), ==, "Alice Adams");
  g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, 3)), ==, "Alice Adams");
  g_assert_true (rs_history_entry_touches (entry_at (panel, 0), RS_TARGET_ENTITY, tick));
  g_assert_true (rs_history_entry_touches (entry_at (panel, 1), RS_TARGET_ENTITY, keio));
  g_assert_true (rs_history_entry_touches (entry_at (panel, 2), RS_TARGET_ENTITY, jaxa));
  save_screenshot (GTK_WIDGET (window), "window-history.png");

  /* The person drop-down lists both, and narrows the list to one. */
  choose_person (panel, "Alice Adams");
  g_assert_cmpstr (rs_history_panel_get_author_filter (panel), ==, "Alice Adams");
  g_assert_cmpuint (n_entries (panel), ==, 2);
  for (guint i = 0; i < n_entries (panel); i++)
    g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, i)), ==, "Alice Adams");
  save_screenshot (GTK_WIDGET (panel), "window-history-alice.png");
  choose_person (panel, "Everyone");
  g_assert_null (rs_history_panel_get_author_filter (panel));
  g_assert_cmpuint (n_entries (panel), ==, 4);

  /* "Only selected": Tick's two lines (added by Alice, renamed by Bob). */
  select_entity (window, tick);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.only-selected", NULL));
  rs_gui_test_iterate (20);
  g_assert_true (rs_history_panel_get_only_selected (panel));
  g_assert_cmpuint (n_entries (panel), ==, 2);
  for (guint i = 0; i < n_entries (panel); i++)
    g_assert_true (rs_history_entry_touches (entry_at (panel, i), RS_TARGET_ENTITY, tick));
  /* Both filters at once: Bob's change to Tick. */
  choose_person (panel, "Bob Brown");
  g_assert_cmpuint (n_entries (panel), ==, 1);
  g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, 0)), ==, "Bob Brown");
  choose_person (panel, "Everyone");
  /* Another item selected: its history (read after the debounce). */
  select_entity (window, jaxa);
  rs_gui_test_iterate (400);
  g_assert_cmpuint (n_entries (panel), ==, 1);
  g_assert_true (rs_history_entry_touches (entry_at (panel, 0), RS_TARGET_ENTITY, jaxa));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.only-selected", NULL));
  rs_gui_test_iterate (20);
  g_assert_cmpuint (n_entries (panel), ==, 4);

  /* Activating the entry that added Keio selects Keio on the board. */
  rs_selection_clear (window->selection);
  for (guint i = 0; i < n_entries (panel); i++)
    if (rs_history_entry_touches (entry_at (panel, i), RS_TARGET_ENTITY, keio))
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  {
    RsTarget target;
    gint64 id;

    g_assert_true (gtk_widget_activate_action (history_list (panel), "list.activate-item",
                                               "u", position));
    rs_gui_test_iterate (20);
    g_assert_true (rs_selection_get_primary (window->selection, &target, &id));
    g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
    g_assert_cmpint (id, ==, keio);
    g_assert_cmpuint (rs_selection_get_n_items (window->selection), ==, 1);
  }

  /* An entry whose record is gone selects nothing that is not there. */
  delete_entity (window, jaxa);
  rs_history_panel_reload (panel);
  g_assert_cmpuint (n_entries (panel), ==, 5);
  for (guint i = 0; i < n_entries (panel); i++)
    if (rs_history_entry_touches (entry_at (panel, i), RS_TARGET_ENTITY, jaxa))
      position = i;
  rs_selection_select (window->selection, RS_TARGET_ENTITY, keio);
  {
    gtk_widget_activate_action (history_list (panel), "list.activate-item", "u", position);
    rs_gui_test_iterate (20);
    g_assert_true (rs_selection_contains (window->selection, RS_TARGET_ENTITY, keio));
  }

  /* The case changed: the panel reads its history again by itself, soon. */
  add_entity (window, "Mitsubishi Electric");
  g_assert_cmpuint (n_entries (panel), ==, 5);
  rs_gui_test_iterate (600);
  g_assert_cmpuint (n_entries (panel), ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

static void
test_changes_since (void)
{
  RsWindow *window = open_new_case ("changes-since.redstring");
  RsHistoryPanel *panel;
  g_autoptr(GDateTime) mark = NULL;
  gint64 old, gone, temporary, fresh, edge = 0;
  GArray *changes;
  guint added = 0, changed = 0, removed = 0;

  set_analyst ("Alice Adams");
  old = add_entity (window, "Old");
  gone = add_entity (window, "Gone");
  g_usleep (20000);
  mark = g_date_time_new_now_utc ();
  g_usleep (20000);

  set_analyst ("Bob Brown");
  fresh = add_entity (window, "Fresh");
  rename_entity (window, old, "Older");
  delete_entity (window, gone);
  temporary = add_entity (window, "Temporary");
  delete_entity (window, temporary);
  /* A link between two: a relation added since the mark. */
  {
    RsTarget targets[] = { RS_TARGET_ENTITY, RS_TARGET_ENTITY };
    gint64 ids[] = { fresh, old };

    rs_selection_set_items (window->selection, targets, ids, 2);
    activate (window, "win.link-selection");
    gtk_editable_set_text (first_entry (window->relation_editor), "met");
    press_save (window->relation_editor);
    g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (
                        rs_case_store_get_case (window->store))), ==, 1);
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (rs_case_get_relations (
                                         rs_case_store_get_case (window->store)), 0);
      edge = rs_relation_get_id (relation);
    }
  }

  panel = show_history (window);
  rs_history_panel_set_since (panel, mark);
  changes = rs_history_panel_get_changes (panel);
  g_assert_nonnull (changes);
  for (guint i = 0; i < changes->len; i++)
    {
      const RsHistoryItem *item = &g_array_index (changes, RsHistoryItem, i);

      if (item->target == RS_TARGET_ENTITY && item->id == fresh)
        { g_assert_cmpint (item->op, ==, RS_HISTORY_OP_ADDED); added++; }
      else if (item->target == RS_TARGET_RELATION && item->id == edge)
        { g_assert_cmpint (item->op, ==, RS_HISTORY_OP_ADDED); added++; }
      else if (item->target == RS_TARGET_ENTITY && item->id == old)
        { g_assert_cmpint (item->op, ==, RS_HISTORY_OP_CHANGED); changed++; }
      else if (item->target == RS_TARGET_ENTITY && item->id == gone)
        {
          g_assert_cmpint (item->op, ==, RS_HISTORY_OP_REMOVED);
          g_assert_cmpstr (item->title, ==, "Gone");
          removed++;
        }
      else if (item->target == RS_TARGET_ENTITY && item->id == temporary)
        g_error ("added and removed since the mark: nothing to review");
    }
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (removed, ==, 1);

  /* The board rings what was added and what changed; nothing else. */
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, fresh), ==,
                   RS_BOARD_MARK_ADDED);
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_RELATION, edge), ==,
                   RS_BOARD_MARK_ADDED);
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, old), ==,
                   RS_BOARD_MARK_CHANGED);
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, gone), ==,
                   RS_BOARD_MARK_NONE);
  rs_selection_clear (window->selection);   /* the new relation's ring shows, not the selection's */
  save_screenshot (GTK_WIDGET (window), "window-changes-since.png");

  /* Choosing a row of the list selects its record. */
  {
    g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
    const RsHistoryItem *first = &g_array_index (changes, RsHistoryItem, 0);
    RsTarget target;
    gint64 id;

    rs_selection_clear (window->selection);
    rs_gui_test_collect (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, boxes);
    g_assert_cmpuint (boxes->len, ==, 1);
    g_signal_emit_by_name (gtk_list_box_get_row_at_index (g_ptr_array_index (boxes, 0), 0),
                           "activate");
    rs_gui_test_iterate (20);
    g_assert_true (rs_selection_get_primary (window->selection, &target, &id));
    g_assert_cmpint (target, ==, first->target);
    g_assert_cmpint (id, ==, first->id);
  }

  /* A change while they are shown: the list and the rings follow. */
  {
    guint n_before = changes->len;
    gint64 later = add_entity (window, "Later");

    rs_gui_test_iterate (600);
    g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, later), ==,
                     RS_BOARD_MARK_ADDED);
    g_assert_cmpuint (rs_history_panel_get_changes (panel)->len, ==, n_before + 1);
  }

  /* Clear (the button, Escape in the panel): the history again, nothing ringed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.clear-changes", NULL));
  g_assert_null (rs_history_panel_get_since (panel));
  g_assert_null (rs_history_panel_get_changes (panel));
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, fresh), ==,
                   RS_BOARD_MARK_NONE);

  /* The chooser's "Last hour": everything of this test, the first two included. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.changes-since", "s",
                                             "hour"));
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, old), ==,
                   RS_BOARD_MARK_ADDED);
  g_assert_nonnull (rs_history_panel_get_since (panel));
  /* A day that cannot be read is ignored; a day in the future has no changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.changes-since", "s",
                                             "2026-02-31"));
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, old), ==,
                   RS_BOARD_MARK_ADDED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.changes-since", "s",
                                             "2999-01-01"));
  g_assert_cmpuint (rs_history_panel_get_changes (panel)->len, ==, 0);
  g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, old), ==,
                   RS_BOARD_MARK_NONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.clear-changes", NULL));

  /* Since the last review: nothing before a review is marked; after Mark Review Done,
   * exactly what came after the mark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.changes-since", "s",
                                             "review"));
  g_assert_null (rs_history_panel_get_since (panel));
  activate (window, "win.mark-review");
  g_usleep (5000);
  {
    gint64 after_review = add_entity (window, "After the review");

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.changes-since", "s",
                                               "review"));
    g_assert_nonnull (rs_history_panel_get_since (panel));
    g_assert_cmpuint (rs_history_panel_get_changes (panel)->len, ==, 1);
    g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, after_review),
                     ==, RS_BOARD_MARK_ADDED);
    g_assert_cmpint (rs_board_view_get_change_mark (window->board, RS_TARGET_ENTITY, old), ==,
                     RS_BOARD_MARK_NONE);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.clear-changes", NULL));

  /* win.changes-since (the main menu) shows the panel with its chooser open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s",
                                             "quotes"));
  activate (window, "win.changes-since");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  {
    g_autoptr(GPtrArray) calendars = g_ptr_array_new ();

    rs_gui_test_collect (GTK_WIDGET (panel), GTK_TYPE_CALENDAR, calendars);
    g_assert_cmpuint (calendars->len, ==, 1);
    g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (calendars, 0)));
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (g_ptr_array_index (calendars, 0),
                                                               GTK_TYPE_POPOVER)));
    rs_gui_test_iterate (50);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

/* The name typed in Preferences is on the next change; empty, the system's. */
static void
test_preferences_name (void)
{
  RsWindow *window = open_new_case ("preferences.redstring");
  RsPreferencesWindow *prefs;
  RsHistoryPanel *panel;
  GtkEditable *row;
  const char *system;

  set_analyst ("");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  rs_gui_test_iterate (50);
  prefs = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (RS_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);
  row = GTK_EDITABLE (rs_preferences_window_get_name_row (prefs));
  gtk_editable_set_text (row, "Carol Chen");
  rs_gui_test_iterate (20);
  g_assert_cmpstr (rs_case_store_get_author (window->store), ==, "Carol Chen");
  rs_gui_test_iterate (400);   /* past the row's and the title's animations */
  save_screenshot (GTK_WIDGET (prefs), "window-preferences.png");
  gtk_window_destroy (GTK_WINDOW (prefs));

  add_entity (window, "Carol’s entity");
  panel = show_history (window);
  g_assert_cmpuint (n_entries (panel), ==, 1);
  g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, 0)), ==, "Carol Chen");

  /* Cleared: the store's own fallback, the name on this computer. */
  set_analyst ("");
  system = rs_case_store_get_author (window->store);
  g_assert_cmpstr (system, !=, "Carol Chen");
  g_assert_cmpstr (system, !=, "");
  add_entity (window, "Another");
  rs_history_panel_reload (panel);
  g_assert_cmpstr (rs_history_entry_get_author (entry_at (panel, 0)), ==, system);

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-history/two-analysts", test_two_analysts);
  g_test_add_func ("/window-history/changes-since", test_changes_since);
  g_test_add_func ("/window-history/preferences-name", test_preferences_name);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
