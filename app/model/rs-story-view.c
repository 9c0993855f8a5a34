/* rs-story-view.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-story-view"

#include "config.h"

#include "rs-story-view.h"

/* One step of a storyline (issue 20, presentation mode): the board area the camera
 * framed, the entities and relations shown (NULL: everything), those highlighted, and
 * a caption. Items are named by uid, so a view survives a bundle round trip and an
 * item deleted later is simply not there to show. */
struct _RsStoryView
{
  GObject parent_instance;

  gint64 id;
  guint position;
  double camera[4];        /* x, y, width, height: board units */

  /* Owned */
  char *uid;
  char *caption;
  GStrv shown;             /* NULL: everything */
  GStrv highlighted;       /* never NULL */
};

G_DEFINE_FINAL_TYPE (RsStoryView, rs_story_view, G_TYPE_OBJECT)

/* g_set_str () is GLib 2.76. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_POSITION,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_story_view_finalize (GObject *object)
{
  RsStoryView *self = (RsStoryView *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->shown, g_strfreev);
  g_clear_pointer (&self->highlighted, g_strfreev);

  G_OBJECT_CLASS (rs_story_view_parent_class)->finalize (object);
}

static void
rs_story_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RsStoryView *self = RS_STORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_story_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RsStoryView *self = RS_STORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_story_view_set_uid (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      rs_story_view_set_position (self, g_value_get_uint (value));
      break;

    case PROP_CAPTION:
      rs_story_view_set_caption (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_story_view_class_init (RsStoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_story_view_finalize;
  object_class->get_property = rs_story_view_get_property;
  object_class->set_property = rs_story_view_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_story_view_init (RsStoryView *self)
{
  self->caption = g_strdup ("");
  self->highlighted = g_new0 (char *, 1);
  self->camera[2] = self->camera[3] = 1;
}

RsStoryView *
rs_story_view_new (gint64 id)
{
  return g_object_new (RS_TYPE_STORY_VIEW, "id", id, NULL);
}

gint64
rs_story_view_get_id (RsStoryView *self)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), 0);
  return self->id;
}

const char *
rs_story_view_get_uid (RsStoryView *self)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), NULL);
  return self->uid;
}

void
rs_story_view_set_uid (RsStoryView *self,
                       const char  *uid)
{
  g_return_if_fail (RS_IS_STORY_VIEW (self));

  if (set_str (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

guint
rs_story_view_get_position (RsStoryView *self)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), 0);
  return self->position;
}

void
rs_story_view_set_position (RsStoryView *self,
                            guint        position)
{
  g_return_if_fail (RS_IS_STORY_VIEW (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
rs_story_view_get_caption (RsStoryView *self)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), NULL);
  return self->caption;
}

void
rs_story_view_set_caption (RsStoryView *self,
                           const char  *caption)
{
  g_return_if_fail (RS_IS_STORY_VIEW (self));

  if (set_str (&self->caption, caption != NULL ? caption : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

/* The board area the camera framed, in board units: top-left corner and size. */
void
rs_story_view_get_camera (RsStoryView *self,
                          double      *x,
                          double      *y,
                          double      *width,
                          double      *height)
{
  g_return_if_fail (RS_IS_STORY_VIEW (self));

  if (x) *x = self->camera[0];
  if (y) *y = self->camera[1];
  if (width) *width = self->camera[2];
  if (height) *height = self->camera[3];
}

void
rs_story_view_set_camera (RsStoryView *self,
                          double       x,
                          double       y,
                          double       width,
                          double       height)
{
  g_return_if_fail (RS_IS_STORY_VIEW (self));

  self->camera[0] = x;
  self->camera[1] = y;
  self->camera[2] = width;
  self->camera[3] = height;
}

/* Returns: (nullable) (transfer none): the uids shown, NULL for everything */
const char * const *
rs_story_view_get_shown (RsStoryView *self)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), NULL);
  return (const char * const *)self->shown;
}

void
rs_story_view_set_shown (RsStoryView        *self,
                         const char * const *uids)
{
  g_return_if_fail (RS_IS_STORY_VIEW (self));

  g_clear_pointer (&self->shown, g_strfreev);
  self->shown = uids != NULL ? g_strdupv ((char **)uids) : NULL;
}

/* Returns: (transfer none): the uids highlighted, possibly none */
const char * const *
rs_story_view_get_highlighted (RsStoryView *self)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), NULL);
  return (const char * const *)self->highlighted;
}

void
rs_story_view_set_highlighted (RsStoryView        *self,
                               const char * const *uids)
{
  g_return_if_fail (RS_IS_STORY_VIEW (self));

  g_strfreev (self->highlighted);
  self->highlighted = uids != NULL ? g_strdupv ((char **)uids) : g_new0 (char *, 1);
}

gboolean
rs_story_view_shows (RsStoryView *self,
                     const char  *uid)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), FALSE);
  return self->shown == NULL || (uid != NULL && g_strv_contains ((const char * const *)self->shown, uid));
}

gboolean
rs_story_view_highlights (RsStoryView *self,
                          const char  *uid)
{
  g_return_val_if_fail (RS_IS_STORY_VIEW (self), FALSE);
  return uid != NULL && g_strv_contains ((const char * const *)self->highlighted, uid);
}

/* The file keeps a uid list as one line per uid; NULL stays NULL ("everything"). */
char *
rs_story_uids_to_text (const char * const *uids)
{
  if (uids == NULL)
    return NULL;
  return g_strjoinv ("\n", (char **)uids);
}

/* Returns: (transfer full) (nullable): the uids of a list as the file keeps it;
 * NULL for NULL, an empty list for "" */
char **
rs_story_uids_from_text (const char *text)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_strv_builder_add (builder, lines[i]);
  return g_strv_builder_end (builder);
}
