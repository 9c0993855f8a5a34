/* rs-record-list.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One of the case's lists of records (entities, relations, quotes...): a GListModel
 * over an array. GListStore keeps its items in a GSequence, a balanced tree: building
 * a 20,000-entity case's lists was a third of loading it, and every get_item a walk
 * down the tree; here an append is a store at the end, a lookup an index (issue 18).
 * The case keeps each list in id order and removes items found by id, so a removal
 * is a binary search and a move of what follows. */
#define RS_TYPE_RECORD_LIST (rs_record_list_get_type ())
G_DECLARE_FINAL_TYPE (RsRecordList, rs_record_list, RS, RECORD_LIST, GObject)

/* The items' ids, for the searches: the same getter the case sorts them with. */
typedef gint64 (*RsRecordListIdFunc) (gpointer item);

RsRecordList *rs_record_list_new           (GType               item_type,
                                            RsRecordListIdFunc  get_id);
void          rs_record_list_append        (RsRecordList       *self,
                                            gpointer            item);
/* Inserts ITEMS (sorted by id, all after the last item) at the end, one items-changed. */
void          rs_record_list_append_sorted (RsRecordList       *self,
                                            gpointer           *items,
                                            guint               n_items);
/* Inserts ITEM where its id keeps the list sorted. */
void          rs_record_list_insert_sorted (RsRecordList       *self,
                                            gpointer            item);
/* Where ITEM is (by its id, then by identity), FALSE when it is not in the list. */
gboolean      rs_record_list_find          (RsRecordList       *self,
                                            gpointer            item,
                                            guint              *position);
void          rs_record_list_remove        (RsRecordList       *self,
                                            guint               position);
void          rs_record_list_remove_all    (RsRecordList       *self);

G_END_DECLS
