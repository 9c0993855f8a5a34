/* rs-quote.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-quote"

#include "config.h"

#include <string.h>

#include "rs-enum-types.h"
#include "rs-quote.h"

/* An exact span [start, end) of a document, in characters, with a copy of its text.
 * credibility is the Admiralty 1-6 grade, 0 when not graded. */
struct _RsQuote
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  gint64 document_id;
  gint64 start;
  gint64 end;
  char *text;
  int credibility;
};

G_DEFINE_FINAL_TYPE (RsQuote, rs_quote, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_DOCUMENT_ID,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_CREDIBILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_quote_finalize (GObject *object)
{
  RsQuote *self = (RsQuote *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rs_quote_parent_class)->finalize (object);
}

static void
rs_quote_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RsQuote *self = RS_QUOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rs_quote_get_id (self));
      break;

    case PROP_UID:
      g_value_set_string (value, rs_quote_get_uid (self));
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, rs_quote_get_document_id (self));
      break;

    case PROP_START:
      g_value_set_int64 (value, rs_quote_get_start (self));
      break;

    case PROP_END:
      g_value_set_int64 (value, rs_quote_get_end (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, rs_quote_get_text (self));
      break;

    case PROP_CREDIBILITY:
      g_value_set_int (value, rs_quote_get_credibility (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_quote_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RsQuote *self = RS_QUOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UID:
      rs_quote_set_uid (self, g_value_get_string (value));
      break;

    case PROP_DOCUMENT_ID:
      rs_quote_set_document_id (self, g_value_get_int64 (value));
      break;

    case PROP_START:
      rs_quote_set_start (self, g_value_get_int64 (value));
      break;

    case PROP_END:
      rs_quote_set_end (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      rs_quote_set_text (self, g_value_get_string (value));
      break;

    case PROP_CREDIBILITY:
      rs_quote_set_credibility (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_quote_class_init (RsQuoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_quote_finalize;
  object_class->get_property = rs_quote_get_property;
  object_class->set_property = rs_quote_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                        NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREDIBILITY] =
    g_param_spec_int ("credibility", NULL, NULL,
                     0, 6, 0,
                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_quote_init (RsQuote *self)
{
}

/* @n characters on from @p, as g_utf8_offset_to_pointer() counts them, eight bytes at a
 * time through ASCII: a report is mostly ASCII, and its quotes' spans are checked
 * against it from its start, once per quote, when a bundle is imported. */
static const char *
skip_chars (const char *p,
            gint64      n)
{
  while (n > 0)
    {
      guint64 word;

      if (n >= 8)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              n -= 8;
              continue;
            }
        }
      p = g_utf8_next_char (p);
      n--;
    }
  return p;
}

/**
 * rs_quote_dup_span:
 * @text: a document's text, valid UTF-8
 * @start: the first character of the span
 * @end: the character after it; @start ≤ @end ≤ the characters in @text
 *
 * The same as g_utf8_substring(), faster through ASCII.
 *
 * Returns: (transfer full): characters @start to @end of @text
 */
char *
rs_quote_dup_span (const char *text,
                   gint64      start,
                   gint64      end)
{
  const char *from, *to;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start >= 0 && end >= start, NULL);

  from = skip_chars (text, start);
  to = skip_chars (from, end - start);
  return g_strndup (from, to - from);
}

RsQuote *
rs_quote_new (gint64 id)
{
  return g_object_new (RS_TYPE_QUOTE, "id", id, NULL);
}

gint64
rs_quote_get_id (RsQuote *self)
{
  g_return_val_if_fail (RS_IS_QUOTE (self), 0);

  return self->id;
}

const char *
rs_quote_get_uid (RsQuote *self)
{
  g_return_val_if_fail (RS_IS_QUOTE (self), NULL);

  return self->uid;
}

void
rs_quote_set_uid (RsQuote    *self,
                  const char *uid)
{
  g_return_if_fail (RS_IS_QUOTE (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

gint64
rs_quote_get_document_id (RsQuote *self)
{
  g_return_val_if_fail (RS_IS_QUOTE (self), 0);

  return self->document_id;
}

void
rs_quote_set_document_id (RsQuote *self,
                          gint64  document_id)
{
  g_return_if_fail (RS_IS_QUOTE (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
rs_quote_get_start (RsQuote *self)
{
  g_return_val_if_fail (RS_IS_QUOTE (self), 0);

  return self->start;
}

void
rs_quote_set_start (RsQuote *self,
                    gint64  start)
{
  g_return_if_fail (RS_IS_QUOTE (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

gint64
rs_quote_get_end (RsQuote *self)
{
  g_return_val_if_fail (RS_IS_QUOTE (self), 0);

  return self->end;
}

void
rs_quote_set_end (RsQuote *self,
                  gint64  end)
{
  g_return_if_fail (RS_IS_QUOTE (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

const char *
rs_quote_get_text (RsQuote *self)
{
  g_return_val_if_fail (RS_IS_QUOTE (self), NULL);

  return self->text;
}

void
rs_quote_set_text (RsQuote    *self,
                   const char *text)
{
  g_return_if_fail (RS_IS_QUOTE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
rs_quote_get_credibility (RsQuote *self)
{
  g_return_val_if_fail (RS_IS_QUOTE (self), 0);

  return self->credibility;
}

void
rs_quote_set_credibility (RsQuote *self,
                          int     credibility)
{
  g_return_if_fail (RS_IS_QUOTE (self));

  if (self->credibility == credibility)
    return;

  self->credibility = credibility;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIBILITY]);
}
