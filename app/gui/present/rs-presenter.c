/* rs-presenter.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-presenter"

#include "config.h"

#include <math.h>

#include "rs-board-filter.h"
#include "rs-presenter.h"

/* Steps a board through a storyline (issue 20, presentation mode). While it runs the
 * board shows the presenter's own filter and selection — what a view does not show is
 * dimmed (timeline playback: not drawn yet), what it highlights is selected — so the
 * analyst's own filter and selection come back untouched when it stops. The camera
 * moves to each view over RS_PRESENTER_MOVE_USEC, eased in and out, on the board's
 * frame clock; afterwards the same tick keeps the view framed when the window resizes
 * (going full screen happens while the first move runs). */

struct _RsPresenter
{
  GObject parent_instance;

  /* Owned */
  RsBoardView   *board;
  RsBoardFilter *filter;
  RsSelection   *selection;
  RsBoardFilter *saved_filter;
  RsSelection   *saved_selection;
  GPtrArray     *views;             /* RsStoryView */
  GHashTable    *entity_by_uid;     /* uid -> id, for the highlights */
  GHashTable    *relation_by_uid;

  guint          step;
  int            bottom_inset;      /* pixels the caption covers at the bottom */
  guint          active : 1;
  guint          timeline : 1;
  guint          moving : 1;

  /* The camera move: board areas (x, y, width, height) */
  double         from[4];
  double         to[4];
  gint64         move_start;        /* frame time; 0: on the next frame */
  guint          tick_id;
  int            last_width;
  int            last_height;

  /* The analyst's camera, framed again once the chrome is back after stopping */
  double         saved_area[4];
  gboolean       has_saved_area;
  guint          restore_frames;
};

G_DEFINE_FINAL_TYPE (RsPresenter, rs_presenter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_STEP,
  PROP_MOVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stop_tick (RsPresenter *self)
{
  if (self->tick_id != 0 && self->board != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->board), self->tick_id);
  self->tick_id = 0;
}

static void
rs_presenter_dispose (GObject *object)
{
  RsPresenter *self = (RsPresenter *)object;

  if (self->active)
    rs_presenter_stop (self);
  stop_tick (self);
  g_clear_object (&self->board);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->saved_filter);
  g_clear_object (&self->saved_selection);

  G_OBJECT_CLASS (rs_presenter_parent_class)->dispose (object);
}

static void
rs_presenter_finalize (GObject *object)
{
  RsPresenter *self = (RsPresenter *)object;

  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->entity_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->relation_by_uid, g_hash_table_unref);

  G_OBJECT_CLASS (rs_presenter_parent_class)->finalize (object);
}

static void
rs_presenter_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RsPresenter *self = RS_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;

    case PROP_MOVING:
      g_value_set_boolean (value, self->moving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_presenter_class_init (RsPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_presenter_dispose;
  object_class->finalize = rs_presenter_finalize;
  object_class->get_property = rs_presenter_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOVING] =
    g_param_spec_boolean ("moving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_presenter_init (RsPresenter *self)
{
  self->filter = rs_board_filter_new ();
  self->selection = rs_selection_new ();
}

RsPresenter *
rs_presenter_new (RsBoardView *board)
{
  RsPresenter *self;

  g_return_val_if_fail (RS_IS_BOARD_VIEW (board), NULL);

  self = g_object_new (RS_TYPE_PRESENTER, NULL);
  self->board = g_object_ref (board);
  return self;
}

/**
 * rs_presenter_frame_area:
 * @area: a board area: x, y, width, height
 * @visible: (out): the board area the widget then shows
 *
 * Where the camera goes to show @area: as large as fits, centred in the part of the
 * board above the caption (the bottom inset).
 */
void
rs_presenter_frame_area (RsPresenter  *self,
                         const double  area[4],
                         double        visible[4])
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->board));
  double h = gtk_widget_get_height (GTK_WIDGET (self->board));
  double avail = MAX (h - self->bottom_inset, h / 2);
  double s;

  s = MIN (w / MAX (area[2], 1e-6), avail / MAX (area[3], 1e-6));
  visible[2] = w / s;
  visible[3] = h / s;
  visible[0] = area[0] + area[2] / 2 - visible[2] / 2;
  visible[1] = area[1] + area[3] / 2 - avail / s / 2;
}

static void
show_framed (RsPresenter  *self,
             const double  area[4])
{
  double visible[4];

  if (gtk_widget_get_width (GTK_WIDGET (self->board)) <= 0 ||
      gtk_widget_get_height (GTK_WIDGET (self->board)) <= 0)
    return;
  rs_presenter_frame_area (self, area, visible);
  rs_board_view_show_area (self->board, visible[0], visible[1], visible[2], visible[3]);
}

/* The area above the caption that the board shows now: where a move starts. */
static gboolean
get_framed (RsPresenter *self,
            double       area[4])
{
  double h = gtk_widget_get_height (GTK_WIDGET (self->board));
  double avail = MAX (h - self->bottom_inset, h / 2);

  if (!rs_board_view_get_visible_area (self->board, &area[0], &area[1], &area[2], &area[3]))
    return FALSE;
  area[3] *= avail / h;
  return TRUE;
}

static double
ease_in_out (double t)
{
  return t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
}

static void
set_moving (RsPresenter *self,
            gboolean     moving)
{
  if (self->moving == (guint)!!moving)
    return;
  self->moving = !!moving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVING]);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  RsPresenter *self = user_data;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->moving)
    {
      gint64 now = gdk_frame_clock_get_frame_time (clock);
      double t, e, area[4];

      if (self->move_start == 0)
        self->move_start = now;
      t = CLAMP ((double)(now - self->move_start) / RS_PRESENTER_MOVE_USEC, 0, 1);
      e = ease_in_out (t);
      for (guint i = 0; i < 4; i++)
        area[i] = self->from[i] + (self->to[i] - self->from[i]) * e;
      show_framed (self, area);
      if (t >= 1)
        set_moving (self, FALSE);
    }
  else if (width != self->last_width || height != self->last_height)
    show_framed (self, self->to);

  self->last_width = width;
  self->last_height = height;
  return G_SOURCE_CONTINUE;
}

/* After stopping: the window gives the board its old size back over the next frames;
 * the analyst's area is framed in it then. */
static gboolean
restore_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  RsPresenter *self = user_data;

  if (self->active || self->restore_frames == 0)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  self->restore_frames--;
  rs_board_view_show_area (self->board, self->saved_area[0], self->saved_area[1],
                           self->saved_area[2], self->saved_area[3]);
  if (self->restore_frames == 0)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
index_uids (RsPresenter *self)
{
  RsCaseStore *store = rs_board_view_get_store (self->board);
  RsCase *kase = store != NULL ? rs_case_store_get_case (store) : NULL;
  GListModel *list;

  g_clear_pointer (&self->entity_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->relation_by_uid, g_hash_table_unref);
  self->entity_by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->relation_by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (kase == NULL)
    return;

  list = rs_case_get_entities (kase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (list, i);
      gint64 id = rs_entity_get_id (entity);

      g_hash_table_insert (self->entity_by_uid, g_strdup (rs_entity_get_uid (entity)),
                           g_memdup2 (&id, sizeof id));
    }
  list = rs_case_get_relations (kase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (list, i);
      gint64 id = rs_relation_get_id (relation);

      g_hash_table_insert (self->relation_by_uid, g_strdup (rs_relation_get_uid (relation)),
                           g_memdup2 (&id, sizeof id));
    }
}

static void
show_step (RsPresenter *self,
           gboolean     animate)
{
  RsStoryView *view = g_ptr_array_index (self->views, self->step);
  const char * const *highlighted = rs_story_view_get_highlighted (view);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (RsTarget));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  rs_board_filter_set_shown_uids (self->filter, rs_story_view_get_shown (view));

  for (guint i = 0; highlighted[i] != NULL; i++)
    {
      gint64 *id;
      RsTarget target = RS_TARGET_ENTITY;

      if ((id = g_hash_table_lookup (self->entity_by_uid, highlighted[i])) == NULL &&
          (id = g_hash_table_lookup (self->relation_by_uid, highlighted[i])) != NULL)
        target = RS_TARGET_RELATION;
      if (id == NULL)
        continue;  /* deleted since the view was captured */
      g_array_append_val (targets, target);
      g_array_append_val (ids, *id);
    }
  rs_selection_set_items (self->selection, (const RsTarget *)targets->data,
                          (const gint64 *)ids->data, ids->len);

  rs_story_view_get_camera (view, &self->to[0], &self->to[1], &self->to[2], &self->to[3]);
  if (animate && get_framed (self, self->from))
    {
      self->move_start = 0;
      set_moving (self, TRUE);
    }
  else
    {
      set_moving (self, FALSE);
      show_framed (self, self->to);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/**
 * rs_presenter_start:
 * @views: (element-type RsStoryView): the steps, at least one
 * @timeline: timeline playback: items not shown yet are not drawn (a storyline dims
 *   them)
 */
void
rs_presenter_start (RsPresenter *self,
                    GPtrArray   *views,
                    gboolean     timeline)
{
  g_return_if_fail (RS_IS_PRESENTER (self));
  g_return_if_fail (views != NULL && views->len > 0);

  if (self->active)
    rs_presenter_stop (self);

  g_clear_pointer (&self->views, g_ptr_array_unref);
  self->views = g_ptr_array_ref (views);
  self->timeline = !!timeline;
  self->step = 0;
  index_uids (self);

  g_set_object (&self->saved_filter, rs_board_view_get_filter (self->board));
  g_set_object (&self->saved_selection, rs_board_view_get_selection (self->board));
  rs_board_filter_set_remove_hidden (self->filter, timeline);
  rs_board_view_set_filter (self->board, self->filter);
  rs_board_view_set_selection (self->board, self->selection);
  /* Looking, not editing: the board takes no pointer input while it is presented. */
  gtk_widget_set_can_target (GTK_WIDGET (self->board), FALSE);

  self->has_saved_area = rs_board_view_get_visible_area (self->board, &self->saved_area[0],
                                                         &self->saved_area[1], &self->saved_area[2],
                                                         &self->saved_area[3]);
  self->active = TRUE;
  stop_tick (self);
  {
      self->last_width = gtk_widget_get_width (GTK_WIDGET (self->board));
      self->last_height = gtk_widget_get_height (GTK_WIDGET (self->board));
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->board), tick_cb, self, NULL);
    }
  show_step (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

void
rs_presenter_stop (RsPresenter *self)
{
  g_return_if_fail (RS_IS_PRESENTER (self));

  if (!self->active)
    return;

  stop_tick (self);
  set_moving (self, FALSE);
  self->active = FALSE;
  if (self->board != NULL)
    {
      rs_board_view_set_filter (self->board, self->saved_filter);
      rs_board_view_set_selection (self->board, self->saved_selection);
      gtk_widget_set_can_target (GTK_WIDGET (self->board), TRUE);
      if (self->has_saved_area && gtk_widget_get_mapped (GTK_WIDGET (self->board)))
        {
          self->restore_frames = 4;
          self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->board), restore_tick_cb,
                                                        self, NULL);
        }
    }
  g_clear_object (&self->saved_filter);
  g_clear_object (&self->saved_selection);
  rs_board_filter_set_shown_uids (self->filter, NULL);
  rs_selection_clear (self->selection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
rs_presenter_get_active (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), FALSE);
  return self->active;
}

gboolean
rs_presenter_get_timeline (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), FALSE);
  return self->timeline;
}

gboolean
rs_presenter_get_moving (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), FALSE);
  return self->moving;
}

guint
rs_presenter_get_step (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), 0);
  return self->step;
}

guint
rs_presenter_get_n_steps (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), 0);
  return self->active ? self->views->len : 0;
}

/* Returns: (transfer none) (nullable): the view shown, NULL when not presenting */
RsStoryView *
rs_presenter_get_view (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), NULL);
  return self->active ? g_ptr_array_index (self->views, self->step) : NULL;
}

int
rs_presenter_get_bottom_inset (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), 0);
  return self->bottom_inset;
}

/* The caption's band at the bottom: views are framed above it. */
void
rs_presenter_set_bottom_inset (RsPresenter *self,
                               int          inset)
{
  g_return_if_fail (RS_IS_PRESENTER (self));
  self->bottom_inset = MAX (inset, 0);
}

/* FALSE when there is no such step (the presenter stays where it is). */
gboolean
rs_presenter_go_to (RsPresenter *self,
                    guint        step)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), FALSE);

  if (!self->active || step >= self->views->len)
    return FALSE;
  if (step == self->step)
    return TRUE;
  self->step = step;
  show_step (self, TRUE);
  return TRUE;
}

gboolean
rs_presenter_next (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), FALSE);
  return rs_presenter_go_to (self, self->step + 1);
}

gboolean
rs_presenter_previous (RsPresenter *self)
{
  g_return_val_if_fail (RS_IS_PRESENTER (self), FALSE);
  return self->step > 0 && rs_presenter_go_to (self, self->step - 1);
}
