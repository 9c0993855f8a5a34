/* rs-exchange-merge.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rs-case-store-stix.h"
#include "rs-error.h"
#include "rs-exchange-private.h"

/* Matching their records to mine. A record that shares a uid with one of mine is
 * the same record; otherwise documents match by SHA-256, entities by kind and
 * case-folded name or alias, relations by their (matched) ends and label, quotes
 * by document and span, evidence by quote and claim, events by title and date,
 * notes by what they are on and their text. Their references are translated into
 * my uids as records match, so parents are matched before children. */

static const XField document_fields[] = {
  { "title", { 1 }, 1, FALSE, FALSE },
  { "publisher", { 2 }, 1, TRUE, FALSE },
  { "author", { 3 }, 1, TRUE, FALSE },
  { "url", { 4 }, 1, TRUE, FALSE },
  { "published", { 5 }, 1, TRUE, FALSE },
  { "reliability", { 6 }, 1, TRUE, FALSE },
};
static const XField entity_fields[] = {
  { "kind", { 1 }, 1, FALSE, FALSE },
  { "name", { 2 }, 1, FALSE, FALSE },
  { "description", { 3 }, 1, TRUE, FALSE },
  { "aliases", { 4 }, 1, TRUE, FALSE },
};
static const XField relation_fields[] = {
  { "ends", { 1, 2 }, 2, FALSE, TRUE },
  { "label", { 3 }, 1, FALSE, FALSE },
  { "directed", { 4 }, 1, FALSE, FALSE },
  { "status", { 5 }, 1, FALSE, FALSE },
};
static const XField quote_fields[] = {
  { "span", { 2, 3 }, 2, FALSE, FALSE },
  { "credibility", { 5 }, 1, TRUE, FALSE },
};
static const XField event_fields[] = {
  { "title", { 1 }, 1, FALSE, FALSE },
  { "description", { 2 }, 1, TRUE, FALSE },
  { "date", { 3, 4, 5, 6 }, 4, FALSE, FALSE },
  { "entities", { 7 }, 1, TRUE, TRUE },
};
static const XField evidence_fields[] = {
  { "stance", { 3 }, 1, FALSE, FALSE },
};
static const XField note_fields[] = {
  { "note", { 3 }, 1, FALSE, FALSE },
};
/* A review state with who set it and when: compared by the state alone. */
static const XField review_fields[] = {
  { "review", { 3, 4, 5 }, 3, FALSE, FALSE },
};
static const XField comment_fields[] = {
  { "comment", { 5 }, 1, FALSE, FALSE },
  { "resolved", { 6 }, 1, FALSE, FALSE },
};

const XField *
_rs_exchange_fields (XTableId  table,
                     guint    *n_fields)
{
  switch (table)
    {
    case X_DOCUMENT: *n_fields = G_N_ELEMENTS (document_fields); return document_fields;
    case X_ENTITY: *n_fields = G_N_ELEMENTS (entity_fields); return entity_fields;
    case X_RELATION: *n_fields = G_N_ELEMENTS (relation_fields); return relation_fields;
    case X_QUOTE: *n_fields = G_N_ELEMENTS (quote_fields); return quote_fields;
    case X_EVENT: *n_fields = G_N_ELEMENTS (event_fields); return event_fields;
    case X_EVIDENCE: *n_fields = G_N_ELEMENTS (evidence_fields); return evidence_fields;
    case X_NOTE: *n_fields = G_N_ELEMENTS (note_fields); return note_fields;
    case X_REVIEW: *n_fields = G_N_ELEMENTS (review_fields); return review_fields;
    case X_COMMENT: *n_fields = G_N_ELEMENTS (comment_fields); return comment_fields;
    case X_POSITION:
    case X_N_TABLES:
    default:
      *n_fields = 0;
      return NULL;
    }
}

static GHashTable *
new_index (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static char *
fold (const char *text)
{
  return g_utf8_casefold (text != NULL ? text : "", -1);
}

static char *
entity_key (const char *kind,
            const char *name)
{
  g_autofree char *folded = fold (name);

  return g_strdup_printf ("%s\x1f%s", kind ? kind : "", folded);
}

/* Secondary keys of a row, with references given as my uids. */
static char *
secondary_key (XMatcher      *matcher,
               XTableId       table,
               char * const  *v,
               gboolean       theirs);

void
_rs_exchange_matcher_init (XMatcher       *matcher,
                           RsExchangePlan *plan,
                           XSet           *mine,
                           XSet           *theirs)
{
  memset (matcher, 0, sizeof *matcher);
  matcher->plan = plan;
  matcher->mine = mine;
  matcher->theirs = theirs;
  for (guint t = 0; t < X_N_TABLES; t++)
    {
      matcher->map[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      matcher->index[t] = new_index ();
      matcher->used[t] = g_hash_table_new (NULL, NULL);
    }
  matcher->aliases = new_index ();
  matcher->new_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* My rows by secondary key; their references are mine already. */
  for (guint t = 0; t < X_N_TABLES; t++)
    for (guint r = 0; r < mine->rows[t]->len; r++)
      {
        XRow *row = g_ptr_array_index (mine->rows[t], r);
        char *key = secondary_key (matcher, t, row->values, FALSE);

        if (key != NULL && !g_hash_table_contains (matcher->index[t], key))
          g_hash_table_insert (matcher->index[t], key, row);
        else
          g_free (key);

        if (t == X_ENTITY && row->values[4] != NULL)
          {
            g_auto(GStrv) list = g_strsplit (row->values[4], "\n", -1);

            for (guint i = 0; list[i] != NULL; i++)
              {
                char *alias_key = entity_key (row->values[1], list[i]);

                if (!g_hash_table_contains (matcher->aliases, alias_key))
                  g_hash_table_insert (matcher->aliases, alias_key, row);
                else
                  g_free (alias_key);
              }
          }
      }
}

void
_rs_exchange_matcher_clear (XMatcher *matcher)
{
  for (guint t = 0; t < X_N_TABLES; t++)
    {
      g_clear_pointer (&matcher->map[t], g_hash_table_unref);
      g_clear_pointer (&matcher->index[t], g_hash_table_unref);
      g_clear_pointer (&matcher->used[t], g_hash_table_unref);
    }
  g_clear_pointer (&matcher->aliases, g_hash_table_unref);
  g_clear_pointer (&matcher->new_entities, g_hash_table_unref);
}

static XTableId
table_of_target (const char *target)
{
  if (g_strcmp0 (target, "document") == 0)
    return X_DOCUMENT;
  if (g_strcmp0 (target, "entity") == 0)
    return X_ENTITY;
  if (g_strcmp0 (target, "relation") == 0)
    return X_RELATION;
  if (g_strcmp0 (target, "event") == 0)
    return X_EVENT;
  return X_N_TABLES;
}

/* What a review or a comment is on: a claim (an entity, relation, event or quote). */
static XTableId
table_of_claim (const char *target)
{
  XTableId table = table_of_target (target);

  if (table == X_DOCUMENT)
    return X_N_TABLES;
  if (table == X_N_TABLES && g_strcmp0 (target, "quote") == 0)
    return X_QUOTE;
  return table;
}

/* Their uid of a record of TABLE as my uid: the one it matched, its own if it is
 * new or already mine; NULL if it is in neither case. */
static const char *
map_uid (XMatcher   *matcher,
         XTableId    table,
         const char *uid)
{
  const char *mapped;

  if (uid == NULL || *uid == '\0' || table >= X_N_TABLES)
    return uid;
  if ((mapped = g_hash_table_lookup (matcher->map[table], uid)))
    return mapped;
  if (_rs_exchange_set_lookup (matcher->mine, table, uid))
    return uid;
  return NULL;
}

static char *
secondary_key (XMatcher      *matcher,
               XTableId       table,
               char * const  *v,
               gboolean       theirs)
{
#define M(t, u) (theirs ? map_uid (matcher, (t), (u)) : (u))
  switch (table)
    {
    case X_DOCUMENT:
      return g_strdup (v[7]);
    case X_ENTITY:
      return entity_key (v[1], v[2]);
    case X_RELATION:
      {
        const char *s = M (X_ENTITY, v[1]), *t = M (X_ENTITY, v[2]);
        g_autofree char *label = fold (v[3]);

        return s && t ? g_strdup_printf ("%s\x1f%s\x1f%s", s, t, label) : NULL;
      }
    case X_QUOTE:
      {
        const char *d = M (X_DOCUMENT, v[1]);

        return d ? g_strdup_printf ("%s\x1f%s\x1f%s", d, v[2], v[3]) : NULL;
      }
    case X_EVENT:
      {
        g_autofree char *title = fold (v[1]);

        return g_strdup_printf ("%s\x1f%s", title, v[3] ? v[3] : "");
      }
    case X_EVIDENCE:
      {
        const char *q = M (X_QUOTE, v[0]), *t = M (table_of_target (v[1]), v[2]);

        return q && t ? g_strdup_printf ("%s\x1f%s\x1f%s", q, v[1], t) : NULL;
      }
    case X_NOTE:
      {
        const char *t = v[1] && *v[1] ? M (table_of_target (v[1]), v[2]) : "";

        return t ? g_strdup_printf ("%s\x1f%s\x1f%s", v[1] ? v[1] : "", t, v[3] ? v[3] : "") : NULL;
      }
    case X_REVIEW:
      {
        /* One review state per claim: mine and theirs of one claim are one. */
        const char *t = M (table_of_claim (v[1]), v[2]);

        return t ? g_strdup_printf ("%s\x1f%s", v[1], t) : NULL;
      }
    case X_COMMENT:   /* a comment is new or the same by its uid */
    case X_POSITION:
    case X_N_TABLES:
    default:
      return NULL;
    }
#undef M
}

static XRow *
lookup_any (XMatcher   *matcher,
            XTableId    table,
            const char *uid)
{
  XRow *row = NULL;

  if (matcher->theirs != NULL)
    row = _rs_exchange_set_lookup (matcher->theirs, table, uid);
  if (row == NULL)
    row = _rs_exchange_set_lookup (matcher->mine, table, uid);
  return row;
}

static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text ? text : ""), "\n\t\r", ' ');

  if (g_utf8_strlen (flat, -1) <= max)
    return g_steal_pointer (&flat);
  return g_strdup_printf ("%.*s…", (int)(g_utf8_offset_to_pointer (flat, max) - flat), flat);
}

static const char *
name_of (XMatcher   *matcher,
         XTableId    table,
         const char *uid)
{
  XRow *row = lookup_any (matcher, table, uid);

  if (row == NULL)
    return uid;
  switch (table)
    {
    case X_ENTITY: return row->values[2];
    case X_DOCUMENT:
    case X_EVENT: return row->values[1];
    case X_RELATION: return row->values[3];
    case X_QUOTE: return row->values[4];
    default: return uid;
    }
}

char *
_rs_exchange_row_title (XMatcher      *matcher,
                        XTableId       table,
                        char * const  *v)
{
  switch (table)
    {
    case X_DOCUMENT:
      return g_strdup (v[1]);
    case X_ENTITY:
      return g_strdup_printf ("%s (%s)", v[2], v[1]);
    case X_POSITION:
      return g_strdup (name_of (matcher, X_ENTITY, v[0]));
    case X_RELATION:
      return g_strdup_printf ("%s %s %s: %s", name_of (matcher, X_ENTITY, v[1]),
                              g_strcmp0 (v[4], "0") == 0 ? "—" : "→",
                              name_of (matcher, X_ENTITY, v[2]), v[3] ? v[3] : "");
    case X_QUOTE:
      {
        g_autofree char *text = shorten (v[4], 60);

        return g_strdup_printf ("“%s”", text);
      }
    case X_EVENT:
      return g_strdup_printf ("%s (%s)", v[1], v[3] ? v[3] : "");
    case X_EVIDENCE:
      {
        g_autofree char *text = shorten (name_of (matcher, X_QUOTE, v[0]), 40);
        g_autofree char *claim = shorten (name_of (matcher, table_of_target (v[1]), v[2]), 40);

        return g_strdup_printf ("“%s” → %s: %s", text, claim, v[3] ? v[3] : "");
      }
    case X_NOTE:
      {
        g_autofree char *body = shorten (v[3], 60);

        if (v[1] != NULL && *v[1] != '\0')
          {
            g_autofree char *on = shorten (name_of (matcher, table_of_target (v[1]), v[2]), 40);

            return g_strdup_printf (_("Note on %s: %s"), on, body);
          }
        return g_strdup_printf (_("Note: %s"), body);
      }
    case X_REVIEW:
      {
        g_autofree char *on = shorten (name_of (matcher, table_of_claim (v[1]), v[2]), 40);

        /* TRANSLATORS: "Review of Tick: accepted by Hana Sato" */
        return g_strdup_printf (_("Review of %s: %s by %s"), on, v[3] ? v[3] : "",
                                v[4] ? v[4] : "");
      }
    case X_COMMENT:
      {
        g_autofree char *on = shorten (name_of (matcher, table_of_claim (v[1]), v[2]), 40);
        g_autofree char *body = shorten (v[5], 60);

        /* TRANSLATORS: "Comment by Hana Sato on Tick: Is this the same group?" */
        return g_strdup_printf (_("Comment by %s on %s: %s"), v[3] ? v[3] : "", on, body);
      }
    case X_N_TABLES:
    default:
      return g_strdup ("");
    }
}

/* A field's value as compared (references as my uids) and as shown (names). */
static char *
field_value (XMatcher      *matcher,
             XTableId       table,
             const XField  *field,
             char * const  *v,
             gboolean       theirs,
             gboolean       display)
{
  GString *text = g_string_new (NULL);

  if (display && g_strcmp0 (field->name, "review") == 0)
    {
      g_string_printf (text, "%s (%s)", v[3] ? v[3] : "", v[4] ? v[4] : "");
      return g_string_free (text, FALSE);
    }
  if (g_strcmp0 (field->name, "entities") == 0)
    {
      g_auto(GStrv) list = g_strsplit (v[7] ? v[7] : "", "\n", -1);
      g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; list[i] != NULL; i++)
        {
          const char *u = NULL;

          if (*list[i] != '\0')
            u = theirs ? map_uid (matcher, X_ENTITY, list[i]) : list[i];

          if (u != NULL)
            g_ptr_array_add (out, g_strdup (display ? name_of (matcher, X_ENTITY, u) : u));
        }
      g_ptr_array_sort (out, (GCompareFunc)g_strcmp0);
      for (guint i = 0; i < out->len; i++)
        g_string_append_printf (text, "%s%s", i ? (display ? ", " : "\n") : "",
                                (char *)g_ptr_array_index (out, i));
      return g_string_free (text, FALSE);
    }

  for (guint c = 0; c < field->n_columns; c++)
    {
      const char *value = v[field->columns[c]];

      if (field->reference)
        {
          const char *u = theirs ? map_uid (matcher, X_ENTITY, value) : value;

          value = display ? name_of (matcher, X_ENTITY, u ? u : value) : (u ? u : value);
        }
      if (c > 0)
        g_string_append (text, display ? (g_strcmp0 (field->name, "ends") == 0 ? " → " : "–")
                                       : "\x1f");
      if (display && g_strcmp0 (field->name, "date") == 0 && (value == NULL || *value == '\0' ||
                                                              g_strcmp0 (value, "none") == 0))
        continue;
      g_string_append (text, value ? value : "");
    }
  /* "unknown" reliability and no credibility are the same as not set. */
  if (g_strcmp0 (field->name, "reliability") == 0 && g_strcmp0 (text->str, "unknown") == 0)
    g_string_truncate (text, 0);
  return g_string_free (text, FALSE);
}

char *
_rs_exchange_field_text (XMatcher      *matcher,
                         XTableId       table,
                         const XField  *field,
                         char * const  *values,
                         gboolean       theirs)
{
  return field_value (matcher, table, field, values, theirs, TRUE);
}

static char *
union_lines (const char *mine,
             const char *theirs,
             const char *extra,
             gboolean    folded)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *sources[] = { mine, theirs, extra };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_auto(GStrv) list = g_strsplit (sources[s] ? sources[s] : "", "\n", -1);

      for (guint i = 0; list[i] != NULL; i++)
        {
          g_autofree char *key = folded ? fold (list[i]) : g_strdup (list[i]);
          gboolean dup = *list[i] == '\0';

          for (guint j = 0; !dup && j < seen->len; j++)
            dup = g_strcmp0 (g_ptr_array_index (seen, j), key) == 0;
          if (dup)
            continue;
          g_ptr_array_add (seen, g_steal_pointer (&key));
          g_string_append_printf (out, "%s%s", out->len ? "\n" : "", list[i]);
        }
    }
  if (out->len == 0)
    return g_string_free (out, TRUE), NULL;
  return g_string_free (out, FALSE);
}

XRow *
_rs_exchange_find_mine (XMatcher      *matcher,
                        XTableId       table,
                        char * const  *their_values)
{
  const char *by = NULL;

  return _rs_exchange_find_mine_by (matcher, table, their_values, &by);
}

XRow *
_rs_exchange_find_mine_by (XMatcher      *matcher,
                           XTableId       table,
                           char * const  *v,
                           const char   **matched_by)
{
  g_autofree char *their_key = _rs_exchange_row_key (table, v);
  g_autofree char *key = NULL;
  XRow *row;

  /* A record that shares a uid (evidence: whose quote and claim match) is the same. */
  if (table != X_EVIDENCE && (row = _rs_exchange_set_lookup (matcher->mine, table, their_key)))
    {
      *matched_by = "uid";
      return row;
    }
  if (!(key = secondary_key (matcher, table, v, TRUE)))
    return NULL;
  if (table == X_EVIDENCE)
    {
      *matched_by = "quote";
      return _rs_exchange_set_lookup (matcher->mine, table, key);
    }
  if ((row = g_hash_table_lookup (matcher->index[table], key)) &&
      !g_hash_table_contains (matcher->used[table], row))
    {
      static const char *const names[X_N_TABLES] = {
        [X_DOCUMENT] = "sha256", [X_ENTITY] = "name", [X_RELATION] = "ends",
        [X_QUOTE] = "span", [X_EVENT] = "title", [X_NOTE] = "text", [X_REVIEW] = "claim",
      };

      *matched_by = names[table];
      return row;
    }
  if (table == X_ENTITY)
    {
      g_autofree char *alias_key = entity_key (v[1], v[2]);
      g_auto(GStrv) list = g_strsplit (v[4] ? v[4] : "", "\n", -1);

      /* Mine lists their name as an alias, or theirs lists my name. */
      row = g_hash_table_lookup (matcher->aliases, alias_key);
      for (guint i = 0; row == NULL && list[i] != NULL; i++)
        {
          g_autofree char *k = entity_key (v[1], list[i]);

          if (!(row = g_hash_table_lookup (matcher->index[X_ENTITY], k)))
            row = g_hash_table_lookup (matcher->aliases, k);
        }
      if (row != NULL && !g_hash_table_contains (matcher->used[table], row))
        {
          *matched_by = "alias";
          return row;
        }
    }
  return NULL;
}

static gboolean
references_resolve (XMatcher      *matcher,
                    XTableId       table,
                    char * const  *v)
{
  switch (table)
    {
    case X_RELATION:
      return map_uid (matcher, X_ENTITY, v[1]) && map_uid (matcher, X_ENTITY, v[2]);
    case X_QUOTE:
      return map_uid (matcher, X_DOCUMENT, v[1]) != NULL;
    case X_EVIDENCE:
      return map_uid (matcher, X_QUOTE, v[0]) && table_of_target (v[1]) < X_N_TABLES &&
             map_uid (matcher, table_of_target (v[1]), v[2]);
    case X_NOTE:
      return v[1] == NULL || *v[1] == '\0' ||
             (table_of_target (v[1]) < X_N_TABLES &&
              map_uid (matcher, table_of_target (v[1]), v[2]));
    case X_POSITION:
      return map_uid (matcher, X_ENTITY, v[0]) != NULL;
    case X_REVIEW:
    case X_COMMENT:
      return table_of_claim (v[1]) < X_N_TABLES && map_uid (matcher, table_of_claim (v[1]), v[2]);
    default:
      return TRUE;
    }
}

/* Their row with its references given as my uids (entities of an event that are in
 * neither case are left out). */
char **
_rs_exchange_map_values (XMatcher      *matcher,
                         XTableId       table,
                         char * const  *v)
{
  const XTable *t = _rs_exchange_table (table);
  char **out = g_new0 (char *, t->n_columns + 1);

#define MAP(i, tbl) out[i] = g_strdup (map_uid (matcher, (tbl), v[i]))
  for (guint c = 0; c < t->n_columns; c++)
    out[c] = g_strdup (v[c]);
  switch (table)
    {
    case X_RELATION:
      g_free (out[1]), MAP (1, X_ENTITY);
      g_free (out[2]), MAP (2, X_ENTITY);
      break;
    case X_QUOTE:
      g_free (out[1]), MAP (1, X_DOCUMENT);
      break;
    case X_EVIDENCE:
      g_free (out[0]), MAP (0, X_QUOTE);
      g_free (out[2]), MAP (2, table_of_target (v[1]));
      break;
    case X_NOTE:
      if (v[1] != NULL && *v[1] != '\0')
        g_free (out[2]), MAP (2, table_of_target (v[1]));
      break;
    case X_REVIEW:
    case X_COMMENT:
      g_free (out[2]), MAP (2, table_of_claim (v[1]));
      break;
    case X_EVENT:
      {
        g_autofree char *mapped = NULL;
        XField entities = { "entities", { 7 }, 1, TRUE, TRUE };

        mapped = field_value (matcher, table, &entities, v, TRUE, FALSE);
        g_free (out[7]);
        out[7] = *mapped ? g_steal_pointer (&mapped) : NULL;
      }
      break;
    default:
      break;
    }
#undef MAP
  return out;
}

void
_rs_exchange_values_free (char  **values,
                          guint   n)
{
  if (values == NULL)
    return;
  for (guint c = 0; c < n; c++)
    g_free (values[c]);
  g_free (values);
}

static char **
field_values (XTableId      table,
              const XField *field,
              char * const *mapped)
{
  const XTable *t = _rs_exchange_table (table);
  char **out = g_new0 (char *, t->n_columns + 1);

  for (guint c = 0; c < field->n_columns; c++)
    out[field->columns[c]] = g_strdup (mapped[field->columns[c]]);
  return out;
}

/* Compares MINE with their row field by field. BASE (their old values, a
 * changeset's) may be NULL: without a common ancestor, any difference in a field
 * both have set is a conflict. Returns whether anything differed. */
gboolean
_rs_exchange_compare (XMatcher      *matcher,
                      XTableId       table,
                      XRow          *mine,
                      char * const  *theirs,
                      char * const  *base,
                      const guint8  *touched,
                      const char    *matched_by,
                      const char    *title)
{
  g_autofree char *mine_key = _rs_exchange_row_key (table, mine->values);
  char **mapped = _rs_exchange_map_values (matcher, table, theirs);
  char **mapped_base = base ? _rs_exchange_map_values (matcher, table, base) : NULL;
  guint n_columns = _rs_exchange_table (table)->n_columns;
  const XField *fields;
  guint n_fields;
  gboolean differs = FALSE;

  fields = _rs_exchange_fields (table, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      const XField *field = &fields[f];
      g_autofree char *m = field_value (matcher, table, field, mine->values, FALSE, FALSE);
      g_autofree char *t = field_value (matcher, table, field, mapped, FALSE, FALSE);
      g_autofree char *b = NULL;
      g_autofree char *union_value = NULL;
      RsExchangeItemKind kind;
      RsExchangeItem *item;
      gboolean field_touched = touched == NULL;

      for (guint c = 0; !field_touched && c < field->n_columns; c++)
        field_touched = touched[field->columns[c]];
      if (mapped_base != NULL)
        b = field_value (matcher, table, field, mapped_base, FALSE, FALSE);
      if (!field_touched || g_strcmp0 (m, t) == 0)
        continue;
      /* The same state set by another reviewer, or at another time, is no change. */
      if (table == X_REVIEW && g_strcmp0 (mine->values[3], mapped[3]) == 0)
        continue;
      /* Without a common ancestor, a comment resolved on one side is settled. */
      if (table == X_COMMENT && g_strcmp0 (field->name, "resolved") == 0 && base == NULL)
        {
          if (g_strcmp0 (t, "1") != 0)
            continue;
          b = g_strdup (m);
        }

      /* An entity found by its alias is called otherwise there: their name joins the
       * aliases instead. Aliases and an event's entities are unions, never lost. */
      if (table == X_ENTITY && g_strcmp0 (field->name, "name") == 0 &&
          (g_strcmp0 (matched_by, "alias") == 0 || base == NULL))
        {
          g_autofree char *fm = fold (m), *ft = fold (t);

          if (g_strcmp0 (matched_by, "alias") == 0 || g_strcmp0 (fm, ft) == 0)
            continue;
        }
      if ((table == X_ENTITY && g_strcmp0 (field->name, "aliases") == 0) ||
          (table == X_EVENT && g_strcmp0 (field->name, "entities") == 0))
        {
          const char *extra = NULL;
          g_autofree char *fm = fold (mine->values[2]), *ft = fold (mapped[2]);

          if (table == X_ENTITY && g_strcmp0 (fm, ft) != 0)
            extra = mapped[2];
          if (base != NULL)
            {
              /* A changeset: what they added, kept with what I have; what they
               * removed stays if I still have it (a union never loses a name). */
              union_value = union_lines (mine->values[field->columns[0]], mapped[field->columns[0]],
                                         NULL, table == X_ENTITY);
            }
          else
            union_value = union_lines (mine->values[field->columns[0]], mapped[field->columns[0]],
                                       extra, table == X_ENTITY);
          if (union_value != NULL && table == X_ENTITY)
            {
              /* My own name is not an alias of mine. */
              g_auto(GStrv) list = g_strsplit (union_value, "\n", -1);
              GString *kept = g_string_new (NULL);

              for (guint i = 0; list[i] != NULL; i++)
                {
                  g_autofree char *fl = fold (list[i]);

                  if (g_strcmp0 (fl, fm) != 0)
                    g_string_append_printf (kept, "%s%s", kept->len ? "\n" : "", list[i]);
                }
              g_free (union_value);
              if (kept->len > 0)
                union_value = g_string_free (kept, FALSE);
              else
                union_value = (g_string_free (kept, TRUE), NULL);
            }
          if (g_strcmp0 (union_value, mine->values[field->columns[0]]) == 0 ||
              (union_value == NULL && mine->values[field->columns[0]] == NULL))
            continue;
          g_free (mapped[field->columns[0]]);
          mapped[field->columns[0]] = g_strdup (union_value);
          kind = RS_EXCHANGE_ITEM_UPDATE;
        }
      else if (b != NULL && g_strcmp0 (m, b) == 0)
        kind = RS_EXCHANGE_ITEM_UPDATE;          /* only they changed it */
      else if (b != NULL && g_strcmp0 (t, b) == 0)
        continue;                                /* only I changed it */
      else if (field->optional && *m == '\0')
        kind = RS_EXCHANGE_ITEM_UPDATE;          /* filling in, not overwriting */
      else if (field->optional && *t == '\0' && b == NULL)
        continue;
      else
        kind = RS_EXCHANGE_ITEM_CONFLICT;

      {
        g_autofree char *dm = field_value (matcher, table, field, mine->values, FALSE, TRUE);
        g_autofree char *dt = field_value (matcher, table, field, mapped, FALSE, TRUE);
        g_autofree char *db = NULL;

        if (mapped_base != NULL)
          db = field_value (matcher, table, field, mapped_base, FALSE, TRUE);

        item = _rs_exchange_item_new (kind, table, theirs[0], mine->local_id, title);
        _rs_exchange_item_set_match (item, matched_by, mine_key);
        _rs_exchange_item_set_field (item, field, dm, dt, db);
        _rs_exchange_item_take_values (item, field_values (table, field, mapped));
        _rs_exchange_plan_add (matcher->plan, item);
        differs = TRUE;
      }
    }
  _rs_exchange_values_free (mapped, n_columns);
  _rs_exchange_values_free (mapped_base, n_columns);
  return differs;
}

void
_rs_exchange_match_row (XMatcher *matcher,
                        XTableId  table,
                        XRow     *theirs)
{
  g_autofree char *their_key = _rs_exchange_row_key (table, theirs->values);
  g_autofree char *title = _rs_exchange_row_title (matcher, table, theirs->values);
  const char *matched_by = NULL;
  XRow *mine;

  if (table == X_POSITION)
    {
      RsExchangeItem *entity = g_hash_table_lookup (matcher->new_entities, theirs->values[0]);

      if (entity != NULL)
        {
          XRow *copy = _rs_exchange_row_new (theirs->n_columns);

          for (guint c = 0; c < theirs->n_columns; c++)
            copy->values[c] = g_strdup (theirs->values[c]);
          _rs_exchange_item_set_position (entity, copy);
        }
      return;
    }

  if (!references_resolve (matcher, table, theirs->values))
    {
      _rs_exchange_plan_skip (matcher->plan, table, theirs->values[0],
                              _("It refers to a record that is in neither case"));
      return;
    }

  mine = _rs_exchange_find_mine_by (matcher, table, theirs->values, &matched_by);
  if (mine == NULL)
    {
      RsExchangeItem *item = _rs_exchange_item_new (RS_EXCHANGE_ITEM_NEW, table, theirs->values[0],
                                                    0, title);

      _rs_exchange_item_take_values (item,
                                     _rs_exchange_map_values (matcher, table, theirs->values));
      if (table != X_EVIDENCE)
        g_hash_table_replace (matcher->map[table], g_strdup (their_key), g_strdup (their_key));
      if (table == X_ENTITY)
        g_hash_table_replace (matcher->new_entities, g_strdup (their_key), item);
      _rs_exchange_plan_add (matcher->plan, item);
      return;
    }

  g_hash_table_add (matcher->used[table], mine);
  if (table != X_EVIDENCE)
    g_hash_table_replace (matcher->map[table], g_strdup (their_key), g_strdup (mine->values[0]));

  if (!_rs_exchange_compare (matcher, table, mine, theirs->values, NULL, NULL, matched_by, title))
    {
      g_autofree char *mine_key = _rs_exchange_row_key (table, mine->values);
      RsExchangeItem *item = _rs_exchange_item_new (RS_EXCHANGE_ITEM_MATCH, table,
                                                    theirs->values[0], mine->local_id, title);

      _rs_exchange_item_set_match (item, matched_by, mine_key);
      _rs_exchange_plan_add (matcher->plan, item);
    }
}

/* Parents before children: their references are mapped as they are matched. */
static const XTableId match_order[] = {
  X_DOCUMENT, X_ENTITY, X_POSITION, X_RELATION, X_QUOTE, X_EVENT, X_EVIDENCE, X_NOTE, X_REVIEW,
  X_COMMENT,
};

static char *
dup_last_author (sqlite3    *db,
                 const char *schema)
{
  g_autofree char *sql = g_strdup_printf ("SELECT author FROM %s.history ORDER BY id DESC LIMIT 1",
                                          schema);
  g_autoptr(sqlite3_stmt) stmt = rs_db_prepare (db, sql, NULL);
  gboolean has_row = FALSE;

  if (stmt != NULL && rs_db_step_row (db, stmt, &has_row, NULL) && has_row)
    return g_strdup (rs_db_column_text (stmt, 0));
  return NULL;
}

static void
xstix_free (XStix *stix)
{
  g_clear_pointer (&stix->references, g_ptr_array_unref);
  g_clear_pointer (&stix->stix_ids, g_ptr_array_unref);
  g_free (stix);
}

static XStix *
xstix_for (GHashTable *by_record,
           XTableId    table,
           const char *uid)
{
  g_autofree char *key = g_strdup_printf ("%d %s", table, uid);
  XStix *stix = g_hash_table_lookup (by_record, key);

  if (stix == NULL)
    {
      stix = g_new0 (XStix, 1);
      g_hash_table_insert (by_record, g_steal_pointer (&key), stix);
    }
  return stix;
}

/* What the x_ tables do not hold of their records (schema 8): external references
 * (an ATT&CK id shown on the board) and STIX ids, by record, read from their copy in
 * SCHEMA, so that a merge does not drop them. */
static GHashTable *
collect_stix (sqlite3     *db,
              const char  *schema,
              GError     **error)
{
  static const XTableId with_references[] = { X_ENTITY, X_RELATION, X_DOCUMENT };
  static const XTableId with_stix_ids[] = { X_ENTITY, X_RELATION, X_DOCUMENT, X_EVENT };
  g_autoptr(GHashTable) by_record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)xstix_free);

  for (guint i = 0; i < G_N_ELEMENTS (with_references); i++)
    {
      const char *name = _rs_exchange_table (with_references[i])->name;
      g_autofree char *sql =
        g_strdup_printf ("SELECT r.uid, x.source_name, x.external_id, x.url, x.description"
                         " FROM %1$s.external_reference x JOIN %1$s.%2$s r ON r.id = x.%2$s_id"
                         " ORDER BY r.uid, x.position, x.id", schema, name);
      g_autoptr(sqlite3_stmt) stmt = rs_db_prepare (db, sql, error);
      gboolean has_row = FALSE;
      gboolean ok;

      if (stmt == NULL)
        return NULL;
      while ((ok = rs_db_step_row (db, stmt, &has_row, error)) && has_row)
        {
          XStix *stix = xstix_for (by_record, with_references[i], rs_db_column_text (stmt, 0));

          if (stix->references == NULL)
            stix->references = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_external_reference_free);
          g_ptr_array_add (stix->references,
                           rs_external_reference_new (rs_db_column_text (stmt, 1),
                                                      rs_db_column_text (stmt, 2),
                                                      rs_db_column_text (stmt, 3),
                                                      rs_db_column_text (stmt, 4)));
        }
      if (!ok)
        return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (with_stix_ids); i++)
    {
      const char *name = _rs_exchange_table (with_stix_ids[i])->name;
      g_autofree char *sql =
        g_strdup_printf ("SELECT r.uid, x.stix_id FROM %1$s.stix_id x"
                         " JOIN %1$s.%2$s r ON r.id = x.%2$s_id ORDER BY x.id", schema, name);
      g_autoptr(sqlite3_stmt) stmt = rs_db_prepare (db, sql, error);
      gboolean has_row = FALSE;
      gboolean ok;

      if (stmt == NULL)
        return NULL;
      while ((ok = rs_db_step_row (db, stmt, &has_row, error)) && has_row)
        {
          XStix *stix = xstix_for (by_record, with_stix_ids[i], rs_db_column_text (stmt, 0));

          if (stix->stix_ids == NULL)
            stix->stix_ids = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (stix->stix_ids, g_strdup (rs_db_column_text (stmt, 1)));
        }
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&by_record);
}

/* A copy of an older case, upgraded where it can be written (their file never is). */
typedef struct
{
  char *dir;
  char *path;
} Scratch;

static void
scratch_free (Scratch *scratch)
{
  rs_case_store_remove_case_file (scratch->path, NULL);
  g_rmdir (scratch->dir);
  g_free (scratch->path);
  g_free (scratch->dir);
  g_free (scratch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scratch, scratch_free)

static RsCaseStore *
open_other (const char  *path,
            Scratch    **scratch,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(Scratch) copy = NULL;
  const char *suffixes[] = { "", "-wal" };
  RsCaseStore *store;

  /* Their file is untrusted: the store's own open checks it (format, version,
   * integrity, every reference) and never writes it. */
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &local_error);
  if (store != NULL || !g_error_matches (local_error, RS_ERROR, RS_ERROR_READ_ONLY))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return store;
    }

  /* An older format, which a read-only open does not upgrade: a private copy is. */
  g_clear_error (&local_error);
  copy = g_new0 (Scratch, 1);
  if (!(copy->dir = g_dir_make_tmp ("redstring-merge-XXXXXX", error)))
    return NULL;
  copy->path = g_build_filename (copy->dir, "theirs.redstring", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy->path, suffixes[i], NULL);
      g_autoptr(GFile) source = g_file_new_for_path (from);
      g_autoptr(GFile) dest = g_file_new_for_path (to);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        return NULL;
    }
  if (!(store = rs_case_store_open (copy->path, RS_CASE_STORE_OPEN_NONE, error)))
    return NULL;
  *scratch = g_steal_pointer (&copy);
  return store;
}

/* The other case's title as the label of the change shows it — the Undo menu item,
 * the history's line: at most LABEL_TITLE_CHARS characters, cut after a whole word
 * with "…", on one line. A long title made the main menu as wide as the screen. */
#define LABEL_TITLE_CHARS 40

static char *
dup_short_title (const char *title)
{
  g_autofree char *one_line = g_strstrip (g_strdelimit (g_strdup (title), "\n\r\t", ' '));
  g_autofree char *head = NULL;
  char *space;

  if (g_utf8_strlen (one_line, -1) <= LABEL_TITLE_CHARS)
    return g_steal_pointer (&one_line);
  head = g_utf8_substring (one_line, 0, LABEL_TITLE_CHARS - 1);
  /* Whole words (unless the first is longer than half of it): cut at the last space,
   * when the next character does not start a word anyway. */
  space = strrchr (head, ' ');
  if (*g_utf8_offset_to_pointer (one_line, LABEL_TITLE_CHARS - 1) != ' ' && space != NULL &&
      g_utf8_strlen (head, space - head) >= LABEL_TITLE_CHARS / 2)
    *space = '\0';
  return g_strconcat (g_strchomp (head), "…", NULL);
}

/* LABEL NULL: "Merge “their title” from their last author"; else the label given, with
 * no author (a case made here from a file: its history is mine, not theirs). */
static RsExchangePlan *
merge_store (RsCaseStore  *mine,
             RsCaseStore  *other,
             const char   *source,
             const char   *given_label,
             GError      **error)
{
  g_autofree char *short_title = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(XSet) my_set = NULL;
  g_autoptr(XSet) their_set = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(GHashTable) stix = NULL;
  g_autofree char *author = NULL;
  g_autofree char *label = NULL;
  const char *title;
  XMatcher matcher;

  if (!(db = _rs_exchange_open_memory (error)) ||
      !_rs_exchange_copy_store (mine, db, "cm", error) ||
      !_rs_exchange_snapshot (db, "cm", "xm", error) ||
      !_rs_exchange_copy_store (other, db, "ct", error) ||
      !_rs_exchange_snapshot (db, "ct", "xt", error) ||
      !(my_set = _rs_exchange_load_set (db, "xm", "cm", error)) ||
      !(their_set = _rs_exchange_load_set (db, "xt", NULL, error)) ||
      !(stix = collect_stix (db, "ct", error)))
    return NULL;

  if (given_label != NULL)
    label = g_strdup (given_label);
  else
    {
      author = dup_last_author (db, "ct");
      title = rs_case_get_title (rs_case_store_get_case (other));
      if (title == NULL || *title == '\0')
        title = source;
      short_title = dup_short_title (title);
      /* TRANSLATORS: "Merge “Tick case” from Hana Sato" */
      label = author ? g_strdup_printf (_("Merge “%s” from %s"), short_title, author)
                     : g_strdup_printf (_("Merge “%s”"), short_title);
    }
  plan = _rs_exchange_plan_new (mine, source, label, author);

  _rs_exchange_matcher_init (&matcher, plan, my_set, their_set);
  for (guint i = 0; i < G_N_ELEMENTS (match_order); i++)
    {
      XTableId t = match_order[i];

      for (guint r = 0; r < their_set->rows[t]->len; r++)
        _rs_exchange_match_row (&matcher, t, g_ptr_array_index (their_set->rows[t], r));
    }
  _rs_exchange_matcher_clear (&matcher);
  _rs_exchange_plan_take_stix (plan, stix);
  {
    g_autoptr(GPtrArray) markings = rs_case_store_dup_markings (other, error);
    g_autoptr(GPtrArray) objects = markings ? rs_case_store_dup_stix_objects (other, error) : NULL;

    if (objects == NULL)
      return NULL;
    g_ptr_array_extend_and_steal (markings, g_steal_pointer (&objects));
    _rs_exchange_plan_take_objects (plan, g_steal_pointer (&markings));
  }

  if (!_rs_exchange_plan_seal (plan, error))
    return NULL;
  return g_steal_pointer (&plan);
}

RsExchangePlan *
rs_exchange_plan_new_merge (RsCaseStore  *mine,
                            const char   *other_path,
                            GError      **error)
{
  /* Declared first, so freed last: after the store on the copy is closed. */
  g_autoptr(Scratch) scratch = NULL;
  g_autoptr(RsCaseStore) other = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (mine), NULL);
  g_return_val_if_fail (other_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((other = rs_case_store_find_open (other_path)) != NULL)
    {
      /* Open in this process already (another window): checked when it was opened. */
      g_object_ref (other);
      if (other == mine)
        {
          g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                               _("A case cannot be merged into itself"));
          return NULL;
        }
    }
  else if (!(other = open_other (other_path, &scratch, error)))
    return NULL;

  name = g_filename_display_basename (other_path);
  return merge_store (mine, other, name, NULL, error);
}

RsExchangePlan *
rs_exchange_plan_new_merge_store (RsCaseStore  *mine,
                                  RsCaseStore  *theirs,
                                  const char   *source,
                                  const char   *label,
                                  GError      **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (mine), NULL);
  g_return_val_if_fail (RS_IS_CASE_STORE (theirs), NULL);
  g_return_val_if_fail (mine != theirs, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return merge_store (mine, theirs, source, label, error);
}
