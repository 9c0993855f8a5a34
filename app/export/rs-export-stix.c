/* rs-export-stix.c: a case as a STIX 2.1 bundle
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-stix"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-export-stix-private.h"
#include "rs-fuzzy-date.h"

/* What goes where (docs/stix-export.md says the same for people):
 * - the case is a grouping (context suspicious-activity) of everything else, and what a
 *   note, a report or a sighting with nothing else to point at points at;
 * - entities are SDOs by kind (_rs_stix_entity_type()); persons, organisations and units
 *   that act as threat actors (the source of uses, targets, compromises, impersonates or
 *   owns, or what something is attributed to) are threat-actors, otherwise identities;
 * - relations are relationships, their label normalised to STIX's vocabulary where it
 *   says the same and the two ends are of types STIX pairs with that word, otherwise the
 *   label as a lower-case slug; the label itself is the description;
 * - documents are reports: their text the description, what their quotes support the
 *   object_refs, their publisher the created_by_ref identity;
 * - events are sightings of their first entity that is not an identity or a location
 *   (seen where the identities and locations among its entities are), from the first to
 *   the last moment the fuzzy date allows;
 * - notes are notes; the analyst is the identity every other object is created by.
 * What STIX has no word for rides in one property-extension (RS_STIX_EXTENSION_ID). */

/* When the extension definition was written: it never changes, so neither does this. */
#define EXTENSION_CREATED   "2026-11-27T00:00:00.000Z"
#define EPOCH               "1970-01-01T00:00:00.000Z"

/* The state of one export ------------------------------------------------------------ */

typedef struct
{
  /* Borrowed */
  RsCase                *kase;
  const RsExportOptions *options;
  JsonBuilder           *b;

  /* Owned */
  char                  *case_key;    /* the case's uid: every id is made from it */
  char                  *created;     /* the case's creation, STIX timestamp */
  char                  *group_id;    /* the case as a grouping */
  char                  *creator_id;  /* the analyst, or NULL */
  GHashTable            *ids;         /* record (GObject *) → STIX id */
  GHashTable            *actors;      /* RsEntity * acting as a threat actor */
  GHashTable            *types;       /* RsEntity * → its STIX type */
  RsStixSnapshot        *snapshot;    /* borrowed from the options, may be NULL */
  GPtrArray             *markings;    /* RsStixObject, the snapshot's (borrowed) */
  GHashTable            *publishers;  /* publisher name → identity id (not an entity) */
  GPtrArray             *publisher_names;
  GPtrArray             *refs;        /* the grouping's object_refs, in order */
} Stix;

static void
stix_clear (Stix *s)
{
  g_clear_pointer (&s->case_key, g_free);
  g_clear_pointer (&s->created, g_free);
  g_clear_pointer (&s->group_id, g_free);
  g_clear_pointer (&s->creator_id, g_free);
  g_clear_pointer (&s->ids, g_hash_table_unref);
  g_clear_pointer (&s->actors, g_hash_table_unref);
  g_clear_pointer (&s->types, g_hash_table_unref);
  g_clear_pointer (&s->markings, g_ptr_array_unref);
  g_clear_pointer (&s->publishers, g_hash_table_unref);
  g_clear_pointer (&s->publisher_names, g_ptr_array_unref);
  g_clear_pointer (&s->refs, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stix, stix_clear)

#define FOREACH_ITEM(list, Type, var)                                                 \
  for (guint _i = 0, _n = g_list_model_get_n_items (list); _i < _n; _i++)            \
    for (g_autoptr(Type) var = g_list_model_get_item (list, _i); var;                 \
         var = (g_object_unref (var), NULL))

/* JSON helpers: json-glib escapes; text that is not UTF-8 is mended first (json-glib
 * would write it as it is). */
static void
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  if (g_utf8_validate (value, -1, NULL))
    json_builder_add_string_value (b, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (b, valid);
    }
}

/* STIX wants no empty strings where a value is optional: leave them out. */
static void
member_text (JsonBuilder *b,
             const char  *name,
             const char  *value)
{
  if (value != NULL && *value != '\0')
    member_string (b, name, value);
}

static void
member_int (JsonBuilder *b,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
member_bool (JsonBuilder *b,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
member_double (JsonBuilder *b,
               const char  *name,
               double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

/* The uid a record is known by in ids: its own, or its row id when it has none. */
static char *
record_key (const char *table,
            const char *uid,
            gint64      id)
{
  if (uid != NULL && *uid != '\0')
    return g_strdup_printf ("%s/%s", table, uid);
  return g_strdup_printf ("%s/#%" G_GINT64_FORMAT, table, id);
}

static char *
make_id (Stix       *s,
         const char *type,
         const char *key)
{
  g_autofree char *name = g_strdup_printf ("%s/%s", s->case_key, key);

  return rs_stix_make_id (type, name);
}

static const char *
id_of (Stix     *s,
       gpointer  record)
{
  return record != NULL ? g_hash_table_lookup (s->ids, record) : NULL;
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
    case RS_TARGET_QUOTE:
      {
        RsQuote *quote = rs_case_lookup_quote (kase, id);

        /* A quote is part of its document's report. */
        return quote ? rs_case_lookup_document (kase, rs_quote_get_document_id (quote)) : NULL;
      }
    case RS_TARGET_CASE:
    case RS_TARGET_NOTE:
    default:
      return NULL;
    }
}

/* The common properties: type, spec_version, id, created_by_ref, created, modified. */
static void
begin_object (Stix       *s,
              const char *type,
              const char *id,
              const char *created_by,
              const char *created,
              const char *modified)
{
  json_builder_begin_object (s->b);
  member_string (s->b, "type", type);
  member_string (s->b, "spec_version", "2.1");
  member_string (s->b, "id", id);
  member_string (s->b, "created_by_ref", created_by);
  created = created ? created : s->created;
  member_string (s->b, "created", created);
  /* modified is never before created. */
  member_string (s->b, "modified",
                 modified != NULL && g_strcmp0 (modified, created) > 0 ? modified : created);
}

/* "extensions": { RS_STIX_EXTENSION_ID: { "extension_type": …, … } }; the caller adds the
 * members and calls end_extension(). */
static void
begin_extension (Stix       *s,
                 const char *extension_type)
{
  json_builder_set_member_name (s->b, "extensions");
  json_builder_begin_object (s->b);
  json_builder_set_member_name (s->b, RS_STIX_EXTENSION_ID);
  json_builder_begin_object (s->b);
  member_string (s->b, "extension_type", extension_type);
}

static void
end_extension (Stix *s)
{
  json_builder_end_object (s->b);
  json_builder_end_object (s->b);
}

/* The review state and the comment thread of a claim, inside its extension. */
static void
add_review (Stix     *s,
            RsTarget  target,
            gint64    id)
{
  RsReview *review = rs_case_lookup_review_for (s->kase, target, id);
  g_autoptr(GPtrArray) comments = rs_case_dup_comments_for (s->kase, target, id);

  if (review != NULL)
    {
      json_builder_set_member_name (s->b, "review");
      json_builder_begin_object (s->b);
      member_string (s->b, "state",
                     rs_enum_to_nick (RS_TYPE_REVIEW_STATE, rs_review_get_state (review)));
      member_text (s->b, "reviewer", rs_review_get_reviewer (review));
      member_text (s->b, "time", rs_review_get_time (review));
      json_builder_end_object (s->b);
    }
  if (comments != NULL && comments->len > 0)
    {
      json_builder_set_member_name (s->b, "comments");
      json_builder_begin_array (s->b);
      for (guint i = 0; i < comments->len; i++)
        {
          RsComment *comment = g_ptr_array_index (comments, i);

          json_builder_begin_object (s->b);
          member_text (s->b, "author", rs_comment_get_author (comment));
          member_text (s->b, "time", rs_comment_get_time (comment));
          member_string (s->b, "body", rs_comment_get_body (comment));
          member_bool (s->b, "resolved", rs_comment_get_resolved (comment));
          json_builder_end_object (s->b);
        }
      json_builder_end_array (s->b);
    }
}

/* Which of its records a marking came with is not kept. A TLP marking goes on every
 * record (one left off would share more than allowed); another (a copyright statement)
 * on the records that came from STIX (imported: the record has a kept STIX id), not on
 * the analyst's own. */
static void
add_markings (Stix     *s,
              gboolean  imported)
{
  gboolean begun = FALSE;

  for (guint i = 0; i < s->markings->len; i++)
    {
      RsStixObject *marking = g_ptr_array_index (s->markings, i);

      if (!imported && g_strcmp0 (marking->definition_type, "tlp") != 0)
        continue;
      if (!begun)
        {
          json_builder_set_member_name (s->b, "object_marking_refs");
          json_builder_begin_array (s->b);
          begun = TRUE;
        }
      json_builder_add_string_value (s->b, marking->stix_id);
    }
  if (begun)
    json_builder_end_array (s->b);
}

static gboolean
came_from_stix (Stix     *s,
                RsTarget  target,
                gint64    id)
{
  return _rs_stix_snapshot_get_ids (s->snapshot, target, id) != NULL;
}

static gboolean
same_reference (const RsExternalReference *a,
                const RsExternalReference *b)
{
  return g_strcmp0 (a->source_name, b->source_name) == 0 &&
         g_strcmp0 (a->external_id, b->external_id) == 0 && g_strcmp0 (a->url, b->url) == 0;
}

/* "external_references": the record's own (schema 8), then those made here (a CVE of a
 * vulnerability's name, a document's address) that it does not have yet. What the OASIS
 * schema refuses is left out: a reference with nothing but a source, a "cve" without a
 * CVE id; a CVE or CAPEC id under another source is filed under its own. */
static void
add_external_references (Stix       *s,
                         RsTarget    target,
                         gint64      id,
                         GPtrArray  *made)
{
  GPtrArray *own = _rs_stix_snapshot_get_references (s->snapshot, target, id);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  gboolean begun = FALSE;

  for (guint i = 0; own != NULL && i < own->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (own, i));
  for (guint i = 0; made != NULL && i < made->len; i++)
    {
      RsExternalReference *ref = g_ptr_array_index (made, i);
      gboolean known = FALSE;

      for (guint j = 0; own != NULL && j < own->len && !known; j++)
        known = same_reference (ref, g_ptr_array_index (own, j));
      if (!known)
        g_ptr_array_add (all, ref);
    }

  for (guint i = 0; i < all->len; i++)
    {
      RsExternalReference *ref = g_ptr_array_index (all, i);
      const char *source = ref->source_name;
      gboolean capec = ref->external_id != NULL &&
                       g_regex_match_simple ("^CAPEC-[0-9]+$", ref->external_id, 0, 0);

      if (source == NULL || *source == '\0' ||
          (ref->external_id == NULL && ref->url == NULL && ref->description == NULL))
        continue;
      if (_rs_stix_is_cve (ref->external_id))
        source = "cve";
      else if (capec)
        source = "capec";
      else if (g_str_equal (source, "cve") || g_str_equal (source, "capec"))
        continue;
      if (!begun)
        {
          json_builder_set_member_name (s->b, "external_references");
          json_builder_begin_array (s->b);
          begun = TRUE;
        }
      json_builder_begin_object (s->b);
      member_string (s->b, "source_name", source);
      member_text (s->b, "description", ref->description);
      member_text (s->b, "url", ref->url);
      member_text (s->b, "external_id", ref->external_id);
      json_builder_end_object (s->b);
    }
  if (begun)
    json_builder_end_array (s->b);
}

/* Entities -------------------------------------------------------------------------- */

static const char *
entity_type (Stix     *s,
             RsEntity *entity)
{
  const char *type = g_hash_table_lookup (s->types, entity);

  return type != NULL ? type : _rs_stix_entity_type (rs_entity_get_kind (entity),
                                                     g_hash_table_contains (s->actors, entity));
}

static const char *
entity_type_of_id (Stix   *s,
                   gint64  id)
{
  RsEntity *entity = rs_case_lookup_entity (s->kase, id);

  return entity ? entity_type (s, entity) : NULL;
}

/* The relationship_type a relation exports as. */
static char *
relation_type (Stix       *s,
               RsRelation *relation)
{
  const char *verb = _rs_stix_verb_of_label (rs_relation_get_label (relation));
  const char *source = entity_type_of_id (s, rs_relation_get_source_id (relation));
  const char *target = entity_type_of_id (s, rs_relation_get_target_id (relation));

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

/* Persons, organisations and units that do what threat actors do. */
static void
find_actors (Stix *s)
{
  FOREACH_ITEM (rs_case_get_relations (s->kase), RsRelation, relation)
    {
      const char *verb = _rs_stix_verb_of_label (rs_relation_get_label (relation));

      if (verb == NULL)
        continue;
      if (_rs_stix_is_actor_verb (verb))
        {
          RsEntity *source = rs_case_lookup_entity (s->kase, rs_relation_get_source_id (relation));

          if (source != NULL)
            g_hash_table_add (s->actors, source);
        }
      else if (g_str_equal (verb, "attributed-to"))
        {
          RsEntity *target = rs_case_lookup_entity (s->kase, rs_relation_get_target_id (relation));

          if (target != NULL)
            g_hash_table_add (s->actors, target);
        }
    }
}

static void
write_entity (Stix     *s,
              RsEntity *entity)
{
  JsonBuilder *b = s->b;
  const char *type = entity_type (s, entity);
  const char *name = rs_entity_get_name (entity);
  const char * const *aliases = rs_entity_get_aliases (entity);
  guint n_aliases = aliases ? g_strv_length ((char **) aliases) : 0;
  RsEntityKind kind = rs_entity_get_kind (entity);

  begin_object (s, type, id_of (s, entity), s->creator_id, NULL, NULL);
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
  add_markings (s, came_from_stix (s, RS_TARGET_ENTITY, rs_entity_get_id (entity)));
  {
    g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) rs_external_reference_free);

    if (g_str_equal (type, "vulnerability"))
      for (guint i = 0; i <= n_aliases; i++)
        {
          const char *word = i == 0 ? name : aliases[i - 1];

          if (_rs_stix_is_cve (word))
            g_ptr_array_add (made, rs_external_reference_new ("cve", word, NULL, NULL));
        }
    add_external_references (s, RS_TARGET_ENTITY, rs_entity_get_id (entity), made);
  }

  begin_extension (s, g_str_equal (type, RS_STIX_OTHER_TYPE) ? "new-sdo" : "property-extension");
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
  add_review (s, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  end_extension (s);
  json_builder_end_object (b);
}

static void
write_relation (Stix       *s,
                RsRelation *relation)
{
  JsonBuilder *b = s->b;
  g_autofree char *type = relation_type (s, relation);
  RsRelationStatus status = rs_relation_get_status (relation);
  const char *label = rs_relation_get_label (relation);
  const char *status_nick = rs_enum_to_nick (RS_TYPE_RELATION_STATUS, status);

  begin_object (s, "relationship", id_of (s, relation), s->creator_id, NULL, NULL);
  member_string (b, "relationship_type", type);
  member_text (b, "description", label);
  member_string (b, "source_ref",
                 id_of (s, rs_case_lookup_entity (s->kase, rs_relation_get_source_id (relation))));
  member_string (b, "target_ref",
                 id_of (s, rs_case_lookup_entity (s->kase, rs_relation_get_target_id (relation))));
  member_int (b, "confidence", rs_stix_confidence_from_status (status));
  member_string (b, "x_redstring_status", status_nick);
  add_markings (s, came_from_stix (s, RS_TARGET_RELATION, rs_relation_get_id (relation)));
  add_external_references (s, RS_TARGET_RELATION, rs_relation_get_id (relation), NULL);

  begin_extension (s, "property-extension");
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
  add_review (s, RS_TARGET_RELATION, rs_relation_get_id (relation));
  end_extension (s);
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
publisher_id (Stix       *s,
              const char *publisher)
{
  RsEntity *entity;
  const char *id;

  if (publisher == NULL || *publisher == '\0')
    return NULL;
  entity = rs_case_lookup_entity_by_name (s->kase, publisher);
  if (entity != NULL && g_str_equal (entity_type (s, entity), "identity"))
    return id_of (s, entity);
  if ((id = g_hash_table_lookup (s->publishers, publisher)) == NULL)
    {
      g_autofree char *key = g_strdup_printf ("publisher/%s", publisher);
      char *new_id = make_id (s, "identity", key);

      g_hash_table_insert (s->publishers, g_strdup (publisher), new_id);
      g_ptr_array_add (s->publisher_names, g_strdup (publisher));
      id = new_id;
    }
  return id;
}

/* What a document's quotes are evidence for, each once, in the order first met. */
static GPtrArray *
dup_supported (Stix       *s,
               RsDocument *document)
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
          const char *ref = id_of (s, lookup_target (s->kase, rs_evidence_get_target (e),
                                                     rs_evidence_get_target_id (e)));

          if (ref != NULL && g_hash_table_add (seen, (gpointer) ref))
            g_ptr_array_add (refs, (gpointer) ref);
        }
    }
  return refs;
}

static const char *const grades[] = { "unknown", "A", "B", "C", "D", "E", "F" };

static void
write_quote (Stix    *s,
             RsQuote *quote)
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
          const char *ref = id_of (s, lookup_target (s->kase, rs_evidence_get_target (e),
                                                     rs_evidence_get_target_id (e)));

          if (ref == NULL)
            continue;
          json_builder_begin_object (b);
          member_string (b, "target_ref", ref);
          member_string (b, "stance", rs_enum_to_nick (RS_TYPE_STANCE, rs_evidence_get_stance (e)));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  add_review (s, RS_TARGET_QUOTE, rs_quote_get_id (quote));
  json_builder_end_object (b);
}

static void
write_document (Stix       *s,
                RsDocument *document)
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

  begin_object (s, "report", id_of (s, document), creator ? creator : s->creator_id, NULL, NULL);
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
  add_markings (s, came_from_stix (s, RS_TARGET_DOCUMENT, rs_document_get_id (document)));
  {
    g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) rs_external_reference_free);

    if (is_web_url (url))
      g_ptr_array_add (made, rs_external_reference_new (publisher && *publisher ? publisher
                                                        : title && *title ? title : "source",
                                                        NULL, url, title));
    add_external_references (s, RS_TARGET_DOCUMENT, rs_document_get_id (document), made);
  }

  begin_extension (s, "property-extension");
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
  end_extension (s);
  json_builder_end_object (b);
}

/* Events ---------------------------------------------------------------------------- */

static void
write_event (Stix    *s,
             RsEvent *event)
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
      const char *type = entity_type_of_id (s, ids[i]);

      if (type != NULL && !g_str_equal (type, "identity") && !g_str_equal (type, "location"))
        sighted = id_of (s, rs_case_lookup_entity (s->kase, ids[i]));
    }
  for (guint i = 0; i < n_ids && sighted == NULL; i++)
    sighted = id_of (s, rs_case_lookup_entity (s->kase, ids[i]));
  for (guint i = 0; i < n_ids; i++)
    {
      const char *type = entity_type_of_id (s, ids[i]);
      const char *id = id_of (s, rs_case_lookup_entity (s->kase, ids[i]));

      if (type != NULL && id != sighted &&
          (g_str_equal (type, "identity") || g_str_equal (type, "location")))
        g_ptr_array_add (where, (gpointer) id);
    }

  begin_object (s, "sighting", id_of (s, event), s->creator_id, NULL, NULL);
  if (rs_event_get_description (event) != NULL && *rs_event_get_description (event) != '\0')
    g_string_append_printf (description, "%s%s", description->len > 0 ? "\n\n" : "",
                            rs_event_get_description (event));
  member_text (b, "description", description->str);
  member_text (b, "first_seen", first_seen);
  if (first_seen != NULL && last_seen != NULL && strcmp (last_seen, first_seen) >= 0)
    member_string (b, "last_seen", last_seen);
  /* An event about no entity is an event of the case. */
  member_string (b, "sighting_of_ref", sighted ? sighted : s->group_id);
  add_markings (s, came_from_stix (s, RS_TARGET_EVENT, rs_event_get_id (event)));
  if (where->len > 0)
    {
      json_builder_set_member_name (b, "where_sighted_refs");
      json_builder_begin_array (b);
      for (guint i = 0; i < where->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (where, i));
      json_builder_end_array (b);
    }

  begin_extension (s, "property-extension");
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
  add_review (s, RS_TARGET_EVENT, rs_event_get_id (event));
  end_extension (s);
  json_builder_end_object (b);
}

/* Notes ----------------------------------------------------------------------------- */

static void
write_note (Stix   *s,
            RsNote *note)
{
  JsonBuilder *b = s->b;
  g_autofree char *created = _rs_stix_timestamp (rs_note_get_created (note));
  g_autofree char *updated = _rs_stix_timestamp (rs_note_get_updated (note));
  RsTarget target = rs_note_get_target (note);
  const char *ref = id_of (s, lookup_target (s->kase, target, rs_note_get_target_id (note)));
  const char *author = rs_note_get_author (note);

  begin_object (s, "note", id_of (s, note), s->creator_id, created, updated);
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
  add_markings (s, FALSE);

  begin_extension (s, "property-extension");
  member_text (b, "record_uid", rs_note_get_uid (note));
  member_string (b, "target", rs_enum_to_nick (RS_TYPE_TARGET, ref ? target : RS_TARGET_CASE));
  if (target == RS_TARGET_QUOTE && ref != NULL)
    member_text (b, "quote_uid",
                 rs_quote_get_uid (rs_case_lookup_quote (s->kase, rs_note_get_target_id (note))));
  member_text (b, "author", author);
  member_text (b, "created", rs_note_get_created (note));
  member_text (b, "updated", rs_note_get_updated (note));
  end_extension (s);
  json_builder_end_object (b);
}

/* The fixed objects ------------------------------------------------------------------ */

static void
write_extension_definition (Stix *s)
{
  JsonBuilder *b = s->b;

  begin_object (s, "extension-definition", RS_STIX_EXTENSION_ID, RS_STIX_REDSTRING_IDENTITY,
                EXTENSION_CREATED, EXTENSION_CREATED);
  member_string (b, "name", "Redstring evidence board");
  member_string (b, "description",
                 "What a Redstring case holds that STIX has no property for: the kind of each "
                 "entity, its position and pin on the board, the exact relation labels and "
                 "statuses, the quotes of each report with the stance each takes on what it "
                 "supports, review states and comment threads. Tools that do not know it can "
                 "ignore it; x-redstring-entity objects are entities of no STIX type.");
  member_string (b, "schema",
                 "Redstring STIX extension 1.0, described in docs/stix-export.md of the "
                 "Redstring sources");
  member_string (b, "version", "1.0");
  json_builder_set_member_name (b, "extension_types");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "property-extension");
  json_builder_add_string_value (b, "new-sdo");
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
write_identity (Stix       *s,
                const char *id,
                const char *name,
                const char *identity_class,
                const char *created)
{
  begin_object (s, "identity", id, NULL, created, created);
  member_string (s->b, "name", name);
  member_string (s->b, "identity_class", identity_class);
  json_builder_end_object (s->b);
}

static void
write_grouping (Stix *s)
{
  JsonBuilder *b = s->b;
  const char *title = rs_case_get_title (s->kase);

  begin_object (s, "grouping", s->group_id, s->creator_id, NULL, NULL);
  member_string (b, "name", title != NULL && *title != '\0' ? title : _("Untitled case"));
  member_text (b, "description", rs_case_get_description (s->kase));
  member_string (b, "context", "suspicious-activity");
  json_builder_set_member_name (b, "object_refs");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->refs->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (s->refs, i));
  /* STIX wants at least one: an empty case holds its analyst. */
  if (s->refs->len == 0)
    json_builder_add_string_value (b, s->creator_id ? s->creator_id : RS_STIX_REDSTRING_IDENTITY);
  json_builder_end_array (b);
  add_markings (s, FALSE);
  begin_extension (s, "property-extension");
  member_text (b, "case_uid", rs_case_get_uid (s->kase));
  member_text (b, "created", rs_case_get_created (s->kase));
  end_extension (s);
  json_builder_end_object (b);
}

/* The STIX id the record was imported with, when it still fits: of this type, or (type
 * NULL) of a type an entity of this kind may go out as. */
static const char *
kept_id (Stix         *s,
         RsTarget      target,
         gint64        id,
         const char   *type,
         RsEntityKind  kind)
{
  const char * const *ids = _rs_stix_snapshot_get_ids (s->snapshot, target, id);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *dashes = strstr (ids[i], "--");
      g_autofree char *prefix = dashes ? g_strndup (ids[i], dashes - ids[i]) : NULL;

      if (prefix != NULL &&
          (type != NULL ? g_str_equal (prefix, type) : _rs_stix_entity_type_fits (kind, prefix)))
        return ids[i];
    }
  return NULL;
}

static void
assign_id (Stix       *s,
           gpointer    record,
           const char *kept,
           const char *type,
           const char *table,
           const char *uid,
           gint64      row_id)
{
  g_autofree char *key = record_key (table, uid, row_id);
  char *id = kept != NULL ? g_strdup (kept) : make_id (s, type, key);

  g_hash_table_insert (s->ids, record, id);
  g_ptr_array_add (s->refs, id);
}

/* Every record's id before anything is written: a report refers to what comes after it,
 * and an entity's type depends on its relations. An imported record keeps the STIX id it
 * came with (so the platform it came from knows it again); the others get UUIDv5s. */
static void
assign_ids (Stix *s)
{
  RsCase *kase = s->kase;

  FOREACH_ITEM (rs_case_get_entities (kase), RsEntity, entity)
    {
      gint64 id = rs_entity_get_id (entity);
      const char *kept = kept_id (s, RS_TARGET_ENTITY, id, NULL, rs_entity_get_kind (entity));

      if (kept != NULL)
        g_hash_table_insert (s->types, entity, g_strndup (kept, strstr (kept, "--") - kept));
      assign_id (s, entity, kept, entity_type (s, entity), "entity", rs_entity_get_uid (entity), id);
    }
  FOREACH_ITEM (rs_case_get_relations (kase), RsRelation, relation)
    {
      gint64 id = rs_relation_get_id (relation);

      assign_id (s, relation, kept_id (s, RS_TARGET_RELATION, id, "relationship", 0),
                 "relationship", "relation", rs_relation_get_uid (relation), id);
    }
  FOREACH_ITEM (rs_case_get_documents (kase), RsDocument, document)
    {
      gint64 id = rs_document_get_id (document);

      assign_id (s, document, kept_id (s, RS_TARGET_DOCUMENT, id, "report", 0), "report",
                 "document", rs_document_get_uid (document), id);
    }
  FOREACH_ITEM (rs_case_get_events (kase), RsEvent, event)
    {
      gint64 id = rs_event_get_id (event);

      assign_id (s, event, kept_id (s, RS_TARGET_EVENT, id, "sighting", 0), "sighting", "event",
                 rs_event_get_uid (event), id);
    }
  FOREACH_ITEM (rs_case_get_notes (kase), RsNote, note)
    assign_id (s, note, NULL, "note", "note", rs_note_get_uid (note), rs_note_get_id (note));
}

/* The ids of the objects Redstring writes itself (ids are unique in a bundle). */
static GHashTable *
dup_written_ids (Stix *s)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (ids, (gpointer) RS_STIX_EXTENSION_ID);
  g_hash_table_add (ids, (gpointer) RS_STIX_REDSTRING_IDENTITY);
  g_hash_table_add (ids, s->group_id);
  if (s->creator_id != NULL)
    g_hash_table_add (ids, s->creator_id);
  for (guint i = 0; i < s->refs->len; i++)
    g_hash_table_add (ids, g_ptr_array_index (s->refs, i));
  for (guint i = 0; i < s->publisher_names->len; i++)
    g_hash_table_add (ids, g_hash_table_lookup (s->publishers,
                                                g_ptr_array_index (s->publisher_names, i)));
  return ids;
}

/* The markings and the objects Redstring does not map, as they came; one that has the
 * id of an object written already (a bundle of Redstring's own imported, whose
 * bookkeeping this export writes afresh) is left out. */
static void
write_kept_objects (Stix      *s,
                    GPtrArray *objects)
{
  g_autoptr(GHashTable) written = dup_written_ids (s);

  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      RsStixObject *object = g_ptr_array_index (objects, i);
      g_autoptr(JsonNode) node = object->object ? json_from_string (object->object, NULL) : NULL;

      /* The store checked it when it was kept; a row changed since is left out. */
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
          g_hash_table_contains (written, object->stix_id))
        continue;
      json_builder_add_value (s->b, g_steal_pointer (&node));
    }
}

gboolean
rs_export_stix_write (RsCase                *kase,
                      const RsExportOptions *options,
                      GOutputStream         *out,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *bundle_id = NULL;
  g_autofree char *data = NULL;
  g_auto(Stix) s = { 0 };
  const char *author = options->author;
  gsize length;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s.kase = kase;
  s.options = options;
  s.b = b;
  s.case_key = g_strdup (rs_case_get_uid (kase) ? rs_case_get_uid (kase) : "");
  s.created = _rs_stix_timestamp (rs_case_get_created (kase));
  if (s.created == NULL)
    s.created = g_strdup (EPOCH);
  s.group_id = make_id (&s, "grouping", "case");
  if (author != NULL && *author != '\0')
    {
      g_autofree char *key = g_strdup_printf ("analyst/%s", author);

      s.creator_id = make_id (&s, "identity", key);
    }
  s.ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  s.actors = g_hash_table_new (NULL, NULL);
  s.types = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  s.snapshot = options->stix;
  s.markings = g_ptr_array_new ();
  {
    GPtrArray *markings = _rs_stix_snapshot_get_markings (s.snapshot);

    for (guint i = 0; markings != NULL && i < markings->len; i++)
      g_ptr_array_add (s.markings, g_ptr_array_index (markings, i));
  }
  s.publishers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.publisher_names = g_ptr_array_new_with_free_func (g_free);
  s.refs = g_ptr_array_new ();

  find_actors (&s);
  assign_ids (&s);

  bundle_id = make_id (&s, "bundle", "bundle");
  json_builder_begin_object (b);
  member_string (b, "type", "bundle");
  member_string (b, "id", bundle_id);
  json_builder_set_member_name (b, "objects");
  json_builder_begin_array (b);

  if (s.creator_id != NULL)
    write_identity (&s, s.creator_id, author, "individual", NULL);
  write_grouping (&s);
  FOREACH_ITEM (rs_case_get_entities (kase), RsEntity, entity)
    write_entity (&s, entity);
  FOREACH_ITEM (rs_case_get_relations (kase), RsRelation, relation)
    write_relation (&s, relation);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  FOREACH_ITEM (rs_case_get_documents (kase), RsDocument, document)
    write_document (&s, document);
  FOREACH_ITEM (rs_case_get_events (kase), RsEvent, event)
    write_event (&s, event);
  FOREACH_ITEM (rs_case_get_notes (kase), RsNote, note)
    write_note (&s, note);
  /* The publishers' identities, named by the reports above. */
  for (guint i = 0; i < s.publisher_names->len; i++)
    {
      const char *name = g_ptr_array_index (s.publisher_names, i);

      write_identity (&s, g_hash_table_lookup (s.publishers, name), name, "organization", NULL);
    }
  write_kept_objects (&s, _rs_stix_snapshot_get_markings (s.snapshot));
  write_kept_objects (&s, _rs_stix_snapshot_get_objects (s.snapshot));
  /* Last: what a reader that knows the extension needs least. */
  write_extension_definition (&s);
  write_identity (&s, RS_STIX_REDSTRING_IDENTITY, "Redstring", "system", EXTENSION_CREATED);

  json_builder_end_array (b);
  json_builder_end_object (b);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  return g_output_stream_write_all (out, data, length, NULL, cancellable, error) &&
         g_output_stream_write_all (out, "\n", 1, NULL, cancellable, error);
}
