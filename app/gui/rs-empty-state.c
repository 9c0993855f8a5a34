/* rs-empty-state.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-empty-state"

#include "config.h"

#include "rs-empty-state.h"

/* What the board shows over a case with nothing in it: how to start. It shows
 * itself while the case has no entities and no documents, and hides once anything
 * arrives (an import, a drop, another program), so the window only has to put it
 * in the board's overlay and bind its store. */

struct _RsEmptyState
{
  GtkWidget     parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;

  /* Owned */
  RsCaseStore   *store;
  GSignalGroup  *case_signals;
  GSignalGroup  *store_signals;

  guint          empty : 1;
};

G_DEFINE_FINAL_TYPE (RsEmptyState, rs_empty_state, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (RsEmptyState *self)
{
  RsCase *kase = self->store ? rs_case_store_get_case (self->store) : NULL;
  gboolean empty = kase != NULL &&
                   g_list_model_get_n_items (rs_case_get_entities (kase)) == 0 &&
                   g_list_model_get_n_items (rs_case_get_documents (kase)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self), empty);
  if (self->empty == empty)
    return;
  self->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static void
on_case_changed_cb (RsEmptyState *self)
{
  g_assert (RS_IS_EMPTY_STATE (self));
  update (self);
}

/* Another program changed the file: the store holds a new case. */
static void
on_store_reloaded_cb (RsEmptyState *self,
                      RsCaseStore  *store)
{
  g_assert (RS_IS_EMPTY_STATE (self));
  g_signal_group_set_target (self->case_signals, rs_case_store_get_case (store));
  update (self);
}

static void
rs_empty_state_dispose (GObject *object)
{
  RsEmptyState *self = RS_EMPTY_STATE (object);

  if (self->case_signals != NULL)
    g_signal_group_set_target (self->case_signals, NULL);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_EMPTY_STATE);
  g_clear_object (&self->case_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rs_empty_state_parent_class)->dispose (object);
}

static void
rs_empty_state_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RsEmptyState *self = RS_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rs_empty_state_get_store (self));
      break;

    case PROP_EMPTY:
      g_value_set_boolean (value, rs_empty_state_get_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_empty_state_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RsEmptyState *self = RS_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rs_empty_state_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_empty_state_class_init (RsEmptyStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_empty_state_dispose;
  object_class->get_property = rs_empty_state_get_property;
  object_class->set_property = rs_empty_state_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redstring/Redstring/rs-empty-state.ui");
  gtk_widget_class_bind_template_child (widget_class, RsEmptyState, status_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rs-empty-state");
}

static void
rs_empty_state_init (RsEmptyState *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* No store, no case: nothing to say yet. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->case_signals = g_signal_group_new (RS_TYPE_CASE);
  g_signal_group_connect_object (self->case_signals, "changed",
                                 G_CALLBACK (on_case_changed_cb), self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (RS_TYPE_CASE_STORE);
  g_signal_group_connect_object (self->store_signals, "reloaded",
                                 G_CALLBACK (on_store_reloaded_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rs_empty_state_new (void)
{
  return g_object_new (RS_TYPE_EMPTY_STATE, NULL);
}

RsCaseStore *
rs_empty_state_get_store (RsEmptyState *self)
{
  g_return_val_if_fail (RS_IS_EMPTY_STATE (self), NULL);
  return self->store;
}

void
rs_empty_state_set_store (RsEmptyState *self,
                          RsCaseStore  *store)
{
  g_return_if_fail (RS_IS_EMPTY_STATE (self));
  g_return_if_fail (store == NULL || RS_IS_CASE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->case_signals, store ? rs_case_store_get_case (store) : NULL);
  g_signal_group_set_target (self->store_signals, store);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* TRUE while the store's case has no entities and no documents. */
gboolean
rs_empty_state_get_empty (RsEmptyState *self)
{
  g_return_val_if_fail (RS_IS_EMPTY_STATE (self), FALSE);
  return self->empty;
}
