/* rs-test-hostile-labels.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table of hostile labels that every text export (SVG, DOT, GraphML, CSV, HTML) must
 * carry through as text: markup, entities, quotes, newlines, tabs, right-to-left text,
 * Japanese, a very long label, and CSV cells that a spreadsheet would run as a formula.
 * A test puts each one on an entity (and on a relation), exports, reads the file back
 * with a real parser of its format and finds the label unchanged.
 */

#pragma once

#include <glib.h>

typedef struct
{
  const char *name;   /* for test paths */
  const char *label;
} RsTestHostileLabel;

static const RsTestHostileLabel rs_test_hostile_labels[] = {
  { "markup",        "<script>alert(\"x\")</script>" },
  { "svg-element",   "</text><image href=\"http://example.invalid/x.png\"/><text>" },
  { "ampersand",     "AT&T & Co; &amp; &lt; &#x41;" },
  { "quotes",        "the \"Tick\" group's 'BRONZE BUTLER'" },
  { "backslashes",   "C:\\Users\\Public\\tick.exe \\\" \\n" },
  { "newline",       "first line\nsecond line" },
  { "crlf-tab",      "a\r\nb\tc" },
  { "dot-syntax",    "}; digraph x { a -> b [label=\"pwn\"] //" },
  { "html-label",    "<<b>bold</b>>" },
  { "rtl",           "\u202Egnp.exe \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627" },
  { "japanese",      "宇宙航空研究開発機構 (JAXA)" },
  { "cyrillic",      "Главное разведывательное управление" },
  { "emoji",         "🛰️ satellite 👩‍💻" },
  { "formula-eq",    "=HYPERLINK(\"http://example.invalid\",\"x\")" },
  { "formula-plus",  "+1+2" },
  { "formula-minus", "-2+3" },
  { "formula-at",    "@SUM(A1:A2)" },
  { "formula-tab",   "\t=1+1" },
  { "csv-syntax",    "a,b;\"c\"\n,d" },
  { "long",          "Unit 61419 of the Strategic Support Force of the People's Liberation Army, "
                     "which Japanese police say directed the attacks on some 200 organisations "
                     "including the Japan Aerospace Exploration Agency, the Ministry of Defence "
                     "and companies in aerospace, defence, electronics and communications" },
};
