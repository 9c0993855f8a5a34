/* rs-cli.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-cli"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rs-bundle.h"
#include "rs-bundle-merge.h"
#include "rs-case-edit.h"
#include "rs-case-store.h"
#include "rs-core.h"
#include "rs-dot-import.h"
#include "rs-case-store-stix.h"
#include "rs-stix-import.h"
#include "rs-enum-types.h"
#include "rs-exchange.h"
#include "rs-export.h"
#include "rs-export-stix.h"
#include "rs-generate.h"
#include "rs-layout-controller.h"
#include "rs-suggest.h"
#include "rs-report.h"

/* redstring-cli: the headless face of the core. Thin by design: every command is a
 * few calls into redstring-core, so what it does is what the app does. Exit status:
 * 0 success, 1 the operation failed, 2 the command line was wrong. */

typedef int (*CommandFunc) (int argc, char **argv);

static int
fail (const GError *error)
{
  g_printerr ("redstring-cli: %s\n", error->message);
  return 1;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("redstring-cli: %s\n\n%s", message, help);
  return 2;
}

/* Where a case's bytes really are: SQLite follows a symbolic link and keeps -wal
 * and -shm beside its target. NULL if nothing is there. */
static char *
dup_real_path (const char *path)
{
  char *resolved = realpath (path, NULL);
  char *copy = g_strdup (resolved);

  free (resolved);
  return copy;
}

/* Removes a case file this command made (never a link to it) and what SQLite
 * keeps beside it. */
static void
remove_case (const char *real_path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (real_path == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (real_path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static int
cmd_new (int    argc,
         char **argv)
{
  gboolean sample = FALSE, force = FALSE;
  const GOptionEntry entries[] = {
    { "sample", 's', 0, G_OPTION_ARG_NONE, &sample, N_("Fill the case with the sample case"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace CASE if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE — create a new case file"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *real_path = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("new needs exactly one CASE path"));

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      if (!force)
        {
          g_printerr (_("redstring-cli: “%s” already exists (use --force to replace it)\n"), argv[1]);
          return 1;
        }
      /* What a link points to, not the link; never a case another program has open. */
      if (!rs_case_store_remove_case_file (argv[1], &error))
        return fail (error);
    }

  /* A case that cannot be created is not left behind (the store sees to it). */
  if (!(store = rs_case_store_open (argv[1], RS_CASE_STORE_OPEN_CREATE, &error)))
    return fail (error);
  if (sample && !rs_bundle_import_sample (store, &error))
    {
      g_clear_pointer (&real_path, g_free);
      real_path = dup_real_path (argv[1]);
      g_clear_object (&store);
      remove_case (real_path);
      return fail (error);
    }
  return 0;
}

/* Merges and changesets (issue 21): the plan as JSON on stdout; applied only when
 * no conflict is left to decide (exit 1, nothing written, when one is). */
static int
run_plan (RsCaseStore    *store,
          RsExchangePlan *plan,
          gboolean        dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autofree char *json = rs_exchange_plan_to_json (plan);
  guint undecided = rs_exchange_plan_count_undecided (plan);

  g_print ("%s\n", json);
  if (undecided > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "redstring-cli: %u conflict to decide in the app: nothing was written\n",
                               "redstring-cli: %u conflicts to decide in the app: nothing was written\n",
                               undecided), undecided);
      return 1;
    }
  if (dry_run)
    return 0;
  if (!(change = rs_exchange_plan_apply (plan, store, &error)))
    return fail (error);
  return 0;
}

static int
cmd_import (int    argc,
            char **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only print what merging the bundle into CASE would do; write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("BUNDLE CASE — add a JSON case bundle to CASE (created if missing)"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean existed;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 3)
    return usage_error (context, _("import needs a BUNDLE and a CASE"));

  existed = g_file_test (argv[2], G_FILE_TEST_EXISTS);
  if (dry_run && !existed)
    return usage_error (context, _("--dry-run needs a CASE that exists"));
  if (!(store = rs_case_store_open (argv[2], dry_run ? RS_CASE_STORE_OPEN_READ_ONLY
                                                     : RS_CASE_STORE_OPEN_CREATE, &error)))
    return fail (error);

  /* Into a case with records already (a colleague's export of this very case, say),
   * the bundle is merged: matched, reviewed as JSON, nothing doubled (issue 21). */
  if (dry_run || rs_bundle_import_merges (store))
    {
      if (!(plan = rs_bundle_plan_import (store, argv[1], &error)))
        return fail (error);
      return run_plan (store, plan, dry_run);
    }

  if (!rs_bundle_import_file (store, argv[1], &error))
    {
      /* A case this command created for a bundle that failed is not left behind;
       * if CASE was a dangling link, the link stays and the file it got goes. */
      g_autofree char *real_path = existed ? NULL : dup_real_path (argv[2]);

      g_clear_object (&store);
      remove_case (real_path);
      return fail (error);
    }
  return 0;
}

static int
cmd_import_report (int    argc,
                   char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The document's title (default: the report's own, else the file name)"), "TITLE" },
    { "publisher", 'p', 0, G_OPTION_ARG_STRING, &publisher, N_("Who published it"), "PUBLISHER" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("When it was published"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE CASE — add a report (text, Markdown, HTML or PDF) to CASE "
                            "(created if missing) and print its document id"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsReport) report = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  RsDocument *existing;
  gint64 document_id = 0;
  gboolean existed;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 3)
    return usage_error (context, _("import-report needs a FILE and a CASE"));
  if (date != NULL && !rs_case_store_check_published (date, &error))
    return usage_error (context, error->message);

  /* The report is read before the case is touched: a bad file changes nothing. */
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(report = rs_report_read_file (file, NULL, &error)))
    return fail (error);
  basename = g_file_get_basename (file);
  if (rs_report_get_n_replaced (report) > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "redstring-cli: warning: %u byte of “%s” could not be decoded (%s) "
                             "and was replaced by “\uFFFD”\n",
                             "redstring-cli: warning: %u bytes of “%s” could not be decoded (%s) "
                             "and were replaced by “\uFFFD”\n",
                             rs_report_get_n_replaced (report)),
                rs_report_get_n_replaced (report), basename, rs_report_get_encoding (report));

  existed = g_file_test (argv[2], G_FILE_TEST_EXISTS);
  if (!(store = rs_case_store_open (argv[2], RS_CASE_STORE_OPEN_CREATE, &error)))
    return fail (error);

  existing = rs_case_store_find_document_by_text (store, rs_report_get_text (report));
  if (existing != NULL)
    {
      g_printerr (_("redstring-cli: the case already holds this text, as document %" PRId64
                    " “%s”: not imported again\n"),
                  rs_document_get_id (existing), rs_document_get_title (existing));
      g_print ("%" G_GINT64_FORMAT "\n", rs_document_get_id (existing));
      return 0;
    }

  change = rs_case_edit_import_report (store, rs_report_get_text (report),
                                       title ? title : rs_report_get_title (report)
                                             ? rs_report_get_title (report) : basename,
                                       publisher ? publisher : rs_report_get_publisher (report),
                                       rs_report_get_author (report),
                                       date ? date : rs_report_get_published (report),
                                       rs_report_get_url (report),
                                       RS_RELIABILITY_UNKNOWN, &document_id, &error);
  if (change == NULL)
    {
      g_autofree char *real_path = existed ? NULL : dup_real_path (argv[2]);

      g_clear_object (&store);
      remove_case (real_path);
      return fail (error);
    }
  g_print (_("Imported “%s” (%s, %s)\n"),
           rs_document_get_title (rs_case_lookup_document (rs_case_store_get_case (store),
                                                           document_id)),
           rs_enum_to_nick (RS_TYPE_REPORT_FORMAT, rs_report_get_format (report)),
           rs_report_get_encoding (report));
  g_print ("%" G_GINT64_FORMAT "\n", document_id);
  return 0;
}

/* import-dot: a Graphviz file's nodes and edges as entities and relations (issue 19). */
static int
cmd_import_dot (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE CASE — add a Graphviz DOT file's nodes and edges to CASE "
                            "(created if missing) as entities and relations"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsDotGraph) graph = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  gboolean existed;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 3)
    return usage_error (context, _("import-dot needs a FILE and a CASE"));

  /* The file is read before the case is touched: a bad file changes nothing. */
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(graph = rs_dot_graph_read_file (file, NULL, &error)))
    return fail (error);
  basename = g_file_get_basename (file);

  existed = g_file_test (argv[2], G_FILE_TEST_EXISTS);
  if (!(store = rs_case_store_open (argv[2], RS_CASE_STORE_OPEN_CREATE, &error)))
    return fail (error);
  if (!(change = rs_case_edit_import_dot (store, graph, basename, &error)))
    {
      g_autofree char *real_path = existed ? NULL : dup_real_path (argv[2]);

      g_clear_object (&store);
      remove_case (real_path);
      return fail (error);
    }
  if (rs_dot_graph_get_n_loops (graph) > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "redstring-cli: %u edge from a node to itself left out\n",
                             "redstring-cli: %u edges from a node to itself left out\n",
                             rs_dot_graph_get_n_loops (graph)),
                rs_dot_graph_get_n_loops (graph));
  g_print (_("Imported “%s” (%s): %u entities, %u relations\n"), basename,
           rs_dot_graph_get_encoding (graph), rs_dot_graph_get_n_nodes (graph),
           rs_dot_graph_get_n_edges (graph));
  return 0;
}

/* import-stix: a STIX 2.1 bundle's objects as entities, relations, documents with the
 * quotes they cite, and events (issue 22). The summary comes first; --dry-run stops
 * there and writes nothing. */
static int
cmd_import_stix (int    argc,
                 char **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what would be added, merged, skipped or kept, and write nothing"), NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE CASE — add a STIX 2.1 bundle to CASE (created if missing): "
                            "entities, relations, the sources they cite as documents with "
                            "quotes, sightings as events"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsStixBundle) bundle = NULL;
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autofree char *scratch = NULL;
  gboolean existed;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 3)
    return usage_error (context, _("import-stix needs a FILE and a CASE"));

  /* The bundle is read before the case is touched: a bad one changes nothing. */
  if (!(bundle = rs_stix_bundle_read_file (argv[1], &error)))
    return fail (error);
  basename = g_filename_display_basename (argv[1]);

  existed = g_file_test (argv[2], G_FILE_TEST_EXISTS);
  if (dry_run && !existed)
    {
      /* Against an empty case, made where nothing of it stays. */
      if (!(scratch_dir = g_dir_make_tmp ("redstring-stix-XXXXXX", &error)))
        return fail (error);
      scratch = g_build_filename (scratch_dir, "dry-run.redstring", NULL);
    }
  store = rs_case_store_open (scratch != NULL ? scratch : argv[2],
                              dry_run ? (scratch != NULL ? RS_CASE_STORE_OPEN_CREATE
                                                         : RS_CASE_STORE_OPEN_READ_ONLY)
                                      : RS_CASE_STORE_OPEN_CREATE,
                              &error);
  if (store != NULL)
    plan = rs_stix_plan_new (g_steal_pointer (&bundle), store, &error);
  if (plan != NULL)
    {
      summary = rs_stix_plan_dup_summary (plan);
      g_print ("%s", summary);
    }
  if (plan != NULL && !dry_run)
    change = rs_case_edit_import_stix (store, plan, basename, &error);

  if (scratch != NULL)
    {
      g_autofree char *real_path = dup_real_path (scratch);

      g_clear_object (&store);
      remove_case (real_path);
      g_rmdir (scratch_dir);
    }
  if (plan == NULL || (!dry_run && change == NULL))
    {
      g_autofree char *real_path = existed || dry_run ? NULL : dup_real_path (argv[2]);

      g_clear_object (&store);
      remove_case (real_path);
      return fail (error);
    }
  if (dry_run)
    g_print (_("Dry run: nothing was written\n"));
  else
    g_print (_("Imported “%s” into %s\n"), basename, argv[2]);
  return 0;
}

/* Entities of the case without a position on the board. */
static guint
count_unplaced (RsCase *kase)
{
  GListModel *entities = rs_case_get_entities (kase);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      n += !rs_entity_get_has_position (entity);
    }
  return n;
}

static int
cmd_layout (int    argc,
            char **argv)
{
  g_autofree char *engine_name = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine_name,
      N_("Graphviz engine: dot, neato, fdp, sfdp, circo, twopi or auto (default: auto, "
         "as the board chooses)"), "ENGINE" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Lay out every entity again except the pinned ones (default: only those without "
         "a position)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("CASE — place the entities of CASE that have no position on the board "
                            "and save the positions"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsLayoutController) layout = NULL;
  g_autoptr(GError) error = NULL;
  int engine = RS_LAYOUT_ENGINE_AUTO;
  guint n_entities, n_unplaced, n_placed = 0;
  RsCase *kase;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("layout needs exactly one CASE"));
  if (engine_name != NULL && !rs_enum_from_nick (RS_TYPE_LAYOUT_ENGINE, engine_name, &engine))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown engine “%s” (dot, neato, fdp, sfdp, circo, twopi or auto)"),
                         engine_name);
      return usage_error (context, message);
    }

  /* Positions are written: the case is opened for writing, never created. */
  if (!(store = rs_case_store_open (argv[1], RS_CASE_STORE_OPEN_NONE, &error)))
    return fail (error);
  if (rs_case_store_is_read_only (store))
    {
      g_printerr (_("redstring-cli: “%s” is read-only: its positions cannot be saved\n"), argv[1]);
      return 1;
    }

  kase = rs_case_store_get_case (store);
  n_entities = g_list_model_get_n_items (rs_case_get_entities (kase));
  n_unplaced = count_unplaced (kase);
  if (n_entities == 0 || (n_unplaced == 0 && !all))
    {
      g_print (_("Nothing to lay out: %s\n"),
               n_entities == 0 ? _("the case has no entities") : _("every entity has a position"));
      return 0;
    }

  layout = rs_layout_controller_new (store);
  rs_layout_controller_set_engine (layout, engine);
  if (!rs_layout_controller_run (layout, NULL, all, NULL, &n_placed, &error))
    return fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Placed %u entity of %u (%s)\n",
                        "Placed %u entities of %u (%s)\n", n_placed),
           n_placed, n_entities, rs_enum_to_nick (RS_TYPE_LAYOUT_ENGINE, engine));
  return 0;
}

/* The format a file name says: its extension is a format's name or usual extension
 * (board.svg, board.dot or board.gv); "htm" is HTML too. */
static gboolean
format_from_path (const char     *path,
                  RsExportFormat *format)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *ext = NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  ext = g_ascii_strdown (dot + 1, -1);
  if (g_str_equal (ext, "htm"))
    {
      *format = RS_EXPORT_FORMAT_HTML;
      return TRUE;
    }
  for (int f = RS_EXPORT_FORMAT_SVG; f <= RS_EXPORT_FORMAT_JSON; f++)
    if (g_strcmp0 (ext, rs_export_format_to_string (f)) == 0 ||
        g_strcmp0 (ext, rs_export_format_get_extension (f)) == 0)
      {
        *format = f;
        return TRUE;
      }
  return FALSE;
}

/* The nicks of an enum, "a, b or c", for messages. */
static char *
dup_nicks (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) nicks = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i == 0 ? "" : i + 1 == klass->n_values ? _(" or ") : ", ",
                            klass->values[i].value_nick);
  return g_string_free (g_steal_pointer (&nicks), FALSE);
}

/* Each of names as a value of type, or a usage message naming the bad one. */
static gboolean
parse_nicks (GType        type,
             char       **names,
             const char  *option,
             guint       *mask,
             char       **message)
{
  *mask = 0;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      int value;

      if (!rs_enum_from_nick (type, names[i], &value))
        {
          g_autofree char *nicks = dup_nicks (type);

          *message = g_strdup_printf (_("%s: unknown value “%s” (%s)"), option, names[i], nicks);
          return FALSE;
        }
      *mask |= 1u << value;
    }
  return TRUE;
}

/* The document an option names: its id, as import-report prints it, or its bundle id. */
static RsDocument *
find_document (RsCase     *kase,
               const char *name)
{
  GListModel *documents = rs_case_get_documents (kase);
  char *end = NULL;
  gint64 id = g_ascii_strtoll (name, &end, 10);
  RsDocument *document = NULL;

  if (end != name && *end == '\0')
    document = rs_case_lookup_document (kase, id);
  for (guint i = 0; document == NULL && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RsDocument) d = g_list_model_get_item (documents, i);

      if (g_strcmp0 (rs_document_get_uid (d), name) == 0)
        document = d;
    }
  return document;
}

static gboolean
content_from_string (const char      *name,
                     RsExportContent *content)
{
  static const char *names[] = { "board", "timeline", "brief" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      {
        *content = (RsExportContent) i;
        return TRUE;
      }
  return FALSE;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *content_name = NULL;
  g_autofree char *document_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *table_name = NULL;
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) hidden_kinds = NULL;
  g_auto(GStrv) statuses = NULL;
  /* Not given: values no one types (0 is a value, and a wrong one). */
  double scale = -G_MAXDOUBLE;
  int dpi = G_MININT;
  gboolean transparent = FALSE, landscape = FALSE, portrait = FALSE, tiles = FALSE, footnotes = FALSE;
  gboolean dark = FALSE, no_legend = FALSE, dim = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("svg, png, pdf, dot, graphml, csv, html, json or stix (default: from FILE's "
         "extension, json when writing to standard output)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE, replaced only once the export is complete (- for standard output, "
         "the default)"), "FILE" },
    { "content", 'c', 0, G_OPTION_ARG_STRING, &content_name,
      N_("board, timeline or brief (default: brief for html, board otherwise)"), "CONTENT" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &kinds,
      N_("Show entities of this kind only (repeat for several: person, organization, …)"), "KIND" },
    { "hide-kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &hidden_kinds,
      N_("Leave out entities of this kind (repeatable)"), "KIND" },
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_name,
      N_("Only what this document supports or mentions (its id or bundle id)"), "ID" },
    { "status", 's', 0, G_OPTION_ARG_STRING_ARRAY, &statuses,
      N_("Show relations of this status only (repeatable: alleged, reported, confirmed, "
         "disputed, refuted)"), "STATUS" },
    { "text", 't', 0, G_OPTION_ARG_STRING, &text,
      N_("Only entities whose name or alias matches TEXT"), "TEXT" },
    { "dim", 0, 0, G_OPTION_ARG_NONE, &dim,
      N_("Draw what the filters leave out dimmed instead of leaving it out"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("PNG: pixels per board point (default 2.67, a sharp 192 dpi)"), "X" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("PNG: dots per inch (instead of --scale)"), "N" },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, N_("PNG: no background"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("PDF: a4, a3, letter or legal (default a4)"), "PAPER" },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape, N_("PDF: landscape pages (the default)"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait, N_("PDF: portrait pages"), NULL },
    { "tiles", 0, 0, G_OPTION_ARG_NONE, &tiles,
      N_("PDF: the board 1:1 across pages (default: fitted to one page)"), NULL },
    { "footnotes", 0, 0, G_OPTION_ARG_NONE, &footnotes,
      N_("Number the relations and list their quotes and sources under the figure"), NULL },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_name,
      N_("CSV: entities, relations, events or quotes (default entities)"), "TABLE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("The dark board style"), NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend, N_("Draw no legend"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("CASE — export a case: the board, the timeline or the brief as "
                            "SVG, PNG, PDF, DOT, GraphML, CSV or HTML, or the case as a JSON "
                            "or STIX 2.1 bundle"));
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RsExportFormat format = RS_EXPORT_FORMAT_JSON;
  RsExportContent content = RS_EXPORT_CONTENT_BOARD;
  RsExportPaper paper = RS_EXPORT_PAPER_A4;
  RsExportCsvTable table = RS_EXPORT_CSV_ENTITIES;
  guint shown_kinds = 0, hidden_kind_mask = 0, status_mask = 0;
  gboolean to_stdout, has_scale, has_dpi;
  RsCase *kase;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("export needs exactly one CASE"));
  to_stdout = output == NULL || g_str_equal (output, "-");

  /* Everything the command line says is checked before the case is opened. */
  if (format_name != NULL)
    {
      if (!rs_export_format_from_string (format_name, &format))
        {
          message = g_strdup_printf (_("unknown format “%s” (svg, png, pdf, dot, graphml, csv, "
                                       "html, json or stix)"), format_name);
          return usage_error (context, message);
        }
    }
  else if (!to_stdout && !format_from_path (output, &format))
    {
      message = g_strdup_printf (_("cannot tell the format from “%s”: say --format"), output);
      return usage_error (context, message);
    }

  if (content_name != NULL)
    {
      if (!content_from_string (content_name, &content))
        {
          message = g_strdup_printf (_("unknown content “%s” (board, timeline or brief)"),
                                     content_name);
          return usage_error (context, message);
        }
    }
  else if (format == RS_EXPORT_FORMAT_HTML)
    content = RS_EXPORT_CONTENT_BRIEF;
  if (!rs_export_format_supports (format, content))
    {
      message = g_strdup_printf (_("%s does not export the %s"), rs_export_format_to_string (format),
                                 content_name != NULL ? content_name : "board");
      return usage_error (context, message);
    }

  if (paper_name != NULL && !rs_export_paper_from_string (paper_name, &paper))
    {
      message = g_strdup_printf (_("--paper: unknown paper “%s” (a4, a3, letter or legal)"),
                                 paper_name);
      return usage_error (context, message);
    }
  if (table_name != NULL && !rs_export_csv_table_from_string (table_name, &table))
    {
      message = g_strdup_printf (_("--table: unknown table “%s” (entities, relations, events or "
                                   "quotes)"), table_name);
      return usage_error (context, message);
    }
  if (!parse_nicks (RS_TYPE_ENTITY_KIND, kinds, "--kind", &shown_kinds, &message) ||
      !parse_nicks (RS_TYPE_ENTITY_KIND, hidden_kinds, "--hide-kind", &hidden_kind_mask, &message) ||
      !parse_nicks (RS_TYPE_RELATION_STATUS, statuses, "--status", &status_mask, &message))
    return usage_error (context, message);

  /* Options for another format are a mistake worth saying, not something to ignore. */
  has_scale = scale != -G_MAXDOUBLE;
  has_dpi = dpi != G_MININT;
  if (format != RS_EXPORT_FORMAT_PNG && (has_scale || has_dpi || transparent))
    return usage_error (context, _("--scale, --dpi and --transparent are for PNG"));
  if (format != RS_EXPORT_FORMAT_PDF && (paper_name != NULL || landscape || portrait || tiles))
    return usage_error (context, _("--paper, --landscape, --portrait and --tiles are for PDF"));
  if (landscape && portrait)
    return usage_error (context, _("--landscape and --portrait exclude each other"));
  if (format != RS_EXPORT_FORMAT_CSV && table_name != NULL)
    return usage_error (context, _("--table is for CSV"));
  if (format == RS_EXPORT_FORMAT_STIX &&
      (kinds != NULL || hidden_kinds != NULL || statuses != NULL || document_name != NULL ||
       text != NULL || dim))
    return usage_error (context, _("a STIX bundle is the whole case: --kind, --hide-kind, "
                                   "--status, --document, --text and --dim do not apply"));
  if (has_scale && has_dpi)
    return usage_error (context, _("--scale or --dpi, not both"));
  if (has_scale && !(scale > 0 && scale <= 64))
    return usage_error (context, _("--scale must be more than 0 and at most 64"));
  if (has_dpi && (dpi < 1 || dpi > 64 * 72))
    return usage_error (context, _("--dpi must be between 1 and 4608"));

  /* Read-only: an export never changes the case, and read-only cases export too. */
  if (!(store = rs_case_store_open (argv[1], RS_CASE_STORE_OPEN_READ_ONLY, &error)))
    return fail (error);
  kase = rs_case_store_get_case (store);

  rs_export_options_init (&options, format);
  options.content = content;
  options.dark = dark;
  options.legend = !no_legend;
  options.footnotes = footnotes;
  if (has_scale)
    options.scale = scale;
  else if (has_dpi)
    options.scale = dpi / 72.0;  /* board units are points */
  options.transparent = transparent;
  options.paper = paper;
  /* A board is wider than tall more often than not: landscape unless asked. */
  options.landscape = !portrait;
  options.fit_to_page = !tiles;
  options.csv_table = table;
  /* STIX: the analyst is who created the objects; what the file keeps of STIX goes too. */
  options.author = g_strdup (rs_case_store_get_author (store));
  if ((format == RS_EXPORT_FORMAT_STIX || format == RS_EXPORT_FORMAT_JSON) &&
      !(options.stix = rs_stix_snapshot_new (store, &error)))
    return fail (error);

  if (kinds != NULL || hidden_kinds != NULL || statuses != NULL || document_name != NULL ||
      text != NULL)
    {
      RsBoardFilter *filter = rs_board_filter_new ();

      options.filter = filter;
      rs_board_filter_set_remove_hidden (filter, !dim);
      for (int k = 0; k < RS_ENTITY_KIND_LAST; k++)
        rs_board_filter_set_kind_visible (filter, k,
                                          (kinds == NULL || (shown_kinds & (1u << k))) &&
                                          !(hidden_kind_mask & (1u << k)));
      if (statuses != NULL)
        for (int st = RS_RELATION_STATUS_ALLEGED; st <= RS_RELATION_STATUS_REFUTED; st++)
          rs_board_filter_set_status_visible (filter, st, (status_mask & (1u << st)) != 0);
      if (document_name != NULL)
        {
          RsDocument *document = find_document (kase, document_name);

          if (document == NULL)
            {
              g_printerr (_("redstring-cli: “%s” holds no document “%s”\n"), argv[1], document_name);
              return 1;
            }
          rs_board_filter_set_document_id (filter, rs_document_get_id (document));
        }
      if (text != NULL)
        rs_board_filter_set_text (filter, text);
    }

  /* Entities without a position (a bundle imported without them) are laid out in
   * memory, as the app shows a read-only case: only `layout` writes positions. The
   * JSON bundle and the CSV tables are the case as stored. */
  if (content != RS_EXPORT_CONTENT_TIMELINE && format != RS_EXPORT_FORMAT_JSON &&
      format != RS_EXPORT_FORMAT_STIX && format != RS_EXPORT_FORMAT_CSV &&
      count_unplaced (kase) > 0)
    {
      g_autoptr(RsLayoutController) layout = rs_layout_controller_new (store);

      rs_layout_controller_set_show_only (layout, TRUE);
      if (!rs_layout_controller_run (layout, NULL, FALSE, NULL, NULL, &error))
        return fail (error);
    }

  if (to_stdout)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (!(bytes = rs_export_write_bytes (kase, &options, NULL, &error)))
        return fail (error);
      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          g_printerr (_("redstring-cli: could not write to standard output: %s\n"),
                      g_strerror (errno));
          return 1;
        }
      return 0;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!rs_export_write_file (kase, &options, file, NULL, &error))
      return fail (error);
  }
  return 0;
}

static void
print_count (const char *what,
             GListModel *list)
{
  g_print ("%-10s %u\n", what, g_list_model_get_n_items (list));
}

static int
cmd_info (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("CASE — check a case file and say what it holds"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint by_kind[RS_ENTITY_KIND_LAST] = { 0 };
  GListModel *entities;
  RsCase *kase;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("info needs exactly one CASE"));

  /* Opening checks the file (format, version, integrity, references). */
  if (!(store = rs_case_store_open (argv[1], RS_CASE_STORE_OPEN_NONE, &error)))
    return fail (error);

  kase = rs_case_store_get_case (store);
  entities = rs_case_get_entities (kase);
  g_print ("%s\n", rs_case_get_title (kase));
  g_print ("schema     %d\n", rs_case_store_get_schema_version (store));
  print_count ("documents", rs_case_get_documents (kase));
  print_count ("entities", entities);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      by_kind[rs_entity_get_kind (entity)]++;
    }
  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    if (by_kind[k] > 0)
      g_print ("  %-14s %u\n", rs_enum_to_nick (RS_TYPE_ENTITY_KIND, k), by_kind[k]);
  print_count ("relations", rs_case_get_relations (kase));
  print_count ("quotes", rs_case_get_quotes (kase));
  print_count ("evidence", rs_case_get_evidence (kase));
  print_count ("events", rs_case_get_events (kase));
  print_count ("notes", rs_case_get_notes (kase));
  /* What STIX imports kept (issue 22): shown only when there is some. */
  {
    g_autoptr(GPtrArray) markings = rs_case_store_dup_markings (store, NULL);
    g_autoptr(GPtrArray) kept = rs_case_store_dup_stix_objects (store, NULL);

    if (kept != NULL && kept->len > 0)
      g_print ("stix kept  %u\n", kept->len);
    for (guint i = 0; markings != NULL && i < markings->len; i++)
      g_print ("marking    %s\n", ((RsStixObject *)g_ptr_array_index (markings, i))->name);
  }
  return 0;
}

/* "2016", "2021-02", "2021-04-20", a range "2016/2017". */
static char *
dup_iso_date (RsFuzzyDate *date)
{
  g_autofree char *start = rs_fuzzy_date_dup_start (date);
  g_autofree char *end = rs_fuzzy_date_dup_end (date);

  if (rs_fuzzy_date_get_precision (date) == RS_DATE_PRECISION_RANGE && end != NULL)
    return g_strdup_printf ("%s/%s", start, end);
  return g_steal_pointer (&start);
}

static int
cmd_suggest (int    argc,
             char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *document_arg = NULL;
  const GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg,
      N_("The document to read (its id, as import-report prints it)"), "ID" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("CASE — what a document of CASE suggests: entities, mentions, dated events"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  RsDocument *document = NULL;
  RsCase *kase;
  gint64 id = 0;
  char *end = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("suggest needs exactly one CASE"));
  if (document_arg == NULL)
    return usage_error (context, _("suggest needs --document ID"));
  if (format != NULL && g_strcmp0 (format, "json") != 0)
    return usage_error (context, _("the only suggest format so far is json"));

  if (!(store = rs_case_store_open (argv[1], RS_CASE_STORE_OPEN_READ_ONLY, &error)))
    return fail (error);
  kase = rs_case_store_get_case (store);

  /* The id import-report printed, or a bundle's document id ("doc-bloomberg"). */
  id = g_ascii_strtoll (document_arg, &end, 10);
  if (end != document_arg && *end == '\0')
    document = rs_case_lookup_document (kase, id);
  for (guint i = 0; document == NULL && i < g_list_model_get_n_items (rs_case_get_documents (kase)); i++)
    {
      g_autoptr(RsDocument) d = g_list_model_get_item (rs_case_get_documents (kase), i);

      if (g_strcmp0 (rs_document_get_uid (d), document_arg) == 0)
        document = d;
    }
  if (document == NULL)
    {
      g_printerr (_("redstring-cli: “%s” holds no document “%s”\n"), argv[1], document_arg);
      return 1;
    }

  suggestions = rs_suggest_document (kase, document);
  json_builder_begin_object (builder);
  for (guint pass = 0; pass < 2; pass++)
    {
      json_builder_set_member_name (builder, pass == 0 ? "entities" : "events");
      json_builder_begin_array (builder);
      for (guint i = 0; i < suggestions->len; i++)
        {
          RsSuggestion *s = g_ptr_array_index (suggestions, i);
          RsFuzzyDate *date = rs_suggestion_get_date (s);

          if (rs_suggestion_is_event (s) != (pass == 1))
            continue;
          json_builder_begin_object (builder);
          if (pass == 0)
            {
              json_builder_set_member_name (builder, "kind");
              json_builder_add_string_value (builder, rs_enum_to_nick (RS_TYPE_ENTITY_KIND,
                                                                       rs_suggestion_get_kind (s)));
              json_builder_set_member_name (builder, "name");
              json_builder_add_string_value (builder, rs_suggestion_get_name (s));
            }
          else
            {
              g_autofree char *iso = dup_iso_date (date);
              RsDateQualifier qualifier = rs_fuzzy_date_get_qualifier (date);

              json_builder_set_member_name (builder, "date");
              json_builder_add_string_value (builder, iso);
              json_builder_set_member_name (builder, "precision");
              json_builder_add_string_value (builder, rs_enum_to_nick (RS_TYPE_DATE_PRECISION,
                                                                       rs_fuzzy_date_get_precision (date)));
              /* As in bundles: no qualifier is null. */
              json_builder_set_member_name (builder, "qualifier");
              if (qualifier == RS_DATE_QUALIFIER_NONE)
                json_builder_add_null_value (builder);
              else
                json_builder_add_string_value (builder, rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER,
                                                                         qualifier));
            }
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, rs_suggestion_get_start (s));
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, rs_suggestion_get_end (s));
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, rs_suggestion_get_reason (s));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  return ferror (stdout) ? 1 : 0;
}

/* Synthetic cases for benchmarks: see rs-generate.c for their shape. */
static int
cmd_generate (int    argc,
              char **argv)
{
  int entities = 1000, seed = 1;
  gboolean no_positions = FALSE, force = FALSE;
  g_autofree char *dot = NULL;
  g_autofree char *xdot = NULL;
  const GOptionEntry entries[] = {
    { "entities", 'n', 0, G_OPTION_ARG_INT, &entities, N_("How many entities (default 1000)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("Random seed: the same seed, the same case (default 1)"),
      "S" },
    { "no-positions", 0, 0, G_OPTION_ARG_NONE, &no_positions,
      N_("Store no board positions (the board then lays the case out)"), NULL },
    { "dot", 0, 0, G_OPTION_ARG_FILENAME, &dot,
      N_("Also write the graph as Graphviz DOT, with pos in points (neato -n2 keeps them)"), "FILE" },
    { "xdot", 0, 0, G_OPTION_ARG_FILENAME, &xdot,
      N_("Also write it as xdot, drawn by Graphviz at the stored positions (for xdot)"), "FILE" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace CASE if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("CASE — write a synthetic investigation-shaped case (for benchmarks)"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *real_path = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("generate needs exactly one CASE path"));
  if (entities < 2 || entities > 10000000)
    return usage_error (context, _("--entities must be between 2 and 10000000"));
  if (xdot != NULL && no_positions)
    return usage_error (context, _("--xdot draws the stored positions: not with --no-positions"));

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      if (!force)
        {
          g_printerr (_("redstring-cli: “%s” already exists (use --force to replace it)\n"), argv[1]);
          return 1;
        }
      if (!rs_case_store_remove_case_file (argv[1], &error))
        return fail (error);
    }

  if (!(store = rs_case_store_open (argv[1], RS_CASE_STORE_OPEN_CREATE, &error)))
    return fail (error);
  if (!rs_generate_case (store, (guint) entities, (guint32) seed, !no_positions, &error))
    {
      real_path = dup_real_path (argv[1]);
      g_clear_object (&store);
      remove_case (real_path);
      return fail (error);
    }

  if (dot != NULL && !rs_generate_write_dot (rs_case_store_get_case (store), dot, &error))
    return fail (error);
  if (xdot != NULL)
    {
      /* Graphviz draws the edges and labels at our positions; neato -n2 moves no node. */
      g_autofree char *tmp_dot = NULL;
      const char *input = dot;
      int status = 0;

      if (input == NULL)
        {
          tmp_dot = g_strconcat (xdot, ".dot", NULL);
          if (!rs_generate_write_dot (rs_case_store_get_case (store), tmp_dot, &error))
            return fail (error);
          input = tmp_dot;
        }
      {
        const char *args[] = { "dot", "-q", "-Kneato", "-n2", "-Txdot", "-o", xdot, input, NULL };

        if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                           &status, &error) ||
            !g_spawn_check_wait_status (status, &error))
          {
            if (tmp_dot != NULL)
              g_unlink (tmp_dot);
            g_printerr (_("redstring-cli: Graphviz could not write “%s”: %s\n"), xdot, error->message);
            return 1;
          }
      }
      if (tmp_dot != NULL)
        g_unlink (tmp_dot);
    }
  return 0;
}

static int
cmd_merge_or_apply (int      argc,
                    char   **argv,
                    gboolean merge)
{
  gboolean dry_run = FALSE;
  g_autofree char *author = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only print what would be done; write nothing"), NULL },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_("Who makes the change, for the case's history (default: your name)"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (merge ? _("CASE OTHER — merge the case OTHER into CASE")
                                : _("CASE FILE — apply a changeset FILE to CASE"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 3)
    return usage_error (context, merge ? _("merge needs a CASE and the OTHER case")
                                       : _("apply needs a CASE and a changeset FILE"));

  /* A dry run opens the case read-only: not a byte of it changes. */
  if (!(store = rs_case_store_open (argv[1], dry_run ? RS_CASE_STORE_OPEN_READ_ONLY
                                                     : RS_CASE_STORE_OPEN_NONE, &error)))
    return fail (error);
  rs_case_store_set_author (store, author);
  plan = merge ? rs_exchange_plan_new_merge (store, argv[2], &error)
               : rs_exchange_plan_new_apply (store, argv[2], &error);
  if (plan == NULL)
    return fail (error);
  return run_plan (store, plan, dry_run);
}

static int
cmd_merge (int    argc,
           char **argv)
{
  return cmd_merge_or_apply (argc, argv, TRUE);
}

static int
cmd_apply (int    argc,
           char **argv)
{
  return cmd_merge_or_apply (argc, argv, FALSE);
}

static int
cmd_changes (int    argc,
             char **argv)
{
  g_autofree char *since_arg = NULL;
  g_autofree char *output = NULL;
  g_autofree char *author = NULL;
  const GOptionEntry entries[] = {
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_("Who the changes are from, in the file (default: your name)"), "NAME" },
    { "since", 's', 0, G_OPTION_ARG_STRING, &since_arg,
      N_("Only the changes at or after DATE (ISO 8601: 2026-11-27 or 2026-11-27T09:30:00Z); "
         "default: all"), "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The changeset file to write"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("CASE — write the changes made to CASE to a changeset file"));
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc != 2)
    return usage_error (context, _("changes needs exactly one CASE"));
  if (output == NULL)
    return usage_error (context, _("changes needs -o FILE"));
  if (since_arg != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autofree char *full = strchr (since_arg, 'T') ? g_strdup (since_arg)
                                                       : g_strconcat (since_arg, "T00:00:00", NULL);

      /* A date without a zone is UTC, like the history's times. */
      if (!(since = g_date_time_new_from_iso8601 (full, utc)))
        return usage_error (context, _("--since needs an ISO 8601 date, like 2026-11-27"));
    }

  if (!(store = rs_case_store_open (argv[1], RS_CASE_STORE_OPEN_READ_ONLY, &error)))
    return fail (error);
  rs_case_store_set_author (store, author);
  if (!rs_exchange_write_changes (store, since, output, &error))
    return fail (error);
  return 0;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "new", cmd_new, N_("Create a case file (--sample: the sample case)") },
  { "import", cmd_import, N_("Add a JSON case bundle to a case") },
  { "import-report", cmd_import_report, N_("Add a report (text, Markdown, HTML, PDF) to a case") },
  { "import-dot", cmd_import_dot, N_("Add a Graphviz DOT file's nodes and edges to a case") },
  { "import-stix", cmd_import_stix, N_("Add a STIX 2.1 bundle to a case (--dry-run: print what it would do)") },
  { "export", cmd_export, N_("Export the board, timeline or brief (--format svg|png|pdf|dot|graphml|csv|html|json|stix -o FILE)") },
  { "layout", cmd_layout, N_("Place entities without a position and save them (--engine E, --all)") },
  { "info", cmd_info, N_("Check a case file and count what it holds") },
  { "generate", cmd_generate, N_("Write a synthetic case for benchmarks (--entities N --seed S)") },
  { "suggest", cmd_suggest, N_("What a document suggests (--document ID --format json)") },
  { "merge", cmd_merge, N_("Merge another case into a case; prints the plan as JSON (--dry-run)") },
  { "changes", cmd_changes, N_("Write a case's changes to a changeset file (--since DATE -o FILE)") },
  { "apply", cmd_apply, N_("Apply a changeset file to a case; prints the plan as JSON (--dry-run)") },
};

static int
print_usage (FILE *out)
{
  fprintf (out, "%s", _("Usage: redstring-cli COMMAND [OPTION…] ARGUMENTS\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "%s", _("\nRun “redstring-cli COMMAND --help” for the options of a command.\n"));
  return out == stdout ? 0 : 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

  setlocale (LC_ALL, "");
  /* Run from its build folder, the program reads the translations built there. */
  if (self_path != NULL && g_str_has_prefix (self_path, BUILD_ROOT G_DIR_SEPARATOR_S))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  rs_core_init ();

  if (argc < 2)
    return print_usage (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return print_usage (stdout);
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("redstring-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* The command sees itself as argv[0]: "redstring-cli new" parses like a program. */
        return commands[i].func (argc - 1, argv + 1);
      }

  g_printerr (_("redstring-cli: unknown command “%s”\n\n"), argv[1]);
  return print_usage (stderr);
}
