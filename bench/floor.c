/* The floor replint is measured against (make bench): what libpg_query alone
 * costs for the same files on one thread. Each file is read, split into
 * statements with the scanner, each statement parsed to protobuf and
 * unpacked into protobuf-c structs (the tree replint's rules read), then
 * freed. Nothing else: no rules, no model, no output.
 *
 * usage: floor FILE...          prints the number of statements parsed
 *        floor --parses FILE... prints the files libpg_query parses whole
 * exit 2 if a file cannot be read. */
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long statements;
static int list_parsing;

static int parse_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    size_t cap = 1 << 16, len = 0;
    char *text = malloc(cap);
    size_t n;
    while ((n = fread(text + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) text = realloc(text, cap *= 2);
    }
    fclose(f);
    text[len] = 0;
    if (list_parsing) {
        PgQueryProtobufParseResult whole = pg_query_parse_protobuf(text);
        if (whole.error == NULL) printf("%s\n", path);
        pg_query_free_protobuf_parse_result(whole);
        free(text);
        return 0;
    }
    PgQuerySplitResult split = pg_query_split_with_scanner(text);
    for (int i = 0; split.error == NULL && i < split.n_stmts; i++) {
        PgQuerySplitStmt *s = split.stmts[i];
        char *one = strndup(text + s->stmt_location, (size_t)s->stmt_len);
        PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(one);
        if (parsed.error == NULL) {
            PgQuery__ParseResult *tree = pg_query__parse_result__unpack(
                NULL, parsed.parse_tree.len, (const uint8_t *)parsed.parse_tree.data);
            if (tree) { statements++; pg_query__parse_result__free_unpacked(tree, NULL); }
        }
        pg_query_free_protobuf_parse_result(parsed);
        free(one);
    }
    pg_query_free_split_result(split);
    free(text);
    return 0;
}

int main(int argc, char **argv) {
    int status = 0, first = 1;
    if (argc > 1 && strcmp(argv[1], "--parses") == 0) { list_parsing = 1; first = 2; }
    for (int i = first; i < argc; i++) status |= parse_file(argv[i]);
    if (!list_parsing) printf("%ld statements\n", statements);
    return status;
}
