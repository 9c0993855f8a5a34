/* test-window-export.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "rs-application.h"
#include "rs-board-print.h"
#include "rs-brief-print.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Export Diagram, Copy as Image and Print in the real window on the sample case: the
 * dialog's options and preview, every format written through it and read back by a
 * parser of that format, the clipboard's two pictures, and a print to PDF that is not
 * blank. The file chooser is the desktop's: the tests give the dialog its file. */

static RsApplication *app;

static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static RsWindow *
open_sample (const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case (name);
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(GFile) file = NULL;
  RsWindow *window;

  g_clear_object (&store);
  file = g_file_new_for_path (path);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  /* The case loads in a worker at start-up: shown once its window has its store. */
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gboolean
layout_idle (gpointer data)
{
  RsWindow *window = data;

  return !rs_board_view_get_layout_running (window->board) &&
         rs_board_view_get_layout_count (window->board) > 0;
}

/* The sample case, laid out (its positions are what the exports draw). */
static RsWindow *
open_laid_out (const char *name)
{
  RsWindow *window = open_sample (name);

  g_assert_true (rs_gui_test_wait_until (layout_idle, window, 60000));
  rs_gui_test_iterate (100);
  return window;
}

static RsExportDialog *
open_dialog (RsWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-diagram", NULL));
  g_assert_nonnull (window->export_dialog);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window->export_dialog));
  return window->export_dialog;
}

static gpointer
child (RsExportDialog *dialog,
       const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), RS_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
visible (RsExportDialog *dialog,
         const char     *name)
{
  return gtk_widget_get_visible (GTK_WIDGET (child (dialog, name)));
}

typedef struct
{
  RsExportDialog *dialog;
  guint           before;
} PreviewWait;

static gboolean
preview_after (gpointer data)
{
  PreviewWait *wait = data;

  return rs_export_dialog_get_n_previews (wait->dialog) > wait->before;
}

/* The previews drawn so far; wait_preview() then waits for the next one. */
static guint
n_previews (RsExportDialog *dialog)
{
  return rs_export_dialog_get_n_previews (dialog);
}

static void
wait_preview (RsExportDialog *dialog,
              guint           before)
{
  PreviewWait wait = { dialog, before };

  if (!rs_gui_test_wait_until (preview_after, &wait, 30000))
    g_error ("no new preview after %u", before);
  rs_gui_test_iterate (20);
}

static const char *
preview_page (RsExportDialog *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "preview_stack")));
}

/* The picture shown is a real one of some size. */
static void
assert_picture (RsExportDialog *dialog,
                int            *width,
                int            *height)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (child (dialog, "preview_picture")));

  if (g_strcmp0 (preview_page (dialog), "picture") != 0)
    g_error ("the preview shows %s: %s", preview_page (dialog),
             adw_status_page_get_description (ADW_STATUS_PAGE (child (dialog, "preview_status"))));
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >, 20);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), >, 20);
  if (width)
    *width = gdk_paintable_get_intrinsic_width (paintable);
  if (height)
    *height = gdk_paintable_get_intrinsic_height (paintable);
}

/* What the exporter itself says of a format on this case: NULL when it writes it, else
 * why not (exporters still being written fail with a message; the dialog must show it). */
static GError *
probe (RsWindow        *window,
       RsExportFormat   format,
       RsExportContent  content)
{
  RsExportOptions options;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  rs_export_options_init (&options, format);
  options.content = content;
  bytes = rs_export_write_bytes (rs_case_store_get_case (window->store), &options, NULL, &error);
  rs_export_options_clear (&options);
  g_assert_true ((bytes == NULL) == (error != NULL));
  return error;
}

/* A text format's preview: its text, or the exporter's reason for having none. */
static void
assert_text_preview (RsWindow       *window,
                     RsExportDialog *dialog,
                     RsExportFormat  format,
                     const char     *expected)
{
  g_autoptr(GError) error = probe (window, format, RS_EXPORT_CONTENT_BOARD);

  if (error != NULL)
    {
      g_test_message ("%s: %s", rs_export_format_to_string (format), error->message);
      g_assert_cmpstr (preview_page (dialog), ==, "status");
      g_assert_cmpstr (adw_status_page_get_description (child (dialog, "preview_status")), ==,
                       error->message);
      return;
    }
  g_assert_cmpstr (preview_page (dialog), ==, "text");
  g_assert_nonnull (strstr (gtk_label_get_text (child (dialog, "preview_text")), expected));
}

/* Picks the format whose label is @label in the format row; FALSE when not offered. */
static gboolean
select_format (RsExportDialog *dialog,
               const char     *label)
{
  AdwComboRow *row = child (dialog, "format_row");
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *item = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      if (g_str_equal (item, label))
        {
          if (adw_combo_row_get_selected (row) != i)
            {
              guint before = n_previews (dialog);

              adw_combo_row_set_selected (row, i);
              wait_preview (dialog, before);
            }
          return TRUE;
        }
    }
  return FALSE;
}

/* Every option: shown where it applies, and each change draws a new preview. */
static void
test_dialog_options (void)
{
  RsWindow *window = open_laid_out ("export-options.redstring");
  RsExportDialog *dialog = open_dialog (window);
  guint before;
  int width, height, width2, height2;
  RsTarget target;
  gint64 id;
  g_autoptr(RsEntity) entity = NULL;

  /* Its keys, as the shortcuts window says. */
  {
    g_auto(GStrv) export_keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                       "win.export-diagram");
    g_auto(GStrv) copy_keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     "win.copy-image");
    g_auto(GStrv) print_keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                      "win.print");

    g_assert_true (g_strv_contains ((const char * const *) export_keys, "<Control>e"));
    g_assert_true (g_strv_contains ((const char * const *) copy_keys, "<Shift><Control>c"));
    g_assert_true (g_strv_contains ((const char * const *) print_keys, "<Control>p"));
  }

  /* In the main menu. */
  {
    GMenuModel *menu = G_MENU_MODEL (window->primary_menu);
    const char *wanted[] = { "win.export-diagram", "win.copy-image", "win.print" };

    for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
      {
        gboolean found = FALSE;

        for (int i = 0; i < g_menu_model_get_n_items (menu) && !found; i++)
          {
            g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

            for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
              {
                g_autofree char *action = NULL;

                if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
                    g_str_equal (action, wanted[w]))
                  found = TRUE;
              }
          }
        if (!found)
          g_error ("%s is not in the main menu", wanted[w]);
      }
  }

  /* The first preview: the board as an SVG export draws it. */
  wait_preview (dialog, 0);
  g_assert_true (select_format (dialog, "SVG image"));
  assert_picture (dialog, &width, &height);
  g_assert_false (visible (dialog, "dpi_row"));
  g_assert_false (visible (dialog, "paper_row"));
  g_assert_false (visible (dialog, "table_row"));
  g_assert_true (visible (dialog, "legend_row"));
  g_assert_true (visible (dialog, "footnotes_row"));
  g_assert_true (visible (dialog, "dark_row"));

  /* Nothing selected: "only the selection" cannot be chosen. */
  g_assert_cmpuint (rs_selection_get_n_items (window->selection), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "scope_selection_row")));

  /* PNG: resolution and transparency. */
  g_assert_true (select_format (dialog, "PNG image"));
  g_assert_true (visible (dialog, "dpi_row"));
  g_assert_true (visible (dialog, "transparent_row"));
  g_assert_false (visible (dialog, "paper_row"));
  before = n_previews (dialog);
  gtk_spin_button_set_value (child (dialog, "dpi_spin"), 96);
  wait_preview (dialog, before);
  before = n_previews (dialog);
  gtk_switch_set_active (child (dialog, "transparent_switch"), TRUE);
  wait_preview (dialog, before);
  assert_picture (dialog, NULL, NULL);

  /* The switches that change the drawing. */
  before = n_previews (dialog);
  gtk_switch_set_active (child (dialog, "dark_switch"), TRUE);
  wait_preview (dialog, before);
  before = n_previews (dialog);
  gtk_switch_set_active (child (dialog, "legend_switch"), FALSE);
  wait_preview (dialog, before);
  before = n_previews (dialog);
  gtk_switch_set_active (child (dialog, "footnotes_switch"), TRUE);
  wait_preview (dialog, before);
  /* Footnotes add their list under the figure: the picture grows taller. */
  assert_picture (dialog, &width2, &height2);
  g_assert_cmpint (height2, >, height * 0.5);

  /* PDF: paper, orientation, fit. */
  g_assert_true (select_format (dialog, "PDF document"));
  g_assert_true (visible (dialog, "paper_row"));
  g_assert_true (visible (dialog, "orientation_row"));
  g_assert_true (visible (dialog, "fit_row"));
  g_assert_false (visible (dialog, "dpi_row"));
  /* Fitted: the preview is the page, portrait then landscape. */
  assert_picture (dialog, &width2, &height2);
  g_assert_cmpint (height2, >, width2);
  before = n_previews (dialog);
  adw_combo_row_set_selected (child (dialog, "paper_row"), 2);
  wait_preview (dialog, before);
  before = n_previews (dialog);
  adw_combo_row_set_selected (child (dialog, "orientation_row"), 1);
  wait_preview (dialog, before);
  assert_picture (dialog, &width2, &height2);
  g_assert_cmpint (width2, >, height2);
  before = n_previews (dialog);
  gtk_switch_set_active (child (dialog, "fit_switch"), FALSE);
  wait_preview (dialog, before);
  assert_picture (dialog, NULL, NULL);

  /* CSV: which table; its preview is the text of the file. */
  g_assert_true (select_format (dialog, "CSV table"));
  g_assert_true (visible (dialog, "table_row"));
  g_assert_false (visible (dialog, "legend_row"));
  assert_text_preview (window, dialog, RS_EXPORT_FORMAT_CSV, ",");
  before = n_previews (dialog);
  adw_combo_row_set_selected (child (dialog, "table_row"), 1);
  wait_preview (dialog, before);
  assert_text_preview (window, dialog, RS_EXPORT_FORMAT_CSV, ",");

  /* DOT: the Graphviz source. */
  g_assert_true (select_format (dialog, "DOT (Graphviz)"));
  assert_text_preview (window, dialog, RS_EXPORT_FORMAT_DOT, "graph");

  /* STIX: the whole case, whatever the scope; the bundle's text, created by the analyst. */
  g_assert_true (select_format (dialog, "STIX 2.1 bundle"));
  g_assert_false (visible (dialog, "scope_group"));
  g_assert_false (visible (dialog, "options_group"));
  assert_text_preview (window, dialog, RS_EXPORT_FORMAT_STIX, "\"spec_version\" : \"2.1\"");
  {
    g_autofree char *analyst = g_strdup_printf ("\"name\" : \"%s\"",
                                                rs_case_store_get_author (window->store));
    g_autoptr(GdkTexture) shot = NULL;
    g_autofree char *shot_path = NULL;

    rs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
    shot = rs_gui_test_render_widget (GTK_WIDGET (dialog));
    shot_path = rs_gui_test_save_png (shot, "export-dialog-stix.png");

    g_assert_nonnull (strstr (gtk_label_get_text (child (dialog, "preview_text")), analyst));
    g_test_message ("screenshot: %s", shot_path);
  }

  /* The PDF brief: its first page, on its paper, turning with the orientation. */
  g_assert_true (select_format (dialog, "Brief as PDF"));
  g_assert_true (visible (dialog, "paper_row"));
  g_assert_true (visible (dialog, "orientation_row"));
  assert_picture (dialog, &width, &height);
  before = n_previews (dialog);
  adw_combo_row_set_selected (child (dialog, "orientation_row"),
                              1 - adw_combo_row_get_selected (child (dialog, "orientation_row")));
  wait_preview (dialog, before);
  assert_picture (dialog, &width2, &height2);
  g_assert_cmpint ((width > height), !=, (width2 > height2));

  /* The whole case, then the selection once there is one. */
  g_assert_true (select_format (dialog, "SVG image"));
  before = n_previews (dialog);
  gtk_check_button_set_active (child (dialog, "scope_case_check"), TRUE);
  wait_preview (dialog, before);
  entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (window->store)), 0);
  before = n_previews (dialog);
  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  wait_preview (dialog, before);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "scope_selection_row")));
  before = n_previews (dialog);
  gtk_check_button_set_active (child (dialog, "scope_selection_check"), TRUE);
  wait_preview (dialog, before);
  /* One entity: a smaller picture than the board's (same scale limit). */
  assert_picture (dialog, &width2, &height2);
  g_assert_cmpint (width2 * height2, <, width * height);
  /* The selection emptied: back to the filter. */
  before = n_previews (dialog);
  rs_selection_clear (window->selection);
  wait_preview (dialog, before);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "scope_selection_row")));
  g_assert_true (gtk_check_button_get_active (child (dialog, "scope_filter_check")));
  g_assert_false (rs_selection_get_primary (window->selection, &target, &id));

  /* Closed and opened again: the choices are remembered. */
  gtk_check_button_set_active (child (dialog, "scope_case_check"), TRUE);
  gtk_window_close (GTK_WINDOW (dialog));
  rs_gui_test_iterate (50);
  g_assert_null (window->export_dialog);
  dialog = open_dialog (window);
  g_assert_cmpint (adw_combo_row_get_selected (child (dialog, "format_row")), ==, 0);
  g_assert_true (gtk_check_button_get_active (child (dialog, "scope_case_check")));
  g_assert_cmpfloat (gtk_spin_button_get_value (child (dialog, "dpi_spin")), ==, 96);
  g_assert_true (gtk_switch_get_active (child (dialog, "dark_switch")));
  g_assert_false (gtk_switch_get_active (child (dialog, "legend_switch")));
  g_assert_true (gtk_switch_get_active (child (dialog, "footnotes_switch")));
  g_assert_cmpint (adw_combo_row_get_selected (child (dialog, "paper_row")), ==, 2);
  g_assert_cmpint (adw_combo_row_get_selected (child (dialog, "table_row")), ==, 1);
  gtk_window_close (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Exports ------------------------------------------------------------------------------ */

typedef struct
{
  RsWindow *window;
  gboolean  exported;
} ExportWait;

static void
on_exported (RsExportDialog *dialog,
             GFile          *file,
             ExportWait     *wait)
{
  wait->exported = TRUE;
}

static gboolean
export_over (gpointer data)
{
  ExportWait *wait = data;

  return wait->exported && wait->window->export_dialog == NULL;
}

static void
check_xml (const char *path,
           const char *root)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  static const GMarkupParser parser = { 0 };
  const char *start;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull ((start = strstr (text, root)));
  /* GMarkup takes no DOCTYPE: parse from the root element. */
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, start - 1, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("%s is not well-formed: %s", path, error->message);
}

static gboolean
png_has_ink (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  gboolean ink = FALSE;
  int width, height, stride;
  const guint8 *data;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height && !ink; y++)
    for (int x = 0; x < width && !ink; x++)
      {
        const guint8 *p = data + y * stride + x * 4;

        /* Anything neither white nor transparent. */
        ink = p[3] > 0 && (p[0] < 200 || p[1] < 200 || p[2] < 200);
      }
  cairo_surface_destroy (surface);
  return ink;
}

/* The first page of a PDF as PNG, by poppler's pdftoppm. */
static char *
pdf_to_png (const char *pdf)
{
  g_autofree char *prefix = g_strconcat (pdf, "-page", NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", "-singlefile",
                         pdf, prefix, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    g_error ("pdftoppm: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strconcat (prefix, ".png", NULL);
}

static void
check_file (const char *label,
            const char *path)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_cmpuint (length, >, 0);
  if (g_str_has_suffix (path, ".png"))
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), >, 20);
      g_assert_true (png_has_ink (path));
    }
  else if (g_str_has_suffix (path, ".svg"))
    check_xml (path, "<svg");
  else if (g_str_has_suffix (path, ".graphml"))
    check_xml (path, "<graphml");
  else if (g_str_has_suffix (path, ".pdf"))
    {
      g_autofree char *png = NULL;

      g_assert_true (g_str_has_prefix (text, "%PDF-"));
      png = pdf_to_png (path);
      g_assert_true (png_has_ink (png));
    }
  else if (g_str_has_suffix (path, ".json"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, text, length, &error));
      g_assert_no_error (error);
    }
  else if (g_str_has_suffix (path, ".dot") || g_str_has_suffix (path, ".gv"))
    g_assert_nonnull (strstr (text, "graph"));
  else if (g_str_has_suffix (path, ".csv"))
    g_assert_nonnull (strchr (text, ','));
  else if (g_str_has_suffix (path, ".html"))
    g_assert_nonnull (strstr (text, "<html"));
  else
    g_error ("%s: unexpected file %s", label, path);
}

static gboolean
has_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == data)
        return TRUE;
    }
  return FALSE;
}

/* Every format the dialog offers, written through it and read back. */
static void
test_export_every_format (void)
{
  RsWindow *window = open_laid_out ("export-formats.redstring");
  RsExportDialog *dialog = open_dialog (window);
  AdwComboRow *row = child (dialog, "format_row");
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (row));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, g_strdup (gtk_string_list_get_string (
                                         GTK_STRING_LIST (adw_combo_row_get_model (row)), i)));
  gtk_window_close (GTK_WINDOW (dialog));
  rs_gui_test_iterate (20);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = labels->pdata[i];
      ExportWait wait = { window, FALSE };
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      const char *extension;
      RsExportOptions options;
      g_autoptr(GError) unsupported = NULL;

      dialog = open_dialog (window);
      g_assert_true (select_format (dialog, label));
      rs_export_dialog_get_options (dialog, &options, NULL);
      extension = rs_export_format_get_extension (options.format);
      unsupported = probe (window, options.format, options.content);
      rs_export_options_clear (&options);
      name = g_strdup_printf ("export-%u.%s", i, extension);
      path = rs_test_temp_path (name);
      file = g_file_new_for_path (path);
      g_test_message ("%s → %s", label, path);

      /* A format its exporter cannot write yet goes over an older file, which stays. */
      if (unsupported != NULL)
        rs_test_write_file (path, "before", 6);
      g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &wait);
      rs_export_dialog_export_to (dialog, file);
      g_assert_true (rs_export_dialog_get_busy (dialog));
      if (unsupported != NULL)
        {
          /* Not written yet by its exporter: the dialog says why, writes nothing, stays. */
          g_test_message ("%s: %s", label, unsupported->message);
          g_assert_true (rs_gui_test_wait_until (has_message_dialog, dialog, 30000));
          g_assert_false (wait.exported);
          {
            g_autofree char *kept = NULL;

            g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
            g_assert_cmpstr (kept, ==, "before");
          }
          gtk_window_close (GTK_WINDOW (dialog));
          g_assert_null (window->export_dialog);
          continue;
        }
      if (!rs_gui_test_wait_until (export_over, &wait, 60000))
        g_error ("%s: the export did not finish", label);
      check_file (label, path);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file that cannot be written: the reason, and the dialog stays for another try. */
static void
test_export_error (void)
{
  RsWindow *window = open_laid_out ("export-error.redstring");
  RsExportDialog *dialog = open_dialog (window);
  g_autofree char *path = rs_test_temp_path ("no-such-folder/board.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (select_format (dialog, "SVG image"));
  rs_export_dialog_export_to (dialog, file);
  g_assert_true (rs_gui_test_wait_until (has_message_dialog, dialog, 30000));
  g_assert_false (rs_export_dialog_get_busy (dialog));
  g_assert_true (window->export_dialog == dialog);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Copy as Image ------------------------------------------------------------------------ */

static gboolean
clipboard_has_png (gpointer data)
{
  GdkContentFormats *formats = gdk_clipboard_get_formats (GDK_CLIPBOARD (data));

  return gdk_content_formats_contain_mime_type (formats, "image/png");
}

typedef struct
{
  GBytes   *bytes;
  gboolean  done;
} Read;

static void
on_spliced (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Read *read = data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  read->done = TRUE;
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL,
                                                          &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_output_stream_splice_async (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, G_PRIORITY_DEFAULT, NULL,
                                on_spliced, data);
}

static gboolean
read_done (gpointer data)
{
  return ((Read *) data)->done;
}

static GBytes *
read_clipboard (GdkClipboard *clipboard,
                const char   *mime_type)
{
  const char *types[] = { mime_type, NULL };
  Read read = { NULL, FALSE };

  gdk_clipboard_read_async (clipboard, types, G_PRIORITY_DEFAULT, NULL, on_read, &read);
  g_assert_true (rs_gui_test_wait_until (read_done, &read, 20000));
  return read.bytes;
}

static void
test_copy_image (void)
{
  RsWindow *window = open_laid_out ("export-copy.redstring");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GdkTexture) board = NULL;
  g_autoptr(GdkTexture) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsEntity) entity = NULL;
  g_autofree char *text = NULL;

  gdk_clipboard_set_text (clipboard, "before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  g_assert_true (rs_gui_test_wait_until (clipboard_has_png, clipboard, 30000));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                        "image/svg+xml"));

  png = read_clipboard (clipboard, "image/png");
  board = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (board), >, 20);
  svg = read_clipboard (clipboard, "image/svg+xml");
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "<svg"));

  /* With a selection, only it: a smaller picture. */
  entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (window->store)), 0);
  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  gdk_clipboard_set_text (clipboard, "between");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  g_assert_true (rs_gui_test_wait_until (clipboard_has_png, clipboard, 30000));
  one = read_clipboard (clipboard, "image/png");
  selected = gdk_texture_new_from_bytes (one, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (selected) * gdk_texture_get_height (selected), <,
                   gdk_texture_get_width (board) * gdk_texture_get_height (board));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Print -------------------------------------------------------------------------------- */

static void
test_print_to_pdf (void)
{
  RsWindow *window = open_laid_out ("export-print.redstring");
  g_autofree char *pdf = rs_test_temp_path ("print.pdf");
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPrintOperationResult result;
  g_autofree char *text = NULL;

  result = rs_board_print_run (GTK_WINDOW (window), rs_case_store_get_case (window->store),
                               window->filter, window->selection, &settings, &page_setup,
                               GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_get_contents (pdf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  png = pdf_to_png (pdf);
  g_assert_true (png_has_ink (png));
  /* Kept for the next print: a board is wider than tall, so landscape unless chosen. */
  g_assert_nonnull (settings);
  g_assert_nonnull (page_setup);
  g_assert_cmpint (gtk_page_setup_get_orientation (page_setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  /* A portrait page chosen: the next print keeps it, and still fits the board on it. */
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_PORTRAIT);
  result = rs_board_print_run (GTK_WINDOW (window), rs_case_store_get_case (window->store),
                               window->filter, window->selection, &settings, &page_setup,
                               GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (gtk_page_setup_get_orientation (page_setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_free (png);
  png = pdf_to_png (pdf);
  g_assert_true (png_has_ink (png));
  {
    g_autoptr(GdkTexture) page = gdk_texture_new_from_filename (png, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_height (page), >, gdk_texture_get_width (page));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The brief printed: as many pages as the PDF brief on that paper, the first with ink,
 * and the case's title in the text of the first page. */
static void
test_print_brief (void)
{
  RsWindow *window = open_laid_out ("export-print-brief.redstring");
  RsCase *kase = rs_case_store_get_case (window->store);
  g_autofree char *pdf = rs_test_temp_path ("brief.pdf");
  g_autofree char *png = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  const char *argv[] = { "pdfinfo", pdf, NULL };
  GtkPrintOperationResult result;
  const char *pages;

  result = rs_brief_print_run (GTK_WINDOW (window), kase, window->filter, &settings, &page_setup,
                               GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  png = pdf_to_png (pdf);
  g_assert_true (png_has_ink (png));

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &info, NULL, NULL, &error))
    {
      g_test_skip ("pdfinfo is not installed");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  /* The sample's brief runs over many pages: its entities, relations and quotes. */
  g_assert_cmpint (g_ascii_strtoll (pages + strlen ("Pages:"), NULL, 10), >, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-export/dialog-options", test_dialog_options);
  g_test_add_func ("/window-export/every-format", test_export_every_format);
  g_test_add_func ("/window-export/error", test_export_error);
  g_test_add_func ("/window-export/copy-image", test_copy_image);
  g_test_add_func ("/window-export/print-to-pdf", test_print_to_pdf);
  g_test_add_func ("/window-export/print-brief", test_print_brief);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
