/* test-export-stix.c: a case as a STIX 2.1 bundle, read back with json-glib
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "rs-case-edit.h"
#include "rs-change.h"
#include "rs-enum-types.h"
#include "rs-case-store-stix.h"
#include "rs-exchange.h"
#include "rs-export-stix-private.h"
#include "rs-export-test-utils.h"
#include "rs-stix-import.h"
#include "rs-test-hostile-labels.h"
#include "rs-test-utils.h"

#define ANALYST "Test Analyst"

/* Helpers ------------------------------------------------------------------------------ */

static GBytes *
export_stix (RsCase     *kase,
             const char *author)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  rs_export_options_init (&options, RS_EXPORT_FORMAT_STIX);
  options.author = g_strdup (author);
  bytes = rs_export_write_bytes (kase, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* A parsed bundle: its objects, by id too. */
typedef struct
{
  JsonParser *parser;
  JsonArray  *objects;
  GHashTable *by_id;     /* id → JsonObject (borrowed) */
} Bundle;

static void
bundle_clear (Bundle *bundle)
{
  g_clear_pointer (&bundle->by_id, g_hash_table_unref);
  g_clear_object (&bundle->parser);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bundle, bundle_clear)

static void
bundle_parse (Bundle *bundle,
              GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  bundle->parser = json_parser_new_immutable ();
  g_assert_true (json_parser_load_from_data (bundle->parser, data, size, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (bundle->parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "bundle");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "id"), "bundle--"));
  bundle->objects = json_object_get_array_member (root, "objects");
  bundle->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle->objects, i);
      const char *id = json_object_get_string_member (object, "id");

      g_assert_nonnull (id);
      /* Ids are unique in a bundle. */
      g_assert_true (g_hash_table_insert (bundle->by_id, (gpointer) id, object));
    }
}

static guint
count_type (Bundle     *bundle,
            const char *type)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (bundle->objects, i),
                                                  "type"), type) == 0)
      n++;
  return n;
}

/* The object's Redstring extension, or NULL. */
static JsonObject *
extension_of (JsonObject *object)
{
  JsonObject *extensions;

  if (!json_object_has_member (object, "extensions"))
    return NULL;
  extensions = json_object_get_object_member (object, "extensions");
  if (!json_object_has_member (extensions, RS_STIX_EXTENSION_ID))
    return NULL;
  return json_object_get_object_member (extensions, RS_STIX_EXTENSION_ID);
}

static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  return object != NULL && json_object_has_member (object, member)
         ? json_object_get_string_member (object, member) : NULL;
}

static gboolean
is_timestamp (const char *text)
{
  return text != NULL &&
         g_regex_match_simple ("^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T"
                               "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)\\.[0-9]{3}Z$",
                               text, 0, 0);
}

/* "type--uuid", the UUID of the RFC 4122 variant; version 5 when Redstring made it. */
static void
assert_stix_id (const char *id,
                const char *type,
                gboolean    v5)
{
  g_autofree char *prefix = g_strdup_printf ("%s--", type);
  const char *uuid = id + strlen (prefix);

  g_assert_true (g_str_has_prefix (id, prefix));
  g_assert_true (g_regex_match_simple (v5 ? "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                            "[0-9a-f]{12}$"
                                          : "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-"
                                            "[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$", uuid, 0, 0));
}

/* Every member named *_ref or *_refs, at any depth (the extension's evidence and entity
 * references too), names an object of the bundle. */
static guint
check_refs (Bundle   *bundle,
            JsonNode *node)
{
  guint n = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += check_refs (bundle, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (g_str_has_suffix (name, "_ref"))
            {
              const char *ref = json_node_get_string (member);

              if (!g_hash_table_contains (bundle->by_id, ref))
                g_error ("%s: %s names nothing in the bundle", name, ref);
              n++;
            }
          else if (g_str_has_suffix (name, "_refs"))
            {
              JsonArray *refs = json_node_get_array (member);

              g_assert_cmpuint (json_array_get_length (refs), >, 0);
              for (guint i = 0; i < json_array_get_length (refs); i++)
                {
                  const char *ref = json_array_get_string_element (refs, i);

                  if (!g_hash_table_contains (bundle->by_id, ref))
                    g_error ("%s: %s names nothing in the bundle", name, ref);
                  n++;
                }
            }
          else
            n += check_refs (bundle, member);
        }
    }
  return n;
}

static const char *
type_of_ref (Bundle     *bundle,
             const char *ref)
{
  JsonObject *object = g_hash_table_lookup (bundle->by_id, ref);

  g_assert_nonnull (object);
  return json_object_get_string_member (object, "type");
}

/* What any STIX 2.1 reader asks of a bundle, and what this exporter promises on top.
 * kept: ids that came with imported records are there (not all UUIDv5s). */
static void
check_bundle_full (Bundle   *bundle,
                   gboolean  kept)
{
  /* The ends STIX 2.1 names for its own relationship types (§4's tables). */
  static const struct
  {
    const char *type;
    const char *sources;
    const char *targets;
  } stix_pairs[] = {
    { "uses", "|attack-pattern|campaign|intrusion-set|malware|threat-actor|tool|infrastructure|",
      "|attack-pattern|infrastructure|malware|tool|" },
    { "targets", "|attack-pattern|campaign|intrusion-set|malware|threat-actor|tool|",
      "|identity|location|vulnerability|infrastructure|" },
    { "attributed-to", "|campaign|intrusion-set|threat-actor|", "|intrusion-set|threat-actor|identity|" },
    { "located-at", "|identity|threat-actor|infrastructure|", "|location|" },
    { "originates-from", "|campaign|intrusion-set|malware|", "|location|" },
  };
  guint n_definitions = 0;

  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle->objects, i);
      const char *type = json_object_get_string_member (object, "type");
      const char *id = json_object_get_string_member (object, "id");
      const char *created = json_object_get_string_member (object, "created");
      const char *modified = string_or_null (object, "modified");
      JsonObject *extension = extension_of (object);

      g_assert_nonnull (type);
      g_assert_cmpstr (json_object_get_string_member (object, "spec_version"), ==, "2.1");
      assert_stix_id (id, type, !kept);
      g_assert_true (is_timestamp (created));
      /* A marking definition is never modified, so it has no such time. */
      if (!g_str_equal (type, "marking-definition"))
        {
          g_assert_true (is_timestamp (modified));
          g_assert_cmpstr (modified, >=, created);
        }
      if (json_object_has_member (object, "confidence"))
        {
          gint64 confidence = json_object_get_int_member (object, "confidence");

          g_assert_cmpint (confidence, >=, 0);
          g_assert_cmpint (confidence, <=, 100);
        }

      /* An object with extensions names only Redstring's, with its extension_type. */
      if (json_object_has_member (object, "extensions"))
        {
          g_assert_nonnull (extension);
          g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "extensions")),
                            ==, 1);
          g_assert_cmpstr (string_or_null (extension, "extension_type"), ==,
                           g_str_equal (type, RS_STIX_OTHER_TYPE) ? "new-sdo" : "property-extension");
        }
      if (g_str_equal (type, RS_STIX_OTHER_TYPE))
        g_assert_nonnull (extension);

      if (g_str_equal (type, "extension-definition"))
        {
          JsonArray *types = json_object_get_array_member (object, "extension_types");
          gboolean property = FALSE;

          n_definitions++;
          g_assert_cmpstr (id, ==, RS_STIX_EXTENSION_ID);
          g_assert_nonnull (string_or_null (object, "name"));
          g_assert_nonnull (string_or_null (object, "schema"));
          g_assert_nonnull (string_or_null (object, "version"));
          g_assert_nonnull (string_or_null (object, "created_by_ref"));
          for (guint t = 0; t < json_array_get_length (types); t++)
            property |= g_str_equal (json_array_get_string_element (types, t), "property-extension");
          g_assert_true (property);
        }
      else if (g_str_equal (type, "relationship"))
        {
          const char *relationship_type = json_object_get_string_member (object, "relationship_type");
          const char *source = type_of_ref (bundle, json_object_get_string_member (object, "source_ref"));
          const char *target = type_of_ref (bundle, json_object_get_string_member (object, "target_ref"));
          const char *status = string_or_null (object, "x_redstring_status");
          int value;

          g_assert_true (g_regex_match_simple ("^[a-z0-9-]{3,}$", relationship_type, 0, 0));
          /* Between two SDOs that stand for entities. */
          for (guint e = 0; e < 2; e++)
            {
              const char *end = e == 0 ? source : target;

              g_assert_cmpstr (end, !=, "relationship");
              g_assert_cmpstr (end, !=, "sighting");
              g_assert_cmpstr (end, !=, "note");
              g_assert_cmpstr (end, !=, "report");
              g_assert_cmpstr (end, !=, "grouping");
              g_assert_cmpstr (end, !=, "extension-definition");
            }
          for (guint p = 0; p < G_N_ELEMENTS (stix_pairs); p++)
            if (g_str_equal (relationship_type, stix_pairs[p].type))
              {
                g_autofree char *s = g_strdup_printf ("|%s|", source);
                g_autofree char *t = g_strdup_printf ("|%s|", target);

                if (strstr (stix_pairs[p].sources, s) == NULL ||
                    strstr (stix_pairs[p].targets, t) == NULL)
                  g_error ("%s %s %s is no STIX pairing", source, relationship_type, target);
              }
          /* The status, and the confidence STIX readers see for it. */
          g_assert_true (rs_enum_from_nick (RS_TYPE_RELATION_STATUS, status, &value));
          g_assert_cmpint (json_object_get_int_member (object, "confidence"), ==,
                           rs_stix_confidence_from_status (value));
          g_assert_cmpstr (string_or_null (extension, "status"), ==, status);
        }
    }
  g_assert_cmpuint (n_definitions, ==, 1);
  g_assert_cmpuint (check_refs (bundle, json_parser_get_root (bundle->parser)), >, 0);
}

static void
check_bundle (Bundle *bundle)
{
  check_bundle_full (bundle, FALSE);
}

/* The object of this type whose extension says record_uid. */
static JsonObject *
find_record (Bundle     *bundle,
             const char *type,
             const char *uid)
{
  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle->objects, i);

      if ((type == NULL || g_strcmp0 (json_object_get_string_member (object, "type"), type) == 0) &&
          g_strcmp0 (string_or_null (extension_of (object), "record_uid"), uid) == 0)
        return object;
    }
  return NULL;
}

/* Tests -------------------------------------------------------------------------------- */

static void
test_uuid5 (void)
{
  g_autofree char *id = rs_stix_make_id ("entity", "abc/entity/tick");
  g_autofree char *again = rs_stix_make_id ("entity", "abc/entity/tick");
  g_autofree char *other = rs_stix_make_id ("entity", "abc/entity/tick2");

  /* Python's uuid.uuid5(UUID(RS_STIX_NAMESPACE), "abc/entity/tick"). */
  g_assert_cmpstr (id, ==, "entity--a17a73a7-199b-5883-b652-138ba04702d7");
  g_assert_cmpstr (again, ==, id);
  g_assert_cmpstr (other, !=, id);
}

static void
test_confidence (void)
{
  /* Every status reads back as itself, but refuted, which STIX's scale has no place for
   * below improbable: x_redstring_status carries it. */
  for (int s = RS_RELATION_STATUS_ALLEGED; s <= RS_RELATION_STATUS_REFUTED; s++)
    {
      int confidence = rs_stix_confidence_from_status (s);

      g_assert_cmpint (confidence, >=, 0);
      g_assert_cmpint (confidence, <=, 100);
      g_assert_cmpint (rs_stix_status_from_confidence (confidence), ==,
                       s == RS_RELATION_STATUS_REFUTED ? RS_RELATION_STATUS_DISPUTED : s);
    }
  g_assert_cmpint (rs_stix_confidence_from_status (RS_RELATION_STATUS_CONFIRMED), ==, 90);
  g_assert_cmpint (rs_stix_status_from_confidence (100), ==, RS_RELATION_STATUS_CONFIRMED);
  g_assert_cmpint (rs_stix_status_from_confidence (89), ==, RS_RELATION_STATUS_REPORTED);
  g_assert_cmpint (rs_stix_status_from_confidence (49), ==, RS_RELATION_STATUS_ALLEGED);
  g_assert_cmpint (rs_stix_status_from_confidence (19), ==, RS_RELATION_STATUS_DISPUTED);
}

static void
test_timestamps (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "2021-04-20T00:00:00Z", "2021-04-20T00:00:00.000Z" },
    { "2021-04-20T09:30:15.123456+02:00", "2021-04-20T07:30:15.123Z" },
    { "2021-04-20", "2021-04-20T00:00:00.000Z" },
    { "2021-04", "2021-04-01T00:00:00.000Z" },
    { "2021", "2021-01-01T00:00:00.000Z" },
    { "", NULL },
    { "yesterday", NULL },
    { "2021-13-40", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = _rs_stix_timestamp (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Labels in the words STIX has, and slugs of those it has not. */
static void
test_vocabulary (void)
{
  static const struct
  {
    const char *label;
    const char *verb;
    const char *slug;
  } cases[] = {
    { "used", "uses", "used" },
    { "  Targeted ", "targets", "targeted" },
    { "attributed-to", "attributed-to", "attributed-to" },
    { "Located   in", "located-at", "located-in" },
    { "spokesperson for", NULL, "spokesperson-for" },
    { "gave orders to (via a cyberattack unit)", NULL, "gave-orders-to-via-a-cyberattack-unit" },
    { "宇宙航空研究開発機構", NULL, "related-to" },
    { "}; digraph x { a -> b", NULL, "digraph-x-a-b" },
    { "", NULL, "related-to" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = _rs_stix_slug_of_label (cases[i].label);

      g_assert_cmpstr (_rs_stix_verb_of_label (cases[i].label), ==, cases[i].verb);
      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
  g_assert_true (_rs_stix_pairing_plausible ("uses", "intrusion-set", "malware"));
  g_assert_false (_rs_stix_pairing_plausible ("located-at", "location", "location"));
  g_assert_true (_rs_stix_pairing_plausible ("spokesperson-for", "identity", "identity"));
  g_assert_true (_rs_stix_is_actor_verb ("targets"));
  g_assert_false (_rs_stix_is_actor_verb ("located-at"));
  g_assert_cmpstr (_rs_stix_entity_type (RS_ENTITY_KIND_UNIT, FALSE), ==, "identity");
  g_assert_cmpstr (_rs_stix_entity_type (RS_ENTITY_KIND_UNIT, TRUE), ==, "threat-actor");
  g_assert_cmpstr (_rs_stix_entity_type (RS_ENTITY_KIND_OTHER, FALSE), ==, RS_STIX_OTHER_TYPE);
  g_assert_cmpstr (_rs_stix_country_code ("South Korea"), ==, "KR");
  g_assert_null (_rs_stix_country_code ("Qingdao"));
  g_assert_true (_rs_stix_is_cve ("CVE-2021-26855"));
  g_assert_false (_rs_stix_is_cve ("CVE-2021-123"));
  {
    g_autofree char *year = _rs_stix_end_of_period ("2016");
    g_autofree char *month = _rs_stix_end_of_period ("2016-02");

    g_assert_cmpstr (year, ==, "2016-12-31T23:59:59.999Z");
    g_assert_cmpstr (month, ==, "2016-02-29T23:59:59.999Z");
  }
}

static void
test_sample (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-sample.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(GBytes) bytes = export_stix (kase, ANALYST);
  g_auto(Bundle) bundle = { 0 };
  JsonObject *tick, *japan, *bloomberg, *analyst, *grouping;
  JsonArray *aliases, *quotes;
  guint n_entities = 0;
  const char *analyst_id = NULL;

  bundle_parse (&bundle, bytes);
  check_bundle (&bundle);

  /* Every record is there once, as what it maps to. */
  for (guint i = 0; i < json_array_get_length (bundle.objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle.objects, i);
      JsonObject *extension = extension_of (object);

      if (extension != NULL && json_object_has_member (extension, "kind"))
        n_entities++;
      if (g_strcmp0 (string_or_null (object, "name"), ANALYST) == 0)
        analyst_id = json_object_get_string_member (object, "id");
    }
  g_assert_cmpuint (n_entities, ==, g_list_model_get_n_items (rs_case_get_entities (kase)));
  g_assert_cmpuint (count_type (&bundle, "relationship"), ==,
                    g_list_model_get_n_items (rs_case_get_relations (kase)));
  g_assert_cmpuint (count_type (&bundle, "report"), ==,
                    g_list_model_get_n_items (rs_case_get_documents (kase)));
  g_assert_cmpuint (count_type (&bundle, "sighting"), ==,
                    g_list_model_get_n_items (rs_case_get_events (kase)));
  g_assert_cmpuint (count_type (&bundle, "note"), ==,
                    g_list_model_get_n_items (rs_case_get_notes (kase)));
  g_assert_cmpuint (count_type (&bundle, "grouping"), ==, 1);

  /* The analyst created the case's objects. */
  g_assert_nonnull (analyst_id);
  analyst = g_hash_table_lookup (bundle.by_id, analyst_id);
  g_assert_cmpstr (json_object_get_string_member (analyst, "identity_class"), ==, "individual");

  tick = find_record (&bundle, "intrusion-set", "tick");
  g_assert_nonnull (tick);
  g_assert_cmpstr (json_object_get_string_member (tick, "name"), ==, "Tick");
  g_assert_cmpstr (json_object_get_string_member (tick, "created_by_ref"), ==, analyst_id);
  aliases = json_object_get_array_member (tick, "aliases");
  g_assert_cmpuint (json_array_get_length (aliases), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (aliases, 0), ==, "BRONZE BUTLER");
  g_assert_cmpstr (json_array_get_string_element (aliases, 1), ==, "REDBALDKNIGHT");
  g_assert_cmpstr (string_or_null (extension_of (tick), "kind"), ==, "group");

  japan = find_record (&bundle, "location", "japan");
  g_assert_nonnull (japan);
  g_assert_cmpstr (string_or_null (japan, "country"), ==, "JP");

  /* A report: what its quotes support, its quotes with their stance, its source. */
  bloomberg = find_record (&bundle, "report", "doc-bloomberg");
  g_assert_nonnull (bloomberg);
  g_assert_true (is_timestamp (json_object_get_string_member (bloomberg, "published")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bloomberg, "object_refs")),
                    >, 10);
  g_assert_cmpstr (type_of_ref (&bundle, json_object_get_string_member (bloomberg, "created_by_ref")),
                   ==, "identity");
  g_assert_true (g_str_has_prefix (
    json_object_get_string_member (json_array_get_object_element (
      json_object_get_array_member (bloomberg, "external_references"), 0), "url"), "http"));
  quotes = json_object_get_array_member (extension_of (bloomberg), "quotes");
  {
    RsDocument *document = NULL;
    g_autoptr(GPtrArray) case_quotes = NULL;
    guint with_stance = 0;

    for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_documents (kase)); i++)
      {
        g_autoptr(RsDocument) d = g_list_model_get_item (rs_case_get_documents (kase), i);

        if (g_strcmp0 (rs_document_get_uid (d), "doc-bloomberg") == 0)
          document = d;
      }
    g_assert_nonnull (document);
    case_quotes = rs_case_dup_quotes_of (kase, rs_document_get_id (document));
    g_assert_cmpuint (json_array_get_length (quotes), ==, case_quotes->len);
    for (guint i = 0; i < json_array_get_length (quotes); i++)
      {
        JsonObject *quote = json_array_get_object_element (quotes, i);
        RsQuote *case_quote = g_ptr_array_index (case_quotes, i);

        g_assert_cmpstr (json_object_get_string_member (quote, "text"), ==, rs_quote_get_text (case_quote));
        g_assert_cmpint (json_object_get_int_member (quote, "start"), ==, rs_quote_get_start (case_quote));
        if (json_object_has_member (quote, "evidence"))
          with_stance += json_array_get_length (json_object_get_array_member (quote, "evidence"));
      }
    g_assert_cmpuint (with_stance, >, 0);
  }

  /* The case's note is about the case: the grouping. */
  grouping = g_hash_table_lookup (bundle.by_id,
                                  json_array_get_string_element (
                                    json_object_get_array_member (find_record (&bundle, "note", "note-case"),
                                                                  "object_refs"), 0));
  g_assert_cmpstr (json_object_get_string_member (grouping, "type"), ==, "grouping");
  g_assert_cmpstr (json_object_get_string_member (grouping, "name"), ==, rs_case_get_title (kase));
}

/* The same case writes the same bytes: twice in a row, and after the file is opened again. */
static void
test_deterministic (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-again.redstring");
  g_autoptr(RsCaseStore) reopened = NULL;
  g_autoptr(GBytes) first = export_stix (rs_case_store_get_case (store), ANALYST);
  g_autoptr(GBytes) second = export_stix (rs_case_store_get_case (store), ANALYST);
  g_autoptr(GBytes) third = NULL;
  g_autoptr(GBytes) other_analyst = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));

  g_assert_true (g_bytes_equal (first, second));
  g_clear_object (&store);
  reopened = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  third = export_stix (rs_case_store_get_case (reopened), ANALYST);
  g_assert_true (g_bytes_equal (first, third));

  /* Who exports is part of the bundle. */
  other_analyst = export_stix (rs_case_store_get_case (reopened), "Someone Else");
  g_assert_false (g_bytes_equal (first, other_analyst));
}

/* Positions, pins, review states and comments ride in the extension. */
static void
test_board_state (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-board.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsEntity) entity = g_list_model_get_item (rs_case_get_entities (kase), 0);
  g_autoptr(RsRelation) relation = g_list_model_get_item (rs_case_get_relations (kase), 0);
  RsNodePlacement node = { rs_entity_get_id (entity), 120.5, -40.25, TRUE };
  g_autoptr(RsChange) review = NULL;
  g_autoptr(RsChange) comment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Bundle) bundle = { 0 };
  JsonObject *extension, *position, *state;
  gint64 comment_id = 0;

  g_assert_true (rs_case_store_set_board (store, &node, 1, NULL, 0, &error));
  g_assert_no_error (error);
  review = rs_case_edit_set_review_state (store, RS_TARGET_RELATION, rs_relation_get_id (relation),
                                          RS_REVIEW_STATE_CHALLENGED, &error);
  g_assert_no_error (error);
  comment = rs_case_edit_add_comment (store, RS_TARGET_RELATION, rs_relation_get_id (relation),
                                      "Source? \"unnamed\" <officials>", &comment_id, &error);
  g_assert_no_error (error);

  bytes = export_stix (kase, ANALYST);
  bundle_parse (&bundle, bytes);
  check_bundle (&bundle);

  extension = extension_of (find_record (&bundle, NULL, rs_entity_get_uid (entity)));
  position = json_object_get_object_member (extension, "position");
  g_assert_cmpfloat (json_object_get_double_member (position, "x"), ==, 120.5);
  g_assert_cmpfloat (json_object_get_double_member (position, "y"), ==, -40.25);
  g_assert_true (json_object_get_boolean_member (position, "pinned"));

  extension = extension_of (find_record (&bundle, "relationship", rs_relation_get_uid (relation)));
  state = json_object_get_object_member (extension, "review");
  g_assert_cmpstr (json_object_get_string_member (state, "state"), ==, "challenged");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (extension, "comments"), 0),
                     "body"), ==, "Source? \"unnamed\" <officials>");
}

/* Runs stix-validate.py on the bytes: FALSE when python3-jsonschema is missing. */
static gboolean
validate_with_schemas (GBytes     *bytes,
                       const char *name)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export", "stix-validate.py", NULL);
  g_autofree char *schemas = g_test_build_filename (G_TEST_DIST, "data", "stix", "schemas", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *path = NULL;
  g_auto(RsTestRun) run = { 0 };

  if (python == NULL)
    return FALSE;
  path = rs_export_test_save (bytes, name);
  {
    const char *argv[] = { python, script, schemas, path, NULL };

    rs_test_run_argv (&run, argv);
  }
  if (run.status == 77)
    return FALSE;
  g_test_message ("%s", run.out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (strstr (run.out, " 0 errors") != NULL);
  return TRUE;
}

#define TLP_GREEN_ID "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"
#define TLP_GREEN                                                                          \
  "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" TLP_GREEN_ID "\","    \
  "\"created\":\"2017-01-20T00:00:00.000Z\",\"definition_type\":\"tlp\",\"name\":\"TLP:GREEN\"," \
  "\"definition\":{\"tlp\":\"green\"}}"
#define COPYRIGHT_ID "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168"
#define COPYRIGHT                                                                          \
  "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" COPYRIGHT_ID "\","    \
  "\"created\":\"2017-06-01T00:00:00.000Z\",\"definition_type\":\"statement\","              \
  "\"definition\":{\"statement\":\"Copyright 2015-2025, The MITRE Corporation.\"}}"
#define INDICATOR_ID "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"
#define INDICATOR                                                                          \
  "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" INDICATOR_ID "\","           \
  "\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\","           \
  "\"name\":\"Poison Ivy hash\",\"pattern\":\"[file:hashes.'SHA-256' = "                     \
  "'4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877']\","                  \
  "\"pattern_type\":\"stix\",\"valid_from\":\"2016-01-01T00:00:00Z\","                        \
  "\"object_marking_refs\":[\"" TLP_GREEN_ID "\"]}"
#define TICK_ID "intrusion-set--d69e568e-9ac8-4c08-b32c-d93b43ba9172"

/* What schema 8 keeps goes back out: an imported record's STIX id (when its kind still
 * fits the type), external references, markings (on every record), objects Redstring
 * does not map (as they came); the new kinds as attack-pattern, tool and campaign. */
static void
test_kept (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-kept.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  RsEntity *microsoft = rs_case_lookup_entity_by_name (kase, "Microsoft Corp.");
  g_autoptr(RsExternalReference) g0060 =
    rs_external_reference_new ("mitre-attack", "G0060", "https://attack.mitre.org/groups/G0060", NULL);
  g_autoptr(RsExternalReference) cited =
    rs_external_reference_new ("Symantec Tick April 2016", NULL, "https://example.org/tick", "DiMaggio, J. (2016)");
  g_autoptr(RsExternalReference) bad_cve = rs_external_reference_new ("cve", "not-a-cve", NULL, NULL);
  RsStixObject marking = { (char *) TLP_GREEN_ID, (char *) "marking-definition",
                           (char *) "TLP:GREEN", (char *) "tlp", (char *) "{\"tlp\":\"green\"}",
                           (char *) TLP_GREEN };
  RsStixObject copyright = { (char *) COPYRIGHT_ID, (char *) "marking-definition",
                              (char *) "Copyright 2015-2025, The MITRE Corporation.",
                              (char *) "statement", (char *) "{}", (char *) COPYRIGHT };
  RsStixObject indicator = { (char *) INDICATOR_ID, (char *) "indicator", NULL, NULL, NULL,
                             (char *) INDICATOR };
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Bundle) bundle = { 0 };
  JsonObject *object, *extension;
  JsonArray *refs;
  RsEntity *added[3];
  static const char *added_types[] = { "attack-pattern", "tool", "campaign" };
  guint uses_tick = 0;

  g_assert_nonnull (tick);
  g_assert_nonnull (microsoft);
  g_assert_true (rs_case_store_set_stix_id (store, TICK_ID, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                            &error));
  /* An organisation imported as malware once: no longer a type it can be. */
  g_assert_true (rs_case_store_set_stix_id (store, "malware--9a1ab2cf-52e3-4b62-8ea5-8d3c5e8f0a11",
                                            RS_TARGET_ENTITY, rs_entity_get_id (microsoft), &error));
  g_assert_true (rs_case_store_add_external_reference (store, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                                       g0060, &error));
  g_assert_true (rs_case_store_add_external_reference (store, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                                       cited, &error));
  g_assert_true (rs_case_store_add_external_reference (store, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                                       bad_cve, &error));
  g_assert_true (rs_case_store_add_marking (store, &marking, &error));
  g_assert_true (rs_case_store_add_marking (store, &copyright, &error));
  g_assert_true (rs_case_store_add_stix_object (store, &indicator, &error));
  g_assert_no_error (error);
  added[0] = rs_test_add_entity (store, RS_ENTITY_KIND_TECHNIQUE, "Spearphishing Attachment");
  added[1] = rs_test_add_entity (store, RS_ENTITY_KIND_TOOL, "Mimikatz");
  added[2] = rs_test_add_entity (store, RS_ENTITY_KIND_CAMPAIGN, "JAXA 2016");

  rs_export_options_init (&options, RS_EXPORT_FORMAT_STIX);
  options.author = g_strdup (ANALYST);
  options.stix = rs_stix_snapshot_new (store, &error);
  g_assert_no_error (error);
  bytes = rs_export_write_bytes (kase, &options, NULL, &error);
  g_assert_no_error (error);
  bundle_parse (&bundle, bytes);
  check_bundle_full (&bundle, TRUE);

  object = g_hash_table_lookup (bundle.by_id, TICK_ID);
  g_assert_nonnull (object);
  g_assert_cmpstr (string_or_null (extension_of (object), "record_uid"), ==, "tick");
  refs = json_object_get_array_member (object, "external_references");
  g_assert_cmpuint (json_array_get_length (refs), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (refs, 0), "external_id"),
                   ==, "G0060");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (refs, 1), "url"),
                   ==, "https://example.org/tick");
  /* TLP on every record, a copyright statement on those that came from STIX. */
  refs = json_object_get_array_member (object, "object_marking_refs");
  g_assert_cmpuint (json_array_get_length (refs), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (refs, 0), ==, TLP_GREEN_ID);
  g_assert_cmpstr (json_array_get_string_element (refs, 1), ==, COPYRIGHT_ID);
  refs = json_object_get_array_member (find_record (&bundle, "location", "japan"), "object_marking_refs");
  g_assert_cmpuint (json_array_get_length (refs), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (refs, 0), ==, TLP_GREEN_ID);
  for (guint i = 0; i < json_array_get_length (bundle.objects); i++)
    {
      JsonObject *o = json_array_get_object_element (bundle.objects, i);

      if (g_strcmp0 (string_or_null (o, "source_ref"), TICK_ID) == 0)
        uses_tick++;
    }
  g_assert_cmpuint (uses_tick, >, 0);

  object = find_record (&bundle, NULL, rs_entity_get_uid (microsoft));
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "identity");
  g_assert_false (g_hash_table_contains (bundle.by_id, "malware--9a1ab2cf-52e3-4b62-8ea5-8d3c5e8f0a11"));

  object = g_hash_table_lookup (bundle.by_id, TLP_GREEN_ID);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "TLP:GREEN");
  object = g_hash_table_lookup (bundle.by_id, INDICATOR_ID);
  g_assert_cmpstr (json_object_get_string_member (object, "pattern_type"), ==, "stix");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Poison Ivy hash");

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      object = find_record (&bundle, added_types[i], rs_entity_get_uid (added[i]));
      g_assert_nonnull (object);
      extension = extension_of (object);
      g_assert_cmpstr (string_or_null (extension, "kind"), ==,
                       rs_enum_to_nick (RS_TYPE_ENTITY_KIND, rs_entity_get_kind (added[i])));
    }

  if (!validate_with_schemas (bytes, "kept-stix.json"))
    g_test_message ("python3-jsonschema is not installed: the schemas were not checked");
}

/* Hostile text on every kind of record is written as JSON strings that read back exactly. */
static void
test_hostile (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-hostile.redstring");
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Bundle) bundle = { 0 };

  rs_export_test_add_hostile (store);
  bytes = export_stix (rs_case_store_get_case (store), rs_test_hostile_labels[0].label);
  bundle_parse (&bundle, bytes);
  check_bundle (&bundle);

  for (guint h = 0; h < G_N_ELEMENTS (rs_test_hostile_labels); h++)
    {
      const char *label = rs_test_hostile_labels[h].label;
      guint entity = 0, relation = 0, report = 0, note = 0, sighting = 0;

      for (guint i = 0; i < json_array_get_length (bundle.objects); i++)
        {
          JsonObject *object = json_array_get_object_element (bundle.objects, i);
          const char *type = json_object_get_string_member (object, "type");
          JsonObject *extension = extension_of (object);

          if (g_str_equal (type, "intrusion-set") && g_strcmp0 (string_or_null (object, "name"), label) == 0)
            {
              JsonArray *aliases = json_object_get_array_member (object, "aliases");

              g_assert_cmpstr (json_array_get_string_element (aliases, 0), ==, label);
              g_assert_cmpstr (string_or_null (object, "description"), ==, label);
              entity++;
            }
          else if (g_str_equal (type, "relationship") &&
                   g_strcmp0 (string_or_null (extension, "label"), label) == 0)
            {
              g_assert_cmpstr (string_or_null (object, "description"), ==, label);
              relation++;
            }
          else if (g_str_equal (type, "report") && g_strcmp0 (string_or_null (object, "name"), label) == 0)
            {
              JsonObject *quote = json_array_get_object_element (
                json_object_get_array_member (extension, "quotes"), 0);
              g_autofree char *text = g_strdup_printf ("Quote: %s", label);

              g_assert_cmpstr (string_or_null (object, "description"), ==, text);
              g_assert_cmpstr (string_or_null (extension, "publisher"), ==, label);
              g_assert_cmpstr (json_object_get_string_member (quote, "text"), ==, label);
              report++;
            }
          else if (g_str_equal (type, "note") && g_strcmp0 (string_or_null (object, "content"), label) == 0)
            note++;
          else if (g_str_equal (type, "sighting") &&
                   g_strcmp0 (string_or_null (extension, "title"), label) == 0)
            sighting++;
        }
      if (entity != 1 || relation != 1 || report != 1 || note != 1 || sighting != 1)
        g_error ("hostile label “%s”: %u entities, %u relations, %u reports, %u notes, "
                 "%u sightings", rs_test_hostile_labels[h].name, entity, relation, report, note,
                 sighting);
    }
}

/* The official OASIS schemas accept the sample's bundle (python3-jsonschema; skipped
 * without it). */
static void
test_schemas (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-schemas.redstring");
  g_autoptr(GBytes) bytes = NULL;

  rs_export_test_add_hostile (store);
  bytes = export_stix (rs_case_store_get_case (store), ANALYST);
  if (!validate_with_schemas (bytes, "sample-stix.json"))
    g_test_skip ("python3 with jsonschema is not installed");
}

/* Round trip ------------------------------------------------------------------------- */

static char *
describe_target (RsCase   *kase,
                 RsTarget  target,
                 gint64    id)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:
      return g_strdup_printf ("entity:%s", rs_entity_get_name (rs_case_lookup_entity (kase, id)));
    case RS_TARGET_RELATION:
      {
        RsRelation *r = rs_case_lookup_relation (kase, id);

        return g_strdup_printf ("relation:%s/%s/%s",
                                rs_entity_get_name (rs_case_lookup_entity (kase, rs_relation_get_source_id (r))),
                                rs_relation_get_label (r),
                                rs_entity_get_name (rs_case_lookup_entity (kase, rs_relation_get_target_id (r))));
      }
    case RS_TARGET_EVENT:
      return g_strdup_printf ("event:%s", rs_event_get_title (rs_case_lookup_event (kase, id)));
    case RS_TARGET_DOCUMENT:
      return g_strdup_printf ("document:%s", rs_document_get_title (rs_case_lookup_document (kase, id)));
    case RS_TARGET_QUOTE:
      {
        RsQuote *q = rs_case_lookup_quote (kase, id);

        return g_strdup_printf ("quote:%s@%" G_GINT64_FORMAT,
                                rs_document_get_title (rs_case_lookup_document (kase, rs_quote_get_document_id (q))),
                                rs_quote_get_start (q));
      }
    case RS_TARGET_CASE:
    case RS_TARGET_NOTE:
    default:
      return g_strdup ("case");
    }
}

/* The review state and the comments of a claim, as a line's tail. */
static void
describe_review (GString  *line,
                 RsCase   *kase,
                 RsTarget  target,
                 gint64    id)
{
  RsReview *review = rs_case_lookup_review_for (kase, target, id);
  g_autoptr(GPtrArray) comments = rs_case_dup_comments_for (kase, target, id);

  if (review != NULL)
    g_string_append_printf (line, " |review %s by %s at %s",
                            rs_enum_to_nick (RS_TYPE_REVIEW_STATE, rs_review_get_state (review)),
                            rs_review_get_reviewer (review), rs_review_get_time (review));
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      RsComment *c = g_ptr_array_index (comments, i);

      g_string_append_printf (line, " |comment %s %s %s %d", rs_comment_get_author (c),
                              rs_comment_get_time (c), rs_comment_get_body (c),
                              rs_comment_get_resolved (c));
    }
}

/* An entity's or a relation's uid as describe_target() names it. */
static char *
describe_uid (RsCase     *kase,
              const char *uid)
{
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_entities (kase)); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (rs_case_get_entities (kase), i);

      if (g_strcmp0 (rs_entity_get_uid (e), uid) == 0)
        return describe_target (kase, RS_TARGET_ENTITY, rs_entity_get_id (e));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_relations (kase)); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (rs_case_get_relations (kase), i);

      if (g_strcmp0 (rs_relation_get_uid (r), uid) == 0)
        return describe_target (kase, RS_TARGET_RELATION, rs_relation_get_id (r));
    }
  return g_strdup ("?");
}

static void
describe_uids (GString            *line,
               RsCase             *kase,
               const char         *what,
               const char * const *uids)
{
  g_string_append_printf (line, " |%s", what);
  if (uids == NULL)
    g_string_append (line, " everything");
  for (guint i = 0; uids != NULL && uids[i] != NULL; i++)
    {
      g_autofree char *name = describe_uid (kase, uids[i]);

      g_string_append_printf (line, " %s;", name);
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The board as sorted lines of text, by names rather than ids or uids: two cases that
 * read the same are the same board. */
static char *
describe_case (RsCase *kase)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_entities (kase)); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (rs_case_get_entities (kase), i);
      const char * const *list = rs_entity_get_aliases (e);
      g_autofree char *aliases = list != NULL ? g_strjoinv (";", (char **) list) : g_strdup ("");
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "entity %s |%s |%s |%s", rs_entity_get_name (e),
                              rs_enum_to_nick (RS_TYPE_ENTITY_KIND, rs_entity_get_kind (e)),
                              aliases, rs_entity_get_description (e));
      if (rs_entity_get_has_position (e))
        g_string_append_printf (line, " |at %.17g,%.17g pinned %d", rs_entity_get_x (e),
                                rs_entity_get_y (e), rs_entity_get_pinned (e));
      describe_review (line, kase, RS_TARGET_ENTITY, rs_entity_get_id (e));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_relations (kase)); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (rs_case_get_relations (kase), i);
      g_autofree char *what = describe_target (kase, RS_TARGET_RELATION, rs_relation_get_id (r));
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "%s |directed %d |%s", what, rs_relation_get_directed (r),
                              rs_enum_to_nick (RS_TYPE_RELATION_STATUS, rs_relation_get_status (r)));
      if (rs_relation_get_route (r) != NULL)
        g_string_append_printf (line, " |route %s", rs_relation_get_route (r));
      if (rs_relation_get_has_label_position (r))
        g_string_append_printf (line, " |label at %.17g,%.17g", rs_relation_get_label_x (r),
                                rs_relation_get_label_y (r));
      describe_review (line, kase, RS_TARGET_RELATION, rs_relation_get_id (r));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_documents (kase)); i++)
    {
      g_autoptr(RsDocument) d = g_list_model_get_item (rs_case_get_documents (kase), i);

      g_ptr_array_add (lines, g_strdup_printf ("document %s |%s |%s |%s |%s |%s |%s",
                                               rs_document_get_title (d), rs_document_get_publisher (d),
                                               rs_document_get_author (d), rs_document_get_url (d),
                                               rs_document_get_published (d),
                                               rs_reliability_to_display (rs_document_get_reliability (d)),
                                               rs_document_get_text (d)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_quotes (kase)); i++)
    {
      g_autoptr(RsQuote) q = g_list_model_get_item (rs_case_get_quotes (kase), i);
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_of_quote (kase, rs_quote_get_id (q));
      g_autofree char *what = describe_target (kase, RS_TARGET_QUOTE, rs_quote_get_id (q));
      g_autoptr(GPtrArray) stances = g_ptr_array_new_with_free_func (g_free);
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "%s-%" G_GINT64_FORMAT " |%s |credibility %d", what,
                              rs_quote_get_end (q), rs_quote_get_text (q), rs_quote_get_credibility (q));
      for (guint j = 0; j < evidence->len; j++)
        {
          RsEvidence *e = g_ptr_array_index (evidence, j);
          g_autofree char *target = describe_target (kase, rs_evidence_get_target (e),
                                                     rs_evidence_get_target_id (e));

          g_ptr_array_add (stances, g_strdup_printf ("%s %s", rs_enum_to_nick (RS_TYPE_STANCE,
                                                                              rs_evidence_get_stance (e)),
                                                     target));
        }
      g_ptr_array_sort (stances, compare_lines);
      for (guint j = 0; j < stances->len; j++)
        g_string_append_printf (line, " |%s", (char *) g_ptr_array_index (stances, j));
      describe_review (line, kase, RS_TARGET_QUOTE, rs_quote_get_id (q));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_events (kase)); i++)
    {
      g_autoptr(RsEvent) ev = g_list_model_get_item (rs_case_get_events (kase), i);
      g_autofree char *date = rs_fuzzy_date_format (rs_event_get_date (ev));
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      const gint64 *ids;
      guint n_ids;
      GString *line = g_string_new (NULL);

      ids = rs_event_get_entity_ids (ev, &n_ids);
      for (guint j = 0; j < n_ids; j++)
        g_ptr_array_add (names, (gpointer) rs_entity_get_name (rs_case_lookup_entity (kase, ids[j])));
      g_ptr_array_add (names, NULL);
      {
        g_autofree char *joined = g_strjoinv (";", (char **) names->pdata);

        g_string_append_printf (line, "event %s |%s |%s |%s", rs_event_get_title (ev),
                                rs_event_get_description (ev), date, joined);
      }
      describe_review (line, kase, RS_TARGET_EVENT, rs_event_get_id (ev));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_notes (kase)); i++)
    {
      g_autoptr(RsNote) n = g_list_model_get_item (rs_case_get_notes (kase), i);
      g_autofree char *what = describe_target (kase, rs_note_get_target (n), rs_note_get_target_id (n));

      g_ptr_array_add (lines, g_strdup_printf ("note on %s |%s |%s |%s |%s", what, rs_note_get_body (n),
                                               rs_note_get_author (n), rs_note_get_created (n),
                                               rs_note_get_updated (n)));
    }

  {
    g_autoptr(GPtrArray) views = rs_case_dup_story_views (kase);

    for (guint i = 0; i < views->len; i++)
      {
        RsStoryView *view = g_ptr_array_index (views, i);
        GString *line = g_string_new (NULL);
        double x, y, width, height;

        rs_story_view_get_camera (view, &x, &y, &width, &height);
        g_string_append_printf (line, "story %u |%s |%.17g,%.17g %.17gx%.17g",
                                rs_story_view_get_position (view),
                                rs_story_view_get_caption (view), x, y, width, height);
        describe_uids (line, kase, "shown", rs_story_view_get_shown (view));
        describe_uids (line, kase, "highlighted", rs_story_view_get_highlighted (view));
        g_ptr_array_add (lines, g_string_free (line, FALSE));
      }
  }

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static GBytes *
export_with_snapshot (RsCaseStore *store)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  rs_export_options_init (&options, RS_EXPORT_FORMAT_STIX);
  options.author = g_strdup (ANALYST);
  options.stix = rs_stix_snapshot_new (store, &error);
  g_assert_no_error (error);
  bytes = rs_export_write_bytes (rs_case_store_get_case (store), &options, NULL, &error);
  g_assert_no_error (error);
  return bytes;
}

static void
import_into (RsCaseStore *store,
             GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsStixBundle) bundle = rs_stix_bundle_read_bytes (bytes, "export.json", &error);
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;

  g_assert_no_error (error);
  plan = rs_stix_plan_new (g_steal_pointer (&bundle), store, &error);
  g_assert_no_error (error);
  change = rs_case_edit_import_stix (store, plan, "export.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
}

/* Importing the export into an empty case gives back the same board: entities with
 * their kinds, aliases, positions and pins; relations with their exact labels,
 * statuses, drawn routes and label positions; documents, quotes with their evidence
 * and stance; events; notes; review states and comments; the storyline's views. */
static void
test_round_trip (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-round-trip.redstring");
  g_autoptr(RsCaseStore) copy = rs_test_open_new_case ("stix-round-trip-copy.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  GListModel *entities = rs_case_get_entities (kase);
  guint n = g_list_model_get_n_items (entities);
  g_autofree RsNodePlacement *nodes = g_new0 (RsNodePlacement, n);
  g_autoptr(RsRelation) relation = g_list_model_get_item (rs_case_get_relations (kase), 3);
  g_autoptr(RsQuote) quote = g_list_model_get_item (rs_case_get_quotes (kase), 5);
  g_autoptr(RsEntity) entity = g_list_model_get_item (entities, 1);
  g_autoptr(RsChange) c1 = NULL, c2 = NULL, c3 = NULL, c4 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 comment_id;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (entities, i);

      nodes[i] = (RsNodePlacement) { rs_entity_get_id (e), i * 31.7 - 100, i * -11.3, i % 3 == 0 };
    }
  {
    /* Two drawn routes, one with its label placed. */
    g_autoptr(RsRelation) first = g_list_model_get_item (rs_case_get_relations (kase), 0);
    RsEdgePlacement edges[] = {
      { rs_relation_get_id (first), "0,0 10.5,-3 20,20 31.25,40", TRUE, 15.5, -7.25 },
      { rs_relation_get_id (relation), "5,5 6,6 7,7 8,8 9,9 10,10 11,11", FALSE, 0, 0 },
    };

    g_assert_true (rs_case_store_set_board (store, nodes, n, edges, G_N_ELEMENTS (edges), &error));
  }
  g_assert_no_error (error);
  g_assert_true (rs_case_store_set_relation_status (store, rs_relation_get_id (relation),
                                                    RS_RELATION_STATUS_REFUTED, &error));
  c1 = rs_case_edit_set_review_state (store, RS_TARGET_RELATION, rs_relation_get_id (relation),
                                      RS_REVIEW_STATE_CHALLENGED, &error);
  c2 = rs_case_edit_set_review_state (store, RS_TARGET_QUOTE, rs_quote_get_id (quote),
                                      RS_REVIEW_STATE_ACCEPTED, &error);
  c3 = rs_case_edit_set_review_state (store, RS_TARGET_ENTITY, rs_entity_get_id (entity),
                                      RS_REVIEW_STATE_ACCEPTED, &error);
  c4 = rs_case_edit_add_comment (store, RS_TARGET_ENTITY, rs_entity_get_id (entity),
                                 "Which \"PLA\"?\nSay which unit.", &comment_id, &error);
  g_assert_no_error (error);
  {
    /* A storyline: everything, then two records with one highlighted. */
    const char *shown[] = { rs_entity_get_uid (entity), rs_relation_get_uid (relation), NULL };
    const char *highlighted[] = { rs_relation_get_uid (relation), NULL };
    g_autoptr(RsChange) v1 = rs_case_edit_add_story_view (store, "The whole picture", -50.5, 20,
                                                          800, 450, NULL, NULL, NULL, &error);
    g_autoptr(RsChange) v2 = rs_case_edit_add_story_view (store, "Who is behind it", 10, 10.25,
                                                          300.5, 200, shown, highlighted, NULL,
                                                          &error);

    g_assert_no_error (error);
  }

  before = describe_case (kase);
  if (g_getenv ("RS_TEST_DUMP"))
    g_file_set_contents (g_getenv ("RS_TEST_DUMP"), before, -1, NULL);
  /* What the comparison covers is there to compare. */
  g_assert_nonnull (strstr (before, "|review challenged by "));
  g_assert_nonnull (strstr (before, "|comment "));
  g_assert_nonnull (strstr (before, "|refuted"));
  g_assert_nonnull (strstr (before, " pinned 1"));
  g_assert_nonnull (strstr (before, "\nnote on case |"));
  g_assert_nonnull (strstr (before, "\nnote on entity:"));
  g_assert_nonnull (strstr (before, " |mentions entity:"));
  g_assert_nonnull (strstr (before, " |contradicts "));
  g_assert_nonnull (strstr (before, " |supports relation:"));
  g_assert_nonnull (strstr (before, "\nevent "));
  g_assert_nonnull (strstr (before, " |route 0,0 10.5,-3 20,20 31.25,40 |label at 15.5,-7.25"));
  g_assert_nonnull (strstr (before, "\nstory 0 |The whole picture |-50.5,20 800x450 |shown everything |highlighted\n"));
  g_assert_nonnull (strstr (before, "\nstory 1 |Who is behind it |10,10.25 300.5x200 |shown entity:"));
  g_assert_nonnull (strstr (before, " |route 5,5 6,6 7,7 8,8 9,9 10,10 11,11 |"));
  bytes = export_with_snapshot (store);
  import_into (copy, bytes);
  after = describe_case (rs_case_store_get_case (copy));
  if (g_getenv ("RS_TEST_DUMP"))
    {
      g_autofree char *dump = g_strconcat (g_getenv ("RS_TEST_DUMP"), ".after", NULL);

      g_file_set_contents (dump, after, -1, NULL);
    }
  g_assert_cmpstr (after, ==, before);

  /* And the copy exports the same objects again, under its own ids. */
  again = export_with_snapshot (copy);
  {
    g_auto(Bundle) first = { 0 };
    g_auto(Bundle) second = { 0 };

    bundle_parse (&first, bytes);
    bundle_parse (&second, again);
    check_bundle_full (&second, TRUE);
    /* Routes, label positions and the storyline in the extension validate too. */
    if (!validate_with_schemas (again, "round-trip-stix.json"))
      g_test_message ("python3-jsonschema is not installed: the schemas were not checked");
    g_assert_cmpuint (count_type (&second, "relationship"), ==, count_type (&first, "relationship"));
    g_assert_cmpuint (count_type (&second, "report"), ==, count_type (&first, "report"));
    g_assert_cmpuint (count_type (&second, "note"), ==, count_type (&first, "note"));
    g_assert_cmpuint (count_type (&second, "sighting"), ==, count_type (&first, "sighting"));
    /* Nothing of the first export's bookkeeping (its analyst, publishers, grouping) is
     * kept and written twice. */
    g_assert_cmpuint (json_array_get_length (second.objects), ==,
                      json_array_get_length (first.objects));
  }

  /* Imported again, into a case with a storyline of its own: no views added to it. */
  import_into (copy, bytes);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_story_views (rs_case_store_get_case (copy))),
                    ==, 2);
}

/* The sample case with ATT&CK's G0060 imported (its malware, tools, techniques and
 * citations, MITRE's copyright marking): exported, it validates, Tick goes out under
 * ATT&CK's id with G0060, and imported into an empty case it reads the same again. */
static void
test_round_trip_attack (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-attack.redstring");
  g_autoptr(RsCaseStore) copy = rs_test_open_new_case ("stix-attack-copy.redstring");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "stix", "bronze-butler.json", NULL);
  g_autoptr(GBytes) attack = rs_test_read_file (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Bundle) bundle = { 0 };
  JsonObject *tick;

  import_into (store, attack);
  bytes = export_with_snapshot (store);
  bundle_parse (&bundle, bytes);
  check_bundle_full (&bundle, TRUE);
  tick = g_hash_table_lookup (bundle.by_id, "intrusion-set--93f52415-0fe4-4d3d-896c-fc9b8e88ab90");
  g_assert_nonnull (tick);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (tick, "external_references"), 0),
                     "external_id"), ==, "G0060");
  g_assert_cmpuint (count_type (&bundle, "attack-pattern"), ==, 59);
  g_assert_cmpuint (count_type (&bundle, "tool"), ==, 7);
  g_assert_cmpuint (count_type (&bundle, "malware"), ==, 7);
  g_assert_cmpuint (count_type (&bundle, "marking-definition"), ==, 1);
  if (!validate_with_schemas (bytes, "attack-stix.json"))
    g_test_message ("python3-jsonschema is not installed: the schemas were not checked");

  before = describe_case (rs_case_store_get_case (store));
  import_into (copy, bytes);
  after = describe_case (rs_case_store_get_case (copy));
  if (g_getenv ("RS_TEST_DUMP"))
    {
      g_autofree char *a = g_strconcat (g_getenv ("RS_TEST_DUMP"), ".attack-before", NULL);
      g_autofree char *b = g_strconcat (g_getenv ("RS_TEST_DUMP"), ".attack-after", NULL);

      g_file_set_contents (a, before, -1, NULL);
      g_file_set_contents (b, after, -1, NULL);
    }
  g_assert_cmpstr (after, ==, before);
}

/* The record uids travel in the extension: a case exported as STIX and imported by a
 * colleague into an empty case merges back with the original record by record, every
 * entity and relation by its uid, with nothing new. */
static void
test_round_trip_uids (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-uids.redstring");
  g_autoptr(RsCaseStore) copy = rs_test_open_new_case ("stix-uids-copy.redstring");
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  GListModel *items;
  guint n_entities = 0, n_relations = 0;

  bytes = export_with_snapshot (store);
  import_into (copy, bytes);

  /* Each record of the copy has the uid of the original's. */
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_entities (kase)); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (rs_case_get_entities (kase), i);

      g_assert_true (rs_case_store_has_uid (copy, RS_TARGET_ENTITY, rs_entity_get_uid (e)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_relations (kase)); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (rs_case_get_relations (kase), i);

      g_assert_true (rs_case_store_has_uid (copy, RS_TARGET_RELATION, rs_relation_get_uid (r)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_documents (kase)); i++)
    {
      g_autoptr(RsDocument) d = g_list_model_get_item (rs_case_get_documents (kase), i);

      g_assert_true (rs_case_store_has_uid (copy, RS_TARGET_DOCUMENT, rs_document_get_uid (d)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_quotes (kase)); i++)
    {
      g_autoptr(RsQuote) q = g_list_model_get_item (rs_case_get_quotes (kase), i);

      g_assert_true (rs_case_store_has_uid (copy, RS_TARGET_QUOTE, rs_quote_get_uid (q)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_events (kase)); i++)
    {
      g_autoptr(RsEvent) ev = g_list_model_get_item (rs_case_get_events (kase), i);

      g_assert_true (rs_case_store_has_uid (copy, RS_TARGET_EVENT, rs_event_get_uid (ev)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_notes (kase)); i++)
    {
      g_autoptr(RsNote) note = g_list_model_get_item (rs_case_get_notes (kase), i);

      g_assert_true (rs_case_store_has_uid (copy, RS_TARGET_NOTE, rs_note_get_uid (note)));
    }

  plan = rs_exchange_plan_new_merge (store, rs_case_store_get_path (copy), &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  if (g_test_verbose ())
    {
      g_autofree char *json = rs_exchange_plan_to_json (plan);

      g_printerr ("%s\n", json);
    }
  items = rs_exchange_plan_get_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);
      const char *name = rs_exchange_item_get_target_name (item);

      g_assert_cmpint (rs_exchange_item_get_kind (item), ==, RS_EXCHANGE_ITEM_MATCH);
      if (g_str_equal (name, "entity") || g_str_equal (name, "relation") ||
          g_str_equal (name, "document") || g_str_equal (name, "quote") ||
          g_str_equal (name, "event") || g_str_equal (name, "note"))
        g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "uid");
      n_entities += g_str_equal (name, "entity");
      n_relations += g_str_equal (name, "relation");
    }
  g_assert_cmpuint (n_entities, ==, g_list_model_get_n_items (rs_case_get_entities (kase)));
  g_assert_cmpuint (n_relations, ==, g_list_model_get_n_items (rs_case_get_relations (kase)));
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), ==, 0);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_UPDATE), ==, 0);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 0);
}

/* A record_uid the case has already, given twice in a bundle, or not a uid at all (a
 * control character) is not kept: that record gets a new uid, and the import goes on.
 * So is a route the board cannot draw (three points are no Bézier path). */
static void
test_uids_refused (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("stix-uids-bad.redstring");
  g_autoptr(RsCaseStore) copy = rs_test_open_new_case ("stix-uids-bad-copy.redstring");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = export_with_snapshot (store);
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_uid = NULL;
  g_autofree char *bad_uid = NULL;
  JsonArray *objects;
  guint n_entities = 0, n_changed = 0, n_routes = 0, n_routed = 0;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  objects = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "objects");
  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *extension = extension_of (json_array_get_object_element (objects, i));

      if (extension != NULL && json_object_has_member (extension, "directed"))
        {
          /* A relation's route: the first not one the board can draw, the second one. */
          json_object_set_string_member (extension, "route", n_routes == 0 ? "0,0 1,1 2,2"
                                                                            : "0,0 1,1 2,2 3,3");
          n_routes++;
          continue;
        }
      if (extension == NULL || !json_object_has_member (extension, "kind"))
        continue;
      n_entities++;
      if (first_uid == NULL)
        first_uid = g_strdup (json_object_get_string_member (extension, "record_uid"));
      else if (n_changed == 0)
        {
          /* The second entity claims the first's uid. */
          json_object_set_string_member (extension, "record_uid", first_uid);
          n_changed++;
        }
      else if (n_changed == 1)
        {
          bad_uid = g_strdup_printf ("%s\n", json_object_get_string_member (extension,
                                                                             "record_uid"));
          json_object_set_string_member (extension, "record_uid", bad_uid);
          n_changed++;
        }
    }
  g_assert_cmpuint (n_changed, ==, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  edited = g_bytes_new_take (g_steal_pointer (&text), length);

  import_into (copy, edited);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (copy))),
                    ==, n_entities);
  g_assert_true (rs_case_store_has_uid (copy, RS_TARGET_ENTITY, first_uid));
  g_assert_false (rs_case_store_has_uid (copy, RS_TARGET_ENTITY, bad_uid));
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_relations (rs_case_store_get_case (copy))); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (rs_case_get_relations (rs_case_store_get_case (copy)), i);

      if (rs_relation_get_route (r) != NULL)
        {
          g_assert_cmpstr (rs_relation_get_route (r), ==, "0,0 1,1 2,2 3,3");
          n_routed++;
        }
    }
  g_assert_cmpuint (n_routes, >, 2);
  g_assert_cmpuint (n_routed, ==, n_routes - 1);
}

/* redstring-cli export CASE --format stix -o FILE. */
static void
test_cli (void)
{
  g_autofree char *case_path = rs_test_make_sample_file ("stix-cli.redstring");
  g_autofree char *out_path = rs_test_temp_path ("stix-cli.json");
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Bundle) bundle = { 0 };
  g_auto(RsTestRun) run = { 0 };
  g_auto(RsTestRun) bad = { 0 };
  const char *argv[] = { rs_test_cli_path (), "export", case_path, "--format", "stix", "-o",
                         out_path, NULL };
  const char *bad_argv[] = { rs_test_cli_path (), "export", case_path, "--format", "stix",
                             "--table", "quotes", "-o", out_path, NULL };

  rs_test_run_argv (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  bytes = rs_test_read_file (out_path);
  bundle_parse (&bundle, bytes);
  check_bundle (&bundle);
  g_assert_cmpuint (count_type (&bundle, "relationship"), >, 0);

  rs_test_run_argv (&bad, bad_argv);
  g_assert_cmpint (bad.status, ==, 2);
  {
    /* A filter would leave out what the bundle's records refer to: refused, not ignored. */
    const char *filtered_argv[] = { rs_test_cli_path (), "export", case_path, "--format", "stix",
                                    "--kind", "person", "-o", out_path, NULL };
    g_auto(RsTestRun) filtered = { 0 };

    rs_test_run_argv (&filtered, filtered_argv);
    g_assert_cmpint (filtered.status, ==, 2);
    g_assert_nonnull (strstr (filtered.err, "--kind"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/export-stix/uuid5", test_uuid5);
  g_test_add_func ("/export-stix/confidence", test_confidence);
  g_test_add_func ("/export-stix/timestamps", test_timestamps);
  g_test_add_func ("/export-stix/vocabulary", test_vocabulary);
  g_test_add_func ("/export-stix/sample", test_sample);
  g_test_add_func ("/export-stix/deterministic", test_deterministic);
  g_test_add_func ("/export-stix/board-state", test_board_state);
  g_test_add_func ("/export-stix/kept", test_kept);
  g_test_add_func ("/export-stix/hostile", test_hostile);
  g_test_add_func ("/export-stix/schemas", test_schemas);
  g_test_add_func ("/export-stix/cli", test_cli);
  g_test_add_func ("/export-stix/round-trip", test_round_trip);
  g_test_add_func ("/export-stix/round-trip-attack", test_round_trip_attack);
  g_test_add_func ("/export-stix/round-trip-uids", test_round_trip_uids);
  g_test_add_func ("/export-stix/uids-refused", test_uids_refused);

  return g_test_run ();
}
