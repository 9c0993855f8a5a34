/* rs-case-store-stix.c: external references, STIX ids, markings and the STIX objects a
 * case keeps as they came (schema 8, issue 22)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-stix"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-case-store-stix.h"
#include "rs-error.h"

/* None of these rows is a model object: the case's RsCase does not hold them, and a
 * change that writes them is undone with the rest of its rows (the session records
 * every table but the search index and the history). */

RsExternalReference *
rs_external_reference_new (const char *source_name,
                           const char *external_id,
                           const char *url,
                           const char *description)
{
  RsExternalReference *ref = g_new0 (RsExternalReference, 1);

  ref->source_name = g_strdup (source_name);
  ref->external_id = g_strdup (external_id);
  ref->url = g_strdup (url);
  ref->description = g_strdup (description);
  return ref;
}

void
rs_external_reference_free (RsExternalReference *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->source_name);
  g_free (ref->external_id);
  g_free (ref->url);
  g_free (ref->description);
  g_free (ref);
}

void
rs_stix_object_free (RsStixObject *object)
{
  if (object == NULL)
    return;
  g_free (object->stix_id);
  g_free (object->type);
  g_free (object->name);
  g_free (object->definition_type);
  g_free (object->definition);
  g_free (object->object);
  g_free (object);
}

/* The column of external_reference or stix_id that points at a record of TARGET. */
static const char *
target_column (RsTarget target)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:   return "entity_id";
    case RS_TARGET_RELATION: return "relation_id";
    case RS_TARGET_DOCUMENT: return "document_id";
    case RS_TARGET_EVENT:    return "event_id";
    case RS_TARGET_CASE:
    case RS_TARGET_QUOTE:
    case RS_TARGET_NOTE:
    default:                 return NULL;
    }
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, message);
  return FALSE;
}

/* One INSERT with its values bound by @bind, as one step of the open batch or change. */
typedef void (*BindFunc) (sqlite3_stmt *stmt,
                          gconstpointer data);

static gboolean
insert_row (RsCaseStore   *self,
            const char    *sql,
            BindFunc       bind,
            gconstpointer  data,
            GError       **error)
{
  g_auto(RsStoreStmt) kept = { 0 };
  sqlite3_stmt *stmt;

  if (!_rs_case_store_check_writable (self, error) || !_rs_case_store_op_begin (self, error))
    return FALSE;
  if (!(stmt = _rs_case_store_prepare (self, &kept, sql, error)))
    goto fail;
  bind (stmt, data);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  _rs_case_store_stmt_clear (&kept);
  if (!_rs_case_store_op_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _rs_case_store_stmt_clear (&kept);
  _rs_case_store_op_rollback (self);
  return FALSE;
}

typedef struct
{
  gint64                     id;
  const RsExternalReference *ref;
} RefRow;

static void
bind_reference (sqlite3_stmt  *stmt,
                gconstpointer  data)
{
  const RefRow *row = data;

  sqlite3_bind_int64 (stmt, 1, row->id);
  rs_db_bind_text (stmt, 2, row->ref->source_name);
  rs_db_bind_text (stmt, 3, row->ref->external_id);
  rs_db_bind_text (stmt, 4, row->ref->url);
  rs_db_bind_text (stmt, 5, row->ref->description);
}

/**
 * rs_case_store_add_external_reference:
 * @target: %RS_TARGET_ENTITY, %RS_TARGET_RELATION or %RS_TARGET_DOCUMENT
 *
 * Adds @ref after the record's other references.
 */
gboolean
rs_case_store_add_external_reference (RsCaseStore                *self,
                                      RsTarget                    target,
                                      gint64                      id,
                                      const RsExternalReference  *ref,
                                      GError                    **error)
{
  g_autofree char *sql = NULL;
  const char *column = target_column (target);
  RefRow row = { id, ref };

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (column != NULL && target != RS_TARGET_EVENT, FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ref->source_name == NULL || *ref->source_name == '\0')
    return invalid (error, _("An external reference needs a source name"));
  if (!_rs_case_store_check_text (ref->source_name, TRUE, _("source name"), error) ||
      !_rs_case_store_check_text (ref->external_id, FALSE, _("external id"), error) ||
      !_rs_case_store_check_text (ref->url, FALSE, _("URL"), error) ||
      !_rs_case_store_check_text (ref->description, FALSE, _("description"), error))
    return FALSE;

  /* The column name is one of four constants. */
  sql = g_strdup_printf ("INSERT INTO external_reference (%s, position, source_name, external_id, "
                         "url, description) VALUES (?1, (SELECT count(*) FROM external_reference "
                         "WHERE %s = ?1), ?2, ?3, ?4, ?5)", column, column);
  return insert_row (self, sql, bind_reference, &row, error);
}

/**
 * rs_case_store_dup_external_references:
 *
 * Returns: (transfer full) (element-type RsExternalReference): the record's
 *   references in their order, or %NULL with @error set
 */
GPtrArray *
rs_case_store_dup_external_references (RsCaseStore  *self,
                                       RsTarget      target,
                                       gint64        id,
                                       GError      **error)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_external_reference_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *column = target_column (target);
  gboolean has_row = TRUE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  sql = g_strdup_printf ("SELECT source_name, external_id, url, description FROM external_reference "
                         "WHERE %s = ?1 ORDER BY position, id", column);
  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db, sql, error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      while (rs_db_step_row (self->db, stmt, &has_row, error) && has_row)
        g_ptr_array_add (refs, rs_external_reference_new (rs_db_column_text (stmt, 0),
                                                          rs_db_column_text (stmt, 1),
                                                          rs_db_column_text (stmt, 2),
                                                          rs_db_column_text (stmt, 3)));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);

  return has_row ? NULL : g_steal_pointer (&refs);
}

typedef struct
{
  const char *stix_id;
  gint64      id;
} StixIdRow;

static void
bind_stix_id (sqlite3_stmt  *stmt,
              gconstpointer  data)
{
  const StixIdRow *row = data;

  rs_db_bind_text (stmt, 1, row->stix_id);
  sqlite3_bind_int64 (stmt, 2, row->id);
}

/**
 * rs_case_store_set_stix_id:
 *
 * Records that the record was imported from the STIX object @stix_id, so that a later
 * import of the same object finds it. A STIX id names one record: set again, it moves.
 */
gboolean
rs_case_store_set_stix_id (RsCaseStore  *self,
                           const char   *stix_id,
                           RsTarget      target,
                           gint64        id,
                           GError      **error)
{
  g_autofree char *sql = NULL;
  const char *column = target_column (target);
  StixIdRow row = { stix_id, id };

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stix_id == NULL || *stix_id == '\0')
    return invalid (error, _("A STIX id cannot be empty"));
  if (!_rs_case_store_check_text (stix_id, TRUE, _("STIX id"), error))
    return FALSE;

  sql = g_strdup_printf ("INSERT OR REPLACE INTO stix_id (stix_id, %s) VALUES (?1, ?2)", column);
  return insert_row (self, sql, bind_stix_id, &row, error);
}

/* Which record the case imported from @stix_id, if any. */
gboolean
rs_case_store_lookup_stix_id (RsCaseStore *self,
                              const char  *stix_id,
                              RsTarget    *target,
                              gint64      *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);

  if (stix_id == NULL)
    return FALSE;

  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db,
                             "SELECT entity_id, relation_id, document_id, event_id FROM stix_id "
                             "WHERE stix_id = ?1", NULL)) != NULL)
    {
      rs_db_bind_text (stmt, 1, stix_id);
      if (rs_db_step_row (self->db, stmt, &has_row, NULL) && has_row)
        {
          static const RsTarget targets[] = {
            RS_TARGET_ENTITY, RS_TARGET_RELATION, RS_TARGET_DOCUMENT, RS_TARGET_EVENT,
          };

          for (int i = 0; i < 4; i++)
            if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
              {
                if (target != NULL)
                  *target = targets[i];
                if (id != NULL)
                  *id = sqlite3_column_int64 (stmt, i);
              }
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);
  return has_row;
}

/* The STIX ids the record was imported from, oldest first (NULL-terminated, maybe empty). */
char **
rs_case_store_dup_stix_ids (RsCaseStore *self,
                            RsTarget     target,
                            gint64       id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *column = target_column (target);
  gboolean has_row;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  sql = g_strdup_printf ("SELECT stix_id FROM stix_id WHERE %s = ?1 ORDER BY id", column);
  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db, sql, NULL)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      while (rs_db_step_row (self->db, stmt, &has_row, NULL) && has_row)
        g_strv_builder_add (builder, rs_db_column_text (stmt, 0));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);
  return g_strv_builder_end (builder);
}

static void
bind_marking (sqlite3_stmt  *stmt,
              gconstpointer  data)
{
  const RsStixObject *marking = data;

  rs_db_bind_text (stmt, 1, marking->stix_id);
  rs_db_bind_text (stmt, 2, marking->name != NULL ? marking->name : "");
  rs_db_bind_text (stmt, 3, marking->definition_type != NULL ? marking->definition_type : "");
  rs_db_bind_text (stmt, 4, marking->definition != NULL ? marking->definition : "{}");
  rs_db_bind_text (stmt, 5, marking->object);
}

static gboolean
check_object (const RsStixObject  *object,
              GError             **error)
{
  if (object->stix_id == NULL || *object->stix_id == '\0' || object->object == NULL)
    return invalid (error, _("A STIX object needs its id and its JSON"));
  return _rs_case_store_check_text (object->stix_id, TRUE, _("STIX id"), error) &&
         _rs_case_store_check_text (object->name, FALSE, _("name"), error) &&
         _rs_case_store_check_text (object->object, TRUE, _("STIX object"), error);
}

/* Keeps a marking definition with the case; one the case has already is left as it is. */
gboolean
rs_case_store_add_marking (RsCaseStore         *self,
                           const RsStixObject  *marking,
                           GError             **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (marking != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_object (marking, error))
    return FALSE;
  return insert_row (self,
                     "INSERT OR IGNORE INTO marking (stix_id, name, definition_type, definition, "
                     "object) VALUES (?1, ?2, ?3, ?4, ?5)",
                     bind_marking, marking, error);
}

static GPtrArray *
dup_objects (RsCaseStore  *self,
             const char   *sql,
             gboolean      markings,
             GError      **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_stix_object_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = TRUE;

  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db, sql, error)) != NULL)
    while (rs_db_step_row (self->db, stmt, &has_row, error) && has_row)
      {
        RsStixObject *object = g_new0 (RsStixObject, 1);

        object->stix_id = g_strdup (rs_db_column_text (stmt, 0));
        object->type = g_strdup (rs_db_column_text (stmt, 1));
        object->object = g_strdup (rs_db_column_text (stmt, 2));
        if (markings)
          {
            object->name = g_strdup (rs_db_column_text (stmt, 3));
            object->definition_type = g_strdup (rs_db_column_text (stmt, 4));
            object->definition = g_strdup (rs_db_column_text (stmt, 5));
          }
        g_ptr_array_add (objects, object);
      }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);

  return has_row ? NULL : g_steal_pointer (&objects);
}

/**
 * rs_case_store_dup_markings:
 *
 * Returns: (transfer full) (element-type RsStixObject): the marking definitions kept
 *   with the case, in the order they came, or %NULL with @error set
 */
GPtrArray *
rs_case_store_dup_markings (RsCaseStore  *self,
                            GError      **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);

  return dup_objects (self,
                      "SELECT stix_id, 'marking-definition', object, name, definition_type, "
                      "definition FROM marking ORDER BY id",
                      TRUE, error);
}

static void
bind_object (sqlite3_stmt  *stmt,
             gconstpointer  data)
{
  const RsStixObject *object = data;

  rs_db_bind_text (stmt, 1, object->stix_id);
  rs_db_bind_text (stmt, 2, object->type);
  rs_db_bind_text (stmt, 3, object->object);
}

/* Keeps a STIX object Redstring does not map; one the case has already is replaced. */
gboolean
rs_case_store_add_stix_object (RsCaseStore         *self,
                               const RsStixObject  *object,
                               GError             **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_object (object, error))
    return FALSE;
  if (object->type == NULL || *object->type == '\0')
    return invalid (error, _("A STIX object needs its type"));
  return insert_row (self,
                     "INSERT INTO stix_object (stix_id, type, object) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (stix_id) DO UPDATE SET type = excluded.type, "
                     "object = excluded.object",
                     bind_object, object, error);
}

/**
 * rs_case_store_dup_stix_objects:
 *
 * Returns: (transfer full) (element-type RsStixObject): the STIX objects kept as they
 *   came, in the order they came, or %NULL with @error set
 */
GPtrArray *
rs_case_store_dup_stix_objects (RsCaseStore  *self,
                                GError      **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);

  return dup_objects (self, "SELECT stix_id, type, object FROM stix_object ORDER BY id", FALSE,
                      error);
}

gboolean
rs_case_store_has_stix_object (RsCaseStore *self,
                               const char  *stix_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);

  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db,
                             "SELECT 1 FROM stix_object WHERE stix_id = ?1 "
                             "UNION ALL SELECT 1 FROM marking WHERE stix_id = ?1", NULL)) != NULL)
    {
      rs_db_bind_text (stmt, 1, stix_id);
      rs_db_step_row (self->db, stmt, &has_row, NULL);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);
  return has_row;
}

/* The table whose records TARGET names. */
static const char *
target_table (RsTarget target)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:   return "entity";
    case RS_TARGET_RELATION: return "relation";
    case RS_TARGET_DOCUMENT: return "document";
    case RS_TARGET_QUOTE:    return "quote";
    case RS_TARGET_EVENT:    return "event";
    case RS_TARGET_NOTE:     return "note";
    case RS_TARGET_CASE:
    default:                 return NULL;
    }
}

/**
 * rs_case_store_has_uid:
 * @target: the kind of record (not %RS_TARGET_CASE)
 *
 * Whether a record of that kind has @uid in the case file, rows of the open batch
 * included: an import that keeps the uids a bundle gives (rs-stix-extension.c) asks
 * before each, so that a uid the case uses already, or one the bundle gives twice,
 * is replaced by a new one rather than refused.
 */
gboolean
rs_case_store_has_uid (RsCaseStore *self,
                       RsTarget     target,
                       const char  *uid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *table = target_table (target);
  gboolean has_row = FALSE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (uid == NULL)
    return FALSE;
  /* The table name is one of six constants. */
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uid = ?1", table);
  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db, sql, NULL)) != NULL)
    {
      rs_db_bind_text (stmt, 1, uid);
      rs_db_step_row (self->db, stmt, &has_row, NULL);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);
  return has_row;
}

/* The record a row of external_reference or stix_id belongs to, from its four (three)
 * owner columns starting at @first. */
static gboolean
row_owner (sqlite3_stmt *stmt,
           int           first,
           int           n,
           RsTarget     *target,
           gint64       *id)
{
  static const RsTarget targets[] = {
    RS_TARGET_ENTITY, RS_TARGET_RELATION, RS_TARGET_DOCUMENT, RS_TARGET_EVENT,
  };

  for (int i = 0; i < n; i++)
    if (sqlite3_column_type (stmt, first + i) != SQLITE_NULL)
      {
        *target = targets[i];
        *id = sqlite3_column_int64 (stmt, first + i);
        return TRUE;
      }
  return FALSE;
}

/**
 * rs_case_store_foreach_external_reference:
 *
 * One query for every record's references, in each record's order: an export reads
 * them all, and a query per record took most of a large case's export (20,000
 * entities: 0.8 s of 1.9).
 */
gboolean
rs_case_store_foreach_external_reference (RsCaseStore              *self,
                                          RsExternalReferenceFunc   func,
                                          gpointer                  user_data,
                                          GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = TRUE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db,
                             "SELECT entity_id, relation_id, document_id, source_name, external_id, "
                             "url, description FROM external_reference ORDER BY position, id",
                             error)) != NULL)
    while (rs_db_step_row (self->db, stmt, &has_row, error) && has_row)
      {
        RsTarget target;
        gint64 id;

        if (row_owner (stmt, 0, 3, &target, &id))
          func (target, id, rs_external_reference_new (rs_db_column_text (stmt, 3),
                                                       rs_db_column_text (stmt, 4),
                                                       rs_db_column_text (stmt, 5),
                                                       rs_db_column_text (stmt, 6)),
                user_data);
      }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);
  return !has_row;
}

gboolean
rs_case_store_foreach_stix_id (RsCaseStore   *self,
                               RsStixIdFunc   func,
                               gpointer       user_data,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = TRUE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  _rs_case_store_lock (self);
  if ((stmt = rs_db_prepare (self->db,
                             "SELECT entity_id, relation_id, document_id, event_id, stix_id "
                             "FROM stix_id ORDER BY id", error)) != NULL)
    while (rs_db_step_row (self->db, stmt, &has_row, error) && has_row)
      {
        RsTarget target;
        gint64 id;

        if (row_owner (stmt, 0, 4, &target, &id))
          func (target, id, rs_db_column_text (stmt, 4), user_data);
      }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _rs_case_store_unlock (self);
  return !has_row;
}
