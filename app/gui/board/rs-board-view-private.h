/* rs-board-view-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-geometry.h"
#include "rs-board-painter.h"
#include "rs-board-scene.h"
#include "rs-board-style.h"
#include "rs-board-view.h"
#include "rs-layout-controller.h"

G_BEGIN_DECLS

#define RS_BOARD_VIEW_MIN_ZOOM  0.02
#define RS_BOARD_VIEW_MAX_ZOOM  4.0
#define RS_BOARD_VIEW_ZOOM_STEP 1.25

/* A view chosen for the user: kept (recomputed when the widget is resized) until the
 * user pans or zooms. */
typedef enum
{
  RS_BOARD_AUTO_VIEW_NONE,
  RS_BOARD_AUTO_VIEW_INITIAL,
  RS_BOARD_AUTO_VIEW_FIT,
} RsBoardAutoView;

typedef enum
{
  RS_BOARD_DRAG_NONE,
  RS_BOARD_DRAG_PAN,
  RS_BOARD_DRAG_MOVE,
  RS_BOARD_DRAG_RUBBER_BAND,
  RS_BOARD_DRAG_LINK,
} RsBoardDragMode;

struct _RsBoardView
{
  GtkWidget parent_instance;

  /* Owned */
  RsCaseStore     *store;
  RsCase          *kase;
  gboolean         locked;        /* the window's lock: no drag, link or saved layout */
  RsSelection     *selection;
  RsBoardFilter   *filter;
  RsBoardScene    *scene;
  RsBoardStyle    *style;
  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  GtkWidget       *legend;
  RsLayoutController *layout;        /* lays out self->store, NULL without one */
  GError          *layout_error;
  cairo_surface_t *cache_surface;
  GdkTexture      *cache_texture;     /* cache_surface for the GL renderer */
  GskRenderNode   *cache_node;        /* cache_surface for the cairo renderer */
  GCancellable    *render_cancellable; /* the picture being painted in a worker */
  gpointer         render_job;        /* borrowed from its GTask: what it paints */

  /* Signal handlers */
  gulong           case_changed_id;
  gulong           selection_changed_id;
  gulong           filter_changed_id;
  guint            rerender_id;

  /* View */
  RsBoardViewport  viewport;
  RsBoardAutoView  auto_view;
  RsLayoutEngine   engine;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;
  guint            dark : 1;
  guint            auto_view_pending : 1;
  guint            updating_adjustments : 1;
  guint            focus_visible : 1;

  /* The cached picture of the board: what it covers, at which scale, for which scene. */
  RsBoardRect      cache_rect;
  double           cache_scale;
  int              cache_scale_factor;
  guint            cache_serial;
  guint            serial;
  gint64           last_render_usec;
  double           rerender_scale;
  guint            frames_drawn;      /* snapshots that showed the board (make bench) */

  /* Layout */
  gboolean         layout_running;
  guint            layout_count;

  /* "Changes since…" (rs-board-view-marks.c): gint64 * id -> RsBoardMark; NULL: none */
  GHashTable      *node_marks;
  GHashTable      *edge_marks;

  /* Interaction */
  gint64           hover_node;
  gint64           hover_edge;
  gint64           focus_node;
  double           pointer_x;
  double           pointer_y;
  RsBoardDragMode  drag_mode;
  gboolean         drag_moved;
  guint            drag_node;
  double           drag_start_x;
  double           drag_start_y;
  double           drag_origin_x;
  double           drag_origin_y;
  RsBoardRect      rubber_band;
  gint64           link_source;       /* a relation being drawn (rs-board-view-link.c) */
  gint64           link_target;
  double           link_x;
  double           link_y;
  double           zoom_gesture_scale;
};

void     _rs_board_view_cancel_render      (RsBoardView    *self);
gboolean _rs_board_view_get_picture_ready  (RsBoardView    *self);
void     _rs_board_view_class_init_actions (GtkWidgetClass *widget_class);
void     _rs_board_view_snapshot           (GtkWidget      *widget,
                                            GtkSnapshot    *snapshot);
gboolean _rs_board_view_focus              (GtkWidget      *widget,
                                            GtkDirectionType direction);
gboolean _rs_board_view_query_tooltip      (GtkWidget      *widget,
                                            int             x,
                                            int             y,
                                            gboolean        keyboard_mode,
                                            GtkTooltip     *tooltip);
void     _rs_board_view_update_accessible  (RsBoardView    *self);
gboolean _rs_board_view_show_focus_ring    (RsBoardView    *self);
void     _rs_board_view_add_node_bounds    (RsBoardView    *self,
                                            guint           index,
                                            RsBoardRect    *bounds,
                                            gboolean       *any);
void     _rs_board_view_add_mark_bounds  (RsBoardView    *self,
                                          RsBoardRect    *bounds,
                                          gboolean       *any);
void     _rs_board_view_add_selection_bounds (RsBoardView  *self,
                                              RsBoardRect  *bounds,
                                              gboolean     *any);
void     _rs_board_view_add_edge_bounds    (RsBoardView    *self,
                                            guint           index,
                                            RsBoardRect    *bounds,
                                            gboolean       *any);
void     _rs_board_view_init_input         (RsBoardView    *self);
gboolean _rs_board_view_get_link_knob      (RsBoardView    *self,
                                            gint64          entity_id,
                                            double         *widget_x,
                                            double         *widget_y);
gint64   _rs_board_view_pick_link_knob     (RsBoardView    *self,
                                            double          x,
                                            double          y);
void     _rs_board_view_begin_link         (RsBoardView    *self,
                                            gint64          source);
void     _rs_board_view_update_link        (RsBoardView    *self,
                                            double          x,
                                            double          y);
void     _rs_board_view_finish_link        (RsBoardView    *self);
void     _rs_board_view_cancel_link        (RsBoardView    *self);
void     _rs_board_view_snapshot_link      (RsBoardView    *self,
                                            GtkSnapshot    *snapshot);
void     _rs_board_view_emit_link_requested (RsBoardView   *self,
                                             gint64         source,
                                             gint64         target,
                                             double         x,
                                             double         y);
void     _rs_board_view_update_actions     (RsBoardView    *self);

void     _rs_board_view_start_layout       (RsBoardView    *self,
                                            gboolean        everything);
void     _rs_board_view_cancel_layout      (RsBoardView    *self);
void     _rs_board_view_maybe_layout       (RsBoardView    *self);
void     _rs_board_view_layout_state       (RsBoardView    *self,
                                            gboolean        running,
                                            gboolean        started);

void     _rs_board_view_set_viewport       (RsBoardView    *self,
                                            const RsBoardViewport *viewport);
void     _rs_board_view_request_auto_view  (RsBoardView    *self,
                                            RsBoardAutoView auto_view);
void     _rs_board_view_zoom_at            (RsBoardView    *self,
                                            double          zoom,
                                            double          widget_x,
                                            double          widget_y);
void     _rs_board_view_pan_by             (RsBoardView    *self,
                                            double          dx,
                                            double          dy);
void     _rs_board_view_invalidate         (RsBoardView    *self);
void     _rs_board_view_rebuild            (RsBoardView    *self);
void     _rs_board_view_set_hover          (RsBoardView    *self,
                                            gint64          node,
                                            gint64          edge);
void     _rs_board_view_set_focus_node     (RsBoardView    *self,
                                            gint64          entity_id,
                                            gboolean        visible);
void     _rs_board_view_scroll_to_node     (RsBoardView    *self,
                                            guint           index);
void     _rs_board_view_move_focus         (RsBoardView    *self,
                                            double          dx,
                                            double          dy);
void     _rs_board_view_activate_focus     (RsBoardView    *self);
void     _rs_board_view_emit_activate_item (RsBoardView    *self,
                                            RsTarget        target,
                                            gint64          id);
void     _rs_board_view_click              (RsBoardView    *self,
                                            double          widget_x,
                                            double          widget_y,
                                            int             n_press,
                                            GdkModifierType modifiers);
void     _rs_board_view_release            (RsBoardView    *self,
                                            double          widget_x,
                                            double          widget_y,
                                            GdkModifierType modifiers);

G_END_DECLS
