/* rs-export-text.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-export-private.h"
#include "rs-export-text.h"

/* One escaper for every markup export: the board SVG's (rs-export-svg.c), so a fix
 * reaches the SVG, the timeline chart and the brief alike. */
void
rs_export_text_append_escaped (GString    *out,
                               const char *text)
{
  g_return_if_fail (out != NULL);

  rs_export_append_xml_escaped (out, text);
}

void
rs_export_text_append_csv_cell (GString    *out,
                                const char *text)
{
  g_return_if_fail (out != NULL);

  g_string_append_c (out, '"');
  if (text != NULL && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
rs_export_text_is_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || *url == '\0')
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

gboolean
rs_export_text_write (GOutputStream  *out,
                      GString        *text,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, RS_ERROR, RS_ERROR_CANCELLED, _("The export was cancelled"));
  else
    g_set_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED, _("Could not write the export: %s"),
                 local_error->message);
  return FALSE;
}
