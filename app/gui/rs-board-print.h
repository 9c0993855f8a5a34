/* rs-board-print.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-export.h"

G_BEGIN_DECLS

/* Printing the board: the scene an export would draw (what @filter shows, or only a
 * non-empty @selection), in the light style, fitted to one page of @page_setup (NULL:
 * the default page). @settings and @page_setup are in/out: a window passes its own so
 * the next print starts from the last choice. @export_filename with
 * GTK_PRINT_OPERATION_ACTION_EXPORT writes a PDF without a dialog (tests). */
GtkPrintOperationResult rs_board_print_run (GtkWindow               *parent,
                                            RsCase                  *kase,
                                            RsBoardFilter           *filter,
                                            RsSelection             *selection,
                                            GtkPrintSettings       **settings,
                                            GtkPageSetup           **page_setup,
                                            GtkPrintOperationAction  action,
                                            const char              *export_filename,
                                            GError                 **error);

G_END_DECLS
