/* rs-export-footnotes.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "rs-board-geometry.h"
#include "rs-export-footnotes.h"
#include "rs-text.h"

/* The footnotes of a figure: see rs-export-footnotes.h. */

#define INDENT          14.0
#define PARAGRAPH_GAP    2.0
#define HEADING_GAP      5.0

typedef struct
{
  char     *text;
  gboolean  indented;
} Paragraph;

struct _RsExportFootnotes
{
  GHashTable *numbers;      /* edge index + 1 → number */
  GArray     *paragraphs;   /* Paragraph */
};

static void
paragraph_clear (gpointer data)
{
  g_free (((Paragraph *)data)->text);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = ((const gint64 *)a)[0], y = ((const gint64 *)b)[0];

  return x < y ? -1 : x > y;
}

static void
add (RsExportFootnotes *self,
     gboolean           indented,
     char              *text)
{
  Paragraph paragraph = { text, indented };

  g_array_append_val (self->paragraphs, paragraph);
}

/* "“quote” — Title, Publisher, 2019-03-01, https://…": what is known of the source. */
static char *
dup_quote_line (RsCase     *kase,
                RsQuote    *quote,
                RsStance    stance)
{
  RsDocument *document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));
  g_autofree char *text = rs_text_dup_for_label (rs_quote_get_text (quote), RS_TEXT_ROW_MAX_CHARS);
  g_autoptr(GString) line = g_string_new (NULL);

  if (stance == RS_STANCE_CONTRADICTS)
    g_string_append (line, _("Contradicts: "));
  g_string_append_printf (line, "“%s”", text);
  if (document != NULL)
    {
      const char *parts[] = {
        rs_document_get_title (document),
        rs_document_get_publisher (document),
        rs_document_get_published (document),
        rs_document_get_url (document),
      };
      gboolean first = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *part = NULL;

          if (parts[i] == NULL || parts[i][0] == '\0')
            continue;
          part = rs_text_dup_for_label (parts[i], RS_TEXT_ROW_MAX_CHARS);
          g_string_append (line, first ? " — " : ", ");
          g_string_append (line, part);
          first = FALSE;
        }
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

RsExportFootnotes *
_rs_export_footnotes_new (RsCase       *kase,
                          RsBoardScene *scene)
{
  RsExportFootnotes *self = g_new0 (RsExportFootnotes, 1);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);

  self->numbers = g_hash_table_new (NULL, NULL);
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  g_array_set_clear_func (self->paragraphs, paragraph_clear);

  /* Numbered by relation id: the same case numbers the same way in every export. */
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      gint64 pair[2] = { edge->id, i };

      if ((edge->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0)
        g_array_append_vals (order, pair, 1);
    }
  g_array_sort (order, compare_ids);

  for (guint n = 0; n < order->len; n++)
    {
      const gint64 *pair = &g_array_index (order, gint64, 2 * n);
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, (guint)pair[1]);
      RsRelation *relation = rs_case_lookup_relation (kase, edge->id);
      const char *label = relation != NULL ? rs_relation_get_label (relation) : edge->label;
      g_autofree char *source = rs_text_dup_for_label (rs_board_scene_get_node (scene,
                                                                                edge->source)->name,
                                                       RS_TEXT_LABEL_MAX_CHARS);
      g_autofree char *target = rs_text_dup_for_label (rs_board_scene_get_node (scene,
                                                                                edge->target)->name,
                                                       RS_TEXT_LABEL_MAX_CHARS);
      g_autofree char *verb = rs_text_dup_for_label (label, RS_TEXT_LABEL_MAX_CHARS);
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, RS_TARGET_RELATION, edge->id);
      guint n_quotes = 0;

      g_hash_table_insert (self->numbers, GUINT_TO_POINTER ((guint)pair[1] + 1),
                           GUINT_TO_POINTER (n + 1));
      add (self, FALSE,
           verb[0] != '\0' ?
           g_strdup_printf (edge->directed ? "%u. %s —%s→ %s" : "%u. %s —%s— %s", n + 1,
                            source, verb, target) :
           g_strdup_printf (edge->directed ? "%u. %s → %s" : "%u. %s — %s", n + 1, source,
                            target));

      for (guint k = 0; evidence != NULL && k < evidence->len; k++)
        {
          RsEvidence *link = g_ptr_array_index (evidence, k);
          RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (link));

          if (quote == NULL)
            continue;
          add (self, TRUE, dup_quote_line (kase, quote, rs_evidence_get_stance (link)));
          n_quotes++;
        }
      if (n_quotes == 0)
        add (self, TRUE, g_strdup (_("No quote backs this relation.")));
    }

  return self;
}

void
_rs_export_footnotes_free (RsExportFootnotes *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_free (self);
}

guint
_rs_export_footnotes_get_number (RsExportFootnotes *self,
                                 guint              edge_index)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, GUINT_TO_POINTER (edge_index + 1)));
}

guint
_rs_export_footnotes_get_n_paragraphs (RsExportFootnotes *self)
{
  return self->paragraphs->len;
}

const char *
_rs_export_footnotes_get_paragraph (RsExportFootnotes *self,
                                    guint              index,
                                    gboolean          *indented)
{
  const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, index);

  if (indented != NULL)
    *indented = paragraph->indented;
  return paragraph->text;
}

static void
block_free (gpointer data)
{
  RsExportFootnoteBlock *block = data;

  g_clear_object (&block->layout);
  g_free (block);
}

GPtrArray *
_rs_export_footnotes_lay_out (RsExportFootnotes *self,
                              RsBoardStyle      *style,
                              PangoContext      *context,
                              double             x,
                              double             y,
                              double             width,
                              double            *height)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  double top = y;

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, i);
      RsExportFootnoteBlock *block = g_new0 (RsExportFootnoteBlock, 1);
      double indent = paragraph->indented ? INDENT : 0;
      PangoRectangle logical;

      if (i > 0)
        y += paragraph->indented ? PARAGRAPH_GAP : HEADING_GAP;

      /* Not rs_board_style_create_layout(): that one caps text at a label's length. */
      block->layout = pango_layout_new (context);
      pango_layout_set_font_description (block->layout,
                                         rs_board_style_get_font (style, RS_BOARD_FONT_LEGEND));
      pango_layout_set_auto_dir (block->layout, FALSE);
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (block->layout, (int)((width - indent) * PANGO_SCALE));
      pango_layout_set_text (block->layout, paragraph->text, -1);
      pango_layout_get_extents (block->layout, NULL, &logical);
      block->x = x + indent;
      block->y = y;
      y += logical.height / (double)PANGO_SCALE;
      g_ptr_array_add (blocks, block);
    }

  *height = y - top;
  return blocks;
}

void
_rs_export_footnotes_number_position (const RsBoardEdge *edge,
                                      double            *x,
                                      double            *cy)
{
  /* A label the scene found no room for is not drawn: the number goes on the curve. */
  if ((edge->flags & RS_BOARD_ITEM_LABEL_HIDDEN) && edge->n_points >= 4)
    {
      guint n_segments = (edge->n_points - 1) / 3;

      rs_board_bezier_point (edge->points + 6 * (n_segments / 2), n_segments % 2 ? 0.5 : 0.0,
                             x, cy);
      *x += 3;
      return;
    }

  *x = edge->label_width > 0 ? edge->label_x + edge->label_width / 2 + 2
                             : edge->label_x + RS_BOARD_BADGE_RADIUS + 2;
  *cy = edge->label_y;
}
