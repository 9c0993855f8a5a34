/* rs-selection.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-selection"

#include "config.h"

#include "rs-selection.h"

typedef struct
{
  RsTarget target;
  gint64   id;
} Item;

/* The one selection the board, the panels and the source viewer all follow. The
 * first item is the primary one (the one the notes panel edits). */
struct _RsSelection
{
  GObject parent_instance;

  GArray *items;
};

G_DEFINE_FINAL_TYPE (RsSelection, rs_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (RsSelection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static int
find (RsSelection *self,
      RsTarget     target,
      gint64       id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->target == target && item->id == id)
        return i;
    }
  return -1;
}

static void
rs_selection_finalize (GObject *object)
{
  RsSelection *self = (RsSelection *)object;

  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (rs_selection_parent_class)->finalize (object);
}

static void
rs_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RsSelection *self = RS_SELECTION (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, rs_selection_get_n_items (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_selection_class_init (RsSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_selection_finalize;
  object_class->get_property = rs_selection_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rs_selection_init (RsSelection *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
}

RsSelection *
rs_selection_new (void)
{
  return g_object_new (RS_TYPE_SELECTION, NULL);
}

guint
rs_selection_get_n_items (RsSelection *self)
{
  g_return_val_if_fail (RS_IS_SELECTION (self), 0);
  return self->items->len;
}

void
rs_selection_get_item (RsSelection *self,
                       guint        position,
                       RsTarget    *target,
                       gint64      *id)
{
  const Item *item;

  g_return_if_fail (RS_IS_SELECTION (self));
  g_return_if_fail (position < self->items->len);

  item = &g_array_index (self->items, Item, position);
  if (target != NULL)
    *target = item->target;
  if (id != NULL)
    *id = item->id;
}

gboolean
rs_selection_get_primary (RsSelection *self,
                          RsTarget    *target,
                          gint64      *id)
{
  g_return_val_if_fail (RS_IS_SELECTION (self), FALSE);

  if (self->items->len == 0)
    return FALSE;
  rs_selection_get_item (self, 0, target, id);
  return TRUE;
}

gboolean
rs_selection_contains (RsSelection *self,
                       RsTarget     target,
                       gint64       id)
{
  g_return_val_if_fail (RS_IS_SELECTION (self), FALSE);
  return find (self, target, id) >= 0;
}

void
rs_selection_clear (RsSelection *self)
{
  g_return_if_fail (RS_IS_SELECTION (self));

  if (self->items->len == 0)
    return;
  g_array_set_size (self->items, 0);
  emit_changed (self);
}

void
rs_selection_select (RsSelection *self,
                     RsTarget     target,
                     gint64       id)
{
  rs_selection_select_many (self, target, &id, 1);
}

void
rs_selection_select_many (RsSelection  *self,
                          RsTarget      target,
                          const gint64 *ids,
                          guint         n_ids)
{
  g_return_if_fail (RS_IS_SELECTION (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (self->items->len == n_ids)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < n_ids; i++)
        {
          const Item *item = &g_array_index (self->items, Item, i);
          same = item->target == target && item->id == ids[i];
        }
      if (same)
        return;
    }

  g_array_set_size (self->items, 0);
  for (guint i = 0; i < n_ids; i++)
    if (find (self, target, ids[i]) < 0)
      g_array_append_val (self->items, ((Item) { target, ids[i] }));
  emit_changed (self);
}

/* Replaces the selection with items of mixed kinds (an event and its entities),
 * the first one primary, in one "changed". */
void
rs_selection_set_items (RsSelection    *self,
                        const RsTarget *targets,
                        const gint64   *ids,
                        guint           n_items)
{
  gboolean same;

  g_return_if_fail (RS_IS_SELECTION (self));
  g_return_if_fail ((targets != NULL && ids != NULL) || n_items == 0);

  same = self->items->len == n_items;
  for (guint i = 0; same && i < n_items; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      same = item->target == targets[i] && item->id == ids[i];
    }
  if (same)
    return;

  g_array_set_size (self->items, 0);
  for (guint i = 0; i < n_items; i++)
    if (find (self, targets[i], ids[i]) < 0)
      g_array_append_val (self->items, ((Item) { targets[i], ids[i] }));
  emit_changed (self);
}

void
rs_selection_toggle (RsSelection *self,
                     RsTarget     target,
                     gint64       id)
{
  int pos;

  g_return_if_fail (RS_IS_SELECTION (self));

  if ((pos = find (self, target, id)) >= 0)
    g_array_remove_index (self->items, pos);
  else
    g_array_append_val (self->items, ((Item) { target, id }));
  emit_changed (self);
}

void
rs_selection_add (RsSelection *self,
                  RsTarget     target,
                  gint64       id)
{
  g_return_if_fail (RS_IS_SELECTION (self));

  if (find (self, target, id) >= 0)
    return;
  g_array_append_val (self->items, ((Item) { target, id }));
  emit_changed (self);
}
