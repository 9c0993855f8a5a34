/* test-story.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "rs-board-scene.h"
#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-story-export.h"
#include "rs-story-timeline.h"
#include "rs-test-utils.h"
#include "rs-undo-stack.h"

/* The storyline of presentation mode: views captured, captioned, moved and deleted,
 * each a command — in the file, in the model, undone and redone exactly, and kept
 * across a reopen. */

typedef struct
{
  char        *path;
  RsCaseStore *store;
  RsUndoStack *stack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = rs_test_make_sample_file ("story.redstring");
  fixture->store = rs_case_store_open (fixture->path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  fixture->stack = rs_undo_stack_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

static RsCase *
kase (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

static void
push (Fixture  *fixture,
      RsChange *change)
{
  g_assert_nonnull (change);
  rs_undo_stack_push (fixture->stack, change);
  g_object_unref (change);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->store);
  fixture->store = rs_case_store_open (fixture->path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  fixture->stack = rs_undo_stack_new (fixture->store);
}

/* The storyline's captions in order, joined with "|", with a check that the positions
 * are 0, 1, 2, … */
static char *
captions (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = rs_case_dup_story_views (kase (fixture));
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_cmpuint (views->len, ==, g_list_model_get_n_items (rs_case_get_story_views (kase (fixture))));
  for (guint i = 0; i < views->len; i++)
    {
      RsStoryView *view = g_ptr_array_index (views, i);

      g_assert_cmpuint (rs_story_view_get_position (view), ==, i);
      g_assert_true (rs_case_lookup_story_view (kase (fixture), rs_story_view_get_id (view)) == view);
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, rs_story_view_get_caption (view));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gint64
capture (Fixture    *fixture,
         const char *caption,
         double      x)
{
  g_autoptr(GError) error = NULL;
  RsEntity *tick = rs_case_lookup_entity_by_name (kase (fixture), "Tick");
  const char *shown[] = { rs_entity_get_uid (tick), "relation-uid", NULL };
  const char *highlighted[] = { rs_entity_get_uid (tick), NULL };
  gint64 id = 0;

  push (fixture, rs_case_edit_add_story_view (fixture->store, caption, x, -20, 300, 200,
                                              x > 0 ? shown : NULL, highlighted, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

#define assert_captions(fixture, expected) \
  G_STMT_START { g_autofree char *got = captions (fixture); g_assert_cmpstr (got, ==, expected); } G_STMT_END

static void
test_capture (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RsEntity *tick = rs_case_lookup_entity_by_name (kase (fixture), "Tick");
  gint64 a, b;
  RsStoryView *view;
  double x, y, w, h;

  assert_captions (fixture, "");
  a = capture (fixture, "Everything", 0);
  b = capture (fixture, "Tick alone", 50.5);
  assert_captions (fixture, "Everything|Tick alone");

  view = rs_case_lookup_story_view (kase (fixture), a);
  g_assert_null (rs_story_view_get_shown (view));
  g_assert_true (rs_story_view_shows (view, "anything"));

  reopen (fixture);
  tick = rs_case_lookup_entity_by_name (kase (fixture), "Tick");
  assert_captions (fixture, "Everything|Tick alone");
  view = rs_case_lookup_story_view (kase (fixture), b);
  g_assert_nonnull (view);
  rs_story_view_get_camera (view, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 50.5);
  g_assert_cmpfloat (y, ==, -20);
  g_assert_cmpfloat (w, ==, 300);
  g_assert_cmpfloat (h, ==, 200);
  g_assert_cmpuint (g_strv_length ((char **)rs_story_view_get_shown (view)), ==, 2);
  g_assert_true (rs_story_view_shows (view, rs_entity_get_uid (tick)));
  g_assert_true (rs_story_view_shows (view, "relation-uid"));
  g_assert_false (rs_story_view_shows (view, "other"));
  g_assert_true (rs_story_view_highlights (view, rs_entity_get_uid (tick)));
  g_assert_false (rs_story_view_highlights (view, "relation-uid"));
  g_assert_null (rs_story_view_get_shown (rs_case_lookup_story_view (kase (fixture), a)));

  /* A view that shows nothing is not "everything". */
  {
    const char *none[] = { NULL };
    gint64 id = 0;

    push (fixture, rs_case_edit_add_story_view (fixture->store, "Empty", 0, 0, 1, 1, none, NULL,
                                                &id, &error));
    g_assert_no_error (error);
    reopen (fixture);
    tick = rs_case_lookup_entity_by_name (kase (fixture), "Tick");
    view = rs_case_lookup_story_view (kase (fixture), id);
    g_assert_nonnull (rs_story_view_get_shown (view));
    g_assert_false (rs_story_view_shows (view, rs_entity_get_uid (tick)));
  }
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b, c;

  a = capture (fixture, "A", 0);
  b = capture (fixture, "B", 1);
  c = capture (fixture, "C", 2);
  assert_captions (fixture, "A|B|C");

  /* Move C to the front, then A to the end. */
  push (fixture, rs_case_edit_move_story_view (fixture->store, c, 0, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "C|A|B");
  push (fixture, rs_case_edit_move_story_view (fixture->store, a, 2, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "C|B|A");

  push (fixture, rs_case_edit_set_story_caption (fixture->store, b, "Bee", &error));
  g_assert_no_error (error);
  assert_captions (fixture, "C|Bee|A");

  push (fixture, rs_case_edit_delete_story_view (fixture->store, c, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "Bee|A");
  g_assert_null (rs_case_lookup_story_view (kase (fixture), c));

  reopen (fixture);
  assert_captions (fixture, "Bee|A");
  /* The undo history is in memory: build it again and take it back step by step. */
  push (fixture, rs_case_edit_move_story_view (fixture->store, a, 0, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "A|Bee");
  push (fixture, rs_case_edit_delete_story_view (fixture->store, b, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "A");

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "A|Bee");
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  assert_captions (fixture, "Bee|A");
  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  assert_captions (fixture, "A|Bee");
  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  assert_captions (fixture, "A");
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);

  reopen (fixture);
  assert_captions (fixture, "A|Bee");
}

static void
test_undo_in_one_session (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  a = capture (fixture, "A", 0);
  b = capture (fixture, "B", 1);
  push (fixture, rs_case_edit_set_story_caption (fixture->store, a, "Alpha", &error));
  push (fixture, rs_case_edit_move_story_view (fixture->store, b, 0, &error));
  push (fixture, rs_case_edit_delete_story_view (fixture->store, a, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "B");

  for (guint i = 0; i < 5; i++)
    g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "");
  for (guint i = 0; i < 5; i++)
    g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  g_assert_no_error (error);
  assert_captions (fixture, "B");
  g_assert_nonnull (rs_case_lookup_story_view (kase (fixture), b));
  {
    g_autofree char *label = rs_undo_stack_dup_undo_label (fixture->stack);

    g_assert_cmpstr (label, ==, "Undo Delete a view");
  }
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  const char *bad_uids[] = { "ok", "two\nlines", NULL };
  const char *empty_uid[] = { "", NULL };
  g_autofree char *long_caption = g_strnfill (1001, 'x');
  gint64 a = capture (fixture, "A", 0);
  GError *error = NULL;

#define REFUSED(call)                                                           \
  G_STMT_START {                                                                \
    g_assert_null (call);                                                       \
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);                   \
    g_assert_cmpstr (error->message, !=, "");                                   \
    g_clear_error (&error);                                                     \
  } G_STMT_END
  REFUSED (rs_case_edit_add_story_view (fixture->store, "x", 0, 0, 0, 10, NULL, NULL, NULL, &error));
  REFUSED (rs_case_edit_add_story_view (fixture->store, "x", 0, 0, 10, -1, NULL, NULL, NULL, &error));
  REFUSED (rs_case_edit_add_story_view (fixture->store, "x", NAN, 0, 10, 10, NULL, NULL, NULL, &error));
  REFUSED (rs_case_edit_add_story_view (fixture->store, "x", 0, INFINITY, 10, 10, NULL, NULL, NULL, &error));
  REFUSED (rs_case_edit_add_story_view (fixture->store, "\xff", 0, 0, 10, 10, NULL, NULL, NULL, &error));
  REFUSED (rs_case_edit_add_story_view (fixture->store, long_caption, 0, 0, 10, 10, NULL, NULL, NULL, &error));
  REFUSED (rs_case_edit_add_story_view (fixture->store, "x", 0, 0, 10, 10, bad_uids, NULL, NULL, &error));
  REFUSED (rs_case_edit_add_story_view (fixture->store, "x", 0, 0, 10, 10, NULL, empty_uid, NULL, &error));
  REFUSED (rs_case_edit_set_story_caption (fixture->store, a + 100, "y", &error));
  REFUSED (rs_case_edit_set_story_caption (fixture->store, a, "\xc3", &error));
  REFUSED (rs_case_edit_move_story_view (fixture->store, a, 1, &error));
  REFUSED (rs_case_edit_move_story_view (fixture->store, a, 0, &error));
  REFUSED (rs_case_edit_move_story_view (fixture->store, a + 100, 0, &error));
  REFUSED (rs_case_edit_delete_story_view (fixture->store, a + 100, &error));
#undef REFUSED

  /* Nothing was written, nothing pushed. */
  assert_captions (fixture, "A");
  reopen (fixture);
  assert_captions (fixture, "A");
}

static void
test_corrupt_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rs_test_make_sample_file ("corrupt-story.redstring");
  g_autoptr(RsCaseStore) store = NULL;

  rs_test_raw_exec (path, "INSERT INTO story_view (uid, position, camera_x, camera_y, camera_width,"
                          " camera_height) VALUES ('u', 0, 1e999, 0, 1, 1)");
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* The names of the entities a view lists (shown or highlighted), sorted, joined with
 * ","; relations are left out. */
static char *
names_of (RsCase             *kase,
          const char * const *uids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *entities = rs_case_get_entities (kase);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      if (g_strv_contains (uids, rs_entity_get_uid (entity)))
        g_ptr_array_add (names, (gpointer)rs_entity_get_name (entity));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **)names->pdata);
}

static void
test_timeline (void)
{
  static const char json[] =
    "{\"format\": \"redstring-case\", \"version\": 1,"
    " \"entities\": ["
    "  {\"id\": \"a\", \"kind\": \"group\", \"name\": \"A\"},"
    "  {\"id\": \"b\", \"kind\": \"group\", \"name\": \"B\"},"
    "  {\"id\": \"c\", \"kind\": \"group\", \"name\": \"C\"},"
    "  {\"id\": \"d\", \"kind\": \"group\", \"name\": \"D\"},"
    "  {\"id\": \"e\", \"kind\": \"group\", \"name\": \"E\"}],"
    " \"relations\": ["
    "  {\"id\": \"ab\", \"source\": \"a\", \"target\": \"b\", \"label\": \"knows\"}],"
    " \"events\": ["
    "  {\"id\": \"e1\", \"date\": \"2021-03\", \"precision\": \"month\", \"title\": \"March\","
    "   \"entities\": [\"b\"]},"
    "  {\"id\": \"e2\", \"date\": \"2021-02-15\", \"precision\": \"day\", \"title\": \"Ides\","
    "   \"entities\": [\"c\"]},"
    "  {\"id\": \"e3\", \"date\": \"2021\", \"precision\": \"year\", \"title\": \"Year\","
    "   \"entities\": [\"d\"]},"
    "  {\"id\": \"e4\", \"date\": \"2021-03-01\", \"precision\": \"day\", \"title\": \"First\","
    "   \"entities\": [\"c\", \"e\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("timeline.redstring");
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GPtrArray) steps = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  /* "2021" counts from 1 January, "March 2021" from 1 March: with 1 March itself. */
  static const struct { const char *shown, *highlighted, *titles; } expected[] = {
    { "A,D", "D", "Year" },
    { "A,C,D", "C", "Ides" },
    { "A,B,C,D,E", "B,C,E", "March; First" },
  };

  g_assert_true (rs_bundle_import_bytes (store, bytes, &error));
  g_assert_no_error (error);

  steps = rs_story_timeline_build (kase);
  g_assert_cmpuint (steps->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < steps->len; i++)
    {
      RsStoryView *view = g_ptr_array_index (steps, i);
      g_autofree char *shown = names_of (kase, rs_story_view_get_shown (view));
      g_autofree char *highlighted = names_of (kase, rs_story_view_get_highlighted (view));
      RsRelation *ab = g_list_model_get_item (rs_case_get_relations (kase), 0);

      g_assert_cmpstr (shown, ==, expected[i].shown);
      g_assert_cmpstr (highlighted, ==, expected[i].highlighted);
      if (strstr (rs_story_view_get_caption (view), expected[i].titles) == NULL)
        g_error ("step %u: “%s” does not name “%s”", i, rs_story_view_get_caption (view),
                 expected[i].titles);
      /* A relation has no date: it shows whenever both its ends do. */
      g_assert_true (rs_story_view_shows (view, rs_relation_get_uid (ab)));
      g_object_unref (ab);
    }
}

/* A storyline view narrows the board by uid: the rest is dimmed, or removed. */
static void
test_filter_shown_uids (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rs_test_make_sample_file ("filter.redstring");
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsRelation) relation = g_list_model_get_item (rs_case_get_relations (kase), 0);
  RsEntity *source = rs_case_lookup_entity (kase, rs_relation_get_source_id (relation));
  RsEntity *target = rs_case_lookup_entity (kase, rs_relation_get_target_id (relation));
  const char *uids[] = { rs_entity_get_uid (source), rs_entity_get_uid (target),
                         rs_relation_get_uid (relation), NULL };

  g_assert_no_error (error);
  g_assert_false (rs_board_filter_get_active (filter));
  rs_board_filter_set_shown_uids (filter, uids);
  g_assert_true (rs_board_filter_get_active (filter));

  for (guint remove = 0; remove < 2; remove++)
    {
      g_autoptr(RsBoardScene) scene = NULL;
      RsBoardItemFlags hidden = remove ? RS_BOARD_ITEM_REMOVED : RS_BOARD_ITEM_DIMMED;
      guint n_shown = 0, index;

      rs_board_filter_set_remove_hidden (filter, remove);
      scene = rs_board_scene_new (kase, filter, style);
      for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (scene, i);
          gboolean listed = node->id == rs_entity_get_id (source) || node->id == rs_entity_get_id (target);

          g_assert_cmpint (!!(node->flags & hidden), ==, !listed);
          n_shown += listed;
        }
      g_assert_cmpuint (n_shown, ==, 2);
      g_assert_true (rs_board_scene_lookup_edge (scene, rs_relation_get_id (relation), &index));
      g_assert_false (rs_board_scene_get_edge (scene, index)->flags & hidden);
      for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
        if (i != index)
          g_assert_true (rs_board_scene_get_edge (scene, i)->flags & hidden);
    }

  rs_board_filter_reset (filter);
  g_assert_true (rs_board_filter_shows_uid (filter, "anything"));
  g_assert_false (rs_board_filter_get_has_shown_uids (filter));
}

/* Every entity on a grid, as a layout would leave them. */
static void
place_grid (RsCaseStore *store)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (RsNodePlacement));
  g_autoptr(GError) error = NULL;
  GListModel *entities = rs_case_get_entities (rs_case_store_get_case (store));

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      RsNodePlacement node = { 0 };

      node.entity_id = rs_entity_get_id (entity);
      node.x = (i % 6) * 220.0;
      node.y = (i / 6) * 140.0;
      g_array_append_val (nodes, node);
    }
  g_assert_true (rs_case_store_set_board (store, (RsNodePlacement *)nodes->data, nodes->len,
                                          NULL, 0, &error));
  g_assert_no_error (error);
}

static char *
run (const char *command_line)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command_line, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The share of a PNG's pixels that are not near white. */
static double
ink_of_png (const char *path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  guint ink = 0, n;
  int width, height, stride;
  const guchar *data;

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (png);
  width = cairo_image_surface_get_width (png);
  height = cairo_image_surface_get_height (png);
  stride = cairo_image_surface_get_stride (png);
  data = cairo_image_surface_get_data (png);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *)(data + y * stride + x * 4);

        if (((pixel >> 16) & 0xff) < 200 || ((pixel >> 8) & 0xff) < 200 || (pixel & 0xff) < 200)
          ink++;
      }
  n = (guint)(width * height);
  cairo_surface_destroy (png);
  return (double)ink / MAX (n, 1);
}

/* Hand-outs: one page per view, each with the board on it. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("story-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "hand-outs.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autofree char *info = NULL;
  g_autofree char *command = NULL;

  g_assert_no_error (error);

  /* An empty storyline has nothing to hand out, and writes nothing. */
  g_assert_false (rs_story_export_pdf (kase (fixture), file, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_EXPORT_FAILED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  place_grid (fixture->store);
  capture (fixture, "Everything shown", 0);  /* x 0: no uids, everything */
  capture (fixture, "Tick, close up", 10);   /* Tick and one more uid */
  push (fixture, rs_case_edit_add_story_view (fixture->store, "A corner", -50, -50, 500, 300, NULL,
                                              NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (rs_story_export_pdf (kase (fixture), file, &error));
  g_assert_no_error (error);
  command = g_strdup_printf ("pdfinfo '%s'", path);
  info = run (command);
  if (strstr (info, "Pages:           3\n") == NULL)
    g_error ("Not three pages:\n%s", info);

  for (guint page = 1; page <= 3; page++)
    {
      /* Kept in G_TEST_BUILDDIR for a human to look at. */
      g_autofree char *prefix = g_strdup_printf ("%s/story-hand-out-page-%u",
                                                 g_test_get_dir (G_TEST_BUILT), page);
      g_autofree char *png = g_strdup_printf ("%s.png", prefix);
      g_autofree char *render = g_strdup_printf ("pdftoppm -png -r 40 -singlefile -f %u -l %u '%s' '%s'",
                                                 page, page, path, prefix);
      g_autofree char *out = run (render);
      double ink = ink_of_png (png);

      g_test_message ("page %u: %.1f%% ink, %s", page, ink * 100, png);
      g_assert_cmpfloat (ink, >, 0.01);
      g_assert_cmpfloat (ink, <, 0.9);
    }

  /* A folder that is not there: an error, no file. */
  g_assert_false (rs_story_export_pdf (kase (fixture), nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

#define ADD(path, func) \
  g_test_add ("/story/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("capture", test_capture);
  ADD ("undo-redo", test_undo_redo);
  ADD ("undo-in-one-session", test_undo_in_one_session);
  ADD ("refused", test_refused);
  ADD ("export-pdf", test_export_pdf);
#undef ADD
  g_test_add_func ("/story/corrupt-file", test_corrupt_file);
  g_test_add_func ("/story/timeline", test_timeline);
  g_test_add_func ("/story/filter-shown-uids", test_filter_shown_uids);

  return g_test_run ();
}
