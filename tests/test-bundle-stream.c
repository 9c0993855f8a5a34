/* test-bundle-stream.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "rs-bundle.h"
#include "rs-case-store-stix.h"
#include "rs-error.h"
#include "rs-export-stix.h"
#include "rs-test-utils.h"

/* A bundle is read in two passes without json-glib's tree: its ids first, then
 * each record read, checked and written on its own; anything the streaming
 * reader does not take goes to json-glib as before. These check what the two
 * readers share: the same case whatever the order of the bundle's arrays, records
 * built as written equal to those loaded from the file, a bundle refused after
 * thousands of rows were written leaving nothing, and a bundle only json-glib
 * reads still imported. */

static GBytes *
export_case (RsCaseStore *store)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rs_bundle_export (rs_case_store_get_case (store), &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* The synthetic bundle as json-glib reads it, exported: with every date it would
 * otherwise take from the clock, so that importing it again gives the same bytes.
 * A member named twice (the format, with the same value) is for json-glib alone
 * to read, so this is what the tree reader makes of the bundle, for the streamed
 * imports to be checked against. */
static GBytes *
synthetic_export (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bundles",
                                                 "synthetic-300.json", NULL);
  g_autoptr(GBytes) original = rs_test_read_file (path);
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("synthetic.redstring");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *text = g_bytes_get_data (original, NULL);
  char *unstreamable;

  g_assert_true (text[0] == '{');
  unstreamable = g_strdup_printf ("{\"format\": \"redstring-case\", %s", text + 1);
  bytes = g_bytes_new_take (unstreamable, strlen (unstreamable));
  g_assert_true (rs_bundle_import_bytes (store, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))),
                    ==, 300);
  return export_case (store);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  /* Not cmpstr: a failure would print two bundles of 400 kB. */
  g_assert_cmpuint (g_bytes_get_size (a), ==, g_bytes_get_size (b));
  g_assert_true (g_bytes_equal (a, b));
}

static gboolean
is_empty (RsCaseStore *store)
{
  RsCase *kase = rs_case_store_get_case (store);

  return g_list_model_get_n_items (rs_case_get_documents (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_entities (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_relations (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_events (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_notes (kase)) == 0;
}

static void
test_written_as_loaded (void)
{
  g_autoptr(GBytes) exported = synthetic_export ();
  g_autofree char *path = rs_test_temp_path ("reopened.redstring");
  g_autoptr(GBytes) reopened_export = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RsCaseStore) store = rs_test_open_new_case ("reopened.redstring");
    g_autoptr(GBytes) first = NULL;

    g_assert_true (rs_bundle_import_bytes (store, exported, &error));
    g_assert_no_error (error);
    first = export_case (store);
    assert_bytes_equal (first, exported);
  }

  {
    g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    reopened_export = export_case (store);
  }
  /* What the import kept in memory is what the file holds. */
  assert_bytes_equal (reopened_export, exported);
}

/* The same bundle with its members in reverse order: positions before the
 * entities they place, evidence before its quotes, notes before their targets. */
static GBytes *
reverse_members (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reversed = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GList) members = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  object = json_node_get_object (json_parser_get_root (parser));
  members = g_list_reverse (json_object_get_members (object));
  g_assert_cmpstr (members->data, ==, "positions");
  for (GList *l = members; l; l = l->next)
    json_object_set_member (reversed, l->data, json_object_dup_member (object, l->data));
  json_node_set_object (root, reversed);
  text = json_to_string (root, FALSE);
  length = strlen (text);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

static void
test_any_array_order (void)
{
  g_autoptr(GBytes) exported = synthetic_export ();
  g_autoptr(GBytes) reversed = reverse_members (exported);
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("reversed.redstring");
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_bundle_import_bytes (store, reversed, &error));
  g_assert_no_error (error);
  again = export_case (store);
  assert_bytes_equal (again, exported);
}

/* The synthetic bundle with one more evidence link, last of all, whose target is
 * not in the bundle: found only after every record before it was written. */
static char *
write_late_error_bundle (guint *n_evidence)
{
  g_autoptr(GBytes) exported = synthetic_export ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *path = rs_test_temp_path ("late-error.json");
  JsonObject *root, *link;
  JsonArray *evidence, *quotes;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (exported, NULL),
                                             g_bytes_get_size (exported), &error));
  root = json_node_get_object (json_parser_get_root (parser));
  evidence = json_object_get_array_member (root, "evidence");
  quotes = json_object_get_array_member (root, "quotes");
  link = json_object_new ();
  json_object_set_string_member (link, "quote",
                                 json_object_get_string_member (json_array_get_object_element (quotes, 0),
                                                                "id"));
  json_object_set_string_member (link, "target", "nobody");
  *n_evidence = json_array_get_length (evidence);
  json_array_add_object_element (evidence, link);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

static void
test_late_error_changes_nothing (void)
{
  guint n_evidence;
  g_autofree char *path = write_late_error_bundle (&n_evidence);
  g_autofree char *expected = g_strdup_printf ("Could not read “late-error.json”: it is not a "
                                               "valid case bundle (evidence[%u]: target “nobody” "
                                               "is not in the bundle)", n_evidence);
  g_autofree char *case_path = rs_test_temp_path ("late.redstring");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RsCaseStore) store = rs_test_open_new_case ("late.redstring");

    g_assert_false (rs_bundle_import_file (store, path, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    g_assert_cmpstr (error->message, ==, expected);
    g_assert_true (is_empty (store));
    g_clear_error (&error);
  }
  {
    g_autoptr(RsCaseStore) store = rs_case_store_open (case_path, RS_CASE_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (is_empty (store));
  }
}

typedef struct
{
  GMainLoop *loop;
  RsChange  *change;
  GError    *error;
  double     last_progress;
  guint      n_progress;
} Run;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Run *run = user_data;

  g_assert_cmpfloat (fraction, >=, run->last_progress);
  run->last_progress = fraction;
  run->n_progress++;
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  run->change = rs_bundle_import_file_finish (RS_CASE_STORE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_async (RsCaseStore *store,
           const char  *path,
           Run         *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  rs_bundle_import_file_async (store, path, "Import", NULL, on_progress_cb, run, NULL,
                               on_imported_cb, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* In the background the same refusal, in the same words, after the same amount of
 * writing, and no step to undo. */
static void
test_late_error_async (void)
{
  guint n_evidence;
  g_autofree char *path = write_late_error_bundle (&n_evidence);
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("late-async.redstring");
  g_autoptr(RsCaseStore) other = rs_test_open_new_case ("late-sync.redstring");
  g_autoptr(GError) sync_error = NULL;
  guint n_committed = 0;
  Run run = { 0 };

  g_signal_connect_swapped (store, "change-committed", G_CALLBACK (count_cb), &n_committed);
  g_assert_false (rs_bundle_import_file (other, path, &sync_error));
  run_async (store, path, &run);
  g_assert_null (run.change);
  g_assert_error (run.error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_cmpstr (run.error->message, ==, sync_error->message);
  g_assert_true (is_empty (store));
  g_assert_cmpuint (n_committed, ==, 0);
  g_clear_error (&run.error);
}

static void
test_async_streams_with_progress (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bundles",
                                                 "synthetic-300.json", NULL);
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("async.redstring");
  g_autoptr(RsCaseStore) other = rs_test_open_new_case ("sync.redstring");
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  run_async (store, path, &run);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.change);
  g_assert_cmpfloat (run.last_progress, ==, 1.0);
  g_assert_cmpuint (run.n_progress, >=, 3);
  g_clear_object (&run.change);

  g_assert_true (rs_bundle_import_file (other, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))),
                    ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (rs_case_store_get_case (store))),
                    ==,
                    g_list_model_get_n_items (rs_case_get_relations (rs_case_store_get_case (other))));
}

/* A name repeated in a record is not for the streaming reader: json-glib reads it,
 * keeping the last, as it always has. */
static void
test_unstreamable_still_imports (void)
{
  static const char json[] =
    "{\"format\": \"redstring-case\", \"version\": 1, \"entities\": ["
    "{\"id\": \"a\", \"kind\": \"person\", \"name\": \"Decoy\", \"name\": \"Kept\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("repeated.redstring");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsEntity) entity = NULL;

  g_assert_true (rs_bundle_import_bytes (store, bytes, &error));
  g_assert_no_error (error);
  entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (store)), 0);
  g_assert_cmpstr (rs_entity_get_name (entity), ==, "Kept");
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

#define STIX_RECORDS \
  "\"case\": {\"title\": \"STIX\", \"created\": \"2021-04-20T00:00:00Z\"}, " \
  "\"documents\": [{\"id\": \"d1\", \"title\": \"Report\", \"text\": \"Tick used Daserf.\", " \
  "\"imported_at\": \"2021-04-20T00:00:00Z\", " \
  "\"stix_ids\": [\"report--1\"], \"external_references\": [{\"source_name\": \"Secureworks\", " \
  "\"url\": \"https://example.org/bb\"}]}], " \
  "\"entities\": [{\"id\": \"e1\", \"kind\": \"group\", \"name\": \"Tick\", " \
  "\"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"G0060\"}], " \
  "\"stix_ids\": [\"intrusion-set--1\"]}, " \
  "{\"id\": \"e2\", \"kind\": \"malware\", \"name\": \"Daserf\", \"stix_ids\": [\"%s\"]}], " \
  "\"relations\": [{\"id\": \"r1\", \"source\": \"e1\", \"target\": \"e2\", \"label\": \"uses\", " \
  "\"stix_ids\": [\"relationship--1\"]}], " \
  "\"events\": [{\"id\": \"v1\", \"title\": \"Sighting\", \"date\": \"2016\", " \
  "\"precision\": \"year\", \"stix_ids\": [\"sighting--1\"]}]}"

/* What a case keeps of STIX on its records (external references, STIX ids) streams:
 * the same case as json-glib's reading, and a STIX id two records claim is refused in
 * the same words, with nothing written. */
static void
test_stix_members (void)
{
  g_autofree char *streamed = g_strdup_printf ("{\"format\": \"redstring-case\", \"version\": 1, "
                                               STIX_RECORDS, "malware--1");
  g_autofree char *whole = g_strdup_printf ("{\"format\": \"redstring-case\", \"version\": 1, "
                                            "\"format\": \"redstring-case\", " STIX_RECORDS,
                                            "malware--1");
  g_autofree char *twice = g_strdup_printf ("{\"format\": \"redstring-case\", \"version\": 1, "
                                            STIX_RECORDS, "intrusion-set--1");
  g_autoptr(RsCaseStore) a = rs_test_open_new_case ("stix-streamed.redstring");
  g_autoptr(RsCaseStore) b = rs_test_open_new_case ("stix-whole.redstring");
  g_autoptr(RsCaseStore) c = rs_test_open_new_case ("stix-twice.redstring");
  g_autoptr(GBytes) streamed_bytes = g_bytes_new_static (streamed, strlen (streamed));
  g_autoptr(GBytes) whole_bytes = g_bytes_new_static (whole, strlen (whole));
  g_autoptr(GBytes) twice_bytes = g_bytes_new_static (twice, strlen (twice));
  g_autoptr(GBytes) from_a = NULL;
  g_autoptr(GBytes) from_b = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  RsTarget target;
  gint64 id;

  g_assert_true (rs_bundle_import_bytes (a, streamed_bytes, &error));
  g_assert_no_error (error);
  g_assert_true (rs_bundle_import_bytes (b, whole_bytes, &error));
  g_assert_no_error (error);
  from_a = export_with_stix (a);
  from_b = export_with_stix (b);
  assert_bytes_equal (from_a, from_b);
  g_assert_true (rs_case_store_lookup_stix_id (a, "sighting--1", &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_EVENT);
  g_assert_true (rs_case_store_lookup_stix_id (a, "intrusion-set--1", &target, &id));
  refs = rs_case_store_dup_external_references (a, RS_TARGET_ENTITY, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 1);
  g_assert_cmpstr (((RsExternalReference *) g_ptr_array_index (refs, 0))->external_id, ==, "G0060");

  g_assert_false (rs_bundle_import_bytes (c, twice_bytes, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "entities[1]: stix_ids[0] “intrusion-set--1” is given to another record too");
  g_assert_true (is_empty (c));
  g_assert_false (rs_case_store_lookup_stix_id (c, "report--1", NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bundle-stream/written-as-loaded", test_written_as_loaded);
  g_test_add_func ("/bundle-stream/any-array-order", test_any_array_order);
  g_test_add_func ("/bundle-stream/late-error-changes-nothing", test_late_error_changes_nothing);
  g_test_add_func ("/bundle-stream/late-error-async", test_late_error_async);
  g_test_add_func ("/bundle-stream/async-streams-with-progress", test_async_streams_with_progress);
  g_test_add_func ("/bundle-stream/unstreamable-still-imports", test_unstreamable_still_imports);
  g_test_add_func ("/bundle-stream/stix-members", test_stix_members);

  return g_test_run ();
}
