/* rs-undo-stack.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-undo-stack"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-undo-stack.h"

/* The changes made to one case, oldest first, and how many of them are applied:
 * changes[0 .. n_applied) can be undone, changes[n_applied ..) redone. A push
 * drops what could be redone. An undo or redo the store refuses (the case changed
 * since) leaves the stack as it was. */
struct _RsUndoStack
{
  GObject parent_instance;

  /* Owned */
  RsCaseStore *store;
  GPtrArray   *changes;   /* RsChange */
  guint        n_applied;
};

G_DEFINE_FINAL_TYPE (RsUndoStack, rs_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_undo_stack_dispose (GObject *object)
{
  RsUndoStack *self = (RsUndoStack *)object;

  g_clear_object (&self->store);
  if (self->changes != NULL)
    g_ptr_array_set_size (self->changes, 0);

  G_OBJECT_CLASS (rs_undo_stack_parent_class)->dispose (object);
}

static void
rs_undo_stack_finalize (GObject *object)
{
  RsUndoStack *self = (RsUndoStack *)object;

  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (rs_undo_stack_parent_class)->finalize (object);
}

static void
rs_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RsUndoStack *self = RS_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rs_undo_stack_get_store (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rs_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, rs_undo_stack_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_take_string (value, rs_undo_stack_dup_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_take_string (value, rs_undo_stack_dup_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RsUndoStack *self = RS_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_undo_stack_class_init (RsUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_undo_stack_dispose;
  object_class->finalize = rs_undo_stack_finalize;
  object_class->get_property = rs_undo_stack_get_property;
  object_class->set_property = rs_undo_stack_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_undo_stack_init (RsUndoStack *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
}

RsUndoStack *
rs_undo_stack_new (RsCaseStore *store)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);

  return g_object_new (RS_TYPE_UNDO_STACK, "store", store, NULL);
}

RsCaseStore *
rs_undo_stack_get_store (RsUndoStack *self)
{
  g_return_val_if_fail (RS_IS_UNDO_STACK (self), NULL);
  return self->store;
}

RsChange *
rs_undo_stack_peek_undo (RsUndoStack *self)
{
  g_return_val_if_fail (RS_IS_UNDO_STACK (self), NULL);
  return self->n_applied > 0 ? g_ptr_array_index (self->changes, self->n_applied - 1) : NULL;
}

RsChange *
rs_undo_stack_peek_redo (RsUndoStack *self)
{
  g_return_val_if_fail (RS_IS_UNDO_STACK (self), NULL);
  return self->n_applied < self->changes->len ? g_ptr_array_index (self->changes, self->n_applied)
                                              : NULL;
}

gboolean
rs_undo_stack_get_can_undo (RsUndoStack *self)
{
  return rs_undo_stack_peek_undo (self) != NULL;
}

gboolean
rs_undo_stack_get_can_redo (RsUndoStack *self)
{
  return rs_undo_stack_peek_redo (self) != NULL;
}

/* "Undo Merge “BRONZE BUTLER” into “Tick”", or "Undo" when there is nothing to undo. */
char *
rs_undo_stack_dup_undo_label (RsUndoStack *self)
{
  RsChange *change = rs_undo_stack_peek_undo (self);

  /* TRANSLATORS: the menu item; the argument is what the change did */
  return change ? g_strdup_printf (_("Undo %s"), rs_change_get_label (change)) : g_strdup (_("Undo"));
}

char *
rs_undo_stack_dup_redo_label (RsUndoStack *self)
{
  RsChange *change = rs_undo_stack_peek_redo (self);

  /* TRANSLATORS: the menu item; the argument is what the change did */
  return change ? g_strdup_printf (_("Redo %s"), rs_change_get_label (change)) : g_strdup (_("Redo"));
}

/* Notifies the properties whose value moved from BEFORE_UNDO/BEFORE_REDO. */
static void
notify_moved (RsUndoStack *self,
              RsChange    *before_undo,
              RsChange    *before_redo)
{
  RsChange *after_undo = rs_undo_stack_peek_undo (self);
  RsChange *after_redo = rs_undo_stack_peek_redo (self);

  if ((before_undo == NULL) != (after_undo == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if ((before_redo == NULL) != (after_redo == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before_undo != after_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before_redo != after_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

/* Takes a change that has just been committed. An empty one is not worth an Undo. */
void
rs_undo_stack_push (RsUndoStack *self,
                    RsChange    *change)
{
  g_autoptr(RsChange) before_undo = NULL;
  g_autoptr(RsChange) before_redo = NULL;

  g_return_if_fail (RS_IS_UNDO_STACK (self));
  g_return_if_fail (RS_IS_CHANGE (change));

  if (rs_change_is_empty (change))
    return;

  g_set_object (&before_undo, rs_undo_stack_peek_undo (self));
  g_set_object (&before_redo, rs_undo_stack_peek_redo (self));
  g_ptr_array_set_size (self->changes, self->n_applied);
  g_ptr_array_add (self->changes, g_object_ref (change));
  self->n_applied++;
  notify_moved (self, before_undo, before_redo);
}

gboolean
rs_undo_stack_undo (RsUndoStack  *self,
                    GError      **error)
{
  RsChange *before_undo, *before_redo;

  g_return_val_if_fail (RS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->n_applied > 0, FALSE);

  before_undo = rs_undo_stack_peek_undo (self);
  before_redo = rs_undo_stack_peek_redo (self);
  if (!rs_case_store_undo_change (self->store, before_undo, error))
    return FALSE;
  self->n_applied--;
  notify_moved (self, before_undo, before_redo);
  return TRUE;
}

gboolean
rs_undo_stack_redo (RsUndoStack  *self,
                    GError      **error)
{
  RsChange *before_undo, *before_redo;

  g_return_val_if_fail (RS_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->n_applied < self->changes->len, FALSE);

  before_undo = rs_undo_stack_peek_undo (self);
  before_redo = rs_undo_stack_peek_redo (self);
  if (!rs_case_store_redo_change (self->store, before_redo, error))
    return FALSE;
  self->n_applied++;
  notify_moved (self, before_undo, before_redo);
  return TRUE;
}

/* Forgets every change: when the case is reloaded from another program's edits. */
void
rs_undo_stack_clear (RsUndoStack *self)
{
  g_autoptr(RsChange) before_undo = NULL;
  g_autoptr(RsChange) before_redo = NULL;

  g_return_if_fail (RS_IS_UNDO_STACK (self));

  g_set_object (&before_undo, rs_undo_stack_peek_undo (self));
  g_set_object (&before_redo, rs_undo_stack_peek_redo (self));
  g_ptr_array_set_size (self->changes, 0);
  self->n_applied = 0;
  notify_moved (self, before_undo, before_redo);
}
