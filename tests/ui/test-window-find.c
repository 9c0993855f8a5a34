/* test-window-find.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rs-application.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Find in the real window on the sample case, with warnings fatal: Ctrl+F opens
 * it, typing searches (odd characters included), and each kind of result does what
 * it says: an entity is selected, a quote and a report open in the source viewer
 * (the report at the match), a note selects what it is on. The board filter keeps
 * a shortcut of its own. */

static RsApplication *app;

static RsWindow *
open_sample (void)
{
  g_autofree char *path = rs_test_make_sample_file ("find.redstring");

  return RS_WINDOW (rs_gui_test_open_case (G_APPLICATION (app), path));
}

static gpointer
child_of_type (gpointer widget,
               GType    type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (widget), type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

static gboolean
popover_shown (gpointer user_data)
{
  RsWindow *window = user_data;

  return gtk_widget_get_mapped (GTK_WIDGET (window->find_popover));
}

/* What the entry's last search-changed searched for. */
static void
note_search_cb (char        **searched,
                GtkEditable  *entry)
{
  g_free (*searched);
  *searched = g_strdup (gtk_editable_get_text (entry));
}

typedef struct
{
  char       **searched;
  const char  *text;
} Searched;

static gboolean
searched_for (gpointer user_data)
{
  Searched *wanted = user_data;

  return g_strcmp0 (*wanted->searched, wanted->text) == 0;
}

/* Ctrl+F (the action its accelerator triggers), then typing as a user does: the
 * entry's own debounce runs the search. */
static GListModel *
find (RsWindow   *window,
      const char *text)
{
  GtkEditable *entry = child_of_type (window->find_popover, GTK_TYPE_SEARCH_ENTRY);
  GListModel *results = rs_find_popover_get_results (window->find_popover);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (rs_gui_test_wait_until (popover_shown, window, 2000));
  rs_gui_test_iterate (50);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus == GTK_WIDGET (entry) ||
                   (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (entry))));
  }
  {
    g_autofree char *searched = NULL;
    Searched wanted = { &searched, text };
    gulong handler = g_signal_connect_swapped (entry, "search-changed",
                                               G_CALLBACK (note_search_cb), &searched);

    /* Replacing the text empties it first, which GtkSearchEntry reports at once:
     * wait for the search of the whole text, after the entry's debounce however
     * long a loaded machine makes it (the search itself is synchronous). */
    gtk_editable_set_text (entry, text);
    g_assert_true (rs_gui_test_wait_until (searched_for, &wanted, 10000));
    g_signal_handler_disconnect (entry, handler);
  }
  rs_gui_test_iterate (50);
  return results;
}

static gint64
first_of_kind (GListModel   *results,
               RsSearchKind  kind,
               guint        *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(RsSearchHit) hit = g_list_model_get_item (results, i);

      if (rs_search_hit_get_kind (hit) == kind)
        {
          *position = i;
          return rs_search_hit_get_id (hit);
        }
    }
  g_error ("no result of kind %d", kind);
}

static void
activate_row (RsWindow *window,
              guint     position)
{
  GtkListBox *list = child_of_type (window->find_popover, GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  rs_gui_test_iterate (400);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->find_popover)));
}

static void
assert_selected (RsWindow *window,
                 RsTarget  target,
                 gint64    id)
{
  RsTarget selected_target;
  gint64 selected_id;

  g_assert_true (rs_selection_get_primary (window->selection, &selected_target, &selected_id));
  g_assert_cmpint (selected_target, ==, target);
  g_assert_cmpint (selected_id, ==, id);
}

static void
test_shortcuts (void)
{
  g_auto(GStrv) find_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     "win.find");
  g_auto(GStrv) filter_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                       "win.filter-board");

  g_assert_true (g_strv_contains ((const char * const *)find_accels, "<Control>f"));
  g_assert_true (g_strv_contains ((const char * const *)filter_accels, "<Shift><Control>f") ||
                 g_strv_contains ((const char * const *)filter_accels, "<Control><Shift>f"));
  /* Ctrl+F means Find, and only Find. */
  {
    g_auto(GStrv) owners = gtk_application_get_actions_for_accel (GTK_APPLICATION (app),
                                                                  "<Control>f");
    g_assert_cmpuint (g_strv_length (owners), ==, 1);
    g_assert_cmpstr (owners[0], ==, "win.find");
  }
}

static void
test_find_and_open (void)
{
  RsWindow *window = open_sample ();
  RsCase *kase = rs_case_store_get_case (window->store);
  gint64 tick = rs_entity_get_id (rs_case_lookup_entity_by_name (kase, "Tick"));
  GListModel *results;
  guint position = 0;
  gint64 id;

  /* The filter field is still there, on its own shortcut. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-board", NULL));
  rs_gui_test_iterate (50);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (window->search_entry)));

  /* An alias prefix as it is typed; Enter opens the first result: Tick, on the board. */
  results = find (window, "bronze butl");
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  {
    g_autoptr(RsSearchHit) first = g_list_model_get_item (results, 0);

    g_assert_cmpint (rs_search_hit_get_kind (first), ==, RS_SEARCH_KIND_ENTITY);
    g_assert_cmpint (rs_search_hit_get_id (first), ==, tick);
  }
  g_signal_emit_by_name (child_of_type (window->find_popover, GTK_TYPE_SEARCH_ENTRY), "activate");
  rs_gui_test_iterate (400);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->find_popover)));
  assert_selected (window, RS_TARGET_ENTITY, tick);

  /* Odd characters are text: no error shown, whatever is typed. */
  {
    static const char *odd[] = { "\"", "*", "(", "NEAR(", "tick\" OR \"", "-", "^", ":" };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      {
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();
        GtkWidget *entry = child_of_type (window->find_popover, GTK_TYPE_SEARCH_ENTRY);
        GtkWidget *list = child_of_type (window->find_popover, GTK_TYPE_LIST_BOX);

        find (window, odd[i]);
        /* The status line: the popover's one label outside the entry and the list. */
        rs_gui_test_collect (GTK_WIDGET (window->find_popover), GTK_TYPE_LABEL, labels);
        for (guint l = 0; l < labels->len; l++)
          {
            GtkWidget *label = g_ptr_array_index (labels, l);

            if (gtk_widget_is_ancestor (label, entry) || gtk_widget_is_ancestor (label, list) ||
                !gtk_widget_get_visible (label))
              continue;
            g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                             "Nothing in this case matches");
          }
      }
  }

  /* A report opens at the match, the word selected. */
  results = find (window, "mitsubishi");
  id = first_of_kind (results, RS_SEARCH_KIND_DOCUMENT, &position);
  {
    g_autoptr(RsSearchHit) hit = g_list_model_get_item (results, position);
    GtkTextView *view;
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    activate_row (window, position);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->source_viewer)));
    g_assert_cmpint (rs_source_viewer_get_document_id (window->source_viewer), ==, id);
    view = child_of_type (window->source_viewer, GTK_TYPE_TEXT_VIEW);
    g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view),
                                                         &start, &end));
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, rs_search_hit_get_offset (hit));
    selected = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (selected, ==, "Mitsubishi");
  }

  /* A quote opens in its report, revealed. */
  results = find (window, "unidentified");
  id = first_of_kind (results, RS_SEARCH_KIND_QUOTE, &position);
  activate_row (window, position);
  g_assert_cmpint (rs_source_viewer_get_revealed_quote_id (window->source_viewer), ==, id);
  /* A note selects what it is on. */
  results = find (window, "public vendor nam");
  id = first_of_kind (results, RS_SEARCH_KIND_NOTE, &position);
  {
    RsNote *note = rs_case_lookup_note (kase, id);

    g_assert_nonnull (note);
    activate_row (window, position);
    if (rs_note_get_target (note) != RS_TARGET_CASE &&
        rs_note_get_target (note) != RS_TARGET_DOCUMENT)
      assert_selected (window, rs_note_get_target (note), rs_note_get_target_id (note));
  }

  /* An entity from the list. */
  results = find (window, "keio");
  id = first_of_kind (results, RS_SEARCH_KIND_ENTITY, &position);
  activate_row (window, position);
  assert_selected (window, RS_TARGET_ENTITY, id);
  g_assert_cmpstr (rs_entity_get_name (rs_case_lookup_entity (kase, id)), ==, "Keio University");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-find/shortcuts", test_shortcuts);
  g_test_add_func ("/window-find/find-and-open", test_find_and_open);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
