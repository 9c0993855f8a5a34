/* test-date-phrase.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-date-phrase.h"
#include "rs-error.h"

/* The report date most cases use: Tuesday 20 April 2021, the day of both seed
 * reports (tests/data has their story; sentences below are quoted from them). */
#define REF "2021-04-20"

#define Y  RS_DATE_PRECISION_YEAR
#define M  RS_DATE_PRECISION_MONTH
#define D  RS_DATE_PRECISION_DAY
#define R  RS_DATE_PRECISION_RANGE

#define NONE     RS_DATE_QUALIFIER_NONE
#define AT_LEAST RS_DATE_QUALIFIER_AT_LEAST
#define ABOUT    RS_DATE_QUALIFIER_ABOUT
#define EARLY    RS_DATE_QUALIFIER_EARLY
#define MID      RS_DATE_QUALIFIER_MID
#define LATE     RS_DATE_QUALIFIER_LATE
#define BEFORE   RS_DATE_QUALIFIER_BEFORE
#define AFTER    RS_DATE_QUALIFIER_AFTER

typedef struct
{
  const char      *text;
  const char      *reference;
  const char      *span;       /* the words the phrase covers, as they appear in text */
  const char      *start;
  const char      *end;
  RsDatePrecision  precision;
  RsDateQualifier  qualifier;
  gboolean         relative;
} PhraseCase;

static const PhraseCase phrase_cases[] = {
  /* Years and ranges of years */
  { "2016", REF, "2016", "2016", NULL, Y, NONE, FALSE },
  { "The attacks took place in 2016.", REF, "2016", "2016", NULL, Y, NONE, FALSE },
  { "2016-2017", REF, "2016-2017", "2016", "2017", R, NONE, FALSE },
  { "active 2016–2017 in Asia", REF, "2016–2017", "2016", "2017", R, NONE, FALSE },
  { "2016 – 2017", REF, "2016 – 2017", "2016", "2017", R, NONE, FALSE },
  { "from 2016 to 2017", REF, "from 2016 to 2017", "2016", "2017", R, NONE, FALSE },
  { "between 2016 and 2017", REF, "between 2016 and 2017", "2016", "2017", R, NONE, FALSE },
  { "the 2016/17 campaign", REF, "2016/17", "2016", "2017", R, NONE, FALSE },
  { "the 2011-12 season", REF, "2011-12", "2011", "2012", R, NONE, FALSE },
  { "companies from 2016-2017, NHK said", REF, "2016-2017", "2016", "2017", R, NONE, FALSE },
  /* Months */
  { "February 2021", REF, "February 2021", "2021-02", NULL, M, NONE, FALSE },
  { "in Feb. 2021 the group", REF, "Feb. 2021", "2021-02", NULL, M, NONE, FALSE },
  { "Sept 2019", REF, "Sept 2019", "2019-09", NULL, M, NONE, FALSE },
  { "in March of 2020", REF, "March of 2020", "2020-03", NULL, M, NONE, FALSE },
  { "It happened in March.", REF, "March", "2021-03", NULL, M, NONE, TRUE },
  { "in December", REF, "December", "2020-12", NULL, M, NONE, TRUE },
  { "February to April 2021", REF, "February to April 2021", "2021-02", "2021-04", R, NONE, FALSE },
  { "2021-02", REF, "2021-02", "2021-02", NULL, M, NONE, FALSE },
  /* Days */
  { "20 April 2021", REF, "20 April 2021", "2021-04-20", NULL, D, NONE, FALSE },
  { "April 20, 2021", REF, "April 20, 2021", "2021-04-20", NULL, D, NONE, FALSE },
  { "to prosecutors on April 20 “on suspicion", REF, "April 20", "2021-04-20", NULL, D, NONE, TRUE },
  { "on April 20th", REF, "April 20th", "2021-04-20", NULL, D, NONE, TRUE },
  { "the 3rd of March 2019", REF, "3rd of March 2019", "2019-03-03", NULL, D, NONE, FALSE },
  { "on May 2", "2021-01-10", "May 2", "2020-05-02", NULL, D, NONE, TRUE },
  { "2021-04-20", REF, "2021-04-20", "2021-04-20", NULL, D, NONE, FALSE },
  { "on 20/04/2021", REF, "20/04/2021", "2021-04-20", NULL, D, NONE, FALSE },
  { "on 4/20/2021", REF, "4/20/2021", "2021-04-20", NULL, D, NONE, FALSE },
  { "04/05/2021", REF, "04/05/2021", "2021-04-05", "2021-05-04", R, NONE, FALSE },
  { "20.04.2021", REF, "20.04.2021", "2021-04-20", NULL, D, NONE, FALSE },
  { "April 12–18, 2021", REF, "April 12–18, 2021", "2021-04-12", "2021-04-18", R, NONE, FALSE },
  { "12-18 April 2021", REF, "12-18 April 2021", "2021-04-12", "2021-04-18", R, NONE, FALSE },
  /* Qualifiers */
  { "dating to at least 2009", REF, "at least 2009", "2009", NULL, Y, AT_LEAST, FALSE },
  { "The group has been active since at least 2009.", REF, "since at least 2009", "2009", NULL,
    Y, AT_LEAST, FALSE },
  { "as early as 2009", REF, "as early as 2009", "2009", NULL, Y, AT_LEAST, FALSE },
  { "around 2018", REF, "around 2018", "2018", NULL, Y, ABOUT, FALSE },
  { "about 2018", REF, "about 2018", "2018", NULL, Y, ABOUT, FALSE },
  { "approximately 2018", REF, "approximately 2018", "2018", NULL, Y, ABOUT, FALSE },
  { "circa 2018", REF, "circa 2018", "2018", NULL, Y, ABOUT, FALSE },
  { "built c. 2018", REF, "c. 2018", "2018", NULL, Y, ABOUT, FALSE },
  { "early 2020", REF, "early 2020", "2020", NULL, Y, EARLY, FALSE },
  { "in mid-2019", REF, "mid-2019", "2019", NULL, Y, MID, FALSE },
  { "late 2020", REF, "late 2020", "2020", NULL, Y, LATE, FALSE },
  { "a hack in late February in which", REF, "late February", "2021-02", NULL, M, LATE, TRUE },
  { "mid-February 2020", REF, "mid-February 2020", "2020-02", NULL, M, MID, FALSE },
  { "by the end of 2020", REF, "end of 2020", "2020", NULL, Y, LATE, FALSE },
  { "before 2015", REF, "before 2015", "2015", NULL, Y, BEFORE, FALSE },
  { "by 2015", REF, "by 2015", "2015", NULL, Y, BEFORE, FALSE },
  { "until 2015", REF, "2015", "2015", NULL, Y, NONE, FALSE },
  { "after 2015", REF, "after 2015", "2015", NULL, Y, AFTER, FALSE },
  { "since 2015", REF, "since 2015", "2015", NULL, Y, AFTER, FALSE },
  { "the 2016 attacks on JAXA", REF, "2016", "2016", NULL, Y, NONE, FALSE },
  { "2016’s budget", REF, "2016", "2016", NULL, Y, NONE, FALSE },
  { "In May, the group", REF, "May", "2021-05", NULL, M, NONE, TRUE },
  { "after Sept. 11 the", REF, "after Sept. 11", "2020-09-11", NULL, D, AFTER, TRUE },
  { "since the 1990s", REF, "since the 1990s", "1990", "1999", R, AFTER, FALSE },
  /* Decades */
  { "in the 1990s", REF, "1990s", "1990", "1999", R, NONE, FALSE },
  { "the mid-2000s", REF, "mid-2000s", "2000", "2009", R, MID, FALSE },
  { "the early 2010s", REF, "early 2010s", "2010", "2019", R, EARLY, FALSE },
  /* Relative to the report of Tuesday 20 April 2021 */
  { "in Washington last week", REF, "last week", "2021-04-12", "2021-04-18", R, NONE, TRUE },
  { "spoke to NHK this week", REF, "this week", "2021-04-19", "2021-04-25", R, NONE, TRUE },
  { "last month", REF, "last month", "2021-03", NULL, M, NONE, TRUE },
  { "last year", REF, "last year", "2020", NULL, Y, NONE, TRUE },
  { "this year", REF, "this year", "2021", NULL, Y, NONE, TRUE },
  { "earlier this year", REF, "earlier this year", "2021-01-01", "2021-04-20", R, NONE, TRUE },
  { "late last year", REF, "late last year", "2020", NULL, Y, LATE, TRUE },
  { "yesterday", REF, "yesterday", "2021-04-19", NULL, D, NONE, TRUE },
  { "today", REF, "today", "2021-04-20", NULL, D, NONE, TRUE },
  { "the broadcaster said Tuesday.", REF, "Tuesday", "2021-04-20", NULL, D, NONE, TRUE },
  { "NHK reported on Tuesday", REF, "Tuesday", "2021-04-20", NULL, D, NONE, TRUE },
  { "last Tuesday", REF, "last Tuesday", "2021-04-13", NULL, D, NONE, TRUE },
  { "on Friday", REF, "Friday", "2021-04-16", NULL, D, NONE, TRUE },
  { "two years ago", REF, "two years ago", "2019", NULL, Y, NONE, TRUE },
  { "three months ago", REF, "three months ago", "2021-01", NULL, M, NONE, TRUE },
  { "5 days ago", REF, "5 days ago", "2021-04-15", NULL, D, NONE, TRUE },
  { "two weeks ago", REF, "two weeks ago", "2021-04-05", "2021-04-11", R, NONE, TRUE },
  { "last February", REF, "last February", "2021-02", NULL, M, NONE, TRUE },
  { "last week", "2021-01-05", "last week", "2020-12-28", "2021-01-03", R, NONE, TRUE },
  { "earlier this year", "2021-04", "earlier this year", "2021-01", "2021-04", R, NONE, TRUE },
  /* Japanese */
  { "2021年4月20日", REF, "2021年4月20日", "2021-04-20", NULL, D, NONE, FALSE },
  { "2021年4月に", REF, "2021年4月", "2021-04", NULL, M, NONE, FALSE },
  { "JAXAは2016年に攻撃を受けた", REF, "2016年", "2016", NULL, Y, NONE, FALSE },
  { "２０１６年から２０１７年", REF, "２０１６年から２０１７年", "2016", "2017", R, NONE, FALSE },
  { "警視庁は4月20日、", REF, "4月20日", "2021-04-20", NULL, D, NONE, TRUE },
};

static void
assert_phrase (const RsDatePhrase *phrase,
               const PhraseCase   *c)
{
  const char *hit = strstr (c->text, c->span);
  glong start, end;
  RsFuzzyDate *date = rs_date_phrase_get_date (phrase);
  g_autofree char *date_start = rs_fuzzy_date_dup_start (date);
  g_autofree char *date_end = rs_fuzzy_date_dup_end (date);

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (c->text, hit);
  end = start + g_utf8_strlen (c->span, -1);

  g_test_message ("%s → [%ld, %ld) %s %s", c->text, rs_date_phrase_get_start (phrase),
                  rs_date_phrase_get_end (phrase), date_start, date_end ? date_end : "");
  g_assert_cmpint (rs_date_phrase_get_start (phrase), ==, start);
  g_assert_cmpint (rs_date_phrase_get_end (phrase), ==, end);
  g_assert_cmpstr (date_start, ==, c->start);
  g_assert_cmpstr (date_end, ==, c->end);
  g_assert_cmpint (rs_fuzzy_date_get_precision (date), ==, c->precision);
  g_assert_cmpint (rs_fuzzy_date_get_qualifier (date), ==, c->qualifier);
  g_assert_cmpint (rs_date_phrase_is_relative (phrase), ==, c->relative);
  g_assert_true (g_utf8_validate (rs_date_phrase_get_reason (phrase), -1, NULL));
  g_assert_nonnull (strstr (rs_date_phrase_get_reason (phrase), c->span));
}

/* Each phrasing alone: find_all sees exactly it, and read picks it. */
static void
test_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (phrase_cases), >=, 40);

  for (guint i = 0; i < G_N_ELEMENTS (phrase_cases); i++)
    {
      const PhraseCase *c = &phrase_cases[i];
      g_autoptr(GPtrArray) all = rs_date_phrase_find_all (c->text, c->reference);
      g_autoptr(GError) error = NULL;
      g_autoptr(RsDatePhrase) read = NULL;

      if (all->len != 1)
        g_error ("“%s”: %u phrases found, expected 1", c->text, all->len);
      assert_phrase (g_ptr_array_index (all, 0), c);

      read = rs_date_phrase_read (c->text, c->reference, &error);
      g_assert_no_error (error);
      assert_phrase (read, c);
    }
}

/* Numbers that are not dates, and words that only look like them. */
static const char *negatives[] = {
  "Unit 61419",
  "a member of unit 61419 – a bureau",
  "CVE-2021-1234",
  "CVE-2017-0144 (EternalBlue)",
  "technique T1566 (phishing)",
  "some 200 organisations",
  "some 2000 organisations",
  "about 2000 companies were hit",
  "1,000",
  "1,000,000 dollars",
  "Graphviz 2.42",
  "version 2.2016",
  "from 192.168.20.20",
  "10.0.2016.1",
  "call +81-3-2016-4567",
  "call (03) 2016-4567",
  "MS17-010",
  "sha256 3f2a2016b7c9e0d1",
  "d41d8cd98f00b204e9800998ecf8427e",
  "in 1850",
  "by 2150",
  "the year 0",
  "port 2020",
  "$2016",
  "©2021 Bloomberg L.P.",
  "a 2048-bit key",
  "in his 30s",
  "20:16",
  "may be March",
  "the May 35 plan",
  "on February 30, 2021",
  "2021-13-01",
  "2021-1234",
  "2017-2016",
  "Tuesdays",
  "lasted five times",
  "Windows Server 2016",
  "Microsoft Exchange 2019",
  "at least 2000 people",
  "more than 2000 victims",
  "April Smith said",
  "2014-2015-2016",
  "the March on Washington",
  "",
  "   ",
};

static void
test_negatives (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (negatives); i++)
    {
      g_autoptr(GPtrArray) all = rs_date_phrase_find_all (negatives[i], REF);
      g_autoptr(GError) error = NULL;
      g_autoptr(RsDatePhrase) read = NULL;

      if (all->len != 0)
        g_error ("“%s” read as a date: “%s”", negatives[i],
                 rs_date_phrase_get_reason (g_ptr_array_index (all, 0)));
      read = rs_date_phrase_read (negatives[i], REF, &error);
      g_assert_null (read);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* Relative phrases need the report's date: without one they are skipped, and a
 * selection of only such a phrase says what is missing. */
static void
test_without_reference (void)
{
  static const char *relative[] = {
    "last week", "Tuesday", "April 20", "in March", "earlier this year", "two years ago",
  };
  g_autoptr(GPtrArray) mixed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (relative); i++)
    {
      g_autoptr(GPtrArray) all = rs_date_phrase_find_all (relative[i], NULL);
      g_autoptr(GPtrArray) bad_ref = rs_date_phrase_find_all (relative[i], "not a date");
      g_autoptr(GError) error = NULL;
      g_autoptr(RsDatePhrase) read = rs_date_phrase_read (relative[i], NULL, &error);

      g_assert_cmpuint (all->len, ==, 0);
      g_assert_cmpuint (bad_ref->len, ==, 0);
      g_assert_null (read);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    }

  /* Absolute dates need none, and a year-only reference still resolves years. */
  mixed = rs_date_phrase_find_all ("since at least 2009 and last week, last year", "2021");
  g_assert_cmpuint (mixed->len, ==, 2);
  g_assert_cmpint (rs_date_phrase_get_start (g_ptr_array_index (mixed, 0)), ==, 0);
  g_assert_true (rs_date_phrase_is_relative (g_ptr_array_index (mixed, 1)));
  {
    g_autofree char *year = rs_fuzzy_date_dup_start (rs_date_phrase_get_date (g_ptr_array_index (mixed, 1)));
    g_assert_cmpstr (year, ==, "2020");
  }
}

typedef struct
{
  const char *span;
  const char *start;
  const char *end;
  RsDateQualifier qualifier;
} Expected;

typedef struct
{
  const char     *text;
  const Expected  dates[6];
} SeedCase;

/* Sentences quoted from the two seed reports of 20 April 2021 (Bloomberg, "Chinese
 * Military Seen Behind Japan Cyber-Attacks, NHK Says", and "Report: Chinese
 * Military Hacked Japan’s Space Agency, Defense Firms"), short quotations for
 * testing; every date in them, in order. */
static const SeedCase seed_cases[] = {
  { "The investigators found a member of China’s Communist Party made contracts under a false "
    "name for rental servers in Japan that were used in the attacks on the Japanese space agency "
    "JAXA in 2016, the broadcaster said Tuesday.",
    { { "2016", "2016", NULL, NONE }, { "Tuesday", "2021-04-20", NULL, NONE } } },
  { "The cybersecurity firm FireEye Inc., which characterizes Tick as a suspected Chinese "
    "espionage group with attacks dating to at least 2009, has seen it target hundreds of "
    "Japanese organizations.",
    { { "at least 2009", "2009", NULL, AT_LEAST } } },
  { "In addition, the cybersecurity firm ESET documented that Tick conducted a hack in late "
    "February in which the group used a flaw in Microsoft Corp.’s Exchange software for email, "
    "which was patched days later, to target an IT company in East Asia.",
    { { "late February", "2021-02", NULL, LATE } } },
  { "In the recently reported incident, a Chinese systems engineer in his 30s, who is a Chinese "
    "Communist Party member, was referred to prosecutors over his alleged involvement in the "
    "attacks, according to Kyodo News, which cited unnamed investigative sources.",
    { { NULL } } },
  { "The topic of ties with China dominated the agenda at Prime Minister Yoshihide Suga’s summit "
    "with U.S. President Joe Biden in Washington last week.",
    { { "last week", "2021-04-12", "2021-04-18", NONE } } },
  { "He told a regular news briefing Tuesday cyber-attacks on infrastructure were becoming "
    "more organized.",
    { { "Tuesday", "2021-04-20", NULL, NONE } } },
  { "China’s People’s Liberation Army (PLA) allegedly ordered a hacker group to conduct "
    "cyberattacks on roughly 200 Japanese research institutions, defense firms, and companies "
    "from 2016-2017, Japan’s public broadcaster NHK reported on Tuesday.",
    { { "2016-2017", "2016", "2017", NONE }, { "Tuesday", "2021-04-20", NULL, NONE } } },
  { "The Tokyo Metropolitan Police Department referred a male member of the Chinese Communist "
    "Party (CCP) to prosecutors on April 20 “on suspicion of forging digital records related to "
    "the cyberattacks,” according to NHK.",
    { { "April 20", "2021-04-20", NULL, NONE } } },
  { "Tokyo police have since “identified a Chinese man who had leased several servers in Japan "
    "that were allegedly used in the attack [on JAXA],” NHK wrote on April 20, citing "
    "unidentified sources involved in the police investigation.",
    { { "April 20", "2021-04-20", NULL, NONE } } },
  { "“Meanwhile, another Chinese man is also said to have rented several servers in Japan using "
    "fake identities. This was allegedly under the instruction of a member of unit 61419 – a "
    "bureau in charge of cyberattacks within China’s PLA,” the NHK further alleged in its report "
    "on Tuesday.",
    { { "Tuesday", "2021-04-20", NULL, NONE } } },
  { "“Unit 61419, located in the eastern Chinese city of Qingdao, Shandong Province, is "
    "responsible for cyberattacks on Japan and South Korea,” Japan’s Kyodo News reported on "
    "Tuesday, citing its own unnamed sources within the Tokyo police investigation.",
    { { "Tuesday", "2021-04-20", NULL, NONE } } },
  { "A JAXA spokesperson spoke to NHK this week and confirmed the Japanese space agency “did "
    "experience unauthorized access, but suffered no data leaks or other damage.”",
    { { "this week", "2021-04-19", "2021-04-25", NONE } } },
  { "Japan has been seeking to beef up its cyber defenses in recent months.\n\n©2021 Bloomberg L.P.",
    { { NULL } } },
};

static void
test_seed_sentences (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    {
      const SeedCase *c = &seed_cases[i];
      g_autoptr(GPtrArray) all = rs_date_phrase_find_all (c->text, REF);
      const char *from = c->text;
      guint n = 0;

      while (n < G_N_ELEMENTS (c->dates) && c->dates[n].span != NULL)
        n++;
      if (all->len != n)
        g_error ("%u dates in “%s”, expected %u", all->len, c->text, n);

      for (guint k = 0; k < n; k++)
        {
          const Expected *e = &c->dates[k];
          RsDatePhrase *phrase = g_ptr_array_index (all, k);
          RsFuzzyDate *date = rs_date_phrase_get_date (phrase);
          const char *hit = strstr (from, e->span);
          g_autofree char *start = rs_fuzzy_date_dup_start (date);
          g_autofree char *end = rs_fuzzy_date_dup_end (date);
          glong offset;

          g_assert_nonnull (hit);
          offset = g_utf8_pointer_to_offset (c->text, hit);
          g_assert_cmpint (rs_date_phrase_get_start (phrase), ==, offset);
          g_assert_cmpint (rs_date_phrase_get_end (phrase), ==,
                           offset + g_utf8_strlen (e->span, -1));
          g_assert_cmpstr (start, ==, e->start);
          g_assert_cmpstr (end, ==, e->end);
          g_assert_cmpint (rs_fuzzy_date_get_qualifier (date), ==, e->qualifier);
          from = hit + strlen (e->span);
        }
    }
}

/* Offsets count characters, not bytes: "é", "’", a Japanese line and an emoji
 * before the date all count one each. */
static void
test_character_offsets (void)
{
  /* 20 characters (30 bytes) before "since". */
  const char *text = "Café’s 東京 😀 report: since at least 2009 and late 2020.";
  g_autoptr(GPtrArray) all = rs_date_phrase_find_all (text, REF);

  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (rs_date_phrase_get_start (g_ptr_array_index (all, 0)), ==, 20);
  g_assert_cmpint (rs_date_phrase_get_end (g_ptr_array_index (all, 0)), ==, 39);
  g_assert_cmpint (rs_date_phrase_get_start (g_ptr_array_index (all, 1)), ==, 44);
  g_assert_cmpint (rs_date_phrase_get_end (g_ptr_array_index (all, 1)), ==, 53);
  g_assert_cmpint (g_utf8_strlen (text, -1), ==, 54);
}

/* A selection with several dates: the one it is about, not when it was reported. */
static void
test_read_picks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatePhrase) phrase = NULL;
  g_autofree char *start = NULL;

  phrase = rs_date_phrase_read ("NHK said on Tuesday that the attacks began in 2016.", REF, &error);
  g_assert_no_error (error);
  start = rs_fuzzy_date_dup_start (rs_date_phrase_get_date (phrase));
  g_assert_cmpstr (start, ==, "2016");
  g_assert_true (rs_date_phrase_is_reporting (phrase) == FALSE);

  g_clear_pointer (&phrase, rs_date_phrase_unref);
  g_clear_pointer (&start, g_free);
  phrase = rs_date_phrase_read ("The servers were rented on Tuesday.", REF, &error);
  g_assert_no_error (error);
  start = rs_fuzzy_date_dup_start (rs_date_phrase_get_date (phrase));
  g_assert_cmpstr (start, ==, "2021-04-20");

  g_clear_pointer (&phrase, rs_date_phrase_unref);
  phrase = rs_date_phrase_read ("no date here at all", REF, &error);
  g_assert_null (phrase);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  phrase = rs_date_phrase_read ("\xff\xfe 2016", REF, &error);
  g_assert_null (phrase);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
}

/* A date typed into a field: the plain forms, or one whole phrase; the field's own
 * qualifier wins; anything else around the phrase is refused. */
static void
test_read_typed (void)
{
  static const struct {
    const char      *text;
    RsDateQualifier  qualifier;
    const char      *reference;
    const char      *start;
    const char      *end;
    RsDatePrecision  precision;
    RsDateQualifier  expected_qualifier;
  } ok[] = {
    { "2009", RS_DATE_QUALIFIER_NONE, NULL, "2009", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_NONE },
    { "2016 – 2017", RS_DATE_QUALIFIER_NONE, NULL, "2016", "2017", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE },
    { "late February 2021", RS_DATE_QUALIFIER_NONE, NULL, "2021-02", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_LATE },
    { "  at least 2009 ", RS_DATE_QUALIFIER_NONE, NULL, "2009", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_AT_LEAST },
    { "20 April 2021", RS_DATE_QUALIFIER_NONE, NULL, "2021-04-20", NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE },
    { "Tuesday", RS_DATE_QUALIFIER_NONE, "2021-04-21", "2021-04-20", NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE },
    { "late February 2021", RS_DATE_QUALIFIER_ABOUT, NULL, "2021-02", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_ABOUT },
  };
  static const char *bad[] = { "sometime", "Tuesday", "late February 2021 or so", "2009 and 2010 too", "" };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsFuzzyDate) date = rs_date_phrase_read_typed (ok[i].text, ok[i].qualifier,
                                                               ok[i].reference, &error);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (date);
      start = rs_fuzzy_date_dup_start (date);
      end = rs_fuzzy_date_dup_end (date);
      g_assert_cmpstr (start, ==, ok[i].start);
      g_assert_cmpstr (end, ==, ok[i].end);
      g_assert_cmpint (rs_fuzzy_date_get_precision (date), ==, ok[i].precision);
      g_assert_cmpint (rs_fuzzy_date_get_qualifier (date), ==, ok[i].expected_qualifier);
    }

  /* "Tuesday" without a reference, phrases with words around them, nothing at all. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsFuzzyDate) date = rs_date_phrase_read_typed (bad[i], RS_DATE_QUALIFIER_NONE,
                                                               NULL, &error);

      g_assert_null (date);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-phrase/table", test_table);
  g_test_add_func ("/date-phrase/negatives", test_negatives);
  g_test_add_func ("/date-phrase/without-reference", test_without_reference);
  g_test_add_func ("/date-phrase/seed-sentences", test_seed_sentences);
  g_test_add_func ("/date-phrase/character-offsets", test_character_offsets);
  g_test_add_func ("/date-phrase/read-picks", test_read_picks);

  g_test_add_func ("/date-phrase/read-typed", test_read_typed);
  return g_test_run ();
}
