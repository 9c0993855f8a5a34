/* rs-export-brief.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-brief"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-export-brief-private.h"
#include "rs-export-text.h"
#include "rs-export-timeline.h"

/* The brief's content (blocks, shared with the PDF pager in rs-export-brief-pages.c) and
 * its HTML writer.
 *
 * The HTML is one file a colleague can open anywhere, so it must be safe to open: a
 * Content-Security-Policy that allows no script, no fetch and no external resource
 * (only inline styles and data: images), no script of our own, and every text from the
 * case escaped (rs_export_text_append_escaped), links kept only when they are http(s).
 * Element and attribute names are all constants in this file. */

static void
block_free (gpointer data)
{
  RsBriefBlock *block = data;

  g_free (block->lead);
  g_free (block->text);
  g_free (block->url);
  g_free (block);
}

static RsBriefBlock *
add_block (GPtrArray        *blocks,
           RsBriefBlockKind  kind,
           const char       *klass,
           const char       *lead,
           const char       *text)
{
  RsBriefBlock *block = g_new0 (RsBriefBlock, 1);

  block->kind = kind;
  block->klass = klass;
  block->lead = g_strdup (lead);
  block->text = g_strdup (text);
  g_ptr_array_add (blocks, block);
  return block;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* A case text inside a line of ours, between FIRST STRONG ISOLATE and POP DIRECTIONAL
 * ISOLATE: a right-to-left override in a name ends with the name instead of reversing
 * the rest of the line (the publisher, the address) in a browser or in Pango. */
static char *
isolate (const char *text)
{
  return g_strconcat ("\u2068", text ? text : "", "\u2069", NULL);
}

GPtrArray *
rs_export_brief_describe_filter (RsCase                *kase,
                                 const RsExportOptions *options)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  RsBoardFilter *filter = options->filter;

  if (filter != NULL && rs_board_filter_get_active (filter))
    {
      guint hidden = rs_board_filter_get_hidden_kinds (filter);
      guint statuses = rs_board_filter_get_statuses (filter);
      gint64 document_id = rs_board_filter_get_document_id (filter);
      gint64 focus_id = rs_board_filter_get_focus_id (filter);
      const char *text = rs_board_filter_get_text (filter);

      if ((hidden & RS_BOARD_FILTER_ALL_KINDS) != 0)
        {
          g_autoptr(GString) kinds = g_string_new (NULL);

          for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
            if (hidden & (1u << k))
              g_string_append_printf (kinds, "%s%s", kinds->len ? ", " : "",
                                      rs_entity_kind_to_display (k));
          g_ptr_array_add (lines, g_strdup_printf (_("Kinds hidden: %s"), kinds->str));
        }
      if ((statuses & RS_BOARD_FILTER_ALL_STATUSES) != RS_BOARD_FILTER_ALL_STATUSES)
        {
          g_autoptr(GString) shown = g_string_new (NULL);

          for (guint s = 0; s <= RS_RELATION_STATUS_REFUTED; s++)
            if (statuses & (1u << s))
              g_string_append_printf (shown, "%s%s", shown->len ? ", " : "",
                                      rs_relation_status_to_display (s));
          g_ptr_array_add (lines, shown->len > 0
                                  ? g_strdup_printf (_("Relations shown: %s"), shown->str)
                                  : g_strdup (_("Relations shown: none")));
        }
      if (document_id > 0)
        {
          RsDocument *document = rs_case_lookup_document (kase, document_id);

          g_autofree char *title = isolate (document ? rs_document_get_title (document)
                                                     : _("(a document no longer in the case)"));

          g_ptr_array_add (lines, g_strdup_printf (_("Only what this document supports or mentions: %s"),
                                                   title));
        }
      if (!is_blank (text))
        {
          g_autofree char *isolated = isolate (text);

          g_ptr_array_add (lines, g_strdup_printf (_("Names or aliases containing “%s”"), isolated));
        }
      if (focus_id > 0)
        {
          RsEntity *entity = rs_case_lookup_entity (kase, focus_id);
          guint hops = rs_board_filter_get_focus_hops (filter);
          g_autofree char *name = isolate (entity ? rs_entity_get_name (entity)
                                                  : _("(an entity no longer in the case)"));

          g_ptr_array_add (lines, g_strdup_printf (g_dngettext (NULL, "Within %u relation of %s",
                                                                "Within %u relations of %s", hops),
                                                   hops, name));
        }
      g_ptr_array_add (lines, g_strdup (rs_board_filter_get_remove_hidden (filter)
                                        ? _("What the filter leaves out is not drawn.")
                                        : _("What the filter leaves out is drawn dimmed.")));
    }

  if (options->selection != NULL && rs_selection_get_n_items (options->selection) > 0)
    {
      guint n = rs_selection_get_n_items (options->selection);

      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (NULL, "Only the selection (%u item)",
                                                            "Only the selection (%u items)", n), n));
    }

  if (lines->len == 0)
    g_ptr_array_add (lines, g_strdup (_("Whole case")));
  return lines;
}

/* "Title", Publisher, 2021-04-20 */
static char *
dup_source_line (RsDocument *document,
                 RsStance    stance)
{
  GString *out = g_string_new (NULL);
  const char *publisher = rs_document_get_publisher (document);
  const char *published = rs_document_get_published (document);

  g_autofree char *title = isolate (is_blank (rs_document_get_title (document))
                                    ? _("Untitled document") : rs_document_get_title (document));

  g_string_append_printf (out, "%s: %s", rs_stance_to_display (stance), title);
  if (!is_blank (publisher))
    {
      g_autofree char *isolated = isolate (publisher);

      g_string_append_printf (out, ", %s", isolated);
    }
  if (!is_blank (published))
    {
      g_autofree char *isolated = isolate (published);

      g_string_append_printf (out, ", %s", isolated);
    }
  return g_string_free (out, FALSE);
}

static void
add_quotes (GPtrArray *blocks,
            RsCase    *kase,
            RsTarget   target,
            gint64     id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target, id);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      RsEvidence *link = g_ptr_array_index (evidence, i);
      RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (link));
      RsDocument *document;
      g_autofree char *source = NULL;
      RsBriefBlock *block;

      if (quote == NULL)
        continue;
      add_block (blocks, RS_BRIEF_BLOCK_QUOTE, NULL, NULL, rs_quote_get_text (quote));
      document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));
      if (document == NULL)
        continue;
      source = dup_source_line (document, rs_evidence_get_stance (link));
      block = add_block (blocks, RS_BRIEF_BLOCK_SOURCE, NULL, NULL, source);
      block->url = g_strdup (rs_document_get_url (document));
    }
}

static char *
dup_document_titles (RsCase   *kase,
                     RsTarget  target,
                     gint64    id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target, id);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (g_ptr_array_index (evidence, i)));
      RsDocument *document = quote ? rs_case_lookup_document (kase, rs_quote_get_document_id (quote)) : NULL;

      if (document == NULL || !g_hash_table_add (seen, document))
        continue;
      g_autofree char *title = NULL;

      title = isolate (is_blank (rs_document_get_title (document)) ? _("Untitled document")
                                                                   : rs_document_get_title (document));
      g_string_append_printf (out, "%s%s", out->len ? "; " : "", title);
    }
  return g_string_free (out, out->len == 0);
}

static char *
dup_entity_name (RsCase *kase,
                 gint64  id)
{
  RsEntity *entity = rs_case_lookup_entity (kase, id);

  return isolate (entity != NULL ? rs_entity_get_name (entity) : _("(missing)"));
}

static const char *
status_class (RsRelationStatus status)
{
  static const char * const classes[] = {
    "status-alleged", "status-reported", "status-confirmed", "status-disputed", "status-refuted",
  };
  return status < G_N_ELEMENTS (classes) ? classes[status] : NULL;
}

static char *
dup_note_subject (RsCase *kase,
                  RsNote *note)
{
  gint64 id = rs_note_get_target_id (note);

  switch (rs_note_get_target (note))
    {
    case RS_TARGET_ENTITY:
      {
        g_autofree char *name = dup_entity_name (kase, id);

        return g_strdup_printf (_("On %s"), name);
      }
    case RS_TARGET_RELATION:
      {
        RsRelation *relation = rs_case_lookup_relation (kase, id);

        if (relation != NULL)
          {
            g_autofree char *source = dup_entity_name (kase, rs_relation_get_source_id (relation));
            g_autofree char *target = dup_entity_name (kase, rs_relation_get_target_id (relation));
            g_autofree char *label = isolate (rs_relation_get_label (relation));

            return g_strdup_printf (_("On %s — %s → %s"), source, label, target);
          }
        break;
      }
    case RS_TARGET_DOCUMENT:
      {
        RsDocument *document = rs_case_lookup_document (kase, id);

        if (document != NULL)
          {
            g_autofree char *title = isolate (rs_document_get_title (document));

            return g_strdup_printf (_("On the document %s"), title);
          }
        break;
      }
    case RS_TARGET_EVENT:
      {
        RsEvent *event = rs_case_lookup_event (kase, id);

        if (event != NULL)
          {
            g_autofree char *title = isolate (rs_event_get_title (event));

            return g_strdup_printf (_("On the event %s"), title);
          }
        break;
      }
    case RS_TARGET_QUOTE:
      return g_strdup (_("On a quote"));
    case RS_TARGET_CASE:
    default:
      return g_strdup (_("On the case"));
    }
  return g_strdup (_("On an item no longer in the case"));
}

GPtrArray *
_rs_export_brief_build_blocks (RsCase                *kase,
                               const RsExportOptions *options)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(GPtrArray) filter_lines = rs_export_brief_describe_filter (kase, options);
  GListModel *entities = rs_case_get_entities (kase);
  GListModel *relations = rs_case_get_relations (kase);
  GListModel *events = rs_case_get_events (kase);
  GListModel *notes = rs_case_get_notes (kase);
  g_autofree char *counts = NULL;

  add_block (blocks, RS_BRIEF_BLOCK_TITLE, NULL, NULL,
             is_blank (rs_case_get_title (kase)) ? _("Untitled case") : rs_case_get_title (kase));
  if (!is_blank (rs_case_get_description (kase)))
    add_block (blocks, RS_BRIEF_BLOCK_TEXT, "description", NULL, rs_case_get_description (kase));
  counts = g_strdup_printf (_("%u entities, %u relations, %u events, %u documents, %u notes"),
                            g_list_model_get_n_items (entities), g_list_model_get_n_items (relations),
                            g_list_model_get_n_items (events),
                            g_list_model_get_n_items (rs_case_get_documents (kase)),
                            g_list_model_get_n_items (notes));
  add_block (blocks, RS_BRIEF_BLOCK_META, NULL, NULL, counts);

  add_block (blocks, RS_BRIEF_BLOCK_SECTION, "board", NULL, _("Board"));
  for (guint i = 0; i < filter_lines->len; i++)
    add_block (blocks, RS_BRIEF_BLOCK_TEXT, "filter", i == 0 ? _("Shown:") : NULL,
               g_ptr_array_index (filter_lines, i));
  add_block (blocks, RS_BRIEF_BLOCK_BOARD, NULL, NULL, NULL);

  add_block (blocks, RS_BRIEF_BLOCK_SECTION, "entities", NULL, _("Entities"));
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = rs_entity_get_aliases (entity);
      g_autofree char *documents = dup_document_titles (kase, RS_TARGET_ENTITY, rs_entity_get_id (entity));

      add_block (blocks, RS_BRIEF_BLOCK_HEADING, "entity", NULL, rs_entity_get_name (entity));
      add_block (blocks, RS_BRIEF_BLOCK_META, NULL, NULL, rs_entity_kind_to_display (rs_entity_get_kind (entity)));
      if (aliases != NULL && aliases[0] != NULL)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) isolated = NULL;
          g_autofree char *joined = NULL;

          for (guint a = 0; aliases[a] != NULL; a++)
            {
              g_autofree char *one = isolate (aliases[a]);

              g_strv_builder_add (builder, one);
            }
          isolated = g_strv_builder_end (builder);
          joined = g_strjoinv (", ", isolated);

          add_block (blocks, RS_BRIEF_BLOCK_TEXT, NULL, _("Also known as:"), joined);
        }
      if (!is_blank (rs_entity_get_description (entity)))
        add_block (blocks, RS_BRIEF_BLOCK_TEXT, NULL, NULL, rs_entity_get_description (entity));
      if (documents != NULL)
        add_block (blocks, RS_BRIEF_BLOCK_TEXT, NULL, _("Documents:"), documents);
      add_quotes (blocks, kase, RS_TARGET_ENTITY, rs_entity_get_id (entity));
    }

  add_block (blocks, RS_BRIEF_BLOCK_SECTION, "relations", NULL, _("Relations"));
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      g_autofree char *heading = NULL;
      const char *label = rs_relation_get_label (relation);

      g_autofree char *source = dup_entity_name (kase, rs_relation_get_source_id (relation));
      g_autofree char *target = dup_entity_name (kase, rs_relation_get_target_id (relation));
      g_autofree char *isolated = isolate (is_blank (label) ? _("(no label)") : label);

      heading = g_strdup_printf ("%s — %s %s %s", source, isolated,
                                 rs_relation_get_directed (relation) ? "→" : "—", target);
      add_block (blocks, RS_BRIEF_BLOCK_HEADING, "relation", NULL, heading);
      add_block (blocks, RS_BRIEF_BLOCK_META, status_class (rs_relation_get_status (relation)),
                 _("Status:"), rs_relation_status_to_display (rs_relation_get_status (relation)));
      add_quotes (blocks, kase, RS_TARGET_RELATION, rs_relation_get_id (relation));
    }

  add_block (blocks, RS_BRIEF_BLOCK_SECTION, "timeline", NULL, _("Timeline"));
  add_block (blocks, RS_BRIEF_BLOCK_TIMELINE, NULL, NULL, NULL);
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      g_ptr_array_add (sorted, g_list_model_get_item (events, i));
    g_ptr_array_sort (sorted, _rs_export_timeline_compare_events);
    for (guint i = 0; i < sorted->len; i++)
      {
        RsEvent *event = g_ptr_array_index (sorted, i);
        RsFuzzyDate *date = rs_event_get_date (event);
        g_autofree char *phrase = date ? rs_fuzzy_date_format (date) : g_strdup (_("Undated"));
        const gint64 *ids;
        guint n_ids;

        add_block (blocks, RS_BRIEF_BLOCK_EVENT, NULL, phrase, rs_event_get_title (event));
        if (!is_blank (rs_event_get_description (event)))
          add_block (blocks, RS_BRIEF_BLOCK_TEXT, NULL, NULL, rs_event_get_description (event));
        ids = rs_event_get_entity_ids (event, &n_ids);
        if (n_ids > 0)
          {
            g_autoptr(GString) names = g_string_new (NULL);

            for (guint j = 0; j < n_ids; j++)
              {
                g_autofree char *name = dup_entity_name (kase, ids[j]);

                g_string_append_printf (names, "%s%s", j ? ", " : "", name);
              }
            add_block (blocks, RS_BRIEF_BLOCK_META, NULL, _("Involves:"), names->str);
          }
      }
    if (sorted->len == 0)
      add_block (blocks, RS_BRIEF_BLOCK_TEXT, NULL, NULL, _("No events."));
  }

  add_block (blocks, RS_BRIEF_BLOCK_SECTION, "notes", NULL, _("Notes"));
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(RsNote) note = g_list_model_get_item (notes, i);
      g_autofree char *subject = dup_note_subject (kase, note);
      g_autofree char *meta = NULL;

      add_block (blocks, RS_BRIEF_BLOCK_HEADING, "note", NULL, subject);
      add_block (blocks, RS_BRIEF_BLOCK_TEXT, "note-body", NULL, rs_note_get_body (note));
      if (!is_blank (rs_note_get_author (note)) || !is_blank (rs_note_get_updated (note)))
        {
          meta = g_strdup_printf ("%s%s%s", rs_note_get_author (note) ? rs_note_get_author (note) : "",
                                  !is_blank (rs_note_get_author (note)) && !is_blank (rs_note_get_updated (note)) ? ", " : "",
                                  rs_note_get_updated (note) ? rs_note_get_updated (note) : "");
          add_block (blocks, RS_BRIEF_BLOCK_META, NULL, NULL, meta);
        }
    }
  if (g_list_model_get_n_items (notes) == 0)
    add_block (blocks, RS_BRIEF_BLOCK_TEXT, NULL, NULL, _("No notes."));

  return blocks;
}

/* --- HTML ------------------------------------------------------------------------- */

static const char brief_css[] =
  "body{font-family:Cantarell,'Noto Sans','Noto Sans CJK JP',sans-serif;max-width:60em;"
  "margin:2em auto;padding:0 1em;color:#1e1e1e;background:#fff;line-height:1.45}"
  "h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;margin-top:2em}"
  "h3{font-size:1.05em;margin:1.4em 0 .2em}"
  ".meta{color:#5e5c64;margin:.1em 0}.lead{font-weight:bold}"
  "p{white-space:pre-wrap;overflow-wrap:anywhere;margin:.3em 0}"
  "blockquote{margin:.5em 0 0 1em;padding-left:.8em;border-left:3px solid #c0bfbc;"
  "white-space:pre-wrap;overflow-wrap:anywhere}"
  ".source{margin:.1em 0 .6em 1.9em;font-size:.9em;color:#5e5c64}"
  ".event{margin:.6em 0 .1em}.event .lead{display:inline-block;min-width:10em}"
  "figure{margin:1em 0;overflow:auto;border:1px solid #deddda}figure svg{max-width:100%;height:auto}"
  ".placeholder{padding:2em;color:#5e5c64;text-align:center}"
  ".status-confirmed{color:#26a269}.status-disputed{color:#c64600}.status-refuted{color:#c01c28}"
  "@media print{figure{break-inside:avoid}h2,h3{break-after:avoid}}";

static void
append_link_or_text (GString    *out,
                     const char *text,
                     const char *url)
{
  if (rs_export_text_is_web_url (url))
    {
      g_string_append (out, "<a href=\"");
      rs_export_text_append_escaped (out, url);
      g_string_append (out, "\" rel=\"noopener noreferrer\">");
      rs_export_text_append_escaped (out, text);
      g_string_append (out, "</a>");
    }
  else
    rs_export_text_append_escaped (out, text);
}

static void
append_open (GString    *out,
             const char *element,
             const char *klass)
{
  if (klass != NULL)
    g_string_append_printf (out, "<%s class=\"%s\">", element, klass);
  else
    g_string_append_printf (out, "<%s>", element);
}

/* The board as inline SVG from the board exporter (same filter, selection and style
 * options), or NULL with error saying why (no positions yet, for one). */
static char *
dup_board_svg (RsCase                 *kase,
               const RsExportOptions  *options,
               GCancellable           *cancellable,
               GError                **error)
{
  g_auto(RsExportOptions) board = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  rs_export_options_copy (options, &board);
  board.format = RS_EXPORT_FORMAT_SVG;
  board.content = RS_EXPORT_CONTENT_BOARD;
  bytes = rs_export_write_bytes (kase, &board, cancellable, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* An SVG document as an element in HTML: without its XML declaration. */
static void
append_inline_svg (GString    *out,
                   const char *svg)
{
  const char *start = strstr (svg, "<svg");

  g_string_append (out, start != NULL ? start : svg);
}

static gboolean
write_html (RsCase                 *kase,
            const RsExportOptions  *options,
            GOutputStream          *out,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr(GPtrArray) blocks = _rs_export_brief_build_blocks (kase, options);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  RsBriefBlock *title = g_ptr_array_index (blocks, 0);
  gboolean in_section = FALSE, in_article = FALSE;

  g_string_append (html,
                   "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Redstring\">\n<title>");
  rs_export_text_append_escaped (html, title->text);
  g_string_append_printf (html, "</title>\n<style>%s</style>\n</head>\n<body>\n", brief_css);

  for (guint i = 0; i < blocks->len; i++)
    {
      RsBriefBlock *block = g_ptr_array_index (blocks, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, NULL))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_CANCELLED, _("The export was cancelled"));
          return FALSE;
        }

      if (in_article && (block->kind == RS_BRIEF_BLOCK_HEADING || block->kind == RS_BRIEF_BLOCK_SECTION))
        {
          g_string_append (html, "</article>\n");
          in_article = FALSE;
        }
      if (in_section && block->kind == RS_BRIEF_BLOCK_SECTION)
        {
          g_string_append (html, "</section>\n");
          in_section = FALSE;
        }

      switch (block->kind)
        {
        case RS_BRIEF_BLOCK_TITLE:
          g_string_append (html, "<header>\n<h1>");
          rs_export_text_append_escaped (html, block->text);
          g_string_append (html, "</h1>\n</header>\n");
          break;
        case RS_BRIEF_BLOCK_SECTION:
          g_string_append_printf (html, "<section class=\"%s\">\n<h2>", block->klass);
          rs_export_text_append_escaped (html, block->text);
          g_string_append (html, "</h2>\n");
          in_section = TRUE;
          break;
        case RS_BRIEF_BLOCK_HEADING:
          append_open (html, "article", block->klass);
          g_string_append (html, "\n<h3>");
          rs_export_text_append_escaped (html, block->text);
          g_string_append (html, "</h3>\n");
          in_article = TRUE;
          break;
        case RS_BRIEF_BLOCK_TEXT:
        case RS_BRIEF_BLOCK_META:
        case RS_BRIEF_BLOCK_EVENT:
          append_open (html, "p", block->kind == RS_BRIEF_BLOCK_META ? "meta"
                                  : block->kind == RS_BRIEF_BLOCK_EVENT ? "event" : block->klass);
          if (block->lead != NULL)
            {
              g_string_append (html, "<span class=\"lead\">");
              rs_export_text_append_escaped (html, block->lead);
              g_string_append (html, "</span> ");
            }
          if (block->kind == RS_BRIEF_BLOCK_META && block->klass != NULL)
            append_open (html, "span", block->klass);
          rs_export_text_append_escaped (html, block->text);
          if (block->kind == RS_BRIEF_BLOCK_META && block->klass != NULL)
            g_string_append (html, "</span>");
          g_string_append (html, "</p>\n");
          break;
        case RS_BRIEF_BLOCK_QUOTE:
          g_string_append (html, "<blockquote>");
          rs_export_text_append_escaped (html, block->text);
          g_string_append (html, "</blockquote>\n");
          break;
        case RS_BRIEF_BLOCK_SOURCE:
          g_string_append (html, "<p class=\"source\">— ");
          append_link_or_text (html, block->text, block->url);
          if (!is_blank (block->url) && !rs_export_text_is_web_url (block->url))
            {
              /* Shown, never followed: a link only for http(s). */
              g_autofree char *isolated = isolate (block->url);

              g_string_append (html, " <span class=\"meta\">(");
              rs_export_text_append_escaped (html, isolated);
              g_string_append (html, ")</span>");
            }
          g_string_append (html, "</p>\n");
          break;
        case RS_BRIEF_BLOCK_BOARD:
          {
            g_autoptr(GError) board_error = NULL;
            g_autofree char *svg = dup_board_svg (kase, options, cancellable, &board_error);

            if (g_error_matches (board_error, RS_ERROR, RS_ERROR_CANCELLED) ||
                g_error_matches (board_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
              {
                g_set_error (error, RS_ERROR, RS_ERROR_CANCELLED, _("The export was cancelled"));
                return FALSE;
              }
            g_string_append (html, "<figure class=\"board\">");
            if (svg != NULL)
              append_inline_svg (html, svg);
            else
              {
                /* The brief is still worth having without its figure: say why. */
                g_string_append (html, "<p class=\"placeholder\">");
                rs_export_text_append_escaped (html, board_error->message);
                g_string_append (html, "</p>");
              }
            g_string_append (html, "</figure>\n");
            break;
          }
        case RS_BRIEF_BLOCK_TIMELINE:
          {
            g_autofree char *svg = rs_export_timeline_dup_svg (kase, style, FALSE);

            if (svg != NULL)
              {
                g_string_append (html, "<figure class=\"timeline\">");
                append_inline_svg (html, svg);
                g_string_append (html, "</figure>\n");
              }
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }
  if (in_article)
    g_string_append (html, "</article>\n");
  if (in_section)
    g_string_append (html, "</section>\n");
  g_string_append (html, "<footer class=\"meta\">Made with Redstring</footer>\n</body>\n</html>\n");

  return rs_export_text_write (out, html, cancellable, error);
}

gboolean
rs_export_brief_write (RsCase                 *kase,
                       const RsExportOptions  *options,
                       GOutputStream          *out,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (options->format)
    {
    case RS_EXPORT_FORMAT_HTML:
      return write_html (kase, options, out, cancellable, error);
    case RS_EXPORT_FORMAT_PDF:
      return rs_export_brief_write_pdf (kase, options, out, cancellable, error);
    default:
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The brief can be exported as HTML or PDF only"));
      return FALSE;
    }
}
