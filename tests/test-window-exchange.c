/* test-window-exchange.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <string.h>

#include <glib/gstdio.h>

#include "rs-application.h"
#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-changes-since-dialog.h"
#include "rs-core.h"
#include "rs-exchange-dialog.h"
#include "rs-gui-test-utils.h"
#include "rs-progress-dialog.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Working together across machines in the real window (issue 21): a colleague's copy
 * merged through the review (a conflict decided with its toggle, Apply following it,
 * the merged items on the case, Undo taking them back), a changeset applied, a foreign
 * changeset refused with nothing changed, Export My Changes Since… through its dialog
 * and the save chooser, the lock, and the shared-folder bar with its local copy. */

static RsApplication *app;

static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static RsWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RsWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static RsWindow *
open_sample (const char *name)
{
  g_autofree char *path = rs_test_make_sample_file (name);

  return open_path (path);
}

static void
close_window (RsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

static RsCase *
case_of (RsWindow *window)
{
  return rs_case_store_get_case (window->store);
}

static guint
count_entities (RsWindow *window)
{
  return g_list_model_get_n_items (rs_case_get_entities (case_of (window)));
}

static void
set_description (RsCaseStore *store,
                 const char  *name,
                 const char  *description)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), name);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;

  g_assert_nonnull (entity);
  change = rs_case_edit_update_entity (store, rs_entity_get_id (entity),
                                       rs_entity_get_kind (entity), rs_entity_get_name (entity),
                                       rs_entity_get_aliases (entity), description, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
}

static const char *
description_of (RsWindow   *window,
                const char *name)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (case_of (window), name);

  g_assert_nonnull (entity);
  return rs_entity_get_description (entity);
}

#define HANA_COMMENT "Same tooling as BRONZE BUTLER in 2019: one group?"

static guint
count_comments_on_tick (RsWindow *window)
{
  RsEntity *tick = rs_case_lookup_entity_by_name (case_of (window), "Tick");
  g_autoptr(GPtrArray) comments = rs_case_dup_comments_for (case_of (window), RS_TARGET_ENTITY,
                                                            rs_entity_get_id (tick));

  return comments->len;
}

/* A colleague's copy of the sample: their description of Tick, a new entity, their
 * review of Tick and a comment on it. */
static char *
make_theirs (const char *name)
{
  g_autofree char *path = rs_test_make_sample_file (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  rs_case_store_set_author (store, "Hana Sato");
  set_description (store, "Tick", "Theirs: a cyber-espionage group (Hana)");
  g_assert_nonnull (rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Hana’s new source"));
  /* Her review of Tick, and a comment on it. */
  {
    RsEntity *tick = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), "Tick");
    g_autoptr(RsChange) accepted = NULL;
    g_autoptr(RsChange) commented = NULL;
    gint64 comment_id = 0;

    accepted = rs_case_edit_set_review_state (store, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                              RS_REVIEW_STATE_ACCEPTED, &error);
    g_assert_no_error (error);
    commented = rs_case_edit_add_comment (store, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                          HANA_COMMENT, &comment_id, &error);
    g_assert_no_error (error);
  }
  return g_steal_pointer (&path);
}

static gboolean
exchange_dialog_shown (gpointer data)
{
  return RS_WINDOW (data)->exchange_dialog != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (RS_WINDOW (data)->exchange_dialog));
}

static RsExchangeDialog *
wait_for_review (RsWindow *window)
{
  g_assert_true (rs_gui_test_wait_until (exchange_dialog_shown, window, 30000));
  rs_gui_test_wait_for_draw (GTK_WIDGET (window->exchange_dialog));
  return RS_EXCHANGE_DIALOG (window->exchange_dialog);
}

static GtkWidget *
button_labelled (GtkWidget  *root,
                 GType       type,
                 const char *label,
                 guint       nth)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  rs_gui_test_collect (root, type, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0 &&
        nth-- == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("no button “%s”", label);
}

/* A real key press through the X server into @window; FALSE without xdotool or X11. */
static gboolean
press_key (GtkWidget  *window,
           const char *key)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int status = 0;

  if (!rs_gui_test_can_click ())
    return FALSE;
  command = g_strdup_printf ("xdotool windowfocus --sync %lu key %s",
                             (gulong)gdk_x11_surface_get_xid (surface), key);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  rs_gui_test_iterate (100);
  return TRUE;
#else
  return FALSE;
#endif
}

/* A key, or the action it is bound to where keys cannot be pressed. */
static void
press_or_activate (GtkWidget  *window,
                   const char *key,
                   const char *action)
{
  if (!press_key (window, key))
    {
      gtk_widget_activate_action (window, action, NULL);
      rs_gui_test_iterate (100);
    }
}

/* A click (GtkButton's keyboard activation holds it pressed for a moment first). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
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

/* A message dialog among the toplevels: its heading, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
message_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
progress_over (gpointer data)
{
  return RS_WINDOW (data)->progress == NULL;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_FILE_CHOOSER (toplevel);
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

/* The save chooser answered as the user would: a folder, a name, Save. FALSE when the
 * chooser is not a GTK widget here (a portal shows it). */
static gboolean
save_in_chooser (const char *folder,
                 const char *name)
{
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  GtkFileChooser *chooser;

  if (!rs_gui_test_wait_until (chooser_shown, NULL, 5000))
    return FALSE;
  chooser = find_file_chooser ();
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, dir, NULL));
  gtk_file_chooser_set_current_name (chooser, name);
  rs_gui_test_iterate (50);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  rs_gui_test_iterate (100);
  return TRUE;
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* Merge ------------------------------------------------------------------------------- */

static void
test_merge (void)
{
  RsWindow *window = open_sample ("mine.redstring");
  g_autofree char *theirs = make_theirs ("theirs.redstring");
  guint n_entities = count_entities (window);
  RsExchangeDialog *dialog;
  RsExchangePlan *plan;
  GtkWidget *apply;
  GtkWidget *take_theirs;

  /* Mine changed the same field differently: a conflict. */
  set_description (window->store, "Tick", "Mine: a group also called BRONZE BUTLER");
  _rs_window_merge_case (window, theirs);
  dialog = wait_for_review (window);
  plan = rs_exchange_dialog_get_plan (dialog);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), >=, 1);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), >=, 1);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_MATCH), >, 10);

  /* Nothing is written while the review is open; Apply waits for the conflict. */
  g_assert_cmpuint (count_entities (window), ==, n_entities);
  apply = button_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Apply", 0);
  g_assert_false (gtk_widget_get_sensitive (apply));
  g_assert_false (rs_exchange_dialog_get_can_apply (dialog));
  /* Ctrl+Return does nothing yet either. */
  press_or_activate (GTK_WIDGET (dialog), "ctrl+Return", "exchange.apply");
  g_assert_true (exchange_dialog_shown (window));
  g_assert_false (rs_exchange_dialog_apply (dialog));
  g_assert_cmpuint (count_entities (window), ==, n_entities);

  /* Keep All Mine, then Take Theirs on the one conflict: the toggles follow. */
  click (button_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Keep All _Mine", 0));
  rs_gui_test_iterate (20);
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    button_labelled (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Keep Mine", 0))));
  for (guint i = 0; i < rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT); i++)
    {
      take_theirs = button_labelled (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Take Theirs", i);
      click (take_theirs);
      rs_gui_test_iterate (10);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (take_theirs)));
    }
  g_assert_cmpuint (rs_exchange_plan_count_undecided (plan), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (apply));
  save_screenshot (GTK_WIDGET (dialog), "window-exchange-merge.png");

  /* Ctrl+Return applies: one change, on the window's undo stack. */
  press_or_activate (GTK_WIDGET (dialog), "ctrl+Return", "exchange.apply");
  g_assert_null (window->exchange_dialog);
  g_assert_nonnull (rs_case_lookup_entity_by_name (case_of (window), "Hana’s new source"));
  g_assert_cmpstr (description_of (window, "Tick"), ==, "Theirs: a cyber-espionage group (Hana)");
  /* Her review and her comment came along. */
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY,
                                             rs_entity_get_id (rs_case_lookup_entity_by_name (
                                               case_of (window), "Tick"))),
                   ==, RS_REVIEW_STATE_ACCEPTED);
  g_assert_cmpuint (count_comments_on_tick (window), ==, 1);
  /* Nothing duplicated: the matched entities are the same ones. */
  g_assert_cmpuint (count_entities (window), ==,
                    n_entities + 1);

  rs_gui_test_iterate (2500);   /* past the window's watch for other programs' changes */
  /* Undo takes the whole merge back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rs_gui_test_iterate (100);
  g_assert_null (rs_case_lookup_entity_by_name (case_of (window), "Hana’s new source"));
  g_assert_cmpstr (description_of (window, "Tick"), ==, "Mine: a group also called BRONZE BUTLER");
  g_assert_cmpuint (count_entities (window), ==, n_entities);
  g_assert_cmpuint (count_comments_on_tick (window), ==, 0);

  close_window (window);
}

/* The first symptom, from the window: File → Import Case Bundle… of a
 * colleague's export into a case with records goes through the same review, so
 * nothing is doubled and a field both changed is a conflict, not a second copy. */
static void
test_import_bundle (void)
{
  RsWindow *window = open_sample ("bundle-mine.redstring");
  g_autofree char *theirs = make_theirs ("bundle-theirs.redstring");
  g_autofree char *json = rs_test_temp_path ("bundle-theirs.json");
  guint n_entities = count_entities (window);
  guint n_documents = g_list_model_get_n_items (rs_case_get_documents (case_of (window)));
  RsExchangeDialog *dialog;
  RsExchangePlan *plan;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RsCaseStore) store = rs_case_store_open (theirs, RS_CASE_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (rs_bundle_export_file (rs_case_store_get_case (store), NULL, json, &error));
    g_assert_no_error (error);
  }
  set_description (window->store, "Tick", "Mine: a group also called BRONZE BUTLER");

  _rs_window_import_bundle (window, json);
  dialog = wait_for_review (window);
  plan = rs_exchange_dialog_get_plan (dialog);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 1);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), >=, 1);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_MATCH), >, n_entities);
  g_assert_cmpstr (rs_exchange_plan_get_label (plan), ==, "Import “bundle-theirs.json”");
  g_assert_cmpuint (count_entities (window), ==, n_entities);
  save_screenshot (GTK_WIDGET (dialog), "window-exchange-import-bundle.png");

  click (button_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Take All _Theirs", 0));
  rs_gui_test_iterate (20);
  press_or_activate (GTK_WIDGET (dialog), "ctrl+Return", "exchange.apply");
  g_assert_null (window->exchange_dialog);
  g_assert_nonnull (rs_case_lookup_entity_by_name (case_of (window), "Hana’s new source"));
  g_assert_cmpstr (description_of (window, "Tick"), ==, "Theirs: a cyber-espionage group (Hana)");
  g_assert_cmpuint (count_entities (window), ==, n_entities + 1);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_documents (case_of (window))), ==,
                    n_documents);

  /* The same bundle again: nothing left to bring. */
  _rs_window_import_bundle (window, json);
  dialog = wait_for_review (window);
  plan = rs_exchange_dialog_get_plan (dialog);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), ==, 0);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  rs_gui_test_iterate (50);

  rs_gui_test_iterate (2500);   /* past the window's watch for other programs' changes */
  /* One step of Undo takes the import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rs_gui_test_iterate (100);
  g_assert_null (rs_case_lookup_entity_by_name (case_of (window), "Hana’s new source"));
  g_assert_cmpstr (description_of (window, "Tick"), ==, "Mine: a group also called BRONZE BUTLER");
  g_assert_cmpuint (count_entities (window), ==, n_entities);
  close_window (window);
}

/* Cancel (Escape) writes nothing. */
static void
test_merge_cancel (void)
{
  RsWindow *window = open_sample ("cancel.redstring");
  g_autofree char *theirs = make_theirs ("cancel-theirs.redstring");
  guint n_entities = count_entities (window);
  RsExchangeDialog *dialog;

  _rs_window_merge_case (window, theirs);
  dialog = wait_for_review (window);
  rs_exchange_dialog_resolve_all (dialog, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  press_or_activate (GTK_WIDGET (dialog), "Escape", "window.close");
  g_assert_null (window->exchange_dialog);
  g_assert_null (rs_case_lookup_entity_by_name (case_of (window), "Hana’s new source"));
  g_assert_cmpuint (count_entities (window), ==, n_entities);
  close_window (window);
}

/* A case dropped on a window with a case: open or merge, as the user says. */
static void
test_drop_case (void)
{
  RsWindow *window = open_sample ("drop-mine.redstring");
  g_autofree char *theirs = make_theirs ("drop-theirs.redstring");
  AdwMessageDialog *message;
  RsExchangeDialog *dialog;

  g_assert_true (_rs_window_drop_exchange_file (window, theirs));
  g_assert_true (rs_gui_test_wait_until (message_shown, NULL, 5000));
  message = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "drop-theirs.redstring"));
  g_assert_true (adw_message_dialog_has_response (message, "merge"));
  g_assert_true (adw_message_dialog_has_response (message, "open"));
  rs_gui_test_iterate (400);   /* past the dialog's appearing, which draws nothing at first */
  save_screenshot (GTK_WIDGET (message), "window-exchange-drop.png");
  adw_message_dialog_response (message, "merge");
  gtk_window_destroy (GTK_WINDOW (message));
  dialog = wait_for_review (window);
  g_assert_cmpuint (rs_exchange_plan_count (rs_exchange_dialog_get_plan (dialog),
                                            RS_EXCHANGE_ITEM_NEW), >=, 1);
  gtk_window_close (GTK_WINDOW (dialog));
  rs_gui_test_iterate (50);

  /* Its own file is not merged into itself; locked, nothing is offered. */
  g_assert_false (_rs_window_drop_exchange_file (window, rs_case_store_get_path (window->store)));
  rs_window_set_locked (window, TRUE);
  g_assert_false (_rs_window_drop_exchange_file (window, theirs));
  g_assert_null (find_message_dialog ());
  close_window (window);
}

static gboolean
review_gone (gpointer data)
{
  return RS_WINDOW (data)->exchange_dialog == NULL;
}

/* A large merge (600 entities and about 900 relations new) says it is writing, with the
 * review insensitive; then the items are in. */
static void
test_merge_large (void)
{
  g_autoptr(RsCaseStore) mine = rs_test_open_new_case ("large-mine.redstring");
  g_autofree char *mine_path = g_strdup (rs_case_store_get_path (mine));
  g_autofree char *theirs = NULL;
  RsExchangeDialog *dialog;
  RsWindow *window;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean said = FALSE;
  g_autofree char *writing = NULL;
  guint n_new;

  {
    g_autoptr(RsCaseStore) other = rs_test_open_new_case ("large-theirs.redstring");

    rs_test_make_grid_board (other, 600, " (Hana)", TRUE);
    theirs = g_strdup (rs_case_store_get_path (other));
  }
  g_clear_object (&mine);
  window = open_path (mine_path);
  _rs_window_merge_case (window, theirs);
  dialog = wait_for_review (window);
  n_new = rs_exchange_plan_count (rs_exchange_dialog_get_plan (dialog), RS_EXCHANGE_ITEM_NEW);
  g_assert_cmpuint (n_new, >, 1000);   /* past the dialog's notice */
  writing = g_strdup_printf ("Writing %u changes", n_new);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "exchange.apply", NULL));
  rs_gui_test_collect (GTK_WIDGET (dialog), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), writing))
      said = TRUE;
  g_assert_true (said);
  g_assert_true (rs_gui_test_wait_until (review_gone, window, 60000));
  g_assert_cmpuint (count_entities (window), ==, 600);
  g_assert_nonnull (rs_case_lookup_entity_by_name (case_of (window), "Entity 599 (Hana)"));
  close_window (window);
}

static GtkWindow *
find_progress_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (RS_IS_PROGRESS_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
progress_shown (gpointer data)
{
  return find_progress_dialog () != NULL;
}

static gboolean
not_applying (gpointer data)
{
  return !rs_exchange_dialog_get_applying (RS_EXCHANGE_DIALOG (data));
}

/* A large merge is written with the window responsive: its progress shows, with
 * Cancel, which leaves the case as it was and the review open; Apply again writes it. */
static void
test_merge_large_cancel (void)
{
  g_autoptr(RsCaseStore) mine = rs_test_open_new_case ("cancel-mine.redstring");
  g_autofree char *mine_path = g_strdup (rs_case_store_get_path (mine));
  g_autofree char *theirs = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  RsExchangeDialog *dialog;
  GtkWindow *progress;
  RsWindow *window;
  gboolean said = FALSE;

  {
    g_autoptr(RsCaseStore) other = rs_test_open_new_case ("cancel-theirs.redstring");

    rs_test_make_grid_board (other, 600, " (Hana)", TRUE);
    theirs = g_strdup (rs_case_store_get_path (other));
  }
  g_clear_object (&mine);
  window = open_path (mine_path);
  window->progress_delay = 0;
  _rs_window_merge_case (window, theirs);
  dialog = wait_for_review (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "exchange.apply", NULL));
  g_assert_true (rs_exchange_dialog_get_applying (dialog));
  /* The main loop runs while it writes: the progress dialog is drawn. */
  g_assert_true (rs_gui_test_wait_until (progress_shown, NULL, 10000));
  progress = find_progress_dialog ();
  g_assert_true (rs_exchange_dialog_get_applying (dialog));
  click (button_labelled (GTK_WIDGET (progress), GTK_TYPE_BUTTON, "_Cancel", 0));
  g_assert_true (rs_gui_test_wait_until (not_applying, dialog, 30000));
  rs_gui_test_iterate (50);
  g_assert_null (find_progress_dialog ());
  g_assert_true (exchange_dialog_shown (window));
  g_assert_cmpuint (count_entities (window), ==, 0);
  g_assert_false (rs_case_store_in_change (window->store));
  rs_gui_test_collect (GTK_WIDGET (dialog), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "Cancelled"))
      said = TRUE;
  g_assert_true (said);

  /* Apply again: all of it. */
  g_assert_true (rs_exchange_dialog_apply (dialog));
  g_assert_true (rs_gui_test_wait_until (review_gone, window, 60000));
  g_assert_cmpuint (count_entities (window), ==, 600);
  close_window (window);
}

/* A colleague's case with a long title: the main menu's Undo names the merge with the
 * title cut after a word, not the whole of it. */
static void
test_merge_long_title (void)
{
  RsWindow *window = open_sample ("title-mine.redstring");
  g_autofree char *theirs = make_theirs ("title-theirs.redstring");
  g_autoptr(GError) error = NULL;
  g_autofree char *undo = NULL;
  RsExchangeDialog *dialog;

  {
    g_autoptr(RsCaseStore) store = rs_case_store_open (theirs, RS_CASE_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (rs_case_store_set_info (store, "Tick and BRONZE BUTLER: a joint review of the "
                                           "2019–2021 intrusions against Japanese defence "
                                           "contractors, with the JPCERT/CC findings", "",
                                           &error));
    g_assert_no_error (error);
  }
  _rs_window_merge_case (window, theirs);
  dialog = wait_for_review (window);
  rs_exchange_dialog_resolve_all (dialog, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  g_assert_true (rs_exchange_dialog_apply (dialog));
  g_assert_true (rs_gui_test_wait_until (review_gone, window, 30000));
  g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (window->undo_menu), 0,
                                                  G_MENU_ATTRIBUTE_LABEL, "s", &undo));
  g_assert_cmpstr (undo, ==, "Undo Merge “Tick and BRONZE BUTLER: a joint review…” from "
                             "Hana Sato");
  close_window (window);
}

/* Changesets ----------------------------------------------------------------------------- */

static void
test_apply_changes (void)
{
  RsWindow *window = open_sample ("apply-mine.redstring");
  g_autofree char *theirs = make_theirs ("apply-theirs.redstring");
  g_autofree char *changes = rs_test_temp_path ("hana.redstring-changes");
  g_autoptr(GError) error = NULL;
  RsExchangeDialog *dialog;

  {
    g_autoptr(RsCaseStore) store = rs_case_store_open (theirs, RS_CASE_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (rs_exchange_write_changes (store, NULL, changes, &error));
    g_assert_no_error (error);
  }

  _rs_window_apply_changes (window, changes);
  dialog = wait_for_review (window);
  if (!rs_exchange_dialog_get_can_apply (dialog))
    rs_exchange_dialog_resolve_all (dialog, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  g_assert_true (rs_exchange_dialog_apply (dialog));
  rs_gui_test_iterate (100);
  g_assert_nonnull (rs_case_lookup_entity_by_name (case_of (window), "Hana’s new source"));
  g_assert_cmpstr (description_of (window, "Tick"), ==, "Theirs: a cyber-espionage group (Hana)");
  close_window (window);
}

/* A changeset from another case: a message naming the file, no review, nothing changed. */
static void
test_foreign_changeset (void)
{
  RsWindow *window = open_sample ("foreign-mine.redstring");
  g_autofree char *changes = rs_test_temp_path ("foreign.redstring-changes");
  g_autoptr(GError) error = NULL;
  guint n_entities = count_entities (window);
  AdwMessageDialog *message;

  {
    g_autoptr(RsCaseStore) other = rs_test_open_new_case ("unrelated.redstring");

    g_assert_nonnull (rs_test_add_entity (other, RS_ENTITY_KIND_PERSON, "Someone Else"));
    g_assert_true (rs_exchange_write_changes (other, NULL, changes, &error));
    g_assert_no_error (error);
  }

  _rs_window_apply_changes (window, changes);
  g_assert_true (rs_gui_test_wait_until (message_shown, NULL, 30000));
  g_assert_true (rs_gui_test_wait_until (progress_over, window, 5000));
  message = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "foreign.redstring-changes"));
  g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  rs_gui_test_iterate (400);
  save_screenshot (GTK_WIDGET (message), "window-exchange-foreign.png");
  g_assert_null (window->exchange_dialog);
  g_assert_null (rs_case_lookup_entity_by_name (case_of (window), "Someone Else"));
  g_assert_cmpuint (count_entities (window), ==, n_entities);
  gtk_window_destroy (GTK_WINDOW (message));

  /* Not a case at all, as a merge: said the same way. */
  {
    g_autofree char *junk = rs_test_temp_path ("junk.redstring");

    g_assert_true (g_file_set_contents (junk, "not a case", -1, NULL));
    _rs_window_merge_case (window, junk);
    g_assert_true (rs_gui_test_wait_until (message_shown, NULL, 30000));
    message = find_message_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "junk.redstring"));
    gtk_window_destroy (GTK_WINDOW (message));
  }
  rs_gui_test_iterate (50);
  g_assert_cmpuint (count_entities (window), ==, n_entities);
  close_window (window);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* A changeset of the open case from a newer Redstring, or cut short: refused with the
 * file's name, no review, nothing changed. */
static void
test_bad_changesets (void)
{
  RsWindow *window = open_sample ("bad-mine.redstring");
  g_autofree char *theirs = make_theirs ("bad-theirs.redstring");
  g_autofree char *good = rs_test_temp_path ("good.redstring-changes");
  g_autofree char *newer = rs_test_temp_path ("newer.redstring-changes");
  g_autofree char *cut = rs_test_temp_path ("cut.redstring-changes");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint n_entities = count_entities (window);
  const char *paths[2];
  const char *data;
  gsize size;

  {
    g_autoptr(RsCaseStore) store = rs_case_store_open (theirs, RS_CASE_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (rs_exchange_write_changes (store, NULL, good, &error));
    g_assert_no_error (error);
  }
  bytes = rs_test_read_file (good);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_str_has_prefix (data, "REDSTRING-CHANGES 2\n"));
  {
    /* The same case, format 9. */
    g_autofree char *later = g_strdup_printf ("REDSTRING-CHANGES 9\n%.*s",
                                              (int)(size - strlen ("REDSTRING-CHANGES 2\n")),
                                              data + strlen ("REDSTRING-CHANGES 2\n"));

    rs_test_write_file (newer, later, size);
  }
  rs_test_write_file (cut, data, size - size / 3);

  paths[0] = newer;
  paths[1] = cut;
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);
      AdwMessageDialog *message;

      g_test_message ("%s", name);
      _rs_window_apply_changes (window, paths[i]);
      g_assert_true (rs_gui_test_wait_until (message_shown, NULL, 30000));
      g_assert_true (rs_gui_test_wait_until (progress_over, window, 5000));
      message = find_message_dialog ();
      g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), name));
      g_test_message ("%s", adw_message_dialog_get_body (message));
      g_assert_null (window->exchange_dialog);
      gtk_window_destroy (GTK_WINDOW (message));
      rs_gui_test_iterate (50);
    }
  g_assert_null (rs_case_lookup_entity_by_name (case_of (window), "Hana’s new source"));
  g_assert_cmpuint (count_entities (window), ==, n_entities);

  /* The good one still goes through. */
  _rs_window_apply_changes (window, good);
  g_assert_nonnull (wait_for_review (window));
  gtk_window_close (GTK_WINDOW (window->exchange_dialog));
  rs_gui_test_iterate (50);
  close_window (window);
}

static RsChangesSinceDialog *
find_since_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (RS_IS_CHANGES_SINCE_DIALOG (toplevel))
        return RS_CHANGES_SINCE_DIALOG (toplevel);
    }
  return NULL;
}

/* Export My Changes Since…: garbage in the date keeps Export insensitive and says why;
 * a real date and the save chooser write the changeset, which a copy can apply. */
static void
test_export_changes (void)
{
  RsWindow *window = open_sample ("export.redstring");
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "outbox", NULL);
  g_autofree char *written = g_build_filename (folder, "mine.redstring-changes", NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  RsChangesSinceDialog *dialog;
  GtkWidget *export_button;
  GtkEditable *date;
  static const char *garbage[] = { "yesterday", "2026-13-01", "2026-02-30", "26-1-1",
                                   "2026-1-01", "２０２６-01-01", "'; DROP TABLE--",
                                   "2026-01-1x", "0000-01-01", "2026/01/01", " ",
                                   "-001-01-01" };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* A place it cannot be written: a dialog naming the file, no toast. */
  {
    g_autofree char *nowhere = g_build_filename (folder, "no-such-folder", "x.redstring-changes",
                                                 NULL);
    AdwMessageDialog *message;

    g_assert_false (_rs_window_export_changes (window, NULL, nowhere));
    g_assert_true (rs_gui_test_wait_until (message_shown, NULL, 5000));
    message = find_message_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "x.redstring-changes"));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (message));
    rs_gui_test_iterate (50);
  }
  /* An edit as the window makes it, in the history "since" reads. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RsChange) change = rs_case_edit_create_entity (window->store, RS_ENTITY_KIND_PERSON,
                                                             "My new source", NULL, NULL, NULL,
                                                             &error);

    g_assert_no_error (error);
    g_assert_nonnull (change);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-changes", NULL));
  rs_gui_test_iterate (50);
  dialog = find_since_dialog ();
  g_assert_nonnull (dialog);
  export_button = button_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Export…", 0);
  /* No review marked: "all my changes" is chosen, and possible. */
  g_assert_true (gtk_widget_get_sensitive (export_button));

  rs_gui_test_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  date = GTK_EDITABLE (g_ptr_array_index (entries, 0));
  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GDateTime) since = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("date “%s”", garbage[i]);
      gtk_editable_set_text (date, garbage[i]);
      rs_gui_test_iterate (10);
      g_assert_false (gtk_widget_get_sensitive (export_button));
      g_assert_false (rs_changes_since_dialog_dup_since (dialog, &since, &error));
      g_assert_nonnull (error);
      g_assert_false (rs_changes_since_dialog_choose (dialog));
    }
  save_screenshot (GTK_WIDGET (dialog), "window-exchange-since-garbage.png");

  gtk_editable_set_text (date, "2000-01-01");
  rs_gui_test_iterate (10);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "since.choose", NULL));
  rs_gui_test_iterate (50);
  g_assert_null (find_since_dialog ());
  if (!save_in_chooser (folder, "mine"))
    {
      g_test_skip ("the file chooser is not a GTK widget here (a portal shows it)");
      close_window (window);
      return;
    }
  /* The suffix is added (the chooser checks the folder before it answers); the file is
   * a changeset a copy of the sample accepts. */
  g_assert_true (rs_gui_test_wait_until (file_exists, written, 20000));
  g_assert_null (find_message_dialog ());
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *copy = rs_test_make_sample_file ("export-copy.redstring");
    g_autoptr(GError) error = NULL;
    g_autoptr(RsCaseStore) store = rs_case_store_open (copy, RS_CASE_STORE_OPEN_NONE, &error);
    g_autoptr(RsExchangePlan) plan = rs_exchange_plan_new_apply (store, written, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), >=, 1);
  }
  close_window (window);
}

/* With a review marked, "since the last review" is the first choice, and means the mark. */
static void
test_since_review (void)
{
  RsWindow *window = open_sample ("since-review.redstring");
  g_autoptr(GDateTime) mark = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GError) error = NULL;
  RsChangesSinceDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-review", NULL));
  rs_gui_test_iterate (50);
  g_assert_true (rs_case_store_get_last_review_mark (window->store, NULL, &mark, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-changes", NULL));
  rs_gui_test_iterate (50);
  dialog = find_since_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (rs_changes_since_dialog_dup_since (dialog, &since, &error));
  g_assert_no_error (error);
  g_assert_nonnull (since);
  g_assert_true (g_date_time_equal (since, mark));
  g_clear_pointer (&since, g_date_time_unref);

  /* All my changes: no time at all. */
  rs_changes_since_dialog_set_since (dialog, RS_CHANGES_SINCE_ALL);
  g_assert_true (rs_changes_since_dialog_dup_since (dialog, &since, &error));
  g_assert_null (since);

  /* Escape: nothing asked, nothing written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  rs_gui_test_iterate (50);
  g_assert_null (find_since_dialog ());
  close_window (window);
}

/* Whether @action is enabled where the board sees it: a probe button takes it, and GTK
 * makes it insensitive while the action is disabled (a menu item's lookup). */
static gboolean
win_enabled (RsWindow   *window,
             const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_widget_set_parent (probe, GTK_WIDGET (window->board));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  rs_gui_test_iterate (5);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  return enabled;
}

/* Locked: nothing merged or applied; exporting my changes (a read) still works. */
static void
test_lock (void)
{
  RsWindow *window = open_sample ("locked.redstring");

  g_assert_true (win_enabled (window, "win.merge-case"));
  g_assert_true (win_enabled (window, "win.apply-changes"));
  g_assert_true (win_enabled (window, "win.export-changes"));
  rs_window_set_locked (window, TRUE);
  rs_gui_test_iterate (20);
  g_assert_false (win_enabled (window, "win.merge-case"));
  g_assert_false (win_enabled (window, "win.apply-changes"));
  g_assert_true (win_enabled (window, "win.export-changes"));
  /* Nor through the code the choosers lead to. */
  {
    g_autofree char *theirs = make_theirs ("locked-theirs.redstring");

    _rs_window_merge_case (window, theirs);
    rs_gui_test_iterate (200);
    g_assert_null (window->exchange_dialog);
    g_assert_null (window->progress);
  }
  rs_window_set_locked (window, FALSE);
  rs_gui_test_iterate (20);
  g_assert_true (win_enabled (window, "win.merge-case"));

  g_assert_null (find_message_dialog ());
  close_window (window);
}

/* Shared folders ------------------------------------------------------------------------- */

/* Anything under a folder called "share" is on NFS. */
static RsFileSystemKind
fake_classify (const char  *path,
               char       **fs_name)
{
  if (strstr (path, "/share/") != NULL)
    {
      if (fs_name != NULL)
        *fs_name = g_strdup ("NFS");
      return RS_FILE_SYSTEM_NETWORK;
    }
  if (fs_name != NULL)
    *fs_name = NULL;
  return RS_FILE_SYSTEM_LOCAL;
}

static gboolean
store_at (gpointer data)
{
  RsWindow *window = RS_WINDOW (((gpointer *)data)[0]);
  const char *path = ((gpointer *)data)[1];

  return window->store != NULL && g_strcmp0 (rs_case_store_get_path (window->store), path) == 0;
}

static void
test_shared_folder (void)
{
  g_autofree char *share = g_build_filename (g_get_user_data_dir (), "share", NULL);
  g_autofree char *local = g_build_filename (g_get_user_data_dir (), "local", NULL);
  g_autofree char *sample = rs_test_make_sample_file ("shared.redstring");
  g_autofree char *on_share = g_build_filename (share, "shared.redstring", NULL);
  g_autofree char *copy = g_build_filename (local, "shared-copy.redstring", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (sample);
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) error = NULL;
  gpointer at[2];
  RsWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (local, 0700), ==, 0);
  to = g_file_new_for_path (on_share);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The real classifier: this machine's test folder is a local disk, no bar. */
  window = open_path (on_share);
  g_assert_false (gtk_revealer_get_reveal_child (window->share_banner));

  /* On NFS: the bar says why, and offers the way out. */
  _rs_window_set_file_system_for_test (window, fake_classify);
  rs_gui_test_iterate (300);
  g_assert_true (gtk_revealer_get_reveal_child (window->share_banner));
  g_assert_nonnull (strstr (gtk_label_get_text (window->share_label), "NFS"));
  g_assert_nonnull (strstr (gtk_label_get_text (window->share_label), "corrupt"));
  save_screenshot (GTK_WIDGET (window), "window-exchange-shared-folder.png");

  /* Dismiss hides it for this case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-share-warning",
                                             NULL));
  g_assert_false (gtk_revealer_get_reveal_child (window->share_banner));
  _rs_window_set_file_system_for_test (window, fake_classify);
  g_assert_false (gtk_revealer_get_reveal_child (window->share_banner));
  g_clear_pointer (&window->share_dismissed, g_free);
  _rs_window_set_file_system_for_test (window, fake_classify);
  g_assert_true (gtk_revealer_get_reveal_child (window->share_banner));

  /* Work on a Local Copy: Save As into a local folder, the window then on the copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.work-on-local-copy", NULL));
  rs_gui_test_iterate (50);
  if (!save_in_chooser (local, "shared-copy.redstring"))
    {
      g_test_skip ("the file chooser is not a GTK widget here (a portal shows it)");
      close_window (window);
      return;
    }
  at[0] = window;
  at[1] = copy;
  g_assert_true (rs_gui_test_wait_until (store_at, at, 30000));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_false (gtk_revealer_get_reveal_child (window->share_banner));
  g_assert_nonnull (rs_case_lookup_entity_by_name (case_of (window), "Tick"));
  g_assert_null (find_message_dialog ());
  close_window (window);
}

static gboolean
recent_saved (gpointer data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The two that answer a save chooser, in one test: GTK's recent-files list, which the
 * chooser adds the saved file to, is written (a moment later) into the data folder of
 * the test that first showed a chooser, and each test's folder goes with it. */
static void
test_save_choosers (void)
{
  test_export_changes ();
  test_shared_folder ();
  g_assert_true (rs_gui_test_wait_until (recent_saved, NULL, 20000));
  rs_gui_test_iterate (300);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-exchange/merge", test_merge);
  g_test_add_func ("/window-exchange/merge-cancel", test_merge_cancel);
  g_test_add_func ("/window-exchange/import-bundle", test_import_bundle);
  g_test_add_func ("/window-exchange/merge-large", test_merge_large);
  g_test_add_func ("/window-exchange/merge-large-cancel", test_merge_large_cancel);
  g_test_add_func ("/window-exchange/merge-long-title", test_merge_long_title);
  g_test_add_func ("/window-exchange/drop-case", test_drop_case);
  g_test_add_func ("/window-exchange/apply-changes", test_apply_changes);
  g_test_add_func ("/window-exchange/foreign-changeset", test_foreign_changeset);
  g_test_add_func ("/window-exchange/bad-changesets", test_bad_changesets);
  g_test_add_func ("/window-exchange/since-review", test_since_review);
  g_test_add_func ("/window-exchange/lock", test_lock);
  /* export-changes and shared-folder; the last tests with a file chooser */
  g_test_add_func ("/window-exchange/save-choosers", test_save_choosers);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
