/* test-suggest.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rs-case.h"
#include "rs-enum-types.h"
#include "rs-suggest.h"
#include "rs-test-utils.h"

/* The suggestion engine measured against the hand-made answer key of the two seed
 * reports (tests/data/suggest/): precision and recall of new entities in an empty
 * case, of mentions in a case that already holds the key's entities, and of dated
 * events. The floors sit just under what the engine reached when they were set: a
 * change that makes suggestions worse fails here, one that makes them better should
 * raise them. */

#define FLOOR_ENTITY_PRECISION  0.93
#define FLOOR_ENTITY_RECALL     0.95
#define FLOOR_MENTION_PRECISION 0.97
#define FLOOR_MENTION_RECALL    0.97
#define FLOOR_DATE_PRECISION    0.93
#define FLOOR_DATE_RECALL       0.93

static JsonObject *
load_key (JsonParser *parser)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "suggest",
                                                 "answer-key.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
load_report (JsonObject *report)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seeds",
                                                 json_object_get_string_member (report, "file"),
                                                 NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static RsDocument *
make_document (JsonObject *report,
               gint64      id)
{
  RsDocument *document = rs_document_new (id);
  g_autofree char *text = load_report (report);

  rs_document_set_title (document, json_object_get_string_member (report, "file"));
  rs_document_set_published (document, json_object_get_string_member (report, "published"));
  rs_document_set_text (document, text);
  return document;
}

static void
assert_span (const char *text,
             JsonObject *span)
{
  g_autofree char *slice = g_utf8_substring (text, json_object_get_int_member (span, "start"),
                                             json_object_get_int_member (span, "end"));

  g_assert_cmpstr (slice, ==, json_object_get_string_member (span, "text"));
}

/* The key itself: every span names what it says, in code points of the seed text. */
static void
test_answer_key (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *reports = json_object_get_array_member (load_key (parser), "reports");
  guint spans = 0;

  g_assert_cmpuint (json_array_get_length (reports), ==, 2);
  for (guint r = 0; r < json_array_get_length (reports); r++)
    {
      JsonObject *report = json_array_get_object_element (reports, r);
      g_autofree char *text = load_report (report);
      const char *lists[] = { "entities", "optional" };
      JsonArray *dates;
      int value;

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          JsonArray *entities = json_object_get_array_member (report, lists[l]);

          for (guint e = 0; e < json_array_get_length (entities); e++)
            {
              JsonObject *entity = json_array_get_object_element (entities, e);
              JsonArray *mentions = json_object_get_array_member (entity, "mentions");

              g_assert_true (rs_enum_from_nick (RS_TYPE_ENTITY_KIND,
                                                json_object_get_string_member (entity, "kind"),
                                                &value));
              g_assert_cmpuint (json_array_get_length (mentions), >, 0);
              for (guint m = 0; m < json_array_get_length (mentions); m++, spans++)
                assert_span (text, json_array_get_object_element (mentions, m));
            }
        }
      dates = json_object_get_array_member (report, "dates");
      for (guint d = 0; d < json_array_get_length (dates); d++, spans++)
        {
          JsonObject *date = json_array_get_object_element (dates, d);

          assert_span (text, date);
          g_assert_true (rs_enum_from_nick (RS_TYPE_DATE_PRECISION,
                                            json_object_get_string_member (date, "precision"),
                                            &value));
        }
    }
  g_assert_cmpuint (spans, >, 100);
}

/* Does @name name @entity of the key (its name or an alias, case-insensitively)? */
static gboolean
names (JsonObject *entity,
       const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *own = g_utf8_casefold (json_object_get_string_member (entity, "name"), -1);
  JsonArray *aliases = json_object_get_array_member (entity, "aliases");

  if (g_str_equal (folded, own))
    return TRUE;
  for (guint a = 0; a < json_array_get_length (aliases); a++)
    {
      g_autofree char *alias = g_utf8_casefold (json_array_get_string_element (aliases, a), -1);

      if (g_str_equal (folded, alias))
        return TRUE;
    }
  return FALSE;
}

static JsonObject *
find_entity (JsonArray  *entities,
             const char *name)
{
  for (guint e = 0; e < json_array_get_length (entities); e++)
    if (names (json_array_get_object_element (entities, e), name))
      return json_array_get_object_element (entities, e);
  return NULL;
}

typedef struct
{
  guint true_positives;
  guint suggested;
  guint found;
  guint expected;
} Score;

static double
ratio (guint a,
       guint b)
{
  return b == 0 ? 1.0 : (double)a / b;
}

/* Suggestions in an empty case: each new candidate is right when it names an entity of
 * the key (or an optional one); an entity of the key is found when some suggestion
 * names it. */
static void
score_new_entities (JsonObject *report,
                    Score      *score)
{
  g_autoptr(RsCase) kase = rs_case_new ();
  g_autoptr(RsDocument) document = make_document (report, 1);
  g_autoptr(GPtrArray) suggestions = rs_suggest_document (kase, document);
  JsonArray *entities = json_object_get_array_member (report, "entities");
  JsonArray *optional = json_object_get_array_member (report, "optional");
  g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      RsSuggestion *s = g_ptr_array_index (suggestions, i);
      const char *name = rs_suggestion_get_name (s);
      JsonObject *entity;

      if (rs_suggestion_is_event (s))
        continue;
      g_assert_false (rs_suggestion_is_mention (s));
      g_assert_cmpstr (rs_suggestion_get_reason (s), !=, "");
      score->suggested++;
      if ((entity = find_entity (entities, name)) != NULL)
        {
          score->true_positives++;
          g_hash_table_add (found, entity);
        }
      else if (find_entity (optional, name) != NULL)
        score->true_positives++;
      else
        g_test_message ("  not in the key: %s “%s” (%s)",
                        rs_enum_to_nick (RS_TYPE_ENTITY_KIND, rs_suggestion_get_kind (s)), name,
                        rs_suggestion_get_reason (s));
    }
  for (guint e = 0; e < json_array_get_length (entities); e++)
    {
      JsonObject *entity = json_array_get_object_element (entities, e);

      score->expected++;
      if (g_hash_table_contains (found, entity))
        score->found++;
      else
        g_test_message ("  missed: %s", json_object_get_string_member (entity, "name"));
    }
}

static void
test_new_entities (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *reports = json_object_get_array_member (load_key (parser), "reports");
  Score score = { 0 };
  double precision, recall;

  for (guint r = 0; r < json_array_get_length (reports); r++)
    {
      JsonObject *report = json_array_get_object_element (reports, r);

      g_test_message ("%s", json_object_get_string_member (report, "file"));
      score_new_entities (report, &score);
    }
  precision = ratio (score.true_positives, score.suggested);
  recall = ratio (score.found, score.expected);
  g_test_message ("new entities: precision %.3f (%u/%u), recall %.3f (%u/%u)", precision,
                  score.true_positives, score.suggested, recall, score.found, score.expected);
  g_assert_cmpfloat (precision, >=, FLOOR_ENTITY_PRECISION);
  g_assert_cmpfloat (recall, >=, FLOOR_ENTITY_RECALL);
}

/* A case that already holds the key's entities: every mention must be found at its
 * exact span, for the right entity, and nothing else proposed as a mention. */
static void
test_mentions (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *reports = json_object_get_array_member (load_key (parser), "reports");
  Score score = { 0 };
  double precision, recall;

  for (guint r = 0; r < json_array_get_length (reports); r++)
    {
      JsonObject *report = json_array_get_object_element (reports, r);
      JsonArray *entities = json_object_get_array_member (report, "entities");
      g_autoptr(RsCase) kase = rs_case_new ();
      g_autoptr(RsDocument) document = make_document (report, 1);
      g_autoptr(GPtrArray) suggestions = NULL;
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint e = 0; e < json_array_get_length (entities); e++)
        {
          JsonObject *o = json_array_get_object_element (entities, e);
          JsonArray *mentions = json_object_get_array_member (o, "mentions");
          JsonArray *aliases = json_object_get_array_member (o, "aliases");
          g_autoptr(RsEntity) entity = rs_entity_new (e + 1);
          g_autoptr(GPtrArray) list = g_ptr_array_new ();
          int kind = 0;

          rs_enum_from_nick (RS_TYPE_ENTITY_KIND, json_object_get_string_member (o, "kind"), &kind);
          rs_entity_set_kind (entity, kind);
          rs_entity_set_name (entity, json_object_get_string_member (o, "name"));
          for (guint a = 0; a < json_array_get_length (aliases); a++)
            g_ptr_array_add (list, (gpointer)json_array_get_string_element (aliases, a));
          g_ptr_array_add (list, NULL);
          rs_entity_set_aliases (entity, (const char * const *)list->pdata);
          rs_case_add_entity (kase, entity);
          for (guint m = 0; m < json_array_get_length (mentions); m++)
            {
              JsonObject *mention = json_array_get_object_element (mentions, m);

              g_hash_table_insert (expected,
                                   g_strdup_printf ("%u:%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                                    e + 1, json_object_get_int_member (mention, "start"),
                                                    json_object_get_int_member (mention, "end")),
                                   (gpointer)json_object_get_string_member (mention, "text"));
              score.expected++;
            }
        }

      suggestions = rs_suggest_document (kase, document);
      for (guint i = 0; i < suggestions->len; i++)
        {
          RsSuggestion *s = g_ptr_array_index (suggestions, i);
          g_autofree char *key = NULL;

          if (!rs_suggestion_is_mention (s))
            continue;
          score.suggested++;
          key = g_strdup_printf ("%" G_GINT64_FORMAT ":%ld-%ld", rs_suggestion_get_entity_id (s),
                                 rs_suggestion_get_start (s), rs_suggestion_get_end (s));
          if (g_hash_table_remove (expected, key))
            score.true_positives++;
          else
            g_test_message ("  not a mention in the key: %s at %ld (%s)",
                            rs_suggestion_get_name (s), rs_suggestion_get_start (s),
                            rs_suggestion_get_reason (s));
        }
      {
        GHashTableIter iter;
        gpointer key, text;

        g_hash_table_iter_init (&iter, expected);
        while (g_hash_table_iter_next (&iter, &key, &text))
          g_test_message ("  mention missed: “%s” (%s)", (char *)text, (char *)key);
      }
    }
  score.found = score.true_positives;
  precision = ratio (score.true_positives, score.suggested);
  recall = ratio (score.found, score.expected);
  g_test_message ("mentions: precision %.3f (%u/%u), recall %.3f (%u/%u)", precision,
                  score.true_positives, score.suggested, recall, score.found, score.expected);
  g_assert_cmpfloat (precision, >=, FLOOR_MENTION_PRECISION);
  g_assert_cmpfloat (recall, >=, FLOOR_MENTION_RECALL);
}

/* "2016", "2021-02-20", "2016/2017": the date as the CLI and the key write it. */
static char *
dup_iso (RsFuzzyDate *date)
{
  g_autofree char *start = rs_fuzzy_date_dup_start (date);
  g_autofree char *end = rs_fuzzy_date_dup_end (date);

  if (rs_fuzzy_date_get_precision (date) == RS_DATE_PRECISION_RANGE)
    return g_strdup_printf ("%s/%s", start, end);
  return g_steal_pointer (&start);
}

/* An event suggestion is right when its span (the sentence) holds a date phrase of the
 * key and reads the same date, precision and qualifier; a date of the key is found
 * when some event suggestion is right about it. */
static void
test_dates (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *reports = json_object_get_array_member (load_key (parser), "reports");
  Score score = { 0 };
  double precision, recall;

  for (guint r = 0; r < json_array_get_length (reports); r++)
    {
      JsonObject *report = json_array_get_object_element (reports, r);
      JsonArray *dates = json_object_get_array_member (report, "dates");
      g_autoptr(RsCase) kase = rs_case_new ();
      g_autoptr(RsDocument) document = make_document (report, 1);
      g_autoptr(GPtrArray) suggestions = rs_suggest_document (kase, document);
      g_autofree gboolean *found = g_new0 (gboolean, json_array_get_length (dates));

      for (guint i = 0; i < suggestions->len; i++)
        {
          RsSuggestion *s = g_ptr_array_index (suggestions, i);
          RsFuzzyDate *date = rs_suggestion_get_date (s);
          g_autofree char *iso = NULL;
          const char *precision_nick, *qualifier_nick;
          gboolean right = FALSE;

          if (!rs_suggestion_is_event (s))
            continue;
          score.suggested++;
          iso = dup_iso (date);
          precision_nick = rs_enum_to_nick (RS_TYPE_DATE_PRECISION, rs_fuzzy_date_get_precision (date));
          qualifier_nick = rs_fuzzy_date_get_qualifier (date) == RS_DATE_QUALIFIER_NONE ? NULL :
                           rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER, rs_fuzzy_date_get_qualifier (date));
          for (guint d = 0; d < json_array_get_length (dates); d++)
            {
              JsonObject *key = json_array_get_object_element (dates, d);

              if (json_object_get_int_member (key, "start") < rs_suggestion_get_end (s) &&
                  rs_suggestion_get_start (s) < json_object_get_int_member (key, "end") &&
                  g_str_equal (iso, json_object_get_string_member (key, "date")) &&
                  g_str_equal (precision_nick, json_object_get_string_member (key, "precision")) &&
                  g_strcmp0 (qualifier_nick, json_object_get_string_member (key, "qualifier")) == 0)
                {
                  right = TRUE;
                  found[d] = TRUE;
                }
            }
          if (right)
            score.true_positives++;
          else
            g_test_message ("  event not in the key: %s at %ld (%s)", iso,
                            rs_suggestion_get_start (s), rs_suggestion_get_reason (s));
        }
      for (guint d = 0; d < json_array_get_length (dates); d++)
        {
          score.expected++;
          if (found[d])
            score.found++;
          else
            g_test_message ("  date missed: “%s” at %" G_GINT64_FORMAT,
                            json_object_get_string_member (json_array_get_object_element (dates, d), "text"),
                            json_object_get_int_member (json_array_get_object_element (dates, d), "start"));
        }
    }
  precision = ratio (score.true_positives, score.suggested);
  recall = ratio (score.found, score.expected);
  g_test_message ("dates: precision %.3f (%u/%u), recall %.3f (%u/%u)", precision,
                  score.true_positives, score.suggested, recall, score.found, score.expected);
  g_assert_cmpfloat (precision, >=, FLOOR_DATE_PRECISION);
  g_assert_cmpfloat (recall, >=, FLOOR_DATE_RECALL);
}

static GPtrArray *
suggest (RsCase     *kase,
         const char *text)
{
  return rs_suggest_text (kase, text, "2021-04-20");
}

static RsSuggestion *
find_suggestion (GPtrArray  *suggestions,
                 const char *name)
{
  for (guint i = 0; i < suggestions->len; i++)
    if (g_str_equal (rs_suggestion_get_name (g_ptr_array_index (suggestions, i)), name))
      return g_ptr_array_index (suggestions, i);
  return NULL;
}

/* The rules one by one, each with what it must not catch. */
static void
test_rules (void)
{
  g_autoptr(RsCase) kase = rs_case_new ();
  const char *text = "Attackers used CVE-2021-26855 against Acme Widgets Inc. and the "
                     "University of Somewhere. A hacker group dubbed Purple Heron was blamed, "
                     "and unit 12345 of the army. It is IT work. The Tuesday meeting.";
  g_autoptr(GPtrArray) all = suggest (kase, text);
  RsSuggestion *s;

  s = find_suggestion (all, "CVE-2021-26855");
  g_assert_nonnull (s);
  g_assert_cmpint (rs_suggestion_get_kind (s), ==, RS_ENTITY_KIND_VULNERABILITY);
  g_assert_cmpint (rs_suggestion_get_start (s), ==, 15);
  g_assert_cmpint (rs_suggestion_get_end (s), ==, 29);

  s = find_suggestion (all, "Acme Widgets Inc.");
  g_assert_nonnull (s);
  g_assert_cmpint (rs_suggestion_get_kind (s), ==, RS_ENTITY_KIND_ORGANIZATION);

  s = find_suggestion (all, "Purple Heron");
  g_assert_nonnull (s);
  g_assert_cmpint (rs_suggestion_get_kind (s), ==, RS_ENTITY_KIND_GROUP);
  g_assert_nonnull (strstr (rs_suggestion_get_reason (s), "dubbed Purple Heron"));

  s = find_suggestion (all, "Unit 12345");
  g_assert_nonnull (s);
  g_assert_cmpint (rs_suggestion_get_kind (s), ==, RS_ENTITY_KIND_UNIT);

  g_assert_null (find_suggestion (all, "IT"));
  g_assert_null (find_suggestion (all, "Tuesday"));
  g_assert_null (find_suggestion (all, "The"));
  g_assert_null (find_suggestion (all, "Attackers"));
  g_assert_null (find_suggestion (all, "It"));
}

/* Acronyms match in capitals only, a one-word name not in lowercase, and the longest
 * name wins a span. */
static void
test_case_rules (void)
{
  g_autoptr(RsCase) kase = rs_case_new ();
  g_autoptr(RsEntity) jaxa = rs_entity_new (1);
  g_autoptr(RsEntity) tick = rs_entity_new (2);
  g_autoptr(RsEntity) japan = rs_entity_new (3);
  const char *aliases[] = { "JAXA", NULL };
  const char *text = "Japan Aerospace Exploration Agency and jaxa and JAXA; Tick, tick, TICK; Japan.";
  g_autoptr(GPtrArray) all = NULL;
  guint n_jaxa = 0, n_tick = 0, n_japan = 0;

  rs_entity_set_name (jaxa, "Japan Aerospace Exploration Agency");
  rs_entity_set_aliases (jaxa, aliases);
  rs_entity_set_name (tick, "Tick");
  rs_entity_set_kind (tick, RS_ENTITY_KIND_GROUP);
  rs_entity_set_name (japan, "Japan");
  rs_case_add_entity (kase, jaxa);
  rs_case_add_entity (kase, tick);
  rs_case_add_entity (kase, japan);

  all = suggest (kase, text);
  for (guint i = 0; i < all->len; i++)
    {
      RsSuggestion *s = g_ptr_array_index (all, i);

      g_assert_true (rs_suggestion_is_mention (s));
      switch (rs_suggestion_get_entity_id (s))
        {
        case 1: n_jaxa++; break;
        case 2: n_tick++; g_assert_cmpint (rs_suggestion_get_kind (s), ==, RS_ENTITY_KIND_GROUP); break;
        case 3: n_japan++; g_assert_cmpint (rs_suggestion_get_start (s), ==, 72); break;
        default: g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (n_jaxa, ==, 2);
  g_assert_cmpuint (n_tick, ==, 2);
  g_assert_cmpuint (n_japan, ==, 1);
}

/* A Japanese report: no capital letters, no word spaces. What the engine still finds:
 * names and aliases of the case written as in the text, and names in Latin letters;
 * it proposes no new Japanese names. */
/* The same name with another apostrophe is the same name: "People's" in one report is
 * "People’s" in the case, and is a mention, not a new entity. */
static void
test_apostrophes (void)
{
  g_autoptr(RsCase) kase = rs_case_new ();
  g_autoptr(RsEntity) pla = rs_entity_new (2);
  const char *text = "Investigators named Unit 61419 of the People's Liberation Army as the "
                     "group's handler.";
  g_autoptr(GPtrArray) all = NULL;
  gboolean mention = FALSE;

  rs_entity_set_name (pla, "People’s Liberation Army");
  rs_case_add_entity (kase, pla);
  all = suggest (kase, text);
  for (guint i = 0; i < all->len; i++)
    {
      RsSuggestion *s = g_ptr_array_index (all, i);
      g_autofree char *slice = g_utf8_substring (text, rs_suggestion_get_start (s),
                                                 rs_suggestion_get_end (s));

      if (rs_suggestion_is_mention (s) && rs_suggestion_get_entity_id (s) == 2)
        {
          g_assert_cmpstr (slice, ==, "People's Liberation Army");
          mention = TRUE;
        }
      else
        g_assert_false (!rs_suggestion_is_event (s) && strstr (slice, "Liberation") != NULL);
    }
  g_assert_true (mention);
}

static void
test_japanese (void)
{
  g_autoptr(RsCase) kase = rs_case_new ();
  g_autoptr(RsEntity) jaxa = rs_entity_new (1);
  g_autoptr(RsEntity) pla = rs_entity_new (2);
  const char *aliases[] = { "宇宙航空研究開発機構", NULL };
  const char *pla_aliases[] = { "PLA", "中国人民解放軍", NULL };
  const char *text = "警視庁によると、中国人民解放軍の指示を受けたハッカー集団「Tick」が、"
                     "2016年にJAXAなど約200の研究機関や企業にサイバー攻撃を行った。"
                     "警視庁は20日、男を書類送検した。";
  g_autoptr(GPtrArray) all = NULL;
  RsSuggestion *s;

  rs_entity_set_name (jaxa, "JAXA");
  rs_entity_set_aliases (jaxa, aliases);
  rs_case_add_entity (kase, jaxa);
  rs_entity_set_name (pla, "People’s Liberation Army");
  rs_entity_set_aliases (pla, pla_aliases);
  rs_case_add_entity (kase, pla);
  all = suggest (kase, text);
  for (guint i = 0; i < all->len; i++)
    {
      s = g_ptr_array_index (all, i);
      g_test_message ("Japanese: %s “%s” %ld–%ld (%s)",
                      rs_suggestion_is_event (s) ? "event" : rs_suggestion_is_mention (s) ? "mention" : "entity",
                      rs_suggestion_get_name (s), rs_suggestion_get_start (s),
                      rs_suggestion_get_end (s), rs_suggestion_get_reason (s));
    }
  /* JAXA is a mention at its place in characters, Tick a capitalised name. */
  s = find_suggestion (all, "JAXA");
  g_assert_nonnull (s);
  g_assert_true (rs_suggestion_is_mention (s));
  {
    g_autofree char *slice = g_utf8_substring (text, rs_suggestion_get_start (s),
                                               rs_suggestion_get_end (s));
    g_assert_cmpstr (slice, ==, "JAXA");
  }
  g_assert_nonnull (find_suggestion (all, "Tick"));
  /* "2016年" dates its sentence, which ends at "。". */
  for (guint i = 0; i < all->len; i++)
    {
      s = g_ptr_array_index (all, i);
      if (rs_suggestion_is_event (s))
        {
          g_autofree char *start = rs_fuzzy_date_dup_start (rs_suggestion_get_date (s));

          g_assert_cmpstr (start, ==, "2016");
          g_assert_cmpint (rs_suggestion_get_start (s), ==, 0);
          g_assert_cmpint (rs_suggestion_get_end (s), ==, 72);
        }
    }
  /* An alias written in Japanese is found inside running Japanese text. */
  s = find_suggestion (all, "People’s Liberation Army");
  g_assert_nonnull (s);
  g_assert_cmpint (rs_suggestion_get_start (s), ==, 8);
  g_assert_cmpint (rs_suggestion_get_end (s), ==, 15);
}

/* The value: accessors, a boxed copy is the same value, the last unref frees it
 * (ASan's leak check sees the rest). */
static void
test_suggestion_value (void)
{
  const char *aliases[] = { "JAXA", NULL };
  g_autoptr(RsFuzzyDate) date = rs_fuzzy_date_parse ("2016", "2017", RS_DATE_PRECISION_RANGE,
                                                     RS_DATE_QUALIFIER_NONE, NULL);
  g_autoptr(RsSuggestion) entity = rs_suggestion_new_entity (RS_ENTITY_KIND_ORGANIZATION,
                                                             "Japan Aerospace Exploration Agency",
                                                             aliases, 4, 38, 0, "why");
  g_autoptr(RsSuggestion) event = rs_suggestion_new_event (date, "Campaign", 0, 120, "when");
  g_autoptr(RsSuggestion) copy = g_boxed_copy (RS_TYPE_SUGGESTION, entity);

  g_assert_true (copy == entity);
  g_assert_false (rs_suggestion_is_event (entity));
  g_assert_false (rs_suggestion_is_mention (entity));
  g_assert_cmpstr (rs_suggestion_get_aliases (entity)[0], ==, "JAXA");
  g_assert_null (rs_suggestion_get_aliases (entity)[1]);
  g_assert_null (rs_suggestion_get_date (entity));
  g_assert_cmpint (rs_suggestion_get_start (entity), ==, 4);
  g_assert_cmpint (rs_suggestion_get_end (entity), ==, 38);
  g_assert_true (rs_suggestion_is_event (event));
  g_assert_true (rs_fuzzy_date_equal (rs_suggestion_get_date (event), date));
  g_assert_cmpint (rs_suggestion_get_kind (event), ==, RS_ENTITY_KIND_EVENT);
  g_assert_nonnull (rs_suggestion_get_aliases (event));
  g_assert_cmpstr (rs_suggestion_get_reason (event), ==, "when");
}

/* Bad text gives nothing, never a crash. */
static void
test_bad_text (void)
{
  g_autoptr(RsCase) kase = rs_case_new ();
  g_autoptr(GPtrArray) empty = suggest (kase, "");
  g_autoptr(GPtrArray) invalid = suggest (kase, "Acme \xff\xfe Inc.");
  g_autoptr(GPtrArray) punct = suggest (kase, "(((’’’ ... ’s ’s - - Inc. .");

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (invalid->len, ==, 0);
  (void)punct;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/suggest/answer-key", test_answer_key);
  g_test_add_func ("/suggest/new-entities", test_new_entities);
  g_test_add_func ("/suggest/mentions", test_mentions);
  g_test_add_func ("/suggest/dates", test_dates);
  g_test_add_func ("/suggest/rules", test_rules);
  g_test_add_func ("/suggest/case-rules", test_case_rules);
  g_test_add_func ("/suggest/japanese", test_japanese);
  g_test_add_func ("/suggest/apostrophes", test_apostrophes);
  g_test_add_func ("/suggest/bad-text", test_bad_text);
  g_test_add_func ("/suggest/suggestion-value", test_suggestion_value);

  return g_test_run ();
}
