/* test-bundle-hostile.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rs-bundle.h"
#include "rs-error.h"
#include "rs-test-utils.h"

/* Bundles written to hurt: each is refused with RS_ERROR, says where, and leaves the
 * case it was imported into byte for byte as it was. */

#define HEAD "{\"format\": \"redstring-case\", \"version\": 1, "
#define DOC \
  "\"documents\": [{\"id\": \"d1\", \"title\": \"Report\", \"text\": \"Tick hacked JAXA.\"}]"
#define QUOTE(start, end) \
  HEAD DOC ", \"quotes\": [{\"id\": \"q\", \"document\": \"d1\", \"start\": " start ", " \
  "\"end\": " end "}]}"
#define ENTITY(kind) \
  HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": " kind ", \"name\": \"Tick\"}]}"

typedef struct
{
  const char  *name;
  const char  *json;               /* or NULL, and generate makes the bytes */
  gsize        length;             /* of json, which may hold a NUL byte */
  GBytes    *(*generate) (void);
  GQuark     (*domain) (void);
  int          code;
  const char  *where;              /* what the message must contain, or NULL */
} Hostile;

/* What an empty file maps to: no data at all, not even a pointer. */
static GBytes *
empty (void)
{
  return g_bytes_new (NULL, 0);
}

/* Nesting far past what json-glib's recursive parser survives on a thread's stack. */
#define DEEP 100000

static GBytes *
deep_arrays (void)
{
  GString *s = g_string_new (HEAD "\"extra\": ");

  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free_to_bytes (s);
}

static GBytes *
deep_objects (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < DEEP; i++)
    g_string_append (s, "{\"a\":");
  g_string_append (s, "1");
  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (s, '}');
  return g_string_free_to_bytes (s);
}

static GBytes *
deep_unclosed (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < DEEP; i++)
    g_string_append (s, "[{\"a\":");
  return g_string_free_to_bytes (s);
}

static GBytes *
read_bundle (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bundles", name, NULL);

  return rs_test_read_file (path);
}

static GBytes *
read_sample (void)
{
  return read_bundle ("tick-2021.json");
}

static GBytes *
truncated_sample (void)
{
  g_autoptr(GBytes) sample = read_sample ();

  return g_bytes_new_from_bytes (sample, 0, g_bytes_get_size (sample) / 2);
}

/* The whole sample, good, then one bad record last: nothing of the good ones lands. */
static GBytes *
sample_with_bad_last (void)
{
  g_autoptr(GBytes) sample = read_sample ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autofree char *text = NULL;
  JsonArray *notes;

  json_parser_load_from_data (parser, g_bytes_get_data (sample, NULL), g_bytes_get_size (sample),
                              &error);
  g_assert_no_error (error);
  notes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "notes");
  bad = json_from_string ("{\"id\": \"late\", \"target\": \"no-such-record\", \"body\": \"x\"}",
                          &error);
  g_assert_no_error (error);
  json_array_add_element (notes, g_steal_pointer (&bad));
  text = json_to_string (json_parser_get_root (parser), FALSE);
  return g_bytes_new_take (g_steal_pointer (&text), strlen (text));
}

/* A row's bytes: a literal (whose length counts any NUL byte in it) or a generator. */
#define J(literal) literal, sizeof literal - 1, NULL
#define GEN(function) NULL, 0, function

static const Hostile hostile[] = {
  { "empty", GEN (empty), rs_error_quark, RS_ERROR_INVALID_INPUT, "bundle: " },
  { "whitespace", J (" \n\t\r\n "), rs_error_quark, RS_ERROR_INVALID_INPUT, "bundle: " },
  { "deep-arrays", GEN (deep_arrays), rs_error_quark, RS_ERROR_INVALID_INPUT, "bundle: line 1" },
  { "deep-objects", GEN (deep_objects), rs_error_quark, RS_ERROR_INVALID_INPUT, "bundle: line 1" },
  { "deep-unclosed", GEN (deep_unclosed), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "bundle: line 1" },
  { "nul-in-text", J (HEAD "\"documents\": [{\"id\": \"d1\", \"title\": \"Report\", "
                      "\"text\": \"Tick\\u0000 hacked JAXA.\"}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "documents[0].text: " },
  { "nul-in-name", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                      "\"name\": \"Ti\\u0000ck\"}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "entities[0].name: " },
  { "nul-in-id", J (HEAD DOC ", \"entities\": [{\"id\": \"d1\\u0000x\", \"kind\": \"group\", "
                    "\"name\": \"Tick\"}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "entities[0].id: " },
  { "nul-in-alias", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                       "\"name\": \"Tick\", \"aliases\": [\"BRONZE\", \"\\u0000\"]}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "entities[0].aliases[1]: " },
  { "nul-after-escaped-backslash", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                                      "\"name\": \"\\\\\\u0000\"}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "entities[0].name: " },
  { "lone-surrogate", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                         "\"name\": \"\\ud800x\"}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "entities[0].name: " },
  { "kind-null", J (ENTITY ("null")), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "entities[0]: “kind”" },
  { "kind-number", J (ENTITY ("3")), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "entities[0]: “kind”" },
  { "kind-object", J (ENTITY ("{}")), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "entities[0]: “kind”" },
  { "precision-null", J (HEAD "\"events\": [{\"id\": \"e\", \"title\": \"Hack\", "
                         "\"date\": \"2016\", \"precision\": null}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "events[0]: “precision”" },
  { "name-null", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                    "\"name\": null}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "entities[0]: “name”" },
  { "offset-1e30", J (QUOTE ("1e30", "5")), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "quotes[0]: “start” is 1e30" },
  { "offset-2^64", J (QUOTE ("0", "18446744073709551616")), rs_error_quark,
    RS_ERROR_INVALID_INPUT, "quotes[0].end: 18446744073709551616" },
  { "offset-2^64+1", J (QUOTE ("0", "18446744073709551617")), rs_error_quark,
    RS_ERROR_INVALID_INPUT, "quotes[0].end: 18446744073709551617" },
  { "offset-below-int64", J (QUOTE ("-9223372036854775809", "5")), rs_error_quark,
    RS_ERROR_INVALID_INPUT, "quotes[0].start: -9223372036854775809" },
  { "offset-negative", J (QUOTE ("-1", "5")), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "quotes[0]: “start” is -1" },
  { "offset-fraction", J (QUOTE ("0", "2.5")), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "quotes[0]: “end” is 2.5" },
  { "credibility-fraction", J (HEAD DOC ", \"quotes\": [{\"id\": \"q\", \"document\": \"d1\", "
                               "\"start\": 0, \"end\": 4, \"credibility\": 2.0}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "quotes[0]: “credibility” is 2.0" },
  { "position-2^64", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                        "\"name\": \"T\"}], \"positions\": [{\"entity\": \"tick\", "
                        "\"x\": 18446744073709551616, \"y\": 0}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "positions[0].x: 18446744073709551616" },
  { "version-2^64+1", J ("{\"format\": \"redstring-case\", \"version\": 18446744073709551617}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "version: 18446744073709551617" },
  { "truncated", GEN (truncated_sample), rs_error_quark, RS_ERROR_INVALID_INPUT, "bundle: " },
  { "invalid-utf8", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\",\n"
                       "\"name\": \"T\xc3\x28\"}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "bundle: line 2" },
  { "nul-byte", J (HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                   "\"name\": \"T\0\"}]}"),
    rs_error_quark, RS_ERROR_INVALID_INPUT, "bundle: line 1" },
  { "bad-last-record", GEN (sample_with_bad_last), rs_error_quark, RS_ERROR_INVALID_INPUT,
    "notes[12]: " },
};

static GBytes *
hostile_bytes (const Hostile *h)
{
  if (h->generate)
    return h->generate ();
  return g_bytes_new_static (h->json, h->length);
}

/* What a case is on disk: the database and its write-ahead log. */
typedef struct
{
  GBytes *db;
  GBytes *wal;
  guint   counts[7];
} Snapshot;

static void
snapshot_clear (Snapshot *s)
{
  g_clear_pointer (&s->db, g_bytes_unref);
  g_clear_pointer (&s->wal, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static GBytes *
read_or_empty (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_bytes_new (NULL, 0);
  return rs_test_read_file (path);
}

static void
count_case (RsCase *kase,
            guint   counts[7])
{
  counts[0] = g_list_model_get_n_items (rs_case_get_documents (kase));
  counts[1] = g_list_model_get_n_items (rs_case_get_entities (kase));
  counts[2] = g_list_model_get_n_items (rs_case_get_relations (kase));
  counts[3] = g_list_model_get_n_items (rs_case_get_quotes (kase));
  counts[4] = g_list_model_get_n_items (rs_case_get_evidence (kase));
  counts[5] = g_list_model_get_n_items (rs_case_get_events (kase));
  counts[6] = g_list_model_get_n_items (rs_case_get_notes (kase));
}

static void
take_snapshot (RsCaseStore *store,
               Snapshot    *s)
{
  const char *path = rs_case_store_get_path (store);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  s->db = read_or_empty (path);
  s->wal = read_or_empty (wal);
  count_case (rs_case_store_get_case (store), s->counts);
}

static void
assert_unchanged (RsCaseStore    *store,
                  const Snapshot *before)
{
  g_auto(Snapshot) after = { 0 };

  take_snapshot (store, &after);
  g_assert_true (g_bytes_equal (before->db, after.db));
  g_assert_true (g_bytes_equal (before->wal, after.wal));
  g_assert_cmpmem (before->counts, sizeof before->counts, after.counts, sizeof after.counts);
}

/* The sample case, copied from one import per program: each row meets the whole
 * sample without paying for an import (ten times dearer under the sanitizers). */
static RsCaseStore *
open_sample_copy (const char *name)
{
  g_autofree char *path = rs_test_make_sample_file (name);
  g_autoptr(GError) error = NULL;
  RsCaseStore *store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  g_autofree char *name = g_strconcat (h->name, ".redstring", NULL);
  g_autoptr(RsCaseStore) store = open_sample_copy (name);
  g_autoptr(GBytes) bytes = hostile_bytes (h);
  g_autoptr(GError) error = NULL;
  g_auto(Snapshot) before = { 0 };

  take_snapshot (store, &before);

  g_assert_false (rs_bundle_import_bytes (store, bytes, &error));
  g_assert_error (error, h->domain (), h->code);
  g_test_message ("%s: %s", h->name, error->message);
  if (h->where != NULL && strstr (error->message, h->where) == NULL)
    g_error ("%s: “%s” does not say “%s”", h->name, error->message, h->where);

  assert_unchanged (store, &before);
}

/* A 0-byte file on disk, through the path the CLI and the import dialog take. */
static void
test_empty_file (void)
{
  g_autoptr(RsCaseStore) store = open_sample_copy ("empty-file.redstring");
  g_autofree char *path = rs_test_temp_path ("empty.json");
  g_autoptr(GError) error = NULL;
  g_auto(Snapshot) before = { 0 };

  rs_test_write_file (path, "", 0);
  take_snapshot (store, &before);
  g_assert_false (rs_bundle_import_file (store, path, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  assert_unchanged (store, &before);
}

/* An escaped backslash before "u0000" is a backslash and five characters, not a NUL. */
static void
test_escaped_backslash_is_not_nul (void)
{
  static const char json[] = HEAD "\"entities\": [{\"id\": \"tick\", \"kind\": \"group\", "
                             "\"name\": \"C:\\\\u0000\"}]}";
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("backslash.redstring");
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  RsEntity *tick;

  g_assert_true (rs_bundle_import_bytes (store, bytes, &error));
  g_assert_no_error (error);
  tick = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), "C:\\u0000");
  g_assert_nonnull (tick);
}

/* A storage failure in the middle of an import is the case file's fault, not the
 * bundle's: the message names the file and SQLite's reason and no bundle record,
 * and the case is as it was. The file-size limit (RLIMIT_FSIZE, which binds root
 * too) makes the disk "full" for this process while a big document is written. */
static void
test_storage_failure (void)
{
  g_autoptr(RsCaseStore) store = open_sample_copy ("full.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GString) json = g_string_new (HEAD "\"documents\": [{\"id\": \"big\", "
                                          "\"title\": \"Big\", \"text\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RsCaseStore) reopened = NULL;
  guint counts_before[7], counts_after[7];
  struct rlimit saved, limit;
  GStatBuf db_stat, wal_stat = { 0 };
  void (*saved_handler) (int);
  gboolean ok;

  /* 8 MiB of text: more than SQLite's page cache, so pages spill to the WAL while
   * the document row is inserted, well before COMMIT. */
  for (guint i = 0; i < 8 * 1024; i++)
    g_string_append (json, "Tick hacked JAXA and about 200 Japanese organisations, said NHK. "
                           "The Tokyo police referred a Chinese engineer to prosecutors. "
                           "A Unit 61419 member directed a former student to rent servers. "
                           "China's Foreign Ministry denied it, in general terms, in Beijing. "
                           "ESET saw Tick exploit an Exchange flaw in late February 2021. "
                           "Mitsubishi Electric, Keio University and JAXA were targets.....\n");
  g_string_append (json, "\"}]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));

  before = rs_bundle_export (rs_case_store_get_case (store), &error);
  g_assert_no_error (error);
  count_case (rs_case_store_get_case (store), counts_before);

  g_assert_cmpint (g_stat (path, &db_stat), ==, 0);
  g_stat (wal_path, &wal_stat);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = MAX (db_stat.st_size, wal_stat.st_size) + 256 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  ok = rs_bundle_import_bytes (store, bytes, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "documents["));
  g_assert_nonnull (strstr (error->message, basename));

  /* The model did not take the rolled-back records ... */
  count_case (rs_case_store_get_case (store), counts_after);
  g_assert_cmpmem (counts_before, sizeof counts_before, counts_after, sizeof counts_after);
  g_clear_error (&error);
  g_clear_object (&store);

  /* ... and neither did the file: opened afresh it exports the same bundle. */
  reopened = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  count_case (rs_case_store_get_case (reopened), counts_after);
  g_assert_cmpmem (counts_before, sizeof counts_before, counts_after, sizeof counts_after);
  after = rs_bundle_export (rs_case_store_get_case (reopened), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));
}

/* Deterministic mutations of an excerpt of the sample bundle (small, so that the
 * mutants that import stay cheap under AddressSanitizer): none crashes, each either imports
 * or is refused with RS_ERROR, and a refused one writes nothing. */
#ifdef __SANITIZE_ADDRESS__
/* libFuzzer (tests/fuzz/fuzz-bundle.c, make fuzz) explores this far better now;
 * under the sanitizers, where an import costs ten times more, a sample runs. */
#define N_MUTANTS 300
#else
#define N_MUTANTS 2000
#endif
#define FUZZ_SEED 20210420

static void
mutate (GRand   *rand,
        GString *s)
{
  static const char specials[] = "{}[]\",:\\0123456789-+.eE \n\x80\xff";
  static const char *tokens[] = {
    "\\u0000", "\\ud800", "\\", "\"", "null", "1e30", "18446744073709551616", "-1", "2.5",
    "[[[[[[[[", "}}}}", "{\"\":", "\"kind\":", "\"id\": \"tick\"", "true", "\xc3", "\\\\u0000",
  };
  guint n = g_rand_int_range (rand, 1, 5);

  for (guint i = 0; i < n && s->len > 0; i++)
    {
      gsize pos = g_rand_int_range (rand, 0, s->len);
      /* Drawn once: MIN () evaluates its arguments twice. */
      gsize span = g_rand_int_range (rand, 1, 64);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0: /* any byte */
          s->str[pos] = (char)g_rand_int_range (rand, 1, 256);
          break;
        case 1: /* a byte that matters to JSON */
          s->str[pos] = specials[g_rand_int_range (rand, 0, sizeof specials - 1)];
          break;
        case 2: /* a token that has broken parsers before */
          g_string_insert (s, pos, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
          break;
        case 3: /* cut a span */
          g_string_erase (s, pos, MIN (s->len - pos, span));
          break;
        case 4: /* repeat a span */
          {
            gsize len = MIN (s->len - pos, span);
            g_autofree char *copy = g_strndup (s->str + pos, len);

            g_string_insert_len (s, pos, copy, len);
          }
          break;
        case 5: /* truncate */
          g_string_truncate (s, pos);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_fuzz (void)
{
  g_autoptr(GBytes) sample = read_bundle ("tick-2021-excerpt.json");
  g_autoptr(GRand) rand = g_rand_new_with_seed (FUZZ_SEED);
  g_autoptr(RsCaseStore) store = NULL;
  guint imported = 0, refused = 0, generation = 0;

  for (guint i = 0; i < N_MUTANTS; i++)
    {
      g_autoptr(GString) s = g_string_new_len (g_bytes_get_data (sample, NULL),
                                               g_bytes_get_size (sample));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      guint counts[7];

      /* Every mutant meets an empty case, as a bundle opened into a new case would. */
      if (store == NULL)
        {
          g_autofree char *name = g_strdup_printf ("fuzz-%u.redstring", generation++);

          store = rs_test_open_new_case (name);
        }

      mutate (rand, s);
      bytes = g_string_free_to_bytes (g_steal_pointer (&s));

      if (rs_bundle_import_bytes (store, bytes, &error))
        {
          g_assert_no_error (error);
          imported++;
          g_clear_object (&store);
          continue;
        }

      if (error == NULL || error->domain != RS_ERROR)
        g_error ("mutant %u: refused without an RS_ERROR (%s)", i,
                 error ? error->message : "no error set");
      count_case (rs_case_store_get_case (store), counts);
      for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
        if (counts[k] != 0)
          g_error ("mutant %u was refused (%s) but wrote records", i, error->message);
      refused++;
    }

  g_test_message ("%u mutants imported, %u refused", imported, refused);
  g_assert_cmpuint (imported + refused, ==, N_MUTANTS);
  /* A fuzz loop that never gets past the parser proves little. */
  g_assert_cmpuint (imported, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strconcat ("/bundle-hostile/refused/", hostile[i].name, NULL);

      g_test_add_data_func (path, &hostile[i], test_hostile);
    }
  g_test_add_func ("/bundle-hostile/empty-file", test_empty_file);
  g_test_add_func ("/bundle-hostile/escaped-backslash-is-not-nul",
                   test_escaped_backslash_is_not_nul);
  g_test_add_func ("/bundle-hostile/storage-failure", test_storage_failure);
  g_test_add_func ("/bundle-hostile/fuzz", test_fuzz);

  return g_test_run ();
}
