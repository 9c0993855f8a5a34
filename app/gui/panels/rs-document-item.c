/* rs-document-item.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-document-item"

#include "config.h"

#include "rs-document-item.h"

/* One row of the Documents panel: a document of the case and how many quotes
 * were taken from it. The count is not the document's own state (quotes point at
 * documents, not the other way round), so the panel keeps it here, where a row can
 * bind it like any other property. */

struct _RsDocumentItem
{
  GObject     parent_instance;

  /* Owned */
  RsDocument *document;

  guint       n_quotes;
};

G_DEFINE_FINAL_TYPE (RsDocumentItem, rs_document_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_QUOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_document_item_dispose (GObject *object)
{
  RsDocumentItem *self = (RsDocumentItem *)object;

  g_clear_object (&self->document);

  G_OBJECT_CLASS (rs_document_item_parent_class)->dispose (object);
}

static void
rs_document_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RsDocumentItem *self = RS_DOCUMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, rs_document_item_get_document (self));
      break;

    case PROP_N_QUOTES:
      g_value_set_uint (value, rs_document_item_get_n_quotes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RsDocumentItem *self = RS_DOCUMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_N_QUOTES:
      rs_document_item_set_n_quotes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_item_class_init (RsDocumentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_document_item_dispose;
  object_class->get_property = rs_document_item_get_property;
  object_class->set_property = rs_document_item_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUOTES] =
    g_param_spec_uint ("n-quotes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_document_item_init (RsDocumentItem *self)
{
}

RsDocumentItem *
rs_document_item_new (RsDocument *document)
{
  g_return_val_if_fail (RS_IS_DOCUMENT (document), NULL);

  return g_object_new (RS_TYPE_DOCUMENT_ITEM, "document", document, NULL);
}

RsDocument *
rs_document_item_get_document (RsDocumentItem *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT_ITEM (self), NULL);
  return self->document;
}

guint
rs_document_item_get_n_quotes (RsDocumentItem *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT_ITEM (self), 0);
  return self->n_quotes;
}

void
rs_document_item_set_n_quotes (RsDocumentItem *self,
                               guint           n_quotes)
{
  g_return_if_fail (RS_IS_DOCUMENT_ITEM (self));

  if (self->n_quotes == n_quotes)
    return;

  self->n_quotes = n_quotes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUOTES]);
}
