/* test-cli-exchange.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include <json-glib/json-glib.h>

#include "rs-case-store.h"
#include "rs-test-utils.h"

/* redstring-cli merge, changes and apply, run as a program on case files. */

static void
run_cli (RsTestRun *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer)rs_test_cli_path ());
  va_start (args, run);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  rs_test_run_argv (run, (const char * const *)argv->pdata);
}

static RsRelation *
relation_by_uid (RsCaseStore *store,
                 const char  *uid)
{
  GListModel *list = rs_case_get_relations (rs_case_store_get_case (store));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (list, i);

      if (g_strcmp0 (rs_relation_get_uid (r), uid) == 0)
        return r;
    }
  return NULL;
}

/* Opens PATH, sets the relation's status and maybe adds an entity, closes it. */
static void
edit (const char       *path,
      RsRelationStatus  status,
      const char       *new_entity)
{
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;

  g_assert_nonnull (store);
  g_assert_true (rs_case_store_begin_change (store, "Edits", &error));
  if ((int)status >= 0)
    g_assert_true (rs_case_store_set_relation_status (
      store, rs_relation_get_id (relation_by_uid (store, "rel-pla-directed-tick")), status, &error));
  if (new_entity != NULL)
    {
      g_autoptr(RsEntity) draft = rs_entity_new (0);

      rs_entity_set_kind (draft, RS_ENTITY_KIND_GROUP);
      rs_entity_set_name (draft, new_entity);
      g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
    }
  change = rs_case_store_end_change (store, &error);
  g_assert_no_error (error);
}

static JsonObject *
parse_plan (const char *out,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
count_of (JsonObject *plan,
          const char *kind)
{
  return json_object_get_int_member (json_object_get_object_member (plan, "counts"), kind);
}

static gboolean
has_entity (const char *path,
            const char *name)
{
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, NULL);

  g_assert_nonnull (store);
  return rs_case_lookup_entity_by_name (rs_case_store_get_case (store), name) != NULL;
}

static void
test_merge_dry_run_and_conflicts (void)
{
  g_autofree char *mine = rs_test_make_sample_file ("mine.redstring");
  g_autofree char *theirs = rs_test_make_sample_file ("theirs.redstring");
  g_autofree char *wal = g_strconcat (mine, "-wal", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(RsTestRun) run = { 0 };
  JsonObject *plan;

  edit (mine, RS_RELATION_STATUS_CONFIRMED, NULL);
  edit (theirs, RS_RELATION_STATUS_REFUTED, "Winnti");
  before = rs_test_read_file (mine);

  /* A conflict: the plan is printed, nothing is written, exit 1. */
  run_cli (&run, "merge", mine, theirs, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 1);
  plan = parse_plan (run.out, parser);
  g_assert_cmpint (count_of (plan, "conflict"), ==, 1);
  g_assert_cmpint (count_of (plan, "new"), ==, 1);
  g_assert_nonnull (strstr (run.out, "\"title\" : \"Winnti (group)\""));
  rs_test_run_clear (&run);

  run_cli (&run, "merge", mine, theirs, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "conflict"));
  rs_test_run_clear (&run);

  after = rs_test_read_file (mine);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (has_entity (mine, "Winnti"));
}

static void
test_merge_applies (void)
{
  g_autofree char *mine = rs_test_make_sample_file ("mine.redstring");
  g_autofree char *theirs = rs_test_make_sample_file ("theirs.redstring");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_auto(RsTestRun) run = { 0 };
  JsonObject *plan;

  edit (theirs, (RsRelationStatus)-1, "Winnti");
  before = rs_test_read_file (mine);

  /* No conflict: a dry run says what it would do and writes nothing... */
  run_cli (&run, "merge", "--dry-run", mine, theirs, NULL);
  g_assert_cmpint (run.status, ==, 0);
  plan = parse_plan (run.out, parser);
  g_assert_cmpint (count_of (plan, "new"), ==, 1);
  g_assert_cmpint (count_of (plan, "conflict"), ==, 0);
  rs_test_run_clear (&run);
  after = rs_test_read_file (mine);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (has_entity (mine, "Winnti"));

  /* ...and without --dry-run it merges; a second merge finds nothing new. */
  run_cli (&run, "merge", mine, theirs, NULL);
  g_assert_cmpint (run.status, ==, 0);
  rs_test_run_clear (&run);
  g_assert_true (has_entity (mine, "Winnti"));
  run_cli (&run, "merge", mine, theirs, NULL);
  g_assert_cmpint (run.status, ==, 0);
  plan = parse_plan (run.out, parser2);
  g_assert_cmpint (count_of (plan, "new"), ==, 0);
}

static void
test_changes_apply (void)
{
  g_autofree char *a = rs_test_make_sample_file ("a.redstring");
  g_autofree char *b = rs_test_make_sample_file ("b.redstring");
  g_autofree char *changes = rs_test_temp_path ("b.changes");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(RsTestRun) run = { 0 };
  JsonObject *plan;

  edit (b, RS_RELATION_STATUS_REFUTED, "Winnti");

  run_cli (&run, "changes", b, "--since", "2000-01-01", "--author", "Hana Sato", "-o", changes, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (changes, G_FILE_TEST_IS_REGULAR));
  rs_test_run_clear (&run);

  before = rs_test_read_file (a);
  run_cli (&run, "apply", a, changes, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  plan = parse_plan (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (plan, "author"), ==, "Hana Sato");
  g_assert_cmpint (count_of (plan, "new"), ==, 1);
  g_assert_cmpint (count_of (plan, "update"), ==, 1);
  g_assert_cmpint (count_of (plan, "conflict"), ==, 0);
  rs_test_run_clear (&run);
  after = rs_test_read_file (a);
  g_assert_true (g_bytes_equal (before, after));

  run_cli (&run, "apply", a, changes, NULL);
  g_assert_cmpint (run.status, ==, 0);
  rs_test_run_clear (&run);
  g_assert_true (has_entity (a, "Winnti"));

  /* A bad date is a usage error. */
  run_cli (&run, "changes", b, "--since", "yesterday", "-o", changes, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static guint
count_entities (const char *path,
                guint      *n_documents)
{
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, NULL);
  RsCase *kase;

  g_assert_nonnull (store);
  kase = rs_case_store_get_case (store);
  *n_documents = g_list_model_get_n_items (rs_case_get_documents (kase));
  return g_list_model_get_n_items (rs_case_get_entities (kase));
}

/* The first symptom: a colleague's export of the same case, imported, doubled
 * everything. Into a case with records, `import` is now a merge: the plan printed,
 * applied when nothing conflicts. */
static void
test_import_bundle_merges (void)
{
  g_autofree char *mine = rs_test_make_sample_file ("mine.redstring");
  g_autofree char *theirs = rs_test_make_sample_file ("theirs.redstring");
  g_autofree char *same_json = rs_test_temp_path ("same.json");
  g_autofree char *theirs_json = rs_test_temp_path ("theirs.json");
  g_autofree char *broken_json = rs_test_temp_path ("broken.json");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autoptr(JsonParser) parser3 = json_parser_new ();
  g_auto(RsTestRun) run = { 0 };
  guint n_entities, n_documents, n;
  JsonObject *plan;

  n_entities = count_entities (mine, &n_documents);
  g_assert_cmpuint (n_entities, >, 0);

  /* My own export, imported back: everything matches, nothing is added. */
  run_cli (&run, "export", mine, "--format", "json", "-o", same_json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  rs_test_run_clear (&run);
  run_cli (&run, "import", same_json, mine, NULL);
  g_assert_cmpint (run.status, ==, 0);
  plan = parse_plan (run.out, parser);
  g_assert_cmpint (count_of (plan, "new"), ==, 0);
  g_assert_cmpint (count_of (plan, "conflict"), ==, 0);
  g_assert_cmpint (count_of (plan, "match"), >, n_entities);
  g_assert_cmpstr (json_object_get_string_member (plan, "label"), ==, "Import “same.json”");
  rs_test_run_clear (&run);
  g_assert_cmpuint (count_entities (mine, &n), ==, n_entities);
  g_assert_cmpuint (n, ==, n_documents);

  /* A colleague's export with one group more: that group is all that comes. */
  edit (theirs, (RsRelationStatus)-1, "Winnti");
  run_cli (&run, "export", theirs, "--format", "json", "-o", theirs_json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  rs_test_run_clear (&run);
  run_cli (&run, "import", theirs_json, mine, NULL);
  g_assert_cmpint (run.status, ==, 0);
  plan = parse_plan (run.out, parser2);
  g_assert_cmpint (count_of (plan, "new"), ==, 1);
  rs_test_run_clear (&run);
  g_assert_cmpuint (count_entities (mine, &n), ==, n_entities + 1);
  g_assert_cmpuint (n, ==, n_documents);
  g_assert_true (has_entity (mine, "Winnti"));

  /* They refuted what I have as reported: a conflict, not a second relation. The
   * plan says so, exit 1, and not a byte of my case changes (nor with --dry-run). */
  edit (theirs, RS_RELATION_STATUS_REFUTED, NULL);
  run_cli (&run, "export", theirs, "--format", "json", "-o", theirs_json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  rs_test_run_clear (&run);
  before = rs_test_read_file (mine);
  run_cli (&run, "import", "--dry-run", theirs_json, mine, NULL);
  g_assert_cmpint (run.status, ==, 1);
  plan = parse_plan (run.out, parser3);
  g_assert_cmpint (count_of (plan, "conflict"), ==, 1);
  g_assert_cmpint (count_of (plan, "new"), ==, 0);
  rs_test_run_clear (&run);
  run_cli (&run, "import", theirs_json, mine, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "conflict"));
  rs_test_run_clear (&run);
  after = rs_test_read_file (mine);
  g_assert_true (g_bytes_equal (before, after));

  /* A damaged bundle: its error, the case untouched. */
  g_assert_true (g_file_set_contents (broken_json, "{\"format\": \"redstring-case\", \"version\": 1, "
                                                   "\"entities\": [ {\"id\": 3", -1, NULL));
  run_cli (&run, "import", broken_json, mine, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "broken.json"));
  g_clear_pointer (&after, g_bytes_unref);
  after = rs_test_read_file (mine);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/cli/exchange/merge-dry-run-conflicts", test_merge_dry_run_and_conflicts);
  g_test_add_func ("/cli/exchange/merge-applies", test_merge_applies);
  g_test_add_func ("/cli/exchange/changes-apply", test_changes_apply);
  g_test_add_func ("/cli/exchange/import-bundle-merges", test_import_bundle_merges);

  return g_test_run ();
}
