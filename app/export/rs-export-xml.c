/* rs-export-xml.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export"

#include "config.h"

#include <string.h>

#include "rs-export-private.h"

/* Text from a case into XML (SVG, GraphML, HTML): case files come from colleagues and are
 * untrusted, so every string goes through here, for text content and attribute values
 * alike. */

void
rs_export_append_xml_escaped (GString    *out,
                              const char *text)
{
  const char *p, *end;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  end = text + strlen (text);
  for (p = text; p < end; )
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        {
          g_string_append (out, "\xEF\xBF\xBD");
          p++;
          continue;
        }

      switch (ch)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        /* As references, so attribute normalisation and CR LF folding keep them. */
        case '\t': g_string_append (out, "&#9;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          /* XML 1.0 Char: no other C0 control, no surrogate (never decoded), no
           * U+FFFE/U+FFFF. */
          if (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF)
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
}
