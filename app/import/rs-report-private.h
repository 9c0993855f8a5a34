/* rs-report-private.h: shared by the readers of app/import
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-report.h"

G_BEGIN_DECLS

/* Worker-side progress: the readers call it with their own fraction (0 to 1);
 * NULL is allowed and does nothing. */
typedef struct _RsReportProgress RsReportProgress;
void      _rs_report_progress_set      (RsReportProgress  *progress,
                                        double             fraction);

/* Construction, for the readers only: the report is immutable once returned. */
RsReport *_rs_report_new               (RsReportFormat     format,
                                        char              *text,
                                        const char        *encoding,
                                        guint              n_replaced);
void      _rs_report_take_metadata     (RsReport          *self,
                                        char              *title,
                                        char              *author,
                                        char              *publisher,
                                        char              *published,
                                        char              *url);

/* Decoding (rs-report-decode.c). */
gboolean  _rs_report_is_binary         (const guint8      *data,
                                        gsize              size);
char     *_rs_report_decode            (const guint8      *data,
                                        gsize              size,
                                        const char       **encoding,
                                        guint             *n_replaced,
                                        GCancellable      *cancellable,
                                        RsReportProgress  *progress,
                                        GError           **error);
char     *_rs_report_normalize         (const char        *text,
                                        gsize              length);
char     *_rs_report_tidy_line         (const char        *text);
gboolean  _rs_report_is_blank          (const char        *text);
char     *_rs_report_iso_date          (const char        *value);

/* The formats (one file each). Each returns a report or NULL and an error naming
 * @display_name. */
RsReport *_rs_report_read_text         (GBytes            *data,
                                        const char        *display_name,
                                        gboolean           markdown,
                                        GCancellable      *cancellable,
                                        RsReportProgress  *progress,
                                        GError           **error);
RsReport *_rs_report_read_html         (GBytes            *data,
                                        const char        *display_name,
                                        GCancellable      *cancellable,
                                        RsReportProgress  *progress,
                                        GError           **error);
RsReport *_rs_report_read_pdf          (GBytes            *data,
                                        const char        *display_name,
                                        GCancellable      *cancellable,
                                        RsReportProgress  *progress,
                                        GError           **error);

G_END_DECLS
