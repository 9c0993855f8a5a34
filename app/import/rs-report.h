/* rs-report.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a report file was read as. */
typedef enum
{
  RS_REPORT_FORMAT_TEXT,
  RS_REPORT_FORMAT_MARKDOWN,
  RS_REPORT_FORMAT_HTML,
  RS_REPORT_FORMAT_PDF,
} RsReportFormat;

/* Reports larger than this are refused (RS_ERROR_INVALID_INPUT) before being read. */
#define RS_REPORT_MAX_SIZE (256 * 1024 * 1024)

/* Called on the thread-default main context of the caller of an _async function,
 * with the fraction done (0 to 1, never decreasing), never after the callback. */
typedef void (*RsReportProgressFunc) (double   fraction,
                                      gpointer user_data);

#define RS_TYPE_REPORT (rs_report_get_type ())
G_DECLARE_FINAL_TYPE (RsReport, rs_report, RS, REPORT, GObject)

RsReportFormat  rs_report_get_format          (RsReport             *self);
const char     *rs_report_get_text            (RsReport             *self);
const char     *rs_report_get_encoding        (RsReport             *self);
guint           rs_report_get_n_replaced      (RsReport             *self);
const char     *rs_report_get_title           (RsReport             *self);
const char     *rs_report_get_author          (RsReport             *self);
const char     *rs_report_get_publisher       (RsReport             *self);
const char     *rs_report_get_published       (RsReport             *self);
const char     *rs_report_get_url             (RsReport             *self);

RsReport       *rs_report_read_bytes          (GBytes               *data,
                                               const char           *filename_hint,
                                               GCancellable         *cancellable,
                                               GError              **error);
RsReport       *rs_report_read_file           (GFile                *file,
                                               GCancellable         *cancellable,
                                               GError              **error);
void            rs_report_read_file_async     (GFile                *file,
                                               RsReportProgressFunc  progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_destroy,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RsReport       *rs_report_read_file_finish    (GAsyncResult         *result,
                                               GError              **error);
void            rs_report_read_bytes_async    (GBytes               *data,
                                               const char           *filename_hint,
                                               RsReportProgressFunc  progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_destroy,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RsReport       *rs_report_read_bytes_finish   (GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
