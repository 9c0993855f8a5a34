/* rs-entity.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-entity"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-entity.h"

/* Something pinned on the board. The position is board state kept with it so views need one lookup. */
struct _RsEntity
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  RsEntityKind kind;
  char *name;
  char **aliases;
  char *description;
  /* The id an outside catalogue knows it by (ATT&CK T1566.001): its first
   * external_reference with one, read-only here (schema 8). */
  char *external_id;
  gboolean has_position;
  double x;
  double y;
  gboolean pinned;
};

G_DEFINE_FINAL_TYPE (RsEntity, rs_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_KIND,
  PROP_NAME,
  PROP_ALIASES,
  PROP_DESCRIPTION,
  PROP_HAS_POSITION,
  PROP_X,
  PROP_Y,
  PROP_PINNED,
  PROP_EXTERNAL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_entity_finalize (GObject *object)
{
  RsEntity *self = (RsEntity *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->external_id, g_free);

  G_OBJECT_CLASS (rs_entity_parent_class)->finalize (object);
}

static void
rs_entity_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RsEntity *self = RS_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rs_entity_get_id (self));
      break;

    case PROP_UID:
      g_value_set_string (value, rs_entity_get_uid (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, rs_entity_get_kind (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, rs_entity_get_name (self));
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, rs_entity_get_aliases (self));
      break;

    case PROP_EXTERNAL_ID:
      g_value_set_string (value, rs_entity_get_external_id (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, rs_entity_get_description (self));
      break;

    case PROP_HAS_POSITION:
      g_value_set_boolean (value, rs_entity_get_has_position (self));
      break;

    case PROP_X:
      g_value_set_double (value, rs_entity_get_x (self));
      break;

    case PROP_Y:
      g_value_set_double (value, rs_entity_get_y (self));
      break;

    case PROP_PINNED:
      g_value_set_boolean (value, rs_entity_get_pinned (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_entity_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  RsEntity *self = RS_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_entity_set_uid (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      rs_entity_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      rs_entity_set_name (self, g_value_get_string (value));
      break;

    case PROP_ALIASES:
      rs_entity_set_aliases (self, g_value_get_boxed (value));
      break;

    case PROP_EXTERNAL_ID:
      rs_entity_set_external_id (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rs_entity_set_description (self, g_value_get_string (value));
      break;

    case PROP_HAS_POSITION:
      rs_entity_set_has_position (self, g_value_get_boolean (value));
      break;

    case PROP_X:
      rs_entity_set_x (self, g_value_get_double (value));
      break;

    case PROP_Y:
      rs_entity_set_y (self, g_value_get_double (value));
      break;

    case PROP_PINNED:
      rs_entity_set_pinned (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_entity_class_init (RsEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_entity_finalize;
  object_class->get_property = rs_entity_get_property;
  object_class->set_property = rs_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                      RS_TYPE_ENTITY_KIND, RS_ENTITY_KIND_OTHER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                       G_TYPE_STRV,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_POSITION] =
    g_param_spec_boolean ("has-position", NULL, NULL,
                         FALSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL,
                        -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL,
                        -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL,
                         FALSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_entity_init (RsEntity *self)
{
  self->kind = RS_ENTITY_KIND_OTHER;
}

RsEntity *
rs_entity_new (gint64 id)
{
  return g_object_new (RS_TYPE_ENTITY, "id", id, NULL);
}

gint64
rs_entity_get_id (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), 0);

  return self->id;
}

const char *
rs_entity_get_uid (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), NULL);

  return self->uid;
}

void
rs_entity_set_uid (RsEntity   *self,
                   const char *uid)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

RsEntityKind
rs_entity_get_kind (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), 0);

  return self->kind;
}

void
rs_entity_set_kind (RsEntity     *self,
                    RsEntityKind kind)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
rs_entity_get_name (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), NULL);

  return self->name;
}

void
rs_entity_set_name (RsEntity   *self,
                    const char *name)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char * const *
rs_entity_get_aliases (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), NULL);

  return (const char * const *)self->aliases;
}

void
rs_entity_set_aliases (RsEntity           *self,
                       const char * const *aliases)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (self->aliases != NULL && aliases != NULL
      ? g_strv_equal ((const char * const *)self->aliases, aliases)
      : self->aliases == (char **)aliases)
    return;

  g_strfreev (self->aliases);
  self->aliases = g_strdupv ((char **)aliases);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

const char *
rs_entity_get_description (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), NULL);

  return self->description;
}

void
rs_entity_set_description (RsEntity   *self,
                           const char *description)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
rs_entity_get_external_id (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), NULL);

  return self->external_id;
}

void
rs_entity_set_external_id (RsEntity   *self,
                           const char *external_id)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (g_strcmp0 (self->external_id, external_id) == 0)
    return;

  g_free (self->external_id);
  self->external_id = g_strdup (external_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_ID]);
}

gboolean
rs_entity_get_has_position (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), FALSE);

  return self->has_position;
}

void
rs_entity_set_has_position (RsEntity *self,
                            gboolean has_position)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  has_position = !!has_position;

  if (self->has_position == has_position)
    return;

  self->has_position = has_position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_POSITION]);
}

double
rs_entity_get_x (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), 0);

  return self->x;
}

void
rs_entity_set_x (RsEntity *self,
                 double   x)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (self->x == x)
    return;

  self->x = x;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
}

double
rs_entity_get_y (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), 0);

  return self->y;
}

void
rs_entity_set_y (RsEntity *self,
                 double   y)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  if (self->y == y)
    return;

  self->y = y;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
}

gboolean
rs_entity_get_pinned (RsEntity *self)
{
  g_return_val_if_fail (RS_IS_ENTITY (self), FALSE);

  return self->pinned;
}

void
rs_entity_set_pinned (RsEntity *self,
                      gboolean pinned)
{
  g_return_if_fail (RS_IS_ENTITY (self));

  pinned = !!pinned;

  if (self->pinned == pinned)
    return;

  self->pinned = pinned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
}
