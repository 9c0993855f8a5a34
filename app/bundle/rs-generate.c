/* rs-generate.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-generate"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rs-board-scene.h"
#include "rs-error.h"
#include "rs-generate.h"

/* Synthetic cases shaped like investigations, for `make bench` and anyone who wants to
 * see a big board: a few hubs (the suspects, the front company) that many entities
 * link to, about 1.5 relations per entity, typed entities named in 10–40 characters,
 * statuses mixed, one relation in four labelled, one in five undirected; documents
 * whose sentences state the relations, a quote of that sentence backing four relations
 * in five; dated events. Everything goes through the store, in batches, so the case is
 * what the app would have written. The same seed gives the same case.
 *
 * Positions: a cheap placement, not a layout (the project's own takes ~25 s at 20,000):
 * the entities in depth-first order of the spanning tree the relations grow from, laid
 * along a serpentine of bands eight rows high, with jitter. Linked entities then sit
 * near each other as on a laid-out board, and the cost is linear. */

#define BATCH_WRITES      4000
#define PITCH_X           300.0
#define PITCH_Y           80.0
#define BAND_ROWS         8
#define RELATIONS_PER_DOC 20

static const char * const first_names[] = {
  "Viktor", "Anastasia", "Mehmet", "Oluwaseun", "Katarzyna", "Dmitri", "Isabela", "Rashid",
  "Hiroshi", "Ingrid", "Tomasz", "Leila", "Sergei", "Marguerite", "Emeka", "Yevgenia",
  "Farhad", "Claudia", "Aleksandr", "Nadia", "Bartholomew", "Svetlana", "Kwame", "Roberta",
};
static const char * const last_names[] = {
  "Sorokin", "Okonkwo", "Lindqvist", "Haddad", "Kowalczyk", "Bellamy", "Nakamura", "Ferreira",
  "Abramovich", "Delacroix", "Petrenko", "Castellanos", "Van der Berg", "Osei", "Mirzoyan",
  "Thornbury", "Galanis", "Rahimova", "Whitcombe", "Zelenko", "Achterberg", "Moreau",
};
static const char * const adjectives[] = {
  "Northern", "Meridian", "Blue Harbour", "Crimson", "Atlas", "Silverline", "Eastgate",
  "Polaris", "Granite", "Seaward", "Vanguard", "Amber", "Orion", "Highfield", "Coastal",
};
static const char * const nouns[] = {
  "Logistics", "Trading", "Shipping", "Consulting", "Capital", "Minerals", "Holdings",
  "Ventures", "Freight", "Energy", "Maritime", "Security", "Telecom", "Imports",
};
static const char * const suffixes[] = { "Ltd", "LLC", "GmbH", "S.A.", "FZE", "Group", "Inc." };
static const char * const places[] = {
  "Port Harlow", "Novaya Zarya", "Kellenbrook", "San Aurelio", "Tarsk", "Qasr al-Bahr",
  "Westmarch", "Lindenfeld", "Ostrava Nord", "Marisol Bay", "Dunmore", "Kirovsk-9",
};
static const char * const countries[] = {
  "Estovia", "Varnland", "the Free Port", "Cyrenia", "Maldora", "Ostland", "Tessaly",
};
static const char * const words[] = {
  "north", "wind", "cedar", "relay", "vector", "harbor", "quartz", "ember", "signal", "delta",
};
static const char * const relation_labels[] = {
  "paid", "owns", "works for", "met", "controls", "registered", "operates", "used", "funded",
};
static const char * const publishers[] = {
  "Financial Intelligence Unit", "Coastal Monitor", "The Ledger", "OpenCorp Watch",
  "Signals Review", "Maritime Register",
};

typedef struct
{
  RsCaseStore *store;
  guint        writes;
} Batch;

/* A long import in one transaction holds the whole journal; in batches it does not. */
static gboolean
batch_step (Batch   *batch,
            GError **error)
{
  if (++batch->writes % BATCH_WRITES != 0)
    return TRUE;
  return rs_case_store_commit_batch (batch->store, error) &&
         rs_case_store_begin_batch (batch->store, error);
}

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static char *
make_name (GRand        *rand,
           RsEntityKind  kind,
           guint         index)
{
  switch (kind)
    {
    case RS_ENTITY_KIND_PERSON:
      return g_strdup_printf ("%s %c. %s", PICK (rand, first_names),
                              'A' + g_rand_int_range (rand, 0, 26), PICK (rand, last_names));
    case RS_ENTITY_KIND_ORGANIZATION:
      return g_strdup_printf ("%s %s %s", PICK (rand, adjectives), PICK (rand, nouns),
                              PICK (rand, suffixes));
    case RS_ENTITY_KIND_GROUP:
      return g_strdup_printf ("%s %s network", PICK (rand, adjectives), PICK (rand, words));
    case RS_ENTITY_KIND_UNIT:
      return g_strdup_printf ("Unit %u, %s Directorate", 10000 + index % 90000,
                              PICK (rand, adjectives));
    case RS_ENTITY_KIND_LOCATION:
      return g_strdup_printf ("%s, %s", PICK (rand, places), PICK (rand, countries));
    case RS_ENTITY_KIND_INFRASTRUCTURE:
      return g_strdup_printf ("%s-%u.%s-%s.net", PICK (rand, words), index % 1000,
                              PICK (rand, words), PICK (rand, words));
    case RS_ENTITY_KIND_MALWARE:
      return g_strdup_printf ("%s%s loader v%u.%u", PICK (rand, adjectives), PICK (rand, words),
                              g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 0, 10));
    case RS_ENTITY_KIND_VULNERABILITY:
      return g_strdup_printf ("CVE-20%02u-%05u in %s", g_rand_int_range (rand, 14, 26),
                              g_rand_int_range (rand, 1000, 99999), PICK (rand, nouns));
    case RS_ENTITY_KIND_TECHNIQUE:
      return g_strdup_printf ("%s %s (T%04u)", PICK (rand, adjectives), PICK (rand, nouns),
                              1000 + index % 9000);
    case RS_ENTITY_KIND_TOOL:
      return g_strdup_printf ("%s%s.exe", PICK (rand, words), PICK (rand, words));
    case RS_ENTITY_KIND_CAMPAIGN:
      return g_strdup_printf ("Operation %s %s", PICK (rand, adjectives), PICK (rand, words));
    case RS_ENTITY_KIND_EVENT:
    case RS_ENTITY_KIND_OTHER:
    default:
      return g_strdup_printf ("Account %s-%06u", PICK (rand, words), index);
    }
}

/* Hubs are people, companies and groups; the rest follows what investigations hold. */
static RsEntityKind
pick_kind (GRand    *rand,
           gboolean  hub)
{
  static const RsEntityKind hub_kinds[] = {
    RS_ENTITY_KIND_ORGANIZATION, RS_ENTITY_KIND_PERSON, RS_ENTITY_KIND_GROUP,
  };
  static const RsEntityKind kinds[] = {
    RS_ENTITY_KIND_PERSON, RS_ENTITY_KIND_PERSON, RS_ENTITY_KIND_PERSON,
    RS_ENTITY_KIND_ORGANIZATION, RS_ENTITY_KIND_ORGANIZATION, RS_ENTITY_KIND_ORGANIZATION,
    RS_ENTITY_KIND_LOCATION, RS_ENTITY_KIND_LOCATION, RS_ENTITY_KIND_INFRASTRUCTURE,
    RS_ENTITY_KIND_INFRASTRUCTURE, RS_ENTITY_KIND_GROUP, RS_ENTITY_KIND_UNIT,
    RS_ENTITY_KIND_MALWARE, RS_ENTITY_KIND_VULNERABILITY, RS_ENTITY_KIND_OTHER,
  };

  return hub ? PICK (rand, hub_kinds) : PICK (rand, kinds);
}

static RsRelationStatus
pick_status (GRand *rand)
{
  int r = g_rand_int_range (rand, 0, 100);

  return r < 30 ? RS_RELATION_STATUS_ALLEGED
       : r < 60 ? RS_RELATION_STATUS_REPORTED
       : r < 85 ? RS_RELATION_STATUS_CONFIRMED
       : r < 95 ? RS_RELATION_STATUS_DISPUTED
                : RS_RELATION_STATUS_REFUTED;
}

/* Board centres for the entities: see the overview at the top. */
static void
place_entities (GRand        *rand,
                const guint  *parent,
                guint         n,
                double       *x,
                double       *y)
{
  g_autofree guint *first_child = g_new (guint, n + 1);
  g_autofree guint *children = g_new (guint, MAX (n, 1));
  g_autofree guint *fill = g_new0 (guint, n);
  g_autofree guint *stack = g_new (guint, n);
  guint cols = MAX (1, (guint) ceil (sqrt (n * PITCH_Y / PITCH_X)));
  guint band = BAND_ROWS * cols;
  guint depth = 0, k = 0;

  /* Children of each node, in index order (a compressed adjacency list). */
  memset (first_child, 0, sizeof (guint) * (n + 1));
  for (guint i = 1; i < n; i++)
    first_child[parent[i] + 1]++;
  for (guint i = 0; i < n; i++)
    first_child[i + 1] += first_child[i];
  for (guint i = 1; i < n; i++)
    children[first_child[parent[i]] + fill[parent[i]]++] = i;

  stack[depth++] = 0;
  while (depth > 0)
    {
      guint node = stack[--depth];
      guint in_band = k % band, column = in_band / BAND_ROWS, row = in_band % BAND_ROWS;

      if (column % 2 == 1)
        row = BAND_ROWS - 1 - row;
      x[node] = column * PITCH_X + g_rand_double_range (rand, -12, 12);
      y[node] = ((k / band) * BAND_ROWS + row) * PITCH_Y + g_rand_double_range (rand, -10, 10);
      k++;

      for (guint c = first_child[node + 1]; c > first_child[node]; c--)
        stack[depth++] = children[c - 1];
    }
}

gboolean
rs_generate_case (RsCaseStore  *store,
                  guint         n,
                  guint32       seed,
                  gboolean      positions,
                  GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (char *));
  g_autoptr(GPtrArray) entity_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *ids = NULL;
  g_autofree guint *parent = NULL;
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autofree char *title = NULL;
  guint n_hubs = MAX (3, n / 200);
  guint n_docs, n_events;
  Batch batch = { store, 0 };

  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n < 2 || n > 10000000)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("A generated case holds between 2 and 10,000,000 entities, not %u"), n);
      return FALSE;
    }
  n_hubs = MIN (n_hubs, n);

  /* The spanning tree the relations grow from (as in tests/layout/rs-test-graph.h):
   * each entity links to an earlier one, to a hub three times in ten. */
  ids = g_new (gint64, n);
  parent = g_new0 (guint, n);
  for (guint i = 1; i < n; i++)
    parent[i] = i < n_hubs || g_rand_double (rand) >= 0.3
                  ? (guint) g_rand_int_range (rand, 0, i)
                  : (guint) g_rand_int_range (rand, 0, MIN (i, n_hubs));
  x = g_new0 (double, n);
  y = g_new0 (double, n);
  place_entities (rand, parent, n, x, y);

  if (!rs_case_store_begin_batch (store, error))
    return FALSE;

  title = g_strdup_printf ("Generated case: %u entities (seed %u)", n, seed);
  if (!rs_case_store_set_info (store, title, _("Synthetic investigation-shaped case for benchmarks"),
                               error))
    goto fail;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEntity) draft = rs_entity_new (0);
      RsEntityKind kind = pick_kind (rand, i < n_hubs);
      g_autofree char *name = make_name (rand, kind, i);
      RsEntity *entity;

      /* Names are unique, as an analyst's would be. */
      if (g_hash_table_contains (names, name))
        {
          char *numbered = g_strdup_printf ("%s (%u)", name, i);

          g_free (name);
          name = numbered;
        }
      g_hash_table_add (names, g_strdup (name));
      g_ptr_array_add (entity_names, g_strdup (name));

      rs_entity_set_kind (draft, kind);
      rs_entity_set_name (draft, name);
      if (positions)
        {
          rs_entity_set_has_position (draft, TRUE);
          rs_entity_set_x (draft, x[i]);
          rs_entity_set_y (draft, y[i]);
        }
      if (!(entity = rs_case_store_add_entity (store, draft, error)) || !batch_step (&batch, error))
        goto fail;
      ids[i] = rs_entity_get_id (entity);
    }

  /* The tree's links, then half as many again, half of those to a hub. */
  for (guint i = 1; i < n + n / 2; i++)
    {
      g_autoptr(RsRelation) draft = rs_relation_new (0);
      guint source, target;
      RsRelation *relation;
      const char *label;
      gint64 id;

      if (i < n)
        {
          source = parent[i];
          target = i;
        }
      else
        {
          source = g_rand_int_range (rand, 0, n);
          target = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 0, n_hubs)
                                         : (guint) g_rand_int_range (rand, 0, n);
          if (source == target)
            continue;
        }

      label = g_rand_int_range (rand, 0, 4) == 0 ? PICK (rand, relation_labels) : "";
      rs_relation_set_source_id (draft, ids[source]);
      rs_relation_set_target_id (draft, ids[target]);
      rs_relation_set_label (draft, label);
      rs_relation_set_directed (draft, g_rand_int_range (rand, 0, 5) != 0);
      rs_relation_set_status (draft, pick_status (rand));
      if (!(relation = rs_case_store_add_relation (store, draft, error)) ||
          !batch_step (&batch, error))
        goto fail;

      /* Four in five are stated in a document. */
      if (g_rand_int_range (rand, 0, 5) != 0)
        {
          char *sentence = g_strdup_printf ("%s %s %s, according to records dated 20%02d-%02d-%02d. ",
                                            (char *) g_ptr_array_index (entity_names, source),
                                            label[0] != '\0' ? label : "is linked to",
                                            (char *) g_ptr_array_index (entity_names, target),
                                            g_rand_int_range (rand, 12, 26),
                                            g_rand_int_range (rand, 1, 13),
                                            g_rand_int_range (rand, 1, 29));

          id = rs_relation_get_id (relation);
          g_array_append_val (relations, id);
          g_array_append_val (sentences, sentence);
        }
    }

  /* Documents of about RELATIONS_PER_DOC sentences; each sentence quoted as evidence. */
  n_docs = (relations->len + RELATIONS_PER_DOC - 1) / RELATIONS_PER_DOC;
  for (guint d = 0; d < n_docs; d++)
    {
      g_autoptr(RsDocument) draft = rs_document_new (0);
      g_autoptr(GString) text = g_string_new ("Summary of findings. ");
      g_autofree char *doc_title = g_strdup_printf ("Report %u on %s", d + 1, PICK (rand, places));
      g_autofree char *published = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 12, 26),
                                                    g_rand_int_range (rand, 1, 13),
                                                    g_rand_int_range (rand, 1, 29));
      guint first = d * RELATIONS_PER_DOC;
      guint last = MIN (relations->len, first + RELATIONS_PER_DOC);
      g_autofree gsize *starts = g_new (gsize, last - first + 1);
      RsDocument *document;

      for (guint r = first; r < last; r++)
        {
          starts[r - first] = text->len;
          g_string_append (text, g_array_index (sentences, char *, r));
        }
      starts[last - first] = text->len;

      rs_document_set_title (draft, doc_title);
      rs_document_set_publisher (draft, PICK (rand, publishers));
      rs_document_set_published (draft, published);
      rs_document_set_reliability (draft, g_rand_int_range (rand, 0, RS_RELIABILITY_F + 1));
      /* ASCII only, so offsets in bytes are offsets in characters. */
      rs_document_set_text (draft, text->str);
      if (!(document = rs_case_store_add_document (store, draft, error)) ||
          !batch_step (&batch, error))
        goto fail;

      for (guint r = first; r < last; r++)
        {
          g_autoptr(RsQuote) quote_draft = rs_quote_new (0);
          g_autoptr(RsEvidence) evidence_draft = rs_evidence_new (0);
          RsQuote *quote;

          rs_quote_set_document_id (quote_draft, rs_document_get_id (document));
          rs_quote_set_start (quote_draft, starts[r - first]);
          rs_quote_set_end (quote_draft, starts[r - first + 1] - 1);  /* without the space */
          if (!(quote = rs_case_store_add_quote (store, quote_draft, error)) ||
              !batch_step (&batch, error))
            goto fail;

          rs_evidence_set_quote_id (evidence_draft, rs_quote_get_id (quote));
          rs_evidence_set_target (evidence_draft, RS_TARGET_RELATION);
          rs_evidence_set_target_id (evidence_draft, g_array_index (relations, gint64, r));
          rs_evidence_set_stance (evidence_draft, g_rand_int_range (rand, 0, 10) == 0
                                                    ? RS_STANCE_CONTRADICTS : RS_STANCE_SUPPORTS);
          if (!rs_case_store_add_evidence (store, evidence_draft, error) ||
              !batch_step (&batch, error))
            goto fail;
        }
    }

  /* Dated events, each about one to three entities. */
  n_events = MAX (1, n / 25);
  for (guint e = 0; e < n_events; e++)
    {
      g_autoptr(RsEvent) draft = rs_event_new (0);
      g_autoptr(RsFuzzyDate) date = NULL;
      g_autofree char *day = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 12, 26),
                                              g_rand_int_range (rand, 1, 13),
                                              g_rand_int_range (rand, 1, 29));
      g_autofree char *event_title = g_strdup_printf ("Meeting in %s", PICK (rand, places));
      gint64 who[3];
      guint n_who = g_rand_int_range (rand, 1, 4);

      for (guint w = 0; w < n_who; w++)
        who[w] = ids[g_rand_int_range (rand, 0, n)];
      if (!(date = rs_fuzzy_date_parse (day, NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE,
                                        error)))
        goto fail;
      rs_event_set_title (draft, event_title);
      rs_event_set_date (draft, date);
      rs_event_set_entity_ids (draft, who, n_who);
      if (!rs_case_store_add_event (store, draft, error) || !batch_step (&batch, error))
        goto fail;
    }

  for (guint i = 0; i < sentences->len; i++)
    g_free (g_array_index (sentences, char *, i));
  return rs_case_store_commit_batch (store, error);

fail:
  for (guint i = 0; i < sentences->len; i++)
    g_free (g_array_index (sentences, char *, i));
  rs_case_store_rollback_batch (store);
  return FALSE;
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p != '\n' && *p != '\r')
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The case as Graphviz DOT: one box per entity, of the size the board gives it (in
 * inches), named by its label; its stored centre as pos in points, y up, so that
 * `neato -n2` draws the board's arrangement. Entities without a position get none. */
gboolean
rs_generate_write_dot (RsCase      *kase,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (kase, NULL, style);
  g_autoptr(GString) out = g_string_new ("digraph redstring {\n"
                                         "  node [shape=box, fixedsize=true, fontsize=8];\n"
                                         "  edge [fontsize=8];\n");
  g_autoptr(GError) local = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      RsEntity *entity = rs_case_lookup_entity (kase, node->id);

      g_string_append_printf (out, "  n%" G_GINT64_FORMAT " [label=", node->id);
      append_quoted (out, node->label != NULL ? node->label : "");
      g_string_append_printf (out, ", width=%s",
                              g_ascii_formatd (buffer, sizeof buffer, "%.3f", MAX (node->width, 1) / 72.0));
      g_string_append_printf (out, ", height=%s",
                              g_ascii_formatd (buffer, sizeof buffer, "%.3f", MAX (node->height, 1) / 72.0));
      if (entity != NULL && rs_entity_get_has_position (entity))
        {
          g_string_append (out, ", pos=\"");
          g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", rs_entity_get_x (entity)));
          g_string_append_c (out, ',');
          g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", -rs_entity_get_y (entity)));
          g_string_append (out, "!\"");
        }
      g_string_append (out, "];\n");
    }

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      g_string_append_printf (out, "  n%" G_GINT64_FORMAT " -> n%" G_GINT64_FORMAT,
                              rs_board_scene_get_node (scene, edge->source)->id,
                              rs_board_scene_get_node (scene, edge->target)->id);
      if (edge->label != NULL && edge->label[0] != '\0')
        {
          g_string_append (out, " [label=");
          append_quoted (out, edge->label);
          g_string_append (out, edge->directed ? "]" : ", dir=none]");
        }
      else if (!edge->directed)
        g_string_append (out, " [dir=none]");
      g_string_append (out, ";\n");
    }
  g_string_append (out, "}\n");

  if (!g_file_set_contents (path, out->str, out->len, &local))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not write “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}
