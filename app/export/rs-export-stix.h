/* rs-export-stix.h: a case as a STIX 2.1 bundle
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"
#include "rs-export.h"

G_BEGIN_DECLS

/* The STIX extension that carries what STIX has no word for (quotes and their stance,
 * positions, pins, review states, the exact labels and kinds): every object that uses
 * it names this id in its "extensions". The id never changes, so any reader can know
 * Redstring's extension without reading its definition. docs/stix-export.md describes it. */
#define RS_STIX_EXTENSION_ID \
  "extension-definition--2ed75720-c8bb-5889-b580-8b6742e507e6"
/* Redstring itself, the author of that definition. */
#define RS_STIX_REDSTRING_IDENTITY \
  "identity--69a64e51-9286-5247-8274-f54582da0609"
/* The namespace of every UUIDv5 this exporter makes (itself uuid5(URL,
 * "https://redstring.org/ns/stix")). */
#define RS_STIX_NAMESPACE    "e3003565-5281-5f3c-b4e2-d5c9d3b0c9d0"

/* What the case file keeps of STIX (schema 8) beyond the model: external references,
 * the STIX ids records were imported with, markings, objects Redstring does not map.
 * Read on the main thread (rs_stix_snapshot_new()), handed to the writer in
 * RsExportOptions.stix; immutable, shared by reference. */
RsStixSnapshot *rs_stix_snapshot_new      (RsCaseStore            *store,
                                           GError                **error);
RsStixSnapshot *rs_stix_snapshot_ref      (RsStixSnapshot         *self);
void            rs_stix_snapshot_unref    (RsStixSnapshot         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsStixSnapshot, rs_stix_snapshot_unref)

/* The whole case (like the JSON bundle: the filter and the selection do not apply) as
 * one bundle. The same case writes the same bytes every time: ids are UUIDv5 of the
 * case's and the records' uids, timestamps come from the case and its records. */
gboolean    rs_export_stix_write          (RsCase                 *kase,
                                           const RsExportOptions  *options,
                                           GOutputStream          *out,
                                           GCancellable           *cancellable,
                                           GError                **error);

/* "type--uuid" with a UUIDv5 (RFC 4122, SHA-1) of RS_STIX_NAMESPACE and name. */
char       *rs_stix_make_id               (const char             *type,
                                           const char             *name);

/* The confidence a relation status exports as (0..100), and the status a confidence
 * reads back as when no x_redstring_status says better (the importer's ranges; refuted
 * reads back as disputed). */
int         rs_stix_confidence_from_status (RsRelationStatus       status);
RsRelationStatus rs_stix_status_from_confidence (int               confidence);

G_END_DECLS
