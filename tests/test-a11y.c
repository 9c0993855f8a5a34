/* test-a11y.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rs-application.h"
#include "rs-case-edit.h"
#include "rs-gui-test-utils.h"
#include "rs-items-panel.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* What a screen reader gets (issue 23), through GTK's test accessibility backend: the
 * roles and names of the window's key controls, a name on every button that shows only
 * an icon, and the board's list alternative — each entity and relation a named list
 * item, chosen by the arrow keys and Enter as the list's key bindings do it, and kept in
 * step with the board's selection both ways. */

static RsApplication *app;

static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static RsWindow *
open_sample (const char *name)
{
  g_autofree char *path = rs_test_make_sample_file (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RsWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, path, 30000));
  window = rs_window_find_for_case (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gboolean
has_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (widget == NULL)
    return FALSE;
  if (ADW_IS_BUTTON_CONTENT (widget))
    {
      const char *label = adw_button_content_get_label (ADW_BUTTON_CONTENT (widget));

      return label != NULL && label[0] != '\0';
    }
  rs_gui_test_collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (text != NULL && text[0] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* A button says what it does by its label, a tooltip or an accessible label; a menu
 * button's inner toggle speaks for the menu button. */
static gboolean
button_is_named (GtkWidget *button)
{
  GtkWidget *named = button;
  GtkWidget *parent = gtk_widget_get_parent (button);

  if (GTK_IS_MENU_BUTTON (parent))
    named = parent;

  if (gtk_widget_get_tooltip_text (named) != NULL)
    return TRUE;
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_MENU_BUTTON (named))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (named));

      return (label != NULL && label[0] != '\0') ||
             has_text (gtk_menu_button_get_child (GTK_MENU_BUTTON (named)));
    }
  if (GTK_IS_BUTTON (named))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (named));

      if (label != NULL && label[0] != '\0' && gtk_button_get_icon_name (GTK_BUTTON (named)) == NULL)
        return TRUE;
      return has_text (gtk_button_get_child (GTK_BUTTON (named)));
    }
  return FALSE;
}

static void
test_roles_and_names (void)
{
  RsWindow *window = open_sample ("a11y-names.redstring");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GString) unnamed = g_string_new (NULL);
  GtkListView *list = rs_items_panel_get_list_view (window->items_panel);

  /* The drawn board: a named group (its nodes are reached by the list below). */
  gtk_test_accessible_assert_role (window->board, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (window->board, GTK_ACCESSIBLE_PROPERTY_LABEL, "Evidence board");
  gtk_test_accessible_assert_role (window->items_panel, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_role (list, GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Entities and relations on the board");
  gtk_test_accessible_assert_role (window->quotes_panel, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_role (window->review_panel, GTK_ACCESSIBLE_ROLE_GROUP);

  /* Every button of the window, the header bar's icon-only ones included. */
  rs_gui_test_collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  rs_gui_test_collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >, 10);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      /* A spin button's steppers are hidden from assistive technologies (role none). */
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (button)) == GTK_ACCESSIBLE_ROLE_NONE)
        {
          g_assert_true (GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (button)) ||
                         GTK_IS_SPIN_BUTTON (gtk_widget_get_ancestor (button, GTK_TYPE_SPIN_BUTTON)));
          continue;
        }
      /* GTK 4.8 gives toggle buttons the button role, with a pressed state. */
      if (G_OBJECT_TYPE (button) == GTK_TYPE_BUTTON || G_OBJECT_TYPE (button) == GTK_TYPE_TOGGLE_BUTTON)
        gtk_test_accessible_assert_role (button, GTK_ACCESSIBLE_ROLE_BUTTON);
      if (!button_is_named (button))
        g_string_append_printf (unnamed, " %s(icon %s, in %s, %s)", G_OBJECT_TYPE_NAME (button),
                                GTK_IS_BUTTON (button) ? gtk_button_get_icon_name (GTK_BUTTON (button)) : "",
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (button)),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (button))));
    }
  g_assert_cmpstr (unnamed->str, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

static GListModel *
items_of (RsWindow *window)
{
  return G_LIST_MODEL (rs_items_panel_get_model (window->items_panel));
}

static gboolean
items_listed (gpointer window)
{
  return g_list_model_get_n_items (items_of (window)) > 0;
}

static void
assert_primary_is (RsSelection *selection,
                   RsWindow    *window,
                   guint        position)
{
  g_autoptr(RsBoardItem) item = g_list_model_get_item (items_of (window), position);
  RsTarget target;
  gint64 id;

  g_assert_nonnull (item);
  g_assert_true (rs_selection_get_primary (selection, &target, &id));
  g_assert_cmpint (target, ==, rs_board_item_get_target (item));
  g_assert_cmpint (id, ==, rs_board_item_get_id (item));
  g_assert_cmpuint (rs_selection_get_n_items (selection), ==, 1);
}

/* The widget showing the row named @name, once the list has scrolled to it. */
static GtkWidget *
row_widget (RsWindow   *window,
            guint       position,
            const char *name)
{
  GtkWidget *list = GTK_WIDGET (rs_items_panel_get_list_view (window->items_panel));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_true (gtk_widget_activate_action (list, "list.scroll-to-item", "u", position));
  rs_gui_test_wait_for_draw (list);
  rs_gui_test_collect (list, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), name) == 0)
      return gtk_widget_get_parent (g_ptr_array_index (labels, i));
  return NULL;
}

/* A key pressed through the X server, as a user would (the list's own key handling). */
static void
press_key (const char *key)
{
  g_autofree char *command = g_strdup_printf ("xdotool key %s", key);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  rs_gui_test_iterate (200);
}

static void
test_list_alternative (void)
{
  RsWindow *window = open_sample ("a11y-list.redstring");
  RsCase *kase = rs_case_store_get_case (rs_window_get_store (window));
  RsSelection *selection = rs_window_get_selection (window);
  GtkSingleSelection *model = rs_items_panel_get_model (window->items_panel);
  GtkWidget *list = GTK_WIDGET (rs_items_panel_get_list_view (window->items_panel));
  guint n_items = g_list_model_get_n_items (rs_case_get_entities (kase)) +
                  g_list_model_get_n_items (rs_case_get_relations (kase));
  g_autoptr(RsRelation) relation = g_list_model_get_item (rs_case_get_relations (kase), 0);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  g_autoptr(RsBoardItem) tick_item = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *focus, *row;
  guint tick_position, position;

  g_assert_nonnull (tick);
  g_assert_nonnull (relation);

  /* Reached by its side page (Alt+8), which takes the keyboard focus into it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s", "items"));
  g_assert_true (rs_gui_test_wait_until (items_listed, window, 10000));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "items");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window->items_panel)));

  /* One item per entity and relation: name, kind, status, review state, quotes. */
  g_assert_cmpuint (g_list_model_get_n_items (items_of (window)), ==, n_items);
  g_assert_true (rs_items_panel_find (window->items_panel, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                      &tick_position));
  tick_item = g_list_model_get_item (items_of (window), tick_position);
  g_assert_cmpstr (rs_board_item_get_name (tick_item), ==, "Tick");
  g_assert_true (g_str_has_prefix (rs_board_item_get_details (tick_item), "Threat group · Unreviewed · "));

  /* Its row is a named list item: the name, then the details. */
  row = row_widget (window, tick_position, "Tick");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_role (gtk_widget_get_parent (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  expected = g_strdup_printf ("Tick, %s", rs_board_item_get_details (tick_item));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  /* List to board: choosing Tick's row selects Tick. */
  gtk_single_selection_set_selected (model, tick_position);
  assert_primary_is (selection, window, tick_position);

  /* Down moves to the next row and selects its item; Enter on a row selects it too. */
  if (rs_gui_test_can_click ())
    {
      /* The pointer over the row routes the keys to this window (no window manager). */
      g_assert_true (rs_gui_test_click (row, 10, 5));
      gtk_widget_grab_focus (gtk_widget_get_parent (row));
      g_assert_cmpuint (gtk_single_selection_get_selected (model), ==, tick_position);
      press_key ("Down");
      g_assert_cmpuint (gtk_single_selection_get_selected (model), ==, tick_position + 1);
      assert_primary_is (selection, window, tick_position + 1);

      rs_selection_clear (selection);
      g_assert_cmpuint (gtk_single_selection_get_selected (model), ==, GTK_INVALID_LIST_POSITION);
      press_key ("Return");
      assert_primary_is (selection, window, tick_position + 1);
    }
  else
    g_test_message ("no xdotool: the arrow keys and Enter are not pressed");

  /* Board to list: what the board selects is the list's selected row. */
  rs_selection_select (selection, RS_TARGET_RELATION, rs_relation_get_id (relation));
  g_assert_true (rs_items_panel_find (window->items_panel, RS_TARGET_RELATION,
                                      rs_relation_get_id (relation), &position));
  g_assert_cmpuint (gtk_single_selection_get_selected (model), ==, position);
  assert_primary_is (selection, window, position);

  g_assert_true (list != NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

/* The list follows the case: an entity renamed by a command shows under its new name,
 * and the keyboard focus stays in the list. */
static void
test_list_follows_case (void)
{
  RsWindow *window = open_sample ("a11y-follow.redstring");
  RsCaseStore *store = rs_window_get_store (window);
  RsEntity *tick = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), "Tick");
  GtkWidget *list = GTK_WIDGET (rs_items_panel_get_list_view (window->items_panel));
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(RsBoardItem) item = NULL;
  GtkWidget *focus;
  guint position;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s", "items"));
  g_assert_true (rs_gui_test_wait_until (items_listed, window, 10000));
  g_assert_true (rs_items_panel_find (window->items_panel, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                      &position));
  gtk_single_selection_set_selected (rs_items_panel_get_model (window->items_panel), position);
  gtk_widget_grab_focus (list);

  change = rs_case_edit_update_entity (store, rs_entity_get_id (tick), rs_entity_get_kind (tick),
                                       "Tick (APT)", rs_entity_get_aliases (tick),
                                       rs_entity_get_description (tick), &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  rs_gui_test_iterate (50);

  g_assert_true (rs_items_panel_find (window->items_panel, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                      &position));
  item = g_list_model_get_item (items_of (window), position);
  g_assert_cmpstr (rs_board_item_get_name (item), ==, "Tick (APT)");
  g_assert_cmpuint (gtk_single_selection_get_selected (rs_items_panel_get_model (window->items_panel)),
                    ==, position);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

/* The label in @root reading "… shown — filter on", if one is in sight. */
static GtkLabel *
filter_status_label (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rs_gui_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_suffix (gtk_label_get_text (g_ptr_array_index (labels, i)), " shown — filter on"))
      return g_ptr_array_index (labels, i);
  return NULL;
}

typedef struct
{
  RsWindow *window;
  guint     n_items;
} ListedCount;

static gboolean
items_number (gpointer data)
{
  ListedCount *count = data;

  return g_list_model_get_n_items (items_of (count->window)) == count->n_items;
}

/* The list shows what the board's filter shows, says how much of the case that is, and
 * keeps the selection in step: a row for what the board selects, none for what the
 * filter hides. */
static void
test_list_follows_filter (void)
{
  RsWindow *window = open_sample ("a11y-filter.redstring");
  RsCase *kase = rs_case_store_get_case (rs_window_get_store (window));
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  RsEntity *japan = rs_case_lookup_entity_by_name (kase, "Japan");
  guint n_case = g_list_model_get_n_items (rs_case_get_entities (kase)) +
                 g_list_model_get_n_items (rs_case_get_relations (kase));
  g_autofree char *expected = NULL;
  ListedCount count = { window, 0 };
  GtkLabel *status;
  guint position;

  g_assert_nonnull (tick);
  g_assert_nonnull (japan);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s", "items"));
  g_assert_true (rs_gui_test_wait_until (items_listed, window, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (items_of (window)), ==, n_case);
  status = filter_status_label (GTK_WIDGET (window->items_panel));
  g_assert_true (status == NULL || !gtk_widget_get_visible (GTK_WIDGET (status)));
  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));

  /* The board's filter text: Tick alone (no relation has both its ends shown). */
  rs_board_filter_set_text (window->filter, "Tick");
  count.n_items = 1;
  g_assert_true (rs_gui_test_wait_until (items_number, &count, 10000));
  g_assert_true (rs_items_panel_find (window->items_panel, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                      &position));
  g_assert_false (rs_items_panel_find (window->items_panel, RS_TARGET_ENTITY,
                                       rs_entity_get_id (japan), NULL));
  g_assert_cmpuint (gtk_single_selection_get_selected (rs_items_panel_get_model (window->items_panel)),
                    ==, position);
  status = filter_status_label (GTK_WIDGET (window->items_panel));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  expected = g_strdup_printf ("1 of %u shown — filter on", n_case);
  g_assert_cmpstr (gtk_label_get_text (status), ==, expected);

  /* What the filter hides, selected on the board, has no row: none is chosen. */
  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (japan));
  rs_gui_test_iterate (20);
  g_assert_cmpuint (gtk_single_selection_get_selected (rs_items_panel_get_model (window->items_panel)),
                    ==, GTK_INVALID_LIST_POSITION);

  /* A filter that hides everything says so, not "The board is empty". */
  rs_board_filter_set_text (window->filter, "no such name at all");
  count.n_items = 0;
  g_assert_true (rs_gui_test_wait_until (items_number, &count, 10000));
  rs_gui_test_iterate (20);
  g_free (expected);
  expected = g_strdup_printf ("0 of %u shown — filter on", n_case);
  g_assert_cmpstr (gtk_label_get_text (status), ==, expected);

  /* Filter off: everything again, the line gone, the board's selection chosen. */
  rs_board_filter_reset (window->filter);
  count.n_items = n_case;
  g_assert_true (rs_gui_test_wait_until (items_number, &count, 10000));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_true (rs_items_panel_find (window->items_panel, RS_TARGET_ENTITY,
                                      rs_entity_get_id (japan), &position));
  g_assert_cmpuint (gtk_single_selection_get_selected (rs_items_panel_get_model (window->items_panel)),
                    ==, position);

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

static void
test_new_destroy (void)
{
  RsBoardItem *item = rs_board_item_new (RS_TARGET_RELATION, 42, "Tick → JAXA", "Relation · Alleged");
  GtkWidget *panel = g_object_ref_sink (rs_items_panel_new ());

  g_assert_cmpint (rs_board_item_get_target (item), ==, RS_TARGET_RELATION);
  g_assert_cmpint (rs_board_item_get_id (item), ==, 42);
  g_assert_cmpstr (rs_board_item_get_name (item), ==, "Tick → JAXA");
  g_assert_cmpstr (rs_board_item_get_details (item), ==, "Relation · Alleged");
  g_assert_finalize_object (item);

  /* Without a case the list is empty and finds nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rs_items_panel_get_model (RS_ITEMS_PANEL (panel)))),
                    ==, 0);
  g_assert_false (rs_items_panel_find (RS_ITEMS_PANEL (panel), RS_TARGET_ENTITY, 1, NULL));
  g_assert_finalize_object (panel);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GTK's test backend keeps every accessible property where the test API reads it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/a11y/new-destroy", test_new_destroy);
  g_test_add_func ("/a11y/roles-and-names", test_roles_and_names);
  g_test_add_func ("/a11y/list-alternative", test_list_alternative);
  g_test_add_func ("/a11y/list-follows-case", test_list_follows_case);
  g_test_add_func ("/a11y/list-follows-filter", test_list_follows_filter);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
