/* rs-case-store-stix.h: what a case keeps of STIX 2.1 (schema 8, issue 22)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"

G_BEGIN_DECLS

/* An outside catalogue's name for a record ("mitre-attack", "T1566.001", its URL), or
 * a source it cites (description and URL). Any field but source_name may be NULL. */
typedef struct
{
  char *source_name;
  char *external_id;
  char *url;
  char *description;
} RsExternalReference;

/* A STIX object kept as it came: a marking definition (name, definition_type and
 * definition, its JSON, set) or one Redstring does not map (those three NULL). */
typedef struct
{
  char *stix_id;
  char *type;
  char *name;
  char *definition_type;
  char *definition;
  char *object;
} RsStixObject;

RsExternalReference *rs_external_reference_new  (const char                *source_name,
                                                 const char                *external_id,
                                                 const char                *url,
                                                 const char                *description);
void                 rs_external_reference_free (RsExternalReference       *ref);
void                 rs_stix_object_free        (RsStixObject              *object);

gboolean   rs_case_store_add_external_reference  (RsCaseStore                *self,
                                                  RsTarget                    target,
                                                  gint64                      id,
                                                  const RsExternalReference  *ref,
                                                  GError                    **error);
GPtrArray *rs_case_store_dup_external_references (RsCaseStore                *self,
                                                  RsTarget                    target,
                                                  gint64                      id,
                                                  GError                    **error);
gboolean   rs_case_store_set_stix_id             (RsCaseStore                *self,
                                                  const char                 *stix_id,
                                                  RsTarget                    target,
                                                  gint64                      id,
                                                  GError                    **error);
gboolean   rs_case_store_lookup_stix_id          (RsCaseStore                *self,
                                                  const char                 *stix_id,
                                                  RsTarget                   *target,
                                                  gint64                     *id);
char     **rs_case_store_dup_stix_ids            (RsCaseStore                *self,
                                                  RsTarget                    target,
                                                  gint64                      id);
gboolean   rs_case_store_add_marking             (RsCaseStore                *self,
                                                  const RsStixObject         *marking,
                                                  GError                    **error);
GPtrArray *rs_case_store_dup_markings            (RsCaseStore                *self,
                                                  GError                    **error);
gboolean   rs_case_store_add_stix_object         (RsCaseStore                *self,
                                                  const RsStixObject         *object,
                                                  GError                    **error);
GPtrArray *rs_case_store_dup_stix_objects        (RsCaseStore                *self,
                                                  GError                    **error);
gboolean   rs_case_store_has_stix_object         (RsCaseStore                *self,
                                                  const char                 *stix_id);
/* Every row at once (an export's snapshot): @func gets each reference (transfer full)
 * or STIX id with the record it belongs to, in the record's order. */
typedef void (*RsExternalReferenceFunc) (RsTarget             target,
                                         gint64               id,
                                         RsExternalReference *ref,
                                         gpointer             user_data);
typedef void (*RsStixIdFunc)            (RsTarget             target,
                                         gint64               id,
                                         const char          *stix_id,
                                         gpointer             user_data);
gboolean   rs_case_store_foreach_external_reference (RsCaseStore             *self,
                                                     RsExternalReferenceFunc  func,
                                                     gpointer                 user_data,
                                                     GError                 **error);
gboolean   rs_case_store_foreach_stix_id         (RsCaseStore                *self,
                                                  RsStixIdFunc                func,
                                                  gpointer                    user_data,
                                                  GError                    **error);
gboolean   rs_case_store_has_uid                 (RsCaseStore                *self,
                                                  RsTarget                    target,
                                                  const char                 *uid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsExternalReference, rs_external_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsStixObject, rs_stix_object_free)

G_END_DECLS
