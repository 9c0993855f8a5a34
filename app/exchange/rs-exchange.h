/* rs-exchange.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Working together across machines (issue 21): merging a colleague's case and
 * exchanging changesets. Both build an RsExchangePlan first — what matches, what
 * is new, what conflicts — which the analyst (or `redstring-cli merge`) reviews
 * before anything is written; applying a plan is one undoable change, recorded in
 * the history. GTK-free: part of redstring-core. */

#include "rs-case-store.h"
#include "rs-change.h"

G_BEGIN_DECLS

/* What one item of a plan is. */
typedef enum
{
  RS_EXCHANGE_ITEM_NEW,       /* only theirs: added */
  RS_EXCHANGE_ITEM_MATCH,     /* the same record on both sides, nothing to do */
  RS_EXCHANGE_ITEM_UPDATE,    /* theirs changed a field mine did not: taken */
  RS_EXCHANGE_ITEM_DELETE,    /* theirs deleted it (changesets only) */
  RS_EXCHANGE_ITEM_CONFLICT,  /* both changed the same field differently */
} RsExchangeItemKind;

/* How a conflict is settled; anything else is applied as the plan says. */
typedef enum
{
  RS_EXCHANGE_RESOLUTION_UNDECIDED,
  RS_EXCHANGE_RESOLUTION_KEEP_MINE,
  RS_EXCHANGE_RESOLUTION_TAKE_THEIRS,
} RsExchangeResolution;

#define RS_TYPE_EXCHANGE_ITEM (rs_exchange_item_get_type ())
G_DECLARE_FINAL_TYPE (RsExchangeItem, rs_exchange_item, RS, EXCHANGE_ITEM, GObject)

RsExchangeItemKind    rs_exchange_item_get_kind        (RsExchangeItem        *self);
RsTarget              rs_exchange_item_get_target      (RsExchangeItem        *self);
/* "document", "entity", "relation", "quote", "event", "evidence", "note", "review" or
 * "comment" (evidence, which has no RsTarget of its own, reports RS_TARGET_QUOTE
 * above; a review state and a comment, RS_TARGET_CASE). */
const char           *rs_exchange_item_get_target_name (RsExchangeItem        *self);
/* The record's uid in the incoming case, and its id in mine (0 when new). */
const char           *rs_exchange_item_get_uid         (RsExchangeItem        *self);
gint64                rs_exchange_item_get_local_id    (RsExchangeItem        *self);
/* What a person reads: "Tick (group)", "Unit 61419 → Tick: directed", ... */
const char           *rs_exchange_item_get_title       (RsExchangeItem        *self);
/* Why two records were taken for one: "uid", "sha256", "name", "alias", "ends",
 * "claim" (the review states of one claim); NULL for new items. */
const char           *rs_exchange_item_get_matched_by  (RsExchangeItem        *self);
/* For UPDATE and CONFLICT: the field ("status", "name", "date", "note", ...) and
 * its values as text; base is NULL when no common ancestor is known. A changeset
 * that deletes a record I changed since, or that mine still uses, is a CONFLICT of
 * field "deleted" (mine: "changed here" / "used by N records here"): TAKE_THEIRS
 * deletes it, KEEP_MINE keeps it. Aliases and an event's entities are unions
 * (UPDATE), never conflicts. A review state set differently on both sides is a
 * CONFLICT of field "review" (values "accepted (Hana Sato)"); a comment comes new or
 * matches by its uid, and one resolved on either side is resolved. */
const char           *rs_exchange_item_get_field       (RsExchangeItem        *self);
const char           *rs_exchange_item_get_mine        (RsExchangeItem        *self);
const char           *rs_exchange_item_get_theirs      (RsExchangeItem        *self);
const char           *rs_exchange_item_get_base        (RsExchangeItem        *self);
RsExchangeResolution  rs_exchange_item_get_resolution  (RsExchangeItem        *self);
void                  rs_exchange_item_set_resolution  (RsExchangeItem        *self,
                                                        RsExchangeResolution   resolution);

#define RS_TYPE_EXCHANGE_PLAN (rs_exchange_plan_get_type ())
G_DECLARE_FINAL_TYPE (RsExchangePlan, rs_exchange_plan, RS, EXCHANGE_PLAN, GObject)

/* Reads OTHER_PATH (another case file, opened read-only and never written) and
 * matches it against MINE: records sharing a uid first, documents by SHA-256,
 * entities by kind and name/alias, relations by their ends and label. */
RsExchangePlan *rs_exchange_plan_new_merge       (RsCaseStore      *mine,
                                                  const char       *other_path,
                                                  GError          **error);
/* The same against a case open already, made in this process from something else (a
 * case bundle read into a scratch case): THEIRS is only read, its history is not
 * taken for their author, and LABEL ("Import “s1.json”") names the change. SOURCE is
 * what the review and the report call it. */
RsExchangePlan *rs_exchange_plan_new_merge_store (RsCaseStore      *mine,
                                                  RsCaseStore      *theirs,
                                                  const char       *source,
                                                  const char       *label,
                                                  GError          **error);
/* Reads a changeset file written by rs_exchange_write_changes(); refuses one from
 * another case, a newer format, or a damaged file (RS_ERROR_*, nothing applied). */
RsExchangePlan *rs_exchange_plan_new_apply       (RsCaseStore      *mine,
                                                  const char       *changeset_path,
                                                  GError          **error);
void            rs_exchange_plan_new_merge_async (RsCaseStore      *mine,
                                                  const char       *other_path,
                                                  GCancellable     *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
void            rs_exchange_plan_new_apply_async (RsCaseStore      *mine,
                                                  const char       *changeset_path,
                                                  GCancellable     *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
RsExchangePlan *rs_exchange_plan_new_finish      (GAsyncResult     *result,
                                                  GError          **error);

/* Every item, in a stable order (conflicts first, then new, updates, deletes,
 * matches): a GListModel of RsExchangeItem. */
GListModel     *rs_exchange_plan_get_items       (RsExchangePlan   *self);
guint           rs_exchange_plan_count           (RsExchangePlan   *self,
                                                  RsExchangeItemKind kind);
/* Sets every conflict's resolution ("Keep All Mine", "Take All Theirs"). */
void            rs_exchange_plan_resolve_all     (RsExchangePlan   *self,
                                                  RsExchangeResolution resolution);
/* Conflicts still RS_EXCHANGE_RESOLUTION_UNDECIDED. */
guint           rs_exchange_plan_count_undecided (RsExchangePlan   *self);
/* "Merge “Tick case” from Hana Sato": the label of the change and of the history. */
const char     *rs_exchange_plan_get_label       (RsExchangePlan   *self);
/* Where it comes from, as a person reads it: the file's name. */
const char     *rs_exchange_plan_get_source      (RsExchangePlan   *self);
/* Who made the incoming changes (a changeset's author, the last author in the
 * other case's history); NULL when unknown. */
const char     *rs_exchange_plan_get_author      (RsExchangePlan   *self);
/* The report as JSON: {"source":…, "counts":{…}, "items":[{"kind":…, "target":…,
 * "uid":…, "title":…, "matched_by":…, "field":…, "mine":…, "theirs":…}, …]}.
 * Also "label", "author", each conflict's "resolution", and "skipped": records
 * left out with a reason (changed there but not in this case; referring to a record
 * in neither case). */
char           *rs_exchange_plan_to_json         (RsExchangePlan   *self);
/* Writes the plan into MINE as one change (undoable, in the history). Fails with
 * RS_ERROR_CONFLICT (nothing written) while a conflict is undecided, and with
 * RS_ERROR_CONFLICT too if MINE changed since the plan was made. */
RsChange       *rs_exchange_plan_apply           (RsExchangePlan   *self,
                                                  RsCaseStore      *mine,
                                                  GError          **error);
/* The same, written a slice at a time on the main loop (a window stays responsive;
 * PROGRESS gets the fraction written). Cancelled or failed, the case is as before;
 * meanwhile other changes to MINE are refused (RS_ERROR_BUSY). The CLI uses the
 * call above. */
typedef void  (*RsExchangeProgressFunc)          (double            fraction,
                                                  gpointer          user_data);
void            rs_exchange_plan_apply_async     (RsExchangePlan   *self,
                                                  RsCaseStore      *mine,
                                                  GCancellable     *cancellable,
                                                  RsExchangeProgressFunc progress,
                                                  gpointer          progress_data,
                                                  GDestroyNotify    progress_notify,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
RsChange       *rs_exchange_plan_apply_finish    (RsExchangePlan   *self,
                                                  GAsyncResult     *result,
                                                  GError          **error);

/* "Export My Changes Since…": every change recorded in STORE's history after SINCE
 * (NULL: all of it), by this case, keyed on uids, written atomically to PATH with
 * the case's identity and the format version. */
gboolean        rs_exchange_write_changes        (RsCaseStore      *store,
                                                  GDateTime        *since,
                                                  const char       *path,
                                                  GError          **error);

/* Reads a changeset file's bytes as rs_exchange_plan_new_apply() does (header,
 * format, every change) without a case: FALSE with RS_ERROR_CORRUPT_CASE or
 * RS_ERROR_UNSUPPORTED_VERSION when it would be refused. */
gboolean        rs_exchange_check_changes        (GBytes           *bytes,
                                                  GError          **error);

/* Changeset files end in this (for file choosers and the CLI's help). */
#define RS_EXCHANGE_CHANGES_SUFFIX ".redstring-changes"

/* A name for "Export My Changes Since…" to offer: "Tick case – Hana Sato –
 * 2026-11-27.redstring-changes" (no folder; characters a file system refuses
 * replaced). */
char           *rs_exchange_suggest_changes_name (RsCaseStore      *store,
                                                  GDateTime        *now);

G_END_DECLS
