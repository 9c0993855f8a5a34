/* rs-export-stix-private.h: what the STIX writer shares with its tests and its reader
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store-stix.h"
#include "rs-export-stix.h"

G_BEGIN_DECLS

/* Entities of no STIX type (kind "other"): a new SDO defined by the extension. */
#define RS_STIX_OTHER_TYPE "x-redstring-entity"

/* The STIX type an entity of this kind exports as; actor: it acts as a threat actor. */
const char *_rs_stix_entity_type        (RsEntityKind  kind,
                                         gboolean      actor);
/* Whether an entity of this kind may go out as this STIX type (an imported record's). */
gboolean    _rs_stix_entity_type_fits   (RsEntityKind  kind,
                                         const char   *type);
/* Whether STIX pairs these ends with relationship_type (TRUE for a type it does not
 * restrict). */
gboolean    _rs_stix_pairing_plausible  (const char   *relationship_type,
                                         const char   *source_type,
                                         const char   *target_type);
/* A STIX timestamp (UTC, milliseconds) of an ISO 8601 time or date, or NULL. */
char       *_rs_stix_timestamp          (const char   *text);
/* The last millisecond of the day, month or year a date ("2016", "2016-04") names. */
char       *_rs_stix_end_of_period      (const char   *text);

/* The STIX relationship_type a relation label means ("used" → uses), or NULL. */
const char *_rs_stix_verb_of_label      (const char   *label);
/* A label as a relationship_type of its own ("spokesperson for" → spokesperson-for). */
char       *_rs_stix_slug_of_label      (const char   *label);
/* Whether the source of this relationship_type acts as a threat actor. */
gboolean    _rs_stix_is_actor_verb      (const char   *relationship_type);

gboolean    _rs_stix_is_cve             (const char   *text);
/* Whether objects of this STIX type have an aliases property. */
gboolean    _rs_stix_type_has_aliases   (const char   *type);
/* The ISO 3166-1 code of a country named so ("Japan", "South Korea"), or NULL. */
const char *_rs_stix_country_code       (const char   *name);

/* rs-stix-snapshot.c; a NULL snapshot has nothing. */
GPtrArray          *_rs_stix_snapshot_get_references (RsStixSnapshot *self,
                                                      RsTarget        target,
                                                      gint64          id);
const char * const *_rs_stix_snapshot_get_ids        (RsStixSnapshot *self,
                                                      RsTarget        target,
                                                      gint64          id);
GPtrArray          *_rs_stix_snapshot_get_markings   (RsStixSnapshot *self);
GPtrArray          *_rs_stix_snapshot_get_objects    (RsStixSnapshot *self);

G_END_DECLS
