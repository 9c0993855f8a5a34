/* rs-stix-import.c: STIX 2.1 bundles read, checked and matched with a case (issue 22)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-stix-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-bundle-scan.h"
#include "rs-case-store-stix.h"
#include "rs-document.h"
#include "rs-entity.h"
#include "rs-error.h"
#include "rs-relation.h"
#include "rs-stix-extension.h"
#include "rs-stix-import-private.h"

/* Reading is in two steps. rs_stix_bundle_read_bytes() parses and checks the bundle on
 * its own (any thread): every object has a type and an id, no id comes twice, every
 * type is STIX 2.1's or a custom x- one, and each object is given its Redstring record
 * (docs/stix.md has the table). rs_stix_plan_new() then matches it with a case on the
 * thread that owns it: a STIX id the case imported before names the same record;
 * otherwise an entity of the same kind whose name or alias is one of the object's
 * (Tick = BRONZE BUTLER) is merged into; within the bundle only STIX ids decide, so
 * two threat actors sharing aliases stay two. The plan counts what would happen per
 * type, and lays out the documents of the cited sources, before anything is written
 * (rs-stix-write.c). */

#define MAX_DEPTH 64

static const char * const sdo_types[] = {
  "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident",
  "indicator", "infrastructure", "intrusion-set", "location", "malware", "malware-analysis",
  "note", "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability",
};

static const char * const other_types[] = {
  "relationship", "sighting", "marking-definition", "language-content", "extension-definition",
  "bundle",
  /* Cyber-observable objects */
  "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message",
  "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process",
  "software", "url", "user-account", "windows-registry-key", "x509-certificate",
};

static gboolean
in_list (const char         *type,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (type, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_sdo (const char *type)
{
  return in_list (type, sdo_types, G_N_ELEMENTS (sdo_types));
}

const char *
_rs_stix_member_string (JsonObject *o,
                        const char *member)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *o,
              const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
member_true (JsonObject *o,
             const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static gboolean
has_string (JsonArray  *array,
            const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_ascii_strcasecmp (json_node_get_string (node), value) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
stix_object_free (StixObject *object)
{
  g_free (object->name);
  g_strfreev (object->aliases);
  g_free (object->external_id);
  g_strfreev (object->new_aliases);
  g_free (object->uid);
  g_free (object);
}

void
rs_stix_bundle_free (RsStixBundle *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self->name);
  g_free (self);
}

guint
rs_stix_bundle_get_n_objects (RsStixBundle *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->objects->len;
}

gboolean
rs_stix_bundle_is_stix_2_0 (RsStixBundle *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->stix_2_0;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      const char  *name,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, "%s: %s", name, message);
  return FALSE;
}

/* "object 17 (relationship--ba7f4c8e-…)": where in the bundle, for messages. */
static char *
where (const StixObject *object)
{
  if (object->id != NULL)
    /* TRANSLATORS: "object 17 (relationship--ba7f4c8e-860a-45fc-a9e7-bb7d0ec96a2c)"; the
     * number counts the bundle's objects from 1 */
    return g_strdup_printf (_("object %u (%s)"), object->index + 1, object->id);
  return g_strdup_printf (_("object %u"), object->index + 1);
}

/* Entities ----------------------------------------------------------------------------- */

/* The id ATT&CK (or CVE, or CAPEC) gives the object, from its external references. */
static char *
dup_catalogue_id (JsonObject *o)
{
  static const char * const catalogues[] = {
    "mitre-attack", "mitre-mobile-attack", "mitre-ics-attack", "cve", "capec",
  };
  JsonArray *refs = member_array (o, "external_references");

  for (gsize c = 0; c < G_N_ELEMENTS (catalogues); c++)
    for (guint i = 0; refs != NULL && i < json_array_get_length (refs); i++)
      {
        JsonObject *ref = json_array_get_object_element (refs, i);
        const char *source = _rs_stix_member_string (ref, "source_name");
        const char *id = _rs_stix_member_string (ref, "external_id");

        if (source != NULL && id != NULL && *id != '\0' && g_ascii_strcasecmp (source, catalogues[c]) == 0)
          return g_strdup (id);
      }
  return NULL;
}

/* aliases, x_mitre_aliases and (for a location) nothing else: without the name, once each. */
static char **
dup_aliases (JsonObject *o,
             const char *name)
{
  static const char * const members[] = { "aliases", "x_mitre_aliases" };
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);

  for (gsize m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonArray *array = member_array (o, members[m]);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          const char *alias;
          gboolean seen = FALSE;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            continue;
          alias = json_node_get_string (node);
          if (*alias == '\0' || g_utf8_collate (alias, name) == 0 || g_ascii_strcasecmp (alias, name) == 0)
            continue;
          for (guint j = 0; j < aliases->len && !seen; j++)
            seen = g_ascii_strcasecmp (g_ptr_array_index (aliases, j), alias) == 0;
          if (!seen)
            g_ptr_array_add (aliases, g_strdup (alias));
        }
    }
  g_ptr_array_add (aliases, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&aliases), FALSE);
}

/* A military unit says so in its name or aliases ("Unit 61398", "MUCD 61398"). */
static gboolean
names_a_unit (const char          *name,
              const char * const  *aliases)
{
  static const char * const cues[] = { "unit ", "military unit", "mucd", "brigade", "regiment",
                                       "battalion", "gru " };
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (gsize c = 0; c < G_N_ELEMENTS (cues); c++)
    if (strstr (folded, cues[c]) != NULL)
      return TRUE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias = g_utf8_casefold (aliases[i], -1);

      for (gsize c = 0; c < G_N_ELEMENTS (cues); c++)
        if (strstr (alias, cues[c]) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* The ids of what is attributed to an individual's identity. */
static GHashTable *
find_attributed_to_individuals (RsStixBundle *self)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->objects->len; i++)
    {
      StixObject *rel = g_ptr_array_index (self->objects, i);
      const char *source = _rs_stix_member_string (rel->o, "source_ref");
      const char *target_ref = _rs_stix_member_string (rel->o, "target_ref");
      StixObject *target = target_ref != NULL ? g_hash_table_lookup (self->by_id, target_ref) : NULL;

      if (strcmp (rel->type, "relationship") == 0 && source != NULL && target != NULL &&
          g_strcmp0 (_rs_stix_member_string (rel->o, "relationship_type"), "attributed-to") == 0 &&
          strcmp (target->type, "identity") == 0 &&
          g_strcmp0 (_rs_stix_member_string (target->o, "identity_class"), "individual") == 0)
        g_hash_table_add (ids, (gpointer)source);
    }
  return ids;
}

/* A threat actor is whatever it says it is: a person (an individual's resources, or
 * attributed to an individual's identity), a military unit (by name), an organisation
 * (one that sponsors or directs rather than acts), otherwise a threat group. */
static RsEntityKind
threat_actor_kind (GHashTable *to_individuals,
                   StixObject *actor)
{
  JsonObject *o = actor->o;
  JsonArray *roles = member_array (o, "roles");
  const char *level = _rs_stix_member_string (o, "resource_level");

  if (g_strcmp0 (level, "individual") == 0 ||
      has_string (member_array (o, "threat_actor_types"), "individual"))
    return RS_ENTITY_KIND_PERSON;

  if (g_hash_table_contains (to_individuals, actor->id))
    return RS_ENTITY_KIND_PERSON;

  if (names_a_unit (actor->name, (const char * const *)actor->aliases))
    return RS_ENTITY_KIND_UNIT;
  if ((has_string (roles, "sponsor") || has_string (roles, "director")) &&
      !has_string (roles, "agent"))
    return RS_ENTITY_KIND_ORGANIZATION;
  return RS_ENTITY_KIND_GROUP;
}

static const char *
location_name (JsonObject *o)
{
  static const char * const members[] = {
    "name", "city", "administrative_area", "country", "region", "street_address",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = _rs_stix_member_string (o, members[i]);

      if (value != NULL && *value != '\0')
        return value;
    }
  return NULL;
}

/* Which kind of entity an SDO becomes; FALSE: it does not become one. */
static gboolean
entity_kind_for (const char   *type,
                 JsonObject   *o,
                 RsEntityKind *kind)
{
  static const struct { const char *type; RsEntityKind kind; } kinds[] = {
    { "intrusion-set", RS_ENTITY_KIND_GROUP },
    { "campaign", RS_ENTITY_KIND_CAMPAIGN },
    { "location", RS_ENTITY_KIND_LOCATION },
    { "malware", RS_ENTITY_KIND_MALWARE },
    { "tool", RS_ENTITY_KIND_TOOL },
    { "attack-pattern", RS_ENTITY_KIND_TECHNIQUE },
    { "vulnerability", RS_ENTITY_KIND_VULNERABILITY },
    { "infrastructure", RS_ENTITY_KIND_INFRASTRUCTURE },
    { "threat-actor", RS_ENTITY_KIND_GROUP },  /* refined by threat_actor_kind() */
  };

  if (strcmp (type, "identity") == 0)
    {
      /* individual → person; organization, class, system, group, sector, unknown → an
       * organisation (a sector is what organisations make up). */
      *kind = g_strcmp0 (_rs_stix_member_string (o, "identity_class"), "individual") == 0
              ? RS_ENTITY_KIND_PERSON : RS_ENTITY_KIND_ORGANIZATION;
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (type, kinds[i].type) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* Reading -------------------------------------------------------------------------------- */

static gboolean
valid_type_name (const char *type)
{
  gsize len = strlen (type);

  if (len < 3 || len > 250)
    return FALSE;
  for (const char *p = type; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return g_ascii_isalpha (type[0]) || g_ascii_isdigit (type[0]);
}

/* "type--uuid": the part before "--" is the type. */
static gboolean
valid_id (const char *id,
          const char *type)
{
  gsize len = strlen (type);

  return strncmp (id, type, len) == 0 && strncmp (id + len, "--", 2) == 0 && id[len + 2] != '\0' &&
         strlen (id) <= 300 && g_utf8_validate (id, -1, NULL);
}

/* Identities that only say who wrote the others (created_by_ref, as The MITRE
 * Corporation in every ATT&CK object) are not what the bundle is about: they are kept,
 * and name the publisher of the documents, but do not go on the board. */
static GHashTable *
find_authors_only (RsStixBundle *self)
{
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) others = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (self->objects, i);
      GList *members = json_object_get_members (object->o);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *member = l->data;
          JsonNode *node = json_object_get_member (object->o, member);
          gboolean is_author = strcmp (member, "created_by_ref") == 0 ||
                               g_str_has_suffix (member, "modified_by_ref");

          if (g_str_has_suffix (member, "_ref") && JSON_NODE_HOLDS_VALUE (node) &&
              json_node_get_value_type (node) == G_TYPE_STRING)
            g_hash_table_add (is_author ? authors : others, (gpointer)json_node_get_string (node));
          else if (g_str_has_suffix (member, "_refs") && JSON_NODE_HOLDS_ARRAY (node))
            {
              JsonArray *array = json_node_get_array (node);

              for (guint j = 0; j < json_array_get_length (array); j++)
                {
                  JsonNode *element = json_array_get_element (array, j);

                  if (JSON_NODE_HOLDS_VALUE (element) &&
                      json_node_get_value_type (element) == G_TYPE_STRING)
                    g_hash_table_add (others, (gpointer)json_node_get_string (element));
                }
            }
        }
      g_list_free (members);
    }

  g_hash_table_iter_init (&iter, authors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (others, key))
      g_hash_table_iter_remove (&iter);
  return g_steal_pointer (&authors);
}

static gboolean
read_object (RsStixBundle  *self,
             StixObject    *object,
             GError       **error)
{
  g_autofree char *at = where (object);
  const char *spec = _rs_stix_member_string (object->o, "spec_version");

  if (spec != NULL && strcmp (spec, "2.1") != 0 && strcmp (spec, "2.0") != 0)
    return fail (error, self->name, _("%s: STIX %s is not a version Redstring reads (2.1, or 2.0)"),
                 at, spec);
  if (spec != NULL && strcmp (spec, "2.0") == 0)
    self->stix_2_0 = TRUE;

  /* 2.0 embedded cyber observables in observed-data; 2.1 made them objects of their own. */
  if (strcmp (object->type, "observed-data") == 0 && json_object_has_member (object->o, "objects"))
    return fail (error, self->name,
                 _("%s: observed data with embedded observables is STIX 2.0, which 2.1 replaced "
                   "with objects of their own; convert the bundle to STIX 2.1"), at);

  object->skipped = member_true (object->o, "revoked") ||
                    member_true (object->o, "x_mitre_deprecated");

  if (strcmp (object->type, "relationship") == 0)
    {
      const char *fields[] = { "relationship_type", "source_ref", "target_ref" };

      for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
        if (_rs_stix_member_string (object->o, fields[i]) == NULL ||
            *_rs_stix_member_string (object->o, fields[i]) == '\0')
          return fail (error, self->name, _("%s: a relationship without its %s"), at, fields[i]);
      object->mapping = STIX_MAP_RELATION;
    }
  else if (strcmp (object->type, "sighting") == 0)
    {
      if (_rs_stix_member_string (object->o, "sighting_of_ref") == NULL)
        return fail (error, self->name, _("%s: a sighting without its sighting_of_ref"), at);
      object->mapping = STIX_MAP_EVENT;
    }
  else if (strcmp (object->type, "marking-definition") == 0)
    object->mapping = STIX_MAP_MARKING;
  else if (strcmp (object->type, "report") == 0)
    object->mapping = STIX_MAP_DOCUMENT;
  else if (is_sdo (object->type) && entity_kind_for (object->type, object->o, &object->kind))
    {
      const char *name = strcmp (object->type, "location") == 0
                         ? location_name (object->o)
                         : _rs_stix_member_string (object->o, "name");

      object->external_id = dup_catalogue_id (object->o);
      if (name == NULL || *name == '\0')
        name = object->external_id != NULL ? object->external_id : object->id;
      object->name = g_strdup (name);
      object->aliases = dup_aliases (object->o, name);
      object->mapping = STIX_MAP_ENTITY;
    }
  else
    object->mapping = STIX_MAP_RAW;

  return TRUE;
}

RsStixBundle *
rs_stix_bundle_read_bytes (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(RsStixBundle) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) authors = NULL;
  g_autoptr(GHashTable) to_individuals = NULL;
  g_auto(RsBundleScan) scan = { 0 };
  const char *data, *invalid;
  JsonObject *root;
  JsonArray *objects;
  JsonNode *objects_node;
  const char *type, *spec;
  gsize size;
  guint n_sdo = 0, n_without_spec = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = _("STIX bundle");
  data = g_bytes_get_data (bytes, &size);

  if (size > RS_STIX_MAX_BYTES)
    /* %u, not G_GSIZE_FORMAT: xgettext cuts a msgid at a macro. */
    return fail (error, name, _("%u MB is more than Redstring imports at once "
                                "(%d MB); split the bundle"),
                 (guint) (size / (1024 * 1024)), RS_STIX_MAX_BYTES / (1024 * 1024)), NULL;
  if (size == 0)
    return fail (error, name, _("the file is empty")), NULL;
  if (!g_utf8_validate_len (data, size, &invalid))
    {
      guint line, column;

      rs_bundle_locate (data, invalid - data, &line, &column);
      return fail (error, name, _("line %u, column %u: not JSON (the file is not UTF-8 text)"),
                   line, column), NULL;
    }
  if (!rs_bundle_scan (data, size, MAX_DEPTH, &scan, error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    return fail (error, name, _("not JSON: %s"), parse_error->message), NULL;
  /* Well-formed: refuse what json-glib would have lost (a NUL, half a surrogate pair,
   * an integer past 64 bits), where the scan found it. */
  if (scan.problem != NULL)
    return fail (error, name, "%s", scan.problem), NULL;

  self = g_new0 (RsStixBundle, 1);
  self->name = g_strdup (name);
  self->root = json_parser_steal_root (parser);
  self->objects = g_ptr_array_new_with_free_func ((GDestroyNotify)stix_object_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->root == NULL || !JSON_NODE_HOLDS_OBJECT (self->root))
    return fail (error, name, _("not a STIX bundle: the file is JSON but not an object")), NULL;
  root = json_node_get_object (self->root);
  type = _rs_stix_member_string (root, "type");
  if (g_strcmp0 (type, "bundle") != 0)
    return fail (error, name, type != NULL
                 ? _("not a STIX bundle: its type is “%s”, not “bundle”")
                 : _("not a STIX bundle: it has no “type”: “bundle”"),
                 type), NULL;
  spec = _rs_stix_member_string (root, "spec_version");
  if (spec != NULL && strcmp (spec, "2.0") == 0)
    self->stix_2_0 = TRUE;
  else if (spec != NULL)
    return fail (error, name, _("STIX %s is not a version Redstring reads (2.1, or 2.0)"), spec),
           NULL;

  objects_node = json_object_get_member (root, "objects");
  if (objects_node == NULL)
    return fail (error, name, _("the bundle has no objects")), NULL;
  if (!JSON_NODE_HOLDS_ARRAY (objects_node))
    return fail (error, name, _("the bundle’s “objects” is not a list")), NULL;
  objects = json_node_get_array (objects_node);
  if (json_array_get_length (objects) > RS_STIX_MAX_OBJECTS)
    return fail (error, name, _("%u objects are more than Redstring imports at once (%d); split "
                                "the bundle"), json_array_get_length (objects),
                 RS_STIX_MAX_OBJECTS), NULL;

  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonNode *node = json_array_get_element (objects, i);
      StixObject *object = g_new0 (StixObject, 1), *other;
      g_autofree char *at = NULL;

      object->index = i;
      g_ptr_array_add (self->objects, object);
      at = where (object);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, name, _("%s is not a JSON object"), at), NULL;
      object->o = json_node_get_object (node);
      object->type = _rs_stix_member_string (object->o, "type");
      object->id = _rs_stix_member_string (object->o, "id");
      if (object->type == NULL)
        return fail (error, name, _("%s has no type"), at), NULL;
      if (object->id == NULL)
        return fail (error, name, _("%s (a %s) has no id"), at, object->type), NULL;
      g_clear_pointer (&at, g_free);
      at = where (object);
      if (!valid_type_name (object->type))
        return fail (error, name, _("%s: “%s” is not a STIX type name"), at, object->type), NULL;
      if (!valid_id (object->id, object->type))
        return fail (error, name, _("%s: its id does not start with its type “%s--”"), at,
                     object->type), NULL;
      if (!is_sdo (object->type) && !in_list (object->type, other_types, G_N_ELEMENTS (other_types)) &&
          !g_str_has_prefix (object->type, "x-"))
        return fail (error, name, _("%s: “%s” is not a STIX 2.1 type (custom types start with "
                                    "“x-”)"), at, object->type), NULL;
      if (strcmp (object->type, "bundle") == 0)
        return fail (error, name, _("%s: a bundle inside the bundle"), at), NULL;
      if ((other = g_hash_table_lookup (self->by_id, object->id)) != NULL)
        return fail (error, name, _("%s: the same id as object %u (Redstring reads one version of "
                                    "each object)"), at, other->index + 1), NULL;
      g_hash_table_insert (self->by_id, (gpointer)object->id, object);

      if (is_sdo (object->type) || strcmp (object->type, "relationship") == 0 ||
          strcmp (object->type, "sighting") == 0)
        {
          n_sdo++;
          if (!json_object_has_member (object->o, "spec_version"))
            n_without_spec++;
        }
    }
  /* STIX 2.1 requires spec_version on every domain and relationship object; 2.0 had it
   * on the bundle only. */
  if (n_sdo > 0 && n_without_spec == n_sdo)
    self->stix_2_0 = TRUE;

  for (guint i = 0; i < self->objects->len; i++)
    if (!read_object (self, g_ptr_array_index (self->objects, i), error))
      return NULL;

  /* Kinds that depend on other objects, now that they are all read. */
  authors = find_authors_only (self);
  to_individuals = find_attributed_to_individuals (self);
  for (guint i = 0; i < self->objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (self->objects, i);

      if (object->mapping != STIX_MAP_ENTITY)
        continue;
      if (strcmp (object->type, "threat-actor") == 0)
        object->kind = threat_actor_kind (to_individuals, object);
      else if (strcmp (object->type, "identity") == 0 && g_hash_table_contains (authors, object->id))
        object->mapping = STIX_MAP_RAW;
    }
  /* A bundle Redstring exported says more of its own objects. */
  _rs_stix_extension_classify (self);

  return g_steal_pointer (&self);
}

RsStixBundle *
rs_stix_bundle_read_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  name = g_filename_display_basename (path);
  return rs_stix_bundle_read_bytes (bytes, name, error);
}

gboolean
rs_stix_sniff (const char *data,
               gsize       length)
{
  g_autoptr(GRegex) regex = NULL;
  gsize i = 0;

  if (data == NULL)
    return FALSE;
  /* Past a byte-order mark and white space, an object... */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i >= length || data[i] != '{')
    return FALSE;
  /* ...that says "type": "bundle" somewhere in its first kilobytes (STIX producers write
   * it first or after the id; a Redstring bundle has "format" instead). */
  regex = g_regex_new ("\"type\"\\s*:\\s*\"bundle\"", G_REGEX_RAW, 0, NULL);
  return g_regex_match_full (regex, data, MIN (length, 64 * 1024), 0, 0, NULL, NULL);
}

gboolean
rs_stix_sniff_file (const char *path)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *buffer = NULL;
  gsize n_read = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  if (!(stream = g_file_read (file, NULL, NULL)))
    return FALSE;
  buffer = g_malloc (16 * 1024);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, 16 * 1024, &n_read, NULL, NULL))
    return FALSE;
  return rs_stix_sniff (buffer, n_read);
}

/* The plan ----------------------------------------------------------------------------- */

static void
stix_source_free (StixSource *source)
{
  g_free (source->title);
  g_free (source->url);
  g_free (source->citation);
  if (source->text != NULL)
    g_string_free (source->text, TRUE);
  g_free (source);
}

void
rs_stix_plan_free (RsStixPlan *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bundle, rs_stix_bundle_free);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->quotes, g_array_unref);
  g_clear_pointer (&self->markings, g_ptr_array_unref);
  g_clear_pointer (&self->tlp_markings, g_ptr_array_unref);
  g_free (self);
}

static void
count (RsStixPlan    *self,
       const char    *type,
       RsStixOutcome  outcome)
{
  StixCounts *counts = g_hash_table_lookup (self->counts, type);

  if (counts == NULL)
    {
      counts = g_new0 (StixCounts, 1);
      g_hash_table_insert (self->counts, g_strdup (type), counts);
      g_ptr_array_add (self->types, g_strdup (type));
    }
  counts->counts[outcome]++;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_utf8_collate (fa, fb) == 0;
}

/* 2 when the entity's name is the object's, 1 for an alias either way, 0 otherwise. */
static int
name_match (RsEntity   *entity,
            StixObject *object)
{
  const char * const *aliases = rs_entity_get_aliases (entity);

  if (same_name (rs_entity_get_name (entity), object->name))
    return 2;
  for (guint i = 0; object->aliases[i] != NULL; i++)
    if (same_name (rs_entity_get_name (entity), object->aliases[i]))
      return 1;
  for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
    {
      if (same_name (aliases[j], object->name))
        return 1;
      for (guint i = 0; object->aliases[i] != NULL; i++)
        if (same_name (aliases[j], object->aliases[i]))
          return 1;
    }
  return 0;
}

/* The entity's aliases with the object's name and aliases it lacks; NULL: none lacking. */
static char **
dup_merged_aliases (RsEntity   *entity,
                    StixObject *object)
{
  const char * const *aliases = rs_entity_get_aliases (entity);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  guint n_before;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (aliases[i]));
  n_before = all->len;

  for (guint i = 0; i <= g_strv_length (object->aliases); i++)
    {
      const char *candidate = i == 0 ? object->name : object->aliases[i - 1];
      gboolean known = same_name (candidate, rs_entity_get_name (entity));

      for (guint j = 0; j < all->len && !known; j++)
        known = same_name (candidate, g_ptr_array_index (all, j));
      if (!known)
        g_ptr_array_add (all, g_strdup (candidate));
    }
  if (all->len == n_before)
    return NULL;
  g_ptr_array_add (all, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&all), FALSE);
}

static char *
name_key (RsEntityKind  kind,
          const char   *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_strdup_printf ("%d\n%s", kind, folded);
}

/* kind and folded name or alias → the case's entities so called (borrowed). */
static GHashTable *
index_names (RsCase *kase)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_ptr_array_unref);
  GListModel *entities = rs_case_get_entities (kase);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = rs_entity_get_aliases (entity);

      for (int a = -1; a < 0 || (aliases != NULL && aliases[a] != NULL); a++)
        {
          char *key = name_key (rs_entity_get_kind (entity), a < 0 ? rs_entity_get_name (entity) : aliases[a]);
          GPtrArray *list = g_hash_table_lookup (index, key);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (index, key, list);
            }
          else
            g_free (key);
          if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != entity)
            g_ptr_array_add (list, entity);
        }
    }
  return index;
}

/* The case's entity of the object's kind that has one of its names, the same name
 * first; each entity the case had before the import takes one object of the bundle. */
static RsEntity *
find_entity_by_name (GHashTable *index,
                     StixObject *object,
                     GHashTable *claimed)
{
  RsEntity *best = NULL;
  int best_score = 0;

  for (int a = -1; a < 0 || object->aliases[a] != NULL; a++)
    {
      g_autofree char *key = name_key (object->kind, a < 0 ? object->name : object->aliases[a]);
      GPtrArray *list = g_hash_table_lookup (index, key);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          RsEntity *entity = g_ptr_array_index (list, i);
          int score;

          if (g_hash_table_contains (claimed, GINT_TO_POINTER (rs_entity_get_id (entity))))
            continue;
          if ((score = name_match (entity, object)) > best_score)
            {
              best = entity;
              best_score = score;
            }
        }
    }
  return best;
}

/* A relation's end: the object in the bundle, or the record of the case it names. */
static gboolean
resolve_end (RsStixPlan   *self,
             RsCaseStore  *store,
             StixObject   *relation,
             const char   *member,
             StixObject  **object,
             gint64       *case_id,
             GError      **error)
{
  const char *ref = _rs_stix_member_string (relation->o, member);
  RsTarget target;
  g_autofree char *at = NULL;

  *object = g_hash_table_lookup (self->bundle->by_id, ref);
  *case_id = 0;
  if (*object != NULL)
    return TRUE;
  if (rs_case_store_lookup_stix_id (store, ref, &target, case_id) && target == RS_TARGET_ENTITY)
    return TRUE;
  if (rs_case_store_has_stix_object (store, ref))
    return TRUE;
  at = where (relation);
  return fail (error, self->bundle->name, _("%s: its %s “%s” is neither in the bundle nor in the "
                                            "case"), at, member, ref);
}

static gboolean
is_entity_end (StixObject *end,
               gint64      case_id)
{
  return end != NULL ? end->mapping == STIX_MAP_ENTITY : case_id > 0;
}

static glong
find_chars (const char *haystack,
            const char *needle)
{
  const char *found = strstr (haystack, needle);

  return found != NULL ? g_utf8_pointer_to_offset (haystack, found) : -1;
}

/* The sources a relation cites: its external references with a description or a URL
 * that are not a catalogue's entry. */
static void
plan_quotes (RsStixPlan *self,
             RsCase     *kase,
             GHashTable *sources,
             StixObject *relation)
{
  const char *description = _rs_stix_member_string (relation->o, "description");
  JsonArray *refs = member_array (relation->o, "external_references");

  if (description == NULL || *description == '\0' || refs == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      JsonObject *ref = json_array_get_object_element (refs, i);
      const char *source_name = _rs_stix_member_string (ref, "source_name");
      const char *url = _rs_stix_member_string (ref, "url");
      const char *citation = _rs_stix_member_string (ref, "description");
      g_autofree char *key = NULL;
      StixSource *source;
      StixQuote quote = { relation, NULL, 0, 0 };
      gboolean check_existing = TRUE;
      glong at;

      if (ref == NULL || source_name == NULL || *source_name == '\0' ||
          _rs_stix_member_string (ref, "external_id") != NULL || (url == NULL && citation == NULL))
        continue;
      key = g_strdup_printf ("%s\n%s", source_name, url != NULL ? url : "");
      source = g_hash_table_lookup (sources, key);
      /* A document imported before that lacks this sentence is not written to: the
       * sentences it lacks go to a new document of the same source. */
      if (source != NULL && source->existing && find_chars (source->text->str, description) < 0)
        {
          g_autofree char *fresh_key = g_strconcat (key, "\n+", NULL);

          g_free (key);
          key = g_steal_pointer (&fresh_key);
          source = g_hash_table_lookup (sources, key);
          check_existing = FALSE;
        }
      if (source == NULL)
        {
          GListModel *documents = rs_case_get_documents (kase);

          source = g_new0 (StixSource, 1);
          source->title = g_strdup (source_name);
          source->url = g_strdup (url);
          source->citation = g_strdup (citation);
          g_ptr_array_add (self->sources, source);
          g_hash_table_insert (sources, g_steal_pointer (&key), source);

          /* A source imported before: its document, if it holds the sentence. */
          for (guint d = 0; check_existing && d < g_list_model_get_n_items (documents); d++)
            {
              g_autoptr(RsDocument) document = g_list_model_get_item (documents, d);

              if (g_strcmp0 (rs_document_get_title (document), source_name) == 0 &&
                  g_strcmp0 (rs_document_get_url (document), url) == 0 &&
                  find_chars (rs_document_get_text (document), description) >= 0)
                {
                  source->existing = TRUE;
                  source->db_id = rs_document_get_id (document);
                  source->text = g_string_new (rs_document_get_text (document));
                  break;
                }
            }
          if (!source->existing)
            {
              source->text = g_string_new (citation != NULL ? citation : source_name);
              if (url != NULL)
                g_string_append_printf (source->text, "\n%s", url);
              g_string_append (source->text, "\n\n");
            }
          source->n_chars = g_utf8_strlen (source->text->str, source->text->len);
        }

      quote.source = source;
      /* A source the relationship cites twice gives one quote (its quotes are the
       * last ones). */
      for (guint q = self->quotes->len; q > 0; q--)
        {
          StixQuote *other = &g_array_index (self->quotes, StixQuote, q - 1);

          if (other->relation != relation)
            break;
          if (other->source == source)
            quote.source = NULL;
        }
      if (quote.source == NULL)
        continue;
      if ((at = find_chars (source->text->str, description)) < 0)
        {
          if (source->text->len > 0 && !g_str_has_suffix (source->text->str, "\n\n"))
            {
              g_string_append (source->text, "\n\n");
              source->n_chars += 2;
            }
          at = source->n_chars;
          g_string_append (source->text, description);
          source->n_chars += g_utf8_strlen (description, -1);
        }
      quote.start = at;
      quote.end = at + g_utf8_strlen (description, -1);
      g_array_append_val (self->quotes, quote);
    }
}

/* "TLP:GREEN", a copyright statement, or at least the id. */
static char *
dup_marking_name (JsonObject *o)
{
  const char *name = _rs_stix_member_string (o, "name");
  JsonNode *definition = json_object_get_member (o, "definition");

  if (name != NULL && *name != '\0')
    return g_strdup (name);
  if (definition != NULL && JSON_NODE_HOLDS_OBJECT (definition))
    {
      JsonObject *d = json_node_get_object (definition);

      if ((name = _rs_stix_member_string (d, "statement")) != NULL && *name != '\0')
        return g_strdup (name);
      if ((name = _rs_stix_member_string (d, "tlp")) != NULL && *name != '\0')
        {
          g_autofree char *upper = g_utf8_strup (name, -1);

          return g_strconcat ("TLP:", upper, NULL);
        }
    }
  return g_strdup (_rs_stix_member_string (o, "id"));
}

/* STIX 2.1's four TLP marking definitions, which bundles refer to without holding. */
static const struct
{
  const char *id;
  const char *tlp;
} tlp_markings[] = {
  { "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "white" },
  { "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green" },
  { "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber" },
  { "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red" },
};

static void
note_reference (RsStixPlan  *self,
                RsCaseStore *store,
                GHashTable  *seen,
                const char  *ref)
{
  if (g_hash_table_contains (self->bundle->by_id, ref) || g_hash_table_contains (seen, ref))
    return;
  g_hash_table_add (seen, (gpointer)ref);

  for (gsize i = 0; i < G_N_ELEMENTS (tlp_markings); i++)
    if (g_str_equal (ref, tlp_markings[i].id))
      {
        RsStixObject *marking;
        g_autofree char *upper = NULL;

        if (rs_case_store_has_stix_object (store, ref))
          return;
        upper = g_ascii_strup (tlp_markings[i].tlp, -1);
        marking = g_new0 (RsStixObject, 1);
        marking->stix_id = g_strdup (ref);
        marking->type = g_strdup ("marking-definition");
        marking->name = g_strconcat ("TLP:", upper, NULL);
        marking->definition_type = g_strdup ("tlp");
        marking->definition = g_strdup_printf ("{\"tlp\":\"%s\"}", tlp_markings[i].tlp);
        marking->object = g_strdup_printf ("{\"type\":\"marking-definition\",\"spec_version\":\"2.1\","
                                           "\"id\":\"%s\",\"created\":\"2017-01-20T00:00:00.000Z\","
                                           "\"definition_type\":\"tlp\",\"name\":\"%s\","
                                           "\"definition\":{\"tlp\":\"%s\"}}",
                                           ref, marking->name, tlp_markings[i].tlp);
        g_ptr_array_add (self->tlp_markings, marking);
        g_ptr_array_add (self->markings, g_strdup (marking->name));
        return;
      }
  if (!rs_case_store_lookup_stix_id (store, ref, NULL, NULL) && !rs_case_store_has_stix_object (store, ref))
    self->n_unresolved++;
}

/* The references the import does not need resolved (who made an object, its markings,
 * what a report is about): standard TLP markings are kept as STIX defines them; the
 * others are counted for the summary. */
static void
find_unresolved (RsStixPlan  *self,
                 RsCaseStore *store)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->bundle->objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (self->bundle->objects, i);
      GList *members;

      if (object->skipped)
        continue;
      members = json_object_get_members (object->o);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *member = l->data;
          JsonNode *node = json_object_get_member (object->o, member);

          if (g_str_equal (member, "source_ref") || g_str_equal (member, "target_ref") ||
              g_str_equal (member, "sighting_of_ref"))
            continue;
          if (g_str_has_suffix (member, "_ref") && JSON_NODE_HOLDS_VALUE (node) &&
              json_node_get_value_type (node) == G_TYPE_STRING)
            note_reference (self, store, seen, json_node_get_string (node));
          else if (g_str_has_suffix (member, "_refs") && JSON_NODE_HOLDS_ARRAY (node))
            {
              JsonArray *array = json_node_get_array (node);

              for (guint j = 0; j < json_array_get_length (array); j++)
                {
                  JsonNode *element = json_array_get_element (array, j);

                  if (JSON_NODE_HOLDS_VALUE (element) &&
                      json_node_get_value_type (element) == G_TYPE_STRING)
                    note_reference (self, store, seen, json_node_get_string (element));
                }
            }
        }
      g_list_free (members);
    }
}

RsStixPlan *
rs_stix_plan_new (RsStixBundle  *bundle,
                  RsCaseStore   *store,
                  GError       **error)
{
  g_autoptr(RsStixPlan) self = NULL;
  g_autoptr(GHashTable) claimed = NULL;
  g_autoptr(GHashTable) sources = NULL;
  g_autoptr(GHashTable) names = NULL;
  RsCase *kase;

  g_return_val_if_fail (bundle != NULL, NULL);
  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (RsStixPlan, 1);
  self->bundle = bundle;
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->types = g_ptr_array_new_with_free_func (g_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)stix_source_free);
  self->quotes = g_array_new (FALSE, FALSE, sizeof (StixQuote));
  self->markings = g_ptr_array_new_with_free_func (g_free);
  self->tlp_markings = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_stix_object_free);
  kase = rs_case_store_get_case (store);
  claimed = g_hash_table_new (NULL, NULL);
  sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names = index_names (kase);

  /* Relations first find their ends, so that one to a skipped object is skipped too. */
  for (guint i = 0; i < bundle->objects->len; i++)
    {
      StixObject *object = g_ptr_array_index (bundle->objects, i);

      if (object->mapping == STIX_MAP_RELATION &&
          (!resolve_end (self, store, object, "source_ref", &object->source, &object->source_case_id, error) ||
           !resolve_end (self, store, object, "target_ref", &object->target, &object->target_case_id, error)))
        return NULL;
      if (object->mapping == STIX_MAP_EVENT &&
          !resolve_end (self, store, object, "sighting_of_ref", &object->source, &object->source_case_id,
                        error))
        return NULL;
      if (object->mapping == STIX_MAP_RELATION && !object->skipped &&
          ((object->source != NULL && object->source->skipped) ||
           (object->target != NULL && object->target->skipped)))
        object->skipped = TRUE;
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < bundle->objects->len; i++)
      {
        StixObject *object = g_ptr_array_index (bundle->objects, i);
        RsTarget target;
        gint64 id;

        /* Entities, then what refers to them. */
        if ((pass == 0) != (object->mapping == STIX_MAP_ENTITY))
          continue;

        if (object->skipped)
          object->outcome = RS_STIX_SKIPPED;
        else if (object->mapping == STIX_MAP_RAW || object->mapping == STIX_MAP_MARKING)
          {
            object->outcome = RS_STIX_UNMAPPED;
            if (object->mapping == STIX_MAP_MARKING)
              g_ptr_array_add (self->markings, dup_marking_name (object->o));
          }
        else if (rs_case_store_lookup_stix_id (store, object->id, &target, &id))
          {
            object->outcome = RS_STIX_EXISTING;
            object->db_id = id;
            if (object->mapping == STIX_MAP_ENTITY)
              g_hash_table_add (claimed, GINT_TO_POINTER (id));
          }
        else if (object->mapping == STIX_MAP_ENTITY)
          {
            RsEntity *entity = find_entity_by_name (names, object, claimed);

            object->outcome = entity != NULL ? RS_STIX_MERGED : RS_STIX_ADDED;
            if (entity != NULL)
              {
                object->db_id = rs_entity_get_id (entity);
                object->new_aliases = dup_merged_aliases (entity, object);
                g_hash_table_add (claimed, GINT_TO_POINTER (object->db_id));
              }
          }
        else if (object->mapping == STIX_MAP_RELATION &&
                 (!is_entity_end (object->source, object->source_case_id) ||
                  !is_entity_end (object->target, object->target_case_id)))
          /* indicates, from an indicator: no entity at one end */
          object->outcome = RS_STIX_UNMAPPED;
        else if (object->mapping == STIX_MAP_RELATION)
          {
            gint64 source = object->source != NULL ? object->source->db_id : object->source_case_id;
            gint64 target_id = object->target != NULL ? object->target->db_id : object->target_case_id;
            g_autofree char *label = g_strdelimit (g_strdup (_rs_stix_member_string (object->o,
                                                                                     "relationship_type")),
                                                   "-", ' ');

            object->outcome = RS_STIX_ADDED;
            /* Both ends were in the case: the case may say the same already. */
            if (source > 0 && target_id > 0)
              {
                g_autoptr(GPtrArray) relations = rs_case_dup_relations_of (kase, source);

                for (guint r = 0; r < relations->len; r++)
                  {
                    RsRelation *relation = g_ptr_array_index (relations, r);

                    if (rs_relation_get_source_id (relation) == source &&
                        rs_relation_get_target_id (relation) == target_id &&
                        g_ascii_strcasecmp (rs_relation_get_label (relation), label) == 0)
                      {
                        object->outcome = RS_STIX_MERGED;
                        object->db_id = rs_relation_get_id (relation);
                        break;
                      }
                  }
              }
            /* Redstring's own bundle brings its quotes in its reports. */
            if (!_rs_stix_extension_is_redstring (bundle))
              plan_quotes (self, kase, sources, object);
          }
        else
          object->outcome = RS_STIX_ADDED;

        count (self, object->type, object->outcome);
        if (object->mapping == STIX_MAP_DOCUMENT && object->outcome == RS_STIX_ADDED)
          self->n_reports++;
      }

  find_unresolved (self, store);
  g_ptr_array_add (self->markings, NULL);
  return g_steal_pointer (&self);
}

guint
rs_stix_plan_get_count (RsStixPlan    *self,
                        const char    *type,
                        RsStixOutcome  outcome)
{
  StixCounts *counts;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (outcome < RS_STIX_N_OUTCOMES, 0);

  counts = g_hash_table_lookup (self->counts, type);
  return counts != NULL ? counts->counts[outcome] : 0;
}

guint
rs_stix_plan_get_total (RsStixPlan    *self,
                        RsStixOutcome  outcome)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->types->len; i++)
    total += rs_stix_plan_get_count (self, g_ptr_array_index (self->types, i), outcome);
  return total;
}

guint
rs_stix_plan_get_n_documents (RsStixPlan *self)
{
  guint n = self->n_reports;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->sources->len; i++)
    n += !((StixSource *)g_ptr_array_index (self->sources, i))->existing;
  return n;
}

guint
rs_stix_plan_get_n_quotes (RsStixPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->quotes->len;
}

const char * const *
rs_stix_plan_get_markings (RsStixPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *)self->markings->pdata;
}

char *
rs_stix_plan_dup_summary (RsStixPlan *self)
{
  static const char *words[RS_STIX_N_OUTCOMES];
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);

  /* TRANSLATORS: counts in the STIX import summary: "malware: 7 added, 1 merged" */
  words[RS_STIX_ADDED] = _("added");
  words[RS_STIX_MERGED] = _("merged");
  words[RS_STIX_EXISTING] = _("already in the case");
  words[RS_STIX_SKIPPED] = _("skipped (revoked or deprecated)");
  words[RS_STIX_UNMAPPED] = _("kept, not on the board");

  s = g_string_new (NULL);
  g_string_append_printf (s, _("%s: %u STIX objects"), self->bundle->name, self->bundle->objects->len);
  if (self->bundle->stix_2_0)
    g_string_append (s, _(" (STIX 2.0, read as 2.1: the difference is only spec_version for "
                          "what Redstring reads)"));
  g_string_append_c (s, '\n');

  for (guint i = 0; i < self->types->len; i++)
    {
      const char *type = g_ptr_array_index (self->types, i);
      gboolean first = TRUE;

      g_string_append_printf (s, "  %s:", type);
      for (int o = 0; o < RS_STIX_N_OUTCOMES; o++)
        {
          guint n = rs_stix_plan_get_count (self, type, o);

          if (n == 0)
            continue;
          g_string_append_printf (s, "%s %u %s", first ? "" : ",", n, words[o]);
          first = FALSE;
        }
      g_string_append_c (s, '\n');
    }
  g_string_append_printf (s, _("Documents: %u new (reports and the sources the relationships "
                               "cite); quotes: %u\n"),
                          rs_stix_plan_get_n_documents (self), rs_stix_plan_get_n_quotes (self));
  for (guint i = 0; i + 1 < self->markings->len; i++)
    g_string_append_printf (s, _("Marking: %s\n"), (const char *)g_ptr_array_index (self->markings, i));
  if (self->n_unresolved > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "%u reference (an author, a marking, a report’s object) "
                                            "is to an object neither in the bundle nor in the case\n",
                                            "%u references (authors, markings, reports’ objects) are "
                                            "to objects neither in the bundle nor in the case\n",
                                            self->n_unresolved),
                            self->n_unresolved);
  return g_string_free (s, FALSE);
}
