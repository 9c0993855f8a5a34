/* rs-window-present.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window-present"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-board-scene.h"
#include "rs-case-edit.h"
#include "rs-error.h"
#include "rs-story-export.h"
#include "rs-story-timeline.h"
#include "rs-window-private.h"

/* Presentation mode (issue 20): the storyline's list in a header bar popover, capture
 * (win.capture-view, Ctrl+Alt+S), presenting (win.present, F5; win.present-timeline)
 * and hand-outs (win.export-storyline). Presenting makes the window full screen with
 * the header bar and panels hidden, the caption large at the bottom; the RsPresenter
 * steps the board. While it runs every key goes to it (arrows, Page Up/Down as
 * clickers send them, Space, Home, End, Escape): nothing edits the case by accident. */

static const char present_css[] =
  ".rs-present-caption {"
  "  background-color: alpha(black, 0.74);"
  "  color: white;"
  "  border-radius: 14px;"
  "  padding: 14px 32px;"
  "}"
  ".rs-present-caption .caption { font-size: 26pt; font-weight: 600; }"
  ".rs-present-caption .step { font-size: 13pt; opacity: 0.75; }";

static void
update_caption (RsWindow *self)
{
  RsStoryView *view = rs_presenter_get_view (self->presenter);
  g_autofree char *step = NULL;

  gtk_widget_set_visible (self->present_caption, view != NULL);
  if (view == NULL)
    return;
  step = g_strdup_printf (_("%u of %u"), rs_presenter_get_step (self->presenter) + 1,
                          rs_presenter_get_n_steps (self->presenter));
  gtk_label_set_text (self->present_caption_label, rs_story_view_get_caption (view));
  gtk_widget_set_visible (GTK_WIDGET (self->present_caption_label),
                          *rs_story_view_get_caption (view) != '\0');
  gtk_label_set_text (self->present_step_label, step);

  /* The views are framed above the caption: its height, wrapped to the board's width. */
  {
    int width = gtk_widget_get_width (GTK_WIDGET (self->board));
    int natural = 0;

    gtk_widget_measure (self->present_caption, GTK_ORIENTATION_VERTICAL,
                        MAX (width - 96, 200), NULL, &natural, NULL, NULL);
    rs_presenter_set_bottom_inset (self->presenter,
                                   natural + gtk_widget_get_margin_bottom (self->present_caption) + 16);
  }
}

/* Hides or brings back the window's editing chrome. */
static void
set_chrome_hidden (RsWindow *self,
                   gboolean  hidden)
{
  GtkWidget *chrome[] = {
    self->header_bar, self->side_box, GTK_WIDGET (self->source_viewer), self->layout_status,
  };

  if (self->chrome_hidden == hidden)
    return;
  self->chrome_hidden = hidden;
  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    {
      if (hidden)
        {
          self->chrome_visible[i] = gtk_widget_get_visible (chrome[i]);
          gtk_widget_set_visible (chrome[i], FALSE);
        }
      else
        gtk_widget_set_visible (chrome[i], self->chrome_visible[i]);
    }
  /* The legend is for the analyst; the audience has the caption. */
  if (hidden)
    {
      self->legend_shown = rs_board_view_get_show_legend (self->board);
      rs_board_view_set_show_legend (self->board, FALSE);
      if (self->capture_toast != NULL)
        adw_toast_dismiss (self->capture_toast);
    }
  else
    rs_board_view_set_show_legend (self->board, self->legend_shown);

  if (hidden)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
      gtk_window_fullscreen (GTK_WINDOW (self));
      /* The keys are the presenter's: no entry keeps the focus. */
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
}

static void
on_presenter_active_cb (RsWindow    *self,
                        GParamSpec  *pspec,
                        RsPresenter *presenter)
{
  set_chrome_hidden (self, rs_presenter_get_active (presenter));
  update_caption (self);
}

/* Timeline playback keeps the whole board in view: the area every item takes. */
static void
frame_whole_board (RsCase    *kase,
                   GPtrArray *views)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (kase, filter, style);
  RsBoardRect bounds;
  double margin;

  if (!rs_board_scene_get_bounds (scene, &bounds) || bounds.width <= 0 || bounds.height <= 0)
    return;
  margin = 0.03 * MAX (bounds.width, bounds.height) + 16;
  for (guint i = 0; i < views->len; i++)
    rs_story_view_set_camera (g_ptr_array_index (views, i), bounds.x - margin, bounds.y - margin,
                              bounds.width + 2 * margin, bounds.height + 2 * margin);
}

static void
start (RsWindow *self,
       gboolean  timeline)
{
  g_autoptr(GPtrArray) views = NULL;
  RsCase *kase;

  if (self->store == NULL)
    return;
  kase = rs_case_store_get_case (self->store);
  views = timeline ? rs_story_timeline_build (kase) : rs_case_dup_story_views (kase);
  if (views->len == 0)
    {
      rs_window_show_toast (self, timeline
                            ? _("No event has a date: there is no timeline to play")
                            : _("The storyline is empty: capture a view first (Ctrl+Alt+S)"));
      return;
    }
  if (timeline)
    frame_whole_board (kase, views);
  if (self->storyline_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->storyline_popover));
  rs_presenter_start (self->presenter, views, timeline);
}

void
_rs_window_stop_presenting (RsWindow *self)
{
  rs_presenter_stop (self->presenter);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  start (RS_WINDOW (widget), g_str_equal (action_name, "win.present-timeline"));
}

static gboolean
on_key_pressed_cb (RsWindow              *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  RsPresenter *presenter = self->presenter;

  if (!rs_presenter_get_active (presenter))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      rs_presenter_next (presenter);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      rs_presenter_previous (presenter);
      break;
    case GDK_KEY_Home:
      rs_presenter_go_to (presenter, 0);
      break;
    case GDK_KEY_End:
      rs_presenter_go_to (presenter, rs_presenter_get_n_steps (presenter) - 1);
      break;
    case GDK_KEY_Escape:
      rs_presenter_stop (presenter);
      break;
    default:
      break;
    }
  /* Every other key is swallowed: a presentation edits nothing. */
  return TRUE;
}

/* Capture ------------------------------------------------------------------------------ */

/* The uids of what the window's filter shows; NULL when it shows everything. */
static char **
dup_shown_uids (RsWindow *self,
                RsCase   *kase)
{
  g_autoptr(RsBoardStyle) style = NULL;
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (self->filter == NULL || !rs_board_filter_get_active (self->filter))
    return NULL;

  style = rs_board_style_new (FALSE);
  scene = rs_board_scene_new (kase, self->filter, style);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      RsEntity *entity = rs_case_lookup_entity (kase, node->id);

      if (entity != NULL && (node->flags & (RS_BOARD_ITEM_DIMMED | RS_BOARD_ITEM_REMOVED)) == 0)
        g_strv_builder_add (builder, rs_entity_get_uid (entity));
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      RsRelation *relation = rs_case_lookup_relation (kase, edge->id);

      if (relation != NULL && (edge->flags & (RS_BOARD_ITEM_DIMMED | RS_BOARD_ITEM_REMOVED)) == 0)
        g_strv_builder_add (builder, rs_relation_get_uid (relation));
    }
  return g_strv_builder_end (builder);
}

/* The selection as uids, and a caption: the name of what it selects first. */
static char **
dup_highlighted_uids (RsWindow  *self,
                      RsCase    *kase,
                      char     **caption)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = self->selection != NULL ? rs_selection_get_n_items (self->selection) : 0;

  for (guint i = 0; i < n; i++)
    {
      RsTarget target;
      gint64 id;

      rs_selection_get_item (self->selection, i, &target, &id);
      if (target == RS_TARGET_ENTITY && rs_case_lookup_entity (kase, id) != NULL)
        {
          RsEntity *entity = rs_case_lookup_entity (kase, id);

          g_strv_builder_add (builder, rs_entity_get_uid (entity));
          if (*caption == NULL)
            *caption = g_strdup (rs_entity_get_name (entity));
        }
      else if (target == RS_TARGET_RELATION && rs_case_lookup_relation (kase, id) != NULL)
        {
          RsRelation *relation = rs_case_lookup_relation (kase, id);
          RsEntity *source = rs_case_lookup_entity (kase, rs_relation_get_source_id (relation));
          RsEntity *other = rs_case_lookup_entity (kase, rs_relation_get_target_id (relation));
          const char *label = rs_relation_get_label (relation);

          g_strv_builder_add (builder, rs_relation_get_uid (relation));
          if (*caption == NULL && source != NULL && other != NULL)
            *caption = g_strdup_printf ("%s %s %s", rs_entity_get_name (source),
                                        label != NULL && *label != '\0' ? label : "—",
                                        rs_entity_get_name (other));
        }
    }
  return g_strv_builder_end (builder);
}

gboolean
_rs_window_capture_view (RsWindow  *self,
                         gint64    *view_id,
                         GError   **error)
{
  g_autoptr(RsChange) change = NULL;
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) highlighted = NULL;
  g_autofree char *caption = NULL;
  double x, y, width, height;
  RsCase *kase;

  if (self->store == NULL)
    return FALSE;
  if (!rs_board_view_get_visible_area (self->board, &x, &y, &width, &height))
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                           _("The board is not shown: there is no view to capture"));
      return FALSE;
    }
  kase = rs_case_store_get_case (self->store);
  shown = dup_shown_uids (self, kase);
  highlighted = dup_highlighted_uids (self, kase, &caption);
  if (caption == NULL)
    caption = g_strdup_printf (_("View %u"),
                               g_list_model_get_n_items (rs_case_get_story_views (kase)) + 1);
  change = rs_case_edit_add_story_view (self->store, caption, x, y, width, height,
                                        (const char * const *)shown,
                                        (const char * const *)highlighted, view_id, error);
  return change != NULL;
}

static void
capture_view_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!_rs_window_capture_view (self, NULL, &error))
    {
      if (error != NULL)
        rs_window_show_toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("View captured: %u in the storyline"),
                             g_list_model_get_n_items (rs_case_get_story_views (
                               rs_case_store_get_case (self->store))));
  /* One notice that counts on while captures follow each other. */
  if (self->capture_toast != NULL)
    {
      adw_toast_set_title (self->capture_toast, message);
      return;
    }
  self->capture_toast = adw_toast_new (message);
  g_object_add_weak_pointer (G_OBJECT (self->capture_toast), (gpointer *)&self->capture_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->capture_toast);
}

/* Hand-outs ---------------------------------------------------------------------------- */

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       RsWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      if (rs_story_export_pdf (rs_case_store_get_case (self->store), file, &error))
        rs_window_show_toast (self, _("Storyline exported as a PDF, one page per view"));
      else
        _rs_window_show_error (self, _("The storyline could not be exported"), error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_storyline_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  if (g_list_model_get_n_items (rs_case_get_story_views (rs_case_store_get_case (self->store))) == 0)
    {
      rs_window_show_toast (self, _("The storyline is empty: capture a view first (Ctrl+Alt+S)"));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self->storyline_popover));
  chooser = gtk_file_chooser_native_new (_("Export the Storyline as Hand-outs"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s.pdf", _("Storyline"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Set up ------------------------------------------------------------------------------- */

static void
on_store_changed_cb (RsWindow   *self,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  gboolean has_case = self->store != NULL;

  rs_presenter_stop (self->presenter);
  rs_storyline_popover_set_store (self->storyline_popover, self->store);
  /* win.capture-view writes the case: it follows the lock with the other edits
   * (_rs_window_update_edit_actions). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-timeline", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-storyline", has_case);
}

void
_rs_window_class_present_init (RsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.capture-view", NULL, capture_view_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-timeline", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-storyline", NULL,
                                   export_storyline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.capture-view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

void
_rs_window_present_init (RsWindow *self)
{
  static GtkCssProvider *provider;
  GtkEventController *keys;
  GtkWidget *button;
  GtkWidget *box;

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_data (provider, present_css, -1);
    }
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->presenter = rs_presenter_new (self->board);
  g_signal_connect_object (self->presenter, "notify::active",
                           G_CALLBACK (on_presenter_active_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presenter, "notify::step",
                           G_CALLBACK (update_caption), self, G_CONNECT_SWAPPED);

  /* The caption, large, at the bottom of the board. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "rs-present-caption");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  gtk_widget_set_can_target (box, FALSE);
  gtk_widget_set_visible (box, FALSE);
  self->present_caption_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->present_caption_label), "caption");
  gtk_label_set_wrap (self->present_caption_label, TRUE);
  gtk_label_set_justify (self->present_caption_label, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (self->present_caption_label, 60);
  /* A date with many events makes a long caption: it must not hide the board. */
  gtk_label_set_lines (self->present_caption_label, 3);
  gtk_label_set_ellipsize (self->present_caption_label, PANGO_ELLIPSIZE_END);
  self->present_step_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->present_step_label), "step");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->present_caption_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->present_step_label));
  gtk_overlay_add_overlay (self->board_overlay, box);
  self->present_caption = box;

  /* The storyline's list, from the header bar. */
  self->storyline_popover = RS_STORYLINE_POPOVER (rs_storyline_popover_new ());
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-presentation-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (self->storyline_popover));
  gtk_widget_set_tooltip_text (button, _("Storyline and Presentation"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header_bar), button);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_changed_cb), NULL);
  on_store_changed_cb (self, NULL, NULL);
}

void
_rs_window_present_dispose (RsWindow *self)
{
  if (self->presenter != NULL)
    rs_presenter_stop (self->presenter);
  g_clear_object (&self->presenter);
  if (self->capture_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->capture_toast), (gpointer *)&self->capture_toast);
  self->capture_toast = NULL;
}
