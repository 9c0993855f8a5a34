/* rs-board-style.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-style"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rs-board-style.h"
#include "rs-text.h"
#include "rs-word-measure.h"

/* Colours, fonts and shapes of the board, one palette for light and one for dark.
 *
 * Kinds use Paul Tol's "muted" scheme (colour-blind safe for the common deficiencies) and
 * are told apart by shape and glyph as well, so nothing depends on hue alone. Measurement
 * caches live here because they are only valid for these fonts; a style is used from one
 * thread at a time. */

struct _RsBoardStyle
{
  gatomicrefcount ref_count;

  gboolean dark;

  RsBoardColor colors[RS_BOARD_COLOR_LAST];
  RsBoardColor kind_fill[RS_ENTITY_KIND_LAST];
  RsBoardColor kind_stroke[RS_ENTITY_KIND_LAST];

  /* Owned */
  PangoFontDescription *fonts[RS_BOARD_FONT_LAST];
  PangoContext         *measure_context;
  GHashTable           *measure_cache;
};

G_DEFINE_BOXED_TYPE (RsBoardStyle, rs_board_style, rs_board_style_ref, rs_board_style_unref)

#define MEASURE_CACHE_MAX 65536

typedef struct
{
  guint32 base;
  guint32 light_stroke;
  double  light_tint;
} KindColors;

static const KindColors kind_colors[RS_ENTITY_KIND_LAST] = {
  [RS_ENTITY_KIND_PERSON]         = { 0x332288, 0x332288, 0.20 },
  [RS_ENTITY_KIND_ORGANIZATION]   = { 0x44AA99, 0x2B7F70, 0.28 },
  [RS_ENTITY_KIND_GROUP]          = { 0x882255, 0x882255, 0.20 },
  [RS_ENTITY_KIND_UNIT]           = { 0x999933, 0x6F6F1F, 0.30 },
  [RS_ENTITY_KIND_LOCATION]       = { 0x117733, 0x117733, 0.22 },
  [RS_ENTITY_KIND_INFRASTRUCTURE] = { 0x88CCEE, 0x2F86B0, 0.38 },
  [RS_ENTITY_KIND_MALWARE]        = { 0xCC6677, 0xA8404F, 0.28 },
  [RS_ENTITY_KIND_VULNERABILITY]  = { 0xDDCC77, 0x927F22, 0.42 },
  [RS_ENTITY_KIND_EVENT]          = { 0xAA4499, 0x913783, 0.24 },
  [RS_ENTITY_KIND_OTHER]          = { 0x888888, 0x666666, 0.22 },
  [RS_ENTITY_KIND_TECHNIQUE]      = { 0x4477AA, 0x34628F, 0.24 },
  [RS_ENTITY_KIND_TOOL]           = { 0xEE7733, 0xB0531C, 0.28 },
  [RS_ENTITY_KIND_CAMPAIGN]       = { 0x225555, 0x225555, 0.26 },
};

static RsBoardColor
color_from_hex (guint32 hex,
                double  alpha)
{
  return (RsBoardColor) {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    alpha,
  };
}

static RsBoardColor
color_mix (RsBoardColor a,
           RsBoardColor b,
           double       t)
{
  return (RsBoardColor) {
    a.red + (b.red - a.red) * t,
    a.green + (b.green - a.green) * t,
    a.blue + (b.blue - a.blue) * t,
    a.alpha + (b.alpha - a.alpha) * t,
  };
}

static void
set_palette (RsBoardStyle *self)
{
  RsBoardColor *c = self->colors;
  RsBoardColor white = color_from_hex (0xffffff, 1);

  if (!self->dark)
    {
      c[RS_BOARD_COLOR_BACKGROUND] = color_from_hex (0xf6f5f4, 1);
      c[RS_BOARD_COLOR_GRID] = color_from_hex (0xd6d4d0, 1);
      c[RS_BOARD_COLOR_TEXT] = color_from_hex (0x1f1f23, 1);
      c[RS_BOARD_COLOR_TEXT_SECONDARY] = color_from_hex (0x4f4f57, 1);
      c[RS_BOARD_COLOR_EDGE] = color_from_hex (0x5e6470, 1);
      c[RS_BOARD_COLOR_EDGE_LABEL_BACKGROUND] = color_from_hex (0xf6f5f4, 0.88);
      c[RS_BOARD_COLOR_WARNING] = color_from_hex (0xd55e00, 1);
      c[RS_BOARD_COLOR_BADGE] = color_from_hex (0x3d3846, 1);
      c[RS_BOARD_COLOR_BADGE_TEXT] = color_from_hex (0xffffff, 1);
      c[RS_BOARD_COLOR_SELECTION] = color_from_hex (0x1c71d8, 1);
      c[RS_BOARD_COLOR_HOVER] = color_from_hex (0x3584e4, 0.55);
      c[RS_BOARD_COLOR_FOCUS] = color_from_hex (0x1c71d8, 0.9);
      c[RS_BOARD_COLOR_RUBBER_BAND] = color_from_hex (0x3584e4, 1);
      c[RS_BOARD_COLOR_LEGEND_BACKGROUND] = color_from_hex (0xffffff, 1);
      c[RS_BOARD_COLOR_LEGEND_BORDER] = color_from_hex (0xc8c6c2, 1);
      c[RS_BOARD_COLOR_STRING] = color_from_hex (0xc01c28, 1);
      c[RS_BOARD_COLOR_ADDED] = color_from_hex (0x26a269, 1);
      c[RS_BOARD_COLOR_CHANGED] = color_from_hex (0xe5a50a, 1);
    }
  else
    {
      c[RS_BOARD_COLOR_BACKGROUND] = color_from_hex (0x242424, 1);
      c[RS_BOARD_COLOR_GRID] = color_from_hex (0x3d3d3d, 1);
      c[RS_BOARD_COLOR_TEXT] = color_from_hex (0xeeeeec, 1);
      c[RS_BOARD_COLOR_TEXT_SECONDARY] = color_from_hex (0xc0bfbc, 1);
      c[RS_BOARD_COLOR_EDGE] = color_from_hex (0xa3aab5, 1);
      c[RS_BOARD_COLOR_EDGE_LABEL_BACKGROUND] = color_from_hex (0x242424, 0.88);
      c[RS_BOARD_COLOR_WARNING] = color_from_hex (0xff9248, 1);
      c[RS_BOARD_COLOR_BADGE] = color_from_hex (0xdeddda, 1);
      c[RS_BOARD_COLOR_BADGE_TEXT] = color_from_hex (0x1e1e1e, 1);
      c[RS_BOARD_COLOR_SELECTION] = color_from_hex (0x78aeed, 1);
      c[RS_BOARD_COLOR_HOVER] = color_from_hex (0x99c1f1, 0.6);
      c[RS_BOARD_COLOR_FOCUS] = color_from_hex (0x78aeed, 0.9);
      c[RS_BOARD_COLOR_RUBBER_BAND] = color_from_hex (0x78aeed, 1);
      c[RS_BOARD_COLOR_LEGEND_BACKGROUND] = color_from_hex (0x303030, 1);
      c[RS_BOARD_COLOR_LEGEND_BORDER] = color_from_hex (0x4a4a4a, 1);
      c[RS_BOARD_COLOR_STRING] = color_from_hex (0xff7b63, 1);
      c[RS_BOARD_COLOR_ADDED] = color_from_hex (0x57e389, 1);
      c[RS_BOARD_COLOR_CHANGED] = color_from_hex (0xf8e45c, 1);
    }

  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    {
      RsBoardColor base = color_from_hex (kind_colors[k].base, 1);

      if (!self->dark)
        {
          self->kind_stroke[k] = color_from_hex (kind_colors[k].light_stroke, 1);
          self->kind_fill[k] = color_mix (white, base, kind_colors[k].light_tint);
        }
      else
        {
          self->kind_stroke[k] = color_mix (base, white, 0.35);
          self->kind_fill[k] = color_mix (color_from_hex (0x2a2a2a, 1), base, 0.42);
        }
    }
}

RsBoardStyle *
rs_board_style_new (gboolean dark)
{
  RsBoardStyle *self = g_new0 (RsBoardStyle, 1);
  static const char * const font_names[RS_BOARD_FONT_LAST] = {
    [RS_BOARD_FONT_NODE] = "Cantarell, Sans 10",
    [RS_BOARD_FONT_EDGE] = "Cantarell, Sans 8.5",
    [RS_BOARD_FONT_BADGE] = "Cantarell, Sans Bold 7",
    [RS_BOARD_FONT_LEGEND] = "Cantarell, Sans 8",
  };

  g_atomic_ref_count_init (&self->ref_count);
  self->dark = !!dark;
  set_palette (self);

  for (guint i = 0; i < RS_BOARD_FONT_LAST; i++)
    self->fonts[i] = pango_font_description_from_string (font_names[i]);

  self->measure_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

RsBoardStyle *
rs_board_style_ref (RsBoardStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_board_style_unref (RsBoardStyle *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < RS_BOARD_FONT_LAST; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->measure_context);
  g_clear_pointer (&self->measure_cache, g_hash_table_unref);
  g_free (self);
}

gboolean
rs_board_style_get_dark (RsBoardStyle *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->dark;
}

const RsBoardColor *
rs_board_style_get_color (RsBoardStyle     *self,
                          RsBoardColorRole  role)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (role < RS_BOARD_COLOR_LAST, NULL);
  return &self->colors[role];
}

const RsBoardColor *
rs_board_style_get_kind_fill (RsBoardStyle *self,
                              RsEntityKind  kind)
{
  g_return_val_if_fail (self != NULL, NULL);

  if ((guint)kind >= RS_ENTITY_KIND_LAST)
    kind = RS_ENTITY_KIND_OTHER;
  return &self->kind_fill[kind];
}

const RsBoardColor *
rs_board_style_get_kind_stroke (RsBoardStyle *self,
                                RsEntityKind  kind)
{
  g_return_val_if_fail (self != NULL, NULL);

  if ((guint)kind >= RS_ENTITY_KIND_LAST)
    kind = RS_ENTITY_KIND_OTHER;
  return &self->kind_stroke[kind];
}

void
rs_board_style_get_status_stroke (RsBoardStyle     *self,
                                  RsRelationStatus  status,
                                  RsBoardStroke    *stroke)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (stroke != NULL);

  *stroke = (RsBoardStroke) {
    .color = self->colors[RS_BOARD_COLOR_EDGE],
    .width = 1.3,
  };

  switch (status)
    {
    case RS_RELATION_STATUS_ALLEGED:
      stroke->dashes[0] = 7;
      stroke->dashes[1] = 4;
      stroke->n_dashes = 2;
      break;

    case RS_RELATION_STATUS_REPORTED:
      stroke->dashes[0] = 3;
      stroke->dashes[1] = 2.5;
      stroke->n_dashes = 2;
      break;

    case RS_RELATION_STATUS_DISPUTED:
      stroke->color = self->colors[RS_BOARD_COLOR_WARNING];
      stroke->width = 1.6;
      stroke->dashes[0] = 8;
      stroke->dashes[1] = 3.5;
      stroke->n_dashes = 2;
      break;

    case RS_RELATION_STATUS_REFUTED:
      /* Round dots: a zero-length dash with round caps. */
      stroke->color = self->colors[RS_BOARD_COLOR_WARNING];
      stroke->width = 1.8;
      stroke->dashes[0] = 0;
      stroke->dashes[1] = 4;
      stroke->n_dashes = 2;
      stroke->round_caps = TRUE;
      stroke->struck = TRUE;
      break;

    case RS_RELATION_STATUS_CONFIRMED:
    default:
      stroke->color = self->colors[RS_BOARD_COLOR_TEXT_SECONDARY];
      stroke->width = 1.8;
      break;
    }
}

const PangoFontDescription *
rs_board_style_get_font (RsBoardStyle *self,
                         RsBoardFont   font)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (font < RS_BOARD_FONT_LAST, NULL);
  return self->fonts[font];
}

/* Metrics are unhinted and positions unrounded so a label measures the same at every zoom
 * and on every surface (screen, PNG, SVG, PDF); 72 dpi makes a point one board unit. */
PangoContext *
rs_board_style_create_context (RsBoardStyle *self,
                               cairo_t      *cr)
{
  PangoContext *context;
  cairo_font_options_t *options;

  g_return_val_if_fail (self != NULL, NULL);

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

PangoLayout *
rs_board_style_create_layout (RsBoardStyle *self,
                              PangoContext *context,
                              RsBoardFont   font,
                              const char   *text,
                              double        max_width,
                              int           max_lines)
{
  g_autofree char *bounded = NULL;
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (font < RS_BOARD_FONT_LAST, NULL);

  /* Callers pass display labels, but this is where Pango starts work: whatever text comes
   * in (an exporter's, a future caller's), no more than a label's worth is laid out. */
  bounded = rs_text_dup_for_label (text, RS_TEXT_LABEL_MAX_CHARS);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_auto_dir (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1);
    }
  pango_layout_set_text (layout, bounded, -1);

  return layout;
}

static void measure_with_pango (RsBoardStyle *self,
                                PangoContext *context,
                                RsBoardFont   font,
                                const char   *bounded,
                                double        max_width,
                                int           max_lines,
                                double       *width,
                                double       *height);

/* Labels the word measure must get exactly as Pango does before it is trusted with a
 * context's node labels: short and wrapped, kerning pairs on both sides of a space. */
static const char *const word_measure_probes[] = {
  "Papa Tango Bravo", "Alpha November Sierra Uniform Victor", "Unit 61419",
  "Tokyo Metropolitan Police Department", "Japan Aerospace Exploration Agency",
  "Ministry of Foreign Affairs of China", "AV To Ty Wa Yo LT PA", "Keio University",
  "Wang Wenbin", "Liberation Army of the People", "Mitsubishi Electric Corp.",
};

#define WORD_MEASURE_KEY "rs-board-style-word-measure"

/* The context's word measure for node labels, NULL when this font does not sum up
 * exactly (checked once per context, on the probes above). */
static RsWordMeasure *
get_word_measure (RsBoardStyle *self,
                  PangoContext *context)
{
  RsWordMeasure *words = g_object_get_data (G_OBJECT (context), WORD_MEASURE_KEY);

  if (words == NULL && g_object_get_data (G_OBJECT (context), WORD_MEASURE_KEY "-off") == NULL)
    {
      words = rs_word_measure_new (context, self->fonts[RS_BOARD_FONT_NODE]);
      for (guint i = 0; words != NULL && i < G_N_ELEMENTS (word_measure_probes); i++)
        {
          double fast_w, fast_h, exact_w, exact_h;

          /* One it leaves to Pango says nothing either way. */
          if (!rs_word_measure_text (words, word_measure_probes[i], RS_BOARD_NODE_MAX_TEXT, 2,
                                     &fast_w, &fast_h))
            continue;
          measure_with_pango (self, context, RS_BOARD_FONT_NODE, word_measure_probes[i],
                              RS_BOARD_NODE_MAX_TEXT, 2, &exact_w, &exact_h);
          if (fast_w != exact_w || fast_h != exact_h)
            {
              g_debug ("Node labels measured whole: “%s” sums to %g × %g, Pango says %g × %g",
                       word_measure_probes[i], fast_w, fast_h, exact_w, exact_h);
              g_clear_pointer (&words, rs_word_measure_free);
            }
        }
      if (words != NULL)
        g_object_set_data_full (G_OBJECT (context), WORD_MEASURE_KEY, words,
                                (GDestroyNotify)rs_word_measure_free);
      else
        g_object_set_data (G_OBJECT (context), WORD_MEASURE_KEY "-off", GINT_TO_POINTER (TRUE));
    }
  return words;
}

/* TRUE when TEXT is a node label of plain words, measured by the context's word
 * measure. Such a text is unchanged by rs_text_dup_for_label(), so it needs no copy. */
static gboolean
measure_words (RsBoardStyle *self,
               PangoContext *context,
               RsBoardFont   font,
               const char   *text,
               double        max_width,
               int           max_lines,
               double       *width,
               double       *height)
{
  RsWordMeasure *words;

  return font == RS_BOARD_FONT_NODE && text != NULL &&
         strlen (text) <= RS_TEXT_LABEL_MAX_CHARS &&
         (words = get_word_measure (self, context)) != NULL &&
         rs_word_measure_text (words, text, max_width, max_lines, width, height);
}

/* Any thread, with a context made in that thread (Pango's font maps are per thread). */
static void
measure_uncached (RsBoardStyle *self,
                  PangoContext *context,
                  RsBoardFont   font,
                  const char   *bounded,
                  double        max_width,
                  int           max_lines,
                  double       *width,
                  double       *height)
{
  if (!measure_words (self, context, font, bounded, max_width, max_lines, width, height))
    measure_with_pango (self, context, font, bounded, max_width, max_lines, width, height);
}

static void
measure_with_pango (RsBoardStyle *self,
                    PangoContext *context,
                    RsBoardFont   font,
                    const char   *bounded,
                    double        max_width,
                    int           max_lines,
                    double       *width,
                    double       *height)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  layout = rs_board_style_create_layout (self, context, font, bounded, max_width, max_lines);
  pango_layout_get_extents (layout, NULL, &logical);

  /* With a width set, the logical rect spans the whole width when centred: use the
   * widest line instead, which is what ink will occupy. */
  *width = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoRectangle line_logical;

      pango_layout_line_get_extents (l->data, NULL, &line_logical);
      *width = MAX (*width, line_logical.width / (double)PANGO_SCALE);
    }
  *height = logical.height / (double)PANGO_SCALE;
}

static char *
measure_key (RsBoardFont  font,
             double       max_width,
             int          max_lines,
             const char  *bounded)
{
  return g_strdup_printf ("%u|%g|%d|%s", font, max_width, max_lines, bounded);
}

static void
remember (RsBoardStyle *self,
          char         *key,
          double        width,
          double        height)
{
  double *cached;

  if (g_hash_table_size (self->measure_cache) >= MEASURE_CACHE_MAX)
    g_hash_table_remove_all (self->measure_cache);

  cached = g_new (double, 2);
  cached[0] = width;
  cached[1] = height;
  g_hash_table_insert (self->measure_cache, key, cached);
}

void
rs_board_style_measure_text (RsBoardStyle *self,
                             RsBoardFont   font,
                             const char   *text,
                             double        max_width,
                             int           max_lines,
                             double       *width,
                             double       *height)
{
  g_autofree char *bounded = NULL;
  g_autofree char *key = NULL;
  double *cached;

  g_return_if_fail (self != NULL);

  if (self->measure_context == NULL)
    self->measure_context = rs_board_style_create_context (self, NULL);

  /* A label of plain words is its own display label and sums up faster than the cache
   * would find it: no copy, no key, nothing kept. */
  if (measure_words (self, self->measure_context, font, text, max_width, max_lines, width, height))
    return;

  /* The key holds what create_layout will lay out, so it stays small too. */
  bounded = rs_text_dup_for_label (text, RS_TEXT_LABEL_MAX_CHARS);
  key = measure_key (font, max_width, max_lines, bounded);
  if ((cached = g_hash_table_lookup (self->measure_cache, key)))
    {
      *width = cached[0];
      *height = cached[1];
      return;
    }

  measure_uncached (self, self->measure_context, font, bounded, max_width, max_lines,
                    width, height);
  remember (self, g_steal_pointer (&key), *width, *height);
}

static void
node_size (RsBoardStyle *self,
           RsEntityKind  kind,
           double        text_w,
           double        text_h,
           double       *width,
           double       *height)
{
  double body_h, left, right, top, bottom;

  body_h = MAX (RS_BOARD_NODE_MIN_HEIGHT, ceil (text_h + 2 * RS_BOARD_NODE_PAD_Y));
  rs_board_style_get_shape_insets (rs_board_style_get_kind_shape (kind), body_h,
                                   &left, &right, &top, &bottom);

  *width = ceil (left + RS_BOARD_NODE_PAD_X + RS_BOARD_NODE_GLYPH + RS_BOARD_NODE_GLYPH_GAP +
                 MAX (text_w, 24) + RS_BOARD_NODE_PAD_X + right);
  *height = body_h + top + bottom;
}

void
rs_board_style_measure_node (RsBoardStyle *self,
                             RsEntityKind  kind,
                             const char   *label,
                             double       *width,
                             double       *height)
{
  double text_w, text_h;

  g_return_if_fail (self != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  rs_board_style_measure_text (self, RS_BOARD_FONT_NODE, label,
                               RS_BOARD_NODE_MAX_TEXT, 2, &text_w, &text_h);
  node_size (self, kind, text_w, text_h, width, height);
}

/* Below this many labels a second thread costs more (its own font map) than it saves. */
#define MEASURE_SPLIT_MIN 2000

typedef struct
{
  RsBoardStyle      *style;
  const char *const *labels;
  guint              start;
  guint              end;
  char             **bounded;   /* [n]: what was laid out, for the cache */
  double            *text_w;    /* [n] */
  double            *text_h;
} MeasureRange;

static gpointer
measure_range_thread (gpointer data)
{
  MeasureRange *range = data;
  PangoContext *context = rs_board_style_create_context (range->style, NULL);

  for (guint i = range->start; i < range->end; i++)
    {
      /* Plain words: measured, and nothing for the cache (bounded stays NULL). */
      if (measure_words (range->style, context, RS_BOARD_FONT_NODE, range->labels[i],
                         RS_BOARD_NODE_MAX_TEXT, 2, &range->text_w[i], &range->text_h[i]))
        continue;
      range->bounded[i] = rs_text_dup_for_label (range->labels[i], RS_TEXT_LABEL_MAX_CHARS);
      measure_uncached (range->style, context, RS_BOARD_FONT_NODE, range->bounded[i],
                        RS_BOARD_NODE_MAX_TEXT, 2, &range->text_w[i], &range->text_h[i]);
    }
  g_object_unref (context);
  return NULL;
}

/**
 * rs_board_style_measure_nodes:
 * @kinds: (array length=n_nodes)
 * @labels: (array length=n_nodes): display labels
 * @widths: (out caller-allocates) (array length=n_nodes)
 * @heights: (out caller-allocates) (array length=n_nodes)
 *
 * rs_board_style_measure_node() for many nodes, with the same sizes. A large board's
 * labels are measured by two threads (Pango shaping was a quarter of opening a
 * 20,000-entity case): the calling thread takes the first half through the cache, a
 * worker with its own Pango context the second, whose sizes join the cache after.
 */
void
rs_board_style_measure_nodes (RsBoardStyle       *self,
                              guint               n_nodes,
                              const RsEntityKind *kinds,
                              const char *const  *labels,
                              double             *widths,
                              double             *heights)
{
  MeasureRange range = { self, labels, 0, 0, NULL, NULL, NULL };
  GThread *thread = NULL;
  guint half = n_nodes;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n_nodes == 0 || (kinds != NULL && labels != NULL && widths != NULL &&
                                     heights != NULL));

  if (n_nodes >= MEASURE_SPLIT_MIN && g_get_num_processors () > 1)
    {
      half = n_nodes / 2;
      range.start = half;
      range.end = n_nodes;
      range.bounded = g_new0 (char *, n_nodes);
      range.text_w = g_new (double, n_nodes);
      range.text_h = g_new (double, n_nodes);
      thread = g_thread_try_new ("rs-measure", measure_range_thread, &range, NULL);
      if (thread == NULL)
        half = n_nodes;
    }

  for (guint i = 0; i < half; i++)
    rs_board_style_measure_node (self, kinds[i], labels[i], &widths[i], &heights[i]);

  if (thread != NULL)
    {
      g_thread_join (thread);
      for (guint i = half; i < n_nodes; i++)
        {
          node_size (self, kinds[i], range.text_w[i], range.text_h[i], &widths[i], &heights[i]);
          if (range.bounded[i] != NULL)
            remember (self, measure_key (RS_BOARD_FONT_NODE, RS_BOARD_NODE_MAX_TEXT, 2,
                                         range.bounded[i]),
                      range.text_w[i], range.text_h[i]);
        }
    }
  if (range.bounded != NULL)
    for (guint i = 0; i < n_nodes; i++)
      g_free (range.bounded[i]);
  g_free (range.bounded);
  g_free (range.text_w);
  g_free (range.text_h);
}

RsBoardShape
rs_board_style_get_kind_shape (RsEntityKind kind)
{
  switch (kind)
    {
    case RS_ENTITY_KIND_PERSON:         return RS_BOARD_SHAPE_PILL;
    case RS_ENTITY_KIND_ORGANIZATION:   return RS_BOARD_SHAPE_RECTANGLE;
    case RS_ENTITY_KIND_GROUP:          return RS_BOARD_SHAPE_HEXAGON;
    case RS_ENTITY_KIND_UNIT:           return RS_BOARD_SHAPE_FRAME;
    case RS_ENTITY_KIND_LOCATION:       return RS_BOARD_SHAPE_PIN;
    case RS_ENTITY_KIND_INFRASTRUCTURE: return RS_BOARD_SHAPE_CYLINDER;
    case RS_ENTITY_KIND_MALWARE:        return RS_BOARD_SHAPE_OCTAGON;
    case RS_ENTITY_KIND_VULNERABILITY:  return RS_BOARD_SHAPE_SLANT;
    case RS_ENTITY_KIND_EVENT:          return RS_BOARD_SHAPE_CALENDAR;
    case RS_ENTITY_KIND_TECHNIQUE:      return RS_BOARD_SHAPE_CHEVRON;
    case RS_ENTITY_KIND_TOOL:           return RS_BOARD_SHAPE_TRAPEZOID;
    case RS_ENTITY_KIND_CAMPAIGN:       return RS_BOARD_SHAPE_BANNER;
    case RS_ENTITY_KIND_OTHER:
    default:                            return RS_BOARD_SHAPE_ROUNDED;
    }
}

const char *
rs_board_style_get_kind_label (RsEntityKind kind)
{
  switch (kind)
    {
    case RS_ENTITY_KIND_PERSON:         return _("Person");
    case RS_ENTITY_KIND_ORGANIZATION:   return _("Organisation");
    case RS_ENTITY_KIND_GROUP:          return _("Threat group");
    case RS_ENTITY_KIND_UNIT:           return _("Unit");
    case RS_ENTITY_KIND_LOCATION:       return _("Place");
    case RS_ENTITY_KIND_INFRASTRUCTURE: return _("Infrastructure");
    case RS_ENTITY_KIND_MALWARE:        return _("Malware");
    case RS_ENTITY_KIND_VULNERABILITY:  return _("Vulnerability");
    case RS_ENTITY_KIND_EVENT:          return _("Event");
    case RS_ENTITY_KIND_TECHNIQUE:      return _("Technique");
    case RS_ENTITY_KIND_TOOL:           return _("Tool");
    case RS_ENTITY_KIND_CAMPAIGN:       return _("Campaign");
    case RS_ENTITY_KIND_OTHER:
    default:                            return _("Other");
    }
}

/* Room a shape takes around the label box: pointed ends, caps, tails. */
void
rs_board_style_get_shape_insets (RsBoardShape  shape,
                                 double        height,
                                 double       *left,
                                 double       *right,
                                 double       *top,
                                 double       *bottom)
{
  *left = *right = *top = *bottom = 0;

  switch (shape)
    {
    case RS_BOARD_SHAPE_PILL:
      *left = *right = height * 0.25;
      break;

    case RS_BOARD_SHAPE_HEXAGON:
      *left = *right = height * 0.32;
      break;

    case RS_BOARD_SHAPE_OCTAGON:
      *left = *right = height * 0.18;
      break;

    case RS_BOARD_SHAPE_SLANT:
      *left = *right = height * 0.28;
      break;

    case RS_BOARD_SHAPE_CHEVRON:
      *left = *right = height * 0.3;
      break;

    case RS_BOARD_SHAPE_TRAPEZOID:
      *left = *right = height * 0.24;
      break;

    case RS_BOARD_SHAPE_BANNER:
      *right = height * 0.3;
      break;

    case RS_BOARD_SHAPE_FRAME:
      *top = 5;
      break;

    case RS_BOARD_SHAPE_PIN:
      *bottom = 7;
      break;

    case RS_BOARD_SHAPE_CYLINDER:
      *top = 8;
      *bottom = 3;
      break;

    case RS_BOARD_SHAPE_CALENDAR:
      *top = 4;
      break;

    case RS_BOARD_SHAPE_RECTANGLE:
    case RS_BOARD_SHAPE_ROUNDED:
    default:
      break;
    }
}

/* Labels come from files and imports: make them one valid, bounded line. */
char *
rs_board_style_dup_display_label (const char *text)
{
  return rs_text_dup_for_label (text, RS_TEXT_LABEL_MAX_CHARS);
}

void
rs_board_color_set_source (cairo_t            *cr,
                           const RsBoardColor *color,
                           double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}
