/* rs-document.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-document"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-document.h"

/* A report read into the case: its metadata and full UTF-8 text. "length" is in characters. */
struct _RsDocument
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *title;
  char *publisher;
  char *author;
  char *url;
  char *published;
  char *imported_at;
  char *text;
  char *sha256;
  gint64 length;
  RsReliability reliability;
};

G_DEFINE_FINAL_TYPE (RsDocument, rs_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_AUTHOR,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_IMPORTED_AT,
  PROP_TEXT,
  PROP_SHA256,
  PROP_LENGTH,
  PROP_RELIABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_document_finalize (GObject *object)
{
  RsDocument *self = (RsDocument *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->imported_at, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (rs_document_parent_class)->finalize (object);
}

static void
rs_document_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RsDocument *self = RS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rs_document_get_id (self));
      break;

    case PROP_UID:
      g_value_set_string (value, rs_document_get_uid (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, rs_document_get_title (self));
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, rs_document_get_publisher (self));
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, rs_document_get_author (self));
      break;

    case PROP_URL:
      g_value_set_string (value, rs_document_get_url (self));
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, rs_document_get_published (self));
      break;

    case PROP_IMPORTED_AT:
      g_value_set_string (value, rs_document_get_imported_at (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, rs_document_get_text (self));
      break;

    case PROP_SHA256:
      g_value_set_string (value, rs_document_get_sha256 (self));
      break;

    case PROP_LENGTH:
      g_value_set_int64 (value, rs_document_get_length (self));
      break;

    case PROP_RELIABILITY:
      g_value_set_enum (value, rs_document_get_reliability (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RsDocument *self = RS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_document_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      rs_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHER:
      rs_document_set_publisher (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      rs_document_set_author (self, g_value_get_string (value));
      break;

    case PROP_URL:
      rs_document_set_url (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      rs_document_set_published (self, g_value_get_string (value));
      break;

    case PROP_IMPORTED_AT:
      rs_document_set_imported_at (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      rs_document_set_text (self, g_value_get_string (value));
      break;

    case PROP_SHA256:
      rs_document_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_LENGTH:
      rs_document_set_length (self, g_value_get_int64 (value));
      break;

    case PROP_RELIABILITY:
      rs_document_set_reliability (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_class_init (RsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_document_finalize;
  object_class->get_property = rs_document_get_property;
  object_class->set_property = rs_document_set_property;

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

  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_IMPORTED_AT] =
    g_param_spec_string ("imported-at", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LENGTH] =
    g_param_spec_int64 ("length", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RELIABILITY] =
    g_param_spec_enum ("reliability", NULL, NULL,
                      RS_TYPE_RELIABILITY, RS_RELIABILITY_UNKNOWN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_document_init (RsDocument *self)
{
  self->reliability = RS_RELIABILITY_UNKNOWN;
}

RsDocument *
rs_document_new (gint64 id)
{
  return g_object_new (RS_TYPE_DOCUMENT, "id", id, NULL);
}

gint64
rs_document_get_id (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), 0);

  return self->id;
}

const char *
rs_document_get_uid (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->uid;
}

void
rs_document_set_uid (RsDocument *self,
                     const char *uid)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

const char *
rs_document_get_title (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
rs_document_set_title (RsDocument *self,
                       const char *title)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rs_document_get_publisher (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->publisher;
}

void
rs_document_set_publisher (RsDocument *self,
                           const char *publisher)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->publisher, publisher) == 0)
    return;

  g_free (self->publisher);
  self->publisher = g_strdup (publisher);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

const char *
rs_document_get_author (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->author;
}

void
rs_document_set_author (RsDocument *self,
                        const char *author)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
rs_document_get_url (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->url;
}

void
rs_document_set_url (RsDocument *self,
                     const char *url)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->url, url) == 0)
    return;

  g_free (self->url);
  self->url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
rs_document_get_published (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->published;
}

void
rs_document_set_published (RsDocument *self,
                           const char *published)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->published, published) == 0)
    return;

  g_free (self->published);
  self->published = g_strdup (published);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

const char *
rs_document_get_imported_at (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->imported_at;
}

void
rs_document_set_imported_at (RsDocument *self,
                             const char *imported_at)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->imported_at, imported_at) == 0)
    return;

  g_free (self->imported_at);
  self->imported_at = g_strdup (imported_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED_AT]);
}

const char *
rs_document_get_text (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->text;
}

void
rs_document_set_text (RsDocument *self,
                      const char *text)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
rs_document_get_sha256 (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), NULL);

  return self->sha256;
}

void
rs_document_set_sha256 (RsDocument *self,
                        const char *sha256)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->sha256, sha256) == 0)
    return;

  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

gint64
rs_document_get_length (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), 0);

  return self->length;
}

void
rs_document_set_length (RsDocument *self,
                        gint64     length)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (self->length == length)
    return;

  self->length = length;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH]);
}

RsReliability
rs_document_get_reliability (RsDocument *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (self), 0);

  return self->reliability;
}

void
rs_document_set_reliability (RsDocument    *self,
                             RsReliability reliability)
{
  g_return_if_fail (RS_IS_DOCUMENT (self));

  if (self->reliability == reliability)
    return;

  self->reliability = reliability;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELIABILITY]);
}
