/* rs-export-svg-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rs-export-footnotes.h"
#include "rs-export-private.h"

G_BEGIN_DECLS

/* Shared by rs-export-svg.c (the document, nodes, edges, legend) and
 * rs-export-svg-text.c (numbers, attributes, paths and text lines). */

typedef struct
{
  GString      *out;
  RsCase       *kase;
  RsBoardScene *scene;
  RsBoardStyle *style;
  PangoContext *pango;
  cairo_t      *scratch;       /* builds paths for cairo_copy_path */
  RsExportFootnotes *footnotes;
} Svg;

void          _rs_svg_num                 (GString *out,
                                           double   value);
void          _rs_svg_attr_num            (GString    *out,
                                           const char *name,
                                           double      value);
void          _rs_svg_attr_color          (GString            *out,
                                           const char         *name,
                                           const RsBoardColor *color,
                                           double              alpha);
void          _rs_svg_append_cairo_path   (Svg *svg);
void          _rs_svg_append_points_path  (GString      *out,
                                           const double *points,
                                           guint         n_points);
void          _rs_svg_font_attrs          (Svg         *svg,
                                           RsBoardFont  font);
double        _rs_svg_text_width          (Svg         *svg,
                                           RsBoardFont  font,
                                           const char  *text);
char *        _rs_svg_dup_ellipsized      (Svg         *svg,
                                           RsBoardFont  font,
                                           const char  *text,
                                           double       max_width);
void          _rs_svg_append_layout       (Svg                *svg,
                                           PangoLayout        *layout,
                                           RsBoardFont         font,
                                           double              ox,
                                           double              oy,
                                           const RsBoardColor *color,
                                           double              alpha,
                                           const char         *extra);
PangoLayout * _rs_svg_make_layout         (Svg         *svg,
                                           RsBoardFont  font,
                                           const char  *text,
                                           double       max_width,
                                           double      *tw,
                                           double      *th);
void          _rs_svg_title               (Svg        *svg,
                                           const char *text);
void          _rs_svg_rounded_rect        (Svg    *svg,
                                           double  x,
                                           double  y,
                                           double  w,
                                           double  h,
                                           double  r);
void          _rs_svg_badge               (Svg    *svg,
                                           double  cx,
                                           double  cy,
                                           guint   count,
                                           double  alpha);

G_END_DECLS
