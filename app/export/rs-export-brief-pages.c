/* rs-export-brief-pages.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-brief"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-board-painter.h"
#include "rs-board-scene.h"
#include "rs-error.h"
#include "rs-export-brief-private.h"
#include "rs-export-private.h"
#include "rs-export-text.h"
#include "rs-export-timeline.h"

/* The brief on pages: the same blocks as the HTML (rs-export-brief.c), laid out once with
 * Pango into pieces placed on pages, then drawn page by page on any cairo_t: a PDF
 * surface here, a GtkPrintContext's when printing. A paragraph longer than what is left
 * of a page goes on over the next, line by line (each piece is the whole layout clipped
 * to its lines); a heading is never left alone at the bottom of a page.
 *
 * Always the light style: a brief is read on paper or in a PDF viewer's white page. */

#define MARGIN             42.0   /* 15 mm */
#define FOOTER_HEIGHT      18.0
#define QUOTE_INDENT       16.0
#define SOURCE_INDENT      24.0
#define MAX_PARAGRAPH  20000      /* characters: bounded Pango work per block */

typedef enum
{
  PIECE_TEXT,
  PIECE_BOARD,
  PIECE_LEGEND,
  PIECE_TIMELINE,
} PieceKind;

typedef struct
{
  PieceKind    kind;
  guint        page;
  double       x;
  double       y;           /* top on the page */
  double       height;
  PangoLayout *layout;      /* PIECE_TEXT: owned reference */
  double       clip_top;    /* in layout coordinates: the lines shown */
  gboolean     quote_rule;  /* a bar left of a quote */
  double       r, g, b;     /* text colour */
  char        *link;        /* http(s) address the piece links to, or NULL */
  double       scale;       /* figures: points per board unit / chart point */
} Piece;

struct _RsBriefPages
{
  RsBoardStyle    *style;     /* owned */
  RsBoardScene    *scene;     /* owned, NULL when nothing is placed */
  RsBoardRect      bounds;
  RsTimelineChart *chart;     /* owned */
  PangoContext    *context;   /* owned */
  GArray          *pieces;    /* Piece */
  char            *footer;
  double           page_width;
  double           page_height;
  guint            n_pages;
};

typedef struct
{
  RsBriefPages *pages;
  double        y;
  guint         page;
  double        top;
  double        bottom;
} Cursor;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_clear_object (&piece->layout);
  g_clear_pointer (&piece->link, g_free);
}

void
rs_brief_pages_free (RsBriefPages *pages)
{
  if (pages == NULL)
    return;
  g_clear_pointer (&pages->style, rs_board_style_unref);
  g_clear_pointer (&pages->scene, rs_board_scene_unref);
  g_clear_pointer (&pages->chart, rs_timeline_chart_free);
  g_clear_object (&pages->context);
  g_clear_pointer (&pages->pieces, g_array_unref);
  g_clear_pointer (&pages->footer, g_free);
  g_free (pages);
}

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

static void
new_page (Cursor *cursor)
{
  cursor->page++;
  cursor->y = cursor->top;
}

static const char *
font_of (RsBriefBlockKind kind)
{
  switch (kind)
    {
    case RS_BRIEF_BLOCK_TITLE:   return "Cantarell, Sans Bold 20";
    case RS_BRIEF_BLOCK_SECTION: return "Cantarell, Sans Bold 15";
    case RS_BRIEF_BLOCK_HEADING: return "Cantarell, Sans Bold 11";
    case RS_BRIEF_BLOCK_META:    return "Cantarell, Sans 9";
    case RS_BRIEF_BLOCK_QUOTE:   return "Cantarell, Sans Italic 10";
    case RS_BRIEF_BLOCK_SOURCE:  return "Cantarell, Sans 8.5";
    case RS_BRIEF_BLOCK_TEXT:
    case RS_BRIEF_BLOCK_EVENT:
    default:                     return "Cantarell, Sans 10";
    }
}

static double
space_before (RsBriefBlockKind kind)
{
  switch (kind)
    {
    case RS_BRIEF_BLOCK_SECTION: return 20;
    case RS_BRIEF_BLOCK_HEADING: return 12;
    case RS_BRIEF_BLOCK_EVENT:   return 8;
    case RS_BRIEF_BLOCK_QUOTE:   return 5;
    case RS_BRIEF_BLOCK_SOURCE:  return 1;
    case RS_BRIEF_BLOCK_META:    return 1;
    default:                     return 4;
    }
}

static PangoLayout *
create_layout (RsBriefPages       *pages,
               const RsBriefBlock *block,
               double              width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoLayout *layout = pango_layout_new (pages->context);
  PangoFontDescription *font = pango_font_description_from_string (font_of (block->kind));
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autofree char *valid = g_utf8_make_valid (block->text ? block->text : "", -1);
  glong length = g_utf8_strlen (valid, -1);

  if (block->kind == RS_BRIEF_BLOCK_SOURCE)
    g_string_append (text, "— ");
  if (block->lead != NULL)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = text->len;
      g_string_append (text, block->lead);
      bold->end_index = text->len;
      pango_attr_list_insert (attrs, bold);
      g_string_append (text, block->kind == RS_BRIEF_BLOCK_EVENT ? "  " : " ");
    }
  if (length > MAX_PARAGRAPH)
    {
      g_autofree char *cut = g_utf8_substring (valid, 0, MAX_PARAGRAPH);

      g_string_append_printf (text, "%s… %s", cut, _("(cut here: the full text is in the case)"));
    }
  else
    g_string_append (text, valid);
  if (block->kind == RS_BRIEF_BLOCK_SOURCE && block->url != NULL && *block->url != '\0')
    g_string_append_printf (text, " <\u2068%s\u2069>", block->url);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text->str, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_font_description_free (font);
  return layout;
}

static void
text_color (RsBriefBlockKind  kind,
            Piece            *piece)
{
  gboolean secondary = kind == RS_BRIEF_BLOCK_META || kind == RS_BRIEF_BLOCK_SOURCE;

  piece->r = piece->g = piece->b = secondary ? 0.37 : 0.12;
}

/* Places a paragraph, over as many pages as it needs. keep_next: the height of what
 * must follow on the same page (a heading's first lines). */
static void
place_text (Cursor             *cursor,
            const RsBriefBlock *block,
            double              x,
            double              keep_next)
{
  RsBriefPages *pages = cursor->pages;
  double width = pages->page_width - 2 * MARGIN - (x - MARGIN);
  g_autoptr(PangoLayout) layout = create_layout (pages, block, width);
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint start = 0, n;

  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double)logical.y / PANGO_SCALE;
      bottom = (double)(logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (tops, top);
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n = tops->len;

  if (cursor->y > cursor->top)
    {
      cursor->y += space_before (block->kind);
      /* A heading goes with what follows it. */
      if (cursor->y + (g_array_index (bottoms, double, n - 1) - g_array_index (tops, double, 0)) +
          keep_next > cursor->bottom)
        new_page (cursor);
    }

  while (start < n)
    {
      double first_top = g_array_index (tops, double, start);
      guint end = start;
      Piece piece = { 0 };

      while (end < n && cursor->y + (g_array_index (bottoms, double, end) - first_top) <= cursor->bottom)
        end++;
      if (end == start)
        {
          if (cursor->y > cursor->top)
            {
              new_page (cursor);
              continue;
            }
          end = start + 1;  /* a line taller than a page: drawn, clipped */
        }

      piece.kind = PIECE_TEXT;
      piece.page = cursor->page;
      piece.x = x;
      piece.y = cursor->y;
      piece.height = g_array_index (bottoms, double, end - 1) - first_top;
      piece.layout = g_object_ref (layout);
      piece.clip_top = first_top;
      piece.quote_rule = block->kind == RS_BRIEF_BLOCK_QUOTE;
      if (block->kind == RS_BRIEF_BLOCK_SOURCE && rs_export_text_is_web_url (block->url))
        piece.link = g_strdup (block->url);
      text_color (block->kind, &piece);
      g_array_append_val (pages->pieces, piece);

      cursor->y += piece.height;
      start = end;
      if (start < n)
        new_page (cursor);
    }
}

/* A figure scaled to the text width (never enlarged past scale max_scale) and to a page. */
static void
place_figure (Cursor    *cursor,
              PieceKind  kind,
              double     width,
              double     height,
              double     max_scale)
{
  RsBriefPages *pages = cursor->pages;
  double content_width = pages->page_width - 2 * MARGIN;
  double content_height = cursor->bottom - cursor->top;
  double scale = MIN (max_scale, MIN (content_width / width, content_height / height));
  Piece piece = { 0 };

  cursor->y += 8;
  if (cursor->y + height * scale > cursor->bottom)
    new_page (cursor);
  piece.kind = kind;
  piece.page = cursor->page;
  piece.x = MARGIN;
  piece.y = cursor->y;
  piece.height = height * scale;
  piece.scale = scale;
  g_array_append_val (pages->pieces, piece);
  cursor->y += piece.height + 6;
}

RsBriefPages *
rs_export_brief_paginate (RsCase                 *kase,
                          const RsExportOptions  *options,
                          double                  page_width,
                          double                  page_height,
                          GError                **error)
{
  g_autoptr(RsBriefPages) pages = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) board_error = NULL;
  Cursor cursor = { 0 };

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(page_width >= 4 * MARGIN && page_height >= 4 * MARGIN + FOOTER_HEIGHT) ||
      page_width > 14400 || page_height > 14400)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("A page of %.0f × %.0f points is too small or too large for the brief"),
                   page_width, page_height);
      return NULL;
    }

  pages = g_new0 (RsBriefPages, 1);
  pages->style = rs_board_style_new (FALSE);
  pages->context = rs_board_style_create_context (pages->style, NULL);
  pages->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (pages->pieces, piece_clear);
  pages->page_width = page_width;
  pages->page_height = page_height;
  pages->chart = rs_timeline_chart_new (kase, pages->style);

  /* The board's scene as every export builds it (filter, selection); without it (no
   * positions yet) the brief says why in its place. */
  pages->scene = rs_export_build_scene (kase, options, pages->style, &board_error);
  if (pages->scene != NULL &&
      (!_rs_export_scene_bounds (pages->scene, &pages->bounds) ||
       pages->bounds.width <= 0 || pages->bounds.height <= 0))
    {
      g_clear_pointer (&pages->scene, rs_board_scene_unref);
      g_set_error (&board_error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("The board has nothing to draw."));
    }

  cursor.pages = pages;
  cursor.top = MARGIN;
  cursor.bottom = page_height - MARGIN - FOOTER_HEIGHT;
  cursor.y = cursor.top;

  blocks = _rs_export_brief_build_blocks (kase, options);
  pages->footer = g_strdup (((RsBriefBlock *)g_ptr_array_index (blocks, 0))->text);
  for (guint i = 0; i < blocks->len; i++)
    {
      RsBriefBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case RS_BRIEF_BLOCK_BOARD:
          if (pages->scene != NULL)
            {
              double legend_width, legend_height;

              place_figure (&cursor, PIECE_BOARD, pages->bounds.width, pages->bounds.height, 1.0);
              if (options->legend)
                {
                  rs_board_painter_measure_legend (pages->style, &legend_width, &legend_height);
                  place_figure (&cursor, PIECE_LEGEND, legend_width, legend_height, 0.8);
                }
            }
          else
            {
              RsBriefBlock note = { RS_BRIEF_BLOCK_META, NULL, NULL, board_error->message, NULL };

              place_text (&cursor, &note, MARGIN, 0);
            }
          break;
        case RS_BRIEF_BLOCK_TIMELINE:
          if (rs_timeline_chart_get_n_items (pages->chart) > 0)
            {
              double width, height;

              rs_timeline_chart_get_size (pages->chart, &width, &height);
              place_figure (&cursor, PIECE_TIMELINE, width, height, 1.0);
            }
          break;
        case RS_BRIEF_BLOCK_QUOTE:
          place_text (&cursor, block, MARGIN + QUOTE_INDENT, 0);
          break;
        case RS_BRIEF_BLOCK_SOURCE:
          place_text (&cursor, block, MARGIN + SOURCE_INDENT, 0);
          break;
        case RS_BRIEF_BLOCK_SECTION:
        case RS_BRIEF_BLOCK_HEADING:
          place_text (&cursor, block, MARGIN, 40);
          break;
        default:
          place_text (&cursor, block, MARGIN, 0);
          break;
        }
    }

  pages->n_pages = cursor.page + 1;
  return g_steal_pointer (&pages);
}

guint
rs_brief_pages_get_n_pages (RsBriefPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->n_pages;
}

static void
draw_piece (RsBriefPages *pages,
            cairo_t      *cr,
            const Piece  *piece)
{
  double content_width = pages->page_width - 2 * MARGIN;

  cairo_save (cr);
  switch (piece->kind)
    {
    case PIECE_TEXT:
      if (piece->quote_rule)
        {
          cairo_set_source_rgb (cr, 0.75, 0.75, 0.74);
          cairo_rectangle (cr, piece->x - 9, piece->y, 2.5, piece->height);
          cairo_fill (cr);
        }
      if (piece->link != NULL)
        {
          /* A link annotation over the source line (cairo's tag syntax: quote ' and \). */
          g_autoptr(GString) attributes = g_string_new ("uri='");

          for (const char *p = piece->link; *p != '\0'; p++)
            {
              if (*p == '\'' || *p == '\\')
                g_string_append_c (attributes, '\\');
              g_string_append_c (attributes, *p);
            }
          g_string_append_c (attributes, '\'');
          cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
        }
      cairo_rectangle (cr, piece->x - 2, piece->y, content_width + 4, piece->height);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, piece->r, piece->g, piece->b);
      cairo_move_to (cr, piece->x, piece->y - piece->clip_top);
      pango_cairo_show_layout (cr, piece->layout);
      if (piece->link != NULL)
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      break;

    case PIECE_BOARD:
      {
        RsBoardPaintParams params = { 0 };

        /* Centred in the text width, framed. */
        cairo_translate (cr, MARGIN + (content_width - pages->bounds.width * piece->scale) / 2, piece->y);
        cairo_set_source_rgb (cr, 0.87, 0.87, 0.85);
        cairo_set_line_width (cr, 0.5);
        cairo_rectangle (cr, 0, 0, pages->bounds.width * piece->scale, pages->bounds.height * piece->scale);
        cairo_stroke (cr);
        cairo_scale (cr, piece->scale, piece->scale);
        cairo_translate (cr, -pages->bounds.x, -pages->bounds.y);
        params.scale = piece->scale * 4;  /* vector output: full detail at any zoom */
        params.clip = pages->bounds;
        params.lod = RS_BOARD_LOD_FULL;
        params.flags = RS_BOARD_PAINT_NONE;
        rs_board_painter_draw (cr, pages->scene, pages->style, &params);
        break;
      }

    case PIECE_LEGEND:
      cairo_translate (cr, MARGIN, piece->y);
      cairo_scale (cr, piece->scale, piece->scale);
      rs_board_painter_draw_legend (cr, pages->style);
      break;

    case PIECE_TIMELINE:
      cairo_translate (cr, MARGIN, piece->y);
      cairo_scale (cr, piece->scale, piece->scale);
      rs_timeline_chart_draw (pages->chart, cr);
      break;

    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

void
rs_brief_pages_draw_page (RsBriefPages *pages,
                          cairo_t      *cr,
                          guint         page)
{
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;

  g_return_if_fail (pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pages->n_pages);

  for (guint i = 0; i < pages->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pages->pieces, Piece, i);

      if (piece->page == page)
        draw_piece (pages, cr, piece);
    }

  /* "Case title · 2 / 7", one line, ellipsised. */
  footer = g_strdup_printf ("%s · %u / %u", pages->footer, page + 1, pages->n_pages);
  layout = pango_layout_new (pages->context);
  font = pango_font_description_from_string ("Cantarell, Sans 8");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int)((pages->page_width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, footer, -1);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, MARGIN, pages->page_height - MARGIN);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} StreamClosure;

static cairo_status_t
write_to_stream (void                *data,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  StreamClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->out, bytes, length, NULL, closure->cancellable,
                                  &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rs_export_brief_write_pdf (RsCase                 *kase,
                           const RsExportOptions  *options,
                           GOutputStream          *out,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(RsBriefPages) pages = NULL;
  StreamClosure closure = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  rs_export_brief_get_paper_size (options->paper, options->landscape, &width, &height);
  pages = rs_export_brief_paginate (kase, options, width, height, error);
  if (pages == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pages->footer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Redstring");
  cr = cairo_create (surface);
  for (guint i = 0; i < pages->n_pages && closure.error == NULL; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      rs_brief_pages_draw_page (pages, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_is_cancelled (cancellable) ||
      g_error_matches (closure.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&closure.error);
      g_set_error (error, RS_ERROR, RS_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }
  if (closure.error != NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("Could not write the export: %s"),
                   closure.error->message);
      g_clear_error (&closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("Could not draw the brief: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
