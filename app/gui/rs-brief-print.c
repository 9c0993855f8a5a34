/* rs-brief-print.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-brief-print"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-brief-print.h"
#include "rs-export-brief.h"

/* The brief paginates once the page is known (::begin-print gives the printable area of
 * the paper chosen in the dialog), then each page is drawn by the code that writes the
 * PDF brief, so a printed brief and an exported one are the same pages. */

typedef struct
{
  RsCase          *kase;     /* borrowed for the run */
  RsExportOptions  options;
  RsBriefPages    *pages;
  GError          *error;
} BriefJob;

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   BriefJob          *job)
{
  g_clear_pointer (&job->pages, rs_brief_pages_free);
  g_clear_error (&job->error);
  job->pages = rs_export_brief_paginate (job->kase, &job->options,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context), &job->error);
  if (job->pages == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, MAX (1, rs_brief_pages_get_n_pages (job->pages)));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 BriefJob          *job)
{
  if (job->pages == NULL || page_nr < 0 || (guint)page_nr >= rs_brief_pages_get_n_pages (job->pages))
    return;
  rs_brief_pages_draw_page (job->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

GtkPrintOperationResult
rs_brief_print_run (GtkWindow               *parent,
                    RsCase                  *kase,
                    RsBoardFilter           *filter,
                    GtkPrintSettings       **settings,
                    GtkPageSetup           **page_setup,
                    GtkPrintOperationAction  action,
                    const char              *export_filename,
                    GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  BriefJob job = { 0 };

  g_return_val_if_fail (RS_IS_CASE (kase), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  job.kase = kase;
  rs_export_options_init (&job.options, RS_EXPORT_FORMAT_PDF);
  job.options.content = RS_EXPORT_CONTENT_BRIEF;
  if (filter != NULL)
    job.options.filter = g_object_ref (filter);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, rs_case_get_title (kase));
  if (settings != NULL && *settings != NULL)
    gtk_print_operation_set_print_settings (operation, *settings);
  if (page_setup != NULL && *page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, *page_setup);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), &job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), &job);

  /* Synchronous (no allow-async): job lives on this stack until the pages are drawn. */
  result = gtk_print_operation_run (operation, action, parent, error);
  if (job.error != NULL)
    {
      if (error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&job.error));
      result = GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && settings != NULL)
    g_set_object (settings, gtk_print_operation_get_print_settings (operation));

  g_clear_error (&job.error);
  g_clear_pointer (&job.pages, rs_brief_pages_free);
  rs_export_options_clear (&job.options);
  return result;
}
