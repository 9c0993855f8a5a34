/* test-window-locale.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rs-application.h"
#include "rs-fuzzy-date.h"
#include "rs-gui-test-utils.h"
#include "rs-items-panel.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* The application in German (LANGUAGE=de, LC_ALL=de_DE.UTF-8) with the translations this
 * build compiled from po/de.po: the window's labels and the fuzzy dates read German.
 * de_DE.UTF-8 comes with Debian's locales-all, which `make deps` installs; without it
 * the tests skip and say so. */

static RsApplication *app;
static gboolean have_locale;

static gboolean
skip_without_locale (void)
{
  if (!have_locale)
    g_test_skip ("the de_DE.UTF-8 locale is not installed (Debian: apt-get install locales-all)");
  return !have_locale;
}

static char *
format_date (const char      *start,
             const char      *end,
             RsDatePrecision  precision,
             RsDateQualifier  qualifier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsFuzzyDate) date = rs_fuzzy_date_parse (start, end, precision, qualifier, &error);

  g_assert_no_error (error);
  return rs_fuzzy_date_format (date);
}

/* Whole phrases per precision and qualifier: German needs "vor dem" before a day, "vor"
 * before a month, and puts a full stop after the day. */
static void
test_fuzzy_dates (void)
{
  static const struct {
    const char      *start;
    const char      *end;
    RsDatePrecision  precision;
    RsDateQualifier  qualifier;
    const char      *expected;
  } cases[] = {
    { "2021-04-12", NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE, "12. Apr. 2021" },
    { "2021-04-12", NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_BEFORE, "vor dem 12. Apr. 2021" },
    { "2021-02", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_BEFORE, "vor Feb. 2021" },
    { "2021-03", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_EARLY, "Anfang März 2021" },
    { "2021", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_MID, "Mitte 2021" },
    { "2021-04-12", "2021-04-18", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE,
      "12.–18. Apr. 2021" },
    { "2021-02", "2021-03", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_ABOUT, "etwa Feb.–März 2021" },
    { "2020-12", "2021", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE, "Dez. 2020–2021" },
  };

  if (skip_without_locale ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = format_date (cases[i].start, cases[i].end, cases[i].precision,
                                           cases[i].qualifier);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  rs_gui_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The label of the menu item (in any section) that activates ACTION, or NULL. */
static char *
menu_label_of (GMenuModel *model,
               const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section == NULL)
        section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if (section != NULL)
        {
          char *found = menu_label_of (section, action);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

/* The side tabs' labels in sight, none cut short ("Vorschl…") at the window's default
 * size and side width. */
static void
assert_side_tabs_whole (RsWindow *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint shown = 0;

  rs_gui_test_collect (gtk_widget_get_first_child (window->side_box), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      shown++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("the side tab “%s” is cut short", gtk_label_get_text (label));
    }
  g_assert_cmpuint (shown, ==, 8);
}

static gboolean
items_listed (gpointer window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rs_items_panel_get_model (RS_WINDOW (window)->items_panel))) > 0;
}

static void
test_window (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  RsWindow *window;
  AdwViewStackPage *page;
  g_autoptr(RsBoardItem) item = NULL;
  RsEntity *tick;
  const char *details;
  g_autofree char *label = NULL;
  guint position;

  if (skip_without_locale ())
    return;

  path = rs_test_make_sample_file ("locale.redstring");
  file = g_file_new_for_path (path);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, path, 30000));
  window = rs_window_find_for_case (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));

  /* The side pages' titles and the Quotes panel's empty state, from the .ui files. */
  page = adw_view_stack_get_page (window->side_stack,
                                  adw_view_stack_get_child_by_name (window->side_stack, "quotes"));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Zitate");
  page = adw_view_stack_get_page (window->side_stack,
                                  adw_view_stack_get_child_by_name (window->side_stack, "items"));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Liste");
  g_assert_true (has_label (GTK_WIDGET (window->quotes_panel), "Keine Auswahl"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s",
                                             "suggestions"));
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  assert_side_tabs_whole (window);

  /* The primary menu's exchange items (issue 21's strings). */
  label = menu_label_of (G_MENU_MODEL (window->primary_menu), "win.merge-case");
  g_assert_cmpstr (label, ==, "Fall _zusammenführen …");
  g_clear_pointer (&label, g_free);
  label = menu_label_of (G_MENU_MODEL (window->primary_menu), "win.apply-changes");
  g_assert_cmpstr (label, ==, "Änderungen an_wenden …");

  /* A row of the board's list, from C: kind, review state and a plural. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s", "items"));
  g_assert_true (rs_gui_test_wait_until (items_listed, window, 10000));
  tick = rs_case_lookup_entity_by_name (rs_case_store_get_case (rs_window_get_store (window)), "Tick");
  g_assert_nonnull (tick);
  g_assert_true (rs_items_panel_find (window->items_panel, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                      &position));
  item = g_list_model_get_item (G_LIST_MODEL (rs_items_panel_get_model (window->items_panel)), position);
  details = rs_board_item_get_details (item);
  g_assert_true (g_str_has_prefix (details, "Bedrohungsgruppe · Ungeprüft · "));
  g_assert_true (g_str_has_suffix (details, " Zitat") || g_str_has_suffix (details, " Zitate"));

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads the locale: GTK calls setlocale (LC_ALL, "") in its init. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  have_locale = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-locale/fuzzy-dates", test_fuzzy_dates);
  g_test_add_func ("/window-locale/window", test_window);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
