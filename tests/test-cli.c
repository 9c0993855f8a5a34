/* test-cli.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rs-test-utils.h"

/* redstring-cli is tested as a program: exit status, output and the files it writes. */

/* Runs redstring-cli with the arguments, NULL-terminated. */
static void
run_cli (RsTestRun *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)rs_test_cli_path ());
  va_start (args, run);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  rs_test_run_argv (run, (const char * const *)argv->pdata);
}

/* The acceptance: new --sample, then export, gives a bundle whose quotes
 * all match their documents. */
static void
test_new_sample_and_export (void)
{
  g_autofree char *case_path = rs_test_temp_path ("s.redstring");
  g_autofree char *json_path = rs_test_temp_path ("s.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(RsTestRun) created = { 0 };
  g_auto(RsTestRun) exported = { 0 };
  JsonObject *root;
  JsonArray *documents, *quotes;

  run_cli (&created, "new", "--sample", case_path, NULL);
  g_assert_cmpint (created.status, ==, 0);
  run_cli (&exported, "export", case_path, "--format", "json", "-o", json_path, NULL);
  g_assert_cmpint (exported.status, ==, 0);

  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "redstring-case");

  documents = json_object_get_array_member (root, "documents");
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);

      g_hash_table_insert (texts, (gpointer)json_object_get_string_member (doc, "id"),
                           (gpointer)json_object_get_string_member (doc, "text"));
    }

  quotes = json_object_get_array_member (root, "quotes");
  g_assert_cmpuint (json_array_get_length (quotes), >, 50);
  for (guint i = 0; i < json_array_get_length (quotes); i++)
    {
      JsonObject *quote = json_array_get_object_element (quotes, i);
      const char *text = g_hash_table_lookup (texts, json_object_get_string_member (quote, "document"));
      g_autofree char *slice = g_utf8_substring (text, json_object_get_int_member (quote, "start"),
                                                 json_object_get_int_member (quote, "end"));

      g_assert_cmpstr (slice, ==, json_object_get_string_member (quote, "text"));
    }
}

static void
test_import_then_info (void)
{
  g_autofree char *source = rs_test_temp_path ("a.redstring");
  g_autofree char *bundle = rs_test_temp_path ("a.json");
  g_autofree char *target = rs_test_temp_path ("b.redstring");
  g_auto(RsTestRun) a = { 0 };
  g_auto(RsTestRun) b = { 0 };
  g_auto(RsTestRun) c = { 0 };
  g_auto(RsTestRun) info = { 0 };

  run_cli (&a, "new", "--sample", source, NULL);
  run_cli (&b, "export", source, "-o", bundle, NULL);
  run_cli (&c, "import", bundle, target, NULL);
  g_assert_cmpint (c.status, ==, 0);

  run_cli (&info, "info", target, NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "entities   38"));
  g_assert_nonnull (strstr (info.out, "quotes     64"));
}

static void
write_text (const char *path,
            const char *text)
{
  rs_test_write_file (path, text, strlen (text));
}

static void
test_errors (void)
{
  g_autofree char *junk = rs_test_temp_path ("junk.redstring");
  g_autofree char *bad_bundle = rs_test_temp_path ("bad.json");
  g_autofree char *target = rs_test_temp_path ("never.redstring");
  g_auto(RsTestRun) usage = { 0 };
  g_auto(RsTestRun) unknown = { 0 };
  g_auto(RsTestRun) not_case = { 0 };
  g_auto(RsTestRun) bad_import = { 0 };
  g_auto(RsTestRun) exists = { 0 };

  run_cli (&usage, NULL);
  g_assert_cmpint (usage.status, ==, 2);

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);

  rs_test_write_file (junk, "hello", 5);
  run_cli (&not_case, "info", junk, NULL);
  g_assert_cmpint (not_case.status, ==, 1);
  g_assert_nonnull (strstr (not_case.err, "junk.redstring"));

  /* A bad bundle leaves no half-made case behind. */
  write_text (bad_bundle, "{\"format\": \"redstring-case\", \"version\": 1, "
                      "\"relations\": [{\"id\": \"r\", \"source\": \"a\", \"target\": \"b\"}]}");
  run_cli (&bad_import, "import", bad_bundle, target, NULL);
  g_assert_cmpint (bad_import.status, ==, 1);
  g_assert_nonnull (strstr (bad_import.err, "relations[0]"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  run_cli (&exists, "new", junk, NULL);
  g_assert_cmpint (exists.status, ==, 1);
}

static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((char **)names));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (json_object_has_member (object, names[i]));
}

/* The interface, exactly: {"entities": [{kind, name, start, end, reason}…],
 * "events": [{date, precision, qualifier, start, end, reason}…]}, spans in characters
 * of the document's text, bundle tokens, ISO dates. */
static void
test_suggest (void)
{
  static const char *entity_members[] = { "kind", "name", "start", "end", "reason", NULL };
  static const char *event_members[] = { "date", "precision", "qualifier", "start", "end",
                                         "reason", NULL };
  static const char *kinds[] = { "person", "organization", "group", "unit", "location",
                                 "infrastructure", "malware", "vulnerability", "event", "other",
                                 NULL };
  static const char *precisions[] = { "year", "month", "day", "range", NULL };
  g_autofree char *case_path = rs_test_temp_path ("suggest.redstring");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) bundle = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RsTestRun) created = { 0 };
  g_auto(RsTestRun) exported = { 0 };
  g_auto(RsTestRun) suggested = { 0 };
  g_auto(RsTestRun) no_document = { 0 };
  g_auto(RsTestRun) unknown = { 0 };
  g_auto(RsTestRun) bad_format = { 0 };
  const char *text = NULL;
  JsonObject *root;
  JsonArray *documents, *entities, *events;
  gboolean tick = FALSE, at_least_2009 = FALSE, late_february = FALSE;
  glong length;

  run_cli (&created, "new", "--sample", case_path, NULL);
  g_assert_cmpint (created.status, ==, 0);
  run_cli (&exported, "export", case_path, NULL);
  json_parser_load_from_data (bundle, exported.out, -1, &error);
  g_assert_no_error (error);
  documents = json_object_get_array_member (json_node_get_object (json_parser_get_root (bundle)),
                                            "documents");
  for (guint i = 0; i < json_array_get_length (documents); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (documents, i), "id"),
                     "doc-bloomberg"))
      text = json_object_get_string_member (json_array_get_object_element (documents, i), "text");
  g_assert_nonnull (text);
  length = g_utf8_strlen (text, -1);

  run_cli (&suggested, "suggest", case_path, "--document", "doc-bloomberg", "--format", "json", NULL);
  g_assert_cmpint (suggested.status, ==, 0);
  json_parser_load_from_data (parser, suggested.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  assert_members (root, (const char *[]) { "entities", "events", NULL });

  entities = json_object_get_array_member (root, "entities");
  g_assert_cmpuint (json_array_get_length (entities), >, 20);
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      gint64 start = json_object_get_int_member (e, "start");
      gint64 end = json_object_get_int_member (e, "end");
      g_autofree char *slice = NULL;

      assert_members (e, entity_members);
      g_assert_true (g_strv_contains (kinds, json_object_get_string_member (e, "kind")));
      g_assert_cmpint (start, >=, 0);
      g_assert_cmpint (end, >, start);
      g_assert_cmpint (end, <=, length);
      g_assert_cmpstr (json_object_get_string_member (e, "reason"), !=, "");
      slice = g_utf8_substring (text, start, end);
      if (g_str_equal (json_object_get_string_member (e, "name"), "Tick") && g_str_equal (slice, "Tick"))
        tick = TRUE;
    }
  g_assert_true (tick);

  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), >, 0);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      const char *date = json_object_get_string_member (e, "date");
      const char *precision = json_object_get_string_member (e, "precision");
      JsonNode *qualifier = json_object_get_member (e, "qualifier");
      gint64 start = json_object_get_int_member (e, "start");
      gint64 end = json_object_get_int_member (e, "end");

      assert_members (e, event_members);
      g_assert_true (g_regex_match_simple ("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
                                           "(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$", date, 0, 0));
      g_assert_true (g_strv_contains (precisions, precision));
      g_assert_true ((strchr (date, '/') != NULL) == g_str_equal (precision, "range"));
      g_assert_true (JSON_NODE_HOLDS_NULL (qualifier) || JSON_NODE_HOLDS_VALUE (qualifier));
      g_assert_cmpint (start, >=, 0);
      g_assert_cmpint (end, >, start);
      g_assert_cmpint (end, <=, length);
      if (g_str_equal (date, "2009") && !JSON_NODE_HOLDS_NULL (qualifier) &&
          g_str_equal (json_node_get_string (qualifier), "at-least"))
        at_least_2009 = TRUE;
      if (g_str_equal (date, "2021-02") && g_str_equal (precision, "month") &&
          !JSON_NODE_HOLDS_NULL (qualifier) && g_str_equal (json_node_get_string (qualifier), "late"))
        late_february = TRUE;
    }
  g_assert_true (at_least_2009);
  g_assert_true (late_february);

  run_cli (&no_document, "suggest", case_path, "--format", "json", NULL);
  g_assert_cmpint (no_document.status, ==, 2);
  run_cli (&unknown, "suggest", case_path, "--document", "9999", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "9999"));
  run_cli (&bad_format, "suggest", case_path, "--document", "1", "--format", "xml", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
}

/* The last line of a run's standard output. */
static char *
last_line (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  /* Output ends with "\n": the last element is empty. */
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (lines[n - 1], ==, "");
  return g_strdup (lines[n - 2]);
}

static JsonObject *
find_document (JsonParser *parser,
               const char *title)
{
  JsonArray *documents = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                       "documents");

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);

      if (g_strcmp0 (json_object_get_string_member (doc, "title"), title) == 0)
        return doc;
    }
  return NULL;
}

/* import-report (issue 17): the new document's id last; the same text again gives
 * the same id and says so; options override what the file says; undecodable
 * bytes are counted on stderr; a bad file leaves no case behind. */
static void
test_import_report (void)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "data", "seeds",
                                                 "report-2021-04-20-chinese-military-hacked-japan-space-agency.txt",
                                                 NULL);
  g_autofree char *html = g_test_build_filename (G_TEST_DIST, "data", "reports", "jaxa.html", NULL);
  g_autofree char *invalid = g_test_build_filename (G_TEST_DIST, "data", "reports",
                                                    "invalid-utf8.txt", NULL);
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "reports", "empty.txt", NULL);
  g_autofree char *case_path = rs_test_temp_path ("reports.redstring");
  g_autofree char *never = rs_test_temp_path ("never.redstring");
  g_autofree char *json_path = rs_test_temp_path ("reports.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(RsTestRun) first = { 0 };
  g_auto(RsTestRun) again = { 0 };
  g_auto(RsTestRun) second = { 0 };
  g_auto(RsTestRun) replaced = { 0 };
  g_auto(RsTestRun) refused = { 0 };
  g_auto(RsTestRun) bad_date = { 0 };
  g_auto(RsTestRun) exported = { 0 };
  g_auto(RsTestRun) sample = { 0 };
  g_auto(RsTestRun) in_sample = { 0 };
  g_autofree char *sample_path = rs_test_temp_path ("sample.redstring");
  g_autofree char *in_sample_id = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *again_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *replaced_id = NULL;
  JsonObject *doc;

  run_cli (&first, "import-report", seed, case_path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  first_id = last_line (first.out);
  g_assert_cmpint (g_ascii_strtoll (first_id, NULL, 10), >, 0);

  run_cli (&again, "import-report", seed, case_path, "--title", "Another title", NULL);
  g_assert_cmpint (again.status, ==, 0);
  again_id = last_line (again.out);
  g_assert_cmpstr (again_id, ==, first_id);
  g_assert_nonnull (strstr (again.err, first_id));

  run_cli (&second, "import-report", html, case_path, "--title", "JAXA page", "--publisher", "NHK",
           "--date", "2021-04-20", NULL);
  g_assert_cmpint (second.status, ==, 0);
  second_id = last_line (second.out);
  g_assert_cmpstr (second_id, !=, first_id);

  run_cli (&replaced, "import-report", invalid, case_path, NULL);
  g_assert_cmpint (replaced.status, ==, 0);
  g_assert_nonnull (strstr (replaced.err, " 2 bytes"));
  replaced_id = last_line (replaced.out);

  run_cli (&exported, "export", case_path, "-o", json_path, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (json_parser_get_root (parser)), "documents")), ==, 3);
  /* The title defaults to the report's own. */
  g_assert_nonnull (find_document (parser, "Report: Chinese Military Hacked Japan’s Space Agency, "
                                           "Defense Firms"));
  doc = find_document (parser, "JAXA page");
  g_assert_nonnull (doc);
  g_assert_cmpstr (json_object_get_string_member (doc, "publisher"), ==, "NHK");
  g_assert_cmpstr (json_object_get_string_member (doc, "published"), ==, "2021-04-20");
  g_assert_cmpstr (json_object_get_string_member (doc, "author"), ==, "Jane Doe");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (doc, "text"),
                                   "Police: PLA unit behind JAXA attacks\n\n"));

  /* The seed reports are the sample case's documents, byte for byte: found. */
  run_cli (&sample, "new", "--sample", sample_path, NULL);
  g_assert_cmpint (sample.status, ==, 0);
  run_cli (&in_sample, "import-report", seed, sample_path, NULL);
  g_assert_cmpint (in_sample.status, ==, 0);
  g_assert_nonnull (strstr (in_sample.err, "already"));
  in_sample_id = last_line (in_sample.out);
  g_assert_cmpint (g_ascii_strtoll (in_sample_id, NULL, 10), >, 0);

  /* Refused files and options leave no case behind. */
  run_cli (&refused, "import-report", empty, never, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "empty.txt"));
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  run_cli (&bad_date, "import-report", seed, never, "--date", "20 April", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
}

static GPtrArray *
entity_names (const char *path,
              guint      *n_placed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  GListModel *entities;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  entities = rs_case_get_entities (rs_case_store_get_case (store));
  *n_placed = 0;
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      g_ptr_array_add (names, g_strdup (rs_entity_get_name (entity)));
      *n_placed += rs_entity_get_has_position (entity);
    }
  return names;
}

/* generate: the shape make bench relies on, the same case for the same seed, DOT. */
static void
test_generate (void)
{
  g_autofree char *a = rs_test_temp_path ("gen-a.redstring");
  g_autofree char *b = rs_test_temp_path ("gen-b.redstring");
  g_autofree char *c = rs_test_temp_path ("gen-c.redstring");
  g_autofree char *dot = rs_test_temp_path ("gen-a.dot");
  g_autofree char *dot_text = NULL;
  g_autoptr(GPtrArray) names_a = NULL;
  g_autoptr(GPtrArray) names_b = NULL;
  g_autoptr(GPtrArray) names_c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_auto(RsTestRun) first = { 0 };
  g_auto(RsTestRun) again = { 0 };
  g_auto(RsTestRun) unplaced = { 0 };
  g_auto(RsTestRun) exists = { 0 };
  g_auto(RsTestRun) too_few = { 0 };
  g_auto(RsTestRun) xdot_unplaced = { 0 };
  guint placed, n_relations, n_quotes, n_pos = 0;
  RsCase *kase;

  run_cli (&first, "generate", "--entities", "300", "--seed", "7", "--dot", dot, a, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (&again, "generate", "--entities", "300", "--seed", "7", b, NULL);
  g_assert_cmpint (again.status, ==, 0);
  run_cli (&unplaced, "generate", "--entities", "300", "--seed", "8", "--no-positions", c, NULL);
  g_assert_cmpint (unplaced.status, ==, 0);

  names_a = entity_names (a, &placed);
  g_assert_cmpuint (names_a->len, ==, 300);
  g_assert_cmpuint (placed, ==, 300);
  for (guint i = 0; i < names_a->len; i++)
    {
      gsize length = strlen (g_ptr_array_index (names_a, i));

      g_assert_cmpuint (length, >=, 10);
      g_assert_cmpuint (length, <=, 48);
    }
  names_b = entity_names (b, &placed);
  g_assert_cmpuint (names_b->len, ==, names_a->len);
  for (guint i = 0; i < names_a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names_a, i), ==, g_ptr_array_index (names_b, i));
  names_c = entity_names (c, &placed);
  g_assert_cmpuint (placed, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (names_a, 5), !=, g_ptr_array_index (names_c, 5));

  /* About 1.5 relations per entity, most of them backed by a quote; events. */
  store = rs_case_store_open (a, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  kase = rs_case_store_get_case (store);
  n_relations = g_list_model_get_n_items (rs_case_get_relations (kase));
  n_quotes = g_list_model_get_n_items (rs_case_get_quotes (kase));
  g_assert_cmpuint (n_relations, >=, 420);
  g_assert_cmpuint (n_relations, <=, 450);
  g_assert_cmpuint (n_quotes, >=, n_relations * 7 / 10);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_evidence (kase)), ==, n_quotes);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_documents (kase)), >=, 15);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_events (kase)), ==, 12);

  /* The DOT: every entity with its position, every relation. */
  g_assert_true (g_file_get_contents (dot, &dot_text, NULL, &error));
  for (const char *p = dot_text; (p = strstr (p, "pos=\"")) != NULL; p++)
    n_pos++;
  g_assert_cmpuint (n_pos, ==, 300);
  g_assert_true (g_str_has_prefix (dot_text, "digraph"));
  {
    guint n_arrows = 0;

    for (const char *p = dot_text; (p = strstr (p, " -> ")) != NULL; p++)
      n_arrows++;
    g_assert_cmpuint (n_arrows, ==, n_relations);
  }

  run_cli (&exists, "generate", "--entities", "300", a, NULL);
  g_assert_cmpint (exists.status, ==, 1);
  run_cli (&too_few, "generate", "--entities", "1", c, NULL);
  g_assert_cmpint (too_few.status, ==, 2);
  run_cli (&xdot_unplaced, "generate", "--no-positions", "--xdot", dot, "--force", c, NULL);
  g_assert_cmpint (xdot_unplaced.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/new-sample-and-export", test_new_sample_and_export);
  g_test_add_func ("/cli/import-then-info", test_import_then_info);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/suggest", test_suggest);
  g_test_add_func ("/cli/import-report", test_import_report);
  g_test_add_func ("/cli/generate", test_generate);

  return g_test_run ();
}
