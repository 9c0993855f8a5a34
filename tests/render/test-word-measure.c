/* test-word-measure.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "rs-board-style.h"
#include "rs-case-store.h"
#include "rs-test-utils.h"
#include "rs-word-measure.h"

/* Node labels summed a word at a time (rs-word-measure.c) must be exactly what Pango
 * lays out with the board's node font: every label it measures is compared with a
 * PangoLayout made as the board makes one. */

static void
pango_size (RsBoardStyle *style,
            PangoContext *context,
            const char   *text,
            double       *width,
            double       *height)
{
  g_autoptr(PangoLayout) layout =
    rs_board_style_create_layout (style, context, RS_BOARD_FONT_NODE, text, RS_BOARD_NODE_MAX_TEXT, 2);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoRectangle line;

      pango_layout_line_get_extents (l->data, NULL, &line);
      *width = MAX (*width, line.width / (double)PANGO_SCALE);
    }
  *height = logical.height / (double)PANGO_SCALE;
}

static GPtrArray *
make_corpus (void)
{
  static const char *const words[] = {
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
    "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
    "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "X-ray", "Yankee", "Zulu", "of",
    "the", "Unit", "61419", "Inc.", "S.A.", "Ltd", "(30s)", "AT&T", "Ministry", "Tokyo",
    "Metropolitan", "Police", "Department", "Wa", "To", "AV", "Ty", "Yo", "LT", "PA",
    "Kyodo", "News", "Organisation", "Exploration", "Agency", "Aerospace", "Japan", "O'Brien",
    "Chinese", "People's", "Liberation", "Army", "v2.1", "Exchange", "Keio", "University",
    "Mitsubishi", "Electric", "Corp.", "Qingdao,", "Shandong", "Province", "Supercalifragilistic",
  };
  g_autoptr(GPtrArray) corpus = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (61419);
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("word-measure.redstring");
  GListModel *entities = rs_case_get_entities (rs_case_store_get_case (store));

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      g_ptr_array_add (corpus, g_strdup (rs_entity_get_name (entity)));
    }
  for (guint i = 0; i < 4000; i++)
    {
      GString *label = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 8);

      for (guint w = 0; w < n; w++)
        g_string_append_printf (label, "%s%s", w ? " " : "",
                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_ptr_array_add (corpus, g_string_free (label, FALSE));
    }
  return g_steal_pointer (&corpus);
}

static void
test_exact (void)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  /* Pango 1.50 has no autoptr for a context */
  g_autoptr(GObject) context_ref = G_OBJECT (rs_board_style_create_context (style, NULL));
  PangoContext *context = PANGO_CONTEXT (context_ref);
  g_autoptr(RsWordMeasure) words =
    rs_word_measure_new (context, rs_board_style_get_font (style, RS_BOARD_FONT_NODE));
  g_autoptr(GPtrArray) corpus = make_corpus ();
  guint summed = 0, two_lines = 0;
  double one_line = G_MAXDOUBLE;

  for (guint i = 0; i < corpus->len; i++)
    {
      const char *label = g_ptr_array_index (corpus, i);
      double fast_w, fast_h, exact_w, exact_h;

      if (!rs_word_measure_text (words, label, RS_BOARD_NODE_MAX_TEXT, 2, &fast_w, &fast_h))
        continue;
      pango_size (style, context, label, &exact_w, &exact_h);
      if (fast_w != exact_w || fast_h != exact_h)
        g_error ("“%s”: summed %.4f × %.4f, Pango %.4f × %.4f", label, fast_w, fast_h,
                 exact_w, exact_h);
      summed++;
      one_line = MIN (one_line, exact_h);
    }
  for (guint i = 0; i < corpus->len; i++)
    {
      double w, h;

      if (rs_word_measure_text (words, g_ptr_array_index (corpus, i), RS_BOARD_NODE_MAX_TEXT, 2,
                                &w, &h) && h > one_line)
        two_lines++;
    }
  g_test_message ("%u of %u labels summed (%u on two lines)", summed, corpus->len, two_lines);
  /* Most labels are plain words; a good part of them wrap. */
  g_assert_cmpuint (summed, >, corpus->len / 2);
  g_assert_cmpuint (two_lines, >, summed / 4);
}

/* What it leaves to Pango. */
static void
test_declines (void)
{
  static const char *const declined[] = {
    "", " Tick", "Tick ", "Tick  BRONZE", "宇宙航空研究開発機構", "Café Tick", "X-ray Group",
    "a/b", "Tick\nBRONZE", "Tick\tBRONZE",
    /* a word wider than a line, and more than two lines' worth */
    "Supercalifragilisticexpialidocious", "Supercalifragilisticexpialidociousness",
    "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November",
  };
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  /* Pango 1.50 has no autoptr for a context */
  g_autoptr(GObject) context_ref = G_OBJECT (rs_board_style_create_context (style, NULL));
  PangoContext *context = PANGO_CONTEXT (context_ref);
  g_autoptr(RsWordMeasure) words =
    rs_word_measure_new (context, rs_board_style_get_font (style, RS_BOARD_FONT_NODE));

  for (guint i = 0; i < G_N_ELEMENTS (declined); i++)
    {
      double w = -1, h = -1;

      if (rs_word_measure_text (words, declined[i], RS_BOARD_NODE_MAX_TEXT, 2, &w, &h))
        g_error ("“%s” summed to %g × %g", declined[i], w, h);
    }
}

/* The style measures node labels through it and gets Pango's sizes all the same. */
static void
test_style_measures_alike (void)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  /* Pango 1.50 has no autoptr for a context */
  g_autoptr(GObject) context_ref = G_OBJECT (rs_board_style_create_context (style, NULL));
  PangoContext *context = PANGO_CONTEXT (context_ref);
  g_autoptr(GPtrArray) corpus = make_corpus ();

  for (guint i = 0; i < corpus->len; i += 7)
    {
      const char *label = g_ptr_array_index (corpus, i);
      double w, h, exact_w, exact_h;

      rs_board_style_measure_text (style, RS_BOARD_FONT_NODE, label, RS_BOARD_NODE_MAX_TEXT, 2,
                                   &w, &h);
      pango_size (style, context, label, &exact_w, &exact_h);
      g_assert_cmpfloat (w, ==, exact_w);
      g_assert_cmpfloat (h, ==, exact_h);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/word-measure/exact", test_exact);
  g_test_add_func ("/word-measure/declines", test_declines);
  g_test_add_func ("/word-measure/style-measures-alike", test_style_measures_alike);

  return g_test_run ();
}
