/* rs-event.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-event"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-event.h"

/* A dated happening on the timeline and the entities involved in it. */
struct _RsEvent
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *title;
  char *description;
  RsFuzzyDate *date;
  GArray *entity_ids;
};

G_DEFINE_FINAL_TYPE (RsEvent, rs_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_event_finalize (GObject *object)
{
  RsEvent *self = (RsEvent *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->date, rs_fuzzy_date_unref);
  g_clear_pointer (&self->entity_ids, g_array_unref);

  G_OBJECT_CLASS (rs_event_parent_class)->finalize (object);
}

static void
rs_event_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RsEvent *self = RS_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rs_event_get_id (self));
      break;

    case PROP_UID:
      g_value_set_string (value, rs_event_get_uid (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, rs_event_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, rs_event_get_description (self));
      break;

    case PROP_DATE:
      g_value_set_boxed (value, rs_event_get_date (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_event_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RsEvent *self = RS_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_event_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      rs_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rs_event_set_description (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      rs_event_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_event_class_init (RsEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_event_finalize;
  object_class->get_property = rs_event_get_property;
  object_class->set_property = rs_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                       RS_TYPE_FUZZY_DATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_event_init (RsEvent *self)
{
}

RsEvent *
rs_event_new (gint64 id)
{
  return g_object_new (RS_TYPE_EVENT, "id", id, NULL);
}

gint64
rs_event_get_id (RsEvent *self)
{
  g_return_val_if_fail (RS_IS_EVENT (self), 0);

  return self->id;
}

const char *
rs_event_get_uid (RsEvent *self)
{
  g_return_val_if_fail (RS_IS_EVENT (self), NULL);

  return self->uid;
}

void
rs_event_set_uid (RsEvent    *self,
                  const char *uid)
{
  g_return_if_fail (RS_IS_EVENT (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

const char *
rs_event_get_title (RsEvent *self)
{
  g_return_val_if_fail (RS_IS_EVENT (self), NULL);

  return self->title;
}

void
rs_event_set_title (RsEvent    *self,
                    const char *title)
{
  g_return_if_fail (RS_IS_EVENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rs_event_get_description (RsEvent *self)
{
  g_return_val_if_fail (RS_IS_EVENT (self), NULL);

  return self->description;
}

void
rs_event_set_description (RsEvent    *self,
                          const char *description)
{
  g_return_if_fail (RS_IS_EVENT (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

RsFuzzyDate *
rs_event_get_date (RsEvent *self)
{
  g_return_val_if_fail (RS_IS_EVENT (self), NULL);

  return self->date;
}

void
rs_event_set_date (RsEvent     *self,
                   RsFuzzyDate *date)
{
  g_return_if_fail (RS_IS_EVENT (self));

  if (rs_fuzzy_date_equal (self->date, date))
    return;

  g_clear_pointer (&self->date, rs_fuzzy_date_unref);
  self->date = date ? rs_fuzzy_date_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const gint64 *
rs_event_get_entity_ids (RsEvent *self,
                         guint   *n_ids)
{
  g_return_val_if_fail (RS_IS_EVENT (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->entity_ids ? self->entity_ids->len : 0;
  return self->entity_ids ? (const gint64 *)(gpointer)self->entity_ids->data : NULL;
}

void
rs_event_set_entity_ids (RsEvent      *self,
                         const gint64 *ids,
                         guint         n_ids)
{
  g_return_if_fail (RS_IS_EVENT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_clear_pointer (&self->entity_ids, g_array_unref);
  self->entity_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->entity_ids, ids, n_ids);
}

gboolean
rs_event_has_entity (RsEvent *self,
                     gint64   entity_id)
{
  g_return_val_if_fail (RS_IS_EVENT (self), FALSE);

  for (guint i = 0; self->entity_ids && i < self->entity_ids->len; i++)
    if (g_array_index (self->entity_ids, gint64, i) == entity_id)
      return TRUE;
  return FALSE;
}

/* Mirrors the ON DELETE CASCADE of event_entity when an entity goes. */
gboolean
rs_event_remove_entity (RsEvent *self,
                        gint64   entity_id)
{
  g_return_val_if_fail (RS_IS_EVENT (self), FALSE);

  for (guint i = 0; self->entity_ids && i < self->entity_ids->len; i++)
    if (g_array_index (self->entity_ids, gint64, i) == entity_id)
      {
        g_array_remove_index (self->entity_ids, i);
        return TRUE;
      }
  return FALSE;
}
