/* rs-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-panel"

#include "config.h"

#include "rs-gui-closures.h"
#include "rs-panel.h"
#include "rs-text.h"

/* The base of the side panels and the source viewer (like SysprofSection): it holds
 * the open case and the shared selection, follows both with signal groups, and
 * tells the subclass through vfuncs. Children are laid out in a vertical box. */

typedef struct
{
  /* Owned */
  RsCaseStore  *store;
  RsSelection  *selection;
  GSignalGroup *selection_signals;
  GSignalGroup *case_signals;
  GSignalGroup *store_signals;
  gboolean      editable;     /* the window's lock: FALSE refuses editing */
} RsPanelPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RsPanel, rs_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_selection_changed_cb (RsPanel     *self,
                         RsSelection *selection)
{
  g_assert (RS_IS_PANEL (self));

  if (RS_PANEL_GET_CLASS (self)->selection_changed)
    RS_PANEL_GET_CLASS (self)->selection_changed (self);
}

static void
on_case_changed_cb (RsPanel *self,
                    RsCase  *kase)
{
  g_assert (RS_IS_PANEL (self));

  if (RS_PANEL_GET_CLASS (self)->case_changed)
    RS_PANEL_GET_CLASS (self)->case_changed (self);
}

/* Another program changed the file and the store read it again into a new case:
 * for the subclass, the same as a new store. */
static void
on_store_reloaded_cb (RsPanel     *self,
                      RsCaseStore *store)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_assert (RS_IS_PANEL (self));

  g_signal_group_set_target (priv->case_signals, rs_case_store_get_case (store));
  if (RS_PANEL_GET_CLASS (self)->store_changed)
    RS_PANEL_GET_CLASS (self)->store_changed (self);
}

static void
rs_panel_dispose (GObject *object)
{
  RsPanel *self = (RsPanel *)object;
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);
  GtkWidget *child;

  if (priv->selection_signals != NULL)
    g_signal_group_set_target (priv->selection_signals, NULL);
  if (priv->case_signals != NULL)
    g_signal_group_set_target (priv->case_signals, NULL);
  if (priv->store_signals != NULL)
    g_signal_group_set_target (priv->store_signals, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&priv->selection_signals);
  g_clear_object (&priv->case_signals);
  g_clear_object (&priv->store_signals);
  g_clear_object (&priv->store);
  g_clear_object (&priv->selection);

  G_OBJECT_CLASS (rs_panel_parent_class)->dispose (object);
}

static void
rs_panel_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RsPanel *self = RS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rs_panel_get_store (self));
      break;

    case PROP_SELECTION:
      g_value_set_object (value, rs_panel_get_selection (self));
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, rs_panel_get_editable (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_panel_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  RsPanel *self = RS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rs_panel_set_store (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      rs_panel_set_selection (self, g_value_get_object (value));
      break;

    case PROP_EDITABLE:
      rs_panel_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_panel_class_init (RsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_panel_dispose;
  object_class->get_property = rs_panel_get_property;
  object_class->set_property = rs_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, RS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
rs_panel_init (RsPanel *self)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  priv->editable = TRUE;

  priv->selection_signals = g_signal_group_new (RS_TYPE_SELECTION);
  g_signal_group_connect_object (priv->selection_signals, "changed",
                                 G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  priv->case_signals = g_signal_group_new (RS_TYPE_CASE);
  g_signal_group_connect_object (priv->case_signals, "changed",
                                 G_CALLBACK (on_case_changed_cb), self, G_CONNECT_SWAPPED);

  priv->store_signals = g_signal_group_new (RS_TYPE_CASE_STORE);
  g_signal_group_connect_object (priv->store_signals, "reloaded",
                                 G_CALLBACK (on_store_reloaded_cb), self, G_CONNECT_SWAPPED);
}

gboolean
rs_panel_get_editable (RsPanel *self)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_return_val_if_fail (RS_IS_PANEL (self), FALSE);
  return priv->editable;
}

/* The window's lock (issue 20): a panel that edits the case refuses to while FALSE,
 * and says so by its controls' sensitivity; subclasses follow notify::editable. */
void
rs_panel_set_editable (RsPanel  *self,
                       gboolean  editable)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_return_if_fail (RS_IS_PANEL (self));

  editable = !!editable;
  if (priv->editable == editable)
    return;
  priv->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
on_edit_action_editable_cb (RsPanel    *self,
                            GParamSpec *pspec,
                            const char *action_name)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action_name, rs_panel_get_editable (self));
}

/* An action of the panel that edits the case: enabled only while the panel is
 * editable. @action_name must be static (an installed action's name). */
void
rs_panel_add_edit_action (RsPanel    *self,
                          const char *action_name)
{
  g_return_if_fail (RS_IS_PANEL (self));
  g_signal_connect (self, "notify::editable", G_CALLBACK (on_edit_action_editable_cb),
                    (gpointer) action_name);
}

RsCaseStore *
rs_panel_get_store (RsPanel *self)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_return_val_if_fail (RS_IS_PANEL (self), NULL);
  return priv->store;
}

void
rs_panel_set_store (RsPanel     *self,
                    RsCaseStore *store)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_return_if_fail (RS_IS_PANEL (self));
  g_return_if_fail (store == NULL || RS_IS_CASE_STORE (store));

  if (!g_set_object (&priv->store, store))
    return;

  g_signal_group_set_target (priv->case_signals, store ? rs_case_store_get_case (store) : NULL);
  g_signal_group_set_target (priv->store_signals, store);

  if (RS_PANEL_GET_CLASS (self)->store_changed)
    RS_PANEL_GET_CLASS (self)->store_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* The case of the store, or NULL: a convenience for subclasses. */
RsCase *
rs_panel_get_case (RsPanel *self)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_return_val_if_fail (RS_IS_PANEL (self), NULL);
  return priv->store ? rs_case_store_get_case (priv->store) : NULL;
}

RsSelection *
rs_panel_get_selection (RsPanel *self)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_return_val_if_fail (RS_IS_PANEL (self), NULL);
  return priv->selection;
}

void
rs_panel_set_selection (RsPanel     *self,
                        RsSelection *selection)
{
  RsPanelPrivate *priv = rs_panel_get_instance_private (self);

  g_return_if_fail (RS_IS_PANEL (self));
  g_return_if_fail (selection == NULL || RS_IS_SELECTION (selection));

  if (!g_set_object (&priv->selection, selection))
    return;

  g_signal_group_set_target (priv->selection_signals, selection);

  if (RS_PANEL_GET_CLASS (self)->selection_changed)
    RS_PANEL_GET_CLASS (self)->selection_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/* Replaces the selection, the first target primary, in one "changed". */
void
rs_panel_select_targets (RsSelection         *selection,
                         const RsPanelTarget *targets,
                         guint                n_targets)
{
  g_autofree RsTarget *targets_only = NULL;
  g_autofree gint64 *ids = NULL;

  g_return_if_fail (RS_IS_SELECTION (selection));
  g_return_if_fail (targets != NULL || n_targets == 0);

  if (n_targets == 0)
    {
      rs_selection_clear (selection);
      return;
    }

  targets_only = g_new (RsTarget, n_targets);
  ids = g_new (gint64, n_targets);
  for (guint i = 0; i < n_targets; i++)
    {
      targets_only[i] = targets[i].target;
      ids[i] = targets[i].id;
    }
  rs_selection_set_items (selection, targets_only, ids, n_targets);
}

/* How a selected thing is named in headings and "what it backs": "Tick" (or "Tick —
 * threat group" with_kind), "PLA → Tick: directed", an event's or document's title.
 * Bounded (rs-text.h): headings and the "what it backs" lists are built from these.
 * NULL when it is not in the case. */
char *
rs_panel_dup_target_label (RsCase   *kase,
                           RsTarget  target,
                           gint64    id,
                           gboolean  with_kind)
{
  g_return_val_if_fail (RS_IS_CASE (kase), NULL);

  switch (target)
    {
    case RS_TARGET_ENTITY:
      {
        RsEntity *entity = rs_case_lookup_entity (kase, id);

        if (entity == NULL)
          return NULL;
        if (with_kind)
          return rs_gui_closures_entity_heading (NULL, rs_entity_get_name (entity),
                                                 rs_entity_get_kind (entity));
        return rs_text_dup_for_label (rs_entity_get_name (entity), RS_TEXT_LABEL_MAX_CHARS);
      }

    case RS_TARGET_RELATION:
      {
        RsRelation *relation = rs_case_lookup_relation (kase, id);
        RsEntity *source, *dest;

        if (relation == NULL)
          return NULL;
        source = rs_case_lookup_entity (kase, rs_relation_get_source_id (relation));
        dest = rs_case_lookup_entity (kase, rs_relation_get_target_id (relation));
        return rs_gui_closures_relation_label (NULL,
                                               source ? rs_entity_get_name (source) : "?",
                                               rs_relation_get_label (relation),
                                               dest ? rs_entity_get_name (dest) : "?",
                                               rs_relation_get_directed (relation));
      }

    case RS_TARGET_EVENT:
      {
        RsEvent *event = rs_case_lookup_event (kase, id);

        return event ? rs_text_dup_for_label (rs_event_get_title (event),
                                              RS_TEXT_LABEL_MAX_CHARS) : NULL;
      }

    case RS_TARGET_DOCUMENT:
      {
        RsDocument *document = rs_case_lookup_document (kase, id);

        return document ? rs_text_dup_for_label (rs_document_get_title (document),
                                                 RS_TEXT_LABEL_MAX_CHARS) : NULL;
      }

    case RS_TARGET_QUOTE:
      {
        RsQuote *quote = rs_case_lookup_quote (kase, id);

        return quote ? rs_gui_closures_quote_text (NULL, rs_quote_get_text (quote)) : NULL;
      }

    case RS_TARGET_CASE:
    default:
      return rs_text_dup_for_label (rs_case_get_title (kase), RS_TEXT_LABEL_MAX_CHARS);
    }
}
