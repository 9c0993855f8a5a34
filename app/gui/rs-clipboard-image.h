/* rs-clipboard-image.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-export.h"

G_BEGIN_DECLS

/* The board (what @filter shows) or, with a non-empty @selection, only the selection,
 * put on @clipboard as PNG and SVG at once. Drawn in a worker from copies of @filter
 * and @selection; the clipboard is set on the main thread when both are ready. */
void     rs_clipboard_image_copy_async  (GdkClipboard         *clipboard,
                                         RsCase               *kase,
                                         RsBoardFilter        *filter,
                                         RsSelection          *selection,
                                         gboolean              dark,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean rs_clipboard_image_copy_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
