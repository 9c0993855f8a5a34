/* rs-export-timeline.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-timeline"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-export-text.h"
#include "rs-export-timeline.h"

/* The timeline out of Redstring: the dates as honestly as they are known
 * (rs_export_timeline_get_span), the CSV table, and the writing of the chart
 * (rs-export-timeline-chart.c) as SVG, PNG and PDF. */

/* --- dates ------------------------------------------------------------------------ */

static guint32
julian_of_iso (const char *iso,
               gboolean    last)
{
  int year = 0, month = 0, day = 0;
  GDate date;

  sscanf (iso, "%d-%d-%d", &year, &month, &day);
  if (month == 0)
    month = last ? 12 : 1;
  if (day == 0)
    day = last ? g_date_get_days_in_month (month, year) : 1;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

void
rs_export_timeline_get_span (RsFuzzyDate    *date,
                             RsTimelineSpan *span)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint32 first, last, n;

  g_return_if_fail (date != NULL && span != NULL);

  start = rs_fuzzy_date_dup_start (date);
  end = rs_fuzzy_date_dup_end (date);
  first = julian_of_iso (start, FALSE);
  last = julian_of_iso (end != NULL ? end : start, TRUE);
  n = last - first + 1;

  memset (span, 0, sizeof *span);
  span->earliest = first;
  span->latest = last;

  /* Thirds of the stated span: "late February" is its last ten days or so. */
  switch (rs_fuzzy_date_get_qualifier (date))
    {
    case RS_DATE_QUALIFIER_EARLY:
      span->latest = first + MAX (n / 3, 1) - 1;
      break;
    case RS_DATE_QUALIFIER_MID:
      span->earliest = first + n / 3;
      span->latest = MAX (span->earliest, first + (2 * n) / 3 - 1);
      break;
    case RS_DATE_QUALIFIER_LATE:
      span->earliest = MIN (last, first + (2 * n) / 3);
      break;
    case RS_DATE_QUALIFIER_AT_LEAST:
      span->open_end = TRUE;
      break;
    case RS_DATE_QUALIFIER_AFTER:
      span->earliest = last + 1;
      span->latest = last + 1;
      span->open_end = TRUE;
      break;
    case RS_DATE_QUALIFIER_BEFORE:
      span->earliest = first - 1;
      span->latest = first - 1;
      span->open_start = TRUE;
      break;
    case RS_DATE_QUALIFIER_ABOUT:
    case RS_DATE_QUALIFIER_NONE:
    default:
      break;
    }
}

static char *
dup_iso_of_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The panel's order: by date, undated last, then title, then id. */
int
_rs_export_timeline_compare_events (gconstpointer a,
                gconstpointer b)
{
  RsEvent *ea = *(RsEvent * const *)a;
  RsEvent *eb = *(RsEvent * const *)b;
  RsFuzzyDate *da = rs_event_get_date (ea);
  RsFuzzyDate *db = rs_event_get_date (eb);
  int cmp;

  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (da != NULL && (cmp = rs_fuzzy_date_compare (da, db)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (rs_event_get_title (ea), rs_event_get_title (eb))) != 0)
    return cmp;
  return rs_event_get_id (ea) < rs_event_get_id (eb) ? -1 : rs_event_get_id (ea) > rs_event_get_id (eb);
}

GPtrArray *
_rs_export_timeline_dup_sorted_events (RsCase *kase)
{
  GListModel *events = rs_case_get_events (kase);
  guint n = g_list_model_get_n_items (events);
  GPtrArray *sorted = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (events, i));
  g_ptr_array_sort (sorted, _rs_export_timeline_compare_events);
  return sorted;
}

char *
_rs_export_timeline_dup_phrase (RsEvent *event)
{
  RsFuzzyDate *date = rs_event_get_date (event);

  return date != NULL ? rs_fuzzy_date_format (date) : g_strdup (_("Undated"));
}

/* --- CSV -------------------------------------------------------------------------- */

static void
append_row (GString            *out,
            const char * const *cells,
            guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rs_export_text_append_csv_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

static char *
dup_entity_names (RsCase  *kase,
                  RsEvent *event)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const gint64 *ids;
  guint n_ids;

  ids = rs_event_get_entity_ids (event, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      RsEntity *entity = rs_case_lookup_entity (kase, ids[i]);

      if (entity != NULL)
        g_ptr_array_add (names, (gpointer)rs_entity_get_name (entity));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **)names->pdata);
}

/* "Title (Publisher, 2021-04-20) <https://…>" for each document quoted for the event. */
static char *
dup_sources (RsCase  *kase,
             RsEvent *event)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, RS_TARGET_EVENT,
                                                            rs_event_get_id (event));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (g_ptr_array_index (evidence, i)));
      RsDocument *document;
      const char *publisher, *published, *url;

      if (quote == NULL ||
          (document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote))) == NULL ||
          !g_hash_table_add (seen, document))
        continue;

      publisher = rs_document_get_publisher (document);
      published = rs_document_get_published (document);
      url = rs_document_get_url (document);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, rs_document_get_title (document) ? rs_document_get_title (document) : "");
      if ((publisher && *publisher) || (published && *published))
        g_string_append_printf (out, " (%s%s%s)", publisher ? publisher : "",
                                (publisher && *publisher && published && *published) ? ", " : "",
                                published ? published : "");
      if (url && *url)
        g_string_append_printf (out, " <%s>", url);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_csv (RsCase         *kase,
           GOutputStream  *out,
           GCancellable   *cancellable,
           GError        **error)
{
  static const char * const header[] = {
    "id", "start", "end", "date", "precision", "qualifier", "earliest", "latest", "title",
    "description", "entities", "sources",
  };
  g_autoptr(GPtrArray) events = _rs_export_timeline_dup_sorted_events (kase);
  g_autoptr(GString) text = g_string_new (NULL);

  append_row (text, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < events->len; i++)
    {
      RsEvent *event = g_ptr_array_index (events, i);
      RsFuzzyDate *date = rs_event_get_date (event);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rs_event_get_id (event));
      g_autofree char *start = date ? rs_fuzzy_date_dup_start (date) : NULL;
      g_autofree char *end = date ? rs_fuzzy_date_dup_end (date) : NULL;
      g_autofree char *phrase = _rs_export_timeline_dup_phrase (event);
      g_autofree char *earliest = NULL;
      g_autofree char *latest = NULL;
      g_autofree char *entities = dup_entity_names (kase, event);
      g_autofree char *sources = dup_sources (kase, event);
      const char *cells[G_N_ELEMENTS (header)];

      if (date != NULL)
        {
          RsTimelineSpan span;

          rs_export_timeline_get_span (date, &span);
          /* An open side has no bound: the cell stays empty. */
          earliest = span.open_start ? NULL : dup_iso_of_julian (span.earliest);
          latest = span.open_end ? NULL : dup_iso_of_julian (span.latest);
        }

      cells[0] = id;
      cells[1] = start;
      cells[2] = end;
      cells[3] = phrase;
      cells[4] = date ? rs_enum_to_nick (RS_TYPE_DATE_PRECISION, rs_fuzzy_date_get_precision (date)) : NULL;
      cells[5] = date ? rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER, rs_fuzzy_date_get_qualifier (date)) : NULL;
      cells[6] = earliest;
      cells[7] = latest;
      cells[8] = rs_event_get_title (event);
      cells[9] = rs_event_get_description (event);
      cells[10] = entities;
      cells[11] = sources;
      append_row (text, cells, G_N_ELEMENTS (cells));
    }

  return rs_export_text_write (out, text, cancellable, error);
}
/* --- writing ---------------------------------------------------------------------- */

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} StreamClosure;

static cairo_status_t
write_to_stream (void                *data,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  StreamClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->out, bytes, length, NULL, closure->cancellable,
                                  &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
finish_stream (StreamClosure   *closure,
               cairo_status_t   status,
               GError         **error)
{
  if (closure->error != NULL)
    {
      if (g_error_matches (closure->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error (error, RS_ERROR, RS_ERROR_CANCELLED, _("The export was cancelled"));
      else
        g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("Could not write the export: %s"),
                     closure->error->message);
      g_clear_error (&closure->error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("Could not draw the timeline: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_png (RsTimelineChart        *chart,
           RsBoardStyle           *style,
           const RsExportOptions  *options,
           GOutputStream          *out,
           GCancellable           *cancellable,
           GError                **error)
{
  StreamClosure closure = { out, cancellable, NULL };
  double scale = options->scale > 0 ? options->scale : 2 * 96.0 / 72.0;
  double chart_width, chart_height;
  int width, height;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  rs_timeline_chart_get_size (chart, &chart_width, &chart_height);
  width = (int)ceil (chart_width * scale);
  height = (int)ceil (chart_height * scale);
  /* Cairo's image surfaces stop at 32,767 pixels a side. */
  if (width > 32767 || height > 32767)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED,
                   _("The timeline is too large for a PNG at this scale (%d × %d pixels): "
                     "choose a smaller scale, or PDF or SVG"), width, height);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (!options->transparent)
    {
      rs_board_color_set_source (cr, rs_board_style_get_color (style, RS_BOARD_COLOR_BACKGROUND), 1.0);
      cairo_paint (cr);
    }
  rs_timeline_chart_draw (chart, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, &closure);
  cairo_surface_destroy (surface);
  return finish_stream (&closure, status, error);
}

static gboolean
write_pdf (RsTimelineChart        *chart,
           RsBoardStyle           *style,
           GOutputStream          *out,
           GCancellable           *cancellable,
           GError                **error)
{
  StreamClosure closure = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  /* One page the size of the chart: it is a figure, placed by whoever uses it. */
  double width, height;

  rs_timeline_chart_get_size (chart, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure, width, height);
  cr = cairo_create (surface);
  rs_board_color_set_source (cr, rs_board_style_get_color (style, RS_BOARD_COLOR_BACKGROUND), 1.0);
  cairo_paint (cr);
  rs_timeline_chart_draw (chart, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return finish_stream (&closure, status, error);
}

gboolean
rs_export_timeline_write (RsCase                 *kase,
                          const RsExportOptions  *options,
                          GOutputStream          *out,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(RsBoardStyle) style = NULL;
  g_autoptr(RsTimelineChart) chart = NULL;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }

  if (options->format == RS_EXPORT_FORMAT_CSV)
    return write_csv (kase, out, cancellable, error);

  if (options->format != RS_EXPORT_FORMAT_SVG && options->format != RS_EXPORT_FORMAT_PNG &&
      options->format != RS_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The timeline can be exported as CSV, SVG, PNG or PDF only"));
      return FALSE;
    }

  style = rs_board_style_new (options->dark);
  chart = rs_timeline_chart_new (kase, style);
  switch (options->format)
    {
    case RS_EXPORT_FORMAT_SVG:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        _rs_timeline_chart_append_svg (chart, text, TRUE);
        return rs_export_text_write (out, text, cancellable, error);
      }
    case RS_EXPORT_FORMAT_PNG:
      return write_png (chart, style, options, out, cancellable, error);
    case RS_EXPORT_FORMAT_PDF:
    default:
      return write_pdf (chart, style, out, cancellable, error);
    }
}
