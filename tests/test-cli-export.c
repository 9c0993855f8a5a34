/* test-cli-export.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-export.h"
#include "rs-test-utils.h"

/* redstring-cli layout and export, run as a program: exit status, messages, the files
 * written or left alone, and the case file before and after. */

typedef struct
{
  int     status;
  GBytes *out;   /* binary: -o - may write a PNG */
  char   *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs redstring-cli with the arguments, NULL-terminated. */
static void
run_cli (CliRun *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)rs_test_cli_path ());
  va_start (args, run);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &run->out, &err, &error);
  g_assert_no_error (error);
  run->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("%s → %d: %s", (const char *)argv->pdata[1], run->status, run->err);
}

static char *
dup_out (CliRun *run)
{
  return g_strndup (g_bytes_get_data (run->out, NULL), g_bytes_get_size (run->out));
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GBytes) bytes = rs_test_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* How many entities of the case at path have a position, as the file says. */
static guint
count_placed (const char *path,
              guint      *n_entities)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  GListModel *entities;
  guint n = 0;

  g_assert_no_error (error);
  entities = rs_case_get_entities (rs_case_store_get_case (store));
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      n += rs_entity_get_has_position (entity);
    }
  if (n_entities != NULL)
    *n_entities = g_list_model_get_n_items (entities);
  return n;
}

/* A case without positions, as a bundle imported without them. */
static char *
make_unplaced_case (const char *name)
{
  char *path = rs_test_temp_path (name);
  g_auto(CliRun) made = { 0 };
  guint n_entities = 0;

  run_cli (&made, "generate", "--entities", "30", "--no-positions", "--force", path, NULL);
  g_assert_cmpint (made.status, ==, 0);
  g_assert_cmpuint (count_placed (path, &n_entities), ==, 0);
  g_assert_cmpuint (n_entities, ==, 30);
  return path;
}

/* layout writes the positions; a second layout has nothing to do; --all moves them. */
static void
test_layout (void)
{
  g_autofree char *path = make_unplaced_case ("layout.redstring");
  g_autofree char *out = NULL;
  g_auto(CliRun) first = { 0 };
  g_auto(CliRun) second = { 0 };
  g_auto(CliRun) all = { 0 };

  run_cli (&first, "layout", "--engine", "neato", path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  out = dup_out (&first);
  g_assert_nonnull (strstr (out, "Placed 30 entities of 30 (neato)"));
  g_assert_cmpuint (count_placed (path, NULL), ==, 30);

  run_cli (&second, "layout", path, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = dup_out (&second);
  g_assert_nonnull (strstr (out, "Nothing to lay out"));

  run_cli (&all, "layout", "--all", "--engine", "circo", path, NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = dup_out (&all);
  g_assert_nonnull (strstr (out, "Placed 30 entities of 30 (circo)"));
}

/* 2: the command line was wrong; 1: the operation failed. Nothing written either way. */
static void
test_layout_errors (void)
{
  g_autofree char *path = make_unplaced_case ("layout-errors.redstring");
  g_autofree char *missing = rs_test_temp_path ("no-such.redstring");
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_auto(CliRun) engine = { 0 };
  g_auto(CliRun) no_case = { 0 };
  g_auto(CliRun) two_cases = { 0 };
  g_auto(CliRun) absent = { 0 };

  run_cli (&engine, "layout", "--engine", "spring", path, NULL);
  g_assert_cmpint (engine.status, ==, 2);
  g_assert_nonnull (strstr (engine.err, "unknown engine “spring”"));

  run_cli (&no_case, "layout", NULL);
  g_assert_cmpint (no_case.status, ==, 2);
  run_cli (&two_cases, "layout", path, path, NULL);
  g_assert_cmpint (two_cases.status, ==, 2);

  run_cli (&absent, "layout", missing, NULL);
  g_assert_cmpint (absent.status, ==, 1);
  g_assert_nonnull (strstr (absent.err, "no-such.redstring"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_placed (path, NULL), ==, 0);
}

static gboolean
has_prefix (GBytes     *bytes,
            const char *prefix,
            gsize       length)
{
  return g_bytes_get_size (bytes) >= length && memcmp (g_bytes_get_data (bytes, NULL), prefix, length) == 0;
}

static const char png_signature[] = "\x89PNG\r\n\x1a\n";

/* Well-formed XML, by GMarkup's reading; counts the elements. */
static guint n_elements;

static void
count_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  n_elements++;
}

static void
assert_xml (const char *data,
            gssize      length)
{
  static const GMarkupParser parser = { count_element_cb };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *start = data;

  /* GMarkup does not take the XML declaration or a doctype: skip them. */
  while (g_str_has_prefix (start, "<?") || g_str_has_prefix (start, "<!") || *start == '\n')
    start = *start == '\n' ? start + 1 : strchr (start, '>') + 1;

  n_elements = 0;
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, NULL, NULL);
  g_markup_parse_context_parse (context, start, length < 0 ? -1 : length - (start - data), &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_elements, >, 10);
}

static char *
make_sample_case (const char *name)
{
  char *path = rs_test_temp_path (name);
  g_auto(CliRun) made = { 0 };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      run_cli (&made, "new", "--sample", path, NULL);
      g_assert_cmpint (made.status, ==, 0);
    }
  return path;
}

/* Every way export fails, its exit status, and the file it was to replace intact. */
static void
test_export_errors (void)
{
  static const struct {
    int         status;
    const char *message;
    const char *args[6];
  } cases[] = {
    { 2, "unknown format “tiff”", { "--format", "tiff" } },
    { 2, "cannot tell the format", { "-o", "@OUT@.txt" } },
    { 2, "unknown content “poster”", { "--content", "poster" } },
    { 2, "png does not export the brief", { "--format", "png", "--content", "brief" } },
    { 2, "--kind: unknown value “alien”", { "--kind", "alien" } },
    { 2, "--hide-kind: unknown value “Person”", { "--hide-kind", "Person" } },
    { 2, "--status: unknown value “rumoured”", { "--status", "rumoured" } },
    { 2, "--paper: unknown paper “b5”", { "--format", "pdf", "--paper", "b5" } },
    { 2, "--table: unknown table “people”", { "--format", "csv", "--table", "people" } },
    { 2, "--scale must be", { "--format", "png", "--scale", "-1" } },
    { 2, "--scale must be", { "--format", "png", "--scale", "1000" } },
    { 2, "--dpi must be", { "--format", "png", "--dpi", "0" , "--transparent" } },
    { 2, "not both", { "--format", "png", "--dpi", "300", "--scale", "2" } },
    { 2, "are for PNG", { "--format", "svg", "--dpi", "300" } },
    { 2, "are for PDF", { "--format", "png", "--landscape" } },
    { 2, "exclude each other", { "--format", "pdf", "--landscape", "--portrait" } },
    { 2, "is for CSV", { "--format", "svg", "--table", "events" } },
    { 2, "--scale", { "--format", "png", "--scale", "big" } },
    { 1, "holds no document “doc-nowhere”", { "--document", "doc-nowhere" } },
    /* Fails inside the export, after the file was opened for replacing. */
    { 1, "too large", { "--format", "png", "--scale", "64" } },
  };
  g_autofree char *kase = make_sample_case ("errors.redstring");
  g_autofree char *out = rs_test_temp_path ("precious.svg");
  g_autofree char *out_txt = g_strconcat (out, ".txt", NULL);
  static const char precious[] = "<svg>an export the analyst keeps</svg>\n";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GBytes) err = NULL;
      g_autoptr(GBytes) kept = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err_text = NULL;
      gboolean has_output = FALSE;

      rs_test_write_file (out, precious, strlen (precious));
      g_ptr_array_add (argv, (gpointer)rs_test_cli_path ());
      g_ptr_array_add (argv, (gpointer)"export");
      g_ptr_array_add (argv, kase);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args) && cases[i].args[j] != NULL; j++)
        {
          if (g_str_equal (cases[i].args[j], "@OUT@.txt"))
            g_ptr_array_add (argv, out_txt);
          else
            g_ptr_array_add (argv, (gpointer)cases[i].args[j]);
          has_output |= g_str_equal (cases[i].args[j], "-o");
        }
      if (!has_output)
        {
          g_ptr_array_add (argv, (gpointer)"-o");
          g_ptr_array_add (argv, out);
        }
      g_ptr_array_add (argv, NULL);

      process = g_subprocess_newv ((const char * const *)argv->pdata,
                                   G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                   &error);
      g_assert_no_error (error);
      g_subprocess_communicate (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      err_text = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
      g_test_message ("case %u: %d %s", i, g_subprocess_get_exit_status (process), err_text);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, cases[i].status);
      g_assert_true (g_str_has_prefix (err_text, "redstring-cli: "));
      g_assert_nonnull (strstr (err_text, cases[i].message));

      /* The file that was there is there, byte for byte; nothing else was written. */
      kept = rs_test_read_file (out);
      g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept),
                       precious, strlen (precious));
      g_assert_false (g_file_test (out_txt, G_FILE_TEST_EXISTS));
    }
}

/* A case that is not there, and a file that cannot be written: 1, one line each. */
static void
test_export_failures (void)
{
  g_autofree char *kase = make_sample_case ("failures.redstring");
  g_autofree char *missing = rs_test_temp_path ("missing.redstring");
  g_autofree char *out = rs_test_temp_path ("out.svg");
  g_autofree char *dir = rs_test_temp_path ("no-such-folder");
  g_autofree char *unreachable = g_build_filename (dir, "board.svg", NULL);
  g_auto(CliRun) absent = { 0 };
  g_auto(CliRun) unwritable = { 0 };

  run_cli (&absent, "export", missing, "-o", out, NULL);
  g_assert_cmpint (absent.status, ==, 1);
  g_assert_nonnull (strstr (absent.err, "missing.redstring"));
  g_assert_cmpuint (strchr (absent.err, '\n') - absent.err + 1, ==, strlen (absent.err));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (&unwritable, "export", kase, "-o", unreachable, NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_true (g_str_has_prefix (unwritable.err, "redstring-cli: "));
  g_assert_cmpuint (strchr (unwritable.err, '\n') - unwritable.err + 1, ==, strlen (unwritable.err));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* Each exporter is wired into rs_export_write() by its own change: the command line is
 * tested on the formats the core writes. */
static gboolean
core_writes (RsExportFormat  format,
             RsExportContent content)
{
  g_autoptr(RsCaseStore) probe = rs_test_open_new_case ("probe.redstring");
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  rs_export_options_init (&options, format);
  options.content = content;
  bytes = rs_export_write_bytes (rs_case_store_get_case (probe), &options, NULL, &error);
  if (g_error_matches (error, RS_ERROR, RS_ERROR_EXPORT_FAILED))
    {
      g_test_message ("%s: not written by the core yet (%s)",
                      rs_export_format_to_string (format), error->message);
      return FALSE;
    }
  return TRUE;
}

/* The format from the extension; -o - writes the same bytes to standard output. */
static void
test_export_formats (void)
{
  static const struct {
    const char *file;
    const char *check;   /* "png", "xml", or a string the output starts with */
  } files[] = {
    { "board.svg", "xml" },
    { "board.png", "png" },
    { "board.pdf", "%PDF" },
    { "board.dot", NULL },
    { "board.gv", NULL },
    { "board.graphml", "xml" },
    { "entities.csv", NULL },
    { "brief.html", NULL },
    { "case.json", "{" },
  };
  g_autofree char *kase = make_sample_case ("formats.redstring");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *out = rs_test_temp_path (files[i].file);
      g_autoptr(GBytes) written = NULL;
      g_auto(CliRun) run = { 0 };
      RsExportFormat format = RS_EXPORT_FORMAT_DOT;

      g_assert_true (rs_export_format_from_string (strrchr (files[i].file, '.') + 1, &format) ||
                     g_str_has_suffix (files[i].file, ".gv"));
      if (!core_writes (format, format == RS_EXPORT_FORMAT_HTML ? RS_EXPORT_CONTENT_BRIEF
                                                                : RS_EXPORT_CONTENT_BOARD))
        continue;

      g_unlink (out);
      run_cli (&run, "export", kase, "-o", out, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpuint (g_bytes_get_size (run.out), ==, 0);
      written = rs_test_read_file (out);
      g_assert_cmpuint (g_bytes_get_size (written), >, 100);
      if (g_strcmp0 (files[i].check, "png") == 0)
        g_assert_true (has_prefix (written, png_signature, 8));
      else if (g_strcmp0 (files[i].check, "xml") == 0)
        assert_xml (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
      else if (files[i].check != NULL)
        g_assert_true (has_prefix (written, files[i].check, strlen (files[i].check)));
      else if (g_str_has_suffix (files[i].file, "dot") || g_str_has_suffix (files[i].file, "gv"))
        g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                        "graph"));
      else if (g_str_has_suffix (files[i].file, "html"))
        g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                        "<svg"));
    }

  /* Standard output, binary-safe: the same PNG as the file. */
  {
    g_autofree char *out = rs_test_temp_path ("board.png");
    g_autoptr(GBytes) file_png = rs_test_read_file (out);
    g_auto(CliRun) to_stdout = { 0 };

    run_cli (&to_stdout, "export", kase, "--format", "png", "-o", "-", NULL);
    g_assert_cmpint (to_stdout.status, ==, 0);
    g_assert_true (has_prefix (to_stdout.out, png_signature, 8));
    g_assert_true (g_bytes_equal (to_stdout.out, file_png));
  }
  if (core_writes (RS_EXPORT_FORMAT_CSV, RS_EXPORT_CONTENT_BOARD))
  {
    g_auto(CliRun) csv = { 0 };
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;

    run_cli (&csv, "export", kase, "--format", "csv", "--table", "relations", "-o", "-", NULL);
    g_assert_cmpint (csv.status, ==, 0);
    text = dup_out (&csv);
    g_assert_nonnull (strchr (text, ','));
    lines = g_strsplit (text, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >, 10);
  }
}

/* The sample case as a bundle without its "positions", imported by the CLI: what a
 * colleague's tool that knows nothing of boards hands over. */
static char *
make_bundle_case_without_positions (const char *name,
                                    guint      *n_entities)
{
  g_autofree char *sample = make_sample_case ("bundle-source.redstring");
  g_autofree char *bundle = rs_test_temp_path ("no-positions.json");
  char *path = rs_test_temp_path (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) exported = { 0 };
  g_auto(CliRun) imported = { 0 };
  JsonObject *root;

  run_cli (&exported, "export", sample, "--format", "json", "-o", bundle, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  json_parser_load_from_file (parser, bundle, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "positions"));
  json_object_remove_member (root, "positions");
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, bundle, &error);
  g_assert_no_error (error);

  run_cli (&imported, "import", bundle, path, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_cmpuint (count_placed (path, n_entities), ==, 0);
  g_assert_cmpuint (*n_entities, >, 20);
  return path;
}

/* A case without positions exports to SVG, laid out in memory, and stays as it was. */
static void
test_export_unplaced (void)
{
  guint n_entities = 0;
  g_autofree char *kase = make_bundle_case_without_positions ("unplaced.redstring", &n_entities);
  g_autofree char *out = rs_test_temp_path ("unplaced.svg");
  g_autofree char *before = file_checksum (kase);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_auto(CliRun) exported = { 0 };
  g_auto(CliRun) laid_out = { 0 };
  g_auto(CliRun) again = { 0 };
  RsEntity *entity;

  run_cli (&exported, "export", kase, "-o", out, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  svg = rs_test_read_file (out);
  assert_xml (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));

  /* Every entity is drawn: its name is in the SVG as text. */
  store = rs_case_store_open (kase, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (store)), i);
      g_autofree char *escaped = g_markup_escape_text (rs_entity_get_name (e), -1);
      g_autofree char *first_word = g_strndup (escaped, strcspn (escaped, " &"));

      g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), first_word));
    }
  entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (store)), 0);
  g_assert_false (rs_entity_get_has_position (entity));
  g_object_unref (entity);
  g_clear_object (&store);

  after = file_checksum (kase);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_placed (kase, NULL), ==, 0);

  /* Only layout writes positions; then the export draws those. */
  run_cli (&laid_out, "layout", kase, NULL);
  g_assert_cmpint (laid_out.status, ==, 0);
  g_assert_cmpuint (count_placed (kase, NULL), ==, n_entities);
  g_clear_pointer (&before, g_free);
  before = file_checksum (kase);
  run_cli (&again, "export", kase, "-o", out, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_clear_pointer (&after, g_free);
  after = file_checksum (kase);
  g_assert_cmpstr (before, ==, after);
}

/* Filters change what is drawn: fewer elements with one kind than with all. */
static void
test_export_filters (void)
{
  g_autofree char *kase = make_sample_case ("filters.redstring");
  g_auto(CliRun) all = { 0 };
  g_auto(CliRun) people = { 0 };
  g_auto(CliRun) no_people = { 0 };

  run_cli (&all, "export", kase, "--format", "svg", "-o", "-", NULL);
  run_cli (&people, "export", kase, "--format", "svg", "--kind", "person", "-o", "-", NULL);
  run_cli (&no_people, "export", kase, "--format", "svg", "--hide-kind", "person", "-o", "-", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpint (people.status, ==, 0);
  g_assert_cmpint (no_people.status, ==, 0);
  g_assert_cmpuint (g_bytes_get_size (people.out), <, g_bytes_get_size (all.out));
  g_assert_cmpuint (g_bytes_get_size (no_people.out), <, g_bytes_get_size (all.out));
  g_assert_false (g_bytes_equal (people.out, no_people.out));
}

int
main (int   argc,
      char *argv[])
{
  const char *lsan = g_getenv ("LSAN_OPTIONS");
  g_autofree char *quiet_lsan = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Under the sanitizers, the CLI's stderr must stay its own: messages are checked to
   * be one line, and LeakSanitizer would add the suppressions it used. */
  quiet_lsan = g_strconcat (lsan != NULL ? lsan : "", lsan != NULL ? ":" : "",
                            "print_suppressions=0", NULL);
  g_setenv ("LSAN_OPTIONS", quiet_lsan, TRUE);

  g_test_add_func ("/cli/layout", test_layout);
  g_test_add_func ("/cli/layout-errors", test_layout_errors);
  g_test_add_func ("/cli/export-errors", test_export_errors);
  g_test_add_func ("/cli/export-failures", test_export_failures);
  g_test_add_func ("/cli/export-formats", test_export_formats);
  g_test_add_func ("/cli/export-unplaced", test_export_unplaced);
  g_test_add_func ("/cli/export-filters", test_export_filters);

  return g_test_run ();
}
