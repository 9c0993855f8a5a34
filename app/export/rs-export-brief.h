/* rs-export-brief.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "rs-export.h"

G_BEGIN_DECLS

/* A case brief for readers without Redstring: the case, the board, the entities and
 * relations with their quotes and sources, the timeline, the notes and the filter that
 * was active. HTML is one self-contained file in which nothing executes; PDF is the
 * same content on pages (options->paper, options->landscape). */
gboolean      rs_export_brief_write           (RsCase                 *kase,
                                               const RsExportOptions  *options,
                                               GOutputStream          *out,
                                               GCancellable           *cancellable,
                                               GError                **error);

/* The filter in words ("Whole case", or one sentence per criterion): both formats. */
GPtrArray    *rs_export_brief_describe_filter (RsCase                 *kase,
                                               const RsExportOptions  *options);

/* The brief laid out on pages of page_width × page_height points, for the PDF export and
 * for printing (GtkPrintOperation: paginate in ::begin-print with the page setup's
 * printable size, n_pages to gtk_print_operation_set_n_pages, draw_page in ::draw-page
 * on the print context's cairo_t). Drawing uses the cairo_t's current transformation,
 * one unit a point, with the page's top-left at the origin. */
typedef struct _RsBriefPages RsBriefPages;

RsBriefPages *rs_export_brief_paginate        (RsCase                 *kase,
                                               const RsExportOptions  *options,
                                               double                  page_width,
                                               double                  page_height,
                                               GError                **error);
guint         rs_brief_pages_get_n_pages      (RsBriefPages           *pages);
void          rs_brief_pages_draw_page        (RsBriefPages           *pages,
                                               cairo_t                *cr,
                                               guint                   page);
void          rs_brief_pages_free             (RsBriefPages           *pages);

/* The paper's size in points, portrait, and the PDF brief written page by page. */
void          rs_export_brief_get_paper_size  (RsExportPaper           paper,
                                               gboolean                landscape,
                                               double                 *width,
                                               double                 *height);
gboolean      rs_export_brief_write_pdf       (RsCase                 *kase,
                                               const RsExportOptions  *options,
                                               GOutputStream          *out,
                                               GCancellable           *cancellable,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsBriefPages, rs_brief_pages_free)

G_END_DECLS
