/* rs-export-timeline.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "rs-export.h"

G_BEGIN_DECLS

/* The case's events out of Redstring: a CSV table, or a chart of events along a time
 * axis (SVG, PNG, PDF) that shows each date as honestly as it is known: a year is a
 * span over its year, "late February 2021" a span over its last third, "at least 2009"
 * an open bar fading to the right, an exact day a point. */

/* The days a date can mean, as Julian days (g_date_get_julian): open_start / open_end
 * when the date has no bound on that side ("before 2016", "at least 2009", "after
 * 2020"); the bound on that side is then where the stated date starts or ends. */
typedef struct
{
  guint32  earliest;
  guint32  latest;
  gboolean open_start;
  gboolean open_end;
} RsTimelineSpan;

void      rs_export_timeline_get_span  (RsFuzzyDate            *date,
                                        RsTimelineSpan         *span);

/* format CSV (options->csv_table is not consulted: the events table), SVG, PNG or PDF. */
gboolean  rs_export_timeline_write     (RsCase                 *kase,
                                        const RsExportOptions  *options,
                                        GOutputStream          *out,
                                        GCancellable           *cancellable,
                                        GError                **error);

/* The chart as SVG text for a host document (the HTML brief): no XML declaration.
 * NULL when the case has no dated event. */
char     *rs_export_timeline_dup_svg   (RsCase                 *kase,
                                        RsBoardStyle           *style,
                                        gboolean                standalone);

/* The chart's size in points and the chart drawn at the current transformation (one
 * unit a point): the PDF brief places it on its pages. FALSE when nothing is dated. */
typedef struct _RsTimelineChart RsTimelineChart;

RsTimelineChart *rs_timeline_chart_new        (RsCase          *kase,
                                               RsBoardStyle    *style);
void             rs_timeline_chart_free       (RsTimelineChart *chart);
guint            rs_timeline_chart_get_n_items (RsTimelineChart *chart);
void             rs_timeline_chart_get_size   (RsTimelineChart *chart,
                                               double          *width,
                                               double          *height);
void             rs_timeline_chart_draw       (RsTimelineChart *chart,
                                               cairo_t         *cr);

/* The chart's SVG (the XML declaration when standalone), from the same layout the cairo
 * drawing reads. */
void             _rs_timeline_chart_append_svg (RsTimelineChart *chart,
                                                GString         *out,
                                                gboolean         standalone);
/* The case's events in the timeline panel's order; an event's date as the panel says it
 * ("late Feb 2021", "Undated"). */
GPtrArray       *_rs_export_timeline_dup_sorted_events (RsCase  *kase);
char            *_rs_export_timeline_dup_phrase        (RsEvent *event);

/* The timeline panel's order for a GPtrArray of RsEvent: by date (undated last), title, id. */
int              _rs_export_timeline_compare_events (gconstpointer a,
                                                     gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsTimelineChart, rs_timeline_chart_free)

G_END_DECLS
