/* rs-export-stix-writer.h: one STIX export's state, shared by the bundle
 * (rs-export-stix.c) and the records' writers (rs-export-stix-records.c)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rs-export-stix-private.h"

G_BEGIN_DECLS

/* The state of one export: rs_export_stix_write() fills it, the writers read it. */
typedef struct
{
  /* Borrowed */
  RsCase                *kase;
  const RsExportOptions *options;
  JsonBuilder           *b;

  /* Owned */
  char                  *case_key;    /* the case's uid: every id is made from it */
  char                  *created;     /* the case's creation, STIX timestamp */
  char                  *group_id;    /* the case as a grouping */
  char                  *creator_id;  /* the analyst, or NULL */
  GHashTable            *ids;         /* record (GObject *) → STIX id */
  GHashTable            *actors;      /* RsEntity * acting as a threat actor */
  GHashTable            *types;       /* RsEntity * → its STIX type */
  RsStixSnapshot        *snapshot;    /* borrowed from the options, may be NULL */
  GPtrArray             *markings;    /* RsStixObject, the snapshot's (borrowed) */
  GHashTable            *publishers;  /* publisher name → identity id (not an entity) */
  GPtrArray             *publisher_names;
  GPtrArray             *refs;        /* the grouping's object_refs, in order */
  GHashTable            *by_name;     /* entity name → the first entity of that name */
} RsStixWriter;

#define FOREACH_ITEM(list, Type, var)                                                 \
  for (guint _i = 0, _n = g_list_model_get_n_items (list); _i < _n; _i++)            \
    for (g_autoptr(Type) var = g_list_model_get_item (list, _i); var;                 \
         var = (g_object_unref (var), NULL))

/* JSON members: json-glib escapes; text that is not UTF-8 is mended first (json-glib
 * would write it as it is); member_text() leaves out NULL and empty text (STIX wants no
 * empty strings where a value is optional). */
static inline void
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  if (g_utf8_validate (value, -1, NULL))
    json_builder_add_string_value (b, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (b, valid);
    }
}

static inline void
member_text (JsonBuilder *b,
             const char  *name,
             const char  *value)
{
  if (value != NULL && *value != '\0')
    member_string (b, name, value);
}

static inline void
member_int (JsonBuilder *b,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static inline void
member_bool (JsonBuilder *b,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static inline void
member_double (JsonBuilder *b,
               const char  *name,
               double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

/* A record's STIX id (every record has one before anything is written). */
static inline const char *
id_of (RsStixWriter *s,
       gpointer      record)
{
  return record != NULL ? g_hash_table_lookup (s->ids, record) : NULL;
}

gpointer    _rs_stix_out_lookup_target_record    (RsCase       *kase,
                                                  RsTarget      target,
                                                  gint64        id);

/* The STIX id of what a note or an evidence points at (a quote: its document's report). */
static inline const char *
target_ref (RsStixWriter *s,
            RsTarget      target,
            gint64        id)
{
  return id_of (s, _rs_stix_out_lookup_target_record (s->kase, target, id));
}

char       *_rs_stix_out_make_id                 (RsStixWriter *s,
                                                  const char   *type,
                                                  const char   *key);
const char *_rs_stix_out_id_of                   (RsStixWriter *s,
                                                  gpointer      record);
void        _rs_stix_out_begin_object            (RsStixWriter *s,
                                                  const char   *type,
                                                  const char   *id,
                                                  const char   *created_by,
                                                  const char   *created,
                                                  const char   *modified);
void        _rs_stix_out_begin_extension         (RsStixWriter *s,
                                                  const char   *extension_type);
void        _rs_stix_out_end_extension           (RsStixWriter *s);
void        _rs_stix_out_add_review              (RsStixWriter *s,
                                                  RsTarget      target,
                                                  gint64        id);
void        _rs_stix_out_add_markings            (RsStixWriter *s,
                                                  RsTarget      target,
                                                  gint64        id);
void        _rs_stix_out_add_external_references (RsStixWriter *s,
                                                  RsTarget      target,
                                                  gint64        id,
                                                  GPtrArray    *made);
const char *_rs_stix_out_entity_type             (RsStixWriter *s,
                                                  RsEntity     *entity);
const char *_rs_stix_out_entity_type_of_id       (RsStixWriter *s,
                                                  gint64        id);
void        _rs_stix_out_write_entity            (RsStixWriter *s,
                                                  RsEntity     *entity);
void        _rs_stix_out_write_relation          (RsStixWriter *s,
                                                  RsRelation   *relation);
void        _rs_stix_out_write_document          (RsStixWriter *s,
                                                  RsDocument   *document);
void        _rs_stix_out_write_event             (RsStixWriter *s,
                                                  RsEvent      *event);
void        _rs_stix_out_write_note              (RsStixWriter *s,
                                                  RsNote       *note);

G_END_DECLS
