/* rs-word-measure.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Node labels measured a word at a time (issue 18): a 20,000-entity board has some
 * 20,000 different labels but far fewer different words, and shaping every label
 * whole was most of the time it took to open. For a label of plain ASCII words
 * (letters and digits, single spaces) that wraps onto at most the lines allowed, the
 * size is the sum of its words' widths, broken where Pango's word wrap breaks; any
 * other label is left to Pango. The caller checks once, on labels of its own, that
 * the sums are exactly what Pango lays out with this font (a font that kerns across
 * spaces would not be), and measures with Pango otherwise.
 *
 * Not thread-safe: one per thread, with that thread's PangoContext. */
typedef struct _RsWordMeasure RsWordMeasure;

RsWordMeasure *rs_word_measure_new   (PangoContext               *context,
                                      const PangoFontDescription *font);
void           rs_word_measure_free  (RsWordMeasure              *self);
/* TRUE with the logical size a centred PangoLayout of TEXT would have (width the
 * widest line's, height all lines'), wrapped at MAX_WIDTH pixels (PANGO_WRAP_WORD_CHAR)
 * onto at most MAX_LINES lines; FALSE when TEXT is not one this can measure. */
gboolean       rs_word_measure_text  (RsWordMeasure              *self,
                                      const char                 *text,
                                      double                      max_width,
                                      int                         max_lines,
                                      double                     *width,
                                      double                     *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsWordMeasure, rs_word_measure_free)

G_END_DECLS
