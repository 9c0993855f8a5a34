/* rs-export-svg-text.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-export-svg-private.h"

/* The SVG writer's vocabulary: numbers in the C locale, colours, path data from cairo
 * paths and Bézier points, and Pango layouts as <text> lines at the painter's positions. */

/* Numbers and attributes -------------------------------------------------------------- */

void
_rs_svg_num (GString *out,
             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  if (!isfinite (value))
    value = 0;
  if (fabs (value) < 0.0005)
    value = 0;
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    len--;
  if (len > 0 && buffer[len - 1] == '.')
    len--;
  g_string_append_len (out, buffer, len);
}

void
_rs_svg_attr_num (GString    *out,
                  const char *name,
                  double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  _rs_svg_num (out, value);
  g_string_append_c (out, '"');
}

void
_rs_svg_attr_color (GString            *out,
                    const char         *name,
                    const RsBoardColor *color,
                    double              alpha)
{
  double a = CLAMP (color->alpha * alpha, 0, 1);

  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name,
                          (int)round (CLAMP (color->red, 0, 1) * 255),
                          (int)round (CLAMP (color->green, 0, 1) * 255),
                          (int)round (CLAMP (color->blue, 0, 1) * 255));
  if (a < 1)
    {
      g_string_append_printf (out, " %s-opacity", name);
      g_string_append (out, "=\"");
      _rs_svg_num (out, a);
      g_string_append_c (out, '"');
    }
}

/* Paths -------------------------------------------------------------------------------- */

/* The path on the scratch context as SVG path data, then cleared. */
void
_rs_svg_append_cairo_path (Svg *svg)
{
  cairo_path_t *path = cairo_copy_path (svg->scratch);

  g_string_append (svg->out, " d=\"");
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *d = &path->data[i];

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          g_string_append_c (svg->out, 'M');
          _rs_svg_num (svg->out, d[1].point.x);
          g_string_append_c (svg->out, ' ');
          _rs_svg_num (svg->out, d[1].point.y);
          break;
        case CAIRO_PATH_LINE_TO:
          g_string_append_c (svg->out, 'L');
          _rs_svg_num (svg->out, d[1].point.x);
          g_string_append_c (svg->out, ' ');
          _rs_svg_num (svg->out, d[1].point.y);
          break;
        case CAIRO_PATH_CURVE_TO:
          g_string_append_c (svg->out, 'C');
          for (int k = 1; k <= 3; k++)
            {
              if (k > 1)
                g_string_append_c (svg->out, ' ');
              _rs_svg_num (svg->out, d[k].point.x);
              g_string_append_c (svg->out, ' ');
              _rs_svg_num (svg->out, d[k].point.y);
            }
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          g_string_append_c (svg->out, 'Z');
          break;
        }
    }
  g_string_append_c (svg->out, '"');
  cairo_path_destroy (path);
  cairo_new_path (svg->scratch);
}

void
_rs_svg_append_points_path (GString      *out,
                            const double *points,
                            guint         n_points)
{
  g_string_append (out, " d=\"M");
  _rs_svg_num (out, points[0]);
  g_string_append_c (out, ' ');
  _rs_svg_num (out, points[1]);
  for (guint k = 1; k + 2 < n_points; k += 3)
    {
      g_string_append_c (out, 'C');
      for (guint j = 0; j < 3; j++)
        {
          if (j > 0)
            g_string_append_c (out, ' ');
          _rs_svg_num (out, points[2 * (k + j)]);
          g_string_append_c (out, ' ');
          _rs_svg_num (out, points[2 * (k + j) + 1]);
        }
    }
  g_string_append_c (out, '"');
}

/* Text --------------------------------------------------------------------------------- */

void
_rs_svg_font_attrs (Svg         *svg,
                    RsBoardFont  font)
{
  const PangoFontDescription *desc = rs_board_style_get_font (svg->style, font);
  const char *family = pango_font_description_get_family (desc);

  /* Pango's list ("Cantarell, Sans") with CSS's generic name last, for browsers, which do
   * not know fontconfig's "Sans". */
  g_string_append (svg->out, " font-family=\"");
  rs_export_append_xml_escaped (svg->out, family != NULL ? family : "Sans");
  g_string_append (svg->out, ",sans-serif\"");
  _rs_svg_attr_num (svg->out, "font-size",
                    pango_font_description_get_size (desc) / (double)PANGO_SCALE);
  if (pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD)
    g_string_append (svg->out, " font-weight=\"bold\"");
}

double
_rs_svg_text_width (Svg         *svg,
                    RsBoardFont  font,
                    const char  *text)
{
  g_autoptr(PangoLayout) layout = rs_board_style_create_layout (svg->style, svg->pango, font,
                                                                text, -1, 1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double)PANGO_SCALE;
}

/* What Pango shows of the line that it ellipsized: the longest prefix that fits with
 * "…" in the layout's width. */
char *
_rs_svg_dup_ellipsized (Svg         *svg,
                        RsBoardFont  font,
                        const char  *text,
                        double       max_width)
{
  glong n = g_utf8_strlen (text, -1), lo = 0, hi = n;

  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *prefix = g_utf8_substring (text, 0, mid);
      g_autofree char *candidate = g_strconcat (g_strchomp (prefix), "…", NULL);

      if (_rs_svg_text_width (svg, font, candidate) <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }

  {
    g_autofree char *prefix = g_utf8_substring (text, 0, lo);

    return g_strconcat (g_strchomp (prefix), "…", NULL);
  }
}

/* A layout's lines as a <text> of <tspan>s at the painter's positions: @ox, @oy is where
 * the painter moves to before pango_cairo_show_layout(). */
void
_rs_svg_append_layout (Svg                *svg,
                       PangoLayout        *layout,
                       RsBoardFont         font,
                       double              ox,
                       double              oy,
                       const RsBoardColor *color,
                       double              alpha,
                       const char         *extra)
{
  const char *text = pango_layout_get_text (layout);
  gboolean ellipsized = pango_layout_is_ellipsized (layout);
  int width = pango_layout_get_width (layout);
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);

  g_string_append (svg->out, "<text");
  _rs_svg_font_attrs (svg, font);
  _rs_svg_attr_color (svg->out, "fill", color, alpha);
  if (extra != NULL)
    g_string_append (svg->out, extra);
  g_string_append (svg->out, ">");

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE;
      g_autofree char *slice = g_strndup (text + line->start_index, line->length);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (ellipsized && pango_layout_iter_at_last_line (iter) &&
          (gsize)(line->start_index + line->length) <= strlen (text))
        {
          g_autofree char *rest = g_strdup (text + line->start_index);
          g_autofree char *shown = NULL;

          if (_rs_svg_text_width (svg, font, rest) > width / (double)PANGO_SCALE + 0.01)
            {
              shown = _rs_svg_dup_ellipsized (svg, font, rest, width / (double)PANGO_SCALE);
              g_free (slice);
              slice = g_steal_pointer (&shown);
            }
        }

      g_strchomp (slice);
      if (slice[0] == '\0')
        continue;
      g_string_append (svg->out, "<tspan");
      /* A right-to-left line (Pango's base direction from its first strong letter, as
       * auto-dir sets it) starts at its right end, so the SVG reader orders the mixed
       * runs as Pango did. */
      if (line->resolved_dir == PANGO_DIRECTION_RTL)
        {
          g_string_append (svg->out, " direction=\"rtl\" unicode-bidi=\"embed\"");
          _rs_svg_attr_num (svg->out, "x", ox + (logical.x + logical.width) / (double)PANGO_SCALE);
        }
      else
        _rs_svg_attr_num (svg->out, "x", ox + logical.x / (double)PANGO_SCALE);
      _rs_svg_attr_num (svg->out, "y", oy + baseline);
      g_string_append (svg->out, ">");
      rs_export_append_xml_escaped (svg->out, slice);
      g_string_append (svg->out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));

  g_string_append (svg->out, "</text>\n");
}

PangoLayout *
_rs_svg_make_layout (Svg         *svg,
                     RsBoardFont  font,
                     const char  *text,
                     double       max_width,
                     double      *tw,
                     double      *th)
{
  PangoLayout *layout = rs_board_style_create_layout (svg->style, svg->pango, font, text,
                                                      max_width, 2);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *th = logical.height / (double)PANGO_SCALE;
  *tw = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoRectangle line;

      pango_layout_line_get_extents (l->data, NULL, &line);
      *tw = MAX (*tw, line.width / (double)PANGO_SCALE);
    }
  return layout;
}

void
_rs_svg_title (Svg        *svg,
               const char *text)
{
  g_string_append (svg->out, "<title>");
  rs_export_append_xml_escaped (svg->out, text);
  g_string_append (svg->out, "</title>");
}

/* Pieces -------------------------------------------------------------------------------- */

void
_rs_svg_rounded_rect (Svg    *svg,
                      double  x,
                      double  y,
                      double  w,
                      double  h,
                      double  r)
{
  g_string_append (svg->out, "<rect");
  _rs_svg_attr_num (svg->out, "x", x);
  _rs_svg_attr_num (svg->out, "y", y);
  _rs_svg_attr_num (svg->out, "width", w);
  _rs_svg_attr_num (svg->out, "height", h);
  r = MIN (r, MIN (w, h) / 2);
  if (r > 0)
    {
      _rs_svg_attr_num (svg->out, "rx", r);
      _rs_svg_attr_num (svg->out, "ry", r);
    }
}

void
_rs_svg_badge (Svg    *svg,
               double  cx,
               double  cy,
               guint   count,
               double  alpha)
{
  g_autofree char *text = count > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th, r = RS_BOARD_BADGE_RADIUS, w;

  layout = _rs_svg_make_layout (svg, RS_BOARD_FONT_BADGE, text, -1, &tw, &th);
  w = MAX (0, tw + 4 - 2 * r);
  _rs_svg_rounded_rect (svg, cx - r - w / 2, cy - r, 2 * r + w, 2 * r, r);
  _rs_svg_attr_color (svg->out, "fill",
              rs_board_style_get_color (svg->style, count == 0 ? RS_BOARD_COLOR_WARNING :
                                                                 RS_BOARD_COLOR_BADGE), alpha);
  g_string_append (svg->out, "/>\n");
  _rs_svg_append_layout (svg, layout, RS_BOARD_FONT_BADGE, cx - tw / 2, cy - th / 2,
                 rs_board_style_get_color (svg->style, RS_BOARD_COLOR_BADGE_TEXT), alpha, NULL);
}
