/* rs-export-csv.c: entities, relations, events or quotes as CSV
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-document.h"
#include "rs-entity.h"
#include "rs-enum-types.h"
#include "rs-event.h"
#include "rs-evidence.h"
#include "rs-export-data.h"
#include "rs-fuzzy-date.h"
#include "rs-quote.h"
#include "rs-relation.h"

/* RFC 4180: comma-separated, CR LF after every record, a header record, a cell quoted
 * when it holds a comma, a double quote, CR or LF (quotes doubled inside).
 *
 * UTF-8 with a byte order mark: Excel reads a CSV file without one in the system's
 * ANSI code page (Japanese and Cyrillic names turn to mojibake); with it Excel,
 * LibreOffice, Numbers, Google Sheets and Python's "utf-8-sig" all read UTF-8. A
 * reader that does not expect it sees U+FEFF before the first header name.
 *
 * Formula injection (OWASP, "CSV Injection"): a text cell that begins with "=", "+",
 * "-", "@", tab or carriage return gets a leading "'", so a spreadsheet shows it as
 * text instead of running it. Numbers Redstring writes itself (ids, positions, counts)
 * are written as they are: "-12.5" is a position, not a formula. */

#define FLUSH_AT (64 * 1024)
#define ALIAS_SEPARATOR "; "

typedef struct
{
  GString *s;
  gboolean first;
} Row;

static void
cell_separator (Row *row)
{
  if (!row->first)
    g_string_append_c (row->s, ',');
  row->first = FALSE;
}

static void
cell_text (Row        *row,
           const char *text)
{
  gboolean quote;

  cell_separator (row);
  if (text == NULL || *text == '\0')
    return;

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (row->s, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (row->s, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row->s, '"');
      g_string_append_c (row->s, *p);
    }
  if (quote)
    g_string_append_c (row->s, '"');
}

static void
cell_int (Row    *row,
          gint64  value)
{
  cell_separator (row);
  g_string_append_printf (row->s, "%" G_GINT64_FORMAT, value);
}

static void
cell_double (Row    *row,
             double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  cell_separator (row);
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  g_string_append (row->s, buf);
}

static void
cell_bool (Row      *row,
           gboolean  value)
{
  cell_text (row, value ? "true" : "false");
}

static void
row_begin (Row     *row,
           GString *s)
{
  row->s = s;
  row->first = TRUE;
}

static void
row_end (Row *row)
{
  g_string_append (row->s, "\r\n");
}

static void
header (GString            *s,
        const char * const *names)
{
  Row row;

  row_begin (&row, s);
  for (guint i = 0; names[i] != NULL; i++)
    cell_text (&row, names[i]);
  row_end (&row);
}

static const char *
entity_name (RsCase *kase,
             gint64  id)
{
  RsEntity *entity = rs_case_lookup_entity (kase, id);

  return entity != NULL ? rs_entity_get_name (entity) : NULL;
}

/* Tables -------------------------------------------------------------------- */

static void
entity_row (GString            *s,
            RsCase             *kase,
            gint64              id,
            RsEntityKind        kind,
            const char         *name,
            const char * const *aliases,
            gboolean            placed,
            double              x,
            double              y,
            guint               n_documents)
{
  g_autofree char *joined = aliases != NULL ? g_strjoinv (ALIAS_SEPARATOR, (char **) aliases) : NULL;
  Row row;

  row_begin (&row, s);
  cell_int (&row, id);
  cell_text (&row, rs_enum_to_nick (RS_TYPE_ENTITY_KIND, kind));
  cell_text (&row, name);
  cell_text (&row, joined);
  if (placed)
    {
      cell_double (&row, x);
      cell_double (&row, y);
    }
  else
    {
      cell_text (&row, NULL);
      cell_text (&row, NULL);
    }
  cell_int (&row, n_documents);
  row_end (&row);
}

static gboolean
write_entities (RsCase         *kase,
                RsBoardScene   *scene,
                GString        *s,
                GOutputStream  *out,
                GCancellable   *cancellable,
                GError        **error)
{
  static const char * const names[] = {
    "id", "kind", "name", "aliases", "x", "y", "documents", NULL
  };

  header (s, names);
  if (scene != NULL)
    {
      for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (scene, i);

          if (!_rs_export_data_node_drawn (scene, i))
            continue;
          entity_row (s, kase, node->id, node->kind, node->name,
                      (const char * const *) node->aliases,
                      !(node->flags & RS_BOARD_ITEM_UNPLACED), node->x, node->y,
                      node->n_documents);
          if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
            return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_entities (kase)); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (rs_case_get_entities (kase), i);
      gint64 id = rs_entity_get_id (entity);

      entity_row (s, kase, id, rs_entity_get_kind (entity), rs_entity_get_name (entity),
                  rs_entity_get_aliases (entity), rs_entity_get_has_position (entity),
                  rs_entity_get_x (entity), rs_entity_get_y (entity),
                  rs_case_count_documents_for (kase, RS_TARGET_ENTITY, id));
      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static void
relation_row (GString    *s,
              RsCase     *kase,
              RsRelation *relation,
              guint       n_documents)
{
  Row row;

  row_begin (&row, s);
  cell_int (&row, rs_relation_get_id (relation));
  cell_int (&row, rs_relation_get_source_id (relation));
  cell_text (&row, entity_name (kase, rs_relation_get_source_id (relation)));
  cell_int (&row, rs_relation_get_target_id (relation));
  cell_text (&row, entity_name (kase, rs_relation_get_target_id (relation)));
  cell_text (&row, rs_relation_get_label (relation));
  cell_text (&row, rs_enum_to_nick (RS_TYPE_RELATION_STATUS, rs_relation_get_status (relation)));
  cell_bool (&row, rs_relation_get_directed (relation));
  cell_int (&row, n_documents);
  row_end (&row);
}

static gboolean
write_relations (RsCase         *kase,
                 RsBoardScene   *scene,
                 GString        *s,
                 GOutputStream  *out,
                 GCancellable   *cancellable,
                 GError        **error)
{
  static const char * const names[] = {
    "id", "source_id", "source", "target_id", "target", "label", "status", "directed",
    "documents", NULL
  };
  GListModel *relations = rs_case_get_relations (kase);

  header (s, names);
  if (scene != NULL)
    {
      for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
        {
          const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
          RsRelation *relation = rs_case_lookup_relation (kase, edge->id);

          if (relation == NULL || !_rs_export_data_edge_drawn (scene, i))
            continue;
          relation_row (s, kase, relation, edge->n_documents);
          if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
            return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);

      relation_row (s, kase, relation,
                    rs_case_count_documents_for (kase, RS_TARGET_RELATION,
                                                 rs_relation_get_id (relation)));
      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_events (RsCase         *kase,
              GString        *s,
              GOutputStream  *out,
              GCancellable   *cancellable,
              GError        **error)
{
  static const char * const names[] = {
    "id", "date_start", "date_end", "date", "precision", "qualifier", "title",
    "description", "entities", NULL
  };
  GListModel *events = rs_case_get_events (kase);

  header (s, names);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RsEvent) event = g_list_model_get_item (events, i);
      RsFuzzyDate *date = rs_event_get_date (event);
      g_autofree char *start = date != NULL ? rs_fuzzy_date_dup_start (date) : NULL;
      g_autofree char *end = date != NULL ? rs_fuzzy_date_dup_end (date) : NULL;
      g_autofree char *phrase = date != NULL ? rs_fuzzy_date_format (date) : NULL;
      g_autoptr(GString) entities = g_string_new (NULL);
      const gint64 *ids;
      guint n_ids = 0;
      Row row;

      ids = rs_event_get_entity_ids (event, &n_ids);
      for (guint j = 0; j < n_ids; j++)
        {
          const char *name = entity_name (kase, ids[j]);

          if (name == NULL)
            continue;
          if (entities->len > 0)
            g_string_append (entities, ALIAS_SEPARATOR);
          g_string_append (entities, name);
        }

      row_begin (&row, s);
      cell_int (&row, rs_event_get_id (event));
      cell_text (&row, start);
      cell_text (&row, end);
      cell_text (&row, phrase);
      cell_text (&row, date != NULL ? rs_enum_to_nick (RS_TYPE_DATE_PRECISION,
                                                       rs_fuzzy_date_get_precision (date))
                                    : NULL);
      cell_text (&row, date != NULL && rs_fuzzy_date_get_qualifier (date) != RS_DATE_QUALIFIER_NONE
                       ? rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER, rs_fuzzy_date_get_qualifier (date))
                       : NULL);
      cell_text (&row, rs_event_get_title (event));
      cell_text (&row, rs_event_get_description (event));
      cell_text (&row, entities->str);
      row_end (&row);
      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* "entity: Tick (supports)", "relation: Tick → directed → JAXA (mentions)". */
static void
append_backing (GString    *backs,
                RsCase     *kase,
                RsEvidence *evidence)
{
  gint64 id = rs_evidence_get_target_id (evidence);
  const char *stance = rs_enum_to_nick (RS_TYPE_STANCE, rs_evidence_get_stance (evidence));

  if (backs->len > 0)
    g_string_append (backs, ALIAS_SEPARATOR);

  switch (rs_evidence_get_target (evidence))
    {
    case RS_TARGET_ENTITY:
      g_string_append_printf (backs, "entity: %s", entity_name (kase, id) ?: "?");
      break;

    case RS_TARGET_RELATION:
      {
        RsRelation *relation = rs_case_lookup_relation (kase, id);

        if (relation != NULL)
          g_string_append_printf (backs, "relation: %s → %s → %s",
                                  entity_name (kase, rs_relation_get_source_id (relation)) ?: "?",
                                  rs_relation_get_label (relation) ?: "",
                                  entity_name (kase, rs_relation_get_target_id (relation)) ?: "?");
        else
          g_string_append (backs, "relation: ?");
      }
      break;

    case RS_TARGET_EVENT:
      {
        RsEvent *event = rs_case_lookup_event (kase, id);

        g_string_append_printf (backs, "event: %s",
                                event != NULL ? rs_event_get_title (event) ?: "" : "?");
      }
      break;

    default:
      g_string_append_printf (backs, "%s %" G_GINT64_FORMAT,
                              rs_enum_to_nick (RS_TYPE_TARGET, rs_evidence_get_target (evidence)),
                              id);
      break;
    }
  g_string_append_printf (backs, " (%s)", stance);
}

static gboolean
write_quotes (RsCase         *kase,
              GString        *s,
              GOutputStream  *out,
              GCancellable   *cancellable,
              GError        **error)
{
  static const char * const names[] = {
    "id", "document", "publisher", "published", "url", "text", "start", "end", "backs", NULL
  };
  GListModel *quotes = rs_case_get_quotes (kase);

  header (s, names);
  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (quotes, i);
      RsDocument *document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_of_quote (kase, rs_quote_get_id (quote));
      g_autoptr(GString) backs = g_string_new (NULL);
      Row row;

      for (guint j = 0; evidence != NULL && j < evidence->len; j++)
        append_backing (backs, kase, g_ptr_array_index (evidence, j));

      row_begin (&row, s);
      cell_int (&row, rs_quote_get_id (quote));
      cell_text (&row, document != NULL ? rs_document_get_title (document) : NULL);
      cell_text (&row, document != NULL ? rs_document_get_publisher (document) : NULL);
      cell_text (&row, document != NULL ? rs_document_get_published (document) : NULL);
      cell_text (&row, document != NULL ? rs_document_get_url (document) : NULL);
      cell_text (&row, rs_quote_get_text (quote));
      cell_int (&row, rs_quote_get_start (quote));
      cell_int (&row, rs_quote_get_end (quote));
      cell_text (&row, backs->str);
      row_end (&row);
      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rs_export_csv_write (RsCase                 *kase,
                     RsBoardScene           *scene,
                     const RsExportOptions  *options,
                     GOutputStream          *out,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(GString) s = g_string_new ("\xEF\xBB\xBF");
  gboolean ok = FALSE;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (options->csv_table)
    {
    case RS_EXPORT_CSV_ENTITIES:
      ok = write_entities (kase, scene, s, out, cancellable, error);
      break;
    case RS_EXPORT_CSV_RELATIONS:
      ok = write_relations (kase, scene, s, out, cancellable, error);
      break;
    case RS_EXPORT_CSV_EVENTS:
      ok = write_events (kase, s, out, cancellable, error);
      break;
    case RS_EXPORT_CSV_QUOTES:
      ok = write_quotes (kase, s, out, cancellable, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  return ok && _rs_export_data_flush (s, out, 0, cancellable, error);
}
