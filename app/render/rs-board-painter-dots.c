/* rs-board-painter-dots.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-board-geometry.h"
#include "rs-board-painter-private.h"

/* The lowest level of detail: the whole board in a few hundred pixels, nodes as filled
 * boxes and edges as hairlines.
 *
 * Stroking 30,000 anti-aliased hairlines through cairo cost most of a second at 20,000
 * entities, whatever the number of pixels they cover (each stroke is flattened,
 * tessellated and scan converted on its own). On an image surface, which is what the
 * board's cached picture is, edges are instead drawn straight into an 8-bit mask, one
 * pixel wide (Bresenham, cut to the mask by Liang–Barsky), then the mask is painted in
 * the edge colour once per colour: the cost follows the pixels drawn, not the links.
 * Nodes are whole-pixel boxes, which cairo fills without anti-aliasing as plain spans.
 * Vector targets (exports) keep cairo paths. */

/* One edge pixel of a hairline: 0.9 px of coverage, as the stroke it replaces. */
#define EDGE_COVERAGE 230

typedef struct
{
  guint8 *data;
  int     stride;
  int     width;
  int     height;
} Mask;

static inline void
plot (Mask *m,
      int   x,
      int   y)
{
  guint8 *d = m->data + (gsize)y * m->stride + x;

  /* Over, not max: crossings and bundles read darker, as overlapping strokes did. */
  *d = (guint8)(*d + ((255 - *d) * EDGE_COVERAGE + 127) / 255);
}

static void
mask_line (Mask   *m,
           double  x1,
           double  y1,
           double  x2,
           double  y2)
{
  RsBoardRect bounds = { 0, 0, m->width - 1e-6, m->height - 1e-6 };
  int ix1, iy1, ix2, iy2, dx, dy, sx, sy, err;

  if (!rs_board_clip_segment (&bounds, &x1, &y1, &x2, &y2, NULL, NULL))
    return;
  ix1 = (int)x1;
  iy1 = (int)y1;
  ix2 = (int)x2;
  iy2 = (int)y2;

  /* Shorter than a pixel: under the node's own box. */
  if (ix1 == ix2 && iy1 == iy2)
    return;

  dx = ABS (ix2 - ix1);
  dy = -ABS (iy2 - iy1);
  sx = ix1 < ix2 ? 1 : -1;
  sy = iy1 < iy2 ? 1 : -1;
  err = dx + dy;
  for (;;)
    {
      int e2;

      plot (m, ix1, iy1);
      if (ix1 == ix2 && iy1 == iy2)
        break;
      e2 = 2 * err;
      if (e2 >= dy)
        {
          err += dy;
          ix1 += sx;
        }
      if (e2 <= dx)
        {
          err += dx;
          iy1 += sy;
        }
    }
}

static gboolean
edge_in_pass (const RsBoardEdge *edge,
              guint              dim,
              guint              warn,
              gboolean           skip_floating)
{
  gboolean is_warn = edge->status >= RS_RELATION_STATUS_DISPUTED;

  return ((edge->flags & RS_BOARD_ITEM_DIMMED) != 0) != !!dim && is_warn == !!warn &&
         !(skip_floating && (edge->flags & RS_BOARD_ITEM_FLOATING));
}

/* The target is an image and user space maps to it by scale and translation only. */
static gboolean
can_rasterise (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE &&
         m.xy == 0 && m.yx == 0 && m.xx > 0 && m.yy > 0;
}

static void
edges_as_mask (RsBoardPaint *p,
               GArray       *edges,
               guint         dim,
               guint         warn,
               gboolean      skip_floating,
               double        alpha)
{
  cairo_t *cr = p->cr;
  const RsBoardColor *color = rs_board_style_get_color (p->style, warn ? RS_BOARD_COLOR_WARNING
                                                                       : RS_BOARD_COLOR_EDGE);
  cairo_surface_t *surface;
  cairo_matrix_t ctm;
  double x1, y1, x2, y2;
  gboolean any = FALSE;
  Mask m;

  /* The mask covers the clip, in device pixels (CTM only: the device transform applies
   * to the mask as it does to paths). */
  cairo_get_matrix (cr, &ctm);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_restore (cr);
  x1 = MAX (floor (x1), ctm.x0 + ctm.xx * p->clip.x - 1);
  y1 = MAX (floor (y1), ctm.y0 + ctm.yy * p->clip.y - 1);
  x2 = MIN (ceil (x2), ctm.x0 + ctm.xx * (p->clip.x + p->clip.width) + 1);
  y2 = MIN (ceil (y2), ctm.y0 + ctm.yy * (p->clip.y + p->clip.height) + 1);
  x1 = floor (x1);
  y1 = floor (y1);
  if (x2 - x1 < 1 || y2 - y1 < 1 || x2 - x1 > 32767 || y2 - y1 > 32767)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, (int)ceil (x2 - x1),
                                        (int)ceil (y2 - y1));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return;
    }
  cairo_surface_flush (surface);
  m = (Mask) {
    cairo_image_surface_get_data (surface),
    cairo_image_surface_get_stride (surface),
    cairo_image_surface_get_width (surface),
    cairo_image_surface_get_height (surface),
  };

  for (guint i = 0; i < edges->len && !_rs_board_paint_cancelled (p, i); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (p->scene, g_array_index (edges, guint,
                                                                                  i));
      const RsBoardNode *s = rs_board_scene_get_node (p->scene, edge->source);
      const RsBoardNode *t = rs_board_scene_get_node (p->scene, edge->target);

      if (!edge_in_pass (edge, dim, warn, skip_floating))
        continue;
      /* Pixel centres: device = CTM·user, shifted to the mask's origin. */
      mask_line (&m,
                 ctm.x0 + ctm.xx * s->x - x1, ctm.y0 + ctm.yy * s->y - y1,
                 ctm.x0 + ctm.xx * t->x - x1, ctm.y0 + ctm.yy * t->y - y1);
      any = TRUE;
    }
  cairo_surface_mark_dirty (surface);

  if (any)
    {
      cairo_save (cr);
      cairo_identity_matrix (cr);
      rs_board_color_set_source (cr, color, alpha * 0.7);
      cairo_mask_surface (cr, surface, x1, y1);
      cairo_restore (cr);
    }
  cairo_surface_destroy (surface);
}

static void
edges_as_paths (RsBoardPaint *p,
                GArray       *edges,
                guint         dim,
                guint         warn,
                gboolean      skip_floating,
                double        alpha)
{
  cairo_t *cr = p->cr;
  gboolean any = FALSE;

  cairo_set_line_width (cr, 0.9 * p->px);
  cairo_new_path (cr);
  for (guint i = 0; i < edges->len; i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (p->scene, g_array_index (edges, guint,
                                                                                  i));
      const RsBoardNode *s = rs_board_scene_get_node (p->scene, edge->source);
      const RsBoardNode *t = rs_board_scene_get_node (p->scene, edge->target);
      double x1 = s->x, y1 = s->y, x2 = t->x, y2 = t->y;

      if (!edge_in_pass (edge, dim, warn, skip_floating))
        continue;
      if (!rs_board_clip_segment (&p->clip, &x1, &y1, &x2, &y2, NULL, NULL))
        continue;
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
      any = TRUE;
    }
  if (any)
    {
      rs_board_color_set_source (cr, rs_board_style_get_color (p->style,
                                                               warn ? RS_BOARD_COLOR_WARNING
                                                                    : RS_BOARD_COLOR_EDGE),
                                 alpha * 0.7);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
nodes_as_boxes (RsBoardPaint *p,
                GArray       *nodes,
                guint         dim,
                gboolean      skip_floating,
                gboolean      pixels,
                double        alpha)
{
  cairo_t *cr = p->cr;
  double min_size = 2.5 * p->px;
  cairo_matrix_t ctm;

  cairo_get_matrix (cr, &ctm);

  for (guint kind = 0; kind < RS_ENTITY_KIND_LAST; kind++)
    {
      gboolean any = FALSE;

      cairo_save (cr);
      if (pixels)
        {
          /* Whole device pixels: filled as spans, without anti-aliasing. */
          cairo_identity_matrix (cr);
          cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
        }
      cairo_new_path (cr);
      for (guint i = 0; i < nodes->len && !_rs_board_paint_cancelled (p, i); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (p->scene,
                                                             g_array_index (nodes, guint, i));
          double w, h;

          if (node->kind != kind || ((node->flags & RS_BOARD_ITEM_DIMMED) != 0) == !!dim ||
              (skip_floating && (node->flags & RS_BOARD_ITEM_FLOATING)))
            continue;
          w = MAX (node->width, min_size);
          h = MAX (node->height, min_size);
          if (pixels)
            {
              double x1 = round (ctm.x0 + ctm.xx * (node->x - w / 2));
              double y1 = round (ctm.y0 + ctm.yy * (node->y - h / 2));
              double x2 = MAX (x1 + 2, round (ctm.x0 + ctm.xx * (node->x + w / 2)));
              double y2 = MAX (y1 + 2, round (ctm.y0 + ctm.yy * (node->y + h / 2)));

              cairo_rectangle (cr, x1, y1, x2 - x1, y2 - y1);
            }
          else
            cairo_rectangle (cr, node->x - w / 2, node->y - h / 2, w, h);
          any = TRUE;
        }
      if (any)
        {
          rs_board_color_set_source (cr, rs_board_style_get_kind_stroke (p->style, kind), alpha);
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }
}

void
_rs_board_draw_dots (RsBoardPaint *p,
                     GArray       *nodes,
                     GArray       *edges,
                     gboolean      skip_floating)
{
  gboolean raster = can_rasterise (p->cr);

  for (guint dim = 0; dim < 2; dim++)
    {
      double alpha = dim ? 1.0 : RS_BOARD_DIMMED_ALPHA * 1.5;

      for (guint warn = 0; warn < 2; warn++)
        if (raster)
          edges_as_mask (p, edges, dim, warn, skip_floating, alpha);
        else
          edges_as_paths (p, edges, dim, warn, skip_floating, alpha);

      nodes_as_boxes (p, nodes, dim, skip_floating, raster, alpha);
    }
}
