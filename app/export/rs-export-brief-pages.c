/* rs-export-brief-pages.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-brief"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-export-brief-private.h"

void
rs_export_brief_get_paper_size (RsExportPaper  paper,
                                gboolean       landscape,
                                double        *width,
                                double        *height)
{
  double w, h;

  switch (paper)
    {
    case RS_EXPORT_PAPER_A3:     w = 841.89; h = 1190.55; break;
    case RS_EXPORT_PAPER_LETTER: w = 612;    h = 792;     break;
    case RS_EXPORT_PAPER_LEGAL:  w = 612;    h = 1008;    break;
    case RS_EXPORT_PAPER_A4:
    default:                     w = 595.28; h = 841.89;  break;
    }
  *width = landscape ? h : w;
  *height = landscape ? w : h;
}

gboolean
rs_export_brief_write_pdf (RsCase                 *kase,
                           const RsExportOptions  *options,
                           GOutputStream          *out,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("The PDF brief is not written yet"));
  return FALSE;
}
