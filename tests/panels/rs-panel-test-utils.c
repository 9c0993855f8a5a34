/* rs-panel-test-utils.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-core.h"
#include "rs-panel-test-utils.h"

GResource *rs_gui_get_resource (void);

void
rs_panel_test_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autofree char *css_path = NULL;

  /* The MIME database, before the isolated dirs hide it, so SVG icons load (the
   * application's own icons are SVG files in the resources). */
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  rs_core_init ();
  g_resources_register (rs_gui_get_resource ());

  /* G_TEST_OPTION_ISOLATE_DIRS hides the system data dirs, and with them the icons. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  "/usr/share/icons");
  /* What GtkApplication adds for the application's own icons. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");

  /* The panels' CSS is merged into ui/style.css by the window's owner; until the
   * application loads it, load the fragment so screenshots show what users see. */
  css_path = g_test_build_filename (G_TEST_DIST, "..", "ui", "style.css", NULL);
  if (g_file_test (css_path, G_FILE_TEST_EXISTS))
    {
      gtk_css_provider_load_from_path (css, css_path);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

GtkWindow *
rs_panel_test_present (GtkWidget *child,
                       int        width,
                       int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
rs_panel_test_wait (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
save_one (GtkWidget  *widget,
          const char *name,
          const char *variant)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, variant);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* The window background is drawn by the window, not its child. */
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { 0, 0, 0, 0 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot saved to %s", path);
}

/* Saves NAME-light.png and NAME-dark.png of the window holding WIDGET into
 * G_TEST_BUILDDIR, for a human to look at. */
void
rs_panel_test_save_screenshot (GtkWidget  *widget,
                               const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  rs_panel_test_wait (50);
  gtk_test_widget_wait_for_draw (root);
  save_one (root, name, "light");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  rs_panel_test_wait (50);
  gtk_test_widget_wait_for_draw (root);
  save_one (root, name, "dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  rs_panel_test_wait (50);
}

/* The first mapped label under ROOT showing TEXT, or NULL. */
GtkWidget *
rs_panel_test_find_label (GtkWidget  *root,
                          const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rs_panel_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first mapped label under ROOT whose text starts with PREFIX, or NULL. */
GtkWidget *
rs_panel_test_find_label_prefix (GtkWidget  *root,
                                 const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rs_panel_test_find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Asserts that no label under ROOT (mapped or not) holds more than MAX_CHARS characters;
 * returns how many labels were checked. */
guint
rs_panel_test_assert_labels_at_most (GtkWidget *root,
                                     guint      max_chars)
{
  guint n = 0;

  if (GTK_IS_LABEL (root))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (root));

      g_assert_cmpint (g_utf8_strlen (text, -1), <=, max_chars);
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += rs_panel_test_assert_labels_at_most (child, max_chars);
  return n;
}

/* At least MIN_CHARS characters of hostile label text: words, markup, line breaks, RTL and
 * combining marks. Starts with "Ministry of State Security". */
char *
rs_panel_test_dup_hostile_text (gsize min_chars)
{
  GString *text = g_string_new (NULL);
  gsize n_chars = 0;

  while (n_chars < min_chars)
    {
      static const char unit[] = "Ministry of State Security <b>&amp;</b>\nשלום e\xcc\x81 ";

      g_string_append (text, unit);
      n_chars += g_utf8_strlen (unit, -1);
    }
  return g_string_free (text, FALSE);
}

/* A named object of WIDGET's template (of the class WIDGET_TYPE), asserted present. */
gpointer
rs_panel_test_template_child (gpointer    widget,
                              GType       widget_type,
                              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), widget_type, name);

  g_assert_nonnull (child);
  return child;
}
