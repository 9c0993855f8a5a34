/* rs-note.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-note"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-enum-types.h"
#include "rs-note.h"

/* Free text an analyst attaches to the case or to one record. target_id is 0 for the case. */
struct _RsNote
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  RsTarget target;
  gint64 target_id;
  char *body;
  char *author;
  char *created;
  char *updated;
};

G_DEFINE_FINAL_TYPE (RsNote, rs_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TARGET,
  PROP_TARGET_ID,
  PROP_BODY,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_note_finalize (GObject *object)
{
  RsNote *self = (RsNote *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (rs_note_parent_class)->finalize (object);
}

static void
rs_note_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  RsNote *self = RS_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rs_note_get_id (self));
      break;

    case PROP_UID:
      g_value_set_string (value, rs_note_get_uid (self));
      break;

    case PROP_TARGET:
      g_value_set_enum (value, rs_note_get_target (self));
      break;

    case PROP_TARGET_ID:
      g_value_set_int64 (value, rs_note_get_target_id (self));
      break;

    case PROP_BODY:
      g_value_set_string (value, rs_note_get_body (self));
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, rs_note_get_author (self));
      break;

    case PROP_CREATED:
      g_value_set_string (value, rs_note_get_created (self));
      break;

    case PROP_UPDATED:
      g_value_set_string (value, rs_note_get_updated (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_note_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  RsNote *self = RS_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_note_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TARGET:
      rs_note_set_target (self, g_value_get_enum (value));
      break;

    case PROP_TARGET_ID:
      rs_note_set_target_id (self, g_value_get_int64 (value));
      break;

    case PROP_BODY:
      rs_note_set_body (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      rs_note_set_author (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      rs_note_set_created (self, g_value_get_string (value));
      break;

    case PROP_UPDATED:
      rs_note_set_updated (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_note_class_init (RsNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_note_finalize;
  object_class->get_property = rs_note_get_property;
  object_class->set_property = rs_note_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET] =
    g_param_spec_enum ("target", NULL, NULL,
                      RS_TYPE_TARGET, RS_TARGET_CASE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET_ID] =
    g_param_spec_int64 ("target-id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_note_init (RsNote *self)
{
  self->target = RS_TARGET_CASE;
}

RsNote *
rs_note_new (gint64 id)
{
  return g_object_new (RS_TYPE_NOTE, "id", id, NULL);
}

gint64
rs_note_get_id (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), 0);

  return self->id;
}

const char *
rs_note_get_uid (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), NULL);

  return self->uid;
}

void
rs_note_set_uid (RsNote     *self,
                 const char *uid)
{
  g_return_if_fail (RS_IS_NOTE (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

RsTarget
rs_note_get_target (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), 0);

  return self->target;
}

void
rs_note_set_target (RsNote   *self,
                    RsTarget target)
{
  g_return_if_fail (RS_IS_NOTE (self));

  if (self->target == target)
    return;

  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gint64
rs_note_get_target_id (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), 0);

  return self->target_id;
}

void
rs_note_set_target_id (RsNote *self,
                       gint64 target_id)
{
  g_return_if_fail (RS_IS_NOTE (self));

  if (self->target_id == target_id)
    return;

  self->target_id = target_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ID]);
}

const char *
rs_note_get_body (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), NULL);

  return self->body;
}

void
rs_note_set_body (RsNote     *self,
                  const char *body)
{
  g_return_if_fail (RS_IS_NOTE (self));

  if (g_strcmp0 (self->body, body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
rs_note_get_author (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), NULL);

  return self->author;
}

void
rs_note_set_author (RsNote     *self,
                    const char *author)
{
  g_return_if_fail (RS_IS_NOTE (self));

  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
rs_note_get_created (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), NULL);

  return self->created;
}

void
rs_note_set_created (RsNote     *self,
                     const char *created)
{
  g_return_if_fail (RS_IS_NOTE (self));

  if (g_strcmp0 (self->created, created) == 0)
    return;

  g_free (self->created);
  self->created = g_strdup (created);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

const char *
rs_note_get_updated (RsNote *self)
{
  g_return_val_if_fail (RS_IS_NOTE (self), NULL);

  return self->updated;
}

void
rs_note_set_updated (RsNote     *self,
                     const char *updated)
{
  g_return_if_fail (RS_IS_NOTE (self));

  if (g_strcmp0 (self->updated, updated) == 0)
    return;

  g_free (self->updated);
  self->updated = g_strdup (updated);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

/* The text to keep when this window saves OURS over BASE but the file already
 * holds THEIRS, written meanwhile by another window or program. Nothing of either
 * side is dropped: when both only added text at the end of BASE (the usual case:
 * two people appending to one note), both additions are kept after it, theirs
 * first; otherwise the two versions are kept one after the other, marked. */
char *
rs_note_merge_bodies (const char *base,
                      const char *theirs,
                      const char *ours)
{
  gsize base_len;

  g_return_val_if_fail (theirs != NULL, NULL);
  g_return_val_if_fail (ours != NULL, NULL);

  if (g_str_equal (theirs, ours) || (base != NULL && g_str_equal (base, theirs)))
    return g_strdup (ours);
  if (base != NULL && g_str_equal (base, ours))
    return g_strdup (theirs);

  base_len = base ? strlen (base) : 0;
  if (base_len > 0 && g_str_has_prefix (theirs, base) && g_str_has_prefix (ours, base))
    {
      const char *added = ours + base_len;

      /* Separate the two additions the way they were separated from BASE. */
      if (theirs[strlen (theirs) - 1] != '\n' && *added != '\n' && *added != '\0')
        return g_strconcat (theirs, "\n", added, NULL);
      return g_strconcat (theirs, added, NULL);
    }

  /* Translators: separates two versions of a note written at the same time */
  return g_strdup_printf ("%s\n\n%s\n%s", theirs,
                          _("——— This window’s version (the note was changed elsewhere meanwhile) ———"),
                          ours);
}
