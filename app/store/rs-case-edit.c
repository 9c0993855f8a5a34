/* rs-case-edit.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-edit"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "rs-case-edit-private.h"
#include "rs-error.h"
#include "rs-fuzzy-date.h"

/* The commands a user can give, each one change (rs_case_store_begin_change … end):
 * one transaction in the file, undone and redone as a whole, with a label for the
 * Undo menu. Each returns the change for the window's RsUndoStack, or NULL and an
 * error with nothing written (bad input is refused before or inside the change,
 * which is then rolled back).
 *
 * Decisions:
 * - A relation links two different entities; its label may be empty (an unlabelled
 *   "is linked to", which the schema and imports allow too).
 * - Merging B into A: A keeps its name, kind and description (B's description when
 *   A has none); B's name and aliases become A's aliases after A's own, without
 *   repeats (compared case-insensitively) and without A's name. B's relations,
 *   evidence, event links and notes move to A. A relation between A and B would
 *   link A to itself: it is deleted, but its evidence and notes move to A, so no
 *   quote stops backing the merged entity and no note is lost. Where A already has
 *   the same link (evidence from the same quote, the same event), A's is kept. B's
 *   board position goes with B. Undo restores all of it row for row.
 * - Splitting: a new entity takes the chosen aliases (removed from the original),
 *   the chosen relations (their end at the original moves to it) and the chosen
 *   evidence of the original. */

gboolean
_rs_case_edit_check_span (RsDocument  *document,
                          gint64       start,
                          gint64       end,
                          GError     **error)
{
  gint64 length = rs_document_get_length (document);
  g_autofree char *text = NULL;

  if (start < 0 || end > length)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The span %" PRId64 "–%" PRId64 " lies outside “%s”, "
                     "which has %" PRId64 " characters"),
                   start, end, rs_document_get_title (document), length);
      return FALSE;
    }
  if (end <= start)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The quote must end after it starts (it starts at %" PRId64
                     " and ends at %" PRId64 ")"), start, end);
      return FALSE;
    }

  text = g_utf8_substring (rs_document_get_text (document), start, end);
  if (*g_strstrip (text) == '\0')
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                           _("The quote holds only blank space: choose some words"));
      return FALSE;
    }
  return TRUE;
}

static const char *
entity_name (RsCaseStore *store,
             gint64       id)
{
  RsEntity *entity = rs_case_lookup_entity (rs_case_store_get_case (store), id);

  return entity ? rs_entity_get_name (entity) : "?";
}

/* A name as typed, without the spaces around it: "  Tick " is Tick, and a name
 * of spaces only is empty (the store refuses it). */
static char *
tidy_name (const char *name)
{
  return name != NULL ? g_strstrip (g_strdup (name)) : NULL;
}

/* One change: the entity, and where @at says on the board (pinned; NULL lets
 * the layout place it). */
static RsChange *
create_entity (RsCaseStore           *store,
               RsEntityKind           kind,
               const char            *name,
               const char * const    *aliases,
               const char            *description,
               const RsNodePlacement *at,
               gint64                *entity_id,
               GError               **error)
{
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autofree char *tidy = tidy_name (name);
  g_autofree char *label = NULL;
  RsEntity *entity;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rs_entity_set_kind (draft, kind);
  rs_entity_set_name (draft, tidy);
  rs_entity_set_aliases (draft, aliases);
  rs_entity_set_description (draft, description ? description : "");

  label = g_strdup_printf (_("Add “%s”"), tidy ? tidy : "");
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  entity = rs_case_store_add_entity (store, draft, error);
  ok = entity != NULL;
  if (ok && at != NULL)
    {
      RsNodePlacement placement = *at;

      placement.entity_id = rs_entity_get_id (entity);
      placement.pinned = TRUE;
      ok = rs_case_store_set_board (store, &placement, 1, NULL, 0, error);
    }
  if (ok && entity_id != NULL)
    *entity_id = rs_entity_get_id (entity);
  return finish (store, ok, error);
}

RsChange *
rs_case_edit_create_entity (RsCaseStore         *store,
                            RsEntityKind         kind,
                            const char          *name,
                            const char * const  *aliases,
                            const char          *description,
                            gint64              *entity_id,
                            GError             **error)
{
  return create_entity (store, kind, name, aliases, description, NULL, entity_id, error);
}

/* The same, placed on the board at (@x, @y) in board coordinates and pinned
 * there (the analyst chose the spot), in the same change. */
RsChange *
rs_case_edit_create_entity_at (RsCaseStore         *store,
                               RsEntityKind         kind,
                               const char          *name,
                               const char * const  *aliases,
                               const char          *description,
                               double               x,
                               double               y,
                               gint64              *entity_id,
                               GError             **error)
{
  RsNodePlacement at = { 0, x, y, TRUE };

  return create_entity (store, kind, name, aliases, description, &at, entity_id, error);
}

RsChange *
rs_case_edit_update_entity (RsCaseStore         *store,
                            gint64               entity_id,
                            RsEntityKind         kind,
                            const char          *name,
                            const char * const  *aliases,
                            const char          *description,
                            GError             **error)
{
  g_autofree char *label = NULL;
  g_autofree char *tidy = tidy_name (name);
  const char *old_name;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = tidy;
  old_name = entity_name (store, entity_id);
  if (name != NULL && g_strcmp0 (old_name, name) != 0)
    label = g_strdup_printf (_("Rename “%s” to “%s”"), old_name, name);
  else
    label = g_strdup_printf (_("Edit “%s”"), old_name);

  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_update_entity (store, entity_id, kind, name, aliases,
                                                     description, error), error);
}

/* The schema cascades: relations, evidence, event links, notes and position go
 * with it, all recorded in the one change. */
RsChange *
rs_case_edit_delete_entity (RsCaseStore  *store,
                            gint64        entity_id,
                            GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rs_case_lookup_entity (rs_case_store_get_case (store), entity_id))
    return invalid (error, _("The entity is not in the case")), NULL;

  label = g_strdup_printf (_("Delete “%s”"), entity_name (store, entity_id));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_delete_entity (store, entity_id, error), error);
}

static gboolean
contains_folded (GPtrArray  *folded,
                 const char *text)
{
  g_autofree char *key = g_utf8_casefold (text, -1);

  for (guint i = 0; i < folded->len; i++)
    if (g_strcmp0 (g_ptr_array_index (folded, i), key) == 0)
      return TRUE;
  g_ptr_array_add (folded, g_steal_pointer (&key));
  return FALSE;
}

RsChange *
rs_case_edit_merge_entities (RsCaseStore  *store,
                             gint64        into_id,
                             gint64        from_id,
                             GError      **error)
{
  RsCase *kase;
  RsEntity *into, *from;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  const char * const *list;
  RsEntityKind kind;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kase = rs_case_store_get_case (store);
  if (!(into = rs_case_lookup_entity (kase, into_id)) || !(from = rs_case_lookup_entity (kase, from_id)))
    return invalid (error, _("Both entities must be in the case")), NULL;
  if (into_id == from_id)
    return invalid (error, _("An entity cannot be merged into itself")), NULL;

  aliases = g_ptr_array_new_with_free_func (g_free);
  folded = g_ptr_array_new_with_free_func (g_free);
  contains_folded (folded, rs_entity_get_name (into));
  list = rs_entity_get_aliases (into);
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (!contains_folded (folded, list[i]))
      g_ptr_array_add (aliases, g_strdup (list[i]));
  if (!contains_folded (folded, rs_entity_get_name (from)))
    g_ptr_array_add (aliases, g_strdup (rs_entity_get_name (from)));
  list = rs_entity_get_aliases (from);
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (!contains_folded (folded, list[i]))
      g_ptr_array_add (aliases, g_strdup (list[i]));
  g_ptr_array_add (aliases, NULL);

  /* Copies: the model's strings change under the writes. */
  name = g_strdup (rs_entity_get_name (into));
  kind = rs_entity_get_kind (into);
  description = g_strdup (*rs_entity_get_description (into) != '\0' ? rs_entity_get_description (into)
                                                                    : rs_entity_get_description (from));

  /* TRANSLATORS: "Merge “BRONZE BUTLER” into “Tick”" */
  label = g_strdup_printf (_("Merge “%s” into “%s”"), rs_entity_get_name (from), name);
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;

  ok = rs_case_store_repoint_entity (store, from_id, into_id, error) &&
       rs_case_store_delete_entity (store, from_id, error) &&
       rs_case_store_update_entity (store, into_id, kind, name,
                                    (const char * const *)aliases->pdata, description, error);
  return finish (store, ok, error);
}

RsChange *
rs_case_edit_split_entity (RsCaseStore         *store,
                           gint64               entity_id,
                           RsEntityKind         kind,
                           const char          *name,
                           const char * const  *aliases,
                           const gint64        *relation_ids,
                           guint                n_relations,
                           const gint64        *evidence_ids,
                           guint                n_evidence,
                           gint64              *new_id,
                           GError             **error)
{
  RsCase *kase;
  RsEntity *original;
  g_autoptr(RsEntity) draft = NULL;
  RsEntity *created;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autofree char *label = NULL;
  g_autofree char *original_name = NULL;
  g_autofree char *original_description = NULL;
  const char * const *list;
  RsEntityKind original_kind;
  gboolean ok;
  gint64 id;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (relation_ids != NULL || n_relations == 0, NULL);
  g_return_val_if_fail (evidence_ids != NULL || n_evidence == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kase = rs_case_store_get_case (store);
  if (!(original = rs_case_lookup_entity (kase, entity_id)))
    return invalid (error, _("The entity is not in the case")), NULL;

  /* Everything chosen must belong to the original: check before writing. */
  list = rs_entity_get_aliases (original);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (list == NULL || !g_strv_contains (list, aliases[i]))
      return invalid (error, _("An alias to split off is not one of the entity’s")), NULL;
  for (guint i = 0; i < n_relations; i++)
    {
      RsRelation *relation = rs_case_lookup_relation (kase, relation_ids[i]);

      if (relation == NULL || (rs_relation_get_source_id (relation) != entity_id &&
                               rs_relation_get_target_id (relation) != entity_id))
        return invalid (error, _("A relation to split off is not one of the entity’s")), NULL;
    }
  for (guint i = 0; i < n_evidence; i++)
    {
      RsEvidence *evidence = rs_case_lookup_evidence (kase, evidence_ids[i]);

      if (evidence == NULL || rs_evidence_get_target (evidence) != RS_TARGET_ENTITY ||
          rs_evidence_get_target_id (evidence) != entity_id)
        return invalid (error, _("Evidence to split off is not the entity’s")), NULL;
    }

  kept = g_ptr_array_new ();
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (aliases == NULL || !g_strv_contains (aliases, list[i]))
      g_ptr_array_add (kept, (gpointer)list[i]);
  g_ptr_array_add (kept, NULL);
  original_name = g_strdup (rs_entity_get_name (original));
  original_description = g_strdup (rs_entity_get_description (original));
  original_kind = rs_entity_get_kind (original);

  /* The new entity's name is not also one of its aliases (a split usually takes the
   * alias that names it). */
  moved = g_ptr_array_new ();
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (g_strcmp0 (aliases[i], name) != 0)
      g_ptr_array_add (moved, (gpointer)aliases[i]);
  g_ptr_array_add (moved, NULL);

  draft = rs_entity_new (0);
  rs_entity_set_kind (draft, kind);
  rs_entity_set_name (draft, name);
  rs_entity_set_aliases (draft, (const char * const *)moved->pdata);
  rs_entity_set_description (draft, "");

  /* TRANSLATORS: "Split “Unit 61419” from “PLA”" */
  label = g_strdup_printf (_("Split “%s” from “%s”"), name ? name : "", original_name);
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;

  ok = (created = rs_case_store_add_entity (store, draft, error)) != NULL;
  id = ok ? rs_entity_get_id (created) : 0;
  /* Beside the original on the board, in the same step, so that it is seen where the
   * user is looking and Redo puts it back there; not pinned, the next layout may move it. */
  if (ok && rs_entity_get_has_position (original))
    {
      RsNodePlacement beside = { id, rs_entity_get_x (original) + 40.0,
                                 rs_entity_get_y (original) + 40.0, FALSE };

      ok = rs_case_store_set_board (store, &beside, 1, NULL, 0, error);
    }
  {
    /* The kept aliases point into the original's list, which the update replaces. */
    g_auto(GStrv) kept_copy = g_strdupv ((char **)kept->pdata);

    ok = ok && rs_case_store_update_entity (store, entity_id, original_kind, original_name,
                                            (const char * const *)kept_copy, original_description,
                                            error);
  }
  for (guint i = 0; ok && i < n_relations; i++)
    {
      RsRelation *relation = rs_case_lookup_relation (kase, relation_ids[i]);
      gint64 source = rs_relation_get_source_id (relation);
      gint64 target = rs_relation_get_target_id (relation);

      ok = rs_case_store_update_relation (store, relation_ids[i],
                                          source == entity_id ? id : source,
                                          target == entity_id ? id : target,
                                          rs_relation_get_label (relation),
                                          rs_relation_get_directed (relation),
                                          rs_relation_get_status (relation), error);
    }
  for (guint i = 0; ok && i < n_evidence; i++)
    {
      RsEvidence *evidence = rs_case_lookup_evidence (kase, evidence_ids[i]);

      ok = rs_case_store_update_evidence (store, evidence_ids[i], RS_TARGET_ENTITY, id,
                                          rs_evidence_get_stance (evidence), error);
    }
  if (ok && new_id != NULL)
    *new_id = id;
  return finish (store, ok, error);
}

RsChange *
rs_case_edit_unpin (RsCaseStore  *store,
                    gint64        entity_id,
                    GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  label = g_strdup_printf (_("Unpin “%s”"), entity_name (store, entity_id));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_set_pinned (store, entity_id, FALSE, error), error);
}

RsChange *
rs_case_edit_unpin_all (RsCaseStore  *store,
                        GError      **error)
{
  GListModel *entities;
  gboolean ok = TRUE;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rs_case_store_begin_change (store, _("Unpin All"), error))
    return NULL;
  entities = rs_case_get_entities (rs_case_store_get_case (store));
  for (guint i = 0; ok && i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      if (rs_entity_get_pinned (entity))
        ok = rs_case_store_set_pinned (store, rs_entity_get_id (entity), FALSE, error);
    }
  return finish (store, ok, error);
}

static gboolean
check_relation (RsCaseStore  *store,
                gint64        source_id,
                gint64        target_id,
                GError      **error)
{
  RsCase *kase = rs_case_store_get_case (store);

  if (!rs_case_lookup_entity (kase, source_id) || !rs_case_lookup_entity (kase, target_id))
    return invalid (error, _("A relation must link two entities of the case"));
  if (source_id == target_id)
    return invalid (error, _("A relation must link two different entities"));
  return TRUE;
}

RsChange *
rs_case_edit_create_relation (RsCaseStore       *store,
                              gint64             source_id,
                              gint64             target_id,
                              const char        *label,
                              gboolean           directed,
                              RsRelationStatus   status,
                              gint64            *relation_id,
                              GError           **error)
{
  g_autoptr(RsRelation) draft = rs_relation_new (0);
  RsRelation *relation;
  g_autofree char *change_label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_relation (store, source_id, target_id, error))
    return NULL;

  rs_relation_set_source_id (draft, source_id);
  rs_relation_set_target_id (draft, target_id);
  rs_relation_set_label (draft, label ? label : "");
  rs_relation_set_directed (draft, directed);
  rs_relation_set_status (draft, status);

  change_label = g_strdup_printf (_("Link “%s” to “%s”"), entity_name (store, source_id),
                                  entity_name (store, target_id));
  if (!rs_case_store_begin_change (store, change_label, error))
    return NULL;
  relation = rs_case_store_add_relation (store, draft, error);
  if (relation != NULL && relation_id != NULL)
    *relation_id = rs_relation_get_id (relation);
  return finish (store, relation != NULL, error);
}

static char *
relation_label (RsCaseStore *store,
                gboolean     deleting,
                gint64       relation_id)
{
  RsRelation *relation = rs_case_lookup_relation (rs_case_store_get_case (store), relation_id);
  const char *source = relation ? entity_name (store, rs_relation_get_source_id (relation)) : "?";
  const char *target = relation ? entity_name (store, rs_relation_get_target_id (relation)) : "?";

  /* TRANSLATORS: "Edit the link “PLA” – “Tick”" */
  return deleting ? g_strdup_printf (_("Delete the link “%s” – “%s”"), source, target)
                  : g_strdup_printf (_("Edit the link “%s” – “%s”"), source, target);
}

RsChange *
rs_case_edit_update_relation (RsCaseStore       *store,
                              gint64             relation_id,
                              gint64             source_id,
                              gint64             target_id,
                              const char        *label,
                              gboolean           directed,
                              RsRelationStatus   status,
                              GError           **error)
{
  g_autofree char *change_label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  change_label = relation_label (store, FALSE, relation_id);
  if (!rs_case_store_begin_change (store, change_label, error))
    return NULL;
  return finish (store, rs_case_store_update_relation (store, relation_id, source_id, target_id,
                                                       label, directed, status, error), error);
}

RsChange *
rs_case_edit_delete_relation (RsCaseStore  *store,
                              gint64        relation_id,
                              GError      **error)
{
  g_autofree char *change_label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rs_case_lookup_relation (rs_case_store_get_case (store), relation_id))
    return invalid (error, _("The relation is not in the case")), NULL;

  change_label = relation_label (store, TRUE, relation_id);
  if (!rs_case_store_begin_change (store, change_label, error))
    return NULL;
  return finish (store, rs_case_store_delete_relation (store, relation_id, error), error);
}

RsChange *
rs_case_edit_create_event (RsCaseStore     *store,
                           const char      *title,
                           const char      *description,
                           const char      *date_start,
                           const char      *date_end,
                           RsDatePrecision  precision,
                           RsDateQualifier  qualifier,
                           const gint64    *entity_ids,
                           guint            n_entities,
                           gint64          *event_id,
                           GError         **error)
{
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autoptr(RsEvent) draft = rs_event_new (0);
  RsEvent *event;
  g_autofree char *label = NULL;
  RsCase *kase;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (entity_ids != NULL || n_entities == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(date = rs_fuzzy_date_parse (date_start, date_end, precision, qualifier, error)))
    return NULL;
  kase = rs_case_store_get_case (store);
  for (guint i = 0; i < n_entities; i++)
    if (!rs_case_lookup_entity (kase, entity_ids[i]))
      return invalid (error, _("An event can only involve entities of the case")), NULL;

  rs_event_set_title (draft, title);
  rs_event_set_description (draft, description ? description : "");
  rs_event_set_date (draft, date);
  rs_event_set_entity_ids (draft, entity_ids, n_entities);

  label = g_strdup_printf (_("Add the event “%s”"), title ? title : "");
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  event = rs_case_store_add_event (store, draft, error);
  if (event != NULL && event_id != NULL)
    *event_id = rs_event_get_id (event);
  return finish (store, event != NULL, error);
}

RsChange *
rs_case_edit_update_event (RsCaseStore     *store,
                           gint64           event_id,
                           const char      *title,
                           const char      *description,
                           const char      *date_start,
                           const char      *date_end,
                           RsDatePrecision  precision,
                           RsDateQualifier  qualifier,
                           const gint64    *entity_ids,
                           guint            n_entities,
                           GError         **error)
{
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autofree char *label = NULL;
  RsEvent *event;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(event = rs_case_lookup_event (rs_case_store_get_case (store), event_id)))
    return invalid (error, _("The event is not in the case")), NULL;
  if (!(date = rs_fuzzy_date_parse (date_start, date_end, precision, qualifier, error)))
    return NULL;

  label = g_strdup_printf (_("Edit the event “%s”"), rs_event_get_title (event));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_update_event (store, event_id, title, description, date,
                                                    entity_ids, n_entities, error), error);
}

RsChange *
rs_case_edit_delete_event (RsCaseStore  *store,
                           gint64        event_id,
                           GError      **error)
{
  g_autofree char *label = NULL;
  RsEvent *event;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(event = rs_case_lookup_event (rs_case_store_get_case (store), event_id)))
    return invalid (error, _("The event is not in the case")), NULL;

  label = g_strdup_printf (_("Delete the event “%s”"), rs_event_get_title (event));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_delete_event (store, event_id, error), error);
}

static const char *
quote_document_title (RsCaseStore *store,
                      gint64       quote_id)
{
  RsCase *kase = rs_case_store_get_case (store);
  RsQuote *quote = rs_case_lookup_quote (kase, quote_id);
  RsDocument *document = quote ? rs_case_lookup_document (kase, rs_quote_get_document_id (quote))
                               : NULL;

  return document ? rs_document_get_title (document) : "?";
}

RsChange *
rs_case_edit_update_quote (RsCaseStore  *store,
                           gint64        quote_id,
                           gint64        start,
                           gint64        end,
                           int           credibility,
                           GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  label = g_strdup_printf (_("Edit a quote from “%s”"), quote_document_title (store, quote_id));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_update_quote (store, quote_id, start, end, credibility,
                                                    error), error);
}

RsChange *
rs_case_edit_set_stance (RsCaseStore  *store,
                         gint64        evidence_id,
                         RsStance      stance,
                         GError      **error)
{
  RsEvidence *evidence;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(evidence = rs_case_lookup_evidence (rs_case_store_get_case (store), evidence_id)))
    return invalid (error, _("The evidence is not in the case")), NULL;

  /* TRANSLATORS: "Mark a quote from “NHK, 20 April 2021” as contradicts" */
  label = g_strdup_printf (_("Mark a quote from “%s” as %s"),
                           quote_document_title (store, rs_evidence_get_quote_id (evidence)),
                           (guint)stance <= RS_STANCE_MENTIONS ? rs_stance_to_display (stance) : "?");
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_update_evidence (store, evidence_id,
                                                       rs_evidence_get_target (evidence),
                                                       rs_evidence_get_target_id (evidence),
                                                       stance, error), error);
}

RsChange *
rs_case_edit_update_document (RsCaseStore    *store,
                              gint64          document_id,
                              const char     *title,
                              const char     *publisher,
                              const char     *author,
                              const char     *published,
                              const char     *url,
                              RsReliability   reliability,
                              GError        **error)
{
  RsDocument *document;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = rs_case_lookup_document (rs_case_store_get_case (store), document_id)))
    return invalid (error, _("The document is not in the case")), NULL;

  label = g_strdup_printf (_("Edit “%s”"), rs_document_get_title (document));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_update_document (store, document_id, title, publisher,
                                                       author, published, url, reliability,
                                                       error), error);
}

/* Its quotes, their evidence and its notes go with it (the schema cascades). */
RsChange *
rs_case_edit_delete_document (RsCaseStore  *store,
                              gint64        document_id,
                              GError      **error)
{
  RsDocument *document;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = rs_case_lookup_document (rs_case_store_get_case (store), document_id)))
    return invalid (error, _("The document is not in the case")), NULL;

  label = g_strdup_printf (_("Delete “%s”"), rs_document_get_title (document));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  return finish (store, rs_case_store_delete_document (store, document_id, error), error);
}
