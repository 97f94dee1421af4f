/*
 * api: the public API of include/aipm/aipm.h over the internal modules. A
 * linter owns a ruleset and one engine (so it is not for concurrent use;
 * make one linter per thread); a result owns one file's diagnostics.
 */
#include <aipm/aipm.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "engine.h"
#include "io.h"
#include "lint.h"
#include "mem.h"
#include "ruleset.h"

struct aipm_linter {
    aipm_ruleset rs;
    aipm_engine *engine; /* made on first lint, after every rule file is in */
    int builtin;
    bool finished;
};

struct aipm_result {
    aipm_file_result r;
};

static void set_err(char **out, aipm_error *err) {
    if (out) {
        aipm_buf b = AIPM_BUF_INIT;
        aipm_error_format(err, &b);
        aipm_buf_truncate(&b, b.len ? b.len - 1 : 0); /* no trailing newline */
        *out = aipm_buf_detach(&b);
    }
    aipm_error_release(err);
}

const char *aipm_version(void) {
    return AIPM_VERSION;
}

aipm_linter *aipm_linter_new(int builtin, char **err) {
    aipm_linter *l = aipm_xcalloc(1, sizeof(*l));
    aipm_error e = AIPM_ERROR_INIT;
    l->builtin = builtin;
    if (builtin && aipm_ruleset_load_builtin(&l->rs, &e) < 0) {
        set_err(err, &e);
        aipm_linter_free(l);
        return NULL;
    }
    return l;
}

int aipm_linter_add_rules(aipm_linter *l, const char *path, char **err) {
    aipm_error e = AIPM_ERROR_INIT;
    if (l->finished) {
        aipm_error_set(&e, path, 0, 0, "rules must be added before the first lint");
        set_err(err, &e);
        return -1;
    }
    size_t len;
    char *data = aipm_io_read(path, path, AIPM_IO_DEFAULT_MAX_SIZE, &len, &e);
    if (!data || aipm_ruleset_load(&l->rs, path, data, len, false, &e) < 0) {
        free(data);
        set_err(err, &e);
        return -1;
    }
    free(data);
    return 0;
}

aipm_result *aipm_linter_lint(aipm_linter *l, const char *path, const char *text, size_t len,
                              char **err) {
    aipm_error e = AIPM_ERROR_INIT;
    if (!l->finished) {
        if (aipm_ruleset_finish(&l->rs, &e) < 0) {
            set_err(err, &e);
            return NULL;
        }
        l->finished = true;
        l->engine = aipm_engine_new(&l->rs);
    }
    aipm_lint_opts opts;
    memset(&opts, 0, sizeof(opts));
    opts.kind = AIPM_KIND_COUNT;
    opts.max_file_size = AIPM_IO_DEFAULT_MAX_SIZE;
    aipm_result *res = aipm_xcalloc(1, sizeof(*res));
    aipm_lint_buffer(&l->rs, l->engine, &opts, path, text, len, NULL, &res->r);
    if (!res->r.ok) {
        aipm_error moved = res->r.error;
        memset(&res->r.error, 0, sizeof(res->r.error));
        set_err(err, &moved);
        aipm_result_free(res);
        return NULL;
    }
    return res;
}

void aipm_linter_free(aipm_linter *l) {
    if (!l) {
        return;
    }
    aipm_engine_free(l->engine);
    aipm_ruleset_release(&l->rs);
    free(l);
}

size_t aipm_result_count(const aipm_result *r) {
    return r->r.diags.n;
}

const char *aipm_result_kind(const aipm_result *r) {
    return aipm_kind_name(r->r.kind);
}

const char *aipm_result_rule(const aipm_result *r, size_t i) {
    return r->r.diags.items[i].rule;
}

const char *aipm_result_severity(const aipm_result *r, size_t i) {
    return aipm_severity_name(r->r.diags.items[i].severity);
}

const char *aipm_result_message(const aipm_result *r, size_t i) {
    return r->r.diags.items[i].message;
}

unsigned aipm_result_line(const aipm_result *r, size_t i) {
    return r->r.diags.items[i].line;
}

unsigned aipm_result_column(const aipm_result *r, size_t i) {
    return r->r.diags.items[i].col;
}

unsigned aipm_result_end_line(const aipm_result *r, size_t i) {
    return r->r.diags.items[i].end_line;
}

unsigned aipm_result_end_column(const aipm_result *r, size_t i) {
    return r->r.diags.items[i].end_col;
}

void aipm_result_free(aipm_result *r) {
    if (!r) {
        return;
    }
    aipm_file_result_release(&r->r);
    free(r);
}
