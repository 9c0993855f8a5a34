/* rs-export-svg.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-board-geometry.h"
#include "rs-board-painter-private.h"
#include "rs-export-svg-private.h"

/* The board as SVG, written from the scene's geometry and the style rather than through
 * cairo's SVG surface: cairo writes text as glyph outlines, and an exported figure must
 * keep its text as text (searchable, selectable, editable in Inkscape).
 *
 * Every position is the painter's (rs-board-painter.c): outlines come from the painter's
 * own shape paths (built on a scratch cairo context and read back with cairo_copy_path),
 * text lines from the same Pango layouts the painter shows (line breaks, ellipsis and
 * baselines), so rsvg's rendering matches the painter's PNG. The kind pictograms, which
 * hold no text, are drawn once per kind through cairo's SVG surface and reused. */

/* The painter's constants (rs-board-painter.c, rs-board-painter-legend.c). */
#define ARROW_LENGTH  9.0
#define ARROW_HALF    4.0
#define LEGEND_PAD    7.0
#define LEGEND_ROW   14.5
#define LEGEND_SWATCH 26.0
#define LEGEND_GAP    5.0
#define LEGEND_COLUMN 12.0
#define LEGEND_KIND_ROWS ((RS_ENTITY_KIND_LAST + 1) / 2)  /* two columns, as the painter's */
#define GLYPH_BOX    16.0



static cairo_status_t
write_to_string (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_string_append_len (closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The painter's pictogram for each kind, once, in <defs>, centred on (0, 0). Pictograms
 * hold no text, so cairo's SVG surface writes them faithfully; only what is inside its
 * <svg> element is kept, with cairo's ids made unique per kind. */
static void
glyph_defs (Svg *svg)
{
  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    {
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_autofree char *own_ids = g_strdup_printf ("id=\"rs-glyph-%u-surface", k);
      g_autofree char *own_refs = g_strdup_printf ("#rs-glyph-%u-surface", k);
      cairo_surface_t *surface;
      cairo_t *cr;
      const char *body, *start, *end;

      surface = cairo_svg_surface_create_for_stream (write_to_string, buffer, GLYPH_BOX,
                                                     GLYPH_BOX);
      cr = cairo_create (surface);
      _rs_board_draw_glyph (cr, k, GLYPH_BOX / 2, GLYPH_BOX / 2,
                            rs_board_style_get_kind_stroke (svg->style, k),
                            rs_board_style_get_kind_fill (svg->style, k), 1);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);

      /* cairo numbers its surfaces across the process: drop the numbers so the same
       * board always gives the same file. */
      for (char *p = strstr (buffer->str, "surface"); p != NULL; p = strstr (p, "surface"))
        {
          char *digits = p + strlen ("surface"), *after = digits;

          while (g_ascii_isdigit (*after))
            after++;
          g_string_erase (buffer, digits - buffer->str, after - digits);
          p = digits;
        }
      g_string_replace (buffer, "id=\"surface", own_ids, 0);
      g_string_replace (buffer, "#surface", own_refs, 0);
      body = strstr (buffer->str, "<svg");
      start = body != NULL ? strchr (body, '>') : NULL;
      end = g_strrstr (buffer->str, "</svg>");
      g_string_append_printf (svg->out, "<g id=\"rs-glyph-%u\" transform=\"translate(-8 -8)\">",
                              k);
      if (start != NULL && end != NULL && end > start)
        g_string_append_len (svg->out, start + 1, end - start - 1);
      g_string_append (svg->out, "</g>\n");
    }
}

/* Nodes -------------------------------------------------------------------------------- */

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

/* As the painter's node_box(). */
static void
node_box (const RsBoardNode *node,
          NodeBox           *box)
{
  double bottom;
  RsBoardShape shape = rs_board_style_get_kind_shape (node->kind);

  box->x0 = node->x - node->width / 2;
  box->y0 = node->y - node->height / 2;
  rs_board_style_get_shape_insets (shape, node->height, &box->left, &box->right, &box->top,
                                   &bottom);
  box->body_h = node->height - box->top - bottom;
  rs_board_style_get_shape_insets (shape, box->body_h, &box->left, &box->right, &box->top,
                                   &bottom);
  box->body_top = box->y0 + box->top;
}

static void
shape_details (Svg                *svg,
               RsBoardShape        shape,
               double              x,
               double              y,
               double              width,
               double              height,
               const RsBoardColor *stroke,
               double              alpha)
{
  double left, right, top, bottom;

  rs_board_style_get_shape_insets (shape, height, &left, &right, &top, &bottom);

  switch (shape)
    {
    case RS_BOARD_SHAPE_FRAME:
      _rs_svg_rounded_rect (svg, x, y, width, top, 1.5);
      _rs_svg_attr_color (svg->out, "fill", stroke, alpha);
      g_string_append (svg->out, "/>\n");
      break;

    case RS_BOARD_SHAPE_CYLINDER:
      /* The lid's lower half: the painter's half_ellipse (π to 0, counter-clockwise). */
      g_string_append (svg->out, "<path fill=\"none\"");
      _rs_svg_attr_color (svg->out, "stroke", stroke, alpha);
      _rs_svg_attr_num (svg->out, "stroke-width", 1.5);
      g_string_append (svg->out, " d=\"M");
      _rs_svg_num (svg->out, x);
      g_string_append_c (svg->out, ' ');
      _rs_svg_num (svg->out, y + top / 2);
      g_string_append (svg->out, "A");
      _rs_svg_num (svg->out, width / 2);
      g_string_append_c (svg->out, ' ');
      _rs_svg_num (svg->out, top / 2);
      g_string_append (svg->out, " 0 0 0 ");
      _rs_svg_num (svg->out, x + width);
      g_string_append_c (svg->out, ' ');
      _rs_svg_num (svg->out, y + top / 2);
      g_string_append (svg->out, "\"/>\n");
      break;

    case RS_BOARD_SHAPE_CALENDAR:
      g_string_append (svg->out, "<path fill=\"none\" stroke-linecap=\"round\"");
      _rs_svg_attr_color (svg->out, "stroke", stroke, alpha);
      _rs_svg_attr_num (svg->out, "stroke-width", 2.2);
      g_string_append (svg->out, " d=\"");
      for (guint i = 0; i < 2; i++)
        {
          double inset = MIN (12, width * 0.28);
          double rx = i == 0 ? x + inset : x + width - inset;

          g_string_append_c (svg->out, 'M');
          _rs_svg_num (svg->out, rx);
          g_string_append_c (svg->out, ' ');
          _rs_svg_num (svg->out, y + 0.5);
          g_string_append_c (svg->out, 'L');
          _rs_svg_num (svg->out, rx);
          g_string_append_c (svg->out, ' ');
          _rs_svg_num (svg->out, y + top + 4);
        }
      g_string_append (svg->out, "\"/>\n");
      break;

    case RS_BOARD_SHAPE_PILL:
    case RS_BOARD_SHAPE_RECTANGLE:
    case RS_BOARD_SHAPE_HEXAGON:
    case RS_BOARD_SHAPE_PIN:
    case RS_BOARD_SHAPE_OCTAGON:
    case RS_BOARD_SHAPE_SLANT:
    case RS_BOARD_SHAPE_ROUNDED:
    case RS_BOARD_SHAPE_CHEVRON:
    case RS_BOARD_SHAPE_TRAPEZOID:
    case RS_BOARD_SHAPE_BANNER:
    default:
      break;
    }
}

static void
write_node (Svg               *svg,
            const RsBoardNode *node)
{
  RsBoardShape shape = rs_board_style_get_kind_shape (node->kind);
  const RsBoardColor *fill = rs_board_style_get_kind_fill (svg->style, node->kind);
  const RsBoardColor *stroke = rs_board_style_get_kind_stroke (svg->style, node->kind);
  double alpha = (node->flags & RS_BOARD_ITEM_DIMMED) ? RS_BOARD_DIMMED_ALPHA : 1.0;
  g_autoptr(PangoLayout) layout = NULL;
  RsBoardColor faded;
  double tw, th, area_x, area_w;
  NodeBox box;

  node_box (node, &box);

  if (node->flags & RS_BOARD_ITEM_DIMMED)
    {
      const RsBoardColor *bg = rs_board_style_get_color (svg->style, RS_BOARD_COLOR_BACKGROUND);

      faded = (RsBoardColor) {
        bg->red + (fill->red - bg->red) * alpha,
        bg->green + (fill->green - bg->green) * alpha,
        bg->blue + (fill->blue - bg->blue) * alpha,
        1,
      };
      fill = &faded;
    }

  g_string_append_printf (svg->out, "<g class=\"node\" id=\"entity-%" G_GINT64_FORMAT "\">",
                          node->id);
  _rs_svg_title (svg, node->name);
  g_string_append (svg->out, "\n<path");
  _rs_svg_attr_color (svg->out, "fill", fill, 1);
  _rs_svg_attr_color (svg->out, "stroke", stroke, alpha);
  _rs_svg_attr_num (svg->out, "stroke-width", 1.5);
  cairo_new_path (svg->scratch);
  rs_board_painter_shape_path (svg->scratch, shape, box.x0, box.y0, node->width, node->height);
  _rs_svg_append_cairo_path (svg);
  g_string_append (svg->out, "/>\n");
  shape_details (svg, shape, box.x0, box.y0, node->width, node->height, stroke, alpha);

  g_string_append (svg->out, "<use href=\"#rs-glyph-");
  g_string_append_printf (svg->out, "%u\" xlink:href=\"#rs-glyph-%u\"", node->kind, node->kind);
  g_string_append (svg->out, " transform=\"translate(");
  _rs_svg_num (svg->out, box.x0 + box.left + RS_BOARD_NODE_PAD_X + RS_BOARD_NODE_GLYPH / 2);
  g_string_append_c (svg->out, ' ');
  _rs_svg_num (svg->out, box.body_top + box.body_h / 2);
  g_string_append (svg->out, ")\"");
  if (alpha < 1)
    _rs_svg_attr_num (svg->out, "opacity", alpha);
  g_string_append (svg->out, "/>\n");

  layout = _rs_svg_make_layout (svg, RS_BOARD_FONT_NODE, node->label, RS_BOARD_NODE_MAX_TEXT,
                                &tw, &th);
  area_x = box.x0 + box.left + RS_BOARD_NODE_PAD_X + RS_BOARD_NODE_GLYPH +
           RS_BOARD_NODE_GLYPH_GAP;
  area_w = node->width - box.left - box.right - 2 * RS_BOARD_NODE_PAD_X -
           RS_BOARD_NODE_GLYPH - RS_BOARD_NODE_GLYPH_GAP;
  _rs_svg_append_layout (svg, layout, RS_BOARD_FONT_NODE,
                         area_x + area_w / 2 - RS_BOARD_NODE_MAX_TEXT / 2,
                         box.body_top + (box.body_h - th) / 2,
                         rs_board_style_get_color (svg->style, RS_BOARD_COLOR_TEXT), alpha, NULL);

  if (node->flags & RS_BOARD_ITEM_PINNED)
    {
      double cx = box.x0 + box.left + 4, cy = box.body_top + 1;

      g_string_append (svg->out, "<circle");
      _rs_svg_attr_num (svg->out, "cx", cx);
      _rs_svg_attr_num (svg->out, "cy", cy);
      _rs_svg_attr_num (svg->out, "r", 3.6);
      _rs_svg_attr_color (svg->out, "fill", stroke, alpha);
      g_string_append (svg->out, "/><circle");
      _rs_svg_attr_num (svg->out, "cx", cx);
      _rs_svg_attr_num (svg->out, "cy", cy);
      _rs_svg_attr_num (svg->out, "r", 1.4);
      _rs_svg_attr_color (svg->out, "fill", fill, alpha);
      g_string_append (svg->out, "/>\n");
    }

  /* A technique's ATT&CK id on its tab, as the board draws it. */
  if (node->tag != NULL)
    {
      g_autoptr(PangoLayout) tag = NULL;
      double tag_w, tag_h;

      tag = _rs_svg_make_layout (svg, RS_BOARD_FONT_BADGE, node->tag, -1, &tag_w, &tag_h);
      _rs_svg_rounded_rect (svg, node->x - (tag_w + 8) / 2, box.y0 - (tag_h + 2) / 2, tag_w + 8,
                            tag_h + 2, (tag_h + 2) / 2);
      _rs_svg_attr_color (svg->out, "fill", stroke, alpha);
      g_string_append (svg->out, "/>\n");
      _rs_svg_append_layout (svg, tag, RS_BOARD_FONT_BADGE, node->x - tag_w / 2, box.y0 - tag_h / 2,
                             rs_board_style_get_color (svg->style, RS_BOARD_COLOR_BADGE_TEXT), alpha,
                             NULL);
    }

  if (node->n_documents > 0)
    _rs_svg_badge (svg, box.x0 + node->width - box.right - 5, box.body_top, node->n_documents,
                   alpha);

  g_string_append (svg->out, "</g>\n");
}

/* Edges -------------------------------------------------------------------------------- */

static char *
dup_edge_title (Svg               *svg,
                const RsBoardEdge *edge)
{
  RsRelation *relation = rs_case_lookup_relation (svg->kase, edge->id);
  const RsBoardNode *source = rs_board_scene_get_node (svg->scene, edge->source);
  const RsBoardNode *target = rs_board_scene_get_node (svg->scene, edge->target);
  const char *label = relation != NULL ? rs_relation_get_label (relation) : edge->label;

  if (label == NULL || label[0] == '\0')
    return g_strdup_printf (edge->directed ? "%s → %s" : "%s — %s", source->name, target->name);
  return g_strdup_printf (edge->directed ? "%s —%s→ %s" : "%s —%s— %s", source->name, label,
                          target->name);
}

static void
write_edge (Svg               *svg,
            const RsBoardEdge *edge)
{
  double alpha = (edge->flags & RS_BOARD_ITEM_DIMMED) ? RS_BOARD_DIMMED_ALPHA : 1.0;
  g_autofree char *name = dup_edge_title (svg, edge);
  g_autofree double *points = g_memdup2 (edge->points, sizeof (double) * 2 * edge->n_points);
  RsBoardStroke stroke;
  guint n = edge->n_points;

  if (n < 4)
    return;

  rs_board_style_get_status_stroke (svg->style, edge->status, &stroke);

  /* The stroke stops under the arrowhead (the painter's edge_points()). */
  if (edge->directed)
    {
      double *q = points + 2 * (n - 4), dx, dy, len, trim = ARROW_LENGTH * 0.7;

      rs_board_bezier_tangent (q, 1.0, &dx, &dy);
      len = hypot (dx, dy);
      if (len > 0)
        {
          q[4] -= dx / len * trim;
          q[5] -= dy / len * trim;
          q[6] -= dx / len * trim;
          q[7] -= dy / len * trim;
        }
    }

  g_string_append_printf (svg->out, "<g class=\"relation\" id=\"relation-%" G_GINT64_FORMAT "\">",
                          edge->id);
  _rs_svg_title (svg, name);
  g_string_append (svg->out, "\n<path fill=\"none\"");
  _rs_svg_attr_color (svg->out, "stroke", &stroke.color, alpha);
  _rs_svg_attr_num (svg->out, "stroke-width", stroke.width);
  if (stroke.round_caps)
    g_string_append (svg->out, " stroke-linecap=\"round\"");
  if (stroke.n_dashes > 0)
    {
      g_string_append (svg->out, " stroke-dasharray=\"");
      for (guint i = 0; i < stroke.n_dashes; i++)
        {
          if (i > 0)
            g_string_append_c (svg->out, ' ');
          _rs_svg_num (svg->out, stroke.dashes[i]);
        }
      g_string_append_c (svg->out, '"');
    }
  _rs_svg_append_points_path (svg->out, points, n);
  g_string_append (svg->out, "/>\n");

  if (edge->directed)
    {
      const double *last = edge->points + 2 * (n - 4);
      double dx, dy, len, tx = last[6], ty = last[7];

      rs_board_bezier_tangent (last, 1.0, &dx, &dy);
      len = hypot (dx, dy);
      if (len > 0)
        {
          dx /= len;
          dy /= len;
          cairo_new_path (svg->scratch);
          cairo_move_to (svg->scratch, tx, ty);
          cairo_line_to (svg->scratch, tx - dx * ARROW_LENGTH - dy * ARROW_HALF,
                         ty - dy * ARROW_LENGTH + dx * ARROW_HALF);
          cairo_line_to (svg->scratch, tx - dx * ARROW_LENGTH * 0.8, ty - dy * ARROW_LENGTH * 0.8);
          cairo_line_to (svg->scratch, tx - dx * ARROW_LENGTH + dy * ARROW_HALF,
                         ty - dy * ARROW_LENGTH - dx * ARROW_HALF);
          cairo_close_path (svg->scratch);
          g_string_append (svg->out, "<path");
          _rs_svg_attr_color (svg->out, "fill", &stroke.color, alpha);
          _rs_svg_append_cairo_path (svg);
          g_string_append (svg->out, "/>\n");
        }
    }

  /* Refuted without a label to strike: two bars across the middle (as the painter). */
  if (stroke.struck && (edge->label_width <= 0 || (edge->flags & RS_BOARD_ITEM_LABEL_HIDDEN)))
    {
      guint n_segments = (n - 1) / 3;
      const double *middle = edge->points + 6 * (n_segments / 2);
      double mx, my, dx, dy, len;

      rs_board_bezier_point (middle, n_segments % 2 ? 0.5 : 0.0, &mx, &my);
      rs_board_bezier_tangent (middle, n_segments % 2 ? 0.5 : 0.0, &dx, &dy);
      len = hypot (dx, dy);
      if (len > 0)
        {
          dx /= len;
          dy /= len;
          cairo_new_path (svg->scratch);
          for (int i = -1; i <= 1; i += 2)
            {
              double bx = mx + dx * 2.5 * i, by = my + dy * 2.5 * i;

              cairo_move_to (svg->scratch, bx - dy * 5 + dx * 2, by + dx * 5 + dy * 2);
              cairo_line_to (svg->scratch, bx + dy * 5 - dx * 2, by - dx * 5 - dy * 2);
            }
          g_string_append (svg->out, "<path fill=\"none\"");
          _rs_svg_attr_color (svg->out, "stroke", &stroke.color, alpha);
          _rs_svg_attr_num (svg->out, "stroke-width", 1.5);
          _rs_svg_append_cairo_path (svg);
          g_string_append (svg->out, "/>\n");
        }
    }
  g_string_append (svg->out, "</g>\n");
}

static void
footnote_number (Svg               *svg,
                 const RsBoardEdge *edge,
                 double             alpha,
                 guint              number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autoptr(PangoLayout) layout = NULL;
  double x, cy, tw, th;

  _rs_export_footnotes_number_position (edge, &x, &cy);
  layout = _rs_svg_make_layout (svg, RS_BOARD_FONT_BADGE, text, -1, &tw, &th);
  _rs_svg_rounded_rect (svg, x, cy - th / 2 - 1, tw + 4, th + 2, 2);
  _rs_svg_attr_color (svg->out, "fill", rs_board_style_get_color (svg->style,
                                                          RS_BOARD_COLOR_EDGE_LABEL_BACKGROUND),
              alpha);
  _rs_svg_attr_color (svg->out, "stroke",
                      rs_board_style_get_color (svg->style, RS_BOARD_COLOR_TEXT), alpha);
  _rs_svg_attr_num (svg->out, "stroke-width", 0.6);
  g_string_append (svg->out, "/>\n");
  _rs_svg_append_layout (svg, layout, RS_BOARD_FONT_BADGE, x + 2, cy - th / 2,
                 rs_board_style_get_color (svg->style, RS_BOARD_COLOR_TEXT), alpha,
                 " class=\"footnote-number\"");
}

static void
write_edge_label (Svg               *svg,
                  const RsBoardEdge *edge,
                  guint              index)
{
  double alpha = (edge->flags & RS_BOARD_ITEM_DIMMED) ? RS_BOARD_DIMMED_ALPHA : 1.0;
  gboolean warn = edge->status == RS_RELATION_STATUS_DISPUTED ||
                  edge->status == RS_RELATION_STATUS_REFUTED;
  guint number = svg->footnotes != NULL ? _rs_export_footnotes_get_number (svg->footnotes, index)
                                        : 0;
  g_autoptr(PangoLayout) layout = NULL;
  double x0, tw, th;

  g_string_append_printf (svg->out, "<g class=\"relation-label\">");

  if (edge->label_width <= 0)
    _rs_svg_badge (svg, edge->label_x, edge->label_y, edge->n_documents, alpha);
  else
    {
      x0 = edge->label_x - edge->label_width / 2;
      _rs_svg_rounded_rect (svg, x0, edge->label_y - edge->label_height / 2, edge->label_width,
                    edge->label_height, MIN (edge->label_height / 2, 9));
      _rs_svg_attr_color (svg->out, "fill",
                  rs_board_style_get_color (svg->style, RS_BOARD_COLOR_EDGE_LABEL_BACKGROUND),
                  alpha);
      g_string_append (svg->out, "/>\n");

      layout = _rs_svg_make_layout (svg, RS_BOARD_FONT_EDGE, edge->label, RS_BOARD_EDGE_MAX_TEXT,
                                    &tw, &th);
      _rs_svg_append_layout (svg, layout, RS_BOARD_FONT_EDGE,
                     x0 + RS_BOARD_EDGE_LABEL_PAD_X + edge->text_width / 2 -
                     RS_BOARD_EDGE_MAX_TEXT / 2,
                     edge->label_y - th / 2,
                     rs_board_style_get_color (svg->style, warn ? RS_BOARD_COLOR_WARNING :
                                                                  RS_BOARD_COLOR_TEXT_SECONDARY),
                     alpha,
                     edge->status == RS_RELATION_STATUS_REFUTED ?
                     " text-decoration=\"line-through\"" : NULL);
      _rs_svg_badge (svg,
                     x0 + RS_BOARD_EDGE_LABEL_PAD_X + edge->text_width + 3 + RS_BOARD_BADGE_RADIUS,
                     edge->label_y, edge->n_documents, alpha);
    }

  if (number > 0)
    footnote_number (svg, edge, alpha, number);
  g_string_append (svg->out, "</g>\n");
}

/* Legend ------------------------------------------------------------------------------ */

static void
legend_text (Svg        *svg,
             const char *text,
             double      x,
             double      cy)
{
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th;

  layout = _rs_svg_make_layout (svg, RS_BOARD_FONT_LEGEND, text, -1, &tw, &th);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  _rs_svg_append_layout (svg, layout, RS_BOARD_FONT_LEGEND, x, cy - th / 2,
                 rs_board_style_get_color (svg->style, RS_BOARD_COLOR_TEXT), 1, NULL);
}

static double
legend_kind_width (Svg *svg)
{
  double width = 0;

  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    width = MAX (width, _rs_svg_text_width (svg, RS_BOARD_FONT_LEGEND,
                                            rs_board_style_get_kind_label (k)));
  return width;
}

/* The painter's legend (rs_board_painter_draw_legend()) at (x, y). */
static void
write_legend (Svg    *svg,
              double  x0,
              double  y0)
{
  double width, height, x, kind_width = legend_kind_width (svg);

  rs_board_painter_measure_legend (svg->style, &width, &height);
  g_string_append (svg->out, "<g class=\"legend\" transform=\"translate(");
  _rs_svg_num (svg->out, x0);
  g_string_append_c (svg->out, ' ');
  _rs_svg_num (svg->out, y0);
  g_string_append (svg->out, ")\">\n");

  _rs_svg_rounded_rect (svg, 0.5, 0.5, width - 1, height - 1, 6);
  _rs_svg_attr_color (svg->out, "fill",
              rs_board_style_get_color (svg->style, RS_BOARD_COLOR_LEGEND_BACKGROUND), 1);
  _rs_svg_attr_color (svg->out, "stroke",
              rs_board_style_get_color (svg->style, RS_BOARD_COLOR_LEGEND_BORDER), 1);
  g_string_append (svg->out, " stroke-width=\"1\"/>\n");

  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    {
      RsBoardShape shape = rs_board_style_get_kind_shape (k);
      double cy = LEGEND_PAD + (k % LEGEND_KIND_ROWS + 0.5) * LEGEND_ROW;
      double sh = LEGEND_ROW - 3, sy = cy - sh / 2;
      double sx = LEGEND_PAD + (k / LEGEND_KIND_ROWS) * (LEGEND_SWATCH + LEGEND_GAP + kind_width +
                                                          LEGEND_COLUMN);
      const RsBoardColor *stroke = rs_board_style_get_kind_stroke (svg->style, k);

      g_string_append (svg->out, "<path");
      _rs_svg_attr_color (svg->out, "fill", rs_board_style_get_kind_fill (svg->style, k), 1);
      _rs_svg_attr_color (svg->out, "stroke", stroke, 1);
      _rs_svg_attr_num (svg->out, "stroke-width", 1.2);
      cairo_new_path (svg->scratch);
      rs_board_painter_shape_path (svg->scratch, shape, sx, sy, LEGEND_SWATCH, sh);
      _rs_svg_append_cairo_path (svg);
      g_string_append (svg->out, "/>\n");
      shape_details (svg, shape, sx, sy, LEGEND_SWATCH, sh, stroke, 1);
      legend_text (svg, rs_board_style_get_kind_label (k), sx + LEGEND_SWATCH + LEGEND_GAP, cy);
    }

  x = LEGEND_PAD + 2 * (LEGEND_SWATCH + LEGEND_GAP + kind_width + LEGEND_COLUMN);
  for (guint s = 0; s <= RS_RELATION_STATUS_REFUTED; s++)
    {
      double cy = LEGEND_PAD + (s + 0.5) * LEGEND_ROW;
      RsBoardStroke stroke;

      rs_board_style_get_status_stroke (svg->style, s, &stroke);
      g_string_append (svg->out, "<path fill=\"none\"");
      _rs_svg_attr_color (svg->out, "stroke", &stroke.color, 1);
      _rs_svg_attr_num (svg->out, "stroke-width", stroke.width);
      if (stroke.round_caps)
        g_string_append (svg->out, " stroke-linecap=\"round\"");
      if (stroke.n_dashes > 0)
        {
          g_string_append (svg->out, " stroke-dasharray=\"");
          for (guint i = 0; i < stroke.n_dashes; i++)
            {
              if (i > 0)
                g_string_append_c (svg->out, ' ');
              _rs_svg_num (svg->out, stroke.dashes[i]);
            }
          g_string_append_c (svg->out, '"');
        }
      g_string_append (svg->out, " d=\"M");
      _rs_svg_num (svg->out, x);
      g_string_append_c (svg->out, ' ');
      _rs_svg_num (svg->out, cy);
      g_string_append (svg->out, "H");
      _rs_svg_num (svg->out, x + LEGEND_SWATCH);
      g_string_append (svg->out, "\"/>\n");
      legend_text (svg, rs_relation_status_to_display (s), x + LEGEND_SWATCH + LEGEND_GAP, cy);
    }

  {
    double cy = LEGEND_PAD + (RS_RELATION_STATUS_REFUTED + 1.5) * LEGEND_ROW;

    _rs_svg_badge (svg, x + LEGEND_SWATCH / 2, cy, 2, 1);
    legend_text (svg, _("Documents"), x + LEGEND_SWATCH + LEGEND_GAP, cy);

    cy += LEGEND_ROW;
    g_string_append (svg->out, "<circle");
    _rs_svg_attr_num (svg->out, "cx", x + LEGEND_SWATCH / 2);
    _rs_svg_attr_num (svg->out, "cy", cy);
    _rs_svg_attr_num (svg->out, "r", 3.6);
    _rs_svg_attr_color (svg->out, "fill",
                        rs_board_style_get_kind_stroke (svg->style, RS_ENTITY_KIND_OTHER), 1);
    g_string_append (svg->out, "/><circle");
    _rs_svg_attr_num (svg->out, "cx", x + LEGEND_SWATCH / 2);
    _rs_svg_attr_num (svg->out, "cy", cy);
    _rs_svg_attr_num (svg->out, "r", 1.4);
    _rs_svg_attr_color (svg->out, "fill",
                        rs_board_style_get_kind_fill (svg->style, RS_ENTITY_KIND_OTHER), 1);
    g_string_append (svg->out, "/>\n");
    legend_text (svg, _("Pinned"), x + LEGEND_SWATCH + LEGEND_GAP, cy);
  }

  g_string_append (svg->out, "</g>\n");
}

/* The document ----------------------------------------------------------------------- */

static gboolean
skip (RsBoardItemFlags flags,
      gboolean         dimmed_pass)
{
  if (flags & RS_BOARD_ITEM_NOT_DRAWN)
    return TRUE;
  return ((flags & RS_BOARD_ITEM_DIMMED) != 0) != dimmed_pass;
}

gboolean
_rs_export_write_svg (RsCase                *kase,
                      const RsExportOptions *options,
                      GOutputStream         *out,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (options->dark);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GString) text = g_string_sized_new (64 * 1024);
  g_autoptr(RsExportFootnotes) footnotes = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  PangoContext *pango = NULL;
  gboolean written;
  cairo_surface_t *scratch_surface;
  RsExportFrame frame;
  double footnotes_height = 0;
  Svg svg;

  if (!(scene = rs_export_build_scene (kase, options, style, error)))
    return FALSE;

  pango = rs_board_style_create_context (style, NULL);
  if (options->footnotes)
    {
      footnotes = _rs_export_footnotes_new (kase, scene);
      _rs_export_frame_compute (scene, style, options, 0, &frame);
      blocks = _rs_export_footnotes_lay_out (footnotes, style, pango, 0, 0,
                                             MAX (frame.page.width - 2 * RS_EXPORT_MARGIN,
                                                  RS_EXPORT_FOOTNOTES_MIN_WIDTH),
                                             &footnotes_height);
    }
  _rs_export_frame_compute (scene, style, options, footnotes_height, &frame);

  scratch_surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  svg = (Svg) {
    .out = text,
    .kase = kase,
    .scene = scene,
    .style = style,
    .pango = pango,
    .scratch = cairo_create (scratch_surface),
    .footnotes = footnotes,
  };
  cairo_surface_destroy (scratch_surface);

  /* Board units are points: the picture has the board's size at 100 %. */
  g_string_append (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                         "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"");
  g_string_append (text, " width=\"");
  _rs_svg_num (text, frame.page.width);
  g_string_append (text, "pt\" height=\"");
  _rs_svg_num (text, frame.page.height);
  g_string_append (text, "pt\" viewBox=\"");
  _rs_svg_num (text, frame.page.x);
  g_string_append_c (text, ' ');
  _rs_svg_num (text, frame.page.y);
  g_string_append_c (text, ' ');
  _rs_svg_num (text, frame.page.width);
  g_string_append_c (text, ' ');
  _rs_svg_num (text, frame.page.height);
  g_string_append (text, "\">\n<title>");
  rs_export_append_xml_escaped (text, rs_case_get_title (kase));
  g_string_append (text, "</title>\n<defs>\n");
  glyph_defs (&svg);
  g_string_append (text, "</defs>\n");

  if (!options->transparent)
    {
      g_string_append (text, "<rect");
      _rs_svg_attr_num (text, "x", frame.page.x);
      _rs_svg_attr_num (text, "y", frame.page.y);
      _rs_svg_attr_num (text, "width", frame.page.width);
      _rs_svg_attr_num (text, "height", frame.page.height);
      _rs_svg_attr_color (text, "fill",
                          rs_board_style_get_color (style, RS_BOARD_COLOR_BACKGROUND), 1);
      g_string_append (text, "/>\n");
    }

  /* The painter's order: dimmed items under the rest; edges, then their labels, then
   * nodes. */
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean dimmed_pass = pass == 0;

      for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
        {
          const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

          if (!skip (edge->flags, dimmed_pass))
            write_edge (&svg, edge);
        }
      for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
        {
          const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

          if (skip (edge->flags, dimmed_pass))
            continue;
          if (!(edge->flags & RS_BOARD_ITEM_LABEL_HIDDEN))
            write_edge_label (&svg, edge, i);
          else if (footnotes != NULL && _rs_export_footnotes_get_number (footnotes, i) > 0)
            footnote_number (&svg, edge, (edge->flags & RS_BOARD_ITEM_DIMMED) ?
                                         RS_BOARD_DIMMED_ALPHA : 1.0,
                             _rs_export_footnotes_get_number (footnotes, i));
        }
      for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (scene, i);

          if (!skip (node->flags, dimmed_pass))
            write_node (&svg, node);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (svg.scratch);
          g_object_unref (pango);
          return FALSE;
        }
    }

  if (frame.has_legend)
    write_legend (&svg, frame.legend.x, frame.legend.y);

  if (blocks != NULL)
    {
      g_string_append (text, "<g class=\"footnotes\">\n");
      for (guint i = 0; i < blocks->len; i++)
        {
          RsExportFootnoteBlock *block = g_ptr_array_index (blocks, i);

          _rs_svg_append_layout (&svg, block->layout, RS_BOARD_FONT_LEGEND,
                         frame.footnotes.x + block->x, frame.footnotes.y + block->y,
                         rs_board_style_get_color (style, RS_BOARD_COLOR_TEXT), 1, NULL);
        }
      g_string_append (text, "</g>\n");
    }

  g_string_append (text, "</svg>\n");
  cairo_destroy (svg.scratch);
  /* The footnotes' layouts hold the context: gone first. */
  g_clear_pointer (&blocks, g_ptr_array_unref);
  g_object_unref (pango);

  written = g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);
  return written;
}
