/* rs-review.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-review"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-review.h"

/* Where a record stands in review: accepted or challenged, by whom and when. One per
 * reviewed record; a record without one is unreviewed. */
struct _RsReview
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  RsTarget target;
  gint64 target_id;
  RsReviewState state;
  char *reviewer;
  char *time;
};

G_DEFINE_FINAL_TYPE (RsReview, rs_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TARGET,
  PROP_TARGET_ID,
  PROP_STATE,
  PROP_REVIEWER,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_review_finalize (GObject *object)
{
  RsReview *self = (RsReview *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->time, g_free);

  G_OBJECT_CLASS (rs_review_parent_class)->finalize (object);
}

static void
rs_review_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RsReview *self = RS_REVIEW (object);

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

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_review_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  RsReview *self = RS_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_review_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TARGET:
      rs_review_set_target (self, g_value_get_enum (value));
      break;

    case PROP_TARGET_ID:
      rs_review_set_target_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATE:
      rs_review_set_state (self, g_value_get_enum (value));
      break;

    case PROP_REVIEWER:
      rs_review_set_reviewer (self, g_value_get_string (value));
      break;

    case PROP_TIME:
      rs_review_set_time (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_review_class_init (RsReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_review_finalize;
  object_class->get_property = rs_review_get_property;
  object_class->set_property = rs_review_set_property;

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
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RS_TYPE_REVIEW_STATE, RS_REVIEW_STATE_UNREVIEWED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWER] =
    g_param_spec_string ("reviewer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_review_init (RsReview *self)
{
  self->target = RS_TARGET_ENTITY;
}

RsReview *
rs_review_new (gint64 id)
{
  return g_object_new (RS_TYPE_REVIEW, "id", id, NULL);
}

gint64
rs_review_get_id (RsReview *self)
{
  g_return_val_if_fail (RS_IS_REVIEW (self), 0);

  return self->id;
}

const char *
rs_review_get_uid (RsReview *self)
{
  g_return_val_if_fail (RS_IS_REVIEW (self), NULL);

  return self->uid;
}

void
rs_review_set_uid (RsReview *self,
                   const char *uid)
{
  g_return_if_fail (RS_IS_REVIEW (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

RsTarget
rs_review_get_target (RsReview *self)
{
  g_return_val_if_fail (RS_IS_REVIEW (self), 0);

  return self->target;
}

void
rs_review_set_target (RsReview *self,
                      RsTarget target)
{
  g_return_if_fail (RS_IS_REVIEW (self));

  if (self->target == target)
    return;

  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gint64
rs_review_get_target_id (RsReview *self)
{
  g_return_val_if_fail (RS_IS_REVIEW (self), 0);

  return self->target_id;
}

void
rs_review_set_target_id (RsReview *self,
                         gint64 target_id)
{
  g_return_if_fail (RS_IS_REVIEW (self));

  if (self->target_id == target_id)
    return;

  self->target_id = target_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ID]);
}

RsReviewState
rs_review_get_state (RsReview *self)
{
  g_return_val_if_fail (RS_IS_REVIEW (self), 0);

  return self->state;
}

void
rs_review_set_state (RsReview *self,
                     RsReviewState state)
{
  g_return_if_fail (RS_IS_REVIEW (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
rs_review_get_reviewer (RsReview *self)
{
  g_return_val_if_fail (RS_IS_REVIEW (self), NULL);

  return self->reviewer;
}

void
rs_review_set_reviewer (RsReview *self,
                        const char *reviewer)
{
  g_return_if_fail (RS_IS_REVIEW (self));

  if (g_strcmp0 (self->reviewer, reviewer) == 0)
    return;

  g_free (self->reviewer);
  self->reviewer = g_strdup (reviewer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER]);
}

const char *
rs_review_get_time (RsReview *self)
{
  g_return_val_if_fail (RS_IS_REVIEW (self), NULL);

  return self->time;
}

void
rs_review_set_time (RsReview *self,
                    const char *time)
{
  g_return_if_fail (RS_IS_REVIEW (self));

  if (g_strcmp0 (self->time, time) == 0)
    return;

  g_free (self->time);
  self->time = g_strdup (time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}
