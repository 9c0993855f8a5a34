/* rs-board-legend.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-legend"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rs-board-legend.h"
#include "rs-board-painter.h"

/* The board's key: each kind's shape and colour, each status's stroke. Drawn by the
 * same painter code the exporters use, so the key always matches the board.
 *
 * It folds away: a small toggle in its top-right corner collapses it to that toggle
 * alone ("expanded", which the board binds to GSettings' "legend-expanded"). */

#define TOGGLE_MARGIN 2

struct _RsBoardLegend
{
  GtkWidget parent_instance;

  /* Owned */
  RsBoardStyle *style;
  GtkWidget    *toggle;   /* child */

  guint         expanded : 1;
};

G_DEFINE_FINAL_TYPE (RsBoardLegend, rs_board_legend, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STYLE,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_board_legend_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RsBoardLegend *self = RS_BOARD_LEGEND (widget);
  double width = 0, height = 0;
  int toggle_min, toggle_nat;

  gtk_widget_measure (self->toggle, orientation, -1, &toggle_min, &toggle_nat, NULL, NULL);
  toggle_nat += 2 * TOGGLE_MARGIN;

  if (self->style != NULL && self->expanded)
    rs_board_painter_measure_legend (self->style, &width, &height);

  /* Expanded, the toggle has a strip of its own beside the legend: over the legend
   * it would cover the first row of line styles, and above it the legend would be
   * taller, which the board's fit pays for in zoom. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = toggle_nat + (self->expanded && self->style != NULL
                                        ? (int)ceil (width * RS_BOARD_PIXELS_PER_UNIT) : 0);
  else
    *minimum = *natural = MAX (toggle_nat, (int)ceil (height * RS_BOARD_PIXELS_PER_UNIT));
}

static void
rs_board_legend_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RsBoardLegend *self = RS_BOARD_LEGEND (widget);
  GtkRequisition toggle;

  gtk_widget_get_preferred_size (self->toggle, NULL, &toggle);
  gtk_widget_size_allocate (self->toggle,
                            &(GtkAllocation) { MAX (0, width - toggle.width - TOGGLE_MARGIN),
                                               TOGGLE_MARGIN, toggle.width, toggle.height },
                            -1);
}

static void
rs_board_legend_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RsBoardLegend *self = RS_BOARD_LEGEND (widget);
  cairo_t *cr;

  if (self->style != NULL && self->expanded)
    {
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
      cairo_scale (cr, RS_BOARD_PIXELS_PER_UNIT, RS_BOARD_PIXELS_PER_UNIT);
      rs_board_painter_draw_legend (cr, self->style);
      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->toggle, snapshot);
}

static void
update_toggle (RsBoardLegend *self)
{
  /* Folded, the button stands alone on the board and needs its own background. */
  if (self->expanded)
    gtk_widget_add_css_class (self->toggle, "flat");
  else
    gtk_widget_remove_css_class (self->toggle, "flat");
  gtk_button_set_icon_name (GTK_BUTTON (self->toggle),
                            self->expanded ? "pan-down-symbolic" : "view-list-bullet-symbolic");
  gtk_widget_set_tooltip_text (self->toggle, self->expanded ? _("Hide the legend")
                                                            : _("Show the legend"));
}

static void
on_toggle_clicked_cb (RsBoardLegend *self,
                      GtkButton     *toggle)
{
  rs_board_legend_set_expanded (self, !self->expanded);
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               RsBoardLegend   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  /* The toggle's own click: claiming it here would cancel the button's. */
  if (picked != NULL && picked != GTK_WIDGET (self))
    return;

  /* Clicks on the key are not clicks on the board items it covers. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
rs_board_legend_finalize (GObject *object)
{
  RsBoardLegend *self = (RsBoardLegend *)object;

  g_clear_pointer (&self->style, rs_board_style_unref);

  G_OBJECT_CLASS (rs_board_legend_parent_class)->finalize (object);
}

static void
rs_board_legend_dispose (GObject *object)
{
  RsBoardLegend *self = (RsBoardLegend *)object;

  g_clear_pointer (&self->toggle, gtk_widget_unparent);

  G_OBJECT_CLASS (rs_board_legend_parent_class)->dispose (object);
}

static void
rs_board_legend_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RsBoardLegend *self = RS_BOARD_LEGEND (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      g_value_set_boxed (value, rs_board_legend_get_style (self));
      break;

    case PROP_EXPANDED:
      g_value_set_boolean (value, rs_board_legend_get_expanded (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_board_legend_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RsBoardLegend *self = RS_BOARD_LEGEND (object);

  switch (prop_id)
    {
    case PROP_STYLE:
      rs_board_legend_set_style (self, g_value_get_boxed (value));
      break;

    case PROP_EXPANDED:
      rs_board_legend_set_expanded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_board_legend_class_init (RsBoardLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_board_legend_dispose;
  object_class->finalize = rs_board_legend_finalize;
  object_class->get_property = rs_board_legend_get_property;
  object_class->set_property = rs_board_legend_set_property;

  widget_class->measure = rs_board_legend_measure;
  widget_class->size_allocate = rs_board_legend_size_allocate;
  widget_class->snapshot = rs_board_legend_snapshot;

  properties[PROP_STYLE] =
    g_param_spec_boxed ("style", NULL, NULL,
                        RS_TYPE_BOARD_STYLE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rs_board_legend_init (RsBoardLegend *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->expanded = TRUE;
  self->toggle = gtk_button_new ();
  gtk_widget_add_css_class (self->toggle, "circular");
  gtk_widget_set_focusable (self->toggle, FALSE);
  g_signal_connect_object (self->toggle, "clicked", G_CALLBACK (on_toggle_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->toggle, GTK_WIDGET (self));
  update_toggle (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend: entity kinds and relation statuses"),
                                  -1);
}

GtkWidget *
rs_board_legend_new (void)
{
  return g_object_new (RS_TYPE_BOARD_LEGEND, NULL);
}

RsBoardStyle *
rs_board_legend_get_style (RsBoardLegend *self)
{
  g_return_val_if_fail (RS_IS_BOARD_LEGEND (self), NULL);
  return self->style;
}

void
rs_board_legend_set_style (RsBoardLegend *self,
                           RsBoardStyle  *style)
{
  g_return_if_fail (RS_IS_BOARD_LEGEND (self));

  if (self->style == style)
    return;

  g_clear_pointer (&self->style, rs_board_style_unref);
  if (style != NULL)
    self->style = rs_board_style_ref (style);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

gboolean
rs_board_legend_get_expanded (RsBoardLegend *self)
{
  g_return_val_if_fail (RS_IS_BOARD_LEGEND (self), FALSE);
  return self->expanded;
}

/* Collapsed, the legend is its toggle alone. */
void
rs_board_legend_set_expanded (RsBoardLegend *self,
                              gboolean       expanded)
{
  g_return_if_fail (RS_IS_BOARD_LEGEND (self));

  expanded = !!expanded;
  if (self->expanded == (guint)expanded)
    return;

  self->expanded = expanded;
  update_toggle (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}
