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
 * things. Immutable: the panel builds new hits when the selection or case changes. */
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
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPORTS] =
    g_param_spec_string ("supports", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRADICTS] =
    g_param_spec_string ("contradicts", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTIONS] =
    g_param_spec_string ("mentions", NULL, NULL, NULL,
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
