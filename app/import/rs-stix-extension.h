/* rs-stix-extension.h: the Redstring STIX extension read back (issue 22)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-stix-import-private.h"

G_BEGIN_DECLS

/* A bundle Redstring exported (rs-export-stix.c) carries, in its extension, what STIX
 * has no word for; these read it so that importing the export into an empty case gives
 * the same board. Objects without the extension are left to the importer as they are.
 * docs/stix-export.md describes the extension. */

/* Once every object is read (rs_stix_bundle_read_bytes()): an object with the
 * extension's kind is an entity of that kind (x-redstring-entity and incident too, and an
 * identity that only published); notes are the extension's records (counted as added);
 * the case's grouping, the extension's definition and its author are skipped (the
 * exporter writes them afresh). */
void     _rs_stix_extension_classify       (RsStixBundle  *bundle);

/* Whether Redstring wrote the bundle (it holds the extension's definition): its reports
 * carry the quotes, so the importer makes no documents of the sources relationships cite. */
gboolean _rs_stix_extension_is_redstring   (RsStixBundle  *bundle);

/* Before each record is written (rs-stix-write.c): the draft gets what the extension
 * says (exact kind, name, aliases, position and pin; label, direction and status; the
 * document's fields; the event's title, date and entities). */
void     _rs_stix_extension_entity_draft   (JsonObject    *o,
                                            RsEntity      *draft);
void     _rs_stix_extension_relation_draft (JsonObject    *o,
                                            RsRelation    *draft);
void     _rs_stix_extension_document_draft (JsonObject    *o,
                                            RsDocument    *draft);
void     _rs_stix_extension_event_draft    (RsStixBundle  *bundle,
                                            JsonObject    *o,
                                            RsEvent       *draft);

/* The record uid the extension gives @o (record_uid), when it can be kept: a few
 * printable characters that no record of @target in @store has yet (the case's own,
 * or one written earlier in this import). NULL otherwise: the record gets a new one.
 * Kept uids let the copy and the original merge and exchange changes by uid. */
const char *_rs_stix_extension_record_uid  (RsCaseStore   *store,
                                            JsonObject    *o,
                                            RsTarget       target);

/* The last step: the reports' quotes with their evidence and stance, the notes, review
 * states and comment threads, for the records this import added. */
gboolean _rs_stix_extension_write          (RsStixPlan    *plan,
                                            RsCaseStore   *store,
                                            GError       **error);

G_END_DECLS
