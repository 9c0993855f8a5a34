/* rs-export-cairo.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-board-painter.h"
#include "rs-error.h"
#include "rs-export-footnotes.h"
#include "rs-export-private.h"

/* The board as PNG and PDF, drawn by the GTK-free painter that draws the board itself,
 * with every detail (labels at any scale), the legend beside or under the figure and the
 * footnotes under both. */

/* Cairo's image surfaces stop at 32,767 pixels a side; a picture past ~400 megapixels is
 * also more memory than an export should take. */
#define MAX_PNG_SIDE   32767
#define MAX_PNG_PIXELS (400.0 * 1000 * 1000)
/* Room around the figure on paper (half an inch). */
#define PAPER_MARGIN   36.0

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} StreamWriter;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  StreamWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->out, data, length, NULL, writer->cancellable,
                                  &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
stream_status (StreamWriter    *writer,
               cairo_status_t   status,
               GError         **error)
{
  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("Could not draw the picture: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  RsBoardStyle      *style;
  RsBoardScene      *scene;
  RsExportFootnotes *footnotes;
  GPtrArray         *blocks;
  PangoContext      *pango;
  RsExportFrame      frame;
} Figure;

static void
figure_clear (Figure *figure)
{
  g_clear_pointer (&figure->blocks, g_ptr_array_unref);
  g_clear_pointer (&figure->footnotes, _rs_export_footnotes_free);
  g_clear_object (&figure->pango);
  g_clear_pointer (&figure->scene, rs_board_scene_unref);
  g_clear_pointer (&figure->style, rs_board_style_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Figure, figure_clear)

static gboolean
figure_init (Figure                *figure,
             RsCase                *kase,
             const RsExportOptions *options,
             GError               **error)
{
  double footnotes_height = 0;

  figure->style = rs_board_style_new (options->dark);
  if (!(figure->scene = rs_export_build_scene (kase, options, figure->style, error)))
    return FALSE;

  figure->pango = rs_board_style_create_context (figure->style, NULL);
  if (options->footnotes)
    {
      figure->footnotes = _rs_export_footnotes_new (kase, figure->scene);
      _rs_export_frame_compute (figure->scene, figure->style, options, 0, &figure->frame);
      figure->blocks = _rs_export_footnotes_lay_out (figure->footnotes, figure->style,
                                                     figure->pango, 0, 0,
                                                     MAX (figure->frame.page.width -
                                                          2 * RS_EXPORT_MARGIN,
                                                          RS_EXPORT_FOOTNOTES_MIN_WIDTH),
                                                     &footnotes_height);
    }
  _rs_export_frame_compute (figure->scene, figure->style, options, footnotes_height,
                            &figure->frame);
  return TRUE;
}

static void
draw_footnote_numbers (cairo_t *cr,
                       Figure  *figure)
{
  for (guint i = 0; i < rs_board_scene_get_n_edges (figure->scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (figure->scene, i);
      guint number = _rs_export_footnotes_get_number (figure->footnotes, i);
      double alpha = (edge->flags & RS_BOARD_ITEM_DIMMED) ? RS_BOARD_DIMMED_ALPHA : 1.0;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      double x, cy, tw, th, r;

      if (number == 0)
        continue;

      text = g_strdup_printf ("%u", number);
      layout = pango_layout_new (figure->pango);
      pango_layout_set_font_description (layout, rs_board_style_get_font (figure->style,
                                                                          RS_BOARD_FONT_BADGE));
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      tw = logical.width / (double)PANGO_SCALE;
      th = logical.height / (double)PANGO_SCALE;
      _rs_export_footnotes_number_position (edge, &x, &cy);

      r = MIN (2, MIN (tw + 4, th + 2) / 2);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + tw + 4 - r, cy - th / 2 - 1 + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x + tw + 4 - r, cy + th / 2 + 1 - r, r, 0, G_PI / 2);
      cairo_arc (cr, x + r, cy + th / 2 + 1 - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + r, cy - th / 2 - 1 + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      rs_board_color_set_source (cr, rs_board_style_get_color (
                                   figure->style, RS_BOARD_COLOR_EDGE_LABEL_BACKGROUND), alpha);
      cairo_fill_preserve (cr);
      rs_board_color_set_source (cr, rs_board_style_get_color (figure->style, RS_BOARD_COLOR_TEXT),
                                 alpha);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 2, cy - th / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Draws the figure, legend and footnotes in board units; @clip is the board area to draw
 * (a page's tile, or the whole page). */
static void
draw_figure (cairo_t           *cr,
             Figure            *figure,
             double             scale,
             const RsBoardRect *clip,
             gboolean           background)
{
  RsBoardPaintParams params = {
    .scale = scale,
    .clip = *clip,
    .lod = RS_BOARD_LOD_FULL,
    .flags = RS_BOARD_PAINT_FLOATING,
  };

  if (background)
    {
      rs_board_color_set_source (cr, rs_board_style_get_color (figure->style,
                                                               RS_BOARD_COLOR_BACKGROUND), 1);
      cairo_rectangle (cr, figure->frame.page.x, figure->frame.page.y, figure->frame.page.width,
                       figure->frame.page.height);
      cairo_fill (cr);
    }

  rs_board_painter_draw (cr, figure->scene, figure->style, &params);
  if (figure->footnotes != NULL)
    draw_footnote_numbers (cr, figure);

  if (figure->frame.has_legend)
    {
      cairo_save (cr);
      cairo_translate (cr, figure->frame.legend.x, figure->frame.legend.y);
      rs_board_painter_draw_legend (cr, figure->style);
      cairo_restore (cr);
    }

  for (guint i = 0; figure->blocks != NULL && i < figure->blocks->len; i++)
    {
      RsExportFootnoteBlock *block = g_ptr_array_index (figure->blocks, i);

      rs_board_color_set_source (cr, rs_board_style_get_color (figure->style, RS_BOARD_COLOR_TEXT),
                                 1);
      cairo_move_to (cr, figure->frame.footnotes.x + block->x,
                     figure->frame.footnotes.y + block->y);
      pango_cairo_show_layout (cr, block->layout);
    }
}

gboolean
_rs_export_write_png (RsCase                *kase,
                      const RsExportOptions *options,
                      GOutputStream         *out,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_auto(Figure) figure = { 0 };
  StreamWriter writer = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale = options->scale;
  double width, height;

  if (!isfinite (scale) || scale <= 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The picture’s scale must be a positive number"));
      return FALSE;
    }

  if (!figure_init (&figure, kase, options, error))
    return FALSE;

  width = ceil (figure.frame.page.width * scale);
  height = ceil (figure.frame.page.height * scale);
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE || width * height > MAX_PNG_PIXELS)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The picture would be %.0f × %.0f pixels, too large: choose a smaller scale"),
                   width, height);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
  cr = cairo_create (surface);
  /* Every pixel, the last partly covered row and column included. */
  if (!options->transparent)
    {
      rs_board_color_set_source (cr, rs_board_style_get_color (figure.style,
                                                               RS_BOARD_COLOR_BACKGROUND), 1);
      cairo_paint (cr);
    }
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -figure.frame.page.x, -figure.frame.page.y);
  draw_figure (cr, &figure, scale, &figure.frame.page, FALSE);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && !g_cancellable_is_cancelled (cancellable))
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, &writer);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_error (&writer.error);
      return FALSE;
    }
  return stream_status (&writer, status, error);
}

static void
paper_size (const RsExportOptions *options,
            double                *width,
            double                *height)
{
  switch (options->paper)
    {
    case RS_EXPORT_PAPER_A3:
      *width = 841.89;
      *height = 1190.55;
      break;
    case RS_EXPORT_PAPER_LETTER:
      *width = 612;
      *height = 792;
      break;
    case RS_EXPORT_PAPER_LEGAL:
      *width = 612;
      *height = 1008;
      break;
    case RS_EXPORT_PAPER_A4:
    default:
      *width = 595.28;
      *height = 841.89;
      break;
    }
  if (options->landscape)
    {
      double swap = *width;

      *width = *height;
      *height = swap;
    }
}

/* Vector: fit to one page (shrunk to the printable area if larger, centred), or 1:1 over
 * as many pages as it takes, left to right then top to bottom. */
gboolean
_rs_export_write_pdf (RsCase                *kase,
                      const RsExportOptions *options,
                      GOutputStream         *out,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_auto(Figure) figure = { 0 };
  StreamWriter writer = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double paper_w, paper_h, area_w, area_h;
  const RsBoardRect *page;
  g_autofree char *title = NULL;

  if (!figure_init (&figure, kase, options, error))
    return FALSE;
  page = &figure.frame.page;

  paper_size (options, &paper_w, &paper_h);
  area_w = paper_w - 2 * PAPER_MARGIN;
  area_h = paper_h - 2 * PAPER_MARGIN;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &writer, paper_w, paper_h);
  title = g_strdup (rs_case_get_title (kase));
  if (title != NULL && g_utf8_validate (title, -1, NULL))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Redstring");
  cr = cairo_create (surface);

  if (options->fit_to_page)
    {
      /* Shrunk to fit, never enlarged: two entities do not become a poster. */
      double fit = MIN (1.0, MIN (area_w / page->width, area_h / page->height));

      cairo_save (cr);
      cairo_translate (cr, (paper_w - page->width * fit) / 2, (paper_h - page->height * fit) / 2);
      cairo_scale (cr, fit, fit);
      cairo_translate (cr, -page->x, -page->y);
      /* A vector surface: a large nominal scale keeps the painter's hairline minimums
       * out of the way (the viewer scales lines itself). */
      draw_figure (cr, &figure, 8, page, !options->transparent);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  else
    {
      /* The paper has its own margin: tiles cover the content without the picture's, so
       * a board a few points taller than a page does not spill a blank sliver onto a
       * second row of pages. */
      RsBoardRect content = {
        page->x + RS_EXPORT_MARGIN, page->y + RS_EXPORT_MARGIN,
        page->width - 2 * RS_EXPORT_MARGIN, page->height - 2 * RS_EXPORT_MARGIN,
      };
      guint columns = MAX (1, (guint)ceil (content.width / area_w - 1e-9));
      guint rows = MAX (1, (guint)ceil (content.height / area_h - 1e-9));

      page = &content;

      for (guint row = 0; row < rows; row++)
        for (guint column = 0; column < columns; column++)
          {
            RsBoardRect tile = {
              page->x + column * area_w,
              page->y + row * area_h,
              MIN (area_w, page->x + page->width - (page->x + column * area_w)),
              MIN (area_h, page->y + page->height - (page->y + row * area_h)),
            };

            if (g_cancellable_is_cancelled (cancellable))
              break;
            cairo_save (cr);
            cairo_rectangle (cr, PAPER_MARGIN, PAPER_MARGIN, tile.width, tile.height);
            cairo_clip (cr);
            cairo_translate (cr, PAPER_MARGIN - tile.x, PAPER_MARGIN - tile.y);
            draw_figure (cr, &figure, 8, &tile, !options->transparent);
            cairo_restore (cr);
            cairo_show_page (cr);
          }
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_error (&writer.error);
      return FALSE;
    }
  return stream_status (&writer, status, error);
}
