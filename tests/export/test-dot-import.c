/* test-dot-import.c: Graphviz DOT files into a case (redstring-cli import-dot)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-case-edit.h"
#include "rs-change.h"
#include "rs-dot-import.h"
#include "rs-entity.h"
#include "rs-error.h"
#include "rs-export-data.h"
#include "rs-relation.h"
#include "rs-render-test-utils.h"
#include "rs-test-hostile-labels.h"
#include "rs-test-utils.h"

static RsDotGraph *
read_data_file (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "dot", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return rs_dot_graph_read_file (file, NULL, error);
}

static RsDotGraph *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rs_dot_graph_read_bytes (bytes, "test.gv", error);
}

static const RsDotNode *
find_node (RsDotGraph *graph,
           const char *dot_name)
{
  for (guint i = 0; i < rs_dot_graph_get_n_nodes (graph); i++)
    if (g_strcmp0 (rs_dot_graph_get_node (graph, i)->name, dot_name) == 0)
      return rs_dot_graph_get_node (graph, i);
  g_assert_not_reached ();
}

/* Every file of tests/data/dot imports, with the counts `gc -nec` gives. */
static void
test_files (void)
{
  static const struct { const char *name; guint nodes; guint edges; } files[] = {
    { "clust4.gv", 10, 13 }, { "html2.gv", 4, 3 }, { "structs.gv", 3, 2 },
    { "japanese.gv", 7, 8 }, { "russian.gv", 11, 7 }, { "Latin1.gv", 1, 0 },
    { "unix.gv", 41, 49 }, { "ER.gv", 12, 12 }, { "root.gv", 1054, 1083 },
  };
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "dot", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsDotGraph) graph = NULL;
      gboolean known = FALSE;

      if (!g_str_has_suffix (entry, ".gv") && !g_str_has_suffix (entry, ".dot"))
        continue;
      graph = read_data_file (entry, &error);
      if (graph == NULL)
        {
          /* A refusal is a sentence that names the file. */
          g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
          g_assert_true (strstr (error->message, entry) != NULL);
          g_test_message ("%s: %s", entry, error->message);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        if (g_str_equal (entry, files[i].name))
          {
            g_assert_cmpuint (rs_dot_graph_get_n_nodes (graph), ==, files[i].nodes);
            g_assert_cmpuint (rs_dot_graph_get_n_edges (graph) + rs_dot_graph_get_n_loops (graph),
                              ==, files[i].edges);
            known = TRUE;
          }
      g_assert_true (known);
      for (guint i = 0; i < rs_dot_graph_get_n_nodes (graph); i++)
        {
          const RsDotNode *node = rs_dot_graph_get_node (graph, i);

          g_assert_true (g_utf8_validate (node->label, -1, NULL));
          g_assert_cmpstr (node->label, !=, "");
        }
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (files));
}

static void
test_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDotGraph) japanese = read_data_file ("japanese.gv", &error);
  g_autoptr(RsDotGraph) russian = NULL;
  g_autoptr(RsDotGraph) latin1 = NULL;
  g_autoptr(RsDotGraph) html = NULL;
  g_autoptr(RsDotGraph) records = NULL;
  g_autoptr(RsDotGraph) er = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < rs_dot_graph_get_n_nodes (japanese); i++)
    found |= g_str_equal (rs_dot_graph_get_node (japanese, i)->label, "黒塗り桐下駄配列");
  g_assert_true (found);
  g_assert_cmpstr (rs_dot_graph_get_encoding (japanese), ==, "UTF-8");

  russian = read_data_file ("russian.gv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_node (russian, "Контрагенты")->label, ==, "Контрагенты");
  g_assert_true (rs_dot_graph_get_edge (russian, 0)->directed);

  /* charset=latin1: its bytes decoded, not refused nor replaced. */
  latin1 = read_data_file ("Latin1.gv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_dot_graph_get_encoding (latin1), ==, "ISO-8859-1");
  g_assert_cmpstr (rs_dot_graph_get_node (latin1, 0)->label, ==, "áâãäåæçèéêëìíîïðñòóôõöøùúûü");

  html = read_data_file ("html2.gv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_node (html, "a")->label, ==, "class qualifier");
  g_assert_cmpstr (find_node (html, "c")->label, ==, "long line 1 line 2 line 3");

  records = read_data_file ("structs.gv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_node (records, "struct1")->label, ==, "left middle right");
  g_assert_cmpstr (find_node (records, "struct3")->label, ==, "hello\nworld b c d e f g h");

  er = read_data_file ("ER.gv", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rs_dot_graph_get_n_edges (er); i++)
    g_assert_false (rs_dot_graph_get_edge (er, i)->directed);
}

static void
test_escapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDotGraph) graph = read_text (
    "digraph \"G1\" {\n"
    "  a [label=\"\\N in \\G\"]; b [label=\"x\\\\N \\\"q\\\" &amp; &lt;y&gt; &#233;\\ltwo\"];\n"
    "  c [label=\"\"]; d [kind=malware, shape=box]; e [shape=cylinder, pos=\"10,20!\"];\n"
    "  a -> b [label=\"\\T to \\H (\\E)\", status=confirmed];\n"
    "  b -> c [dir=none]; c -> c;\n"
    "  subgraph cluster_x { f -> a }\n"
    "}\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rs_dot_graph_get_name (graph), ==, "G1");
  g_assert_cmpuint (rs_dot_graph_get_n_nodes (graph), ==, 6);
  g_assert_cmpstr (find_node (graph, "a")->label, ==, "a in G1");
  g_assert_cmpstr (find_node (graph, "b")->label, ==, "x\\N \"q\" & <y> é\ntwo");
  g_assert_cmpstr (find_node (graph, "c")->label, ==, "c");
  g_assert_cmpint (find_node (graph, "d")->kind, ==, RS_ENTITY_KIND_MALWARE);
  g_assert_cmpint (find_node (graph, "e")->kind, ==, RS_ENTITY_KIND_INFRASTRUCTURE);
  g_assert_cmpint (find_node (graph, "a")->kind, ==, RS_ENTITY_KIND_OTHER);
  g_assert_true (find_node (graph, "e")->has_position);
  g_assert_false (find_node (graph, "a")->has_position);
  /* The cluster's node is the graph's; the loop is left out and counted. */
  g_assert_cmpstr (find_node (graph, "f")->label, ==, "f");
  g_assert_cmpuint (rs_dot_graph_get_n_edges (graph), ==, 3);
  g_assert_cmpuint (rs_dot_graph_get_n_loops (graph), ==, 1);
  for (guint i = 0; i < rs_dot_graph_get_n_edges (graph); i++)
    {
      const RsDotEdge *edge = rs_dot_graph_get_edge (graph, i);
      const char *tail = rs_dot_graph_get_node (graph, edge->source)->name;

      if (g_str_equal (tail, "a"))
        {
          g_assert_cmpstr (edge->label, ==, "a to b (a->b)");
          g_assert_cmpint (edge->status, ==, RS_RELATION_STATUS_CONFIRMED);
          g_assert_true (edge->directed);
        }
      else if (g_str_equal (tail, "b"))
        {
          g_assert_false (edge->directed);
          g_assert_cmpint (edge->status, ==, RS_RELATION_STATUS_ALLEGED);
        }
    }
}

static void
assert_refused (const char *text,
                gsize       size,
                const char *why)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDotGraph) graph = rs_dot_graph_read_bytes (bytes, "bad.gv", &error);

  g_assert_null (graph);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "“bad.gv” is not a Graphviz DOT file: "));
  g_assert_nonnull (strstr (error->message, why));
}

static void
test_refused (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char latin1_undeclared[] = "digraph { a [label=\"caf\xe9\"] }";
  g_autoptr(GString) many = g_string_new ("digraph {");

  assert_refused ("", 0, "empty");
  assert_refused (png, sizeof png - 1, "binary");
  assert_refused ("hello world\n", 12, "syntax error in line 1");
  assert_refused ("digraph {\n a -> \n", 17, "syntax error in line");
  assert_refused ("   \n// nothing\n", 15, "no graph");
  assert_refused (latin1_undeclared, sizeof latin1_undeclared - 1, "not UTF-8");

  for (guint i = 0; i <= RS_DOT_MAX_NODES; i++)
    g_string_append_printf (many, "n%u;", i);
  g_string_append (many, "}");
  assert_refused (many->str, many->len, "more than the 20000");

  /* What follows a graph is not read as the start of the next file (cgraph keeps it in
   * its scanner's buffer unless told). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RsDotGraph) graph = read_text ("digraph { a }\nhello {", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rs_dot_graph_get_n_nodes (graph), ==, 1);
  }

  /* A good file read after the bad ones: cgraph's parser is left in a sane state. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RsDotGraph) graph = read_text ("graph { x -- y }", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rs_dot_graph_get_n_edges (graph), ==, 1);
  }
}

/* Into a case: one change, undone whole. */
static void
test_store (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("import.redstring");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDotGraph) graph = read_data_file ("unix.gv", &error);
  g_autoptr(RsChange) change = NULL;
  RsCase *kase = rs_case_store_get_case (store);

  g_assert_no_error (error);
  change = rs_case_edit_import_dot (store, graph, "unix.gv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 41);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (kase)), ==, 49);
  g_assert_nonnull (rs_case_lookup_entity_by_name (kase, "Mini Unix"));

  g_assert_true (rs_case_store_undo_change (store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (kase)), ==, 0);
}

typedef struct
{
  char   *name;
  int     kind;
  double  x;
  double  y;
} Seen;

/* The sample board out as DOT and back in: names, kinds, relations and the layout
 * (up to where the origin is) come back. */
static void
test_round_trip (void)
{
  g_autoptr(RsCaseStore) source = rs_test_open_sample_case ("round-trip-source.redstring");
  g_autoptr(RsCaseStore) target = rs_test_open_new_case ("round-trip-target.redstring");
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RsDotGraph) graph = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  RsExportOptions options = { .legend = TRUE, .scale = 1 };
  RsCase *a = rs_case_store_get_case (source);
  RsCase *b = rs_case_store_get_case (target);
  GListModel *entities_a = rs_case_get_entities (a);
  GListModel *entities_b = rs_case_get_entities (b);
  double dx = 0, dy = 0;

  rs_render_test_place_grid (source, 6, 260, 110);
  scene = rs_board_scene_new (a, NULL, style);
  g_assert_true (rs_export_dot_write (a, scene, &options, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

  graph = rs_dot_graph_read_bytes (bytes, "sample.dot", &error);
  g_assert_no_error (error);
  change = rs_case_edit_import_dot (target, graph, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (entities_b), ==, g_list_model_get_n_items (entities_a));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (b)), ==,
                    g_list_model_get_n_items (rs_case_get_relations (a)));
  for (guint i = 0; i < g_list_model_get_n_items (entities_b); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (entities_b, i);
      RsEntity *original = rs_case_lookup_entity_by_name (a, rs_entity_get_name (e));

      g_assert_nonnull (original);
      g_assert_cmpint (rs_entity_get_kind (e), ==, rs_entity_get_kind (original));
      g_assert_true (rs_entity_get_has_position (e));
      if (i == 0)
        {
          dx = rs_entity_get_x (original) - rs_entity_get_x (e);
          dy = rs_entity_get_y (original) - rs_entity_get_y (e);
        }
      g_assert_cmpfloat (fabs (rs_entity_get_x (e) + dx - rs_entity_get_x (original)), <, 0.02);
      g_assert_cmpfloat (fabs (rs_entity_get_y (e) + dy - rs_entity_get_y (original)), <, 0.02);
    }
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_relations (b)); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (rs_case_get_relations (b), i);
      const char *source_name = rs_entity_get_name (rs_case_lookup_entity (b, rs_relation_get_source_id (r)));
      const char *target_name = rs_entity_get_name (rs_case_lookup_entity (b, rs_relation_get_target_id (r)));
      g_autoptr(GPtrArray) originals = rs_case_dup_relations_of (a, rs_entity_get_id (rs_case_lookup_entity_by_name (a, source_name)));
      gboolean found = FALSE;

      for (guint j = 0; j < originals->len && !found; j++)
        {
          RsRelation *o = g_ptr_array_index (originals, j);

          found = g_strcmp0 (rs_relation_get_label (o), rs_relation_get_label (r)) == 0 &&
                  rs_relation_get_status (o) == rs_relation_get_status (r) &&
                  rs_relation_get_directed (o) == rs_relation_get_directed (r) &&
                  g_strcmp0 (rs_entity_get_name (rs_case_lookup_entity (a, rs_relation_get_target_id (o))),
                             target_name) == 0;
        }
      g_assert_true (found);
    }
}

/* The hostile labels survive export and import as text (names are stripped, as the
 * app strips what is typed). */
static void
test_hostile_round_trip (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("hostile-source.redstring");
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RsDotGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  RsExportOptions options = { .legend = TRUE, .scale = 1 };
  RsCase *kase = rs_case_store_get_case (store);
  gint64 previous = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      RsEntity *entity = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, rs_test_hostile_labels[i].label);

      if (previous != 0)
        {
          g_autoptr(RsChange) change = rs_case_edit_create_relation (
            store, previous, rs_entity_get_id (entity), rs_test_hostile_labels[i].label, TRUE,
            RS_RELATION_STATUS_REPORTED, NULL, &error);

          g_assert_no_error (error);
        }
      previous = rs_entity_get_id (entity);
    }
  rs_render_test_place_grid (store, 5, 300, 120);
  scene = rs_board_scene_new (kase, NULL, style);
  g_assert_true (rs_export_dot_write (kase, scene, &options, out, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  graph = rs_dot_graph_read_bytes (bytes, "hostile.dot", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rs_dot_graph_get_n_nodes (graph), ==, G_N_ELEMENTS (rs_test_hostile_labels));
  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      g_autofree char *want = g_strstrip (g_strdup (rs_test_hostile_labels[i].label));
      gboolean node_found = FALSE, edge_found = i == 0;

      for (guint n = 0; n < rs_dot_graph_get_n_nodes (graph); n++)
        node_found |= g_str_equal (rs_dot_graph_get_node (graph, n)->label, want);
      for (guint e = 0; e < rs_dot_graph_get_n_edges (graph); e++)
        edge_found |= g_str_equal (rs_dot_graph_get_edge (graph, e)->label, rs_test_hostile_labels[i].label);
      if (!node_found || !edge_found)
        g_test_message ("lost: %s", rs_test_hostile_labels[i].name);
      g_assert_true (node_found);
      g_assert_true (edge_found);
    }
}

/* redstring-cli import-dot FILE CASE: counts on success; a bad file exits 1 with the
 * reason and leaves no case behind. */
static void
test_cli (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "dot", "clust4.gv", NULL);
  g_autofree char *bad = rs_test_temp_path ("bad.gv");
  g_autofree char *case_path = rs_test_temp_path ("cli.redstring");
  g_autofree char *bad_case = rs_test_temp_path ("cli-bad.redstring");

  {
    g_auto(RsTestRun) run = { 0 };

    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "import-dot", good, case_path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "10 entities, 13 relations"));
  }
  {
    g_auto(RsTestRun) run = { 0 };

    rs_test_write_file (bad, "digraph {\n  a -> ;\n}\n", strlen ("digraph {\n  a -> ;\n}\n"));
    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "import-dot", bad, bad_case, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "“bad.gv” is not a Graphviz DOT file: syntax error in line 2"));
    g_assert_false (g_file_test (bad_case, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(RsTestRun) run = { 0 };

    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "import-dot", good, NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/dot-import/files", test_files);
  g_test_add_func ("/dot-import/labels", test_labels);
  g_test_add_func ("/dot-import/escapes", test_escapes);
  g_test_add_func ("/dot-import/refused", test_refused);
  g_test_add_func ("/dot-import/store", test_store);
  g_test_add_func ("/dot-import/round-trip", test_round_trip);
  g_test_add_func ("/dot-import/hostile-round-trip", test_hostile_round_trip);
  g_test_add_func ("/dot-import/cli", test_cli);
  return g_test_run ();
}
