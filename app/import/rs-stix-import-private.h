/* rs-stix-import-private.h: what the STIX reader (rs-stix-import.c) hands the writer
 * (rs-stix-write.c)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rs-stix-import.h"

G_BEGIN_DECLS

typedef enum
{
  STIX_MAP_ENTITY,
  STIX_MAP_RELATION,
  STIX_MAP_EVENT,      /* sighting */
  STIX_MAP_DOCUMENT,   /* report */
  STIX_MAP_MARKING,
  STIX_MAP_RAW,        /* kept as it came */
  STIX_MAP_REDSTRING,  /* a note, the case, the extension of a Redstring export (rs-stix-extension.c) */
} StixMapping;

typedef struct _StixObject StixObject;

struct _StixObject
{
  JsonObject    *o;            /* Borrowed from the bundle's tree */
  const char    *id;
  const char    *type;
  guint          index;        /* in the bundle's objects */
  StixMapping    mapping;
  gboolean       skipped;      /* revoked, deprecated, or an end of a relation that is */

  /* STIX_MAP_ENTITY */
  RsEntityKind   kind;
  char          *name;
  char         **aliases;      /* without the name */
  char          *external_id;  /* ATT&CK or CVE id */

  /* STIX_MAP_RELATION and sightings */
  StixObject    *source;       /* NULL: in the case only (source_case_id) */
  StixObject    *target;

  /* The plan */
  RsStixOutcome  outcome;
  gint64         db_id;        /* the record: the case's (merged, existing) or written */
  gint64         source_case_id;
  gint64         target_case_id;
  char         **new_aliases;  /* merged entity: its aliases with the bundle's added, or NULL */
  char          *uid;          /* the record's uid once written (entities, relations) */
};

struct _RsStixBundle
{
  JsonNode   *root;          /* Owned */
  char       *name;
  GPtrArray  *objects;       /* StixObject, owned */
  GHashTable *by_id;         /* id -> StixObject, borrowed */
  gboolean    stix_2_0;
};

/* A document made of what cites one source: the citation, then each sentence. */
typedef struct
{
  char    *title;
  char    *url;
  char    *citation;
  GString *text;
  glong    n_chars;
  gint64   db_id;            /* an existing document that holds every sentence, or written */
  gboolean existing;
} StixSource;

typedef struct
{
  StixObject *relation;
  StixSource *source;
  glong       start;         /* characters */
  glong       end;
} StixQuote;

typedef struct
{
  guint counts[RS_STIX_N_OUTCOMES];
} StixCounts;

struct _RsStixPlan
{
  RsStixBundle *bundle;      /* Owned */
  GHashTable   *counts;      /* type -> StixCounts */
  GPtrArray    *types;       /* the types in the order they first came */
  GPtrArray    *sources;     /* StixSource, owned */
  GArray       *quotes;      /* StixQuote */
  GPtrArray    *markings;    /* names, NULL-terminated */
  guint         n_reports;
  /* The TLP marking definitions the objects refer to by their standard ids without
   * the bundle holding them (STIX 2.1, 7.2.1.4): RsStixObject, owned */
  GPtrArray    *tlp_markings;
  /* References (created_by_ref, object_marking_refs, object_refs…) that neither the
   * bundle nor the case resolves */
  guint         n_unresolved;
};

const char *_rs_stix_member_string (JsonObject *o,
                                    const char *member);

G_END_DECLS
