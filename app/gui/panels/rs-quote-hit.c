/* rs-quote-hit.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-quote-hit"

#include "config.h"

#include "rs-quote-hit.h"

/* One row of the quotes panel: either the heading of a document (quote == NULL) or
 * a quote of it, with what it supports, contradicts and mentions among the selected
 * things. The panel keeps a hit for as long as its row is listed and updates what it
 * backs in place (so the row keeps its widget, its focus and its scroll position);
 * the quote's own text and grade are the case's live RsQuote. */
struct _RsQuoteHit
{
  GObject parent_instance;

  /* Owned */
  RsDocument *document;
  RsQuote    *quote;
  char       *supports;
  char       *contradicts;
  char       *mentions;
  guint       n_quotes;
};

G_DEFINE_FINAL_TYPE (RsQuoteHit, rs_quote_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_QUOTE,
  PROP_IS_QUOTE,
  PROP_N_QUOTES,
  PROP_SUPPORTS,
  PROP_CONTRADICTS,
  PROP_MENTIONS,
  PROP_ACTION_NAME,
  PROP_ACTION_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_quote_hit_dispose (GObject *object)
{
  RsQuoteHit *self = (RsQuoteHit *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->quote);

  G_OBJECT_CLASS (rs_quote_hit_parent_class)->dispose (object);
}

static void
rs_quote_hit_finalize (GObject *object)
{
  RsQuoteHit *self = (RsQuoteHit *)object;

  g_clear_pointer (&self->supports, g_free);
  g_clear_pointer (&self->contradicts, g_free);
  g_clear_pointer (&self->mentions, g_free);

  G_OBJECT_CLASS (rs_quote_hit_parent_class)->finalize (object);
}

static void
rs_quote_hit_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RsQuoteHit *self = RS_QUOTE_HIT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, rs_quote_hit_get_document (self));
      break;

    case PROP_QUOTE:
      g_value_set_object (value, rs_quote_hit_get_quote (self));
      break;

    case PROP_IS_QUOTE:
      g_value_set_boolean (value, rs_quote_hit_get_is_quote (self));
      break;

    case PROP_N_QUOTES:
      g_value_set_uint (value, rs_quote_hit_get_n_quotes (self));
      break;

    case PROP_SUPPORTS:
      g_value_set_string (value, rs_quote_hit_get_supports (self));
      break;

    case PROP_CONTRADICTS:
      g_value_set_string (value, rs_quote_hit_get_contradicts (self));
      break;

    case PROP_MENTIONS:
      g_value_set_string (value, rs_quote_hit_get_mentions (self));
      break;

    case PROP_ACTION_NAME:
      g_value_set_string (value, "quotes.menu");
      break;

    case PROP_ACTION_TARGET:
      g_value_set_variant (value, g_variant_new_int64 (self->quote ? rs_quote_get_id (self->quote) : 0));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_quote_hit_class_init (RsQuoteHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_quote_hit_dispose;
  object_class->finalize = rs_quote_hit_finalize;
  object_class->get_property = rs_quote_hit_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL, RS_TYPE_QUOTE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_QUOTE] =
    g_param_spec_boolean ("is-quote", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUOTES] =
    g_param_spec_uint ("n-quotes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPORTS] =
    g_param_spec_string ("supports", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRADICTS] =
    g_param_spec_string ("contradicts", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTIONS] =
    g_param_spec_string ("mentions", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The row's menu button (GtkActionable): the action, and the quote's id (0 for a
   * heading, whose button is hidden; never NULL, which would not match the action). */
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_TARGET] =
    g_param_spec_variant ("action-target", NULL, NULL, G_VARIANT_TYPE_INT64, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_quote_hit_init (RsQuoteHit *self)
{
}

RsQuoteHit *
rs_quote_hit_new_header (RsDocument *document,
                         guint       n_quotes)
{
  RsQuoteHit *self;

  g_return_val_if_fail (RS_IS_DOCUMENT (document), NULL);

  self = g_object_new (RS_TYPE_QUOTE_HIT, NULL);
  self->document = g_object_ref (document);
  self->n_quotes = n_quotes;
  return self;
}

RsQuoteHit *
rs_quote_hit_new_quote (RsDocument *document,
                        RsQuote    *quote,
                        const char *supports,
                        const char *contradicts,
                        const char *mentions)
{
  RsQuoteHit *self;

  g_return_val_if_fail (RS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (RS_IS_QUOTE (quote), NULL);

  self = g_object_new (RS_TYPE_QUOTE_HIT, NULL);
  self->document = g_object_ref (document);
  self->quote = g_object_ref (quote);
  self->supports = g_strdup (supports);
  self->contradicts = g_strdup (contradicts);
  self->mentions = g_strdup (mentions);
  return self;
}

RsDocument *
rs_quote_hit_get_document (RsQuoteHit *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_HIT (self), NULL);
  return self->document;
}

RsQuote *
rs_quote_hit_get_quote (RsQuoteHit *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_HIT (self), NULL);
  return self->quote;
}

gboolean
rs_quote_hit_get_is_quote (RsQuoteHit *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_HIT (self), FALSE);
  return self->quote != NULL;
}

guint
rs_quote_hit_get_n_quotes (RsQuoteHit *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_HIT (self), 0);
  return self->n_quotes;
}

const char *
rs_quote_hit_get_supports (RsQuoteHit *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_HIT (self), NULL);
  return self->supports;
}

const char *
rs_quote_hit_get_contradicts (RsQuoteHit *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_HIT (self), NULL);
  return self->contradicts;
}

const char *
rs_quote_hit_get_mentions (RsQuoteHit *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_HIT (self), NULL);
  return self->mentions;
}

/* The heading's count, when quotes of its document come or go. */
void
rs_quote_hit_set_n_quotes (RsQuoteHit *self,
                           guint       n_quotes)
{
  g_return_if_fail (RS_IS_QUOTE_HIT (self));

  if (self->n_quotes == n_quotes)
    return;
  self->n_quotes = n_quotes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUOTES]);
}

static void
set_string (RsQuoteHit  *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* What the quote backs among the selected things, after a stance changed. */
void
rs_quote_hit_set_links (RsQuoteHit *self,
                        const char *supports,
                        const char *contradicts,
                        const char *mentions)
{
  g_return_if_fail (RS_IS_QUOTE_HIT (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->supports, supports, PROP_SUPPORTS);
  set_string (self, &self->contradicts, contradicts, PROP_CONTRADICTS);
  set_string (self, &self->mentions, mentions, PROP_MENTIONS);
  g_object_thaw_notify (G_OBJECT (self));
}
