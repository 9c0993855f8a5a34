/* rs-board-view-draw.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include <math.h>

#include "rs-board-view-private.h"

/* Drawing the board: the cached picture and the live layer over it (see the overview in
 * rs-board-view.c). */

#define CACHE_MARGIN_MIN     96.0
#define CACHE_MARGIN_RATIO   0.15
#define CACHE_MAX_PIXELS     8192
#define SLOW_RENDER_USEC     12000
#define RERENDER_DELAY_MSEC  150

/* The cached picture is painted off the UI thread: a pan that leaves it, a zoom that
 * settles or a change to the case starts a GTask that paints a new picture from the scene
 * (GTK-free: painter, scene and style are safe to read from a worker, and the scene's
 * own lock holds its changes back while the worker reads it; the painter gives up as soon
 * as a change waits). Meanwhile the previous picture is shown, moved or stretched to the
 * view; the new one replaces it when it is ready. Only the very first picture, when there
 * is nothing to show, is painted in the frame. */

typedef struct
{
  GWeakRef         view;
  RsBoardScene    *scene;
  RsBoardStyle    *style;
  GCancellable    *cancellable;
  RsBoardRect      rect;
  double           scale;
  int              scale_factor;
  guint            serial;
  int              width;
  int              height;
  cairo_surface_t *surface;
  gint64           usec;
} RenderJob;

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_weak_ref_clear (&job->view);
  g_clear_pointer (&job->scene, rs_board_scene_unref);
  g_clear_pointer (&job->style, rs_board_style_unref);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

/* The area a picture covers for the view, in whole device pixels. */
static void
picture_rect (RsBoardView       *self,
              const RsBoardRect *visible,
              double             width,
              double             height,
              int                scale_factor,
              RsBoardRect       *rect,
              int               *dw,
              int               *dh)
{
  double s = self->viewport.scale;
  double device = s * scale_factor;
  double margin_x = MAX (CACHE_MARGIN_MIN, width * CACHE_MARGIN_RATIO) / s;
  double margin_y = MAX (CACHE_MARGIN_MIN, height * CACHE_MARGIN_RATIO) / s;

  *rect = *visible;
  rs_board_rect_inflate (rect, margin_x, margin_y);
  *dw = (int)ceil (rect->width * device);
  *dh = (int)ceil (rect->height * device);
  if (*dw > CACHE_MAX_PIXELS || *dh > CACHE_MAX_PIXELS)
    {
      *rect = *visible;
      *dw = MIN ((int)ceil (rect->width * device), CACHE_MAX_PIXELS);
      *dh = MIN ((int)ceil (rect->height * device), CACHE_MAX_PIXELS);
    }
  *dw = MAX (*dw, 1);
  *dh = MAX (*dh, 1);
  /* Whole device pixels: the texture then maps 1:1 onto the screen. */
  rect->width = *dw / device;
  rect->height = *dh / device;
}

/* Any thread. FALSE when it stopped early. */
static gboolean
paint_picture (RenderJob *job)
{
  double device = job->scale * job->scale_factor;
  RsBoardPaintParams params = {
    .scale = job->scale,
    .clip = job->rect,
    .lod = RS_BOARD_LOD_AUTO,
    .flags = RS_BOARD_PAINT_BACKGROUND | RS_BOARD_PAINT_GRID,
    .cancellable = job->cancellable,
  };
  gint64 start = g_get_monotonic_time ();
  gboolean done;
  cairo_t *cr;

  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width, job->height);
  cr = cairo_create (job->surface);
  cairo_scale (cr, device, device);
  cairo_translate (cr, -job->rect.x, -job->rect.y);
  done = rs_board_painter_draw_cancellable (cr, job->scene, job->style, &params);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
  cairo_surface_set_device_scale (job->surface, job->scale_factor, job->scale_factor);
  job->usec = g_get_monotonic_time () - start;
  return done;
}

static void
install_picture (RsBoardView *self,
                 RenderJob   *job)
{
  g_clear_object (&self->cache_texture);
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  g_clear_pointer (&self->cache_surface, cairo_surface_destroy);
  self->cache_surface = g_steal_pointer (&job->surface);
  self->cache_rect = job->rect;
  self->cache_scale = job->scale;
  self->cache_scale_factor = job->scale_factor;
  self->cache_serial = job->serial;
  self->last_render_usec = job->usec;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  gboolean done = FALSE;

  if (!g_cancellable_is_cancelled (cancellable))
    {
      rs_board_scene_lock_read (job->scene);
      done = paint_picture (job);
      rs_board_scene_unlock_read (job->scene);
    }
  g_task_return_boolean (task, done);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(RsBoardView) self = g_weak_ref_get (&job->view);
  gboolean done = g_task_propagate_boolean (G_TASK (result), NULL);

  if (self == NULL)
    return;

  if (self->render_job == job)
    {
      self->render_job = NULL;
      g_clear_object (&self->render_cancellable);
    }

  /* A picture of the scene as it is, stale only by its place or scale, beats the one
   * shown; one the case has moved on from is dropped (another is on its way). */
  if (done && !g_cancellable_is_cancelled (job->cancellable) && job->serial == self->serial &&
      job->scene == self->scene)
    install_picture (self, job);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_rs_board_view_cancel_render (RsBoardView *self)
{
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_job = NULL;
}

/* Nothing waits to be painted: the picture shown is the one the view wants. */
gboolean
_rs_board_view_get_picture_ready (RsBoardView *self)
{
  return self->rerender_id == 0 && self->render_job == NULL;
}

static RenderJob *
render_job_new (RsBoardView       *self,
                const RsBoardRect *visible,
                double             width,
                double             height,
                int                scale_factor)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  g_weak_ref_init (&job->view, self);
  job->scene = rs_board_scene_ref (self->scene);
  job->style = rs_board_style_ref (self->style);
  job->scale = self->viewport.scale;
  job->scale_factor = scale_factor;
  job->serial = self->serial;
  picture_rect (self, visible, width, height, scale_factor, &job->rect, &job->width,
                &job->height);
  return job;
}

static void
start_render (RsBoardView       *self,
              const RsBoardRect *visible,
              double             width,
              double             height,
              int                scale_factor)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  _rs_board_view_cancel_render (self);

  job = render_job_new (self, visible, width, height, scale_factor);
  job->cancellable = g_cancellable_new ();
  self->render_cancellable = g_object_ref (job->cancellable);
  self->render_job = job;

  task = g_task_new (NULL, job->cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, start_render);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_thread);
}

/* The first picture, with nothing to show meanwhile: in the frame. */
static void
render_now (RsBoardView       *self,
            const RsBoardRect *visible,
            double             width,
            double             height,
            int                scale_factor)
{
  RenderJob *job = render_job_new (self, visible, width, height, scale_factor);

  _rs_board_view_cancel_render (self);
  paint_picture (job);
  install_picture (self, job);
  render_job_free (job);
}

static void
visible_now (RsBoardView *self,
             RsBoardRect *visible)
{
  rs_board_viewport_get_visible (&self->viewport, gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)), visible);
}

static gboolean
rerender_cb (gpointer data)
{
  RsBoardView *self = data;
  RsBoardRect visible;

  self->rerender_id = 0;
  if (self->scene != NULL)
    {
      visible_now (self, &visible);
      start_render (self, &visible, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)),
                    gtk_widget_get_scale_factor (GTK_WIDGET (self)));
    }
  return G_SOURCE_REMOVE;
}

/* A picture on its way for this scene and scale is let finish even if the view has
 * moved past it since: cancelling it for every step of a long pan would show no new
 * picture until the pan stops. Its successor starts when it is shown. */
static gboolean
job_will_do (RsBoardView *self,
             int          scale_factor)
{
  RenderJob *job = self->render_job;

  return job != NULL && job->serial == self->serial && job->scene == self->scene &&
         job->scale == self->viewport.scale && job->scale_factor == scale_factor;
}

static void
ensure_cache (RsBoardView       *self,
              const RsBoardRect *visible,
              double             width,
              double             height,
              int                scale_factor)
{
  gboolean same_picture = self->cache_surface != NULL &&
                          self->cache_serial == self->serial &&
                          self->cache_scale_factor == scale_factor;

  if (same_picture && self->cache_scale == self->viewport.scale &&
      rs_board_rect_contains_rect (&self->cache_rect, visible))
    return;

  if (self->cache_surface == NULL)
    {
      g_clear_handle_id (&self->rerender_id, g_source_remove);
      render_now (self, visible, width, height, scale_factor);
      return;
    }

  if (job_will_do (self, scale_factor))
    return;

  /* Zooming a large board: stretch the old picture until the zoom settles (the timer
   * restarts only when the zoom changes, not for every frame hover or selection draw). */
  if (same_picture && self->cache_scale != self->viewport.scale &&
      self->last_render_usec > SLOW_RENDER_USEC)
    {
      if (self->rerender_id == 0 || self->rerender_scale != self->viewport.scale)
        {
          g_clear_handle_id (&self->rerender_id, g_source_remove);
          self->rerender_id = g_timeout_add (RERENDER_DELAY_MSEC, rerender_cb, self);
          self->rerender_scale = self->viewport.scale;
        }
      return;
    }

  g_clear_handle_id (&self->rerender_id, g_source_remove);
  start_render (self, visible, width, height, scale_factor);
}

void
_rs_board_view_add_node_bounds (RsBoardView *self,
                                guint        index,
                                RsBoardRect *bounds,
                                gboolean    *any)
{
  RsBoardRect rect;

  rs_board_scene_get_node_rect (self->scene, index, &rect);
  rs_board_rect_inflate (&rect, 16, 16);
  if (*any)
    rs_board_rect_union (bounds, &rect);
  else
    *bounds = rect;
  *any = TRUE;
}

void
_rs_board_view_add_edge_bounds (RsBoardView *self,
                                guint        index,
                                RsBoardRect *bounds,
                                gboolean    *any)
{
  RsBoardRect rect = rs_board_scene_get_edge (self->scene, index)->bounds;

  rs_board_rect_inflate (&rect, 8, 8);
  if (*any)
    rs_board_rect_union (bounds, &rect);
  else
    *bounds = rect;
  *any = TRUE;
}

/* The focus ring shows while the focus moves by keyboard, as GTK's own rings do. */
gboolean
_rs_board_view_show_focus_ring (RsBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return self->focus_node != 0 && self->focus_visible &&
         gtk_widget_has_focus (GTK_WIDGET (self)) &&
         (!GTK_IS_WINDOW (root) || gtk_window_get_focus_visible (GTK_WINDOW (root)));
}

static gboolean
edge_drawn (RsBoardScene *scene,
            guint         index)
{
  return (rs_board_scene_get_edge (scene, index)->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0;
}

static gboolean
node_drawn (RsBoardScene *scene,
            guint         index)
{
  return (rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0;
}

/* The drawn items of the selection. */
void
_rs_board_view_add_selection_bounds (RsBoardView *self,
                                     RsBoardRect *bounds,
                                     gboolean    *any)
{
  guint n_items = self->selection != NULL ? rs_selection_get_n_items (self->selection) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      RsTarget target;
      gint64 id;
      guint index;

      rs_selection_get_item (self->selection, i, &target, &id);
      if (target == RS_TARGET_ENTITY && rs_board_scene_lookup_node (self->scene, id, &index) &&
          node_drawn (self->scene, index))
        _rs_board_view_add_node_bounds (self, index, bounds, any);
      else if (target == RS_TARGET_RELATION &&
               rs_board_scene_lookup_edge (self->scene, id, &index) &&
               edge_drawn (self->scene, index))
        _rs_board_view_add_edge_bounds (self, index, bounds, any);
    }
}

/* The board area the live layer touches: hovered, selected, focused and dragged items. */
static gboolean
overlay_bounds (RsBoardView *self,
                RsBoardRect *bounds)
{
  gboolean any = FALSE;
  const guint *adjacent;
  guint n_adjacent;
  guint index;

  if (self->hover_node != 0 && rs_board_scene_lookup_node (self->scene, self->hover_node, &index))
    {
      _rs_board_view_add_node_bounds (self, index, bounds, &any);
      adjacent = rs_board_scene_get_node_edges (self->scene, index, &n_adjacent);
      for (guint k = 0; k < n_adjacent; k++)
        if (edge_drawn (self->scene, adjacent[k]))
          _rs_board_view_add_edge_bounds (self, adjacent[k], bounds, &any);
    }

  if (self->hover_edge != 0 && rs_board_scene_lookup_edge (self->scene, self->hover_edge, &index))
    _rs_board_view_add_edge_bounds (self, index, bounds, &any);

  if (_rs_board_view_show_focus_ring (self) &&
      rs_board_scene_lookup_node (self->scene, self->focus_node, &index))
    _rs_board_view_add_node_bounds (self, index, bounds, &any);

  _rs_board_view_add_selection_bounds (self, bounds, &any);
  _rs_board_view_add_mark_bounds (self, bounds, &any);

  if (self->drag_mode == RS_BOARD_DRAG_MOVE && self->drag_moved)
    {
      _rs_board_view_add_node_bounds (self, self->drag_node, bounds, &any);
      adjacent = rs_board_scene_get_node_edges (self->scene, self->drag_node, &n_adjacent);
      for (guint k = 0; k < n_adjacent; k++)
        _rs_board_view_add_edge_bounds (self, adjacent[k], bounds, &any);
    }

  return any;
}

static void
snapshot_overlay (RsBoardView       *self,
                  GtkSnapshot       *snapshot,
                  const RsBoardRect *visible,
                  double             offset_x,
                  double             offset_y)
{
  RsBoardRect bounds;
  RsBoardPaintParams params = { 0 };
  RsBoardOverlay overlay = { 0 };
  double scale = self->viewport.scale;
  double wx, wy;
  cairo_t *cr;

  if (!overlay_bounds (self, &bounds) || !rs_board_rect_intersects (&bounds, visible))
    return;

  /* Clip to what is visible, in whole pixels. */
  {
    double x1 = MAX (bounds.x, visible->x), y1 = MAX (bounds.y, visible->y);
    double x2 = MIN (bounds.x + bounds.width, visible->x + visible->width);
    double y2 = MIN (bounds.y + bounds.height, visible->y + visible->height);

    rs_board_rect_normalize (&bounds, x1, y1, x2, y2);
  }
  rs_board_viewport_to_widget (&self->viewport, bounds.x, bounds.y, &wx, &wy);

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (floor (wx + offset_x), floor (wy + offset_y),
                                                       ceil (bounds.width * scale) + 2,
                                                       ceil (bounds.height * scale) + 2));
  cairo_translate (cr, offset_x, offset_y);
  cairo_scale (cr, self->viewport.scale, self->viewport.scale);
  cairo_translate (cr, -self->viewport.x, -self->viewport.y);

  params.scale = self->viewport.scale;
  params.clip = bounds;
  params.lod = RS_BOARD_LOD_AUTO;

  overlay.selection = self->selection;
  overlay.hover_node = self->hover_node;
  overlay.hover_edge = self->hover_edge;
  overlay.node_marks = self->node_marks;
  overlay.edge_marks = self->edge_marks;
  if (_rs_board_view_show_focus_ring (self))
    overlay.focus_node = self->focus_node;

  rs_board_painter_draw_floating (cr, self->scene, self->style, &params);
  rs_board_painter_draw_overlay (cr, self->scene, self->style, &params, &overlay);
  cairo_destroy (cr);
}

static void
snapshot_rubber_band (RsBoardView *self,
                      GtkSnapshot *snapshot)
{
  const RsBoardColor *color = rs_board_style_get_color (self->style, RS_BOARD_COLOR_RUBBER_BAND);
  const RsBoardRect *r = &self->rubber_band;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height);
  GdkRGBA fill = { color->red, color->green, color->blue, 0.15 };
  GdkRGBA border = { color->red, color->green, color->blue, 0.9 };
  GskRoundedRect outline;
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA colors[4] = { border, border, border, border };

  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The cached picture at (x, y), stretched while a slow zoom settles.
 *
 * The GL renderer keeps a texture on the GPU, so it gets a texture node. The cairo
 * renderer would convert a texture's pixels on every frame; it gets a cairo node that
 * paints the surface (one blit), and always the same node, so that frames where only
 * the live layer changes repaint only that layer's area. */
static void
snapshot_cache (RsBoardView *self,
                GtkSnapshot *snapshot,
                double       x,
                double       y)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  cairo_surface_t *surface = self->cache_surface;
  double sx, sy;
  int w, h;

  cairo_surface_get_device_scale (surface, &sx, &sy);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  if (self->viewport.scale != self->cache_scale)
    gtk_snapshot_scale (snapshot, self->viewport.scale / self->cache_scale,
                        self->viewport.scale / self->cache_scale);

  if (renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer))
    {
      if (self->cache_node == NULL)
        {
          cairo_t *cr;

          self->cache_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, w / sx, h / sy));
          cr = gsk_cairo_node_get_draw_context (self->cache_node);
          cairo_set_source_surface (cr, surface, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
      gtk_snapshot_append_node (snapshot, self->cache_node);
    }
  else
    {
      if (self->cache_texture == NULL)
        {
          g_autoptr(GBytes) bytes = NULL;

          cairo_surface_reference (surface);
          bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                              (gsize)cairo_image_surface_get_stride (surface) * h,
                                              (GDestroyNotify)cairo_surface_destroy, surface);
          self->cache_texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                                        cairo_image_surface_get_stride (surface));
        }
      gtk_snapshot_append_texture (snapshot, self->cache_texture,
                                   &GRAPHENE_RECT_INIT (0, 0, w / sx, h / sy));
    }

  gtk_snapshot_restore (snapshot);
}

void
_rs_board_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  const RsBoardColor *bg = rs_board_style_get_color (self->style, RS_BOARD_COLOR_BACKGROUND);
  GdkRGBA background = { bg->red, bg->green, bg->blue, 1 };
  RsBoardRect visible;

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->scene != NULL && rs_board_scene_get_bounds (self->scene, NULL) && width > 0 &&
      height > 0)
    {
      double x, y, offset_x = 0, offset_y = 0;

      rs_board_viewport_get_visible (&self->viewport, width, height, &visible);
      ensure_cache (self, &visible, width, height, scale_factor);

      if (self->cache_surface != NULL)
        {
          rs_board_viewport_to_widget (&self->viewport, self->cache_rect.x, self->cache_rect.y, &x,
                                       &y);

          /* Land on device pixels so text stays sharp; the live layer follows. */
          if (self->cache_scale == self->viewport.scale)
            {
              offset_x = round (x * scale_factor) / scale_factor - x;
              offset_y = round (y * scale_factor) / scale_factor - y;
            }

          snapshot_cache (self, snapshot, x + offset_x, y + offset_y);
          self->frames_drawn++;
        }

      snapshot_overlay (self, snapshot, &visible, offset_x, offset_y);
    }

  if (self->drag_mode == RS_BOARD_DRAG_RUBBER_BAND)
    snapshot_rubber_band (self, snapshot);
  if (self->scene != NULL)
    _rs_board_view_snapshot_link (self, snapshot);

  if (gtk_widget_get_visible (self->legend))
    gtk_widget_snapshot_child (widget, self->legend, snapshot);
}
