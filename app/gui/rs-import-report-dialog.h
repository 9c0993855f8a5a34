/* rs-import-report-dialog.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-case-store.h"
#include "rs-report.h"

G_BEGIN_DECLS

#define RS_TYPE_IMPORT_REPORT_DIALOG (rs_import_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsImportReportDialog, rs_import_report_dialog, RS, IMPORT_REPORT_DIALOG,
                      AdwWindow)

RsImportReportDialog *rs_import_report_dialog_new          (GtkWindow            *parent,
                                                            RsCaseStore          *store,
                                                            RsReport             *report,
                                                            const char           *source_name);
gint64                rs_import_report_dialog_get_existing (RsImportReportDialog *self);
gboolean              rs_import_report_dialog_import       (RsImportReportDialog *self);

G_END_DECLS
