/* rs-board-view.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rs-board-legend.h"
#include "rs-board-view-private.h"
#include "rs-enum-types.h"

/* The evidence board: a drawn widget over a GTK-free scene (app/render).
 *
 * Pan and zoom: RsBoardView implements GtkScrollable, so a GtkScrolledWindow around it
 * shows scrollbars; it also pans and zooms on its own (drag, scroll, pinch, keys), so it
 * works without one. The viewport (scale and board origin) is the truth; the adjustments
 * mirror it in scaled pixels, with half a window of slack around the board.
 *
 * Drawing (rs-board-view-draw.c): the board is painted once into a cairo image surface
 * covering the visible area plus a margin, at the window's scale factor. It is painted
 * again only when the scene (case, filter, layout), the style, the zoom or the scale
 * factor change, or when panning leaves the margin; panning inside the margin only moves
 * it. Painting again happens in a worker thread, the previous picture shown (moved or
 * stretched) until the new one is ready; only the first picture is painted in the frame.
 * The GL renderer gets it as a GdkMemoryTexture (uploaded once); the cairo renderer
 * as one cairo node reused from frame to frame (a texture would be converted on every
 * frame there). Selection, hover, focus and a dragged node are drawn live on top, in a
 * cairo node bounded to the few items involved. When painting was slow (large boards), a
 * zoom first stretches the old picture and paints again once the zoom settles.
 *
 * Split: rs-board-view-input.c (pointer, touch), rs-board-view-focus.c (keyboard focus,
 * tooltips), rs-board-view-actions.c (board.* actions, key bindings),
 * rs-board-view-layout.c (Graphviz in a worker thread). */

#define FIT_MARGIN           24.0
#define LEGEND_MARGIN        12

static void rs_board_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsBoardView, rs_board_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      rs_board_view_scrollable_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  PROP_FILTER,
  PROP_ENGINE,
  PROP_ZOOM,
  PROP_DARK,
  PROP_SHOW_LEGEND,
  PROP_LAYOUT_RUNNING,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  ACTIVATE_ITEM,
  LINK_REQUESTED,
  LAYOUT_STARTED,
  LAYOUT_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
rs_board_view_scrollable_init (GtkScrollableInterface *iface)
{
}

/* Viewport and adjustments ------------------------------------------------------------ */

static void
configure_adjustments (RsBoardView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double s = self->viewport.scale;
  RsBoardRect bounds = { self->viewport.x, self->viewport.y, w / s, h / s };

  if (self->scene != NULL)
    rs_board_scene_get_bounds (self->scene, &bounds);

  self->updating_adjustments = TRUE;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, self->viewport.x * s,
                              MIN (bounds.x * s - w / 2, self->viewport.x * s),
                              MAX ((bounds.x + bounds.width) * s + w / 2, self->viewport.x * s + w),
                              MAX (w * 0.05, 1), MAX (w * 0.9, 1), w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, self->viewport.y * s,
                              MIN (bounds.y * s - h / 2, self->viewport.y * s),
                              MAX ((bounds.y + bounds.height) * s + h / 2,
                                   self->viewport.y * s + h),
                              MAX (h * 0.05, 1), MAX (h * 0.9, 1), h);

  self->updating_adjustments = FALSE;
}

static void
on_adjustment_value_changed_cb (RsBoardView   *self,
                                GtkAdjustment *adjustment)
{
  if (self->updating_adjustments)
    return;

  self->auto_view = RS_BOARD_AUTO_VIEW_NONE;
  if (adjustment == self->hadjustment)
    self->viewport.x = gtk_adjustment_get_value (adjustment) / self->viewport.scale;
  else
    self->viewport.y = gtk_adjustment_get_value (adjustment) / self->viewport.scale;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (RsBoardView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                guint           prop_id)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);

  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  configure_adjustments (self);
  g_object_notify (G_OBJECT (self), prop_id == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

void
_rs_board_view_set_viewport (RsBoardView           *self,
                             const RsBoardViewport *viewport)
{
  RsBoardViewport vp = *viewport;
  double old_scale = self->viewport.scale;

  vp.scale = CLAMP (vp.scale, RS_BOARD_VIEW_MIN_ZOOM * RS_BOARD_PIXELS_PER_UNIT,
                    RS_BOARD_VIEW_MAX_ZOOM * RS_BOARD_PIXELS_PER_UNIT);
  if (!isfinite (vp.x) || !isfinite (vp.y))
    return;

  self->viewport = vp;
  configure_adjustments (self);

  if (vp.scale != old_scale)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      _rs_board_view_update_actions (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_rs_board_view_zoom_at (RsBoardView *self,
                        double       zoom,
                        double       widget_x,
                        double       widget_y)
{
  RsBoardViewport vp = self->viewport;
  double scale;

  zoom = CLAMP (zoom, RS_BOARD_VIEW_MIN_ZOOM, RS_BOARD_VIEW_MAX_ZOOM);
  scale = zoom * RS_BOARD_PIXELS_PER_UNIT;
  rs_board_viewport_zoom_at (&vp, scale, widget_x, widget_y);
  self->auto_view = RS_BOARD_AUTO_VIEW_NONE;
  _rs_board_view_set_viewport (self, &vp);
}

void
_rs_board_view_pan_by (RsBoardView *self,
                       double       dx,
                       double       dy)
{
  RsBoardViewport vp = self->viewport;

  vp.x += dx / vp.scale;
  vp.y += dy / vp.scale;
  self->auto_view = RS_BOARD_AUTO_VIEW_NONE;
  _rs_board_view_set_viewport (self, &vp);
}

/* Where the legend sits in a widget of @width × @height; FALSE when it is hidden. */
static gboolean
get_legend_rect (RsBoardView  *self,
                 int           width,
                 int           height,
                 GdkRectangle *rect)
{
  GtkRequisition legend;

  gtk_widget_get_preferred_size (self->legend, NULL, &legend);
  rect->x = LEGEND_MARGIN;
  rect->y = MAX (0, height - legend.height - LEGEND_MARGIN);
  rect->width = legend.width;
  rect->height = legend.height;
  return gtk_widget_get_visible (self->legend);
}

/* Fits @bounds into the part of the widget at (@x, @y), @width × @height. */
static void
fit_into (RsBoardViewport   *vp,
          const RsBoardRect *bounds,
          double             x,
          double             y,
          double             width,
          double             height)
{
  rs_board_viewport_fit (vp, bounds, MAX (width, 1), MAX (height, 1), FIT_MARGIN,
                         RS_BOARD_VIEW_MIN_ZOOM * RS_BOARD_PIXELS_PER_UNIT,
                         1.0 * RS_BOARD_PIXELS_PER_UNIT);
  vp->x -= x / vp->scale;
  vp->y -= y / vp->scale;
}

/* The whole board, clear of the legend: fitted to the widget when the legend lands on
 * empty space, otherwise to the larger of the strips beside and above the legend. */
static void
fit_viewport (RsBoardView       *self,
              const RsBoardRect *bounds,
              double             width,
              double             height,
              RsBoardViewport   *vp)
{
  GdkRectangle legend;
  RsBoardRect shown, covered;

  fit_into (vp, bounds, 0, 0, width, height);

  if (!get_legend_rect (self, width, height, &legend))
    return;

  shown = (RsBoardRect) { (bounds->x - vp->x) * vp->scale, (bounds->y - vp->y) * vp->scale,
                          bounds->width * vp->scale, bounds->height * vp->scale };
  covered = (RsBoardRect) { legend.x, legend.y, legend.width, legend.height };
  if (rs_board_rect_intersects (&shown, &covered))
    {
      RsBoardViewport beside = { 0 }, above = { 0 };
      double right = legend.x + legend.width;

      fit_into (&beside, bounds, right, 0, width - right, height);
      fit_into (&above, bounds, 0, 0, width, legend.y);
      *vp = beside.scale > above.scale ? beside : above;
    }
}

static gboolean
apply_auto_view (RsBoardView *self)
{
  RsBoardViewport vp = { 0 };
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  RsBoardRect bounds;

  if (self->auto_view == RS_BOARD_AUTO_VIEW_NONE || self->scene == NULL || width <= 0 ||
      !rs_board_scene_get_bounds (self->scene, &bounds))
    return FALSE;

  fit_viewport (self, &bounds, width, height, &vp);

  self->auto_view_pending = FALSE;
  if (vp.scale != self->viewport.scale || vp.x != self->viewport.x || vp.y != self->viewport.y)
    _rs_board_view_set_viewport (self, &vp);
  return TRUE;
}

/* Show the board as @auto_view says, now or as soon as it has a size and bounds. */
void
_rs_board_view_request_auto_view (RsBoardView     *self,
                                  RsBoardAutoView  auto_view)
{
  self->auto_view = auto_view;
  self->auto_view_pending = TRUE;
  apply_auto_view (self);
}

/* Scene -------------------------------------------------------------------------------- */

/* The picture must be painted again (scene or style changed). */
void
_rs_board_view_invalidate (RsBoardView *self)
{
  self->serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_rs_board_view_update_accessible (RsBoardView *self)
{
  guint index;

  if (self->scene != NULL && self->focus_node != 0 &&
      rs_board_scene_lookup_node (self->scene, self->focus_node, &index))
    {
      const RsBoardNode *node = rs_board_scene_get_node (self->scene, index);
      g_autofree char *text = g_strdup_printf ("%s: %s", rs_board_style_get_kind_label (node->kind),
                                               node->label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Hover, focus, scroll range and actions after the scene changed. */
static void
scene_changed (RsBoardView *self)
{
  guint index;

  if (self->scene == NULL || !rs_board_scene_lookup_node (self->scene, self->hover_node, NULL))
    self->hover_node = 0;
  if (self->scene == NULL || !rs_board_scene_lookup_edge (self->scene, self->hover_edge, NULL))
    self->hover_edge = 0;
  if (self->scene == NULL || !rs_board_scene_lookup_node (self->scene, self->focus_node, &index) ||
      (rs_board_scene_get_node (self->scene, index)->flags & RS_BOARD_ITEM_NOT_DRAWN))
    self->focus_node = 0;

  configure_adjustments (self);
  if (self->auto_view_pending)
    apply_auto_view (self);

  _rs_board_view_update_accessible (self);
  _rs_board_view_update_actions (self);
  _rs_board_view_invalidate (self);
}

void
_rs_board_view_rebuild (RsBoardView *self)
{
  /* A drag in progress refers to the old scene. */
  self->drag_mode = RS_BOARD_DRAG_NONE;

  g_clear_pointer (&self->scene, rs_board_scene_unref);
  if (self->kase != NULL)
    self->scene = rs_board_scene_new (self->kase, self->filter, self->style);
  scene_changed (self);
}

/* One committed transaction: the scene follows it in place (nodes and edges it does not
 * name stay as they are, measured and routed), or is built again when it cannot. */
static void
on_case_changes_cb (RsBoardView   *self,
                    RsCaseChanges *changes,
                    RsCase        *kase)
{
  gboolean touches_board =
    (!rs_case_changes_only_touch (changes, RS_TYPE_NOTE) &&
     !rs_case_changes_only_touch (changes, RS_TYPE_STORY_VIEW)) ||
    rs_case_changes_is_empty (changes);

  if (!touches_board)
    return;

  if (self->scene != NULL && !rs_case_changes_is_empty (changes) &&
      rs_board_scene_apply_changes (self->scene, self->kase, self->filter, self->style, changes))
    {
      if (rs_case_changes_get_removed (changes, RS_TYPE_ENTITY)->len > 0)
        self->drag_mode = RS_BOARD_DRAG_NONE;
      scene_changed (self);
    }
  else
    _rs_board_view_rebuild (self);
  _rs_board_view_maybe_layout (self);
}

static void
on_filter_changed_cb (RsBoardView   *self,
                      RsBoardFilter *filter)
{
  _rs_board_view_rebuild (self);
}

static void
on_selection_changed_cb (RsBoardView *self,
                         RsSelection *selection)
{
  _rs_board_view_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rs_board_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 64;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
rs_board_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);
  GdkRectangle legend;

  get_legend_rect (self, width, height, &legend);
  gtk_widget_size_allocate (self->legend, &legend, -1);

  /* Popovers shown on the board (context menus, editors) are ours to place. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      gtk_popover_present (GTK_POPOVER (child));

  configure_adjustments (self);

  /* An automatic view follows the widget's size (the window settles its panes over its
   * first frames) and the legend's. */
  if (self->auto_view != RS_BOARD_AUTO_VIEW_NONE)
    apply_auto_view (self);
}

/* GObject ------------------------------------------------------------------------------- */

static void on_store_reloaded_cb (RsBoardView *self,
                                  RsCaseStore *store);

static void
rs_board_view_dispose (GObject *object)
{
  RsBoardView *self = (RsBoardView *)object;

  _rs_board_view_cancel_layout (self);
  g_clear_object (&self->layout);
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  _rs_board_view_cancel_render (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_reloaded_cb, self);
  g_clear_signal_handler (&self->case_changed_id, self->kase);
  g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_signal_handler (&self->filter_changed_id, self->filter);
  g_clear_pointer (&self->legend, gtk_widget_unparent);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_POPOVER (child))
        gtk_widget_unparent (child);
      child = next;
    }
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->cache_texture);
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  g_clear_pointer (&self->cache_surface, cairo_surface_destroy);

  G_OBJECT_CLASS (rs_board_view_parent_class)->dispose (object);
}

static void
rs_board_view_finalize (GObject *object)
{
  RsBoardView *self = (RsBoardView *)object;

  g_clear_pointer (&self->scene, rs_board_scene_unref);
  g_clear_pointer (&self->style, rs_board_style_unref);
  g_clear_pointer (&self->node_marks, g_hash_table_unref);
  g_clear_pointer (&self->edge_marks, g_hash_table_unref);
  g_clear_error (&self->layout_error);

  G_OBJECT_CLASS (rs_board_view_parent_class)->finalize (object);
}

static void
rs_board_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RsBoardView *self = RS_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rs_board_view_get_store (self));
      break;

    case PROP_SELECTION:
      g_value_set_object (value, rs_board_view_get_selection (self));
      break;

    case PROP_FILTER:
      g_value_set_object (value, rs_board_view_get_filter (self));
      break;

    case PROP_ENGINE:
      g_value_set_enum (value, rs_board_view_get_engine (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, rs_board_view_get_zoom (self));
      break;

    case PROP_DARK:
      g_value_set_boolean (value, rs_board_view_get_dark (self));
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, rs_board_view_get_show_legend (self));
      break;

    case PROP_LAYOUT_RUNNING:
      g_value_set_boolean (value, rs_board_view_get_layout_running (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_board_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RsBoardView *self = RS_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rs_board_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      rs_board_view_set_selection (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      rs_board_view_set_filter (self, g_value_get_object (value));
      break;

    case PROP_ENGINE:
      rs_board_view_set_engine (self, g_value_get_enum (value));
      break;

    case PROP_ZOOM:
      rs_board_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_DARK:
      rs_board_view_set_dark (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LEGEND:
      rs_board_view_set_show_legend (self, g_value_get_boolean (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), prop_id);
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), prop_id);
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint)g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint)g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_board_view_class_init (RsBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_board_view_dispose;
  object_class->finalize = rs_board_view_finalize;
  object_class->get_property = rs_board_view_get_property;
  object_class->set_property = rs_board_view_set_property;

  widget_class->snapshot = _rs_board_view_snapshot;
  widget_class->measure = rs_board_view_measure;
  widget_class->size_allocate = rs_board_view_size_allocate;
  widget_class->focus = _rs_board_view_focus;
  widget_class->query_tooltip = _rs_board_view_query_tooltip;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         RS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         RS_TYPE_BOARD_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENGINE] =
    g_param_spec_enum ("engine", NULL, NULL,
                       RS_TYPE_LAYOUT_ENGINE, RS_LAYOUT_ENGINE_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* 1.0 draws board points at their size on a 96 dpi screen. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         RS_BOARD_VIEW_MIN_ZOOM, RS_BOARD_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LAYOUT_RUNNING] =
    g_param_spec_boolean ("layout-running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * RsBoardView::activate-item:
   * @target: an #RsTarget (entity or relation)
   * @id: its id
   *
   * The user opened an item: double-click or Enter.
   */
  signals[ACTIVATE_ITEM] =
    g_signal_new ("activate-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  /**
   * RsBoardView::link-requested:
   * @source: the entity the string was pulled from
   * @target: the entity it was dropped on
   * @x: where it was dropped, in widget coordinates
   * @y:
   *
   * The user drew a relation from @source to @target by hand. The board writes nothing:
   * the window asks for the relation's label and status.
   */
  signals[LINK_REQUESTED] =
    g_signal_new ("link-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_DOUBLE,
                  G_TYPE_DOUBLE);

  signals[LAYOUT_STARTED] =
    g_signal_new ("layout-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RsBoardView::layout-finished:
   *
   * A layout ended, applied or failed (see rs_board_view_get_layout_error()). Not emitted
   * for a layout a newer one replaced.
   */
  signals[LAYOUT_FINISHED] =
    g_signal_new ("layout-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "board");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _rs_board_view_class_init_actions (widget_class);

  g_type_ensure (RS_TYPE_BOARD_LEGEND);
}

static void
rs_board_view_init (RsBoardView *self)
{
  self->style = rs_board_style_new (FALSE);
  self->viewport.scale = RS_BOARD_PIXELS_PER_UNIT;
  self->engine = RS_LAYOUT_ENGINE_AUTO;

  set_adjustment (self, &self->hadjustment, NULL, PROP_HADJUSTMENT);
  set_adjustment (self, &self->vadjustment, NULL, PROP_VADJUSTMENT);

  self->legend = rs_board_legend_new ();
  rs_board_legend_set_style (RS_BOARD_LEGEND (self->legend), self->style);
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence board"),
                                  -1);

  _rs_board_view_init_input (self);
  _rs_board_view_update_actions (self);
}

/* Public API ---------------------------------------------------------------------------- */

GtkWidget *
rs_board_view_new (void)
{
  return g_object_new (RS_TYPE_BOARD_VIEW, NULL);
}

RsCaseStore *
rs_board_view_get_store (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), NULL);
  return self->store;
}

static void
follow_case (RsBoardView *self)
{
  g_clear_signal_handler (&self->case_changed_id, self->kase);
  g_clear_object (&self->kase);

  if (self->store != NULL)
    {
      self->kase = g_object_ref (rs_case_store_get_case (self->store));
      self->case_changed_id = g_signal_connect_object (self->kase, "changes",
                                                       G_CALLBACK (on_case_changes_cb), self,
                                                       G_CONNECT_SWAPPED);
    }
}

/* Another program changed the file: the same board, read again. The camera stays
 * where the analyst left it. */
static void
on_store_reloaded_cb (RsBoardView *self,
                      RsCaseStore *store)
{
  _rs_board_view_cancel_layout (self);
  follow_case (self);
  self->hover_node = self->hover_edge = 0;
  _rs_board_view_rebuild (self);
  _rs_board_view_maybe_layout (self);
}

/* Showing a case never lays it out when it has positions; entities without one are
 * placed (all of them when none has a position). */
void
rs_board_view_set_store (RsBoardView *self,
                         RsCaseStore *store)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));
  g_return_if_fail (store == NULL || RS_IS_CASE_STORE (store));

  if (self->store == store)
    return;

  _rs_board_view_cancel_layout (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_reloaded_cb, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->layout);
  if (store != NULL)
    self->layout = rs_layout_controller_new (store);
  follow_case (self);
  if (store != NULL)
    g_signal_connect_object (store, "reloaded", G_CALLBACK (on_store_reloaded_cb), self,
                             G_CONNECT_SWAPPED);

  self->hover_node = self->hover_edge = self->focus_node = 0;
  self->auto_view = RS_BOARD_AUTO_VIEW_INITIAL;
  self->auto_view_pending = TRUE;
  g_clear_error (&self->layout_error);
  _rs_board_view_rebuild (self);
  _rs_board_view_maybe_layout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

RsSelection *
rs_board_view_get_selection (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), NULL);
  return self->selection;
}

void
rs_board_view_set_selection (RsBoardView *self,
                             RsSelection *selection)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));
  g_return_if_fail (selection == NULL || RS_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    self->selection_changed_id =
      g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed_cb), self,
                               G_CONNECT_SWAPPED);

  _rs_board_view_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

RsBoardFilter *
rs_board_view_get_filter (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), NULL);
  return self->filter;
}

void
rs_board_view_set_filter (RsBoardView   *self,
                          RsBoardFilter *filter)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));
  g_return_if_fail (filter == NULL || RS_IS_BOARD_FILTER (filter));

  if (self->filter == filter)
    return;

  g_clear_signal_handler (&self->filter_changed_id, self->filter);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    self->filter_changed_id = g_signal_connect_object (filter, "changed",
                                                       G_CALLBACK (on_filter_changed_cb), self,
                                                       G_CONNECT_SWAPPED);

  _rs_board_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

RsLayoutEngine
rs_board_view_get_engine (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), RS_LAYOUT_ENGINE_AUTO);
  return self->engine;
}

/* The engine of the next layout; changing it does not lay out by itself. */
void
rs_board_view_set_engine (RsBoardView    *self,
                          RsLayoutEngine  engine)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  if (self->engine == engine)
    return;

  self->engine = engine;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

double
rs_board_view_get_zoom (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), 1.0);
  return self->viewport.scale / RS_BOARD_PIXELS_PER_UNIT;
}

/* Zooms around the middle of the widget. */
void
rs_board_view_set_zoom (RsBoardView *self,
                        double       zoom)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  zoom = CLAMP (zoom, RS_BOARD_VIEW_MIN_ZOOM, RS_BOARD_VIEW_MAX_ZOOM);
  if (zoom == rs_board_view_get_zoom (self))
    return;

  _rs_board_view_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                          gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

gboolean
rs_board_view_get_dark (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);
  return self->dark;
}

void
rs_board_view_set_dark (RsBoardView *self,
                        gboolean     dark)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  dark = !!dark;
  if (self->dark == (guint)dark)
    return;

  self->dark = dark;
  g_clear_pointer (&self->style, rs_board_style_unref);
  self->style = rs_board_style_new (dark);
  rs_board_legend_set_style (RS_BOARD_LEGEND (self->legend), self->style);

  /* Same fonts, same sizes: only the picture changes. */
  _rs_board_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
rs_board_view_get_editable (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);
  return !self->locked;
}

/* The window's lock (issue 20): while not editable, dragging a node pans instead of
 * moving it, no string is pulled, and a layout is shown without being saved. */
void
rs_board_view_set_editable (RsBoardView *self,
                            gboolean     editable)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));
  self->locked = !editable;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rs_board_view_get_show_legend (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->legend);
}

void
rs_board_view_set_show_legend (RsBoardView *self,
                               gboolean     show_legend)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  if (rs_board_view_get_show_legend (self) == !!show_legend)
    return;

  gtk_widget_set_visible (self->legend, show_legend);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

gboolean
rs_board_view_get_layout_running (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);
  return self->layout_running;
}

/* How many layouts this view has started, for tests: opening a laid-out case starts none. */
guint
rs_board_view_get_layout_count (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), 0);
  return self->layout_count;
}

/* How many frames have shown the board's picture: `make bench` times the first. */
guint
rs_board_view_get_frames_drawn (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), 0);
  return self->frames_drawn;
}

/* Why the last layout failed, or NULL. */
const GError *
rs_board_view_get_layout_error (RsBoardView *self)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), NULL);
  return self->layout_error;
}

/**
 * rs_board_view_bind_settings:
 * @settings: a #GSettings for the app's schema
 *
 * Remembers in @settings what the user chose for the board ("legend-expanded").
 */
void
rs_board_view_bind_settings (RsBoardView *self,
                             GSettings   *settings)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "legend-expanded", self->legend, "expanded",
                   G_SETTINGS_BIND_DEFAULT);
}

/* Lays out every entity again, except pinned ones, which keep their place. */
void
rs_board_view_relayout (RsBoardView *self)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  if (self->scene == NULL || rs_board_scene_get_n_nodes (self->scene) == 0)
    return;

  _rs_board_view_start_layout (self, TRUE);
}

/* Shows the whole board, and keeps it whole when the widget is resized until the user pans
 * or zooms. */
void
rs_board_view_zoom_to_fit (RsBoardView *self)
{
  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  _rs_board_view_request_auto_view (self, RS_BOARD_AUTO_VIEW_FIT);
}

/* The board area the widget shows, in board units (a storyline view's camera).
 * FALSE before the widget has a size. */
gboolean
rs_board_view_get_visible_area (RsBoardView *self,
                                double      *x,
                                double      *y,
                                double      *width,
                                double      *height)
{
  RsBoardRect visible;
  double w, h;

  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0)
    return FALSE;
  rs_board_viewport_get_visible (&self->viewport, w, h, &visible);
  if (x) *x = visible.x;
  if (y) *y = visible.y;
  if (width) *width = visible.width;
  if (height) *height = visible.height;
  return TRUE;
}

/* Frames a board area: the whole of it, centred, as large as the widget allows (within
 * the zoom range). The user's pan and zoom take over again from there. */
void
rs_board_view_show_area (RsBoardView *self,
                         double       x,
                         double       y,
                         double       width,
                         double       height)
{
  RsBoardViewport vp = self->viewport;
  RsBoardRect rect = { x, y, width, height };
  double w, h;

  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0 || !(width > 0) || !(height > 0))
    return;
  rs_board_viewport_fit (&vp, &rect, w, h, 0,
                         RS_BOARD_VIEW_MIN_ZOOM * RS_BOARD_PIXELS_PER_UNIT,
                         RS_BOARD_VIEW_MAX_ZOOM * RS_BOARD_PIXELS_PER_UNIT);
  self->auto_view = RS_BOARD_AUTO_VIEW_NONE;
  _rs_board_view_set_viewport (self, &vp);
}

void
rs_board_view_zoom_to_selection (RsBoardView *self)
{
  RsBoardViewport vp = { 0 };
  RsBoardRect bounds = { 0 };
  gboolean any = FALSE;
  double width, height;

  g_return_if_fail (RS_IS_BOARD_VIEW (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->scene == NULL || self->selection == NULL || width <= 0)
    return;

  _rs_board_view_add_selection_bounds (self, &bounds, &any);
  if (!any)
    return;

  rs_board_viewport_fit (&vp, &bounds, width, height, 3 * FIT_MARGIN,
                         RS_BOARD_VIEW_MIN_ZOOM * RS_BOARD_PIXELS_PER_UNIT,
                         1.5 * RS_BOARD_PIXELS_PER_UNIT);
  self->auto_view = RS_BOARD_AUTO_VIEW_NONE;
  _rs_board_view_set_viewport (self, &vp);
}

/**
 * rs_board_view_pick:
 * @target: (out) (optional): RS_TARGET_ENTITY or RS_TARGET_RELATION
 * @id: (out) (optional)
 *
 * What is under a point of the widget: the hit-test clicks use.
 */
gboolean
rs_board_view_pick (RsBoardView *self,
                    double       widget_x,
                    double       widget_y,
                    RsTarget    *target,
                    gint64      *id)
{
  double bx, by;

  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);

  if (self->scene == NULL)
    return FALSE;

  rs_board_viewport_to_board (&self->viewport, widget_x, widget_y, &bx, &by);
  return rs_board_hit_test (self->scene, bx, by, RS_BOARD_HIT_TOLERANCE / self->viewport.scale,
                            target, id);
}

/* Where a drawn entity's centre is, in widget coordinates. */
gboolean
rs_board_view_get_node_position (RsBoardView *self,
                                 gint64       entity_id,
                                 double      *widget_x,
                                 double      *widget_y)
{
  const RsBoardNode *node;
  guint index;

  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);

  if (self->scene == NULL || !rs_board_scene_lookup_node (self->scene, entity_id, &index))
    return FALSE;

  node = rs_board_scene_get_node (self->scene, index);
  if (node->flags & RS_BOARD_ITEM_NOT_DRAWN)
    return FALSE;

  rs_board_viewport_to_widget (&self->viewport, node->x, node->y, widget_x, widget_y);
  return TRUE;
}

/* Where a point of the widget lies on the board (a new entity's spot). FALSE
 * before the board has a view. */
gboolean
rs_board_view_widget_to_board (RsBoardView *self,
                               double       widget_x,
                               double       widget_y,
                               double      *board_x,
                               double      *board_y)
{
  g_return_val_if_fail (RS_IS_BOARD_VIEW (self), FALSE);

  if (self->scene == NULL)
    return FALSE;
  rs_board_viewport_to_board (&self->viewport, widget_x, widget_y, board_x, board_y);
  return TRUE;
}

void
_rs_board_view_emit_link_requested (RsBoardView *self,
                                    gint64       source,
                                    gint64       target,
                                    double       x,
                                    double       y)
{
  g_signal_emit (self, signals[LINK_REQUESTED], 0, source, target, x, y);
}

void
_rs_board_view_emit_activate_item (RsBoardView *self,
                                   RsTarget     target,
                                   gint64       id)
{
  g_signal_emit (self, signals[ACTIVATE_ITEM], 0, (int)target, id);
}

void
_rs_board_view_layout_state (RsBoardView *self,
                             gboolean     running,
                             gboolean     started)
{
  if (self->layout_running != running)
    {
      self->layout_running = running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_RUNNING]);
    }

  g_signal_emit (self, signals[started ? LAYOUT_STARTED : LAYOUT_FINISHED], 0);
}

/* Shows @popover on the board, pointing at (@x, @y) in widget coordinates: the
 * board's context menus and editors. The board holds it from then on. */
void
rs_board_view_popup (RsBoardView *self,
                     GtkPopover  *popover,
                     double       x,
                     double       y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRectangle spot;

  g_return_if_fail (RS_IS_BOARD_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  /* A node scrolled out of view is pointed at from the nearest edge: a popover
   * anchored off the window may land off every monitor, where GTK 4.8 cannot place
   * it (the monkey found gdk_monitor_get_geometry criticals, seed 17). */
  spot.x = (int) CLAMP (x, 0, MAX (width - 1, 0));
  spot.y = (int) CLAMP (y, 0, MAX (height - 1, 0));
  spot.width = spot.height = 1;

  if (gtk_widget_get_parent (GTK_WIDGET (popover)) != GTK_WIDGET (self))
    {
      if (gtk_widget_get_parent (GTK_WIDGET (popover)) != NULL)
        gtk_widget_unparent (GTK_WIDGET (popover));
      gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (popover, &spot);
  gtk_popover_popup (popover);
}
