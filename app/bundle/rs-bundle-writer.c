/* rs-bundle-writer.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-bundle-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rs-bundle.h"
#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-export-stix-private.h"
#include "rs-fuzzy-date.h"

/* Bundle ids are the records' uids, made unique across the whole bundle (a case
 * file from elsewhere may reuse a uid in two tables). */
typedef struct
{
  GHashTable *used;       /* id strings in use */
  GHashTable *by_record;  /* GObject* -> id */
} IdMap;

static const char *
assign_id (IdMap      *map,
           gpointer    record,
           const char *uid,
           const char *prefix,
           gint64      db_id)
{
  g_autofree char *base = uid && *uid ? g_strdup (uid)
                                      : g_strdup_printf ("%s%" G_GINT64_FORMAT, prefix, db_id);
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (map->used, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (map->used, id);
  g_hash_table_insert (map->by_record, record, id);
  return id;
}

static const char *
id_of (IdMap    *map,
       gpointer  record)
{
  return record ? g_hash_table_lookup (map->by_record, record) : NULL;
}

static void
add_optional (JsonBuilder *b,
              const char  *member,
              const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

#define FOREACH_ITEM(list, Type, var)                                                 \
  for (guint _i = 0, _n = g_list_model_get_n_items (list); _i < _n; _i++)            \
    for (g_autoptr(Type) var = g_list_model_get_item (list, _i); var; var = (g_object_unref (var), NULL))

/* What schema 8 keeps of a record beyond the model (issue 22): its external references
 * and the STIX ids it came with. Written only when it has some, so that the bundle of
 * a case that never met STIX is what it was before. */
static void
write_stix_members (JsonBuilder    *b,
                    RsStixSnapshot *stix,
                    RsTarget        target,
                    gint64          id)
{
  GPtrArray *refs = _rs_stix_snapshot_get_references (stix, target, id);
  const char * const *ids = _rs_stix_snapshot_get_ids (stix, target, id);

  if (refs != NULL && refs->len > 0)
    {
      json_builder_set_member_name (b, "external_references");
      json_builder_begin_array (b);
      for (guint i = 0; i < refs->len; i++)
        {
          RsExternalReference *ref = g_ptr_array_index (refs, i);

          json_builder_begin_object (b);
          add_optional (b, "source_name", ref->source_name);
          add_optional (b, "external_id", ref->external_id);
          add_optional (b, "url", ref->url);
          add_optional (b, "description", ref->description);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  if (ids != NULL && ids[0] != NULL)
    {
      json_builder_set_member_name (b, "stix_ids");
      json_builder_begin_array (b);
      for (guint i = 0; ids[i] != NULL; i++)
        json_builder_add_string_value (b, ids[i]);
      json_builder_end_array (b);
    }
}

/* JSON the case file keeps as text (a STIX object), as a value of the bundle; NULL
 * when it is not JSON (left out: the reader would refuse it). */
static JsonNode *
parse_kept (const char *text)
{
  return text != NULL ? json_from_string (text, NULL) : NULL;
}

/* The marking definitions (TLP, copyright) and the STIX objects Redstring does not map
 * that the case keeps; neither member when there are none. */
static void
write_kept_stix (JsonBuilder    *b,
                 RsStixSnapshot *stix)
{
  GPtrArray *markings = _rs_stix_snapshot_get_markings (stix);
  GPtrArray *objects = _rs_stix_snapshot_get_objects (stix);

  if (markings != NULL && markings->len > 0)
    {
      json_builder_set_member_name (b, "markings");
      json_builder_begin_array (b);
      for (guint i = 0; i < markings->len; i++)
        {
          RsStixObject *marking = g_ptr_array_index (markings, i);
          JsonNode *object = parse_kept (marking->object);
          JsonNode *definition = parse_kept (marking->definition);

          if (object == NULL || !JSON_NODE_HOLDS_OBJECT (object))
            {
              g_clear_pointer (&object, json_node_unref);
              g_clear_pointer (&definition, json_node_unref);
              continue;
            }
          json_builder_begin_object (b);
          add_optional (b, "id", marking->stix_id);
          add_optional (b, "name", marking->name);
          add_optional (b, "definition_type", marking->definition_type);
          json_builder_set_member_name (b, "definition");
          if (definition != NULL)
            json_builder_add_value (b, definition);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "object");
          json_builder_add_value (b, object);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  if (objects != NULL && objects->len > 0)
    {
      json_builder_set_member_name (b, "stix_objects");
      json_builder_begin_array (b);
      for (guint i = 0; i < objects->len; i++)
        {
          RsStixObject *kept = g_ptr_array_index (objects, i);
          JsonNode *object = parse_kept (kept->object);

          if (object != NULL && JSON_NODE_HOLDS_OBJECT (object))
            json_builder_add_value (b, object);
          else
            g_clear_pointer (&object, json_node_unref);
        }
      json_builder_end_array (b);
    }
}

static void
write_documents (JsonBuilder    *b,
                 RsCase         *kase,
                 RsStixSnapshot *stix,
                 IdMap          *map)
{
  static const char *grades[] = { "unknown", "A", "B", "C", "D", "E", "F" };

  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_documents (kase), RsDocument, doc)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, doc));
      add_optional (b, "title", rs_document_get_title (doc));
      add_optional (b, "publisher", rs_document_get_publisher (doc));
      add_optional (b, "author", rs_document_get_author (doc));
      add_optional (b, "published", rs_document_get_published (doc));
      add_optional (b, "url", rs_document_get_url (doc));
      add_optional (b, "imported_at", rs_document_get_imported_at (doc));
      add_optional (b, "reliability", grades[rs_document_get_reliability (doc)]);
      add_optional (b, "text", rs_document_get_text (doc));
      write_stix_members (b, stix, RS_TARGET_DOCUMENT, rs_document_get_id (doc));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_entities (JsonBuilder    *b,
                RsCase         *kase,
                RsStixSnapshot *stix,
                IdMap          *map)
{
  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_entities (kase), RsEntity, entity)
    {
      const char * const *aliases = rs_entity_get_aliases (entity);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, entity));
      add_optional (b, "kind", rs_enum_to_nick (RS_TYPE_ENTITY_KIND, rs_entity_get_kind (entity)));
      add_optional (b, "name", rs_entity_get_name (entity));
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint i = 0; aliases && aliases[i]; i++)
        json_builder_add_string_value (b, aliases[i]);
      json_builder_end_array (b);
      add_optional (b, "description", rs_entity_get_description (entity));
      write_stix_members (b, stix, RS_TARGET_ENTITY, rs_entity_get_id (entity));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_relations (JsonBuilder    *b,
                 RsCase         *kase,
                 RsStixSnapshot *stix,
                 IdMap          *map)
{
  json_builder_set_member_name (b, "relations");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_relations (kase), RsRelation, relation)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, relation));
      add_optional (b, "source",
                    id_of (map, rs_case_lookup_entity (kase, rs_relation_get_source_id (relation))));
      add_optional (b, "target",
                    id_of (map, rs_case_lookup_entity (kase, rs_relation_get_target_id (relation))));
      add_optional (b, "label", rs_relation_get_label (relation));
      json_builder_set_member_name (b, "directed");
      json_builder_add_boolean_value (b, rs_relation_get_directed (relation));
      add_optional (b, "status",
                    rs_enum_to_nick (RS_TYPE_RELATION_STATUS, rs_relation_get_status (relation)));
      write_stix_members (b, stix, RS_TARGET_RELATION, rs_relation_get_id (relation));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_quotes (JsonBuilder *b,
              RsCase      *kase,
              IdMap       *map)
{
  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_quotes (kase), RsQuote, quote)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, quote));
      add_optional (b, "document",
                    id_of (map, rs_case_lookup_document (kase, rs_quote_get_document_id (quote))));
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, rs_quote_get_start (quote));
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, rs_quote_get_end (quote));
      add_optional (b, "text", rs_quote_get_text (quote));
      json_builder_set_member_name (b, "credibility");
      if (rs_quote_get_credibility (quote) > 0)
        json_builder_add_int_value (b, rs_quote_get_credibility (quote));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static gpointer
lookup_target (RsCase   *kase,
               RsTarget  target,
               gint64    id)
{
  switch (target)
    {
    case RS_TARGET_DOCUMENT: return rs_case_lookup_document (kase, id);
    case RS_TARGET_ENTITY:   return rs_case_lookup_entity (kase, id);
    case RS_TARGET_RELATION: return rs_case_lookup_relation (kase, id);
    case RS_TARGET_EVENT:    return rs_case_lookup_event (kase, id);
    case RS_TARGET_QUOTE:    return rs_case_lookup_quote (kase, id);
    case RS_TARGET_CASE:
    default:                 return NULL;
    }
}

static void
write_evidence (JsonBuilder *b,
                RsCase      *kase,
                IdMap       *map)
{
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_evidence (kase), RsEvidence, evidence)
    {
      json_builder_begin_object (b);
      add_optional (b, "quote",
                    id_of (map, rs_case_lookup_quote (kase, rs_evidence_get_quote_id (evidence))));
      add_optional (b, "target",
                    id_of (map, lookup_target (kase, rs_evidence_get_target (evidence),
                                               rs_evidence_get_target_id (evidence))));
      add_optional (b, "stance", rs_enum_to_nick (RS_TYPE_STANCE, rs_evidence_get_stance (evidence)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_events (JsonBuilder    *b,
              RsCase         *kase,
              RsStixSnapshot *stix,
              IdMap          *map)
{
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_events (kase), RsEvent, event)
    {
      RsFuzzyDate *date = rs_event_get_date (event);
      g_autofree char *start = rs_fuzzy_date_dup_start (date);
      g_autofree char *end = rs_fuzzy_date_dup_end (date);
      RsDateQualifier qualifier = rs_fuzzy_date_get_qualifier (date);
      const gint64 *ids;
      guint n_ids;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, event));
      add_optional (b, "date", start);
      add_optional (b, "end", end);
      add_optional (b, "precision",
                    rs_enum_to_nick (RS_TYPE_DATE_PRECISION, rs_fuzzy_date_get_precision (date)));
      add_optional (b, "qualifier", qualifier == RS_DATE_QUALIFIER_NONE
                                    ? NULL : rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER, qualifier));
      add_optional (b, "title", rs_event_get_title (event));
      add_optional (b, "description", rs_event_get_description (event));
      json_builder_set_member_name (b, "entities");
      json_builder_begin_array (b);
      ids = rs_event_get_entity_ids (event, &n_ids);
      for (guint i = 0; i < n_ids; i++)
        {
          const char *id = id_of (map, rs_case_lookup_entity (kase, ids[i]));

          if (id)
            json_builder_add_string_value (b, id);
        }
      json_builder_end_array (b);
      write_stix_members (b, stix, RS_TARGET_EVENT, rs_event_get_id (event));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_notes (JsonBuilder *b,
             RsCase      *kase,
             IdMap       *map)
{
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_notes (kase), RsNote, note)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, note));
      add_optional (b, "target",
                    id_of (map, lookup_target (kase, rs_note_get_target (note),
                                               rs_note_get_target_id (note))));
      add_optional (b, "body", rs_note_get_body (note));
      add_optional (b, "author", rs_note_get_author (note));
      add_optional (b, "created", rs_note_get_created (note));
      add_optional (b, "updated", rs_note_get_updated (note));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Review states and threads travel with the case; a case nobody reviewed writes
 * neither array, so its bundle stays what it was before review existed. */
static void
write_reviews (JsonBuilder *b,
               RsCase      *kase,
               IdMap       *map)
{
  if (g_list_model_get_n_items (rs_case_get_reviews (kase)) == 0)
    return;
  json_builder_set_member_name (b, "reviews");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_reviews (kase), RsReview, review)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, review));
      add_optional (b, "target",
                    id_of (map, lookup_target (kase, rs_review_get_target (review),
                                               rs_review_get_target_id (review))));
      add_optional (b, "state", rs_enum_to_nick (RS_TYPE_REVIEW_STATE, rs_review_get_state (review)));
      add_optional (b, "reviewer", rs_review_get_reviewer (review));
      add_optional (b, "time", rs_review_get_time (review));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_comments (JsonBuilder *b,
                RsCase      *kase,
                IdMap       *map)
{
  if (g_list_model_get_n_items (rs_case_get_comments (kase)) == 0)
    return;
  json_builder_set_member_name (b, "comments");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_comments (kase), RsComment, comment)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id_of (map, comment));
      add_optional (b, "target",
                    id_of (map, lookup_target (kase, rs_comment_get_target (comment),
                                               rs_comment_get_target_id (comment))));
      add_optional (b, "author", rs_comment_get_author (comment));
      add_optional (b, "time", rs_comment_get_time (comment));
      add_optional (b, "body", rs_comment_get_body (comment));
      json_builder_set_member_name (b, "resolved");
      json_builder_add_boolean_value (b, rs_comment_get_resolved (comment));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_positions (JsonBuilder *b,
                 RsCase      *kase,
                 IdMap       *map)
{
  json_builder_set_member_name (b, "positions");
  json_builder_begin_array (b);
  FOREACH_ITEM (rs_case_get_entities (kase), RsEntity, entity)
    {
      if (!rs_entity_get_has_position (entity))
        continue;
      json_builder_begin_object (b);
      add_optional (b, "entity", id_of (map, entity));
      json_builder_set_member_name (b, "x");
      json_builder_add_double_value (b, rs_entity_get_x (entity));
      json_builder_set_member_name (b, "y");
      json_builder_add_double_value (b, rs_entity_get_y (entity));
      json_builder_set_member_name (b, "pinned");
      json_builder_add_boolean_value (b, rs_entity_get_pinned (entity));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Every record gets its bundle id before anything is written: evidence and notes
 * refer to records of any type. */
static void
assign_ids (RsCase *kase,
            IdMap  *map)
{
  FOREACH_ITEM (rs_case_get_documents (kase), RsDocument, doc)
    assign_id (map, doc, rs_document_get_uid (doc), "doc-", rs_document_get_id (doc));
  FOREACH_ITEM (rs_case_get_entities (kase), RsEntity, entity)
    assign_id (map, entity, rs_entity_get_uid (entity), "entity-", rs_entity_get_id (entity));
  FOREACH_ITEM (rs_case_get_relations (kase), RsRelation, relation)
    assign_id (map, relation, rs_relation_get_uid (relation), "relation-",
               rs_relation_get_id (relation));
  FOREACH_ITEM (rs_case_get_quotes (kase), RsQuote, quote)
    assign_id (map, quote, rs_quote_get_uid (quote), "quote-", rs_quote_get_id (quote));
  FOREACH_ITEM (rs_case_get_events (kase), RsEvent, event)
    assign_id (map, event, rs_event_get_uid (event), "event-", rs_event_get_id (event));
  FOREACH_ITEM (rs_case_get_notes (kase), RsNote, note)
    assign_id (map, note, rs_note_get_uid (note), "note-", rs_note_get_id (note));
  FOREACH_ITEM (rs_case_get_reviews (kase), RsReview, review)
    assign_id (map, review, rs_review_get_uid (review), "review-", rs_review_get_id (review));
  FOREACH_ITEM (rs_case_get_comments (kase), RsComment, comment)
    assign_id (map, comment, rs_comment_get_uid (comment), "comment-", rs_comment_get_id (comment));
}

GBytes *
rs_bundle_export (RsCase  *kase,
                  GError **error)
{
  return rs_bundle_export_with_stix (kase, NULL, error);
}

/**
 * rs_bundle_export_with_stix:
 * @stix: (nullable): what the case file keeps of STIX (rs_stix_snapshot_new()), or
 *   %NULL for the model alone
 *
 * The case as a bundle, with the external references, STIX ids, markings and kept
 * STIX objects of @stix as its optional members.
 */
GBytes *
rs_bundle_export_with_stix (RsCase          *kase,
                            RsStixSnapshot  *stix,
                            GError         **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  IdMap map;
  char *data;
  gsize length;

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  map.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  map.by_record = g_hash_table_new (NULL, NULL);

  json_builder_begin_object (b);
  add_optional (b, "format", RS_BUNDLE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, RS_BUNDLE_VERSION);
  json_builder_set_member_name (b, "case");
  json_builder_begin_object (b);
  add_optional (b, "title", rs_case_get_title (kase));
  add_optional (b, "description", rs_case_get_description (kase));
  add_optional (b, "created", rs_case_get_created (kase));
  json_builder_end_object (b);

  assign_ids (kase, &map);
  write_documents (b, kase, stix, &map);
  write_entities (b, kase, stix, &map);
  write_relations (b, kase, stix, &map);
  write_quotes (b, kase, &map);
  write_evidence (b, kase, &map);
  write_events (b, kase, stix, &map);
  write_notes (b, kase, &map);
  write_reviews (b, kase, &map);
  write_comments (b, kase, &map);
  write_positions (b, kase, &map);
  write_kept_stix (b, stix);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  g_hash_table_unref (map.by_record);
  g_hash_table_unref (map.used);

  return g_bytes_new_take (data, length);
}

gboolean
rs_bundle_export_file (RsCase          *kase,
                       RsStixSnapshot  *stix,
                       const char      *path,
                       GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(bytes = rs_bundle_export_with_stix (kase, stix, error)))
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  /* g_file_set_contents writes a temporary file and renames it: never half a bundle. */
  return g_file_set_contents (path, data, size, error);
}
