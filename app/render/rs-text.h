/* rs-text.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Caps, in characters, on text from a case before it reaches a label. Case files come from
 * colleagues and are untrusted; Pango's work (itemising, shaping, line breaking, and
 * GtkLabel's height-for-width searches) grows with the text, so every label measures a
 * bounded copy. The full text stays in the model and is read where the user reads details:
 * the source viewer's GtkTextView (which lays out lazily) and the note editor. */

/* A board node shows two lines of 130 pt (about 50 characters) and an edge label two of
 * 150 pt: 200 is far more than ever shows, so Pango still places its own ellipsis, while
 * shaping stays a few hundred glyphs. Also a name inside a heading or a sentence. */
#define RS_TEXT_LABEL_MAX_CHARS 200

/* A list row (an event title, a quote, a note preview, a tooltip) wraps over a few lines of
 * a ~380 px panel: 500 characters is about ten full lines, more than a row shows. */
#define RS_TEXT_ROW_MAX_CHARS   500

char *rs_text_dup_for_label (const char *text,
                             guint       max_chars);

G_END_DECLS
