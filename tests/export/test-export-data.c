/* test-export-data.c: DOT, GraphML and CSV exports read back by real consumers
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rs-case-edit.h"
#include "rs-change.h"
#include "rs-document.h"
#include "rs-entity.h"
#include "rs-enum-types.h"
#include "rs-event.h"
#include "rs-export-data.h"
#include "rs-fuzzy-date.h"
#include "rs-quote.h"
#include "rs-relation.h"
#include "rs-render-test-utils.h"
#include "rs-test-hostile-labels.h"
#include "rs-test-utils.h"

/* Helpers ------------------------------------------------------------------- */

typedef struct
{
  RsCaseStore  *store;
  RsBoardScene *scene;
} Board;

static void
board_clear (Board *board)
{
  g_clear_pointer (&board->scene, rs_board_scene_unref);
  g_clear_object (&board->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Board, board_clear)

static RsCase *
board_case (Board *board)
{
  return rs_case_store_get_case (board->store);
}

static void
board_build_scene (Board *board)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);

  /* Offset from the origin, so the writers' translation to Graphviz's bb is tested. */
  rs_render_test_place_grid (board->store, 6, 260, 110);
  board->scene = rs_board_scene_new (board_case (board), NULL, style);
  g_assert_cmpuint (rs_board_scene_get_n_unplaced (board->scene), ==, 0);
}

static void
board_open_sample (Board      *board,
                   const char *name)
{
  board->store = rs_test_open_sample_case (name);
  board_build_scene (board);
}

typedef gboolean (*WriteFunc) (RsCase *, RsBoardScene *, const RsExportOptions *,
                               GOutputStream *, GCancellable *, GError **);

static GBytes *
export (Board            *board,
        WriteFunc         write,
        RsExportCsvTable  table)
{
  /* rs_export_options_init() lives with the dispatch: the fields these writers read. */
  RsExportOptions options = { .legend = TRUE, .scale = 1, .csv_table = table };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (write (board_case (board), board->scene, &options, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
write_temp (GBytes     *bytes,
            const char *name)
{
  char *path = rs_test_temp_path (name);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  rs_test_write_file (path, data, size);
  return path;
}

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, status, &error));
  g_assert_no_error (error);
  if (*status != 0)
    g_test_message ("%s: %s", argv[0], err);
  return out;
}

/* Kept for a look by hand: the pictures' paths are in the test's output. */
static void
keep_output (const char *name,
             const char *data,
             gsize       size)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *out_dir = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  out_dir = g_build_filename (dir, "output", NULL);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0755), ==, 0);
  path = g_build_filename (out_dir, name, NULL);
  rs_test_write_file (path, data, size);
  g_test_message ("kept %s", path);
}

static const char *
entity_name (RsCase *kase,
             gint64  id)
{
  RsEntity *entity = rs_case_lookup_entity (kase, id);

  g_assert_nonnull (entity);
  return rs_entity_get_name (entity);
}

/* DOT ----------------------------------------------------------------------- */

/* cgraph hands back the quoted string's contents; Graphviz's renderers then read them
 * as an escString with entities: what a label shows. */
static char *
dot_label_text (const char *raw)
{
  GString *s = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == '\\')
        {
          g_string_append_c (s, '\\');
          p++;
        }
      else if (p[0] == '\\' && p[1] == 'n')
        {
          g_string_append_c (s, '\n');
          p++;
        }
      else if (p[0] == '\\')
        g_assert_not_reached ();  /* no other escape is ever written */
      else if (g_str_has_prefix (p, "&amp;"))
        {
          g_string_append_c (s, '&');
          p += 4;
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* agget() without its missing const. */
static const char *
get (void       *object,
     const char *name)
{
  return agget (object, (char *) name);
}

static Agraph_t *
dot_read (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  Agraph_t *graph = agmemread (text);

  g_assert_nonnull (graph);
  return graph;
}

static void
parse_point (const char *text,
             double     *x,
             double     *y)
{
  char *end = NULL;

  *x = g_ascii_strtod (text, &end);
  g_assert_cmpint (*end, ==, ',');
  *y = g_ascii_strtod (end + 1, &end);
}

static guint
count_drawn_nodes (RsBoardScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    n += _rs_export_data_node_drawn (scene, i);
  return n;
}

static guint
count_drawn_edges (RsBoardScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    n += _rs_export_data_edge_drawn (scene, i);
  return n;
}

/* The board point (x, y) in the DOT file's coordinates: from the top left corner of
 * the nodes' boxes, the splines' control points and the edge labels (what Graphviz
 * puts at its origin), y upwards. */
static void
to_graphviz (RsBoardScene *scene,
             double        x,
             double        y,
             double       *gx,
             double       *gy)
{
  double x0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      x0 = MIN (x0, node->x - node->width / 2);
      y1 = MAX (y1, node->y + node->height / 2);
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      for (guint p = 0; p < edge->n_points; p++)
        {
          x0 = MIN (x0, edge->points[2 * p]);
          y1 = MAX (y1, edge->points[2 * p + 1]);
        }
      if (edge->label_width > 0)
        {
          x0 = MIN (x0, edge->label_x - edge->label_width / 2);
          y1 = MAX (y1, edge->label_y + edge->label_height / 2);
        }
    }
  *gx = x - x0;
  *gy = y1 - y;
}

static void
test_dot_sample (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  Agraph_t *graph;
  guint n_edges = 0;
  double bw, bh, right, bottom;

  board_open_sample (&board, "dot.redstring");
  bytes = export (&board, rs_export_dot_write, 0);
  graph = dot_read (bytes);

  g_assert_true (agisdirected (graph));
  g_assert_cmpint (agnnodes (graph), ==, count_drawn_nodes (board.scene));
  g_assert_cmpint (agnedges (graph), ==, count_drawn_edges (board.scene));
  g_assert_cmpuint (rs_board_scene_get_n_nodes (board.scene), ==, 38);

  /* bb from 0,0 to the far corner of everything drawn. */
  g_assert_true (g_str_has_prefix (get (graph, "bb"), "0.00,0.00,"));
  parse_point (get (graph, "bb") + strlen ("0.00,0.00,"), &bw, &bh);
  right = bottom = 0;
  for (guint i = 0; i < rs_board_scene_get_n_nodes (board.scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (board.scene, i);
      double gx, gy;

      to_graphviz (board.scene, node->x + node->width / 2, node->y - node->height / 2, &gx, &gy);
      right = MAX (right, gx);
      bottom = MAX (bottom, gy);
    }
  g_assert_cmpfloat (bw, >=, right - 0.01);
  g_assert_cmpfloat (bh, >=, bottom - 0.01);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (board.scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (board.scene, i);
      g_autofree char *name = g_strdup_printf ("e%" G_GINT64_FORMAT, node->id);
      Agnode_t *n = agnode (graph, name, FALSE);
      g_autofree char *label = NULL;
      double x, y, gx, gy;

      g_assert_nonnull (n);
      label = dot_label_text (get (n, "label"));
      g_assert_cmpstr (label, ==, node->name);
      g_assert_cmpstr (get (n, "kind"), ==, rs_enum_to_nick (RS_TYPE_ENTITY_KIND, node->kind));
      parse_point (get (n, "pos"), &x, &y);
      to_graphviz (board.scene, node->x, node->y, &gx, &gy);
      g_assert_cmpfloat (fabs (x - gx), <, 0.01);
      g_assert_cmpfloat (fabs (y - gy), <, 0.01);
      g_assert_cmpfloat (fabs (g_ascii_strtod (get (n, "width"), NULL) * 72 - node->width), <, 0.5);
      g_assert_cmpfloat (fabs (g_ascii_strtod (get (n, "height"), NULL) * 72 - node->height), <, 0.5);
      g_assert_true (g_str_has_prefix (get (n, "fillcolor"), "#"));
      g_assert_cmpuint (strlen (get (n, "fillcolor")), ==, 7);
    }

  for (Agnode_t *n = agfstnode (graph); n != NULL; n = agnxtnode (graph, n))
    for (Agedge_t *e = agfstout (graph, n); e != NULL; e = agnxtout (graph, e))
      {
        const char *id = get (e, "id");
        RsRelation *relation;
        guint index;
        const RsBoardEdge *edge;
        g_autofree char *label = NULL;
        g_autofree char *tail = NULL;
        g_autofree char *head = NULL;
        const char *style;

        g_assert_true (g_str_has_prefix (id, "r"));
        relation = rs_case_lookup_relation (board_case (&board), g_ascii_strtoll (id + 1, NULL, 10));
        g_assert_nonnull (relation);
        g_assert_true (rs_board_scene_lookup_edge (board.scene, rs_relation_get_id (relation), &index));
        edge = rs_board_scene_get_edge (board.scene, index);

        tail = g_strdup_printf ("e%" G_GINT64_FORMAT, rs_relation_get_source_id (relation));
        head = g_strdup_printf ("e%" G_GINT64_FORMAT, rs_relation_get_target_id (relation));
        g_assert_cmpstr (agnameof (agtail (e)), ==, tail);
        g_assert_cmpstr (agnameof (aghead (e)), ==, head);
        label = dot_label_text (get (e, "label"));
        g_assert_cmpstr (label, ==, rs_relation_get_label (relation) ?: "");
        g_assert_cmpstr (get (e, "dir") ?: "", ==, rs_relation_get_directed (relation) ? "" : "none");

        style = get (e, "style");
        switch (rs_relation_get_status (relation))
          {
          case RS_RELATION_STATUS_CONFIRMED: g_assert_cmpstr (style, ==, "solid"); break;
          case RS_RELATION_STATUS_REFUTED:   g_assert_cmpstr (style, ==, "dotted"); break;
          default:                           g_assert_cmpstr (style, ==, "dashed"); break;
          }

        /* The spline: every Bézier point, in order; a directed relation's ends 9 pt
         * (the arrowhead) short of the board's end, which is the "e" point. */
        {
          g_auto(GStrv) fields = g_strsplit (get (e, "pos"), " ", -1);
          char **points = fields;
          guint last = edge->n_points - 1;
          double ex, ey, x, y, gx, gy;

          to_graphviz (board.scene, edge->points[2 * last], edge->points[2 * last + 1], &ex, &ey);
          if (rs_relation_get_directed (relation))
            {
              g_assert_true (g_str_has_prefix (points[0], "e,"));
              parse_point (points[0] + 2, &x, &y);
              g_assert_cmpfloat (fabs (x - ex), <, 0.01);
              g_assert_cmpfloat (fabs (y - ey), <, 0.01);
              points++;
            }
          g_assert_cmpuint (g_strv_length (points), ==, edge->n_points);
          for (guint p = 0; p < edge->n_points; p++)
            {
              parse_point (points[p], &x, &y);
              to_graphviz (board.scene, edge->points[2 * p], edge->points[2 * p + 1], &gx, &gy);
              if (p < last - 1 || !rs_relation_get_directed (relation))
                {
                  g_assert_cmpfloat (fabs (x - gx), <, 0.01);
                  g_assert_cmpfloat (fabs (y - gy), <, 0.01);
                }
              else
                g_assert_cmpfloat (fabs (hypot (x - gx, y - gy) - 9), <, 0.02);
            }
          parse_point (points[last], &x, &y);
          if (rs_relation_get_directed (relation))
            g_assert_cmpfloat (fabs (hypot (x - ex, y - ey) - 9), <, 0.02);
        }
        n_edges++;
      }
  g_assert_cmpuint (n_edges, ==, count_drawn_edges (board.scene));
  agclose (graph);
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      return c;
  return NULL;
}

static char *
xml_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
xml_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The SVG's <g class="node"> and <g class="edge"> groups, by their <title>. */
static void
svg_collect (xmlNode    *node,
             GHashTable *nodes,
             guint      *n_edges)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) c->name, "g") == 0)
        {
          g_autofree char *klass = xml_prop (c, "class");

          if (g_strcmp0 (klass, "node") == 0)
            {
              xmlNode *title = first_child (c, "title");

              g_assert_nonnull (title);
              g_hash_table_insert (nodes, xml_text (title), c);
              continue;
            }
          if (g_strcmp0 (klass, "edge") == 0)
            (*n_edges)++;
        }
      svg_collect (c->children, nodes, n_edges);
    }
}

static void
test_dot_neato (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GHashTable) svg_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  xmlDoc *doc;
  guint n_edges = 0, n_plain = 0;
  int status;

  board_open_sample (&board, "neato.redstring");
  bytes = export (&board, rs_export_dot_write, 0);
  path = write_temp (bytes, "board.dot");

  /* Drawn as Redstring placed it: each node's label centred on its position. The SVG's
   * y axis is flipped again (translate(4, bb height + 4), y negated). */
  svg = run ((const char *[]) { "neato", "-n2", "-Tsvg", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  keep_output ("sample.dot", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  keep_output ("sample-neato-n2.svg", svg, strlen (svg));
  doc = xmlReadMemory (svg, strlen (svg), "board.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  svg_collect (xmlDocGetRootElement (doc), svg_nodes, &n_edges);
  g_assert_cmpuint (g_hash_table_size (svg_nodes), ==, count_drawn_nodes (board.scene));
  g_assert_cmpuint (n_edges, ==, count_drawn_edges (board.scene));
  for (guint i = 0; i < rs_board_scene_get_n_nodes (board.scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (board.scene, i);
      g_autofree char *name = g_strdup_printf ("e%" G_GINT64_FORMAT, node->id);
      xmlNode *group = g_hash_table_lookup (svg_nodes, name);
      xmlNode *text = first_child (group, "text");
      g_autofree char *x = NULL;
      double gx, gy;

      g_assert_nonnull (text);
      x = xml_prop (text, "x");
      to_graphviz (board.scene, node->x, node->y, &gx, &gy);
      g_assert_cmpfloat (fabs (g_ascii_strtod (x, NULL) - gx), <=, 1);
    }
  xmlFreeDoc (doc);

  /* And both coordinates, from the same layout in Graphviz's plain format (inches). */
  plain = run ((const char *[]) { "neato", "-n2", "-Tplain", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (plain, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      gint64 id;
      guint index;
      const RsBoardNode *node;
      double gx, gy;

      if (!g_str_has_prefix (lines[i], "node "))
        continue;
      f = g_strsplit (lines[i], " ", 5);
      g_assert_cmpuint (g_strv_length (f), ==, 5);
      id = g_ascii_strtoll (f[1] + 1, NULL, 10);
      g_assert_true (rs_board_scene_lookup_node (board.scene, id, &index));
      node = rs_board_scene_get_node (board.scene, index);
      to_graphviz (board.scene, node->x, node->y, &gx, &gy);
      g_assert_cmpfloat (fabs (g_ascii_strtod (f[2], NULL) * 72 - gx), <=, 1);
      g_assert_cmpfloat (fabs (g_ascii_strtod (f[3], NULL) * 72 - gy), <=, 1);
      n_plain++;
    }
  g_assert_cmpuint (n_plain, ==, count_drawn_nodes (board.scene));
}

static void
test_dot_relayout (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GHashTable) svg_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc;
  guint n_edges = 0;
  int status;

  board_open_sample (&board, "relayout.redstring");
  bytes = export (&board, rs_export_dot_write, 0);
  path = write_temp (bytes, "relayout.dot");

  svg = run ((const char *[]) { "dot", "-Tsvg", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  keep_output ("sample-dot.svg", svg, strlen (svg));
  doc = xmlReadMemory (svg, strlen (svg), "relayout.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  svg_collect (xmlDocGetRootElement (doc), svg_nodes, &n_edges);
  g_assert_cmpuint (g_hash_table_size (svg_nodes), ==, count_drawn_nodes (board.scene));
  g_assert_cmpuint (n_edges, ==, count_drawn_edges (board.scene));
  xmlFreeDoc (doc);
}

/* GraphML ------------------------------------------------------------------- */

/* key id → data text, for one <node> or <edge>. */
static GHashTable *
graphml_data (xmlNode *element)
{
  GHashTable *data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *c = element->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "data") == 0)
      g_hash_table_insert (data, xml_prop (c, "key"), xml_text (c));
  return data;
}

static xmlDoc *
graphml_read (GBytes   *bytes,
              xmlNode **graph)
{
  xmlDoc *doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               "board.graphml", NULL, XML_PARSE_NONET);
  xmlNode *root;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "graphml");
  g_assert_cmpstr ((const char *) root->ns->href, ==, "http://graphml.graphdrawing.org/xmlns");
  *graph = first_child (root, "graph");
  g_assert_nonnull (*graph);
  return doc;
}

static void
test_graphml_sample (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlDoc *doc;
  xmlNode *graph;
  guint n_nodes = 0, n_edges = 0;
  g_autofree char *edgedefault = NULL;

  board_open_sample (&board, "graphml.redstring");
  bytes = export (&board, rs_export_graphml_write, 0);
  keep_output ("sample.graphml", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  doc = graphml_read (bytes, &graph);

  edgedefault = xml_prop (graph, "edgedefault");
  g_assert_cmpstr (edgedefault, ==, "directed");
  for (xmlNode *c = xmlDocGetRootElement (doc)->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "key") == 0)
      {
        g_autofree char *domain = xml_prop (c, "for");
        g_autofree char *name = xml_prop (c, "attr.name");

        g_hash_table_insert (keys, xml_prop (c, "id"), g_strdup_printf ("%s:%s", domain, name));
      }
  for (const char * const *k = (const char *[]) { "label", "kind", "aliases", "x", "y", "width",
                                                 "height", "color", "documents", NULL };
       *k != NULL; k++)
    {
      g_autofree char *want = g_strdup_printf ("node:%s", *k);

      g_assert_cmpstr (g_hash_table_lookup (keys, *k), ==, want);
    }
  g_assert_cmpstr (g_hash_table_lookup (keys, "e_status"), ==, "edge:status");
  {
    g_autoptr(GHashTable) data = graphml_data (graph);

    g_assert_cmpstr (g_hash_table_lookup (data, "title"), ==, rs_case_get_title (board_case (&board)));
  }

  for (xmlNode *c = graph->children; c != NULL; c = c->next)
    {
      g_autoptr(GHashTable) data = NULL;
      g_autofree char *id = NULL;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      data = graphml_data (c);
      id = xml_prop (c, "id");
      if (strcmp ((const char *) c->name, "node") == 0)
        {
          guint index;
          const RsBoardNode *node;

          g_assert_true (rs_board_scene_lookup_node (board.scene, g_ascii_strtoll (id + 1, NULL, 10),
                                                     &index));
          node = rs_board_scene_get_node (board.scene, index);
          g_assert_cmpstr (g_hash_table_lookup (data, "label"), ==, node->name);
          g_assert_cmpstr (g_hash_table_lookup (data, "kind"), ==,
                           rs_enum_to_nick (RS_TYPE_ENTITY_KIND, node->kind));
          g_assert_cmpfloat (fabs (g_ascii_strtod (g_hash_table_lookup (data, "x"), NULL) - node->x), <, 0.01);
          g_assert_cmpfloat (fabs (g_ascii_strtod (g_hash_table_lookup (data, "y"), NULL) - node->y), <, 0.01);
          g_assert_cmpint (atoi (g_hash_table_lookup (data, "documents")), ==, node->n_documents);
          if (node->aliases != NULL && node->aliases[0] != NULL)
            {
              g_autofree char *aliases = g_strjoinv ("; ", node->aliases);

              g_assert_cmpstr (g_hash_table_lookup (data, "aliases"), ==, aliases);
            }
          n_nodes++;
        }
      else if (strcmp ((const char *) c->name, "edge") == 0)
        {
          RsRelation *relation = rs_case_lookup_relation (board_case (&board),
                                                          g_ascii_strtoll (id + 1, NULL, 10));
          g_autofree char *source = xml_prop (c, "source");
          g_autofree char *target = xml_prop (c, "target");
          g_autofree char *directed = xml_prop (c, "directed");
          g_autofree char *want_source = NULL;
          g_autofree char *want_target = NULL;

          g_assert_nonnull (relation);
          want_source = g_strdup_printf ("e%" G_GINT64_FORMAT, rs_relation_get_source_id (relation));
          want_target = g_strdup_printf ("e%" G_GINT64_FORMAT, rs_relation_get_target_id (relation));
          g_assert_cmpstr (source, ==, want_source);
          g_assert_cmpstr (target, ==, want_target);
          g_assert_cmpstr (directed, ==, rs_relation_get_directed (relation) ? NULL : "false");
          g_assert_cmpstr (g_hash_table_lookup (data, "e_label"), ==, rs_relation_get_label (relation));
          g_assert_cmpstr (g_hash_table_lookup (data, "e_status"), ==,
                           rs_enum_to_nick (RS_TYPE_RELATION_STATUS, rs_relation_get_status (relation)));
          n_edges++;
        }
    }
  g_assert_cmpuint (n_nodes, ==, count_drawn_nodes (board.scene));
  g_assert_cmpuint (n_edges, ==, count_drawn_edges (board.scene));
  xmlFreeDoc (doc);
}

/* CSV ----------------------------------------------------------------------- */

/* A strict RFC 4180 reader: the BOM, then records ending in CR LF, fields quoted or
 * bare (a bare field holds no quote, comma, CR or LF). Returns rows of GStrv. */
static GPtrArray *
csv_read (GBytes *bytes)
{
  gsize size;
  const char *p = g_bytes_get_data (bytes, &size);
  const char *end = p + size;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (size, >=, 3);
  g_assert_cmpmem (p, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_utf8_validate (p, size, NULL));
  p += 3;

  while (p < end)
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (p < end);
              if (*p == '"' && p + 1 < end && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; p < end && *p != ',' && *p != '\r'; p++)
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p);
          }
      g_ptr_array_add (row, g_string_free (field, FALSE));

      g_assert_true (p < end);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p + 1 < end && p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
    }
  return rows;
}

static GPtrArray *
csv_export (Board            *board,
            RsExportCsvTable  table,
            const char       *first_header)
{
  static const char * const names[] = { "entities.csv", "relations.csv", "events.csv", "quotes.csv" };
  g_autoptr(GBytes) bytes = export (board, rs_export_csv_write, table);
  GPtrArray *rows = csv_read (bytes);
  guint n_columns;

  /* The sample's tables, for a look in a spreadsheet. */
  if (g_str_has_prefix (rs_case_get_title (board_case (board)), "Tick"))
    keep_output (names[table], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (rows->len, >=, 1);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, first_header);
  n_columns = g_strv_length (rows->pdata[0]);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, n_columns);
  return rows;
}

/* What a text cell reads: the formula guard's "'" first where one is needed. */
static char *
guarded (const char *text)
{
  if (text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return g_strconcat ("'", text, NULL);
  return g_strdup (text ? text : "");
}

static void
assert_cell (char      **row,
             guint       column,
             const char *text)
{
  g_autofree char *want = guarded (text);

  g_assert_cmpstr (row[column], ==, want);
}

static void
test_csv_entities (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  guint n_aliases = 0;

  board_open_sample (&board, "csv-entities.redstring");
  rows = csv_export (&board, RS_EXPORT_CSV_ENTITIES, "id");
  g_assert_cmpuint (rows->len, ==, 1 + count_drawn_nodes (board.scene));
  {
    g_autofree char *head = g_strjoinv (",", rows->pdata[0]);

    g_assert_cmpstr (head, ==, "id,kind,name,aliases,x,y,documents");
  }
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      guint index;
      const RsBoardNode *node;
      g_autofree char *aliases = NULL;
      g_autofree char *docs = NULL;

      g_assert_true (rs_board_scene_lookup_node (board.scene, g_ascii_strtoll (row[0], NULL, 10), &index));
      node = rs_board_scene_get_node (board.scene, index);
      assert_cell (row, 1, rs_enum_to_nick (RS_TYPE_ENTITY_KIND, node->kind));
      assert_cell (row, 2, node->name);
      aliases = node->aliases ? g_strjoinv ("; ", node->aliases) : NULL;
      assert_cell (row, 3, aliases);
      n_aliases += aliases != NULL && *aliases != '\0';
      g_assert_cmpfloat (fabs (g_ascii_strtod (row[4], NULL) - node->x), <, 0.01);
      g_assert_cmpfloat (fabs (g_ascii_strtod (row[5], NULL) - node->y), <, 0.01);
      docs = g_strdup_printf ("%u", node->n_documents);
      g_assert_cmpstr (row[6], ==, docs);
    }
  g_assert_cmpuint (n_aliases, >, 0);
}

static void
test_csv_relations (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  board_open_sample (&board, "csv-relations.redstring");
  rows = csv_export (&board, RS_EXPORT_CSV_RELATIONS, "id");
  g_assert_cmpuint (rows->len, ==, 1 + count_drawn_edges (board.scene));
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      RsRelation *relation = rs_case_lookup_relation (board_case (&board),
                                                      g_ascii_strtoll (row[0], NULL, 10));
      g_autofree char *source = NULL;
      g_autofree char *target = NULL;

      g_assert_nonnull (relation);
      source = g_strdup_printf ("%" G_GINT64_FORMAT, rs_relation_get_source_id (relation));
      target = g_strdup_printf ("%" G_GINT64_FORMAT, rs_relation_get_target_id (relation));
      g_assert_cmpstr (row[1], ==, source);
      assert_cell (row, 2, entity_name (board_case (&board), rs_relation_get_source_id (relation)));
      g_assert_cmpstr (row[3], ==, target);
      assert_cell (row, 4, entity_name (board_case (&board), rs_relation_get_target_id (relation)));
      assert_cell (row, 5, rs_relation_get_label (relation));
      assert_cell (row, 6, rs_enum_to_nick (RS_TYPE_RELATION_STATUS, rs_relation_get_status (relation)));
      assert_cell (row, 7, rs_relation_get_directed (relation) ? "true" : "false");
    }
}

static void
test_csv_events (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *events;

  board_open_sample (&board, "csv-events.redstring");
  events = rs_case_get_events (board_case (&board));
  rows = csv_export (&board, RS_EXPORT_CSV_EVENTS, "id");
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  g_assert_cmpuint (rows->len, ==, 1 + g_list_model_get_n_items (events));
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      RsEvent *event = rs_case_lookup_event (board_case (&board), g_ascii_strtoll (row[0], NULL, 10));
      RsFuzzyDate *date;
      g_autofree char *start = NULL;
      g_autofree char *phrase = NULL;

      g_assert_nonnull (event);
      date = rs_event_get_date (event);
      g_assert_nonnull (date);
      start = rs_fuzzy_date_dup_start (date);
      phrase = rs_fuzzy_date_format (date);
      assert_cell (row, 1, start);
      assert_cell (row, 3, phrase);
      assert_cell (row, 4, rs_enum_to_nick (RS_TYPE_DATE_PRECISION, rs_fuzzy_date_get_precision (date)));
      assert_cell (row, 6, rs_event_get_title (event));
    }
}

static void
test_csv_quotes (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *quotes;
  guint n_backed = 0;

  board_open_sample (&board, "csv-quotes.redstring");
  quotes = rs_case_get_quotes (board_case (&board));
  rows = csv_export (&board, RS_EXPORT_CSV_QUOTES, "id");
  g_assert_cmpuint (rows->len, ==, 1 + g_list_model_get_n_items (quotes));
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      RsQuote *quote = rs_case_lookup_quote (board_case (&board), g_ascii_strtoll (row[0], NULL, 10));
      RsDocument *document;
      g_autofree char *start = NULL;

      g_assert_nonnull (quote);
      document = rs_case_lookup_document (board_case (&board), rs_quote_get_document_id (quote));
      assert_cell (row, 1, rs_document_get_title (document));
      assert_cell (row, 2, rs_document_get_publisher (document));
      assert_cell (row, 3, rs_document_get_published (document));
      assert_cell (row, 4, rs_document_get_url (document));
      assert_cell (row, 5, rs_quote_get_text (quote));
      start = g_strdup_printf ("%" G_GINT64_FORMAT, rs_quote_get_start (quote));
      g_assert_cmpstr (row[6], ==, start);
      n_backed += row[8][0] != '\0';
    }
  g_assert_cmpuint (n_backed, >, 0);
}

/* Hostile labels ------------------------------------------------------------ */

static void
open_hostile (Board *board)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  board->store = rs_test_open_new_case ("hostile.redstring");
  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      RsEntity *entity = rs_test_add_entity (board->store, RS_ENTITY_KIND_OTHER,
                                             rs_test_hostile_labels[i].label);
      gint64 id = rs_entity_get_id (entity);

      g_array_append_val (ids, id);
    }
  /* Each label on a relation too, from its entity to the next. */
  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsChange) change = NULL;
      gint64 relation_id;

      change = rs_case_edit_create_relation (board->store, g_array_index (ids, gint64, i),
                                             g_array_index (ids, gint64, (i + 1) % ids->len),
                                             rs_test_hostile_labels[i].label, i % 2 == 0,
                                             RS_RELATION_STATUS_REPORTED, &relation_id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (change);
    }
  board_build_scene (board);
}

static void
test_hostile_dot (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *svg = NULL;
  Agraph_t *graph;
  guint n_found = 0;
  int status;

  open_hostile (&board);
  bytes = export (&board, rs_export_dot_write, 0);
  graph = dot_read (bytes);
  g_assert_cmpint (agnnodes (graph), ==, G_N_ELEMENTS (rs_test_hostile_labels));
  g_assert_cmpint (agnedges (graph), ==, G_N_ELEMENTS (rs_test_hostile_labels));
  for (Agnode_t *n = agfstnode (graph); n != NULL; n = agnxtnode (graph, n))
    {
      RsEntity *entity = rs_case_lookup_entity (board_case (&board),
                                                g_ascii_strtoll (agnameof (n) + 1, NULL, 10));
      g_autofree char *label = dot_label_text (get (n, "label"));

      g_assert_nonnull (entity);
      g_assert_cmpstr (label, ==, rs_entity_get_name (entity));
      for (Agedge_t *e = agfstout (graph, n); e != NULL; e = agnxtout (graph, e))
        {
          g_autofree char *edge_label = dot_label_text (get (e, "label"));

          /* Each relation carries its source's label (see open_hostile()). */
          g_assert_cmpstr (edge_label, ==, rs_entity_get_name (entity));
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, ==, G_N_ELEMENTS (rs_test_hostile_labels));
  agclose (graph);

  /* Graphviz draws it: nothing in a label ended the string or the graph early. */
  path = write_temp (bytes, "hostile.dot");
  svg = run ((const char *[]) { "neato", "-n2", "-Tsvg", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  {
    xmlDoc *doc = xmlReadMemory (svg, strlen (svg), "hostile.svg", NULL, XML_PARSE_NONET);
    g_autoptr(GHashTable) svg_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    guint n_edges = 0;

    g_assert_nonnull (doc);
    svg_collect (xmlDocGetRootElement (doc), svg_nodes, &n_edges);
    g_assert_cmpuint (g_hash_table_size (svg_nodes), ==, G_N_ELEMENTS (rs_test_hostile_labels));
    g_assert_cmpuint (n_edges, ==, G_N_ELEMENTS (rs_test_hostile_labels));
    xmlFreeDoc (doc);
  }
}

static void
test_hostile_graphml (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  xmlDoc *doc;
  xmlNode *graph;
  guint n_nodes = 0, n_edges = 0;

  open_hostile (&board);
  bytes = export (&board, rs_export_graphml_write, 0);
  doc = graphml_read (bytes, &graph);
  for (xmlNode *c = graph->children; c != NULL; c = c->next)
    {
      g_autoptr(GHashTable) data = NULL;
      g_autofree char *id = NULL;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      data = graphml_data (c);
      id = xml_prop (c, "id");
      if (strcmp ((const char *) c->name, "node") == 0)
        {
          RsEntity *entity = rs_case_lookup_entity (board_case (&board), g_ascii_strtoll (id + 1, NULL, 10));

          g_assert_nonnull (entity);
          g_assert_cmpstr (g_hash_table_lookup (data, "label"), ==, rs_entity_get_name (entity));
          n_nodes++;
        }
      else if (strcmp ((const char *) c->name, "edge") == 0)
        {
          RsRelation *relation = rs_case_lookup_relation (board_case (&board), g_ascii_strtoll (id + 1, NULL, 10));

          g_assert_nonnull (relation);
          g_assert_cmpstr (g_hash_table_lookup (data, "e_label"), ==, rs_relation_get_label (relation));
          n_edges++;
        }
    }
  g_assert_cmpuint (n_nodes, ==, G_N_ELEMENTS (rs_test_hostile_labels));
  g_assert_cmpuint (n_edges, ==, G_N_ELEMENTS (rs_test_hostile_labels));
  xmlFreeDoc (doc);
}

static void
test_hostile_csv (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  guint n_guarded = 0;

  open_hostile (&board);
  entities = csv_export (&board, RS_EXPORT_CSV_ENTITIES, "id");
  relations = csv_export (&board, RS_EXPORT_CSV_RELATIONS, "id");
  g_assert_cmpuint (entities->len, ==, 1 + G_N_ELEMENTS (rs_test_hostile_labels));
  g_assert_cmpuint (relations->len, ==, 1 + G_N_ELEMENTS (rs_test_hostile_labels));

  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      const char *label = rs_test_hostile_labels[i].label;
      const char *name = NULL;
      const char *relation_label = NULL;

      for (guint r = 1; r < entities->len; r++)
        if (g_strcmp0 (((char **) entities->pdata[r])[2], label) == 0 ||
            (((char **) entities->pdata[r])[2][0] == '\'' &&
             g_strcmp0 (((char **) entities->pdata[r])[2] + 1, label) == 0))
          name = ((char **) entities->pdata[r])[2];
      for (guint r = 1; r < relations->len; r++)
        if (g_strcmp0 (((char **) relations->pdata[r])[5], label) == 0 ||
            (((char **) relations->pdata[r])[5][0] == '\'' &&
             g_strcmp0 (((char **) relations->pdata[r])[5] + 1, label) == 0))
          relation_label = ((char **) relations->pdata[r])[5];
      g_assert_nonnull (name);
      g_assert_nonnull (relation_label);

      /* Formulas read back as text: exactly one "'" before them; nothing else changed. */
      if (g_str_has_prefix (rs_test_hostile_labels[i].name, "formula-"))
        {
          g_autofree char *want = g_strconcat ("'", label, NULL);

          g_assert_cmpstr (name, ==, want);
          g_assert_cmpstr (relation_label, ==, want);
          n_guarded++;
        }
      else
        {
          g_assert_cmpstr (name, ==, label);
          g_assert_cmpstr (relation_label, ==, label);
        }
    }
  g_assert_cmpuint (n_guarded, ==, 5);
}

/* What the filter removes is left out of every data export; what it dims is kept (DOT
 * draws it faded); CSV without a scene is the whole case. */
static void
test_filtered (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GBytes) graphml = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint n_entities, n_organizations = 0, n_faded = 0;
  Agraph_t *graph;
  xmlDoc *doc;
  xmlNode *root;

  board_open_sample (&board, "filtered.redstring");
  n_entities = g_list_model_get_n_items (rs_case_get_entities (board_case (&board)));

  /* Without a scene, CSV has every entity. */
  g_clear_pointer (&board.scene, rs_board_scene_unref);
  all = csv_export (&board, RS_EXPORT_CSV_ENTITIES, "id");
  g_assert_cmpuint (all->len, ==, 1 + n_entities);

  rs_board_filter_set_kind_visible (filter, RS_ENTITY_KIND_ORGANIZATION, FALSE);
  rs_board_filter_set_remove_hidden (filter, TRUE);
  board.scene = rs_board_scene_new (board_case (&board), filter, style);
  for (guint i = 0; i < rs_board_scene_get_n_nodes (board.scene); i++)
    n_organizations += rs_board_scene_get_node (board.scene, i)->kind == RS_ENTITY_KIND_ORGANIZATION;
  g_assert_cmpuint (n_organizations, >, 0);
  g_assert_cmpuint (count_drawn_nodes (board.scene), ==, n_entities - n_organizations);

  dot = export (&board, rs_export_dot_write, 0);
  graph = dot_read (dot);
  g_assert_cmpint (agnnodes (graph), ==, count_drawn_nodes (board.scene));
  g_assert_cmpint (agnedges (graph), ==, count_drawn_edges (board.scene));
  for (Agnode_t *n = agfstnode (graph); n != NULL; n = agnxtnode (graph, n))
    g_assert_cmpstr (get (n, "kind"), !=, "organization");
  agclose (graph);

  graphml = export (&board, rs_export_graphml_write, 0);
  doc = graphml_read (graphml, &root);
  {
    guint n_nodes = 0;

    for (xmlNode *c = root->children; c != NULL; c = c->next)
      if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "node") == 0)
        {
          g_autoptr(GHashTable) data = graphml_data (c);

          g_assert_cmpstr (g_hash_table_lookup (data, "kind"), !=, "organization");
          n_nodes++;
        }
    g_assert_cmpuint (n_nodes, ==, count_drawn_nodes (board.scene));
  }
  xmlFreeDoc (doc);

  entities = csv_export (&board, RS_EXPORT_CSV_ENTITIES, "id");
  relations = csv_export (&board, RS_EXPORT_CSV_RELATIONS, "id");
  g_assert_cmpuint (entities->len, ==, 1 + count_drawn_nodes (board.scene));
  g_assert_cmpuint (relations->len, ==, 1 + count_drawn_edges (board.scene));
  for (guint i = 1; i < entities->len; i++)
    g_assert_cmpstr (((char **) entities->pdata[i])[1], !=, "organization");

  /* Dimmed instead: all there, the organisations faded (#rrggbbaa). */
  rs_board_filter_set_remove_hidden (filter, FALSE);
  g_clear_pointer (&board.scene, rs_board_scene_unref);
  board.scene = rs_board_scene_new (board_case (&board), filter, style);
  g_clear_pointer (&dot, g_bytes_unref);
  dot = export (&board, rs_export_dot_write, 0);
  graph = dot_read (dot);
  g_assert_cmpint (agnnodes (graph), ==, n_entities);
  for (Agnode_t *n = agfstnode (graph); n != NULL; n = agnxtnode (graph, n))
    {
      gboolean faded = strlen (get (n, "fillcolor")) == 9;

      g_assert_cmpint (faded, ==, g_str_equal (get (n, "kind"), "organization"));
      n_faded += faded;
    }
  g_assert_cmpuint (n_faded, ==, n_organizations);
  agclose (graph);
}

static void
test_cancelled (void)
{
  g_auto(Board) board = { 0 };
  RsExportOptions options = { .legend = TRUE, .scale = 1 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  WriteFunc writers[] = { rs_export_dot_write, rs_export_graphml_write, rs_export_csv_write };

  board_open_sample (&board, "cancelled.redstring");
  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;

      g_assert_false (writers[i] (board_case (&board), board.scene, &options, out, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* cgraph's warnings go to stderr, where a test's TAP output does not look. */
  agseterr (AGERR);

  g_test_add_func ("/export/dot/sample", test_dot_sample);
  g_test_add_func ("/export/dot/neato", test_dot_neato);
  g_test_add_func ("/export/dot/relayout", test_dot_relayout);
  g_test_add_func ("/export/graphml/sample", test_graphml_sample);
  g_test_add_func ("/export/csv/entities", test_csv_entities);
  g_test_add_func ("/export/csv/relations", test_csv_relations);
  g_test_add_func ("/export/csv/events", test_csv_events);
  g_test_add_func ("/export/csv/quotes", test_csv_quotes);
  g_test_add_func ("/export/hostile/dot", test_hostile_dot);
  g_test_add_func ("/export/hostile/graphml", test_hostile_graphml);
  g_test_add_func ("/export/hostile/csv", test_hostile_csv);
  g_test_add_func ("/export/filtered", test_filtered);
  g_test_add_func ("/export/cancelled", test_cancelled);
  return g_test_run ();
}
