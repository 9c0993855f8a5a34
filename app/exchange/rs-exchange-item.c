/* rs-exchange-item.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-item"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-exchange-private.h"

/* One line of an exchange plan: what happens to one record (or one field of it).
 * Besides what the review shows, it keeps what the writer needs: their values,
 * and which of my records it is (by my key, since ids may move under undo). */

struct _RsExchangeItem
{
  GObject parent_instance;

  RsExchangeItemKind    kind;
  XTableId              table;
  RsExchangeResolution  resolution;
  gint64                local_id;
  const XField         *xfield;   /* Borrowed: static */

  /* Owned */
  char  *uid;
  char  *title;
  char  *matched_by;
  char  *mine_key;
  char  *field;
  char  *mine;
  char  *theirs;
  char  *base;
  char **values;
  XRow  *position;
  GPtrArray *references;   /* RsExternalReference: theirs, for the record */
  char     **stix_ids;
};

G_DEFINE_FINAL_TYPE (RsExchangeItem, rs_exchange_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TARGET,
  PROP_UID,
  PROP_LOCAL_ID,
  PROP_TITLE,
  PROP_MATCHED_BY,
  PROP_FIELD,
  PROP_MINE,
  PROP_THEIRS,
  PROP_BASE,
  PROP_RESOLUTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_exchange_item_finalize (GObject *object)
{
  RsExchangeItem *self = RS_EXCHANGE_ITEM (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->matched_by, g_free);
  g_clear_pointer (&self->mine_key, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->mine, g_free);
  g_clear_pointer (&self->theirs, g_free);
  g_clear_pointer (&self->base, g_free);
  if (self->values != NULL)
    {
      /* NULL is a value (SQL NULL): free every column, not up to the first NULL. */
      for (guint c = 0; c < _rs_exchange_table (self->table)->n_columns; c++)
        g_free (self->values[c]);
      g_clear_pointer (&self->values, g_free);
    }
  g_clear_pointer (&self->position, _rs_exchange_row_free);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->stix_ids, g_strfreev);

  G_OBJECT_CLASS (rs_exchange_item_parent_class)->finalize (object);
}

static void
rs_exchange_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RsExchangeItem *self = RS_EXCHANGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, rs_exchange_item_get_kind (self));
      break;
    case PROP_TARGET:
      g_value_set_int (value, rs_exchange_item_get_target (self));
      break;
    case PROP_UID:
      g_value_set_string (value, rs_exchange_item_get_uid (self));
      break;
    case PROP_LOCAL_ID:
      g_value_set_int64 (value, rs_exchange_item_get_local_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, rs_exchange_item_get_title (self));
      break;
    case PROP_MATCHED_BY:
      g_value_set_string (value, rs_exchange_item_get_matched_by (self));
      break;
    case PROP_FIELD:
      g_value_set_string (value, rs_exchange_item_get_field (self));
      break;
    case PROP_MINE:
      g_value_set_string (value, rs_exchange_item_get_mine (self));
      break;
    case PROP_THEIRS:
      g_value_set_string (value, rs_exchange_item_get_theirs (self));
      break;
    case PROP_BASE:
      g_value_set_string (value, rs_exchange_item_get_base (self));
      break;
    case PROP_RESOLUTION:
      g_value_set_int (value, rs_exchange_item_get_resolution (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_exchange_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RsExchangeItem *self = RS_EXCHANGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_RESOLUTION:
      rs_exchange_item_set_resolution (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_exchange_item_class_init (RsExchangeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rs_exchange_item_finalize;
  object_class->get_property = rs_exchange_item_get_property;
  object_class->set_property = rs_exchange_item_set_property;

  /* The enums are plain ints: rs-exchange.h is not run through glib-mkenums. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, RS_EXCHANGE_ITEM_CONFLICT, 0, ro);
  properties[PROP_TARGET] = g_param_spec_int ("target", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, ro);
  properties[PROP_LOCAL_ID] = g_param_spec_int64 ("local-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_MATCHED_BY] = g_param_spec_string ("matched-by", NULL, NULL, NULL, ro);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, ro);
  properties[PROP_MINE] = g_param_spec_string ("mine", NULL, NULL, NULL, ro);
  properties[PROP_THEIRS] = g_param_spec_string ("theirs", NULL, NULL, NULL, ro);
  properties[PROP_BASE] = g_param_spec_string ("base", NULL, NULL, NULL, ro);
  properties[PROP_RESOLUTION] =
    g_param_spec_int ("resolution", NULL, NULL, RS_EXCHANGE_RESOLUTION_UNDECIDED,
                      RS_EXCHANGE_RESOLUTION_TAKE_THEIRS, RS_EXCHANGE_RESOLUTION_UNDECIDED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_exchange_item_init (RsExchangeItem *self)
{
}

RsExchangeItem *
_rs_exchange_item_new (RsExchangeItemKind  kind,
                       XTableId            table,
                       const char         *uid,
                       gint64              local_id,
                       const char         *title)
{
  RsExchangeItem *self = g_object_new (RS_TYPE_EXCHANGE_ITEM, NULL);

  self->kind = kind;
  self->table = table;
  self->uid = g_strdup (uid);
  self->local_id = local_id;
  self->title = g_strdup (title);
  return self;
}

void
_rs_exchange_item_set_match (RsExchangeItem *self,
                             const char     *matched_by,
                             const char     *mine_key)
{
  g_free (self->matched_by);
  self->matched_by = g_strdup (matched_by);
  g_free (self->mine_key);
  self->mine_key = g_strdup (mine_key);
}

void
_rs_exchange_item_set_field (RsExchangeItem *self,
                             const XField   *field,
                             const char     *mine,
                             const char     *theirs,
                             const char     *base)
{
  self->xfield = field;
  g_free (self->field);
  self->field = g_strdup (field != NULL ? field->name : NULL);
  g_free (self->mine);
  self->mine = g_strdup (mine);
  g_free (self->theirs);
  self->theirs = g_strdup (theirs);
  g_free (self->base);
  self->base = g_strdup (base);
}

void
_rs_exchange_item_take_values (RsExchangeItem  *self,
                               char           **values)
{
  g_assert (self->values == NULL);
  self->values = values;
}

XTableId
_rs_exchange_item_get_table (RsExchangeItem *self)
{
  return self->table;
}

const char *
_rs_exchange_item_get_mine_key (RsExchangeItem *self)
{
  return self->mine_key;
}

const XField *
_rs_exchange_item_get_xfield (RsExchangeItem *self)
{
  return self->xfield;
}

char **
_rs_exchange_item_get_values (RsExchangeItem *self)
{
  return self->values;
}

void
_rs_exchange_item_set_position (RsExchangeItem *self,
                                XRow           *position)
{
  g_clear_pointer (&self->position, _rs_exchange_row_free);
  self->position = position;
}

XRow *
_rs_exchange_item_get_position (RsExchangeItem *self)
{
  return self->position;
}

void
_rs_exchange_item_take_stix (RsExchangeItem  *self,
                             GPtrArray       *references,
                             char           **stix_ids)
{
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->stix_ids, g_strfreev);
  self->references = references;
  self->stix_ids = stix_ids;
}

GPtrArray *
_rs_exchange_item_get_references (RsExchangeItem *self)
{
  return self->references;
}

char **
_rs_exchange_item_get_stix_ids (RsExchangeItem *self)
{
  return self->stix_ids;
}

RsExchangeItemKind
rs_exchange_item_get_kind (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), RS_EXCHANGE_ITEM_MATCH);
  return self->kind;
}

RsTarget
rs_exchange_item_get_target (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), RS_TARGET_CASE);
  return _rs_exchange_table (self->table)->target;
}

const char *
rs_exchange_item_get_target_name (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return _rs_exchange_table (self->table)->name;
}

const char *
rs_exchange_item_get_uid (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return self->uid;
}

gint64
rs_exchange_item_get_local_id (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), 0);
  return self->local_id;
}

const char *
rs_exchange_item_get_title (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return self->title;
}

const char *
rs_exchange_item_get_matched_by (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return self->matched_by;
}

const char *
rs_exchange_item_get_field (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return self->field;
}

const char *
rs_exchange_item_get_mine (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return self->mine;
}

const char *
rs_exchange_item_get_theirs (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return self->theirs;
}

const char *
rs_exchange_item_get_base (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), NULL);
  return self->base;
}

RsExchangeResolution
rs_exchange_item_get_resolution (RsExchangeItem *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_ITEM (self), RS_EXCHANGE_RESOLUTION_UNDECIDED);
  return self->resolution;
}

/* Only a conflict has a resolution to choose; the rest are applied as planned. */
void
rs_exchange_item_set_resolution (RsExchangeItem       *self,
                                 RsExchangeResolution  resolution)
{
  g_return_if_fail (RS_IS_EXCHANGE_ITEM (self));
  g_return_if_fail (resolution <= RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  g_return_if_fail (self->kind == RS_EXCHANGE_ITEM_CONFLICT);

  if (self->resolution == resolution)
    return;
  self->resolution = resolution;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}
