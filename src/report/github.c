/*
 * report/github: GitHub Actions workflow commands, which the runner turns
 * into annotations on the pull request:
 *
 *   ::warning file=docs/a.md,line=3,endLine=3,col=12,endColumn=39,title=vision.vague::Vague phrase
 * ...
 *
 * Levels: error -> ::error, warning -> ::warning, info -> ::notice. col and
 * endColumn (inclusive: the last character) appear only when the span is on
 * one line. Escaping follows the runner: in the message %, CR and LF become
 * %25, %0D, %0A; in properties also ':' and ',' become %3A and %2C.
 *
 * GitHub shows at most 10 annotations of each level per step, so errors come
 * first, then warnings, then notices (each in the usual file and position
 * order). When opts->step_summary names a file (main.c passes
 * $GITHUB_STEP_SUMMARY), a Markdown table of every finding is appended to it
 * so none is lost to the cap.
 */
#include "report/report.h"

#include <errno.h>
#include <string.h>

static void escape(aipm_buf *b, const char *s, bool property) {
    for (; *s; s++) {
        switch (*s) {
        case '%':
            aipm_buf_puts(b, "%25");
            break;
        case '\r':
            aipm_buf_puts(b, "%0D");
            break;
        case '\n':
            aipm_buf_puts(b, "%0A");
            break;
        case ':':
            aipm_buf_puts(b, property ? "%3A" : ":");
            break;
        case ',':
            aipm_buf_puts(b, property ? "%2C" : ",");
            break;
        default:
            aipm_buf_putc(b, *s);
        }
    }
}

static const char *command(aipm_severity s) {
    return s == AIPM_SEV_ERROR ? "error" : s == AIPM_SEV_WARNING ? "warning" : "notice";
}

static void write_command(aipm_buf *b, const char *path, const aipm_diag *d) {
    aipm_buf_printf(b, "::%s file=", command(d->severity));
    escape(b, path, true);
    uint32_t end_line = d->end_line >= d->line ? d->end_line : d->line;
    aipm_buf_printf(b, ",line=%u,endLine=%u", d->line, end_line);
    if (end_line == d->line && d->col) {
        uint32_t last = d->end_col > d->col ? d->end_col - 1 : d->col;
        aipm_buf_printf(b, ",col=%u,endColumn=%u", d->col, last);
    }
    aipm_buf_puts(b, ",title=");
    escape(b, d->rule, true);
    aipm_buf_puts(b, "::");
    escape(b, d->message, false);
    aipm_buf_putc(b, '\n');
}

/* A table cell: one line, '|' escaped, HTML special characters as entities. */
static void cell(aipm_buf *b, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '|':
            aipm_buf_puts(b, "\\|");
            break;
        case '\\':
            aipm_buf_puts(b, "\\\\");
            break;
        case '<':
            aipm_buf_puts(b, "&lt;");
            break;
        case '>':
            aipm_buf_puts(b, "&gt;");
            break;
        case '&':
            aipm_buf_puts(b, "&amp;");
            break;
        case '`':
            aipm_buf_puts(b, "\\`");
            break;
        case '\r':
            break;
        case '\n':
            aipm_buf_puts(b, "<br>");
            break;
        default:
            aipm_buf_putc(b, *s);
        }
    }
}

static void write_summary(aipm_buf *b, const aipm_file_result *files, size_t n) {
    size_t e = aipm_report_count(files, n, AIPM_SEV_ERROR);
    size_t w = aipm_report_count(files, n, AIPM_SEV_WARNING);
    size_t in = aipm_report_count(files, n, AIPM_SEV_INFO);
    size_t linted = 0;
    for (size_t i = 0; i < n; i++) {
        linted += files[i].ok;
    }
    aipm_buf_puts(b, "### aipm-lint\n\n");
    if (e + w + in == 0) {
        aipm_buf_printf(b, "No problems in %zu file%s.\n\n", linted, linted == 1 ? "" : "s");
        return;
    }
    aipm_buf_printf(b, "%zu error%s, %zu warning%s, %zu info%s in %zu file%s.\n\n", e,
                    e == 1 ? "" : "s", w, w == 1 ? "" : "s", in, in == 1 ? "" : "s", linted,
                    linted == 1 ? "" : "s");
    aipm_buf_puts(b, "| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n");
    for (int s = AIPM_SEV_ERROR; s >= AIPM_SEV_INFO; s--) {
        for (size_t i = 0; i < n; i++) {
            for (size_t k = 0; files[i].ok && k < files[i].diags.n; k++) {
                const aipm_diag *d = &files[i].diags.items[k];
                if ((int)d->severity != s) {
                    continue;
                }
                aipm_buf_printf(b, "| %s | ", aipm_severity_name(d->severity));
                cell(b, files[i].path);
                aipm_buf_printf(b, ":%u:%u | ", d->line, d->col);
                cell(b, d->rule);
                aipm_buf_puts(b, " | ");
                cell(b, d->message);
                aipm_buf_puts(b, " |\n");
            }
        }
    }
    aipm_buf_putc(b, '\n');
}

static void write_github(FILE *out, const aipm_file_result *files, size_t n,
                         const aipm_report_opts *opts) {
    aipm_buf b = AIPM_BUF_INIT;
    for (int s = AIPM_SEV_ERROR; s >= AIPM_SEV_INFO; s--) {
        for (size_t i = 0; i < n; i++) {
            for (size_t k = 0; files[i].ok && k < files[i].diags.n; k++) {
                if ((int)files[i].diags.items[k].severity == s) {
                    write_command(&b, files[i].path, &files[i].diags.items[k]);
                }
            }
        }
        fwrite(b.ptr, 1, b.len, out);
        aipm_buf_clear(&b);
    }
    if (opts->step_summary && *opts->step_summary) {
        FILE *sum = fopen(opts->step_summary, "a");
        if (sum) {
            write_summary(&b, files, n);
            fwrite(b.ptr, 1, b.len, sum);
            fclose(sum);
        } else {
            /* say so where the run's log shows it, as a workflow command */
            aipm_buf_puts(&b, "::warning title=aipm-lint::cannot append the findings table to ");
            escape(&b, opts->step_summary, false);
            aipm_buf_puts(&b, ": ");
            escape(&b, strerror(errno), false);
            aipm_buf_putc(&b, '\n');
            fwrite(b.ptr, 1, b.len, out);
        }
    }
    aipm_buf_release(&b);
}

const aipm_reporter aipm_report_github = {
    "github", "GitHub Actions workflow commands (annotations)", write_github, false};
