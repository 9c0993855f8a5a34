/* rs-window-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-filter.h"
#include "rs-board-view.h"
#include "rs-documents-panel.h"
#include "rs-empty-state.h"
#include "rs-entity-editor.h"
#include "rs-export-dialog.h"
#include "rs-file-system.h"
#include "rs-event-editor.h"
#include "rs-filter-popover.h"
#include "rs-find-popover.h"
#include "rs-history-panel.h"
#include "rs-items-panel.h"
#include "rs-notes-panel.h"
#include "rs-presenter.h"
#include "rs-progress-dialog.h"
#include "rs-quotes-panel.h"
#include "rs-relation-editor.h"
#include "rs-review-panel.h"
#include "rs-source-viewer.h"
#include "rs-storyline-popover.h"
#include "rs-suggestions-panel.h"
#include "rs-timeline-panel.h"
#include "rs-undo-stack.h"
#include "rs-window.h"

G_BEGIN_DECLS

struct _RsWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkWidget           *header_bar;
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkPaned            *main_paned;
  GtkPaned            *board_paned;
  GtkOverlay          *board_overlay;
  RsBoardView         *board;
  GtkWidget           *layout_status;
  GtkWidget           *empty_state;
  GtkWidget           *filter_status;    /* "Some of the board is hidden by a filter" */
  RsSourceViewer      *source_viewer;
  GtkWidget           *side_box;
  AdwViewStack        *side_stack;
  RsQuotesPanel       *quotes_panel;
  RsTimelinePanel     *timeline_panel;
  RsNotesPanel        *notes_panel;
  RsDocumentsPanel    *documents_panel;
  RsSuggestionsPanel  *suggestions_panel;
  RsHistoryPanel      *history_panel;
  RsReviewPanel       *review_panel;
  RsItemsPanel        *items_panel;
  GtkWidget           *lock_indicator;   /* header bar: "Locked", click to unlock */
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *side_panel_button;
  RsFilterPopover     *filter_popover;
  GtkMenuButton       *find_button;
  RsFindPopover       *find_popover;
  GtkLabel            *save_label;
  GMenu               *primary_menu;

  /* Owned */
  RsCaseStore         *store;
  RsSelection         *selection;
  RsBoardFilter       *filter;
  GSettings           *settings;
  GCancellable        *cancellable;

  guint                watch_source;     /* polls the file for other programs' changes */
  guint                opening_tick;     /* clears "opening-case" once the case is shown */
  /* A large case comes in two frames (set_on_children): the board or the panels wait
   * for the other's first frame. */
  RsCaseStore         *second_store;     /* owned */
  gboolean             second_is_board;
  GdkFrameClock       *second_clock;     /* owned, while waiting for its after-paint */
  gulong               second_paint_id;
  guint                second_idle;
  gboolean             close_when_saved; /* close once the notes are on disk */
  gboolean             force_close;      /* the user chose to close without saving */
  AdwToast            *reload_toast;     /* weak: the "updated" notice while shown */
  char                *watch_error;      /* the last failure to read changes, said once */

  /* Editing (rs-window-editing.c) */
  RsUndoStack         *undo_stack;       /* this window's history of the open case */
  GMenu               *undo_menu;        /* "Undo …" / "Redo …", named after the commands */
  RsEntityEditor      *entity_editor;
  RsRelationEditor    *relation_editor;
  RsEventEditor       *event_editor;
  GtkPopoverMenu      *context_menu;
  double               menu_x;           /* where the last context menu opened; -1: none */
  double               menu_y;
  gboolean             new_here;         /* the entity being made goes where the menu opened */
  double               here_x;           /* that spot, in board coordinates */
  double               here_y;

  /* Review and the lock (rs-window-review.c) */
  gboolean             locked;           /* every edit refused in this window */
  gboolean             allow_review;     /* ... but comments and review states */

  /* Background work (rs-window-actions.c) */
  RsProgressDialog    *progress;         /* weak: the import under way, if any */
  char                *opening_path;     /* canonical: the case being opened in the background */
  gboolean             open_fallback;    /* that opening failed: show the default case */
  guint                progress_delay;   /* ms before its dialog shows (tests: 0) */

  /* Exports (rs-window-actions.c): the last choices, for the next time */
  RsExportOptions      export_options;   /* no filter or selection kept */
  RsExportScope        export_scope;
  gboolean             export_options_set;
  RsExportDialog      *export_dialog;    /* weak: the dialog while open */
  GtkPrintSettings    *print_settings;
  GtkPageSetup        *page_setup;
  /* Presentation (rs-window-present.c) */
  RsPresenter         *presenter;
  RsStorylinePopover  *storyline_popover; /* borrowed: the header bar's */
  GtkWidget           *present_caption;   /* borrowed: over the board */
  GtkLabel            *present_caption_label;
  GtkLabel            *present_step_label;
  AdwToast            *capture_toast;     /* weak: "View captured", gone when presenting */
  gboolean             chrome_hidden;
  gboolean             chrome_visible[4]; /* header bar, side panel, viewer, layout status */
  gboolean             legend_shown;

  /* Working together (rs-window-exchange.c) */
  GtkRevealer         *share_banner;      /* template: a case on a share or FUSE mount */
  GtkLabel            *share_label;
  RsFileSystemKind   (*classify_fs) (const char *path, char **fs_name);  /* tests swap it */
  char                *share_dismissed;   /* the case whose warning was dismissed */
  GtkWindow           *exchange_dialog;   /* weak: the review (RsExchangeDialog) while open */
};

void _rs_window_class_actions_init (RsWindowClass *klass);
void _rs_window_class_editing_init (RsWindowClass *klass);
void _rs_window_editing_init       (RsWindow      *self);
void _rs_window_editing_dispose    (RsWindow      *self);
void _rs_window_editing_set_store  (RsWindow      *self);
void _rs_window_update_edit_actions (RsWindow     *self);
GMenuModel *_rs_window_get_undo_menu (RsWindow    *self);
void _rs_window_class_review_init  (RsWindowClass *klass);
void _rs_window_review_update_actions (RsWindow    *self);
void _rs_window_lock_changed       (RsWindow      *self);
gboolean _rs_window_can_review     (RsWindow      *self);
GMenuModel *_rs_window_review_menu_for (RsTarget   target,
                                        gint64     id);
void _rs_window_actions_init       (RsWindow      *self);
void _rs_window_restore_side_width (RsWindow      *self);
void _rs_window_reveal_quote       (RsWindow      *self,
                                    gint64         quote_id);
gboolean _rs_window_flush      (RsWindow      *self,
                                GError       **error);
void _rs_window_open_case_in_background (RsWindow *self,
                                         const char *path);
void _rs_window_open_document      (RsWindow      *self,
                                    gint64         document_id);
void _rs_window_import_report_file (RsWindow      *self,
                                    GFile         *file);
void _rs_window_import_report_text (RsWindow      *self,
                                    const char    *text);
void _rs_window_import_bundle      (RsWindow      *self,
                                    const char    *path);
void _rs_window_import_stix        (RsWindow      *self,
                                    const char    *path);
void _rs_window_export_dispose     (RsWindow      *self);
void _rs_window_import_diagram     (RsWindow      *self,
                                    GFile         *file);
void _rs_window_import_diagram_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param);
void _rs_window_class_present_init (RsWindowClass *klass);
void _rs_window_present_init       (RsWindow      *self);
void _rs_window_present_dispose    (RsWindow      *self);
void _rs_window_stop_presenting    (RsWindow      *self);
gboolean _rs_window_capture_view   (RsWindow      *self,
                                    gint64        *view_id,
                                    GError       **error);
void _rs_window_class_exchange_init (RsWindowClass *klass);
void _rs_window_exchange_init      (RsWindow      *self);
void _rs_window_exchange_dispose   (RsWindow      *self);
void _rs_window_exchange_update_actions (RsWindow *self);
void _rs_window_exchange_store_changed  (RsWindow *self);
void _rs_window_merge_case         (RsWindow      *self,
                                    const char    *path);
void _rs_window_apply_changes      (RsWindow      *self,
                                    const char    *path);
void _rs_window_merge_bundle       (RsWindow      *self,
                                    const char    *path);
gboolean _rs_window_drop_exchange_file (RsWindow *self,
                                        const char *path);
gboolean _rs_window_export_changes (RsWindow      *self,
                                    GDateTime     *since,
                                    const char    *path);
void _rs_window_set_file_system_for_test (RsWindow *self,
                                          RsFileSystemKind (*classify) (const char *path,
                                                                        char      **fs_name));
/* rs-window-actions.c: the path a file chooser returned (SUFFIX added when missing),
 * NULL when it was cancelled or failed, @error then says which; the open case's
 * folder, where choosers start (NULL without a case). */
char *_rs_window_dup_chosen_path   (GAsyncResult  *result,
                                    const char    *suffix,
                                    GError       **error);
char *_rs_window_dup_case_folder   (RsWindow      *self);
void _rs_window_show_error         (RsWindow      *self,
                                    const char    *heading,
                                    const GError  *error);

G_END_DECLS
