/* rs-export-dialog.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-dialog"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-export-brief.h"
#include "rs-export-dialog.h"
#include "rs-export-stix.h"
#include "rs-file-chooser.h"

/* File → Export Diagram…: the format, what of the case, the options that apply to that
 * format (the others hidden), and a preview drawn by the exporter itself (the board as
 * a small PNG, a text format as its first lines), refreshed a moment after the last
 * change. Export… asks where and writes in a worker; the dialog closes once the file
 * is complete, or says why it could not be written and stays open. */

#define PREVIEW_DELAY_MSEC  200
#define PREVIEW_MAX_PIXELS  1000.0
#define PREVIEW_TEXT_CHARS  12000

typedef struct
{
  RsExportFormat  format;
  RsExportContent content;
  const char     *label;
} FormatEntry;

static const FormatEntry all_formats[] = {
  { RS_EXPORT_FORMAT_SVG, RS_EXPORT_CONTENT_BOARD, N_("SVG image") },
  { RS_EXPORT_FORMAT_PNG, RS_EXPORT_CONTENT_BOARD, N_("PNG image") },
  { RS_EXPORT_FORMAT_PDF, RS_EXPORT_CONTENT_BOARD, N_("PDF document") },
  { RS_EXPORT_FORMAT_DOT, RS_EXPORT_CONTENT_BOARD, N_("DOT (Graphviz)") },
  { RS_EXPORT_FORMAT_GRAPHML, RS_EXPORT_CONTENT_BOARD, N_("GraphML") },
  { RS_EXPORT_FORMAT_CSV, RS_EXPORT_CONTENT_BOARD, N_("CSV table") },
  { RS_EXPORT_FORMAT_HTML, RS_EXPORT_CONTENT_BRIEF, N_("Brief as HTML") },
  { RS_EXPORT_FORMAT_PDF, RS_EXPORT_CONTENT_BRIEF, N_("Brief as PDF") },
  { RS_EXPORT_FORMAT_JSON, RS_EXPORT_CONTENT_BOARD, N_("JSON case bundle") },
  { RS_EXPORT_FORMAT_STIX, RS_EXPORT_CONTENT_BOARD, N_("STIX 2.1 bundle") },
  { RS_EXPORT_FORMAT_SVG, RS_EXPORT_CONTENT_TIMELINE, N_("Timeline as SVG") },
  { RS_EXPORT_FORMAT_PNG, RS_EXPORT_CONTENT_TIMELINE, N_("Timeline as PNG") },
  { RS_EXPORT_FORMAT_PDF, RS_EXPORT_CONTENT_TIMELINE, N_("Timeline as PDF") },
  { RS_EXPORT_FORMAT_CSV, RS_EXPORT_CONTENT_TIMELINE, N_("Timeline as CSV") },
};

struct _RsExportDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkWidget      *export_button;
  GtkSpinner     *busy_spinner;
  GtkStack       *preview_stack;
  GtkPicture     *preview_picture;
  GtkLabel       *preview_text;
  AdwStatusPage  *preview_status;
  GtkSpinner     *preview_spinner;
  GtkStringList  *format_model;
  AdwComboRow    *format_row;
  GtkWidget      *scope_group;
  GtkCheckButton *scope_filter_check;
  GtkCheckButton *scope_case_check;
  GtkCheckButton *scope_selection_check;
  GtkWidget      *scope_selection_row;
  GtkWidget      *options_group;
  GtkWidget      *dpi_row;
  GtkSpinButton  *dpi_spin;
  GtkWidget      *transparent_row;
  GtkSwitch      *transparent_switch;
  AdwComboRow    *paper_row;
  AdwComboRow    *orientation_row;
  GtkWidget      *fit_row;
  GtkSwitch      *fit_switch;
  AdwComboRow    *table_row;
  GtkWidget      *footnotes_row;
  GtkSwitch      *footnotes_switch;
  GtkWidget      *legend_row;
  GtkSwitch      *legend_switch;
  GtkWidget      *dark_row;
  GtkSwitch      *dark_switch;

  /* Owned */
  RsCase         *kase;
  RsBoardFilter  *filter;
  RsSelection    *selection;
  char           *base_name;
  char           *folder;
  RsCaseStore    *store;            /* NULL until set */
  GArray         *formats;          /* FormatEntry shown in format_row, in order */
  GCancellable   *preview_cancellable;
  GCancellable   *export_cancellable;

  guint           preview_timeout;
  guint           preview_serial;   /* the newest preview asked for */
  guint           n_previews;       /* previews shown so far (tests wait on it) */
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (RsExportDialog, rs_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Snapshots ----------------------------------------------------------------------- */

RsBoardFilter *
rs_export_snapshot_filter (RsBoardFilter *filter)
{
  RsBoardFilter *copy = rs_board_filter_new ();

  g_return_val_if_fail (RS_IS_BOARD_FILTER (filter), copy);

  rs_board_filter_set_hidden_kinds (copy, rs_board_filter_get_hidden_kinds (filter));
  rs_board_filter_set_statuses (copy, rs_board_filter_get_statuses (filter));
  rs_board_filter_set_document_id (copy, rs_board_filter_get_document_id (filter));
  rs_board_filter_set_text (copy, rs_board_filter_get_text (filter));
  rs_board_filter_set_focus_hops (copy, rs_board_filter_get_focus_hops (filter));
  rs_board_filter_set_focus_id (copy, rs_board_filter_get_focus_id (filter));
  rs_board_filter_set_remove_hidden (copy, rs_board_filter_get_remove_hidden (filter));
  return copy;
}

RsSelection *
rs_export_snapshot_selection (RsSelection *selection)
{
  RsSelection *copy = rs_selection_new ();
  guint n;
  g_autofree RsTarget *targets = NULL;
  g_autofree gint64 *ids = NULL;

  g_return_val_if_fail (RS_IS_SELECTION (selection), copy);

  n = rs_selection_get_n_items (selection);
  targets = g_new0 (RsTarget, MAX (n, 1));
  ids = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    rs_selection_get_item (selection, i, &targets[i], &ids[i]);
  rs_selection_set_items (copy, targets, ids, n);
  return copy;
}

/* The options ---------------------------------------------------------------------- */

static const FormatEntry *
get_entry (RsExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  if (i == GTK_INVALID_LIST_POSITION || i >= self->formats->len)
    i = 0;
  return &g_array_index (self->formats, FormatEntry, i);
}

static gboolean
is_drawing (const FormatEntry *entry)
{
  return entry->content != RS_EXPORT_CONTENT_BRIEF &&
         (entry->format == RS_EXPORT_FORMAT_SVG || entry->format == RS_EXPORT_FORMAT_PNG ||
          entry->format == RS_EXPORT_FORMAT_PDF);
}

static RsExportScope
get_scope (RsExportDialog *self)
{
  if (gtk_check_button_get_active (self->scope_selection_check) &&
      rs_selection_get_n_items (self->selection) > 0)
    return RS_EXPORT_SCOPE_SELECTION;
  if (gtk_check_button_get_active (self->scope_case_check))
    return RS_EXPORT_SCOPE_CASE;
  return RS_EXPORT_SCOPE_FILTER;
}

/* The options as the widgets say, with copies of the filter and selection the scope
 * takes (safe to hand to a worker). */
void
rs_export_dialog_get_options (RsExportDialog  *self,
                              RsExportOptions *options,
                              RsExportScope   *scope)
{
  const FormatEntry *entry;
  RsExportScope chosen;

  g_return_if_fail (RS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  entry = get_entry (self);
  chosen = get_scope (self);
  rs_export_options_init (options, entry->format);
  options->content = entry->content;
  if (chosen == RS_EXPORT_SCOPE_FILTER)
    options->filter = rs_export_snapshot_filter (self->filter);
  else if (chosen == RS_EXPORT_SCOPE_SELECTION)
    options->selection = rs_export_snapshot_selection (self->selection);
  options->dark = gtk_switch_get_active (self->dark_switch);
  options->legend = gtk_switch_get_active (self->legend_switch);
  options->footnotes = gtk_switch_get_active (self->footnotes_switch);
  options->scale = gtk_spin_button_get_value (self->dpi_spin) / 72.0;
  options->transparent = gtk_switch_get_active (self->transparent_switch);
  options->paper = (RsExportPaper) adw_combo_row_get_selected (self->paper_row);
  options->landscape = adw_combo_row_get_selected (self->orientation_row) == 1;
  options->fit_to_page = gtk_switch_get_active (self->fit_switch);
  options->csv_table = (RsExportCsvTable) adw_combo_row_get_selected (self->table_row);
  if (self->store != NULL)
    options->author = g_strdup (rs_case_store_get_author (self->store));
  if (scope != NULL)
    *scope = chosen;
}

void
rs_export_dialog_set_options (RsExportDialog        *self,
                              const RsExportOptions *options,
                              RsExportScope          scope)
{
  g_return_if_fail (RS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < self->formats->len; i++)
    {
      const FormatEntry *entry = &g_array_index (self->formats, FormatEntry, i);

      if (entry->format == options->format && entry->content == options->content)
        adw_combo_row_set_selected (self->format_row, i);
    }
  if (scope == RS_EXPORT_SCOPE_SELECTION && rs_selection_get_n_items (self->selection) > 0)
    gtk_check_button_set_active (self->scope_selection_check, TRUE);
  else if (scope == RS_EXPORT_SCOPE_CASE)
    gtk_check_button_set_active (self->scope_case_check, TRUE);
  else
    gtk_check_button_set_active (self->scope_filter_check, TRUE);
  gtk_switch_set_active (self->dark_switch, options->dark);
  gtk_switch_set_active (self->legend_switch, options->legend);
  gtk_switch_set_active (self->footnotes_switch, options->footnotes);
  if (options->scale > 0)
    gtk_spin_button_set_value (self->dpi_spin, options->scale * 72.0);
  gtk_switch_set_active (self->transparent_switch, options->transparent);
  adw_combo_row_set_selected (self->paper_row, options->paper);
  adw_combo_row_set_selected (self->orientation_row, options->landscape ? 1 : 0);
  gtk_switch_set_active (self->fit_switch, options->fit_to_page);
  adw_combo_row_set_selected (self->table_row, options->csv_table);
}

/* What the case file keeps of STIX, for a STIX or JSON bundle preview or export (read
 * here, on the main thread, for the worker); not for the options the window remembers. */
static void
add_stix_snapshot (RsExportDialog  *self,
                   RsExportOptions *options)
{
  g_autoptr(GError) error = NULL;

  if ((options->format != RS_EXPORT_FORMAT_STIX && options->format != RS_EXPORT_FORMAT_JSON) ||
      self->store == NULL)
    return;
  /* Without it the bundle still goes out, under ids of Redstring's own. */
  if (!(options->stix = rs_stix_snapshot_new (self->store, &error)))
    g_warning ("Could not read the case's STIX records: %s", error->message);
}

/* Only the rows that change this format's output are shown. */
static void
update_rows (RsExportDialog *self)
{
  const FormatEntry *entry = get_entry (self);
  gboolean drawing = is_drawing (entry);
  gboolean board = entry->content == RS_EXPORT_CONTENT_BOARD;
  gboolean pdf = entry->format == RS_EXPORT_FORMAT_PDF;
  gboolean has_selection = rs_selection_get_n_items (self->selection) > 0;

  gtk_widget_set_visible (self->dpi_row, entry->format == RS_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (self->transparent_row, entry->format == RS_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), pdf);
  gtk_widget_set_visible (GTK_WIDGET (self->orientation_row), pdf);
  gtk_widget_set_visible (self->fit_row, pdf && drawing);
  gtk_widget_set_visible (GTK_WIDGET (self->table_row),
                          board && entry->format == RS_EXPORT_FORMAT_CSV);
  gtk_widget_set_visible (self->footnotes_row, board && drawing);
  gtk_widget_set_visible (self->legend_row, board && drawing);
  gtk_widget_set_visible (self->dark_row, drawing);
  /* A JSON or STIX bundle is the whole case, whatever the board shows. */
  gtk_widget_set_visible (self->scope_group, entry->format != RS_EXPORT_FORMAT_JSON &&
                                             entry->format != RS_EXPORT_FORMAT_STIX);
  gtk_widget_set_visible (self->options_group,
                          drawing || pdf || (board && entry->format == RS_EXPORT_FORMAT_CSV));

  gtk_widget_set_sensitive (self->scope_selection_row, has_selection);
  if (!has_selection && gtk_check_button_get_active (self->scope_selection_check))
    gtk_check_button_set_active (self->scope_filter_check, TRUE);
}

/* The preview ---------------------------------------------------------------------- */

typedef struct
{
  RsCase          *kase;
  RsExportOptions  options;
  guint            serial;
  gboolean         picture;
  gboolean         pdf;       /* the figure shown on its paper */
  gboolean         brief;     /* the PDF brief's first page */
} PreviewJob;

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  g_clear_object (&job->kase);
  rs_export_options_clear (&job->options);
  g_free (job);
}

/* A board preview at a size that fits the pane: the scene's bounds give the scale. */
static double
preview_scale (PreviewJob *job)
{
  g_autoptr(RsBoardStyle) style = NULL;
  g_autoptr(RsBoardScene) scene = NULL;
  RsBoardRect bounds;
  double largest;

  if (job->options.content != RS_EXPORT_CONTENT_BOARD)
    return 1.0;
  style = rs_board_style_new (job->options.dark);
  scene = rs_export_build_scene (job->kase, &job->options, style, NULL);
  if (scene == NULL || !rs_board_scene_get_bounds (scene, &bounds))
    return 1.0;
  largest = MAX (MAX (bounds.width, bounds.height), 1.0);
  return CLAMP (PREVIEW_MAX_PIXELS / largest, 0.05, 1.5);
}

/* The PDF exporter's paper, in points, and its margin (rs-export-cairo.c): the preview
 * puts the figure on the page as the PDF will. */
#define PDF_MARGIN    36.0
#define FIGURE_MARGIN 16.0
#define PAGE_PIXELS   900.0

static void
paper_size (const RsExportOptions *options,
            double                *width,
            double                *height)
{
  static const double sizes[][2] = {
    [RS_EXPORT_PAPER_A4] = { 595.28, 841.89 },
    [RS_EXPORT_PAPER_A3] = { 841.89, 1190.55 },
    [RS_EXPORT_PAPER_LETTER] = { 612, 792 },
    [RS_EXPORT_PAPER_LEGAL] = { 612, 1008 },
  };
  guint i = (guint) options->paper < G_N_ELEMENTS (sizes) ? (guint) options->paper : 0;

  *width = sizes[i][options->landscape ? 1 : 0];
  *height = sizes[i][options->landscape ? 0 : 1];
}

typedef struct
{
  const guchar *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->offset + length > reader->size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_png (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @figure (the figure at @scale pixels per point) on paper: fitted to one page, centred
 * in the margins; or 1:1, with dashed lines where the pages divide it. */
static GBytes *
put_on_paper (GBytes                *figure,
              double                 scale,
              const RsExportOptions *options)
{
  PngReader reader = { g_bytes_get_data (figure, NULL), g_bytes_get_size (figure), 0 };
  cairo_surface_t *source = cairo_image_surface_create_from_png_stream (read_png, &reader);
  cairo_surface_t *target = NULL;
  cairo_t *cr;
  GByteArray *png;
  double paper_w, paper_h, area_w, area_h, fig_w, fig_h;

  if (cairo_surface_status (source) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (source);
      return g_bytes_ref (figure);
    }
  paper_size (options, &paper_w, &paper_h);
  area_w = paper_w - 2 * PDF_MARGIN;
  area_h = paper_h - 2 * PDF_MARGIN;
  fig_w = cairo_image_surface_get_width (source) / scale;
  fig_h = cairo_image_surface_get_height (source) / scale;

  if (options->fit_to_page)
    {
      double k = PAGE_PIXELS / MAX (paper_w, paper_h);
      /* Shrunk to fit, never enlarged (as the exporter). */
      double fit = MIN (1.0, MIN (area_w / fig_w, area_h / fig_h));

      target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (paper_w * k), ceil (paper_h * k));
      cr = cairo_create (target);
      cairo_scale (cr, k, k);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      /* The paper's edge, on a pane as light as the paper. */
      cairo_rectangle (cr, 0.5 / k, 0.5 / k, paper_w - 1 / k, paper_h - 1 / k);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 1 / k);
      cairo_stroke (cr);
      cairo_translate (cr, (paper_w - fig_w * fit) / 2, (paper_h - fig_h * fit) / 2);
      cairo_scale (cr, fit / scale, fit / scale);
      cairo_set_source_surface (cr, source, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else
    {
      double dash[] = { 6, 4 };

      target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (source),
                                           cairo_image_surface_get_height (source));
      cr = cairo_create (target);
      cairo_set_source_surface (cr, source, 0, 0);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      cairo_set_source_rgba (cr, 0.2, 0.4, 0.9, 0.8);
      cairo_set_line_width (cr, 1.5 / scale);
      cairo_set_dash (cr, (double[]) { dash[0] / scale, dash[1] / scale }, 2, 0);
      for (double x = FIGURE_MARGIN + area_w; x < fig_w - FIGURE_MARGIN; x += area_w)
        {
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, fig_h);
        }
      for (double y = FIGURE_MARGIN + area_h; y < fig_h - FIGURE_MARGIN; y += area_h)
        {
          cairo_move_to (cr, 0, y);
          cairo_line_to (cr, fig_w, y);
        }
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  png = g_byte_array_new ();
  cairo_surface_write_to_png_stream (target, write_png, png);
  cairo_surface_destroy (target);
  cairo_surface_destroy (source);
  return g_byte_array_free_to_bytes (png);
}

#define BRIEF_PREVIEW_HEIGHT 900.0

/* The PDF brief's first page, drawn by the code that writes the PDF, on its paper. */
static GBytes *
brief_first_page (PreviewJob    *job,
                  GError       **error)
{
  g_autoptr(RsBriefPages) pages = NULL;
  g_autoptr(GByteArray) png = NULL;
  cairo_surface_t *target;
  cairo_t *cr;
  double width, height, k;

  rs_export_brief_get_paper_size (job->options.paper, job->options.landscape, &width, &height);
  if (!(pages = rs_export_brief_paginate (job->kase, &job->options, width, height, error)))
    return NULL;

  k = BRIEF_PREVIEW_HEIGHT / height;
  target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width * k), ceil (height * k));
  cr = cairo_create (target);
  cairo_scale (cr, k, k);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (rs_brief_pages_get_n_pages (pages) > 0)
    {
      cairo_save (cr);
      rs_brief_pages_draw_page (pages, cr, 0);
      cairo_restore (cr);
    }
  cairo_rectangle (cr, 0.5 / k, 0.5 / k, width - 1 / k, height - 1 / k);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1 / k);
  cairo_stroke (cr);
  cairo_destroy (cr);
  png = g_byte_array_new ();
  cairo_surface_write_to_png_stream (target, write_png, png);
  cairo_surface_destroy (target);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  GError *error = NULL;
  GBytes *bytes;

  if (job->brief)
    {
      if ((bytes = brief_first_page (job, &error)) == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
      return;
    }
  if (job->picture)
    {
      job->pdf = job->options.format == RS_EXPORT_FORMAT_PDF;
      job->options.format = RS_EXPORT_FORMAT_PNG;
      job->options.scale = preview_scale (job);
    }
  bytes = rs_export_write_bytes (job->kase, &job->options, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->pdf)
    {
      GBytes *page = put_on_paper (bytes, job->options.scale, &job->options);

      g_bytes_unref (bytes);
      bytes = page;
    }
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
show_preview_status (RsExportDialog *self,
                     const char     *title,
                     const char     *description)
{
  adw_status_page_set_title (self->preview_status, title);
  adw_status_page_set_description (self->preview_status, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "status");
}

/* The start of a text export, as text: a DOT or CSV file is better shown than drawn. */
static void
show_preview_text (RsExportDialog *self,
                   GBytes         *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = NULL;
  const char *end;

  text = g_utf8_make_valid (data != NULL ? data : "", MIN (size, (gsize) PREVIEW_TEXT_CHARS));
  /* Cut at the last whole line; a longer export says so. */
  if (size > PREVIEW_TEXT_CHARS && (end = strrchr (text, '\n')) != NULL)
    {
      g_autofree char *cut = g_strndup (text, end - text + 1);

      g_free (text);
      text = g_strconcat (cut, "…\n", NULL);
    }
  gtk_label_set_text (self->preview_text, text);
  gtk_stack_set_visible_child_name (self->preview_stack, "text");
}

static void
on_preview_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RsExportDialog) self = user_data;
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer preview is on its way, or the dialog is going. */
  if (job->serial != self->preview_serial ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), FALSE);
  gtk_spinner_stop (self->preview_spinner);
  if (bytes == NULL)
    show_preview_status (self, _("No Preview"), error->message);
  else if (job->picture)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (bytes, &error);

      if (texture == NULL)
        show_preview_status (self, _("No Preview"), error->message);
      else
        {
          gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
          gtk_stack_set_visible_child_name (self->preview_stack, "picture");
        }
    }
  else
    show_preview_text (self, bytes);
  self->n_previews++;
}

static gboolean
start_preview (gpointer user_data)
{
  RsExportDialog *self = user_data;
  const FormatEntry *entry = get_entry (self);
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;

  self->preview_timeout = 0;
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);

  job = g_new0 (PreviewJob, 1);
  job->kase = g_object_ref (self->kase);
  rs_export_dialog_get_options (self, &job->options, NULL);
  add_stix_snapshot (self, &job->options);
  job->serial = ++self->preview_serial;
  job->picture = is_drawing (entry);
  /* A PDF brief has pages: the first one stands for them. */
  job->brief = entry->content == RS_EXPORT_CONTENT_BRIEF && entry->format == RS_EXPORT_FORMAT_PDF;
  job->picture = job->picture || job->brief;
  self->preview_cancellable = g_cancellable_new ();

  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), TRUE);
  gtk_spinner_start (self->preview_spinner);

  task = g_task_new (NULL, self->preview_cancellable, on_preview_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_preview);
  g_task_set_task_data (task, job, preview_job_free);
  g_task_run_in_thread (task, preview_thread);
  return G_SOURCE_REMOVE;
}

/* Typing in the resolution or flicking switches draws once, after the last change. */
static void
queue_preview (RsExportDialog *self)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_timeout = g_timeout_add (PREVIEW_DELAY_MSEC, start_preview, self);
}

static void
on_option_changed_cb (RsExportDialog *self)
{
  if (self->formats == NULL)
    return;  /* still being built */
  update_rows (self);
  queue_preview (self);
}

static void
on_format_changed_cb (RsExportDialog *self)
{
  on_option_changed_cb (self);
}

static void
on_selection_changed_cb (RsExportDialog *self)
{
  on_option_changed_cb (self);
}

/* Exporting ------------------------------------------------------------------------ */

typedef struct
{
  RsCase          *kase;
  RsExportOptions  options;
  GFile           *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->kase);
  rs_export_options_clear (&job->options);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (rs_export_write_file (job->kase, &job->options, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (RsExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  if (busy)
    gtk_spinner_start (self->busy_spinner);
  else
    gtk_spinner_stop (self->busy_spinner);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RsExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  g_clear_object (&self->export_cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Writes the export to @file in a worker (the file chooser's answer; tests call it
 * directly). "exported" follows when the file is complete. */
void
rs_export_dialog_export_to (RsExportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (RS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;
  job = g_new0 (ExportJob, 1);
  job->kase = g_object_ref (self->kase);
  job->file = g_object_ref (file);
  rs_export_dialog_get_options (self, &job->options, NULL);
  add_stix_snapshot (self, &job->options);
  self->export_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (NULL, self->export_cancellable, on_export_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, rs_export_dialog_export_to);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RsExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = rs_file_chooser_run_finish (result, &error);
  const char *extension = rs_export_format_get_extension (get_entry (self)->format);
  g_autofree char *name = NULL;

  if (file == NULL)
    return;  /* cancelled: back to the options */
  /* "board" becomes "board.svg": the file says what it holds. */
  name = g_file_get_basename (file);
  if (extension != NULL && name != NULL)
    {
      g_autofree char *suffix = g_strconcat (".", extension, NULL);
      g_autofree char *lower = g_utf8_strdown (name, -1);

      if (!g_str_has_suffix (lower, suffix))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *full = g_strconcat (name, suffix, NULL);

          if (parent != NULL)
            {
              g_object_unref (file);
              file = g_file_get_child (parent, full);
            }
        }
    }
  rs_export_dialog_export_to (self, file);
}

/* The case's title as a file name: "Tick / PLA: the leak" → "Tick - PLA the leak", cut
 * at a word past NAME_CHARS (titles can be sentences). */
#define NAME_CHARS 48

static char *
dup_suggested_name (RsExportDialog    *self,
                    const FormatEntry *entry)
{
  const char *title = rs_case_get_title (self->kase);
  g_autoptr(GString) name = g_string_new (NULL);
  const char *extension = rs_export_format_get_extension (entry->format);
  glong chars = 0;

  if (title == NULL || *title == '\0')
    title = self->base_name;
  if (title == NULL || *title == '\0')
    title = _("Diagram");
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == '|')
        c = '-';
      else if (c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>')
        continue;
      else if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        c = ' ';
      /* One space between words. */
      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      if (c == ' ' && chars >= NAME_CHARS)
        break;
      g_string_append_unichar (name, c);
      chars++;
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0 || name->str[0] == '.')
    g_string_prepend (name, _("Diagram"));
  if (entry->content == RS_EXPORT_CONTENT_TIMELINE)
    g_string_append (name, _(" timeline"));
  else if (entry->content == RS_EXPORT_CONTENT_BRIEF)
    g_string_append (name, _(" brief"));
  if (extension != NULL)
    g_string_append_printf (name, ".%s", extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
on_export_clicked_cb (RsExportDialog *self)
{
  const FormatEntry *entry = get_entry (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", rs_export_format_get_extension (entry->format));
  g_autofree char *name = dup_suggested_name (self, entry);

  gtk_file_filter_set_name (filter, _(entry->label));
  gtk_file_filter_add_pattern (filter, pattern);
  if (rs_export_format_get_mime_type (entry->format) != NULL)
    gtk_file_filter_add_mime_type (filter, rs_export_format_get_mime_type (entry->format));
  rs_file_chooser_save_async (GTK_WINDOW (self), filter, _("Export Diagram"), name, self->folder,
                              self->export_cancellable, on_file_chosen_cb, g_object_ref (self));
}

static void
on_cancel_clicked_cb (RsExportDialog *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  gtk_window_close (GTK_WINDOW (self));
}

/* The type ------------------------------------------------------------------------- */

void
rs_export_dialog_set_store (RsExportDialog *self,
                            RsCaseStore    *store)
{
  g_return_if_fail (RS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (store == NULL || RS_IS_CASE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (self->formats != NULL && get_entry (self)->format == RS_EXPORT_FORMAT_STIX)
    queue_preview (self);
}

gboolean
rs_export_dialog_get_busy (RsExportDialog *self)
{
  g_return_val_if_fail (RS_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

guint
rs_export_dialog_get_n_previews (RsExportDialog *self)
{
  g_return_val_if_fail (RS_IS_EXPORT_DIALOG (self), 0);
  return self->n_previews;
}

static void
rs_export_dialog_dispose (GObject *object)
{
  RsExportDialog *self = RS_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  /* Closed while writing: the write stops, and what the file held before stays (the
   * exporter replaces a file only once it is complete). */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rs_export_dialog_parent_class)->dispose (object);
}

static void
rs_export_dialog_finalize (GObject *object)
{
  RsExportDialog *self = RS_EXPORT_DIALOG (object);

  g_free (self->base_name);
  g_free (self->folder);
  g_clear_pointer (&self->formats, g_array_unref);

  G_OBJECT_CLASS (rs_export_dialog_parent_class)->finalize (object);
}

static void
rs_export_dialog_class_init (RsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_export_dialog_dispose;
  object_class->finalize = rs_export_dialog_finalize;

  /* The export is complete in this file; the dialog is destroyed next. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redstring/Redstring/rs-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, preview_text);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, preview_status);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, format_model);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, scope_group);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, scope_filter_check);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, scope_case_check);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, scope_selection_check);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, scope_selection_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, fit_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, fit_switch);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, footnotes_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, footnotes_switch);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, legend_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, dark_row);
  gtk_widget_class_bind_template_child (widget_class, RsExportDialog, dark_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rs_export_dialog_init (RsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RsExportDialog *
rs_export_dialog_new (GtkWindow     *parent,
                      RsCase        *kase,
                      RsBoardFilter *filter,
                      RsSelection   *selection,
                      const char    *base_name,
                      const char    *folder)
{
  RsExportDialog *self;
  GArray *formats;

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (RS_IS_BOARD_FILTER (filter), NULL);
  g_return_val_if_fail (RS_IS_SELECTION (selection), NULL);

  self = g_object_new (RS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->kase = g_object_ref (kase);
  self->filter = g_object_ref (filter);
  self->selection = g_object_ref (selection);
  self->base_name = g_strdup (base_name);
  self->folder = g_strdup (folder);

  /* Only what the exporter can write. */
  formats = g_array_new (FALSE, FALSE, sizeof (FormatEntry));
  for (guint i = 0; i < G_N_ELEMENTS (all_formats); i++)
    if (rs_export_format_supports (all_formats[i].format, all_formats[i].content))
      {
        g_array_append_val (formats, all_formats[i]);
        gtk_string_list_append (self->format_model, _(all_formats[i].label));
      }
  self->formats = formats;
  adw_combo_row_set_selected (self->format_row, 0);

  g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed_cb), self);
  update_rows (self);
  start_preview (self);
  return self;
}
