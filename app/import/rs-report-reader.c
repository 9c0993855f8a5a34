/* rs-report-reader.c: rs_report_read_*(), which format, progress, threads
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-report-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-report-private.h"

/* Reading a report is whole or nothing: a report, or NULL and an error that names
 * the file (RS_ERROR_INVALID_INPUT for anything about its contents, G_IO_ERROR for
 * the file system, G_IO_ERROR_CANCELLED when cancelled). The _async variants run
 * the same code in a GTask thread over the caller's GFile or GBytes (both
 * immutable), and report progress on the caller's main context through one
 * coalesced idle, so a 50 MB report does not flood the main loop.
 *
 * How File → Import Report uses it (and `redstring-cli import-report`, blocking):
 * 1. rs_report_read_file_async() (or _bytes_async() for a drop or a paste), with a
 *    GCancellable behind the Cancel button and a progress callback for the bar;
 * 2. rs_report_get_n_replaced() > 0: tell the user how many bytes were replaced;
 * 3. rs_case_store_find_document_by_text (store, rs_report_get_text (report)):
 *    if the case holds the same text, offer that document instead;
 * 4. the metadata sheet, prefilled from rs_report_get_title() and the others
 *    (the title falls back to the file name);
 * 5. rs_case_edit_import_report() with what the sheet says: one change for the
 *    undo stack, and the new document's id. */

/* Progress ----------------------------------------------------------------- */

struct _RsReportProgress
{
  GMutex                mutex;
  double                fraction;  /* overall, under mutex */
  gboolean              idle_pending;
  gboolean              finished;  /* no callback after the result */

  /* Set before the worker starts, then read-only */
  double                base;
  double                span;
  GMainContext         *context;
  RsReportProgressFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
};

static void
progress_free (RsReportProgress *self)
{
  g_mutex_clear (&self->mutex);
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_main_context_unref (self->context);
}

static RsReportProgress *
progress_new (RsReportProgressFunc func,
              gpointer             data,
              GDestroyNotify       destroy)
{
  RsReportProgress *self = g_atomic_rc_box_new0 (RsReportProgress);

  g_mutex_init (&self->mutex);
  self->span = 1.0;
  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->data = data;
  self->destroy = destroy;
  return self;
}

static gboolean
progress_unref_cb (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify)progress_free);
  return G_SOURCE_REMOVE;
}

/* From any thread: the caller's destroy notify runs on the caller's context
 * (g_main_context_invoke() would run it in a worker that can acquire the context). */
static void
progress_unref (RsReportProgress *self)
{
  g_autoptr(GSource) source = NULL;

  if (g_main_context_is_owner (self->context))
    {
      progress_unref_cb (self);
      return;
    }
  source = g_idle_source_new ();
  g_source_set_static_name (source, "[rs-report-progress-unref]");
  g_source_set_callback (source, progress_unref_cb, self, NULL);
  g_source_attach (source, self->context);
}

static gboolean
progress_idle_cb (gpointer data)
{
  RsReportProgress *self = data;
  double fraction;
  gboolean finished;

  g_mutex_lock (&self->mutex);
  fraction = self->fraction;
  finished = self->finished;
  self->idle_pending = FALSE;
  g_mutex_unlock (&self->mutex);

  if (!finished && self->func != NULL)
    self->func (fraction, self->data);
  return G_SOURCE_REMOVE;
}

/* The phase now running covers [base, base + span] of the whole. */
static void
progress_set_phase (RsReportProgress *self,
                    double            base,
                    double            span)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->base = base;
  self->span = span;
  g_mutex_unlock (&self->mutex);
}

void
_rs_report_progress_set (RsReportProgress *self,
                         double            fraction)
{
  gboolean schedule = FALSE;
  double overall;

  if (self == NULL)
    return;

  g_mutex_lock (&self->mutex);
  overall = self->base + self->span * CLAMP (fraction, 0.0, 1.0);
  if (overall > self->fraction && !self->finished)
    {
      self->fraction = overall;
      schedule = !self->idle_pending;
      self->idle_pending = TRUE;
    }
  g_mutex_unlock (&self->mutex);

  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_static_name (source, "[rs-report-progress]");
      g_source_set_callback (source, progress_idle_cb,
                             g_atomic_rc_box_acquire (self), (GDestroyNotify)progress_unref);
      g_source_attach (source, self->context);
    }
}

static void
progress_finish (RsReportProgress *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->finished = TRUE;
  g_mutex_unlock (&self->mutex);
}

/* Which format -------------------------------------------------------------- */

static gboolean
has_prefix_ci (const guint8 *data,
               gsize         size,
               const char   *prefix)
{
  gsize len = strlen (prefix);

  return size >= len && g_ascii_strncasecmp ((const char *)data, prefix, len) == 0;
}

/* Formats we know by their first bytes and cannot read. */
static const struct {
  const char *magic;
  gsize       len;
  const char *what;
} foreign[] = {
  { "PK\x03\x04", 4, N_("a ZIP archive (a Word, OpenDocument or EPUB document?)") },
  { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, N_("an old Microsoft Office document") },
  { "{\\rtf", 5, N_("an RTF document") },
  { "\x89PNG", 4, N_("a PNG image") },
  { "\xFF\xD8\xFF", 3, N_("a JPEG image") },
  { "GIF8", 4, N_("a GIF image") },
  { "%!PS", 4, N_("a PostScript file") },
  { "\x1F\x8B", 2, N_("a compressed (gzip) file") },
  { "\x7F" "ELF", 4, N_("a program") },
};

/* PDF allows some bytes before its header, within the first kilobyte. */
static gboolean
is_pdf (const guint8 *data,
        gsize         size)
{
  for (gsize i = 0; i + 5 <= MIN (size, 1024); i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_html (const guint8 *data,
                 gsize         size)
{
  gsize i = 0;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  /* A comment or XML declaration first is common in saved pages. */
  if (has_prefix_ci (data + i, size - i, "<!doctype html") ||
      has_prefix_ci (data + i, size - i, "<html") ||
      has_prefix_ci (data + i, size - i, "<head") ||
      has_prefix_ci (data + i, size - i, "<!--") ||
      has_prefix_ci (data + i, size - i, "<?xml"))
    {
      g_autofree char *head = g_ascii_strdown ((const char *)data + i, MIN (size - i, 4096));

      return strstr (head, "<html") != NULL || strstr (head, "<!doctype html") != NULL ||
             strstr (head, "<head") != NULL || strstr (head, "<body") != NULL;
    }
  return FALSE;
}

static gboolean
has_extension (const char         *name,
               const char * const *extensions)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL)
    return FALSE;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char * const html_extensions[] = { "html", "htm", "xhtml", "shtml", NULL };
static const char * const markdown_extensions[] = { "md", "markdown", "mdown", "mkd", NULL };

static RsReport *
read_bytes (GBytes            *data,
            const char        *display_name,
            GCancellable      *cancellable,
            RsReportProgress  *progress,
            GError           **error)
{
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (size == 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("“%s” is empty"), display_name);
      return NULL;
    }
  if (size > RS_REPORT_MAX_SIZE)
    {
      g_autofree char *shown = g_format_size (size);

      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” is too large (%s): Redstring reads reports of up to 256 MB"),
                   display_name, shown);
      return NULL;
    }

  if (is_pdf (bytes, size))
    return _rs_report_read_pdf (data, display_name, cancellable, progress, error);
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    if (size >= foreign[i].len && memcmp (bytes, foreign[i].magic, foreign[i].len) == 0)
      {
        g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                     _("“%s” is %s, which Redstring cannot read: save it as PDF, HTML or text"),
                     display_name, _(foreign[i].what));
        return NULL;
      }
  if (has_extension (display_name, (const char *[]) { "pdf", NULL }))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” is not a PDF file"), display_name);
      return NULL;
    }
  if (has_extension (display_name, html_extensions) || looks_like_html (bytes, size))
    return _rs_report_read_html (data, display_name, cancellable, progress, error);
  return _rs_report_read_text (data, display_name,
                               has_extension (display_name, markdown_extensions),
                               cancellable, progress, error);
}

static char *
dup_display_name (const char *filename_hint)
{
  return filename_hint != NULL && *filename_hint != '\0' ? g_path_get_basename (filename_hint)
                                                         : g_strdup (_("report"));
}

/* Reads a report from @data. @filename_hint (may be NULL) names it in errors and
 * helps tell the format: content decides first (a PDF is a PDF whatever its name),
 * then ".html"/".htm" means HTML and ".md"/".markdown" Markdown; anything else
 * that is text is plain text, unless it starts like an HTML document. */
RsReport *
rs_report_read_bytes (GBytes        *data,
                      const char    *filename_hint,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *display_name = dup_display_name (filename_hint);

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_bytes (data, display_name, cancellable, NULL, error);
}

/* The file's bytes, refused before reading if too large. */
static GBytes *
load_file (GFile             *file,
           const char        *display_name,
           GCancellable      *cancellable,
           RsReportProgress  *progress,
           GError           **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  goffset size;

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;
  if (!(info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                cancellable, error)))
    return NULL;
  size = g_file_info_get_size (info);
  if (size > RS_REPORT_MAX_SIZE)
    {
      g_autofree char *shown = g_format_size (size);

      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” is too large (%s): Redstring reads reports of up to 256 MB"),
                   display_name, shown);
      return NULL;
    }

  buffer = g_byte_array_sized_new (size > 0 ? size : 4096);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      /* A file that grows while we read it is held to the same limit. */
      if (buffer->len + n > RS_REPORT_MAX_SIZE)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("“%s” is too large: Redstring reads reports of up to 256 MB"),
                       display_name);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
      if (size > 0)
        _rs_report_progress_set (progress, (double)buffer->len / size);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static RsReport *
read_file (GFile             *file,
           GCancellable      *cancellable,
           RsReportProgress  *progress,
           GError           **error)
{
  g_autofree char *display_name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;

  /* Reading the bytes is the first fifth of the work, in our measures of a
   * large HTML report; parsing and extracting the rest. */
  progress_set_phase (progress, 0.0, 0.2);
  if (!(bytes = load_file (file, display_name, cancellable, progress, error)))
    return NULL;
  progress_set_phase (progress, 0.2, 0.8);
  return read_bytes (bytes, display_name, cancellable, progress, error);
}

/* Reads a report from @file (blocking: for the CLI and for threads). */
RsReport *
rs_report_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_file (file, cancellable, NULL, error);
}

/* Threads ------------------------------------------------------------------- */

typedef struct
{
  GFile            *file;
  GBytes           *bytes;
  char             *display_name;
  RsReportProgress *progress;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->display_name, g_free);
  g_clear_pointer (&job->progress, progress_unref);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  RsReport *report;

  if (job->file != NULL)
    report = read_file (job->file, cancellable, job->progress, &error);
  else
    report = read_bytes (job->bytes, job->display_name, cancellable, job->progress, &error);

  progress_finish (job->progress);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static void
start (ReadJob              *job,
       gpointer              source_tag,
       RsReportProgressFunc  progress,
       gpointer              progress_data,
       GDestroyNotify        progress_destroy,
       GCancellable         *cancellable,
       GAsyncReadyCallback   callback,
       gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[rs-report-read]");
  /* Whole or nothing: a cancelled read never returns a report. */
  g_task_set_return_on_cancel (task, FALSE);
  if (progress != NULL || progress_destroy != NULL)
    job->progress = progress_new (progress, progress_data, progress_destroy);
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_run_in_thread (task, read_thread);
}

/* Reads @file in a thread. @progress (may be NULL) is called on the calling
 * thread's main context with the fraction done, never after @callback; then
 * @progress_destroy (may be NULL) is called with @progress_data there too. */
void
rs_report_read_file_async (GFile                *file,
                           RsReportProgressFunc  progress,
                           gpointer              progress_data,
                           GDestroyNotify        progress_destroy,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  ReadJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ReadJob, 1);
  job->file = g_object_ref (file);
  start (job, rs_report_read_file_async, progress, progress_data, progress_destroy,
         cancellable, callback, user_data);
}

/* The report (owned), or NULL and the error. */
RsReport *
rs_report_read_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rs_report_read_file_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* rs_report_read_bytes() in a thread (for drops and pastes), with progress as
 * rs_report_read_file_async(). */
void
rs_report_read_bytes_async (GBytes               *data,
                            const char           *filename_hint,
                            RsReportProgressFunc  progress,
                            gpointer              progress_data,
                            GDestroyNotify        progress_destroy,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  ReadJob *job;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ReadJob, 1);
  job->bytes = g_bytes_ref (data);
  job->display_name = dup_display_name (filename_hint);
  start (job, rs_report_read_bytes_async, progress, progress_data, progress_destroy,
         cancellable, callback, user_data);
}

RsReport *
rs_report_read_bytes_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rs_report_read_bytes_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
