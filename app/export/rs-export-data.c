/* rs-export-data.c: what DOT, GraphML and CSV share
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rs-export-data.h"

/* The selection and the filter are the scene's business (rs_export_build_scene()):
 * the writers leave out what it does not draw, and never decide again. */
gboolean
_rs_export_data_node_drawn (RsBoardScene *scene,
                            guint         index)
{
  return !(rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_REMOVED);
}

gboolean
_rs_export_data_edge_drawn (RsBoardScene *scene,
                            guint         index)
{
  const RsBoardEdge *edge = rs_board_scene_get_edge (scene, index);

  return !(edge->flags & RS_BOARD_ITEM_REMOVED) &&
         _rs_export_data_node_drawn (scene, edge->source) &&
         _rs_export_data_node_drawn (scene, edge->target);
}

static guint
channel (double value)
{
  if (!(value > 0))
    return 0;
  if (value >= 1)
    return 255;
  return (guint) lround (value * 255);
}

/* "#rrggbb", or "#rrggbbaa" when not opaque: both DOT and the GraphML readers take it. */
char *
_rs_export_data_color_hex (const RsBoardColor *color,
                           double              alpha)
{
  guint a = channel (color->alpha * alpha);

  if (a == 255)
    return g_strdup_printf ("#%02x%02x%02x", channel (color->red), channel (color->green),
                            channel (color->blue));
  return g_strdup_printf ("#%02x%02x%02x%02x", channel (color->red), channel (color->green),
                          channel (color->blue), a);
}

/* Writes the buffer out once it holds threshold bytes (0: whatever it holds), so a big
 * board streams in pieces and a cancel is seen between them. */
gboolean
_rs_export_data_flush (GString        *buffer,
                       GOutputStream  *out,
                       gsize           threshold,
                       GCancellable   *cancellable,
                       GError        **error)
{
  if (threshold > 0 && buffer->len < threshold)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (buffer->len > 0 &&
      !g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}
