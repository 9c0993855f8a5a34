/* rs-export-footnotes.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "rs-export-private.h"

G_BEGIN_DECLS

/* Footnoted figures: each drawn relation gets a number (1, 2, … by relation id, so the
 * same case numbers the same way every time), drawn beside its label, and the list under
 * the figure gives each number's relation and the quotes backing it with their document
 * (title, publisher, date, URL). Shared by the SVG, PNG and PDF writers. */

typedef struct _RsExportFootnotes RsExportFootnotes;

/* One paragraph of the list, laid out: drawn at (x, y) as pango_cairo_show_layout()
 * would (the SVG writer turns it into text lines). */
typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
} RsExportFootnoteBlock;

#define RS_EXPORT_FOOTNOTES_MIN_WIDTH 360.0

RsExportFootnotes *_rs_export_footnotes_new        (RsCase            *kase,
                                                    RsBoardScene      *scene);
void               _rs_export_footnotes_free       (RsExportFootnotes *self);
guint              _rs_export_footnotes_get_number (RsExportFootnotes *self,
                                                    guint              edge_index);
guint              _rs_export_footnotes_get_n_paragraphs (RsExportFootnotes *self);
const char        *_rs_export_footnotes_get_paragraph (RsExportFootnotes *self,
                                                    guint              index,
                                                    gboolean          *indented);
/* Lays the list out @width wide, top-left at (@x, @y); @height gets its height. */
GPtrArray         *_rs_export_footnotes_lay_out    (RsExportFootnotes *self,
                                                    RsBoardStyle      *style,
                                                    PangoContext      *context,
                                                    double             x,
                                                    double             y,
                                                    double             width,
                                                    double            *height);
/* The number's text ("1") and where it goes: just after the edge's label (or badge). */
void               _rs_export_footnotes_number_position (const RsBoardEdge *edge,
                                                    double            *x,
                                                    double            *cy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsExportFootnotes, _rs_export_footnotes_free)

G_END_DECLS
