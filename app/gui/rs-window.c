/* rs-window.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "rs-application.h"
#include "rs-bundle.h"
#include "rs-error.h"
#include "rs-text.h"
#include "rs-file-chooser.h"
#include "rs-window-private.h"

/* The window wires things together: it owns the open case and the one selection,
 * and hands both to the board, the panels and the source viewer, which own their
 * behaviour. */

G_DEFINE_FINAL_TYPE (RsWindow, rs_window, ADW_TYPE_APPLICATION_WINDOW)

static void set_on_children (RsWindow   *self,
                             const char *property,
                             gpointer    value);

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  PROP_FILTER,
  PROP_LOCKED,
  PROP_ALLOW_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (RsWindow *self)
{
  RsCase *kase = self->store ? rs_case_store_get_case (self->store) : NULL;
  /* The title comes from the file: bounded before anything measures it. */
  g_autofree char *title = kase ? rs_text_dup_for_label (rs_case_get_title (kase),
                                                         RS_TEXT_LABEL_MAX_CHARS) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->store != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (rs_case_store_get_path (self->store));
      g_autofree char *parse_name = g_file_get_parse_name (file);
      const char *home = g_get_home_dir ();

      if (home && g_str_has_prefix (parse_name, home))
        subtitle = g_strconcat ("~", parse_name + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&parse_name);
    }

  adw_window_title_set_title (self->window_title, title && *title ? title : _("Untitled Case"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title && *title ? title : "Redstring");
}

void
rs_window_show_toast (RsWindow   *self,
                      const char *message)
{
  g_return_if_fail (RS_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_rs_window_show_error (RsWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_case_changed_cb (RsWindow *self)
{
  update_title (self);
}

/* "Saved" only once the store says the write has returned from disk; typing not
 * yet handed to the store counts as saving. */
static void
update_save_label (RsWindow *self)
{
  const char *text = "";

  if (self->store != NULL && rs_case_store_is_read_only (self->store))
    {
      gtk_label_set_label (self->save_label, _("Read-only"));
      return;
    }

  if (self->store != NULL)
    {
      switch (rs_case_store_get_save_state (self->store))
        {
        case RS_SAVE_STATE_WAITING:
          text = _("Waiting for another program…");
          break;

        case RS_SAVE_STATE_FAILED:
          text = _("Not saved");
          break;

        case RS_SAVE_STATE_SAVING:
          text = _("Saving…");
          break;

        case RS_SAVE_STATE_SAVED:
        default:
          text = rs_notes_panel_get_busy (self->notes_panel) ? _("Saving…") : _("Saved");
          break;
        }
    }
  gtk_label_set_label (self->save_label, text);

  /* Closing waited for a save that has now failed: ask, as a failed close does. */
  if (self->close_when_saved && self->store != NULL &&
      rs_case_store_get_save_state (self->store) == RS_SAVE_STATE_FAILED)
    {
      self->close_when_saved = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_note_merged_cb (RsWindow    *self,
                   RsNote      *note,
                   RsCaseStore *store)
{
  rs_window_show_toast (self, _("The note was also changed in another window or program: "
                                "both versions are kept"));
}

static void
on_note_moved_cb (RsWindow    *self,
                  RsNote      *note,
                  RsCaseStore *store)
{
  rs_window_show_toast (self, _("What the note was about was deleted in another window or "
                                "program: the text is kept in the notes on the case"));
}

static void
on_store_reloaded_cb (RsWindow    *self,
                      RsCaseStore *store)
{
  g_signal_connect_object (rs_case_store_get_case (store), "changed",
                           G_CALLBACK (on_case_changed_cb), self, G_CONNECT_SWAPPED);
  update_title (self);

  /* One notice while it is shown, not one a second while the other program types. */
  if (self->reload_toast == NULL)
    {
      self->reload_toast = adw_toast_new (_("Updated with changes made by another program"));
      g_object_add_weak_pointer (G_OBJECT (self->reload_toast), (gpointer *)&self->reload_toast);
      adw_toast_overlay_add_toast (self->toast_overlay, self->reload_toast);
    }
}

/* Another program (a second Redstring, the command line) may have changed the
 * file: cheap to ask, so asked every second and whenever the window is focused. */
static void
check_for_changes (RsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!rs_case_store_check_for_changes (self->store, NULL, &error) &&
      !g_error_matches (error, RS_ERROR, RS_ERROR_BUSY))
    {
      /* Said once, not every second. */
      if (g_strcmp0 (self->watch_error, error->message) != 0)
        {
          g_free (self->watch_error);
          self->watch_error = g_strdup (error->message);
          rs_window_show_toast (self, error->message);
        }
    }
}

static gboolean
watch_cb (gpointer user_data)
{
  check_for_changes (RS_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_is_active_changed_cb (RsWindow   *self,
                         GParamSpec *pspec)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    check_for_changes (self);
}

/* Who the history names on this window's changes: the analyst's name from the
 * preferences, or (empty) the store's own fallback, the system's real name. */
static void
apply_author (RsWindow *self)
{
  g_autofree char *name = NULL;

  if (self->store == NULL || self->settings == NULL)
    return;
  name = g_settings_get_string (self->settings, "analyst-name");
  g_strstrip (name);
  rs_case_store_set_author (self->store, name);
}

void
rs_window_set_store (RsWindow    *self,
                     RsCaseStore *store)
{
  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (!store || RS_IS_CASE_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (rs_case_store_get_case (self->store),
                                            on_case_changed_cb, self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_clear_handle_id (&self->watch_source, g_source_remove);

  rs_selection_clear (self->selection);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_autofree char *path = g_canonicalize_filename (rs_case_store_get_path (store), NULL);

      /* The UI thread never waits for another program: a locked case fails a write
       * at once, and notes wait for the lock in the store's worker. */
      rs_case_store_set_lock_timeout (store, 0);
      apply_author (self);
      g_signal_connect_object (rs_case_store_get_case (store), "changed",
                               G_CALLBACK (on_case_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::save-state", G_CALLBACK (update_save_label), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "note-merged", G_CALLBACK (on_note_merged_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "note-moved", G_CALLBACK (on_note_moved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "reloaded", G_CALLBACK (on_store_reloaded_cb), self,
                               G_CONNECT_SWAPPED);
      self->watch_source = g_timeout_add_seconds (1, watch_cb, self);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-case", path);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-bundle", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relayout", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", store != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label),
                               store != NULL && rs_case_store_is_read_only (store)
                               ? _("The case file or its folder is write-protected: you can read "
                                   "the case, not change it. Save As makes a copy you can change.")
                               : _("Every change is written to the case file as you make it"));
  g_clear_pointer (&self->watch_error, g_free);
  _rs_window_editing_set_store (self);
  _rs_window_exchange_store_changed (self);
  update_title (self);
  update_save_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  /* Where the template's bindings used to follow it: after the window's own set-up. */
  set_on_children (self, "store", store);
}

RsCaseStore *
rs_window_get_store (RsWindow *self)
{
  g_return_val_if_fail (RS_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
rs_window_get_locked (RsWindow *self)
{
  g_return_val_if_fail (RS_IS_WINDOW (self), FALSE);
  return self->locked;
}

/* Locks every edit in this window (a review meeting; `--read-only`): the case stays
 * open on a normal connection, so others' changes still show. */
void
rs_window_set_locked (RsWindow *self,
                      gboolean  locked)
{
  g_return_if_fail (RS_IS_WINDOW (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  _rs_window_lock_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

gboolean
rs_window_get_allow_review (RsWindow *self)
{
  g_return_val_if_fail (RS_IS_WINDOW (self), FALSE);
  return self->allow_review;
}

/* While locked, still lets comments and review states through. */
void
rs_window_set_allow_review (RsWindow *self,
                            gboolean  allow_review)
{
  g_return_if_fail (RS_IS_WINDOW (self));

  allow_review = !!allow_review;
  if (self->allow_review == allow_review)
    return;
  self->allow_review = allow_review;
  _rs_window_lock_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_REVIEW]);
}

RsSelection *
rs_window_get_selection (RsWindow *self)
{
  g_return_val_if_fail (RS_IS_WINDOW (self), NULL);
  return self->selection;
}

/* The window that has the case at PATH open, if any. One process holds one store
 * per file: opening a file twice would close a second descriptor on it, and on
 * POSIX that drops every lock SQLite holds on it. */
RsWindow *
rs_window_find_for_case (const char *path)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  RsCaseStore *store;

  g_return_val_if_fail (path != NULL, NULL);

  /* The store registry knows the file by device and inode. */
  if ((store = rs_case_store_find_open (path)) != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (RS_IS_WINDOW (window) && RS_WINDOW (window)->store == store)
          return RS_WINDOW (window);
      }

  /* Still loading in the background: that window will show it, not a second one. */
  {
    g_autofree char *canonical = g_canonicalize_filename (path, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (RS_IS_WINDOW (window) &&
            g_strcmp0 (RS_WINDOW (window)->opening_path, canonical) == 0)
          return RS_WINDOW (window);
      }
  }
  return NULL;
}

static gboolean
opening_done_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  RsWindow *self = RS_WINDOW (widget);

  /* The first tick comes before the case's first frame; the second, after it. */
  if (GPOINTER_TO_UINT (user_data) == 0)
    {
      gtk_widget_remove_tick_callback (widget, self->opening_tick);
      self->opening_tick = gtk_widget_add_tick_callback (widget, opening_done_tick_cb,
                                                         GUINT_TO_POINTER (1), NULL);
      return G_SOURCE_REMOVE;
    }

  self->opening_tick = 0;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "opening-case", "");
  return G_SOURCE_REMOVE;
}

/* Another window of this process that shows @path: brought forward instead. */
static gboolean
present_other_window (const char *path)
{
  RsWindow *other = rs_window_find_for_case (path);

  if (other == NULL)
    return FALSE;
  gtk_window_present (GTK_WINDOW (other));
  rs_window_show_toast (other, _("This case is already open in this window"));
  return TRUE;
}

/* Remembered until the case has been shown once: a case that hangs or crashes the
 * window is not reopened by itself at the next launch. */
static void
remember_opening (RsWindow   *self,
                  const char *path)
{
  g_autofree char *canonical = NULL;

  if (self->settings == NULL)
    return;
  canonical = path ? g_canonicalize_filename (path, NULL) : NULL;
  g_settings_set_string (self->settings, "opening-case", canonical ? canonical : "");
}

/* The case is open: show it. */
static void
show_opened (RsWindow    *self,
             RsCaseStore *store)
{
  rs_window_set_store (self, store);
  if (self->opening_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->opening_tick);
  self->opening_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), opening_done_tick_cb,
                                                     GUINT_TO_POINTER (0), NULL);
}

/* Opens (or, for the default case, creates with the sample) a case file. On
 * failure the window keeps the case it had and says why. */
gboolean
rs_window_open_case (RsWindow   *self,
                     const char *path,
                     gboolean    is_default)
{
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  gboolean fresh;

  g_return_val_if_fail (RS_IS_WINDOW (self), FALSE);

  if (path == NULL)
    {
      default_path = rs_application_dup_default_case ();
      path = default_path;
      is_default = TRUE;
    }

  fresh = is_default && !g_file_test (path, G_FILE_TEST_EXISTS);
  if (fresh)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0700);
    }

  if (present_other_window (path))
    return TRUE;
  remember_opening (self, path);

  /* Still held by this process, though no window shows it (a closed window's
   * layout finishing): the same store, never a second one. */
  if ((store = rs_case_store_find_open (path)) != NULL)
    g_object_ref (store);
  else
    store = rs_case_store_open (path, fresh ? RS_CASE_STORE_OPEN_CREATE : RS_CASE_STORE_OPEN_NONE,
                                &error);
  if (store != NULL && fresh && !rs_bundle_import_sample (store, &error))
    g_clear_object (&store);

  if (store == NULL)
    {
      remember_opening (self, NULL);
      /* The message names the file already. */
      _rs_window_show_error (self, _("Could Not Open the Case"), error);
      return FALSE;
    }

  show_opened (self, store);
  return TRUE;
}

static gboolean
is_toplevel (RsWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (window == (GObject *)self)
        return TRUE;
    }
  return FALSE;
}

static void
on_case_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  gboolean fallback = self->open_fallback;

  store = rs_case_store_open_finish (result, &error);
  g_clear_pointer (&self->opening_path, g_free);
  self->open_fallback = FALSE;
  /* The work is over: the window is free for the next, whoever still holds the dialog
   * (the reader lets go of its progress callback's reference later). */
  if (self->progress != NULL)
    rs_progress_dialog_done (self->progress);
  g_clear_weak_pointer (&self->progress);

  /* Closed meanwhile (gtk_window_destroy() took it off the toplevels; this callback's
   * reference kept it alive): nothing to show the case in, and it did not hang. */
  if (!is_toplevel (self))
    {
      remember_opening (self, NULL);
      return;
    }

  if (store == NULL)
    {
      remember_opening (self, NULL);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rs_window_show_error (self, _("Could Not Open the Case"), error);
      /* At start-up the window shows the default case rather than nothing. */
      if (fallback && self->store == NULL)
        rs_window_open_case (self, NULL, TRUE);
      return;
    }
  show_opened (self, store);
}

/* What the user opens (Open, a dropped file): checked and loaded in the background,
 * with a progress dialog and Cancel when it takes a while; the window keeps showing
 * the case it had until then. */
static gboolean take_prefetch (RsWindow     *self,
                               const char   *path,
                               GCancellable *cancellable);
static gboolean has_prefetch  (const char   *path);

void
_rs_window_open_case_in_background (RsWindow   *self,
                                    const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  RsProgressDialog *dialog;
  RsCaseStore *open;

  g_return_if_fail (path != NULL);

  if (present_other_window (path))
    return;
  /* A prefetched case may be open already, its result not delivered: it is still the
   * prefetch's to hand over, from the main loop as any loading's. */
  if (!has_prefetch (path) && (open = rs_case_store_find_open (path)) != NULL)
    {
      remember_opening (self, path);
      show_opened (self, open);
      return;
    }
  if (self->progress != NULL)
    {
      rs_window_show_toast (self, _("Wait for the case being opened or imported"));
      return;
    }

  remember_opening (self, path);
  g_free (self->opening_path);
  self->opening_path = g_canonicalize_filename (path, NULL);
  name = g_filename_display_basename (path);
  title = g_strdup_printf (_("Opening “%s”…"), name);
  dialog = rs_progress_dialog_new (GTK_WINDOW (self), title);
  g_set_weak_pointer (&self->progress, dialog);
  rs_progress_dialog_present_later (dialog, self->progress_delay);
  if (take_prefetch (self, path, rs_progress_dialog_get_cancellable (dialog)))
    return;
  rs_case_store_open_async (path, RS_CASE_STORE_OPEN_NONE,
                            rs_progress_dialog_get_cancellable (dialog), on_case_opened_cb,
                            g_object_ref (self));
}

/* A launch's case loading while its window is built ------------------------------------ */

/* Building the window (its templates) takes some 60 ms, which the case's loading in a
 * worker need not wait for: the application starts it first (rs_window_prefetch_case)
 * and the window takes it over (take_prefetch). One at a time, on the UI thread. */
typedef struct
{
  char         *path;          /* canonical */
  GCancellable *cancellable;
  GAsyncResult *result;        /* once loaded, until a window takes it */
  RsWindow     *window;        /* owned, once a window took it over */
} Prefetch;

static Prefetch *prefetch;

static void
prefetch_free (Prefetch *fetch)
{
  g_free (fetch->path);
  g_clear_object (&fetch->cancellable);
  g_clear_object (&fetch->result);
  g_clear_object (&fetch->window);
  g_free (fetch);
}

static void
on_prefetched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Prefetch *fetch = user_data;

  if (fetch->window != NULL)
    {
      /* The window's own callback, as if it had asked: it takes the reference. */
      on_case_opened_cb (source, result, g_steal_pointer (&fetch->window));
      if (prefetch == fetch)
        prefetch = NULL;
      prefetch_free (fetch);
      return;
    }
  if (prefetch != fetch)
    {
      /* Dropped: nobody wants the case; close what was opened. */
      g_autoptr(RsCaseStore) store = rs_case_store_open_finish (result, NULL);

      prefetch_free (fetch);
      return;
    }
  fetch->result = g_object_ref (result);
}

static gboolean
deliver_prefetched_cb (gpointer user_data)
{
  Prefetch *fetch = user_data;

  on_case_opened_cb (NULL, fetch->result, g_steal_pointer (&fetch->window));
  prefetch_free (fetch);
  return G_SOURCE_REMOVE;
}

static void
cancel_prefetch_cb (GCancellable *cancellable,
                    GCancellable *prefetched)
{
  g_cancellable_cancel (prefetched);
}

static gboolean
has_prefetch (const char *path)
{
  g_autofree char *canonical = NULL;

  if (prefetch == NULL)
    return FALSE;
  canonical = g_canonicalize_filename (path, NULL);
  return g_strcmp0 (prefetch->path, canonical) == 0;
}

/* The prefetched loading of PATH, if there is one, handed to SELF; its dialog's Cancel
 * cancels it. */
static gboolean
take_prefetch (RsWindow     *self,
               const char   *path,
               GCancellable *cancellable)
{
  Prefetch *fetch = prefetch;

  if (!has_prefetch (path))
    return FALSE;
  prefetch = NULL;
  fetch->window = g_object_ref (self);
  g_cancellable_connect (cancellable, G_CALLBACK (cancel_prefetch_cb),
                         g_object_ref (fetch->cancellable), g_object_unref);
  /* Loaded already: delivered from the main loop, as a finished task would be. */
  if (fetch->result != NULL)
    g_idle_add (deliver_prefetched_cb, fetch);
  return TRUE;
}

/**
 * rs_window_prefetch_case:
 * @path: an existing case file
 *
 * Starts loading @path in a worker for the window about to be made, which takes it over
 * in rs_window_open_case_at_start(); rs_window_drop_prefetch() lets go of one no window
 * took.
 */
void
rs_window_prefetch_case (const char *path)
{
  g_return_if_fail (path != NULL);

  /* Asked at startup already (rs_application_startup): the same loading goes on. */
  if (has_prefetch (path))
    return;
  rs_window_drop_prefetch ();
  if (rs_case_store_find_open (path) != NULL)
    return;
  prefetch = g_new0 (Prefetch, 1);
  prefetch->path = g_canonicalize_filename (path, NULL);
  prefetch->cancellable = g_cancellable_new ();
  rs_case_store_open_async (path, RS_CASE_STORE_OPEN_NONE, prefetch->cancellable,
                            on_prefetched_cb, prefetch);
}

void
rs_window_drop_prefetch (void)
{
  Prefetch *fetch = g_steal_pointer (&prefetch);

  if (fetch == NULL)
    return;
  if (fetch->result != NULL)
    {
      g_autoptr(RsCaseStore) store = rs_case_store_open_finish (fetch->result, NULL);

      prefetch_free (fetch);
      return;
    }
  /* Still loading: on_prefetched_cb closes it when it is done. */
  g_cancellable_cancel (fetch->cancellable);
}

/**
 * rs_window_open_case_at_start:
 * @path: an existing case file
 *
 * What a launch opens: loaded in a worker (rs_case_store_open_async()) while the window
 * maps and draws, rather than before it shows; on the UI thread the case would hold up
 * the first frame by its whole loading time (0.3 s at 20,000 entities). A case that
 * cannot be opened says why, and the window shows the default case instead.
 */
void
rs_window_open_case_at_start (RsWindow   *self,
                              const char *path)
{
  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if ((rs_case_store_find_open (path) != NULL && !has_prefetch (path)) || self->progress != NULL)
    {
      if (!rs_window_open_case (self, path, FALSE))
        rs_window_open_case (self, NULL, TRUE);
      return;
    }
  self->open_fallback = TRUE;
  _rs_window_open_case_in_background (self, path);
}

static void
on_search_entry_search_changed_cb (RsWindow       *self,
                                   GtkSearchEntry *entry)
{
  g_assert (RS_IS_WINDOW (self));
  rs_board_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_entry_stop_search_cb (RsWindow       *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            RsWindow      *self)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path == NULL)
    return FALSE;

  if (g_str_has_suffix (path, ".json"))
    {
      if (self->store == NULL || !rs_window_get_editable (self))
        return FALSE;
      _rs_window_import_bundle (self, path);
      return TRUE;
    }

  /* A Graphviz diagram's nodes and edges join the case. */
  if (rs_file_chooser_is_diagram_name (path))
    {
      if (self->store == NULL)
        return FALSE;
      _rs_window_import_diagram (self, file);
      return TRUE;
    }

  /* A report (text, Markdown, HTML, PDF) joins the case; anything else is opened as a
   * case and says so if it is not one. */
  if (rs_file_chooser_is_report_name (path))
    {
      if (self->store == NULL || !rs_window_get_editable (self))
        return FALSE;
      _rs_window_import_report_file (self, file);
      return TRUE;
    }

  /* Another case or a changeset: merged or applied (rs-window-exchange.c). */
  if (_rs_window_drop_exchange_file (self, path))
    return TRUE;
  _rs_window_open_case_in_background (self, path);
  return TRUE;
}

/* Below this many entities the panels' rows and the board's first frame cost little enough
 * together: no waiting (at 1,000, building both before a layout started stalled it 40–70 ms). */
#define SECOND_GROUP_MIN 500

static void
set_on (GObject    **children,
        guint        n_children,
        const char  *property,
        gpointer     value)
{
  for (guint i = 0; i < n_children; i++)
    if (children[i] != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (children[i]), property))
      g_object_set (children[i], property, value, NULL);
}

/* Everything but the board and the empty state, in the order set_on_children explains. */
static guint
collect_panels (RsWindow  *self,
                GObject  **panels)
{
  GObject *all[] = {
    G_OBJECT (self->source_viewer), G_OBJECT (self->quotes_panel),
    G_OBJECT (self->timeline_panel), G_OBJECT (self->notes_panel),
    G_OBJECT (self->documents_panel), G_OBJECT (self->suggestions_panel),
    G_OBJECT (self->history_panel), G_OBJECT (self->review_panel), G_OBJECT (self->items_panel),
    G_OBJECT (self->filter_popover), G_OBJECT (self->find_popover),
  };

  memcpy (panels, all, sizeof all);
  return G_N_ELEMENTS (all);
}

static void
cancel_second_group (RsWindow *self)
{
  if (self->second_paint_id != 0)
    g_signal_handler_disconnect (self->second_clock, self->second_paint_id);
  self->second_paint_id = 0;
  g_clear_object (&self->second_clock);
  g_clear_handle_id (&self->second_idle, g_source_remove);
  g_clear_object (&self->second_store);
}

static gboolean
set_second_group_cb (gpointer data)
{
  RsWindow *self = data;
  g_autoptr(RsCaseStore) store = g_steal_pointer (&self->second_store);
  GObject *panels[16];
  guint n_panels = collect_panels (self, panels);

  self->second_idle = 0;
  if (store == NULL || store != self->store)
    return G_SOURCE_REMOVE;
  if (self->second_is_board)
    g_object_set (self->board, "store", store, NULL);
  else
    set_on (panels, n_panels, "store", store);
  return G_SOURCE_REMOVE;
}

static void
on_first_group_painted_cb (GdkFrameClock *clock,
                           RsWindow      *self)
{
  /* Drawn: the second group next, once the frame is out. */
  g_signal_handler_disconnect (clock, self->second_paint_id);
  self->second_paint_id = 0;
  g_clear_object (&self->second_clock);
  if (self->second_idle == 0)
    self->second_idle = g_idle_add (set_second_group_cb, self);
}

/* A large case comes in two frames: with every entity placed, the board first and the
 * panels (some 200 list rows built from templates for the reports, the timeline's)
 * after its first frame; with a layout to run, the panels first and the board, whose
 * layout then starts, after theirs, so that measuring their rows does not hold up the
 * UI thread while the layout runs. FALSE: a small case, or a window not yet shown. */
static gboolean
split_in_two (RsWindow    *self,
              RsCaseStore *store,
              gboolean    *board_second)
{
  GListModel *entities = rs_case_get_entities (rs_case_store_get_case (store));
  guint n = g_list_model_get_n_items (entities);

  if (n < SECOND_GROUP_MIN || gtk_widget_get_frame_clock (GTK_WIDGET (self)) == NULL)
    return FALSE;
  *board_second = FALSE;
  for (guint i = 0; i < n && !*board_second; i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      *board_second = !rs_entity_get_has_position (entity);
    }
  return TRUE;
}

/* Children follow the window's store, selection and filter here, not through template
 * bindings: GTK 4.8's expression watches on the window warn "couldn't find weak
 * ref" (fatal in the tests, 1 run in 3 of test-window-report) when a child that holds one
 * is finalized after the window's own weak references are gone, as a child kept alive a
 * little longer by its background work is. */
static void
set_on_children (RsWindow   *self,
                 const char *property,
                 gpointer    value)
{
  GObject *panels[16];
  guint n_panels = collect_panels (self, panels);
  GObject *board[] = { G_OBJECT (self->empty_state), G_OBJECT (self->board) };
  gboolean board_second = FALSE;

  if (g_str_equal (property, "store"))
    {
      cancel_second_group (self);
      if (value != NULL && split_in_two (self, value, &board_second))
        {
          GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

          /* Nothing of the case before shows meanwhile. */
          if (board_second)
            {
              g_object_set (self->board, "store", NULL, NULL);
              set_on (panels, n_panels, property, value);
              g_object_set (self->empty_state, "store", value, NULL);
            }
          else
            {
              set_on (panels, n_panels, property, NULL);
              set_on (board, G_N_ELEMENTS (board), property, value);
            }
          self->second_store = g_object_ref (value);
          self->second_is_board = board_second;
          self->second_clock = g_object_ref (clock);
          self->second_paint_id = g_signal_connect (clock, "after-paint",
                                                    G_CALLBACK (on_first_group_painted_cb), self);
          return;
        }
    }
  /* The board last: a case without positions starts its layout in a worker as soon as
   * the board has it. */
  set_on (panels, n_panels, property, value);
  set_on (board, G_N_ELEMENTS (board), property, value);
}

static void
on_layout_running_cb (RsWindow *self)
{
  /* Presenting hides the chrome; a layout then stays out of sight. */
  if (!self->chrome_hidden)
    gtk_widget_set_visible (self->layout_status, rs_board_view_get_layout_running (self->board));
}

/* Suggestions are for the report open in the source viewer. */
static void
on_viewer_document_cb (RsWindow *self)
{
  gint64 document_id = 0;

  g_object_get (self->source_viewer, "document-id", &document_id, NULL);
  g_object_set (self->suggestions_panel, "document-id", document_id, NULL);
}

/* The "hidden by a filter" bar follows the filter. */
static void
on_filter_active_cb (RsWindow *self)
{
  gtk_widget_set_visible (self->filter_status, rs_board_filter_get_active (self->filter));
}

static void
save_geometry (RsWindow *self)
{
  int width, height, main_width;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  main_width = gtk_widget_get_width (GTK_WIDGET (self->main_paned));
  if (gtk_widget_get_visible (self->side_box) && main_width > 0)
    g_settings_set_int (self->settings, "side-panel-width",
                        main_width - gtk_paned_get_position (self->main_paned));
  g_settings_set_boolean (self->settings, "side-panel-visible",
                          gtk_widget_get_visible (self->side_box));
}

/* At the height the user last gave it. */
static void
show_source_viewer (RsWindow *self)
{
  int height = self->settings ? g_settings_get_int (self->settings, "source-viewer-height") : 260;
  int total = gtk_widget_get_height (GTK_WIDGET (self->board_paned));

  if (!gtk_widget_get_visible (GTK_WIDGET (self->source_viewer)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->source_viewer), TRUE);
      if (total > 0)
        gtk_paned_set_position (self->board_paned, MAX (total / 3, total - height));
    }
}

/* Opens the source viewer on a quote: the one click from the evidence back to the
 * highlighted sentence in the report. */
void
_rs_window_reveal_quote (RsWindow *self,
                         gint64    quote_id)
{
  if (rs_source_viewer_reveal_quote (self->source_viewer, quote_id))
    show_source_viewer (self);
}

/* A report from the Documents panel: from its start, nothing highlighted, and the
 * board's selection left as it is. */
static void
on_documents_panel_open_document_cb (RsWindow         *self,
                                     gint64            document_id,
                                     RsDocumentsPanel *panel)
{
  if (self->store == NULL ||
      !rs_case_lookup_document (rs_case_store_get_case (self->store), document_id))
    return;

  _rs_window_open_document (self, document_id);
}

/* Shows a report of the case in the source viewer. */
void
_rs_window_open_document (RsWindow *self,
                          gint64    document_id)
{
  if (self->store == NULL ||
      !rs_case_lookup_document (rs_case_store_get_case (self->store), document_id))
    return;

  /* Already open on a revealed quote: open it afresh, without the highlight. */
  if (rs_source_viewer_get_document_id (self->source_viewer) == document_id &&
      rs_source_viewer_get_revealed_quote_id (self->source_viewer) != 0)
    rs_source_viewer_set_document_id (self->source_viewer, 0);
  rs_source_viewer_set_document_id (self->source_viewer, document_id);
  show_source_viewer (self);
}

/* "Changes since…" in the History panel: rung on the board until cleared. */
static void
on_history_panel_notify_changes_cb (RsWindow       *self,
                                    GParamSpec     *pspec,
                                    RsHistoryPanel *panel)
{
  rs_board_view_set_change_marks (self->board, rs_history_panel_get_changes (panel));
}

/* A suggestion clicked in the Suggestions panel: its span, selected in its report. */
static void
on_suggestions_panel_show_span_cb (RsWindow           *self,
                                   gint64              document_id,
                                   gint64              start,
                                   gint64              end,
                                   RsSuggestionsPanel *panel)
{
  if (rs_source_viewer_show_span (self->source_viewer, document_id,
                                  (int)MIN (start, G_MAXINT), (int)MIN (end, G_MAXINT)))
    show_source_viewer (self);
}

/* Find (Ctrl+F): an entity is selected on the board; a quote opens in its report; a
 * note selects what it is on (a note on the case opens the Notes panel); a report
 * opens at the match. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);

  if (self->store != NULL)
    gtk_menu_button_popup (self->find_button);
}

static void
on_find_popover_hit_activated_cb (RsWindow      *self,
                                  RsSearchHit   *hit,
                                  RsFindPopover *popover)
{
  RsCase *kase;
  RsNote *note;
  gint64 id = rs_search_hit_get_id (hit);

  if (self->store == NULL)
    return;
  kase = rs_case_store_get_case (self->store);

  switch (rs_search_hit_get_kind (hit))
    {
    case RS_SEARCH_KIND_ENTITY:
      if (rs_case_lookup_entity (kase, id) == NULL)
        return;
      rs_selection_select (self->selection, RS_TARGET_ENTITY, id);
      gtk_widget_grab_focus (GTK_WIDGET (self->board));
      gtk_widget_activate_action (GTK_WIDGET (self->board), "board.zoom-selection", NULL);
      break;

    case RS_SEARCH_KIND_QUOTE:
      _rs_window_reveal_quote (self, id);
      break;

    case RS_SEARCH_KIND_NOTE:
      if ((note = rs_case_lookup_note (kase, id)) == NULL)
        return;
      if (rs_note_get_target (note) == RS_TARGET_DOCUMENT)
        {
          if (rs_source_viewer_reveal_offset (self->source_viewer, rs_note_get_target_id (note), -1))
            show_source_viewer (self);
        }
      else if (rs_note_get_target (note) != RS_TARGET_CASE)
        rs_selection_select (self->selection, rs_note_get_target (note),
                             rs_note_get_target_id (note));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-side-page", "s", "notes");
      break;

    case RS_SEARCH_KIND_DOCUMENT:
      if (rs_source_viewer_reveal_offset (self->source_viewer, id,
                                          (int)MIN (rs_search_hit_get_offset (hit), G_MAXINT)))
        show_source_viewer (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_quotes_panel_reveal_quote_cb (RsWindow      *self,
                                 gint64         quote_id,
                                 RsQuotesPanel *panel)
{
  _rs_window_reveal_quote (self, quote_id);
}

static void
on_source_viewer_close_requested_cb (RsWindow       *self,
                                     RsSourceViewer *viewer)
{
  int total = gtk_widget_get_height (GTK_WIDGET (self->board_paned));

  if (self->settings && total > 0)
    g_settings_set_int (self->settings, "source-viewer-height",
                        total - gtk_paned_get_position (self->board_paned));
  gtk_widget_set_visible (GTK_WIDGET (viewer), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->board));
}

/* Enter or a double click on the board: show what backs the item, and the first
 * quote of it in its report. */
static void
on_board_activate_item_cb (RsWindow    *self,
                           int          target,
                           gint64       id,
                           RsBoardView *board)
{
  g_autoptr(GPtrArray) evidence = NULL;

  if (self->store == NULL)
    return;

  if (!gtk_widget_get_visible (self->side_box))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toggle-side-panel", NULL);
  adw_view_stack_set_visible_child_name (self->side_stack, "quotes");

  evidence = rs_case_dup_evidence_for (rs_case_store_get_case (self->store), target, id);
  if (evidence->len > 0)
    _rs_window_reveal_quote (self, rs_evidence_get_quote_id (g_ptr_array_index (evidence, 0)));
}

/* Choosing an engine in the layout menu lays the board out with it (pinned nodes
 * stay). Connected after the settings binding, so starting up lays out nothing. */
static void
on_board_engine_changed_cb (RsWindow    *self,
                            GParamSpec  *pspec,
                            RsBoardView *board)
{
  rs_board_view_relayout (board);
}

static void
on_style_dark_changed_cb (RsWindow       *self,
                          GParamSpec     *pspec,
                          AdwStyleManager *manager)
{
  rs_board_view_set_dark (self->board, adw_style_manager_get_dark (manager));
}

/* Writes what is not on disk yet, now, without waiting for another program, and
 * saves the window's look: the last chance before the session ends. */
gboolean
_rs_window_flush (RsWindow  *self,
                  GError   **error)
{
  save_geometry (self);
  return rs_notes_panel_flush (self->notes_panel, error);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_anyway_cb (RsWindow        *self,
                    const char      *response,
                    AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "close") != 0)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      /* Kept open: a quit that asked is over. */
      if (RS_IS_APPLICATION (app))
        rs_application_cancel_quit (RS_APPLICATION (app));
      return;
    }
  /* Once the dialog, our transient child, has finished closing: destroying its
   * parent from inside its "response" tears both down at once. */
  self->force_close = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
close_when_saved_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_notes_busy_changed_cb (RsWindow     *self,
                          GParamSpec   *pspec,
                          RsNotesPanel *panel)
{
  update_save_label (self);

  if (self->close_when_saved && !rs_notes_panel_get_busy (panel))
    {
      self->close_when_saved = FALSE;
      /* Not from inside the panel's notification: the window would be finalized while
       * the panel, kept alive by its emission, still has template bindings watching the
       * window, and GLib 2.74 fails a weak-unref tearing them down (test-window-safety,
       * locked-case, once the window had a sixth panel). */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_when_saved_cb, g_object_ref (self),
                       g_object_unref);
    }
}

/* Like GNOME Text Editor: the window closes only once what was typed is on disk.
 * A save that must wait for another program keeps it open until the save lands;
 * a save that fails keeps it open and asks. Every quit route comes here. */
static gboolean
rs_window_close_request (GtkWindow *window)
{
  RsWindow *self = RS_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!self->force_close && !_rs_window_flush (self, &error))
    {
      if (g_error_matches (error, RS_ERROR, RS_ERROR_BUSY))
        {
          self->close_when_saved = TRUE;
          rs_notes_panel_save (self->notes_panel);
          rs_window_show_toast (self, _("Waiting for another program to release the case: "
                                        "the window closes once the note is saved"));
        }
      else
        {
          AdwMessageDialog *dialog;
          g_autofree char *body = g_strdup_printf (_("%s\n\nThe text is still in the notes "
                                                     "panel. Close anyway and lose it?"),
                                                   error->message);

          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                               _("Could Not Save the Note"),
                                                               body));
          adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Open"),
                                            "close", _("_Close Without Saving"), NULL);
          adw_message_dialog_set_response_appearance (dialog, "close",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (dialog, "cancel");
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_anyway_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return TRUE;
    }

  /* A save that is still running (it may be waiting for another program). */
  if (!self->force_close && rs_notes_panel_get_busy (self->notes_panel))
    {
      self->close_when_saved = TRUE;
      return TRUE;
    }

  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (rs_window_parent_class)->close_request (window);
}

/* Without a window manager (a kiosk session, Xvfb) GTK moves a window dragged by
 * its header bar itself, and can move it off every monitor, where GTK 4.8 cannot
 * place the window's menus and popovers. There the header bar does not move the
 * window: a drag on it is claimed, before the header's own window handle, once it
 * is clearly a drag and not a click. */
static gboolean
has_window_manager (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (GDK_IS_X11_DISPLAY (display))
    return g_strcmp0 (gdk_x11_screen_get_window_manager_name (
                        gdk_x11_display_get_screen (display)), "unknown") != 0;
#endif
  return TRUE;
}

static void
on_header_drag_update_cb (GtkGestureDrag *gesture,
                          double          dx,
                          double          dy,
                          RsWindow       *self)
{
  if (ABS (dx) > 3 || ABS (dy) > 3)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The same goes for a drag on the window's edge: GTK starts the emulated resize on
 * the press, and resizing from the left or top edge moves the window, off the
 * monitor on the right (the monkey found it, seed 17). Presses that close to the
 * edge are claimed first. */
#define EDGE_GRIP 6

static void
on_edge_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    RsWindow        *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (x < EDGE_GRIP || y < EDGE_GRIP || x > width - EDGE_GRIP || y > height - EDGE_GRIP)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
pin_header_without_window_manager (RsWindow *self)
{
  GtkGesture *drag;
  GtkGesture *edge;

  if (has_window_manager (GTK_WIDGET (self)))
    return;

  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_header_drag_update_cb), self);
  gtk_widget_add_controller (self->header_bar, GTK_EVENT_CONTROLLER (drag));

  edge = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (edge), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (edge), GTK_PHASE_CAPTURE);
  g_signal_connect (edge, "pressed", G_CALLBACK (on_edge_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (edge));
}

/* GtkPaned positions are measured from the start; the side panel keeps its width
 * from the end, so it is placed once the window has a size. */
void
_rs_window_restore_side_width (RsWindow *self)
{
  int main_width = gtk_widget_get_width (GTK_WIDGET (self->main_paned));
  int side = self->settings ? g_settings_get_int (self->settings, "side-panel-width") : 380;

  if (main_width > 0)
    gtk_paned_set_position (self->main_paned, MAX (main_width / 3, main_width - side));
}

/* Placing the side panel needs the window's width, known only once it is laid
 * out; moving a paned during size_allocate would leave it unallocated for a frame. */
static gboolean
restore_side_width_tick_cb (GtkWidget     *widget,
                            GdkFrameClock *clock,
                            gpointer       user_data)
{
  RsWindow *self = RS_WINDOW (widget);

  if (gtk_widget_get_width (GTK_WIDGET (self->main_paned)) <= 0)
    return G_SOURCE_CONTINUE;

  _rs_window_restore_side_width (self);
  return G_SOURCE_REMOVE;
}

static void
rs_window_dispose (GObject *object)
{
  RsWindow *self = RS_WINDOW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->watch_source, g_source_remove);
  cancel_second_group (self);
  /* The last write before the panels go; a window being torn down is not updated
   * about it (GTK must not be asked to change its widgets now). */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->notes_panel != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->notes_panel, self);
      rs_notes_panel_flush (self->notes_panel, NULL);
    }
  /* The layout menu's property action holds the board: let it go with the window. */
  g_action_map_remove_action (G_ACTION_MAP (self), "layout-engine");
  if (self->reload_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->reload_toast), (gpointer *)&self->reload_toast);
  self->reload_toast = NULL;

  _rs_window_present_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_WINDOW);
  _rs_window_editing_dispose (self);
  _rs_window_export_dispose (self);
  _rs_window_exchange_dispose (self);

  /* Closed while its case was still loading: that case did not hang the window, so the
   * next launch may open it. */
  if (self->opening_path != NULL)
    remember_opening (self, NULL);

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->watch_error, g_free);
  g_clear_pointer (&self->opening_path, g_free);

  G_OBJECT_CLASS (rs_window_parent_class)->dispose (object);
}

static void
rs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RsWindow *self = RS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_ALLOW_REVIEW:
      g_value_set_boolean (value, self->allow_review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RsWindow *self = RS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rs_window_set_store (self, g_value_get_object (value));
      break;

    case PROP_LOCKED:
      rs_window_set_locked (self, g_value_get_boolean (value));
      break;

    case PROP_ALLOW_REVIEW:
      rs_window_set_allow_review (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_window_class_init (RsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rs_window_dispose;
  object_class->get_property = rs_window_get_property;
  object_class->set_property = rs_window_set_property;
  window_class->close_request = rs_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, RS_TYPE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, RS_TYPE_BOARD_FILTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_REVIEW] =
    g_param_spec_boolean ("allow-review", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RS_TYPE_BOARD_VIEW);
  g_type_ensure (RS_TYPE_DOCUMENTS_PANEL);
  g_type_ensure (RS_TYPE_EMPTY_STATE);
  g_type_ensure (RS_TYPE_FILTER_POPOVER);
  g_type_ensure (RS_TYPE_FIND_POPOVER);
  g_type_ensure (RS_TYPE_HISTORY_PANEL);
  g_type_ensure (RS_TYPE_ITEMS_PANEL);
  g_type_ensure (RS_TYPE_NOTES_PANEL);
  g_type_ensure (RS_TYPE_QUOTES_PANEL);
  g_type_ensure (RS_TYPE_REVIEW_PANEL);
  g_type_ensure (RS_TYPE_SOURCE_VIEWER);
  g_type_ensure (RS_TYPE_SUGGESTIONS_PANEL);
  g_type_ensure (RS_TYPE_TIMELINE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, share_banner);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, share_label);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, board_paned);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, board_overlay);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, layout_status);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, board);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, source_viewer);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, side_box);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, quotes_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, timeline_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, notes_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, documents_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, suggestions_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, history_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, filter_status);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, empty_state);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, review_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, items_panel);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, lock_indicator);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, find_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_find_popover_hit_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, side_panel_button);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, header_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quotes_panel_reveal_quote_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_documents_panel_open_document_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestions_panel_show_span_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_panel_notify_changes_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_viewer_close_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_board_activate_item_cb);

  _rs_window_class_actions_init (klass);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  _rs_window_class_editing_init (klass);
  _rs_window_class_review_init (klass);
  _rs_window_class_present_init (klass);
  _rs_window_class_exchange_init (klass);
}

static void
rs_window_init (RsWindow *self)
{
  GtkDropTarget *drop;
  GApplication *app = g_application_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* Quick work does not flash a progress dialog. */
  self->progress_delay = 300;

  /* Before the template: its bindings look these up on the window. */
  self->selection = rs_selection_new ();
  self->filter = rs_board_filter_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  set_on_children (self, "selection", self->selection);
  set_on_children (self, "filter", self->filter);
  g_signal_connect_object (self->filter, "notify::active", G_CALLBACK (on_filter_active_cb), self,
                           G_CONNECT_SWAPPED);
  on_filter_active_cb (self);
  g_signal_connect_object (self->board, "notify::layout-running",
                           G_CALLBACK (on_layout_running_cb), self, G_CONNECT_SWAPPED);
  on_layout_running_cb (self);
  g_signal_connect_object (self->source_viewer, "notify::document-id",
                           G_CALLBACK (on_viewer_document_cb), self, G_CONNECT_SWAPPED);
  on_viewer_document_cb (self);

  self->cancellable = g_cancellable_new ();

  if (RS_IS_APPLICATION (app) && rs_application_get_settings (RS_APPLICATION (app)))
    self->settings = g_object_ref (rs_application_get_settings (RS_APPLICATION (app)));

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      gtk_widget_set_visible (self->side_box,
                              g_settings_get_boolean (self->settings, "side-panel-visible"));
      g_settings_bind (self->settings, "layout-engine", self->board, "engine", G_SETTINGS_BIND_DEFAULT);
      rs_board_view_bind_settings (self->board, self->settings);
      /* A new name applies to the next change in every open window. */
      g_signal_connect_object (self->settings, "changed::analyst-name",
                               G_CALLBACK (apply_author), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->board, "notify::engine", G_CALLBACK (on_board_engine_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rs_board_view_set_dark (self->board, adw_style_manager_get_dark (style));
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_style_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->notes_panel, "notify::busy",
                           G_CALLBACK (on_notes_busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);

  pin_header_without_window_manager (self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _rs_window_actions_init (self);
  _rs_window_editing_init (self);
  _rs_window_present_init (self);
  _rs_window_exchange_init (self);
  g_menu_prepend_section (self->primary_menu, NULL, _rs_window_get_undo_menu (self));
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (_rs_window_update_edit_actions),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-bundle", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bundle", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-diagram", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relayout", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", FALSE);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_side_width_tick_cb, NULL, NULL);
  update_title (self);
}

RsWindow *
rs_window_new (RsApplication *application)
{
  return g_object_new (RS_TYPE_WINDOW, "application", application, NULL);
}
