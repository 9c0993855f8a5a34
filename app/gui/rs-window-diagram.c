/* rs-window-diagram.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-dot-import.h"
#include "rs-file-chooser.h"
#include "rs-window-private.h"

/* Graphviz diagrams in: File → Import Graphviz Diagram… and dropped .gv/.dot files.
 * The file is read in a worker (a large graph takes Graphviz's parser seconds); its
 * nodes and edges join the case on the main thread as one undoable change, and the
 * board places what came without positions. */

static void
read_diagram_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  RsDotGraph *graph = rs_dot_graph_read_file (G_FILE (task_data), cancellable, &error);

  if (graph == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, graph, (GDestroyNotify)rs_dot_graph_free);
}

static void
on_diagram_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RsWindow *self = RS_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(RsDotGraph) graph = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *said = NULL;

  graph = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (graph != NULL && self->store == NULL)
    return;
  if (graph == NULL ||
      !(change = rs_case_edit_import_dot (self->store, graph, name, &error)))
    {
      _rs_window_show_error (self, _("Could Not Import the Diagram"), error);
      return;
    }

  /* TRANSLATORS: a toast, "Imported “crazy.gv”: 67 entities, 103 relations" */
  said = g_strdup_printf (_("Imported “%s”: %u entities, %u relations"), name,
                          rs_dot_graph_get_n_nodes (graph), rs_dot_graph_get_n_edges (graph));
  rs_window_show_toast (self, said);
}

void
_rs_window_import_diagram (RsWindow *self,
                           GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  task = g_task_new (self, self->cancellable, on_diagram_read_cb, NULL);
  g_task_set_source_tag (task, _rs_window_import_diagram);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_diagram_thread);
}

static void
on_diagram_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = rs_file_chooser_run_finish (result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rs_window_show_error (self, _("Could Not Import the Diagram"), error);
      return;
    }
  _rs_window_import_diagram (self, file);
}

void
_rs_window_import_diagram_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *folder = self->store != NULL
                            ? g_path_get_dirname (rs_case_store_get_path (self->store)) : NULL;

  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, RS_FILE_KIND_DIAGRAM,
                             _("Import Graphviz Diagram"), NULL, folder, self->cancellable,
                             on_diagram_chosen_cb, g_object_ref (self));
}
