/* rs-story-export.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-story-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-board-painter.h"
#include "rs-board-scene.h"
#include "rs-error.h"
#include "rs-story-export.h"

/* Hand-outs (issue 20): the storyline as a PDF, one landscape A4 page per view — the
 * board area the view framed, drawn by the same painter as the screen at full detail,
 * what it does not show dimmed and what it highlights ringed, its caption underneath
 * with "n of N". Written to a temporary file and moved into place, so a failure leaves
 * no half-written hand-out behind. */

#define PAGE_WIDTH     842.0  /* A4 landscape, points */
#define PAGE_HEIGHT    595.0
#define MARGIN          36.0
#define CAPTION_HEIGHT  64.0

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  GOutputStream *out = closure;

  return g_output_stream_write_all (out, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
select_uids (RsCase             *kase,
             RsSelection        *selection,
             const char * const *uids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (RsTarget));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *list;

  for (guint i = 0; uids[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer)uids[i]);

  list = rs_case_get_entities (kase);
  for (guint i = 0; i < g_list_model_get_n_items (list) && g_hash_table_size (wanted) > 0; i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (list, i);

      if (g_hash_table_contains (wanted, rs_entity_get_uid (entity)))
        {
          RsTarget target = RS_TARGET_ENTITY;
          gint64 id = rs_entity_get_id (entity);

          g_array_append_val (targets, target);
          g_array_append_val (ids, id);
        }
    }
  list = rs_case_get_relations (kase);
  for (guint i = 0; i < g_list_model_get_n_items (list) && g_hash_table_size (wanted) > 0; i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (list, i);

      if (g_hash_table_contains (wanted, rs_relation_get_uid (relation)))
        {
          RsTarget target = RS_TARGET_RELATION;
          gint64 id = rs_relation_get_id (relation);

          g_array_append_val (targets, target);
          g_array_append_val (ids, id);
        }
    }
  rs_selection_set_items (selection, (const RsTarget *)targets->data, (const gint64 *)ids->data,
                          ids->len);
}

static void
draw_caption (cairo_t    *cr,
              const char *caption,
              guint       index,
              guint       n_views)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 16");
  g_autofree char *step = g_strdup_printf (_("%u of %u"), index + 1, n_views);
  int width, height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (PAGE_WIDTH - 2 * MARGIN - 80));
  pango_layout_set_height (layout, pango_units_from_double (CAPTION_HEIGHT - 8));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, caption, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  cairo_move_to (cr, MARGIN, PAGE_HEIGHT - MARGIN - CAPTION_HEIGHT + 12);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_set_size (font, 10 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, step, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.5);
  cairo_move_to (cr, PAGE_WIDTH - MARGIN - width, PAGE_HEIGHT - MARGIN - CAPTION_HEIGHT + 16);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_view (cairo_t      *cr,
           RsCase       *kase,
           RsBoardStyle *style,
           RsStoryView  *view,
           guint         index,
           guint         n_views)
{
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  g_autoptr(RsSelection) selection = rs_selection_new ();
  g_autoptr(RsBoardScene) scene = NULL;
  RsBoardPaintParams params = { 0 };
  RsBoardOverlay overlay = { 0 };
  double x, y, w, h, area_w, area_h, scale;

  rs_story_view_get_camera (view, &x, &y, &w, &h);
  rs_board_filter_set_shown_uids (filter, rs_story_view_get_shown (view));
  scene = rs_board_scene_new (kase, filter, style);
  select_uids (kase, selection, rs_story_view_get_highlighted (view));

  area_w = PAGE_WIDTH - 2 * MARGIN;
  area_h = PAGE_HEIGHT - 2 * MARGIN - CAPTION_HEIGHT;
  scale = MIN (area_w / w, area_h / h);

  /* The board area, centred in the figure's frame; what lies around it in the frame is
   * drawn too, as on the screen. */
  cairo_save (cr);
  cairo_rectangle (cr, MARGIN, MARGIN, area_w, area_h);
  cairo_clip (cr);
  cairo_translate (cr, MARGIN + area_w / 2, MARGIN + area_h / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -(x + w / 2), -(y + h / 2));
  params.scale = scale;
  params.clip = (RsBoardRect) { x + w / 2 - area_w / scale / 2, y + h / 2 - area_h / scale / 2,
                                area_w / scale, area_h / scale };
  params.lod = RS_BOARD_LOD_FULL;
  params.flags = RS_BOARD_PAINT_BACKGROUND;
  rs_board_painter_draw (cr, scene, style, &params);
  overlay.selection = selection;
  rs_board_painter_draw_overlay (cr, scene, style, &params, &overlay);
  cairo_restore (cr);

  cairo_set_source_rgb (cr, 0.8, 0.8, 0.82);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, MARGIN, MARGIN, area_w, area_h);
  cairo_stroke (cr);

  draw_caption (cr, rs_story_view_get_caption (view), index, n_views);
}

/**
 * rs_story_export_pdf:
 *
 * Writes the storyline of @kase to @file as a PDF, one page per view in order.
 *
 * Returns: FALSE with @error set when the storyline is empty or the file cannot be
 *   written (then @file is left as it was)
 */
gboolean
rs_story_export_pdf (RsCase   *kase,
                     GFile    *file,
                     GError  **error)
{
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(RsBoardStyle) style = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  views = rs_case_dup_story_views (kase);
  if (views->len == 0)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_EXPORT_FAILED,
                           _("The storyline is empty: there is nothing to hand out"));
      return FALSE;
    }

  /* g_file_replace writes beside the file and renames it over on close. */
  if (!(out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error)))
    return FALSE;

  style = rs_board_style_new (FALSE);
  surface = cairo_pdf_surface_create_for_stream (write_cb, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, rs_case_get_title (kase));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Redstring");
  cr = cairo_create (surface);
  for (guint i = 0; i < views->len; i++)
    {
      draw_view (cr, kase, style, g_ptr_array_index (views, i), i, views->len);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED,
                   _("The hand-outs could not be written (%s)"), cairo_status_to_string (status));
      /* Closing would move the half-written file into place: a cancelled close
       * drops it instead, and leaves @file as it was. */
      {
        g_autoptr(GCancellable) abandon = g_cancellable_new ();

        g_cancellable_cancel (abandon);
        g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      }
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
