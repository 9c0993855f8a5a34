/* rs-bundle-reader.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-bundle-reader"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rs-bundle.h"
#include "rs-bundle-merge.h"
#include "rs-bundle-scan.h"
#include "rs-case-store-stix.h"
#include "rs-change.h"
#include "rs-core.h"
#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-fuzzy-date.h"
#include "rs-json-cursor.h"

/* The format nests four levels deep (root, array, record, aliases or entities);
 * anything much deeper is not a bundle, and json-glib's recursive parser must
 * never see it. */
#define MAX_DEPTH 64

/* Import is two passes, in one of two ways, and writes in one transaction: a bad
 * bundle changes nothing.
 *
 * Streamed (any bundle rs-json-cursor.c takes): the first pass indexes every
 * record's id and reads the head and the positions; the second reads each record
 * on its own, checks it against the index and writes it, so that memory holds the
 * index and the case, never the bundle as a tree.
 *
 * Whole (json-glib, for anything else, and for any streamed bundle refused part
 * way, after its writes are rolled back): the first pass reads and checks the
 * whole bundle, every field and every reference; only a bundle that passes is
 * written. Either way a refusal says exactly where the problem is ("quotes[12]:
 * ..."), in json-glib's reading: the streamed pass never explains. */

typedef enum
{
  KIND_DOCUMENT,
  KIND_ENTITY,
  KIND_RELATION,
  KIND_QUOTE,
  KIND_EVENT,
  KIND_NOTE,
  KIND_REVIEW,
  KIND_COMMENT,
} RecordKind;

#define KIND_LAST KIND_COMMENT

typedef struct
{
  RecordKind  kind;
  guint       index;
  JsonObject *object;     /* borrowed from the parser's tree (streamed: while written) */
  gint64      length;     /* documents: text length in characters */
  gint64      db_id;      /* set while writing */
  double      x, y;       /* entities: the bundle's position, if has_position */
  gboolean    has_position;
  gboolean    pinned;
} Record;

/* Records are allocated a block at a time: a streamed bundle of a million keeps
 * one small Record per id and nothing else. */
#define RECORDS_PER_BLOCK 4096

typedef struct
{
  GHashTable   *records;  /* bundle id -> Record (in blocks) */
  GPtrArray    *blocks;   /* of Records */
  guint         n_free;   /* Records left in the last block */
  GPtrArray    *order;    /* Records in bundle order per array, documents first (tree only) */
  GStringChunk *ids;      /* streamed: the ids the records are known by */
  JsonObject   *root;
  GHashTable   *numbers;  /* borrowed from the scan: path -> number as written */
  GHashTable   *stix_ids; /* the STIX ids records claim, and the kept objects' (owned strings) */
} Bundle;

static void
bundle_clear (Bundle *bundle)
{
  g_clear_pointer (&bundle->records, g_hash_table_unref);
  g_clear_pointer (&bundle->blocks, g_ptr_array_unref);
  g_clear_pointer (&bundle->order, g_ptr_array_unref);
  g_clear_pointer (&bundle->ids, g_string_chunk_free);
  g_clear_pointer (&bundle->stix_ids, g_hash_table_unref);
}

static void
bundle_init (Bundle *bundle)
{
  bundle->records = g_hash_table_new (g_str_hash, g_str_equal);
  bundle->blocks = g_ptr_array_new_with_free_func (g_free);
  bundle->order = g_ptr_array_new ();
  bundle->stix_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static Record *
new_record (Bundle     *bundle,
            RecordKind  kind,
            guint       index)
{
  Record *record;

  if (bundle->n_free == 0)
    {
      g_ptr_array_add (bundle->blocks, g_new0 (Record, RECORDS_PER_BLOCK));
      bundle->n_free = RECORDS_PER_BLOCK;
    }
  record = (Record *)g_ptr_array_index (bundle->blocks, bundle->blocks->len - 1) +
           (RECORDS_PER_BLOCK - bundle->n_free--);
  record->kind = kind;
  record->index = index;
  return record;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bundle, bundle_clear)

/* Where a streamed bundle's arrays are: the records', then these two. */
enum { SLOT_EVIDENCE = KIND_LAST + 1, SLOT_POSITIONS, N_SLOTS };

static const char *array_names[] = {
  [KIND_DOCUMENT] = "documents",
  [KIND_ENTITY] = "entities",
  [KIND_RELATION] = "relations",
  [KIND_QUOTE] = "quotes",
  [KIND_EVENT] = "events",
  [KIND_NOTE] = "notes",
  [KIND_REVIEW] = "reviews",
  [KIND_COMMENT] = "comments",
};

static gboolean
fail (GError     **error,
      const char  *where,
      guint        index,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      const char  *where,
      guint        index,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (index == G_MAXUINT)
    g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, "%s: %s", where, message);
  else
    g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, "%s[%u]: %s", where, index, message);
  return FALSE;
}

/* Reads an optional string member: absent and null are NULL, anything else but a
 * string is an error. */
static gboolean
get_string (JsonObject   *object,
            const char   *member,
            gboolean      required,
            const char  **out,
            const char   *where,
            guint         index,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return fail (error, where, index, _("“%s” is missing"), member);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (error, where, index, _("“%s” is null; it must be a string"), member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, where, index, _("“%s” must be a string"), member);

  *out = json_node_get_string (node);
  if (required && **out == '\0')
    return fail (error, where, index, _("“%s” is empty"), member);
  return TRUE;
}

/* "quotes[3].start", the path the scanner gives the same value. */
static char *
dup_member_path (const char *where,
                 guint       index,
                 const char *member)
{
  if (index != G_MAXUINT)
    return g_strdup_printf ("%s[%u].%s", where, index, member);
  if (g_str_equal (where, "bundle"))
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", where, member);
}

/* A number as the bundle writes it, not as json-glib rounded it. */
static char *
dup_number_as_written (Bundle     *bundle,
                       JsonNode   *node,
                       const char *where,
                       guint       index,
                       const char *member)
{
  g_autofree char *path = dup_member_path (where, index, member);
  const char *raw = g_hash_table_lookup (bundle->numbers, path);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (raw != NULL)
    return g_strdup (raw);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
}

/* A whole number from min to max. Integers past 64 bits were refused by the scan,
 * so an INT64 node holds the value as written. */
static gboolean
get_int (Bundle      *bundle,
         JsonObject  *object,
         const char  *member,
         gboolean     required,
         gint64       min,
         gint64       max,
         gint64      *out,
         const char  *where,
         guint        index,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (error, where, index, _("“%s” is missing"), member);
      return TRUE;
    }
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (error, where, index, _("“%s” must be a whole number"), member);

  if (type == G_TYPE_DOUBLE || json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_autofree char *written = dup_number_as_written (bundle, node, where, index, member);

      return fail (error, where, index,
                   _("“%s” is %s; it must be a whole number from %" PRId64 " to %"
                     PRId64), member, written, min, max);
    }

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_number (Bundle      *bundle,
            JsonObject  *object,
            const char  *member,
            double      *out,
            const char  *where,
            guint        index,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fail (error, where, index, _("“%s” must be a number"), member);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return fail (error, where, index, _("“%s” must be a number"), member);
  if (!isfinite (*out) || fabs (*out) > 1e9)
    {
      g_autofree char *written = dup_number_as_written (bundle, node, where, index, member);

      return fail (error, where, index, _("“%s” is %s, out of range (at most 1e9 either way)"),
                   member, written);
    }
  return TRUE;
}

/* An enum member by nick. A fallback of -1 makes it required: absent or null is
 * an error rather than a value nobody chose. */
static gboolean
get_enum (JsonObject  *object,
          const char  *member,
          GType        type,
          int          fallback,
          int         *out,
          const char  *where,
          guint        index,
          GError     **error)
{
  const char *nick;

  *out = fallback;
  if (!get_string (object, member, fallback < 0, &nick, where, index, error))
    return FALSE;
  if (nick == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!rs_enum_from_nick (type, nick, out))
    return fail (error, where, index, _("“%s” is not a known %s"), nick, member);
  return TRUE;
}

/* Entity kinds are written as the schema's tokens (rs-types.h: person, organization,
 * group, unit, location, ...). People write bundles by hand from the README or from
 * what the window shows, so the reader also takes, in any case, the British spelling
 * and the display names that differ from the token. Nothing else: a kind that is
 * close to a token but not in this table is refused, not guessed. */
static const struct
{
  const char   *alias;
  RsEntityKind  kind;
} entity_kind_aliases[] = {
  { "organisation",  RS_ENTITY_KIND_ORGANIZATION },
  { "place",         RS_ENTITY_KIND_LOCATION },
  { "threat group",  RS_ENTITY_KIND_GROUP },
  { "threat-group",  RS_ENTITY_KIND_GROUP },
  { "military unit", RS_ENTITY_KIND_UNIT },
  { "military-unit", RS_ENTITY_KIND_UNIT },
};

static gboolean
entity_kind_from_token (const char *token,
                        int        *kind)
{
  g_autofree char *folded = NULL;

  if (token == NULL)
    return FALSE;
  folded = g_ascii_strdown (token, -1);
  if (rs_enum_from_nick (RS_TYPE_ENTITY_KIND, folded, kind))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entity_kind_aliases); i++)
    if (g_str_equal (folded, entity_kind_aliases[i].alias))
      {
        *kind = entity_kind_aliases[i].kind;
        return TRUE;
      }
  return FALSE;
}

static gboolean
get_reliability (JsonObject     *object,
                 RsReliability  *out,
                 guint           index,
                 GError        **error)
{
  const char *grade;

  if (!get_string (object, "reliability", FALSE, &grade, "documents", index, error))
    return FALSE;

  if (grade == NULL || g_str_equal (grade, "unknown"))
    *out = RS_RELIABILITY_UNKNOWN;
  else if (strlen (grade) == 1 && grade[0] >= 'A' && grade[0] <= 'F')
    *out = RS_RELIABILITY_A + (grade[0] - 'A');
  else
    return fail (error, "documents", index,
                 _("reliability “%s” is not an Admiralty grade (A–F or unknown)"), grade);
  return TRUE;
}

/* A JSON array member, or an empty one when absent. */
static gboolean
get_array (JsonObject  *object,
           const char  *member,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, member, G_MAXUINT, _("must be an array"));
  *out = json_node_get_array (node);
  return TRUE;
}

static Record *
lookup (Bundle     *bundle,
        const char *id)
{
  return id ? g_hash_table_lookup (bundle->records, id) : NULL;
}

static gboolean
check_id (const char  *id,
          const char  *where,
          guint        index,
          GError     **error)
{
  if (strlen (id) > 200)
    return fail (error, where, index, _("“id” is longer than 200 characters"));
  for (const char *p = id; *p; p++)
    if (g_ascii_iscntrl (*p))
      return fail (error, where, index, _("“id” contains a control character"));
  return TRUE;
}

/* First pass, part one: every record with an id, indexed, each field typed. */
static gboolean
collect_records (Bundle  *bundle,
                 GError **error)
{
  for (RecordKind kind = KIND_DOCUMENT; kind <= KIND_LAST; kind++)
    {
      JsonArray *array;
      guint n;

      if (!get_array (bundle->root, array_names[kind], &array, error))
        return FALSE;
      n = array ? json_array_get_length (array) : 0;

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          Record *record;
          const char *id;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return fail (error, array_names[kind], i, _("must be an object"));

          if (!get_string (json_node_get_object (node), "id", TRUE, &id, array_names[kind], i,
                           error) ||
              !check_id (id, array_names[kind], i, error))
            return FALSE;

          if (lookup (bundle, id) != NULL)
            return fail (error, array_names[kind], i,
                         _("id “%s” is used twice (ids are unique in a bundle)"), id);

          record = new_record (bundle, kind, i);
          record->object = json_node_get_object (node);
          g_hash_table_insert (bundle->records, (gpointer)id, record);
          g_ptr_array_add (bundle->order, record);
        }
    }
  return TRUE;
}

static gboolean
check_strings (JsonObject          *object,
               const char * const  *members,
               const char          *where,
               guint                index,
               GError             **error)
{
  for (guint i = 0; members[i]; i++)
    {
      const char *value;

      if (!get_string (object, members[i], FALSE, &value, where, index, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_document (Bundle  *bundle,
                Record  *record,
                GError **error)
{
  static const char *optional[] = { "publisher", "author", "url", "published", "imported_at", NULL };
  const char *title, *text;
  RsReliability reliability;

  if (!get_string (record->object, "title", TRUE, &title, "documents", record->index, error) ||
      !get_string (record->object, "text", FALSE, &text, "documents", record->index, error) ||
      !check_strings (record->object, optional, "documents", record->index, error) ||
      !get_reliability (record->object, &reliability, record->index, error))
    return FALSE;

  record->length = text ? g_utf8_strlen (text, -1) : 0;
  return TRUE;
}

static gboolean
check_entity (Bundle  *bundle,
              Record  *record,
              GError **error)
{
  const char *name, *description, *kind_token;
  JsonArray *aliases;
  int kind;

  if (!get_string (record->object, "name", TRUE, &name, "entities", record->index, error) ||
      !get_string (record->object, "description", FALSE, &description, "entities", record->index,
                   error) ||
      !get_string (record->object, "kind", TRUE, &kind_token, "entities", record->index, error))
    return FALSE;
  if (!entity_kind_from_token (kind_token, &kind))
    return fail (error, "entities", record->index, _("“%s” is not a known %s"), kind_token,
                 "kind");

  if (json_object_has_member (record->object, "aliases"))
    {
      JsonNode *node = json_object_get_member (record->object, "aliases");

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, "entities", record->index, _("“aliases” must be an array of strings"));
      aliases = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (aliases); i++)
        {
          JsonNode *alias = json_array_get_element (aliases, i);

          if (!JSON_NODE_HOLDS_VALUE (alias) || json_node_get_value_type (alias) != G_TYPE_STRING ||
              *json_node_get_string (alias) == '\0')
            return fail (error, "entities", record->index,
                         _("aliases[%u] must be a non-empty string"), i);
        }
    }
  return TRUE;
}

static gboolean
check_reference (Bundle      *bundle,
                 JsonObject  *object,
                 const char  *member,
                 RecordKind   expected,
                 const char  *where,
                 guint        index,
                 Record     **out,
                 GError     **error)
{
  const char *id;
  Record *target;

  if (!get_string (object, member, TRUE, &id, where, index, error))
    return FALSE;
  if ((target = lookup (bundle, id)) == NULL)
    return fail (error, where, index, _("%s “%s” is not in the bundle"), member, id);
  if (target->kind != expected)
    return fail (error, where, index, _("%s “%s” is not one of the %s"), member, id,
                 array_names[expected]);
  if (out)
    *out = target;
  return TRUE;
}

static gboolean
check_relation (Bundle  *bundle,
                Record  *record,
                GError **error)
{
  JsonNode *directed = json_object_get_member (record->object, "directed");
  const char *label;
  int status;

  if (!check_reference (bundle, record->object, "source", KIND_ENTITY, "relations",
                        record->index, NULL, error) ||
      !check_reference (bundle, record->object, "target", KIND_ENTITY, "relations",
                        record->index, NULL, error) ||
      !get_string (record->object, "label", FALSE, &label, "relations", record->index, error) ||
      !get_enum (record->object, "status", RS_TYPE_RELATION_STATUS, RS_RELATION_STATUS_ALLEGED,
                 &status, "relations", record->index, error))
    return FALSE;

  if (directed != NULL && !JSON_NODE_HOLDS_NULL (directed) &&
      (!JSON_NODE_HOLDS_VALUE (directed) || json_node_get_value_type (directed) != G_TYPE_BOOLEAN))
    return fail (error, "relations", record->index, _("“directed” must be true or false"));
  return TRUE;
}

static gboolean
check_quote (Bundle  *bundle,
             Record  *record,
             GError **error)
{
  Record *document = NULL;
  const char *text, *doc_id, *doc_text;
  gint64 start, end, credibility;
  g_autofree char *slice = NULL;

  if (!check_reference (bundle, record->object, "document", KIND_DOCUMENT, "quotes",
                        record->index, &document, error) ||
      !get_int (bundle, record->object, "start", TRUE, 0, G_MAXINT, &start, "quotes",
                record->index, error) ||
      !get_int (bundle, record->object, "end", TRUE, 0, G_MAXINT, &end, "quotes", record->index,
                error) ||
      !get_string (record->object, "text", FALSE, &text, "quotes", record->index, error) ||
      !get_int (bundle, record->object, "credibility", FALSE, 0, 6, &credibility, "quotes",
                record->index, error))
    return FALSE;

  doc_id = json_object_get_string_member (record->object, "document");
  if (end <= start)
    return fail (error, "quotes", record->index,
                 _("span %" PRId64 "–%" PRId64 " is empty or reversed"),
                 start, end);
  if (end > document->length)
    return fail (error, "quotes", record->index,
                 _("end %" PRId64 " is past the end of document %s (%" PRId64
                   " characters)"), end, doc_id, document->length);

  doc_text = json_object_get_string_member (document->object, "text");
  slice = rs_quote_dup_span (doc_text, start, end);
  if (text != NULL && g_strcmp0 (text, slice) != 0)
    return fail (error, "quotes", record->index,
                 _("text does not match document %s at %" PRId64 "–%" PRId64),
                 doc_id, start, end);
  return TRUE;
}

static gboolean
check_event (Bundle  *bundle,
             Record  *record,
             GError **error)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(RsFuzzyDate) date = NULL;
  const char *title, *description, *start, *end;
  int precision, qualifier;
  JsonArray *entities;

  if (!get_string (record->object, "title", TRUE, &title, "events", record->index, error) ||
      !get_string (record->object, "description", FALSE, &description, "events", record->index,
                   error) ||
      !get_string (record->object, "date", TRUE, &start, "events", record->index, error) ||
      !get_string (record->object, "end", FALSE, &end, "events", record->index, error) ||
      !get_enum (record->object, "precision", RS_TYPE_DATE_PRECISION, -1, &precision, "events",
                 record->index, error) ||
      !get_enum (record->object, "qualifier", RS_TYPE_DATE_QUALIFIER, RS_DATE_QUALIFIER_NONE,
                 &qualifier, "events", record->index, error))
    return FALSE;

  if (!(date = rs_fuzzy_date_parse (start, end, precision, qualifier, &date_error)))
    return fail (error, "events", record->index, "%s", date_error->message);

  if (!get_array (record->object, "entities", &entities, error))
    return FALSE;
  for (guint i = 0; entities && i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      Record *entity;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (error, "events", record->index, _("entities[%u] must be an id"), i);
      entity = lookup (bundle, json_node_get_string (node));
      if (entity == NULL || entity->kind != KIND_ENTITY)
        return fail (error, "events", record->index, _("entities[%u] “%s” is not one of the entities"),
                     i, json_node_get_string (node));
    }
  return TRUE;
}

static gboolean
check_note (Bundle  *bundle,
            Record  *record,
            GError **error)
{
  static const char *optional[] = { "author", "created", "updated", NULL };
  const char *body, *target_id;
  Record *target;

  if (!get_string (record->object, "body", FALSE, &body, "notes", record->index, error) ||
      !get_string (record->object, "target", FALSE, &target_id, "notes", record->index, error) ||
      !check_strings (record->object, optional, "notes", record->index, error))
    return FALSE;

  if (target_id == NULL)
    return TRUE;
  if ((target = lookup (bundle, target_id)) == NULL)
    return fail (error, "notes", record->index, _("target “%s” is not in the bundle"), target_id);
  if (target->kind != KIND_DOCUMENT && target->kind != KIND_ENTITY &&
      target->kind != KIND_RELATION && target->kind != KIND_EVENT)
    return fail (error, "notes", record->index,
                 _("target “%s” is not a document, an entity, a relation or an event"), target_id);
  return TRUE;
}

/* Reviews and comments are about one claim: an entity, a relation, an event or a
 * quote of the bundle. */
static gboolean
check_claim_target (Bundle  *bundle,
                    Record  *record,
                    GError **error)
{
  const char *where = array_names[record->kind];
  const char *target_id;
  Record *target;

  if (!get_string (record->object, "target", TRUE, &target_id, where, record->index, error))
    return FALSE;
  if ((target = lookup (bundle, target_id)) == NULL)
    return fail (error, where, record->index, _("target “%s” is not in the bundle"), target_id);
  if (target->kind != KIND_ENTITY && target->kind != KIND_RELATION &&
      target->kind != KIND_EVENT && target->kind != KIND_QUOTE)
    return fail (error, where, record->index,
                 _("target “%s” is not an entity, a relation, an event or a quote"), target_id);
  return TRUE;
}

static gboolean
check_time_member (JsonObject  *object,
                   const char  *where,
                   guint        index,
                   GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *time;

  if (!get_string (object, "time", TRUE, &time, where, index, error))
    return FALSE;
  if (!(parsed = g_date_time_new_from_iso8601 (time, NULL)))
    return fail (error, where, index, _("“time” “%s” is not an ISO 8601 date and time"), time);
  return TRUE;
}

static gboolean
check_review (Bundle  *bundle,
              Record  *record,
              GError **error)
{
  const char *state, *reviewer;
  int value;

  if (!check_claim_target (bundle, record, error) ||
      !get_string (record->object, "state", TRUE, &state, "reviews", record->index, error) ||
      !get_string (record->object, "reviewer", TRUE, &reviewer, "reviews", record->index, error) ||
      !check_time_member (record->object, "reviews", record->index, error))
    return FALSE;
  if (!rs_enum_from_nick (RS_TYPE_REVIEW_STATE, state, &value))
    return fail (error, "reviews", record->index,
                 _("“state” must be unreviewed, accepted or challenged, not “%s”"), state);
  return TRUE;
}

static gboolean
check_comment (Bundle  *bundle,
               Record  *record,
               GError **error)
{
  JsonNode *resolved = json_object_get_member (record->object, "resolved");
  const char *author, *body;

  if (!check_claim_target (bundle, record, error) ||
      !get_string (record->object, "author", TRUE, &author, "comments", record->index, error) ||
      !get_string (record->object, "body", TRUE, &body, "comments", record->index, error) ||
      !check_time_member (record->object, "comments", record->index, error))
    return FALSE;
  if (resolved != NULL && !JSON_NODE_HOLDS_NULL (resolved) &&
      (!JSON_NODE_HOLDS_VALUE (resolved) || json_node_get_value_type (resolved) != G_TYPE_BOOLEAN))
    return fail (error, "comments", record->index, _("“resolved” must be true or false"));
  return TRUE;
}

static gboolean
check_one_evidence (Bundle      *bundle,
                    JsonObject  *object,
                    guint        i,
                    GError     **error)
{
  const char *target_id;
  Record *target;
  int stance;

  if (!check_reference (bundle, object, "quote", KIND_QUOTE, "evidence", i, NULL, error) ||
      !get_string (object, "target", TRUE, &target_id, "evidence", i, error) ||
      !get_enum (object, "stance", RS_TYPE_STANCE, RS_STANCE_SUPPORTS, &stance, "evidence", i,
                 error))
    return FALSE;

  if ((target = lookup (bundle, target_id)) == NULL)
    return fail (error, "evidence", i, _("target “%s” is not in the bundle"), target_id);
  if (target->kind != KIND_ENTITY && target->kind != KIND_RELATION && target->kind != KIND_EVENT)
    return fail (error, "evidence", i,
                 _("target “%s” is not an entity, a relation or an event"), target_id);
  return TRUE;
}

static gboolean
check_evidence (Bundle  *bundle,
                GError **error)
{
  JsonArray *array;

  if (!get_array (bundle->root, "evidence", &array, error))
    return FALSE;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, "evidence", i, _("must be an object"));
      if (!check_one_evidence (bundle, json_node_get_object (node), i, error))
        return FALSE;
    }
  return TRUE;
}

/* A position is kept on its entity's record (the last one given wins). */
static gboolean
check_one_position (Bundle      *bundle,
                    JsonObject  *object,
                    guint        i,
                    GError     **error)
{
  JsonNode *pinned = json_object_get_member (object, "pinned");
  Record *entity = NULL;
  double x, y;

  if (!check_reference (bundle, object, "entity", KIND_ENTITY, "positions", i, &entity, error) ||
      !get_number (bundle, object, "x", &x, "positions", i, error) ||
      !get_number (bundle, object, "y", &y, "positions", i, error))
    return FALSE;
  entity->x = x;
  entity->y = y;
  entity->has_position = TRUE;
  entity->pinned = pinned && JSON_NODE_HOLDS_VALUE (pinned) &&
                   json_node_get_value_type (pinned) == G_TYPE_BOOLEAN &&
                   json_node_get_boolean (pinned);
  return TRUE;
}

static gboolean
check_positions (Bundle  *bundle,
                 GError **error)
{
  JsonArray *array;

  if (!get_array (bundle->root, "positions", &array, error))
    return FALSE;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, "positions", i, _("must be an object"));
      if (!check_one_position (bundle, json_node_get_object (node), i, error))
        return FALSE;
    }
  return TRUE;
}

/* The bundle's format, version and case. */
static gboolean
check_head (Bundle  *bundle,
            GError **error)
{
  static const char *case_strings[] = { "title", "description", "created", NULL };
  const char *format;
  JsonNode *case_node;
  gint64 version;

  if (!get_string (bundle->root, "format", TRUE, &format, "bundle", G_MAXUINT, error))
    return FALSE;
  if (!g_str_equal (format, RS_BUNDLE_FORMAT))
    return fail (error, "bundle", G_MAXUINT, _("format “%s” is not “%s”"), format, RS_BUNDLE_FORMAT);
  if (!get_int (bundle, bundle->root, "version", TRUE, G_MININT64, G_MAXINT64, &version,
                "bundle", G_MAXUINT, error))
    return FALSE;
  if (version > RS_BUNDLE_VERSION || version < 1)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_UNSUPPORTED_VERSION,
                   _("bundle: version %" PRId64 " is not supported (this Redstring reads "
                     "version %d)"), version, RS_BUNDLE_VERSION);
      return FALSE;
    }

  case_node = json_object_get_member (bundle->root, "case");
  if (case_node != NULL && !JSON_NODE_HOLDS_NULL (case_node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (case_node))
        return fail (error, "case", G_MAXUINT, _("must be an object"));
      if (!check_strings (json_node_get_object (case_node), case_strings, "case", G_MAXUINT, error))
        return FALSE;
    }
  return TRUE;
}

/* What schema 8 keeps of STIX (issue 22), all optional: a document's, entity's or
 * relation's "external_references" [{source_name, external_id, url, description}], the
 * "stix_ids" a record (an event too) was imported with, and at the top level the
 * "markings" and the "stix_objects" kept as they came. Checked as strictly as the rest:
 * the case's STIX export writes them out again. */

/* The longest STIX object the case keeps (schema 8's CHECK on marking and stix_object). */
#define MAX_KEPT_OBJECT 1048576

/* "type--uuid" as STIX writes ids: a type, two hyphens, something; printable, short. */
static gboolean
is_stix_id (const char *id)
{
  const char *sep = id != NULL ? strstr (id, "--") : NULL;

  if (sep == NULL || sep == id || sep[2] == '\0' || strlen (id) > 300)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p) || *p == ' ')
      return FALSE;
  return TRUE;
}

/* A STIX type as the specification allows one: 3 to 250 of a–z, 0–9 and hyphens. */
static gboolean
is_stix_type (const char *type)
{
  gsize length = strlen (type);

  if (length < 3 || length > 250)
    return FALSE;
  for (const char *p = type; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
check_external_references (Record  *record,
                           GError **error)
{
  static const char *members[] = { "source_name", "external_id", "url", "description" };
  const char *where = array_names[record->kind];
  JsonNode *node = json_object_get_member (record->object, "external_references");
  JsonArray *refs;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, where, record->index, _("“%s” must be an array"), "external_references");
  refs = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      JsonNode *element = json_array_get_element (refs, i);
      JsonObject *ref;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, where, record->index, _("external_references[%u] must be an object"), i);
      ref = json_node_get_object (element);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          JsonNode *value = json_object_get_member (ref, members[m]);

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            {
              if (m == 0)
                return fail (error, where, record->index,
                             _("external_references[%u]: “%s” is missing"), i, members[m]);
              continue;
            }
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            return fail (error, where, record->index,
                         _("external_references[%u]: “%s” must be a string"), i, members[m]);
          if (m == 0 && *json_node_get_string (value) == '\0')
            return fail (error, where, record->index,
                         _("external_references[%u]: “%s” is empty"), i, members[m]);
        }
    }
  return TRUE;
}

/* A STIX id names one record: given twice in a bundle, it is refused. */
static gboolean
check_stix_ids (Bundle  *bundle,
                Record  *record,
                GError **error)
{
  const char *where = array_names[record->kind];
  JsonNode *node = json_object_get_member (record->object, "stix_ids");
  JsonArray *ids;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, where, record->index, _("“%s” must be an array"), "stix_ids");
  ids = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *element = json_array_get_element (ids, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !is_stix_id (json_node_get_string (element)))
        return fail (error, where, record->index,
                     _("stix_ids[%u] is not a STIX id (“type--uuid”)"), i);
      id = json_node_get_string (element);
      if (!g_hash_table_add (bundle->stix_ids, g_strdup (id)))
        return fail (error, where, record->index,
                     _("stix_ids[%u] “%s” is given to another record too"), i, id);
    }
  return TRUE;
}

static gboolean
check_stix_members (Bundle  *bundle,
                    Record  *record,
                    GError **error)
{
  switch (record->kind)
    {
    case KIND_DOCUMENT:
    case KIND_ENTITY:
    case KIND_RELATION:
      if (!check_external_references (record, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case KIND_EVENT:
      return check_stix_ids (bundle, record, error);
    case KIND_QUOTE:
    case KIND_NOTE:
    case KIND_REVIEW:
    case KIND_COMMENT:
    default:
      return TRUE;
    }
}

/* A kept STIX object: an object with its type and an id of that type, not too long. */
static gboolean
check_kept_object (Bundle      *bundle,
                   JsonNode    *node,
                   const char  *where,
                   guint        index,
                   const char  *expected_id,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  const char *type, *id;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where, index, expected_id != NULL ? _("“object” must be an object")
                                                          : _("must be an object"));
  object = json_node_get_object (node);
  if (!get_string (object, "type", TRUE, &type, where, index, error) ||
      !get_string (object, "id", TRUE, &id, where, index, error))
    return FALSE;
  if (!is_stix_type (type))
    return fail (error, where, index, _("type “%s” is not a STIX type"), type);
  prefix = g_strconcat (type, "--", NULL);
  if (!g_str_has_prefix (id, prefix) || !is_stix_id (id))
    return fail (error, where, index, _("id “%s” is not a STIX id of type %s"), id, type);
  if (expected_id != NULL && !g_str_equal (id, expected_id))
    return fail (error, where, index, _("the object's id “%s” is not “%s”"), id, expected_id);
  if (expected_id == NULL && g_str_equal (type, "marking-definition"))
    return fail (error, where, index, _("a marking definition belongs in “markings”"));
  text = json_to_string (node, FALSE);
  if (strlen (text) > MAX_KEPT_OBJECT)
    return fail (error, where, index, _("the object is longer than %d bytes"), MAX_KEPT_OBJECT);
  /* json-glib writes a number past a double's range (1e400) as "inf.0", which no reader
   * takes back: such an object could be kept but never written out again. */
  {
    g_autoptr(JsonNode) again = json_from_string (text, NULL);

    if (again == NULL)
      return fail (error, where, index, _("the object holds a number out of range"));
  }
  if (!g_hash_table_add (bundle->stix_ids, g_strdup (id)))
    return fail (error, where, index, _("id “%s” is used twice (ids are unique in a bundle)"), id);
  return TRUE;
}

static gboolean
check_kept_stix (Bundle  *bundle,
                 GError **error)
{
  static const char *strings[] = { "name", "definition_type", NULL };
  JsonArray *markings, *objects;

  if (!get_array (bundle->root, "markings", &markings, error) ||
      !get_array (bundle->root, "stix_objects", &objects, error))
    return FALSE;
  for (guint i = 0; markings != NULL && i < json_array_get_length (markings); i++)
    {
      JsonNode *node = json_array_get_element (markings, i);
      JsonObject *marking;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, "markings", i, _("must be an object"));
      marking = json_node_get_object (node);
      if (!get_string (marking, "id", TRUE, &id, "markings", i, error) ||
          !check_strings (marking, strings, "markings", i, error))
        return FALSE;
      if (!g_str_has_prefix (id, "marking-definition--") || !is_stix_id (id))
        return fail (error, "markings", i, _("id “%s” is not a marking definition's"), id);
      if (!check_kept_object (bundle, json_object_get_member (marking, "object"), "markings", i,
                              id, error))
        return FALSE;
    }
  for (guint i = 0; objects != NULL && i < json_array_get_length (objects); i++)
    if (!check_kept_object (bundle, json_array_get_element (objects, i), "stix_objects", i, NULL,
                            error))
      return FALSE;
  return TRUE;
}

/* One record, its references resolved against every id of the bundle. */
static gboolean
check_record (Bundle  *bundle,
              Record  *record,
              GError **error)
{
  if (!check_stix_members (bundle, record, error))
    return FALSE;
  switch (record->kind)
    {
    case KIND_DOCUMENT: return check_document (bundle, record, error);
    case KIND_ENTITY:   return check_entity (bundle, record, error);
    case KIND_RELATION: return check_relation (bundle, record, error);
    case KIND_QUOTE:    return check_quote (bundle, record, error);
    case KIND_EVENT:    return check_event (bundle, record, error);
    case KIND_NOTE:     return check_note (bundle, record, error);
    case KIND_REVIEW:   return check_review (bundle, record, error);
    case KIND_COMMENT:  return check_comment (bundle, record, error);
    default:            g_assert_not_reached ();
    }
}

static gboolean
check_bundle (Bundle  *bundle,
              GError **error)
{
  if (!check_head (bundle, error) || !collect_records (bundle, error))
    return FALSE;

  /* Documents come first in bundle->order, so their lengths are known for quotes. */
  for (guint i = 0; i < bundle->order->len; i++)
    if (!check_record (bundle, g_ptr_array_index (bundle->order, i), error))
      return FALSE;

  return check_evidence (bundle, error) && check_positions (bundle, error) &&
         check_kept_stix (bundle, error);
}

/* Second pass: the bundle is known good; write it. */

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* A bundle's positions travel with their entities: the store writes both at once. */
static void
apply_position (Record   *record,
                RsEntity *draft)
{
  if (!record->has_position)
    return;
  rs_entity_set_x (draft, record->x);
  rs_entity_set_y (draft, record->y);
  rs_entity_set_pinned (draft, record->pinned);
  rs_entity_set_has_position (draft, TRUE);
}

static gint64
write_model_record (RsCaseStore  *store,
                    Bundle       *bundle,
                    Record       *record,
                    const char   *uid,
                    GError      **error)
{
  JsonObject *o = record->object;

  switch (record->kind)
    {
    case KIND_DOCUMENT:
      {
        g_autoptr(RsDocument) draft = rs_document_new (0);
        RsReliability reliability;
        RsDocument *document;

        get_reliability (o, &reliability, record->index, NULL);
        rs_document_set_uid (draft, uid);
        rs_document_set_title (draft, member_string (o, "title"));
        rs_document_set_publisher (draft, member_string (o, "publisher"));
        rs_document_set_author (draft, member_string (o, "author"));
        rs_document_set_url (draft, member_string (o, "url"));
        rs_document_set_published (draft, member_string (o, "published"));
        rs_document_set_imported_at (draft, member_string (o, "imported_at"));
        rs_document_set_text (draft, member_string (o, "text"));
        rs_document_set_reliability (draft, reliability);
        document = rs_case_store_add_document (store, draft, error);
        return document ? rs_document_get_id (document) : 0;
      }

    case KIND_ENTITY:
      {
        g_autoptr(RsEntity) draft = rs_entity_new (0);
        g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
        JsonNode *alias_node = json_object_get_member (o, "aliases");
        RsEntity *entity;
        int kind = RS_ENTITY_KIND_OTHER;

        if (alias_node && JSON_NODE_HOLDS_ARRAY (alias_node))
          {
            JsonArray *array = json_node_get_array (alias_node);

            for (guint i = 0; i < json_array_get_length (array); i++)
              g_ptr_array_add (aliases, (gpointer)json_array_get_string_element (array, i));
          }
        g_ptr_array_add (aliases, NULL);

        entity_kind_from_token (member_string (o, "kind"), &kind);
        rs_entity_set_uid (draft, uid);
        rs_entity_set_kind (draft, kind);
        rs_entity_set_name (draft, member_string (o, "name"));
        rs_entity_set_aliases (draft, (const char * const *)aliases->pdata);
        rs_entity_set_description (draft, member_string (o, "description"));
        apply_position (record, draft);
        entity = rs_case_store_add_entity (store, draft, error);
        return entity ? rs_entity_get_id (entity) : 0;
      }

    case KIND_RELATION:
      {
        g_autoptr(RsRelation) draft = rs_relation_new (0);
        JsonNode *directed = json_object_get_member (o, "directed");
        RsRelation *relation;
        int status = RS_RELATION_STATUS_ALLEGED;

        if (member_string (o, "status"))
          rs_enum_from_nick (RS_TYPE_RELATION_STATUS, member_string (o, "status"), &status);
        rs_relation_set_uid (draft, uid);
        rs_relation_set_source_id (draft, lookup (bundle, member_string (o, "source"))->db_id);
        rs_relation_set_target_id (draft, lookup (bundle, member_string (o, "target"))->db_id);
        rs_relation_set_label (draft, member_string (o, "label"));
        rs_relation_set_directed (draft, directed == NULL || JSON_NODE_HOLDS_NULL (directed) ||
                                         json_node_get_boolean (directed));
        rs_relation_set_status (draft, status);
        relation = rs_case_store_add_relation (store, draft, error);
        return relation ? rs_relation_get_id (relation) : 0;
      }

    case KIND_QUOTE:
      {
        g_autoptr(RsQuote) draft = rs_quote_new (0);
        JsonNode *credibility = json_object_get_member (o, "credibility");
        RsQuote *quote;

        rs_quote_set_uid (draft, uid);
        rs_quote_set_document_id (draft, lookup (bundle, member_string (o, "document"))->db_id);
        rs_quote_set_start (draft, json_object_get_int_member (o, "start"));
        rs_quote_set_end (draft, json_object_get_int_member (o, "end"));
        rs_quote_set_text (draft, member_string (o, "text"));
        if (credibility && !JSON_NODE_HOLDS_NULL (credibility))
          rs_quote_set_credibility (draft, json_node_get_int (credibility));
        quote = rs_case_store_add_quote (store, draft, error);
        return quote ? rs_quote_get_id (quote) : 0;
      }

    case KIND_EVENT:
      {
        g_autoptr(RsEvent) draft = rs_event_new (0);
        g_autoptr(RsFuzzyDate) date = NULL;
        g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        JsonNode *entities = json_object_get_member (o, "entities");
        int precision = RS_DATE_PRECISION_YEAR, qualifier = RS_DATE_QUALIFIER_NONE;
        RsEvent *event;

        rs_enum_from_nick (RS_TYPE_DATE_PRECISION, member_string (o, "precision"), &precision);
        if (member_string (o, "qualifier"))
          rs_enum_from_nick (RS_TYPE_DATE_QUALIFIER, member_string (o, "qualifier"), &qualifier);
        date = rs_fuzzy_date_parse (member_string (o, "date"), member_string (o, "end"), precision,
                                    qualifier, error);
        if (date == NULL)
          return 0;

        if (entities && JSON_NODE_HOLDS_ARRAY (entities))
          {
            JsonArray *array = json_node_get_array (entities);

            for (guint i = 0; i < json_array_get_length (array); i++)
              {
                gint64 id = lookup (bundle, json_array_get_string_element (array, i))->db_id;
                g_array_append_val (ids, id);
              }
          }

        rs_event_set_uid (draft, uid);
        rs_event_set_title (draft, member_string (o, "title"));
        rs_event_set_description (draft, member_string (o, "description"));
        rs_event_set_date (draft, date);
        rs_event_set_entity_ids (draft, (gint64 *)(gpointer)ids->data, ids->len);
        event = rs_case_store_add_event (store, draft, error);
        return event ? rs_event_get_id (event) : 0;
      }

    case KIND_NOTE:
      {
        static const RsTarget targets[] = {
          [KIND_DOCUMENT] = RS_TARGET_DOCUMENT,
          [KIND_ENTITY] = RS_TARGET_ENTITY,
          [KIND_RELATION] = RS_TARGET_RELATION,
          [KIND_EVENT] = RS_TARGET_EVENT,
        };
        g_autoptr(RsNote) draft = rs_note_new (0);
        Record *target = lookup (bundle, member_string (o, "target"));
        RsNote *note;

        rs_note_set_uid (draft, uid);
        rs_note_set_target (draft, target ? targets[target->kind] : RS_TARGET_CASE);
        rs_note_set_target_id (draft, target ? target->db_id : 0);
        rs_note_set_body (draft, member_string (o, "body"));
        rs_note_set_author (draft, member_string (o, "author"));
        rs_note_set_created (draft, member_string (o, "created"));
        rs_note_set_updated (draft, member_string (o, "updated"));
        note = rs_case_store_add_note (store, draft, error);
        return note ? rs_note_get_id (note) : 0;
      }

    case KIND_REVIEW:
    case KIND_COMMENT:
      {
        static const RsTarget claims[] = {
          [KIND_ENTITY] = RS_TARGET_ENTITY,
          [KIND_RELATION] = RS_TARGET_RELATION,
          [KIND_EVENT] = RS_TARGET_EVENT,
          [KIND_QUOTE] = RS_TARGET_QUOTE,
        };
        Record *target = lookup (bundle, member_string (o, "target"));

        if (record->kind == KIND_REVIEW)
          {
            g_autoptr(RsReview) draft = rs_review_new (0);
            RsReview *review;
            int state = RS_REVIEW_STATE_UNREVIEWED;

            rs_enum_from_nick (RS_TYPE_REVIEW_STATE, member_string (o, "state"), &state);
            rs_review_set_uid (draft, uid);
            rs_review_set_target (draft, claims[target->kind]);
            rs_review_set_target_id (draft, target->db_id);
            rs_review_set_state (draft, state);
            rs_review_set_reviewer (draft, member_string (o, "reviewer"));
            rs_review_set_time (draft, member_string (o, "time"));
            review = rs_case_store_add_review (store, draft, error);
            return review ? rs_review_get_id (review) : 0;
          }
        else
          {
            g_autoptr(RsComment) draft = rs_comment_new (0);
            JsonNode *resolved = json_object_get_member (o, "resolved");
            RsComment *comment;

            rs_comment_set_uid (draft, uid);
            rs_comment_set_target (draft, claims[target->kind]);
            rs_comment_set_target_id (draft, target->db_id);
            rs_comment_set_author (draft, member_string (o, "author"));
            rs_comment_set_time (draft, member_string (o, "time"));
            rs_comment_set_body (draft, member_string (o, "body"));
            rs_comment_set_resolved (draft, resolved != NULL && JSON_NODE_HOLDS_VALUE (resolved) &&
                                            json_node_get_boolean (resolved));
            comment = rs_case_store_add_comment (store, draft, error);
            return comment ? rs_comment_get_id (comment) : 0;
          }
      }

    default:
      g_assert_not_reached ();
    }
}

/* The record's external references and STIX ids, after it (checked already). A STIX id
 * the case has already stays with the record that has it. */
static gboolean
write_stix_members (RsCaseStore  *store,
                    Record       *record,
                    GError      **error)
{
  static const RsTarget targets[] = {
    [KIND_DOCUMENT] = RS_TARGET_DOCUMENT,
    [KIND_ENTITY] = RS_TARGET_ENTITY,
    [KIND_RELATION] = RS_TARGET_RELATION,
    [KIND_EVENT] = RS_TARGET_EVENT,
  };
  JsonNode *node;

  if (record->kind != KIND_DOCUMENT && record->kind != KIND_ENTITY &&
      record->kind != KIND_RELATION && record->kind != KIND_EVENT)
    return TRUE;
  node = json_object_get_member (record->object, "external_references");
  if (record->kind != KIND_EVENT && node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *refs = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (refs); i++)
        {
          JsonObject *o = json_array_get_object_element (refs, i);
          RsExternalReference ref = {
            (char *) member_string (o, "source_name"), (char *) member_string (o, "external_id"),
            (char *) member_string (o, "url"), (char *) member_string (o, "description"),
          };

          if (!rs_case_store_add_external_reference (store, targets[record->kind], record->db_id,
                                                     &ref, error))
            return FALSE;
        }
    }
  node = json_object_get_member (record->object, "stix_ids");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *ids = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          const char *id = json_array_get_string_element (ids, i);

          if (!rs_case_store_lookup_stix_id (store, id, NULL, NULL) &&
              !rs_case_store_set_stix_id (store, id, targets[record->kind], record->db_id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gint64
write_record (RsCaseStore  *store,
              Bundle       *bundle,
              Record       *record,
              const char   *uid,
              GError      **error)
{
  if ((record->db_id = write_model_record (store, bundle, record, uid, error)) == 0 ||
      !write_stix_members (store, record, error))
    return 0;
  return record->db_id;
}

/* A marking or a STIX object kept as it came (checked already). */
static gboolean
write_kept (RsCaseStore  *store,
            JsonNode     *node,
            gboolean      marking,
            GError      **error)
{
  JsonObject *o = json_node_get_object (node);
  JsonNode *object = marking ? json_object_get_member (o, "object") : node;
  JsonNode *definition = marking ? json_object_get_member (o, "definition") : NULL;
  g_autofree char *json = json_to_string (object, FALSE);
  g_autofree char *definition_json = definition != NULL && !JSON_NODE_HOLDS_NULL (definition)
                                     ? json_to_string (definition, FALSE) : NULL;
  RsStixObject kept = {
    (char *) member_string (json_node_get_object (object), "id"),
    (char *) member_string (json_node_get_object (object), "type"),
    NULL, NULL, definition_json, json,
  };

  if (!marking)
    return rs_case_store_add_stix_object (store, &kept, error);
  kept.name = (char *) member_string (o, "name");
  kept.definition_type = (char *) member_string (o, "definition_type");
  return rs_case_store_add_marking (store, &kept, error);
}

/* Says whose fault a failed write is. The store refuses a record it finds invalid
 * with RS_ERROR_INVALID_INPUT: that is the bundle's, and gets the record's place
 * (where NULL: the bundle as a whole). Anything else (a full disk, a read-only or
 * locked file, an I/O error) is the case file's: it names the file and keeps the
 * store's reason, and no record of the bundle is blamed. */
static gboolean
fail_write (RsCaseStore  *store,
            GError      **error,
            const char   *where,
            guint         index)
{
  g_autofree char *name = NULL;

  if (error == NULL || *error == NULL)
    return FALSE;

  if (g_error_matches (*error, RS_ERROR, RS_ERROR_INVALID_INPUT))
    {
      if (where != NULL && index != G_MAXUINT)
        g_prefix_error (error, "%s[%u]: ", where, index);
      else if (where != NULL)
        g_prefix_error (error, "%s: ", where);
      return FALSE;
    }

  name = g_filename_display_name (rs_case_store_get_path (store));
  g_prefix_error (error, _("Could not import the bundle into “%s”: "), name);
  return FALSE;
}

/* A bundle read and checked, being written: the parse runs anywhere (a worker
 * thread for the window), the writing on the store's thread, all at once or a slice
 * at a time so that a window stays responsive and shows progress. */
typedef struct
{
  JsonParser   *parser;
  RsBundleScan  scan;
  Bundle        bundle;
  JsonArray    *evidence;       /* borrowed from the parser's tree, may be NULL */
  JsonArray    *markings;       /* the same, read whole only */
  JsonArray    *stix_objects;   /* the same, read whole only */
  guint         next_record;
  guint         next_evidence;
  guint         next_kept;
  gboolean      fresh;
  gboolean      wrote_info;

  /* Streamed (no parser): the bundle's text, where each array starts, and where
   * the writing is. */
  GBytes       *bytes;
  JsonObject   *head;           /* format, version and case */
  GHashTable   *no_numbers;
  const char   *arrays[N_SLOTS];
  guint         n_records;
  guint         n_evidence;
  guint         slot;
  gboolean      in_array;
  gboolean      first;
  guint         index;
  RsJsonCursor  cursor;
  GPtrArray    *documents;      /* JsonNodes: quotes are checked against their text */
  gboolean      mapped;         /* bytes is a read-only mapping of a file */
  const char   *released;       /* pages before this were let go of */
} Import;

static void
import_free (Import *import)
{
  bundle_clear (&import->bundle);
  rs_bundle_scan_clear (&import->scan);
  g_clear_object (&import->parser);
  g_clear_pointer (&import->bytes, g_bytes_unref);
  g_clear_pointer (&import->head, json_object_unref);
  g_clear_pointer (&import->no_numbers, g_hash_table_unref);
  g_clear_pointer (&import->documents, g_ptr_array_unref);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static guint
import_n_kept (Import *import)
{
  return (import->markings ? json_array_get_length (import->markings) : 0) +
         (import->stix_objects ? json_array_get_length (import->stix_objects) : 0);
}

static guint
import_n_steps (Import *import)
{
  if (import->bytes != NULL)
    return import->n_records + import->n_evidence + 1;
  return import->bundle.order->len +
         (import->evidence ? json_array_get_length (import->evidence) : 0) +
         import_n_kept (import) + 1;
}

static guint
import_n_done (Import *import)
{
  return import->next_record + import->next_evidence + import->next_kept +
         (import->wrote_info ? 1 : 0);
}

static gboolean
write_one_evidence (RsCaseStore  *store,
                    Bundle       *bundle,
                    JsonObject   *o,
                    guint         i,
                    GError      **error)
{
  static const RsTarget targets[] = {
    [KIND_ENTITY] = RS_TARGET_ENTITY,
    [KIND_RELATION] = RS_TARGET_RELATION,
    [KIND_EVENT] = RS_TARGET_EVENT,
  };
  g_autoptr(RsEvidence) draft = rs_evidence_new (0);
  Record *target = lookup (bundle, member_string (o, "target"));
  int stance = RS_STANCE_SUPPORTS;

  if (member_string (o, "stance"))
    rs_enum_from_nick (RS_TYPE_STANCE, member_string (o, "stance"), &stance);
  rs_evidence_set_quote_id (draft, lookup (bundle, member_string (o, "quote"))->db_id);
  rs_evidence_set_target (draft, targets[target->kind]);
  rs_evidence_set_target_id (draft, target->db_id);
  rs_evidence_set_stance (draft, stance);
  if (!rs_case_store_add_evidence (store, draft, error))
    return fail_write (store, error, "evidence", i);
  return TRUE;
}

/* A streamed bundle met something the cursor does not take, or a record that is
 * refused: the caller reads it again with json-glib, whose error the user sees. */
#define STREAM_GAVE_UP "bundle: read again as a whole"

static gboolean
give_up (GError **error)
{
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, STREAM_GAVE_UP);
  return FALSE;
}

/* The pages of a mapped bundle count in the process's resident size once read,
 * 57 MB or more for a million records. Pages already read are let go of as the
 * import goes: the mapping is private and never written, so the kernel drops
 * them and reads them back from the file if they are ever touched again. Only a
 * file mapped here; other bytes may be the caller's memory. */
#define RELEASE_EVERY (8 * 1024 * 1024)

static void
release_read (Import     *import,
              const char *upto,
              gboolean    now)
{
#ifdef MADV_DONTNEED
  const char *data = g_bytes_get_data (import->bytes, NULL);
  gsize page = sysconf (_SC_PAGESIZE);
  const char *from, *to;

  if (!import->mapped || data == NULL)
    return;
  if (import->released == NULL)
    import->released = data;
  if (upto <= import->released || (!now && upto - import->released < RELEASE_EVERY))
    return;
  /* The mapping starts on a page. */
  from = data + (import->released - data) / page * page;
  to = data + (upto - data) / page * page;
  if (to > from)
    madvise ((void *)from, to - from, MADV_DONTNEED);
  import->released = upto;
#endif
}

/* Streamed: checks and writes the next records and evidence links of the arrays in
 * the order the tree is written (documents first, evidence last), each record
 * read on its own and dropped once written. Every id was indexed first, so a
 * reference is checked the same way whichever array comes first in the file. */
static gboolean
stream_write (RsCaseStore  *store,
              Import       *import,
              guint        *budget,
              GError      **error)
{
  Bundle *bundle = &import->bundle;

  while (*budget > 0 && import->slot <= SLOT_EVIDENCE)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonObject *object;
      gboolean more;

      if (!import->in_array)
        {
          const char *start = import->arrays[import->slot];
          gsize size;
          const char *data = g_bytes_get_data (import->bytes, &size);

          if (start == NULL)
            {
              import->slot++;
              continue;
            }
          rs_json_cursor_init (&import->cursor, data, size);
          import->cursor.p = start;
          import->released = start;
          if (!rs_json_cursor_expect (&import->cursor, '['))
            return give_up (error);
          import->in_array = TRUE;
          import->first = TRUE;
          import->index = 0;
        }

      if (!rs_json_cursor_next (&import->cursor, ']', &import->first, &more))
        return give_up (error);
      if (!more)
        {
          import->in_array = FALSE;
          import->slot++;
          continue;
        }
      if (!(node = rs_json_cursor_read_value (&import->cursor)) || !JSON_NODE_HOLDS_OBJECT (node))
        return give_up (error);
      object = json_node_get_object (node);

      if (import->slot == SLOT_EVIDENCE)
        {
          if (!check_one_evidence (bundle, object, import->index, error) ||
              !write_one_evidence (store, bundle, object, import->index, error))
            return FALSE;
          import->next_evidence++;
        }
      else
        {
          Record *record = lookup (bundle, member_string (object, "id"));

          /* The index read the same text: anything else is a bug, not the bundle. */
          if (record == NULL || record->kind != import->slot || record->index != import->index)
            return give_up (error);
          record->object = object;
          if (!check_record (bundle, record, error))
            {
              record->object = NULL;
              return FALSE;
            }
          record->db_id = write_record (store, bundle, record,
                                        import->fresh ? member_string (object, "id") : NULL, error);
          if (record->db_id == 0)
            {
              record->object = NULL;
              return fail_write (store, error, array_names[record->kind], record->index);
            }
          if (record->kind == KIND_DOCUMENT)
            g_ptr_array_add (import->documents, g_steal_pointer (&node));
          else
            record->object = NULL;
          import->next_record++;
        }
      import->index++;
      (*budget)--;
      release_read (import, import->cursor.p, FALSE);
    }
  return TRUE;
}

/* Writes up to @budget more steps (records, evidence links, the case's title) inside
 * the caller's batch; TRUE with *done once everything is written. */
static gboolean
import_write (RsCaseStore  *store,
              Import       *import,
              guint         budget,
              gboolean     *done,
              GError      **error)
{
  Bundle *bundle = &import->bundle;
  JsonNode *case_node;

  *done = FALSE;

  if (import->bytes != NULL && !stream_write (store, import, &budget, error))
    return FALSE;

  /* A fresh case keeps the bundle's ids as record uids, so exporting it again gives
   * the same ids; added to a case that already has records, the bundle's records
   * get new uids rather than colliding with ones already there. */
  for (; import->bytes == NULL && import->next_record < bundle->order->len && budget > 0; import->next_record++, budget--)
    {
      Record *record = g_ptr_array_index (bundle->order, import->next_record);
      const char *id = member_string (record->object, "id");

      if ((record->db_id = write_record (store, bundle, record, import->fresh ? id : NULL,
                                         error)) == 0)
        return fail_write (store, error, array_names[record->kind], record->index);
    }

  for (; import->bytes == NULL && import->evidence && import->next_evidence < json_array_get_length (import->evidence) &&
         budget > 0; import->next_evidence++, budget--)
    if (!write_one_evidence (store, bundle,
                             json_array_get_object_element (import->evidence,
                                                            import->next_evidence),
                             import->next_evidence, error))
      return FALSE;

  for (; import->bytes == NULL && import->next_kept < import_n_kept (import) && budget > 0;
       import->next_kept++, budget--)
    {
      guint n_markings = import->markings ? json_array_get_length (import->markings) : 0;
      gboolean marking = import->next_kept < n_markings;
      guint i = marking ? import->next_kept : import->next_kept - n_markings;
      JsonArray *array = marking ? import->markings : import->stix_objects;

      if (!write_kept (store, json_array_get_element (array, i), marking, error))
        return fail_write (store, error, marking ? "markings" : "stix_objects", i);
    }

  if (budget == 0)
    return TRUE;

  case_node = json_object_get_member (bundle->root, "case");
  if (import->fresh && case_node && JSON_NODE_HOLDS_OBJECT (case_node))
    {
      JsonObject *o = json_node_get_object (case_node);

      if (member_string (o, "title") &&
          !rs_case_store_set_info (store, member_string (o, "title"),
                                   member_string (o, "description"), error))
        return fail_write (store, error, "case", G_MAXUINT);
      if (member_string (o, "created") &&
          !rs_case_store_set_created (store, member_string (o, "created"), error))
        return fail_write (store, error, "case", G_MAXUINT);
    }
  import->wrote_info = TRUE;
  *done = TRUE;
  return TRUE;
}

/* Where json-glib's scanner stopped: it knows only while it reports the error. */
typedef struct
{
  guint line;
  guint column;
} ParseSpot;

static void
on_parser_error_cb (JsonParser *parser,
                    gpointer    error,
                    gpointer    user_data)
{
  ParseSpot *spot = user_data;

  spot->line = json_parser_get_current_line (parser);
  spot->column = json_parser_get_current_pos (parser);
}

/* What json-glib's error code means, in words: its own message ("<data>:3:5: Parse
 * error: unexpected character `x', expected ...") is for programmers. */
static const char *
describe_parse_error (const GError *parse_error,
                      gboolean      at_end)
{
  if (parse_error != NULL && parse_error->domain == JSON_PARSER_ERROR)
    switch (parse_error->code)
      {
      case JSON_PARSER_ERROR_TRAILING_COMMA:
        return _("a comma comes right before a closing bracket");
      case JSON_PARSER_ERROR_MISSING_COMMA:
        return _("a comma is missing between two values");
      case JSON_PARSER_ERROR_MISSING_COLON:
        return _("a colon is missing after a member name");
      case JSON_PARSER_ERROR_INVALID_BAREWORD:
        return _("a word is not in quotes; only true, false and null go without");
      case JSON_PARSER_ERROR_EMPTY_MEMBER_NAME:
        return _("a member name is empty");
      case JSON_PARSER_ERROR_INVALID_DATA:
        return _("the text is not valid UTF-8");
      default:
        break;
      }
  if (at_end)
    return _("the file ends too early; it may have been cut short");
  return _("this is not JSON (a bracket, quote or comma missing or out of place?)");
}

/* Nothing but JSON white space (RFC 8259: space, tab, line feed, carriage return). */
static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return FALSE;
  return TRUE;
}

/* Streamed, the first pass: every record's id (and kind and place), the bundle's
 * head, and the positions; the records themselves are read again as they are
 * written. */
static gboolean
index_records (Import     *import,
               RecordKind  kind)
{
  Bundle *bundle = &import->bundle;
  RsJsonCursor *c = &import->cursor;
  gboolean first = TRUE, more;

  if (!rs_json_cursor_expect (c, '['))
    return FALSE;
  for (guint i = 0;; i++)
    {
      g_autofree char *id = NULL;
      gboolean first_member = TRUE;
      Record *record;

      if (!rs_json_cursor_next (c, ']', &first, &more))
        return FALSE;
      if (!more)
        return TRUE;
      if (!rs_json_cursor_expect (c, '{'))
        return FALSE;
      for (;;)
        {
          char stack[64];
          g_autofree char *heap = NULL;
          const char *key;
          char next;

          if (!rs_json_cursor_next (c, '}', &first_member, &more))
            return FALSE;
          if (!more)
            break;
          if (!(key = rs_json_cursor_read_key_in (c, stack, sizeof stack, &heap)))
            return FALSE;
          if (!g_str_equal (key, "id"))
            {
              if (!rs_json_cursor_skip_value (c))
                return FALSE;
              continue;
            }
          if (id != NULL || !rs_json_cursor_peek (c, &next) || next != '"' ||
              !(id = rs_json_cursor_read_string (c)))
            return FALSE;
        }
      /* Anything collect_records() would refuse is refused by it, with its words. */
      if (id == NULL || *id == '\0' || !check_id (id, array_names[kind], i, NULL) ||
          lookup (bundle, id) != NULL)
        return FALSE;
      record = new_record (bundle, kind, i);
      g_hash_table_insert (bundle->records, g_string_chunk_insert (bundle->ids, id), record);
      import->n_records++;
    }
}

/* Steps over an array, counting its elements (which must be objects). */
static gboolean
count_objects (RsJsonCursor *c,
               guint        *n)
{
  gboolean first = TRUE, more;
  char next;

  if (!rs_json_cursor_expect (c, '['))
    return FALSE;
  for (*n = 0;; (*n)++)
    {
      if (!rs_json_cursor_next (c, ']', &first, &more))
        return FALSE;
      if (!more)
        return TRUE;
      if (!rs_json_cursor_peek (c, &next) || next != '{' || !rs_json_cursor_skip_value (c))
        return FALSE;
    }
}

static gboolean
read_positions (Import *import)
{
  RsJsonCursor *c = &import->cursor;
  gboolean first = TRUE, more;

  if (import->arrays[SLOT_POSITIONS] == NULL)
    return TRUE;
  c->p = import->arrays[SLOT_POSITIONS];
  if (!rs_json_cursor_expect (c, '['))
    return FALSE;
  for (guint i = 0;; i++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (!rs_json_cursor_next (c, ']', &first, &more))
        return FALSE;
      if (!more)
        return TRUE;
      if (!(node = rs_json_cursor_read_value (c)) || !JSON_NODE_HOLDS_OBJECT (node) ||
          !check_one_position (&import->bundle, json_node_get_object (node), i, NULL))
        return FALSE;
    }
}

static int
slot_of (const char *member)
{
  for (int kind = KIND_DOCUMENT; kind <= KIND_LAST; kind++)
    if (g_str_equal (member, array_names[kind]))
      return kind;
  if (g_str_equal (member, "evidence"))
    return SLOT_EVIDENCE;
  if (g_str_equal (member, "positions"))
    return SLOT_POSITIONS;
  return -1;
}

/* NULL when the cursor does not take the bundle (the caller then parses it
 * whole, which says what is wrong). */
static Import *
import_index (GBytes *bytes)
{
  g_autoptr(Import) import = g_new0 (Import, 1);
  Bundle *bundle = &import->bundle;
  RsJsonCursor *c = &import->cursor;
  gboolean first = TRUE, more, seen[N_SLOTS] = { FALSE, };
  const char *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || !g_utf8_validate_len (data, size, NULL))
    return NULL;

  import->bytes = g_bytes_ref (bytes);
  import->head = json_object_new ();
  import->no_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  import->documents = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  bundle_init (bundle);
  bundle->ids = g_string_chunk_new (64 * 1024);
  bundle->root = import->head;
  bundle->numbers = import->no_numbers;

  rs_json_cursor_init (c, data, size);
  if (!rs_json_cursor_expect (c, '{'))
    return NULL;
  for (;;)
    {
      g_autofree char *key = NULL;
      int slot;
      char next;

      if (!rs_json_cursor_next (c, '}', &first, &more))
        return NULL;
      if (!more)
        break;
      if (!rs_json_cursor_read_key (c, &key))
        return NULL;

      /* What a case keeps of STIX is read whole: its objects may nest deeper than the
       * cursor goes, and there are few. */
      if (g_str_equal (key, "markings") || g_str_equal (key, "stix_objects"))
        return NULL;
      if ((slot = slot_of (key)) < 0)
        {
          JsonNode *node;

          if (!g_str_equal (key, "format") && !g_str_equal (key, "version") &&
              !g_str_equal (key, "case"))
            {
              if (!rs_json_cursor_skip_value (c))
                return NULL;
              continue;
            }
          if (json_object_has_member (import->head, key) || !(node = rs_json_cursor_read_value (c)))
            return NULL;
          json_object_set_member (import->head, key, node);
          continue;
        }

      /* An array given twice, or as anything but an array or null, is json-glib's
       * to read and the checks' to explain. */
      if (seen[slot] || !rs_json_cursor_peek (c, &next))
        return NULL;
      seen[slot] = TRUE;
      if (next == 'n')
        {
          if (!rs_json_cursor_skip_value (c))
            return NULL;
          continue;
        }
      import->arrays[slot] = c->p;
      if (slot <= KIND_LAST ? !index_records (import, slot)
                            : slot == SLOT_EVIDENCE ? !count_objects (c, &import->n_evidence)
                                                    : !rs_json_cursor_skip_value (c))
        return NULL;
    }
  if (!rs_json_cursor_at_end (c) || !check_head (bundle, NULL) || !read_positions (import))
    return NULL;
  return g_steal_pointer (&import);
}

/* The first pass of a bundle that json-glib reads whole. */
static Import *
import_parse_tree (GBytes  *bytes,
                   GError **error)
{
  g_autoptr(Import) import = g_new0 (Import, 1);
  g_autoptr(GError) parse_error = NULL;
  JsonParser *parser;
  RsBundleScan *scan = &import->scan;
  Bundle *bundle = &import->bundle;
  ParseSpot spot = { 0 };
  const char *data, *invalid;
  gsize size;
  JsonNode *root;

  parser = import->parser = json_parser_new_immutable ();

  /* An empty GBytes (an empty file, mapped) may have no data pointer at all, which
   * json-glib refuses with a critical and no GError. */
  data = g_bytes_get_data (bytes, &size);
  if (is_blank (data, size))
    return fail (error, "bundle", G_MAXUINT, _("the file is empty")), NULL;
  if (!g_utf8_validate_len (data, size, &invalid))
    {
      guint line, column;

      rs_bundle_locate (data, invalid - data, &line, &column);
      if (*invalid == '\0')
        g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                     _("bundle: line %u, column %u: the file holds a NUL byte"), line, column);
      else
        g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                     _("bundle: line %u, column %u: the file is not valid UTF-8 text"), line,
                     column);
      return NULL;
    }
  if (!rs_bundle_scan (data, size, MAX_DEPTH, scan, error))
    return NULL;
  g_signal_connect (parser, "error", G_CALLBACK (on_parser_error_cb), &spot);
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      guint end_line, end_column;
      gboolean at_end;

      if (spot.line == 0)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("bundle: %s"),
                       describe_parse_error (parse_error, FALSE));
          return NULL;
        }
      /* json-glib stops on the last character it read. At the end of a file cut
       * short that is past any trailing white space: point at the last character. */
      while (size > 1 && is_blank (data + size - 1, 1))
        size--;
      rs_bundle_locate (data, size - 1, &end_line, &end_column);
      at_end = spot.line > end_line || (spot.line == end_line && spot.column >= end_column);
      if (at_end)
        {
          spot.line = end_line;
          spot.column = end_column;
        }
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("bundle: line %u, column %u: %s"), spot.line, MAX (spot.column, 1),
                   describe_parse_error (parse_error, at_end));
      return NULL;
    }
  /* Well-formed, so the scan's paths are right: refuse what json-glib lost. */
  if (scan->problem != NULL)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, scan->problem);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, "bundle", G_MAXUINT, _("the top level must be an object")), NULL;

  bundle->root = json_node_get_object (root);
  bundle->numbers = scan->numbers;
  bundle_init (bundle);

  if (!check_bundle (bundle, error))
    return NULL;
  get_array (bundle->root, "evidence", &import->evidence, NULL);
  get_array (bundle->root, "markings", &import->markings, NULL);
  get_array (bundle->root, "stix_objects", &import->stix_objects, NULL);
  return g_steal_pointer (&import);
}

/* The first pass: touches no store, so it may run in any thread. A bundle the
 * cursor takes is streamed; any other is read whole. */
static Import *
import_parse (GBytes  *bytes,
              GError **error)
{
  Import *import = import_index (bytes);

  return import ? import : import_parse_tree (bytes, error);
}

/* A streamed import that failed for the bundle's sake: json-glib reads it again
 * and says what is wrong with the same words and places as ever. */
static gboolean
is_bundle_error (Import       *import,
                 const GError *error)
{
  return import->bytes != NULL &&
         (g_error_matches (error, RS_ERROR, RS_ERROR_INVALID_INPUT) ||
          g_error_matches (error, RS_ERROR, RS_ERROR_UNSUPPORTED_VERSION));
}

/* Where the bundle's records go: a fresh case keeps the bundle's ids. */
static void
import_set_store (Import      *import,
                  RsCaseStore *store)
{
  import->fresh = !rs_bundle_import_merges (store);
}

/* After the first pass, before the records are read again. */
static void
import_set_mapped (Import *import)
{
  if (import->bytes == NULL)
    return;
  import->mapped = TRUE;
  release_read (import, (const char *)g_bytes_get_data (import->bytes, NULL) +
                        g_bytes_get_size (import->bytes), TRUE);
}

#define BULK_MIN_STEPS 256

static gboolean
import_bytes (RsCaseStore  *store,
              GBytes       *bytes,
              gboolean      mapped,
              GError      **error)
{
  g_autoptr(Import) import = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean done;

  if (!(import = import_parse (bytes, error)))
    return FALSE;
  if (mapped)
    import_set_mapped (import);
  import_set_store (import, store);

  if (!rs_case_store_begin_batch (store, error))
    return fail_write (store, error, NULL, G_MAXUINT);
  /* Into a new case, the indices are built once, after the rows (same transaction);
   * below a few hundred rows, building them again costs more than it saves. */
  if (import->fresh && import_n_steps (import) >= BULK_MIN_STEPS &&
      !rs_case_store_defer_indices (store, NULL, error))
    {
      rs_case_store_rollback_batch (store);
      return fail_write (store, error, NULL, G_MAXUINT);
    }
  if (!import_write (store, import, G_MAXUINT, &done, &local_error))
    {
      rs_case_store_rollback_batch (store);
      if (!is_bundle_error (import, local_error))
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;

      /* Nothing was kept: read it whole, to refuse it in the usual words. */
      g_clear_pointer (&import, import_free);
      g_clear_error (&local_error);
      if (!(import = import_parse_tree (bytes, error)))
        return FALSE;
      import_set_store (import, store);
      if (!rs_case_store_begin_batch (store, error))
        return fail_write (store, error, NULL, G_MAXUINT);
      if (!import_write (store, import, G_MAXUINT, &done, error))
        {
          rs_case_store_rollback_batch (store);
          return FALSE;
        }
    }
  g_assert (done);
  /* The index goes before the records reach the case, which is when memory peaks. */
  g_clear_pointer (&import, import_free);
  if (!rs_case_store_commit_batch (store, error))
    return fail_write (store, error, NULL, G_MAXUINT);
  return TRUE;
}

gboolean
rs_bundle_import_bytes (RsCaseStore  *store,
                        GBytes       *bytes,
                        GError      **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_bytes (store, bytes, FALSE, error);
}

/* A file's bundle error says which file and that it is not a bundle, keeping where
 * and what: "Could not read “x.json”: it is not a valid case bundle (line 3, column
 * 5: a comma is missing between two values)". Errors writing the case already name
 * it and stay as they are. */
static void
name_the_file (GError     **error,
               const char  *path)
{
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  const char *located;

  if (error == NULL || *error == NULL || (*error)->domain != RS_ERROR ||
      ((*error)->code != RS_ERROR_INVALID_INPUT && (*error)->code != RS_ERROR_UNSUPPORTED_VERSION))
    return;

  name = g_filename_display_basename (path);
  located = (*error)->message;
  /* "bundle:" says "the file as a whole"; once the file is named it says nothing. */
  if (g_str_has_prefix (located, "bundle: "))
    located += strlen ("bundle: ");

  if ((*error)->code == RS_ERROR_UNSUPPORTED_VERSION)
    detail = g_strdup_printf (_("Could not read “%s”: %s"), name, located);
  else
    detail = g_strdup_printf (_("Could not read “%s”: it is not a valid case bundle (%s)"), name,
                              located);
  g_free ((*error)->message);
  (*error)->message = g_steal_pointer (&detail);
}

gboolean
rs_bundle_import_file (RsCaseStore  *store,
                       const char   *path,
                       GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return FALSE;
  bytes = g_mapped_file_get_bytes (mapped);
  if (!import_bytes (store, bytes, TRUE, error))
    {
      name_the_file (error, path);
      return FALSE;
    }
  return TRUE;
}

gboolean
rs_bundle_import_sample (RsCaseStore  *store,
                         GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  rs_core_init ();
  bytes = g_resources_lookup_data ("/org/redstring/Redstring/core/sample-case.json", 0, error);
  if (bytes == NULL)
    return FALSE;
  return rs_bundle_import_bytes (store, bytes, error);
}

/* Asynchronous import ------------------------------------------------------------------ */

/* Writing slices: about one frame's worth of work between two looks at the main loop. */
#define SLICE_STEPS 64
#define SLICE_USEC  (12 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  char                 *path;
  char                 *label;
  Import               *import;
  RsBundleProgressFunc  progress;
  gpointer              progress_data;
  GDestroyNotify        progress_notify;
  double                last_progress;
  guint                 idle_id;
  gboolean              in_change;
} AsyncImport;

static void
async_import_free (AsyncImport *op)
{
  g_assert (op->idle_id == 0);
  g_clear_pointer (&op->import, import_free);
  if (op->progress_notify != NULL)
    op->progress_notify (op->progress_data);
  g_free (op->path);
  g_free (op->label);
  g_free (op);
}

/* Never backwards, even when a refused bundle is read again. */
static void
report_progress (AsyncImport *op,
                 double       fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction < op->last_progress)
    return;
  op->last_progress = fraction;
  if (op->progress != NULL)
    op->progress (fraction, op->progress_data);
}

static void
parse_file (GTask      *task,
            const char *path,
            gboolean    whole)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Import *import;

  if (!(mapped = g_mapped_file_new (path, FALSE, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  if (!(import = whole ? import_parse_tree (bytes, &error) : import_parse (bytes, &error)))
    {
      name_the_file (&error, path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  import_set_mapped (import);
  /* json-glib's tree points into the mapped bytes no longer (it copies); a streamed
   * import holds a reference to them. */
  g_task_return_pointer (task, import, (GDestroyNotify)import_free);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  parse_file (task, task_data, FALSE);
}

static void
parse_whole_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  parse_file (task, task_data, TRUE);
}

/* Ends the import: what was written is undone on failure or cancellation. */
static void
finish_import (GTask   *task,
               GError  *error)
{
  RsCaseStore *store = g_task_get_source_object (task);
  AsyncImport *op = g_task_get_task_data (task);
  g_autoptr(GError) end_error = NULL;
  RsChange *change;

  if (error != NULL)
    {
      if (op->in_change)
        {
          rs_case_store_rollback_batch (store);
          rs_case_store_cancel_change (store);
          op->in_change = FALSE;
        }
      g_task_return_error (task, error);
      return;
    }

  if (!rs_case_store_commit_batch (store, &end_error))
    {
      rs_case_store_cancel_change (store);
      op->in_change = FALSE;
      fail_write (store, &end_error, NULL, G_MAXUINT);
      g_task_return_error (task, g_steal_pointer (&end_error));
      return;
    }
  op->in_change = FALSE;
  change = rs_case_store_end_change (store, &end_error);
  if (change == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&end_error));
      return;
    }
  report_progress (op, 1.0);
  g_task_return_pointer (task, change, g_object_unref);
}

static gboolean write_slice_cb (gpointer user_data);

static void
start_writing (GTask *task)
{
  RsCaseStore *store = g_task_get_source_object (task);
  AsyncImport *op = g_task_get_task_data (task);
  GError *error = NULL;

  import_set_store (op->import, store);
  if (!rs_case_store_begin_change (store, op->label, &error))
    {
      finish_import (task, error);
      return;
    }
  if (!rs_case_store_begin_batch (store, &error))
    {
      rs_case_store_cancel_change (store);
      fail_write (store, &error, NULL, G_MAXUINT);
      finish_import (task, error);
      return;
    }
  op->in_change = TRUE;
  op->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice_cb, g_object_ref (task),
                                 g_object_unref);
}

static void on_parsed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

/* A streamed bundle refused part way: nothing of it is kept, and json-glib reads
 * it whole in a worker, as the first pass did, to say why in the usual words. */
static void
read_again (GTask  *task,
            GError *error)
{
  RsCaseStore *store = g_task_get_source_object (task);
  AsyncImport *op = g_task_get_task_data (task);
  g_autoptr(GTask) worker = NULL;

  g_error_free (error);
  rs_case_store_rollback_batch (store);
  rs_case_store_cancel_change (store);
  op->in_change = FALSE;
  g_clear_pointer (&op->import, import_free);

  worker = g_task_new (NULL, g_task_get_cancellable (task), on_parsed_cb, g_object_ref (task));
  g_task_set_task_data (worker, g_strdup (op->path), g_free);
  g_task_run_in_thread (worker, parse_whole_thread);
}

static gboolean
write_slice_cb (gpointer user_data)
{
  GTask *task = user_data;
  RsCaseStore *store = g_task_get_source_object (task);
  AsyncImport *op = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  GError *error = NULL;
  gboolean done = FALSE;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      op->idle_id = 0;
      finish_import (task, error);
      return G_SOURCE_REMOVE;
    }

  while (!done && g_get_monotonic_time () < deadline)
    if (!import_write (store, op->import, SLICE_STEPS, &done, &error))
      {
        op->idle_id = 0;
        if (is_bundle_error (op->import, error))
          read_again (task, error);
        else
          finish_import (task, error);
        return G_SOURCE_REMOVE;
      }

  if (!done)
    {
      /* Reading was the first tenth. */
      report_progress (op, 0.1 + 0.9 * import_n_done (op->import) / import_n_steps (op->import));
      return G_SOURCE_CONTINUE;
    }

  op->idle_id = 0;
  finish_import (task, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_parsed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AsyncImport *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(op->import = g_task_propagate_pointer (G_TASK (result), &error)) ||
      g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      finish_import (task, error);
      return;
    }
  report_progress (op, 0.1);
  start_writing (task);
}

/**
 * rs_bundle_import_file_async:
 * @label: the command's name in the undo history ("Import “x.json”")
 * @progress: (nullable): called on this thread with the fraction done
 *
 * Imports a bundle file as one undoable change, reading it in a worker thread and
 * writing it a slice at a time on this thread's main context. Cancelled, failed or
 * refused, it leaves the case as it was. While it runs, other changes to the store
 * are refused as busy.
 */
void
rs_bundle_import_file_async (RsCaseStore          *store,
                             const char           *path,
                             const char           *label,
                             GCancellable         *cancellable,
                             RsBundleProgressFunc  progress,
                             gpointer              progress_data,
                             GDestroyNotify        progress_notify,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  AsyncImport *op;

  g_return_if_fail (RS_IS_CASE_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (label != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_bundle_import_file_async);
  op = g_new0 (AsyncImport, 1);
  op->path = g_strdup (path);
  op->label = g_strdup (label);
  op->progress = progress;
  op->progress_data = progress_data;
  op->progress_notify = progress_notify;
  g_task_set_task_data (task, op, (GDestroyNotify)async_import_free);
  report_progress (op, 0.0);

  /* No source object: the worker's task may be freed on the worker thread. */
  worker = g_task_new (NULL, cancellable, on_parsed_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, g_strdup (path), g_free);
  g_task_run_in_thread (worker, parse_thread);
}

/**
 * rs_bundle_import_file_finish:
 *
 * Returns: (transfer full): the import as a change (the store has announced it with
 *   "change-committed"), or %NULL with @error set
 */
RsChange *
rs_bundle_import_file_finish (RsCaseStore   *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
