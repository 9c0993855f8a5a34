/* rs-case-edit-story.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-edit-story"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rs-case-edit-private.h"
#include "rs-case-store-private.h"

/* The storyline (issue 20, presentation mode): views captured from the board, in the
 * order a presenter steps through them. Capturing, captioning, moving and deleting a
 * view are each one undoable command, so a rehearsal can be taken back like any edit.
 * The positions stay 0, 1, 2, … after every command. */

#define CAPTION_MAX_CHARS 1000
#define MAX_UIDS          100000

static gboolean
check_caption (const char  *caption,
               GError     **error)
{
  if (caption == NULL || !g_utf8_validate (caption, -1, NULL))
    return invalid (error, _("The caption is not valid text"));
  if (g_utf8_strlen (caption, -1) > CAPTION_MAX_CHARS)
    return invalid (error, _("The caption is too long"));
  return TRUE;
}

static gboolean
check_uids (const char * const  *uids,
            GError             **error)
{
  if (uids == NULL)
    return TRUE;
  if (g_strv_length ((char **)uids) > MAX_UIDS)
    return invalid (error, _("The view names too many items"));
  for (guint i = 0; uids[i] != NULL; i++)
    if (*uids[i] == '\0' || !g_utf8_validate (uids[i], -1, NULL) || strpbrk (uids[i], "\r\n"))
      return invalid (error, _("The view names an item that is not valid"));
  return TRUE;
}

/* Brings the model's records up to date with the file, inside the open change. */
static gboolean
refresh (RsCaseStore   *store,
         const gint64  *ids,
         guint          n_ids,
         GError       **error)
{
  gboolean ok;

  _rs_case_store_lock (store);
  ok = _rs_case_store_refresh (store, RS_RECORD_STORY_VIEW, ids, n_ids, error);
  _rs_case_store_unlock (store);
  return ok;
}

/* Writes the positions of @views (in their new order) that changed, and refreshes them. */
static gboolean
renumber (RsCaseStore  *store,
          GPtrArray    *views,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!(stmt = rs_db_prepare (store->db, "UPDATE story_view SET position = ?1 WHERE id = ?2",
                              error)))
    return FALSE;
  for (guint i = 0; i < views->len; i++)
    {
      RsStoryView *view = g_ptr_array_index (views, i);
      gint64 id = rs_story_view_get_id (view);

      if (rs_story_view_get_position (view) == i)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!rs_db_step_done (store->db, stmt, error))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return ids->len == 0 || refresh (store, (const gint64 *)ids->data, ids->len, error);
}

static gboolean
check_view (const char          *caption,
            double               x,
            double               y,
            double               width,
            double               height,
            const char * const  *shown,
            const char * const  *highlighted,
            GError             **error)
{
  if (!check_caption (caption, error) || !check_uids (shown, error) ||
      !check_uids (highlighted, error))
    return FALSE;
  if (!isfinite (x) || !isfinite (y) || !isfinite (width) || !isfinite (height) ||
      width <= 0 || height <= 0)
    return invalid (error, _("The view frames nothing"));
  return TRUE;
}

/* The row, at the end of the storyline, inside the open change. */
static gboolean
insert_view (RsCaseStore         *store,
             const char          *caption,
             double               x,
             double               y,
             double               width,
             double               height,
             const char * const  *shown,
             const char * const  *highlighted,
             gint64              *view_id,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uid = g_uuid_string_random ();
  g_autofree char *shown_text = rs_story_uids_to_text (shown);
  g_autofree char *highlighted_text = highlighted != NULL ? rs_story_uids_to_text (highlighted)
                                                          : g_strdup ("");
  gint64 id;

  if (!(stmt = rs_db_prepare (store->db,
                              "INSERT INTO story_view (uid, position, caption, camera_x, camera_y,"
                              " camera_width, camera_height, shown, highlighted)"
                              " VALUES (?1, (SELECT count(*) FROM story_view), ?3, ?4, ?5, ?6, ?7,"
                              " ?8, ?9)", error)))
    return FALSE;
  /* The position from the file: positions are 0, 1, 2, …, and in an import's batch the
   * model has not seen the views written before this one yet. */
  rs_db_bind_text (stmt, 1, uid);
  rs_db_bind_text (stmt, 3, caption);
  sqlite3_bind_double (stmt, 4, x);
  sqlite3_bind_double (stmt, 5, y);
  sqlite3_bind_double (stmt, 6, width);
  sqlite3_bind_double (stmt, 7, height);
  if (shown_text != NULL)
    rs_db_bind_text (stmt, 8, shown_text);
  else
    sqlite3_bind_null (stmt, 8);
  rs_db_bind_text (stmt, 9, highlighted_text);
  if (!rs_db_step_done (store->db, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (store->db);
  if (!refresh (store, &id, 1, error))
    return FALSE;
  if (view_id != NULL)
    *view_id = id;
  return TRUE;
}

/**
 * rs_case_edit_add_story_view:
 * @shown: (nullable): the uids of the entities and relations shown; NULL: everything
 * @highlighted: (nullable): the uids highlighted
 * @view_id: (out) (optional): the new view's id
 *
 * Adds a view at the end of the storyline: the board area @x, @y, @width, @height
 * (board units) with what it shows and highlights.
 */
RsChange *
rs_case_edit_add_story_view (RsCaseStore         *store,
                             const char          *caption,
                             double               x,
                             double               y,
                             double               width,
                             double               height,
                             const char * const  *shown,
                             const char * const  *highlighted,
                             gint64              *view_id,
                             GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (caption == NULL)
    caption = "";
  if (!check_view (caption, x, y, width, height, shown, highlighted, error))
    return NULL;
  if (!rs_case_store_begin_change (store, _("Capture a view"), error))
    return NULL;
  ok = insert_view (store, caption, x, y, width, height, shown, highlighted, view_id, error);
  return finish (store, ok, error);
}

/**
 * rs_case_store_add_story_view:
 *
 * As rs_case_edit_add_story_view(), as one step of a change the caller has open (a STIX
 * import brings a storyline with it): checked the same way, undone with the change.
 */
gboolean
rs_case_store_add_story_view (RsCaseStore         *store,
                              const char          *caption,
                              double               x,
                              double               y,
                              double               width,
                              double               height,
                              const char * const  *shown,
                              const char * const  *highlighted,
                              gint64              *view_id,
                              GError             **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (rs_case_store_in_change (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (caption == NULL)
    caption = "";
  if (!_rs_case_store_check_writable (store, error) ||
      !check_view (caption, x, y, width, height, shown, highlighted, error))
    return FALSE;
  return insert_view (store, caption, x, y, width, height, shown, highlighted, view_id, error);
}

RsChange *
rs_case_edit_set_story_caption (RsCaseStore  *store,
                                gint64        view_id,
                                const char   *caption,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RsStoryView *view;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(view = rs_case_lookup_story_view (rs_case_store_get_case (store), view_id)))
    return invalid (error, _("The view is not in the storyline")), NULL;
  if (caption == NULL)
    caption = "";
  if (!check_caption (caption, error))
    return NULL;
  if (g_strcmp0 (caption, rs_story_view_get_caption (view)) == 0)
    return invalid (error, _("The caption is unchanged")), NULL;

  if (!rs_case_store_begin_change (store, _("Change a view’s caption"), error))
    return NULL;
  ok = (stmt = rs_db_prepare (store->db, "UPDATE story_view SET caption = ?1 WHERE id = ?2",
                              error)) != NULL;
  if (ok)
    {
      rs_db_bind_text (stmt, 1, caption);
      sqlite3_bind_int64 (stmt, 2, view_id);
      ok = rs_db_step_done (store->db, stmt, error) && refresh (store, &view_id, 1, error);
    }
  return finish (store, ok, error);
}

/**
 * rs_case_edit_move_story_view:
 * @position: where the view goes in the storyline, from 0
 *
 * Moves a view to another place in the storyline; the views between shift by one.
 */
RsChange *
rs_case_edit_move_story_view (RsCaseStore  *store,
                              gint64        view_id,
                              guint         position,
                              GError      **error)
{
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(RsStoryView) moved = NULL;
  RsStoryView *view;
  guint from;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(view = rs_case_lookup_story_view (rs_case_store_get_case (store), view_id)))
    return invalid (error, _("The view is not in the storyline")), NULL;
  views = rs_case_dup_story_views (rs_case_store_get_case (store));
  if (position >= views->len)
    return invalid (error, _("The storyline has no such place")), NULL;
  if (!g_ptr_array_find (views, view, &from) || from == position)
    return invalid (error, _("The view is already there")), NULL;

  moved = g_ptr_array_steal_index (views, from);
  g_ptr_array_insert (views, (int)position, g_object_ref (moved));

  if (!rs_case_store_begin_change (store, _("Move a view"), error))
    return NULL;
  return finish (store, renumber (store, views, error), error);
}

RsChange *
rs_case_edit_delete_story_view (RsCaseStore  *store,
                                gint64        view_id,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) views = NULL;
  RsStoryView *view;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(view = rs_case_lookup_story_view (rs_case_store_get_case (store), view_id)))
    return invalid (error, _("The view is not in the storyline")), NULL;

  if (!rs_case_store_begin_change (store, _("Delete a view"), error))
    return NULL;
  views = rs_case_dup_story_views (rs_case_store_get_case (store));
  g_ptr_array_remove (views, view);
  ok = (stmt = rs_db_prepare (store->db, "DELETE FROM story_view WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, view_id);
      ok = rs_db_step_done (store->db, stmt, error) && refresh (store, &view_id, 1, error) &&
           renumber (store, views, error);
    }
  return finish (store, ok, error);
}
