/* test-report-import.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "rs-case-edit.h"
#include "rs-error.h"
#include "rs-report.h"
#include "rs-test-utils.h"
#include "rs-undo-stack.h"

/* Reports in (issue 17): each format and encoding read to the text we know the
 * fixture holds (tests/data/reports, see SOURCES.md there), bad files refused,
 * threads, progress and cancellation, and the import command with undo. */

static RsReport *
read_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "reports", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return rs_report_read_file (file, NULL, error);
}

static RsReport *
read_fixture_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  RsReport *report = read_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_new_destroy (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Hello\n", 6);
  g_autoptr(GError) error = NULL;
  RsReport *report = rs_report_read_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rs_report_get_text (report), ==, "Hello\n");
  g_assert_finalize_object (report);
}

/* Text in each encoding: the table says what each fixture must read as. */
static const struct {
  const char     *file;
  RsReportFormat  format;
  const char     *encoding;
  guint           n_replaced;
  const char     *text;
  const char     *title;
} text_cases[] = {
  { "latin1.txt", RS_REPORT_FORMAT_TEXT, "windows-1252", 0,
    "Café Müller\nThe façade of the naïve Señor's hotel.\n", "Café Müller" },
  { "cp1252.txt", RS_REPORT_FORMAT_TEXT, "windows-1252", 0,
    "“Tick” is a group — ‘BRONZE BUTLER’ — costing €5…\n",
    "“Tick” is a group — ‘BRONZE BUTLER’ — costing €5…" },
  { "utf16le.txt", RS_REPORT_FORMAT_TEXT, "UTF-16LE", 0,
    "JAXA 宇宙航空研究開発機構\nemoji 😀 ok\n", "JAXA 宇宙航空研究開発機構" },
  { "utf16be.txt", RS_REPORT_FORMAT_TEXT, "UTF-16BE", 0,
    "JAXA 宇宙航空研究開発機構\nemoji 😀 ok\n", "JAXA 宇宙航空研究開発機構" },
  { "invalid-utf8.txt", RS_REPORT_FORMAT_TEXT, "UTF-8", 2,
    "Tōkyō police: \xEF\xBF\xBD servers in Japan \xEF\xBF\xBDx café\n",
    "Tōkyō police: \xEF\xBF\xBD servers in Japan \xEF\xBF\xBDx café" },
  { "shift-jis.txt", RS_REPORT_FORMAT_TEXT, "Shift_JIS", 0,
    "宇宙航空研究開発機構（JAXA）は、２０１６年にサイバー攻撃を受けたと発表しました。\n",
    "宇宙航空研究開発機構（JAXA）は、２０１６年にサイバー攻撃を受けたと発表しました。" },
  { "euc-jp.txt", RS_REPORT_FORMAT_TEXT, "EUC-JP", 0,
    "宇宙航空研究開発機構（JAXA）は、２０１６年にサイバー攻撃を受けたと発表しました。\n",
    "宇宙航空研究開発機構（JAXA）は、２０１６年にサイバー攻撃を受けたと発表しました。" },
  { "utf8-bom.txt", RS_REPORT_FORMAT_TEXT, "UTF-8", 0, "Unit 61419\nQingdao\n", "Unit 61419" },
  { "h1-title.html", RS_REPORT_FORMAT_HTML, "UTF-8", 0, "Only a heading\n\nBody", "Only a heading" },
  { "windows-1252.html", RS_REPORT_FORMAT_HTML, "windows-1252", 0, "“Tick” — café", NULL },
  { "shift-jis.html", RS_REPORT_FORMAT_HTML, "shift_jis", 0,
    "宇宙航空研究開発機構（JAXA）へのサイバー攻撃", "宇宙航空研究開発機構" },
};

static void
test_text_encodings (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autoptr(RsReport) report = read_fixture_ok (text_cases[i].file);

      g_test_message ("%s", text_cases[i].file);
      g_assert_cmpint (rs_report_get_format (report), ==, text_cases[i].format);
      g_assert_cmpstr (rs_report_get_encoding (report), ==, text_cases[i].encoding);
      g_assert_cmpuint (rs_report_get_n_replaced (report), ==, text_cases[i].n_replaced);
      g_assert_cmpstr (rs_report_get_text (report), ==, text_cases[i].text);
      g_assert_cmpstr (rs_report_get_title (report), ==, text_cases[i].title);
    }
}

static void
test_line_ends (void)
{
  static const char crlf[] = "one\r\ntwo\rthree\n\nfour\r\n\r\n\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (crlf, strlen (crlf));
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = rs_report_read_bytes (bytes, "x.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rs_report_get_text (report), ==, "one\ntwo\nthree\n\nfour\n\n\n");
}

/* The seed reports, as they are (UTF-8, no final newline); the first line is the title. */
static void
test_seed_reports (void)
{
  static const char *seeds[] = {
    "bloomberg-2021-04-20-chinese-military-seen-behind-japan-cyber-attacks.txt",
    "report-2021-04-20-chinese-military-hacked-japan-space-agency.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seeds", seeds[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(RsReport) report = rs_report_read_file (file, NULL, &error);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", 2);
      g_assert_cmpstr (rs_report_get_title (report), ==, lines[0]);
      /* Kept byte for byte: the sample bundle's documents are these texts. */
      g_assert_cmpstr (rs_report_get_text (report), ==, contents);
      g_assert_cmpstr (rs_report_get_encoding (report), ==, "UTF-8");
      g_assert_cmpuint (rs_report_get_n_replaced (report), ==, 0);
    }
}

/* Markdown is kept as written; the title is its first "# " heading, without marks. */
static void
test_markdown (void)
{
  g_autoptr(RsReport) report = read_fixture_ok ("report.md");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "reports", "report.md", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpint (rs_report_get_format (report), ==, RS_REPORT_FORMAT_MARKDOWN);
  g_assert_cmpstr (rs_report_get_text (report), ==, contents);
  g_assert_cmpstr (rs_report_get_title (report), ==, "Tick and the JAXA intrusions");
}

static void
test_html (void)
{
  g_autoptr(RsReport) report = read_fixture_ok ("jaxa.html");

  g_assert_cmpint (rs_report_get_format (report), ==, RS_REPORT_FORMAT_HTML);
  g_assert_cmpstr (rs_report_get_encoding (report), ==, "UTF-8");
  g_assert_cmpstr (rs_report_get_text (report), ==,
                   "Police: PLA unit behind JAXA attacks\n"
                   "\n"
                   "The Japan Aerospace Exploration Agency (JAXA, 宇宙航空研究開発機構) was "
                   "attacked in 2016 & 2017.\n"
                   "\n"
                   "Tick’s servers were rented under false names.\n"
                   "A second line.\n"
                   "\n"
                   "Unit 61419\n"
                   "Qingdao\n"
                   "\n"
                   "“Quoted” <text>\n"
                   "\n"
                   "a b\n"
                   "c d");
  g_assert_cmpstr (rs_report_get_title (report), ==, "Police: PLA unit behind JAXA attacks");
  g_assert_cmpstr (rs_report_get_author (report), ==, "Jane Doe");
  g_assert_cmpstr (rs_report_get_publisher (report), ==, "Example News");
  g_assert_cmpstr (rs_report_get_published (report), ==, "2021-04-20");
  g_assert_cmpstr (rs_report_get_url (report), ==, "https://example.org/news/jaxa");
}

/* PDFs are made here with cairo and pango, so that their text is known. */
static char *
make_pdf (const char          *name,
          const char * const  *pages,
          gboolean             with_text)
{
  char *path = rs_test_temp_path (name);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Tick and JAXA");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "A. Analyst");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2021-04-21T09:00:00Z");
  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (with_text)
        {
          g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
          PangoFontDescription *font = pango_font_description_from_string ("Sans 12");

          pango_layout_set_font_description (layout, font);
          pango_font_description_free (font);
          pango_layout_set_text (layout, pages[i], -1);
          cairo_move_to (cr, 72, 72);
          pango_cairo_show_layout (cr, layout);
        }
      else
        {
          /* What a scanner makes: a picture of a page, no text. */
          cairo_rectangle (cr, 72, 72, 300, 20);
          cairo_fill (cr);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
test_pdf (void)
{
  static const char *pages[] = {
    "First page: Tick rented servers.",
    "Second page: JAXA was attacked in 2016.",
    NULL
  };
  g_autofree char *path = make_pdf ("report.pdf", pages, TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = rs_report_read_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rs_report_get_format (report), ==, RS_REPORT_FORMAT_PDF);
  g_assert_cmpstr (rs_report_get_text (report), ==,
                   "First page: Tick rented servers.\n\nSecond page: JAXA was attacked in 2016.");
  g_assert_cmpstr (rs_report_get_title (report), ==, "Tick and JAXA");
  g_assert_cmpstr (rs_report_get_author (report), ==, "A. Analyst");
  g_assert_cmpstr (rs_report_get_published (report), ==, "2021-04-21");
}

static void
test_pdf_scan (void)
{
  static const char *pages[] = { "", "", NULL };
  g_autofree char *path = make_pdf ("scan.pdf", pages, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = rs_report_read_file (file, NULL, &error);

  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_null (report);
}

/* Empty, blank, binary, foreign or mislabelled files: each refused, never read as text. */
static void
test_bad_inputs (void)
{
  static const char *files[] = {
    "empty.txt", "blank.txt", "binary.txt", "controls.txt", "not-a-pdf.pdf", "archive.docx",
    "picture.txt", "locked.pdf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsReport) report = read_fixture (files[i], &error);

      g_test_message ("%s", files[i]);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, files[i]));
      g_assert_null (report);
    }
}

/* Refused by its size, before a byte is read (the file is sparse). */
static void
test_too_large (void)
{
  g_autofree char *path = rs_test_temp_path ("huge.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;
  FILE *out = g_fopen (path, "w");

  g_assert_nonnull (out);
  g_assert_cmpint (ftruncate (fileno (out), (goffset)RS_REPORT_MAX_SIZE + 1), ==, 0);
  fclose (out);

  report = rs_report_read_file (file, NULL, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_null (report);
}

/* A large text report, to read in a thread. */
static char *
make_large_report (const char *name,
                   gsize       megabytes)
{
  char *path = rs_test_temp_path (name);
  g_autoptr(GString) text = g_string_sized_new (megabytes * 1024 * 1024);
  /* Windows-1252, so that the whole decoder runs. */
  const char *line = "Tick rented servers in Japan under false names \x93" "five times\x94.\r\n";

  while (text->len < megabytes * 1024 * 1024)
    g_string_append (text, line);
  rs_test_write_file (path, text->str, text->len);
  return path;
}

typedef struct
{
  GPtrArray *fractions;
  RsReport  *report;
  GError    *error;
  gboolean   done;
  gboolean   progress_after_done;
  gboolean   destroyed;
  GCancellable *cancel_on_progress;
} AsyncRun;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncRun *run = user_data;
  double *copy = g_new (double, 1);

  *copy = fraction;
  g_ptr_array_add (run->fractions, copy);
  if (run->done)
    run->progress_after_done = TRUE;
  if (run->cancel_on_progress != NULL)
    g_cancellable_cancel (run->cancel_on_progress);
}

static void
on_progress_destroy (gpointer user_data)
{
  AsyncRun *run = user_data;

  run->destroyed = TRUE;
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->report = rs_report_read_file_finish (result, &run->error);
  run->done = TRUE;
}

static void
test_async_progress (void)
{
  g_autofree char *path = make_large_report ("large.txt", 8);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RsReport) sync = rs_report_read_file (file, NULL, NULL);
  AsyncRun run = { .fractions = g_ptr_array_new_with_free_func (g_free) };
  double last = 0;

  rs_report_read_file_async (file, on_progress, &run, on_progress_destroy, NULL, on_read, &run);
  while (!run.done || !run.destroyed)
    g_main_context_iteration (NULL, TRUE);
  /* Anything still queued must not call back now. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (run.error);
  g_assert_nonnull (run.report);
  g_assert_cmpstr (rs_report_get_text (run.report), ==, rs_report_get_text (sync));
  g_assert_cmpstr (rs_report_get_encoding (run.report), ==, "windows-1252");
  g_assert_cmpuint (run.fractions->len, >, 0);
  for (guint i = 0; i < run.fractions->len; i++)
    {
      double f = *(double *)g_ptr_array_index (run.fractions, i);

      g_assert_cmpfloat (f, >=, last);
      g_assert_cmpfloat (f, <=, 1.0);
      last = f;
    }
  g_assert_false (run.progress_after_done);
  g_clear_object (&run.report);
  g_ptr_array_unref (run.fractions);
}

static void
on_read_bytes (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->report = rs_report_read_bytes_finish (result, &run->error);
  run->done = TRUE;
}

/* A drop or a paste: bytes in a thread, the name only a hint, no progress asked. */
static void
test_async_bytes (void)
{
  static const char page[] = "<p>Dropped &amp; read</p>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
  AsyncRun run = { 0 };

  rs_report_read_bytes_async (bytes, "dropped.html", NULL, NULL, NULL, NULL, on_read_bytes, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (run.error);
  g_assert_cmpint (rs_report_get_format (run.report), ==, RS_REPORT_FORMAT_HTML);
  g_assert_cmpstr (rs_report_get_text (run.report), ==, "Dropped & read");
  g_clear_object (&run.report);
}

static void
test_cancel (void)
{
  g_autofree char *path = make_large_report ("cancel.txt", 32);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("text\n", 5);
  AsyncRun run = { .fractions = g_ptr_array_new_with_free_func (g_free) };

  /* Already cancelled: blocking calls. */
  g_cancellable_cancel (cancelled);
  report = rs_report_read_file (file, cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_clear_error (&error);
  report = rs_report_read_bytes (bytes, "x.txt", cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);

  /* Cancelled at its first progress, while the thread reads 32 MB: nothing back. */
  run.cancel_on_progress = cancellable;
  rs_report_read_file_async (file, on_progress, &run, on_progress_destroy, cancellable, on_read,
                             &run);
  while (!run.done || !run.destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.report);
  g_assert_cmpuint (run.fractions->len, >=, 1);
  g_clear_error (&run.error);
  g_ptr_array_unref (run.fractions);
}

/* Import is one change: undo leaves the case as it was, redo brings the document
 * back; the same text is found again by its SHA-256. */
static void
test_import_undo (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("import.redstring");
  g_autoptr(RsUndoStack) stack = rs_undo_stack_new (store);
  g_autoptr(RsReport) report = read_fixture_ok ("jaxa.html");
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  GListModel *documents = rs_case_get_documents (rs_case_store_get_case (store));
  RsDocument *document;
  gint64 id = 0;

  g_assert_null (rs_case_store_find_document_by_text (store, rs_report_get_text (report)));
  change = rs_case_edit_import_report (store, rs_report_get_text (report),
                                       rs_report_get_title (report),
                                       rs_report_get_publisher (report),
                                       rs_report_get_author (report),
                                       rs_report_get_published (report),
                                       rs_report_get_url (report),
                                       RS_RELIABILITY_B, &id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (rs_change_get_label (change), ==, "Import “Police: PLA unit behind JAXA attacks”");

  document = rs_case_lookup_document (rs_case_store_get_case (store), id);
  g_assert_nonnull (document);
  g_assert_cmpstr (rs_document_get_text (document), ==, rs_report_get_text (report));
  g_assert_cmpstr (rs_document_get_publisher (document), ==, "Example News");
  g_assert_cmpstr (rs_document_get_author (document), ==, "Jane Doe");
  g_assert_cmpstr (rs_document_get_published (document), ==, "2021-04-20");
  g_assert_cmpstr (rs_document_get_url (document), ==, "https://example.org/news/jaxa");
  g_assert_cmpint (rs_document_get_reliability (document), ==, RS_RELIABILITY_B);

  g_assert_true (rs_case_store_find_document_by_text (store, rs_report_get_text (report)) == document);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, rs_report_get_text (report), -1);
  g_assert_true (rs_case_store_find_document_by_sha256 (store, sha) == document);
  g_assert_null (rs_case_store_find_document_by_text (store, "other text\n"));

  rs_undo_stack_push (stack, change);
  g_assert_true (rs_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_null (rs_case_store_find_document_by_sha256 (store, sha));

  g_assert_true (rs_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_assert_nonnull (rs_case_store_find_document_by_sha256 (store, sha));
}

/* Bad metadata or text: refused, nothing written, no change open. */
static void
test_import_refused (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("refused.redstring");
  GListModel *documents = rs_case_get_documents (rs_case_store_get_case (store));
  static const struct {
    const char *text;
    const char *title;
    const char *published;
  } cases[] = {
    { "Text\n", "", NULL },
    { "Text\n", "   ", NULL },
    { "", "Title", NULL },
    { "Text\n", "Title", "20 April 2021" },
    { "Text\n", "Title", "2021-02-30" },
    { "Bad \xFF text\n", "Title", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsChange) change = NULL;
      gint64 id = -1;

      change = rs_case_edit_import_report (store, cases[i].text, cases[i].title, NULL, NULL,
                                           cases[i].published, NULL, RS_RELIABILITY_UNKNOWN,
                                           &id, &error);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_assert_null (change);
      g_assert_cmpint (id, ==, -1);
      g_assert_false (rs_case_store_in_change (store));
      g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/report/new-destroy", test_new_destroy);
  g_test_add_func ("/report/text-encodings", test_text_encodings);
  g_test_add_func ("/report/line-ends", test_line_ends);
  g_test_add_func ("/report/seed-reports", test_seed_reports);
  g_test_add_func ("/report/markdown", test_markdown);
  g_test_add_func ("/report/html", test_html);
  g_test_add_func ("/report/pdf", test_pdf);
  g_test_add_func ("/report/pdf-scan", test_pdf_scan);
  g_test_add_func ("/report/bad-inputs", test_bad_inputs);
  g_test_add_func ("/report/too-large", test_too_large);
  g_test_add_func ("/report/async-progress", test_async_progress);
  g_test_add_func ("/report/async-bytes", test_async_bytes);
  g_test_add_func ("/report/cancel", test_cancel);
  g_test_add_func ("/report/import-undo", test_import_undo);
  g_test_add_func ("/report/import-refused", test_import_refused);

  return g_test_run ();
}
