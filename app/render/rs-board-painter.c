/* rs-board-painter.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-board-geometry.h"
#include "rs-board-painter-private.h"

/* Draws a scene onto any cairo_t whose user space is board units: the board widget's
 * cached picture, and the SVG/PNG/PDF exports, share this code.
 *
 * Only the items the scene's grid finds in the clip rectangle are drawn. Detail drops
 * with the scale (see the thresholds in the header): edge labels go first, then node
 * labels, glyphs and badges; at the lowest level nodes are filled boxes and edges
 * straight hairlines, batched into one path per colour. */

#define ARROW_LENGTH 9.0
#define ARROW_HALF   4.0
#define GRID_STEP   32.0
#define GRID_SCALE   0.6
#define RING_GAP     3.0

RsBoardLod
rs_board_painter_get_lod (double scale)
{
  if (scale >= RS_BOARD_LOD_EDGE_LABEL_SCALE)
    return RS_BOARD_LOD_FULL;
  if (scale >= RS_BOARD_LOD_NODE_LABEL_SCALE)
    return RS_BOARD_LOD_NO_EDGE_LABELS;
  if (scale >= RS_BOARD_LOD_SHAPE_SCALE)
    return RS_BOARD_LOD_SHAPES;
  return RS_BOARD_LOD_DOTS;
}

/* 0 below the threshold, 1 from 20% above it: labels fade rather than pop. */
double
rs_board_painter_get_label_alpha (double scale,
                                  double threshold)
{
  return CLAMP ((scale - threshold) / (threshold * 0.2), 0.0, 1.0);
}

void
_rs_board_paint_init (RsBoardPaint             *p,
                      cairo_t                  *cr,
                      RsBoardScene             *scene,
                      RsBoardStyle             *style,
                      const RsBoardPaintParams *params)
{
  *p = (RsBoardPaint) {
    .cr = cr,
    .scene = scene,
    .style = style,
    .scale = MAX (params->scale, 1e-6),
    .clip = params->clip,
    .cancellable = params->cancellable,
    .lod = params->lod != RS_BOARD_LOD_AUTO ? params->lod
                                           : rs_board_painter_get_lod (params->scale),
  };
  p->px = 1.0 / p->scale;

  switch (p->lod)
    {
    case RS_BOARD_LOD_FULL:
      p->node_label_alpha = 1;
      p->edge_label_alpha = params->lod == RS_BOARD_LOD_AUTO ?
        rs_board_painter_get_label_alpha (p->scale, RS_BOARD_LOD_EDGE_LABEL_SCALE) : 1;
      break;

    case RS_BOARD_LOD_NO_EDGE_LABELS:
      p->node_label_alpha = params->lod == RS_BOARD_LOD_AUTO ?
        rs_board_painter_get_label_alpha (p->scale, RS_BOARD_LOD_NODE_LABEL_SCALE) : 1;
      break;

    case RS_BOARD_LOD_AUTO:
    case RS_BOARD_LOD_SHAPES:
    case RS_BOARD_LOD_DOTS:
    default:
      break;
    }
}

void
_rs_board_paint_finish (RsBoardPaint *p)
{
  g_clear_object (&p->pango);
}

PangoLayout *
_rs_board_paint_layout (RsBoardPaint *p,
                        RsBoardFont   font,
                        const char   *text,
                        double        max_width,
                        double       *text_width,
                        double       *text_height)
{
  PangoLayout *layout;
  PangoRectangle logical;

  if (p->pango == NULL)
    p->pango = rs_board_style_create_context (p->style, p->cr);

  layout = rs_board_style_create_layout (p->style, p->pango, font, text, max_width, 2);
  pango_layout_get_extents (layout, NULL, &logical);
  *text_height = logical.height / (double)PANGO_SCALE;
  *text_width = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoRectangle line;

      pango_layout_line_get_extents (l->data, NULL, &line);
      *text_width = MAX (*text_width, line.width / (double)PANGO_SCALE);
    }
  return layout;
}

void
_rs_board_draw_badge (RsBoardPaint *p,
                      double        cx,
                      double        cy,
                      guint         count,
                      double        alpha)
{
  cairo_t *cr = p->cr;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = count > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", count);
  double tw, th, r = RS_BOARD_BADGE_RADIUS;
  double w = 0;

  layout = _rs_board_paint_layout (p, RS_BOARD_FONT_BADGE, text, -1, &tw, &th);
  w = MAX (0, tw + 4 - 2 * r);

  rs_board_color_set_source (cr, rs_board_style_get_color (p->style, count == 0 ?
                                                            RS_BOARD_COLOR_WARNING :
                                                            RS_BOARD_COLOR_BADGE), alpha);
  _rs_board_rounded_rect (cr, cx - r - w / 2, cy - r, 2 * r + w, 2 * r, r);
  cairo_fill (cr);

  rs_board_color_set_source (cr, rs_board_style_get_color (p->style, RS_BOARD_COLOR_BADGE_TEXT),
                             alpha);
  cairo_move_to (cr, cx - tw / 2, cy - th / 2);
  pango_cairo_show_layout (p->cr, layout);
}

/* A technique's ATT&CK id on a tab across the top of its node, in the node's ink. */
static void
draw_node_tag (RsBoardPaint       *p,
               const char         *tag,
               double              cx,
               double              top,
               const RsBoardColor *ink,
               double              alpha)
{
  cairo_t *cr = p->cr;
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th, w, h;

  layout = _rs_board_paint_layout (p, RS_BOARD_FONT_BADGE, tag, -1, &tw, &th);
  w = tw + 8;
  h = th + 2;
  rs_board_color_set_source (cr, ink, alpha);
  _rs_board_rounded_rect (cr, cx - w / 2, top - h / 2, w, h, h / 2);
  cairo_fill (cr);
  rs_board_color_set_source (cr, rs_board_style_get_color (p->style, RS_BOARD_COLOR_BADGE_TEXT),
                             alpha);
  cairo_move_to (cr, cx - tw / 2, top - th / 2);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  double x0;
  double y0;
  double body_top;
  double body_h;
  double left;
  double right;
  double top;
} NodeBox;

static void
node_box (const RsBoardNode *node,
          NodeBox           *box)
{
  double bottom;

  box->x0 = node->x - node->width / 2;
  box->y0 = node->y - node->height / 2;
  rs_board_style_get_shape_insets (rs_board_style_get_kind_shape (node->kind), node->height,
                                   &box->left, &box->right, &box->top, &bottom);
  box->body_h = node->height - box->top - bottom;
  rs_board_style_get_shape_insets (rs_board_style_get_kind_shape (node->kind), box->body_h,
                                   &box->left, &box->right, &box->top, &bottom);
  box->body_top = box->y0 + box->top;
}

static void
draw_node (RsBoardPaint      *p,
           const RsBoardNode *node)
{
  cairo_t *cr = p->cr;
  RsBoardShape shape = rs_board_style_get_kind_shape (node->kind);
  const RsBoardColor *fill = rs_board_style_get_kind_fill (p->style, node->kind);
  const RsBoardColor *stroke = rs_board_style_get_kind_stroke (p->style, node->kind);
  double alpha = (node->flags & RS_BOARD_ITEM_DIMMED) ? RS_BOARD_DIMMED_ALPHA : 1.0;
  RsBoardColor faded;
  NodeBox box;

  node_box (node, &box);

  /* Dimmed nodes stay opaque, in a faded fill, so edges do not show through them. */
  if (node->flags & RS_BOARD_ITEM_DIMMED)
    {
      const RsBoardColor *bg = rs_board_style_get_color (p->style, RS_BOARD_COLOR_BACKGROUND);

      faded = (RsBoardColor) {
        bg->red + (fill->red - bg->red) * alpha,
        bg->green + (fill->green - bg->green) * alpha,
        bg->blue + (fill->blue - bg->blue) * alpha,
        1,
      };
      fill = &faded;
    }

  cairo_new_path (cr);
  rs_board_painter_shape_path (cr, shape, box.x0, box.y0, node->width, node->height);
  rs_board_color_set_source (cr, fill, 1);
  cairo_fill_preserve (cr);
  rs_board_color_set_source (cr, stroke, alpha);
  cairo_set_line_width (cr, MAX (1.5, p->px));
  cairo_stroke (cr);
  _rs_board_shape_details (cr, shape, box.x0, box.y0, node->width, node->height, stroke, alpha);
  _rs_board_draw_node_review (p, node, alpha);

  if (p->lod > RS_BOARD_LOD_NO_EDGE_LABELS || p->node_label_alpha <= 0)
    return;

  alpha *= p->node_label_alpha;

  _rs_board_draw_glyph (cr, node->kind,
              box.x0 + box.left + RS_BOARD_NODE_PAD_X + RS_BOARD_NODE_GLYPH / 2,
              box.body_top + box.body_h / 2, stroke, fill, alpha);

  {
    g_autoptr(PangoLayout) layout = NULL;
    double tw, th, area_x, area_w;

    layout = _rs_board_paint_layout (p, RS_BOARD_FONT_NODE, node->label, RS_BOARD_NODE_MAX_TEXT,
                                     &tw, &th);
    area_x = box.x0 + box.left + RS_BOARD_NODE_PAD_X + RS_BOARD_NODE_GLYPH +
             RS_BOARD_NODE_GLYPH_GAP;
    area_w = node->width - box.left - box.right - 2 * RS_BOARD_NODE_PAD_X -
             RS_BOARD_NODE_GLYPH - RS_BOARD_NODE_GLYPH_GAP;

    /* Never spill out of the box, whatever the label (or a font change since measuring). */
    cairo_save (cr);
    cairo_rectangle (cr, area_x - 1, box.y0, area_w + 2, node->height);
    cairo_clip (cr);
    rs_board_color_set_source (cr, rs_board_style_get_color (p->style, RS_BOARD_COLOR_TEXT), alpha);
    cairo_move_to (cr, area_x + area_w / 2 - RS_BOARD_NODE_MAX_TEXT / 2,
                   box.body_top + (box.body_h - th) / 2);
    pango_cairo_show_layout (cr, layout);
    cairo_restore (cr);
  }

  if (node->tag != NULL)
    draw_node_tag (p, node->tag, node->x, box.y0, stroke, alpha);

  if (node->flags & RS_BOARD_ITEM_PINNED)
    _rs_board_draw_pin (cr, box.x0 + box.left + 4, box.body_top + 1, stroke, fill, alpha);

  /* An entity's own count: the documents quoted about the entity itself. Most entities
   * are supported through their relations, which carry their own badges, so an entity
   * with none of its own shows nothing rather than a warning; an unsupported relation
   * keeps its orange "0". */
  if (node->n_documents > 0)
    _rs_board_draw_badge (p, box.x0 + node->width - box.right - 5, box.body_top,
                          node->n_documents, alpha);
}

/* The edge's path, its last piece pulled back by @trim_end along its end tangent so the
 * stroke stops under the arrowhead instead of poking out of its tip. Returns edge->points
 * or @buffer (2 * n_points doubles) when trimmed. */
static const double *
edge_points (const RsBoardEdge *edge,
             double             trim_end,
             double            *buffer)
{
  guint n = edge->n_points;
  double *q = buffer + 2 * (n - 4);
  double dx, dy, len;

  if (trim_end <= 0 || n < 4)
    return edge->points;

  memcpy (buffer, edge->points, sizeof (double) * 2 * n);
  rs_board_bezier_tangent (q, 1.0, &dx, &dy);
  len = hypot (dx, dy);
  if (len > 0)
    {
      dx = dx / len * trim_end;
      dy = dy / len * trim_end;
    }
  q[4] -= dx;
  q[5] -= dy;
  q[6] -= dx;
  q[7] -= dy;
  return buffer;
}

static void
stroke_edge_path (RsBoardPaint      *p,
                  const RsBoardEdge *edge,
                  double             trim_end,
                  const double      *dashes,
                  guint              n_dashes)
{
  double stack[64];
  g_autofree double *heap = edge->n_points * 2 > G_N_ELEMENTS (stack) ?
                            g_new (double, edge->n_points * 2) : NULL;
  const double *points = edge_points (edge, trim_end, heap != NULL ? heap : stack);
  double margin = 2 * cairo_get_line_width (p->cr) + 2 * p->px;

  _rs_board_stroke_clipped (p, points, edge->n_points, margin, dashes, n_dashes);
}

static void
arrow_path (cairo_t           *cr,
            const RsBoardEdge *edge,
            double             length,
            double             half)
{
  const double *last = edge->points + 2 * (edge->n_points - 4);
  double dx, dy, len, tx = last[6], ty = last[7];

  rs_board_bezier_tangent (last, 1.0, &dx, &dy);
  len = hypot (dx, dy);
  if (len <= 0)
    return;
  dx /= len;
  dy /= len;

  cairo_new_path (cr);
  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, tx - dx * length - dy * half, ty - dy * length + dx * half);
  cairo_line_to (cr, tx - dx * length * 0.8, ty - dy * length * 0.8);
  cairo_line_to (cr, tx - dx * length + dy * half, ty - dy * length - dx * half);
  cairo_close_path (cr);
}

static double
arrow_scale (RsBoardPaint *p)
{
  /* Keep arrowheads at least ~5 px long when zoomed out. */
  return MAX (1.0, 5.0 * p->px / ARROW_LENGTH);
}

static void
draw_edge (RsBoardPaint      *p,
           const RsBoardEdge *edge)
{
  cairo_t *cr = p->cr;
  RsBoardStroke stroke;
  double alpha = (edge->flags & RS_BOARD_ITEM_DIMMED) ? RS_BOARD_DIMMED_ALPHA : 1.0;
  double dash_scale = MAX (1.0, 0.8 / p->scale);
  double arrow = arrow_scale (p);
  double dashes[2];

  rs_board_style_get_status_stroke (p->style, edge->status, &stroke);

  rs_board_color_set_source (cr, &stroke.color, alpha);
  cairo_set_line_width (cr, MAX (stroke.width, 0.8 * p->px));
  cairo_set_line_cap (cr, stroke.round_caps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < stroke.n_dashes; i++)
    dashes[i] = stroke.dashes[i] * dash_scale;
  stroke_edge_path (p, edge, edge->directed ? ARROW_LENGTH * arrow * 0.7 : 0, dashes,
                    stroke.n_dashes);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (edge->directed)
    {
      arrow_path (cr, edge, ARROW_LENGTH * arrow, ARROW_HALF * arrow);
      cairo_fill (cr);
    }

  /* Refuted and without a label to strike: two short bars across the middle of the path
   * (a label may be placed beside it). */
  if (stroke.struck && (edge->label_width <= 0 || p->edge_label_alpha <= 0 ||
                        (edge->flags & RS_BOARD_ITEM_LABEL_HIDDEN)))
    {
      double mx, my, dx, dy, len;
      guint n_segments = (edge->n_points - 1) / 3;
      const double *middle = edge->points + 6 * (n_segments / 2);

      rs_board_bezier_point (middle, n_segments % 2 ? 0.5 : 0.0, &mx, &my);
      rs_board_bezier_tangent (middle, n_segments % 2 ? 0.5 : 0.0, &dx, &dy);
      len = hypot (dx, dy);
      if (len > 0)
        {
          dx /= len;
          dy /= len;
          cairo_set_line_width (cr, MAX (1.5, p->px));
          for (int i = -1; i <= 1; i += 2)
            {
              double bx = mx + dx * 2.5 * i, by = my + dy * 2.5 * i;

              cairo_move_to (cr, bx - dy * 5 + dx * 2, by + dx * 5 + dy * 2);
              cairo_line_to (cr, bx + dy * 5 - dx * 2, by - dx * 5 - dy * 2);
            }
          cairo_stroke (cr);
        }
    }
}

static void
draw_edge_label (RsBoardPaint      *p,
                 const RsBoardEdge *edge)
{
  cairo_t *cr = p->cr;
  double alpha = ((edge->flags & RS_BOARD_ITEM_DIMMED) ? RS_BOARD_DIMMED_ALPHA : 1.0) *
                 p->edge_label_alpha;
  gboolean warn = edge->status == RS_RELATION_STATUS_DISPUTED ||
                  edge->status == RS_RELATION_STATUS_REFUTED;
  g_autoptr(PangoLayout) layout = NULL;
  double x0, tw, th;

  if (alpha <= 0)
    return;

  _rs_board_draw_edge_review (p, edge, alpha);
  if (edge->label_width <= 0)
    {
      _rs_board_draw_badge (p, edge->label_x, edge->label_y, edge->n_documents, alpha);
      return;
    }

  x0 = edge->label_x - edge->label_width / 2;
  rs_board_color_set_source (cr, rs_board_style_get_color (p->style,
                                                           RS_BOARD_COLOR_EDGE_LABEL_BACKGROUND),
                             alpha);
  _rs_board_rounded_rect (cr, x0, edge->label_y - edge->label_height / 2,
                edge->label_width, edge->label_height, MIN (edge->label_height / 2, 9));
  cairo_fill (cr);

  layout = _rs_board_paint_layout (p, RS_BOARD_FONT_EDGE, edge->label, RS_BOARD_EDGE_MAX_TEXT, &tw,
                                   &th);
  if (edge->status == RS_RELATION_STATUS_REFUTED)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (layout, attrs);
    }

  cairo_save (cr);
  cairo_rectangle (cr, x0, edge->label_y - edge->label_height / 2,
                   edge->label_width - 2 * RS_BOARD_BADGE_RADIUS - 3, edge->label_height);
  cairo_clip (cr);
  rs_board_color_set_source (cr, rs_board_style_get_color (p->style, warn ?
                                                            RS_BOARD_COLOR_WARNING :
                                                            RS_BOARD_COLOR_TEXT_SECONDARY), alpha);
  cairo_move_to (cr,
                 x0 + RS_BOARD_EDGE_LABEL_PAD_X + edge->text_width / 2 - RS_BOARD_EDGE_MAX_TEXT / 2,
                 edge->label_y - th / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  _rs_board_draw_badge (p,
                        x0 + RS_BOARD_EDGE_LABEL_PAD_X + edge->text_width + 3 +
                        RS_BOARD_BADGE_RADIUS,
              edge->label_y, edge->n_documents, alpha);
}

static void
draw_background (RsBoardPaint             *p,
                 const RsBoardPaintParams *params)
{
  cairo_t *cr = p->cr;
  const RsBoardRect *clip = &params->clip;

  if (params->flags & RS_BOARD_PAINT_BACKGROUND)
    {
      rs_board_color_set_source (cr, rs_board_style_get_color (p->style,
                                                               RS_BOARD_COLOR_BACKGROUND), 1);
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_fill (cr);
    }

  if ((params->flags & RS_BOARD_PAINT_GRID) && p->scale >= GRID_SCALE)
    {
      double r = MAX (0.9, 1.1 * p->px);

      rs_board_color_set_source (cr, rs_board_style_get_color (p->style, RS_BOARD_COLOR_GRID),
                                 rs_board_painter_get_label_alpha (p->scale, GRID_SCALE));
      cairo_new_path (cr);
      double x0 = floor (clip->x / GRID_STEP) * GRID_STEP;
      double y0 = floor (clip->y / GRID_STEP) * GRID_STEP;

      for (double y = y0; y <= clip->y + clip->height; y += GRID_STEP)
        for (double x = x0; x <= clip->x + clip->width; x += GRID_STEP)
          cairo_rectangle (cr, x - r / 2, y - r / 2, r, r);
      cairo_fill (cr);
    }
}

static gboolean
skip (RsBoardItemFlags flags,
      gboolean         dimmed_pass,
      gboolean         skip_floating)
{
  if (flags & RS_BOARD_ITEM_NOT_DRAWN)
    return TRUE;
  if (skip_floating && (flags & RS_BOARD_ITEM_FLOATING))
    return TRUE;
  return ((flags & RS_BOARD_ITEM_DIMMED) != 0) != dimmed_pass;
}

static void
draw_items (RsBoardPaint *p,
            GArray       *nodes,
            GArray       *edges,
            gboolean      skip_floating)
{
  if (p->lod == RS_BOARD_LOD_DOTS)
    {
      _rs_board_draw_dots (p, nodes, edges, skip_floating);
      return;
    }

  /* Dimmed items first so what the filter shows is on top of them. */
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean dimmed_pass = pass == 0;

      for (guint i = 0; i < edges->len && !_rs_board_paint_cancelled (p, i); i++)
        {
          const RsBoardEdge *edge = rs_board_scene_get_edge (p->scene, g_array_index (edges, guint,
                                                                                      i));

          if (!skip (edge->flags, dimmed_pass, skip_floating))
            draw_edge (p, edge);
        }

      if (p->lod == RS_BOARD_LOD_FULL && p->edge_label_alpha > 0)
        for (guint i = 0; i < edges->len && !_rs_board_paint_cancelled (p, i); i++)
          {
            const RsBoardEdge *edge = rs_board_scene_get_edge (p->scene, g_array_index (edges,
                                                                                        guint, i));

            if (!skip (edge->flags, dimmed_pass, skip_floating) &&
                (edge->flags & RS_BOARD_ITEM_LABEL_HIDDEN) == 0)
              draw_edge_label (p, edge);
          }

      for (guint i = 0; i < nodes->len && !_rs_board_paint_cancelled (p, i); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (p->scene, g_array_index (nodes, guint,
                                                                                      i));

          if (!skip (node->flags, dimmed_pass, skip_floating))
            draw_node (p, node);
        }
    }
}

/**
 * rs_board_painter_draw:
 * @cr: a context whose user space is board units
 *
 * Draws the scene's items that meet params->clip, with the detail params->scale allows.
 * Floating items (a node being dragged) are left to rs_board_painter_draw_floating()
 * unless RS_BOARD_PAINT_FLOATING is set.
 */
void
rs_board_painter_draw (cairo_t                  *cr,
                       RsBoardScene             *scene,
                       RsBoardStyle             *style,
                       const RsBoardPaintParams *params)
{
  rs_board_painter_draw_cancellable (cr, scene, style, params);
}

/**
 * rs_board_painter_draw_cancellable:
 *
 * rs_board_painter_draw() that returns FALSE when it stopped early, its picture
 * incomplete: params->cancellable was cancelled, or the scene has a change waiting
 * (a worker holds rs_board_scene_lock_read() while it paints).
 */
gboolean
rs_board_painter_draw_cancellable (cairo_t                  *cr,
                                   RsBoardScene             *scene,
                                   RsBoardStyle             *style,
                                   const RsBoardPaintParams *params)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  RsBoardPaint p;
  gboolean done;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  _rs_board_paint_init (&p, cr, scene, style, params);

  cairo_save (cr);
  draw_background (&p, params);
  rs_board_scene_query_edges (scene, &params->clip, edges);
  rs_board_scene_query_nodes (scene, &params->clip, nodes);
  draw_items (&p, nodes, edges, (params->flags & RS_BOARD_PAINT_FLOATING) == 0);
  cairo_restore (cr);

  done = !_rs_board_paint_cancelled (&p, 0);
  _rs_board_paint_finish (&p);
  return done;
}

/* The items a drag is moving, drawn live over the cached picture. */
void
rs_board_painter_draw_floating (cairo_t                  *cr,
                                RsBoardScene             *scene,
                                RsBoardStyle             *style,
                                const RsBoardPaintParams *params)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  RsBoardPaint p;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (params != NULL);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    if (rs_board_scene_get_node (scene, i)->flags & RS_BOARD_ITEM_FLOATING)
      g_array_append_val (nodes, i);
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    if (rs_board_scene_get_edge (scene, i)->flags & RS_BOARD_ITEM_FLOATING)
      g_array_append_val (edges, i);

  if (nodes->len == 0 && edges->len == 0)
    return;

  _rs_board_paint_init (&p, cr, scene, style, params);
  cairo_save (cr);
  draw_items (&p, nodes, edges, FALSE);
  cairo_restore (cr);
  _rs_board_paint_finish (&p);
}

static void
node_ring (RsBoardPaint      *p,
           const RsBoardNode *node,
           double             gap)
{
  double g = gap + p->px * 1.5;

  cairo_new_path (p->cr);
  _rs_board_rounded_rect (p->cr, node->x - node->width / 2 - g, node->y - node->height / 2 - g,
                node->width + 2 * g, node->height + 2 * g, 6 + g);
}

static void
edge_halo (RsBoardPaint       *p,
           const RsBoardEdge  *edge,
           const RsBoardColor *color,
           double              width_px)
{
  cairo_t *cr = p->cr;

  rs_board_color_set_source (cr, color, 0.45);
  cairo_set_line_width (cr, MAX (6 * p->px, 4.5) * width_px / 6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  stroke_edge_path (p, edge, 0, NULL, 0);

  rs_board_color_set_source (cr, color, 1);
  cairo_set_line_width (cr, MAX (2 * p->px, 1.8));
  stroke_edge_path (p, edge, edge->directed ? ARROW_LENGTH * arrow_scale (p) * 0.7 : 0,
                    NULL, 0);
  if (edge->directed)
    {
      double a = arrow_scale (p);

      arrow_path (cr, edge, ARROW_LENGTH * a, ARROW_HALF * a);
      cairo_fill (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* A label the scene found no room for, shown while its edge is hovered or selected. */
static void
hidden_label (RsBoardPaint      *p,
              const RsBoardEdge *edge)
{
  if ((edge->flags & RS_BOARD_ITEM_LABEL_HIDDEN) && p->lod == RS_BOARD_LOD_FULL &&
      p->edge_label_alpha > 0)
    draw_edge_label (p, edge);
}

static gboolean
node_visible (RsBoardPaint             *p,
              const RsBoardPaintParams *params,
              const RsBoardNode        *node)
{
  RsBoardRect rect = { node->x - node->width / 2, node->y - node->height / 2,
                       node->width, node->height };

  rs_board_rect_inflate (&rect, 12, 12);
  return (node->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0 &&
         rs_board_rect_intersects (&rect, &params->clip);
}

static const RsBoardColor *
mark_color (RsBoardPaint *p,
            gpointer      mark)
{
  return rs_board_style_get_color (p->style, GPOINTER_TO_INT (mark) == RS_BOARD_MARK_ADDED
                                             ? RS_BOARD_COLOR_ADDED : RS_BOARD_COLOR_CHANGED);
}

/* "Changes since…": a wide soft glow and a ring outside the selection's, green for
 * added, amber for changed. Only the marked items that are drawn and in the clip. */
static void
draw_marks (RsBoardPaint             *p,
            const RsBoardPaintParams *params,
            const RsBoardOverlay     *overlay)
{
  GHashTableIter iter;
  gpointer key, mark;
  guint index;

  if (overlay->edge_marks != NULL)
    {
      g_hash_table_iter_init (&iter, overlay->edge_marks);
      while (g_hash_table_iter_next (&iter, &key, &mark))
        if (rs_board_scene_lookup_edge (p->scene, *(gint64 *) key, &index))
          {
            const RsBoardEdge *edge = rs_board_scene_get_edge (p->scene, index);

            if ((edge->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0 &&
                rs_board_rect_intersects (&edge->bounds, &params->clip))
              edge_halo (p, edge, mark_color (p, mark), 8);
          }
    }

  if (overlay->node_marks != NULL)
    {
      g_hash_table_iter_init (&iter, overlay->node_marks);
      while (g_hash_table_iter_next (&iter, &key, &mark))
        if (rs_board_scene_lookup_node (p->scene, *(gint64 *) key, &index))
          {
            const RsBoardNode *node = rs_board_scene_get_node (p->scene, index);
            const RsBoardColor *color = mark_color (p, mark);

            if (!node_visible (p, params, node))
              continue;
            node_ring (p, node, RING_GAP + 6 * p->px + 3);
            rs_board_color_set_source (p->cr, color, 0.3);
            cairo_set_line_width (p->cr, MAX (9 * p->px, 3));
            cairo_stroke_preserve (p->cr);
            rs_board_color_set_source (p->cr, color, 1);
            cairo_set_line_width (p->cr, MAX (3 * p->px, 2));
            cairo_stroke (p->cr);
          }
    }
}

/**
 * rs_board_painter_draw_overlay:
 *
 * Selection, hover (a node with its edges, or an edge) and the keyboard focus ring. Drawn
 * every frame over the cached picture, so it only touches the few items involved.
 */
void
rs_board_painter_draw_overlay (cairo_t                  *cr,
                               RsBoardScene             *scene,
                               RsBoardStyle             *style,
                               const RsBoardPaintParams *params,
                               const RsBoardOverlay     *overlay)
{
  const RsBoardColor *hover = rs_board_style_get_color (style, RS_BOARD_COLOR_HOVER);
  const RsBoardColor *selection = rs_board_style_get_color (style, RS_BOARD_COLOR_SELECTION);
  const RsBoardColor *focus = rs_board_style_get_color (style, RS_BOARD_COLOR_FOCUS);
  RsBoardPaint p;
  guint index;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (params != NULL);
  g_return_if_fail (overlay != NULL);

  _rs_board_paint_init (&p, cr, scene, style, params);
  cairo_save (cr);

  /* Under everything else: hover and selection stay readable on a marked item. */
  draw_marks (&p, params, overlay);

  if (overlay->hover_edge != 0 && rs_board_scene_lookup_edge (scene, overlay->hover_edge, &index))
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, index);

      if ((edge->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0)
        {
          edge_halo (&p, edge, hover, 6);
          hidden_label (&p, edge);
        }
    }

  if (overlay->hover_node != 0 && rs_board_scene_lookup_node (scene, overlay->hover_node, &index))
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, index);
      const guint *adjacent;
      guint n_adjacent;

      if ((node->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0)
        {
          adjacent = rs_board_scene_get_node_edges (scene, index, &n_adjacent);
          for (guint k = 0; k < n_adjacent; k++)
            {
              const RsBoardEdge *edge = rs_board_scene_get_edge (scene, adjacent[k]);

              if ((edge->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0)
                edge_halo (&p, edge, hover, 5);
            }

          /* The node itself back on top of its highlighted edges. */
          if (p.lod != RS_BOARD_LOD_DOTS)
            draw_node (&p, node);
          node_ring (&p, node, RING_GAP);
          rs_board_color_set_source (cr, hover, 1);
          cairo_set_line_width (cr, MAX (3 * p.px, 2));
          cairo_stroke (cr);
        }
    }

  if (overlay->selection != NULL)
    {
      guint n = rs_selection_get_n_items (overlay->selection);

      for (guint i = 0; i < n; i++)
        {
          RsTarget target;
          gint64 id;

          rs_selection_get_item (overlay->selection, i, &target, &id);
          if (target == RS_TARGET_ENTITY && rs_board_scene_lookup_node (scene, id, &index))
            {
              const RsBoardNode *node = rs_board_scene_get_node (scene, index);

              if (!node_visible (&p, params, node))
                continue;
              node_ring (&p, node, RING_GAP);
              rs_board_color_set_source (cr, selection, 1);
              cairo_set_line_width (cr, MAX (3 * p.px, 2.2));
              cairo_stroke (cr);
            }
          else if (target == RS_TARGET_RELATION && rs_board_scene_lookup_edge (scene, id, &index))
            {
              const RsBoardEdge *edge = rs_board_scene_get_edge (scene, index);

              if ((edge->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0 &&
                  rs_board_rect_intersects (&edge->bounds, &params->clip))
                {
                  edge_halo (&p, edge, selection, 7);
                  hidden_label (&p, edge);
                }
            }
        }
    }

  if (overlay->focus_node != 0 && rs_board_scene_lookup_node (scene, overlay->focus_node, &index))
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, index);
      double dashes[2] = { 4 * p.px, 3 * p.px };

      if (node_visible (&p, params, node))
        {
          node_ring (&p, node, RING_GAP + 3 * p.px + 2);
          rs_board_color_set_source (cr, focus, 1);
          cairo_set_line_width (cr, 2 * p.px);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  cairo_restore (cr);
  _rs_board_paint_finish (&p);
}
