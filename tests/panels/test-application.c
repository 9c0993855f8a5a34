/* test-application.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-application.h"
#include "rs-gui-test-utils.h"
#include "rs-panel-test-utils.h"

static RsApplication *app;

/* NAME is in the icon theme, read from the application's resources. */
static void
assert_resource_icon (const char *name,
                      int         size)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, name));
  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, size, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_test_message ("%s: %s", name, uri);
  g_assert_true (g_str_has_prefix (uri, "resource://" RESOURCE_BASE "/icons/"));
}

/* The About window names APP_ID as its icon. Run from the build tree nothing is
 * installed under /usr/share/icons, so the icon must come from the application's
 * resources, which GtkApplication adds to the icon theme as <base>/icons. */
static void
test_application_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget *about = NULL;
  g_autoptr(GList) toplevels = NULL;

  assert_resource_icon (APP_ID, 128);
  assert_resource_icon (APP_ID "-symbolic", 16);

  /* And on screen, for a human to look at. */
  gtk_icon_theme_add_search_path (theme, "/usr/share/icons");
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  gtk_test_widget_wait_for_draw (about);
  rs_panel_test_wait (200);
  rs_panel_test_save_screenshot (about, "about-window");
  gtk_window_destroy (GTK_WINDOW (about));
}

/* The Quotes tab's icon and the panel's empty page use the shipped quotation mark,
 * not Adwaita's format-text-rich (a letter “A”). */
static void
test_quote_icon (void)
{
  assert_resource_icon ("rs-quote-symbolic", 16);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/application/icon", test_application_icon);
  g_test_add_func ("/application/quote-icon", test_quote_icon);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
