/* rs-export.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-bundle.h"
#include "rs-error.h"
#include "rs-export-brief.h"
#include "rs-export-data.h"
#include "rs-export-private.h"
#include "rs-export-stix.h"
#include "rs-export-timeline.h"

/* The export core: options, the names the CLI and the dialog use, and the dispatch from
 * (content, format) to the writer. Writers write to a GOutputStream; the file and memory
 * variants wrap them. */

typedef struct
{
  RsExportFormat format;
  const char    *name;
  const char    *extension;
  const char    *mime_type;
  guint          contents;    /* 1 << RsExportContent */
} FormatInfo;

#define BOARD    (1u << RS_EXPORT_CONTENT_BOARD)
#define TIMELINE (1u << RS_EXPORT_CONTENT_TIMELINE)
#define BRIEF    (1u << RS_EXPORT_CONTENT_BRIEF)

static const FormatInfo formats[] = {
  { RS_EXPORT_FORMAT_SVG,     "svg",     "svg",     "image/svg+xml",       BOARD | TIMELINE },
  { RS_EXPORT_FORMAT_PNG,     "png",     "png",     "image/png",           BOARD | TIMELINE },
  { RS_EXPORT_FORMAT_PDF,     "pdf",     "pdf",     "application/pdf",
    BOARD | TIMELINE | BRIEF },
  { RS_EXPORT_FORMAT_DOT,     "dot",     "gv",      "text/vnd.graphviz",   BOARD },
  { RS_EXPORT_FORMAT_GRAPHML, "graphml", "graphml", "application/graphml+xml", BOARD },
  { RS_EXPORT_FORMAT_CSV,     "csv",     "csv",     "text/csv",            BOARD | TIMELINE },
  { RS_EXPORT_FORMAT_HTML,    "html",    "html",    "text/html",           BRIEF },
  { RS_EXPORT_FORMAT_JSON,    "json",    "json",    "application/json",    BOARD },
  { RS_EXPORT_FORMAT_STIX,    "stix",    "json",    "application/stix+json", BOARD },
};

static const struct
{
  RsExportPaper paper;
  const char   *name;
} papers[] = {
  { RS_EXPORT_PAPER_A4, "a4" },
  { RS_EXPORT_PAPER_A3, "a3" },
  { RS_EXPORT_PAPER_LETTER, "letter" },
  { RS_EXPORT_PAPER_LEGAL, "legal" },
};

static const struct
{
  RsExportCsvTable table;
  const char      *name;
} csv_tables[] = {
  { RS_EXPORT_CSV_ENTITIES, "entities" },
  { RS_EXPORT_CSV_RELATIONS, "relations" },
  { RS_EXPORT_CSV_EVENTS, "events" },
  { RS_EXPORT_CSV_QUOTES, "quotes" },
};

static const FormatInfo *
format_info (RsExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return &formats[i];
  return NULL;
}

void
rs_export_options_init (RsExportOptions *options,
                        RsExportFormat   format)
{
  g_return_if_fail (options != NULL);

  *options = (RsExportOptions) {
    .format = format,
    .content = RS_EXPORT_CONTENT_BOARD,
    .legend = TRUE,
    .scale = 2 * RS_BOARD_PIXELS_PER_UNIT,
    .paper = RS_EXPORT_PAPER_A4,
    .landscape = TRUE,
    .fit_to_page = TRUE,
    .csv_table = RS_EXPORT_CSV_ENTITIES,
  };
}

void
rs_export_options_clear (RsExportOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_object (&options->filter);
  g_clear_object (&options->selection);
  g_clear_pointer (&options->author, g_free);
  g_clear_pointer (&options->stix, rs_stix_snapshot_unref);
}

/* @copy gets its own references; clear it with rs_export_options_clear(). */
void
rs_export_options_copy (const RsExportOptions *options,
                        RsExportOptions       *copy)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (copy != NULL);

  *copy = *options;
  if (copy->filter != NULL)
    g_object_ref (copy->filter);
  if (copy->selection != NULL)
    g_object_ref (copy->selection);
  copy->author = g_strdup (options->author);
  if (copy->stix != NULL)
    rs_stix_snapshot_ref (copy->stix);
}

gboolean
rs_export_format_from_string (const char     *name,
                              RsExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
rs_export_format_to_string (RsExportFormat format)
{
  const FormatInfo *info = format_info (format);

  return info != NULL ? info->name : NULL;
}

const char *
rs_export_format_get_extension (RsExportFormat format)
{
  const FormatInfo *info = format_info (format);

  return info != NULL ? info->extension : NULL;
}

const char *
rs_export_format_get_mime_type (RsExportFormat format)
{
  const FormatInfo *info = format_info (format);

  return info != NULL ? info->mime_type : NULL;
}

/* What the format can carry (not what is written yet: see rs_export_write()). */
gboolean
rs_export_format_supports (RsExportFormat  format,
                           RsExportContent content)
{
  const FormatInfo *info = format_info (format);

  return info != NULL && (guint)content <= RS_EXPORT_CONTENT_BRIEF &&
         (info->contents & (1u << content)) != 0;
}

gboolean
rs_export_paper_from_string (const char    *name,
                             RsExportPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = papers[i].paper;
        return TRUE;
      }
  return FALSE;
}

gboolean
rs_export_csv_table_from_string (const char       *name,
                                 RsExportCsvTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (csv_tables); i++)
    if (g_ascii_strcasecmp (name, csv_tables[i].name) == 0)
      {
        *table = csv_tables[i].table;
        return TRUE;
      }
  return FALSE;
}

static const char *
content_name (RsExportContent content)
{
  switch (content)
    {
    case RS_EXPORT_CONTENT_BOARD:
      return _("the board");
    case RS_EXPORT_CONTENT_TIMELINE:
      return _("the timeline");
    case RS_EXPORT_CONTENT_BRIEF:
      return _("the brief");
    default:
      return _("this content");
    }
}

/* JSON is the case bundle: the whole case, whatever the filter or the selection (a bundle
 * is a case to open again, not a picture of part of it), with what the case file keeps
 * of STIX when the caller read it (options->stix). */
static gboolean
write_json (RsCase                 *kase,
            const RsExportOptions  *options,
            GOutputStream          *out,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr(GBytes) bytes = rs_bundle_export_with_stix (kase, options->stix, error);

  if (bytes == NULL)
    return FALSE;
  return g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, cancellable, error) &&
         g_output_stream_write_all (out, "\n", 1, NULL, cancellable, error);
}

typedef gboolean (*SceneWriter) (RsCase                 *kase,
                                 RsBoardScene           *scene,
                                 const RsExportOptions  *options,
                                 GOutputStream          *out,
                                 GCancellable           *cancellable,
                                 GError                **error);

/* DOT, GraphML and CSV write the board's scene (the filter and the selection applied).
 * CSV of the whole case needs no scene (nor positions: a case never laid out exports
 * too). */
static gboolean
write_with_scene (RsCase                 *kase,
                  const RsExportOptions  *options,
                  SceneWriter             writer,
                  gboolean                scene_optional,
                  GOutputStream          *out,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (options->dark);
  g_autoptr(RsBoardScene) scene = NULL;
  gboolean whole_case = (options->filter == NULL ||
                         !rs_board_filter_get_active (options->filter)) &&
                        (options->selection == NULL ||
                         rs_selection_get_n_items (options->selection) == 0);

  if (!(scene_optional && whole_case) &&
      !(scene = rs_export_build_scene (kase, options, style, error)))
    return FALSE;
  return writer (kase, scene, options, out, cancellable, error);
}

/**
 * rs_export_write:
 *
 * Writes the export that @options describe to @out, which it does not close.
 */
gboolean
rs_export_write (RsCase                *kase,
                 const RsExportOptions *options,
                 GOutputStream         *out,
                 GCancellable          *cancellable,
                 GError               **error)
{
  const char *format_name;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  format_name = rs_export_format_to_string (options->format);
  if (format_name == NULL || !rs_export_format_supports (options->format, options->content))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("Cannot export %s as %s"), content_name (options->content),
                   format_name != NULL ? format_name : "?");
      return FALSE;
    }

  switch (options->content)
    {
    case RS_EXPORT_CONTENT_BOARD:
      switch (options->format)
        {
        case RS_EXPORT_FORMAT_SVG:
          return _rs_export_write_svg (kase, options, out, cancellable, error);
        case RS_EXPORT_FORMAT_PNG:
          return _rs_export_write_png (kase, options, out, cancellable, error);
        case RS_EXPORT_FORMAT_PDF:
          return _rs_export_write_pdf (kase, options, out, cancellable, error);
        case RS_EXPORT_FORMAT_JSON:
          return write_json (kase, options, out, cancellable, error);
        case RS_EXPORT_FORMAT_STIX:
          return rs_export_stix_write (kase, options, out, cancellable, error);
        case RS_EXPORT_FORMAT_DOT:
          return write_with_scene (kase, options, rs_export_dot_write, FALSE, out, cancellable,
                                   error);
        case RS_EXPORT_FORMAT_GRAPHML:
          return write_with_scene (kase, options, rs_export_graphml_write, FALSE, out,
                                   cancellable, error);
        case RS_EXPORT_FORMAT_CSV:
          return write_with_scene (kase, options, rs_export_csv_write, TRUE, out, cancellable,
                                   error);
        case RS_EXPORT_FORMAT_HTML:
        default:
          break;
        }
      break;

    case RS_EXPORT_CONTENT_TIMELINE:
      return rs_export_timeline_write (kase, options, out, cancellable, error);

    case RS_EXPORT_CONTENT_BRIEF:
      if (options->format == RS_EXPORT_FORMAT_PDF)
        return rs_export_brief_write_pdf (kase, options, out, cancellable, error);
      return rs_export_brief_write (kase, options, out, cancellable, error);

    default:
      break;
    }

  g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED,
               _("Exporting %s as %s is not supported yet"), content_name (options->content),
               format_name);
  return FALSE;
}

/**
 * rs_export_write_file:
 *
 * Writes the export to a temporary file beside @file and puts it in place only once it is
 * complete (g_file_replace()); on any failure the temporary file is removed and whatever
 * @file held before is left as it was.
 */
gboolean
rs_export_write_file (RsCase                *kase,
                      const RsExportOptions *options,
                      GFile                 *file,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  /* g_file_replace() writes beside a file that exists and renames over it at the end;
   * a new file it writes in place, so a failure would leave half of one. A new file
   * is written under a name of its own beside it and moved into place instead. */
  if (g_file_query_exists (file, NULL))
    stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                             &local_error);
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *base = g_file_get_basename (file);

      for (guint attempt = 0; parent != NULL && stream == NULL && attempt < 8; attempt++)
        {
          g_autofree char *partial_name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());

          g_clear_object (&partial);
          g_clear_error (&local_error);
          partial = g_file_get_child (parent, partial_name);
          stream = g_file_create (partial, G_FILE_CREATE_NONE, cancellable, &local_error);
          if (stream == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            break;
        }
      if (parent == NULL && local_error == NULL)
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                             _("Not a place a file can be written"));
    }
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (rs_export_write (kase, options, G_OUTPUT_STREAM (stream), cancellable, error))
    {
      if (g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error) &&
          (partial == NULL ||
           g_file_move (partial, file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL,
                        &local_error)))
        return TRUE;

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), name, local_error->message);
    }

  /* A close that is cancelled does not rename the temporary file over the target; it
   * removes it (GLocalFileOutputStream), so the old file stays. A new file's partial
   * copy is removed here. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  if (partial != NULL)
    g_file_delete (partial, NULL, NULL);
  return FALSE;
}

/* The export in memory: Copy as Image, previews, the brief's inline SVG. */
GBytes *
rs_export_write_bytes (RsCase                *kase,
                       const RsExportOptions *options,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GOutputStream) out = NULL;

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_memory_output_stream_new_resizable ();
  if (!rs_export_write (kase, options, out, cancellable, error) ||
      !g_output_stream_close (out, cancellable, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}
