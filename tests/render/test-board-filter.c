/* test-board-filter.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-board-filter.h"
#include "rs-board-scene.h"
#include "rs-render-test-utils.h"
#include "rs-test-utils.h"

typedef struct
{
  RsCaseStore   *store;
  RsBoardFilter *filter;
  RsBoardStyle  *style;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("filter.redstring");
  rs_render_test_place_grid (fixture->store, 6, 260, 100);
  fixture->filter = rs_board_filter_new ();
  fixture->style = rs_board_style_new (FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->style, rs_board_style_unref);
  g_assert_finalize_object (fixture->filter);
  g_assert_finalize_object (fixture->store);
}

static RsBoardScene *
build (Fixture *fixture)
{
  return rs_board_scene_new (rs_case_store_get_case (fixture->store), fixture->filter,
                             fixture->style);
}

static gboolean
node_shown (RsBoardScene *scene,
            gint64        id)
{
  guint index;

  g_assert_true (rs_board_scene_lookup_node (scene, id, &index));
  return (rs_board_scene_get_node (scene, index)->flags &
          (RS_BOARD_ITEM_DIMMED | RS_BOARD_ITEM_REMOVED)) == 0;
}

static gboolean
edge_shown (RsBoardScene *scene,
            guint         index)
{
  return (rs_board_scene_get_edge (scene, index)->flags &
          (RS_BOARD_ITEM_DIMMED | RS_BOARD_ITEM_REMOVED)) == 0;
}

static guint
count_shown_nodes (RsBoardScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    n += node_shown (scene, rs_board_scene_get_node (scene, i)->id);
  return n;
}

static void
test_new_destroy (void)
{
  RsBoardFilter *filter = rs_board_filter_new ();

  g_assert_false (rs_board_filter_get_active (filter));
  g_assert_cmpuint (rs_board_filter_get_statuses (filter), ==, RS_BOARD_FILTER_ALL_STATUSES);
  g_assert_cmpuint (rs_board_filter_get_focus_hops (filter), ==, 1);
  g_assert_finalize_object (filter);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *counter)
{
  (*counter)++;
}

static void
changed_cb (RsBoardFilter *filter,
            guint         *counter)
{
  (*counter)++;
}

static void
test_notify_contract (void)
{
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  guint notifies = 0, changes = 0;

  g_signal_connect (filter, "notify::text", G_CALLBACK (notify_cb), &notifies);
  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &changes);

  rs_board_filter_set_text (filter, "tick");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (rs_board_filter_get_active (filter));

  /* Same value: nothing. Blank text: back to no filter. */
  rs_board_filter_set_text (filter, "tick");
  g_assert_cmpuint (notifies, ==, 1);
  rs_board_filter_set_text (filter, "   ");
  g_assert_null (rs_board_filter_get_text (filter));
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_false (rs_board_filter_get_active (filter));

  g_object_set (filter, "focus-id", (gint64)5, "focus-hops", 2u, NULL);
  g_assert_cmpuint (changes, ==, 4);
  rs_board_filter_reset (filter);
  g_assert_cmpuint (changes, ==, 5);
  g_assert_false (rs_board_filter_get_active (filter));
}

static void
test_kind (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = NULL;
  guint n_dimmed = 0;

  rs_board_filter_set_kind_visible (fixture->filter, RS_ENTITY_KIND_ORGANIZATION, FALSE);
  scene = build (fixture);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      g_assert_cmpint (node_shown (scene, node->id), ==, node->kind != RS_ENTITY_KIND_ORGANIZATION);
      n_dimmed += (node->flags & RS_BOARD_ITEM_DIMMED) != 0;
      g_assert_false (node->flags & RS_BOARD_ITEM_REMOVED);
    }
  g_assert_cmpuint (n_dimmed, >, 0);

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      RsEntityKind source = rs_board_scene_get_node (scene, edge->source)->kind;
      RsEntityKind target = rs_board_scene_get_node (scene, edge->target)->kind;
      gboolean ends_shown = source != RS_ENTITY_KIND_ORGANIZATION &&
                            target != RS_ENTITY_KIND_ORGANIZATION;

      g_assert_cmpint (edge_shown (scene, i), ==, ends_shown);
    }

  /* Removed instead of dimmed: not drawn, not in the grid, still in the scene. */
  rs_board_filter_set_remove_hidden (fixture->filter, TRUE);
  g_clear_pointer (&scene, rs_board_scene_unref);
  scene = build (fixture);
  g_assert_cmpuint (rs_board_scene_get_n_nodes (scene), ==, 38);
  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      g_assert_cmpint (!!(node->flags & RS_BOARD_ITEM_REMOVED), ==,
                       node->kind == RS_ENTITY_KIND_ORGANIZATION);
    }
}

/* Independently of the scene: every target that a non-contradicting quote of the document
 * is evidence for. */
static GHashTable *
targets_supported_by (RsCase   *kase,
                      gint64    document_id,
                      RsTarget  target)
{
  GListModel *evidence = rs_case_get_evidence (kase);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(RsEvidence) item = g_list_model_get_item (evidence, i);
      RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (item));

      if (rs_evidence_get_target (item) != target ||
          rs_evidence_get_stance (item) == RS_STANCE_CONTRADICTS ||
          rs_quote_get_document_id (quote) != document_id)
        continue;
      g_hash_table_add (ids, g_memdup2 (&(gint64) { rs_evidence_get_target_id (item) },
                                        sizeof (gint64)));
    }
  return ids;
}

static void
test_document (Fixture       *fixture,
               gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  gint64 breitbart = rs_render_test_document_id (fixture->store, "Breitbart");
  g_autoptr(GHashTable) entities = targets_supported_by (kase, breitbart, RS_TARGET_ENTITY);
  g_autoptr(GHashTable) relations = targets_supported_by (kase, breitbart, RS_TARGET_RELATION);
  g_autoptr(RsBoardScene) scene = NULL;
  guint n_shown = 0;

  rs_board_filter_set_document_id (fixture->filter, breitbart);
  scene = build (fixture);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      g_assert_cmpint (node_shown (scene, node->id), ==,
                       g_hash_table_contains (entities, &node->id));
      n_shown += node_shown (scene, node->id);
    }

  /* The report supports part of the case, not all of it. */
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <, 38);
  g_assert_false (node_shown (scene, rs_render_test_entity_id (fixture->store, "John Hultquist")));

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      gint64 source = rs_board_scene_get_node (scene, edge->source)->id;
      gint64 target = rs_board_scene_get_node (scene, edge->target)->id;
      gboolean expected = g_hash_table_contains (relations, &edge->id) &&
                          g_hash_table_contains (entities, &source) &&
                          g_hash_table_contains (entities, &target);

      g_assert_cmpint (edge_shown (scene, i), ==, expected);
    }
}

static void
test_status (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = NULL;
  guint n_alleged = 0;

  rs_board_filter_set_status_visible (fixture->filter, RS_RELATION_STATUS_ALLEGED, FALSE);
  rs_board_filter_set_status_visible (fixture->filter, RS_RELATION_STATUS_DISPUTED, FALSE);
  scene = build (fixture);

  g_assert_cmpuint (count_shown_nodes (scene), ==, 38);
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      gboolean hidden = edge->status == RS_RELATION_STATUS_ALLEGED ||
                        edge->status == RS_RELATION_STATUS_DISPUTED;

      g_assert_cmpint (edge_shown (scene, i), ==, !hidden);
      n_alleged += edge->status == RS_RELATION_STATUS_ALLEGED;
    }
  g_assert_cmpuint (n_alleged, ==, 17);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = NULL;

  /* An alias, in another case. */
  rs_board_filter_set_text (fixture->filter, "bronze butler");
  scene = build (fixture);
  g_assert_cmpuint (count_shown_nodes (scene), ==, 1);
  g_assert_true (node_shown (scene, rs_render_test_entity_id (fixture->store, "Tick")));
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    g_assert_false (edge_shown (scene, i));
  g_clear_pointer (&scene, rs_board_scene_unref);

  /* A substring of names: "Unnamed ..." entities, and nothing else. */
  rs_board_filter_set_text (fixture->filter, "UNNAMED");
  scene = build (fixture);
  g_assert_cmpuint (count_shown_nodes (scene), ==, 6);
  g_assert_true (node_shown (scene, rs_render_test_entity_id (fixture->store,
                                                              "Unnamed Japanese company")));
  g_assert_false (node_shown (scene, rs_render_test_entity_id (fixture->store, "Japan")));
  g_clear_pointer (&scene, rs_board_scene_unref);

  /* Typographic apostrophe in "People’s Liberation Army" and in the alias. */
  rs_board_filter_set_text (fixture->filter, "china’s military");
  scene = build (fixture);
  g_assert_cmpuint (count_shown_nodes (scene), ==, 1);
  g_assert_true (node_shown (scene, rs_render_test_entity_id (fixture->store,
                                                              "People’s Liberation Army")));
}

static GHashTable *
neighbourhood (RsCase *kase,
               gint64  focus,
               guint   hops)
{
  GHashTable *seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) frontier = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_add (seen, g_memdup2 (&focus, sizeof focus));
  g_ptr_array_add (frontier, g_memdup2 (&focus, sizeof focus));

  for (guint hop = 0; hop < hops; hop++)
    {
      g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < frontier->len; i++)
        {
          gint64 id = *(gint64 *)g_ptr_array_index (frontier, i);
          g_autoptr(GPtrArray) relations = rs_case_dup_relations_of (kase, id);

          for (guint k = 0; k < relations->len; k++)
            {
              RsRelation *relation = g_ptr_array_index (relations, k);
              gint64 other = rs_relation_get_source_id (relation) == id ?
                             rs_relation_get_target_id (relation) :
                             rs_relation_get_source_id (relation);

              if (g_hash_table_contains (seen, &other))
                continue;
              g_hash_table_add (seen, g_memdup2 (&other, sizeof other));
              g_ptr_array_add (next, g_memdup2 (&other, sizeof other));
            }
        }
      g_ptr_array_unref (frontier);
      frontier = g_steal_pointer (&next);
    }

  return seen;
}

static void
test_focus (Fixture       *fixture,
            gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  gint64 tick = rs_render_test_entity_id (fixture->store, "Tick");

  rs_board_filter_set_focus_id (fixture->filter, tick);

  for (guint hops = 0; hops <= 3; hops++)
    {
      g_autoptr(GHashTable) expected = neighbourhood (kase, tick, hops);
      g_autoptr(RsBoardScene) scene = NULL;

      rs_board_filter_set_focus_hops (fixture->filter, hops);
      scene = build (fixture);

      for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (scene, i);

          g_assert_cmpint (node_shown (scene, node->id), ==, g_hash_table_contains (expected,
                                                                                    &node->id));
        }
      g_assert_cmpuint (count_shown_nodes (scene), ==, g_hash_table_size (expected));
      if (hops == 0)
        g_assert_cmpuint (count_shown_nodes (scene), ==, 1);
      if (hops == 1)
        g_assert_cmpuint (count_shown_nodes (scene), >, 5);
    }

  /* Criteria combine: Tick's neighbours that are organisations are dimmed too. */
  rs_board_filter_set_focus_hops (fixture->filter, 1);
  rs_board_filter_set_kind_visible (fixture->filter, RS_ENTITY_KIND_ORGANIZATION, FALSE);
  {
    g_autoptr(RsBoardScene) scene = build (fixture);

    g_assert_true (node_shown (scene, tick));
    g_assert_false (node_shown (scene, rs_render_test_entity_id (fixture->store, "FireEye Inc.")));
    g_assert_true (node_shown (scene, rs_render_test_entity_id (fixture->store, "China")));
  }

  /* A focus that is not in the case filters nothing. */
  rs_board_filter_reset (fixture->filter);
  rs_board_filter_set_focus_id (fixture->filter, 999999);
  {
    g_autoptr(RsBoardScene) scene = build (fixture);

    g_assert_cmpuint (count_shown_nodes (scene), ==, 38);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/filter/new-destroy", test_new_destroy);
  g_test_add_func ("/render/filter/notify-contract", test_notify_contract);
  g_test_add ("/render/filter/kind", Fixture, NULL, fixture_set_up, test_kind, fixture_tear_down);
  g_test_add ("/render/filter/document", Fixture, NULL, fixture_set_up, test_document,
              fixture_tear_down);
  g_test_add ("/render/filter/status", Fixture, NULL, fixture_set_up, test_status,
              fixture_tear_down);
  g_test_add ("/render/filter/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/render/filter/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);

  return g_test_run ();
}
