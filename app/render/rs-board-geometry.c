/* rs-board-geometry.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-geometry"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-board-geometry.h"
#include "rs-board-scene.h"

/* Pure functions over board coordinates: the view transform, rectangles, curves, and the
 * hit-testing and keyboard navigation the widget uses, so tests need no display. */

#define FLATTEN_STEPS 16

void
rs_board_viewport_to_widget (const RsBoardViewport *viewport,
                             double                 board_x,
                             double                 board_y,
                             double                *widget_x,
                             double                *widget_y)
{
  *widget_x = (board_x - viewport->x) * viewport->scale;
  *widget_y = (board_y - viewport->y) * viewport->scale;
}

void
rs_board_viewport_to_board (const RsBoardViewport *viewport,
                            double                 widget_x,
                            double                 widget_y,
                            double                *board_x,
                            double                *board_y)
{
  *board_x = widget_x / viewport->scale + viewport->x;
  *board_y = widget_y / viewport->scale + viewport->y;
}

void
rs_board_viewport_get_visible (const RsBoardViewport *viewport,
                               double                 width,
                               double                 height,
                               RsBoardRect           *visible)
{
  *visible = (RsBoardRect) { viewport->x, viewport->y,
                             width / viewport->scale, height / viewport->scale };
}

/* Change the scale keeping the board point under (widget_x, widget_y) in place. */
void
rs_board_viewport_zoom_at (RsBoardViewport *viewport,
                           double           scale,
                           double           widget_x,
                           double           widget_y)
{
  double bx, by;

  g_return_if_fail (scale > 0);

  rs_board_viewport_to_board (viewport, widget_x, widget_y, &bx, &by);
  viewport->scale = scale;
  viewport->x = bx - widget_x / scale;
  viewport->y = by - widget_y / scale;
}

void
rs_board_viewport_center_on (RsBoardViewport *viewport,
                             double           board_x,
                             double           board_y,
                             double           width,
                             double           height)
{
  viewport->x = board_x - width / 2 / viewport->scale;
  viewport->y = board_y - height / 2 / viewport->scale;
}

/* The largest scale in [min_scale, max_scale] that shows @rect with @margin pixels around
 * it, centred. */
void
rs_board_viewport_fit (RsBoardViewport   *viewport,
                       const RsBoardRect *rect,
                       double             width,
                       double             height,
                       double             margin,
                       double             min_scale,
                       double             max_scale)
{
  double avail_w = MAX (width - 2 * margin, 1);
  double avail_h = MAX (height - 2 * margin, 1);
  double scale = max_scale;

  if (rect->width > 0)
    scale = MIN (scale, avail_w / rect->width);
  if (rect->height > 0)
    scale = MIN (scale, avail_h / rect->height);
  viewport->scale = CLAMP (scale, min_scale, max_scale);

  rs_board_viewport_center_on (viewport, rect->x + rect->width / 2, rect->y + rect->height / 2,
                               width, height);
}

gboolean
rs_board_rect_intersects (const RsBoardRect *a,
                          const RsBoardRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

gboolean
rs_board_rect_contains_point (const RsBoardRect *rect,
                              double             x,
                              double             y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

gboolean
rs_board_rect_contains_rect (const RsBoardRect *outer,
                             const RsBoardRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

void
rs_board_rect_union (RsBoardRect       *dest,
                     const RsBoardRect *src)
{
  double x1 = MIN (dest->x, src->x);
  double y1 = MIN (dest->y, src->y);
  double x2 = MAX (dest->x + dest->width, src->x + src->width);
  double y2 = MAX (dest->y + dest->height, src->y + src->height);

  rs_board_rect_normalize (dest, x1, y1, x2, y2);
}

void
rs_board_rect_inflate (RsBoardRect *rect,
                       double       dx,
                       double       dy)
{
  rect->x -= dx;
  rect->y -= dy;
  rect->width += 2 * dx;
  rect->height += 2 * dy;
}

/* The rectangle spanned by two corners in any order. */
void
rs_board_rect_normalize (RsBoardRect *rect,
                         double       x1,
                         double       y1,
                         double       x2,
                         double       y2)
{
  rect->x = MIN (x1, x2);
  rect->y = MIN (y1, y2);
  rect->width = fabs (x2 - x1);
  rect->height = fabs (y2 - y1);
}

/* Where the segment from a point inside @rect to a point outside crosses its border:
 * the end of a straight edge. FALSE when @outside is not outside. */
gboolean
rs_board_clip_to_rect (const RsBoardRect *rect,
                       double             inside_x,
                       double             inside_y,
                       double             outside_x,
                       double             outside_y,
                       double            *x,
                       double            *y)
{
  double dx = outside_x - inside_x, dy = outside_y - inside_y;
  double t = G_MAXDOUBLE;

  if (rs_board_rect_contains_point (rect, outside_x, outside_y))
    return FALSE;

  if (dx > 0)
    t = MIN (t, (rect->x + rect->width - inside_x) / dx);
  else if (dx < 0)
    t = MIN (t, (rect->x - inside_x) / dx);
  if (dy > 0)
    t = MIN (t, (rect->y + rect->height - inside_y) / dy);
  else if (dy < 0)
    t = MIN (t, (rect->y - inside_y) / dy);

  if (t == G_MAXDOUBLE || t < 0)
    return FALSE;

  t = MIN (t, 1.0);
  *x = inside_x + dx * t;
  *y = inside_y + dy * t;
  return TRUE;
}

/* Liang–Barsky: cuts the segment (x1, y1)–(x2, y2) to @rect in place. FALSE when none of
 * it is inside; @t1 and @t2 (may be NULL) get the kept part's parameters on the original
 * segment, 0 ≤ t1 ≤ t2 ≤ 1. */
gboolean
rs_board_clip_segment (const RsBoardRect *rect,
                       double            *x1,
                       double            *y1,
                       double            *x2,
                       double            *y2,
                       double            *t1,
                       double            *t2)
{
  double dx = *x2 - *x1, dy = *y2 - *y1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x1 - rect->x, rect->x + rect->width - *x1,
                  *y1 - rect->y, rect->y + rect->height - *y1 };
  double a = 0, b = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        a = MAX (a, q[i] / p[i]);
      else
        b = MIN (b, q[i] / p[i]);
      if (a > b)
        return FALSE;
    }

  *x2 = *x1 + dx * b;
  *y2 = *y1 + dy * b;
  *x1 = *x1 + dx * a;
  *y1 = *y1 + dy * a;
  if (t1 != NULL)
    *t1 = a;
  if (t2 != NULL)
    *t2 = b;
  return TRUE;
}

/* De Casteljau at @t: @first and @second get 8 doubles each (either may be NULL). */
void
rs_board_bezier_split (const double *p,
                       double        t,
                       double       *first,
                       double       *second)
{
  double ab[2], bc[2], cd[2], abc[2], bcd[2], m[2];

  for (guint k = 0; k < 2; k++)
    {
      ab[k] = p[k] + (p[2 + k] - p[k]) * t;
      bc[k] = p[2 + k] + (p[4 + k] - p[2 + k]) * t;
      cd[k] = p[4 + k] + (p[6 + k] - p[4 + k]) * t;
      abc[k] = ab[k] + (bc[k] - ab[k]) * t;
      bcd[k] = bc[k] + (cd[k] - bc[k]) * t;
      m[k] = abc[k] + (bcd[k] - abc[k]) * t;
    }

  if (first != NULL)
    {
      double out[8] = { p[0], p[1], ab[0], ab[1], abc[0], abc[1], m[0], m[1] };

      memcpy (first, out, sizeof out);
    }
  if (second != NULL)
    {
      double out[8] = { m[0], m[1], bcd[0], bcd[1], cd[0], cd[1], p[6], p[7] };

      memcpy (second, out, sizeof out);
    }
}

static double
bezier_length (const double *p,
               guint         depth)
{
  double chord = hypot (p[6] - p[0], p[7] - p[1]);
  double hull = hypot (p[2] - p[0], p[3] - p[1]) + hypot (p[4] - p[2], p[5] - p[3]) +
                hypot (p[6] - p[4], p[7] - p[5]);
  double a[8], b[8];

  /* The length lies between chord and hull, which meet as the piece flattens. */
  if (hull - chord <= 1e-3 * MAX (hull, 1) || depth >= 12)
    return (chord + hull) / 2;
  rs_board_bezier_split (p, 0.5, a, b);
  return bezier_length (a, depth + 1) + bezier_length (b, depth + 1);
}

/* Arc length of one cubic piece (8 doubles), to a thousandth. */
double
rs_board_bezier_length (const double *p)
{
  return bezier_length (p, 0);
}

/* @p: 4 points (8 doubles) of one cubic piece. */
void
rs_board_bezier_point (const double *p,
                       double        t,
                       double       *x,
                       double       *y)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  *x = a * p[0] + b * p[2] + c * p[4] + d * p[6];
  *y = a * p[1] + b * p[3] + c * p[5] + d * p[7];
}

void
rs_board_bezier_tangent (const double *p,
                         double        t,
                         double       *dx,
                         double       *dy)
{
  double u = 1 - t;

  *dx = 3 * u * u * (p[2] - p[0]) + 6 * u * t * (p[4] - p[2]) + 3 * t * t * (p[6] - p[4]);
  *dy = 3 * u * u * (p[3] - p[1]) + 6 * u * t * (p[5] - p[3]) + 3 * t * t * (p[7] - p[5]);

  /* Degenerate ends (control point on the end point): use the chord. */
  if (fabs (*dx) < 1e-9 && fabs (*dy) < 1e-9)
    {
      *dx = p[6] - p[0];
      *dy = p[7] - p[1];
    }
}

double
rs_board_distance_to_segment (double x,
                              double y,
                              double x1,
                              double y1,
                              double x2,
                              double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len2 = dx * dx + dy * dy;
  double t = 0;

  if (len2 > 0)
    t = CLAMP (((x - x1) * dx + (y - y1) * dy) / len2, 0, 1);
  return hypot (x - (x1 + t * dx), y - (y1 + t * dy));
}

/* Distance from a point to a cubic Bézier path (1 + 3k points), flattened. */
double
rs_board_distance_to_path (const double *points,
                           guint         n_points,
                           double        x,
                           double        y)
{
  double best = G_MAXDOUBLE;

  for (guint k = 0; k + 3 < n_points; k += 3)
    {
      const double *p = points + 2 * k;
      double min_x = MIN (MIN (p[0], p[2]), MIN (p[4], p[6]));
      double max_x = MAX (MAX (p[0], p[2]), MAX (p[4], p[6]));
      double min_y = MIN (MIN (p[1], p[3]), MIN (p[5], p[7]));
      double max_y = MAX (MAX (p[1], p[3]), MAX (p[5], p[7]));
      double px = p[0], py = p[1];

      /* The piece lies in its control points' hull: skip it when that is already farther. */
      if (x < min_x - best || x > max_x + best || y < min_y - best || y > max_y + best)
        continue;

      for (guint s = 1; s <= FLATTEN_STEPS; s++)
        {
          double qx, qy;

          rs_board_bezier_point (p, (double)s / FLATTEN_STEPS, &qx, &qy);
          best = MIN (best, rs_board_distance_to_segment (x, y, px, py, qx, qy));
          px = qx;
          py = qy;
        }
    }

  return best;
}

/**
 * rs_board_hit_test:
 * @tolerance: how far from an edge still hits it, in board units
 *
 * Nodes win over edges (the topmost node, as drawn), then the nearest edge within
 * @tolerance of its curve, or its label. Items not drawn are never hit; dimmed ones are.
 */
gboolean
rs_board_hit_test (RsBoardScene *scene,
                   double        board_x,
                   double        board_y,
                   double        tolerance,
                   RsTarget     *target,
                   gint64       *id)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  RsBoardRect probe = { board_x - tolerance, board_y - tolerance, 2 * tolerance, 2 * tolerance };
  double best = G_MAXDOUBLE;
  gint64 best_id = 0;

  g_return_val_if_fail (scene != NULL, FALSE);

  rs_board_scene_query_nodes (scene, &probe, found);
  for (guint i = found->len; i > 0; i--)
    {
      guint index = g_array_index (found, guint, i - 1);
      const RsBoardNode *node = rs_board_scene_get_node (scene, index);
      RsBoardRect rect;

      rs_board_scene_get_node_rect (scene, index, &rect);
      if (rs_board_rect_contains_point (&rect, board_x, board_y))
        {
          if (target != NULL)
            *target = RS_TARGET_ENTITY;
          if (id != NULL)
            *id = node->id;
          return TRUE;
        }
    }

  g_array_set_size (found, 0);
  rs_board_scene_query_edges (scene, &probe, found);
  for (guint i = 0; i < found->len; i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, g_array_index (found, guint, i));
      RsBoardRect label = { edge->label_x - edge->label_width / 2,
                            edge->label_y - edge->label_height / 2,
                            edge->label_width, edge->label_height };
      double distance;

      if (edge->label_width > 0 && (edge->flags & RS_BOARD_ITEM_LABEL_HIDDEN) == 0 &&
          rs_board_rect_contains_point (&label, board_x, board_y))
        distance = 0;
      else
        distance = rs_board_distance_to_path (edge->points, edge->n_points, board_x, board_y);

      if (distance <= tolerance && distance < best)
        {
          best = distance;
          best_id = edge->id;
        }
    }

  if (best_id == 0)
    return FALSE;

  if (target != NULL)
    *target = RS_TARGET_RELATION;
  if (id != NULL)
    *id = best_id;
  return TRUE;
}

static gboolean
navigable (const RsBoardNode *node)
{
  return (node->flags & (RS_BOARD_ITEM_NOT_DRAWN | RS_BOARD_ITEM_DIMMED)) == 0;
}

/**
 * rs_board_pick_rect:
 * @node_indices: (element-type guint): receives the shown nodes whose box meets @rect
 *
 * The rubber band. Dimmed nodes are left out: the filter said they are not of interest.
 */
void
rs_board_pick_rect (RsBoardScene      *scene,
                    const RsBoardRect *rect,
                    GArray            *node_indices)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (scene != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (node_indices != NULL);

  rs_board_scene_query_nodes (scene, rect, found);
  for (guint i = 0; i < found->len; i++)
    {
      guint index = g_array_index (found, guint, i);
      RsBoardRect node_rect;

      if (!navigable (rs_board_scene_get_node (scene, index)))
        continue;
      rs_board_scene_get_node_rect (scene, index, &node_rect);
      if (rs_board_rect_intersects (rect, &node_rect))
        g_array_append_val (node_indices, index);
    }
}

/* Arrow keys: the nearest shown node roughly in direction (dx, dy), preferring nodes close
 * to the line of sight; a wider cone is tried when the narrow one is empty. */
gboolean
rs_board_find_node_in_direction (RsBoardScene *scene,
                                 guint         from,
                                 double        dx,
                                 double        dy,
                                 guint        *result)
{
  const RsBoardNode *origin;
  double len = hypot (dx, dy);

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (from < rs_board_scene_get_n_nodes (scene), FALSE);
  g_return_val_if_fail (len > 0, FALSE);

  dx /= len;
  dy /= len;
  origin = rs_board_scene_get_node (scene, from);

  for (guint pass = 0; pass < 2; pass++)
    {
      double best = G_MAXDOUBLE;
      guint best_index = G_MAXUINT;

      for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (scene, i);
          double vx, vy, along, across, score;

          if (i == from || !navigable (node))
            continue;

          vx = node->x - origin->x;
          vy = node->y - origin->y;
          along = vx * dx + vy * dy;
          across = fabs (vx * dy - vy * dx);
          if (along <= 1)
            continue;
          if (pass == 0 && across > along * 1.2)
            continue;

          score = along + (pass == 0 ? 2 : 4) * across;
          if (score < best)
            {
              best = score;
              best_index = i;
            }
        }

      if (best_index != G_MAXUINT)
        {
          *result = best_index;
          return TRUE;
        }
    }

  return FALSE;
}

static int
compare_reading_order (const RsBoardNode *a,
                       guint              ia,
                       const RsBoardNode *b,
                       guint              ib)
{
  if (a->y != b->y)
    return a->y < b->y ? -1 : 1;
  if (a->x != b->x)
    return a->x < b->x ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* Tab: the next (or previous) shown node in reading order, top to bottom then left to
 * right; the first (or last) without @has_from. FALSE past the end, so focus can leave. */
gboolean
rs_board_find_node_in_order (RsBoardScene *scene,
                             gboolean      has_from,
                             guint         from,
                             gboolean      forward,
                             guint        *result)
{
  const RsBoardNode *origin = NULL;
  const RsBoardNode *best = NULL;
  guint best_index = G_MAXUINT;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (!has_from || from < rs_board_scene_get_n_nodes (scene), FALSE);

  if (has_from)
    origin = rs_board_scene_get_node (scene, from);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      int sign = forward ? 1 : -1;

      if (!navigable (node))
        continue;
      if (origin != NULL && sign * compare_reading_order (node, i, origin, from) <= 0)
        continue;
      if (best == NULL || sign * compare_reading_order (node, i, best, best_index) < 0)
        {
          best = node;
          best_index = i;
        }
    }

  if (best == NULL)
    return FALSE;

  *result = best_index;
  return TRUE;
}
