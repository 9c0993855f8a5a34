/* rs-layout-result.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-layout-result"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-layout-result-private.h"

/* Anything further out than this in a stored route is not a board coordinate. */
#define ROUTE_MAX_COORD 1e9

typedef struct
{
  gint64 id;
  double x;
  double y;
  double width;
  double height;
} ResultNode;

typedef struct
{
  gint64   id;
  guint    first_point;
  guint    n_points;
  gboolean has_label;
  double   label_x;
  double   label_y;
} ResultEdge;

/* Where a layout put every node and edge, in board coordinates (points, y down), in the
 * order of the request. Immutable once sealed, so any thread may read it. */
struct _RsLayoutResult
{
  gatomicrefcount  ref_count;
  RsLayoutEngine   engine;

  /* Bounding box of the nodes, the edge control points and the edge labels */
  double           x0;
  double           y0;
  double           x1;
  double           y1;

  GArray          *nodes;       /* ResultNode */
  GArray          *edges;       /* ResultEdge */
  GArray          *points;      /* RsLayoutPoint, every edge's run in turn */
  GHashTable      *node_index;  /* &ResultNode.id → index + 1 */
  GHashTable      *edge_index;  /* &ResultEdge.id → index + 1 */
};

G_DEFINE_BOXED_TYPE (RsLayoutResult, rs_layout_result, rs_layout_result_ref,
                     rs_layout_result_unref)

RsLayoutResult *
_rs_layout_result_new (RsLayoutEngine engine,
                       guint          n_nodes,
                       guint          n_edges)
{
  RsLayoutResult *self = g_new0 (RsLayoutResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->engine = engine;
  self->x0 = self->y0 = INFINITY;
  self->x1 = self->y1 = -INFINITY;
  self->nodes = g_array_sized_new (FALSE, FALSE, sizeof (ResultNode), n_nodes);
  self->edges = g_array_sized_new (FALSE, FALSE, sizeof (ResultEdge), n_edges);
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (RsLayoutPoint), 4 * n_edges);

  return self;
}

static void
extend_bounds (RsLayoutResult *self,
               double          x,
               double          y,
               double          half_width,
               double          half_height)
{
  self->x0 = MIN (self->x0, x - half_width);
  self->y0 = MIN (self->y0, y - half_height);
  self->x1 = MAX (self->x1, x + half_width);
  self->y1 = MAX (self->y1, y + half_height);
}

void
_rs_layout_result_add_node (RsLayoutResult *self,
                            gint64          id,
                            double          x,
                            double          y,
                            double          width,
                            double          height)
{
  ResultNode node = { id, x, y, width, height };

  g_assert (self->node_index == NULL);

  g_array_append_val (self->nodes, node);
  extend_bounds (self, x, y, width / 2, height / 2);
}

void
_rs_layout_result_add_edge (RsLayoutResult      *self,
                            gint64               id,
                            const RsLayoutPoint *points,
                            guint                n_points,
                            gboolean             has_label,
                            double               label_x,
                            double               label_y,
                            double               label_width,
                            double               label_height)
{
  ResultEdge edge = { id, self->points->len, n_points, has_label, label_x, label_y };

  g_assert (self->edge_index == NULL);
  g_assert (n_points == 0 || (n_points >= 4 && n_points % 3 == 1));

  g_array_append_vals (self->points, points, n_points);
  g_array_append_val (self->edges, edge);

  for (guint i = 0; i < n_points; i++)
    extend_bounds (self, points[i].x, points[i].y, 0, 0);
  if (has_label)
    extend_bounds (self, label_x, label_y, label_width / 2, label_height / 2);
}

/* Builds the lookup tables; the arrays must not move afterwards. */
void
_rs_layout_result_seal (RsLayoutResult *self)
{
  g_assert (self->node_index == NULL);

  self->node_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->edge_index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < self->nodes->len; i++)
    g_hash_table_insert (self->node_index, &g_array_index (self->nodes, ResultNode, i).id,
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->edges->len; i++)
    g_hash_table_insert (self->edge_index, &g_array_index (self->edges, ResultEdge, i).id,
                         GUINT_TO_POINTER (i + 1));

  if (self->x0 > self->x1)
    self->x0 = self->y0 = self->x1 = self->y1 = 0;
}

RsLayoutResult *
rs_layout_result_ref (RsLayoutResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_layout_result_unref (RsLayoutResult *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->node_index, g_hash_table_unref);
      g_clear_pointer (&self->edge_index, g_hash_table_unref);
      g_clear_pointer (&self->nodes, g_array_unref);
      g_clear_pointer (&self->edges, g_array_unref);
      g_clear_pointer (&self->points, g_array_unref);
      g_free (self);
    }
}

/* The engine that actually ran: never RS_LAYOUT_ENGINE_AUTO. */
RsLayoutEngine
rs_layout_result_get_engine (const RsLayoutResult *self)
{
  g_return_val_if_fail (self != NULL, RS_LAYOUT_ENGINE_AUTO);
  return self->engine;
}

void
rs_layout_result_get_bounds (const RsLayoutResult *self,
                             double               *x,
                             double               *y,
                             double               *width,
                             double               *height)
{
  g_return_if_fail (self != NULL);

  if (x != NULL)
    *x = self->x0;
  if (y != NULL)
    *y = self->y0;
  if (width != NULL)
    *width = self->x1 - self->x0;
  if (height != NULL)
    *height = self->y1 - self->y0;
}

guint
rs_layout_result_get_n_nodes (const RsLayoutResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

/* Nodes are in the order they were added to the request. */
void
rs_layout_result_get_node (const RsLayoutResult *self,
                           guint                 index,
                           gint64               *id,
                           double               *x,
                           double               *y,
                           double               *width,
                           double               *height)
{
  const ResultNode *node;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->nodes->len);

  node = &g_array_index (self->nodes, ResultNode, index);
  if (id != NULL)
    *id = node->id;
  if (x != NULL)
    *x = node->x;
  if (y != NULL)
    *y = node->y;
  if (width != NULL)
    *width = node->width;
  if (height != NULL)
    *height = node->height;
}

/* Centre of the node with @id; FALSE if the layout has no such node. */
gboolean
rs_layout_result_lookup_node (const RsLayoutResult *self,
                              gint64                id,
                              double               *x,
                              double               *y)
{
  guint index;

  g_return_val_if_fail (self != NULL, FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &id));
  if (index == 0)
    return FALSE;

  rs_layout_result_get_node (self, index - 1, NULL, x, y, NULL, NULL);
  return TRUE;
}

guint
rs_layout_result_get_n_edges (const RsLayoutResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->edges->len;
}

gint64
rs_layout_result_get_edge_id (const RsLayoutResult *self,
                              guint                 index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->edges->len, 0);

  return g_array_index (self->edges, ResultEdge, index).id;
}

/* The edge as a cubic Bézier path from source to target: a start point, then three
 * points (two controls and an end) per segment, so 3n + 1 points with n ≥ 1. The first
 * and last points are on the node borders.
 *
 * When only new nodes were placed (rs_layout_request_set_place_new_only()), an edge
 * between two fixed nodes is left as the caller has it: %NULL and 0 points. */
const RsLayoutPoint *
rs_layout_result_get_edge_points (const RsLayoutResult *self,
                                  guint                 index,
                                  guint                *n_points)
{
  const ResultEdge *edge;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  edge = &g_array_index (self->edges, ResultEdge, index);
  *n_points = edge->n_points;
  if (edge->n_points == 0)
    return NULL;

  return &g_array_index (self->points, RsLayoutPoint, edge->first_point);
}

/* Centre of the edge's label; FALSE (and @x, @y untouched) if the edge has none. */
gboolean
rs_layout_result_get_edge_label (const RsLayoutResult *self,
                                 guint                 index,
                                 double               *x,
                                 double               *y)
{
  const ResultEdge *edge;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->edges->len, FALSE);

  edge = &g_array_index (self->edges, ResultEdge, index);
  if (!edge->has_label)
    return FALSE;

  if (x != NULL)
    *x = edge->label_x;
  if (y != NULL)
    *y = edge->label_y;
  return TRUE;
}

gboolean
rs_layout_result_lookup_edge (const RsLayoutResult *self,
                              gint64                id,
                              guint                *index)
{
  guint found;

  g_return_val_if_fail (self != NULL, FALSE);

  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->edge_index, &id));
  if (found == 0)
    return FALSE;

  if (index != NULL)
    *index = found - 1;
  return TRUE;
}

/* The edge's points as "x1,y1 x2,y2 …" with two decimals, whatever the locale: the form
 * case files store and rs_layout_route_parse() reads. %NULL for an edge the layout left
 * alone (see rs_layout_result_get_edge_points()). */
/* "%.2f" of @value at @out, as g_ascii_formatd() writes it, without printf's
 * exact decimal expansion (a 20,000-entity layout writes some 200,000 numbers on the UI
 * thread); values near a tie of the rounding, or huge, still go through printf. Returns
 * the end of what it wrote. */
static char *
format_hundredths (char   *out,
                   double  value)
{
  double scaled = value * 100;
  double whole = floor (scaled);
  char digits[24];
  guint n = 0;
  gint64 h;

  if (!(fabs (scaled) < 1e15) || fabs (scaled - whole - 0.5) < 1e-6)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buf, sizeof buf, "%.2f", value);
      return g_stpcpy (out, buf);
    }

  h = (gint64) llround (scaled);
  /* printf keeps the sign of a negative value that rounds to zero. */
  if (h < 0 || (h == 0 && signbit (value)))
    *out++ = '-';
  h = h < 0 ? -h : h;
  do
    digits[n++] = '0' + h % 10, h /= 10;
  while (h > 0 || n < 3);
  while (n > 2)
    *out++ = digits[--n];
  *out++ = '.';
  *out++ = digits[1];
  *out++ = digits[0];
  *out = '\0';
  return out;
}

char *
rs_layout_result_dup_route (const RsLayoutResult *self,
                            guint                 index)
{
  const RsLayoutPoint *points;
  GString *route;
  guint n_points;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);

  points = rs_layout_result_get_edge_points (self, index, &n_points);
  if (n_points == 0)
    return NULL;

  route = g_string_sized_new (16 * n_points);

  for (guint i = 0; i < n_points; i++)
    {
      char buf[2 * G_ASCII_DTOSTR_BUF_SIZE + 2];
      char *end = buf;

      if (i > 0)
        *end++ = ' ';
      end = format_hundredths (end, points[i].x);
      *end++ = ',';
      end = format_hundredths (end, points[i].y);
      g_string_append_len (route, buf, end - buf);
    }

  return g_string_free (route, FALSE);
}

/* A decimal number, optionally signed, with an optional fraction: what dup_route
 * writes. Anything g_ascii_strtod() would also take ("nan", "inf", hex, exponents) is
 * refused before it gets there. */
static const char *
scan_number (const char *p,
             double     *value)
{
  /* Exact powers of ten: an integer of up to 15 digits over one of them is rounded once,
   * by the division, to the double strtod() would give. */
  static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                  1e11, 1e12, 1e13, 1e14, 1e15 };
  const char *start = p;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gsize digits = 0, decimals = 0;
  guint64 mantissa = 0;
  gboolean negative = *p == '-';

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    mantissa = mantissa * 10 + (guint64) (*p++ - '0'), digits++;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        mantissa = mantissa * 10 + (guint64) (*p++ - '0'), digits++, decimals++;
    }

  if (digits == 0 || (gsize) (p - start) >= sizeof buf)
    return NULL;

  /* A route's numbers are "%.2f": the common case needs no strtod() (a 20,000-entity
   * layout's routes are read back on the UI thread as it is applied). */
  if (digits <= 15)
    *value = (negative ? -1.0 : 1.0) * ((double) mantissa / pow10[decimals]);
  else
    {
      memcpy (buf, start, p - start);
      buf[p - start] = '\0';
      *value = g_ascii_strtod (buf, NULL);
    }

  if (!isfinite (*value) || fabs (*value) > ROUTE_MAX_COORD)
    return NULL;

  return p;
}

/**
 * rs_layout_route_parse:
 * @route: a route as written by rs_layout_result_dup_route(), from an untrusted file
 * @points_out: a #GArray of #RsLayoutPoint
 * @error: return location for a #GError
 *
 * Reads "x1,y1 x2,y2 …" (C locale, points separated by blanks) into @points_out,
 * replacing its contents. The route must be a cubic Bézier path (3n + 1 points, n ≥ 1)
 * of at most %RS_LAYOUT_ROUTE_MAX_POINTS points and %RS_LAYOUT_ROUTE_MAX_LENGTH bytes,
 * with finite coordinates. On error @points_out is left untouched.
 *
 * Returns: %TRUE if @route was valid
 */
gboolean
rs_layout_route_parse (const char  *route,
                       GArray      *points_out,
                       GError     **error)
{
  g_autoptr(GArray) points = NULL;
  const char *p;

  g_return_val_if_fail (route != NULL, FALSE);
  g_return_val_if_fail (points_out != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (points_out) == sizeof (RsLayoutPoint), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strnlen (route, RS_LAYOUT_ROUTE_MAX_LENGTH + 1) > RS_LAYOUT_ROUTE_MAX_LENGTH)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The route of a link is too long"));
      return FALSE;
    }

  points = g_array_new (FALSE, FALSE, sizeof (RsLayoutPoint));
  p = route;

  for (;;)
    {
      RsLayoutPoint point;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      if (points->len == RS_LAYOUT_ROUTE_MAX_POINTS)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("The route of a link is too long"));
          return FALSE;
        }

      if ((p = scan_number (p, &point.x)) == NULL || *p++ != ',' ||
          (p = scan_number (p, &point.y)) == NULL ||
          (*p != '\0' && !g_ascii_isspace (*p)))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("The route of a link is not a list of “x,y” points"));
          return FALSE;
        }

      g_array_append_val (points, point);
    }

  if (points->len < 4 || points->len % 3 != 1)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The route of a link has %u points, which is not a Bézier path"),
                   points->len);
      return FALSE;
    }

  g_array_set_size (points_out, 0);
  g_array_append_vals (points_out, points->data, points->len);
  return TRUE;
}
