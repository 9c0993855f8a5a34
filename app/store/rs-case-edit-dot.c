/* rs-case-edit-dot.c: a Graphviz DOT file into the case as one undoable change (issue 19)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-edit-dot"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-dot-import.h"
#include "rs-entity.h"
#include "rs-error.h"
#include "rs-relation.h"

/* The file is read first (rs_dot_graph_read_*(), app/import), so a bad file changes
 * nothing; here every node becomes a new entity (placed where the file's pos says,
 * pinned there; otherwise left to the layout) and every edge between two nodes a
 * relation. Nodes are not matched with the case's entities by name: two "Tick"
 * entities are for the analyst to merge, not for an import to guess. */

RsChange *
rs_case_edit_import_dot (RsCaseStore  *store,
                         RsDotGraph   *graph,
                         const char   *title,
                         GError      **error)
{
  g_autofree gint64 *ids = NULL;
  g_autofree char *label = NULL;
  guint n_nodes, n_edges;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_nodes = rs_dot_graph_get_n_nodes (graph);
  n_edges = rs_dot_graph_get_n_edges (graph);
  if (n_nodes == 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("The graph has no nodes to import"));
      return NULL;
    }

  ids = g_new0 (gint64, n_nodes);
  if (title == NULL || *title == '\0')
    title = *rs_dot_graph_get_name (graph) != '\0' ? rs_dot_graph_get_name (graph) : _("graph");
  label = g_strdup_printf (_("Import “%s”"), title);

  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  /* One transaction for thousands of rows. */
  if (!rs_case_store_begin_batch (store, error))
    {
      rs_case_store_cancel_change (store);
      return NULL;
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const RsDotNode *node = rs_dot_graph_get_node (graph, i);
      g_autoptr(RsEntity) draft = rs_entity_new (0);
      RsEntity *entity;

      rs_entity_set_kind (draft, node->kind);
      rs_entity_set_name (draft, node->label);
      rs_entity_set_description (draft, "");
      if (node->has_position)
        {
          rs_entity_set_x (draft, node->x);
          rs_entity_set_y (draft, node->y);
          rs_entity_set_pinned (draft, TRUE);
          rs_entity_set_has_position (draft, TRUE);
        }
      if (!(entity = rs_case_store_add_entity (store, draft, error)))
        goto failed;
      ids[i] = rs_entity_get_id (entity);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const RsDotEdge *edge = rs_dot_graph_get_edge (graph, i);
      g_autoptr(RsRelation) draft = rs_relation_new (0);

      rs_relation_set_source_id (draft, ids[edge->source]);
      rs_relation_set_target_id (draft, ids[edge->target]);
      rs_relation_set_label (draft, edge->label);
      rs_relation_set_directed (draft, edge->directed);
      rs_relation_set_status (draft, edge->status);
      if (!rs_case_store_add_relation (store, draft, error))
        goto failed;
    }

  if (!rs_case_store_commit_batch (store, error))
    {
      rs_case_store_cancel_change (store);
      return NULL;
    }
  return rs_case_store_end_change (store, error);

failed:
  rs_case_store_rollback_batch (store);
  rs_case_store_cancel_change (store);
  return NULL;
}
