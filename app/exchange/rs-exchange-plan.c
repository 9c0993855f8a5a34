/* rs-exchange-plan.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rs-error.h"
#include "rs-exchange-private.h"

/* What a merge or a changeset would do to my case, item by item, before anything
 * is written. The plan remembers the last line of my history when it was made:
 * applied after the case changed, it would write what the analyst did not review. */

struct _RsExchangePlan
{
  GObject parent_instance;

  /* Owned */
  RsCaseStore *store;
  GListStore  *items;
  GPtrArray   *pending;   /* RsExchangeItem, before seal */
  GPtrArray   *skipped;   /* char *: JSON objects as text */
  GPtrArray   *objects;   /* RsStixObject: their markings and unmapped objects, or NULL */
  char        *source;
  char        *label;
  char        *author;

  gint64       history_head;
  gboolean     sealed;
};

G_DEFINE_FINAL_TYPE (RsExchangePlan, rs_exchange_plan, G_TYPE_OBJECT)

static void
rs_exchange_plan_dispose (GObject *object)
{
  RsExchangePlan *self = RS_EXCHANGE_PLAN (object);

  g_clear_object (&self->store);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (rs_exchange_plan_parent_class)->dispose (object);
}

static void
rs_exchange_plan_finalize (GObject *object)
{
  RsExchangePlan *self = RS_EXCHANGE_PLAN (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (rs_exchange_plan_parent_class)->finalize (object);
}

static void
rs_exchange_plan_class_init (RsExchangePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_exchange_plan_dispose;
  object_class->finalize = rs_exchange_plan_finalize;
}

static void
rs_exchange_plan_init (RsExchangePlan *self)
{
  self->items = g_list_store_new (RS_TYPE_EXCHANGE_ITEM);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->skipped = g_ptr_array_new_with_free_func (g_free);
}

RsExchangePlan *
_rs_exchange_plan_new (RsCaseStore *mine,
                       const char  *source,
                       const char  *label,
                       const char  *author)
{
  RsExchangePlan *self = g_object_new (RS_TYPE_EXCHANGE_PLAN, NULL);

  self->store = g_object_ref (mine);
  self->source = g_strdup (source);
  self->label = g_strdup (label);
  self->author = author != NULL && *author != '\0' ? g_strdup (author) : NULL;
  return self;
}

void
_rs_exchange_plan_add (RsExchangePlan *self,
                       RsExchangeItem *item)
{
  g_assert (!self->sealed);
  g_ptr_array_add (self->pending, item);
}

void
_rs_exchange_plan_take_objects (RsExchangePlan *self,
                                GPtrArray      *objects)
{
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  self->objects = objects;
}

void
_rs_exchange_plan_take_stix (RsExchangePlan *self,
                             GHashTable     *by_record)
{
  g_assert (!self->sealed);
  for (guint i = 0; i < self->pending->len && g_hash_table_size (by_record) > 0; i++)
    {
      RsExchangeItem *item = g_ptr_array_index (self->pending, i);
      g_autofree char *key = g_strdup_printf ("%d %s", _rs_exchange_item_get_table (item),
                                              rs_exchange_item_get_uid (item));
      g_autofree char *stolen_key = NULL;
      XStix *stix = NULL;

      if (!g_hash_table_steal_extended (by_record, key, (gpointer *)&stolen_key,
                                        (gpointer *)&stix))
        continue;
      if (stix->stix_ids != NULL)
        g_ptr_array_add (stix->stix_ids, NULL);
      _rs_exchange_item_take_stix (item, stix->references,
                                   stix->stix_ids ? (char **)g_ptr_array_free (stix->stix_ids,
                                                                               FALSE)
                                                  : NULL);
      g_free (stix);
    }
}

static const char *
kind_name (RsExchangeItemKind kind)
{
  switch (kind)
    {
    case RS_EXCHANGE_ITEM_NEW: return "new";
    case RS_EXCHANGE_ITEM_MATCH: return "match";
    case RS_EXCHANGE_ITEM_UPDATE: return "update";
    case RS_EXCHANGE_ITEM_DELETE: return "delete";
    case RS_EXCHANGE_ITEM_CONFLICT: return "conflict";
    default: return "unknown";
    }
}

static char *
to_json_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

void
_rs_exchange_plan_skip (RsExchangePlan *self,
                        XTableId        table,
                        const char     *uid,
                        const char     *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, _rs_exchange_table (table)->name);
  json_builder_set_member_name (builder, "uid");
  json_builder_add_string_value (builder, uid);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  g_ptr_array_add (self->skipped, to_json_text (builder));
}

static int
order_of (RsExchangeItemKind kind)
{
  switch (kind)
    {
    case RS_EXCHANGE_ITEM_CONFLICT: return 0;
    case RS_EXCHANGE_ITEM_NEW: return 1;
    case RS_EXCHANGE_ITEM_UPDATE: return 2;
    case RS_EXCHANGE_ITEM_DELETE: return 3;
    case RS_EXCHANGE_ITEM_MATCH:
    default: return 4;
    }
}

/* Stable: within a kind, items stay in the order they were found (parents first). */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  RsExchangeItem *x = *(RsExchangeItem **)a;
  RsExchangeItem *y = *(RsExchangeItem **)b;

  return order_of (rs_exchange_item_get_kind (x)) - order_of (rs_exchange_item_get_kind (y));
}

gboolean
_rs_exchange_history_head (RsCaseStore  *store,
                           gint64       *head,
                           GError      **error)
{
  gboolean ok;

  _rs_case_store_lock (store);
  ok = rs_db_get_int (store->db, "SELECT ifnull (max (id), 0) FROM history", head, error);
  _rs_case_store_unlock (store);
  return ok;
}

gboolean
_rs_exchange_plan_seal (RsExchangePlan  *self,
                        GError         **error)
{
  g_assert (!self->sealed);

  if (!_rs_exchange_history_head (self->store, &self->history_head, error))
    return FALSE;
  g_ptr_array_sort (self->pending, compare_items);
  g_list_store_splice (self->items, 0, 0, self->pending->pdata, self->pending->len);
  g_ptr_array_set_size (self->pending, 0);
  self->sealed = TRUE;
  return TRUE;
}

GListModel *
rs_exchange_plan_get_items (RsExchangePlan *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
rs_exchange_plan_count (RsExchangePlan     *self,
                        RsExchangeItemKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      n += rs_exchange_item_get_kind (item) == kind;
    }
  return n;
}

void
rs_exchange_plan_resolve_all (RsExchangePlan       *self,
                              RsExchangeResolution  resolution)
{
  GListModel *items;

  g_return_if_fail (RS_IS_EXCHANGE_PLAN (self));

  items = G_LIST_MODEL (self->items);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

      if (rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_CONFLICT)
        rs_exchange_item_set_resolution (item, resolution);
    }
}

guint
rs_exchange_plan_count_undecided (RsExchangePlan *self)
{
  guint n = 0;

  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      n += rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_CONFLICT &&
           rs_exchange_item_get_resolution (item) == RS_EXCHANGE_RESOLUTION_UNDECIDED;
    }
  return n;
}

const char *
rs_exchange_plan_get_label (RsExchangePlan *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), NULL);
  return self->label;
}

/* Their source as a person reads it: the file, the case and who sent it. */
const char *
rs_exchange_plan_get_source (RsExchangePlan *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), NULL);
  return self->source;
}

const char *
rs_exchange_plan_get_author (RsExchangePlan *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), NULL);
  return self->author;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static const char *
resolution_name (RsExchangeResolution resolution)
{
  switch (resolution)
    {
    case RS_EXCHANGE_RESOLUTION_KEEP_MINE: return "keep-mine";
    case RS_EXCHANGE_RESOLUTION_TAKE_THEIRS: return "take-theirs";
    case RS_EXCHANGE_RESOLUTION_UNDECIDED:
    default: return "undecided";
    }
}

char *
rs_exchange_plan_to_json (RsExchangePlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *items;

  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), NULL);

  items = G_LIST_MODEL (self->items);
  json_builder_begin_object (builder);
  add_string (builder, "source", self->source);
  add_string (builder, "label", self->label);
  add_string (builder, "author", self->author);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (RsExchangeItemKind k = RS_EXCHANGE_ITEM_NEW; k <= RS_EXCHANGE_ITEM_CONFLICT; k++)
    {
      json_builder_set_member_name (builder, kind_name (k));
      json_builder_add_int_value (builder, rs_exchange_plan_count (self, k));
    }
  json_builder_set_member_name (builder, "undecided");
  json_builder_add_int_value (builder, rs_exchange_plan_count_undecided (self));
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, self->skipped->len);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);
      RsExchangeItemKind kind = rs_exchange_item_get_kind (item);

      json_builder_begin_object (builder);
      add_string (builder, "kind", kind_name (kind));
      add_string (builder, "target", rs_exchange_item_get_target_name (item));
      add_string (builder, "uid", rs_exchange_item_get_uid (item));
      if (rs_exchange_item_get_local_id (item) > 0)
        {
          json_builder_set_member_name (builder, "local_id");
          json_builder_add_int_value (builder, rs_exchange_item_get_local_id (item));
        }
      add_string (builder, "title", rs_exchange_item_get_title (item));
      add_string (builder, "matched_by", rs_exchange_item_get_matched_by (item));
      add_string (builder, "field", rs_exchange_item_get_field (item));
      add_string (builder, "mine", rs_exchange_item_get_mine (item));
      add_string (builder, "theirs", rs_exchange_item_get_theirs (item));
      add_string (builder, "base", rs_exchange_item_get_base (item));
      if (kind == RS_EXCHANGE_ITEM_CONFLICT)
        add_string (builder, "resolution",
                    resolution_name (rs_exchange_item_get_resolution (item)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->skipped->len; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (g_ptr_array_index (self->skipped, i), NULL);

      json_builder_add_value (builder, g_steal_pointer (&node));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return to_json_text (builder);
}

/* What applying needs: the plan's case, every conflict decided, and the case as it
 * was when the plan was made. */
static gboolean
check_apply (RsExchangePlan  *self,
             RsCaseStore     *mine,
             GError         **error)
{
  gint64 head = 0;
  guint undecided;

  if (mine != self->store)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                           _("The merge was prepared for another case"));
      return FALSE;
    }
  if ((undecided = rs_exchange_plan_count_undecided (self)) > 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u conflict is not decided yet: nothing was changed",
                                "%u conflicts are not decided yet: nothing was changed",
                                undecided),
                   undecided);
      return FALSE;
    }
  if (!_rs_exchange_history_head (mine, &head, error))
    return FALSE;
  if (head != self->history_head)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_CONFLICT,
                           _("The case changed since the merge was prepared: prepare it again"));
      return FALSE;
    }
  return TRUE;
}

RsChange *
rs_exchange_plan_apply (RsExchangePlan  *self,
                        RsCaseStore     *mine,
                        GError         **error)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (RS_IS_CASE_STORE (mine), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_apply (self, mine, error))
    return NULL;
  return _rs_exchange_write (mine, G_LIST_MODEL (self->items), self->objects, self->label,
                             error);
}

/* Applying a slice at a time: about one frame's worth of writing between two looks
 * at the main loop (as a bundle import writes). The store's writes mirror into the
 * case's model objects, which live on the main thread: a worker cannot do them. */
#define SLICE_STEPS 32
#define SLICE_USEC  (12 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  XWriter               *writer;
  RsExchangeProgressFunc progress;
  gpointer               progress_data;
  GDestroyNotify         progress_notify;
  guint                  idle_id;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_assert (data->idle_id == 0);
  if (data->writer != NULL)
    _rs_exchange_writer_cancel (data->writer);
  if (data->progress_notify != NULL)
    data->progress_notify (data->progress_data);
  g_free (data);
}

static void
report_apply_progress (ApplyData *data)
{
  if (data->progress != NULL)
    data->progress (_rs_exchange_writer_fraction (data->writer), data->progress_data);
}

static gboolean
apply_slice_cb (gpointer user_data)
{
  GTask *task = user_data;
  ApplyData *data = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  GError *error = NULL;
  gboolean done = FALSE;
  RsChange *change;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    goto failed;
  while (!done && g_get_monotonic_time () < deadline)
    if (!_rs_exchange_writer_step (data->writer, SLICE_STEPS, &done, &error))
      goto failed;
  report_apply_progress (data);
  if (!done)
    return G_SOURCE_CONTINUE;

  data->idle_id = 0;
  change = _rs_exchange_writer_finish (g_steal_pointer (&data->writer), &error);
  if (change == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, change, g_object_unref);
  return G_SOURCE_REMOVE;

failed:
  data->idle_id = 0;
  /* Whatever this plan wrote is rolled back: the case is as before. */
  g_clear_pointer (&data->writer, _rs_exchange_writer_cancel);
  g_task_return_error (task, error);
  return G_SOURCE_REMOVE;
}

/**
 * rs_exchange_plan_apply_async:
 * @progress: (nullable): called on this thread with the fraction written
 *
 * Writes the plan as rs_exchange_plan_apply() does, one change, a slice at a time on
 * this thread's main context, so that a window stays responsive. Cancelled or
 * failed, it leaves the case as it was; while it runs, other changes to the store
 * are refused with RS_ERROR_BUSY. Checks (undecided conflicts, the case changed)
 * fail before anything is written.
 */
void
rs_exchange_plan_apply_async (RsExchangePlan         *self,
                              RsCaseStore            *mine,
                              GCancellable           *cancellable,
                              RsExchangeProgressFunc  progress,
                              gpointer                progress_data,
                              GDestroyNotify          progress_notify,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ApplyData *data;

  g_return_if_fail (RS_IS_EXCHANGE_PLAN (self));
  g_return_if_fail (RS_IS_CASE_STORE (mine));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_exchange_plan_apply_async);
  data = g_new0 (ApplyData, 1);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_notify = progress_notify;
  g_task_set_task_data (task, data, (GDestroyNotify)apply_data_free);

  if (!check_apply (self, mine, &error) ||
      !(data->writer = _rs_exchange_writer_begin (mine, G_LIST_MODEL (self->items), self->objects,
                                                  self->label,
                                                  &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report_apply_progress (data);
  data->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_slice_cb, g_object_ref (task),
                                   g_object_unref);
}

/**
 * rs_exchange_plan_apply_finish:
 *
 * Returns: (transfer full): the change written (the store has announced it with
 *   "change-committed"), or %NULL with @error set (G_IO_ERROR_CANCELLED when
 *   cancelled)
 */
RsChange *
rs_exchange_plan_apply_finish (RsExchangePlan  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Async: the plan is made in a worker over copies of the files; the store is only
 * read there, under its lock, for the time of the copy. */
typedef struct
{
  RsCaseStore *store;
  char        *path;
  gboolean     merge;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->store);
  g_free (data->path);
  g_free (data);
}

static void
new_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NewData *data = task_data;
  GError *error = NULL;
  RsExchangePlan *plan;

  plan = data->merge ? rs_exchange_plan_new_merge (data->store, data->path, &error)
                     : rs_exchange_plan_new_apply (data->store, data->path, &error);
  /* Dropped here, before the result reaches the main thread: the task itself may
   * be freed on this thread, and a store must not be finalized off the main one
   * (the plan holds its own reference). */
  g_clear_object (&data->store);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
new_async (RsCaseStore         *mine,
           const char          *path,
           gboolean             merge,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  NewData *data = g_new0 (NewData, 1);

  g_task_set_source_tag (task, new_async);
  data->store = g_object_ref (mine);
  data->path = g_strdup (path);
  data->merge = merge;
  g_task_set_task_data (task, data, (GDestroyNotify)new_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, new_in_thread);
}

void
rs_exchange_plan_new_merge_async (RsCaseStore         *mine,
                                  const char          *other_path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RS_IS_CASE_STORE (mine));
  g_return_if_fail (other_path != NULL);

  new_async (mine, other_path, TRUE, cancellable, callback, user_data);
}

void
rs_exchange_plan_new_apply_async (RsCaseStore         *mine,
                                  const char          *changeset_path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RS_IS_CASE_STORE (mine));
  g_return_if_fail (changeset_path != NULL);

  new_async (mine, changeset_path, FALSE, cancellable, callback, user_data);
}

RsExchangePlan *
rs_exchange_plan_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
