/* rs-stix-import.h: STIX 2.1 bundles into a case (issue 22)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-case-store.h"
#include "rs-change.h"

G_BEGIN_DECLS

/* Refused beyond these, with a sentence that says so. */
#define RS_STIX_MAX_BYTES   (64 * 1024 * 1024)
#define RS_STIX_MAX_OBJECTS 200000

/* What became of one STIX object. */
typedef enum
{
  RS_STIX_ADDED,      /* a new record */
  RS_STIX_MERGED,     /* joined a record the case had (same kind and name or alias) */
  RS_STIX_EXISTING,   /* the case imported it before (same STIX id): left as it is */
  RS_STIX_SKIPPED,    /* revoked or deprecated, or tied to one that is */
  RS_STIX_UNMAPPED,   /* no record for it: kept as it came, to go out again on export */
  RS_STIX_N_OUTCOMES,
} RsStixOutcome;

/* A bundle read and checked, matched with nothing yet: made in any thread. */
typedef struct _RsStixBundle RsStixBundle;
/* The bundle against one case: what would be added, merged, skipped or kept. */
typedef struct _RsStixPlan RsStixPlan;

/* TRUE when the start of a file looks like a STIX bundle (a JSON object whose "type"
 * is "bundle"); the reader decides. */
gboolean      rs_stix_sniff               (const char    *data,
                                           gsize          length);
gboolean      rs_stix_sniff_file          (const char    *path);

/* RS_ERROR_INVALID_INPUT with a located sentence ("bronze-butler.json: object 17
 * (relationship--…): no target_ref") for anything about the contents; @name is the
 * file's name for messages (may be NULL). */
RsStixBundle *rs_stix_bundle_read_bytes   (GBytes        *bytes,
                                           const char    *name,
                                           GError       **error);
RsStixBundle *rs_stix_bundle_read_file    (const char    *path,
                                           GError       **error);
void          rs_stix_bundle_free         (RsStixBundle  *self);
guint         rs_stix_bundle_get_n_objects (RsStixBundle *self);
/* A STIX 2.0 bundle, read as 2.1 (where only spec_version differs). */
gboolean      rs_stix_bundle_is_stix_2_0  (RsStixBundle  *self);

/* Takes @bundle. Refers to records of @store's case (a dangling reference that the case
 * resolves by STIX id is fine); RS_ERROR_INVALID_INPUT for one nothing resolves. */
RsStixPlan   *rs_stix_plan_new            (RsStixBundle  *bundle,
                                           RsCaseStore   *store,
                                           GError       **error);
void          rs_stix_plan_free           (RsStixPlan    *self);
guint         rs_stix_plan_get_count      (RsStixPlan    *self,
                                           const char    *type,
                                           RsStixOutcome  outcome);
/* Over every type; what the cited sources and reports give. */
guint         rs_stix_plan_get_total      (RsStixPlan    *self,
                                           RsStixOutcome  outcome);
guint         rs_stix_plan_get_n_documents (RsStixPlan   *self);
guint         rs_stix_plan_get_n_quotes   (RsStixPlan    *self);
/* The marking definitions' names ("TLP:GREEN", a copyright statement). */
const char * const *rs_stix_plan_get_markings (RsStixPlan *self);
/* Lines for a person: per type, added / merged / already there / skipped / kept. */
char         *rs_stix_plan_dup_summary    (RsStixPlan    *self);

/* Writes the plan as one undoable change. */
RsChange     *rs_case_edit_import_stix    (RsCaseStore   *store,
                                           RsStixPlan    *plan,
                                           const char    *title,
                                           GError       **error);

typedef void (*RsStixProgressFunc) (double   fraction,
                                    gpointer user_data);

/* Takes @plan and writes it a slice at a time on this thread's main context (the window
 * stays responsive and shows @progress); cancelled or failed, the case is left as it was. */
void          rs_stix_import_async        (RsCaseStore         *store,
                                           RsStixPlan          *plan,
                                           const char          *title,
                                           GCancellable        *cancellable,
                                           RsStixProgressFunc   progress,
                                           gpointer             progress_data,
                                           GDestroyNotify       progress_notify,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
RsChange     *rs_stix_import_finish       (RsCaseStore         *store,
                                           GAsyncResult        *result,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsStixBundle, rs_stix_bundle_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsStixPlan, rs_stix_plan_free)

G_END_DECLS
