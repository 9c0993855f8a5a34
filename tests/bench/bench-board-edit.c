/* bench-board-edit.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rs-board-painter.h"
#include "rs-board-scene.h"
#include "rs-case-store.h"
#include "rs-test-utils.h"

/* How long an edit takes to show on a big board, for `make bench` (never a unit test):
 *
 *   bench-board-edit [ENTITIES…]     (default: 5000 20000)
 *
 * A laid-out board (generated: a grid with jitter, ~1.5 relations per entity) is shown
 * as the board view shows it: a scene, updated from RsCase::changes. Each figure is wall
 * clock from the store write to the visible area (1600×1000 at zoom 1) drawn again into a
 * cairo image surface: the write, the scene update and one render. The full scene build
 * it replaces is printed beside it. Targets: < 100 ms at 5,000, < 150 ms at 20,000. */

#define VIEW_W 1600
#define VIEW_H 1000

typedef struct
{
  RsBoardScene *scene;
  RsBoardStyle *style;
  RsCase       *kase;
  gboolean      rebuilt;
} Board;

static void
on_changes_cb (RsCase        *kase,
               RsCaseChanges *changes,
               Board         *board)
{
  if (!rs_board_scene_apply_changes (board->scene, kase, NULL, board->style, changes))
    {
      rs_board_scene_unref (board->scene);
      board->scene = rs_board_scene_new (kase, NULL, board->style);
      board->rebuilt = TRUE;
    }
}

static void
render_around (Board  *board,
               double  x,
               double  y)
{
  RsBoardPaintParams params = {
    .scale = 1,
    .clip = { x - VIEW_W / 2.0, y - VIEW_H / 2.0, VIEW_W, VIEW_H },
    .lod = RS_BOARD_LOD_AUTO,
    .flags = RS_BOARD_PAINT_BACKGROUND | RS_BOARD_PAINT_GRID,
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, -params.clip.x, -params.clip.y);
  rs_board_painter_draw (cr, board->scene, board->style, &params);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench (guint n)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.redstring", n);
  g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
  g_autoptr(GError) error = NULL;
  Board board = { 0 };
  gint64 middle, start;
  double t_build, t_entity, t_relation, t_rename, t_drag, t_render;
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(RsRelation) link = rs_relation_new (0);
  const char * const no_aliases[] = { NULL };
  RsEntity *entity, *hub;
  RsNodePlacement place;
  const RsBoardNode *node;
  guint index;

  middle = rs_test_make_grid_board (store, n, "", FALSE);
  board.kase = rs_case_store_get_case (store);
  board.style = rs_board_style_new (FALSE);

  start = g_get_monotonic_time ();
  board.scene = rs_board_scene_new (board.kase, NULL, board.style);
  t_build = ms_since (start);
  g_signal_connect (board.kase, "changes", G_CALLBACK (on_changes_cb), &board);

  hub = rs_case_lookup_entity (board.kase, middle);
  start = g_get_monotonic_time ();
  render_around (&board, rs_entity_get_x (hub), rs_entity_get_y (hub));
  t_render = ms_since (start);

  /* A new entity, without a position: provisional place, no layout. */
  rs_entity_set_kind (draft, RS_ENTITY_KIND_PERSON);
  rs_entity_set_name (draft, "Newcomer");
  start = g_get_monotonic_time ();
  entity = rs_case_store_add_entity (store, draft, &error);
  g_assert_no_error (error);
  g_assert_true (rs_board_scene_lookup_node (board.scene, rs_entity_get_id (entity), &index));
  node = rs_board_scene_get_node (board.scene, index);
  render_around (&board, node->x, node->y);
  t_entity = ms_since (start);

  /* A relation from it to an entity in the middle of the board. */
  rs_relation_set_source_id (link, rs_entity_get_id (entity));
  rs_relation_set_target_id (link, rs_entity_get_id (hub));
  rs_relation_set_label (link, "met");
  start = g_get_monotonic_time ();
  g_assert_nonnull (rs_case_store_add_relation (store, link, &error));
  g_assert_no_error (error);
  render_around (&board, rs_entity_get_x (hub), rs_entity_get_y (hub));
  t_relation = ms_since (start);

  start = g_get_monotonic_time ();
  g_assert_true (rs_case_store_update_entity (store, rs_entity_get_id (hub), RS_ENTITY_KIND_UNIT,
                                              "A much longer name for the hub", no_aliases, "",
                                              &error));
  render_around (&board, rs_entity_get_x (hub), rs_entity_get_y (hub));
  t_rename = ms_since (start);

  place = (RsNodePlacement) { rs_entity_get_id (hub), rs_entity_get_x (hub) + 50,
                              rs_entity_get_y (hub) + 30, FALSE };
  start = g_get_monotonic_time ();
  g_assert_true (rs_case_store_set_board (store, &place, 1, NULL, 0, &error));
  render_around (&board, place.x, place.y);
  t_drag = ms_since (start);

  g_print ("%6u entities %6u relations: full scene build %7.1f ms, render %5.1f ms | "
           "add entity %5.1f ms, add relation %5.1f ms, rename %5.1f ms, drop a dragged node "
           "%5.1f ms%s\n",
           n, g_list_model_get_n_items (rs_case_get_relations (board.kase)), t_build, t_render,
           t_entity, t_relation, t_rename, t_drag, board.rebuilt ? " (REBUILT: not incremental)" : "");

  g_signal_handlers_disconnect_by_func (board.kase, on_changes_cb, &board);
  rs_board_scene_unref (board.scene);
  rs_board_style_unref (board.style);
}

static void
bench_cb (gconstpointer data)
{
  bench (GPOINTER_TO_UINT (data));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Test cases only for the isolated directories the case files go to. */
  for (int i = 1; i < (argc > 1 ? argc : 3); i++)
    {
      guint n = argc > 1 ? (guint)atoi (argv[i]) : (i == 1 ? 5000 : 20000);
      g_autofree char *path = g_strdup_printf ("/bench/board-edit/%u", n);

      g_test_add_data_func (path, GUINT_TO_POINTER (n), bench_cb);
    }
  return g_test_run ();
}
