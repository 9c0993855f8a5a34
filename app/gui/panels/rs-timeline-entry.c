/* rs-timeline-entry.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-timeline-entry"

#include "config.h"

#include "rs-timeline-entry.h"

/* What a timeline row shows about an event beyond its own properties: the names of
 * the entities involved, and whether it involves the current selection. Entries
 * follow the case and the selection themselves, so rows update without the panel
 * having to know which rows exist. */
struct _RsTimelineEntry
{
  GObject parent_instance;

  /* Owned */
  RsEvent     *event;
  RsCase      *kase;
  RsSelection *selection;
  char        *entities;

  guint        involved : 1;
};

G_DEFINE_FINAL_TYPE (RsTimelineEntry, rs_timeline_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_ENTITIES,
  PROP_INVOLVED,
  PROP_ACTION_NAME,
  PROP_ACTION_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An event involves the selection when it, or one of its entities, is selected. */
gboolean
rs_timeline_event_is_involved (RsEvent     *event,
                               RsSelection *selection)
{
  const gint64 *ids;
  guint n_ids;

  g_return_val_if_fail (RS_IS_EVENT (event), FALSE);
  g_return_val_if_fail (selection == NULL || RS_IS_SELECTION (selection), FALSE);

  if (selection == NULL || rs_selection_get_n_items (selection) == 0)
    return FALSE;
  if (rs_selection_contains (selection, RS_TARGET_EVENT, rs_event_get_id (event)))
    return TRUE;

  ids = rs_event_get_entity_ids (event, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (rs_selection_contains (selection, RS_TARGET_ENTITY, ids[i]))
      return TRUE;
  return FALSE;
}

static void
update_involved (RsTimelineEntry *self)
{
  gboolean involved = rs_timeline_event_is_involved (self->event, self->selection);

  if (self->involved == involved)
    return;
  self->involved = involved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOLVED]);
}

static void
update_entities (RsTimelineEntry *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *entities = NULL;
  const gint64 *ids;
  guint n_ids;

  ids = rs_event_get_entity_ids (self->event, &n_ids);
  for (guint i = 0; self->kase != NULL && i < n_ids; i++)
    {
      RsEntity *entity = rs_case_lookup_entity (self->kase, ids[i]);

      if (entity != NULL)
        g_ptr_array_add (names, (gpointer)rs_entity_get_name (entity));
    }
  g_ptr_array_add (names, NULL);
  entities = g_strjoinv (", ", (char **)names->pdata);

  if (g_strcmp0 (self->entities, entities) == 0)
    return;
  g_free (self->entities);
  self->entities = g_steal_pointer (&entities);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITIES]);
}

static void
rs_timeline_entry_dispose (GObject *object)
{
  RsTimelineEntry *self = (RsTimelineEntry *)object;

  g_clear_object (&self->event);
  g_clear_object (&self->kase);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (rs_timeline_entry_parent_class)->dispose (object);
}

static void
rs_timeline_entry_finalize (GObject *object)
{
  RsTimelineEntry *self = (RsTimelineEntry *)object;

  g_clear_pointer (&self->entities, g_free);

  G_OBJECT_CLASS (rs_timeline_entry_parent_class)->finalize (object);
}

static void
rs_timeline_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RsTimelineEntry *self = RS_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, rs_timeline_entry_get_event (self));
      break;

    case PROP_ENTITIES:
      g_value_set_string (value, rs_timeline_entry_get_entities (self));
      break;

    case PROP_INVOLVED:
      g_value_set_boolean (value, rs_timeline_entry_get_involved (self));
      break;

    case PROP_ACTION_NAME:
      g_value_set_string (value, "timeline.review-menu");
      break;

    case PROP_ACTION_TARGET:
      /* The row's menu button names its event (issue 20: the review menu). */
      g_value_set_variant (value, g_variant_new_int64 (self->event ? rs_event_get_id (self->event)
                                                                   : 0));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_timeline_entry_class_init (RsTimelineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_timeline_entry_dispose;
  object_class->finalize = rs_timeline_entry_finalize;
  object_class->get_property = rs_timeline_entry_get_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, RS_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITIES] =
    g_param_spec_string ("entities", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVOLVED] =
    g_param_spec_boolean ("involved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_TARGET] =
    g_param_spec_variant ("action-target", NULL, NULL, G_VARIANT_TYPE_INT64, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_timeline_entry_init (RsTimelineEntry *self)
{
}

RsTimelineEntry *
rs_timeline_entry_new (RsEvent     *event,
                       RsCase      *kase,
                       RsSelection *selection)
{
  RsTimelineEntry *self;

  g_return_val_if_fail (RS_IS_EVENT (event), NULL);
  g_return_val_if_fail (kase == NULL || RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (selection == NULL || RS_IS_SELECTION (selection), NULL);

  self = g_object_new (RS_TYPE_TIMELINE_ENTRY, NULL);
  self->event = g_object_ref (event);
  g_set_object (&self->kase, kase);
  g_set_object (&self->selection, selection);

  update_entities (self);
  update_involved (self);

  /* Handlers go away with the entry (g_signal_connect_object). */
  if (kase != NULL)
    g_signal_connect_object (kase, "changed", G_CALLBACK (update_entities), self,
                             G_CONNECT_SWAPPED);
  if (selection != NULL)
    g_signal_connect_object (selection, "changed", G_CALLBACK (update_involved), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (event, "notify", G_CALLBACK (update_entities), self,
                           G_CONNECT_SWAPPED);

  return self;
}

RsEvent *
rs_timeline_entry_get_event (RsTimelineEntry *self)
{
  g_return_val_if_fail (RS_IS_TIMELINE_ENTRY (self), NULL);
  return self->event;
}

const char *
rs_timeline_entry_get_entities (RsTimelineEntry *self)
{
  g_return_val_if_fail (RS_IS_TIMELINE_ENTRY (self), NULL);
  return self->entities;
}

gboolean
rs_timeline_entry_get_involved (RsTimelineEntry *self)
{
  g_return_val_if_fail (RS_IS_TIMELINE_ENTRY (self), FALSE);
  return self->involved;
}
