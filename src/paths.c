/*
 * paths: command-line arguments -> files.
 *
 * Directories are walked with an explicit stack (no recursion), each
 * directory's entries sorted byte-wise, so the order is the same on every
 * file system. Entries are lstat'ed: a symbolic link to a directory is not
 * followed (no loops), a link to a file is linted like the file.
 */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ascii.h"
#include "buf.h"
#include "mem.h"

static void add(aipm_paths *p, char *owned) {
    p->items = aipm_grow(p->items, &p->cap, p->n + 1, sizeof(*p->items));
    p->items[p->n++] = owned;
}

bool aipm_paths_is_markdown(const char *name) {
    static const char *const exts[] = {".md", ".markdown"};
    size_t n = strlen(name);
    for (size_t i = 0; i < 2; i++) {
        size_t e = strlen(exts[i]);
        if (n > e) {
            bool ok = true;
            for (size_t k = 0; k < e; k++) {
                if (aipm_ascii_tolower((unsigned char)name[n - e + k]) != exts[i][k]) {
                    ok = false;
                }
            }
            if (ok) {
                return true;
            }
        }
    }
    return false;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name) {
    aipm_buf b = AIPM_BUF_INIT;
    aipm_buf_puts(&b, dir);
    if (b.len == 0 || b.ptr[b.len - 1] != '/') {
        aipm_buf_putc(&b, '/');
    }
    aipm_buf_puts(&b, name);
    return aipm_buf_detach(&b);
}

/* Walk 'root' and append its Markdown files, sorted by full path. */
static int walk(aipm_paths *out, const char *root, aipm_error *err) {
    aipm_paths stack = AIPM_PATHS_INIT;
    add(&stack, aipm_xstrdup(root));
    size_t first = out->n;
    int rc = 0;
    while (stack.n > 0) {
        char *dir = stack.items[--stack.n];
        DIR *d = opendir(dir);
        if (!d) {
            aipm_error_set(err, NULL, 0, 0, "cannot read directory '%s': %s", dir, strerror(errno));
            free(dir);
            rc = -1;
            break;
        }
        aipm_paths subdirs = AIPM_PATHS_INIT;
        struct dirent *ent;
        while ((ent = readdir(d)) != NULL) {
            const char *name = ent->d_name;
            if (name[0] == '.' || strcmp(name, "node_modules") == 0) {
                continue;
            }
            char *full = join(dir, name);
            struct stat st;
            if (lstat(full, &st) != 0) {
                free(full);
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                add(&subdirs, full);
            } else if (aipm_paths_is_markdown(name) &&
                       (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
                if (S_ISLNK(st.st_mode) && (stat(full, &st) != 0 || S_ISDIR(st.st_mode))) {
                    free(full);
                    continue;
                }
                add(out, full);
            } else {
                free(full);
            }
        }
        closedir(d);
        free(dir);
        /* push subdirectories in reverse so they pop in sorted order */
        if (subdirs.n > 1) {
            qsort(subdirs.items, subdirs.n, sizeof(char *), cmp_str);
        }
        for (size_t i = subdirs.n; i > 0; i--) {
            add(&stack, subdirs.items[i - 1]);
        }
        free(subdirs.items);
    }
    aipm_paths_release(&stack);
    /* One total order over the whole tree: sort the full paths found. */
    if (out->n - first > 1) {
        qsort(out->items + first, out->n - first, sizeof(char *), cmp_str);
    }
    if (rc == 0 && out->n == first) {
        return aipm_error_set(err, NULL, 0, 0, "no Markdown files (*.md, *.markdown) in '%s'",
                              root);
    }
    return rc;
}

int aipm_paths_expand(aipm_paths *out, const char *arg, aipm_error *err) {
    if (strcmp(arg, "-") == 0) {
        add(out, aipm_xstrdup(arg));
        return 0;
    }
    struct stat st;
    if (stat(arg, &st) != 0) {
        return aipm_error_set(err, NULL, 0, 0, "cannot read '%s': %s", arg, strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        return walk(out, arg, err);
    }
    add(out, aipm_xstrdup(arg));
    return 0;
}

void aipm_paths_release(aipm_paths *p) {
    for (size_t i = 0; i < p->n; i++) {
        free(p->items[i]);
    }
    free(p->items);
    p->items = NULL;
    p->n = p->cap = 0;
}
