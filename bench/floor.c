/*
 * floor: the cmark floor of the benchmark (bench/run).
 *
 * Reads file names, one a line, from standard input; parses each file with
 * libcmark (CMARK_OPT_SOURCEPOS, as aipm-lint does) and walks every node with
 * cmark_iter, rendering nothing. No lint can be faster than this: it is the
 * parse every linted document needs. Prints the files and bytes it read, so
 * the caller can turn its wall time into MB/s.
 *
 *     find docs -name '*.md' | bench/floor     ->  "files 3076 bytes 37112040 nodes ..."
 */
#define _POSIX_C_SOURCE 200809L
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned long files = 0, nodes = 0;
    unsigned long long bytes = 0;
    while ((got = getline(&line, &cap, stdin)) > 0) {
        if (line[got - 1] == '\n') {
            line[--got] = '\0';
        }
        if (got == 0) {
            continue;
        }
        size_t len;
        char *src = read_file(line, &len);
        if (!src) {
            fprintf(stderr, "floor: cannot read '%s'\n", line);
            return 2;
        }
        cmark_node *doc = cmark_parse_document(src, len, CMARK_OPT_SOURCEPOS);
        cmark_iter *it = cmark_iter_new(doc);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            if (ev == CMARK_EVENT_ENTER) {
                nodes++;
            }
        }
        cmark_iter_free(it);
        cmark_node_free(doc);
        free(src);
        files++;
        bytes += len;
    }
    free(line);
    printf("files %lu bytes %llu nodes %lu\n", files, bytes, nodes);
    return 0;
}
