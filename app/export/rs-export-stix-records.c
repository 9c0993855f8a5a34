/* rs-export-stix-records.c: the case's records as STIX objects
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-stix"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-enum-types.h"
#include "rs-export-stix-writer.h"
#include "rs-fuzzy-date.h"

/* Entities, relations, reports, sightings and notes (rs-export-stix.c says what goes
 * where); each with the Redstring extension's members. */

/* The relationship_type a relation exports as. */
static char *
relation_type (RsStixWriter *s,
               RsRelation   *relation)
{
  const char *verb = _rs_stix_verb_of_label (rs_relation_get_label (relation));
  const char *source = _rs_stix_out_entity_type_of_id (s, rs_relation_get_source_id (relation));
  const char *target = _rs_stix_out_entity_type_of_id (s, rs_relation_get_target_id (relation));

  if (verb != NULL && source != NULL && target != NULL)
    {
      if (_rs_stix_pairing_plausible (verb, source, target))
        return g_strdup (verb);
      /* A group or campaign is "based in" a place the way STIX says it originates from. */
      if (g_str_equal (verb, "located-at") &&
          _rs_stix_pairing_plausible ("originates-from", source, target))
        return g_strdup ("originates-from");
    }
  return _rs_stix_slug_of_label (rs_relation_get_label (relation));
}

void
_rs_stix_out_write_entity (RsStixWriter *s,
                           RsEntity     *entity)
{
  JsonBuilder *b = s->b;
  const char *type = _rs_stix_out_entity_type (s, entity);
  const char *name = rs_entity_get_name (entity);
  const char * const *aliases = rs_entity_get_aliases (entity);
  guint n_aliases = aliases ? g_strv_length ((char **) aliases) : 0;
  RsEntityKind kind = rs_entity_get_kind (entity);

  _rs_stix_out_begin_object (s, type, id_of (s, entity), s->creator_id, NULL, NULL);
  member_string (b, "name", name != NULL ? name : "");
  member_text (b, "description", rs_entity_get_description (entity));
  if (n_aliases > 0 && _rs_stix_type_has_aliases (type))
    {
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_aliases; i++)
        json_builder_add_string_value (b, aliases[i]);
      json_builder_end_array (b);
    }

  if (g_str_equal (type, "identity"))
    member_string (b, "identity_class",
                   kind == RS_ENTITY_KIND_PERSON ? "individual" : "organization");
  else if (g_str_equal (type, "malware"))
    member_bool (b, "is_family", TRUE);
  else if (g_str_equal (type, "location"))
    {
      const char *code = _rs_stix_country_code (name);

      for (guint i = 0; code == NULL && i < n_aliases; i++)
        code = _rs_stix_country_code (aliases[i]);
      /* Not a country we know: the name as the region STIX requires something in. */
      if (code != NULL)
        member_string (b, "country", code);
      else
        member_string (b, "region", name != NULL && *name != '\0' ? name : "unknown");
    }
  _rs_stix_out_add_markings (s, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  {
    g_autoptr(GPtrArray) made =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rs_external_reference_free);

    if (g_str_equal (type, "vulnerability"))
      for (guint i = 0; i <= n_aliases; i++)
        {
          const char *word = i == 0 ? name : aliases[i - 1];

          if (_rs_stix_is_cve (word))
            g_ptr_array_add (made, rs_external_reference_new ("cve", word, NULL, NULL));
        }
    _rs_stix_out_add_external_references (s, RS_TARGET_ENTITY, rs_entity_get_id (entity), made);
  }

  _rs_stix_out_begin_extension (s, g_str_equal (type, RS_STIX_OTHER_TYPE) ? "new-sdo"
                                                                       : "property-extension");
  member_text (b, "record_uid", rs_entity_get_uid (entity));
  member_string (b, "kind", rs_enum_to_nick (RS_TYPE_ENTITY_KIND, kind));
  member_text (b, "external_id", rs_entity_get_external_id (entity));
  if (n_aliases > 0)
    {
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_aliases; i++)
        json_builder_add_string_value (b, aliases[i]);
      json_builder_end_array (b);
    }
  if (rs_entity_get_has_position (entity))
    {
      json_builder_set_member_name (b, "position");
      json_builder_begin_object (b);
      member_double (b, "x", rs_entity_get_x (entity));
      member_double (b, "y", rs_entity_get_y (entity));
      member_bool (b, "pinned", rs_entity_get_pinned (entity));
      json_builder_end_object (b);
    }
  _rs_stix_out_add_review (s, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  _rs_stix_out_end_extension (s);
  json_builder_end_object (b);
}

void
_rs_stix_out_write_relation (RsStixWriter *s,
                             RsRelation   *relation)
{
  JsonBuilder *b = s->b;
  g_autofree char *type = relation_type (s, relation);
  RsRelationStatus status = rs_relation_get_status (relation);
  const char *label = rs_relation_get_label (relation);
  const char *status_nick = rs_enum_to_nick (RS_TYPE_RELATION_STATUS, status);

  _rs_stix_out_begin_object (s, "relationship", id_of (s, relation), s->creator_id, NULL, NULL);
  member_string (b, "relationship_type", type);
  member_text (b, "description", label);
  member_string (b, "source_ref",
                 id_of (s, rs_case_lookup_entity (s->kase, rs_relation_get_source_id (relation))));
  member_string (b, "target_ref",
                 id_of (s, rs_case_lookup_entity (s->kase, rs_relation_get_target_id (relation))));
  member_int (b, "confidence", rs_stix_confidence_from_status (status));
  member_string (b, "x_redstring_status", status_nick);
  _rs_stix_out_add_markings (s, RS_TARGET_RELATION, rs_relation_get_id (relation));
  _rs_stix_out_add_external_references (s, RS_TARGET_RELATION, rs_relation_get_id (relation), NULL);

  _rs_stix_out_begin_extension (s, "property-extension");
  member_text (b, "record_uid", rs_relation_get_uid (relation));
  member_string (b, "label", label != NULL ? label : "");
  member_bool (b, "directed", rs_relation_get_directed (relation));
  member_string (b, "status", status_nick);
  member_text (b, "route", rs_relation_get_route (relation));
  if (rs_relation_get_has_label_position (relation))
    {
      json_builder_set_member_name (b, "label_position");
      json_builder_begin_object (b);
      member_double (b, "x", rs_relation_get_label_x (relation));
      member_double (b, "y", rs_relation_get_label_y (relation));
      json_builder_end_object (b);
    }
  _rs_stix_out_add_review (s, RS_TARGET_RELATION, rs_relation_get_id (relation));
  _rs_stix_out_end_extension (s);
  json_builder_end_object (b);
}

/* Documents ------------------------------------------------------------------------- */

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
         strpbrk (url, " \t\r\n\"<>") == NULL;
}

/* The identity a document's publisher is: the organisation entity of that name or alias
 * when the case has one, else an identity of its own. */
static const char *
publisher_id (RsStixWriter *s,
              const char   *publisher)
{
  RsEntity *entity;
  const char *id;

  if (publisher == NULL || *publisher == '\0')
    return NULL;
  /* An index, not rs_case_lookup_entity_by_name() per document: a scan of every entity
   * each time made a large case's export quadratic. */
  if (s->by_name == NULL)
    {
      s->by_name = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = g_list_model_get_n_items (rs_case_get_entities (s->kase)); i > 0; i--)
        {
          g_autoptr(RsEntity) e = g_list_model_get_item (rs_case_get_entities (s->kase), i - 1);

          /* From the last, so that the first of a name wins, as the lookup's. */
          g_hash_table_insert (s->by_name, (gpointer) rs_entity_get_name (e), e);
        }
    }
  entity = g_hash_table_lookup (s->by_name, publisher);
  if (entity != NULL && g_str_equal (_rs_stix_out_entity_type (s, entity), "identity"))
    return id_of (s, entity);
  if ((id = g_hash_table_lookup (s->publishers, publisher)) == NULL)
    {
      g_autofree char *key = g_strdup_printf ("publisher/%s", publisher);
      char *new_id = _rs_stix_out_make_id (s, "identity", key);

      g_hash_table_insert (s->publishers, g_strdup (publisher), new_id);
      g_ptr_array_add (s->publisher_names, g_strdup (publisher));
      id = new_id;
    }
  return id;
}

/* What a document's quotes are evidence for, each once, in the order first met. */
static GPtrArray *
dup_supported (RsStixWriter *s,
               RsDocument   *document)
{
  g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (s->kase, rs_document_get_id (document));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *refs = g_ptr_array_new ();

  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    {
      g_autoptr(GPtrArray) evidence =
        rs_case_dup_evidence_of_quote (s->kase, rs_quote_get_id (g_ptr_array_index (quotes, i)));

      for (guint j = 0; evidence != NULL && j < evidence->len; j++)
        {
          RsEvidence *e = g_ptr_array_index (evidence, j);
          const char *ref = target_ref (s, rs_evidence_get_target (e),
                                        rs_evidence_get_target_id (e));

          if (ref != NULL && g_hash_table_add (seen, (gpointer) ref))
            g_ptr_array_add (refs, (gpointer) ref);
        }
    }
  return refs;
}

static const char *const grades[] = { "unknown", "A", "B", "C", "D", "E", "F" };

static void
write_quote (RsStixWriter *s,
             RsQuote      *quote)
{
  JsonBuilder *b = s->b;
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_of_quote (s->kase, rs_quote_get_id (quote));

  json_builder_begin_object (b);
  member_text (b, "record_uid", rs_quote_get_uid (quote));
  member_int (b, "start", rs_quote_get_start (quote));
  member_int (b, "end", rs_quote_get_end (quote));
  member_string (b, "text", rs_quote_get_text (quote) ? rs_quote_get_text (quote) : "");
  if (rs_quote_get_credibility (quote) > 0)
    member_int (b, "credibility", rs_quote_get_credibility (quote));
  if (evidence != NULL && evidence->len > 0)
    {
      json_builder_set_member_name (b, "evidence");
      json_builder_begin_array (b);
      for (guint i = 0; i < evidence->len; i++)
        {
          RsEvidence *e = g_ptr_array_index (evidence, i);
          const char *ref = target_ref (s, rs_evidence_get_target (e),
                                        rs_evidence_get_target_id (e));

          if (ref == NULL)
            continue;
          json_builder_begin_object (b);
          member_string (b, "target_ref", ref);
          member_string (b, "stance", rs_enum_to_nick (RS_TYPE_STANCE, rs_evidence_get_stance (e)));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  _rs_stix_out_add_review (s, RS_TARGET_QUOTE, rs_quote_get_id (quote));
  json_builder_end_object (b);
}

void
_rs_stix_out_write_document (RsStixWriter *s,
                             RsDocument   *document)
{
  JsonBuilder *b = s->b;
  g_autoptr(GPtrArray) supported = dup_supported (s, document);
  g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (s->kase, rs_document_get_id (document));
  g_autofree char *published = _rs_stix_timestamp (rs_document_get_published (document));
  g_autofree char *imported = _rs_stix_timestamp (rs_document_get_imported_at (document));
  const char *title = rs_document_get_title (document);
  const char *publisher = rs_document_get_publisher (document);
  const char *url = rs_document_get_url (document);
  const char *creator = publisher_id (s, publisher);

  _rs_stix_out_begin_object (s, "report", id_of (s, document),
                             creator != NULL ? creator : s->creator_id, NULL, NULL);
  member_string (b, "name", title != NULL && *title != '\0' ? title : _("Untitled document"));
  member_text (b, "description", rs_document_get_text (document));
  /* STIX requires a publication time: a document without one was published no later than
   * the case began. */
  member_string (b, "published", published ? published : s->created);
  json_builder_set_member_name (b, "object_refs");
  json_builder_begin_array (b);
  for (guint i = 0; i < supported->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (supported, i));
  if (supported->len == 0)
    json_builder_add_string_value (b, s->group_id);
  json_builder_end_array (b);
  _rs_stix_out_add_markings (s, RS_TARGET_DOCUMENT, rs_document_get_id (document));
  {
    g_autoptr(GPtrArray) made =
      g_ptr_array_new_with_free_func ((GDestroyNotify) rs_external_reference_free);

    if (is_web_url (url))
      g_ptr_array_add (made, rs_external_reference_new (publisher && *publisher ? publisher
                                                        : title && *title ? title : "source",
                                                        NULL, url, title));
    _rs_stix_out_add_external_references (s, RS_TARGET_DOCUMENT, rs_document_get_id (document),
                                          made);
  }

  _rs_stix_out_begin_extension (s, "property-extension");
  member_text (b, "record_uid", rs_document_get_uid (document));
  member_text (b, "title", title);
  member_text (b, "publisher", publisher);
  member_text (b, "author", rs_document_get_author (document));
  member_text (b, "url", url);
  member_text (b, "published", rs_document_get_published (document));
  member_text (b, "imported_at", rs_document_get_imported_at (document));
  member_string (b, "reliability", grades[CLAMP (rs_document_get_reliability (document), 0, 6)]);
  if (quotes != NULL && quotes->len > 0)
    {
      json_builder_set_member_name (b, "quotes");
      json_builder_begin_array (b);
      for (guint i = 0; i < quotes->len; i++)
        write_quote (s, g_ptr_array_index (quotes, i));
      json_builder_end_array (b);
    }
  _rs_stix_out_end_extension (s);
  json_builder_end_object (b);
}

/* Events ---------------------------------------------------------------------------- */

void
_rs_stix_out_write_event (RsStixWriter *s,
                          RsEvent      *event)
{
  JsonBuilder *b = s->b;
  RsFuzzyDate *date = rs_event_get_date (event);
  g_autofree char *start = date ? rs_fuzzy_date_dup_start (date) : NULL;
  g_autofree char *end = date ? rs_fuzzy_date_dup_end (date) : NULL;
  g_autofree char *first_seen = _rs_stix_timestamp (start);
  g_autofree char *last_seen = _rs_stix_end_of_period (end ? end : start);
  g_autoptr(GPtrArray) where = g_ptr_array_new ();
  g_autoptr(GString) description = g_string_new (rs_event_get_title (event));
  const char *sighted = NULL;
  const gint64 *ids;
  guint n_ids;

  ids = rs_event_get_entity_ids (event, &n_ids);
  /* What was seen: the first entity that is not where it was seen from. */
  for (guint i = 0; i < n_ids && sighted == NULL; i++)
    {
      const char *type = _rs_stix_out_entity_type_of_id (s, ids[i]);

      if (type != NULL && !g_str_equal (type, "identity") && !g_str_equal (type, "location"))
        sighted = id_of (s, rs_case_lookup_entity (s->kase, ids[i]));
    }
  for (guint i = 0; i < n_ids && sighted == NULL; i++)
    sighted = id_of (s, rs_case_lookup_entity (s->kase, ids[i]));
  for (guint i = 0; i < n_ids; i++)
    {
      const char *type = _rs_stix_out_entity_type_of_id (s, ids[i]);
      const char *id = id_of (s, rs_case_lookup_entity (s->kase, ids[i]));

      if (type != NULL && id != sighted &&
          (g_str_equal (type, "identity") || g_str_equal (type, "location")))
        g_ptr_array_add (where, (gpointer) id);
    }

  _rs_stix_out_begin_object (s, "sighting", id_of (s, event), s->creator_id, NULL, NULL);
  if (rs_event_get_description (event) != NULL && *rs_event_get_description (event) != '\0')
    g_string_append_printf (description, "%s%s", description->len > 0 ? "\n\n" : "",
                            rs_event_get_description (event));
  member_text (b, "description", description->str);
  member_text (b, "first_seen", first_seen);
  if (first_seen != NULL && last_seen != NULL && strcmp (last_seen, first_seen) >= 0)
    member_string (b, "last_seen", last_seen);
  /* An event about no entity is an event of the case. */
  member_string (b, "sighting_of_ref", sighted ? sighted : s->group_id);
  _rs_stix_out_add_markings (s, RS_TARGET_EVENT, rs_event_get_id (event));
  if (where->len > 0)
    {
      json_builder_set_member_name (b, "where_sighted_refs");
      json_builder_begin_array (b);
      for (guint i = 0; i < where->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (where, i));
      json_builder_end_array (b);
    }

  _rs_stix_out_begin_extension (s, "property-extension");
  member_text (b, "record_uid", rs_event_get_uid (event));
  member_string (b, "title", rs_event_get_title (event) ? rs_event_get_title (event) : "");
  member_text (b, "event_description", rs_event_get_description (event));
  if (date != NULL)
    {
      RsDateQualifier qualifier = rs_fuzzy_date_get_qualifier (date);

      json_builder_set_member_name (b, "date");
      json_builder_begin_object (b);
      member_text (b, "start", start);
      member_text (b, "end", end);
      member_string (b, "precision",
                     rs_enum_to_nick (RS_TYPE_DATE_PRECISION, rs_fuzzy_date_get_precision (date)));
      if (qualifier != RS_DATE_QUALIFIER_NONE)
        member_string (b, "qualifier", rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER, qualifier));
      json_builder_end_object (b);
    }
  if (n_ids > 0)
    {
      json_builder_set_member_name (b, "entity_refs");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_ids; i++)
        {
          const char *id = id_of (s, rs_case_lookup_entity (s->kase, ids[i]));

          if (id != NULL)
            json_builder_add_string_value (b, id);
        }
      json_builder_end_array (b);
    }
  _rs_stix_out_add_review (s, RS_TARGET_EVENT, rs_event_get_id (event));
  _rs_stix_out_end_extension (s);
  json_builder_end_object (b);
}

/* Notes ----------------------------------------------------------------------------- */

void
_rs_stix_out_write_note (RsStixWriter *s,
                         RsNote       *note)
{
  JsonBuilder *b = s->b;
  g_autofree char *created = _rs_stix_timestamp (rs_note_get_created (note));
  g_autofree char *updated = _rs_stix_timestamp (rs_note_get_updated (note));
  RsTarget target = rs_note_get_target (note);
  const char *ref = target_ref (s, target, rs_note_get_target_id (note));
  const char *author = rs_note_get_author (note);

  _rs_stix_out_begin_object (s, "note", id_of (s, note), s->creator_id, created, updated);
  member_string (b, "content", rs_note_get_body (note) ? rs_note_get_body (note) : "");
  if (author != NULL && *author != '\0')
    {
      json_builder_set_member_name (b, "authors");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, author);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "object_refs");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, ref ? ref : s->group_id);
  json_builder_end_array (b);
  _rs_stix_out_add_markings (s, RS_TARGET_CASE, 0);

  _rs_stix_out_begin_extension (s, "property-extension");
  member_text (b, "record_uid", rs_note_get_uid (note));
  member_string (b, "target", rs_enum_to_nick (RS_TYPE_TARGET, ref ? target : RS_TARGET_CASE));
  if (target == RS_TARGET_QUOTE && ref != NULL)
    member_text (b, "quote_uid",
                 rs_quote_get_uid (rs_case_lookup_quote (s->kase, rs_note_get_target_id (note))));
  member_text (b, "author", author);
  member_text (b, "created", rs_note_get_created (note));
  member_text (b, "updated", rs_note_get_updated (note));
  _rs_stix_out_end_extension (s);
  json_builder_end_object (b);
}
