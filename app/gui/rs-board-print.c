/* rs-board-print.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-print"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-board-painter.h"
#include "rs-board-print.h"
#include "rs-export-dialog.h"

/* One page, the whole figure scaled to fit it (never enlarged past 1:1, so a small board
 * prints at its real size): the painter draws the export's scene in vector form, with
 * the legend in the top corner as on screen. Paper is white, so the light style always. */

#define LEGEND_GAP 18.0

typedef struct
{
  RsBoardScene *scene;
  RsBoardStyle *style;
  RsBoardRect   bounds;
  gboolean      legend;
} PrintJob;

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double legend_width = 0, legend_height = 0;
  double width = job->bounds.width;
  double height = job->bounds.height;
  double scale;
  RsBoardPaintParams params = { 0 };

  if (job->legend)
    {
      rs_board_painter_measure_legend (job->style, &legend_width, &legend_height);
      width += legend_width + LEGEND_GAP;
      height = MAX (height, legend_height);
    }
  /* The operation works in points, as the board does. */
  scale = MIN (page_width / MAX (width, 1.0), page_height / MAX (height, 1.0));
  scale = MIN (scale, 1.0);

  cairo_save (cr);
  cairo_translate (cr, (page_width - width * scale) / 2, (page_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (job->legend)
    {
      cairo_save (cr);
      cairo_translate (cr, width - legend_width, 0);
      rs_board_painter_draw_legend (cr, job->style);
      cairo_restore (cr);
    }
  cairo_translate (cr, -job->bounds.x, -job->bounds.y);
  params.scale = scale;
  params.clip = job->bounds;
  params.lod = RS_BOARD_LOD_FULL;
  params.flags = RS_BOARD_PAINT_FLOATING;
  rs_board_painter_draw (cr, job->scene, job->style, &params);
  cairo_restore (cr);
}

GtkPrintOperationResult
rs_board_print_run (GtkWindow               *parent,
                    RsCase                  *kase,
                    RsBoardFilter           *filter,
                    RsSelection             *selection,
                    GtkPrintSettings       **settings,
                    GtkPageSetup           **page_setup,
                    GtkPrintOperationAction  action,
                    const char              *export_filename,
                    GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  RsExportOptions options;
  GtkPrintOperationResult result;
  PrintJob job = { 0 };

  g_return_val_if_fail (RS_IS_CASE (kase), GTK_PRINT_OPERATION_RESULT_ERROR);

  rs_export_options_init (&options, RS_EXPORT_FORMAT_PDF);
  options.content = RS_EXPORT_CONTENT_BOARD;
  if (selection != NULL && rs_selection_get_n_items (selection) > 0)
    options.selection = g_object_ref (selection);
  else if (filter != NULL)
    options.filter = g_object_ref (filter);
  scene = rs_export_build_scene (kase, &options, style, error);
  job.legend = options.legend;
  rs_export_options_clear (&options);
  if (scene == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  if (!rs_board_scene_get_bounds (scene, &job.bounds))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is nothing on the board to print"));
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  job.scene = scene;
  job.style = style;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, rs_case_get_title (kase));
  if (settings != NULL && *settings != NULL)
    gtk_print_operation_set_print_settings (operation, *settings);
  if (page_setup != NULL && *page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, *page_setup);
  else
    {
      /* A board is usually wider than tall. */
      g_autoptr(GtkPageSetup) landscape = gtk_page_setup_new ();

      gtk_page_setup_set_orientation (landscape, GTK_PAGE_ORIENTATION_LANDSCAPE);
      gtk_print_operation_set_default_page_setup (operation, landscape);
    }
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), &job);

  /* Synchronous (no allow-async): job lives on this stack until the pages are drawn. */
  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *chosen = gtk_print_operation_get_print_settings (operation);

      if (settings != NULL)
        g_set_object (settings, chosen);
      if (page_setup != NULL)
        {
          /* The dialog's Page Setup tab writes its paper and orientation into the
           * settings: they are the page the next print starts from. */
          g_autoptr(GtkPageSetup) page = gtk_page_setup_copy (gtk_print_operation_get_default_page_setup (operation));
          GtkPaperSize *paper = chosen != NULL ? gtk_print_settings_get_paper_size (chosen) : NULL;

          if (paper != NULL)
            {
              gtk_page_setup_set_paper_size (page, paper);
              gtk_paper_size_free (paper);
            }
          if (chosen != NULL && gtk_print_settings_has_key (chosen, GTK_PRINT_SETTINGS_ORIENTATION))
            gtk_page_setup_set_orientation (page, gtk_print_settings_get_orientation (chosen));
          g_set_object (page_setup, page);
        }
    }
  return result;
}
