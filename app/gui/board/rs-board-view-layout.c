/* rs-board-view-layout.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include "rs-board-view-private.h"

/* Laying out the board: the core's RsLayoutController does the work (a worker thread, a
 * newer layout cancelling the older, one rs_case_store_set_board() call, or the screen
 * only for a read-only case); the board decides when, and follows what happened.
 *
 * - Entities without a position are placed when the case shows up or changes: all of them
 *   when none has a position, otherwise only the new ones, the others staying fixed.
 * - board.relayout lays out everything again except pinned nodes.
 * - A case whose entities all have positions is never laid out by itself. */

typedef struct
{
  /* Weak: a layout still running must not keep the board (and, through its
   * template bindings, its window) alive after the window is closed. */
  GWeakRef     self;
  gboolean     everything;
} LayoutData;

static void
layout_data_free (LayoutData *data)
{
  g_weak_ref_clear (&data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LayoutData, layout_data_free)

void
_rs_board_view_cancel_layout (RsBoardView *self)
{
  /* Whatever is still running is stale now. */
  if (self->layout != NULL)
    rs_layout_controller_cancel (self->layout);

  if (self->layout_running)
    _rs_board_view_layout_state (self, FALSE, FALSE);
}

static void
layout_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  RsLayoutController *layout = RS_LAYOUT_CONTROLLER (object);
  g_autoptr(LayoutData) data = user_data;
  g_autoptr(RsBoardView) self = g_weak_ref_get (&data->self);
  g_autoptr(GError) error = NULL;
  gboolean applied;

  applied = rs_layout_controller_run_finish (layout, res, NULL, &error);

  /* Replaced by a newer layout, or the board (or its case) went away. */
  if (self == NULL || self->store == NULL || self->layout != layout ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_error (&self->layout_error);

  /* A board laid out anew is shown whole (its bounds can be anything now: circo draws
   * a ring several screens wide); placing a few entities leaves the view alone. */
  if (!applied)
    self->layout_error = g_steal_pointer (&error);
  else if (data->everything)
    _rs_board_view_request_auto_view (self, RS_BOARD_AUTO_VIEW_FIT);

  _rs_board_view_layout_state (self, FALSE, FALSE);

  /* Entities that arrived while this layout ran. */
  _rs_board_view_maybe_layout (self);
}

/**
 * _rs_board_view_start_layout:
 * @everything: lay out every node but the pinned ones; otherwise place only the nodes
 *   without a position, keeping the others fixed
 */
void
_rs_board_view_start_layout (RsBoardView *self,
                             gboolean     everything)
{
  LayoutData *data;

  if (self->scene == NULL || self->store == NULL || self->layout == NULL)
    return;

  _rs_board_view_cancel_layout (self);

  if (rs_board_scene_get_n_nodes (self->scene) == 0)
    return;

  data = g_new0 (LayoutData, 1);
  g_weak_ref_init (&data->self, self);
  /* As the controller sees it: nothing placed yet, the whole board is new. */
  data->everything = everything || rs_board_scene_get_n_placed (self->scene) == 0;

  self->layout_count++;
  _rs_board_view_layout_state (self, TRUE, TRUE);

  rs_layout_controller_set_engine (self->layout, self->engine);
  /* A locked window lays out for the screen only (a read-only case too: the controller
   * sees that itself). */
  rs_layout_controller_set_show_only (self->layout, self->locked);
  rs_layout_controller_run_async (self->layout, self->scene, everything, NULL,
                                  layout_done_cb, data);
}

/* After the case changed: place what has no place yet, unless that is under way. */
void
_rs_board_view_maybe_layout (RsBoardView *self)
{
  if (self->scene == NULL || self->store == NULL || self->layout_running)
    return;

  if (rs_board_scene_get_n_unplaced (self->scene) == 0)
    return;

  /* A failed layout is not retried on every change; board.relayout tries again. */
  if (self->layout_error != NULL)
    return;

  _rs_board_view_start_layout (self, FALSE);
}
