/*
 * cli: command-line options -> aipm_cli.
 *
 * Accepted forms: --opt VALUE, --opt=VALUE, short -f VALUE, bundled short
 * flags (-qV), and '--' to end options. Repeatable list options (--select,
 * --ignore) also split on commas: '--select vision,metrics'.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "diag.h"
#include "io.h"
#include "jobs.h"
#include "mem.h"
#include "report/report.h"
#include "suggest.h"

typedef enum opt_id {
    O_FORMAT,
    O_OUTPUT,
    O_RULES,
    O_NO_BUILTIN,
    O_KIND,
    O_SELECT,
    O_IGNORE,
    O_FAIL_ON,
    O_MAX_WARNINGS,
    O_LIST_RULES,
    O_EXPLAIN,
    O_TEST_RULES,
    O_COLOR,
    O_QUIET,
    O_SHOW_SOURCE,
    O_NO_SHOW_SOURCE,
    O_STATISTICS,
    O_STDIN_FILENAME,
    O_MAX_FILE_SIZE,
    O_JOBS,
    O_CONFIG,
    O_NO_CONFIG,
    O_PRINT_CONFIG,
    O_BASELINE,
    O_WRITE_BASELINE,
    O_VERSION,
    O_HELP
} opt_id;

typedef struct option {
    opt_id id;
    const char *name; /* long name without dashes */
    char short_name;  /* 0: none */
    const char *arg;  /* NULL: a flag */
    const char *help;
} option;

static const option options[] = {
    {O_FORMAT, "format", 'f', "NAME[=FILE]",
     "output format (below; repeatable; NAME=FILE writes it to FILE)"},
    {O_OUTPUT, "output", 'o', "FILE", "write the preceding --format (or the default) to FILE"},
    {O_RULES, "rules", 'r', "FILE", "load rules from a YAML rule file (repeatable)"},
    {O_NO_BUILTIN, "no-builtin", 0, NULL, "do not load the built-in rule pack"},
    {O_KIND, "kind", 'k', "KIND", "treat documents as vision, prd, onepager, spec or other"},
    {O_SELECT, "select", 's', "RULES", "run only these rule ids or families (comma-separated)"},
    {O_IGNORE, "ignore", 'i', "RULES", "skip these rule ids or families (comma-separated)"},
    {O_FAIL_ON, "fail-on", 0, "LEVEL",
     "exit 1 on findings at or above: error (default), warning, info, never"},
    {O_MAX_WARNINGS, "max-warnings", 0, "N", "also exit 1 when there are more than N warnings"},
    {O_LIST_RULES, "list-rules", 0, NULL, "list the loaded rules and exit"},
    {O_EXPLAIN, "explain", 0, "RULE", "show what a rule checks, why, and how to fix it"},
    {O_TEST_RULES, "test-rules", 0, NULL, "run every rule's examples (bad must fire, good not)"},
    {O_COLOR, "color", 0, "WHEN", "colour output: auto (default), always, never"},
    {O_QUIET, "quiet", 'q', NULL, "print findings only, no summary line"},
    {O_SHOW_SOURCE, "show-source", 0, NULL, "show the source line under each finding"},
    {O_NO_SHOW_SOURCE, "no-show-source", 0, NULL, "never show source lines"},
    {O_STATISTICS, "statistics", 0, NULL, "print a count per rule after the findings"},
    {O_STDIN_FILENAME, "stdin-filename", 0, "PATH", "name to report for '-' (stdin)"},
    {O_MAX_FILE_SIZE, "max-file-size", 0, "SIZE",
     "skip larger files with an error (default 10M; K and M suffixes)"},
    {O_JOBS, "jobs", 'j', "N", "lint on N threads (default: the number of CPUs)"},
    {O_CONFIG, "config", 'c', "FILE",
     "use this config instead of the nearest .aipm-lint.yaml above each file"},
    {O_NO_CONFIG, "no-config", 0, NULL, "ignore every .aipm-lint.yaml"},
    {O_PRINT_CONFIG, "print-config", 0, "FILE",
     "show the effective settings for FILE and where each comes from"},
    {O_BASELINE, "baseline", 0, "FILE", "report only findings not recorded in this baseline"},
    {O_WRITE_BASELINE, "write-baseline", 0, "FILE",
     "record the current findings in FILE (sorted JSON) and exit"},
    {O_VERSION, "version", 'V', NULL, "print the version and exit"},
    {O_HELP, "help", 'h', NULL, "print this help and exit"},
};

#define N_OPTIONS (sizeof(options) / sizeof(options[0]))

void aipm_cli_help(FILE *out) {
    fputs("usage: aipm-lint [OPTIONS] [PATH...]\n"
          "\n"
          "Lint Markdown product documents (visions, PRDs, one-pagers) for vague\n"
          "visions, missing audiences, unmeasurable metrics, missing feedback loops\n"
          "and unstated data assumptions. PATH is a file, a directory (searched for\n"
          "*.md and *.markdown) or '-' for stdin; the default is the current directory.\n"
          "\n"
          "options:\n",
          out);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const option *o = &options[i];
        char left[64];
        if (o->short_name) {
            snprintf(left, sizeof(left), "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        } else {
            snprintf(left, sizeof(left), "    --%s%s%s", o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        }
        fprintf(out, "  %-28s %s\n", left, o->help);
    }
    fputs("\nformats (--format):\n", out);
    for (const char *const *name = aipm_report_names(); *name; name++) {
        fprintf(out, "  %-12s %s\n", *name, aipm_report_find(*name)->description);
    }
    fputs("\n"
          "exit status:\n"
          "  0  no finding at or above the --fail-on level\n"
          "  1  findings at or above the --fail-on level, or over --max-warnings\n"
          "  2  usage, rule-file or I/O error (other files are still linted)\n"
          "\n"
          "environment:\n"
          "  NO_COLOR  when set and not empty, no colour unless --color=always\n"
          "  GITHUB_STEP_SUMMARY  --format github appends a table of all findings to it\n"
          "\n"
          "config:\n"
          "  .aipm-lint.yaml, the nearest one above each linted file (--config FILE\n"
          "  overrides, --no-config ignores): rule levels, rule files, kind globs,\n"
          "  ignored paths, per-glob overrides, fail-on. Inline comments such as\n"
          "  <!-- aipm-lint-disable-next-line RULE -- reason --> silence a finding.\n"
          "  See docs/configuration.md and aipm-lint --print-config FILE.\n"
          "\n"
          "Rule files: docs/rule-files.md. Rules: aipm-lint --list-rules, --explain RULE.\n",
          out);
}

static void push(const char ***list, size_t *n, const char *s) {
    *list = aipm_xreallocarray(*list, *n + 1, sizeof(**list));
    (*list)[(*n)++] = s;
}

static void push_split(aipm_cli *cli, const char ***list, size_t *n, const char *value) {
    const char *p = value;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        while (len && aipm_ascii_is_space((unsigned char)*p)) {
            p++;
            len--;
        }
        while (len && aipm_ascii_is_space((unsigned char)p[len - 1])) {
            len--;
        }
        if (len) {
            char *s = aipm_xstrndup(p, len);
            cli->owned = aipm_xreallocarray(cli->owned, cli->n_owned + 1, sizeof(*cli->owned));
            cli->owned[cli->n_owned++] = s;
            push(list, n, s);
        }
        if (!comma) {
            break;
        }
        p = comma + 1;
    }
}

static int parse_size(const char *s, size_t *out) {
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || s[0] == '-') {
        return -1;
    }
    unsigned long long mult = 1;
    if (*end == 'k' || *end == 'K') {
        mult = 1024;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        mult = 1024 * 1024;
        end++;
    } else if (*end == 'g' || *end == 'G') {
        mult = 1024ull * 1024 * 1024;
        end++;
    }
    if (*end != '\0' || v == 0 || v > (3ull << 30) / mult) {
        return -1;
    }
    *out = (size_t)(v * mult);
    return 0;
}

static const char *own(aipm_cli *cli, char *s) {
    cli->owned = aipm_xreallocarray(cli->owned, cli->n_owned + 1, sizeof(*cli->owned));
    cli->owned[cli->n_owned++] = s;
    return s;
}

/* --format NAME or NAME=FILE: one more output. */
static int add_format(aipm_cli *cli, const char *v, aipm_error *err) {
    const char *eq = strchr(v, '=');
    const char *name = own(cli, aipm_xstrndup(v, eq ? (size_t)(eq - v) : strlen(v)));
    if (!aipm_report_find(name)) {
        const char *const *names = aipm_report_names();
        const char *hint = aipm_suggest(name, names);
        aipm_buf list = AIPM_BUF_INIT;
        for (size_t i = 0; names[i]; i++) {
            aipm_buf_printf(&list, "%s%s", i == 0 ? "" : names[i + 1] ? ", " : " or ", names[i]);
        }
        aipm_error_set(err, NULL, 0, 0, "unknown format '%s'%s%s%s (expected %s)", name,
                       hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "",
                       list.ptr);
        aipm_buf_release(&list);
        return -1;
    }
    if (eq && !eq[1]) {
        return aipm_error_set(err, NULL, 0, 0, "'--format %s': no file name after '='", v);
    }
    cli->outputs = aipm_xreallocarray(cli->outputs, cli->n_outputs + 1, sizeof(*cli->outputs));
    cli->outputs[cli->n_outputs].format = name;
    cli->outputs[cli->n_outputs].path = eq ? eq + 1 : NULL;
    cli->n_outputs++;
    return 0;
}

/* --output FILE: the file of the preceding --format, or of the default text output. */
static int set_output(aipm_cli *cli, const char *v, aipm_error *err) {
    if (cli->n_outputs == 0) {
        add_format(cli, "text", err);
    }
    aipm_cli_output *o = &cli->outputs[cli->n_outputs - 1];
    if (o->path) {
        return aipm_error_set(err, NULL, 0, 0,
                              "'--output %s': format '%s' already writes to '%s' (give each "
                              "--format its own --output)",
                              v, o->format, o->path);
    }
    o->path = v;
    return 0;
}

/* After parsing: the default output, and at most one output per destination. */
static int check_outputs(aipm_cli *cli, aipm_error *err) {
    if (cli->n_outputs == 0) {
        add_format(cli, "text", err);
    }
    cli->format = NULL;
    for (size_t i = 0; i < cli->n_outputs; i++) {
        aipm_cli_output *o = &cli->outputs[i];
        if (o->path && strcmp(o->path, "-") == 0) {
            o->path = NULL;
        }
        for (size_t k = 0; k < i; k++) {
            const aipm_cli_output *p = &cli->outputs[k];
            if ((!o->path && !p->path) || (o->path && p->path && strcmp(o->path, p->path) == 0)) {
                return aipm_error_set(err, NULL, 0, 0,
                                      "formats '%s' and '%s' both write to %s%s%s (give one "
                                      "of them --output FILE)",
                                      p->format, o->format, o->path ? "'" : "standard output",
                                      o->path ? o->path : "", o->path ? "'" : "");
            }
        }
        if (!o->path) {
            cli->format = o->format;
        }
    }
    return 0;
}

static int apply(aipm_cli *cli, const option *o, const char *v, aipm_error *err) {
    switch (o->id) {
    case O_FORMAT:
        return add_format(cli, v, err);
    case O_OUTPUT:
        return set_output(cli, v, err);
    case O_MAX_WARNINGS: {
        char *end;
        long n = strtol(v, &end, 10);
        if (end == v || *end != '\0' || n < 0) {
            return aipm_error_set(err, NULL, 0, 0,
                                  "invalid count '%s' for --max-warnings (expected 0 or more)", v);
        }
        cli->max_warnings = n;
        break;
    }
    case O_RULES:
        push(&cli->rules, &cli->n_rules, v);
        break;
    case O_NO_BUILTIN:
        cli->no_builtin = true;
        break;
    case O_KIND:
        cli->kind = aipm_kind_parse(v);
        if (cli->kind == AIPM_KIND_COUNT) {
            return aipm_error_set(err, NULL, 0, 0,
                                  "unknown kind '%s' (expected vision, prd, onepager, spec or "
                                  "other)",
                                  v);
        }
        break;
    case O_SELECT:
        push_split(cli, &cli->select, &cli->n_select, v);
        break;
    case O_IGNORE:
        push_split(cli, &cli->ignore, &cli->n_ignore, v);
        break;
    case O_FAIL_ON: {
        aipm_severity s;
        cli->fail_on_set = true;
        if (strcmp(v, "never") == 0) {
            cli->fail_on = 3;
        } else if (aipm_severity_parse(v, &s) == 0) {
            cli->fail_on = (int)s;
        } else {
            return aipm_error_set(err, NULL, 0, 0,
                                  "unknown level '%s' for --fail-on (expected error, warning, "
                                  "info or never)",
                                  v);
        }
        break;
    }
    case O_LIST_RULES:
        cli->list_rules = true;
        break;
    case O_EXPLAIN:
        cli->explain = v;
        break;
    case O_TEST_RULES:
        cli->test_rules = true;
        break;
    case O_COLOR:
        if (strcmp(v, "auto") == 0) {
            cli->color = AIPM_COLOR_AUTO;
        } else if (strcmp(v, "always") == 0) {
            cli->color = AIPM_COLOR_ALWAYS;
        } else if (strcmp(v, "never") == 0) {
            cli->color = AIPM_COLOR_NEVER;
        } else {
            return aipm_error_set(err, NULL, 0, 0,
                                  "unknown value '%s' for --color (expected auto, always or never)",
                                  v);
        }
        break;
    case O_QUIET:
        cli->quiet = true;
        break;
    case O_SHOW_SOURCE:
        cli->show_source = 1;
        break;
    case O_NO_SHOW_SOURCE:
        cli->show_source = 0;
        break;
    case O_STATISTICS:
        cli->statistics = true;
        break;
    case O_STDIN_FILENAME:
        cli->stdin_filename = v;
        break;
    case O_MAX_FILE_SIZE:
        if (parse_size(v, &cli->max_file_size) < 0) {
            return aipm_error_set(err, NULL, 0, 0,
                                  "invalid size '%s' for --max-file-size (e.g. 512K, 10M)", v);
        }
        break;
    case O_CONFIG:
        cli->config = v;
        break;
    case O_NO_CONFIG:
        cli->no_config = true;
        break;
    case O_PRINT_CONFIG:
        cli->print_config = v;
        break;
    case O_BASELINE:
        cli->baseline = v;
        break;
    case O_WRITE_BASELINE:
        cli->write_baseline = v;
        break;
    case O_JOBS: {
        char *end;
        unsigned long n = strtoul(v, &end, 10);
        if (end == v || *end != '\0' || v[0] == '-' || n < 1 || n > AIPM_JOBS_MAX) {
            return aipm_error_set(err, NULL, 0, 0,
                                  "invalid value '%s' for --jobs (expected 1 to %u)", v,
                                  AIPM_JOBS_MAX);
        }
        cli->jobs = (unsigned)n;
        break;
    }
    case O_VERSION:
        cli->version = true;
        break;
    case O_HELP:
        cli->help = true;
        break;
    }
    return 0;
}

static const option *find_long(const char *name, size_t len) {
    for (size_t i = 0; i < N_OPTIONS; i++) {
        if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

static int unknown_option(const char *arg, aipm_error *err) {
    const char *names[N_OPTIONS + 1];
    for (size_t i = 0; i < N_OPTIONS; i++) {
        names[i] = options[i].name;
    }
    names[N_OPTIONS] = NULL;
    const char *name = arg + 2;
    char buf[128];
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    snprintf(buf, sizeof(buf), "%.*s", (int)(len < 100 ? len : 100), name);
    const char *hint = aipm_suggest(buf, names);
    if (hint) {
        return aipm_error_set(err, NULL, 0, 0, "unknown option '%s' (did you mean '--%s'?)", arg,
                              hint);
    }
    return aipm_error_set(err, NULL, 0, 0, "unknown option '%s'", arg);
}

int aipm_cli_parse(aipm_cli *cli, int argc, char **argv, aipm_error *err) {
    memset(cli, 0, sizeof(*cli));
    cli->format = "text";
    cli->kind = AIPM_KIND_COUNT;
    cli->fail_on = AIPM_SEV_ERROR;
    cli->max_warnings = -1;
    cli->color = AIPM_COLOR_AUTO;
    cli->show_source = -1;
    cli->max_file_size = AIPM_IO_DEFAULT_MAX_SIZE;
    bool only_paths = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
            push(&cli->paths, &cli->n_paths, a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_paths = true;
            continue;
        }
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            const option *o = find_long(name, eq ? (size_t)(eq - name) : strlen(name));
            if (!o) {
                return unknown_option(a, err);
            }
            const char *v = NULL;
            if (o->arg) {
                if (eq) {
                    v = eq + 1;
                } else if (i + 1 < argc) {
                    v = argv[++i];
                } else {
                    return aipm_error_set(err, NULL, 0, 0, "option '--%s' needs a value (%s)",
                                          o->name, o->arg);
                }
            } else if (eq) {
                return aipm_error_set(err, NULL, 0, 0, "option '--%s' takes no value", o->name);
            }
            if (apply(cli, o, v, err) < 0) {
                return -1;
            }
            continue;
        }
        /* short options, possibly bundled: -qV, -f json, -fjson */
        for (const char *p = a + 1; *p; p++) {
            const option *o = NULL;
            for (size_t k = 0; k < N_OPTIONS; k++) {
                if (options[k].short_name == *p) {
                    o = &options[k];
                }
            }
            if (!o) {
                return aipm_error_set(err, NULL, 0, 0, "unknown option '-%c'", *p);
            }
            const char *v = NULL;
            if (o->arg) {
                if (p[1]) {
                    v = p + 1;
                } else if (i + 1 < argc) {
                    v = argv[++i];
                } else {
                    return aipm_error_set(err, NULL, 0, 0, "option '-%c' needs a value (%s)", *p,
                                          o->arg);
                }
            }
            if (apply(cli, o, v, err) < 0) {
                return -1;
            }
            if (v) {
                break;
            }
        }
    }
    return check_outputs(cli, err);
}

void aipm_cli_release(aipm_cli *cli) {
    free(cli->outputs);
    free(cli->paths);
    free(cli->rules);
    free(cli->select);
    free(cli->ignore);
    for (size_t i = 0; i < cli->n_owned; i++) {
        free(cli->owned[i]);
    }
    free(cli->owned);
    memset(cli, 0, sizeof(*cli));
}
