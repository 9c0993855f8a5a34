/* rs-export-dot.c: the board as Graphviz DOT, with its positions
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-enum-types.h"
#include "rs-export-data.h"
#include "rs-relation.h"

/* Written by hand: Graphviz belongs to app/layout. The file carries the board's
 * geometry the way `neato -n2` reads it (pos in points, y upwards, sizes in inches,
 * fixed) and its look (shape, colours, status dashes), and nothing that stops `dot`
 * from laying it out afresh (plain `dot` ignores pos). */

#define POINTS_PER_INCH 72.0
/* The board's arrowhead (rs-board-painter.c), as Graphviz's arrowsize: 10 pt × size. */
#define ARROW_LENGTH    9.0
#define FLUSH_AT        (64 * 1024)

/* A DOT quoted string. Inside quotes cgraph only reads \" (and backslash-newline),
 * but the renderers then read the label as an escString: \N, \G, \E, \T, \H, \L,
 * \n, \l, \r and \\ mean something, and "&amp;"-style entities are decoded. So a
 * backslash is doubled (a label "\N" stays two characters), a line feed becomes
 * \n, "&" becomes "&amp;" (a label "&lt;" stays four characters), and control
 * characters but tab and carriage return are dropped. */
static void
append_quoted (GString    *s,
               const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '&':  g_string_append (s, "&amp;"); break;
        case '\t':
        case '\r': g_string_append_c (s, *p); break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (s, *p);
          break;
        }
    }
  g_string_append_c (s, '"');
}

static void
append_number (GString *s,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Two decimals: Graphviz itself writes points with two. */
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  if (strcmp (buf, "-0.00") == 0)
    strcpy (buf, "0.00");
  g_string_append (s, buf);
}

/* Sizes in inches, precise enough that 72 × the value is the board's size to 0.01 pt. */
static void
append_inches (GString *s,
               double   points)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.5f", points / POINTS_PER_INCH);
  g_string_append (s, buf);
}

static void
append_point (GString *s,
              double   x,
              double   y)
{
  append_number (s, x);
  g_string_append_c (s, ',');
  append_number (s, y);
}

static void
append_color_attr (GString            *s,
                   const char         *name,
                   const RsBoardColor *color,
                   double              alpha)
{
  g_autofree char *hex = _rs_export_data_color_hex (color, alpha);

  g_string_append_printf (s, ", %s=\"%s\"", name, hex);
}

/* The Graphviz shape nearest the board's, and the style that goes with it. */
static void
get_shape (RsEntityKind  kind,
           const char  **shape,
           const char  **style)
{
  *style = "filled";
  switch (rs_board_style_get_kind_shape (kind))
    {
    case RS_BOARD_SHAPE_PILL:      *shape = "box"; *style = "filled,rounded"; break;
    case RS_BOARD_SHAPE_RECTANGLE: *shape = "box"; break;
    case RS_BOARD_SHAPE_HEXAGON:   *shape = "hexagon"; break;
    case RS_BOARD_SHAPE_FRAME:     *shape = "box"; *style = "filled,bold"; break;
    case RS_BOARD_SHAPE_PIN:       *shape = "invhouse"; break;
    case RS_BOARD_SHAPE_CYLINDER:  *shape = "cylinder"; break;
    case RS_BOARD_SHAPE_OCTAGON:   *shape = "octagon"; break;
    case RS_BOARD_SHAPE_SLANT:     *shape = "parallelogram"; break;
    case RS_BOARD_SHAPE_CALENDAR:  *shape = "tab"; break;
    case RS_BOARD_SHAPE_CHEVRON:   *shape = "cds"; break;
    case RS_BOARD_SHAPE_TRAPEZOID: *shape = "trapezium"; break;
    case RS_BOARD_SHAPE_BANNER:    *shape = "house"; break;
    case RS_BOARD_SHAPE_ROUNDED:
    default:                       *shape = "box"; *style = "filled,rounded"; break;
    }
}

/* Graphviz has solid, dashed and dotted: the board's dash pattern picks one. */
static const char *
get_edge_style (const RsBoardStroke *stroke)
{
  if (stroke->n_dashes == 0)
    return "solid";
  if (stroke->dashes[0] < 1)
    return "dotted";
  return "dashed";
}

static void
append_font (GString                    *s,
             const char                 *prefix,
             const PangoFontDescription *font)
{
  const char *family = pango_font_description_get_family (font);
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  if (family != NULL)
    {
      g_string_append_printf (s, "%sfontname=", prefix);
      append_quoted (s, family);
      prefix = ", ";
    }
  /* Pango sizes are points unless absolute (device units, which are points too here). */
  if (size > 0)
    {
      g_string_append_printf (s, "%sfontsize=", prefix);
      append_number (s, size);
    }
}

/* The unit direction the curve arrives in; FALSE for a curve that ends where it starts. */
static gboolean
end_tangent (const double *points,
             guint         n_points,
             double       *ux,
             double       *uy)
{
  guint last = n_points - 1;

  for (guint from = last; from-- > 0;)
    {
      double dx = points[2 * last] - points[2 * from];
      double dy = points[2 * last + 1] - points[2 * from + 1];
      double len = hypot (dx, dy);

      if (len > 2 * ARROW_LENGTH || (from == 0 && len > ARROW_LENGTH))
        {
          *ux = dx / len;
          *uy = dy / len;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_rect (RsBoardRect *bounds,
          gboolean    *empty,
          double       x0,
          double       y0,
          double       x1,
          double       y1)
{
  if (*empty)
    {
      *bounds = (RsBoardRect) { x0, y0, x1 - x0, y1 - y0 };
      *empty = FALSE;
      return;
    }
  x1 = MAX (x1, bounds->x + bounds->width);
  y1 = MAX (y1, bounds->y + bounds->height);
  bounds->x = MIN (bounds->x, x0);
  bounds->y = MIN (bounds->y, y0);
  bounds->width = x1 - bounds->x;
  bounds->height = y1 - bounds->y;
}

/* The box Graphviz computes itself from what the file holds (nodes, spline control
 * points, edge labels) and moves to the origin when it is not there already: written
 * as bb, with its corner at 0,0, so `neato -n2` moves nothing. The scene's own bounds
 * have a margin Graphviz would take away. */
static void
get_bounds (RsBoardScene *scene,
            RsBoardRect  *bounds)
{
  gboolean empty = TRUE;

  *bounds = (RsBoardRect) { 0, 0, 0, 0 };
  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      if (_rs_export_data_node_drawn (scene, i) && !(node->flags & RS_BOARD_ITEM_UNPLACED))
        add_rect (bounds, &empty, node->x - node->width / 2, node->y - node->height / 2,
                  node->x + node->width / 2, node->y + node->height / 2);
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      if (!_rs_export_data_edge_drawn (scene, i) || (edge->flags & RS_BOARD_ITEM_UNPLACED))
        continue;
      for (guint p = 0; p < edge->n_points; p++)
        add_rect (bounds, &empty, edge->points[2 * p], edge->points[2 * p + 1],
                  edge->points[2 * p], edge->points[2 * p + 1]);
      if (edge->label_width > 0)
        add_rect (bounds, &empty, edge->label_x - edge->label_width / 2,
                  edge->label_y - edge->label_height / 2, edge->label_x + edge->label_width / 2,
                  edge->label_y + edge->label_height / 2);
    }
}

gboolean
rs_export_dot_write (RsCase                 *kase,
                     RsBoardScene           *scene,
                     const RsExportOptions  *options,
                     GOutputStream          *out,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(RsBoardStyle) style = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_nodes, n_edges;
  gboolean directed = FALSE;
  RsBoardRect bounds = { 0, 0, 0, 0 };
  double top;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  style = rs_board_style_new (options->dark);
  n_nodes = rs_board_scene_get_n_nodes (scene);
  n_edges = rs_board_scene_get_n_edges (scene);

  for (guint i = 0; i < n_edges; i++)
    if (_rs_export_data_edge_drawn (scene, i) && rs_board_scene_get_edge (scene, i)->directed)
      directed = TRUE;

  get_bounds (scene, &bounds);
  /* Graphviz's y grows upwards from the bottom of bb; the board's downwards. */
  top = bounds.y + bounds.height;

  g_string_append_printf (s, "%s ", directed ? "digraph" : "graph");
  append_quoted (s, rs_case_get_title (kase));
  g_string_append (s, " {\n  graph [bb=\"0.00,0.00,");
  append_point (s, bounds.width, bounds.height);
  g_string_append (s, "\", outputorder=edgesfirst, splines=true, overlap=true, bgcolor=");
  {
    g_autofree char *bg = _rs_export_data_color_hex (
      rs_board_style_get_color (style, RS_BOARD_COLOR_BACKGROUND), 1);

    append_quoted (s, bg);
  }
  g_string_append (s, ", ");
  append_font (s, "", rs_board_style_get_font (style, RS_BOARD_FONT_NODE));
  g_string_append (s, "];\n  node [fixedsize=true, margin=0, penwidth=1, ");
  append_font (s, "", rs_board_style_get_font (style, RS_BOARD_FONT_NODE));
  {
    g_autofree char *text = _rs_export_data_color_hex (
      rs_board_style_get_color (style, RS_BOARD_COLOR_TEXT), 1);

    /* arrowsize: the board's arrowhead (Graphviz's is 10 pt long at size 1). */
    g_string_append_printf (s, ", fontcolor=\"%s\"];\n  edge [arrowsize=0.9, ", text);
  }
  append_font (s, "", rs_board_style_get_font (style, RS_BOARD_FONT_EDGE));
  g_string_append (s, "];\n");

  for (guint i = 0; i < n_nodes; i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      const char *shape, *node_style;
      double alpha = node->flags & RS_BOARD_ITEM_DIMMED ? RS_BOARD_DIMMED_ALPHA : 1;

      if (!_rs_export_data_node_drawn (scene, i))
        continue;

      get_shape (node->kind, &shape, &node_style);
      g_string_append_printf (s, "  e%" G_GINT64_FORMAT " [label=", node->id);
      append_quoted (s, node->name);
      g_string_append_printf (s, ", kind=\"%s\"",
                              rs_enum_to_nick (RS_TYPE_ENTITY_KIND, node->kind));
      if (!(node->flags & RS_BOARD_ITEM_UNPLACED))
        {
          /* "!": pinned, for neato without -n. */
          g_string_append (s, ", pos=\"");
          append_point (s, node->x - bounds.x, top - node->y);
          g_string_append (s, "!\"");
        }
      g_string_append (s, ", width=");
      append_inches (s, node->width);
      g_string_append (s, ", height=");
      append_inches (s, node->height);
      g_string_append_printf (s, ", shape=%s, style=\"%s\"", shape, node_style);
      append_color_attr (s, "fillcolor", rs_board_style_get_kind_fill (style, node->kind), alpha);
      append_color_attr (s, "color", rs_board_style_get_kind_stroke (style, node->kind), alpha);
      g_string_append (s, "];\n");

      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      RsRelation *relation;
      RsBoardStroke stroke;
      double alpha = edge->flags & RS_BOARD_ITEM_DIMMED ? RS_BOARD_DIMMED_ALPHA : 1;

      if (!_rs_export_data_edge_drawn (scene, i))
        continue;

      relation = rs_case_lookup_relation (kase, edge->id);
      rs_board_style_get_status_stroke (style, edge->status, &stroke);
      g_string_append_printf (s, "  e%" G_GINT64_FORMAT " %s e%" G_GINT64_FORMAT
                              " [id=\"r%" G_GINT64_FORMAT "\", label=",
                              rs_board_scene_get_node (scene, edge->source)->id,
                              directed ? "->" : "--",
                              rs_board_scene_get_node (scene, edge->target)->id, edge->id);
      /* The relation's own label: the scene's is sanitised to one line. */
      append_quoted (s, relation != NULL ? rs_relation_get_label (relation) : edge->label);
      g_string_append_printf (s, ", status=\"%s\", style=\"%s\", penwidth=",
                              rs_enum_to_nick (RS_TYPE_RELATION_STATUS, edge->status),
                              get_edge_style (&stroke));
      append_number (s, stroke.width);
      append_color_attr (s, "color", &stroke.color, alpha);
      if (directed && !edge->directed)
        g_string_append (s, ", dir=none");
      if (!(edge->flags & RS_BOARD_ITEM_UNPLACED) && edge->n_points >= 4 &&
          (edge->n_points - 1) % 3 == 0)
        {
          g_autofree double *points = g_memdup2 (edge->points, 2 * edge->n_points * sizeof (double));
          guint last = edge->n_points - 1;
          double ux, uy;

          g_string_append (s, ", pos=\"");
          /* An arrowhead as the board's: Graphviz draws it from the curve's end to the
           * "e" point, so the curve stops its length short (moved back along the end
           * tangent, which keeps its shape). */
          if (directed && edge->directed && end_tangent (points, edge->n_points, &ux, &uy))
            {
              g_string_append (s, "e,");
              append_point (s, points[2 * last] - bounds.x, top - points[2 * last + 1]);
              g_string_append_c (s, ' ');
              for (guint p = last - 1; p <= last; p++)
                {
                  points[2 * p] -= ux * ARROW_LENGTH;
                  points[2 * p + 1] -= uy * ARROW_LENGTH;
                }
            }
          for (guint p = 0; p < edge->n_points; p++)
            {
              if (p > 0)
                g_string_append_c (s, ' ');
              append_point (s, points[2 * p] - bounds.x, top - points[2 * p + 1]);
            }
          g_string_append_c (s, '"');
          if (edge->label_width > 0)
            {
              g_string_append (s, ", lp=\"");
              append_point (s, edge->label_x - bounds.x, top - edge->label_y);
              g_string_append_c (s, '"');
            }
        }
      g_string_append (s, "];\n");

      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }

  g_string_append (s, "}\n");
  return _rs_export_data_flush (s, out, 0, cancellable, error);
}
