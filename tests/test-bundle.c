/* test-bundle.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-case-store-stix.h"
#include "rs-error.h"
#include "rs-export-stix.h"
#include "rs-stix-import.h"
#include "rs-fuzzy-date.h"
#include "rs-test-utils.h"

static void
test_sample_quotes_match_text (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("sample.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  GListModel *quotes = rs_case_get_quotes (kase);

  g_assert_cmpuint (g_list_model_get_n_items (quotes), >, 50);
  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (quotes, i);
      RsDocument *doc = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));
      g_autofree char *slice = g_utf8_substring (rs_document_get_text (doc),
                                                 rs_quote_get_start (quote),
                                                 rs_quote_get_end (quote));

      g_assert_cmpstr (slice, ==, rs_quote_get_text (quote));
    }
}

/* The sample's documents are the two seed reports, byte for byte. */
static void
test_sample_documents_are_the_reports (void)
{
  static const char *seeds[] = {
    "bloomberg-2021-04-20-chinese-military-seen-behind-japan-cyber-attacks.txt",
    "report-2021-04-20-chinese-military-hacked-japan-space-agency.txt",
  };
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("sample.redstring");
  GListModel *documents = rs_case_get_documents (rs_case_store_get_case (store));

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, G_N_ELEMENTS (seeds));
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seeds", seeds[i], NULL);
      g_autoptr(GBytes) seed = rs_test_read_file (path);
      g_autoptr(RsDocument) doc = g_list_model_get_item (documents, i);

      g_assert_cmpstr (rs_document_get_text (doc), ==, g_bytes_get_data (seed, NULL));
      /* Both report the police referral of Tuesday 20 April 2021. */
      g_assert_true (g_str_has_prefix (rs_document_get_published (doc), "2021-04-2"));
    }
}

static gboolean
has_stance (RsCase   *kase,
            RsTarget  target,
            gint64    id,
            RsStance  stance)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target, id);

  for (guint i = 0; i < evidence->len; i++)
    if (rs_evidence_get_stance (g_ptr_array_index (evidence, i)) == stance)
      return TRUE;
  return FALSE;
}

/* What an analyst expects pinned: the actors, every relation backed by a quote,
 * the denial as contradicting evidence, dates as precise as the reports are. */
static void
test_sample_covers_the_case (void)
{
  static const char *names[] = {
    "Tick", "Unit 61419", "People’s Liberation Army", "Japan Aerospace Exploration Agency",
    "Mitsubishi Electric", "Keio University", "NHK", "Kyodo News", "Chinese Communist Party",
    "Wang Wenbin", "FireEye Inc.", "ESET",
  };
  static const char *dates[] = {
    "at least 2009", "2016", "2016–2017", "late Feb 2021", "20 Apr 2021", "12–18 Apr 2021",
  };
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("sample.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  GListModel *relations = rs_case_get_relations (kase);
  GListModel *events = rs_case_get_events (kase);
  guint disputed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (rs_case_lookup_entity_by_name (kase, names[i]) == NULL)
      g_error ("The sample case has no entity named “%s”", names[i]);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      gint64 id = rs_relation_get_id (relation);

      g_assert_true (has_stance (kase, RS_TARGET_RELATION, id, RS_STANCE_SUPPORTS));
      if (rs_relation_get_status (relation) == RS_RELATION_STATUS_DISPUTED)
        {
          disputed++;
          g_assert_true (has_stance (kase, RS_TARGET_RELATION, id, RS_STANCE_CONTRADICTS));
        }
    }
  g_assert_cmpuint (disputed, >, 0);

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      gboolean found = FALSE;

      for (guint i = 0; !found && i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(RsEvent) event = g_list_model_get_item (events, i);
          g_autofree char *text = rs_fuzzy_date_format (rs_event_get_date (event));

          found = g_str_equal (text, dates[d]);
        }
      if (!found)
        g_error ("No event of the sample case is dated “%s”", dates[d]);
    }
}

static JsonNode *
parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* Case → bundle → new case → bundle gives the same bundle, the case's creation
 * date, positions and notes included. */
static void
test_round_trip (void)
{
  g_autoptr(RsCaseStore) first = rs_test_open_sample_case ("first.redstring");
  g_autoptr(RsCaseStore) second = rs_test_open_new_case ("second.redstring");
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;
  g_autoptr(GError) error = NULL;
  RsCase *kase = rs_case_store_get_case (first);
  RsNodePlacement placement = { 0 };

  placement.entity_id = rs_entity_get_id (rs_case_lookup_entity_by_name (kase, "Tick"));
  placement.x = 120.5;
  placement.y = -40;
  placement.pinned = TRUE;
  g_assert_true (rs_case_store_set_board (first, &placement, 1, NULL, 0, &error));

  a = rs_bundle_export (kase, &error);
  g_assert_no_error (error);
  rs_bundle_import_bytes (second, a, &error);
  g_assert_no_error (error);
  b = rs_bundle_export (rs_case_store_get_case (second), &error);
  g_assert_no_error (error);

  na = parse (a);
  nb = parse (b);
  g_assert_true (json_node_equal (na, nb));
  /* The case keeps the date it began, not the new file's (the fuzzer found
   * export → import → export differing whenever a second passed between). */
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_node_get_object (nb), "case"), "created"),
                   ==, "2021-04-20T00:00:00Z");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (nb),
                                                                         "positions")), ==, 1);
}

static GBytes *
export_with_stix (RsCaseStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsStixSnapshot) stix = rs_stix_snapshot_new (store, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  bytes = rs_bundle_export_with_stix (rs_case_store_get_case (store), stix, &error);
  g_assert_no_error (error);
  return bytes;
}

static JsonObject *
entity_named (JsonNode   *root,
              const char *name)
{
  JsonArray *entities = json_object_get_array_member (json_node_get_object (root), "entities");

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      if (g_strcmp0 (json_object_get_string_member (entity, "name"), name) == 0)
        return entity;
    }
  return NULL;
}

/* What schema 8 keeps of STIX (external references, STIX ids, the markings and the
 * objects kept as they came) goes case → bundle → case: the sample case with ATT&CK's
 * G0060 imported, bundled, imported into a new case and bundled again gives the same
 * bundle, and the new case finds Tick by its STIX id. */
static void
test_stix_round_trip (void)
{
  g_autoptr(RsCaseStore) first = rs_test_open_sample_case ("stix-first.redstring");
  g_autoptr(RsCaseStore) second = rs_test_open_new_case ("stix-second.redstring");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "stix", "bronze-butler.json",
                                                 NULL);
  g_autoptr(GBytes) attack = rs_test_read_file (path);
  g_autoptr(RsStixBundle) stix_bundle = NULL;
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;
  g_autoptr(GPtrArray) markings = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *tick;
  RsTarget target;
  gint64 id;

  stix_bundle = rs_stix_bundle_read_bytes (attack, "bronze-butler.json", &error);
  g_assert_no_error (error);
  plan = rs_stix_plan_new (g_steal_pointer (&stix_bundle), first, &error);
  g_assert_no_error (error);
  change = rs_case_edit_import_stix (first, plan, NULL, &error);
  g_assert_no_error (error);

  a = export_with_stix (first);
  na = parse (a);
  tick = entity_named (na, "Tick");
  g_assert_nonnull (tick);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (tick, "external_references"), 0),
                     "external_id"), ==, "G0060");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (tick, "stix_ids"), 0),
                   ==, "intrusion-set--93f52415-0fe4-4d3d-896c-fc9b8e88ab90");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (na),
                                                                         "markings")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (na),
                                                                         "stix_objects")), >, 0);
  /* Without the snapshot, the bundle is the model's alone, as before schema 8. */
  {
    g_autoptr(GBytes) plain = rs_bundle_export (rs_case_store_get_case (first), &error);
    g_autoptr(JsonNode) np = parse (plain);

    g_assert_false (json_object_has_member (json_node_get_object (np), "markings"));
    g_assert_false (json_object_has_member (entity_named (np, "Tick"), "external_references"));
  }

  g_assert_true (rs_bundle_import_bytes (second, a, &error));
  g_assert_no_error (error);
  b = export_with_stix (second);
  nb = parse (b);
  g_assert_true (json_node_equal (na, nb));

  /* The new case has them in its file, not only in its bundle. */
  g_assert_true (rs_case_store_lookup_stix_id (second, "intrusion-set--93f52415-0fe4-4d3d-896c-fc9b8e88ab90",
                                               &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
  g_assert_cmpstr (rs_entity_get_name (rs_case_lookup_entity (rs_case_store_get_case (second), id)),
                   ==, "Tick");
  refs = rs_case_store_dup_external_references (second, RS_TARGET_ENTITY, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, >, 0);
  markings = rs_case_store_dup_markings (second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (markings->len, ==, 1);
  objects = rs_case_store_dup_stix_objects (second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objects->len, ==, json_array_get_length (
                      json_object_get_array_member (json_node_get_object (na), "stix_objects")));

  /* Bundled into a case that has them already: nothing twice, no STIX id moves. */
  g_assert_true (rs_bundle_import_bytes (second, a, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = rs_case_store_dup_markings (second, &error);
    gint64 id_again;

    g_assert_cmpuint (again->len, ==, 1);
    g_assert_true (rs_case_store_lookup_stix_id (second,
                                                 "intrusion-set--93f52415-0fe4-4d3d-896c-fc9b8e88ab90",
                                                 NULL, &id_again));
    g_assert_cmpint (id_again, ==, id);
  }
}

/* Adding a bundle to a case that has records adds them, with fresh uids. */
static void
test_import_adds (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("twice.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  guint entities = g_list_model_get_n_items (rs_case_get_entities (kase));
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_bundle_import_sample (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 2 * entities);
}

#define VALID_HEAD "{\"format\": \"redstring-case\", \"version\": 1, "
#define VALID_DOC "\"documents\": [{\"id\": \"d1\", \"title\": \"Report\", \"text\": \"Tick hacked JAXA.\"}]"
#define VALID_ENTITIES "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", \"name\": \"Tick\"}, " \
                       "{\"id\": \"jaxa\", \"kind\": \"organization\", \"name\": \"JAXA\"}]"

typedef struct
{
  const char *json;
  int         code;
  const char *where;   /* the location the message must start with */
} BadBundle;

static const BadBundle bad_bundles[] = {
  { "not json at all", RS_ERROR_INVALID_INPUT, "bundle" },
  { "[1, 2]", RS_ERROR_INVALID_INPUT, "bundle" },
  { "{\"format\": \"other\", \"version\": 1}", RS_ERROR_INVALID_INPUT, "bundle" },
  { "{\"format\": \"redstring-case\", \"version\": 7}", RS_ERROR_UNSUPPORTED_VERSION, "bundle" },
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"spaceship\", \"name\": \"X\"}]}",
    RS_ERROR_INVALID_INPUT, "entities[0]" },
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"\"}]}",
    RS_ERROR_INVALID_INPUT, "entities[0]" },
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"X\", \"aliases\": [3]}]}",
    RS_ERROR_INVALID_INPUT, "entities[0]" },
  { VALID_HEAD VALID_DOC ", \"entities\": [{\"id\": \"d1\", \"kind\": \"group\", \"name\": \"X\"}]}",
    RS_ERROR_INVALID_INPUT, "entities[0]" },
  { VALID_HEAD VALID_ENTITIES ", \"relations\": [{\"id\": \"r\", \"source\": \"tick\", "
    "\"target\": \"nobody\", \"label\": \"targeted\"}]}", RS_ERROR_INVALID_INPUT, "relations[0]" },
  { VALID_HEAD VALID_ENTITIES ", \"relations\": [{\"id\": \"r\", \"source\": \"tick\", "
    "\"target\": \"jaxa\", \"status\": \"rumoured\"}]}", RS_ERROR_INVALID_INPUT, "relations[0]" },
  { VALID_HEAD VALID_DOC ", \"quotes\": [{\"id\": \"q\", \"document\": \"d1\", \"start\": 0, "
    "\"end\": 4120}]}", RS_ERROR_INVALID_INPUT, "quotes[0]: end 4120 is past the end of document d1 (17" },
  { VALID_HEAD VALID_DOC ", \"quotes\": [{\"id\": \"q\", \"document\": \"d1\", \"start\": 0, "
    "\"end\": 4, \"text\": \"JAXA\"}]}", RS_ERROR_INVALID_INPUT, "quotes[0]" },
  { VALID_HEAD VALID_DOC ", \"quotes\": [{\"id\": \"q\", \"document\": \"d1\", \"start\": 5, "
    "\"end\": 5}]}", RS_ERROR_INVALID_INPUT, "quotes[0]" },
  { VALID_HEAD VALID_DOC ", " VALID_ENTITIES ", \"quotes\": [{\"id\": \"q\", \"document\": \"d1\", "
    "\"start\": 0, \"end\": 4}], \"evidence\": [{\"quote\": \"q\", \"target\": \"d1\"}]}",
    RS_ERROR_INVALID_INPUT, "evidence[0]" },
  { VALID_HEAD VALID_ENTITIES ", \"events\": [{\"id\": \"e\", \"title\": \"Hack\", \"date\": \"2016\", "
    "\"precision\": \"day\"}]}", RS_ERROR_INVALID_INPUT, "events[0]" },
  { VALID_HEAD VALID_ENTITIES ", \"events\": [{\"id\": \"e\", \"title\": \"Hack\", \"date\": \"2016\", "
    "\"precision\": \"year\", \"entities\": [\"ghost\"]}]}", RS_ERROR_INVALID_INPUT, "events[0]" },
  { VALID_HEAD VALID_ENTITIES ", \"notes\": [{\"id\": \"n\", \"target\": \"nowhere\", \"body\": \"x\"}]}",
    RS_ERROR_INVALID_INPUT, "notes[0]" },
  { VALID_HEAD VALID_ENTITIES ", \"positions\": [{\"entity\": \"tick\", \"x\": \"left\", \"y\": 0}]}",
    RS_ERROR_INVALID_INPUT, "positions[0]" },
  { VALID_HEAD "\"entities\": {\"id\": \"x\"}}", RS_ERROR_INVALID_INPUT, "entities" },
  /* Schema 8's members (issue 22). */
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"X\", "
    "\"external_references\": [{\"external_id\": \"G0060\"}]}]}", RS_ERROR_INVALID_INPUT,
    "entities[0]: external_references[0]: “source_name” is missing" },
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"X\", "
    "\"external_references\": [{\"source_name\": \"mitre-attack\", \"url\": 7}]}]}",
    RS_ERROR_INVALID_INPUT, "entities[0]: external_references[0]: “url” must be a string" },
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"X\", "
    "\"external_references\": {}}]}", RS_ERROR_INVALID_INPUT, "entities[0]" },
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"X\", "
    "\"stix_ids\": [\"not an id\"]}]}", RS_ERROR_INVALID_INPUT, "entities[0]: stix_ids[0]" },
  { VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"X\", "
    "\"stix_ids\": [\"intrusion-set--1\"]}, {\"id\": \"y\", \"kind\": \"group\", \"name\": \"Y\", "
    "\"stix_ids\": [\"intrusion-set--1\"]}]}", RS_ERROR_INVALID_INPUT,
    "entities[1]: stix_ids[0] “intrusion-set--1” is given to another record too" },
  { VALID_HEAD "\"markings\": [{\"id\": \"marking-definition--1\", \"name\": \"TLP:RED\"}]}",
    RS_ERROR_INVALID_INPUT, "markings[0]: “object” must be an object" },
  { VALID_HEAD "\"markings\": [{\"id\": \"marking-definition--1\", \"object\": "
    "{\"type\": \"marking-definition\", \"id\": \"marking-definition--2\"}}]}",
    RS_ERROR_INVALID_INPUT, "markings[0]: the object's id" },
  { VALID_HEAD "\"markings\": [{\"id\": \"indicator--1\", \"object\": "
    "{\"type\": \"indicator\", \"id\": \"indicator--1\"}}]}", RS_ERROR_INVALID_INPUT, "markings[0]" },
  { VALID_HEAD "\"stix_objects\": [{\"type\": \"indicator\", \"id\": \"malware--1\"}]}",
    RS_ERROR_INVALID_INPUT, "stix_objects[0]: id “malware--1” is not a STIX id of type indicator" },
  { VALID_HEAD "\"stix_objects\": [{\"type\": \"Indicator\", \"id\": \"Indicator--1\"}]}",
    RS_ERROR_INVALID_INPUT, "stix_objects[0]: type" },
  { VALID_HEAD "\"stix_objects\": [{\"type\": \"indicator\", \"id\": \"indicator--1\"}, "
    "{\"type\": \"indicator\", \"id\": \"indicator--1\"}]}", RS_ERROR_INVALID_INPUT, "stix_objects[1]" },
  { VALID_HEAD "\"stix_objects\": [{\"type\": \"indicator\", \"id\": \"indicator--1\", \"v\": [1e400]}]}",
    RS_ERROR_INVALID_INPUT, "stix_objects[0]: the object holds a number out of range" },
  { VALID_HEAD "\"stix_objects\": [[]]}", RS_ERROR_INVALID_INPUT, "stix_objects[0]: must be an object" },
  { VALID_HEAD "\"stix_objects\": {}}", RS_ERROR_INVALID_INPUT, "stix_objects" },
};

/* A bad bundle says what and where, and changes nothing: a good record before the
 * bad one is not written either. */
static void
test_bad_bundles (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("target.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  guint entities = g_list_model_get_n_items (rs_case_get_entities (kase));
  guint documents = g_list_model_get_n_items (rs_case_get_documents (kase));

  for (guint i = 0; i < G_N_ELEMENTS (bad_bundles); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad_bundles[i].json, strlen (bad_bundles[i].json));
      g_autoptr(GError) error = NULL;

      g_assert_false (rs_bundle_import_bytes (store, bytes, &error));
      g_assert_error (error, RS_ERROR, bad_bundles[i].code);
      g_test_message ("%s", error->message);
      if (!g_str_has_prefix (error->message, bad_bundles[i].where))
        g_error ("bundle %u: “%s” does not start with “%s”", i, error->message, bad_bundles[i].where);

      g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, entities);
      g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_documents (kase)), ==, documents);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("utf8.redstring");
  const char json[] = VALID_HEAD "\"entities\": [{\"id\": \"x\", \"kind\": \"group\", \"name\": \"\xff\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (rs_bundle_import_bytes (store, bytes, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))),
                    ==, 0);
}

/* Kinds as the README and the window name them are read as the schema's tokens,
 * in any case; the export writes the tokens. */
static void
test_kind_aliases (void)
{
  static const struct
  {
    const char   *written;
    RsEntityKind  kind;
    const char   *exported;
  } kinds[] = {
    { "organization", RS_ENTITY_KIND_ORGANIZATION, "\"kind\":\"organization\"" },
    { "organisation", RS_ENTITY_KIND_ORGANIZATION, "\"kind\":\"organization\"" },
    { "Organisation", RS_ENTITY_KIND_ORGANIZATION, "\"kind\":\"organization\"" },
    { "place", RS_ENTITY_KIND_LOCATION, "\"kind\":\"location\"" },
    { "LOCATION", RS_ENTITY_KIND_LOCATION, "\"kind\":\"location\"" },
    { "threat group", RS_ENTITY_KIND_GROUP, "\"kind\":\"group\"" },
    { "Threat-Group", RS_ENTITY_KIND_GROUP, "\"kind\":\"group\"" },
    { "military unit", RS_ENTITY_KIND_UNIT, "\"kind\":\"unit\"" },
    { "Military-unit", RS_ENTITY_KIND_UNIT, "\"kind\":\"unit\"" },
    { "Person", RS_ENTITY_KIND_PERSON, "\"kind\":\"person\"" },
  };
  static const char *refused[] = { "threatgroup", "organisations", "unit ", "lieu", "" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("kinds-%u.redstring", i);
      g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
      g_autofree char *json = g_strdup_printf (VALID_HEAD "\"entities\": [{\"id\": \"x\", "
                                               "\"kind\": \"%s\", \"name\": \"X\"}]}",
                                               kinds[i].written);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(RsEntity) entity = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *compact = NULL;
      GString *text;

      g_test_message ("kind “%s”", kinds[i].written);
      g_assert_true (rs_bundle_import_bytes (store, bytes, &error));
      g_assert_no_error (error);
      entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (store)), 0);
      g_assert_cmpint (rs_entity_get_kind (entity), ==, kinds[i].kind);

      exported = rs_bundle_export (rs_case_store_get_case (store), &error);
      g_assert_no_error (error);
      text = g_string_new_len (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
      g_string_replace (text, " ", "", 0);
      compact = g_string_free (text, FALSE);
      g_assert_nonnull (strstr (compact, kinds[i].exported));

    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *name = g_strdup_printf ("refused-%u.redstring", i);
      g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
      g_autofree char *json = g_strdup_printf (VALID_HEAD "\"entities\": [{\"id\": \"x\", "
                                               "\"kind\": \"%s\", \"name\": \"X\"}]}",
                                               refused[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GError) error = NULL;

      g_assert_false (rs_bundle_import_bytes (store, bytes, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_assert_true (g_str_has_prefix (error->message, "entities[0]"));
    }
}

typedef struct
{
  const char *text;
  const char *message;   /* the whole message, as the import dialog shows it */
} BrokenFile;

static const BrokenFile broken_files[] = {
  { "{\n  \"format\": \"redstring-case\",\n  \"version\" 1\n}\n",
    "Could not read “x.json”: it is not a valid case bundle (line 3, column 11: a colon is "
    "missing after a member name)" },
  { "{\n  \"format\": \"redstring-case\",\n  \"version\": 1,\n}\n",
    "Could not read “x.json”: it is not a valid case bundle (line 3, column 15: a comma comes right "
    "before a closing bracket)" },
  { "{\n  \"format\": \"redstring-case\",\n  \"version\": 1\n  \"entities\": []\n}",
    "Could not read “x.json”: it is not a valid case bundle (line 3, column 14: a comma is missing "
    "between two values)" },
  { "{\n  \"format\": redstring\n}",
    "Could not read “x.json”: it is not a valid case bundle (line 2, column 21: a word is not in "
    "quotes; only true, false and null go without)" },
  { "{\n  \"format\": \"redstring-case\",\n  \"version\": 1,\n  \"entities\": [\n\n",
    "Could not read “x.json”: it is not a valid case bundle (line 4, column 15: the file ends too "
    "early; it may have been cut short)" },
  { "{\"format\": \"redstring-case\", \"version\": 1, \"entities\": [{\"id\": \"x\", "
    "\"kind\": \"spaceship\", \"name\": \"X\"}]}",
    "Could not read “x.json”: it is not a valid case bundle (entities[0]: “spaceship” is not a "
    "known kind)" },
  { "{\"format\": \"redstring-case\", \"version\": 7}",
    "Could not read “x.json”: version 7 is not supported" },
};

/* A file that is not a bundle says so in words, names the file and keeps the place:
 * no "<data>:3:14: Parse error: unexpected character" from json-glib. */
static void
test_broken_file_in_words (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("broken.redstring");
  g_autofree char *path = rs_test_temp_path ("x.json");

  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    {
      g_autoptr(GError) error = NULL;

      rs_test_write_file (path, broken_files[i].text, strlen (broken_files[i].text));
      g_assert_false (rs_bundle_import_file (store, path, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == RS_ERROR);
      g_test_message ("%s", error->message);
      if (!g_str_has_prefix (error->message, broken_files[i].message))
        g_error ("file %u: “%s” does not start with “%s”", i, error->message,
                 broken_files[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bundle/sample/quotes-match-text", test_sample_quotes_match_text);
  g_test_add_func ("/bundle/sample/documents-are-the-reports", test_sample_documents_are_the_reports);
  g_test_add_func ("/bundle/sample/covers-the-case", test_sample_covers_the_case);
  g_test_add_func ("/bundle/round-trip", test_round_trip);
  g_test_add_func ("/bundle/import-adds", test_import_adds);
  g_test_add_func ("/bundle/stix-round-trip", test_stix_round_trip);
  g_test_add_func ("/bundle/bad-bundles", test_bad_bundles);
  g_test_add_func ("/bundle/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bundle/broken-file-in-words", test_broken_file_in_words);
  g_test_add_func ("/bundle/kind-aliases", test_kind_aliases);

  return g_test_run ();
}
