/* rs-board-view-marks.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view-marks"

#include "config.h"

#include "rs-board-view-private.h"

/* "Changes since…" on the board: the entities and relations added or changed since
 * a time, ringed in the overlay pass (rs_board_painter_draw_overlay) until cleared.
 * Removed records are not on the board; events, quotes and documents are not drawn. */

static GHashTable *
new_marks (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
add_mark (GHashTable  *marks,
          gint64       id,
          RsBoardMark  mark)
{
  g_hash_table_replace (marks, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (mark));
}

/**
 * rs_board_view_set_change_marks:
 * @items: (element-type RsHistoryItem) (nullable): what changed, netted per record
 *   (rs_case_store_dup_changes_since()); NULL clears the marks
 *
 * Marks added entities and relations green and changed ones amber.
 */
void
rs_board_view_set_change_marks (RsBoardView *self,
                                GArray      *items)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  g_clear_pointer (&self->node_marks, g_hash_table_unref);
  g_clear_pointer (&self->edge_marks, g_hash_table_unref);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const RsHistoryItem *item = &g_array_index (items, RsHistoryItem, i);
      RsBoardMark mark;

      if (item->op == RS_HISTORY_OP_REMOVED)
        continue;
      mark = item->op == RS_HISTORY_OP_ADDED ? RS_BOARD_MARK_ADDED : RS_BOARD_MARK_CHANGED;

      if (item->target == RS_TARGET_ENTITY)
        {
          if (self->node_marks == NULL)
            self->node_marks = new_marks ();
          add_mark (self->node_marks, item->id, mark);
        }
      else if (item->target == RS_TARGET_RELATION)
        {
          if (self->edge_marks == NULL)
            self->edge_marks = new_marks ();
          add_mark (self->edge_marks, item->id, mark);
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What the overlay shows on one record (for tests and the accessible description). */
RsBoardMark
rs_board_view_get_change_mark (RsBoardView *self,
                               RsTarget     target,
                               gint64       id)
{
  GHashTable *marks;

  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), RS_BOARD_MARK_NONE);

  marks = target == RS_TARGET_ENTITY ? self->node_marks :
          target == RS_TARGET_RELATION ? self->edge_marks : NULL;
  if (marks == NULL)
    return RS_BOARD_MARK_NONE;
  return GPOINTER_TO_INT (g_hash_table_lookup (marks, &id));
}

/* The area the marks' rings and glows cover (wider than a selection ring: the glow
 * is a few device pixels, which are many board units zoomed out). */
void
_rs_board_view_add_mark_bounds (RsBoardView *self,
                                RsBoardRect *bounds,
                                gboolean    *any)
{
  double margin = 16 + 12 / MAX (self->viewport.scale, 0.01);
  GHashTableIter iter;
  gpointer key;
  guint index;

  if (self->node_marks != NULL)
    {
      g_hash_table_iter_init (&iter, self->node_marks);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (rs_board_scene_lookup_node (self->scene, *(gint64 *) key, &index))
          {
            RsBoardRect rect;

            rs_board_scene_get_node_rect (self->scene, index, &rect);
            rs_board_rect_inflate (&rect, margin, margin);
            if (*any)
              rs_board_rect_union (bounds, &rect);
            else
              *bounds = rect;
            *any = TRUE;
          }
    }

  if (self->edge_marks != NULL)
    {
      g_hash_table_iter_init (&iter, self->edge_marks);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (rs_board_scene_lookup_edge (self->scene, *(gint64 *) key, &index))
          _rs_board_view_add_edge_bounds (self, index, bounds, any);
    }
}
