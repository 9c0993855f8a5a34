/* test-record-list.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-entity.h"
#include "rs-record-list.h"

/* The case's array-backed lists: what GListStore did for it (items-changed as the
 * list changes, items in id order, found and removed by id). */

typedef struct
{
  guint position, removed, added, n_signals;
} Changed;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->n_signals++;
}

static RsEntity *
entity (gint64 id)
{
  return rs_entity_new (id);
}

static gint64
id_at (RsRecordList *list,
       guint         position)
{
  g_autoptr(RsEntity) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  return item != NULL ? rs_entity_get_id (item) : -1;
}

static void
test_record_list (void)
{
  g_autoptr(RsRecordList) list = rs_record_list_new (RS_TYPE_ENTITY,
                                                     (RsRecordListIdFunc) rs_entity_get_id);
  g_autoptr(RsEntity) e1 = entity (1);
  g_autoptr(RsEntity) e3 = entity (3);
  g_autoptr(RsEntity) e5 = entity (5);
  g_autoptr(RsEntity) e7 = entity (7);
  g_autoptr(RsEntity) e9 = entity (9);
  g_autoptr(RsEntity) other5 = entity (5);
  gpointer batch[] = { e7, e9 };
  Changed changed = { 0 };
  guint position = G_MAXUINT;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RS_TYPE_ENTITY);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  rs_record_list_append (list, e1);
  rs_record_list_append (list, e5);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  rs_record_list_append_sorted (list, batch, G_N_ELEMENTS (batch));
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.added, ==, 2);
  g_assert_cmpuint (changed.n_signals, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* An id between two goes between them (an undo putting a record back). */
  rs_record_list_insert_sorted (list, e3);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpint (id_at (list, 0), ==, 1);
  g_assert_cmpint (id_at (list, 1), ==, 3);
  g_assert_cmpint (id_at (list, 2), ==, 5);
  g_assert_cmpint (id_at (list, 4), ==, 9);
  g_assert_cmpint (id_at (list, 5), ==, -1);

  /* Found by its id, and by identity: another object with the same id is not it. */
  g_assert_true (rs_record_list_find (list, e7, &position));
  g_assert_cmpuint (position, ==, 3);
  g_assert_false (rs_record_list_find (list, other5, NULL));
  rs_record_list_insert_sorted (list, other5);
  g_assert_true (rs_record_list_find (list, other5, &position));
  g_assert_true (rs_record_list_find (list, e5, &position));
  g_assert_cmpint (id_at (list, position), ==, 5);

  rs_record_list_remove (list, position);
  g_assert_cmpuint (changed.position, ==, position);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_false (rs_record_list_find (list, e5, NULL));
  g_assert_true (rs_record_list_find (list, other5, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  rs_record_list_remove_all (list);
  g_assert_cmpuint (changed.removed, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-list/basics", test_record_list);

  return g_test_run ();
}
