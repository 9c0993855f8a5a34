/* rs-history-entry.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rs-types.h"

G_BEGIN_DECLS

typedef enum
{
  RS_HISTORY_ACTION_DO,
  RS_HISTORY_ACTION_UNDO,
  RS_HISTORY_ACTION_REDO,
} RsHistoryAction;

typedef enum
{
  RS_HISTORY_OP_ADDED,
  RS_HISTORY_OP_CHANGED,
  RS_HISTORY_OP_REMOVED,
} RsHistoryOp;

/* One record a history entry touched (or, from "changes since", the net effect of
 * every entry since then on one record). */
typedef struct
{
  RsTarget     target;
  gint64       id;
  RsHistoryOp  op;
  char        *title;  /* what it was called then */
  char        *detail; /* changed: before → after ("name “Tick” → “Tick (APT)”"), or "" */
} RsHistoryItem;

#define RS_TYPE_HISTORY_ENTRY (rs_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (RsHistoryEntry, rs_history_entry, RS, HISTORY_ENTRY, GObject)

RsHistoryEntry      *rs_history_entry_new           (gint64           id,
                                                     GDateTime       *time,
                                                     const char      *author,
                                                     RsHistoryAction  action,
                                                     const char      *label);
void                 rs_history_entry_add_item      (RsHistoryEntry  *self,
                                                     RsTarget         target,
                                                     gint64           id,
                                                     RsHistoryOp      op,
                                                     const char      *title,
                                                     const char      *detail);
gint64               rs_history_entry_get_id        (RsHistoryEntry  *self);
GDateTime           *rs_history_entry_get_time      (RsHistoryEntry  *self);
const char          *rs_history_entry_get_author    (RsHistoryEntry  *self);
RsHistoryAction      rs_history_entry_get_action    (RsHistoryEntry  *self);
const char          *rs_history_entry_get_label     (RsHistoryEntry  *self);
char                *rs_history_entry_dup_summary   (RsHistoryEntry  *self);
guint                rs_history_entry_get_n_items   (RsHistoryEntry  *self);
const RsHistoryItem *rs_history_entry_get_item      (RsHistoryEntry  *self,
                                                     guint            index);
gboolean             rs_history_entry_touches       (RsHistoryEntry  *self,
                                                     RsTarget         target,
                                                     gint64           id);

void                 rs_history_item_clear          (RsHistoryItem   *item);
const char          *rs_history_op_to_string        (RsHistoryOp      op);
gboolean             rs_history_op_from_string      (const char      *name,
                                                     RsHistoryOp     *op);
const char          *rs_history_target_to_string    (RsTarget         target);
gboolean             rs_history_target_from_string  (const char      *name,
                                                     RsTarget        *target);

G_END_DECLS
