/* rs-report.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-report"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-report-private.h"

/* What a report file says, as read by rs_report_read_*(): its text (UTF-8, "\n"
 * line ends, no NUL), how it was read, and guesses at its metadata for the import
 * sheet to prefill. Immutable once returned, so it may cross threads. */

struct _RsReport
{
  GObject parent_instance;

  /* Owned */
  char           *text;
  char           *encoding;
  char           *title;
  char           *author;
  char           *publisher;
  char           *published;
  char           *url;
  RsReportFormat  format;
  guint           n_replaced;
};

G_DEFINE_FINAL_TYPE (RsReport, rs_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_TEXT,
  PROP_ENCODING,
  PROP_N_REPLACED,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_PUBLISHER,
  PROP_PUBLISHED,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_report_finalize (GObject *object)
{
  RsReport *self = (RsReport *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (rs_report_parent_class)->finalize (object);
}

static void
rs_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RsReport *self = RS_REPORT (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, rs_report_get_format (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, rs_report_get_text (self));
      break;
    case PROP_ENCODING:
      g_value_set_string (value, rs_report_get_encoding (self));
      break;
    case PROP_N_REPLACED:
      g_value_set_uint (value, rs_report_get_n_replaced (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, rs_report_get_title (self));
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, rs_report_get_author (self));
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, rs_report_get_publisher (self));
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, rs_report_get_published (self));
      break;
    case PROP_URL:
      g_value_set_string (value, rs_report_get_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_report_class_init (RsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_report_finalize;
  object_class->get_property = rs_report_get_property;

  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, RS_TYPE_REPORT_FORMAT, RS_REPORT_FORMAT_TEXT, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, flags);
  properties[PROP_N_REPLACED] =
    g_param_spec_uint ("n-replaced", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_report_init (RsReport *self)
{
}

/* Takes @text (valid UTF-8, already normalised by the reader). */
RsReport *
_rs_report_new (RsReportFormat  format,
                char           *text,
                const char     *encoding,
                guint           n_replaced)
{
  RsReport *self = g_object_new (RS_TYPE_REPORT, NULL);

  g_assert (text != NULL);

  self->format = format;
  self->text = text;
  self->encoding = g_strdup (encoding);
  self->n_replaced = n_replaced;
  return self;
}

static void
take_field (char **field,
            char  *value)
{
  g_autofree char *tidy = value;

  if (tidy == NULL)
    return;
  g_free (*field);
  /* A guess that is empty once tidied is no guess. */
  *field = _rs_report_tidy_line (tidy);
  if (**field == '\0')
    g_clear_pointer (field, g_free);
}

/* Takes each non-NULL guess (any UTF-8; tidied to one line here). */
void
_rs_report_take_metadata (RsReport *self,
                          char     *title,
                          char     *author,
                          char     *publisher,
                          char     *published,
                          char     *url)
{
  take_field (&self->title, title);
  take_field (&self->author, author);
  take_field (&self->publisher, publisher);
  take_field (&self->url, url);
  if (published != NULL)
    {
      g_free (self->published);
      self->published = _rs_report_iso_date (published);
      g_free (published);
    }
}

/* How the file was read. */
RsReportFormat
rs_report_get_format (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), RS_REPORT_FORMAT_TEXT);
  return self->format;
}

/* The text: valid UTF-8, "\n" line ends, no control characters but tab, never NULL (the readers refuse a
 * report with no text). */
const char *
rs_report_get_text (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  return self->text;
}

/* The character encoding the text was decoded from ("UTF-8", "UTF-16LE",
 * "UTF-16BE", "windows-1252", or what an HTML document declared; "PDF" for PDF). */
const char *
rs_report_get_encoding (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  return self->encoding;
}

/* How many bytes (or broken UTF-16 units) could not be decoded and became U+FFFD
 * in the text: the user should be told when it is not 0. */
guint
rs_report_get_n_replaced (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), 0);
  return self->n_replaced;
}

/* The metadata guesses below are one line of tidy text each, or NULL. */
const char *
rs_report_get_title (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  return self->title;
}

const char *
rs_report_get_author (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  return self->author;
}

const char *
rs_report_get_publisher (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  return self->publisher;
}

/* "YYYY-MM-DD" (or "YYYY-MM", "YYYY"): a real date, as documents store it. */
const char *
rs_report_get_published (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  return self->published;
}

const char *
rs_report_get_url (RsReport *self)
{
  g_return_val_if_fail (RS_IS_REPORT (self), NULL);
  return self->url;
}
