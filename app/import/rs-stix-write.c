/* rs-stix-write.c: a STIX import plan written into the case as one undoable change
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-stix-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-case-store-stix.h"
#include "rs-document.h"
#include "rs-entity.h"
#include "rs-error.h"
#include "rs-event.h"
#include "rs-evidence.h"
#include "rs-fuzzy-date.h"
#include "rs-quote.h"
#include "rs-relation.h"
#include "rs-stix-extension.h"
#include "rs-stix-import-private.h"

/* The plan becomes a list of steps, each a few rows, written in order: the markings and
 * the objects kept as they came; entities (each with its STIX id and external
 * references); reports and the documents of the cited sources; relations; their
 * quotes with the evidence that ties each to its relation; sightings as events; last,
 * the aliases merged entities gain (they change records the case already shows, so
 * they come when nothing else can fail). The steps run in one change and one batch,
 * all at once (rs_case_edit_import_stix()) or a slice at a time (rs_stix_import_async()). */

typedef struct _Writer Writer;
typedef gboolean (*StepFunc) (Writer    *w,
                              gpointer   data,
                              GError   **error);

typedef struct
{
  StepFunc func;
  gpointer data;
} Step;

struct _Writer
{
  RsStixPlan  *plan;     /* Owned */
  RsCaseStore *store;    /* Borrowed */
  GArray      *steps;
  guint        next;
};

static void
writer_free (Writer *w)
{
  g_clear_pointer (&w->plan, rs_stix_plan_free);
  g_clear_pointer (&w->steps, g_array_unref);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Writer, writer_free)

static void
add_step (Writer   *w,
          StepFunc  func,
          gpointer  data)
{
  Step step = { func, data };

  g_array_append_val (w->steps, step);
}

static char *
dup_json (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static char *
dup_object_json (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, o);
  return dup_json (node);
}

/* Markings and the objects kept as they came ----------------------------------------- */

static gboolean
write_marking (Writer      *w,
               gpointer     data,
               GError     **error)
{
  StixObject *object = data;
  JsonNode *definition = json_object_get_member (object->o, "definition");
  g_autofree char *definition_json = definition != NULL ? dup_json (definition) : g_strdup ("{}");
  g_autofree char *json = dup_object_json (object->o);
  const char * const *names = rs_stix_plan_get_markings (w->plan);
  RsStixObject marking = { 0 };
  const char *name = NULL;
  guint n = 0;

  /* Its name as the plan gave it: the markings come in the bundle's order. */
  for (guint i = 0; i < object->index && i < w->plan->bundle->objects->len; i++)
    {
      StixObject *before = g_ptr_array_index (w->plan->bundle->objects, i);

      n += before->mapping == STIX_MAP_MARKING && before->outcome == RS_STIX_UNMAPPED;
    }
  name = names[n];

  marking.stix_id = (char *)object->id;
  marking.type = (char *)object->type;
  marking.name = (char *)name;
  marking.definition_type = (char *)_rs_stix_member_string (object->o, "definition_type");
  marking.definition = definition_json;
  marking.object = json;
  return rs_case_store_add_marking (w->store, &marking, error);
}

static gboolean
write_tlp_marking (Writer   *w,
                   gpointer  data,
                   GError  **error)
{
  return rs_case_store_add_marking (w->store, data, error);
}

static gboolean
write_raw (Writer   *w,
           gpointer  data,
           GError  **error)
{
  StixObject *object = data;
  g_autofree char *json = dup_object_json (object->o);
  RsStixObject raw = { (char *)object->id, (char *)object->type, NULL, NULL, NULL, json };

  return rs_case_store_add_stix_object (w->store, &raw, error);
}

/* External references ---------------------------------------------------------------- */

static gboolean
same_reference (const RsExternalReference *ref,
                JsonObject                *o)
{
  return g_strcmp0 (ref->source_name, _rs_stix_member_string (o, "source_name")) == 0 &&
         g_strcmp0 (ref->external_id, _rs_stix_member_string (o, "external_id")) == 0 &&
         g_strcmp0 (ref->url, _rs_stix_member_string (o, "url")) == 0;
}

/* The object's external references, after those the record has (the same source, id
 * and URL is the same reference). */
static gboolean
write_references (Writer      *w,
                  JsonObject  *o,
                  RsTarget     target,
                  gint64       id,
                  gboolean     merge,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (o, "external_references");
  g_autoptr(GPtrArray) had = NULL;
  JsonArray *refs;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;
  refs = json_node_get_array (node);
  if (merge && !(had = rs_case_store_dup_external_references (w->store, target, id, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      JsonNode *element = json_array_get_element (refs, i);
      JsonObject *ref_o;
      gboolean known = FALSE;
      RsExternalReference ref;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      ref_o = json_node_get_object (element);
      ref.source_name = (char *)_rs_stix_member_string (ref_o, "source_name");
      ref.external_id = (char *)_rs_stix_member_string (ref_o, "external_id");
      ref.url = (char *)_rs_stix_member_string (ref_o, "url");
      ref.description = (char *)_rs_stix_member_string (ref_o, "description");
      if (ref.source_name == NULL || *ref.source_name == '\0')
        continue;
      for (guint j = 0; had != NULL && j < had->len && !known; j++)
        known = same_reference (g_ptr_array_index (had, j), ref_o);
      if (!known && !rs_case_store_add_external_reference (w->store, target, id, &ref, error))
        return FALSE;
    }
  return TRUE;
}

/* Entities --------------------------------------------------------------------------- */

static gboolean
write_entity (Writer   *w,
              gpointer  data,
              GError  **error)
{
  StixObject *object = data;

  if (object->outcome == RS_STIX_ADDED)
    {
      g_autoptr(RsEntity) draft = rs_entity_new (0);
      const char *description = _rs_stix_member_string (object->o, "description");
      RsEntity *entity;

      rs_entity_set_uid (draft, _rs_stix_extension_record_uid (w->store, object->o,
                                                               RS_TARGET_ENTITY));
      rs_entity_set_kind (draft, object->kind);
      rs_entity_set_name (draft, object->name);
      rs_entity_set_aliases (draft, (const char * const *)object->aliases);
      rs_entity_set_description (draft, description != NULL ? description : "");
      rs_entity_set_external_id (draft, object->external_id);
      _rs_stix_extension_entity_draft (object->o, draft);
      if (!(entity = rs_case_store_add_entity (w->store, draft, error)))
        return FALSE;
      object->db_id = rs_entity_get_id (entity);
      object->uid = g_strdup (rs_entity_get_uid (entity));
    }
  else if (rs_case_lookup_entity (rs_case_store_get_case (w->store), object->db_id) != NULL)
    object->uid = g_strdup (rs_entity_get_uid (rs_case_lookup_entity (rs_case_store_get_case (w->store),
                                                                      object->db_id)));

  return rs_case_store_set_stix_id (w->store, object->id, RS_TARGET_ENTITY, object->db_id, error) &&
         write_references (w, object->o, RS_TARGET_ENTITY, object->db_id,
                           object->outcome == RS_STIX_MERGED, error);
}

static gboolean
write_merged_aliases (Writer   *w,
                      gpointer  data,
                      GError  **error)
{
  StixObject *object = data;
  RsEntity *entity = rs_case_lookup_entity (rs_case_store_get_case (w->store), object->db_id);

  if (entity == NULL)
    return TRUE;
  return rs_case_store_update_entity (w->store, object->db_id, rs_entity_get_kind (entity),
                                      rs_entity_get_name (entity),
                                      (const char * const *)object->new_aliases,
                                      rs_entity_get_description (entity), error);
}

/* Documents -------------------------------------------------------------------------- */

/* "2013-02-19T00:00:00.000Z" → "2013-02-19", when it is a date. */
static char *
dup_date (const char *timestamp)
{
  g_autofree char *date = NULL;

  if (timestamp == NULL || strlen (timestamp) < 10)
    return NULL;
  date = g_strndup (timestamp, 10);
  return rs_case_store_check_published (date, NULL) ? g_steal_pointer (&date) : NULL;
}

static const char *
author_name (Writer     *w,
             JsonObject *o)
{
  const char *ref = _rs_stix_member_string (o, "created_by_ref");
  StixObject *author = ref != NULL ? g_hash_table_lookup (w->plan->bundle->by_id, ref) : NULL;

  return author != NULL ? _rs_stix_member_string (author->o, "name") : NULL;
}

static gboolean
write_report (Writer   *w,
              gpointer  data,
              GError  **error)
{
  StixObject *object = data;
  g_autoptr(RsDocument) draft = rs_document_new (0);
  g_autofree char *published = dup_date (_rs_stix_member_string (object->o, "published"));
  const char *name = _rs_stix_member_string (object->o, "name");
  const char *description = _rs_stix_member_string (object->o, "description");
  JsonArray *refs = NULL;
  const char *url = NULL;
  RsDocument *document;
  JsonNode *node;

  if ((node = json_object_get_member (object->o, "external_references")) != NULL &&
      JSON_NODE_HOLDS_ARRAY (node))
    refs = json_node_get_array (node);
  for (guint i = 0; refs != NULL && i < json_array_get_length (refs) && url == NULL; i++)
    url = _rs_stix_member_string (json_array_get_object_element (refs, i), "url");

  rs_document_set_uid (draft, _rs_stix_extension_record_uid (w->store, object->o,
                                                             RS_TARGET_DOCUMENT));
  rs_document_set_title (draft, name != NULL && *name != '\0' ? name : object->id);
  rs_document_set_publisher (draft, author_name (w, object->o));
  rs_document_set_url (draft, url);
  rs_document_set_published (draft, published);
  rs_document_set_text (draft, description != NULL ? description : "");
  _rs_stix_extension_document_draft (object->o, draft);
  if (!(document = rs_case_store_add_document (w->store, draft, error)))
    return FALSE;
  object->db_id = rs_document_get_id (document);
  return rs_case_store_set_stix_id (w->store, object->id, RS_TARGET_DOCUMENT, object->db_id, error) &&
         write_references (w, object->o, RS_TARGET_DOCUMENT, object->db_id, FALSE, error);
}

/* ATT&CK's citations read "Chen, J. et al. (2019, November 7). Title. Retrieved …":
 * the authors and the date, when the citation is written so. */
static void
parse_citation (const char  *citation,
                char       **author,
                char       **published)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *who = NULL;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  int m = 0;

  *author = *published = NULL;
  if (citation == NULL)
    return;
  regex = g_regex_new ("^(.{1,200}?)\\.? \\((\\d{4})(?:, ([A-Z][a-z]+)(?: (\\d{1,2}))?)?\\)",
                       G_REGEX_OPTIMIZE, 0, NULL);
  if (regex == NULL || !g_regex_match (regex, citation, 0, &match))
    return;
  who = g_match_info_fetch (match, 1);
  year = g_match_info_fetch (match, 2);
  month = g_match_info_fetch (match, 3);
  day = g_match_info_fetch (match, 4);
  for (gsize i = 0; month != NULL && i < G_N_ELEMENTS (months); i++)
    if (g_str_equal (month, months[i]))
      m = i + 1;
  if (m > 0 && day != NULL && *day != '\0')
    date = g_strdup_printf ("%s-%02d-%02d", year, m, atoi (day));
  else if (m > 0)
    date = g_strdup_printf ("%s-%02d", year, m);
  else
    date = g_strdup (year);
  if (rs_case_store_check_published (date, NULL))
    *published = g_steal_pointer (&date);
  /* "Hsieh, M. (2017" lost the period of an initial with the sentence's. */
  {
    gsize len = strlen (who);

    if (len >= 2 && g_ascii_isupper (who[len - 1]) && (who[len - 2] == ' ' || who[len - 2] == '.'))
      {
        char *with_period = g_strconcat (who, ".", NULL);

        g_free (who);
        who = with_period;
      }
  }
  *author = g_steal_pointer (&who);
}

static gboolean
write_source (Writer   *w,
              gpointer  data,
              GError  **error)
{
  StixSource *source = data;
  g_autoptr(RsDocument) draft = rs_document_new (0);
  g_autoptr(RsExternalReference) ref = NULL;
  g_autofree char *author = NULL;
  g_autofree char *published = NULL;
  RsDocument *document;

  parse_citation (source->citation, &author, &published);
  rs_document_set_title (draft, source->title);
  rs_document_set_author (draft, author);
  rs_document_set_published (draft, published);
  rs_document_set_url (draft, source->url);
  rs_document_set_text (draft, source->text->str);
  if (!(document = rs_case_store_add_document (w->store, draft, error)))
    return FALSE;
  source->db_id = rs_document_get_id (document);
  /* The citation as the bundle gave it, so that it can go out the same way. */
  ref = rs_external_reference_new (source->title, NULL, source->url, source->citation);
  return rs_case_store_add_external_reference (w->store, RS_TARGET_DOCUMENT, source->db_id, ref,
                                               error);
}

/* Relations and their quotes --------------------------------------------------------- */

/* STIX confidence (0–100) as a relation's status and a quote's credibility (the
 * Admiralty scale the STIX specification maps it to); docs/stix.md has the table. */
static RsRelationStatus
status_for (JsonObject *o,
            int        *credibility)
{
  JsonNode *node = json_object_get_member (o, "confidence");
  gint64 c;

  *credibility = 0;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return RS_RELATION_STATUS_REPORTED;
  c = CLAMP (json_node_get_int (node), 0, 100);
  *credibility = c >= 90 ? 1 : c >= 70 ? 2 : c >= 50 ? 3 : c >= 30 ? 4 : 5;
  return c >= 90 ? RS_RELATION_STATUS_CONFIRMED
       : c >= 50 ? RS_RELATION_STATUS_REPORTED
       : c >= 20 ? RS_RELATION_STATUS_ALLEGED
       : RS_RELATION_STATUS_DISPUTED;
}

static gint64
end_id (StixObject *end,
        gint64      case_id)
{
  return end != NULL ? end->db_id : case_id;
}

static gboolean
write_relation (Writer   *w,
                gpointer  data,
                GError  **error)
{
  StixObject *object = data;
  int credibility;

  if (object->outcome == RS_STIX_ADDED)
    {
      g_autoptr(RsRelation) draft = rs_relation_new (0);
      g_autofree char *label = g_strdelimit (g_strdup (_rs_stix_member_string (object->o,
                                                                               "relationship_type")),
                                             "-", ' ');
      RsRelation *relation;

      rs_relation_set_uid (draft, _rs_stix_extension_record_uid (w->store, object->o,
                                                                 RS_TARGET_RELATION));
      rs_relation_set_source_id (draft, end_id (object->source, object->source_case_id));
      rs_relation_set_target_id (draft, end_id (object->target, object->target_case_id));
      rs_relation_set_label (draft, label);
      rs_relation_set_directed (draft, TRUE);
      rs_relation_set_status (draft, status_for (object->o, &credibility));
      _rs_stix_extension_relation_draft (object->o, draft);
      if (!(relation = rs_case_store_add_relation (w->store, draft, error)))
        return FALSE;
      object->db_id = rs_relation_get_id (relation);
      object->uid = g_strdup (rs_relation_get_uid (relation));
    }
  else if (rs_case_lookup_relation (rs_case_store_get_case (w->store), object->db_id) != NULL)
    object->uid = g_strdup (rs_relation_get_uid (rs_case_lookup_relation (rs_case_store_get_case (w->store),
                                                                          object->db_id)));
  return rs_case_store_set_stix_id (w->store, object->id, RS_TARGET_RELATION, object->db_id, error) &&
         write_references (w, object->o, RS_TARGET_RELATION, object->db_id,
                           object->outcome == RS_STIX_MERGED, error);
}

static gboolean
write_quote (Writer   *w,
             gpointer  data,
             GError  **error)
{
  StixQuote *spec = data;
  g_autoptr(RsQuote) quote_draft = rs_quote_new (0);
  g_autoptr(RsEvidence) evidence = rs_evidence_new (0);
  RsQuote *quote;
  int credibility;

  status_for (spec->relation->o, &credibility);
  rs_quote_set_document_id (quote_draft, spec->source->db_id);
  rs_quote_set_start (quote_draft, spec->start);
  rs_quote_set_end (quote_draft, spec->end);
  rs_quote_set_text (quote_draft, _rs_stix_member_string (spec->relation->o, "description"));
  rs_quote_set_credibility (quote_draft, credibility);
  if (!(quote = rs_case_store_add_quote (w->store, quote_draft, error)))
    return FALSE;

  rs_evidence_set_quote_id (evidence, rs_quote_get_id (quote));
  rs_evidence_set_target (evidence, RS_TARGET_RELATION);
  rs_evidence_set_target_id (evidence, spec->relation->db_id);
  rs_evidence_set_stance (evidence, RS_STANCE_SUPPORTS);
  return rs_case_store_add_evidence (w->store, evidence, error) != NULL;
}

/* Sightings -------------------------------------------------------------------------- */

static gboolean
write_sighting (Writer   *w,
                gpointer  data,
                GError  **error)
{
  StixObject *object = data;
  g_autoptr(RsEvent) draft = rs_event_new (0);
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *first = dup_date (_rs_stix_member_string (object->o, "first_seen"));
  g_autofree char *last = dup_date (_rs_stix_member_string (object->o, "last_seen"));
  g_autofree char *created = dup_date (_rs_stix_member_string (object->o, "created"));
  g_autofree char *title = NULL;
  const char *description = _rs_stix_member_string (object->o, "description");
  const char *what = object->source != NULL && object->source->name != NULL
                     ? object->source->name
                     : _rs_stix_member_string (object->o, "sighting_of_ref");
  JsonNode *where_node = json_object_get_member (object->o, "where_sighted_refs");
  gint64 of = end_id (object->source, object->source_case_id);
  RsEvent *event;

  if (first == NULL)
    first = g_strdup (last != NULL ? last : created);
  if (first == NULL)
    first = g_strndup (_rs_stix_member_string (object->o, "modified") != NULL
                       ? _rs_stix_member_string (object->o, "modified") : "1970-01-01", 10);
  if (last != NULL && strcmp (last, first) > 0)
    date = rs_fuzzy_date_parse (first, last, RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE, NULL);
  if (date == NULL)
    date = rs_fuzzy_date_parse (first, NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE, error);
  if (date == NULL)
    return FALSE;

  if (of > 0 && (object->source == NULL || object->source->mapping == STIX_MAP_ENTITY))
    g_array_append_val (ids, of);
  if (where_node != NULL && JSON_NODE_HOLDS_ARRAY (where_node))
    {
      JsonArray *refs = json_node_get_array (where_node);

      for (guint i = 0; i < json_array_get_length (refs); i++)
        {
          const char *ref = json_node_get_string (json_array_get_element (refs, i));
          StixObject *place = ref != NULL ? g_hash_table_lookup (w->plan->bundle->by_id, ref) : NULL;

          if (place != NULL && place->mapping == STIX_MAP_ENTITY && place->db_id > 0)
            g_array_append_val (ids, place->db_id);
        }
    }

  /* TRANSLATORS: an event made of a STIX sighting, "Sighting of Poison Ivy" */
  title = g_strdup_printf (_("Sighting of %s"), what);
  rs_event_set_uid (draft, _rs_stix_extension_record_uid (w->store, object->o, RS_TARGET_EVENT));
  rs_event_set_title (draft, title);
  rs_event_set_description (draft, description != NULL ? description : "");
  rs_event_set_date (draft, date);
  rs_event_set_entity_ids (draft, (gint64 *)(gpointer)ids->data, ids->len);
  _rs_stix_extension_event_draft (w->plan->bundle, object->o, draft);
  if (!(event = rs_case_store_add_event (w->store, draft, error)))
    return FALSE;
  object->db_id = rs_event_get_id (event);
  return rs_case_store_set_stix_id (w->store, object->id, RS_TARGET_EVENT, object->db_id, error);
}

/* What a Redstring export's extension adds: quotes, notes, reviews (rs-stix-extension.c). */
static gboolean
write_extension (Writer   *w,
                 gpointer  data,
                 GError  **error)
{
  return _rs_stix_extension_write (w->plan, w->store, error);
}

/* Steps ------------------------------------------------------------------------------ */

static Writer *
writer_new (RsStixPlan  *plan,
            RsCaseStore *store)
{
  Writer *w = g_new0 (Writer, 1);
  GPtrArray *objects = plan->bundle->objects;

  w->plan = plan;
  w->store = store;
  w->steps = g_array_new (FALSE, FALSE, sizeof (Step));

  for (guint i = 0; i < plan->tlp_markings->len; i++)
    add_step (w, write_tlp_marking, g_ptr_array_index (plan->tlp_markings, i));
  for (guint i = 0; i < objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (objects, i);

      if (object->outcome == RS_STIX_UNMAPPED)
        add_step (w, object->mapping == STIX_MAP_MARKING ? write_marking : write_raw, object);
    }
  for (guint i = 0; i < objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (objects, i);

      if (object->mapping == STIX_MAP_ENTITY &&
          (object->outcome == RS_STIX_ADDED || object->outcome == RS_STIX_MERGED))
        add_step (w, write_entity, object);
    }
  for (guint i = 0; i < objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (objects, i);

      if (object->mapping == STIX_MAP_DOCUMENT && object->outcome == RS_STIX_ADDED)
        add_step (w, write_report, object);
    }
  for (guint i = 0; i < plan->sources->len; i++)
    {
      StixSource *source = g_ptr_array_index (plan->sources, i);

      if (!source->existing)
        add_step (w, write_source, source);
    }
  for (guint i = 0; i < objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (objects, i);

      if (object->mapping == STIX_MAP_RELATION &&
          (object->outcome == RS_STIX_ADDED || object->outcome == RS_STIX_MERGED))
        add_step (w, write_relation, object);
    }
  for (guint i = 0; i < plan->quotes->len; i++)
    add_step (w, write_quote, &g_array_index (plan->quotes, StixQuote, i));
  for (guint i = 0; i < objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (objects, i);

      if (object->mapping == STIX_MAP_EVENT && object->outcome == RS_STIX_ADDED)
        add_step (w, write_sighting, object);
    }
  for (guint i = 0; i < objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (objects, i);

      if (object->mapping == STIX_MAP_ENTITY && object->outcome == RS_STIX_MERGED &&
          object->new_aliases != NULL)
        add_step (w, write_merged_aliases, object);
    }
  add_step (w, write_extension, NULL);
  return w;
}

static gboolean
writer_run (Writer   *w,
            guint     max_steps,
            gboolean *done,
            GError  **error)
{
  for (guint n = 0; n < max_steps && w->next < w->steps->len; n++, w->next++)
    {
      Step *step = &g_array_index (w->steps, Step, w->next);

      if (!step->func (w, step->data, error))
        return FALSE;
    }
  *done = w->next >= w->steps->len;
  return TRUE;
}

static char *
change_label (RsStixPlan *plan,
              const char *title)
{
  if (title == NULL || *title == '\0')
    title = plan->bundle->name;
  return g_strdup_printf (_("Import “%s”"), title);
}

/* A failed step says which part of the bundle it was writing. */
static void
name_the_step (Writer  *w,
               GError **error)
{
  if (error != NULL && *error != NULL)
    g_prefix_error (error, "%s: ", w->plan->bundle->name);
}

/**
 * rs_case_edit_import_stix:
 * @plan: written, not taken
 *
 * Returns: (transfer full): the import as one change, or %NULL with @error set and the
 *   case as it was
 */
RsChange *
rs_case_edit_import_stix (RsCaseStore  *store,
                          RsStixPlan   *plan,
                          const char   *title,
                          GError      **error)
{
  g_autoptr(Writer) w = NULL;
  g_autofree char *label = NULL;
  gboolean done = FALSE;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w = writer_new (plan, store);
  label = change_label (plan, title);
  if (!rs_case_store_begin_change (store, label, error))
    {
      w->plan = NULL;
      return NULL;
    }
  if (!rs_case_store_begin_batch (store, error))
    {
      rs_case_store_cancel_change (store);
      w->plan = NULL;
      return NULL;
    }
  if (!writer_run (w, G_MAXUINT, &done, error) || !rs_case_store_commit_batch (store, error))
    {
      name_the_step (w, error);
      rs_case_store_rollback_batch (store);
      rs_case_store_cancel_change (store);
      w->plan = NULL;
      return NULL;
    }
  w->plan = NULL;  /* the caller's */
  return rs_case_store_end_change (store, error);
}

/* Asynchronous ----------------------------------------------------------------------- */

/* About one frame's worth of work between two looks at the main loop. */
#define SLICE_STEPS 32
#define SLICE_USEC  (12 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  Writer             *writer;
  char               *label;
  RsStixProgressFunc  progress;
  gpointer            progress_data;
  GDestroyNotify      progress_notify;
  guint               idle_id;
  gboolean            in_change;
} AsyncImport;

static void
async_import_free (AsyncImport *op)
{
  g_assert (op->idle_id == 0);
  g_clear_pointer (&op->writer, writer_free);
  if (op->progress_notify != NULL)
    op->progress_notify (op->progress_data);
  g_free (op->label);
  g_free (op);
}

static void
finish (GTask  *task,
        GError *error)
{
  RsCaseStore *store = g_task_get_source_object (task);
  AsyncImport *op = g_task_get_task_data (task);
  g_autoptr(GError) end_error = NULL;
  RsChange *change;

  if (error == NULL && !rs_case_store_commit_batch (store, &end_error))
    error = g_steal_pointer (&end_error);
  if (error != NULL)
    {
      if (op->in_change)
        {
          rs_case_store_rollback_batch (store);
          rs_case_store_cancel_change (store);
          op->in_change = FALSE;
        }
      g_task_return_error (task, error);
      return;
    }
  op->in_change = FALSE;
  if (!(change = rs_case_store_end_change (store, &end_error)))
    {
      g_task_return_error (task, g_steal_pointer (&end_error));
      return;
    }
  if (op->progress != NULL)
    op->progress (1.0, op->progress_data);
  g_task_return_pointer (task, change, g_object_unref);
}

static gboolean
write_slice_cb (gpointer user_data)
{
  GTask *task = user_data;
  AsyncImport *op = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  GError *error = NULL;
  gboolean done = FALSE;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      op->idle_id = 0;
      finish (task, error);
      return G_SOURCE_REMOVE;
    }
  while (!done && g_get_monotonic_time () < deadline)
    if (!writer_run (op->writer, SLICE_STEPS, &done, &error))
      {
        name_the_step (op->writer, &error);
        op->idle_id = 0;
        finish (task, error);
        return G_SOURCE_REMOVE;
      }
  if (!done)
    {
      if (op->progress != NULL)
        op->progress ((double)op->writer->next / MAX (op->writer->steps->len, 1), op->progress_data);
      return G_SOURCE_CONTINUE;
    }
  op->idle_id = 0;
  finish (task, NULL);
  return G_SOURCE_REMOVE;
}

void
rs_stix_import_async (RsCaseStore         *store,
                      RsStixPlan          *plan,
                      const char          *title,
                      GCancellable        *cancellable,
                      RsStixProgressFunc   progress,
                      gpointer             progress_data,
                      GDestroyNotify       progress_notify,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AsyncImport *op;

  g_return_if_fail (RS_IS_CASE_STORE (store));
  g_return_if_fail (plan != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_stix_import_async);
  op = g_new0 (AsyncImport, 1);
  op->writer = writer_new (plan, store);
  op->label = change_label (plan, title);
  op->progress = progress;
  op->progress_data = progress_data;
  op->progress_notify = progress_notify;
  g_task_set_task_data (task, op, (GDestroyNotify)async_import_free);
  if (progress != NULL)
    progress (0.0, progress_data);

  if (!rs_case_store_begin_change (store, op->label, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!rs_case_store_begin_batch (store, &error))
    {
      rs_case_store_cancel_change (store);
      g_task_return_error (task, error);
      return;
    }
  op->in_change = TRUE;
  op->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice_cb, g_object_ref (task),
                                 g_object_unref);
}

/**
 * rs_stix_import_finish:
 *
 * Returns: (transfer full): the import as a change (on the undo stack already: the
 *   store announced it), or %NULL with @error set
 */
RsChange *
rs_stix_import_finish (RsCaseStore   *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
