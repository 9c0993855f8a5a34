/* rs-relation.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-relation"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-relation.h"

/* A claim that links two entities, with how well it stands. route is the drawn path
 * laid out on the board ("x,y x,y ...", cubic Bezier, y-down), NULL for a straight line. */
struct _RsRelation
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  gint64 source_id;
  gint64 target_id;
  char *label;
  gboolean directed;
  RsRelationStatus status;
  char *route;
  gboolean has_label_position;
  double label_x;
  double label_y;
};

G_DEFINE_FINAL_TYPE (RsRelation, rs_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_SOURCE_ID,
  PROP_TARGET_ID,
  PROP_LABEL,
  PROP_DIRECTED,
  PROP_STATUS,
  PROP_ROUTE,
  PROP_HAS_LABEL_POSITION,
  PROP_LABEL_X,
  PROP_LABEL_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_relation_finalize (GObject *object)
{
  RsRelation *self = (RsRelation *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->route, g_free);

  G_OBJECT_CLASS (rs_relation_parent_class)->finalize (object);
}

static void
rs_relation_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RsRelation *self = RS_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rs_relation_get_id (self));
      break;

    case PROP_UID:
      g_value_set_string (value, rs_relation_get_uid (self));
      break;

    case PROP_SOURCE_ID:
      g_value_set_int64 (value, rs_relation_get_source_id (self));
      break;

    case PROP_TARGET_ID:
      g_value_set_int64 (value, rs_relation_get_target_id (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, rs_relation_get_label (self));
      break;

    case PROP_DIRECTED:
      g_value_set_boolean (value, rs_relation_get_directed (self));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, rs_relation_get_status (self));
      break;

    case PROP_ROUTE:
      g_value_set_string (value, rs_relation_get_route (self));
      break;

    case PROP_HAS_LABEL_POSITION:
      g_value_set_boolean (value, rs_relation_get_has_label_position (self));
      break;

    case PROP_LABEL_X:
      g_value_set_double (value, rs_relation_get_label_x (self));
      break;

    case PROP_LABEL_Y:
      g_value_set_double (value, rs_relation_get_label_y (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_relation_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RsRelation *self = RS_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_relation_set_uid (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_ID:
      rs_relation_set_source_id (self, g_value_get_int64 (value));
      break;

    case PROP_TARGET_ID:
      rs_relation_set_target_id (self, g_value_get_int64 (value));
      break;

    case PROP_LABEL:
      rs_relation_set_label (self, g_value_get_string (value));
      break;

    case PROP_DIRECTED:
      rs_relation_set_directed (self, g_value_get_boolean (value));
      break;

    case PROP_STATUS:
      rs_relation_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ROUTE:
      rs_relation_set_route (self, g_value_get_string (value));
      break;

    case PROP_HAS_LABEL_POSITION:
      rs_relation_set_has_label_position (self, g_value_get_boolean (value));
      break;

    case PROP_LABEL_X:
      rs_relation_set_label_x (self, g_value_get_double (value));
      break;

    case PROP_LABEL_Y:
      rs_relation_set_label_y (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_relation_class_init (RsRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_relation_finalize;
  object_class->get_property = rs_relation_get_property;
  object_class->set_property = rs_relation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET_ID] =
    g_param_spec_int64 ("target-id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DIRECTED] =
    g_param_spec_boolean ("directed", NULL, NULL,
                         TRUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                      RS_TYPE_RELATION_STATUS, RS_RELATION_STATUS_ALLEGED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROUTE] =
    g_param_spec_string ("route", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_LABEL_POSITION] =
    g_param_spec_boolean ("has-label-position", NULL, NULL,
                         FALSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LABEL_X] =
    g_param_spec_double ("label-x", NULL, NULL,
                        -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LABEL_Y] =
    g_param_spec_double ("label-y", NULL, NULL,
                        -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_relation_init (RsRelation *self)
{
  self->directed = TRUE;
  self->status = RS_RELATION_STATUS_ALLEGED;
}

RsRelation *
rs_relation_new (gint64 id)
{
  return g_object_new (RS_TYPE_RELATION, "id", id, NULL);
}

gint64
rs_relation_get_id (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), 0);

  return self->id;
}

const char *
rs_relation_get_uid (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), NULL);

  return self->uid;
}

void
rs_relation_set_uid (RsRelation *self,
                     const char *uid)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

gint64
rs_relation_get_source_id (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), 0);

  return self->source_id;
}

void
rs_relation_set_source_id (RsRelation *self,
                           gint64     source_id)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (self->source_id == source_id)
    return;

  self->source_id = source_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
}

gint64
rs_relation_get_target_id (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), 0);

  return self->target_id;
}

void
rs_relation_set_target_id (RsRelation *self,
                           gint64     target_id)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (self->target_id == target_id)
    return;

  self->target_id = target_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ID]);
}

const char *
rs_relation_get_label (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), NULL);

  return self->label;
}

void
rs_relation_set_label (RsRelation *self,
                       const char *label)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
rs_relation_get_directed (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), FALSE);

  return self->directed;
}

void
rs_relation_set_directed (RsRelation *self,
                          gboolean   directed)
{
  g_return_if_fail (RS_IS_RELATION (self));

  directed = !!directed;

  if (self->directed == directed)
    return;

  self->directed = directed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTED]);
}

RsRelationStatus
rs_relation_get_status (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), 0);

  return self->status;
}

void
rs_relation_set_status (RsRelation       *self,
                        RsRelationStatus status)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
rs_relation_get_route (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), NULL);

  return self->route;
}

void
rs_relation_set_route (RsRelation *self,
                       const char *route)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (g_strcmp0 (self->route, route) == 0)
    return;

  g_free (self->route);
  self->route = g_strdup (route);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTE]);
}

gboolean
rs_relation_get_has_label_position (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), FALSE);

  return self->has_label_position;
}

void
rs_relation_set_has_label_position (RsRelation *self,
                                    gboolean   has_label_position)
{
  g_return_if_fail (RS_IS_RELATION (self));

  has_label_position = !!has_label_position;

  if (self->has_label_position == has_label_position)
    return;

  self->has_label_position = has_label_position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_LABEL_POSITION]);
}

double
rs_relation_get_label_x (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), 0);

  return self->label_x;
}

void
rs_relation_set_label_x (RsRelation *self,
                         double     label_x)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (self->label_x == label_x)
    return;

  self->label_x = label_x;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_X]);
}

double
rs_relation_get_label_y (RsRelation *self)
{
  g_return_val_if_fail (RS_IS_RELATION (self), 0);

  return self->label_y;
}

void
rs_relation_set_label_y (RsRelation *self,
                         double     label_y)
{
  g_return_if_fail (RS_IS_RELATION (self));

  if (self->label_y == label_y)
    return;

  self->label_y = label_y;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_Y]);
}
