/* rs-board-item.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-item"

#include "config.h"

#include "rs-board-item.h"

/* One row of the board's list (RsItemsPanel): an entity or a relation, its name and the
 * line under it, fixed when the list is built. */

struct _RsBoardItem
{
  GObject   parent_instance;

  RsTarget  target;
  gint64    id;
  char     *name;
  char     *details;
};

G_DEFINE_FINAL_TYPE (RsBoardItem, rs_board_item, G_TYPE_OBJECT)

static void
rs_board_item_finalize (GObject *object)
{
  RsBoardItem *self = RS_BOARD_ITEM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (rs_board_item_parent_class)->finalize (object);
}

static void
rs_board_item_class_init (RsBoardItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_board_item_finalize;
}

static void
rs_board_item_init (RsBoardItem *self)
{
}

RsBoardItem *
rs_board_item_new (RsTarget    target,
                   gint64      id,
                   const char *name,
                   const char *details)
{
  RsBoardItem *self = g_object_new (RS_TYPE_BOARD_ITEM, NULL);

  self->target = target;
  self->id = id;
  self->name = g_strdup (name ? name : "");
  self->details = g_strdup (details ? details : "");
  return self;
}

RsTarget
rs_board_item_get_target (RsBoardItem *self)
{
  g_return_val_if_fail (RS_IS_BOARD_ITEM (self), 0);
  return self->target;
}

gint64
rs_board_item_get_id (RsBoardItem *self)
{
  g_return_val_if_fail (RS_IS_BOARD_ITEM (self), 0);
  return self->id;
}

const char *
rs_board_item_get_name (RsBoardItem *self)
{
  g_return_val_if_fail (RS_IS_BOARD_ITEM (self), NULL);
  return self->name;
}

const char *
rs_board_item_get_details (RsBoardItem *self)
{
  g_return_val_if_fail (RS_IS_BOARD_ITEM (self), NULL);
  return self->details;
}
