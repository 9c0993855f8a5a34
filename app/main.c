/* main.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RsApplication) app = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

  /* Before the option summaries are translated in rs_application_new(). */
  setlocale (LC_ALL, "");
  /* Run from its build folder, the program reads the translations built there. */
  if (self_path != NULL && g_str_has_prefix (self_path, BUILD_ROOT G_DIR_SEPARATOR_S))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
