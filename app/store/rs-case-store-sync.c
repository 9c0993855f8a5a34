/* rs-case-store-sync.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-change.h"
#include "rs-enum-types.h"
#include "rs-error.h"

/* Staying in step with the file when other programs use it too.
 *
 * - Another program's commits are seen through PRAGMA data_version, which changes
 *   only when another connection commits: the store's one connection does all of
 *   this process's writes, so its own never count. A change reloads the case.
 * - Notes are saved by a worker on the same connection, so that waiting for another
 *   program's lock never happens on the UI thread. The worker holds the store's
 *   gate only while it writes, never while it waits, and retries until the lock is
 *   free. "save-state" says saving / waiting / saved / failed; "saved" means the
 *   commit (synchronous=FULL) has returned.
 * - A note is written only over the text it was edited from (compare and set): if
 *   another program changed it meanwhile, both versions are kept. */

enum {
  PROP_0,
  PROP_SAVE_STATE,
  N_PROPS
};

enum {
  RELOADED,
  NOTE_MERGED,
  NOTE_MOVED,
  CHANGE_COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define WAIT_STEP_USEC (100 * 1000)

static void
rs_case_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RsCaseStore *self = RS_CASE_STORE (object);

  switch (prop_id)
    {
    case PROP_SAVE_STATE:
      g_value_set_enum (value, rs_case_store_get_save_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_rs_case_store_class_sync_init (RsCaseStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rs_case_store_get_property;

  properties[PROP_SAVE_STATE] =
    g_param_spec_enum ("save-state", NULL, NULL, RS_TYPE_SAVE_STATE, RS_SAVE_STATE_SAVED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsCaseStore::reloaded:
   *
   * Another program changed the file: the store now holds a new #RsCase read
   * from it. Views drop the old case and take rs_case_store_get_case().
   */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RsCaseStore::note-merged:
   * @note: the note, now holding both versions
   *
   * A note saved from here had been changed elsewhere since it was read; both
   * versions were kept.
   */
  signals[NOTE_MERGED] = g_signal_new ("note-merged", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, RS_TYPE_NOTE);

  /**
   * RsCaseStore::note-moved:
   * @note: the note, now on the case
   *
   * What a note saved from here was about had been deleted elsewhere meanwhile; the
   * text was kept as a note on the case.
   */
  signals[NOTE_MOVED] = g_signal_new ("note-moved", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, RS_TYPE_NOTE);

  /**
   * RsCaseStore::change-committed:
   * @change: the #RsChange just written
   *
   * A command (rs_case_store_end_change()) is in the file, from whichever part of
   * the window made it: the window's undo stack listens here.
   */
  signals[CHANGE_COMMITTED] = g_signal_new ("change-committed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, RS_TYPE_CHANGE);
}

void
_rs_case_store_emit_change_committed (RsCaseStore *self,
                                      RsChange    *change)
{
  g_signal_emit (self, signals[CHANGE_COMMITTED], 0, change);
}

gboolean
_rs_case_store_read_data_version (RsCaseStore  *self,
                                  gint64       *version,
                                  GError      **error)
{
  gboolean ok;

  _rs_case_store_lock (self);
  ok = rs_db_get_int (self->db, "PRAGMA data_version", version, error);
  _rs_case_store_unlock (self);
  return ok;
}

static void
set_save_state (RsCaseStore *self,
                RsSaveState  state)
{
  if (self->save_state == state)
    return;
  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

RsSaveState
rs_case_store_get_save_state (RsCaseStore *self)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), RS_SAVE_STATE_SAVED);
  return self->save_state;
}

/* How long a write on the calling thread may wait for another program's lock: the
 * CLI waits a few seconds; the app sets 0 and never waits on its UI thread. */
void
rs_case_store_set_lock_timeout (RsCaseStore *self,
                                guint        msec)
{
  g_return_if_fail (RS_IS_CASE_STORE (self));

  _rs_case_store_lock (self);
  self->lock_timeout_msec = msec;
  sqlite3_busy_timeout (self->db, msec);
  _rs_case_store_unlock (self);
}

/* Reads the whole case again into a new #RsCase. On failure the store keeps the
 * case it had. */
gboolean
rs_case_store_reload (RsCaseStore  *self,
                      GError      **error)
{
  g_autoptr(RsCase) old = NULL;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _rs_case_store_lock (self);
  old = g_steal_pointer (&self->kase);
  self->kase = rs_case_new ();
  /* One read transaction: the case is read as of one commit. */
  ok = rs_db_exec (self->db, "BEGIN", error) &&
       _rs_case_store_load_all (self, error) &&
       rs_db_get_int (self->db, "PRAGMA data_version", &self->data_version, error);
  rs_db_exec (self->db, ok ? "COMMIT" : "ROLLBACK", NULL);
  if (!ok)
    {
      g_clear_object (&self->kase);
      self->kase = g_steal_pointer (&old);
    }
  _rs_case_store_unlock (self);

  if (ok)
    g_signal_emit (self, signals[RELOADED], 0);
  return ok;
}

/* Reloads the case if another program committed to the file since it was read.
 * Cheap (one pragma, no I/O beyond the shared-memory index): call it when the
 * window is focused and on a short timer. */
gboolean
rs_case_store_check_for_changes (RsCaseStore  *self,
                                 gboolean     *reloaded,
                                 GError      **error)
{
  gint64 version = 0;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reloaded != NULL)
    *reloaded = FALSE;
  if (self->in_batch || self->in_board)
    return TRUE;

  if (!_rs_case_store_read_data_version (self, &version, error))
    return FALSE;
  if (version == self->data_version)
    return TRUE;

  if (!rs_case_store_reload (self, error))
    return FALSE;
  if (reloaded != NULL)
    *reloaded = TRUE;
  return TRUE;
}

/* Saving a note */

typedef struct
{
  /* In */
  RsCaseStore *store;   /* released on the main thread, never by the worker: the
                         * last reference to a store takes its whole case with it,
                         * and model objects (watched by the UI) die on the main
                         * thread only */
  RsNote   *draft;      /* id 0: a new note */
  char     *base;       /* the text the editor started from; NULL for a new note */
  gboolean  may_wait;

  /* Out */
  gint64    id;
  char     *body;
  char     *updated;
  gboolean  merged;
  gboolean  created;
  gboolean  moved;     /* its target was deleted elsewhere: now on the case */
} SaveNote;

static void
save_note_free (SaveNote *op)
{
  /* Stolen on the main thread when the save completes. */
  g_clear_object (&op->store);
  g_clear_object (&op->draft);
  g_free (op->base);
  g_free (op->body);
  g_free (op->updated);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveNote, save_note_free)

static SaveNote *
save_note_new (RsNote     *draft,
               const char *base)
{
  SaveNote *op = g_new0 (SaveNote, 1);

  op->draft = g_object_ref (draft);
  op->base = g_strdup (base);
  return op;
}

static gboolean
target_exists (RsCaseStore  *self,
               RsTarget      target,
               gint64        id,
               gboolean     *exists,
               GError      **error)
{
  static const char *queries[] = {
    [RS_TARGET_DOCUMENT] = "SELECT 1 FROM document WHERE id = ?1",
    [RS_TARGET_ENTITY] = "SELECT 1 FROM entity WHERE id = ?1",
    [RS_TARGET_RELATION] = "SELECT 1 FROM relation WHERE id = ?1",
    [RS_TARGET_EVENT] = "SELECT 1 FROM event WHERE id = ?1",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *exists = TRUE;
  if (target == RS_TARGET_CASE || (guint)target >= G_N_ELEMENTS (queries) || !queries[target])
    return TRUE;
  if (!(stmt = rs_db_prepare (self->db, queries[target], error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rs_db_step_row (self->db, stmt, exists, error);
}

/* The write itself, inside a transaction the caller began. */
static gboolean
write_note (RsCaseStore  *self,
            SaveNote     *op,
            GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *ours = rs_note_get_body (op->draft);
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  gboolean has_row = FALSE;

  if (ours == NULL || !g_utf8_validate (ours, -1, NULL))
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                           _("The note is not valid UTF-8 text"));
      return FALSE;
    }

  op->updated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  op->id = rs_note_get_id (op->draft);

  if (op->id > 0)
    {
      if (!(select = rs_db_prepare (self->db, "SELECT body FROM note WHERE id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (select, 1, op->id);
      if (!rs_db_step_row (self->db, select, &has_row, error))
        return FALSE;
    }

  if (!has_row)
    {
      /* New, or deleted elsewhere meanwhile: the text becomes a note again rather
       * than being lost; on the case if what it is about was deleted too. */
      g_autoptr(RsNote) draft = rs_note_new (0);
      RsTarget target = rs_note_get_target (op->draft);
      gboolean exists = TRUE;

      if (!target_exists (self, target, rs_note_get_target_id (op->draft), &exists, error))
        return FALSE;
      if (exists)
        {
          rs_note_set_target (draft, target);
          rs_note_set_target_id (draft, rs_note_get_target_id (op->draft));
          op->body = g_strdup (ours);
        }
      else
        {
          op->moved = TRUE;
          op->body = g_strdup_printf ("%s\n\n%s",
                                      _("(Written on something that was deleted in another "
                                        "window or program meanwhile.)"), ours);
        }
      rs_note_set_author (draft, rs_note_get_author (op->draft));
      rs_note_set_body (draft, op->body);
      op->created = TRUE;
      return _rs_case_store_insert_note (self, draft, &op->id, error);
    }

  {
    const char *theirs = rs_db_column_text (select, 0);

    if (theirs == NULL || !g_utf8_validate (theirs, -1, NULL))
      theirs = "";
    if (op->base != NULL && !g_str_equal (op->base, theirs) && !g_str_equal (theirs, ours))
      {
        op->body = rs_note_merge_bodies (op->base, theirs, ours);
        op->merged = TRUE;
      }
    else
      op->body = g_strdup (ours);
  }

  if (!(update = rs_db_prepare (self->db, "UPDATE note SET body = ?1, updated = ?2 WHERE id = ?3",
                                error)))
    return FALSE;
  rs_db_bind_text (update, 1, op->body);
  rs_db_bind_text (update, 2, op->updated);
  sqlite3_bind_int64 (update, 3, op->id);
  return rs_db_step_done (self->db, update, error);
}

/* One attempt: TRUE when written, FALSE with RS_ERROR_BUSY when another program
 * holds the lock (nothing was written), FALSE with another error on failure. */
static gboolean
try_save_note (RsCaseStore   *self,
               SaveNote      *op,
               guint          lock_timeout_msec,
               GError       **error)
{
  gboolean ok;

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  _rs_case_store_lock (self);
  /* A board write of this thread's is finished first (another thread got the lock:
   * none is open, or it only has the model to follow, which a note does not touch). */
  if (_rs_case_store_refuse_busy (self, error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, lock_timeout_msec);
  ok = rs_db_exec (self->db, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = write_note (self, op, error) && rs_db_exec (self->db, "COMMIT", error);
      if (!ok)
        rs_db_exec (self->db, "ROLLBACK", NULL);
    }
  sqlite3_busy_timeout (self->db, self->lock_timeout_msec);
  _rs_case_store_unlock (self);
  return ok;
}

static void
apply_saved_note (RsCaseStore *self,
                  SaveNote    *op,
                  RsNote     **out_note)
{
  RsNote *note = rs_case_lookup_note (self->kase, op->id);

  if (note == NULL)
    {
      g_autoptr(RsNote) loaded = NULL;
      g_autoptr(GError) error = NULL;

      _rs_case_store_lock (self);
      loaded = _rs_case_store_load_note (self, op->id, &error);
      _rs_case_store_unlock (self);
      if (loaded == NULL)
        {
          /* Written, but not readable back: the next reload shows it. */
          g_warning ("Saved note %" G_GINT64_FORMAT " could not be read back: %s",
                     op->id, error->message);
          *out_note = NULL;
          return;
        }
      _rs_case_store_publish (self, loaded);
      note = loaded;
    }
  else
    {
      g_object_freeze_notify (G_OBJECT (note));
      rs_note_set_body (note, op->body);
      rs_note_set_updated (note, op->updated);
      g_object_thaw_notify (G_OBJECT (note));
    }

  *out_note = g_object_ref (note);
  if (op->merged)
    g_signal_emit (self, signals[NOTE_MERGED], 0, note);
  if (op->moved)
    g_signal_emit (self, signals[NOTE_MOVED], 0, note);
}

static void
begin_saving (RsCaseStore *self)
{
  self->n_saving++;
  set_save_state (self, RS_SAVE_STATE_SAVING);
}

static void
end_saving (RsCaseStore  *self,
            gboolean      ok)
{
  g_assert (self->n_saving > 0);

  if (--self->n_saving > 0 && ok)
    set_save_state (self, RS_SAVE_STATE_SAVING);
  else
    set_save_state (self, ok ? RS_SAVE_STATE_SAVED : RS_SAVE_STATE_FAILED);
}

/**
 * rs_case_store_save_note:
 * @draft: the note's id (0 for a new note), target, author and new body
 * @base: (nullable): the body the editor started from
 * @merged: (out) (optional): set when the note had changed elsewhere and both
 *   versions were kept
 *
 * Saves a note now, on the calling thread, waiting for another program's lock no
 * longer than the store's lock timeout. Returns the note in the case.
 */
RsNote *
rs_case_store_save_note (RsCaseStore  *self,
                         RsNote       *draft,
                         const char   *base,
                         gboolean     *merged,
                         GError      **error)
{
  g_autoptr(SaveNote) op = NULL;
  RsNote *note = NULL;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_NOTE (draft), NULL);
  g_return_val_if_fail (!self->in_batch, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  op = save_note_new (draft, base);
  begin_saving (self);
  ok = try_save_note (self, op, self->lock_timeout_msec, error);
  end_saving (self, ok);
  if (!ok)
    return NULL;

  apply_saved_note (self, op, &note);
  if (merged != NULL)
    *merged = op->merged;
  if (note == NULL)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE,
                           _("The note was saved but could not be read back"));
      return NULL;
    }
  g_object_unref (note);   /* the case holds it */
  return note;
}

static gboolean
set_waiting_cb (gpointer user_data)
{
  RsCaseStore *self = user_data;

  if (self->n_saving > 0)
    set_save_state (self, RS_SAVE_STATE_WAITING);
  return G_SOURCE_REMOVE;
}

static void
save_note_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveNote *op = task_data;
  RsCaseStore *self = op->store;
  gboolean said_waiting = FALSE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;

      if (try_save_note (self, op, 0, &error))
        break;

      if (!g_error_matches (error, RS_ERROR, RS_ERROR_BUSY))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      if (!said_waiting)
        {
          g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                      set_waiting_cb, g_object_ref (self), g_object_unref);
          said_waiting = TRUE;
        }
      if (g_task_return_error_if_cancelled (task))
        return;
      g_usleep (WAIT_STEP_USEC);
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_save_note_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SaveNote *op = g_task_get_task_data (G_TASK (result));
  g_autoptr(RsCaseStore) self = g_steal_pointer (&op->store);
  RsNote *note = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  end_saving (self, ok);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  apply_saved_note (self, op, &note);
  g_task_set_task_data (task, GINT_TO_POINTER (op->merged), NULL);
  if (note == NULL)
    g_task_return_new_error (task, RS_ERROR, RS_ERROR_STORAGE, "%s",
                             _("The note was saved but could not be read back"));
  else
    g_task_return_pointer (task, note, g_object_unref);
}

/**
 * rs_case_store_save_note_async:
 *
 * Saves a note in a worker. If another program holds the case's lock, the worker
 * waits (save-state "waiting") and retries until it is free or @cancellable fires.
 */
void
rs_case_store_save_note_async (RsCaseStore         *self,
                               RsNote              *draft,
                               const char          *base,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  SaveNote *op;

  g_return_if_fail (RS_IS_CASE_STORE (self));
  g_return_if_fail (RS_IS_NOTE (draft));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_case_store_save_note_async);

  begin_saving (self);
  op = save_note_new (draft, base);
  op->store = g_object_ref (self);
  /* No source object: the worker's task may be freed on the worker thread. */
  worker = g_task_new (NULL, cancellable, on_save_note_done, g_steal_pointer (&task));
  g_task_set_task_data (worker, op, (GDestroyNotify)save_note_free);
  g_task_run_in_thread (worker, save_note_thread);
}

RsNote *
rs_case_store_save_note_finish (RsCaseStore   *self,
                                GAsyncResult  *result,
                                gboolean      *merged,
                                GError       **error)
{
  RsNote *note;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  note = g_task_propagate_pointer (G_TASK (result), error);
  if (merged != NULL)
    *merged = note != NULL && GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));
  return note;
}
