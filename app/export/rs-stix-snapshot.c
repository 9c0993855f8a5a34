/* rs-stix-snapshot.c: what the case file keeps of STIX, read once for an export
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-stix-snapshot"

#include "config.h"

#include "rs-export-stix-private.h"

/* The STIX writer runs in a worker, and the store's connection belongs to the main
 * thread: what schema 8 keeps outside the model (external references, the STIX ids
 * records came with, markings, objects Redstring does not map) is read here, on the
 * main thread, into an immutable value the worker only reads. */

struct _RsStixSnapshot
{
  GHashTable *references;  /* "entity/ID" → GPtrArray of RsExternalReference */
  GHashTable *ids;         /* "entity/ID" → GStrv, oldest first */
  GPtrArray  *markings;    /* RsStixObject */
  GPtrArray  *objects;     /* RsStixObject */
};

static char *
key_of (RsTarget target,
        gint64   id)
{
  return g_strdup_printf ("%d/%" G_GINT64_FORMAT, target, id);
}

static void
snapshot_clear (gpointer data)
{
  RsStixSnapshot *self = data;

  g_clear_pointer (&self->references, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->markings, g_ptr_array_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
}

static void
take_reference (RsTarget             target,
                gint64               id,
                RsExternalReference *ref,
                gpointer             user_data)
{
  RsStixSnapshot *self = user_data;
  g_autofree char *key = key_of (target, id);
  GPtrArray *refs = g_hash_table_lookup (self->references, key);

  if (refs == NULL)
    {
      refs = g_ptr_array_new_with_free_func ((GDestroyNotify) rs_external_reference_free);
      g_hash_table_insert (self->references, g_steal_pointer (&key), refs);
    }
  g_ptr_array_add (refs, ref);
}

static void
take_stix_id (RsTarget    target,
              gint64      id,
              const char *stix_id,
              gpointer    user_data)
{
  GHashTable *ids = user_data;
  g_autofree char *key = key_of (target, id);
  GPtrArray *list = g_hash_table_lookup (ids, key);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (ids, g_steal_pointer (&key), list);
    }
  g_ptr_array_add (list, g_strdup (stix_id));
}

/**
 * rs_stix_snapshot_new:
 *
 * Reads what @store keeps of STIX for the records of its case. Main thread only.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
RsStixSnapshot *
rs_stix_snapshot_new (RsCaseStore  *store,
                      GError      **error)
{
  g_autoptr(RsStixSnapshot) self = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_atomic_rc_box_new0 (RsStixSnapshot);
  self->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  /* Two queries for every record, not two per record. */
  if (!rs_case_store_foreach_external_reference (store, take_reference, self, error))
    return NULL;
  {
    g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
    GHashTableIter iter;
    gpointer key, value;

    if (!rs_case_store_foreach_stix_id (store, take_stix_id, ids, error))
      return NULL;
    g_hash_table_iter_init (&iter, ids);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GPtrArray *list = value;

        g_ptr_array_add (list, NULL);
        g_hash_table_insert (self->ids, g_strdup (key),
                             g_strdupv ((char **) list->pdata));
      }
  }

  if (!(self->markings = rs_case_store_dup_markings (store, error)) ||
      !(self->objects = rs_case_store_dup_stix_objects (store, error)))
    return NULL;
  return g_steal_pointer (&self);
}

RsStixSnapshot *
rs_stix_snapshot_ref (RsStixSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
rs_stix_snapshot_unref (RsStixSnapshot *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, snapshot_clear);
}

/* The record's external references (RsExternalReference) in their order, or NULL. */
GPtrArray *
_rs_stix_snapshot_get_references (RsStixSnapshot *self,
                                  RsTarget        target,
                                  gint64          id)
{
  g_autofree char *key = NULL;

  if (self == NULL)
    return NULL;
  key = key_of (target, id);
  return g_hash_table_lookup (self->references, key);
}

/* The STIX ids the record came with, oldest first, or NULL. */
const char * const *
_rs_stix_snapshot_get_ids (RsStixSnapshot *self,
                           RsTarget        target,
                           gint64          id)
{
  g_autofree char *key = NULL;

  if (self == NULL)
    return NULL;
  key = key_of (target, id);
  return g_hash_table_lookup (self->ids, key);
}

GPtrArray *
_rs_stix_snapshot_get_markings (RsStixSnapshot *self)
{
  return self != NULL ? self->markings : NULL;
}

GPtrArray *
_rs_stix_snapshot_get_objects (RsStixSnapshot *self)
{
  return self != NULL ? self->objects : NULL;
}
