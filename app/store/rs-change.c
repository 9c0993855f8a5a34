/* rs-change.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-change"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-change.h"
#include "rs-db.h"
#include "rs-error.h"

/* One committed command: what it is called, who made it and when, and the rows it
 * changed as a SQLite changeset (the session extension's binary format: for each
 * row its primary key, and the old and new values of what changed). The bytes are
 * opaque outside the store; undo applies their inverse, redo the bytes, and review
 * or merging can keep and exchange them as they are. Immutable. */
struct _RsChange
{
  GObject parent_instance;

  /* Owned */
  char      *label;
  char      *author;
  GDateTime *time;
  GBytes    *changeset;
};

G_DEFINE_FINAL_TYPE (RsChange, rs_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_AUTHOR,
  PROP_TIME,
  PROP_CHANGESET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_change_finalize (GObject *object)
{
  RsChange *self = (RsChange *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->changeset, g_bytes_unref);

  G_OBJECT_CLASS (rs_change_parent_class)->finalize (object);
}

static void
rs_change_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RsChange *self = RS_CHANGE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, rs_change_get_label (self));
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, rs_change_get_author (self));
      break;

    case PROP_TIME:
      g_value_set_boxed (value, rs_change_get_time (self));
      break;

    case PROP_CHANGESET:
      g_value_set_boxed (value, rs_change_get_changeset (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_change_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RsChange *self = RS_CHANGE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    case PROP_AUTHOR:
      self->author = g_value_dup_string (value);
      break;

    case PROP_TIME:
      self->time = g_value_dup_boxed (value);
      break;

    case PROP_CHANGESET:
      self->changeset = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_change_constructed (GObject *object)
{
  RsChange *self = (RsChange *)object;

  G_OBJECT_CLASS (rs_change_parent_class)->constructed (object);

  if (self->label == NULL)
    self->label = g_strdup ("");
  if (self->author == NULL)
    self->author = g_strdup ("");
  if (self->time == NULL)
    self->time = g_date_time_new_now_utc ();
  if (self->changeset == NULL)
    self->changeset = g_bytes_new (NULL, 0);
}

static void
rs_change_class_init (RsChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_change_finalize;
  object_class->get_property = rs_change_get_property;
  object_class->set_property = rs_change_set_property;
  object_class->constructed = rs_change_constructed;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGESET] =
    g_param_spec_boxed ("changeset", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_change_init (RsChange *self)
{
}

RsChange *
rs_change_new (const char *label,
               const char *author,
               GDateTime  *time,
               GBytes     *changeset)
{
  return g_object_new (RS_TYPE_CHANGE,
                       "label", label,
                       "author", author,
                       "time", time,
                       "changeset", changeset,
                       NULL);
}

const char *
rs_change_get_label (RsChange *self)
{
  g_return_val_if_fail (RS_IS_CHANGE (self), NULL);
  return self->label;
}

const char *
rs_change_get_author (RsChange *self)
{
  g_return_val_if_fail (RS_IS_CHANGE (self), NULL);
  return self->author;
}

GDateTime *
rs_change_get_time (RsChange *self)
{
  g_return_val_if_fail (RS_IS_CHANGE (self), NULL);
  return self->time;
}

GBytes *
rs_change_get_changeset (RsChange *self)
{
  g_return_val_if_fail (RS_IS_CHANGE (self), NULL);
  return self->changeset;
}

/* Whether the command changed nothing (an edit that set what was already there). */
gboolean
rs_change_is_empty (RsChange *self)
{
  g_return_val_if_fail (RS_IS_CHANGE (self), TRUE);
  return g_bytes_get_size (self->changeset) == 0;
}

/* The changeset that takes the case back from after the change to before it. */
GBytes *
rs_change_dup_inverse (RsChange  *self,
                       GError   **error)
{
  gsize size = 0;
  gconstpointer data;
  void *inverse = NULL;
  int n_inverse = 0;
  int rc;

  g_return_val_if_fail (RS_IS_CHANGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (self->changeset, &size);
  if (size == 0)
    return g_bytes_new (NULL, 0);
  if (size > G_MAXINT)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The change “%s” is too large to undo"), self->label);
      return NULL;
    }

  if ((rc = sqlite3changeset_invert ((int)size, data, &n_inverse, &inverse)) != SQLITE_OK)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The change “%s” cannot be read (%s)"), self->label, sqlite3_errstr (rc));
      return NULL;
    }
  return g_bytes_new_with_free_func (inverse, n_inverse, sqlite3_free, inverse);
}
