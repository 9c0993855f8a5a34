/* rs-board-view-focus.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "rs-board-view-private.h"
#include "rs-text.h"

/* Keyboard focus between nodes, and tooltips. */

void
_rs_board_view_set_focus_node (RsBoardView *self,
                               gint64       entity_id,
                               gboolean     visible)
{
  guint index;

  self->focus_visible = visible;
  if (self->focus_node != entity_id)
    {
      self->focus_node = entity_id;
      _rs_board_view_update_accessible (self);
    }

  if (visible && self->scene != NULL && rs_board_scene_lookup_node (self->scene, entity_id, &index))
    _rs_board_view_scroll_to_node (self, index);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pan the least that brings the node fully into view, with a little room. */
void
_rs_board_view_scroll_to_node (RsBoardView *self,
                               guint        index)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double room = 32 / self->viewport.scale;
  RsBoardViewport vp = self->viewport;
  RsBoardRect rect, visible;

  if (width <= 0 || height <= 0)
    return;

  rs_board_scene_get_node_rect (self->scene, index, &rect);
  rs_board_rect_inflate (&rect, room, room);
  rs_board_viewport_get_visible (&vp, width, height, &visible);

  if (rect.width > visible.width || rect.height > visible.height)
    {
      rs_board_viewport_center_on (&vp, rect.x + rect.width / 2, rect.y + rect.height / 2, width,
                                   height);
    }
  else
    {
      if (rect.x < visible.x)
        vp.x = rect.x;
      else if (rect.x + rect.width > visible.x + visible.width)
        vp.x = rect.x + rect.width - visible.width;
      if (rect.y < visible.y)
        vp.y = rect.y;
      else if (rect.y + rect.height > visible.y + visible.height)
        vp.y = rect.y + rect.height - visible.height;
    }

  if (vp.x != self->viewport.x || vp.y != self->viewport.y)
    {
      self->auto_view = RS_BOARD_AUTO_VIEW_NONE;
      _rs_board_view_set_viewport (self, &vp);
    }
}

gboolean
_rs_board_view_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);
  gboolean forward = direction != GTK_DIR_TAB_BACKWARD && direction != GTK_DIR_UP &&
                     direction != GTK_DIR_LEFT;
  guint from = 0, next;
  gboolean has_from;

  if (self->scene == NULL)
    return FALSE;

  has_from = self->focus_node != 0 && rs_board_scene_lookup_node (self->scene, self->focus_node,
                                                                  &from);

  if (!gtk_widget_has_focus (widget))
    {
      if (!gtk_widget_grab_focus (widget))
        return FALSE;
      if (!has_from && rs_board_find_node_in_order (self->scene, FALSE, 0, forward, &next))
        _rs_board_view_set_focus_node (self, rs_board_scene_get_node (self->scene, next)->id, TRUE);
      else
        _rs_board_view_set_focus_node (self, self->focus_node, TRUE);
      return TRUE;
    }

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;

  /* Tab walks the nodes in reading order, then lets focus leave the board. */
  if (rs_board_find_node_in_order (self->scene, has_from, from, forward, &next))
    {
      _rs_board_view_set_focus_node (self, rs_board_scene_get_node (self->scene, next)->id, TRUE);
      return TRUE;
    }

  return FALSE;
}

static guint
count_quotes (RsCase   *kase,
              RsTarget  target,
              gint64    id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target, id);
  g_autoptr(GHashTable) quotes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new (gint64, MAX (evidence->len, 1));

  for (guint i = 0; i < evidence->len; i++)
    {
      RsEvidence *item = g_ptr_array_index (evidence, i);

      if (rs_evidence_get_stance (item) == RS_STANCE_CONTRADICTS)
        continue;
      ids[i] = rs_evidence_get_quote_id (item);
      g_hash_table_add (quotes, &ids[i]);
    }
  return g_hash_table_size (quotes);
}

static char *
support_line (guint n_quotes,
              guint n_documents)
{
  g_autofree char *quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes",
                                                          n_quotes),
                                             n_quotes);

  /* Translators: "3 quotes from 2 documents" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u document",
                                       "%s from %u documents",
                                       n_documents),
                          quotes, n_documents);
}

/* "A, B, C" for the tooltip: a case may give an entity any number of aliases of any length,
 * and the tooltip's label wraps all of it, so both are bounded. */
static char *
dup_aliases_line (char **aliases)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; aliases[i] != NULL && joined->len < RS_TEXT_ROW_MAX_CHARS * 4; i++)
    {
      g_autofree char *alias = rs_text_dup_for_label (aliases[i], RS_TEXT_LABEL_MAX_CHARS);

      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, alias);
    }
  return rs_text_dup_for_label (joined->str, RS_TEXT_ROW_MAX_CHARS);
}

gboolean
_rs_board_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);
  RsTarget target;
  gint64 id;
  guint index;
  g_autofree char *support = NULL;
  g_autofree char *markup = NULL;

  /* Not over a popover the board holds (an editor opened on a node). */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return FALSE;

  if (keyboard_mode)
    {
      if (self->focus_node == 0)
        return FALSE;
      target = RS_TARGET_ENTITY;
      id = self->focus_node;
    }
  else if (!rs_board_view_pick (self, x, y, &target, &id))
    return FALSE;

  if (target == RS_TARGET_ENTITY && rs_board_scene_lookup_node (self->scene, id, &index))
    {
      const RsBoardNode *node = rs_board_scene_get_node (self->scene, index);
      g_autofree char *name = rs_text_dup_for_label (node->name, RS_TEXT_ROW_MAX_CHARS);
      g_autofree char *aliases = NULL;

      support = support_line (count_quotes (self->kase, target, id), node->n_documents);
      if (node->aliases != NULL && node->aliases[0] != NULL)
        {
          g_autofree char *joined = dup_aliases_line (node->aliases);

          aliases = g_strdup_printf ("%s %s\n", _("Also known as"), joined);
        }
      markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n%s%s", name,
                                        rs_entity_kind_to_display (node->kind),
                                        aliases ? aliases : "", support);
    }
  else if (target == RS_TARGET_RELATION && rs_board_scene_lookup_edge (self->scene, id, &index))
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (self->scene, index);

      support = support_line (count_quotes (self->kase, target, id), edge->n_documents);
      markup = g_markup_printf_escaped ("%s %s <b>%s</b> %s %s\n%s\n%s",
                                        rs_board_scene_get_node (self->scene, edge->source)->label,
                                        edge->directed ? "→" : "—",
                                        edge->label,
                                        edge->directed ? "→" : "—",
                                        rs_board_scene_get_node (self->scene, edge->target)->label,
                                        rs_relation_status_to_display (edge->status),
                                        support);
    }
  else
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}
