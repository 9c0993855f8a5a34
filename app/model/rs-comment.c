/* rs-comment.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-comment"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-comment.h"

/* One comment in the review thread of a record: who, when, what, and whether the
 * thread's point was settled (resolved). */
struct _RsComment
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  RsTarget target;
  gint64 target_id;
  char *author;
  char *time;
  char *body;
  gboolean resolved;
};

G_DEFINE_FINAL_TYPE (RsComment, rs_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TARGET,
  PROP_TARGET_ID,
  PROP_AUTHOR,
  PROP_TIME,
  PROP_BODY,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_comment_finalize (GObject *object)
{
  RsComment *self = (RsComment *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (rs_comment_parent_class)->finalize (object);
}

static void
rs_comment_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RsComment *self = RS_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_TARGET:
      g_value_set_enum (value, self->target);
      break;

    case PROP_TARGET_ID:
      g_value_set_int64 (value, self->target_id);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_comment_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RsComment *self = RS_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_comment_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TARGET:
      rs_comment_set_target (self, g_value_get_enum (value));
      break;

    case PROP_TARGET_ID:
      rs_comment_set_target_id (self, g_value_get_int64 (value));
      break;

    case PROP_AUTHOR:
      rs_comment_set_author (self, g_value_get_string (value));
      break;

    case PROP_TIME:
      rs_comment_set_time (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      rs_comment_set_body (self, g_value_get_string (value));
      break;

    case PROP_RESOLVED:
      rs_comment_set_resolved (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_comment_class_init (RsCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_comment_finalize;
  object_class->get_property = rs_comment_get_property;
  object_class->set_property = rs_comment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_enum ("target", NULL, NULL, RS_TYPE_TARGET, RS_TARGET_ENTITY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_ID] =
    g_param_spec_int64 ("target-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVED] =
    g_param_spec_boolean ("resolved", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_comment_init (RsComment *self)
{
  self->target = RS_TARGET_ENTITY;
}

RsComment *
rs_comment_new (gint64 id)
{
  return g_object_new (RS_TYPE_COMMENT, "id", id, NULL);
}

gint64
rs_comment_get_id (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), 0);

  return self->id;
}

const char *
rs_comment_get_uid (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), NULL);

  return self->uid;
}

void
rs_comment_set_uid (RsComment *self,
                    const char *uid)
{
  g_return_if_fail (RS_IS_COMMENT (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

RsTarget
rs_comment_get_target (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), 0);

  return self->target;
}

void
rs_comment_set_target (RsComment *self,
                       RsTarget target)
{
  g_return_if_fail (RS_IS_COMMENT (self));

  if (self->target == target)
    return;

  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gint64
rs_comment_get_target_id (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), 0);

  return self->target_id;
}

void
rs_comment_set_target_id (RsComment *self,
                          gint64 target_id)
{
  g_return_if_fail (RS_IS_COMMENT (self));

  if (self->target_id == target_id)
    return;

  self->target_id = target_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ID]);
}

const char *
rs_comment_get_author (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), NULL);

  return self->author;
}

void
rs_comment_set_author (RsComment *self,
                       const char *author)
{
  g_return_if_fail (RS_IS_COMMENT (self));

  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
rs_comment_get_time (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), NULL);

  return self->time;
}

void
rs_comment_set_time (RsComment *self,
                     const char *time)
{
  g_return_if_fail (RS_IS_COMMENT (self));

  if (g_strcmp0 (self->time, time) == 0)
    return;

  g_free (self->time);
  self->time = g_strdup (time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

const char *
rs_comment_get_body (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), NULL);

  return self->body;
}

void
rs_comment_set_body (RsComment *self,
                     const char *body)
{
  g_return_if_fail (RS_IS_COMMENT (self));

  if (g_strcmp0 (self->body, body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gboolean
rs_comment_get_resolved (RsComment *self)
{
  g_return_val_if_fail (RS_IS_COMMENT (self), 0);

  return self->resolved;
}

void
rs_comment_set_resolved (RsComment *self,
                         gboolean resolved)
{
  g_return_if_fail (RS_IS_COMMENT (self));

  if (self->resolved == !!resolved)
    return;

  self->resolved = !!resolved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}
