/*
 * main: the aipm-lint command. Options -> ruleset -> lint every file ->
 * reporter -> exit code. The only place that prints errors and exits.
 *
 * Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
 * 2 a usage, rule-file or I/O error (every other file is still linted).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <aipm/aipm.h>

#include "baseline.h"
#include "buf.h"
#include "builtin.h"
#include "checks/check.h"
#include "cli.h"
#include "config.h"
#include "engine.h"
#include "error.h"
#include "io.h"
#include "jobs.h"
#include "lint.h"
#include "mem.h"
#include "paths.h"
#include "report/report.h"
#include "ruleset.h"
#include "suggest.h"

enum { AIPM_EXIT_OK = 0, AIPM_EXIT_FINDINGS = 1, AIPM_EXIT_ERROR = 2 };

static void print_error(const aipm_error *err) {
    aipm_buf b = AIPM_BUF_INIT;
    aipm_error_format(err, &b);
    fputs(b.ptr, stderr);
    aipm_buf_release(&b);
}

static int usage_error(const aipm_error *err) {
    print_error(err);
    fputs("try 'aipm-lint --help'\n", stderr);
    return AIPM_EXIT_ERROR;
}

static int load_rules(aipm_ruleset *rs, const aipm_cli *cli, aipm_error *err) {
    if (!cli->no_builtin && aipm_ruleset_load_builtin(rs, err) < 0) {
        return -1;
    }
    for (size_t i = 0; i < cli->n_rules; i++) {
        size_t len;
        char *data =
            aipm_io_read(cli->rules[i], cli->rules[i], AIPM_IO_DEFAULT_MAX_SIZE, &len, err);
        if (!data) {
            return -1;
        }
        int rc = aipm_ruleset_load(rs, cli->rules[i], data, len, false, err);
        free(data);
        if (rc < 0) {
            return -1;
        }
    }
    return aipm_ruleset_finish(rs, err);
}

static void kinds_text(aipm_buf *b, unsigned kinds) {
    if (!kinds) {
        aipm_buf_puts(b, "all");
        return;
    }
    bool first = true;
    for (int k = 0; k < AIPM_KIND_COUNT; k++) {
        if (kinds & (1u << k)) {
            aipm_buf_printf(b, "%s%s", first ? "" : ", ", aipm_kind_name((aipm_kind)k));
            first = false;
        }
    }
}

static int list_rules(const aipm_ruleset *rs) {
    size_t w = 4;
    for (size_t i = 0; i < rs->n_rules; i++) {
        size_t n = strlen(rs->rules[i]->id);
        w = n > w ? n : w;
    }
    printf("%-*s  %-8s %-16s %s\n", (int)w, "rule", "severity", "check", "summary");
    for (size_t i = 0; i < rs->n_rules; i++) {
        const aipm_rule *r = rs->rules[i];
        printf("%-*s  %-8s %-16s %s%s\n", (int)w, r->id, aipm_severity_name(rs->severity[i]),
               r->check->name, r->summary, rs->enabled[i] ? "" : " (disabled)");
    }
    return AIPM_EXIT_OK;
}

static const char *trait_names(const aipm_ruleset *rs, uint64_t bits, aipm_buf *b) {
    aipm_buf_clear(b);
    for (size_t t = 0; t < rs->n_traits; t++) {
        if (bits & ((uint64_t)1 << t)) {
            aipm_buf_printf(b, "%s%s", b->len ? ", " : "", rs->traits[t].name);
        }
    }
    return b->ptr;
}

static int explain(const aipm_ruleset *rs, const char *id) {
    const aipm_rule *r = aipm_ruleset_find(rs, id);
    if (!r) {
        const char **ids = aipm_xcalloc(rs->n_rules + 1, sizeof(*ids));
        for (size_t i = 0; i < rs->n_rules; i++) {
            ids[i] = rs->rules[i]->id;
        }
        const char *hint = aipm_suggest(id, ids);
        aipm_error err = AIPM_ERROR_INIT;
        if (hint) {
            aipm_error_set(&err, NULL, 0, 0, "--explain: no rule '%s' (did you mean '%s'?)", id,
                           hint);
        } else {
            aipm_error_set(&err, NULL, 0, 0, "--explain: no rule '%s' (see --list-rules)", id);
        }
        free(ids);
        print_error(&err);
        aipm_error_release(&err);
        return AIPM_EXIT_ERROR;
    }
    aipm_buf b = AIPM_BUF_INIT;
    size_t idx = aipm_ruleset_index(rs, r);
    printf("%s: %s\n\n", r->id, r->summary);
    printf("  severity: %s\n", aipm_severity_name(rs->severity[idx]));
    kinds_text(&b, r->kinds);
    printf("  kinds:    %s\n", b.ptr);
    printf("  check:    %s (unit: %s)\n", r->check->name, aipm_unit_name(aipm_rule_unit(r)));
    if (r->when_traits || r->when_not_traits) {
        printf("  when:     %s", trait_names(rs, r->when_traits, &b));
        if (r->when_not_traits) {
            printf("%snot %s", r->when_traits ? "; " : "", trait_names(rs, r->when_not_traits, &b));
        }
        printf("\n");
    }
    printf("  defined:  %s:%u:%u\n", r->path, r->line, r->col);
    if (r->builtin) {
        printf("  docs:     docs/rules/%s.md\n", r->id);
    }
    if (r->help) {
        printf("\n%s", r->help);
        if (r->help[0] && r->help[strlen(r->help) - 1] != '\n') {
            printf("\n");
        }
    }
    for (int which = 0; which < 2; which++) {
        char **ex = which ? r->good : r->bad;
        size_t n = which ? r->n_good : r->n_bad;
        if (n) {
            printf("\n%s:\n", which ? "Good" : "Bad");
        }
        for (size_t i = 0; i < n; i++) {
            /* indent every line of a multi-line example under its bullet */
            printf("  - ");
            for (const char *p = ex[i]; *p; p++) {
                putchar(*p);
                if (*p == '\n' && p[1] && p[1] != '\n') {
                    printf("    ");
                }
            }
            printf("\n");
        }
    }
    aipm_buf_release(&b);
    return AIPM_EXIT_OK;
}

/* Run one example of 'r'; return the number of diagnostics of that rule. */
static size_t run_example(const aipm_ruleset *rs, aipm_engine *e, const aipm_rule *r,
                          const char *text, aipm_error *err) {
    aipm_lint_opts opts;
    memset(&opts, 0, sizeof(opts));
    opts.kind = AIPM_KIND_COUNT;
    for (int k = 0; k < AIPM_KIND_COUNT; k++) {
        if (r->kinds & (1u << k)) {
            opts.kind = (aipm_kind)k;
            break;
        }
    }
    opts.max_file_size = AIPM_IO_DEFAULT_MAX_SIZE;
    aipm_file_result res;
    aipm_lint_buffer(rs, e, &opts, r->id, text, strlen(text), r, &res);
    size_t n = 0;
    if (!res.ok) {
        aipm_error_set(err, r->path, r->line, r->col, "rule '%s': example does not parse: %s",
                       r->id, res.error.msg);
    }
    for (size_t i = 0; i < res.diags.n; i++) {
        n += strcmp(res.diags.items[i].rule, r->id) == 0;
    }
    aipm_file_result_release(&res);
    return n;
}

static int test_rules(const aipm_ruleset *rs) {
    aipm_engine *e = aipm_engine_new(rs);
    size_t failures = 0, examples = 0, tested = 0;
    for (size_t i = 0; i < rs->n_rules; i++) {
        const aipm_rule *r = rs->rules[i];
        if (!rs->enabled[i]) {
            continue;
        }
        tested++;
        if (r->n_bad == 0 || r->n_good == 0) {
            fprintf(stderr, "%s:%u:%u: error: rule '%s' has no %s examples\n", r->path, r->line,
                    r->col, r->id, r->n_bad == 0 ? "bad" : "good");
            failures++;
        }
        for (int which = 0; which < 2; which++) {
            char **ex = which ? r->good : r->bad;
            size_t n = which ? r->n_good : r->n_bad;
            for (size_t k = 0; k < n; k++) {
                aipm_error err = AIPM_ERROR_INIT;
                size_t hits = run_example(rs, e, r, ex[k], &err);
                examples++;
                if (err.set) {
                    print_error(&err);
                    failures++;
                } else if (which == 0 && hits == 0) {
                    fprintf(stderr,
                            "%s:%u:%u: error: rule '%s': bad example %zu did not fire: %s\n",
                            r->path, r->line, r->col, r->id, k + 1, ex[k]);
                    failures++;
                } else if (which == 1 && hits > 0) {
                    fprintf(stderr,
                            "%s:%u:%u: error: rule '%s': good example %zu fired %zu time%s: %s\n",
                            r->path, r->line, r->col, r->id, k + 1, hits, hits == 1 ? "" : "s",
                            ex[k]);
                    failures++;
                }
                aipm_error_release(&err);
            }
        }
    }
    aipm_engine_free(e);
    printf("rule self-tests: %zu rules, %zu examples: %zu passed, %zu failed\n", tested, examples,
           examples - (failures > examples ? examples : failures), failures);
    return failures ? AIPM_EXIT_FINDINGS : AIPM_EXIT_OK;
}

static bool want_color(aipm_color_mode mode) {
    if (mode == AIPM_COLOR_ALWAYS) {
        return true;
    }
    if (mode == AIPM_COLOR_NEVER) {
        return false;
    }
    const char *no = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if ((no && *no) || (term && strcmp(term, "dumb") == 0)) {
        return false;
    }
    return isatty(STDOUT_FILENO);
}

/* Per-rule counts, on 'out' (stderr when stdout carries a machine format). */
static void print_statistics(FILE *out, const aipm_ruleset *rs, const aipm_file_result *files,
                             size_t n) {
    for (size_t i = 0; i < rs->n_rules; i++) {
        size_t count = 0;
        for (size_t f = 0; f < n; f++) {
            for (size_t k = 0; k < files[f].diags.n; k++) {
                count += strcmp(files[f].diags.items[k].rule, rs->rules[i]->id) == 0;
            }
        }
        if (count) {
            fprintf(out, "%6zu  %-32s %s\n", count, rs->rules[i]->id, rs->rules[i]->summary);
        }
    }
}

/* One --jobs work item: lint paths->items[i] into results[i] (jobs.h). */
typedef struct lint_job {
    const aipm_ruleset *rs;
    const aipm_lint_opts *opts;
    const aipm_paths *paths;
    aipm_file_result *results;
    const aipm_file_settings *settings; /* per path, from the config (config.h) */
} lint_job;

static void lint_one(void *arg, aipm_engine *e, size_t i) {
    const lint_job *job = arg;
    const aipm_file_settings *fs = &job->settings[i];
    if (fs->config) {
        aipm_lint_opts o = *job->opts;
        o.enabled = fs->enabled;
        o.severity = fs->severity;
        o.has_config_kind = fs->has_kind;
        o.config_kind = fs->kind;
        aipm_lint_file(fs->rs, e, &o, job->paths->items[i], &job->results[i]);
        return;
    }
    aipm_lint_file(job->rs, e, job->opts, job->paths->items[i], &job->results[i]);
}

static aipm_config_cli config_cli(const aipm_cli *cli) {
    aipm_config_cli c;
    memset(&c, 0, sizeof(c));
    c.config = cli->config;
    c.no_config = cli->no_config;
    c.no_builtin = cli->no_builtin;
    c.rules = cli->rules;
    c.n_rules = cli->n_rules;
    c.select = cli->select;
    c.n_select = cli->n_select;
    c.ignore = cli->ignore;
    c.n_ignore = cli->n_ignore;
    c.stdin_name = cli->stdin_filename;
    return c;
}

/* --print-config FILE: the effective settings and where each came from. */
static int print_config(const aipm_cli *cli, const aipm_ruleset *rs) {
    aipm_config_cli ccli = config_cli(cli);
    aipm_config_set *set = aipm_config_set_new(rs, &ccli);
    aipm_file_settings fs;
    aipm_error err = AIPM_ERROR_INIT;
    int status = AIPM_EXIT_OK;
    if (aipm_config_resolve(set, cli->print_config, &fs, &err) < 0) {
        print_error(&err);
        status = AIPM_EXIT_ERROR;
    } else {
        aipm_config_print(stdout, cli->print_config, &fs, &ccli,
                          cli->fail_on_set ? cli->fail_on : -1);
        aipm_file_settings_release(&fs);
    }
    aipm_error_release(&err);
    aipm_config_set_free(set);
    return status;
}

/* Resolve every path's config; drop ignored paths, and paths whose config is
 * invalid (each error printed once); -1 when there was such an error. */
static int resolve_configs(aipm_config_set *set, aipm_paths *paths, aipm_file_settings *fs) {
    size_t keep = 0;
    int rc = 0;
    aipm_buf printed = AIPM_BUF_INIT; /* the error lines printed so far */
    for (size_t i = 0; i < paths->n; i++) {
        aipm_error err = AIPM_ERROR_INIT;
        if (aipm_config_resolve(set, paths->items[i], &fs[keep], &err) < 0) {
            aipm_buf msg = AIPM_BUF_INIT;
            aipm_error_format(&err, &msg);
            if (!printed.ptr || !strstr(printed.ptr, msg.ptr)) {
                fputs(msg.ptr, stderr);
                aipm_buf_puts(&printed, msg.ptr);
            }
            aipm_buf_release(&msg);
            aipm_error_release(&err);
            aipm_file_settings_release(&fs[keep]);
            free(paths->items[i]);
            rc = -1;
            continue;
        }
        if (fs[keep].ignored) {
            aipm_file_settings_release(&fs[keep]);
            free(paths->items[i]);
            continue;
        }
        paths->items[keep++] = paths->items[i];
    }
    paths->n = keep;
    aipm_buf_release(&printed);
    return rc;
}

/* True when a finding is at or above its file's fail-on level (--fail-on, else its config's). */
static bool fails(const aipm_cli *cli, const aipm_file_result *results,
                  const aipm_file_settings *fs, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int level = cli->fail_on_set || fs[i].fail_on < 0 ? cli->fail_on : fs[i].fail_on;
        for (int s = level; s <= AIPM_SEV_ERROR; s++) {
            if (aipm_report_count(&results[i], 1, (aipm_severity)s)) {
                return true;
            }
        }
    }
    return false;
}

/* --write-baseline: record the findings; exit status 0 unless the file cannot be written. */
static int write_baseline(const char *path, const aipm_file_result *results, size_t n) {
    aipm_baseline b = AIPM_BASELINE_INIT;
    size_t findings = 0;
    for (size_t i = 0; i < n; i++) {
        aipm_baseline_add(&b, &results[i]);
        findings += results[i].diags.n;
    }
    aipm_buf out = AIPM_BUF_INIT;
    aipm_baseline_format(&b, &out);
    int status = AIPM_EXIT_OK;
    FILE *f = fopen(path, "w");
    bool bad = !f;
    if (f) {
        bad = fwrite(out.ptr, 1, out.len, f) != out.len;
        bad = (ferror(f) | fclose(f)) || bad;
    }
    if (bad) {
        fprintf(stderr, "aipm-lint: error: cannot write '%s': %s\n", path, strerror(errno));
        status = AIPM_EXIT_ERROR;
    } else {
        fprintf(stderr, "aipm-lint: wrote %zu finding%s (%zu entr%s) to '%s'\n", findings,
                findings == 1 ? "" : "s", b.n, b.n == 1 ? "y" : "ies", path);
    }
    aipm_buf_release(&out);
    aipm_baseline_release(&b);
    return status;
}

/*
 * Compiling the patterns a run uses to machine code (PCRE2 JIT) costs about
 * what it saves over 100 KB of Markdown, so a run over less than
 * JIT_MIN_BYTES of files in all (a pre-commit hook's few changed files) is
 * matched with PCRE2's interpreter. Decided once per run, from the files'
 * sizes, so the output does not depend on --jobs. Standard input counts 0.
 */
#define JIT_MIN_BYTES ((off_t)128 * 1024)

static bool short_run(const aipm_paths *paths) {
    off_t total = 0;
    for (size_t i = 0; i < paths->n && total < JIT_MIN_BYTES; i++) {
        struct stat st;
        if (strcmp(paths->items[i], "-") != 0 && stat(paths->items[i], &st) == 0 &&
            S_ISREG(st.st_mode)) {
            total += st.st_size;
        }
    }
    return total < JIT_MIN_BYTES;
}

/* --jobs, or the number of CPUs; one thread when stdin is read twice ('-' '-'),
 * so the first '-' gets the input as in a serial run. */
static unsigned n_jobs(const aipm_cli *cli, const aipm_paths *paths) {
    size_t n_stdin = 0;
    for (size_t i = 0; i < paths->n; i++) {
        n_stdin += strcmp(paths->items[i], "-") == 0;
    }
    if (n_stdin > 1) {
        return 1;
    }
    return cli->jobs ? cli->jobs : aipm_jobs_default();
}

static bool outputs_need_source(const aipm_cli *cli) {
    for (size_t i = 0; i < cli->n_outputs; i++) {
        if (aipm_report_find(cli->outputs[i].format)->needs_source) {
            return true;
        }
    }
    return false;
}

/* Write every --format to its destination; on a failed file print why and return -1. */
static int write_outputs(const aipm_cli *cli, const aipm_file_result *results, size_t n,
                         const aipm_report_opts *ropts) {
    int rc = 0;
    for (size_t i = 0; i < cli->n_outputs; i++) {
        const aipm_cli_output *o = &cli->outputs[i];
        const aipm_reporter *rep = aipm_report_find(o->format);
        aipm_report_opts opts = *ropts;
        if (!o->path) {
            rep->write(stdout, results, n, &opts);
            continue;
        }
        opts.color = false;
        opts.show_source = false;
        FILE *f = fopen(o->path, "w");
        if (!f) {
            fprintf(stderr, "aipm-lint: error: cannot write '%s': %s\n", o->path, strerror(errno));
            rc = -1;
            continue;
        }
        rep->write(f, results, n, &opts);
        if (ferror(f) | fclose(f)) {
            fprintf(stderr, "aipm-lint: error: writing '%s' failed: %s\n", o->path,
                    strerror(errno));
            rc = -1;
        }
    }
    return rc;
}

static int lint_paths(const aipm_cli *cli, const aipm_ruleset *rs) {
    int status = AIPM_EXIT_OK;
    aipm_paths paths = AIPM_PATHS_INIT;
    const char *dot[] = {"."};
    const char *const *args = cli->n_paths ? cli->paths : dot;
    size_t n_args = cli->n_paths ? cli->n_paths : 1;
    for (size_t i = 0; i < n_args; i++) {
        aipm_error err = AIPM_ERROR_INIT;
        if (aipm_paths_expand(&paths, args[i], &err) < 0) {
            print_error(&err);
            status = AIPM_EXIT_ERROR;
        }
        aipm_error_release(&err);
    }
    aipm_report_opts ropts;
    memset(&ropts, 0, sizeof(ropts));
    ropts.color = want_color(cli->color);
    ropts.show_source = cli->show_source == 1 ||
                        (cli->show_source == -1 && ropts.color && cli->color == AIPM_COLOR_AUTO);
    ropts.quiet = cli->quiet;
    ropts.rules = rs;
    ropts.fail_on = cli->fail_on;
    ropts.step_summary = getenv("GITHUB_STEP_SUMMARY");
    aipm_lint_opts lopts;
    memset(&lopts, 0, sizeof(lopts));
    lopts.kind = cli->kind;
    lopts.max_file_size = cli->max_file_size;
    lopts.stdin_name = cli->stdin_filename ? cli->stdin_filename : "<stdin>";
    lopts.keep_source = ropts.show_source || outputs_need_source(cli) || cli->baseline ||
                        cli->write_baseline; /* baseline fingerprints read the source */
    lopts.no_jit = short_run(&paths);

    aipm_config_cli ccli = config_cli(cli);
    aipm_config_set *cset = aipm_config_set_new(rs, &ccli);
    aipm_file_settings *settings = aipm_xcalloc(paths.n + 1, sizeof(*settings));
    aipm_baseline baseline = AIPM_BASELINE_INIT;
    aipm_error berr = AIPM_ERROR_INIT;
    if (resolve_configs(cset, &paths, settings) < 0) {
        status = AIPM_EXIT_ERROR; /* the other files are still linted */
    }
    if (cli->baseline && aipm_baseline_load(&baseline, cli->baseline, &berr) < 0) {
        print_error(&berr);
        for (size_t i = 0; i < paths.n; i++) {
            aipm_file_settings_release(&settings[i]);
        }
        aipm_error_release(&berr);
        aipm_baseline_release(&baseline);
        free(settings);
        aipm_config_set_free(cset);
        aipm_paths_release(&paths);
        return AIPM_EXIT_ERROR;
    }

    aipm_file_result *results = aipm_xcalloc(paths.n + 1, sizeof(*results));
    lint_job job = {rs, &lopts, &paths, results, settings};
    aipm_jobs_run(rs, paths.n, n_jobs(cli, &paths), lint_one, &job);
    for (size_t i = 0; i < paths.n; i++) {
        if (!results[i].ok) {
            print_error(&results[i].error);
            status = AIPM_EXIT_ERROR;
        } else if (results[i].invalid_utf8_line) {
            fprintf(stderr, "%s:%u: warning: invalid UTF-8; each bad byte counts as one column\n",
                    results[i].path, results[i].invalid_utf8_line);
        }
    }
    if (cli->write_baseline) {
        int ws = write_baseline(cli->write_baseline, results, paths.n);
        status = status == AIPM_EXIT_OK ? ws : status;
        goto release;
    }
    for (size_t i = 0; cli->baseline && i < paths.n; i++) {
        aipm_baseline_filter(&baseline, &results[i]);
    }
    int *file_fail_on = aipm_xcalloc(paths.n + 1, sizeof(*file_fail_on));
    for (size_t i = 0; i < paths.n; i++) { /* as fails() decides it, for junit */
        file_fail_on[i] =
            cli->fail_on_set || settings[i].fail_on < 0 ? cli->fail_on : settings[i].fail_on;
    }
    ropts.file_fail_on = file_fail_on;
    bool write_failed = write_outputs(cli, results, paths.n, &ropts) < 0;
    free(file_fail_on);
    size_t stale = cli->baseline ? aipm_baseline_stale(&baseline) : 0;
    if (stale) {
        fprintf(stderr,
                "aipm-lint: warning: %zu baseline entr%s stale (matched nothing); shrink '%s' "
                "with --write-baseline\n",
                stale, stale == 1 ? "y is" : "ies are", cli->baseline);
    }
    if (cli->statistics) {
        bool text = cli->format && strcmp(cli->format, "text") == 0;
        print_statistics(text ? stdout : stderr, rs, results, paths.n);
    }
    if (status == AIPM_EXIT_OK && fails(cli, results, settings, paths.n)) {
        status = AIPM_EXIT_FINDINGS;
    }
    if (status == AIPM_EXIT_OK && cli->max_warnings >= 0 &&
        aipm_report_count(results, paths.n, AIPM_SEV_WARNING) > (size_t)cli->max_warnings) {
        status = AIPM_EXIT_FINDINGS;
    }
    if (write_failed) {
        status = AIPM_EXIT_ERROR;
    }
release:
    for (size_t i = 0; i < paths.n; i++) {
        aipm_file_result_release(&results[i]);
        aipm_file_settings_release(&settings[i]);
    }
    free(results);
    free(settings);
    aipm_baseline_release(&baseline);
    aipm_config_set_free(cset);
    aipm_paths_release(&paths);
    return status;
}

/*
 * A closed standard stream would let the next open() (an --output file, a
 * baseline) take its descriptor, so findings meant for stdout would land in
 * that file. Hold each closed one with /dev/null opened read-only: writing
 * to it then fails, and the run ends with "writing output failed", exit 2.
 */
static void reserve_std_fds(void) {
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            int got = open("/dev/null", O_RDONLY);
            if (got > 2) {
                close(got); /* fd was taken meanwhile: nothing to hold */
            }
        }
    }
}

int main(int argc, char **argv) {
    aipm_cli cli;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_ruleset rs = AIPM_RULESET_INIT;
    int status;
    /* EPIPE on stdout is handled at 'out:' (quietly) instead of dying by SIGPIPE */
    signal(SIGPIPE, SIG_IGN);
    reserve_std_fds();
    if (aipm_cli_parse(&cli, argc, argv, &err) < 0) {
        status = usage_error(&err);
        goto out;
    }
    if (cli.help) {
        aipm_cli_help(stdout);
        status = AIPM_EXIT_OK;
        goto out;
    }
    if (cli.version) {
        printf("aipm-lint %s\n", AIPM_VERSION);
        status = AIPM_EXIT_OK;
        goto out;
    }
    if (load_rules(&rs, &cli, &err) < 0) {
        print_error(&err);
        status = AIPM_EXIT_ERROR;
        goto out;
    }
    if (aipm_ruleset_select(&rs, cli.select, cli.n_select, cli.ignore, cli.n_ignore, &err) < 0) {
        status = usage_error(&err);
        goto out;
    }
    if (cli.list_rules) {
        status = list_rules(&rs);
    } else if (cli.explain) {
        status = explain(&rs, cli.explain);
    } else if (cli.test_rules) {
        status = test_rules(&rs);
    } else if (cli.print_config) {
        status = print_config(&cli, &rs);
    } else {
        status = lint_paths(&cli, &rs);
    }
out:
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        /* a reader that went away (| head) is not an error worth a message */
        if (errno != EPIPE) {
            fprintf(stderr, "aipm-lint: error: writing output failed: %s\n",
                    strerror(errno ? errno : EIO));
        }
        status = AIPM_EXIT_ERROR;
    }
    aipm_error_release(&err);
    aipm_ruleset_release(&rs);
    aipm_cli_release(&cli);
    return status;
}
