/* rs-stix-extension.c: the Redstring STIX extension read back (issue 22)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-stix-extension"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-case-edit.h"
#include "rs-case-store-stix.h"
#include "rs-comment.h"
#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-evidence.h"
#include "rs-export-stix.h"
#include "rs-fuzzy-date.h"
#include "rs-layout-result.h"
#include "rs-note.h"
#include "rs-quote.h"
#include "rs-review.h"
#include "rs-stix-extension.h"

/* The importer maps STIX as any producer writes it; this file adds, for a bundle that
 * Redstring wrote, what its extension says on top. It never refuses a bundle: a member
 * it cannot use is left out and the importer's own reading stands. */

/* JSON helpers ------------------------------------------------------------------------ */

static JsonObject *
extension_of (JsonObject *o)
{
  JsonNode *extensions = o != NULL ? json_object_get_member (o, "extensions") : NULL;
  JsonNode *node;

  if (extensions == NULL || !JSON_NODE_HOLDS_OBJECT (extensions))
    return NULL;
  node = json_object_get_member (json_node_get_object (extensions), RS_STIX_EXTENSION_ID);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string (JsonObject *o,
            const char *member)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject *o,
         const char *member,
         gint64     *value)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_number (JsonObject *o,
            const char *member,
            double     *value)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

static gboolean
get_bool (JsonObject *o,
          const char *member,
          gboolean    fallback)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

static JsonObject *
get_object (JsonObject *o,
            const char *member)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *o,
           const char *member)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The strings of an array (others skipped), NULL-terminated; NULL when no array. */
static char **
dup_strings (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (array == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static gboolean
nick_value (GType       type,
            const char *nick,
            int        *value)
{
  return nick != NULL && rs_enum_from_nick (type, nick, value);
}

/* A uid as the bundle reader takes a record id (rs-bundle-reader.c check_id()), that no
 * record of TARGET has: a uid names one record of its kind in a case. */
static const char *
usable_uid (RsCaseStore *store,
            RsTarget     target,
            const char  *uid)
{
  if (uid == NULL || *uid == '\0' || strlen (uid) > 200)
    return NULL;
  for (const char *p = uid; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      return NULL;
  return rs_case_store_has_uid (store, target, uid) ? NULL : uid;
}

const char *
_rs_stix_extension_record_uid (RsCaseStore *store,
                               JsonObject  *o,
                               RsTarget     target)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);

  return usable_uid (store, target, get_string (extension_of (o), "record_uid"));
}

/* Classifying ------------------------------------------------------------------------- */

gboolean
_rs_stix_extension_is_redstring (RsStixBundle *bundle)
{
  g_return_val_if_fail (bundle != NULL, FALSE);
  return g_hash_table_contains (bundle->by_id, RS_STIX_EXTENSION_ID);
}

void
_rs_stix_extension_classify (RsStixBundle *bundle)
{
  gboolean ours;

  g_return_if_fail (bundle != NULL);

  ours = _rs_stix_extension_is_redstring (bundle);
  for (guint i = 0; i < bundle->objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (bundle->objects, i);
      JsonObject *extension = extension_of (object->o);
      int kind;

      /* In Redstring's own bundle, an identity that only created others is the analyst
       * who exported or a document's publisher: both written afresh on export. */
      if (ours && extension == NULL && object->mapping == STIX_MAP_RAW &&
          g_str_equal (object->type, "identity"))
        {
          object->mapping = STIX_MAP_REDSTRING;
          object->skipped = TRUE;
          continue;
        }

      /* Redstring's own bookkeeping, not the case's: neither kept nor a record. */
      if (g_strcmp0 (object->id, RS_STIX_EXTENSION_ID) == 0 ||
          g_strcmp0 (object->id, RS_STIX_REDSTRING_IDENTITY) == 0 ||
          (extension != NULL && g_str_equal (object->type, "grouping")))
        {
          object->mapping = STIX_MAP_REDSTRING;
          object->skipped = TRUE;
          continue;
        }
      if (extension == NULL || object->skipped)
        continue;

      /* Only what stands for an entity: an SDO the importer maps to one or keeps. */
      if ((object->mapping == STIX_MAP_ENTITY || object->mapping == STIX_MAP_RAW) &&
          !g_str_equal (object->type, "note") && !g_str_equal (object->type, "grouping") &&
          nick_value (RS_TYPE_ENTITY_KIND, get_string (extension, "kind"), &kind))
        {
          const char *name = get_string (object->o, "name");
          g_auto(GStrv) aliases = dup_strings (get_array (extension, "aliases"));

          object->mapping = STIX_MAP_ENTITY;
          object->kind = kind;
          if (name != NULL && *name != '\0')
            {
              g_free (object->name);
              object->name = g_strdup (name);
            }
          if (object->name == NULL)
            object->name = g_strdup (object->id);
          if (aliases != NULL)
            {
              g_strfreev (object->aliases);
              object->aliases = g_steal_pointer (&aliases);
            }
          /* The importer reads aliases as a list, maybe empty, never NULL. */
          if (object->aliases == NULL)
            object->aliases = g_new0 (char *, 1);
        }
      else if (g_str_equal (object->type, "note"))
        object->mapping = STIX_MAP_REDSTRING;
    }
}

/* Drafts ------------------------------------------------------------------------------ */

void
_rs_stix_extension_entity_draft (JsonObject *o,
                                 RsEntity   *draft)
{
  JsonObject *extension = extension_of (o);
  JsonObject *position = get_object (extension, "position");
  g_auto(GStrv) aliases = dup_strings (get_array (extension, "aliases"));
  const char *external_id = get_string (extension, "external_id");
  double x, y;

  if (extension == NULL)
    return;
  /* Kind and name came through _rs_stix_extension_classify(); an entity with no alias
   * has none, whatever STIX said. */
  rs_entity_set_aliases (draft, aliases != NULL ? (const char * const *) aliases
                                                : (const char * const[]) { NULL });
  if (external_id != NULL)
    rs_entity_set_external_id (draft, external_id);
  if (get_number (position, "x", &x) && get_number (position, "y", &y))
    {
      rs_entity_set_x (draft, x);
      rs_entity_set_y (draft, y);
      rs_entity_set_pinned (draft, get_bool (position, "pinned", FALSE));
      rs_entity_set_has_position (draft, TRUE);
    }
}

void
_rs_stix_extension_relation_draft (JsonObject *o,
                                   RsRelation *draft)
{
  JsonObject *extension = extension_of (o);
  JsonObject *label_position = get_object (extension, "label_position");
  const char *label = get_string (extension, "label");
  const char *route = get_string (extension, "route");
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RsLayoutPoint));
  double x, y;
  int status;

  if (extension == NULL)
    return;
  if (label != NULL)
    rs_relation_set_label (draft, label);
  rs_relation_set_directed (draft, get_bool (extension, "directed", TRUE));
  /* The exact status, which confidence only approximates (refuted and disputed). */
  if (nick_value (RS_TYPE_RELATION_STATUS, get_string (extension, "status"), &status))
    rs_relation_set_status (draft, status);
  /* The drawn route, when the board can draw it (a Bézier path of "x,y" points, no longer
   * than the case keeps), and the label's place on it. */
  if (route != NULL && strlen (route) <= 65536 &&
      rs_layout_route_parse (route, points, NULL))
    {
      rs_relation_set_route (draft, route);
      if (get_number (label_position, "x", &x) && get_number (label_position, "y", &y) &&
          isfinite (x) && isfinite (y))
        {
          rs_relation_set_label_x (draft, x);
          rs_relation_set_label_y (draft, y);
          rs_relation_set_has_label_position (draft, TRUE);
        }
    }
}

void
_rs_stix_extension_document_draft (JsonObject *o,
                                   RsDocument *draft)
{
  static const char * const grades[] = { "unknown", "A", "B", "C", "D", "E", "F" };
  JsonObject *extension = extension_of (o);
  const char *reliability;

  if (extension == NULL)
    return;
  /* As the case had them: "Untitled" is not a title, the publication date as typed. */
  rs_document_set_title (draft, get_string (extension, "title"));
  rs_document_set_publisher (draft, get_string (extension, "publisher"));
  rs_document_set_author (draft, get_string (extension, "author"));
  rs_document_set_url (draft, get_string (extension, "url"));
  rs_document_set_published (draft, get_string (extension, "published"));
  rs_document_set_imported_at (draft, get_string (extension, "imported_at"));
  if ((reliability = get_string (extension, "reliability")) != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
      if (g_str_equal (reliability, grades[i]))
        rs_document_set_reliability (draft, (RsReliability) i);
}

/* The record an object of the bundle became (written by now), or 0. */
static gint64
written_id (RsStixBundle *bundle,
            const char   *ref,
            StixMapping   mapping)
{
  StixObject *object = ref != NULL ? g_hash_table_lookup (bundle->by_id, ref) : NULL;

  return object != NULL && object->mapping == mapping && object->db_id > 0 ? object->db_id : 0;
}

void
_rs_stix_extension_event_draft (RsStixBundle *bundle,
                                JsonObject   *o,
                                RsEvent      *draft)
{
  JsonObject *extension = extension_of (o);
  JsonObject *date = get_object (extension, "date");
  g_auto(GStrv) refs = dup_strings (get_array (extension, "entity_refs"));
  const char *title = get_string (extension, "title");
  int precision, qualifier = RS_DATE_QUALIFIER_NONE;

  if (extension == NULL)
    return;
  if (title != NULL)
    rs_event_set_title (draft, title);
  rs_event_set_description (draft, get_string (extension, "event_description")
                                   ? get_string (extension, "event_description") : "");
  if (nick_value (RS_TYPE_DATE_PRECISION, get_string (date, "precision"), &precision) &&
      (get_string (date, "qualifier") == NULL ||
       nick_value (RS_TYPE_DATE_QUALIFIER, get_string (date, "qualifier"), &qualifier)))
    {
      g_autoptr(RsFuzzyDate) fuzzy = rs_fuzzy_date_parse (get_string (date, "start"),
                                                          get_string (date, "end"), precision,
                                                          qualifier, NULL);

      if (fuzzy != NULL)
        rs_event_set_date (draft, fuzzy);
    }
  if (refs != NULL)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; refs[i] != NULL; i++)
        {
          gint64 id = written_id (bundle, refs[i], STIX_MAP_ENTITY);

          if (id > 0)
            g_array_append_val (ids, id);
        }
      rs_event_set_entity_ids (draft, (const gint64 *) (gpointer) ids->data, ids->len);
    }
}

/* The rest -------------------------------------------------------------------------- */

/* A review state and a comment thread, on a claim the import added. */
static gboolean
write_review (RsCaseStore  *store,
              JsonObject   *extension,
              RsTarget      target,
              gint64        id,
              GError      **error)
{
  JsonObject *review = get_object (extension, "review");
  JsonArray *comments = get_array (extension, "comments");
  int state;

  if (review != NULL && get_string (review, "reviewer") != NULL &&
      get_string (review, "time") != NULL &&
      nick_value (RS_TYPE_REVIEW_STATE, get_string (review, "state"), &state))
    {
      g_autoptr(RsReview) draft = rs_review_new (0);

      rs_review_set_target (draft, target);
      rs_review_set_target_id (draft, id);
      rs_review_set_state (draft, state);
      rs_review_set_reviewer (draft, get_string (review, "reviewer"));
      rs_review_set_time (draft, get_string (review, "time"));
      if (!rs_case_store_add_review (store, draft, error))
        return FALSE;
    }
  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      JsonObject *c = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr(RsComment) draft = NULL;

      if (get_string (c, "author") == NULL || get_string (c, "time") == NULL ||
          get_string (c, "body") == NULL)
        continue;
      draft = rs_comment_new (0);
      rs_comment_set_target (draft, target);
      rs_comment_set_target_id (draft, id);
      rs_comment_set_author (draft, get_string (c, "author"));
      rs_comment_set_time (draft, get_string (c, "time"));
      rs_comment_set_body (draft, get_string (c, "body"));
      rs_comment_set_resolved (draft, get_bool (c, "resolved", FALSE));
      if (!rs_case_store_add_comment (store, draft, error))
        return FALSE;
    }
  return TRUE;
}

/* What an evidence or a note names: a record this import wrote, as a target. */
static gboolean
resolve_target (RsStixBundle *bundle,
                const char   *ref,
                RsTarget     *target,
                gint64       *id)
{
  static const struct { StixMapping mapping; RsTarget target; } targets[] = {
    { STIX_MAP_ENTITY, RS_TARGET_ENTITY },
    { STIX_MAP_RELATION, RS_TARGET_RELATION },
    { STIX_MAP_EVENT, RS_TARGET_EVENT },
    { STIX_MAP_DOCUMENT, RS_TARGET_DOCUMENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if ((*id = written_id (bundle, ref, targets[i].mapping)) > 0)
      {
        *target = targets[i].target;
        return TRUE;
      }
  return FALSE;
}

static gboolean
write_quotes (RsStixBundle  *bundle,
              RsCaseStore   *store,
              StixObject    *report,
              JsonObject    *extension,
              GHashTable    *quote_ids,
              GError       **error)
{
  JsonArray *quotes = get_array (extension, "quotes");

  for (guint i = 0; quotes != NULL && i < json_array_get_length (quotes); i++)
    {
      JsonNode *node = json_array_get_element (quotes, i);
      JsonObject *q = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *evidence = get_array (q, "evidence");
      g_autoptr(RsQuote) draft = NULL;
      RsQuote *quote;
      gint64 start, end, credibility = 0;

      if (!get_int (q, "start", &start) || !get_int (q, "end", &end))
        continue;
      get_int (q, "credibility", &credibility);
      draft = rs_quote_new (0);
      rs_quote_set_uid (draft, usable_uid (store, RS_TARGET_QUOTE, get_string (q, "record_uid")));
      rs_quote_set_document_id (draft, report->db_id);
      rs_quote_set_start (draft, start);
      rs_quote_set_end (draft, end);
      rs_quote_set_credibility (draft, (int) CLAMP (credibility, 0, 6));
      if (!(quote = rs_case_store_add_quote (store, draft, error)))
        return FALSE;
      if (get_string (q, "record_uid") != NULL)
        g_hash_table_insert (quote_ids, g_strdup (get_string (q, "record_uid")),
                             g_memdup2 (&(gint64) { rs_quote_get_id (quote) }, sizeof (gint64)));

      for (guint j = 0; evidence != NULL && j < json_array_get_length (evidence); j++)
        {
          JsonNode *e_node = json_array_get_element (evidence, j);
          JsonObject *e = JSON_NODE_HOLDS_OBJECT (e_node) ? json_node_get_object (e_node) : NULL;
          g_autoptr(RsEvidence) link = NULL;
          RsTarget target;
          gint64 id;
          int stance = RS_STANCE_SUPPORTS;

          if (!resolve_target (bundle, get_string (e, "target_ref"), &target, &id))
            continue;
          nick_value (RS_TYPE_STANCE, get_string (e, "stance"), &stance);
          link = rs_evidence_new (0);
          rs_evidence_set_quote_id (link, rs_quote_get_id (quote));
          rs_evidence_set_target (link, target);
          rs_evidence_set_target_id (link, id);
          rs_evidence_set_stance (link, stance);
          if (!rs_case_store_add_evidence (store, link, error))
            return FALSE;
        }
      if (!write_review (store, q, RS_TARGET_QUOTE, rs_quote_get_id (quote), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_note (RsStixBundle  *bundle,
            RsCaseStore   *store,
            StixObject    *object,
            JsonObject    *extension,
            GHashTable    *quote_ids,
            GError       **error)
{
  g_autoptr(RsNote) draft = rs_note_new (0);
  g_auto(GStrv) refs = dup_strings (get_array (object->o, "object_refs"));
  const char *quote_uid = get_string (extension, "quote_uid");
  gint64 *quote_id = quote_uid != NULL ? g_hash_table_lookup (quote_ids, quote_uid) : NULL;
  RsTarget target = RS_TARGET_CASE;
  gint64 id = 0;

  if (quote_id != NULL)
    {
      target = RS_TARGET_QUOTE;
      id = *quote_id;
    }
  else if (refs == NULL || refs[0] == NULL || !resolve_target (bundle, refs[0], &target, &id))
    target = RS_TARGET_CASE;
  rs_note_set_uid (draft, _rs_stix_extension_record_uid (store, object->o, RS_TARGET_NOTE));
  rs_note_set_target (draft, target);
  rs_note_set_target_id (draft, id);
  rs_note_set_body (draft, get_string (object->o, "content"));
  rs_note_set_author (draft, get_string (extension, "author"));
  rs_note_set_created (draft, get_string (extension, "created"));
  rs_note_set_updated (draft, get_string (extension, "updated"));
  return rs_case_store_add_note (store, draft, error) != NULL;
}

/* A view's uids (record_uid in the bundle) as the uids of the records they became; NULL
 * stays NULL (everything shown), uids of nothing imported are left out. */
static char **
map_uids (JsonObject *view,
          const char *member,
          GHashTable *uids)
{
  JsonNode *node = json_object_get_member (view, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) given = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  builder = g_strv_builder_new ();
  given = dup_strings (json_node_get_array (node));
  for (guint i = 0; given[i] != NULL; i++)
    {
      const char *uid = g_hash_table_lookup (uids, given[i]);

      if (uid != NULL)
        g_strv_builder_add (builder, uid);
    }
  return g_strv_builder_end (builder);
}

/* The storyline the grouping's extension carries ("story"), into a case that has none
 * yet (a colleague's bundle does not add its views to a storyline of one's own). A view
 * the storyline could not hold (no area, a caption too long) is left out. */
static gboolean
write_story (RsStixBundle  *bundle,
             RsCaseStore   *store,
             GError       **error)
{
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *story = NULL;

  if (g_list_model_get_n_items (rs_case_get_story_views (kase)) > 0)
    return TRUE;
  for (guint i = 0; i < bundle->objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (bundle->objects, i);
      JsonObject *extension = extension_of (object->o);
      const char *record_uid = get_string (extension, "record_uid");

      if (extension != NULL && g_str_equal (object->type, "grouping"))
        story = get_array (extension, "story");
      /* The uid of the record it became: written or merged into (rs-stix-write.c), or
       * the case's own it was found to be already. */
      if (record_uid != NULL && object->uid == NULL && object->db_id > 0)
        {
          if (object->mapping == STIX_MAP_ENTITY && rs_case_lookup_entity (kase, object->db_id))
            object->uid = g_strdup (rs_entity_get_uid (rs_case_lookup_entity (kase, object->db_id)));
          else if (object->mapping == STIX_MAP_RELATION &&
                   rs_case_lookup_relation (kase, object->db_id))
            object->uid = g_strdup (rs_relation_get_uid (rs_case_lookup_relation (kase,
                                                                                  object->db_id)));
        }
      if (record_uid != NULL && object->uid != NULL &&
          (object->mapping == STIX_MAP_ENTITY || object->mapping == STIX_MAP_RELATION))
        g_hash_table_insert (uids, (gpointer) record_uid, object->uid);
    }
  for (guint i = 0; story != NULL && i < json_array_get_length (story); i++)
    {
      JsonNode *node = json_array_get_element (story, i);
      JsonObject *view = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *camera = get_object (view, "camera");
      g_auto(GStrv) shown = NULL;
      g_auto(GStrv) highlighted = NULL;
      g_autoptr(GError) local_error = NULL;
      double x, y, width, height;

      if (!get_number (camera, "x", &x) || !get_number (camera, "y", &y) ||
          !get_number (camera, "width", &width) || !get_number (camera, "height", &height))
        continue;
      shown = map_uids (view, "shown", uids);
      highlighted = map_uids (view, "highlighted", uids);
      if (!rs_case_store_add_story_view (store, get_string (view, "caption"), x, y, width, height,
                                         (const char * const *) shown,
                                         (const char * const *) highlighted, NULL, &local_error))
        {
          if (!g_error_matches (local_error, RS_ERROR, RS_ERROR_INVALID_INPUT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
_rs_stix_extension_write (RsStixPlan   *plan,
                          RsCaseStore  *store,
                          GError      **error)
{
  RsStixBundle *bundle;
  g_autoptr(GHashTable) quote_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);

  bundle = plan->bundle;
  /* Quotes first: notes may be about one. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < bundle->objects->len; i++)
      {
        StixObject *object = g_ptr_array_index (bundle->objects, i);
        JsonObject *extension = extension_of (object->o);
        gboolean ok = TRUE;

        /* Only what this import added: a record the case had keeps its own. */
        if (extension == NULL || object->outcome != RS_STIX_ADDED)
          continue;
        if (pass == 0)
          switch (object->mapping)
            {
            case STIX_MAP_DOCUMENT:
              ok = object->db_id > 0 &&
                   write_quotes (bundle, store, object, extension, quote_ids, error);
              break;
            case STIX_MAP_ENTITY:
              ok = write_review (store, extension, RS_TARGET_ENTITY, object->db_id, error);
              break;
            case STIX_MAP_RELATION:
              ok = write_review (store, extension, RS_TARGET_RELATION, object->db_id, error);
              break;
            case STIX_MAP_EVENT:
              ok = write_review (store, extension, RS_TARGET_EVENT, object->db_id, error);
              break;
            default:
              break;
            }
        else if (object->mapping == STIX_MAP_REDSTRING && g_str_equal (object->type, "note"))
          ok = write_note (bundle, store, object, extension, quote_ids, error);
        if (!ok)
          return FALSE;
      }
  return write_story (bundle, store, error);
}
