/* rs-exchange-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store-private.h"
#include "rs-exchange.h"

G_BEGIN_DECLS

/* A case as the exchange sees it: every record keyed on its uid (integer ids
 * collide between two analysts' files), references as the uids they point to.
 * The same tables hold a snapshot of my case, of a colleague's, or of mine as it
 * was at a date; SQLite's session extension diffs two of them into a changeset
 * keyed on uids (rs-exchange-changes.c). */
typedef enum
{
  X_DOCUMENT,
  X_ENTITY,
  X_POSITION,
  X_RELATION,
  X_QUOTE,
  X_EVENT,
  X_EVIDENCE,
  X_NOTE,
  X_REVIEW,     /* a claim's review state (one per claim) */
  X_COMMENT,    /* a colleague's comment on a claim */
  X_N_TABLES,
} XTableId;

#define X_MAX_COLUMNS 10

typedef struct
{
  const char *name;                     /* "entity": table x_entity */
  RsTarget    target;
  guint       n_columns;
  guint       n_key;                    /* the first n_key columns are the key */
  const char *columns[X_MAX_COLUMNS];
} XTable;

const XTable *_rs_exchange_table           (XTableId     id);
gboolean      _rs_exchange_table_lookup    (const char  *name,
                                            XTableId    *id);

/* One row: n_columns values as text (NULL: SQL NULL), and the record's id in my
 * case when it is mine (0 otherwise). */
typedef struct
{
  char   **values;
  guint    n_columns;
  gint64   local_id;
} XRow;

/* Every row of every table of one snapshot, by key. */
typedef struct
{
  GPtrArray  *rows[X_N_TABLES];    /* XRow */
  GHashTable *by_key[X_N_TABLES];  /* key -> XRow (borrowed from rows) */
} XSet;

XSet       *_rs_exchange_set_new         (void);
void        _rs_exchange_set_free        (XSet          *set);
XRow       *_rs_exchange_row_new         (guint          n_columns);
void        _rs_exchange_row_free        (XRow          *row);
char       *_rs_exchange_row_key         (XTableId       table,
                                          char * const  *values);
void        _rs_exchange_set_add         (XSet          *set,
                                          XTableId       table,
                                          XRow          *row);
XRow       *_rs_exchange_set_lookup      (XSet          *set,
                                          XTableId       table,
                                          const char    *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XSet, _rs_exchange_set_free)

/* A private in-memory connection (defensive, like every case connection). */
sqlite3    *_rs_exchange_open_memory     (GError       **error);
/* Copies STORE's file into SCHEMA of DB (attached as an in-memory database). */
gboolean    _rs_exchange_copy_store      (RsCaseStore   *store,
                                          sqlite3       *db,
                                          const char    *schema,
                                          GError       **error);
gboolean    _rs_exchange_attach_memory   (sqlite3       *db,
                                          const char    *schema,
                                          GError       **error);
/* Creates the x_ tables in X_SCHEMA and fills them from the case in CASE_SCHEMA. */
gboolean    _rs_exchange_snapshot        (sqlite3       *db,
                                          const char    *case_schema,
                                          const char    *x_schema,
                                          GError       **error);
/* Reads the x_ tables of X_SCHEMA; with CASE_SCHEMA, each row's local id too. */
XSet       *_rs_exchange_load_set        (sqlite3       *db,
                                          const char    *x_schema,
                                          const char    *case_schema,
                                          GError       **error);

/* The plan under construction: matching and comparing (rs-exchange-merge.c). */
typedef struct
{
  RsExchangePlan *plan;       /* Borrowed */
  XSet           *mine;       /* Borrowed */
  XSet           *theirs;     /* Borrowed: the incoming rows (merge), or NULL */
  /* Per table: their uid -> my uid, for every record matched or known new. */
  GHashTable     *map[X_N_TABLES];
  /* Per table: my rows by secondary key (sha256, kind + folded name, ...). */
  GHashTable     *index[X_N_TABLES];
  GHashTable     *used[X_N_TABLES];   /* my rows already matched (a set) */
  GHashTable     *aliases;            /* kind + folded alias -> my entity row */
  GHashTable     *new_entities;       /* their uid -> NEW item (borrowed) */
} XMatcher;

void        _rs_exchange_matcher_init    (XMatcher       *matcher,
                                          RsExchangePlan *plan,
                                          XSet           *mine,
                                          XSet           *theirs);
void        _rs_exchange_matcher_clear   (XMatcher       *matcher);
/* Their row (all columns): matched against mine, giving MATCH, UPDATE (union of
 * aliases), CONFLICT or NEW items. */
void        _rs_exchange_match_row       (XMatcher       *matcher,
                                          XTableId        table,
                                          XRow           *theirs);
/* The row's title as a person reads it, with references looked up in SETS. */
char       *_rs_exchange_row_title       (XMatcher       *matcher,
                                          XTableId        table,
                                          char * const   *values);
/* My row for their key, through the matches made so far; NULL if none. */
XRow       *_rs_exchange_find_mine       (XMatcher       *matcher,
                                          XTableId        table,
                                          char * const   *their_values);
XRow       *_rs_exchange_find_mine_by    (XMatcher       *matcher,
                                          XTableId        table,
                                          char * const   *their_values,
                                          const char    **matched_by);
/* Frees N values, NULLs among them (SQL NULL), and the array. */
void        _rs_exchange_values_free     (char          **values,
                                          guint           n);
/* Their row with references translated into my uids (owned, n_columns long). */
char      **_rs_exchange_map_values      (XMatcher       *matcher,
                                          XTableId        table,
                                          char * const   *values);
/* Adds UPDATE and CONFLICT items for the fields where THEIRS differs from MINE
 * (only the TOUCHED columns when not NULL; BASE: their old values, or NULL).
 * Returns whether any item was added. */
gboolean    _rs_exchange_compare         (XMatcher       *matcher,
                                          XTableId        table,
                                          XRow           *mine,
                                          char * const   *theirs,
                                          char * const   *base,
                                          const guint8   *touched,
                                          const char     *matched_by,
                                          const char     *title);
/* Fields that can conflict: their names and columns. */
typedef struct
{
  const char *name;
  guint       columns[5];
  guint       n_columns;
  gboolean    optional;     /* empty on one side is "not set", not a conflict */
  gboolean    reference;    /* columns hold uids of other records */
} XField;

const XField *_rs_exchange_fields        (XTableId       table,
                                          guint         *n_fields);
char       *_rs_exchange_field_text      (XMatcher       *matcher,
                                          XTableId        table,
                                          const XField  *field,
                                          char * const  *values,
                                          gboolean       theirs);

/* Items (rs-exchange-item.c). */
RsExchangeItem *_rs_exchange_item_new    (RsExchangeItemKind  kind,
                                          XTableId            table,
                                          const char         *uid,
                                          gint64              local_id,
                                          const char         *title);
void        _rs_exchange_item_set_match  (RsExchangeItem     *self,
                                          const char         *matched_by,
                                          const char         *mine_key);
void        _rs_exchange_item_set_field  (RsExchangeItem     *self,
                                          const XField       *field,
                                          const char         *mine,
                                          const char         *theirs,
                                          const char         *base);
/* The values their side gives: the whole row for NEW, the field's columns
 * (indexed like the table's) for UPDATE and CONFLICT. Takes ownership. */
void        _rs_exchange_item_take_values (RsExchangeItem    *self,
                                          char              **values);
XTableId    _rs_exchange_item_get_table  (RsExchangeItem     *self);
const char *_rs_exchange_item_get_mine_key (RsExchangeItem   *self);
const XField *_rs_exchange_item_get_xfield (RsExchangeItem   *self);
char      **_rs_exchange_item_get_values (RsExchangeItem     *self);
/* A new entity's place on their board (x, y, pinned), if they had one. */
void        _rs_exchange_item_set_position (RsExchangeItem   *self,
                                          XRow               *position);
XRow       *_rs_exchange_item_get_position (RsExchangeItem   *self);
/* Their record's external references (RsExternalReference) and STIX ids, which a
 * merge adds to mine where it lacks them (schema 8). Takes ownership; NULL: none. */
void        _rs_exchange_item_take_stix  (RsExchangeItem     *self,
                                          GPtrArray          *references,
                                          char              **stix_ids);
GPtrArray  *_rs_exchange_item_get_references (RsExchangeItem *self);
char      **_rs_exchange_item_get_stix_ids (RsExchangeItem   *self);

/* The plan (rs-exchange-plan.c). */
RsExchangePlan *_rs_exchange_plan_new    (RsCaseStore        *mine,
                                          const char         *source,
                                          const char         *label,
                                          const char         *author);
void        _rs_exchange_plan_add        (RsExchangePlan     *self,
                                          RsExchangeItem     *item);
/* Gives the first pending item of each record its XStix from BY_RECORD ("table
 * uid" -> XStix: their external references and STIX ids), stealing it. */
typedef struct
{
  GPtrArray *references;   /* RsExternalReference, or NULL */
  GPtrArray *stix_ids;     /* char *, or NULL */
} XStix;

void        _rs_exchange_plan_take_stix  (RsExchangePlan     *self,
                                          GHashTable         *by_record);
/* Their marking definitions and unmapped STIX objects (RsStixObject), taken. */
void        _rs_exchange_plan_take_objects (RsExchangePlan   *self,
                                          GPtrArray          *objects);
void        _rs_exchange_plan_skip       (RsExchangePlan     *self,
                                          XTableId            table,
                                          const char         *uid,
                                          const char         *reason);
/* Sorts the items and fixes what the plan was made against. */
gboolean    _rs_exchange_plan_seal       (RsExchangePlan     *self,
                                          GError            **error);
gboolean    _rs_exchange_history_head    (RsCaseStore        *store,
                                          gint64             *head,
                                          GError            **error);

/* Where the plan's new entities go on my board (rs-exchange-place.c): their uid
 * (borrowed from ITEMS) -> XPlace; a new entity not in it stays unplaced. */
typedef struct
{
  double   x;
  double   y;
  gboolean pinned;
} XPlace;

GHashTable *_rs_exchange_place_new_entities (RsCase     *kase,
                                             GListModel *items);

/* Writing a plan into the case (rs-exchange-write.c). */
/* OBJECTS (RsStixObject, or NULL): their marking definitions and unmapped STIX
 * objects, added where my case lacks them (by STIX id). */
RsChange   *_rs_exchange_write           (RsCaseStore        *store,
                                          GListModel         *items,
                                          GPtrArray          *objects,
                                          const char         *label,
                                          GError            **error);
/* The same a slice at a time: begin opens the change (RS_ERROR_BUSY while another
 * is open), step writes up to MAX_OPS records, finish commits it, and cancel rolls
 * back whatever was written; finish and cancel free the writer. */
typedef struct _XWriter XWriter;

XWriter    *_rs_exchange_writer_begin    (RsCaseStore        *store,
                                          GListModel         *items,
                                          GPtrArray          *objects,
                                          const char         *label,
                                          GError            **error);
gboolean    _rs_exchange_writer_step     (XWriter            *self,
                                          guint               max_ops,
                                          gboolean           *done,
                                          GError            **error);
double      _rs_exchange_writer_fraction (XWriter            *self);
RsChange   *_rs_exchange_writer_finish   (XWriter            *self,
                                          GError            **error);
void        _rs_exchange_writer_cancel   (XWriter            *self);

/* The changeset file (rs-exchange-changes.c). */
#define RS_EXCHANGE_MAGIC "REDSTRING-CHANGES"
/* 2: reviews and comments (x_review, x_comment); a format 1 file reads as before. */
#define RS_EXCHANGE_FORMAT 2

typedef struct
{
  int    format;
  char  *case_uid;
  char  *author;
  char  *since;
  char  *created;
  int    schema;
  GBytes *changeset;
  GBytes *context;   /* whole rows of what the changeset updates (may be empty) */
} RsExchangeHeader;

void        _rs_exchange_header_clear    (RsExchangeHeader   *header);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsExchangeHeader, _rs_exchange_header_clear)

/* One change of the blob, as values of its x_ table's columns. */
typedef struct
{
  XTableId   table;
  int        op;
  char     **old_values;  /* n_columns, NULL where absent */
  char     **new_values;
  guint8     has_old[X_MAX_COLUMNS];
  guint8     has_new[X_MAX_COLUMNS];
} XChange;

typedef gboolean (*RsExchangeChangeFunc) (XChange  *change,
                                          gpointer  user_data);

/* Walks every change of BLOB, checking it against the x_ tables; FUNC (may be
 * NULL) sees each. Any damage is RS_ERROR_CORRUPT_CASE, naming NAME. */
gboolean    _rs_exchange_foreach_change  (GBytes             *blob,
                                          const char         *name,
                                          RsExchangeChangeFunc func,
                                          gpointer            user_data,
                                          GError            **error);

/* Reads and checks a changeset file's bytes: the header, then every change of the
 * blob against the x_ tables (names, columns, UTF-8). Any damage is
 * RS_ERROR_CORRUPT_CASE; a newer format RS_ERROR_UNSUPPORTED_VERSION. */
gboolean    _rs_exchange_read_changes    (GBytes             *bytes,
                                          const char         *name,
                                          RsExchangeHeader   *header,
                                          GError            **error);

G_END_DECLS
