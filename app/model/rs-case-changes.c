/* rs-case-changes.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-changes"

#include "config.h"

#include "rs-case-changes.h"
#include "rs-document.h"
#include "rs-entity.h"
#include "rs-event.h"
#include "rs-evidence.h"
#include "rs-comment.h"
#include "rs-note.h"
#include "rs-quote.h"
#include "rs-relation.h"
#include "rs-review.h"
#include "rs-story-view.h"

/* One record per transaction. An object appears at most once: added then changed is
 * added; added then removed is nothing; changed then removed is removed. */

enum { ADDED, CHANGED, REMOVED, N_WHAT };
enum { DOCUMENT, ENTITY, RELATION, QUOTE, EVIDENCE, EVENT, NOTE, REVIEW, COMMENT, STORY_VIEW, N_KINDS };

struct _RsCaseChanges
{
  gatomicrefcount ref_count;

  /* Owned: arrays of owned object references, [kind][what] */
  GPtrArray  *items[N_KINDS][N_WHAT];
  /* Owned: object -> GUINT_TO_POINTER (what + 1); objects borrowed from items */
  GHashTable *state;
};

G_DEFINE_BOXED_TYPE (RsCaseChanges, rs_case_changes, rs_case_changes_ref, rs_case_changes_unref)

static int
kind_of_type (GType type)
{
  if (type == RS_TYPE_DOCUMENT)
    return DOCUMENT;
  if (type == RS_TYPE_ENTITY)
    return ENTITY;
  if (type == RS_TYPE_RELATION)
    return RELATION;
  if (type == RS_TYPE_QUOTE)
    return QUOTE;
  if (type == RS_TYPE_EVIDENCE)
    return EVIDENCE;
  if (type == RS_TYPE_EVENT)
    return EVENT;
  if (type == RS_TYPE_NOTE)
    return NOTE;
  if (type == RS_TYPE_REVIEW)
    return REVIEW;
  if (type == RS_TYPE_COMMENT)
    return COMMENT;
  if (type == RS_TYPE_STORY_VIEW)
    return STORY_VIEW;
  return -1;
}

RsCaseChanges *
rs_case_changes_new (void)
{
  RsCaseChanges *self = g_new0 (RsCaseChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint k = 0; k < N_KINDS; k++)
    for (guint w = 0; w < N_WHAT; w++)
      self->items[k][w] = g_ptr_array_new_with_free_func (g_object_unref);
  self->state = g_hash_table_new (NULL, NULL);
  return self;
}

RsCaseChanges *
rs_case_changes_ref (RsCaseChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_case_changes_unref (RsCaseChanges *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->state, g_hash_table_unref);
  for (guint k = 0; k < N_KINDS; k++)
    for (guint w = 0; w < N_WHAT; w++)
      g_clear_pointer (&self->items[k][w], g_ptr_array_unref);
  g_free (self);
}

guint
rs_case_changes_get_n_items (RsCaseChanges *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->state);
}

gboolean
rs_case_changes_is_empty (RsCaseChanges *self)
{
  return rs_case_changes_get_n_items (self) == 0;
}

static GPtrArray *
get_items (RsCaseChanges *self,
           GType          type,
           guint          what)
{
  int kind = kind_of_type (type);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind >= 0, NULL);
  return self->items[kind][what];
}

/**
 * rs_case_changes_get_added:
 * @type: a record type (RS_TYPE_ENTITY, …)
 *
 * Returns: (transfer none) (element-type GObject): the objects of @type added, in the
 *   order they reached the case
 */
GPtrArray *
rs_case_changes_get_added (RsCaseChanges *self,
                           GType          type)
{
  return get_items (self, type, ADDED);
}

GPtrArray *
rs_case_changes_get_changed (RsCaseChanges *self,
                             GType          type)
{
  return get_items (self, type, CHANGED);
}

GPtrArray *
rs_case_changes_get_removed (RsCaseChanges *self,
                             GType          type)
{
  return get_items (self, type, REMOVED);
}

/* TRUE when every recorded item is of @type (or there is none). */
gboolean
rs_case_changes_only_touch (RsCaseChanges *self,
                            GType          type)
{
  int kind = kind_of_type (type);
  guint n = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind >= 0, FALSE);

  for (guint w = 0; w < N_WHAT; w++)
    n += self->items[kind][w]->len;
  return n == g_hash_table_size (self->state);
}

/* In a state value, beside what + 1: a changed object whose place on the board is all
 * that changed, which the board can follow without measuring it again. */
#define PLACED_ONLY 0x100u

static void
record (RsCaseChanges *self,
        gpointer       object,
        guint          what,
        gboolean       placed)
{
  g_autoptr(GObject) keep = g_object_ref (object);
  int kind = kind_of_type (G_OBJECT_TYPE (object));
  guint value, old;

  g_return_if_fail (kind >= 0);

  value = GPOINTER_TO_UINT (g_hash_table_lookup (self->state, object));
  if (value != 0)
    {
      old = (value & ~PLACED_ONLY) - 1;
      if (what == CHANGED)
        {
          if ((value & PLACED_ONLY) && !placed)
            g_hash_table_insert (self->state, object, GUINT_TO_POINTER (value & ~PLACED_ONLY));
          return;
        }
      if (old == what)
        return;
      if (old == ADDED && what == REMOVED)
        {
          g_hash_table_remove (self->state, object);
          g_ptr_array_remove (self->items[kind][ADDED], object);
          return;
        }
      g_ptr_array_remove (self->items[kind][old], object);
    }
  g_hash_table_insert (self->state, object,
                       GUINT_TO_POINTER ((what + 1) | (what == CHANGED && placed ? PLACED_ONLY : 0)));
  g_ptr_array_add (self->items[kind][what], g_object_ref (object));
}

void
rs_case_changes_add (RsCaseChanges *self,
                     gpointer       object)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (object));
  record (self, object, ADDED, FALSE);
}

void
rs_case_changes_change (RsCaseChanges *self,
                        gpointer       object)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (object));
  record (self, object, CHANGED, FALSE);
}

void
rs_case_changes_remove (RsCaseChanges *self,
                        gpointer       object)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (object));
  record (self, object, REMOVED, FALSE);
}

/* Changed, its place on the board only (position, pin, route): see
 * rs_case_changes_is_placed_only(). */
void
rs_case_changes_place (RsCaseChanges *self,
                       gpointer       object)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (object));
  record (self, object, CHANGED, TRUE);
}

/* TRUE for an object of the changed ones whose place on the board is all that changed
 * in this transaction. */
gboolean
rs_case_changes_is_placed_only (RsCaseChanges *self,
                                gpointer       object)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return (GPOINTER_TO_UINT (g_hash_table_lookup (self->state, object)) & PLACED_ONLY) != 0;
}
