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
#include "rs-export-stix-writer.h"
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

static void
stix_clear (RsStixWriter *s)
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
  g_clear_pointer (&s->by_name, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsStixWriter, stix_clear)

/* JSON helpers: json-glib escapes; text that is not UTF-8 is mended first (json-glib
 * would write it as it is). */

/* STIX wants no empty strings where a value is optional: leave them out. */

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

char *
_rs_stix_out_make_id (RsStixWriter *s,
                      const char   *type,
                      const char   *key)
{
  g_autofree char *name = g_strdup_printf ("%s/%s", s->case_key, key);

  return rs_stix_make_id (type, name);
}

gpointer
_rs_stix_out_lookup_target_record (RsCase   *kase,
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
void
_rs_stix_out_begin_object (RsStixWriter *s,
                           const char   *type,
                           const char   *id,
                           const char   *created_by,
                           const char   *created,
                           const char   *modified)
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
void
_rs_stix_out_begin_extension (RsStixWriter *s,
                              const char   *extension_type)
{
  json_builder_set_member_name (s->b, "extensions");
  json_builder_begin_object (s->b);
  json_builder_set_member_name (s->b, RS_STIX_EXTENSION_ID);
  json_builder_begin_object (s->b);
  member_string (s->b, "extension_type", extension_type);
}

void
_rs_stix_out_end_extension (RsStixWriter *s)
{
  json_builder_end_object (s->b);
  json_builder_end_object (s->b);
}

/* The review state and the comment thread of a claim, inside its extension. */
void
_rs_stix_out_add_review (RsStixWriter *s,
                         RsTarget      target,
                         gint64        id)
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
 * on the records that came from STIX (the record has a kept STIX id), not on the
 * analyst's own. target RS_TARGET_CASE: the case's own objects (never imported). */
void
_rs_stix_out_add_markings (RsStixWriter *s,
                           RsTarget      target,
                           gint64        id)
{
  gboolean imported = target != RS_TARGET_CASE &&
                      _rs_stix_snapshot_get_ids (s->snapshot, target, id) != NULL;
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
void
_rs_stix_out_add_external_references (RsStixWriter *s,
                                      RsTarget      target,
                                      gint64        id,
                                      GPtrArray    *made)
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

const char *
_rs_stix_out_entity_type (RsStixWriter *s,
                          RsEntity     *entity)
{
  const char *type = g_hash_table_lookup (s->types, entity);

  return type != NULL ? type : _rs_stix_entity_type (rs_entity_get_kind (entity),
                                                     g_hash_table_contains (s->actors, entity));
}

const char *
_rs_stix_out_entity_type_of_id (RsStixWriter *s,
                                gint64        id)
{
  RsEntity *entity = rs_case_lookup_entity (s->kase, id);

  return entity ? _rs_stix_out_entity_type (s, entity) : NULL;
}

/* Persons, organisations and units that do what threat actors do. */
static void
find_actors (RsStixWriter *s)
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

/* The fixed objects ------------------------------------------------------------------ */

static void
write_extension_definition (RsStixWriter *s)
{
  JsonBuilder *b = s->b;

  _rs_stix_out_begin_object (s, "extension-definition", RS_STIX_EXTENSION_ID,
                             RS_STIX_REDSTRING_IDENTITY, EXTENSION_CREATED, EXTENSION_CREATED);
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
write_identity (RsStixWriter *s,
                const char   *id,
                const char   *name,
                const char   *identity_class,
                const char   *created)
{
  _rs_stix_out_begin_object (s, "identity", id, NULL, created, created);
  member_string (s->b, "name", name);
  member_string (s->b, "identity_class", identity_class);
  json_builder_end_object (s->b);
}

static void
write_uids (JsonBuilder        *b,
            const char         *member,
            const char * const *uids)
{
  json_builder_set_member_name (b, member);
  if (uids == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  for (guint i = 0; uids[i] != NULL; i++)
    json_builder_add_string_value (b, uids[i]);
  json_builder_end_array (b);
}

/* The storyline (schema 6) in the grouping's extension: each view's caption, the board
 * area it frames, and the record uids (record_uid) of what it shows (null: everything)
 * and highlights, in the presenter's order. */
static void
write_story (JsonBuilder *b,
             RsCase      *kase)
{
  g_autoptr(GPtrArray) views = rs_case_dup_story_views (kase);

  if (views == NULL || views->len == 0)
    return;
  json_builder_set_member_name (b, "story");
  json_builder_begin_array (b);
  for (guint i = 0; i < views->len; i++)
    {
      RsStoryView *view = g_ptr_array_index (views, i);
      double x, y, width, height;

      rs_story_view_get_camera (view, &x, &y, &width, &height);
      json_builder_begin_object (b);
      member_string (b, "caption", rs_story_view_get_caption (view));
      json_builder_set_member_name (b, "camera");
      json_builder_begin_object (b);
      member_double (b, "x", x);
      member_double (b, "y", y);
      member_double (b, "width", width);
      member_double (b, "height", height);
      json_builder_end_object (b);
      write_uids (b, "shown", rs_story_view_get_shown (view));
      write_uids (b, "highlighted", rs_story_view_get_highlighted (view));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_grouping (RsStixWriter *s)
{
  JsonBuilder *b = s->b;
  const char *title = rs_case_get_title (s->kase);

  _rs_stix_out_begin_object (s, "grouping", s->group_id, s->creator_id, NULL, NULL);
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
  _rs_stix_out_add_markings (s, RS_TARGET_CASE, 0);
  _rs_stix_out_begin_extension (s, "property-extension");
  member_text (b, "case_uid", rs_case_get_uid (s->kase));
  member_text (b, "created", rs_case_get_created (s->kase));
  write_story (b, s->kase);
  _rs_stix_out_end_extension (s);
  json_builder_end_object (b);
}

/* The STIX id the record was imported with, when it still fits: of this type, or (type
 * NULL) of a type an entity of this kind may go out as. */
static const char *
kept_id (RsStixWriter *s,
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
assign_id (RsStixWriter *s,
           gpointer      record,
           const char   *kept,
           const char   *type,
           const char   *table,
           const char   *uid,
           gint64        row_id)
{
  g_autofree char *key = record_key (table, uid, row_id);
  char *id = kept != NULL ? g_strdup (kept) : _rs_stix_out_make_id (s, type, key);

  g_hash_table_insert (s->ids, record, id);
  g_ptr_array_add (s->refs, id);
}

/* Every record's id before anything is written: a report refers to what comes after it,
 * and an entity's type depends on its relations. An imported record keeps the STIX id it
 * came with (so the platform it came from knows it again); the others get UUIDv5s. */
static void
assign_ids (RsStixWriter *s)
{
  RsCase *kase = s->kase;

  FOREACH_ITEM (rs_case_get_entities (kase), RsEntity, entity)
    {
      gint64 id = rs_entity_get_id (entity);
      const char *kept = kept_id (s, RS_TARGET_ENTITY, id, NULL, rs_entity_get_kind (entity));

      if (kept != NULL)
        g_hash_table_insert (s->types, entity, g_strndup (kept, strstr (kept, "--") - kept));
      assign_id (s, entity, kept, _rs_stix_out_entity_type (s, entity), "entity",
                 rs_entity_get_uid (entity), id);
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
dup_written_ids (RsStixWriter *s)
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
write_kept_objects (RsStixWriter *s,
                    GPtrArray    *objects)
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
rs_export_stix_write (RsCase                 *kase,
                      const RsExportOptions  *options,
                      GOutputStream          *out,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *bundle_id = NULL;
  g_autofree char *data = NULL;
  g_auto(RsStixWriter) s = { 0 };
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
  s.group_id = _rs_stix_out_make_id (&s, "grouping", "case");
  if (author != NULL && *author != '\0')
    {
      g_autofree char *key = g_strdup_printf ("analyst/%s", author);

      s.creator_id = _rs_stix_out_make_id (&s, "identity", key);
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

  bundle_id = _rs_stix_out_make_id (&s, "bundle", "bundle");
  json_builder_begin_object (b);
  member_string (b, "type", "bundle");
  member_string (b, "id", bundle_id);
  json_builder_set_member_name (b, "objects");
  json_builder_begin_array (b);

  if (s.creator_id != NULL)
    write_identity (&s, s.creator_id, author, "individual", NULL);
  write_grouping (&s);
  FOREACH_ITEM (rs_case_get_entities (kase), RsEntity, entity)
    _rs_stix_out_write_entity (&s, entity);
  FOREACH_ITEM (rs_case_get_relations (kase), RsRelation, relation)
    _rs_stix_out_write_relation (&s, relation);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  FOREACH_ITEM (rs_case_get_documents (kase), RsDocument, document)
    _rs_stix_out_write_document (&s, document);
  FOREACH_ITEM (rs_case_get_events (kase), RsEvent, event)
    _rs_stix_out_write_event (&s, event);
  FOREACH_ITEM (rs_case_get_notes (kase), RsNote, note)
    _rs_stix_out_write_note (&s, note);
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
