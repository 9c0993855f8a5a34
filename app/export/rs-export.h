/* rs-export.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-board-filter.h"
#include "rs-board-scene.h"
#include "rs-board-style.h"
#include "rs-case.h"
#include "rs-selection.h"

G_BEGIN_DECLS

typedef struct _RsStixSnapshot RsStixSnapshot;

/* Everything that leaves Redstring other than a case file goes through here: the GUI's
 * Export dialog, Copy as Image, printing and `redstring-cli export`. One scene and one
 * style feed every drawing, so an export cannot drift from the screen. */

typedef enum
{
  RS_EXPORT_FORMAT_SVG,
  RS_EXPORT_FORMAT_PNG,
  RS_EXPORT_FORMAT_PDF,
  RS_EXPORT_FORMAT_DOT,
  RS_EXPORT_FORMAT_GRAPHML,
  RS_EXPORT_FORMAT_CSV,
  RS_EXPORT_FORMAT_HTML,
  RS_EXPORT_FORMAT_JSON,
  RS_EXPORT_FORMAT_STIX,
} RsExportFormat;

/* What is exported. Not every format takes every content: the board goes to SVG, PNG,
 * PDF, DOT, GraphML, CSV, JSON and STIX (JSON and STIX: the whole case); the timeline to SVG, PNG, PDF and CSV; the brief to
 * HTML and PDF. */
typedef enum
{
  RS_EXPORT_CONTENT_BOARD,
  RS_EXPORT_CONTENT_TIMELINE,
  RS_EXPORT_CONTENT_BRIEF,
} RsExportContent;

typedef enum
{
  RS_EXPORT_CSV_ENTITIES,
  RS_EXPORT_CSV_RELATIONS,
  RS_EXPORT_CSV_EVENTS,
  RS_EXPORT_CSV_QUOTES,
} RsExportCsvTable;

typedef enum
{
  RS_EXPORT_PAPER_A4,
  RS_EXPORT_PAPER_A3,
  RS_EXPORT_PAPER_LETTER,
  RS_EXPORT_PAPER_LEGAL,
} RsExportPaper;

typedef struct
{
  RsExportFormat   format;
  RsExportContent  content;
  /* Owned references, both may be NULL. filter NULL: the whole case; otherwise what the
   * filter shows (items it removes are left out, items it dims are drawn dimmed).
   * selection non-empty: only the selected entities and relations (and the relations
   * between selected entities). */
  RsBoardFilter   *filter;
  RsSelection     *selection;
  gboolean         dark;          /* the dark board style */
  gboolean         legend;        /* draw the legend (default TRUE) */
  gboolean         footnotes;     /* number relations, list their quotes under the figure */
  /* PNG: device pixels per board unit (board units are points: 96/72 is 100 % on a
   * 96 dpi screen; the default 2 × 96/72 gives a sharp 192 dpi picture). */
  double           scale;
  gboolean         transparent;   /* PNG: no background */
  /* PDF: the paper; fit: the figure on one page (shrunk if larger, never enlarged), else
   * 1:1 across pages. */
  RsExportPaper    paper;
  gboolean         landscape;
  gboolean         fit_to_page;
  RsExportCsvTable csv_table;
  /* STIX: the analyst exporting (owned; the identity every object is created by), or
   * NULL for none. */
  char            *author;
  /* STIX: what the case file keeps of STIX (owned reference, rs_stix_snapshot_new()),
   * or NULL: records then export under ids of their own, without external references. */
  RsStixSnapshot  *stix;
} RsExportOptions;

void            rs_export_options_init           (RsExportOptions        *options,
                                                  RsExportFormat          format);
void            rs_export_options_clear          (RsExportOptions        *options);
void            rs_export_options_copy           (const RsExportOptions  *options,
                                                  RsExportOptions        *copy);

gboolean        rs_export_format_from_string     (const char             *name,
                                                  RsExportFormat         *format);
const char     *rs_export_format_to_string       (RsExportFormat          format);
const char     *rs_export_format_get_extension   (RsExportFormat          format);
const char     *rs_export_format_get_mime_type   (RsExportFormat          format);
gboolean        rs_export_format_supports        (RsExportFormat          format,
                                                  RsExportContent         content);
gboolean        rs_export_paper_from_string      (const char             *name,
                                                  RsExportPaper          *paper);
gboolean        rs_export_csv_table_from_string  (const char             *name,
                                                  RsExportCsvTable       *table);

/* The scene an export draws: the filter and the selection applied, labels measured.
 * Fails (RS_ERROR_INVALID) when entities to draw have no position: lay the case out
 * first (RsLayoutController). */
RsBoardScene   *rs_export_build_scene            (RsCase                 *kase,
                                                  const RsExportOptions  *options,
                                                  RsBoardStyle           *style,
                                                  GError                **error);

/* Writes the export to out; does not close it. */
gboolean        rs_export_write                  (RsCase                 *kase,
                                                  const RsExportOptions  *options,
                                                  GOutputStream          *out,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
/* Atomic: the file is replaced only once the export is complete; a failed export
 * leaves what was there before. */
gboolean        rs_export_write_file             (RsCase                 *kase,
                                                  const RsExportOptions  *options,
                                                  GFile                  *file,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
/* The export in memory (Copy as Image, previews, the brief's inline SVG). */
GBytes         *rs_export_write_bytes            (RsCase                 *kase,
                                                  const RsExportOptions  *options,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsExportOptions, rs_export_options_clear)

G_END_DECLS
