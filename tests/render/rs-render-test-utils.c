/* rs-render-test-utils.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rs-render-test-utils.h"

/* Put every entity of the case on a grid, in list order, through the store. */
void
rs_render_test_place_grid (RsCaseStore *store,
                           guint        columns,
                           double       step_x,
                           double       step_y)
{
  GListModel *entities = rs_case_get_entities (rs_case_store_get_case (store));
  guint n = g_list_model_get_n_items (entities);
  g_autofree RsNodePlacement *nodes = g_new0 (RsNodePlacement, MAX (n, 1));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      nodes[i].entity_id = rs_entity_get_id (entity);
      nodes[i].x = (i % columns) * step_x;
      nodes[i].y = (i / columns) * step_y;
    }

  g_assert_true (rs_case_store_set_board (store, nodes, n, NULL, 0, &error));
  g_assert_no_error (error);
}

gint64
rs_render_test_entity_id (RsCaseStore *store,
                          const char  *name)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), name);

  g_assert_nonnull (entity);
  return rs_entity_get_id (entity);
}

gint64
rs_render_test_document_id (RsCaseStore *store,
                            const char  *publisher_prefix)
{
  GListModel *documents = rs_case_get_documents (rs_case_store_get_case (store));

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RsDocument) document = g_list_model_get_item (documents, i);

      if (g_str_has_prefix (rs_document_get_publisher (document), publisher_prefix))
        return rs_document_get_id (document);
    }

  g_assert_not_reached ();
  return 0;
}

/* Un-premultiplied colour of one pixel of an ARGB32 image surface. */
void
rs_render_test_read_pixel (cairo_surface_t *surface,
                           int              x,
                           int              y,
                           RsBoardColor    *color)
{
  const guint8 *data;
  guint32 pixel;
  double a;

  cairo_surface_flush (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  data = cairo_image_surface_get_data (surface);
  pixel = *(const guint32 *)(data + y * cairo_image_surface_get_stride (surface) + 4 * x);
  a = ((pixel >> 24) & 0xff) / 255.0;
  color->alpha = a;
  color->red = a > 0 ? ((pixel >> 16) & 0xff) / 255.0 / a : 0;
  color->green = a > 0 ? ((pixel >> 8) & 0xff) / 255.0 / a : 0;
  color->blue = a > 0 ? (pixel & 0xff) / 255.0 / a : 0;
}

gboolean
rs_render_test_color_near (const RsBoardColor *a,
                           const RsBoardColor *b,
                           double              tolerance)
{
  return fabs (a->red - b->red) <= tolerance &&
         fabs (a->green - b->green) <= tolerance &&
         fabs (a->blue - b->blue) <= tolerance;
}
