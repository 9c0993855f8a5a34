/* rs-history-entry.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-history-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-history-entry.h"

/* One line of a case's history: who did what, when, and to which records. Immutable
 * once the store has read it (items are only added while reading). */
struct _RsHistoryEntry
{
  GObject parent_instance;

  gint64 id;
  GDateTime *time;
  char *author;
  RsHistoryAction action;
  char *label;
  GArray *items;  /* of RsHistoryItem */
};

G_DEFINE_FINAL_TYPE (RsHistoryEntry, rs_history_entry, G_TYPE_OBJECT)

static const char *op_names[] = { "added", "changed", "removed" };

static const struct
{
  RsTarget    target;
  const char *name;
} target_names[] = {
  { RS_TARGET_CASE, "case" },
  { RS_TARGET_DOCUMENT, "document" },
  { RS_TARGET_ENTITY, "entity" },
  { RS_TARGET_RELATION, "relation" },
  { RS_TARGET_EVENT, "event" },
  { RS_TARGET_QUOTE, "quote" },
  { RS_TARGET_NOTE, "note" },
};

void
rs_history_item_clear (RsHistoryItem *item)
{
  g_clear_pointer (&item->title, g_free);
  g_clear_pointer (&item->detail, g_free);
}

const char *
rs_history_op_to_string (RsHistoryOp op)
{
  g_return_val_if_fail (op <= RS_HISTORY_OP_REMOVED, NULL);
  return op_names[op];
}

gboolean
rs_history_op_from_string (const char  *name,
                           RsHistoryOp *op)
{
  for (guint i = 0; i < G_N_ELEMENTS (op_names); i++)
    if (g_strcmp0 (name, op_names[i]) == 0)
      {
        *op = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rs_history_target_to_string (RsTarget target)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_names); i++)
    if (target_names[i].target == target)
      return target_names[i].name;
  g_return_val_if_reached (NULL);
}

gboolean
rs_history_target_from_string (const char *name,
                               RsTarget   *target)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_names); i++)
    if (g_strcmp0 (name, target_names[i].name) == 0)
      {
        *target = target_names[i].target;
        return TRUE;
      }
  return FALSE;
}

static void
rs_history_entry_finalize (GObject *object)
{
  RsHistoryEntry *self = RS_HISTORY_ENTRY (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (rs_history_entry_parent_class)->finalize (object);
}

static void
rs_history_entry_class_init (RsHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_history_entry_finalize;
}

static void
rs_history_entry_init (RsHistoryEntry *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (RsHistoryItem));
  g_array_set_clear_func (self->items, (GDestroyNotify)rs_history_item_clear);
}

RsHistoryEntry *
rs_history_entry_new (gint64           id,
                      GDateTime       *time,
                      const char      *author,
                      RsHistoryAction  action,
                      const char      *label)
{
  RsHistoryEntry *self;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (action <= RS_HISTORY_ACTION_REDO, NULL);

  self = g_object_new (RS_TYPE_HISTORY_ENTRY, NULL);
  self->id = id;
  self->time = g_date_time_ref (time);
  self->author = g_strdup (author != NULL ? author : "");
  self->action = action;
  self->label = g_strdup (label != NULL ? label : "");
  return self;
}

void
rs_history_entry_add_item (RsHistoryEntry *self,
                           RsTarget        target,
                           gint64          id,
                           RsHistoryOp     op,
                           const char     *title,
                           const char     *detail)
{
  RsHistoryItem item = { target, id, op, g_strdup (title != NULL ? title : ""),
                         g_strdup (detail != NULL ? detail : "") };

  g_return_if_fail (RS_IS_HISTORY_ENTRY (self));
  g_array_append_val (self->items, item);
}

gint64
rs_history_entry_get_id (RsHistoryEntry *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), 0);
  return self->id;
}

GDateTime *
rs_history_entry_get_time (RsHistoryEntry *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), NULL);
  return self->time;
}

const char *
rs_history_entry_get_author (RsHistoryEntry *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), NULL);
  return self->author;
}

RsHistoryAction
rs_history_entry_get_action (RsHistoryEntry *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), RS_HISTORY_ACTION_DO);
  return self->action;
}

const char *
rs_history_entry_get_label (RsHistoryEntry *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), NULL);
  return self->label;
}

/* "Undo “Delete “Tick””", as the History panel lists it. */
char *
rs_history_entry_dup_summary (RsHistoryEntry *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), NULL);

  switch (self->action)
    {
    case RS_HISTORY_ACTION_UNDO:
      /* TRANSLATORS: a history line; the argument is what was undone */
      return g_strdup_printf (_("Undo “%s”"), self->label);
    case RS_HISTORY_ACTION_REDO:
      /* TRANSLATORS: a history line; the argument is what was redone */
      return g_strdup_printf (_("Redo “%s”"), self->label);
    case RS_HISTORY_ACTION_DO:
    default:
      return g_strdup (self->label);
    }
}

guint
rs_history_entry_get_n_items (RsHistoryEntry *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), 0);
  return self->items->len;
}

const RsHistoryItem *
rs_history_entry_get_item (RsHistoryEntry *self,
                           guint           index)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, RsHistoryItem, index);
}

gboolean
rs_history_entry_touches (RsHistoryEntry *self,
                          RsTarget        target,
                          gint64          id)
{
  g_return_val_if_fail (RS_IS_HISTORY_ENTRY (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      const RsHistoryItem *item = &g_array_index (self->items, RsHistoryItem, i);

      if (item->target == target && item->id == id)
        return TRUE;
    }
  return FALSE;
}
