/* rs-record-list.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-record-list.h"

struct _RsRecordList
{
  GObject             parent_instance;

  GType               item_type;
  RsRecordListIdFunc  get_id;
  GPtrArray          *items;   /* owned references */
};

static void rs_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsRecordList, rs_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rs_record_list_model_init))

static GType
rs_record_list_get_item_type (GListModel *model)
{
  return RS_RECORD_LIST (model)->item_type;
}

static guint
rs_record_list_get_n_items (GListModel *model)
{
  return RS_RECORD_LIST (model)->items->len;
}

static gpointer
rs_record_list_get_item (GListModel *model,
                         guint       position)
{
  RsRecordList *self = RS_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
rs_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rs_record_list_get_item_type;
  iface->get_n_items = rs_record_list_get_n_items;
  iface->get_item = rs_record_list_get_item;
}

static void
rs_record_list_finalize (GObject *object)
{
  RsRecordList *self = RS_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (rs_record_list_parent_class)->finalize (object);
}

static void
rs_record_list_class_init (RsRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_record_list_finalize;
}

static void
rs_record_list_init (RsRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

RsRecordList *
rs_record_list_new (GType              item_type,
                    RsRecordListIdFunc get_id)
{
  RsRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (get_id != NULL, NULL);

  self = g_object_new (RS_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;
  self->get_id = get_id;
  return self;
}

void
rs_record_list_append (RsRecordList *self,
                       gpointer      item)
{
  g_return_if_fail (RS_IS_RECORD_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

void
rs_record_list_append_sorted (RsRecordList *self,
                              gpointer     *items,
                              guint         n_items)
{
  guint position;

  g_return_if_fail (RS_IS_RECORD_LIST (self));
  g_return_if_fail (items != NULL || n_items == 0);

  if (n_items == 0)
    return;
  position = self->items->len;
  g_ptr_array_set_size (self->items, position + n_items);
  for (guint i = 0; i < n_items; i++)
    self->items->pdata[position + i] = g_object_ref (items[i]);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_items);
}

/* The first position whose item's id is not below ID. */
static guint
lower_bound (RsRecordList *self,
             gint64        id)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->get_id (g_ptr_array_index (self->items, middle)) < id)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

void
rs_record_list_insert_sorted (RsRecordList *self,
                              gpointer      item)
{
  guint position;

  g_return_if_fail (RS_IS_RECORD_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  position = lower_bound (self, self->get_id (item));
  g_ptr_array_insert (self->items, position, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

gboolean
rs_record_list_find (RsRecordList *self,
                     gpointer      item,
                     guint        *position)
{
  g_return_val_if_fail (RS_IS_RECORD_LIST (self), FALSE);

  /* Items sharing an id are neighbours; the item itself is the one. */
  for (guint i = lower_bound (self, self->get_id (item)); i < self->items->len; i++)
    {
      gpointer at = g_ptr_array_index (self->items, i);

      if (at == item)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
      if (self->get_id (at) != self->get_id (item))
        break;
    }
  /* A list out of id order (never made by the case) is still searched. */
  return g_ptr_array_find (self->items, item, position);
}

void
rs_record_list_remove (RsRecordList *self,
                       guint         position)
{
  g_return_if_fail (RS_IS_RECORD_LIST (self));
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
rs_record_list_remove_all (RsRecordList *self)
{
  guint n;

  g_return_if_fail (RS_IS_RECORD_LIST (self));

  if ((n = self->items->len) == 0)
    return;
  g_ptr_array_set_size (self->items, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
}
