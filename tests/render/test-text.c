/* test-text.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-text.h"

typedef struct
{
  const char *name;
  const char *text;
  guint       max_chars;
  const char *expected;
} LabelCase;

static const LabelCase label_cases[] = {
  { "null", NULL, 10, "" },
  { "empty", "", 10, "" },
  { "ascii-short", "Tick", 10, "Tick" },
  { "ascii-exactly-at-cap", "abcde", 5, "abcde" },
  { "ascii-one-over", "abcdef", 5, "abcd…" },
  { "ascii-cap-one", "abcdef", 1, "…" },
  /* The cut never leaves a space before the ellipsis. */
  { "ascii-space-at-cut", "abc defgh", 5, "abc…" },
  /* Two-byte and three-byte characters: cut on a character, never inside one. */
  { "utf8-two-byte", "ÜÜÜÜÜÜ", 4, "ÜÜÜ…" },
  { "utf8-three-byte", "中国人民解放军", 4, "中国人…" },
  { "utf8-exactly-at-cap", "中国人民", 4, "中国人民" },
  /* e + COMBINING ACUTE: the cap falls between a letter and its mark, so both go. */
  { "combining-mark", "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 4, "e\xcc\x81…" },
  /* A ZWJ emoji sequence is one cluster. */
  { "emoji-zwj", "ab\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", 4,
    "ab…" },
  /* Right-to-left text is cut in logical order; the mark stays with its letter. */
  { "rtl-hebrew", "שלום עולם", 6, "שלום…" },
  { "rtl-arabic-marks", "مَرْحَبًا", 3, "مَ…" },
  { "rtl-exactly-at-cap", "שלום", 4, "שלום" },
  /* One line: breaks, tabs and runs of spaces become one space, ends trimmed. */
  { "newlines", "Unit\n61398\r\n\tPLA", 100, "Unit 61398 PLA" },
  { "paragraph-separators", "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", 100, "a b c" },
  { "whitespace-trimmed", "  \n a  \n ", 100, "a" },
  { "whitespace-only", " \n\t ", 100, "" },
  { "newline-at-cut", "abcd\n\nefgh", 6, "abcd…" },
  { "control-dropped", "ab\x01" "cd\x7f", 100, "abcd" },
  { "invalid-utf8", "ab\xff" "cd", 100, "ab\xef\xbf\xbd" "cd" },
  { "truncated-sequence", "ab\xe4\xb8", 100, "ab\xef\xbf\xbd\xef\xbf\xbd" },
};

static void
assert_label (const char *label,
              guint       max_chars)
{
  g_assert_nonnull (label);
  g_assert_true (g_utf8_validate (label, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (label, -1), <=, max_chars);
  g_assert_null (strchr (label, '\n'));
  g_assert_null (strchr (label, '\r'));
  g_assert_null (strchr (label, '\t'));
}

static void
test_label_case (gconstpointer data)
{
  const LabelCase *c = data;
  g_autofree char *label = rs_text_dup_for_label (c->text, c->max_chars);
  g_autofree char *again = NULL;

  g_assert_cmpstr (label, ==, c->expected);
  assert_label (label, c->max_chars);

  /* A label is its own label: binding it twice changes nothing. */
  again = rs_text_dup_for_label (label, c->max_chars);
  g_assert_cmpstr (again, ==, label);
}

/* 30,000 characters come back as the cap, whatever they are made of. */
static void
test_label_huge (void)
{
  const char *units[] = { "W", "Ünicode ", "中", "e\xcc\x81", "שלום ", "line\n" };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) huge = g_string_new (NULL);
      g_autofree char *label = NULL;
      glong unit_chars = g_utf8_strlen (units[i], -1);

      for (glong n = 0; n < 30000; n += unit_chars)
        g_string_append (huge, units[i]);

      label = rs_text_dup_for_label (huge->str, 200);
      assert_label (label, 200);
      g_assert_cmpint (g_utf8_strlen (label, -1), >=, 190);
      g_assert_true (g_str_has_suffix (label, "…"));
    }
}

/* One letter under thousands of marks is a single cluster longer than the cap: it is cut
 * inside, because a bounded label matters more than that cluster. */
static void
test_label_huge_cluster (void)
{
  g_autoptr(GString) zalgo = g_string_new ("a");
  g_autofree char *label = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (zalgo, "\xcc\x81");

  label = rs_text_dup_for_label (zalgo->str, 10);
  assert_label (label, 10);
  g_assert_true (g_str_has_prefix (label, "a"));
  g_assert_true (g_str_has_suffix (label, "…"));
}

static void
test_label_precondition (void)
{
  char *label;

  g_test_expect_message ("rs-text", G_LOG_LEVEL_CRITICAL, "*max_chars > 0*");
  label = rs_text_dup_for_label ("abc", 0);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (label, ==, "");
  g_free (label);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (label_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/text/label/%s", label_cases[i].name);

      g_test_add_data_func (path, &label_cases[i], test_label_case);
    }
  g_test_add_func ("/render/text/label/huge", test_label_huge);
  g_test_add_func ("/render/text/label/huge-cluster", test_label_huge_cluster);
  g_test_add_func ("/render/text/label/precondition", test_label_precondition);

  return g_test_run ();
}
