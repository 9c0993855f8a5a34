/* rs-brief-print.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-export.h"

G_BEGIN_DECLS

/* Printing the case brief: the same pages as the PDF brief (rs_export_brief_paginate),
 * laid out for the printable area of the page the user chooses, the board figure
 * showing what @filter shows. @settings and @page_setup are in/out as for
 * rs_board_print_run(); @export_filename with GTK_PRINT_OPERATION_ACTION_EXPORT writes a
 * PDF without a dialog (tests). */
GtkPrintOperationResult rs_brief_print_run (GtkWindow               *parent,
                                            RsCase                  *kase,
                                            RsBoardFilter           *filter,
                                            GtkPrintSettings       **settings,
                                            GtkPageSetup           **page_setup,
                                            GtkPrintOperationAction  action,
                                            const char              *export_filename,
                                            GError                 **error);

G_END_DECLS
