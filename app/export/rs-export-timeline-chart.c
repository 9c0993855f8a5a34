/* rs-export-timeline-chart.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-enum-types.h"
#include "rs-export-text.h"
#include "rs-export-timeline.h"

/* The chart is laid out once (RsTimelineChart: every bar, point, label and tick in
 * points) and then written by two emitters, SVG text and cairo (PNG, PDF), which only
 * read that layout: they cannot disagree about where anything is. */

#define CHART_WIDTH        1000.0
#define MARGIN               24.0
#define TITLE_HEIGHT         34.0
#define LANE_HEIGHT          46.0
#define BAR_HEIGHT           10.0
#define POINT_RADIUS          5.0
#define ARROW_LENGTH         10.0
#define LABEL_GAP            12.0   /* between two labels in one lane */
#define LABEL_MAX_CHARS      48
#define AXIS_TICK             5.0
#define MIN_TICK_SPACING     64.0

typedef struct
{
  RsEvent  *event;        /* owned */
  char     *title;        /* one line, bounded */
  char     *phrase;       /* as the timeline panel says it */
  char     *precision;    /* the precision's nick, for SVG readers */
  RsTimelineSpan span;
  gboolean  point;
  double    x0, x1;       /* the bar (for a point: x0 == x1, its centre) */
  double    y;            /* the bar's top */
  double    label_x;
  double    label_y;      /* top of the title line; the phrase follows */
  double    label_width;
  guint     lane;
} ChartItem;

typedef struct
{
  double  x;
  char   *label;
} ChartTick;

struct _RsTimelineChart
{
  RsBoardStyle *style;    /* owned */
  char         *title;
  char         *undated;  /* "Undated: …" or NULL */
  GArray       *items;    /* ChartItem */
  GArray       *ticks;    /* ChartTick */
  double        width;
  double        height;
  double        plot_left;
  double        plot_right;
  double        axis_y;
  double        title_ascent;
  double        label_ascent;   /* of the event title font */
  double        phrase_ascent;
  double        label_line;     /* title line height */
  guint         n_lanes;
};
/* --- layout ----------------------------------------------------------------------- */

static void
chart_item_clear (gpointer data)
{
  ChartItem *item = data;

  g_clear_object (&item->event);
  g_clear_pointer (&item->title, g_free);
  g_clear_pointer (&item->phrase, g_free);
  g_clear_pointer (&item->precision, g_free);
}

static void
chart_tick_clear (gpointer data)
{
  g_clear_pointer (&((ChartTick *)data)->label, g_free);
}

void
rs_timeline_chart_free (RsTimelineChart *chart)
{
  if (chart == NULL)
    return;
  g_clear_pointer (&chart->style, rs_board_style_unref);
  g_clear_pointer (&chart->title, g_free);
  g_clear_pointer (&chart->undated, g_free);
  g_clear_pointer (&chart->items, g_array_unref);
  g_clear_pointer (&chart->ticks, g_array_unref);
  g_free (chart);
}

/* One line of at most LABEL_MAX_CHARS characters: the chart is a picture, the full
 * text is in the CSV and in the brief. */
static char *
dup_one_line (const char *text,
              guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n <= max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
measure (RsBoardStyle *style,
         PangoContext *context,
         RsBoardFont   font,
         const char   *text,
         double       *width,
         double       *ascent)
{
  g_autoptr(PangoLayout) layout = rs_board_style_create_layout (style, context, font, text, 0, 0);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (ascent != NULL)
    *ascent = (double)pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static double
x_of_day (RsTimelineChart *chart,
          double           day,
          double           axis_start,
          double           axis_end)
{
  return chart->plot_left + (day - axis_start) / (axis_end - axis_start) *
         (chart->plot_right - chart->plot_left);
}

static guint32
julian_of (int year,
           int month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  return g_date_get_julian (&date);
}

static void
date_of_julian (guint32  julian,
                int     *year,
                int     *month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
}

/* Years when the events cover more than three, else months; steps of 1, 2, 5, 10… years
 * or 1, 2, 3, 6 months, as many as fit MIN_TICK_SPACING apart. Returns the axis ends. */
static void
layout_axis (RsTimelineChart *chart,
             guint32          min_day,
             guint32          max_day,
             double          *axis_start,
             double          *axis_end)
{
  double plot_width = chart->plot_right - chart->plot_left;
  guint max_ticks = MAX (2, (guint)(plot_width / MIN_TICK_SPACING));
  int y0, m0, y1, m1;

  date_of_julian (min_day, &y0, &m0);
  date_of_julian (max_day, &y1, &m1);

  if (max_day - min_day > 3 * 366)
    {
      static const int steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
      int step = 1000, first, last;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if ((y1 + 1 - y0) / steps[i] + 1 <= (int)max_ticks)
          {
            step = steps[i];
            break;
          }
      first = y0 - y0 % step;
      last = y1 + 1;
      if (last % step != 0)
        last += step - last % step;
      *axis_start = julian_of (MAX (first, 1), 1);
      *axis_end = julian_of (MIN (last, 9999), 1);
      for (int year = MAX (first, 1); year <= MIN (last, 9999); year += step)
        {
          ChartTick tick = { 0, g_strdup_printf ("%d", year) };

          tick.x = x_of_day (chart, julian_of (year, 1), *axis_start, *axis_end);
          g_array_append_val (chart->ticks, tick);
        }
    }
  else
    {
      static const int steps[] = { 1, 2, 3, 6, 12 };
      int months = (y1 * 12 + m1) - (y0 * 12 + m0) + 1, step = 12;
      int first = y0 * 12 + (m0 - 1), last = y1 * 12 + m1;  /* months since year 0 */

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (months / steps[i] + 1 <= (int)max_ticks)
          {
            step = steps[i];
            break;
          }
      first -= first % step;
      if (last % step != 0)
        last += step - last % step;
      *axis_start = julian_of (first / 12, first % 12 + 1);
      *axis_end = julian_of (last / 12, last % 12 + 1);
      for (int m = first; m <= last; m += step)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_utc (m / 12, m % 12 + 1, 1, 0, 0, 0);
          g_autofree char *name = g_date_time_format (dt, "%b");
          ChartTick tick = { 0, NULL };

          /* The year on January and on the first tick, so every tick can be read. */
          tick.label = (m % 12 == 0 || m == first) ? g_strdup_printf ("%s %d", name, m / 12)
                                                   : g_strdup (name);
          tick.x = x_of_day (chart, julian_of (m / 12, m % 12 + 1), *axis_start, *axis_end);
          g_array_append_val (chart->ticks, tick);
        }
    }
}

RsTimelineChart *
rs_timeline_chart_new (RsCase       *kase,
                       RsBoardStyle *style)
{
  g_autoptr(RsTimelineChart) chart = g_new0 (RsTimelineChart, 1);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GObject) context_object = NULL;
  PangoContext *context;
  g_autoptr(GString) undated = g_string_new (NULL);
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (double));
  guint32 min_day = G_MAXUINT32, max_day = 0;
  double axis_start, axis_end, phrase_width, label_height;

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  chart->style = rs_board_style_ref (style);
  chart->items = g_array_new (FALSE, TRUE, sizeof (ChartItem));
  g_array_set_clear_func (chart->items, chart_item_clear);
  chart->ticks = g_array_new (FALSE, TRUE, sizeof (ChartTick));
  g_array_set_clear_func (chart->ticks, chart_tick_clear);
  chart->title = dup_one_line (rs_case_get_title (kase), 120);
  chart->width = CHART_WIDTH;
  chart->plot_left = MARGIN;
  chart->plot_right = CHART_WIDTH - MARGIN;

  context_object = G_OBJECT (rs_board_style_create_context (style, NULL));
  context = PANGO_CONTEXT (context_object);
  measure (style, context, RS_BOARD_FONT_NODE, "Ag", NULL, &chart->label_ascent);
  measure (style, context, RS_BOARD_FONT_EDGE, "Ag", NULL, &chart->phrase_ascent);
  {
    g_autoptr(PangoLayout) probe = rs_board_style_create_layout (style, context, RS_BOARD_FONT_NODE,
                                                                 "Ag", 0, 0);
    PangoRectangle logical;

    pango_layout_get_extents (probe, NULL, &logical);
    chart->label_line = (double)logical.height / PANGO_SCALE;
  }
  chart->title_ascent = chart->label_ascent * 1.4;

  events = _rs_export_timeline_dup_sorted_events (kase);
  for (guint i = 0; i < events->len; i++)
    {
      RsEvent *event = g_ptr_array_index (events, i);
      RsFuzzyDate *date = rs_event_get_date (event);
      ChartItem item = { 0 };

      if (date == NULL)
        {
          g_autofree char *title = dup_one_line (rs_event_get_title (event), LABEL_MAX_CHARS);

          g_string_append_printf (undated, "%s%s", undated->len ? "; " : "", title);
          continue;
        }

      item.event = g_object_ref (event);
      item.title = dup_one_line (rs_event_get_title (event), LABEL_MAX_CHARS);
      item.phrase = _rs_export_timeline_dup_phrase (event);
      item.precision = g_strdup (rs_enum_to_nick (RS_TYPE_DATE_PRECISION,
                                                  rs_fuzzy_date_get_precision (date)));
      rs_export_timeline_get_span (date, &item.span);
      item.point = item.span.earliest == item.span.latest && !item.span.open_start &&
                   !item.span.open_end;
      min_day = MIN (min_day, item.span.earliest);
      max_day = MAX (max_day, item.span.latest);
      g_array_append_val (chart->items, item);
    }

  if (undated->len > 0)
    chart->undated = g_strdup_printf (_("Undated: %s"), undated->str);

  if (chart->items->len == 0)
    {
      chart->height = MARGIN + TITLE_HEIGHT + (chart->undated ? 20 : 0) + MARGIN;
      return g_steal_pointer (&chart);
    }

  /* Room after the last date for open bars to run on. */
  for (guint i = 0; i < chart->items->len; i++)
    if (g_array_index (chart->items, ChartItem, i).span.open_end)
      max_day = MAX (max_day, g_array_index (chart->items, ChartItem, i).span.earliest + 365);
  for (guint i = 0; i < chart->items->len; i++)
    if (g_array_index (chart->items, ChartItem, i).span.open_start)
      min_day = MIN (min_day, g_array_index (chart->items, ChartItem, i).span.latest - 365);

  layout_axis (chart, min_day, max_day, &axis_start, &axis_end);
  /* The closing tick is the axis's end: its label would run off the chart. */
  if (chart->ticks->len > 1)
    g_clear_pointer (&g_array_index (chart->ticks, ChartTick, chart->ticks->len - 1).label, g_free);

  /* Lanes: each item goes in the first lane where its bar and its label start after
   * everything already there, so nothing overlaps. */
  label_height = chart->label_line * 2;
  for (guint i = 0; i < chart->items->len; i++)
    {
      ChartItem *item = &g_array_index (chart->items, ChartItem, i);
      double left, right, title_width;
      guint lane;

      if (item->point)
        item->x0 = item->x1 = x_of_day (chart, item->span.earliest + 0.5, axis_start, axis_end);
      else
        {
          item->x0 = item->span.open_start ? chart->plot_left
                                           : x_of_day (chart, item->span.earliest, axis_start, axis_end);
          item->x1 = item->span.open_end ? chart->plot_right
                                         : x_of_day (chart, item->span.latest + 1.0, axis_start, axis_end);
          /* Never thinner than a hairline, never mistaken for a point. */
          if (item->x1 - item->x0 < 2.0)
            item->x1 = item->x0 + 2.0;
        }

      measure (style, context, RS_BOARD_FONT_NODE, item->title, &title_width, NULL);
      measure (style, context, RS_BOARD_FONT_EDGE, item->phrase, &phrase_width, NULL);
      item->label_width = MAX (title_width, phrase_width);
      item->label_x = item->point ? item->x0 - POINT_RADIUS
                                  : (item->span.open_start ? MAX (chart->plot_left, item->x1 - item->label_width)
                                                           : item->x0);
      item->label_x = CLAMP (item->label_x, chart->plot_left,
                             MAX (chart->plot_left, chart->plot_right - item->label_width));

      left = MIN (item->label_x, item->x0 - (item->point ? POINT_RADIUS : 0));
      right = MAX (item->label_x + item->label_width,
                   item->x1 + (item->point ? POINT_RADIUS : 0) +
                   (item->span.open_end ? ARROW_LENGTH : 0));

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, double, lane) + LABEL_GAP <= left)
          break;
      if (lane == lane_ends->len)
        g_array_append_val (lane_ends, right);
      else
        g_array_index (lane_ends, double, lane) = right;
      item->lane = lane;
    }
  chart->n_lanes = lane_ends->len;

  for (guint i = 0; i < chart->items->len; i++)
    {
      ChartItem *item = &g_array_index (chart->items, ChartItem, i);

      item->y = MARGIN + TITLE_HEIGHT + item->lane * MAX (LANE_HEIGHT, label_height + BAR_HEIGHT + 10);
      item->label_y = item->y + BAR_HEIGHT + 3;
    }

  chart->axis_y = MARGIN + TITLE_HEIGHT + chart->n_lanes * MAX (LANE_HEIGHT, label_height + BAR_HEIGHT + 10) + 6;
  chart->height = chart->axis_y + AXIS_TICK + chart->label_line + 6 +
                  (chart->undated ? chart->label_line + 10 : 0) + MARGIN;

  return g_steal_pointer (&chart);
}

guint
rs_timeline_chart_get_n_items (RsTimelineChart *chart)
{
  return chart->items->len;
}

void
rs_timeline_chart_get_size (RsTimelineChart *chart,
                            double          *width,
                            double          *height)
{
  *width = chart->width;
  *height = chart->height;
}

static const RsBoardColor *
bar_color (RsTimelineChart *chart)
{
  return rs_board_style_get_kind_stroke (chart->style, RS_ENTITY_KIND_EVENT);
}

/* --- SVG -------------------------------------------------------------------------- */

static void
append_color (GString            *out,
              const char         *attribute,
              const RsBoardColor *color)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attribute,
                          (int)round (color->red * 255), (int)round (color->green * 255),
                          (int)round (color->blue * 255));
  if (color->alpha < 1.0)
    g_string_append_printf (out, " %s-opacity=\"%.3g\"", attribute, color->alpha);
}

static void
append_font (GString             *out,
             RsBoardStyle        *style,
             RsBoardFont          font)
{
  const PangoFontDescription *desc = rs_board_style_get_font (style, font);

  g_string_append (out, " font-family=\"");
  rs_export_text_append_escaped (out, pango_font_description_get_family (desc));
  g_string_append_printf (out, ", sans-serif\" font-size=\"%.4g\"",
                          (double)pango_font_description_get_size (desc) / PANGO_SCALE);
  if (pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD)
    g_string_append (out, " font-weight=\"bold\"");
}

static void
append_text (GString      *out,
             RsBoardStyle *style,
             RsBoardFont   font,
             const char   *klass,
             double        x,
             double        y,
             const RsBoardColor *color,
             const char   *text)
{
  g_string_append_printf (out, "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\"", klass, x, y);
  append_font (out, style, font);
  append_color (out, "fill", color);
  g_string_append (out, ">");
  rs_export_text_append_escaped (out, text);
  g_string_append (out, "</text>\n");
}

void
_rs_timeline_chart_append_svg (RsTimelineChart *chart,
                  GString         *out,
                  gboolean         standalone)
{
  RsBoardStyle *style = chart->style;
  const RsBoardColor *text = rs_board_style_get_color (style, RS_BOARD_COLOR_TEXT);
  const RsBoardColor *secondary = rs_board_style_get_color (style, RS_BOARD_COLOR_TEXT_SECONDARY);
  const RsBoardColor *grid = rs_board_style_get_color (style, RS_BOARD_COLOR_GRID);
  const RsBoardColor *bar = bar_color (chart);

  if (standalone)
    g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rs-timeline\" "
                          "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n",
                          chart->width, chart->height, chart->width, chart->height);
  /* Open ends fade out: one gradient per side, in each bar's own box. */
  g_string_append (out, "<defs>\n<linearGradient id=\"rs-timeline-fade-right\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">"
                        "<stop offset=\"0\" stop-opacity=\"1\"");
  append_color (out, "stop-color", bar);
  g_string_append (out, "/><stop offset=\"1\" stop-opacity=\"0.1\"");
  append_color (out, "stop-color", bar);
  g_string_append (out, "/></linearGradient>\n<linearGradient id=\"rs-timeline-fade-left\" x1=\"1\" y1=\"0\" x2=\"0\" y2=\"0\">"
                        "<stop offset=\"0\" stop-opacity=\"1\"");
  append_color (out, "stop-color", bar);
  g_string_append (out, "/><stop offset=\"1\" stop-opacity=\"0.1\"");
  append_color (out, "stop-color", bar);
  g_string_append (out, "/></linearGradient>\n</defs>\n");

  g_string_append_printf (out, "<rect class=\"background\" x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\"",
                          chart->width, chart->height);
  append_color (out, "fill", rs_board_style_get_color (style, RS_BOARD_COLOR_BACKGROUND));
  g_string_append (out, "/>\n");

  append_text (out, style, RS_BOARD_FONT_NODE, "title", MARGIN, MARGIN + chart->title_ascent,
               text, chart->title);

  if (chart->items->len > 0)
    {
      g_string_append (out, "<g class=\"axis\">\n");
      g_string_append_printf (out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke-width=\"1\"",
                              chart->plot_left, chart->axis_y, chart->plot_right, chart->axis_y);
      append_color (out, "stroke", secondary);
      g_string_append (out, "/>\n");
      for (guint i = 0; i < chart->ticks->len; i++)
        {
          ChartTick *tick = &g_array_index (chart->ticks, ChartTick, i);

          g_string_append_printf (out, "<line class=\"grid\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke-width=\"1\"",
                                  tick->x, MARGIN + TITLE_HEIGHT - 4, tick->x, chart->axis_y + AXIS_TICK);
          append_color (out, "stroke", grid);
          g_string_append (out, "/>\n");
          if (tick->label != NULL)
            append_text (out, style, RS_BOARD_FONT_EDGE, "tick", tick->x + 2,
                         chart->axis_y + AXIS_TICK + chart->phrase_ascent, secondary, tick->label);
        }
      g_string_append (out, "</g>\n");
    }

  for (guint i = 0; i < chart->items->len; i++)
    {
      ChartItem *item = &g_array_index (chart->items, ChartItem, i);

      g_string_append_printf (out, "<g class=\"event%s%s%s\" data-event-id=\"%" G_GINT64_FORMAT
                              "\" data-precision=\"%s\">\n<title>",
                              item->point ? " point" : " span",
                              item->span.open_end ? " open-end" : "",
                              item->span.open_start ? " open-start" : "",
                              rs_event_get_id (item->event), item->precision);
      rs_export_text_append_escaped (out, item->phrase);
      g_string_append (out, ": ");
      rs_export_text_append_escaped (out, rs_event_get_title (item->event));
      g_string_append (out, "</title>\n");

      if (item->point)
        {
          g_string_append_printf (out, "<circle class=\"mark\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\"",
                                  item->x0, item->y + BAR_HEIGHT / 2, POINT_RADIUS);
          append_color (out, "fill", bar);
          g_string_append (out, "/>\n");
        }
      else
        {
          g_string_append_printf (out, "<rect class=\"mark\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.1f\" rx=\"2\"",
                                  item->x0, item->y, item->x1 - item->x0, BAR_HEIGHT);
          if (item->span.open_end)
            g_string_append (out, " fill=\"url(#rs-timeline-fade-right)\"");
          else if (item->span.open_start)
            g_string_append (out, " fill=\"url(#rs-timeline-fade-left)\"");
          else
            append_color (out, "fill", bar);
          g_string_append (out, "/>\n");
          if (item->span.open_end)
            {
              g_string_append_printf (out, "<path class=\"open\" d=\"M %.2f %.2f l %.1f %.1f l %.1f %.1f z\"",
                                      item->x1, item->y - 2, ARROW_LENGTH, BAR_HEIGHT / 2 + 2,
                                      -ARROW_LENGTH, BAR_HEIGHT / 2 + 2);
              append_color (out, "fill", bar);
              g_string_append (out, " fill-opacity=\"0.4\"/>\n");
            }
          if (item->span.open_start)
            {
              g_string_append_printf (out, "<path class=\"open\" d=\"M %.2f %.2f l %.1f %.1f l %.1f %.1f z\"",
                                      item->x0, item->y - 2, -ARROW_LENGTH, BAR_HEIGHT / 2 + 2,
                                      ARROW_LENGTH, BAR_HEIGHT / 2 + 2);
              append_color (out, "fill", bar);
              g_string_append (out, " fill-opacity=\"0.4\"/>\n");
            }
        }
      append_text (out, style, RS_BOARD_FONT_NODE, "label", item->label_x,
                   item->label_y + chart->label_ascent, text, item->title);
      append_text (out, style, RS_BOARD_FONT_EDGE, "date", item->label_x,
                   item->label_y + chart->label_line + chart->phrase_ascent, secondary, item->phrase);
      g_string_append (out, "</g>\n");
    }

  if (chart->undated != NULL)
    append_text (out, style, RS_BOARD_FONT_EDGE, "undated", MARGIN,
                 chart->height - MARGIN - chart->label_line + chart->phrase_ascent,
                 secondary, chart->undated);
  else if (chart->items->len == 0)
    append_text (out, style, RS_BOARD_FONT_EDGE, "undated", MARGIN,
                 MARGIN + TITLE_HEIGHT, secondary, _("No events"));

  g_string_append (out, "</svg>\n");
}

char *
rs_export_timeline_dup_svg (RsCase       *kase,
                            RsBoardStyle *style,
                            gboolean      standalone)
{
  g_autoptr(RsTimelineChart) chart = rs_timeline_chart_new (kase, style);
  GString *out;

  if (chart->items->len == 0)
    return NULL;
  out = g_string_new (NULL);
  _rs_timeline_chart_append_svg (chart, out, standalone);
  return g_string_free (out, FALSE);
}

/* --- cairo ------------------------------------------------------------------------ */

static void
show_text (cairo_t            *cr,
           RsBoardStyle       *style,
           PangoContext       *context,
           RsBoardFont         font,
           double              x,
           double              top,
           const RsBoardColor *color,
           const char         *text)
{
  g_autoptr(PangoLayout) layout = rs_board_style_create_layout (style, context, font, text, 0, 0);

  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  cairo_move_to (cr, x, top);
  rs_board_color_set_source (cr, color, 1.0);
  pango_cairo_show_layout (cr, layout);
}

static void
set_fade (cairo_t            *cr,
          const RsBoardColor *color,
          double              from,
          double              to)
{
  cairo_pattern_t *fade = cairo_pattern_create_linear (from, 0, to, 0);

  cairo_pattern_add_color_stop_rgba (fade, 0, color->red, color->green, color->blue, color->alpha);
  cairo_pattern_add_color_stop_rgba (fade, 1, color->red, color->green, color->blue, color->alpha * 0.1);
  cairo_set_source (cr, fade);
  cairo_pattern_destroy (fade);
}

void
rs_timeline_chart_draw (RsTimelineChart *chart,
                        cairo_t         *cr)
{
  RsBoardStyle *style = chart->style;
  const RsBoardColor *text = rs_board_style_get_color (style, RS_BOARD_COLOR_TEXT);
  const RsBoardColor *secondary = rs_board_style_get_color (style, RS_BOARD_COLOR_TEXT_SECONDARY);
  const RsBoardColor *grid = rs_board_style_get_color (style, RS_BOARD_COLOR_GRID);
  const RsBoardColor *bar = bar_color (chart);
  g_autoptr(GObject) context_object = G_OBJECT (rs_board_style_create_context (style, cr));
  PangoContext *context = PANGO_CONTEXT (context_object);

  cairo_save (cr);
  /* The label tops: the SVG places baselines at top + ascent of the same layouts. */
  show_text (cr, style, context, RS_BOARD_FONT_NODE, MARGIN,
             MARGIN + chart->title_ascent - chart->label_ascent, text, chart->title);

  if (chart->items->len > 0)
    {
      cairo_set_line_width (cr, 1);
      for (guint i = 0; i < chart->ticks->len; i++)
        {
          ChartTick *tick = &g_array_index (chart->ticks, ChartTick, i);

          rs_board_color_set_source (cr, grid, 1.0);
          cairo_move_to (cr, tick->x, MARGIN + TITLE_HEIGHT - 4);
          cairo_line_to (cr, tick->x, chart->axis_y + AXIS_TICK);
          cairo_stroke (cr);
          if (tick->label != NULL)
            show_text (cr, style, context, RS_BOARD_FONT_EDGE, tick->x + 2, chart->axis_y + AXIS_TICK,
                       secondary, tick->label);
        }
      rs_board_color_set_source (cr, secondary, 1.0);
      cairo_move_to (cr, chart->plot_left, chart->axis_y);
      cairo_line_to (cr, chart->plot_right, chart->axis_y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < chart->items->len; i++)
    {
      ChartItem *item = &g_array_index (chart->items, ChartItem, i);

      if (item->point)
        {
          cairo_arc (cr, item->x0, item->y + BAR_HEIGHT / 2, POINT_RADIUS, 0, 2 * G_PI);
          rs_board_color_set_source (cr, bar, 1.0);
          cairo_fill (cr);
        }
      else
        {
          double w = item->x1 - item->x0, r = MIN (2.0, w / 2);

          cairo_new_sub_path (cr);
          cairo_arc (cr, item->x0 + w - r, item->y + r, r, -G_PI / 2, 0);
          cairo_arc (cr, item->x0 + w - r, item->y + BAR_HEIGHT - r, r, 0, G_PI / 2);
          cairo_arc (cr, item->x0 + r, item->y + BAR_HEIGHT - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, item->x0 + r, item->y + r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
          if (item->span.open_end)
            set_fade (cr, bar, item->x0, item->x1);
          else if (item->span.open_start)
            set_fade (cr, bar, item->x1, item->x0);
          else
            rs_board_color_set_source (cr, bar, 1.0);
          cairo_fill (cr);

          rs_board_color_set_source (cr, bar, 0.4);
          if (item->span.open_end)
            {
              cairo_move_to (cr, item->x1, item->y - 2);
              cairo_rel_line_to (cr, ARROW_LENGTH, BAR_HEIGHT / 2 + 2);
              cairo_rel_line_to (cr, -ARROW_LENGTH, BAR_HEIGHT / 2 + 2);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
          if (item->span.open_start)
            {
              cairo_move_to (cr, item->x0, item->y - 2);
              cairo_rel_line_to (cr, -ARROW_LENGTH, BAR_HEIGHT / 2 + 2);
              cairo_rel_line_to (cr, ARROW_LENGTH, BAR_HEIGHT / 2 + 2);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
        }
      show_text (cr, style, context, RS_BOARD_FONT_NODE, item->label_x, item->label_y, text,
                 item->title);
      show_text (cr, style, context, RS_BOARD_FONT_EDGE, item->label_x,
                 item->label_y + chart->label_line, secondary, item->phrase);
    }

  if (chart->undated != NULL)
    show_text (cr, style, context, RS_BOARD_FONT_EDGE, MARGIN,
               chart->height - MARGIN - chart->label_line, secondary, chart->undated);
  else if (chart->items->len == 0)
    show_text (cr, style, context, RS_BOARD_FONT_EDGE, MARGIN, MARGIN + TITLE_HEIGHT - chart->phrase_ascent,
               secondary, _("No events"));
  cairo_restore (cr);
}
