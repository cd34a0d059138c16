/* lexer.h — the tokens of LANGUAGE.md §1, produced one at a time from a
 * Source (or from a slice of one: an f-string field), each with its exact
 * place.  Only the parser uses it.
 *
 * Errors: the lexer raises a SyntaxError with rt_syntax_error and then
 * longjmps to the parser's `fail` buffer.  It owns no memory: what it
 * allocates is in the Source's arena or in the parser's LexScratch.
 */
#ifndef ND_LEXER_H
#define ND_LEXER_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include "ast.h"

typedef enum TokKind {
    T_EOF,
    T_NEWLINE,
    T_NAME,
    T_NUMBER,
    T_STRING,
    /* keywords (keep in the order of the table in lexer.c) */
    T_IF,
    T_ELIF,
    T_ELSE,
    T_END,
    T_FOR,
    T_IN,
    T_WHILE,
    T_BREAK,
    T_CONTINUE,
    T_DEF,
    T_RETURN,
    T_AND,
    T_OR,
    T_NOT,
    T_IS,
    T_IMPORT,
    T_AS,
    T_GLOBAL,
    T_NONLOCAL,
    T_TRY,
    T_CATCH,
    T_WITH,
    T_DEL,
    T_PASS,
    T_ASSERT,
    T_TRUE,
    T_FALSE,
    T_NONE,
    /* punctuation */
    T_LPAREN,
    T_RPAREN,
    T_LBRACKET,
    T_RBRACKET,
    T_LBRACE,
    T_RBRACE,
    T_COMMA,
    T_COLON,
    T_SEMI,
    T_DOT,
    T_ELLIPSIS,
    T_ARROW, /* -> */
    T_ASSIGN,
    /* operators: binary ones map to OpKind in the parser */
    T_PLUS,
    T_MINUS,
    T_STAR,
    T_SLASH,
    T_DSLASH,
    T_PERCENT,
    T_DSTAR,
    T_AT,
    T_AMP,
    T_PIPE,
    T_CARET,
    T_LSHIFT,
    T_RSHIFT,
    T_TILDE,
    T_EQ,
    T_NE,
    T_LT,
    T_LE,
    T_GT,
    T_GE,
    /* augmented assignment, in the order of the operators above */
    T_PLUS_EQ,
    T_MINUS_EQ,
    T_STAR_EQ,
    T_SLASH_EQ,
    T_DSLASH_EQ,
    T_PERCENT_EQ,
    T_DSTAR_EQ,
    T_AT_EQ,
    T_AMP_EQ,
    T_PIPE_EQ,
    T_CARET_EQ,
    T_LSHIFT_EQ,
    T_RSHIFT_EQ,
    T_KIND_COUNT
} TokKind;

/* String token flags. */
enum {
    STR_RAW = 1,
    STR_F = 2,
    STR_TRIPLE = 4,
};

/* A piece of an f-string, in source order.  A field with a format spec is
 * followed by the pieces of the spec and then an FP_SPEC_END. */
typedef enum FPieceKind { FP_TEXT, FP_FIELD, FP_SPEC_END } FPieceKind;
typedef struct FPiece {
    uint8_t kind;
    char conv;          /* FP_FIELD: 0, 'r' or 's' */
    uint8_t has_spec;   /* FP_FIELD */
    size_t start, end;  /* FP_TEXT: the raw text; FP_FIELD: the expression */
    size_t open, close; /* FP_FIELD: offsets of its '{' and '}' */
} FPiece;

typedef struct Token {
    uint8_t kind;      /* TokKind */
    uint8_t flags;     /* T_STRING: STR_*; T_NUMBER: 1 = the literal 2**63 */
    int32_t depth;     /* bracket depth before this token */
    size_t start, end; /* byte offsets [start, end) */
    SrcSpan span;
    Value num;             /* T_NUMBER: the weak scalar */
    size_t body, body_end; /* T_STRING: the text between the quotes */
    size_t pieces;         /* T_STRING with STR_F: its pieces are
                              scr->pieces[pieces, pieces + npieces) */
    int32_t npieces;
} Token;

/* Scratch buffers shared by a parse's lexers (the main one and those of
 * f-string fields).  buf lives only while one token is made; pieces is a
 * stack: each f-string token pushes its pieces, and the parser pops them
 * (lexer_pop_pieces) when it has built the f-string. */
typedef struct LexScratch {
    char *buf;
    size_t buflen, bufcap;
    FPiece *pieces;
    size_t npieces, piececap;
} LexScratch;

typedef struct Lexer {
    Source *src;
    const char *text;
    size_t pos, limit; /* scanning [pos, limit) */
    int32_t depth;     /* open brackets: newlines are ignored inside */
    int32_t line_hint; /* 0-based line of the last position asked for */
    bool line_start;   /* nothing but blanks since the last NEWLINE */
    bool incomplete;   /* failed at end of input in an open construct */
    int fnest;         /* f-string nesting while scanning */
    jmp_buf *fail;
    LexScratch *scr;
} Lexer;

/* Scan src->text[start, limit) beginning at bracket depth `depth` (1 for an
 * f-string field, so newlines inside it are ignored). */
void lexer_init(Lexer *lx, Source *src, size_t start, size_t limit,
                int32_t depth, jmp_buf *fail, LexScratch *scr);
void lexer_scratch_free(LexScratch *scr);
/* Drop the pieces of token t when they are the newest ones. */
void lexer_pop_pieces(Lexer *lx, const Token *t);
void lexer_next(Lexer *lx, Token *t);
/* The decoded text of a plain (non-f) string token, or of the raw text
 * src->text[start, end) of an f-string piece (escapes, and `{{` `}}` when
 * fstr): a new Str value.  Raises SyntaxError on bad escapes. */
Value lexer_string_value(Lexer *lx, size_t start, size_t end, bool raw,
                         bool fstr);
/* Line and column (1-based, bytes) of a byte offset. */
void lexer_pos(Lexer *lx, size_t off, int32_t *line, int32_t *col);
SrcSpan lexer_span(Lexer *lx, size_t start, size_t end);
/* Raise a SyntaxError at [start, end) and longjmp to lx->fail. */
_Noreturn void lexer_error(Lexer *lx, size_t start, size_t end, const char *fmt,
                           ...) __attribute__((format(printf, 4, 5)));
/* Source text validation: NUL bytes and invalid UTF-8 anywhere are a
 * SyntaxError at their place (done once before lexing). */
void lexer_check_text(Lexer *lx);
const char *tok_kind_text(TokKind k); /* "')'", "'end'", "newline" */

#endif
