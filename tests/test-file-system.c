/* test-file-system.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rs-file-system.h"
#include "rs-test-utils.h"

/* Where a case lives (issue 21): statfs's magic numbers, table-driven, and the real
 * call on the test's own temporary folder. */

static void
test_classify_type (void)
{
  static const struct
  {
    guint64           f_type;
    RsFileSystemKind  kind;
    const char       *name;
  } cases[] = {
    { 0x6969,                              RS_FILE_SYSTEM_NETWORK, "NFS" },
    { 0x517B,                              RS_FILE_SYSTEM_NETWORK, "SMB" },
    { 0xFF534D42,                          RS_FILE_SYSTEM_NETWORK, "CIFS" },
    { 0xFE534D42,                          RS_FILE_SYSTEM_NETWORK, "SMB2" },
    { 0x5346414F,                          RS_FILE_SYSTEM_NETWORK, "AFS" },
    { 0x01021997,                          RS_FILE_SYSTEM_NETWORK, "9P" },
    { 0x00C36400,                          RS_FILE_SYSTEM_NETWORK, "Ceph" },
    { 0x65735546,                          RS_FILE_SYSTEM_FUSE,    "FUSE" },
    { 0x6B414653,                          RS_FILE_SYSTEM_NETWORK, "AFS" },
    { 0x73757245,                          RS_FILE_SYSTEM_NETWORK, "Coda" },
    { 0x564C,                              RS_FILE_SYSTEM_NETWORK, "NCP" },
    { 0x0BD00BD0,                          RS_FILE_SYSTEM_NETWORK, "Lustre" },
    { 0x47504653,                          RS_FILE_SYSTEM_NETWORK, "GPFS" },
    /* f_type sign-extended, as a signed long holds CIFS on some ABIs */
    { G_GUINT64_CONSTANT (0xFFFFFFFFFF534D42), RS_FILE_SYSTEM_NETWORK, "CIFS" },
    { 0xEF53,                              RS_FILE_SYSTEM_LOCAL,   NULL },   /* ext4 */
    { 0x9123683E,                          RS_FILE_SYSTEM_LOCAL,   NULL },   /* btrfs */
    { 0x01021994,                          RS_FILE_SYSTEM_LOCAL,   NULL },   /* tmpfs */
    { 0x794C7630,                          RS_FILE_SYSTEM_LOCAL,   NULL },   /* overlayfs */
    { 0x58465342,                          RS_FILE_SYSTEM_LOCAL,   NULL },   /* xfs */
    { 0,                                   RS_FILE_SYSTEM_LOCAL,   NULL },
    /* near misses: 9P's neighbour is tmpfs, NFS's a byte off */
    { 0x6968,                              RS_FILE_SYSTEM_LOCAL,   NULL },
    { 0x65735547,                          RS_FILE_SYSTEM_LOCAL,   NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *name = "unset";

      g_test_message ("f_type 0x%" G_GINT64_MODIFIER "x", cases[i].f_type);
      g_assert_cmpint (rs_file_system_classify_type (cases[i].f_type, &name), ==, cases[i].kind);
      g_assert_cmpstr (name, ==, cases[i].name);
      /* the name is optional */
      g_assert_cmpint (rs_file_system_classify_type (cases[i].f_type, NULL), ==, cases[i].kind);
    }
}

/* The test's own folder is on the build machine's disk (tmpfs, ext4, overlay): local.
 * A file not yet made is judged by its folder. */
static void
test_classify_path (void)
{
  g_autofree char *path = rs_test_temp_path ("fs.redstring");
  g_autofree char *dir = g_path_get_dirname (path);
  /* Not owned: the call must set them (to NULL, for a local disk). */
  char *name = (char *)"unset";
  char *missing_name = (char *)"unset";

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
  g_assert_cmpint (rs_file_system_classify (dir, &name), ==, RS_FILE_SYSTEM_LOCAL);
  g_assert_null (name);
  g_assert_cmpint (rs_file_system_classify (path, NULL), ==, RS_FILE_SYSTEM_LOCAL);
  g_remove (path);
  g_assert_cmpint (rs_file_system_classify (path, &missing_name), ==, RS_FILE_SYSTEM_LOCAL);
  g_assert_null (missing_name);
  /* Nowhere at all: cannot be told, taken as local rather than a false alarm. */
  g_assert_cmpint (rs_file_system_classify ("/nonexistent-rs/x/y.redstring", NULL), ==,
                   RS_FILE_SYSTEM_LOCAL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file-system/classify-type", test_classify_type);
  g_test_add_func ("/file-system/classify-path", test_classify_path);
  return g_test_run ();
}
