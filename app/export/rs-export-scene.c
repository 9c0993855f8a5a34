/* rs-export-scene.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-board-geometry.h"
#include "rs-board-painter.h"
#include "rs-error.h"
#include "rs-export-private.h"

/* The scene every board export draws, and where the figure, the legend and the
 * footnotes go on the page. */

/* A node's document badge sits on its top-right corner and overhangs by its radius. */
#define NODE_OVERHANG (RS_BOARD_BADGE_RADIUS + 1.0)

RsBoardScene *
rs_export_build_scene (RsCase                *kase,
                       const RsExportOptions *options,
                       RsBoardStyle          *style,
                       GError               **error)
{
  g_autoptr(RsBoardScene) scene = NULL;
  guint n_unplaced = 0;

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The selection is applied inside the scene, before edges are routed around the nodes
   * and labels placed, so the painter and the SVG writer simply skip removed items. */
  scene = rs_board_scene_new_for_selection (kase, options->filter, style, options->selection);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      if ((node->flags & RS_BOARD_ITEM_UNPLACED) && !(node->flags & RS_BOARD_ITEM_REMOVED))
        n_unplaced++;
    }

  if (n_unplaced > 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u entity has no place on the board yet: "
                                "lay the case out first",
                                "%u entities have no place on the board yet: "
                                "lay the case out first",
                                n_unplaced),
                   n_unplaced);
      return NULL;
    }

  return g_steal_pointer (&scene);
}

gboolean
_rs_export_scene_bounds (RsBoardScene *scene,
                         RsBoardRect  *bounds)
{
  gboolean found = FALSE;

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      RsBoardRect rect;

      if (node->flags & RS_BOARD_ITEM_NOT_DRAWN)
        continue;
      rs_board_scene_get_node_rect (scene, i, &rect);
      rs_board_rect_inflate (&rect, 2, NODE_OVERHANG);
      if (found)
        rs_board_rect_union (bounds, &rect);
      else
        *bounds = rect;
      found = TRUE;
    }

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      if (edge->flags & RS_BOARD_ITEM_NOT_DRAWN)
        continue;
      if (found)
        rs_board_rect_union (bounds, &edge->bounds);
      else
        *bounds = edge->bounds;
      found = TRUE;
    }

  return found;
}

/* The figure at the top left; the legend beside it when the figure is taller than wide
 * (a tall picture has room on its right), below it otherwise; the footnotes under
 * everything, as wide as the page. On screen the legend floats over the board's corner;
 * in an export it must never cover a node, so it moves out of the figure. */
void
_rs_export_frame_compute (RsBoardScene          *scene,
                          RsBoardStyle          *style,
                          const RsExportOptions *options,
                          double                 footnotes_height,
                          RsExportFrame         *frame)
{
  double content_w, content_h;

  *frame = (RsExportFrame) { 0 };

  if (!_rs_export_scene_bounds (scene, &frame->figure))
    frame->figure = (RsBoardRect) { 0, 0, 1, 1 };

  content_w = frame->figure.width;
  content_h = frame->figure.height;

  if (options->legend)
    {
      double lw, lh;

      rs_board_painter_measure_legend (style, &lw, &lh);
      frame->has_legend = TRUE;
      if (frame->figure.height > frame->figure.width && frame->figure.height >= lh)
        {
          frame->legend = (RsBoardRect) { frame->figure.x + frame->figure.width + RS_EXPORT_GAP,
                                          frame->figure.y + frame->figure.height - lh, lw, lh };
          content_w += RS_EXPORT_GAP + lw;
        }
      else
        {
          frame->legend = (RsBoardRect) { frame->figure.x,
                                          frame->figure.y + frame->figure.height + RS_EXPORT_GAP,
                                          lw, lh };
          content_w = MAX (content_w, lw);
          content_h += RS_EXPORT_GAP + lh;
        }
    }

  if (footnotes_height > 0)
    {
      frame->has_footnotes = TRUE;
      frame->footnotes = (RsBoardRect) { frame->figure.x,
                                         frame->figure.y + content_h + RS_EXPORT_GAP,
                                         content_w, footnotes_height };
      content_h += RS_EXPORT_GAP + footnotes_height;
    }

  frame->page = (RsBoardRect) { frame->figure.x - RS_EXPORT_MARGIN,
                                frame->figure.y - RS_EXPORT_MARGIN,
                                content_w + 2 * RS_EXPORT_MARGIN,
                                content_h + 2 * RS_EXPORT_MARGIN };
}
